"""`followup classify`: the readable form, the exact JSON keys, and files that fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
KEYS = ["file", "direction", "kind", "confidence", "company", "role", "interview_start",
        "interview_end", "interviewers", "contact", "decision_by", "language", "reasons"]


def classify(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "followup", "classify", *args],
                          capture_output=True, text=True)


def test_json_has_exactly_the_documented_keys(tmp_path: Path) -> None:
    files = sorted(CORPUS.rglob("*.eml"))[:3]
    result = classify("--json", "--me", "sam.rivera@example.org", *map(str, files))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    for line in lines:
        assert list(line) == KEYS
        assert line["direction"] in ("inbound", "sent")
        assert 0 <= line["confidence"] <= 1
        assert isinstance(line["reasons"], list)


def test_unreadable_file_gives_an_error_object_and_exit_1(tmp_path: Path) -> None:
    good = sorted(CORPUS.rglob("*.eml"))[0]
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    result = classify("--json", str(tmp_path / "missing.eml"), str(empty), str(good))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in line) for line in lines] == [True, True, False]
    assert lines[2]["kind"]


def test_readable_output_explains(tmp_path: Path) -> None:
    path = CORPUS / "en" / "sched_northwind_text_confirm.eml"
    result = classify("--me", "sam.rivera@example.org", "--tz", "America/New_York", str(path))
    assert result.returncode == 0
    assert "interview_scheduled" in result.stdout
    assert "because:" in result.stdout
    assert "2026-03-03T17:30:00-05:00" in result.stdout  # 2:30pm PT shown in New York time


def test_a_time_in_your_time_follows_the_users_zone(tmp_path: Path) -> None:
    path = tmp_path / "your-time.eml"
    path.write_text(
        "From: Philippa Marsh <philippa.marsh@thornburyanalytics.co.uk>\n"
        "To: Sam Rivera <sam.rivera@example.org>\nSubject: Second stage interview - Data Engineer\n"
        "Date: Wed, 15 Apr 2026 16:40:03 +0100\nMessage-ID: <yours@thornbury.example>\n\n"
        "Dear Sam,\n\nWe have booked your second stage interview for the Senior Data Engineer "
        "role on Wednesday 22 April at 9am your time, for an hour.\n\nPhilippa\n")
    starts = {}
    for zone in ("America/New_York", "America/Los_Angeles"):
        result = classify("--json", "--me", "sam.rivera@example.org", "--tz", zone, str(path))
        assert result.returncode == 0, result.stderr
        starts[zone] = json.loads(result.stdout)["interview_start"]
    assert starts == {"America/New_York": "2026-04-22T09:00:00-04:00",
                      "America/Los_Angeles": "2026-04-22T09:00:00-07:00"}
