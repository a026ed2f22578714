"""An in-memory mailbox: `MemoryServer` holds the folders, `MemoryMailbox` is a backend over it.

It keeps the whole `backends.base.Mailbox` contract (the contract suite runs against it, as
vdirsyncer's memory storage runs its `StorageTests`), the draft ledger's questions included:
a Drafts token, append marks and fingerprints. So the ledger's tests run in milliseconds.

The server behaves as an IMAP server would, in miniature: every message added to a folder
takes the next number of that folder (never reused, like UIDNEXT); recreating a folder
gives it a new validity, which voids cursors and draft ids. The user's own doings (deleting,
editing or sending a draft) are methods of the server; faults (an APPEND that is stored but
not answered, one that is refused) are switched on with `fail_next_append`.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from followup.backends.base import (
    DraftsToken,
    FetchedMessage,
    FetchResult,
    FolderRole,
    Mailbox,
    WantBody,
    want_every_body,
)
from followup.backends.parts import (
    message_id_from_header,
    normalise_message_id,
    split_header,
    strip_unwanted_parts,
)
from followup.errors import AppendUncertain, ConnectionLost
from followup.mail.summary import MessageSummary

CURSOR_VERSION = 1
FOLDERS = {"inbox": "INBOX", "sent": "Sent", "drafts": "Drafts"}
AppendFault = Literal["refused", "stored-unanswered", "lost-unanswered"]


@dataclass
class StoredMessage:
    raw: bytes
    flags: tuple[str, ...]
    internal_date: datetime


@dataclass
class Folder:
    validity: int
    next_number: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    changes: int = 0  # every add, removal or edit counts one


class MemoryServer:
    """The folders of one account, shared by every `MemoryMailbox` made over it."""

    def __init__(self) -> None:
        self._validities = 0
        self.folders = {role: self._new_folder() for role in FOLDERS}
        self.append_faults: list[AppendFault] = []
        self.appends = 0  # APPENDs that reached the server, stored or not

    def _new_folder(self) -> Folder:
        self._validities += 1
        return Folder(validity=self._validities)

    # -- the world: mail arriving, the user at work ------------------------------------

    def deliver(self, raw: bytes, role: str = "inbox", *, when: datetime | None = None,
                flags: tuple[str, ...] = ()) -> int:
        folder = self.folders[role]
        number = folder.next_number
        folder.next_number += 1
        folder.messages[number] = StoredMessage(raw, flags, when or datetime.now(UTC))
        folder.changes += 1
        return number

    def recreate(self, role: str) -> None:
        """The folder deleted and made again: same messages, new numbers, new validity."""
        old = self.folders[role]
        self.folders[role] = self._new_folder()
        for message in old.messages.values():
            self.deliver(message.raw, role, when=message.internal_date, flags=message.flags)

    def draft_numbers(self, message_id: str) -> list[int]:
        wanted = normalise_message_id(message_id)
        return [number for number, message in self.folders["drafts"].messages.items()
                if message_id_from_header(split_header(message.raw)) == wanted]

    def delete_draft(self, message_id: str) -> None:
        drafts = self.folders["drafts"]
        for number in self.draft_numbers(message_id):
            del drafts.messages[number]
            drafts.changes += 1

    def edit_draft(self, message_id: str, new_text: bytes = b"\r\nEdited by the user.\r\n",
                   *, new_message_id: str | None = None) -> None:
        """The user edits the draft: a mail client stores the new version as a new message
        and removes the old one (as IMAP clients do), optionally with a new Message-ID."""
        for number in self.draft_numbers(message_id):
            old = self.folders["drafts"].messages[number]
            raw = old.raw + new_text
            if new_message_id is not None:
                raw = raw.replace(normalise_message_id(message_id).encode(),
                                  new_message_id.encode())
            self.delete_draft(message_id)
            self.deliver(raw, "drafts", flags=old.flags)
            return

    def send_draft(self, message_id: str) -> None:
        """The user sends the draft: it leaves Drafts and a copy lands in Sent."""
        for number in self.draft_numbers(message_id):
            raw = self.folders["drafts"].messages[number].raw
            self.delete_draft(message_id)
            self.deliver(raw, "sent", flags=("\\Seen",))
            return

    def drafts(self) -> list[tuple[tuple[str, ...], bytes]]:
        return [(message.flags, message.raw)
                for _, message in sorted(self.folders["drafts"].messages.items())]

    def snapshot(self) -> Any:
        return copy.deepcopy({role: (folder.validity, folder.next_number, folder.messages)
                              for role, folder in self.folders.items()})

    def fail_next_append(self, fault: AppendFault) -> None:
        self.append_faults.append(fault)


class MemoryMailbox(Mailbox):
    """A backend over a `MemoryServer`. Draft ids are `"<validity>:<number>"` of Drafts."""

    def __init__(self, server: MemoryServer, name: str = "memory", *,
                 max_message_bytes: int = 25_000_000) -> None:
        self.name = name
        self.server = server
        self._max_message_bytes = max_message_bytes
        self._open = False

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        self._open = False

    def folder_names(self) -> dict[str, str]:
        return dict(FOLDERS)

    # -- reading -------------------------------------------------------------------------

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        folder = self.server.folders[role]
        valid = (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
                 and cursor.get("validity") == folder.validity
                 and isinstance(cursor.get("last"), int))
        if valid:
            assert cursor is not None
            numbers = [n for n in sorted(folder.messages) if n > cursor["last"]]
        else:
            numbers = [n for n in sorted(folder.messages)
                       if folder.messages[n].internal_date.date() >= since]
        messages = [self._fetched(role, number, folder.messages[number], want_body)
                    for number in numbers]
        new_cursor = {"version": CURSOR_VERSION, "validity": folder.validity,
                      "last": folder.next_number - 1}
        return FetchResult(messages, new_cursor, reset=cursor is not None and not valid,
                           stats={"new": len(messages),
                                  "bodies": sum(m.raw is not None for m in messages)})

    def _fetched(self, role: FolderRole, number: int, message: StoredMessage,
                 want_body: WantBody) -> FetchedMessage:
        header = split_header(message.raw)
        summary = MessageSummary(
            uid=str(number), folder=FOLDERS[role], role=role,
            message_id=message_id_from_header(header), thread_id=None,
            internal_date=message.internal_date, size=len(message.raw), flags=message.flags,
            header_bytes=header)
        wanted = want_body(summary) and summary.size <= self._max_message_bytes
        return FetchedMessage(summary, strip_unwanted_parts(message.raw) if wanted else None)

    # -- drafts --------------------------------------------------------------------------

    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        if when.tzinfo is None:
            raise ValueError("append_draft needs a timezone-aware `when`")
        server = self.server
        fault = server.append_faults.pop(0) if server.append_faults else None
        if fault == "refused":
            raise ConnectionLost("the connection was lost before the APPEND went out")
        server.appends += 1
        if fault == "lost-unanswered":
            raise AppendUncertain("the APPEND went out and got no answer")
        number = server.deliver(raw, "drafts", when=when, flags=("\\Draft", "\\Seen"))
        if fault == "stored-unanswered":
            raise AppendUncertain("the APPEND went out and got no answer")
        return self._draft_id(number)

    def _draft_id(self, number: int) -> str:
        return f"{self.server.folders['drafts'].validity}:{number}"

    def _number(self, draft_id: str) -> int | None:
        validity, _, number = draft_id.partition(":")
        drafts = self.server.folders["drafts"]
        if validity != str(drafts.validity) or not number.isdigit():
            return None
        return int(number) if int(number) in drafts.messages else None

    def find_draft(self, message_id: str) -> str | None:
        numbers = self.server.draft_numbers(message_id)
        return self._draft_id(numbers[0]) if numbers else None

    def draft_fingerprint(self, draft_id: str) -> str | None:
        number = self._number(draft_id)
        if number is None:
            return None
        raw = self.server.folders["drafts"].messages[number].raw
        return f"{len(raw)}:{hashlib.sha256(raw).hexdigest()}"

    def append_mark(self) -> dict[str, Any] | None:
        drafts = self.server.folders["drafts"]
        return {"validity": drafts.validity, "next": drafts.next_number}

    def removed_since(self, mark: dict[str, Any]) -> bool | None:
        drafts = self.server.folders["drafts"]
        if mark.get("validity") != drafts.validity:
            return None
        added = range(int(mark["next"]), drafts.next_number)
        return any(number not in drafts.messages for number in added)

    def drafts_token(self, previous: DraftsToken | None = None) -> DraftsToken | None:
        drafts = self.server.folders["drafts"]
        return {"validity": drafts.validity, "changes": drafts.changes,
                "next": drafts.next_number, "count": len(drafts.messages)}

    def drafts_token_after(self, before: DraftsToken, appended: int) -> DraftsToken | None:
        after = self.drafts_token()
        assert after is not None
        if after["validity"] == before.get("validity") and all(
                after[item] == before.get(item, 0) + appended
                for item in ("changes", "next", "count")):
            return after
        return None
