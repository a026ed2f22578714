"""SQLite state: sync cursors, messages seen, judged records, the draft ledger, overrides.

One file in the state directory, mode 0600 (it holds mail metadata), WAL journal, a
`schema_version` with forward migrations, and one exclusive transaction per unit of work
(`with store.transaction(): ...`). Message bodies are never stored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from followup.errors import FollowupError
from followup.store.records import (
    corrected,
    from_iso_or_none,
    iso_or_none,
    record_from_dict,
    record_to_dict,
)
from followup.track.model import MailRecord, Override

SCHEMA_VERSION = 4

# Each entry migrates from version N-1 to N. Append only; never edit a shipped migration.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE cursors (
        account TEXT NOT NULL,
        role TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (account, role)
    );
    CREATE TABLE messages (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        uid TEXT NOT NULL,
        message_id TEXT,
        role TEXT NOT NULL,
        kind TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (account, folder, uid)
    );
    CREATE INDEX messages_by_id ON messages (account, message_id);
    CREATE TABLE records (
        key TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        message_id TEXT,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX records_by_date ON records (date);
    CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        application_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        draft_id TEXT,
        state TEXT NOT NULL,
        recipients TEXT NOT NULL,
        due TEXT NOT NULL,
        fingerprint TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE overrides (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL,
        action TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE TABLE corrections (
        record_key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: small named values: the generation of what planning reads, the last plan's summary.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('generation', '0');
    """,
    # 3: what the user was told about each draft (followup.notify): its one line, when it
    # was announced and when reminded of. Planning never reads it.
    """
    CREATE TABLE notices (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        best_before TEXT,
        remind_at TEXT,
        created_at TEXT NOT NULL,
        announced_at TEXT,
        reminded_at TEXT
    );
    """,
    # 4: what Drafts looked like just before a draft's APPEND (`appending`), so that after a
    # crash or an unanswered APPEND "never stored" can be told from "stored, then deleted".
    """
    ALTER TABLE drafts ADD COLUMN append_mark TEXT;
    """,
)

# Ledger states: `intent` is written first (nothing sent yet), `appending` just before the
# APPEND goes out (it may be stored from then on), `created` as soon as the server answers.
LEDGER_STATES = ("intent", "appending", "created", "dismissed", "sent", "edited")


class StoreError(FollowupError):
    """The state file cannot be opened or is from a newer followup."""


DATABASE_NAME = "state.db"  # in the state directory


def database_path(state_dir: Path) -> Path:
    """The state database of a state directory: the one place its file name is written."""
    return state_dir / DATABASE_NAME


@dataclass(frozen=True)
class LedgerEntry:
    """One draft the program intended or made (the draft ledger)."""

    key: str
    account: str
    application_id: str
    kind: str
    message_id: str
    draft_id: str | None
    state: str
    recipients: tuple[str, ...]
    due: datetime
    fingerprint: str | None
    created_at: datetime
    updated_at: datetime
    append_mark: dict[str, Any] | None = None


@dataclass(frozen=True)
class NoticeEntry:
    """What the user is told about one draft of the ledger (same key)."""

    key: str
    kind: str
    label: str  # e.g. "thank-you to Rosa Delgado (Brackenridge)"
    best_before: datetime | None
    remind_at: datetime | None
    created_at: datetime
    announced_at: datetime | None = None
    reminded_at: datetime | None = None


class Store:
    """The state database. Open with `Store.open(path)`; close with `close()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self.path = path
        self._records: tuple[int, tuple[MailRecord, ...]] | None = None

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating, mode 0600) and migrate the database at `path`."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            # Create the file ourselves so it is never world-readable, even briefly.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
            _use_wal(connection)
        except sqlite3.Error as error:
            raise StoreError(f"{path}: cannot open the state database: {error}") from None
        store = cls(connection, path)
        store._migrate()
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.chmod(side, 0o600)
        return store

    @classmethod
    def snapshot(cls, path: Path) -> Store:
        """An in-memory copy of the database at `path` (empty if there is none yet).

        `--dry-run` and `plan` work on it, so that nothing they do reaches the disk.
        """
        store = cls(sqlite3.connect(":memory:", isolation_level=None), None)
        if path.exists():
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                source.backup(store._db)
            finally:
                source.close()
        store._migrate()
        return store

    @classmethod
    def memory(cls) -> Store:
        """An in-memory store (tests, `--dry-run`)."""
        store = cls(sqlite3.connect(":memory:", isolation_level=None), None)
        store._migrate()
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        """Bring the schema up to date. Safe when two processes open a new file at once:
        the version is read again inside the exclusive transaction, so the second one finds
        the work done (before, both read 0 and the second failed on `CREATE TABLE`)."""
        if self.schema_version == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self.schema_version
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer followup (schema "
                                 f"{version}, this one knows {SCHEMA_VERSION}); upgrade "
                                 f"followup")
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One exclusive unit of work: all of it is written, or none of it."""
        if self._db.in_transaction:  # nested: join the outer unit of work
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            self._records = None  # it may hold what was just rolled back
            raise
        self._db.execute("COMMIT")

    # --- what planning reads: its generation, and the last plan ----------------------------

    def generation(self) -> int:
        """A number that changes whenever anything planning reads changes: records,
        corrections, the draft ledger, overrides."""
        row = self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def _changed(self) -> None:
        self._records = None
        self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                         "WHERE key='generation'")

    def plan_summary(self) -> dict[str, Any] | None:
        """What `set_plan_summary` kept, or None."""
        row = self._db.execute("SELECT value FROM meta WHERE key='plan'").fetchone()
        return json.loads(row[0]) if row else None

    def set_plan_summary(self, summary: dict[str, Any]) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES ('plan', ?) ON CONFLICT (key) "
                         "DO UPDATE SET value=excluded.value",
                         (json.dumps(summary, sort_keys=True),))

    # --- cursors ----------------------------------------------------------------------------

    def cursor(self, account: str, role: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT data FROM cursors WHERE account=? AND role=?",
                               (account, role)).fetchone()
        return json.loads(row[0]) if row else None

    def set_cursor(self, account: str, role: str, data: dict[str, Any], now: datetime) -> None:
        self._db.execute(
            "INSERT INTO cursors (account, role, data, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (account, role) DO UPDATE SET data=excluded.data, "
            "updated_at=excluded.updated_at",
            (account, role, json.dumps(data, sort_keys=True), now.isoformat()))

    # --- messages seen ----------------------------------------------------------------------

    def has_seen(self, account: str, folder: str, uid: str, message_id: str | None) -> bool:
        """True if this message (by folder + uid, or by Message-ID) was read before."""
        if message_id:
            row = self._db.execute("SELECT 1 FROM messages WHERE account=? AND message_id=?",
                                   (account, message_id)).fetchone()
            if row:
                return True
        row = self._db.execute("SELECT 1 FROM messages WHERE account=? AND folder=? AND uid=?",
                               (account, folder, uid)).fetchone()
        return row is not None

    def mark_seen(self, account: str, folder: str, uid: str, message_id: str | None,
                  role: str, kind: str | None, now: datetime) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO messages (account, folder, uid, message_id, role, kind, "
            "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (account, folder, uid, message_id, role, kind, now.isoformat()))

    def forget_folder(self, account: str, folder: str) -> None:
        """Drop the uid index of a folder whose UIDVALIDITY changed (Message-IDs stay)."""
        self._db.execute("UPDATE messages SET uid = 'void:' || uid || ':' || rowid "
                         "WHERE account=? AND folder=?", (account, folder))

    def seen_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])

    # --- judged records ---------------------------------------------------------------------

    def save_record(self, record: MailRecord) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO records (key, account, message_id, date, kind, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (record.key, record.account, record.message_id, record.date.isoformat(),
             record.kind, json.dumps(record_to_dict(record), sort_keys=True)))
        self._changed()

    def records(self) -> list[MailRecord]:
        """Every judged record, oldest first, with the user's corrections applied. Kept
        between calls while the generation is the same (one pass reads them up to three
        times; records are immutable)."""
        generation = self.generation()
        if self._records is not None and self._records[0] == generation:
            return list(self._records[1])
        corrections = dict(self._db.execute("SELECT record_key, kind FROM corrections"))
        result = []
        for (data,) in self._db.execute("SELECT data FROM records ORDER BY date, key"):
            record = record_from_dict(json.loads(data))
            if record.key in corrections:
                record = corrected(record, corrections[record.key])
            result.append(record)
        self._records = (generation, tuple(result))
        return result

    def correct(self, record_key: str, kind: str, now: datetime) -> bool:
        """The user says the record `record_key` (its key, or its short key as `followup
        review` shows it) is of `kind`. False if no such record."""
        record_key = self.resolve_key(record_key) or record_key
        if not self._db.execute("SELECT 1 FROM records WHERE key=?", (record_key,)).fetchone():
            return False
        self._db.execute("INSERT OR REPLACE INTO corrections (record_key, kind, at) "
                         "VALUES (?, ?, ?)", (record_key, kind, now.isoformat()))
        self._changed()
        return True

    def resolve_key(self, key: str) -> str | None:
        """The full record key for `key` (a full key or a `MailRecord.short_key`)."""
        if self._db.execute("SELECT 1 FROM records WHERE key=?", (key,)).fetchone():
            return key
        matches = [record.key for record in self.records()
                   if record.short_key == key.strip().lower()]
        return matches[0] if len(matches) == 1 else None

    def unsure_records(self) -> list[MailRecord]:
        """Inbound records the judge was not sure of and the user has not corrected,
        oldest first: what `followup review` lists."""
        return [record for record in self.records()
                if record.direction == "inbound" and not record.sure]

    # --- the draft ledger -------------------------------------------------------------------

    def ledger(self) -> dict[str, LedgerEntry]:
        rows = self._db.execute("SELECT key, account, application_id, kind, message_id, "
                                "draft_id, state, recipients, due, fingerprint, created_at, "
                                "updated_at, append_mark FROM drafts")
        return {row[0]: _ledger_entry(row) for row in rows}

    def record_intent(self, key: str, account: str, application_id: str, kind: str,
                      message_id: str, recipients: tuple[str, ...], due: datetime,
                      now: datetime) -> None:
        """Write down that a draft is about to be appended (before the APPEND)."""
        self._db.execute(
            "INSERT INTO drafts (key, account, application_id, kind, message_id, draft_id, "
            "state, recipients, due, fingerprint, created_at, updated_at) VALUES "
            "(?, ?, ?, ?, ?, NULL, 'intent', ?, ?, NULL, ?, ?)",
            (key, account, application_id, kind, message_id, json.dumps(list(recipients)),
             due.isoformat(), now.isoformat(), now.isoformat()))
        self._changed()

    def set_appending(self, key: str, mark: dict[str, Any] | None, now: datetime) -> None:
        """Write down that the APPEND of draft `key` is about to go out, with `mark` (the
        backend's view of Drafts just before it, or None if it has none)."""
        self._db.execute("UPDATE drafts SET state='appending', append_mark=?, updated_at=? "
                         "WHERE key=?", (json.dumps(mark, sort_keys=True), now.isoformat(),
                                         key))
        self._changed()

    def set_draft_state(self, key: str, state: str, now: datetime, *,
                        draft_id: str | None = None, fingerprint: str | None = None) -> None:
        if state not in LEDGER_STATES:
            raise ValueError(f"unknown ledger state {state!r}")
        self._db.execute(
            "UPDATE drafts SET state=?, draft_id=COALESCE(?, draft_id), "
            "fingerprint=COALESCE(?, fingerprint), updated_at=? WHERE key=?",
            (state, draft_id, fingerprint, now.isoformat(), key))
        self._changed()

    # --- notifications (never read by planning: no generation change) ----------------------

    def notices(self) -> dict[str, NoticeEntry]:
        rows = self._db.execute("SELECT key, kind, label, best_before, remind_at, created_at, "
                                "announced_at, reminded_at FROM notices")
        return {row[0]: NoticeEntry(row[0], row[1], row[2], from_iso_or_none(row[3]),
                                    from_iso_or_none(row[4]), datetime.fromisoformat(row[5]),
                                    from_iso_or_none(row[6]), from_iso_or_none(row[7]))
                for row in rows}

    def add_notice(self, notice: NoticeEntry) -> None:
        self._db.execute("INSERT OR IGNORE INTO notices (key, kind, label, best_before, "
                         "remind_at, created_at, announced_at, reminded_at) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?)",
                         (notice.key, notice.kind, notice.label,
                          iso_or_none(notice.best_before), iso_or_none(notice.remind_at),
                          notice.created_at.isoformat(), iso_or_none(notice.announced_at),
                          iso_or_none(notice.reminded_at)))

    def mark_notices(self, keys: list[str], column: str, now: datetime) -> None:
        """Set `announced_at` or `reminded_at` of these notices to `now`."""
        if column not in ("announced_at", "reminded_at"):
            raise ValueError(f"unknown notice column {column!r}")
        self._db.executemany(f"UPDATE notices SET {column}=? WHERE key=?",
                             [(now.isoformat(), key) for key in keys])

    def meta_value(self, name: str) -> dict[str, Any] | None:
        """A small JSON value kept under `name` (never read by planning)."""
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta_value(self, name: str, value: dict[str, Any]) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value=excluded.value",
                         (name, json.dumps(value, sort_keys=True)))

    # --- the user's overrides ---------------------------------------------------------------

    def add_override(self, override: Override) -> None:
        self._db.execute("INSERT INTO overrides (application_id, action, text, at) "
                         "VALUES (?, ?, ?, ?)", (override.application_id, override.action,
                                                 override.text, override.at.isoformat()))
        self._changed()

    def overrides(self) -> list[Override]:
        rows = self._db.execute("SELECT application_id, action, text, at FROM overrides "
                                "ORDER BY id")
        return [Override(application_id=row[0], action=row[1], text=row[2],
                         at=datetime.fromisoformat(row[3])) for row in rows]


WAL_TRIES = 300  # 0.1 s apart: as long as the connection's own busy timeout (30 s)


def _use_wal(connection: sqlite3.Connection) -> None:
    """`PRAGMA journal_mode=WAL`, tried again while another process holds the database.

    Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY
    ("database is locked") at once instead of waiting in the busy handler, so two
    processes opening a new state file together failed here (issue 14)."""
    for attempt in range(WAL_TRIES):
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_TRIES - 1:
                raise
            time.sleep(0.1)


def _ledger_entry(row: tuple[Any, ...]) -> LedgerEntry:
    return LedgerEntry(key=row[0], account=row[1], application_id=row[2], kind=row[3],
                       message_id=row[4], draft_id=row[5], state=row[6],
                       recipients=tuple(json.loads(row[7])),
                       due=datetime.fromisoformat(row[8]), fingerprint=row[9],
                       created_at=datetime.fromisoformat(row[10]),
                       updated_at=datetime.fromisoformat(row[11]),
                       append_mark=json.loads(row[12]) if row[12] else None)
