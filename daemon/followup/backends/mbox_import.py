"""Read-only, streaming reading of an mbox file (a Google Takeout export, say).

The file is opened read-only (`rb`) and read from a byte offset, so a later poll of an
unchanged file reads nothing. Messages are split at `From ` lines that start the file or
follow a blank line; the `From ` line itself is not part of the message.

Which folder a message belongs to comes from Gmail's `X-Gmail-Labels`: "Sent" → sent;
"Chat", "Spam", "Trash" and "Drafts" → neither; anything else → inbox.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path

IDENTITY_BYTES = 65536
SKIPPED_LABELS = frozenset({"chat", "spam", "trash", "drafts"})


@dataclass(frozen=True)
class MboxMessage:
    """One message of the file: its ordinal, raw bytes, and the offset just after it."""

    index: int
    raw: bytes
    end_offset: int


def mbox_identity(path: Path, length: int) -> str:
    """A hash of the file's first `length` bytes (at most 64 KB, no further than what was
    read, so appending keeps it): it changes when the file is replaced by another export."""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read(min(length, IDENTITY_BYTES))).hexdigest()[:32]


def read_mbox(path: Path, offset: int = 0, first_index: int = 0) -> Iterator[MboxMessage]:
    """The messages of the mbox file at `path` starting at byte `offset` (a `From ` line)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        index = first_index
        lines: list[bytes] | None = None
        previous_blank = True
        position = offset
        while True:
            line = handle.readline()
            if line.startswith(b"From ") and previous_blank or not line:
                if lines is not None:
                    yield MboxMessage(index, _message_bytes(lines), position)
                    index += 1
                if not line:
                    return
                lines = []
            elif lines is not None:
                lines.append(line)
            previous_blank = line in (b"\n", b"\r\n")
            position += len(line)


def _message_bytes(lines: list[bytes]) -> bytes:
    if lines and lines[-1] in (b"\n", b"\r\n"):
        lines = lines[:-1]  # the blank line that separates messages in mbox
    return b"".join(lines)


def gmail_role(header: bytes) -> str | None:
    """"sent", "inbox", or None (chat, spam, trash, drafts) from `X-Gmail-Labels`."""
    value = BytesHeaderParser(policy=compat32).parsebytes(header).get("X-Gmail-Labels")
    labels = {label.strip().lower() for label in str(value or "").split(",")}
    if "sent" in labels:
        return "sent"
    if labels & SKIPPED_LABELS:
        return None
    return "inbox"

