"""Floors on the held-back halves of the fifth and sixth real-mail collections
(tests/corpus_real5, tests/corpus_real6; their READMEs give sources, splits and figures),
collected in session 6 by helpers who never read the judge. The held-back halves are
scored by `bench/score_blind.py`, which prints aggregates only; nobody who changes the
judge reads its answers on them, and these tests name no message.

Blind figures, the judge at the start of session 6 (20e07af) -> at its end:
- corpus_real5 held back (151): 65.6% -> 66.9%; sure judgements right 56/58 -> 57/59.
- corpus_real6 held back (131): 58.0% -> 61.1%; sure judgements right 29/35 -> 27/30
  (90%: SPEC's 98% is not met on this collection, so it is not floored at 98% here).
The floors guard those figures; they say nothing about generalisation beyond them.

Session 9 opened both halves to the judge's work (bench/real_mail.py: scored blind three
times or more, they measured nothing new); the floors stay, now as plain floors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup.judge.model import SURE_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.evaluate import Outcome, judge_case, score  # noqa: E402
from bench.score_blind import select  # noqa: E402

# collection -> (messages held back, accuracy floor, sure-right floor, fewest sure)
FLOORS = {"corpus_real5": (151, 0.66, 0.96, 50), "corpus_real6": (131, 0.60, 0.89, 25)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def held_back(request: pytest.FixtureRequest) -> tuple[str, list[Outcome]]:
    name = request.param
    outcomes = [judge_case(case) for case in select(ROOT / "tests" / name, "held_back")]
    assert len(outcomes) == FLOORS[name][0], f"{name}: held-back half size"
    return name, outcomes


def test_the_held_back_half_stays_where_it_was_scored_blind(
        held_back: tuple[str, list[Outcome]]) -> None:
    name, outcomes = held_back
    accuracy = float(score(outcomes).accuracy)  # a number alone: a failure names no message
    assert accuracy >= FLOORS[name][1], f"{accuracy:.3f}"


def test_sure_judgements_on_the_held_back_half_stay_as_right(
        held_back: tuple[str, list[Outcome]]) -> None:
    name, outcomes = held_back
    sure = [o.kind == o.case.expected["kind"] for o in outcomes
            if o.judgement and o.judgement.confidence >= SURE_THRESHOLD]
    count, right = len(sure), sum(sure)
    assert count >= FLOORS[name][3] and right / count >= FLOORS[name][2], f"{right} of {count}"
