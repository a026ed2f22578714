"""Hostile input: parse_message never crashes, never hangs, and stays within its limits.

The only exception it may raise is MailParseError, and only for input with no header field.
"""

from __future__ import annotations

import base64
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.errors import MailParseError
from followup.mail.defects import CODES
from followup.mail.model import Message
from followup.mail.parse import MAX_TEXT_CHARS, parse_message

SAMPLES = sorted((Path(__file__).parent / "mail_samples").glob("*.eml"))
HEAD = (b"From: Recruiter <r@acme.io>\r\nTo: sam@rivera.dev\r\nSubject: x\r\n"
        b"Date: Tue, 3 Mar 2026 10:00:00 -0800\r\nMIME-Version: 1.0\r\n")
# CPU seconds of this thread per message (not wall-clock: other processes on a loaded
# machine do not count); the worst measured case takes about 0.1 s. Catches pathological
# (quadratic, backtracking) parsing, which costs orders of magnitude more.
TIME_LIMIT = 1.0


def nested_multipart(depth: int) -> bytes:
    body = b"".join(b'--b%d\r\nContent-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % (i, i + 1)
                    for i in range(depth))
    body += b"--b%d\r\nContent-Type: text/plain\r\n\r\ndeep text\r\n" % depth
    body += b"".join(b"--b%d--\r\n" % i for i in range(depth, -1, -1))
    return HEAD + b'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n' + body


def nested_messages(depth: int) -> bytes:
    raw = b"From: innermost@x.org\r\n\r\ninnermost text\r\n"
    for _ in range(depth):
        raw = b"From: a@x.org\r\nContent-Type: message/rfc822\r\n\r\n" + raw
    return raw


BIG_HTML = b"<div><p>Hello <b>Sam</b> <a href='https://x.io/a'>apply</a></p></div>" * 150_000
HOSTILE: dict[str, Callable[[], bytes]] = {
    "10 MB HTML": lambda: HEAD + b"Content-Type: text/html\r\n\r\n" + BIG_HTML,
    "10 MB base64 HTML": lambda: HEAD + b"Content-Type: text/html\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(BIG_HTML),
    "1000-deep multipart": lambda: nested_multipart(1000),
    "1000-deep message/rfc822": lambda: nested_messages(1000),
    "50000 parts": lambda: HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    + b"--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n" * 50_000 + b"--b--\r\n",
    "boundary prefixes": lambda: HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    + b"--bx\r\n" * 500_000,
    "NUL bytes everywhere": lambda: (HEAD + b"\r\n" + b"body\x00text " * 10_000).replace(
        b"r@acme", b"r\x00@acme"),
    "invalid base64": lambda: HEAD + b"Content-Type: text/html\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n!!!@@@ ===A=B=C\r\n\xff\xfe",
    "wrong charset": lambda: HEAD + b"Content-Type: text/plain; charset=utf-16\r\n\r\n"
    + "héllo".encode("cp1252") * 1000,
    "1 MB header line": lambda: HEAD.replace(b"Subject: x", b"Subject: " + b"A" * 1_000_000)
    + b"\r\nbody\r\n",
    "1 MB address list": lambda: HEAD.replace(b"To: sam@rivera.dev", b"To: " + b"a@b.c, " * 150_000)
    + b"\r\nbody\r\n",
    "200000 header lines": lambda: b"".join(b"X-H%d: v\r\n" % i for i in range(200_000)),
    "deep HTML": lambda: HEAD + b"Content-Type: text/html\r\n\r\n" + b"<div><blockquote>" * 100_000,
    "2 MB of attribution-like lines": lambda: HEAD + b"\r\n" + b"On 12 Mar x wrote\r\n" * 100_000,
    "huge calendar": lambda: HEAD + b"Content-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\n"
    + b"BEGIN:VEVENT\r\nDTSTART:20260101T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n" * 50_000,
    "nested calendar components": lambda: HEAD + b"Content-Type: text/calendar\r\n\r\n"
    + b"BEGIN:VCALENDAR\r\n" + b"BEGIN:X\r\n" * 100_000,
    "quotes in parameters": lambda: HEAD + b"Content-Type: text/plain; " + b'a="\\";' * 100_000
    + b"\r\n\r\nx",
    "headers only, binary": lambda: b"X-Junk: " + bytes(range(256)) * 4000,
    # long runs of one character are what makes a careless regex quadratic
    "runs of spaces and tabs": lambda: HEAD + b"\r\n" + b" " * 150_000 + b"x\r\n"
    + b" \t" * 75_000 + b"From:" + b" " * 100_000 + b"x\r\n" + b"On" + b" " * 100_000 + b"1:",
    "runs of punctuation": lambda: HEAD + b"\r\n" + b"-" * 100_000 + b"x\r\n" + b"*" * 100_000
    + b"\r\n" + b"_" * 100_000 + b" x\r\n" + b"> " * 100_000,
    "runs in HTML attributes": lambda: HEAD + b"Content-Type: text/html\r\n\r\n<p style=\""
    + b"display " * 50_000 + b"\">x</p><img width=\"" + b" " * 100_000 + b"1\" style=\""
    + b"width: 0" * 50_000 + b"\">",
    "runs in calendar lines": lambda: HEAD + b"Content-Type: text/calendar\r\n\r\n"
    + b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nATTENDEE;CN=" + b"a," * 50_000 + b":mailto:a@b.c\r\n"
    + b"DTSTART;TZID=(" + b" " * 50_000 + b":20260303T100000\r\nDESCRIPTION:"
    + b"https://" * 20_000 + b"\r\nX;A=" + b'"' * 50_000 + b":x\r\nEND:VEVENT\r\nEND:VCALENDAR",
    "runs in header values": lambda: HEAD.replace(b"Subject: x", b"Subject: " + b"=?" * 200_000)
    + b"Message-ID: " + b"<" * 200_000 + b"\r\nContent-Type: text/plain; charset=\""
    + b" " * 100_000 + b"\"\r\n\r\nx",
}


def check(message: Message) -> None:
    """What every parsed message must satisfy, however bad its input."""
    assert len(message.text) <= MAX_TEXT_CHARS
    assert len(message.new_text) <= len(message.text) + 1
    for value in (message.subject, message.text, message.new_text, *message.headers.values()):
        assert "\x00" not in value
    for value in (message.subject, *message.headers.values()):
        assert "\r" not in value and "\n" not in value
    for address in (*message.to, *message.cc, *message.reply_to):
        assert address.email == address.email.lower() and "@" in address.email
    assert message.date is None or message.date.tzinfo is not None
    for event in message.calendar:
        for moment in (event.start, event.end):
            assert moment is None or moment.tzinfo is not None
    assert len(message.defects) <= 50
    assert {defect.partition(":")[0] for defect in message.defects} <= CODES


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_message_parses_quickly(name: str) -> None:
    raw = HOSTILE[name]()
    started = time.thread_time()
    try:
        message = parse_message(raw)
    except MailParseError:
        pass
    else:
        check(message)
    assert time.thread_time() - started < TIME_LIMIT


def test_deep_nesting_is_cut_with_a_defect() -> None:
    message = parse_message(nested_multipart(1000))
    assert any(defect.startswith("nesting-too-deep") for defect in message.defects)
    assert parse_message(nested_multipart(10)).text == "deep text"


def test_nul_bytes_are_removed() -> None:
    message = parse_message(HOSTILE["NUL bytes everywhere"]())
    assert message.text.startswith("bodytext bodytext")


def test_memory_stays_bounded_for_a_10_mb_message() -> None:
    raw = HOSTILE["10 MB base64 HTML"]()
    tracemalloc.start()
    try:
        parse_message(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(raw)


@pytest.mark.parametrize("raw", [b"\x00" * 1000, bytes(range(256)) * 100, b"\xff\xfe" + b"\n" * 10])
def test_binary_garbage_is_a_parse_error(raw: bytes) -> None:
    with pytest.raises(MailParseError):
        parse_message(raw)


# FOLLOWUP_FUZZ_EXAMPLES=20000 for a long run before a release
FUZZ = settings(max_examples=int(os.environ.get("FOLLOWUP_FUZZ_EXAMPLES", "300")), deadline=1000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def parse_or_reject(raw: bytes) -> None:
    try:
        message = parse_message(raw)
    except MailParseError:
        return
    check(message)


@FUZZ
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(raw: bytes) -> None:
    parse_or_reject(raw)


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_after_headers(body: bytes) -> None:
    parse_or_reject(HEAD + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' + body)


HEADER_NAMES = st.sampled_from(["From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID",
                                "References", "In-Reply-To", "Content-Type",
                                "Content-Transfer-Encoding", "Content-Disposition",
                                "List-Unsubscribe", "Precedence"])
HEADER_VALUES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["=?utf-8?q?Jos=C3=A9?= <J@X.ORG>", "=?x?b?@@?=", "multipart/mixed; boundary=b",
                     "text/calendar; method=REQUEST", "base64", "quoted-printable",
                     'attachment; filename*=utf-8\'\'%E2%82%AC.ics', "<a@b> <c@d>", "\"a, b\" <",
                     "Tue, 31 Feb 2026 25:61:00 +9900", "text/html; charset=unknown-8bit"]),
)
BODY_PIECES = st.lists(st.one_of(
    st.binary(max_size=100),
    st.sampled_from([b"--b\r\n", b"--b--\r\n", b"\r\n\r\n", b"Content-Type: text/html\r\n",
                     b"<blockquote>", b"<a href='x'>", b"BEGIN:VCALENDAR\r\n", b"BEGIN:VEVENT\r\n",
                     b"DTSTART;TZID=W. Europe Standard Time:20260303T100000\r\n",
                     b"On Mon, Mar 2, 2026 Sam wrote:\r\n> ", b"=C3=\r\n", b"-- \r\n"]),
), max_size=30)


@FUZZ
@given(st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), min_size=1, max_size=12), BODY_PIECES)
def test_structured_fuzz(headers: list[tuple[str, str]], body: list[bytes]) -> None:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    parse_or_reject(head.encode("utf-8", "surrogatepass") + b"\r\n" + b"".join(body))


@FUZZ
@given(st.sampled_from(SAMPLES), st.data())
def test_mutated_real_messages(path: Path, data: st.DataObject) -> None:
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 8), label="mutations")):
        position = data.draw(st.integers(0, len(raw)), label="position")
        action = data.draw(st.sampled_from(["insert", "delete", "replace", "truncate", "copy"]))
        chunk = data.draw(st.binary(min_size=1, max_size=40), label="chunk")
        if action == "insert":
            raw[position:position] = chunk
        elif action == "delete":
            del raw[position:position + len(chunk)]
        elif action == "replace":
            raw[position:position + len(chunk)] = chunk
        elif action == "truncate":
            del raw[position:]
        else:
            raw[position:position] = raw[position:position + 200]
    parse_or_reject(bytes(raw))


ICS_LINES = st.lists(st.one_of(
    st.text(max_size=60),
    st.sampled_from(["BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT",
                     "BEGIN:VTIMEZONE", "END:VTIMEZONE", "BEGIN:STANDARD", "END:STANDARD",
                     "TZID:Customized Time Zone", "TZOFFSETTO:+9999", "RRULE:FREQ=YEARLY;BYDAY=9XX",
                     "DTSTART;TZID=Customized Time Zone:20260303T100000", "DTSTART:2026",
                     "DTSTART;VALUE=DATE:20261399", "DURATION:PXYZ", "ORGANIZER;CN=\"a,b\":x",
                     "ATTENDEE;CN=a,b,c;ROLE=:mailto:", "SEQUENCE:-99999999999", " folded",
                     "RRULE:FREQ=YEARLY;BYMONTH=13;BYDAY=-5SU", "METHOD:REQUEST"]),
), max_size=40)


@FUZZ
@given(ICS_LINES)
def test_calendar_fuzz(lines: list[str]) -> None:
    from followup.mail.calendar import read_calendar
    from followup.mail.defects import Defects

    data = "\r\n".join(lines).encode("utf-8", "surrogatepass")
    for event in read_calendar(data, None, None, ZoneInfo("Europe/Berlin"), Defects()):
        for moment in (event.start, event.end):
            assert moment is None or moment.utcoffset() is not None


@FUZZ
@given(st.text(max_size=3000))
def test_html_and_quote_splitting_fuzz(text: str) -> None:
    from followup.mail.defects import Defects
    from followup.mail.html import html_to_text
    from followup.mail.quotes import split_quotes

    rendered = html_to_text(text, Defects())
    split = split_quotes(rendered.text)
    assert split.new_text or not rendered.text.strip()
    split_quotes(text)
