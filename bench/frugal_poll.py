"""A prototype of proposed changes that make a poll with nothing new cost three IMAP commands
after LOGIN (STATUS of INBOX, Sent and Drafts), for measuring them with bench/scan.py
(`--poll frugal`). Nothing here is used by followup itself.

What a no-change poll sends today, after LOGIN: ENABLE CONDSTORE, LIST (to find Sent and
Drafts), EXAMINE INBOX, EXAMINE Sent, then, because drafts exist, the ledger sync: EXAMINE
Drafts, SEARCH for the drafts' Message-IDs and, for each draft, EXAMINE Drafts + FETCH
BODY.PEEK[] to fingerprint it: 2 x drafts + 5 commands, growing with the drafts kept.

The prototype:

* `FrugalImapMailbox.fetch_new`: with a cursor, asks `STATUS <folder> (UIDNEXT UIDVALIDITY)`
  of the folder the cursor names, and returns at once when nothing is new: no LIST, no
  EXAMINE. Otherwise it does what followup does today.
* no `ENABLE CONDSTORE` at login: the STATUS check does not need it (a changed folder is
  then read exactly as today, by UID).
* `frugal_sync_ledger`: before re-reading Drafts, compares `STATUS Drafts (UIDVALIDITY
  UIDNEXT MESSAGES HIGHESTMODSEQ)` with what it was after the last sync (or after followup's
  own APPENDs); unchanged Drafts means the user did nothing to the drafts, so the ledger is
  left as it is. The Drafts folder's name and state are kept in the store's cursor table.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

import followup.drafting
import followup.runner
from followup.backends.base import FetchResult, FolderRole, Mailbox, WantBody, want_every_body
from followup.backends.imap import CURSOR_VERSION, ImapMailbox, _text
from followup.errors import FollowupError
from followup.store import Store

logger = logging.getLogger(__name__)
_DRAFTS_STATE = "drafts-state"  # the store's cursor "role" holding {"folder", "state"}


class FrugalImapMailbox(ImapMailbox):
    """followup's IMAP backend with a STATUS-first poll and no ENABLE at login (prototype)."""

    def _connect(self) -> Any:
        """Log in (plain or implicit TLS with a password, all the benchmark needs)."""
        client = self._client_factory(self._account, self._ssl_context())
        try:
            client.login(self._account.username, self._secret)
            client.normalise_times = False
            self._capabilities = frozenset(_text(c).upper() for c in client.capabilities())
        except BaseException:
            self._shutdown(client)
            raise
        return client

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        override = self._account.folders.inbox if role == "inbox" else self._account.folders.sent
        if (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
                and isinstance(cursor.get("last_uid"), int) and cursor.get("folder")
                and (override is None or override == cursor["folder"])):
            folder = str(cursor["folder"])
            status = self._with_retry(f"checking {folder}", lambda client: client.folder_status(
                folder, [b"UIDNEXT", b"UIDVALIDITY"]))
            if (status.get(b"UIDVALIDITY") == cursor.get("uidvalidity")
                    and isinstance(status.get(b"UIDNEXT"), int)
                    and status[b"UIDNEXT"] <= cursor["last_uid"] + 1):
                return FetchResult([], cursor, stats={"searched": 0, "new": 0, "status": 1})
        return super().fetch_new(role, cursor, since, want_body)

    def drafts_state(self, folder: str | None) -> tuple[str, dict[str, int]] | None:
        """(folder, STATUS of Drafts), resolving the folder only when it is not known."""
        try:
            folder = folder or self._folder("drafts")
            status = self._with_retry("checking Drafts", lambda client: client.folder_status(
                folder, [b"UIDVALIDITY", b"UIDNEXT", b"MESSAGES", b"HIGHESTMODSEQ"]))
        except FollowupError:
            return None
        return folder, {_text(key): int(value) for key, value in status.items()}


_original_sync_ledger = followup.drafting.sync_ledger
_original_carry_out = followup.drafting.DraftActions.carry_out


def _remember(store: Store, account: str, mailbox: Mailbox, folder: str | None,
              now: datetime) -> None:
    if isinstance(mailbox, FrugalImapMailbox):
        state = mailbox.drafts_state(folder)
        if state is not None:
            with store.transaction():
                store.set_cursor(account, _DRAFTS_STATE, {"folder": state[0],
                                                          "state": state[1]}, now)


def frugal_sync_ledger(store: Store, mailbox: Mailbox, account: str, now: datetime, *,
                       dry_run: bool = False) -> None:
    """`sync_ledger`, skipped when Drafts has not changed since followup last looked."""
    entries = [entry for entry in store.ledger().values()
               if entry.account == account and entry.state in ("intent", "created")]
    if entries and isinstance(mailbox, FrugalImapMailbox) and \
            not any(entry.state == "intent" for entry in entries):
        known = store.cursor(account, _DRAFTS_STATE) or {}
        state = mailbox.drafts_state(known.get("folder"))
        if state is not None and known.get("state") == state[1]:
            return  # nobody touched Drafts: every draft is as the ledger says
    _original_sync_ledger(store, mailbox, account, now, dry_run=dry_run)
    if entries and not dry_run:
        _remember(store, account, mailbox, None, now)


def frugal_carry_out(self: followup.drafting.DraftActions, planned: Any,
                     applications: Any) -> list[str]:
    """`carry_out`, then the Drafts state after followup's own APPENDs is remembered."""
    done = _original_carry_out(self, planned, applications)
    if done and not self.dry_run:
        for account, mailbox in self.mailboxes.items():
            _remember(self.store, account, mailbox, None, self.now)
    return done


def install() -> None:
    """Make followup's runner use the prototype's ledger sync (in this process only)."""
    followup.runner.sync_ledger = frugal_sync_ledger  # type: ignore[assignment]
    followup.drafting.DraftActions.carry_out = frugal_carry_out  # type: ignore[method-assign]
