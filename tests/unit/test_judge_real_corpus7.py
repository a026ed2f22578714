"""Floors on the train halves of the seventh and eighth real-mail collections (the
eighth's figures: tests/unit/test_judge_real_corpus8.py). The seventh (tests/corpus_real7; its
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

# collection -> (messages in its train half, floors); corpus_real8's story is in
# tests/unit/test_judge_real_corpus8.py, which floors its held-back half
TRAIN_FLOORS = {
    "corpus_real7": (166, {"accuracy": 0.89, "sure_right": 0.98, "fewest_sure": 62}),
    "corpus_real8": (101, {"accuracy": 0.77, "sure_right": 0.90, "fewest_sure": 38}),
    # read first by f13e8a1 (session 9's start) at 79.3%; 90.1% after round nine, sure 39 of 39
    "corpus_real9": (121, {"accuracy": 0.88, "sure_right": 0.97, "fewest_sure": 36}),
}


@pytest.fixture(scope="module", params=sorted(TRAIN_FLOORS))
def train(request: pytest.FixtureRequest) -> tuple[dict[str, float], list[Outcome]]:
    size, floors = TRAIN_FLOORS[request.param]
    outcomes = [judge_case(Case(name, raw, label)) for name, _, raw, label
                in real_cases(ROOT / "tests" / request.param)]
    assert len(outcomes) == size, f"tests/{request.param} train half: {size} messages"
    return floors, outcomes


def test_the_train_half_keeps_its_accuracy(
        train: tuple[dict[str, float], list[Outcome]]) -> None:
    floors, outcomes = train
    result = score(outcomes)
    assert result.accuracy >= floors["accuracy"], result.misses


def test_sure_judgements_on_the_train_half_are_right(
        train: tuple[dict[str, float], list[Outcome]]) -> None:
    floors, outcomes = train
    sure = [o for o in outcomes if o.judgement and o.judgement.confidence >= SURE_THRESHOLD]
    right = sum(o.kind == o.case.expected["kind"] for o in sure)
    assert len(sure) >= floors["fewest_sure"], len(sure)
    assert right / len(sure) >= floors["sure_right"], f"{right} of {len(sure)}"
