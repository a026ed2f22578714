"""The SQLite state: private file, schema version, transactions, round trips."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from followup.judge.model import Facts, Person
from followup.store import SCHEMA_VERSION, Store, StoreError
from followup.track.model import MailRecord, Override

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc)


def record(key: str = "acct:<a@x>", **changes: object) -> MailRecord:
    base = dict(
        key=key, account="acct", message_id="<a@x>", thread_id="t1", in_reply_to=None,
        references=("<r@x>",), date=NOW, direction="inbound", kind="interview_scheduled",
        sender=Person("Maria Lopez", "maria@northwind.example"), reply_to=(),
        to=(Person("Sam", "sam@example.org"),), cc=(), subject="Interview",
        facts=Facts(company="Northwind", role="Data Engineer", interview_start=NOW,
                    interview_end=NOW, interviewers=(Person("Dana", "dana@n.example"),),
                    contact="maria@northwind.example", decision_by=date(2026, 3, 10),
                    language="en"),
        automated=False, calendar_uid="uid-1", calendar_sequence=2)
    base.update(changes)
    return MailRecord(**base)  # type: ignore[arg-type]


def test_file_is_private_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "state" / "state.db"
    store = Store.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    store.close()
    assert Store.open(path).schema_version == SCHEMA_VERSION  # reopening migrates nothing


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="newer followup"):
        Store.open(path)


def test_transaction_is_all_or_nothing() -> None:
    store = Store.memory()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.set_cursor("acct", "inbox", {"last_uid": 5}, NOW)
            raise RuntimeError("crash")
    assert store.cursor("acct", "inbox") is None
    with store.transaction():
        store.set_cursor("acct", "inbox", {"last_uid": 5}, NOW)
    assert store.cursor("acct", "inbox") == {"last_uid": 5}


def test_records_round_trip_and_corrections() -> None:
    store = Store.memory()
    original = record()
    store.save_record(original)
    assert store.records() == [original]
    assert store.correct(original.key, "rejection", NOW)
    assert store.records()[0].kind == "rejection"
    assert not store.correct("nope", "rejection", NOW)


def test_seen_by_uid_or_message_id() -> None:
    store = Store.memory()
    store.mark_seen("acct", "INBOX", "7", "<m@x>", "inbox", "other", NOW)
    assert store.has_seen("acct", "INBOX", "7", None)
    assert store.has_seen("acct", "INBOX", "99", "<m@x>")  # after a UIDVALIDITY change
    store.forget_folder("acct", "INBOX")
    assert not store.has_seen("acct", "INBOX", "7", None)
    assert store.has_seen("acct", "INBOX", "8", "<m@x>")


def test_ledger_states() -> None:
    store = Store.memory()
    store.record_intent("k1", "acct", "app1", "thank_you", "<d@x>", ("dana@n.example",), NOW,
                        NOW)
    assert store.ledger()["k1"].state == "intent"
    store.set_draft_state("k1", "created", NOW, draft_id="12", fingerprint="f")
    entry = store.ledger()["k1"]
    assert (entry.state, entry.draft_id, entry.recipients) == ("created", "12",
                                                               ("dana@n.example",))
    with pytest.raises(ValueError):
        store.set_draft_state("k1", "bogus", NOW)
    with pytest.raises(sqlite3.IntegrityError):  # one ledger entry per key, ever
        store.record_intent("k1", "acct", "app1", "thank_you", "<e@x>", (), NOW, NOW)


def test_overrides_in_order() -> None:
    store = Store.memory()
    store.add_override(Override("app1", "note", NOW, "ask about the data platform"))
    store.add_override(Override("app1", "close", NOW))
    assert [o.action for o in store.overrides()] == ["note", "close"]


def test_snapshot_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    store = Store.open(path)
    store.set_cursor("acct", "inbox", {"last_uid": 1}, NOW)
    store.close()
    before = path.read_bytes()
    copy = Store.snapshot(path)
    copy.set_cursor("acct", "inbox", {"last_uid": 2}, NOW)
    assert copy.cursor("acct", "inbox") == {"last_uid": 2}
    copy.close()
    assert path.read_bytes() == before
    assert Store.open(path).cursor("acct", "inbox") == {"last_uid": 1}
    assert not (tmp_path / "absent.db").exists()
    Store.snapshot(tmp_path / "absent.db").close()
    assert not (tmp_path / "absent.db").exists()


def test_generation_moves_with_everything_planning_reads_and_nothing_else() -> None:
    store = Store.memory()
    seen = [store.generation()]

    def moved() -> bool:
        seen.append(store.generation())
        return seen[-1] != seen[-2]

    with store.transaction():
        store.set_cursor("acct", "inbox", {"last_uid": 5}, NOW)
        store.mark_seen("acct", "INBOX", "1", "<a@x>", "inbox", None, NOW)
        store.set_plan_summary({"next_due": None})
    assert not moved()
    with store.transaction():
        store.save_record(record())
    assert moved()
    with store.transaction():
        store.correct("acct:<a@x>", "rejection", NOW)
    assert moved()
    with store.transaction():
        store.record_intent("k1", "acct", "app", "thank_you", "<d@x>", ("dana@n.example",),
                            NOW, NOW)
    assert moved()
    with store.transaction():
        store.set_draft_state("k1", "created", NOW, draft_id="1:1")
    assert moved()
    with store.transaction():
        store.add_override(Override(application_id="app", action="close", text="", at=NOW))
    assert moved()
    assert store.plan_summary() == {"next_due": None}


def test_a_version_1_state_file_is_migrated_keeping_its_data(tmp_path: Path) -> None:
    from followup.store import MIGRATIONS
    path = tmp_path / "state.db"
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("INSERT INTO cursors VALUES ('acct', 'inbox', '{\"last_uid\": 7}', 'x')")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION == 4
    assert store.cursor("acct", "inbox") == {"last_uid": 7}
    assert store.generation() == 0 and store.plan_summary() is None


def test_records_read_again_after_a_write_or_a_rollback() -> None:
    store = Store.memory()
    assert store.records() == []
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.save_record(record("acct:<a@x>"))
            assert [r.key for r in store.records()] == ["acct:<a@x>"]
            raise RuntimeError("crash")
    with store.transaction():
        store.save_record(record("acct:<b@x>", message_id="<b@x>"))
    assert [r.key for r in store.records()] == ["acct:<b@x>"]
    other = Store.memory()
    assert other.records() == []


OPEN_WHEN_RELEASED = """
import pathlib, sys, time
go = pathlib.Path(sys.argv[2])
while not go.exists():
    time.sleep(0.005)
from followup.store import Store
Store.open(pathlib.Path(sys.argv[1])).close()
"""


def test_processes_starting_together_on_a_new_state_file_all_open_it(tmp_path: Path) -> None:
    # Issue 14: a second process used to fail with "table cursors already exists" (schema)
    # or "database is locked" (switching the new file to WAL).
    for trial in range(8):
        path = tmp_path / f"trial{trial}" / "state.db"
        go = tmp_path / f"go{trial}"
        processes = [subprocess.Popen([sys.executable, "-c", OPEN_WHEN_RELEASED, str(path),
                                       str(go)], stderr=subprocess.PIPE, text=True)
                     for _ in range(4)]
        time.sleep(0.5)  # all started and waiting
        go.touch()
        outcomes = [process.communicate(timeout=120)[1] for process in processes]
        assert [process.returncode for process in processes] == [0] * 4, outcomes
        assert Store.open(path).schema_version == SCHEMA_VERSION


def test_the_state_lock_waits_for_its_holder_then_gives_up_with_status_75(
        tmp_path: Path) -> None:
    from followup.store import StateBusy, state_lock

    waited: list[float] = []
    clock = iter(float(tick) / 10 for tick in range(1000))
    holder = subprocess.Popen(  # another process holds the lock
        [sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | "
         "os.O_CREAT); fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); "
         "sys.stdin.read()", str(tmp_path / "lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StateBusy, match="another followup is using") as raised:
            with state_lock(tmp_path, wait=1.0, sleep=waited.append,
                            clock=lambda: next(clock)):
                pass
    finally:
        holder.communicate("")
    assert raised.value.exit_status == 75
    assert waited == [0.1] * 9  # polled until the wait was over (clock 0.1 .. 0.9), no more
    with state_lock(tmp_path, wait=0):  # free again once the holder is gone
        pass
