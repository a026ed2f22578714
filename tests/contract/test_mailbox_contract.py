"""The mailbox contract: one suite, run against every backend (Dovecot IMAP, Maildir, the
Gmail API against its fake, and the in-memory backend the draft ledger's tests use).

Every test gets a fresh account (a new Dovecot user, a new Maildir, a new Gmail fake).
Backend objects are made anew wherever a restart matters, and cursors go through JSON as
the store keeps them.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer
from followup.backends.base import FetchResult, Mailbox

from .harness import (
    CALENDAR,
    PDF_BYTES,
    DovecotHarness,
    GmailHarness,
    Harness,
    MaildirHarness,
    MemoryHarness,
    make_invitation_with_attachments,
    make_message,
    new_message_id,
)

SINCE = date.today() - timedelta(days=120)


@pytest.fixture(params=[pytest.param("dovecot", marks=pytest.mark.dovecot), "maildir", "gmail",
                        "gmail-strict", "memory"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Harness:
    if request.param == "dovecot":
        server: DovecotServer = request.getfixturevalue("dovecot_server")
        return DovecotHarness(server, server.add_user())
    if request.param.startswith("gmail"):
        fake = request.getfixturevalue("gmail_fake")
        # Where Gmail's behaviour is undocumented, the strict fake takes the reading that
        # hurts: drafts.create gives the draft a Message-ID of its own, and search does not
        # find new drafts.
        fake.rewrite_message_ids = fake.search_lag = request.param == "gmail-strict"
        return GmailHarness(fake, tmp_path / "state")
    if request.param == "memory":
        return MemoryHarness()
    return MaildirHarness(tmp_path / "Maildir")


def fetch(harness: Harness, role: str = "inbox", cursor: dict[str, Any] | None = None,
          **kwargs: Any) -> FetchResult:
    """One fetch by a new backend object (a restart), the cursor round-tripped through JSON."""
    stored = json.loads(json.dumps(cursor)) if cursor is not None else None
    with harness.mailbox() as mailbox:
        result = mailbox.fetch_new(role, stored, SINCE, **kwargs)  # type: ignore[arg-type]
    json.dumps(result.cursor)  # the store must be able to keep it
    return result


def ids(result: FetchResult) -> list[str]:
    return [message.summary.message_id or "" for message in result.messages]


def test_first_scan_respects_since_and_later_scans_take_any_new_message(
        harness: Harness) -> None:
    old, recent, late_old = new_message_id(), new_message_id(), new_message_id()
    now = datetime.now(UTC)
    harness.deliver(make_message("old", message_id=old), when=now - timedelta(days=200))
    harness.deliver(make_message("recent", message_id=recent), when=now - timedelta(days=3))
    first = fetch(harness)
    assert ids(first) == [recent] and not first.reset
    # A message that arrives later is new whatever its date (an import, a restored mail).
    harness.deliver(make_message("late", message_id=late_old), when=now - timedelta(days=300))
    assert ids(fetch(harness, cursor=first.cursor)) == [late_old]


def test_each_new_message_comes_exactly_once_across_restarts(harness: Harness) -> None:
    first_batch = [new_message_id() for _ in range(3)]
    for message_id in first_batch:
        harness.deliver(make_message("hello", message_id=message_id))
    first = fetch(harness)
    assert sorted(ids(first)) == sorted(first_batch)
    second_batch = [new_message_id() for _ in range(2)]
    for message_id in second_batch:
        harness.deliver(make_message("again", message_id=message_id), flags="S")
    second = fetch(harness, cursor=first.cursor)
    assert sorted(ids(second)) == sorted(second_batch)
    third = fetch(harness, cursor=second.cursor)
    assert third.messages == [] and not third.reset
    assert fetch(harness, cursor=third.cursor).messages == []


def test_sent_is_its_own_folder(harness: Harness) -> None:
    sent_id, inbox_id = new_message_id(), new_message_id()
    harness.deliver(make_message("my note", message_id=sent_id, sender="sam@example.org"),
                    role="sent", flags="S")
    harness.deliver(make_message("to me", message_id=inbox_id))
    sent = fetch(harness, "sent")
    assert ids(sent) == [sent_id]
    assert sent.messages[0].summary.role == "sent"
    assert ids(fetch(harness, "inbox")) == [inbox_id]
    with harness.mailbox() as mailbox:
        names = mailbox.folder_names()
    assert set(names) == {"inbox", "sent", "drafts"}
    assert names["sent"] != names["inbox"] and names["drafts"] != names["inbox"]


def test_recreated_folder_resets_the_cursor_and_loses_nothing(harness: Harness) -> None:
    a, b, c, d = (new_message_id() for _ in range(4))
    for message_id in (a, b):
        harness.deliver(make_message("before", message_id=message_id))
    first = fetch(harness)
    harness.deliver(make_message("between", message_id=c))
    harness.recreate("inbox")
    harness.deliver(make_message("after", message_id=d))
    second = fetch(harness, cursor=first.cursor)
    assert second.reset
    seen = set(ids(first))
    new_after_dedupe = {m for m in ids(second) if m not in seen}
    assert new_after_dedupe == {c, d}
    third = fetch(harness, cursor=second.cursor)
    assert third.messages == [] and not third.reset


def test_summaries_first_and_bodies_only_when_wanted(harness: Harness) -> None:
    wanted, unwanted = new_message_id(), new_message_id()
    wanted_raw = make_message("wanted", message_id=wanted, body="Read me.")
    harness.deliver(wanted_raw)
    harness.deliver(make_message("skip", message_id=unwanted))
    seen_summaries = []

    def want_body(summary: Any) -> bool:
        seen_summaries.append(summary)
        return b"Subject: wanted" in summary.header_bytes

    result = fetch(harness, want_body=want_body)
    by_id = {m.summary.message_id: m for m in result.messages}
    assert len(seen_summaries) == 2
    assert by_id[unwanted].raw is None
    assert by_id[wanted].raw == wanted_raw  # no attachments: the message, byte for byte
    summary = by_id[wanted].summary
    assert summary.size == len(wanted_raw) and summary.role == "inbox" and summary.uid
    assert summary.internal_date is not None and summary.internal_date.tzinfo is not None
    assert summary.header_bytes.endswith(b"\r\n\r\n") and b"Read me." not in summary.header_bytes


def test_attachments_are_never_downloaded(harness: Harness) -> None:
    message_id = new_message_id()
    harness.deliver(make_invitation_with_attachments(message_id))
    (fetched,) = fetch(harness).messages
    raw = fetched.raw
    assert raw is not None
    assert b"attachment-bytes-that-must-never" not in raw
    assert PDF_BYTES[-3000:] not in raw
    parsed = message_from_bytes(raw, policy=default)
    assert parsed["Message-ID"] == message_id and parsed["Subject"] == "Interview invitation"
    types = [part.get_content_type() for part in parsed.walk()]
    assert "application/pdf" not in types
    assert types.count("text/plain") == 1 and "text/html" in types
    assert "multipart/alternative" in types  # the structure is kept
    calendars = [part for part in parsed.walk()
                 if part.get_content_type() in ("text/calendar", "application/ics")]
    assert len(calendars) == 2
    for part in calendars:
        assert part.get_payload(decode=True) == CALENDAR.encode()
    plain = next(part for part in parsed.walk() if part.get_content_type() == "text/plain")
    assert "invite you to an interview" in plain.get_content()


def test_reading_changes_nothing(harness: Harness) -> None:
    unread, seen = new_message_id(), new_message_id()
    harness.deliver(make_message("unread", message_id=unread))
    harness.deliver(make_message("seen", message_id=seen), flags="S")
    harness.deliver(make_message("sent", message_id=new_message_id()), role="sent", flags="S")
    harness.deliver(make_invitation_with_attachments(new_message_id()))
    before = harness.snapshot()
    with harness.mailbox() as mailbox:
        for role in ("inbox", "sent"):
            mailbox.fetch_new(role, None, SINCE)  # type: ignore[arg-type]
        mailbox.find_draft(unread)
        mailbox.existing_drafts([unread, seen])
    assert harness.snapshot() == before
    assert "\\Seen" not in harness.flags_of(unread)
    assert "\\Seen" in harness.flags_of(seen)


def test_a_malformed_message_does_not_stop_the_scan(harness: Harness) -> None:
    good = new_message_id()
    harness.deliver(b"\x00\xff\xfe not a message at all \x80\x81" * 50)
    harness.deliver(b"Content-Type: multipart/mixed; boundary=\"never\"\r\n"
                    b"Subject: broken\r\n\r\n--other\r\nno parts here\r\n")
    harness.deliver(make_message("fine", message_id=good))
    result = fetch(harness)
    assert good in ids(result)
    assert all(message.raw is not None for message in result.messages)


def _draft(message_id: str, subject: str = "Re: Interview") -> bytes:
    return make_message(subject, message_id=message_id, sender="sam@example.org",
                        to="jo@example.com", body="Thank you for your time today.")


def test_drafts_are_stored_flagged_and_found_again(harness: Harness) -> None:
    message_id = new_message_id()
    when = datetime.now(UTC)
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id, when)
        assert mailbox.find_draft(message_id) == draft_id
        assert mailbox.find_draft(new_message_id()) is None
        fingerprint = mailbox.draft_fingerprint(draft_id)
    (flags, raw), = harness.drafts()
    assert "\\Draft" in flags and "\\Seen" in flags
    assert b"Thank you for your time today." in raw
    with harness.mailbox() as restarted:
        assert restarted.find_draft(message_id) == draft_id
        assert restarted.draft_fingerprint(draft_id) == fingerprint is not None
        assert restarted.existing_drafts([message_id, new_message_id()]) == {
            message_id: draft_id}


def test_existing_drafts_in_few_round_trips(harness: Harness) -> None:
    stored = [new_message_id() for _ in range(3)]
    missing = [new_message_id() for _ in range(30)]
    with harness.mailbox() as mailbox:
        draft_ids = {m: mailbox.append_draft(_draft(m), m, datetime.now(UTC))
                     for m in stored}
    with harness.mailbox() as mailbox:
        assert mailbox.existing_drafts(missing[:20] + stored + missing[20:]) == draft_ids
        assert mailbox.existing_drafts([]) == {}


def test_a_deleted_draft_is_gone(harness: Harness) -> None:
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id,
                                        datetime.now(UTC))
    harness.delete_draft(message_id)
    with harness.mailbox() as mailbox:
        assert mailbox.find_draft(message_id) is None
        assert mailbox.draft_fingerprint(draft_id) is None


def test_append_needs_an_aware_time(harness: Harness) -> None:
    with harness.mailbox() as mailbox, pytest.raises(ValueError):
        mailbox.append_draft(_draft(new_message_id()), new_message_id(), datetime.now())


def test_backends_are_mailboxes(harness: Harness) -> None:
    assert isinstance(harness.mailbox(), Mailbox)


# -- the draft ledger's questions: every backend answers them, "cannot tell" (None) included


def _token_after_a_look(harness: Harness, cursor: dict[str, Any] | None = None
                        ) -> tuple[Any, dict[str, Any]]:
    """Drafts' token as a pass takes it: a new backend object, the inbox read first."""
    with harness.mailbox() as mailbox:
        result = mailbox.fetch_new("inbox", cursor, SINCE)
        list(result.messages)
        return json.loads(json.dumps(mailbox.drafts_token())), result.cursor


def test_the_drafts_token_moves_with_every_change_in_drafts(harness: Harness) -> None:
    first, cursor = _token_after_a_look(harness)
    again, cursor = _token_after_a_look(harness, cursor)
    if first is None:
        assert again is None  # a backend that cannot tell says so every time
        return
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
    added, cursor = _token_after_a_look(harness, cursor)
    assert added != again
    harness.delete_draft(message_id)
    removed, cursor = _token_after_a_look(harness, cursor)
    assert removed not in (added, None)


def test_the_drafts_token_after_own_appends_only(harness: Harness) -> None:
    with harness.mailbox() as mailbox:
        before = mailbox.drafts_token()
        if before is None:
            return
        before = json.loads(json.dumps(before))
        for _ in range(2):
            message_id = new_message_id()
            mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
        after = mailbox.drafts_token_after(before, 2)
        assert after is None or after == mailbox.drafts_token(before)
        assert mailbox.drafts_token_after(before, 1) is None
    harness.delete_draft(message_id)
    with harness.mailbox() as mailbox:
        assert mailbox.drafts_token_after(before, 2) is None  # the user removed one


def test_an_append_mark_tells_a_draft_never_stored_from_one_removed(harness: Harness) -> None:
    with harness.mailbox() as mailbox:
        mark = mailbox.append_mark()
        if mark is None:
            return
        mark = json.loads(json.dumps(mark))
        assert mailbox.removed_since(mark) is False  # nothing added since
        kept = new_message_id()
        mailbox.append_draft(_draft(kept), kept, datetime.now(UTC))
        assert mailbox.removed_since(mark) is False  # added and still there
        later = json.loads(json.dumps(mailbox.append_mark()))
        gone = new_message_id()
        mailbox.append_draft(_draft(gone), gone, datetime.now(UTC))
    harness.delete_draft(gone)
    with harness.mailbox() as mailbox:
        assert mailbox.removed_since(later) is not False  # stored, then deleted
        assert mailbox.removed_since(mark) is not False
