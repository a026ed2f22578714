"""The Gmail benchmark (bench/gmail.py) at a small size, on the fake: counts only."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.gmail import run_benchmark, table  # noqa: E402

pytestmark = pytest.mark.slow
N = 200


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    report = run_benchmark(N, seed=1, work=tmp_path_factory.mktemp("gmail-bench"))
    print(table(report))
    return report


def test_a_poll_with_nothing_new_is_one_history_list(result: dict[str, Any]) -> None:
    quiet = result["phases"]["no_change"]
    assert quiet["calls"] == {"history.list": 1}
    assert quiet["http_requests"] == 1 and quiet["quota_units"] == 2


def test_the_first_scan_reads_every_message_and_downloads_few(result: dict[str, Any]) -> None:
    first = result["phases"]["first"]
    assert first["messages_read"] == N
    assert 0 < first["bodies"] <= 0.2 * N
    assert first["reading_units"] == 5 * (N + first["bodies"]) + first["calls"].get(
        "getProfile", 0) + 5 * first["calls"]["messages.list"]


def test_a_poll_after_new_mail_reads_only_it(result: dict[str, Any]) -> None:
    after = result["phases"]["after_new"]
    assert after["messages_read"] == 10 and after["bodies"] <= 10
