"""What a backend knows of a message before its body is read.

It lives with the mail model, below `judge` and `backends`, because both read it: the
backends build it (phase one of a fetch, `followup.backends.base`) and the judge's prefilter
decides from it whether the body is worth reading (ARCHITECTURE.md, "Layers").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

FolderRole = Literal["inbox", "sent"]
FOLDER_ROLES: tuple[FolderRole, ...] = ("inbox", "sent")


@dataclass(frozen=True)
class MessageSummary:
    """Phase one: what is known about a new message before its body is read.

    `uid` is the backend's id for the message in its folder (IMAP UID as text, Gmail
    message id, Maildir key). `header_bytes` is the raw header block (RFC 5322).
    """

    uid: str
    folder: str
    role: FolderRole
    message_id: str | None
    thread_id: str | None
    internal_date: datetime | None
    size: int
    flags: tuple[str, ...]
    header_bytes: bytes
