"""Floors on the train half of the seventh real-mail collection (tests/corpus_real7; its
READMEs give sources and the split), as tests/corpus_real3's train half is floored. Read
through `bench/real_mail.real_cases`, so its held-back half (HELD_BACK.txt) is never
opened here; that half is scored by `bench/score_blind.py` alone, in aggregates.

Train half (166 messages), the judge as shipped: 68.7% at the start of session 7 (c7168d6)
-> 91.0% after round seven's families (sure judgements right 67 of 67; out of fold, with
the folds' models trained on the rest, 90.4% and 66 of 66, bench/cv_judge.py). The model
shipped is still session 6's: retrained with this half it read 94.0% here, but broke a
family test of our own (tests/unit/test_judge_families_round6.py, a debrief promising an
answer, whose reading by the model turns on its training's random order) and a blind
floor, so it was not kept (bench/README.md, round seven). These floors guard the train
figures, a little under them; they say nothing about the held-back half.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup.judge.model import SURE_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.evaluate import Case, Outcome, judge_case, score  # noqa: E402
from bench.real_mail import real_cases  # noqa: E402

CORPUS = ROOT / "tests" / "corpus_real7"
TRAIN_FLOORS = {"accuracy": 0.89, "sure_right": 0.98, "fewest_sure": 62}


@pytest.fixture(scope="module")
def train() -> list[Outcome]:
    outcomes = [judge_case(Case(name, raw, label)) for name, _, raw, label in real_cases(CORPUS)]
    assert len(outcomes) == 166, "tests/corpus_real7 train half: 166 messages"
    return outcomes


def test_the_train_half_keeps_its_accuracy(train: list[Outcome]) -> None:
    result = score(train)
    assert result.accuracy >= TRAIN_FLOORS["accuracy"], result.misses


def test_sure_judgements_on_the_train_half_are_right(train: list[Outcome]) -> None:
    sure = [o for o in train if o.judgement and o.judgement.confidence >= SURE_THRESHOLD]
    right = sum(o.kind == o.case.expected["kind"] for o in sure)
    assert len(sure) >= TRAIN_FLOORS["fewest_sure"], len(sure)
    assert right / len(sure) >= TRAIN_FLOORS["sure_right"], f"{right} of {len(sure)}"
