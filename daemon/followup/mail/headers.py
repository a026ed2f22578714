"""Header fields: the header block, RFC 2047 words, MIME parameters, addresses, dates, ids.

The header block is read by hand rather than by `email.policy.default`, which raises on some
malformed headers and costs tens of microseconds per field: values are unfolded, decoded
(raw 8-bit as UTF-8 or windows-1252, encoded-words in any charset, split multi-byte
characters joined), stripped of control characters and capped. Nothing here raises.
"""

from __future__ import annotations

import binascii
import email.utils
import inspect
import re
import urllib.parse
from datetime import UTC, datetime

from followup.mail.defects import Defects
from followup.mail.model import Address
from followup.mail.text import decode_bytes

# Header names kept in `Message.headers`: what the judge needs to tell bulk, automatic and
# ATS mail from people.
KEPT_HEADERS: tuple[str, ...] = (
    "list-unsubscribe", "list-unsubscribe-post", "list-id", "list-post", "precedence",
    "auto-submitted", "x-autoreply", "x-autorespond", "x-auto-response-suppress",
    "x-ms-exchange-generated-message-source", "x-ms-exchange-inbox-rules-loop",
    "x-failed-recipients", "x-mailer", "user-agent", "x-campaign", "x-campaign-id",
    "x-mailgun-tag", "x-sg-eid", "x-ses-outgoing", "x-mc-user", "x-mandrill-user",
    "x-sfmc-stack", "feedback-id", "x-linkedin-class", "x-linkedin-template", "return-path",
    "sender", "x-original-sender", "x-original-from", "x-google-original-from",
    "x-google-group-id", "x-gm-labels", "x-gmail-labels", "delivered-to", "x-original-to",
    "content-language", "thread-topic", "importance",
)

MAX_HEADER_LINES = 5000
MAX_VALUE_BYTES = 64 * 1024
MAX_ADDRESS_CHARS = 16 * 1024
MAX_KEPT_CHARS = 2000
MAX_REFERENCES = 100
MIN_YEAR, MAX_YEAR = 1900, 2200  # dates outside are garbage; also keeps arithmetic in range

_FIELD_NAME = re.compile(rb"([!-9;-~]{1,200})[ \t]*:")
_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,75})\?([bBqQ])\?([^?]*)\?=")
_WHITESPACE = re.compile(r"\s+")
_MESSAGE_ID = re.compile(r"<([^<>]{1,998})>")
_EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]\\]{1,256}@[^@\s<>(),;:\"\[\]\\]{1,255}")
_PARAM_NAME = re.compile(r"([^*\s]+)\*(?:(\d{1,3})(\*)?)?")
_CONTROL: dict[int, str | None] = {c: " " for c in range(0x20)}
_CONTROL[0x7F] = None
_CONTROL[0] = None
_GETADDRESSES_OPTIONS = (
    {"strict": False} if "strict" in inspect.signature(email.utils.getaddresses).parameters else {}
)


class HeaderFields:
    """The fields of one header block, in order; names lower-cased, values raw (unfolded)."""

    def __init__(self, fields: list[tuple[str, bytes]], defects: Defects) -> None:
        self._fields = fields
        self._defects = defects

    def __bool__(self) -> bool:
        return bool(self._fields)

    def raw_all(self, name: str) -> list[str]:
        """Every value of `name`, 8-bit decoded but with encoded-words left as they are."""
        return [self._to_text(name, value) for key, value in self._fields if key == name]

    def raw(self, name: str) -> str | None:
        for key, value in self._fields:
            if key == name:
                return self._to_text(name, value)
        return None

    def get(self, name: str) -> str | None:
        """The first value of `name`, fully decoded and cleaned, or None."""
        value = self.raw(name)
        return None if value is None else clean_value(decode_words(value, self._defects))

    def _to_text(self, name: str, value: bytes) -> str:
        if len(value) > MAX_VALUE_BYTES:
            self._defects.add("header-truncated", f"{name} of {len(value)} bytes")
            value = value[:MAX_VALUE_BYTES]
        if value.isascii():
            return value.decode("ascii")
        self._defects.add("header-8bit", name)
        return decode_bytes(value, "utf-8", Defects())


def read_header_block(data: bytes, defects: Defects, start: int = 0,
                      end: int | None = None) -> tuple[HeaderFields, int]:
    """The header fields of `data[start:end]` (LF line ends) and where its body begins.

    A line that is neither a field nor a continuation ends the header block there, as the
    stdlib parser does (an mbox "From " line at the very top is skipped).
    """
    fields: list[tuple[str, bytes]] = []
    pieces: list[bytes] = []
    name = ""
    length = len(data) if end is None else end
    position, lines = start, 0
    body_start = length
    while position < length:
        newline = data.find(b"\n", position, length)
        line_end = length if newline < 0 else newline
        line = data[position:line_end]
        lines += 1
        if not line.strip(b" \t\r"):
            body_start = min(line_end + 1, length)
            break
        if lines > MAX_HEADER_LINES:
            defects.add("header-too-many", f"more than {MAX_HEADER_LINES} header lines")
            blank = data.find(b"\n\n", position, length)
            body_start = blank + 2 if blank >= 0 else length
            break
        if line[:1] in (b" ", b"\t") and name:
            pieces.append(line)
        elif (match := _FIELD_NAME.match(line)) is not None:
            if name:
                fields.append((name, b"".join(pieces).strip()))
            name = match.group(1).decode("ascii").lower()
            pieces = [line[match.end():]]
        elif lines == 1 and line.startswith(b"From "):
            pass
        else:
            if name:
                defects.add("missing-header-separator", "body starts without a blank line")
            body_start = position
            break
        position = line_end + 1
    if name:
        fields.append((name, b"".join(pieces).strip()))
    return HeaderFields(fields, defects), body_start


def decode_words(value: str, defects: Defects) -> str:
    """Decode RFC 2047 encoded-words anywhere in `value` (also inside quotes, as mailers
    produce them); whitespace between adjacent words goes, split characters rejoin."""
    if "=?" not in value:
        return value
    out: list[str] = []
    run_charset: str | None = None
    run: list[bytes] = []
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[position:match.start()]
        if between and (between.strip() or run_charset is None):
            if run_charset is not None:
                out.append(decode_bytes(b"".join(run), run_charset, defects, "header"))
                run_charset, run = None, []
            out.append(between)
        charset = match.group(1).split("*", 1)[0]
        if run_charset is not None and charset.lower() != run_charset.lower():
            out.append(decode_bytes(b"".join(run), run_charset, defects, "header"))
            run = []
        run_charset = charset
        run.append(_decode_word(match.group(2), match.group(3)))
        position = match.end()
    if run_charset is not None:
        out.append(decode_bytes(b"".join(run), run_charset, defects, "header"))
    out.append(value[position:])
    return "".join(out)


def _decode_word(encoding: str, text: str) -> bytes:
    data = text.encode("ascii", "replace")
    if encoding in "qQ":
        return binascii.a2b_qp(data, header=True)
    data = re.sub(rb"[^A-Za-z0-9+/]", b"", data)
    data = data[: len(data) - 1] if len(data) % 4 == 1 else data
    try:
        return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return b""


def clean_value(value: str) -> str:
    """No control characters, no line breaks, whitespace runs collapsed, trimmed."""
    return _WHITESPACE.sub(" ", value.translate(_CONTROL)).strip()


def parse_params(value: str, defects: Defects) -> tuple[str, dict[str, str]]:
    """Split a Content-Type / Content-Disposition value into its lower-cased main value and
    its parameters (names lower-cased, quotes removed, RFC 2231 continuations and charsets
    and RFC 2047 words decoded)."""
    items = _split_outside_quotes(value[:8192])
    main = clean_value(items[0]).lower() if items else ""
    simple: dict[str, str] = {}
    extended: dict[str, list[tuple[int, str, bool]]] = {}
    for item in items[1:65]:
        key, equals, raw_value = item.partition("=")
        key = key.strip().lower()
        if not equals or not key:
            continue
        raw_value = raw_value.strip()
        if len(raw_value) >= 2 and raw_value[0] == '"' and raw_value[-1] == '"':
            raw_value = re.sub(r"\\(.)", r"\1", raw_value[1:-1])
        else:
            raw_value = raw_value.strip('"')
        star = _PARAM_NAME.fullmatch(key)
        if star is None:
            simple.setdefault(key, raw_value)
            continue
        number, is_encoded = star.group(2), star.group(2) is None or star.group(3) is not None
        extended.setdefault(star.group(1), []).append((int(number or 0), raw_value, is_encoded))
    for key, segments in extended.items():
        simple[key] = _join_rfc2231(sorted(segments, key=lambda s: s[0]), defects)
    return main, {k: clean_value(decode_words(v, defects)) for k, v in simple.items()}


def _split_outside_quotes(value: str) -> list[str]:
    items: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in value:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            items.append("".join(current))
            current = []
            continue
        current.append(char)
    items.append("".join(current))
    return items


def _join_rfc2231(segments: list[tuple[int, str, bool]], defects: Defects) -> str:
    charset = "utf-8"
    data = b""
    for index, (_, text, is_encoded) in enumerate(segments):
        if is_encoded and index == 0 and text.count("'") >= 2:
            charset, _, text = text.split("'", 2)
        part = urllib.parse.unquote_to_bytes(text) if is_encoded else text.encode("utf-8")
        data += part
    return decode_bytes(data, charset or "utf-8", defects, "header parameter")


def parse_addresses(values: list[str], defects: Defects) -> tuple[Address, ...]:
    """Addresses from raw header values; display names decoded after the list is split, so
    an encoded comma cannot split a name. Garbage entries are skipped with a defect."""
    text = ", ".join(values)
    if len(text) > MAX_ADDRESS_CHARS:
        defects.add("header-truncated", f"address list of {len(text)} characters")
        text = text[: text.rfind(",", 0, MAX_ADDRESS_CHARS) + 1 or MAX_ADDRESS_CHARS]
    text = text.translate(_CONTROL)
    try:
        pairs = email.utils.getaddresses([text], **_GETADDRESSES_OPTIONS)
    except (ValueError, TypeError, IndexError):
        defects.add("address-invalid", text[:80])
        return ()
    addresses: list[Address] = []
    for name, address in pairs:
        address = address.strip().strip(".").lower()
        if not address and not name:
            continue
        if not _EMAIL.fullmatch(address):
            defects.add("address-invalid", (address or name)[:80])
            continue
        name = clean_value(decode_words(name, defects))
        if len(name) >= 2 and name[0] == name[-1] and name[0] in "'\"":
            name = name[1:-1].strip()
        addresses.append(Address(name=name[:200], email=address))
    return tuple(dict.fromkeys(addresses))


def parse_date(value: str | None, defects: Defects) -> datetime | None:
    """An aware datetime from a Date header; no zone means UTC (recorded), garbage None."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value[:300])
    except (ValueError, TypeError, IndexError, OverflowError):
        defects.add("date-invalid", value[:80])
        return None
    if parsed is None:  # pragma: no cover - older Pythons returned None
        defects.add("date-invalid", value[:80])
        return None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:  # outside this, time arithmetic overflows
        defects.add("date-invalid", value[:80])
        return None
    if parsed.tzinfo is None:
        defects.add("date-without-zone", "read as UTC")
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def parse_message_ids(value: str | None) -> tuple[str, ...]:
    """Every Message-ID in a header value, as `<...>` without whitespace, de-duplicated."""
    if not value:
        return ()
    found = [_WHITESPACE.sub("", match) for match in _MESSAGE_ID.findall(value)]
    if not found:
        found = [token.strip("<>") for token in re.split(r"[\s,]+", value) if "@" in token]
    ids = list(dict.fromkeys(f"<{token}>" for token in found if token))
    if len(ids) > MAX_REFERENCES:
        ids = ids[:1] + ids[-(MAX_REFERENCES - 1):]
    return tuple(ids)


def kept_headers(fields: HeaderFields) -> dict[str, str]:
    """The `KEPT_HEADERS` present in `fields`, first value of each, decoded and capped."""
    kept: dict[str, str] = {}
    for name in KEPT_HEADERS:
        value = fields.get(name)
        if value is not None:
            kept[name] = value[:MAX_KEPT_CHARS]
    return kept
