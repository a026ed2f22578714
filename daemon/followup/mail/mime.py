"""The MIME structure of a message as a tree of `Part`s, read without the `email` package.

The stdlib parser recurses once per nesting level and checks every line against every open
boundary, so a hostile 1000-deep multipart costs it seconds or a RecursionError. Here the
depth and the number of parts are capped (`MAX_DEPTH`, `MAX_PARTS`; what lies deeper is
skipped with a defect), each multipart body is split with `bytes.find` in linear time, and
parts are offsets into the one message buffer, so nesting copies nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from followup.mail.defects import Defects
from followup.mail.headers import HeaderFields, decode_words, parse_params, read_header_block
from followup.mail.text import decode_transfer

MAX_DEPTH = 24
MAX_PARTS = 400
MAX_BOUNDARY = 200


@dataclass
class Part:
    """One MIME entity: its headers and where its (transfer-encoded) body lies in `source`."""

    headers: HeaderFields
    content_type: str
    params: dict[str, str]
    disposition: str
    filename: str
    transfer_encoding: str
    source: bytes
    start: int
    end: int
    path: str  # "1", "1.2", ...: where the part sits, for defects
    children: list[Part] = field(default_factory=list)

    @property
    def maintype(self) -> str:
        return self.content_type.partition("/")[0]

    @property
    def size(self) -> int:
        return self.end - self.start

    @property
    def is_attachment(self) -> bool:
        return self.disposition == "attachment" or (
            bool(self.filename) and self.disposition != "inline"
        )

    def decoded(self, defects: Defects) -> bytes:
        """The body with its transfer encoding undone."""
        return decode_transfer(self.source[self.start:self.end], self.transfer_encoding,
                               defects, f"part {self.path}")

    def decoded_prefix(self, defects: Defects, limit: int) -> tuple[bytes, bool]:
        """At most `limit` bytes of the decoded body, and whether some of it was left out."""
        # base64 grows 4/3, quoted-printable up to 3x: cut the source no shorter than that.
        factor = 2 if self.transfer_encoding == "base64" else 3
        end = min(self.end, self.start + limit * factor)
        if end < self.end and factor == 2:  # whole base64 lines only, so padding stays right
            end = max(self.start, self.source.rfind(b"\n", self.start, end))
        data = decode_transfer(self.source[self.start:end], self.transfer_encoding, defects,
                               f"part {self.path}")
        return data[:limit], end < self.end or len(data) > limit


class _Budget:
    def __init__(self) -> None:
        self.parts = 0


def read_message(data: bytes, defects: Defects) -> Part:
    """The root `Part` of a whole message (`data` with LF line ends)."""
    headers, body_start = read_header_block(data, defects)
    return _build(headers, data, body_start, len(data), "1", 0, _Budget(), defects,
                  "text/plain")


def _build(headers: HeaderFields, source: bytes, start: int, end: int, path: str, depth: int,
           budget: _Budget, defects: Defects, default_type: str) -> Part:
    budget.parts += 1
    part = _describe(headers, source, start, end, path, defects, default_type)
    if part.maintype == "multipart":
        if depth >= MAX_DEPTH:
            defects.add("nesting-too-deep", f"multipart below depth {MAX_DEPTH} at part {path}")
        else:
            _split_children(part, depth, budget, defects)
    elif part.content_type == "message/rfc822":
        if depth >= MAX_DEPTH:
            defects.add("nesting-too-deep", f"message below depth {MAX_DEPTH} at part {path}")
        elif budget.parts < MAX_PARTS:
            inner = source
            if part.transfer_encoding in ("base64", "quoted-printable"):
                inner = part.decoded(defects).replace(b"\r\n", b"\n")
                start, end = 0, len(inner)
            inner_headers, body_start = read_header_block(inner, defects, start, end)
            part.children.append(_build(inner_headers, inner, body_start, end, f"{path}.1",
                                        depth + 1, budget, defects, "text/plain"))
    return part


def _describe(headers: HeaderFields, source: bytes, start: int, end: int, path: str,
              defects: Defects, default_type: str) -> Part:
    content_type, params = parse_params(headers.raw("content-type") or "", defects)
    if content_type.count("/") != 1 or " " in content_type:
        content_type = default_type
    disposition, disposition_params = parse_params(
        headers.raw("content-disposition") or "", defects
    )
    filename = disposition_params.get("filename") or params.get("name") or ""
    filename = decode_words(filename, defects)[:255]
    encoding = (headers.raw("content-transfer-encoding") or "").strip().lower()
    return Part(headers=headers, content_type=content_type, params=params,
                disposition=disposition, filename=filename, transfer_encoding=encoding,
                source=source, start=start, end=end, path=path)


def _split_children(part: Part, depth: int, budget: _Budget, defects: Defects) -> None:
    boundary = part.params.get("boundary", "")
    if not boundary or len(boundary) > MAX_BOUNDARY:
        defects.add("multipart-no-boundary", f"part {part.path}")
        return
    default_type = "message/rfc822" if part.content_type == "multipart/digest" else "text/plain"
    ranges, closed = split_multipart(part.source, part.start, part.end,
                                     boundary.encode("utf-8", "replace"),
                                     max(1, MAX_PARTS - budget.parts + 1))
    if not ranges:
        defects.add("multipart-no-parts", f"boundary never found in part {part.path}")
        return
    if not closed and budget.parts + len(ranges) <= MAX_PARTS:
        defects.add("multipart-unterminated", f"part {part.path}")
    for index, (start, end) in enumerate(ranges, start=1):
        if budget.parts >= MAX_PARTS:
            defects.add("too-many-parts", f"more than {MAX_PARTS} parts")
            return
        headers, body_start = read_header_block(part.source, defects, start, end)
        part.children.append(_build(headers, part.source, body_start, end,
                                    f"{part.path}.{index}", depth + 1, budget, defects,
                                    default_type))


def split_multipart(data: bytes, start: int, end: int, boundary: bytes,
                    limit: int = MAX_PARTS) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) ranges of at most `limit` bodies between `--boundary` lines in
    `data[start:end]`, and whether the closing `--boundary--` was seen. A line that merely
    starts with the boundary (a longer, nested one) is not a delimiter."""
    delimiter = re.compile(rb"^--" + re.escape(boundary) + rb"(--)?[ \t\r]*$", re.MULTILINE)
    marks: list[tuple[int, int]] = []  # (where the delimiter line begins, content begins)
    closed = False
    for match in delimiter.finditer(data, start, end):
        marks.append((match.start(), min(match.end() + 1, end)))
        if match.group(1):
            closed = True
            break
        if len(marks) > limit:
            break
    # A delimiter owns the line break before it, which is not part of the previous body.
    ranges = [(first[1], max(first[1], second[0] - 1))
              for first, second in itertools.pairwise(marks)]
    if marks and not closed and len(marks) <= limit:
        ranges.append((marks[-1][1], end))
    return ranges, closed
