"""The composed message: headers, Message-ID, threading, MIME, serialisation."""

from __future__ import annotations

import email
import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.compose import (
    DraftAddressError,
    DraftTemplates,
    build_draft,
    draft_message_id,
    is_own_message_id,
)
from followup.compose.addresses import MAX_REFERENCES, clean_references, fold_ids
from followup.compose.message_id import make_message_id
from followup.config_model import DraftsConfig, UserConfig
from followup.judge.model import Person
from followup.judge.person_names import PersonName
from followup.track.draft_facts import DraftFacts
from followup.track.model import DRAFT_KINDS, PlannedDraft, Threading

NOW = datetime(2026, 3, 4, 15, 30, tzinfo=timezone(timedelta(hours=-5)))
USER = UserConfig(name="Sam Rivera", addresses=("sam.rivera@example.org", "sam@rivera.dev"),
                  signature="Sam Rivera\n+1 555 0100")
DRAFTS = DraftsConfig()
TEMPLATES = DraftTemplates()
FRESH = Threading(subject="")
FACTS = DraftFacts(
    company="Northwind Labs", role="Senior Data Engineer",
    interviewer=PersonName("Dana", "Whitfield"), interview_date=date(2026, 3, 3),
    user_name="Sam Rivera", note="the move to event streams", round=1,
    decision_by=date(2026, 3, 13))
REPLY = Threading(subject="Interview confirmation – Senior Data Engineer",
                  in_reply_to="<msg-2@mail.northwindlabs.com>",
                  references=("<msg-1@mail.northwindlabs.com>",),
                  thread_id="thread-17")
ALLOWED_HEADERS = {"from", "to", "subject", "date", "message-id", "in-reply-to",
                   "references", "mime-version", "content-type",
                   "content-transfer-encoding"}


def planned_draft(kind: str = "thank_you", *, key: str | None = None,
                  to: tuple[Person, ...] = (Person("Dana Whitfield", "dana@northwindlabs.com"),),
                  threading: Threading = FRESH,
                  facts: DraftFacts | None = None) -> PlannedDraft:
    return PlannedDraft(
        key=key or f"app-1:{kind}:1:dana@northwindlabs.com", application_id="app-1",
        kind=kind,  # type: ignore[arg-type]
        round=1, to=to, due=NOW, window_end=NOW + timedelta(days=2), status="due",
        reason="test", threading=threading, facts=FACTS if facts is None else facts)


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def build(planned: PlannedDraft, drafts: DraftsConfig = DRAFTS, now: datetime = NOW,
          user: UserConfig = USER):  # type: ignore[no-untyped-def]
    return build_draft(planned, user, drafts, now, templates=TEMPLATES)


# --- Message-ID -----------------------------------------------------------------------

def test_same_planned_draft_same_message_id_and_bytes() -> None:
    first = build(planned_draft())
    second = build(planned_draft(), now=NOW + timedelta(hours=3))
    assert first.message_id == second.message_id
    assert build(planned_draft()).raw == first.raw


def test_html_draft_is_byte_for_byte_stable() -> None:
    html = DraftsConfig(html=True)
    assert build(planned_draft(), html).raw == build(planned_draft(), html).raw


def test_different_drafts_different_ids() -> None:
    ids = {build(planned_draft(kind)).message_id for kind in DRAFT_KINDS}
    ids.add(build(planned_draft(key="app-2:thank_you:1:dana@northwindlabs.com")).message_id)
    other_user = UserConfig(name="Kim", addresses=("kim@example.org",))
    ids.add(build(planned_draft(), user=other_user).message_id)
    assert len(ids) == len(DRAFT_KINDS) + 2


def test_draft_message_id_matches_build() -> None:
    planned = planned_draft()
    assert draft_message_id(planned.key, USER, DRAFTS) == build(planned).message_id


def test_message_id_shape_and_domain() -> None:
    message_id = build(planned_draft()).message_id
    assert re.fullmatch(r"<[a-z2-7]{20}\.[a-z2-7]{6}@example\.org>", message_id)
    custom = build(planned_draft(), DraftsConfig(message_id_domain="Mail.Rivera.DEV"))
    assert custom.message_id.endswith("@mail.rivera.dev>")
    assert custom.message_id.split("@")[0] == message_id.split("@")[0]


def test_is_own_message_id() -> None:
    ours = build(planned_draft()).message_id
    assert is_own_message_id(ours)
    assert is_own_message_id(ours, "example.org")
    assert is_own_message_id(ours, "EXAMPLE.org")
    assert is_own_message_id(ours.strip("<>"), "example.org")
    assert not is_own_message_id(ours, "rivera.dev")
    token, rest = ours[1:].split(".", 1)
    tampered = "<" + ("a" if token[0] != "a" else "b") + token[1:] + "." + rest
    assert not is_own_message_id(tampered)
    for other in ("", None, "<CAH+abc123@mail.gmail.com>", "<abcdefghijklmnopqrst.abcdef@x.org>",
                  "<20260304153000.12345@example.org>", "not an id", ours.upper()):
        assert not is_own_message_id(other), other


@given(st.text(min_size=1, max_size=80))
def test_own_ids_for_any_key(key: str) -> None:
    message_id = make_message_id(key, "sam@example.org", "example.org")
    assert is_own_message_id(message_id, "example.org")


@given(st.from_regex(r"<[a-z2-7]{20}\.[a-z2-7]{6}@example\.org>", fullmatch=True))
def test_arbitrary_lookalike_ids_are_rejected(message_id: str) -> None:
    # A random lookalike passes the 30-bit checksum about once in a billion.
    assert not is_own_message_id(message_id)


# --- headers --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", DRAFT_KINDS)
@pytest.mark.parametrize("html", [False, True])
def test_headers_parse_back(kind: str, html: bool) -> None:
    draft = build(planned_draft(kind, threading=REPLY), DraftsConfig(html=html))
    message = parse(draft.raw)
    names = [name.lower() for name in message]
    assert set(names) <= ALLOWED_HEADERS, names
    assert len(names) == len(set(names))
    assert not any(name.startswith("x-") for name in names)
    assert "user-agent" not in names
    assert str(message["From"]) == "Sam Rivera <sam.rivera@example.org>"
    assert [address.addr_spec for address in message["To"].addresses] == \
        ["dana@northwindlabs.com"]
    assert message["To"].addresses[0].display_name == "Dana Whitfield"
    assert str(message["Subject"]) == draft.subject
    assert draft.subject == "Re: Interview confirmation – Senior Data Engineer"
    assert message["Message-ID"] == draft.message_id
    assert message["MIME-Version"] == "1.0"
    sent = parsedate_to_datetime(str(message["Date"]))
    assert sent.tzinfo is not None and sent == NOW
    assert sent.utcoffset() == NOW.utcoffset()
    assert message["In-Reply-To"] == "<msg-2@mail.northwindlabs.com>"
    assert message["References"].split() == ["<msg-1@mail.northwindlabs.com>",
                                             "<msg-2@mail.northwindlabs.com>"]
    assert draft.in_reply_to == "<msg-2@mail.northwindlabs.com>"
    assert draft.references == ("<msg-1@mail.northwindlabs.com>",
                                "<msg-2@mail.northwindlabs.com>")
    assert draft.thread_id == "thread-17"
    if html:
        assert message.get_content_type() == "multipart/alternative"
        parts = list(message.iter_parts())
        assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
        assert all("MIME-Version" not in part for part in parts)
        assert parts[0].get_content().replace("\r\n", "\n") == draft.text
        assert draft.html is not None and parts[1].get_content().replace("\r\n", "\n") == draft.html
        assert "<p>Hi Dana,</p>" in draft.html
    else:
        assert message.get_content_type() == "text/plain"
        assert message.get_content_charset() == "utf-8"
        assert message.get_content().replace("\r\n", "\n") == draft.text


def test_crlf_line_ends_and_line_lengths() -> None:
    draft = build(planned_draft(threading=REPLY), DraftsConfig(html=True))
    assert b"\n" in draft.raw
    assert re.search(rb"(?<!\r)\n", draft.raw) is None
    assert b"\r\r" not in draft.raw
    assert all(len(line) <= 998 for line in draft.raw.split(b"\r\n"))
    head = draft.raw.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))


def test_no_threading_headers_for_a_fresh_message() -> None:
    draft = build(planned_draft())
    message = parse(draft.raw)
    assert "In-Reply-To" not in message and "References" not in message
    assert draft.in_reply_to is None and draft.references == ()


def test_references_without_in_reply_to_still_thread() -> None:
    threading = Threading(subject="Interview", references=("<a@x.com> <b@x.com>",))
    draft = build(planned_draft("status_check", threading=threading))
    message = parse(draft.raw)
    assert "In-Reply-To" not in message
    assert message["References"].split() == ["<a@x.com>", "<b@x.com>"]
    assert draft.subject == "Re: Interview"


def test_references_are_capped_keeping_first_and_last() -> None:
    ids = tuple(f"<id-{number}@mail.example.com>" for number in range(50))
    threading = Threading(subject="Hi", in_reply_to="<parent@mail.example.com>",
                          references=ids)
    draft = build(planned_draft(threading=threading))
    message = parse(draft.raw)
    parsed = message["References"].split()
    assert len(parsed) == MAX_REFERENCES
    assert parsed[0] == "<id-0@mail.example.com>"
    assert parsed[-1] == "<parent@mail.example.com>"
    assert parsed[-2] == "<id-49@mail.example.com>"
    assert tuple(parsed) == draft.references


def test_long_ids_are_folded_between_ids_not_encoded() -> None:
    long_id = "<" + "x" * 120 + "@mail.gmail.com>"
    threading = Threading(subject="Hi", in_reply_to=long_id,
                          references=tuple(f"<CA+{n:040d}@mail.gmail.com>" for n in range(6)))
    draft = build(planned_draft(threading=threading))
    head = draft.raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert "=?" not in head.split("Subject:")[0] + head.split("Date:")[1]
    message = parse(draft.raw)
    assert message["In-Reply-To"] == long_id
    assert message["References"].split()[-1] == long_id
    assert len(message["References"].split()) == 7


def test_in_reply_to_joins_references_once() -> None:
    assert clean_references(["<a@x> <b@x>", "<b@x>"], "<a@x>") == ("<b@x>", "<a@x>")


def test_fold_ids() -> None:
    ids = [f"<{n:030d}@example.com>" for n in range(4)]
    folded = fold_ids("References", ids)
    lines = folded.split("\n")
    assert all(len(line) + len("References: ") <= 78 for line in lines[:1])
    assert all(len(line) <= 78 for line in lines)
    assert folded.split() == ids


def test_non_ascii_text_is_quoted_printable_and_round_trips() -> None:
    facts = replace(FACTS, company="Zürich Analytik AG",
                    interviewer=PersonName("José", "Núñez"))
    draft = build(planned_draft(facts=facts, to=(Person("José Núñez", "jose@zurich.example"),)))
    message = parse(draft.raw)
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert message.get_content().replace("\r\n", "\n") == draft.text
    assert "Hi José," in draft.text and "Zürich Analytik AG" in draft.text
    assert message["To"].addresses[0].display_name == "José Núñez"
    draft.raw.decode("ascii")  # 7-bit clean on the wire


def test_ascii_text_is_7bit() -> None:
    message = parse(build(planned_draft()).raw)
    assert message["Content-Transfer-Encoding"] == "7bit"


def test_duplicate_recipients_are_merged() -> None:
    to = (Person("Dana Whitfield", "dana@northwindlabs.com"),
          Person("Dana", "DANA@northwindlabs.com"))
    draft = build(planned_draft(to=to))
    assert [person.email for person in draft.to] == ["dana@northwindlabs.com"]


def test_several_recipients() -> None:
    to = (Person("Dana Whitfield", "dana@northwindlabs.com"),
          Person("Lee Park", "lee@northwindlabs.com"))
    message = parse(build(planned_draft("status_check", to=to)).raw)
    assert [address.addr_spec for address in message["To"].addresses] == \
        ["dana@northwindlabs.com", "lee@northwindlabs.com"]


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        build(planned_draft(), now=datetime(2026, 3, 4, 15, 30))


def test_no_recipient_is_an_error() -> None:
    with pytest.raises(DraftAddressError):
        build(planned_draft(to=()))


def test_no_user_address_is_an_error() -> None:
    with pytest.raises(DraftAddressError):
        build(planned_draft(), user=UserConfig(name="Sam Rivera", addresses=()))


def test_international_domain_is_encoded() -> None:
    draft = build(planned_draft(to=(Person("Dana", "dana@bücher.example"),)))
    assert draft.to[0].email == "dana@xn--bcher-kva.example"


def test_composed_draft_fields() -> None:
    draft = build(planned_draft(threading=REPLY))
    assert draft.key == "app-1:thank_you:1:dana@northwindlabs.com"
    assert draft.kind == "thank_you"
    assert draft.sender == Person("Sam Rivera", "sam.rivera@example.org")
    assert draft.to == (Person("Dana Whitfield", "dana@northwindlabs.com"),)
    assert draft.html is None
    assert draft.template.endswith("thank_you.txt.j2")
