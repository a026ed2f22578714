"""Which parts of a message a backend downloads, and small header helpers.

Backends read only the parts followup can use: text (plain, HTML) and calendar data
(`text/calendar`, `application/ics`, `*.ics`). Attachments (PDFs, images, documents, text
files marked as attachments, attached messages) are never downloaded; a backend that gets
a message whole (Maildir) drops them with `strip_unwanted_parts` so that every backend
hands the caller the same shape of message.

Message-IDs are handled in their header form, with angle brackets: `<id@host>`.
"""

from __future__ import annotations

import re
import uuid
from email import message_from_bytes
from email.message import Message
from email.policy import compat32

from followup.mail.defects import Defects
from followup.mail.headers import read_header_block

CALENDAR_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar"})
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def is_wanted_part(content_type: str, filename: str | None, disposition: str | None) -> bool:
    """True if a leaf MIME part is one followup reads: text that is not an attachment, or
    calendar data wherever it is.
    """
    content_type = content_type.lower()
    if content_type in CALENDAR_TYPES or (filename or "").strip().lower().endswith(".ics"):
        return True
    return content_type.startswith("text/") and (disposition or "").lower() != "attachment"


def normalise_message_id(message_id: str) -> str:
    """`id@host`, ` <id@host> ` -> `<id@host>`."""
    text = message_id.strip()
    found = _MESSAGE_ID.search(text)
    if found:
        return found.group(0)
    return f"<{text.strip('<>')}>"


def message_id_from_header(header_bytes: bytes) -> str | None:
    """The Message-ID of a raw header block, in `<id@host>` form, or None if it has none."""
    # followup's own header reader: email.parser costs several times more, and this runs
    # for every message of a first scan.
    fields, _ = read_header_block(header_bytes, Defects())
    value = fields.raw("message-id")
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    found = _MESSAGE_ID.search(text)
    return found.group(0) if found else text


def split_header(raw: bytes) -> bytes:
    """The header block of a raw message, up to and including the blank line."""
    found = _BLANK_LINE.search(raw)
    return raw[:found.end()] if found else raw


def strip_unwanted_parts(raw: bytes) -> bytes:
    """`raw` without its attachments, as a parseable message; unchanged if it has none.

    Keeps the multipart structure (alternative stays alternative) of what remains. A
    message that is nothing but an attachment becomes its header and an empty text body.
    """
    message = message_from_bytes(raw, policy=compat32)
    if not _has_unwanted(message):
        return raw
    if not message.is_multipart() or not _prune(message):
        _make_empty_text(message)
    linesep = "\r\n" if b"\r\n" in split_header(raw) else "\n"
    return message.as_bytes(policy=compat32.clone(linesep=linesep))


def _leaf_is_wanted(part: Message) -> bool:
    disposition = part.get_content_disposition()
    return is_wanted_part(part.get_content_type(), part.get_filename(), disposition)


def _has_unwanted(part: Message) -> bool:
    if part.is_multipart() and part.get_content_maintype() != "message":
        payload = part.get_payload()
        return isinstance(payload, list) and any(
            isinstance(child, Message) and _has_unwanted(child) for child in payload)
    return not _leaf_is_wanted(part)


def _prune(part: Message) -> bool:
    """Remove unwanted leaves below `part`; True if anything wanted remains."""
    if part.get_content_maintype() == "message" or not part.is_multipart():
        return _leaf_is_wanted(part)
    children: list[Message | str] = [child for child in part.get_payload()
                                      if isinstance(child, Message) and _prune(child)]
    part.set_payload(children)
    return bool(children)


def _make_empty_text(message: Message) -> None:
    for name in ("Content-Type", "Content-Transfer-Encoding", "Content-Disposition"):
        del message[name]
    message["Content-Type"] = "text/plain; charset=us-ascii"
    message.set_payload("")


def new_boundary() -> str:
    """A MIME boundary that cannot occur in the content it separates."""
    return f"=_followup_{uuid.uuid4().hex}"
