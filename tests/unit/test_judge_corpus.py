"""The accuracy floor on our labelled corpus: these numbers may only go up.

The floors are what the judge reached when they were last raised (see the issue notes);
a change that lowers any of them fails here and must be justified by a better corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the scoring code lives with the benchmarks, not the package
    sys.path.insert(0, str(ROOT))

from bench.evaluate import Score, judge_case, load_corpus, score  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

KIND_ACCURACY_FLOOR = 0.99
PRECISION_FLOORS = {"interview_scheduled": 0.99, "rejection": 0.99, "offer": 0.99,
                    "status_update": 0.99}
FACT_FLOORS = {"interview_start": 0.99, "interview_end": 0.99, "interviewers": 0.98,
               "contact": 0.98, "decision_by": 0.99, "role": 0.93, "company": 0.90,
               "language": 1.0}
# Over the messages that have the fact: a judge that says "none" everywhere scores well
# above on the facts most messages lack, not here.
PRESENT_FLOORS = {"interview_start": 0.98, "interview_end": 0.98, "decision_by": 0.99,
                  "company": 0.90}


@pytest.fixture(scope="module")
def result() -> Score:
    cases = load_corpus(CORPUS)
    assert len(cases) >= 250, "the corpus must hold at least 250 labelled messages"
    return score([judge_case(case) for case in cases])


def test_kind_accuracy_floor(result: Score) -> None:
    assert result.accuracy >= KIND_ACCURACY_FLOOR, "\n".join(result.misses[:40])


@pytest.mark.parametrize("kind", sorted(PRECISION_FLOORS))
def test_precision_of_kinds_that_lead_to_drafts(result: Score, kind: str) -> None:
    precision = result.per_kind()[kind][0]
    assert precision >= PRECISION_FLOORS[kind]


@pytest.mark.parametrize("fact", sorted(FACT_FLOORS))
def test_fact_accuracy_floor(result: Score, fact: str) -> None:
    assert result.fact_accuracy(fact) >= FACT_FLOORS[fact]


@pytest.mark.parametrize("fact", sorted(PRESENT_FLOORS))
def test_fact_accuracy_where_the_message_has_it(result: Score, fact: str) -> None:
    assert result.fact_accuracy(fact, present_only=True) >= PRESENT_FLOORS[fact]


def test_no_message_crashes_the_judge() -> None:
    outcomes = [judge_case(case) for case in load_corpus(CORPUS)]
    assert [o.case.name for o in outcomes if o.error] == []


HOLDOUT = Path(__file__).resolve().parents[1] / "corpus_holdout"


def test_second_corpus_by_another_writer() -> None:
    """A corpus written without sight of the judge or the first corpus. The judge scored
    76.7% on it before it was read; after tuning on its error families it is no longer
    held out, so this floor guards against regressions only."""
    result = score([judge_case(case) for case in load_corpus(HOLDOUT)])
    assert result.total >= 120
    assert result.accuracy >= 0.95, "\n".join(result.misses[:40])
    # Interviewers: 86.7% before the thread-aware reading (first names resolved against
    # the headers and the quoted mail, field layouts, people named by what they do).
    assert result.fact_accuracy("interviewers") >= 0.95, "\n".join(result.misses[:40])
    # Times, answer dates and companies after their error families were fixed (session 2):
    # start 95.8% -> 100%, end 94.2% -> 100%, company 49.2% -> 83.3%.
    assert result.fact_accuracy("interview_start") >= 0.99
    assert result.fact_accuracy("interview_end") >= 0.99
    assert result.fact_accuracy("company") >= 0.82


BLIND = Path(__file__).resolve().parents[1] / "corpus_holdout2"


def test_third_corpus_written_blind() -> None:
    """130 messages by two writers who saw neither the judge nor the other corpora.
    Measured blind first (en 88.1%, intl 73.9% kind accuracy; see its README); after
    fixing its error families it guards against regressions only."""
    result = score([judge_case(case) for case in load_corpus(BLIND)])
    assert result.total >= 130
    assert result.accuracy >= 0.99, "\n".join(result.misses[:40])
    for fact, floor in {"interview_start": 0.99, "interview_end": 0.97, "contact": 0.98,
                        "interviewers": 0.93, "company": 0.84, "decision_by": 0.96}.items():
        assert result.fact_accuracy(fact) >= floor, (fact, "\n".join(result.misses[:40]))
