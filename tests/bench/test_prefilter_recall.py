"""On a first scan nothing is known yet (no thread, no employer domain), so the prefilter
alone decides which bodies are read. Every recruiting message of the labelled corpus should
be read then: a message that is not read is never judged.

The prefilter of the first version missed some (first contact from a person whose subject
has no recruiting word: "Good news", "Checking in"); the one proposed in bench/prefilter.py
was adopted as `followup.judge.prefilter.worth_reading`.
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
    return corpus_report(CORPUS, USER_ADDRESSES)  # type: ignore[return-value]


def test_current_prefilter_reads_every_recruiting_message_on_a_first_scan(
        report: dict[str, dict[str, object]]) -> None:
    assert report["current"]["missed"] == []


def test_proposed_prefilter_reads_every_recruiting_message_on_a_first_scan(
        report: dict[str, dict[str, object]]) -> None:
    assert report["proposed"]["missed"] == []


def test_proposed_prefilter_reads_no_more_non_recruiting_mail(
        report: dict[str, dict[str, object]]) -> None:
    proposed, current = report["proposed"], report["current"]
    assert proposed["other_read"] <= current["other_read"]  # type: ignore[operator]
