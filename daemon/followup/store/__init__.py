"""The state: one SQLite file in the state directory (`database_path`) holding sync cursors,
messages seen, judged records, the draft ledger, overrides and notices (`database.Store`);
how a record is kept in it (`records`); and the lock that makes one process its only writer
(`lock.state_lock`). The names below are the package's public face.
"""

from followup.store.database import (
    LEDGER_STATES,
    MIGRATIONS,
    SCHEMA_VERSION,
    LedgerEntry,
    NoticeEntry,
    Store,
    StoreError,
    database_path,
)
from followup.store.lock import StateBusy, state_lock
from followup.store.records import record_from_dict, record_to_dict

__all__ = ["LEDGER_STATES", "MIGRATIONS", "SCHEMA_VERSION", "LedgerEntry", "NoticeEntry",
           "StateBusy", "Store", "StoreError", "database_path", "record_from_dict",
           "record_to_dict", "state_lock"]
