"""The naive approach a peer would write, as a `Mailbox` so that followup's own runner judges,
tracks and plans exactly as it does for followup: only what crosses the wire differs.

Per folder: SELECT it (read-only, so nothing is marked read), `SEARCH SINCE <look-back>`,
then FETCH `BODY.PEEK[]` of every message, 200 explicit UIDs per command (imapclient 4.x
cannot fetch a range). Messages are handed to the runner chunk by chunk as they arrive (a
peer's loop would not hold 7 GB of mail at once), and every body is parsed and judged. It
never writes: the baseline runs with `dry_run=True` and reports the drafts it would make.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from imapclient import IMAPClient, SocketTimeout
from imapclient.imapclient import SENT

from followup.backends.base import (
    FetchedMessage,
    FetchResult,
    FolderRole,
    Mailbox,
    MessageSummary,
    WantBody,
    want_every_body,
)
from followup.backends.parts import message_id_from_header
from followup.config_model import AccountConfig
from followup.errors import BackendError

CHUNK = 200  # UIDs per FETCH


class EveryMessage:
    """The messages of a folder, fetched whole in chunks while the runner iterates."""

    def __init__(self, client: IMAPClient, folder: str, role: FolderRole, uids: list[int]) -> None:
        self._client, self._folder, self._role, self._uids = client, folder, role, uids

    def __len__(self) -> int:
        return len(self._uids)

    def __iter__(self) -> Iterator[FetchedMessage]:
        for start in range(0, len(self._uids), CHUNK):
            chunk = self._uids[start:start + CHUNK]
            data = self._client.fetch(chunk, ["INTERNALDATE", "RFC822.SIZE", "FLAGS",
                                              "BODY.PEEK[]"])
            for uid in chunk:
                entry = data.get(uid)
                if entry is None or entry.get(b"BODY[]") is None:
                    continue
                raw = bytes(entry[b"BODY[]"])
                yield FetchedMessage(self._summary(uid, entry, raw), raw)

    def _summary(self, uid: int, entry: dict[bytes, Any], raw: bytes) -> MessageSummary:
        end = raw.find(b"\r\n\r\n")
        header = raw[:end + 4] if end >= 0 else raw
        internal_date = entry.get(b"INTERNALDATE")
        return MessageSummary(
            uid=str(uid), folder=self._folder, role=self._role,
            message_id=message_id_from_header(header), thread_id=None,
            internal_date=internal_date if isinstance(internal_date, datetime) else None,
            size=int(entry.get(b"RFC822.SIZE") or len(raw)),
            flags=tuple(flag.decode() if isinstance(flag, bytes) else str(flag)
                        for flag in entry.get(b"FLAGS") or ()),
            header_bytes=header)


class NaiveMailbox(Mailbox):
    """Reads every message of INBOX and Sent in the look-back window, whole, every time."""

    def __init__(self, account: AccountConfig, password: str,
                 client_class: type[IMAPClient] = IMAPClient) -> None:
        self.name = account.name
        self._account = account
        self._password = password
        self._client_class = client_class
        self._client: IMAPClient | None = None
        self._sent: str | None = None

    def open(self) -> None:
        account = self._account
        client = self._client_class(
            account.host, port=account.effective_port, ssl=False,
            timeout=SocketTimeout(connect=account.connect_timeout, read=account.read_timeout))
        client.login(account.username, self._password)
        client.normalise_times = False
        self._client = client

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.logout()

    def _folder(self, role: FolderRole) -> str:
        assert self._client is not None
        if role == "inbox":
            return "INBOX"
        if self._sent is None:
            self._sent = self._client.find_special_folder(SENT) or "Sent"
        return self._sent

    def folder_names(self) -> dict[str, str]:
        return {"inbox": "INBOX", "sent": self._folder("sent"), "drafts": "Drafts"}

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        """Ignores `cursor` and `want_body`: everything since `since`, every time."""
        assert self._client is not None
        folder = self._folder(role)
        self._client.select_folder(folder, readonly=True)
        uids = sorted(self._client.search(["SINCE", since]))
        messages: Any = EveryMessage(self._client, folder, role, uids)
        return FetchResult(messages, {"folder": folder})

    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        raise BackendError("the baseline runs dry: it never appends")

    def find_draft(self, message_id: str) -> str | None:
        return None
