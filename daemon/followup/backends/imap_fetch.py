"""Pure helpers of the IMAP backend's two-phase fetch: BODYSTRUCTURE, partial bodies, APPENDUID.

Nothing here talks to a server or imports imapclient; it works on the plain tuples that
imapclient's parser returns (`BodyData` is a tuple), so it is tested byte by byte.

Phase two fetches a wanted message whole (`BODY.PEEK[]`) when every part of it is text or
calendar data. Otherwise it fetches only those parts (`BODY.PEEK[<section>.MIME]` and
`BODY.PEEK[<section>]`), and `rebuild_message` puts them back together under the message's
own header, keeping the multipart structure, so attachment bodies never cross the wire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email.header import decode_header, make_header
from typing import Any, TypeVar

from followup.backends.parts import is_wanted_part, new_boundary

T = TypeVar("T")
_APPENDUID = re.compile(rb"\[APPENDUID\s+(\d+)\s+(\d+)\]", re.IGNORECASE)
_HEADER_FIELD_START = re.compile(rb"^[^\s:]+:", re.MULTILINE)
_REPLACED_FIELDS = (b"content-type", b"content-transfer-encoding", b"content-disposition")


@dataclass(frozen=True)
class BodyPart:
    """One node of a message's MIME tree, from BODYSTRUCTURE.

    `section` is the IMAP part specifier ("" for the root of a multipart message, "1",
    "2.1", ...). `children` is empty for a leaf part.
    """

    section: str
    content_type: str
    filename: str | None
    disposition: str | None
    size: int
    children: tuple[BodyPart, ...] = ()

    @property
    def is_multipart(self) -> bool:
        return self.content_type.startswith("multipart/")

    @property
    def wanted(self) -> bool:
        return not self.is_multipart and is_wanted_part(
            self.content_type, self.filename, self.disposition)

    def leaves(self) -> Iterator[BodyPart]:
        if self.is_multipart:
            for child in self.children:
                yield from child.leaves()
        else:
            yield self


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _params(value: Any) -> dict[str, str]:
    """A BODYSTRUCTURE parameter list (k1, v1, k2, v2, ...) as a dict with lower-case keys."""
    if not isinstance(value, (tuple, list)):
        return {}
    items = list(value)
    return {_text(items[i]).lower(): _text(items[i + 1]) for i in range(0, len(items) - 1, 2)}


def _decode_filename(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # noqa: BLE001 - a hostile name must not stop the scan
        return value


def _filename(disposition: Any, params: dict[str, str]) -> tuple[str | None, str | None]:
    kind, disposition_params = None, {}
    if isinstance(disposition, (tuple, list)) and disposition:
        kind = _text(disposition[0]).lower() or None
        if len(disposition) > 1:
            disposition_params = _params(disposition[1])
    for source, key in ((disposition_params, "filename"), (disposition_params, "filename*"),
                        (params, "name"), (params, "name*")):
        if source.get(key):
            name = source[key]
            if key.endswith("*") and "''" in name:  # RFC 2231: charset'lang'value
                name = name.split("''", 1)[1]
            return kind, _decode_filename(name)
    return kind, None


def parse_bodystructure(structure: Sequence[Any], section: str = "") -> BodyPart:
    """A BodyPart tree from imapclient's BODYSTRUCTURE value (a nested tuple).

    Multipart: `([part, part, ...], subtype, params, disposition, ...)`. Leaf: `(type,
    subtype, params, id, description, encoding, size, ...)` where text parts add a line
    count and message/rfc822 parts add an envelope, a body and a line count before the
    extension data (md5, disposition, ...). Raises ValueError when it is not one of these.
    """
    if not structure:
        raise ValueError("empty BODYSTRUCTURE")
    if isinstance(structure[0], list):
        children = tuple(
            parse_bodystructure(child, f"{section}.{index}" if section else str(index))
            for index, child in enumerate(structure[0], start=1))
        subtype = _text(structure[1]).lower() if len(structure) > 1 else "mixed"
        return BodyPart(section, f"multipart/{subtype}", None, None,
                        sum(child.size for child in children), children)
    maintype, subtype = _text(structure[0]).lower(), _text(structure[1]).lower()
    params = _params(structure[2])
    size = structure[6] if len(structure) > 6 and isinstance(structure[6], int) else 0
    if maintype == "text":
        extension = 8
    elif maintype == "message" and subtype in ("rfc822", "global"):
        extension = 10
    else:
        extension = 7
    disposition = structure[extension + 1] if len(structure) > extension + 1 else None
    kind, filename = _filename(disposition, params)
    return BodyPart(section or "1", f"{maintype}/{subtype}", filename, kind, size)


def partial_sections(root: BodyPart) -> list[str] | None:
    """None if the message should be fetched whole (every leaf is wanted), else the
    sections of the wanted leaves (maybe none) to fetch part by part.
    """
    leaves = list(root.leaves())
    if all(leaf.wanted for leaf in leaves):
        return None
    return [leaf.section for leaf in leaves if leaf.wanted]


def partial_size(root: BodyPart) -> int:
    """How many bytes a part-by-part fetch of `root` downloads (bodies of wanted leaves)."""
    return sum(leaf.size for leaf in root.leaves() if leaf.wanted)


def rebuild_message(header: bytes, root: BodyPart,
                    parts: dict[str, tuple[bytes, bytes]]) -> bytes:
    """A parseable message from its header and the fetched parts {section: (mime, body)}.

    The message's own Content-Type, -Transfer-Encoding and -Disposition fields are replaced by
    those of what was kept; every other header field stays byte for byte.
    """
    rendered = _render(root, parts)
    if rendered is None:
        entity_header, body = b"Content-Type: text/plain; charset=us-ascii\r\n\r\n", b""
    else:
        entity_header, body = rendered
    return _strip_fields(header) + entity_header + body


def _render(part: BodyPart, parts: dict[str, tuple[bytes, bytes]]) -> tuple[bytes, bytes] | None:
    if not part.is_multipart:
        if not part.wanted or part.section not in parts:
            return None
        mime, body = parts[part.section]
        return _with_blank_line(mime), body
    rendered = [r for r in (_render(child, parts) for child in part.children) if r is not None]
    if not rendered:
        return None
    boundary = new_boundary().encode()
    body = b"".join(b"--" + boundary + b"\r\n" + mime + content + b"\r\n"
                    for mime, content in rendered)
    body += b"--" + boundary + b"--\r\n"
    entity_header = (b"Content-Type: " + part.content_type.encode() + b"; boundary=\""
                     + boundary + b"\"\r\n\r\n")
    return entity_header, body


def _with_blank_line(mime: bytes) -> bytes:
    mime = mime.rstrip(b"\r\n")
    return mime + b"\r\n\r\n" if mime else b"\r\n"


def _strip_fields(header: bytes) -> bytes:
    """`header` (ending in a blank line) without the fields that rebuilding replaces."""
    header = header.rstrip(b"\r\n") + b"\r\n"
    starts = [match.start() for match in _HEADER_FIELD_START.finditer(header)]
    if not starts:
        return header if header.strip() else b""
    kept = [header[:starts[0]]]
    for start, end in zip(starts, starts[1:] + [len(header)]):
        field = header[start:end]
        if field.split(b":", 1)[0].strip().lower() not in _REPLACED_FIELDS:
            kept.append(field)
    return b"".join(kept)


def parse_appenduid(response: bytes | str | None) -> tuple[int, int] | None:
    """(uidvalidity, uid) from an APPEND OK text `[APPENDUID 38505 3955] ...`, or None."""
    if response is None:
        return None
    data = response.encode() if isinstance(response, str) else bytes(response)
    found = _APPENDUID.search(data)
    return (int(found.group(1)), int(found.group(2))) if found else None


def chunked(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of at most `size`."""
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def batches_by_size(items: Sequence[tuple[T, int]], max_items: int,
                    max_bytes: int) -> Iterator[list[T]]:
    """Group (item, size) pairs into lists of at most `max_items` items and, unless one item
    alone is bigger, at most `max_bytes` bytes: keeps big bodies out of one response.
    """
    batch: list[T] = []
    total = 0
    for item, size in items:
        if batch and (len(batch) >= max_items or total + size > max_bytes):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += size
    if batch:
        yield batch
