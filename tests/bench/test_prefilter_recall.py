"""On a first scan nothing is known yet (no thread, no employer domain), so the prefilter
alone decides which bodies are read. Every recruiting message of the labelled corpus must
be read then: a message that is not read is never judged.

The prefilter of the first version (kept in bench/prefilter.py as `previous_worth_reading`)
missed 34 of them (first contact from a person whose subject has no recruiting word: "Good
news", "Checking in"); the one this benchmark proposed is followup's prefilter now.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.mailbox import CORPUS, USER_ADDRESSES
from bench.prefilter import corpus_report


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, object]]:
    return corpus_report(CORPUS, USER_ADDRESSES)


def test_the_prefilter_reads_every_recruiting_message_on_a_first_scan(
        report: dict[str, dict[str, object]]) -> None:
    assert report["product"]["missed"] == []


def test_the_previous_prefilter_missed_some_so_the_check_can_fail(
        report: dict[str, dict[str, object]]) -> None:
    assert report["previous"]["missed"]


def test_the_prefilter_reads_no_more_non_recruiting_mail_than_the_previous_one(
        report: dict[str, dict[str, object]]) -> None:
    product, previous = report["product"], report["previous"]
    assert product["other_read"] <= previous["other_read"]  # type: ignore[operator]
