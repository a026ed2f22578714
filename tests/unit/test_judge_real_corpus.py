"""Floors on mail real employers, trackers and job boards wrote (tests/corpus_real; its
README gives the sources, the split and the figures). The floors of the train part and of
the held-back third (scored blind once, at 68.2%; listed in HELD_BACK.txt) are kept apart.

Measured before any tuning on it (tests/corpus_real/BATCHES.txt): batches 1+2 (432
messages) 64.4% kind accuracy with the judge of 9c27c95, 67.1% with this branch's
family-level work (ba08e61); batch 3 (32 messages) 75.0% with both, 78.1% after the first
round of tuning on batches 1+2. After tuning on its families (whole train part, 464
messages): 92.2%. These floors may only go up.

Issue 12, second round: after its one blind scoring the held-back third was read and its
families fixed (as families, tested in tests/unit/test_judge_families_round2.py in words
of our own), so its figures from then on are NO LONGER BLIND: 68.2% blind, 88.8% after the
second round (train part 93.1%, whole corpus 91.7%). Only mail none of us has seen can say
again how the judge generalises; the held-back floors below guard what was reached.

Issue 12, third round: "sure" covers clear mail (a decisive phrase of the kind and no rival
evidence, `classify._clear`). On the whole corpus 71.0% of recruiting mail is sure (39.1%
before), right 99.3%. Kind accuracy: train part 95.2%, held-back 93.0%, whole 94.5%. (The
train part of a third corpus, never used before, read 63.7% before this round touched it;
tests/corpus_real/README.md.)

Session 6: a sure judgement needs two signs that the mail is about hiring
(`classify.plainly_about_hiring`; on older rules' judgements of mail from new sources, sure
judgements with one sign were right 44 of 60). The coverage floor went from 0.70 to 0.67
(392 of 576 recruiting messages sure, 68.1%): the cost of a "sure" that holds on new mail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup.judge.model import SURE_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "corpus_real"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.evaluate import Score, judge_case, load_corpus, score  # noqa: E402

KIND_ACCURACY_FLOOR = 0.95
# The kinds that lead to drafts, and offers: where a wrong kind costs the user most.
PRECISION_FLOORS = {"rejection": 0.99, "interview_canceled": 0.99, "recruiter_outreach": 0.99,
                    "interview_scheduled": 0.95, "offer": 0.99, "status_update": 0.89}
RECALL_FLOORS = {"rejection": 0.96, "offer": 0.90}
# Issue 12 round three: the share of recruiting mail (labelled anything but `other`) judged
# sure on the whole corpus; every other message makes a draft wait for the user's word.
COVERAGE_FLOOR = 0.67


HELD_BACK = set((REAL / "HELD_BACK.txt").read_text(encoding="utf-8").split())
# The held-back third: scored blind once at 68.2% (tests/corpus_real/README.md), then read
# and its families fixed (88.8%, no longer blind): guards of what was reached.
HELD_BACK_FLOORS = {"accuracy": 0.925, "rejection": 0.99, "offer": 0.99}
HELD_BACK_RECALL_FLOORS = {"rejection": 0.97, "status_update": 0.85, "interview_scheduled": 0.96}


@pytest.fixture(scope="module")
def all_outcomes():  # type: ignore[no-untyped-def]
    cases = load_corpus(REAL)
    assert len(cases) >= 600, "tests/corpus_real must hold the whole real corpus"
    return [judge_case(case) for case in cases]


@pytest.fixture(scope="module")
def outcomes(all_outcomes):  # type: ignore[no-untyped-def]
    """The train part."""
    return [o for o in all_outcomes if o.case.name not in HELD_BACK]


def test_the_held_back_third_stays_at_least_where_it_was_scored_blind(all_outcomes) -> None:  # type: ignore[no-untyped-def]
    held = score([o for o in all_outcomes if o.case.name in HELD_BACK])
    assert held.total == len(HELD_BACK) == 214
    assert held.accuracy >= HELD_BACK_FLOORS["accuracy"]
    for kind in ("rejection", "offer"):
        assert held.per_kind()[kind][0] >= HELD_BACK_FLOORS[kind]
    for kind, floor in HELD_BACK_RECALL_FLOORS.items():
        assert held.per_kind()[kind][1] >= floor, kind


def test_sure_judgements_on_the_held_back_third_are_right_98_percent(all_outcomes) -> None:  # type: ignore[no-untyped-def]
    """SPEC §3 on the part the judge was first measured blind on (69 of 71 right then)."""
    held = [o for o in all_outcomes if o.case.name in HELD_BACK and o.judgement and
            o.judgement.direction == "inbound"]
    sure = [o for o in held if o.judgement.confidence >= SURE_THRESHOLD]
    right = sum(o.kind == o.case.expected["kind"] for o in sure)
    assert len(sure) >= 60 and right / len(sure) >= 0.98


@pytest.fixture(scope="module")
def result(outcomes) -> Score:  # type: ignore[no-untyped-def]
    return score(outcomes)


def test_kind_accuracy_on_real_mail(result: Score) -> None:
    assert result.accuracy >= KIND_ACCURACY_FLOOR, "\n".join(
        line for line in result.misses if ", got " in line)


@pytest.mark.parametrize("kind", sorted(PRECISION_FLOORS))
def test_precision_on_real_mail(result: Score, kind: str) -> None:
    assert result.per_kind()[kind][0] >= PRECISION_FLOORS[kind]


@pytest.mark.parametrize("kind", sorted(RECALL_FLOORS))
def test_recall_on_real_mail(result: Score, kind: str) -> None:
    assert result.per_kind()[kind][1] >= RECALL_FLOORS[kind]


def test_sure_judgements_are_right_98_percent_of_the_time(outcomes) -> None:  # type: ignore[no-untyped-def]
    """SPEC §3: "sure" means something. Also checks that it is not vacuous: a good share
    of real mail is judged sure, and the unsure part holds most of the mistakes."""
    inbound = [o for o in outcomes if o.judgement and o.judgement.direction == "inbound"]
    sure = [o for o in inbound if o.judgement.confidence >= SURE_THRESHOLD]
    right = sum(o.kind == o.case.expected["kind"] for o in sure)
    assert right / len(sure) >= 0.98
    assert len(sure) / len(inbound) >= 0.3
    unsure_wrong = sum(o.kind != o.case.expected["kind"] for o in inbound
                       if o.judgement.confidence < SURE_THRESHOLD)
    assert unsure_wrong >= 0.9 * sum(o.kind != o.case.expected["kind"] for o in inbound)


def test_most_recruiting_mail_is_judged_sure_and_sure_is_right(all_outcomes) -> None:  # type: ignore[no-untyped-def]
    """Issue 12 round three: at least 67% of the real recruiting mail is sure (a draft
    resting on it need not wait), and sure judgements stay right at least 98% of the time."""
    recruiting = [o for o in all_outcomes if o.judgement and o.judgement.direction ==
                  "inbound" and o.case.expected["kind"] != "other"]
    sure = [o for o in recruiting if o.judgement.confidence >= SURE_THRESHOLD]
    right = sum(o.kind == o.case.expected["kind"] for o in sure)
    assert len(sure) / len(recruiting) >= COVERAGE_FLOOR, f"{len(sure)} of {len(recruiting)}"
    assert right / len(sure) >= 0.98, [o.case.name for o in sure
                                       if o.kind != o.case.expected["kind"]]


def test_the_prefilter_reads_real_recruiting_mail_on_a_first_scan() -> None:
    """Issue 12 point 7: recall of recruiting mail at least 99.5% with nothing known yet."""
    from bench.mailbox import USER_ADDRESSES
    from bench.prefilter import corpus_report

    product = corpus_report(REAL, USER_ADDRESSES)["product"]
    recruiting, missed = product["recruiting"], product["missed"]
    assert isinstance(recruiting, int) and isinstance(missed, list)
    assert (recruiting - len(missed)) / recruiting >= 0.995, missed
