"""Progress of a pass, for a terminal: messages looked at, then judged, per account.

`run_once` has no progress hook, so the daemon wraps each mailbox in a `CountingMailbox`:
while the backend reads a folder, every header it offers the runner's `want_body` filter
counts as examined; then the fetched messages come back in a list that reports, as the
runner iterates over it, how many of how many have been judged. A `PassProgress` shows
that; `followup.cli.service` draws it with rich, only when stderr is a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date, datetime
from typing import Any, Protocol

from followup.backends.base import (
    DraftsToken,
    FetchedMessage,
    FetchResult,
    FolderRole,
    Mailbox,
    MessageSummary,
    WantBody,
    want_every_body,
)


class PassProgress(Protocol):
    """What a progress display is told. Calls come from the pass's thread."""

    def begin(self, reason: str) -> None: ...

    def examined(self, account: str, count: int) -> None:
        """`count` more headers of `account` were looked at (the total is not known yet)."""

    def judged(self, account: str, done: int, total: int) -> None:
        """`done` of the `total` messages just fetched from `account` have been handled."""

    def end(self) -> None: ...


class _Reporting:
    """The fetched messages; iterating over them reports progress to `report(done, total)`.
    Never turns them into a list: the IMAP backend fetches them while they are iterated."""

    def __init__(self, messages: Collection[FetchedMessage],
                 report: Callable[[int, int], None]) -> None:
        self._messages = messages
        self._report = report

    def __len__(self) -> int:
        return len(self._messages)

    def __contains__(self, item: object) -> bool:
        return any(message is item for message in self._messages)

    def __iter__(self) -> Iterator[FetchedMessage]:
        total = len(self._messages)
        for index, message in enumerate(self._messages):
            self._report(index, total)
            yield message
        self._report(total, total)


class CountingMailbox(Mailbox):
    """`mailbox`, telling `progress` about each message its fetches offer."""

    def __init__(self, mailbox: Mailbox, progress: PassProgress) -> None:
        self.name = mailbox.name
        self._mailbox = mailbox
        self._progress = progress

    def open(self) -> None:
        self._mailbox.open()

    def close(self) -> None:
        self._mailbox.close()

    def folder_names(self) -> dict[str, str]:
        return self._mailbox.folder_names()

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        def counted(summary: MessageSummary) -> bool:
            self._progress.examined(self.name, 1)
            return want_body(summary)

        result = self._mailbox.fetch_new(role, cursor, since, counted)
        if result.messages:
            result.messages = _Reporting(
                result.messages, lambda done, total: self._progress.judged(self.name, done, total))
        return result

    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        return self._mailbox.append_draft(raw, message_id, when, thread_id)

    def find_draft(self, message_id: str) -> str | None:
        return self._mailbox.find_draft(message_id)

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        return self._mailbox.existing_drafts(message_ids)

    def draft_fingerprint(self, draft_id: str) -> str | None:
        return self._mailbox.draft_fingerprint(draft_id)

    # The draft ledger's questions and push go through too: without them an interrupted
    # APPEND could not be proven unstored, Drafts would be searched on every pass ("Drafts
    # unchanged" is the shortcut `followup run` takes), and no mail would wake a pass.
    def append_mark(self) -> dict[str, Any] | None:
        return self._mailbox.append_mark()

    def removed_since(self, mark: dict[str, Any]) -> bool | None:
        return self._mailbox.removed_since(mark)

    def drafts_token(self, previous: DraftsToken | None = None) -> DraftsToken | None:
        return self._mailbox.drafts_token(previous)

    def drafts_token_after(self, before: DraftsToken, appended: int) -> DraftsToken | None:
        return self._mailbox.drafts_token_after(before, appended)

    @property
    def supports_push(self) -> bool:
        return self._mailbox.supports_push

    def wait_for_change(self, timeout: float) -> bool:
        return self._mailbox.wait_for_change(timeout)
