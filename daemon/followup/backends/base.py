"""The interface the rest of followup uses to read mail and leave drafts.

A backend reads two folders, by role: `inbox` and `sent`. It reads incrementally from an
opaque, JSON-serialisable cursor that the store keeps, in two phases: first a cheap
summary of every new message (`MessageSummary`), then the body only of the messages the
caller wants. It appends drafts and finds them again by Message-ID.

Every backend keeps README.md's "Safety": no sending, no change to any message it did not
create (read-only folder access, no flags set), exactly-once help via `find_draft`.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from followup.errors import BackendError
from followup.mail.summary import FOLDER_ROLES, FolderRole, MessageSummary  # noqa: F401


@dataclass(frozen=True)
class FetchedMessage:
    """A new message: its summary and, if it was wanted, its raw bytes.

    `raw` may hold only the message's text and calendar parts (attachments are never
    downloaded); it is always a parseable RFC 5322 message.
    """

    summary: MessageSummary
    raw: bytes | None


@dataclass
class FetchResult:
    """The outcome of one incremental fetch of one folder.

    `reset` is True when the server voided the previous cursor (IMAP UIDVALIDITY change, an
    expired Gmail history id): the caller must dedupe by Message-ID, since messages it has
    seen come again.

    `messages` is sized and iterable once; a backend may fetch while it is iterated (IMAP
    does, chunk by chunk, asking `want_body` as it goes), so iterate it before using the
    connection for anything else, and take `stats` and `cursor` as final only afterwards.
    """

    messages: Collection[FetchedMessage]
    cursor: dict[str, Any]
    reset: bool = False
    stats: dict[str, int] = field(default_factory=dict)
    # Set when the fetch stopped part-way (quota, a lost connection) after reading some of
    # what it listed: `messages` and `cursor` are the progress to keep; the caller keeps
    # them, then raises this, so the pass fails for the account but the next one goes on.
    interrupted: BackendError | None = None


WantBody = Callable[[MessageSummary], bool]

# A backend's JSON token of the state of Drafts (`Mailbox.drafts_token`); opaque outside it.
DraftsToken = dict[str, Any]


def want_every_body(summary: MessageSummary) -> bool:
    """The default body filter: read everything."""
    return True


class Mailbox(ABC):
    """One account's mailbox. Use as a context manager: `with backend: ...`."""

    name: str

    def __enter__(self) -> Mailbox:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @abstractmethod
    def open(self) -> None:
        """Connect and log in. Raises AuthenticationError, ConnectionLost, BackendError."""

    @abstractmethod
    def close(self) -> None:
        """Disconnect; never raises."""

    @abstractmethod
    def folder_names(self) -> dict[str, str]:
        """The server's names of the folders in use: {"inbox": ..., "sent": ..., "drafts": ...}.

        Raises FolderNotFound with what was tried when Drafts or Sent cannot be found.
        """

    @abstractmethod
    def fetch_new(
        self,
        role: FolderRole,
        cursor: dict[str, Any] | None,
        since: date,
        want_body: WantBody = want_every_body,
    ) -> FetchResult:
        """Every message of the folder new since `cursor` (or since `since` with no cursor).

        Each new message is returned exactly once across calls that pass back the returned
        cursor. Opens the folder read-only; fetches bodies without setting \\Seen.
        """

    @abstractmethod
    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        """Store `raw` as a draft (flags \\Draft \\Seen) and return its id in Drafts.

        Not idempotent by itself: callers look the draft up with `find_draft` before any
        retry. `thread_id` places the draft in a provider thread where supported (Gmail).
        Raises AppendUncertain when the request went out, no answer came and the draft
        cannot be found: it may still be stored, so the caller must not simply retry.
        Any other error means the draft was not stored.
        """

    @abstractmethod
    def find_draft(self, message_id: str) -> str | None:
        """The id of the draft whose Message-ID header is `message_id`, or None."""

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        """Of the given Message-IDs, those still in Drafts, mapped to their draft ids.

        Backends may override this with one round trip instead of one per id.
        """
        found: dict[str, str] = {}
        for message_id in message_ids:
            draft_id = self.find_draft(message_id)
            if draft_id is not None:
                found[message_id] = draft_id
        return found

    # -- the draft ledger's questions ---------------------------------------------------
    # Every backend answers them; "cannot tell" (None) is an answer, and the ledger then
    # takes the safe course (`followup.ledger`). What a mark or a token holds is the
    # backend's own business: nothing outside the backend reads inside them.

    def draft_fingerprint(self, draft_id: str) -> str | None:
        """A value that changes when the user edits the draft (size/hash), or None if gone."""
        return None

    def append_mark(self) -> dict[str, Any] | None:
        """A JSON mark of Drafts taken just before an APPEND, for `removed_since`; None if
        the backend cannot tell (then an interrupted APPEND whose draft is not found is
        taken as made and deleted by the user: never made again)."""
        return None

    def removed_since(self, mark: dict[str, Any]) -> bool | None:
        """Whether a message added to Drafts after `mark` was taken has been removed since.

        False proves that a draft appended after the mark and not in Drafts now was never
        stored (so appending it again makes no second copy); True, or None (cannot tell),
        means it may have been stored and then deleted by the user."""
        return None

    def drafts_token(self, previous: DraftsToken | None = None) -> DraftsToken | None:
        """An opaque token of Drafts as it is now: equal tokens mean nothing in Drafts was
        added, removed or changed in between. None if the backend cannot tell; then the
        ledger looks at Drafts on every pass. `previous` is a token this backend gave
        before (it may reuse what it learnt then, such as the folder's name)."""
        return None

    def drafts_token_after(self, before: DraftsToken, appended: int) -> DraftsToken | None:
        """Drafts' token now, if the only change since `before` is `appended` drafts added
        (this pass's own APPENDs), so the next pass need not look again; None if anything
        else may have changed, or the backend cannot tell."""
        return None

    @property
    def supports_push(self) -> bool:
        """True if `wait_for_change` hears about new inbox mail as it arrives (IMAP IDLE).

        Known only after `open()`. Backends without push leave this False: the daemon polls.
        """
        return False

    def wait_for_change(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for new mail in the inbox; True if some arrived.

        Returns early with True as soon as the server announces new mail. Raises
        ConnectionLost when the connection died while waiting. The default, for backends
        without push, sleeps and returns False.
        """
        time.sleep(max(0.0, timeout))
        return False
