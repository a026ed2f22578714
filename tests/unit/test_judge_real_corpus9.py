"""Floors on the ninth real-mail collection (tests/corpus_real9; its READMEs give sources
and the split). The train half's floors stand with corpus_real7's and 8's
(tests/unit/test_judge_real_corpus7.py); the held-back half is read through
`bench/score_blind.select`, in aggregates only (a failure names no message).

Held back (113): 68.1% at the start of session 9 (f13e8a1, first score, blind: English
71.7%, German/French/Spanish 65.0%), sure judgements right 36 of 37; 71.7% at its end
(73.6%, 70.0%), sure 44 of 45. These floors guard the figures, a little under them; they
say nothing about generalisation beyond them.
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

CORPUS = ROOT / "tests" / "corpus_real9"
HELD_BACK_FLOORS = {"accuracy": 0.70, "sure_right": 0.95, "fewest_sure": 40}


@pytest.fixture(scope="module")
def held_back() -> list[Outcome]:
    outcomes = [judge_case(case) for case in select(CORPUS, "held_back")]
    assert len(outcomes) == 113, "tests/corpus_real9 held-back half: 113 messages"
    return outcomes


def test_the_held_back_half_stays_where_it_was_scored_blind(held_back: list[Outcome]) -> None:
    accuracy = float(score(held_back).accuracy)  # a number alone: a failure names no message
    assert accuracy >= HELD_BACK_FLOORS["accuracy"], f"{accuracy:.3f}"


def test_sure_judgements_on_the_held_back_half_stay_as_right(held_back: list[Outcome]) -> None:
    sure = [o.kind == o.case.expected["kind"] for o in held_back
            if o.judgement and o.judgement.confidence >= SURE_THRESHOLD]
    count, right = len(sure), sum(sure)  # numbers alone: a failure names no message
    assert count >= HELD_BACK_FLOORS["fewest_sure"], count
    assert right / count >= HELD_BACK_FLOORS["sure_right"], f"{right} of {count}"
