"""A prototype of a proposed change to followup's IMAP backend, for measuring it: the two-phase
fetch done chunk by chunk, lazily, while the runner iterates.

Today `ImapMailbox._fetch_messages` fetches the summaries of *every* new message (header
block and BODYSTRUCTURE), then decides which bodies to read, then returns one list. So on
a first scan

* memory grows with the mailbox (every header block is held until the folder is done);
* every "worth reading?" decision of a folder is taken before any message of it is judged,
  so a reply whose only sign is its thread (In-Reply-To an acknowledgement judged a moment
  later) is never read: the runner's `KnownThreads` learns too late for that folder.

`StreamingImapMailbox` yields messages chunk by chunk (300 UIDs: summaries, then the wanted
bodies of that chunk), so the runner judges chunk k before `want_body` is asked about chunk
k + 1, and only one chunk is held at a time. The runner is unchanged: it only iterates
`FetchResult.messages`. What the prototype leaves out, and the product would need: a lost
connection during iteration is not retried here (the product would re-connect, re-EXAMINE
and go on from the last UID handed out, inside `_with_retry`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followup.backends.base import FetchedMessage, FolderRole, MessageSummary, WantBody
from followup.backends.imap import ImapMailbox
from followup.backends.imap_fetch import BodyPart, chunked
from followup.backends.imap_messages import (
    FETCH_CHUNK,
    GMAIL_ITEMS,
    SUMMARY_ITEMS,
    fetch_bodies,
    summarise,
)


class StreamedMessages:
    """The new messages of one folder, fetched a chunk at a time as they are iterated."""

    def __init__(self, mailbox: ImapMailbox, client: Any, folder: str, role: FolderRole,
                 uids: list[int], want_body: WantBody, stats: dict[str, int]) -> None:
        self._mailbox, self._client, self._folder, self._role = mailbox, client, folder, role
        self._uids, self._want_body, self._stats = uids, want_body, stats

    def __len__(self) -> int:
        return len(self._uids)

    def __iter__(self) -> Iterator[FetchedMessage]:
        mailbox, client, folder = self._mailbox, self._client, self._folder
        items = SUMMARY_ITEMS + (GMAIL_ITEMS if "X-GM-EXT-1" in mailbox._capabilities else [])

        def fetch(uids: list[int], wanted: list[str]) -> dict[int, dict[bytes, Any]]:
            return mailbox._fetch_tolerant(client, uids, wanted, folder)

        for chunk in chunked(self._uids, FETCH_CHUNK):
            summaries: dict[int, tuple[MessageSummary, BodyPart | None]] = {}
            for uid, entry in fetch(chunk, items).items():
                built = summarise(mailbox.name, folder, self._role, uid, entry)
                if built is not None:
                    summaries[uid] = built
            counts: dict[str, int] = {}
            bodies = fetch_bodies(mailbox.name, folder, fetch, summaries, self._want_body,
                                  mailbox._max_message_bytes, counts)
            for key, value in counts.items():
                self._stats[key] = self._stats.get(key, 0) + value
            for uid in sorted(summaries):
                yield FetchedMessage(summaries[uid][0], bodies.get(uid))


class StreamingImapMailbox(ImapMailbox):
    """followup's IMAP backend with `_fetch_messages` made lazy and chunked (prototype)."""

    def _fetch_messages(self, client: Any, folder: str, role: FolderRole, uids: list[int],
                        want_body: WantBody, stats: dict[str, int]) -> Any:
        return StreamedMessages(self, client, folder, role, uids, want_body, stats)
