"""The scan benchmark (bench/scan.py) at N = 2,000 against the session's real Dovecot.

Checks counts, never times (CI machines vary): followup downloads a small share of the bodies
and bytes the naive baseline does, both make the same drafts, and a poll with nothing new
costs at most three IMAP commands after login. The baseline runs alongside followup's phases
to keep this under a minute on two cores; that changes times, not counts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer, DovecotUser

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.scan import run_benchmark, table

pytestmark = [pytest.mark.dovecot, pytest.mark.slow]
N = 2_000


@pytest.fixture(scope="module")
def report(dovecot_server: DovecotServer, tmp_path_factory: pytest.TempPathFactory
           ) -> dict[str, Any]:
    user: DovecotUser = dovecot_server.add_user("bench")
    result = run_benchmark(N, seed=1, server=dovecot_server, user=user,
                           work=tmp_path_factory.mktemp("bench"), parallel=True,
                           log=lambda line: None)
    print(table(result))
    return result


def test_both_readers_saw_the_whole_mailbox(report: dict[str, Any]) -> None:
    phases = report["phases"]
    assert report["mailbox"]["messages"] == N
    assert phases["baseline"]["messages_read"] == N
    assert phases["first"]["messages_read"] == N
    assert phases["baseline"]["bodies"] == N
    assert not phases["baseline"]["failed_accounts"] and not phases["first"]["failed_accounts"]


def test_followup_downloads_far_fewer_bodies_and_bytes(report: dict[str, Any]) -> None:
    base, first = report["phases"]["baseline"], report["phases"]["first"]
    assert 0 < first["bodies"] <= 0.20 * base["bodies"], (first["bodies"], base["bodies"])
    assert first["bytes_received"] <= 0.20 * base["bytes_received"], (
        first["bytes_received"], base["bytes_received"])


def test_drafts_are_the_same_as_the_baselines(report: dict[str, Any]) -> None:
    comparison = report["comparison"]
    assert report["phases"]["baseline"]["drafts"] > 0, "the mailbox should make drafts due"
    assert comparison["drafts_equal"], (comparison["due_only_baseline"],
                                        comparison["due_only_followup"])


def test_a_poll_with_nothing_new_costs_at_most_three_commands(report: dict[str, Any]) -> None:
    poll = report["phases"]["no_change"]
    assert poll["bodies"] == 0 and poll["messages_read"] == 0
    assert poll["commands_after_login"] <= 3, poll["commands_by_verb"]
    assert poll["plans"] == 0  # nothing changed and nothing is due: the last plan holds


def test_the_first_poll_after_drafting_checks_drafts_once_then_settles(
        report: dict[str, Any]) -> None:
    first_poll = report["phases"]["first_poll"]
    assert first_poll["bodies"] == 0 and first_poll["drafts"] == 0
    assert first_poll["plans"] == 1


def test_a_poll_reads_only_what_is_new(report: dict[str, Any]) -> None:
    after = report["phases"]["after_new"]
    assert after["messages_read"] == 10
    assert after["bodies"] <= 10
