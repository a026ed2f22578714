"""From raw RFC 5322 bytes to a `Message`: the one entry point of `followup.mail`.

`parse_message` is pure and total: any bytes give a `Message` (with what was wrong in
`defects`), except input with no header field at all, which raises `MailParseError`.
Work and memory are bounded whatever the input (see the limits in `mime`, `html`,
`calendar` and `headers`); a hostile message parses in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, tzinfo

from followup.errors import MailParseError
from followup.mail.calendar import MAX_CALENDAR_BYTES, read_calendar
from followup.mail.defects import Defects
from followup.mail.headers import (
    clean_value,
    kept_headers,
    parse_addresses,
    parse_date,
    parse_message_ids,
)
from followup.mail.html import MAX_HTML_BYTES, html_to_text
from followup.mail.mime import Part, read_message
from followup.mail.model import CalendarEvent, Message
from followup.mail.quotes import split_quotes
from followup.mail.text import clean_text, decode_bytes, truncate, unflow

MAX_TEXT_CHARS = 200_000
MAX_PART_BYTES = 1024 * 1024
MAX_SUBJECT_CHARS = 1000
MAX_ATTACHMENTS = 100
FORWARD_BANNER = "---------- Forwarded message ---------"

_PLAIN_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown", "text/enriched"})
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar",
                             "application/x-ics"})
_SIGNATURE_TYPES = frozenset({"application/pgp-signature", "application/pkcs7-signature",
                              "application/x-pkcs7-signature"})


def parse_message(raw: bytes, *, thread_id: str | None = None,
                  default_tz: tzinfo | None = None) -> Message:
    """Parse one message.

    `thread_id` is the provider's thread id, passed through. `default_tz` is the zone for
    floating and all-day calendar times; without it the zone of the Date header is used,
    else UTC. Raises `MailParseError` only when `raw` has no header field at all.
    """
    if not raw or raw.isspace():
        raise MailParseError("empty message")
    defects = Defects()
    data = _normalise_newlines(raw)
    root = read_message(data, defects)
    headers = root.headers
    if not headers:
        raise MailParseError("no header fields found")
    date = parse_date(headers.get("date"), defects)
    fallback_zone = default_tz or (date.tzinfo if date is not None else None) or UTC
    content = _Content(defects=defects, fallback_zone=fallback_zone)
    content.collect(root)
    text = truncate(clean_text("\n\n".join(chunk for chunk in content.chunks if chunk)),
                    MAX_TEXT_CHARS)
    split = split_quotes(text)
    senders = parse_addresses(headers.raw_all("from"), defects)
    return Message(
        message_id=(parse_message_ids(headers.get("message-id")) or (None,))[0],
        in_reply_to=(parse_message_ids(headers.get("in-reply-to")) or (None,))[0],
        references=parse_message_ids(headers.get("references")),
        subject=(headers.get("subject") or "")[:MAX_SUBJECT_CHARS],
        sender=senders[0] if senders else None,
        reply_to=parse_addresses(headers.raw_all("reply-to"), defects),
        to=parse_addresses(headers.raw_all("to"), defects),
        cc=parse_addresses(headers.raw_all("cc"), defects),
        date=date,
        text=text,
        new_text=split.new_text,
        quoted_text=split.quoted_text,
        signature=split.signature,
        html_links=tuple(content.links),
        calendar=tuple(content.events.values()),
        attachments=tuple(content.attachments),
        headers=kept_headers(headers),
        thread_id=thread_id,
        defects=defects.as_tuple(),
    )


def _normalise_newlines(raw: bytes) -> bytes:
    if b"\r" not in raw:
        return raw
    data = raw.replace(b"\r\n", b"\n")
    if b"\n" not in data[:8192]:  # old Mac line ends
        data = data.replace(b"\r", b"\n")
    return data


@dataclass
class _Content:
    """What the parts of one message yield, in reading order."""

    defects: Defects
    fallback_zone: tzinfo
    chunks: list[str] = field(default_factory=list)
    links: dict[tuple[str, str], None] = field(default_factory=dict)
    events: dict[tuple[object, ...], CalendarEvent] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)
    calendar_data: list[bytes] = field(default_factory=list)
    size: int = 0

    def collect(self, part: Part, text_wanted: bool = True) -> None:
        """Read `part` and what it contains; `text_wanted` False keeps only links, calendar
        data and attachment names (the HTML twin of a plain-text alternative)."""
        kind = part.content_type
        if part.maintype == "multipart":
            self._multipart(part, text_wanted)
        elif kind == "message/rfc822":
            self._attach(part)
            if text_wanted and part.children:
                self._forwarded(part.children[0])
        elif kind in _CALENDAR_TYPES or part.filename.lower().endswith((".ics", ".vcs")):
            if part.is_attachment:
                self._attach(part)
            self._calendar(part)
        elif part.is_attachment or kind in _SIGNATURE_TYPES:
            self._attach(part)
        elif kind in _PLAIN_TYPES:
            if text_wanted:
                self._add_text(self._plain(part))
        elif kind == "text/html":
            rendered = self._html(part)
            if text_wanted:
                self._add_text(rendered)

    def _multipart(self, part: Part, text_wanted: bool) -> None:
        children = part.children
        if part.content_type == "multipart/alternative" and text_wanted:
            chosen = _choose_alternative(children, self)
            for child in children:
                self.collect(child, text_wanted=child is chosen)
        elif part.content_type == "multipart/related" and children:
            start = part.params.get("start", "").strip("<>")
            main = next((c for c in children
                         if start and (c.headers.raw("content-id") or "").strip(" <>") == start),
                        children[0])
            self.collect(main, text_wanted)
            for child in children:  # resources the body shows by Content-ID are not files
                if child is not main and child.is_attachment and not child.headers.raw(
                        "content-id"):
                    self._attach(child)
        else:
            for child in children:
                self.collect(child, text_wanted)

    def _plain(self, part: Part) -> str:
        text = self._decode(part)
        if part.params.get("format", "").lower() == "flowed":
            text = unflow(text, part.params.get("delsp", "").lower() == "yes")
        return clean_text(text)

    def _html(self, part: Part) -> str:
        rendered = html_to_text(self._decode(part), self.defects, f"part {part.path}")
        for link in rendered.links:
            if len(self.links) < 300:
                self.links[link] = None
        return rendered.text

    def _decode(self, part: Part) -> str:
        if self.size >= MAX_TEXT_CHARS:
            return ""
        is_html = part.content_type == "text/html"
        limit = MAX_HTML_BYTES if is_html else MAX_PART_BYTES
        data, was_cut = part.decoded_prefix(self.defects, limit)
        if was_cut:
            code = "html-truncated" if is_html else "text-truncated"
            self.defects.add(code, f"part {part.path} cut to {limit} bytes")
        charset = part.params.get("charset") or (
            _sniff_html_charset(data) if is_html else None
        )
        return decode_bytes(data, charset, self.defects, f"part {part.path}")

    def _add_text(self, text: str) -> None:
        if text and self.size < MAX_TEXT_CHARS:
            self.chunks.append(text)
            self.size += len(text)

    def _calendar(self, part: Part) -> None:
        data, _was_cut = part.decoded_prefix(self.defects, MAX_CALENDAR_BYTES + 1)
        if data in self.calendar_data:  # Google sends the invite twice: inline and invite.ics
            return
        self.calendar_data.append(data)
        events = read_calendar(data, part.params.get("charset"), part.params.get("method"),
                               self.fallback_zone, self.defects, f"part {part.path}")
        for event in events:
            key = (event.uid, event.sequence, event.start, event.summary, event.method)
            self.events.setdefault(key, event)

    def _attach(self, part: Part) -> None:
        name = part.filename or ("forwarded message" if part.content_type == "message/rfc822"
                                 else "")
        if name and len(self.attachments) < MAX_ATTACHMENTS:
            self.attachments.append(clean_value(name))

    def _forwarded(self, inner: Part) -> None:
        """An attached message: its headers and text, marked as forwarded (so quoted)."""
        nested = _Content(defects=self.defects, fallback_zone=self.fallback_zone)
        nested.size = self.size
        nested.collect(inner)
        lines = [FORWARD_BANNER]
        for name in ("from", "date", "subject", "to"):
            value = inner.headers.get(name)
            if value:
                lines.append(f"{name.capitalize()}: {value[:300]}")
        body = "\n\n".join(nested.chunks)
        self._add_text("\n".join(lines) + "\n\n" + body)
        self.attachments.extend(nested.attachments[:MAX_ATTACHMENTS - len(self.attachments)])


def _choose_alternative(children: list[Part], content: _Content) -> Part | None:
    """The alternative to read as text: the plain one unless it is empty or a stub
    ("view this email in a browser"), then the richest (last) other one."""
    plain = next((c for c in children if c.content_type in _PLAIN_TYPES
                  and not c.is_attachment), None)
    others = [c for c in children  # never text/x-amp-html, text/watch-html, calendars
              if (c.content_type == "text/html" or c.maintype == "multipart")
              and not c.is_attachment]
    if plain is not None:
        if not others:
            return plain
        stub = plain.decoded_prefix(content.defects, 2048)[0].strip()
        if len(stub) > 200 or (stub and b"html" not in stub.lower() and b"browser" not in
                               stub.lower()):
            return plain
    return others[-1] if others else plain


def _sniff_html_charset(data: bytes) -> str | None:
    head = data[:4096].lower()
    index = head.find(b"charset=")
    if index < 0:
        return None
    value = head[index + 8:index + 48].lstrip(b"\"' ")
    end = next((i for i, byte in enumerate(value) if byte in b"\"'; />\t\n"), len(value))
    return value[:end].decode("ascii", "replace") or None


__all__ = ["parse_message"]
