"""Names, addresses, subjects and ids from mail are hostile until cleaned: none of them may
add a header or a recipient to a draft."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime, timedelta
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.compose import DraftAddressError, DraftTemplates, build_draft
from followup.compose.addresses import (
    check_address,
    clean_display_name,
    clean_message_id,
    clean_references,
)
from followup.config_model import DraftsConfig, UserConfig
from followup.judge.model import Person
from followup.track.draft_facts import DraftFacts
from followup.track.model import DRAFT_KINDS, PlannedDraft, Threading

NOW = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)
USER = UserConfig(name="Sam Rivera", addresses=("sam.rivera@example.org",))
DRAFTS = DraftsConfig()
TEMPLATES = DraftTemplates()
pytestmark = pytest.mark.draft_audit_exempt("hostile names, subjects and facts on purpose")
FRESH = Threading(subject="")
EXPECTED_HEADERS = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
                    "Content-Type", "Content-Transfer-Encoding"]
THREAD_HEADERS = ["From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
                  "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]


def planned_draft(to: tuple[Person, ...], *, kind: str = "thank_you",
                  threading: Threading = FRESH,
                  facts: DraftFacts | None = None) -> PlannedDraft:
    return PlannedDraft(
        key=f"app-1:{kind}:1", application_id="app-1", kind=kind,  # type: ignore[arg-type]
        round=1, to=to, due=NOW, window_end=NOW + timedelta(days=2), status="due",
        reason="test", threading=threading,
        facts=facts if facts is not None else DraftFacts(company="Acme", role="Engineer",
                                                         interview_date=date(2026, 3, 3)))


def compose(planned: PlannedDraft, user: UserConfig = USER) -> tuple[EmailMessage, bytes]:
    draft = build_draft(planned, user, DRAFTS, NOW, templates=TEMPLATES)
    message = email.message_from_bytes(draft.raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message, draft.raw


def recipients(message: EmailMessage) -> list[str]:
    return [address.addr_spec for address in message["To"].addresses]


def assert_only_intended(message: EmailMessage, raw: bytes, addresses: list[str],
                         threaded: bool = False) -> None:
    assert list(message.keys()) == (THREAD_HEADERS if threaded else EXPECTED_HEADERS)
    assert recipients(message) == addresses
    for name in ("Bcc", "Cc", "Reply-To", "X-Injected"):
        assert name not in message
    lowered = raw.lower()
    assert b"\r\nbcc:" not in lowered and b"\r\ncc:" not in lowered
    assert b"\r\nx-" not in lowered


HOSTILE_NAMES = [
    "Eve\r\nBcc: attacker@evil.example",
    "Eve\nBcc: attacker@evil.example",
    "Eve\rBcc: attacker@evil.example",
    "a@b.com, c@d.com",
    'Dana "The Boss" <boss@corp.example>',
    "Dana <attacker@evil.example>, Lee",
    "=?utf-8?q?Eve=0D=0ABcc:_attacker@evil.example?=",
    "=?utf-8?b?RXZlDQpCY2M6IGF0dGFja2VyQGV2aWwuZXhhbXBsZQ==?=",
    "=?bogus?x?nonsense?=",
    "Eve\x00\x1b[31m\u202e\u200bWhitfield",
    "Eve;Bcc:attacker@evil.example",
    "\\\"; Bcc: attacker@evil.example",
    "Eve\u2028Bcc: attacker@evil.example",
    "x" * 5000,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_display_name_cannot_add_a_header_or_recipient(name: str) -> None:
    message, raw = compose(planned_draft((Person(name, "dana@northwind.example"),)))
    assert_only_intended(message, raw, ["dana@northwind.example"])
    shown = message["To"].addresses[0].display_name
    assert "\r" not in shown and "\n" not in shown and "<" not in shown and "@" not in shown


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_injected_name_in_every_kind(kind: str) -> None:
    name = "Eve\r\nBcc: attacker@evil.example"
    message, raw = compose(planned_draft((Person(name, "dana@northwind.example"),), kind=kind))
    assert_only_intended(message, raw, ["dana@northwind.example"])
    body = message.get_content()
    assert "\nBcc:" not in body.replace("\r\n", "\n")


def test_clean_display_name() -> None:
    assert clean_display_name("Eve\r\nBcc: attacker@evil.example") == ""
    assert clean_display_name('Dana "The Boss" Whitfield') == "Dana The Boss Whitfield"
    assert clean_display_name("  Dana\t\tWhitfield ") == "Dana Whitfield"
    assert clean_display_name("Whitfield, Dana") == "Whitfield, Dana"
    assert clean_display_name("=?utf-8?q?Jos=C3=A9?=") == "José"


@pytest.mark.parametrize("address", [
    "a@b.com, c@d.com",
    "a@b.com,c@d.com",
    "a@b.com;c@d.com",
    "Dana <dana@northwind.example>",
    "<dana@northwind.example>",
    "dana@northwind.example\r\nBcc: attacker@evil.example",
    "dana@northwind.example\nBcc: attacker@evil.example",
    "dana @northwind.example",
    "dana@northwind.example ",  # trailing blank is stripped: accepted (see below)
    "dana",
    "dana@",
    "@northwind.example",
    "dana@@northwind.example",
    "dana@localhost",
    '"dana"@northwind.example',
    "dana@northwind..example",
    "dana.@northwind.example",
    "dana@-northwind.example",
    "dana(comment)@northwind.example",
    "group: dana@northwind.example;",
    "",
    "=?utf-8?q?dana?=@northwind.example",
])
def test_invalid_recipient_address_is_refused(address: str) -> None:
    if address == "dana@northwind.example ":
        message, _ = compose(planned_draft((Person("Dana", address),)))
        assert recipients(message) == ["dana@northwind.example"]
        return
    with pytest.raises(DraftAddressError) as caught:
        compose(planned_draft((Person("Dana", address),)))
    assert caught.value.role == "To"


def test_one_bad_recipient_blocks_the_whole_draft() -> None:
    to = (Person("Dana", "dana@northwind.example"), Person("Eve", "a@b.com, c@d.com"))
    with pytest.raises(DraftAddressError):
        compose(planned_draft(to))


def test_check_address_normalises_the_domain() -> None:
    assert check_address("Dana.W@Northwind.EXAMPLE", "To") == "Dana.W@northwind.example"


def test_user_name_is_cleaned_too() -> None:
    user = UserConfig(name="Sam\r\nBcc: attacker@evil.example", addresses=("sam@example.org",))
    message, raw = compose(planned_draft((Person("Dana", "dana@northwind.example"),)), user)
    assert_only_intended(message, raw, ["dana@northwind.example"])
    assert [address.addr_spec for address in message["From"].addresses] == ["sam@example.org"]


def test_bad_user_address_is_refused() -> None:
    user = UserConfig(name="Sam", addresses=("sam@example.org, boss@example.org",))
    with pytest.raises(DraftAddressError) as caught:
        compose(planned_draft((Person("Dana", "dana@northwind.example"),)), user)
    assert caught.value.role == "From"


@pytest.mark.parametrize("subject", [
    "Interview\r\nBcc: attacker@evil.example",
    "Interview\nBcc: attacker@evil.example",
    "Interview\rBcc: attacker@evil.example",
    "=?utf-8?q?Interview=0D=0ABcc:_attacker@evil.example?=",
    "Interview\x00\x0b\x0c",
    "Interview " + "very long " * 200,
])
def test_subject_cannot_inject(subject: str) -> None:
    threading = Threading(subject=subject, in_reply_to="<parent@northwind.example>")
    message, raw = compose(planned_draft((Person("Dana", "dana@northwind.example"),),
                                         threading=threading))
    assert_only_intended(message, raw, ["dana@northwind.example"], threaded=True)
    parsed = str(message["Subject"])
    assert parsed.startswith("Re: Interview")
    assert "\r" not in parsed and "\n" not in parsed and "\x00" not in parsed
    # Never shortened (Gmail threads only under the thread's own subject), but folded:
    # no line of the message is over RFC 5322's 998 characters.
    assert len(parsed) <= len(subject) + len("Re: ")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998


def test_facts_cannot_inject_into_the_fresh_subject_or_headers() -> None:
    facts = DraftFacts(role="Engineer\r\nBcc: attacker@evil.example",
                       company="Acme\r\nX-Injected: yes", note="x\r\n\r\nBcc: a@evil.example")
    for kind in DRAFT_KINDS:
        message, raw = compose(planned_draft((Person("Dana", "dana@northwind.example"),),
                                             kind=kind, facts=facts))
        assert_only_intended(message, raw, ["dana@northwind.example"])
        assert "\n" not in str(message["Subject"])
        body = message.get_content().replace("\r\n", "\n")
        assert "\nBcc:" not in body and "\nX-Injected" not in body


GARBAGE_REFERENCES = (
    "<good-1@northwind.example>",
    "garbage",
    "<bad id@northwind.example>",
    "<a@b>\r\nBcc: attacker@evil.example",
    "<<nested@northwind.example>>",
    "<no-at-sign>",
    "<@nothing-left>",
    "<nothing-right@>",
    "<" + "x" * 400 + "@northwind.example>",
    "<ok-2@northwind.example> junk <ok-3@northwind.example>",
    "<üñí@northwind.example>",
    "",
)


def test_references_with_garbage_keep_only_wellformed_ids() -> None:
    threading = Threading(subject="Interview", in_reply_to="<parent@northwind.example>",
                          references=GARBAGE_REFERENCES)
    message, raw = compose(planned_draft((Person("Dana", "dana@northwind.example"),),
                                         threading=threading))
    assert_only_intended(message, raw, ["dana@northwind.example"], threaded=True)
    assert message["References"].split() == [
        "<good-1@northwind.example>", "<a@b>", "<nested@northwind.example>",
        "<ok-2@northwind.example>", "<ok-3@northwind.example>", "<parent@northwind.example>"]


@pytest.mark.parametrize("in_reply_to", [
    "garbage", "<a b@c>", "<x@y>\r\nBcc: attacker@evil.example", "", "<>", "<no-at>",
])
def test_garbage_in_reply_to_is_dropped(in_reply_to: str) -> None:
    threading = Threading(subject="Interview", in_reply_to=in_reply_to)
    message, raw = compose(planned_draft((Person("Dana", "dana@northwind.example"),),
                                         threading=threading))
    assert_only_intended(message, raw, ["dana@northwind.example"])
    assert "In-Reply-To" not in message


def test_clean_message_id() -> None:
    assert clean_message_id("abc@x.example") == "<abc@x.example>"
    assert clean_message_id("<abc@x.example>") == "<abc@x.example>"
    assert clean_message_id("<abc@x.example> <def@x.example>") is None
    assert clean_message_id(None) is None


def test_clean_references_drops_repeats() -> None:
    assert clean_references(["<a@x> <a@x>", "<b@x>"], None) == ("<a@x>", "<b@x>")


printable_names = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(name=printable_names, subject=printable_names, kind=st.sampled_from(DRAFT_KINDS))
def test_any_name_and_subject_leave_exactly_the_intended_headers(name: str, subject: str,
                                                                 kind: str) -> None:
    threading = Threading(subject=subject, in_reply_to="<parent@northwind.example>")
    message, raw = compose(planned_draft((Person(name, "dana@northwind.example"),),
                                         kind=kind, threading=threading))
    assert_only_intended(message, raw, ["dana@northwind.example"], threaded=True)
    assert [address.addr_spec for address in message["From"].addresses] == \
        ["sam.rivera@example.org"]
