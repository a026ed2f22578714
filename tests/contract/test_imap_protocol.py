"""The IMAP backend at the protocol level (a Gmail-like fake server) and its pure helpers.

Dovecot has no X-GM-EXT-1: the Gmail paths are proven here, byte by byte where it matters.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from imapclient.response_parser import parse_fetch_response

from followup.backends.folders import ListedFolder, candidate_names, find_folder
from followup.backends.imap import ImapMailbox, _message_id_criteria
from followup.backends.imap_fetch import (
    batches_by_size,
    parse_appenduid,
    parse_bodystructure,
    partial_sections,
    partial_size,
    rebuild_message,
)
from followup.backends.parts import message_id_from_header, normalise_message_id
from followup.config_model import AccountConfig
from followup.errors import AuthenticationError, FolderNotFound

from .fake_imap import FakeGmail, FakeGmailServer
from .harness import make_message, new_message_id

SINCE = date.today() - timedelta(days=120)
DOVECOT_BODYSTRUCTURE = (
    b'1 (UID 1 BODYSTRUCTURE ((("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 57 1 NIL NIL '
    b'NIL NIL)("text" "html" ("charset" "utf-8") NIL NIL "7bit" 60 1 NIL NIL NIL NIL) '
    b'"alternative" ("boundary" "b1") NIL NIL NIL)("text" "calendar" ("charset" "utf-8" '
    b'"method" "REQUEST") NIL NIL "7bit" 203 10 NIL NIL NIL NIL)("application" "pdf" NIL NIL '
    b'NIL "base64" 54814 NIL ("attachment" ("filename" "job-description.pdf")) NIL NIL)'
    b'("application" "ics" NIL NIL NIL "base64" 280 NIL ("attachment" ("filename" '
    b'"invite.ics")) NIL NIL) "mixed" ("boundary" "b2") NIL NIL NIL))')


def gmail_account(port: int, **fields: object) -> AccountConfig:
    return AccountConfig(name="gmail", backend="imap", host="127.0.0.1", port=port, tls="none",
                         username="sam@gmail.com", auth="xoauth2", connect_timeout=5,
                         read_timeout=5, **fields)  # type: ignore[arg-type]


# -- Gmail over IMAP -------------------------------------------------------------------------

def test_gmail_first_scan_uses_x_gm_raw_and_thread_ids() -> None:
    state = FakeGmail()
    now = datetime.now(UTC)
    old = state.add("INBOX", make_message("old"), now - timedelta(days=300))
    recent_id = new_message_id()
    recent = state.add("INBOX", make_message("recent", message_id=recent_id), now,
                       thread_id=1234567890123)
    with FakeGmailServer(state) as server, ImapMailbox(
            gmail_account(server.port), "ya29.token") as mailbox:
        result = mailbox.fetch_new("inbox", None, SINCE)
        assert mailbox.folder_names() == {"inbox": "INBOX", "sent": "[Gmail]/Sent Mail",
                                          "drafts": "[Gmail]/Drafts"}
    (message,) = result.messages
    assert message.summary.uid == str(recent.uid) != str(old.uid)
    assert message.summary.thread_id == "1234567890123"
    assert message.summary.message_id == recent_id and message.raw == recent.raw
    after = (SINCE - timedelta(days=1)).strftime("%Y/%m/%d")
    commands = " | ".join(state.commands)
    assert f'X-GM-RAW "after:{after} -in:chats"' in commands
    assert "X-GM-THRID" in commands and "X-GM-MSGID" in commands
    assert "AUTHENTICATE XOAUTH2" in commands
    verbs = {c.split()[2 if c.split()[1] == "UID" else 1].upper() for c in state.commands}
    assert verbs == {"CAPABILITY", "AUTHENTICATE", "ENABLE", "EXAMINE", "LIST", "SEARCH",
                     "FETCH", "LOGOUT"}
    assert all("BODY[" not in c.upper().replace("BODY.PEEK[", "") for c in state.commands)


def test_gmail_incremental_poll_filters_the_n_star_match() -> None:
    state = FakeGmail()
    state.send_uidnext = False
    state.add("INBOX", make_message("first"))
    with FakeGmailServer(state) as server, ImapMailbox(
            gmail_account(server.port), "ya29.token") as mailbox:
        first = mailbox.fetch_new("inbox", None, SINCE)
        unchanged = mailbox.fetch_new("inbox", first.cursor, SINCE)  # HIGHESTMODSEQ says so
        assert unchanged.messages == [] and unchanged.stats["searched"] == 0
        state.send_highestmodseq = False  # now it must search: n:* matches the last message
        second = mailbox.fetch_new("inbox", first.cursor, SINCE)
        assert second.messages == [] and any("UID 2:*" in c for c in state.commands)
        newer = state.add("INBOX", make_message("second"))
        third = mailbox.fetch_new("inbox", second.cursor, SINCE)
    assert [m.summary.uid for m in third.messages] == [str(newer.uid)]


def test_gmail_draft_append_and_lookup() -> None:
    state = FakeGmail()
    message_id = new_message_id()
    with FakeGmailServer(state) as server, ImapMailbox(
            gmail_account(server.port), "ya29.token") as mailbox:
        draft_id = mailbox.append_draft(make_message("Re: hi", message_id=message_id),
                                        message_id, datetime.now(UTC))
        assert mailbox.find_draft(message_id) == draft_id == "1:1"
        state.send_appenduid = False  # no APPENDUID: found again by Message-ID
        second_id = new_message_id()
        assert mailbox.append_draft(make_message("x", message_id=second_id), second_id,
                                    datetime.now(UTC)) == "1:2"
    (stored, _) = state.folders["[Gmail]/Drafts"].messages
    assert sorted(stored.flags) == ["\\Draft", "\\Seen"]
    assert any(c.split()[1] == "APPEND" and '"[Gmail]/Drafts"' in c for c in state.commands)


def test_localised_gmail_folders_without_attributes() -> None:
    state = FakeGmail(localised=True)
    with FakeGmailServer(state) as server, ImapMailbox(
            gmail_account(server.port), "ya29.token") as mailbox:
        names = mailbox.folder_names()
        assert names["drafts"] == "[Google Mail]/Entwürfe"
        assert names["sent"] == "[Google Mail]/Gesendet"
        assert mailbox.fetch_new("sent", None, SINCE).messages == []
    assert any('"[Google Mail]/Gesendet"' in c and "EXAMINE" in c for c in state.commands)


def test_gmail_refused_token() -> None:
    with FakeGmailServer(FakeGmail()) as server, pytest.raises(AuthenticationError,
                                                               match="OAuth2"):
        ImapMailbox(gmail_account(server.port), "stale-token").open()


# -- pure helpers ----------------------------------------------------------------------------

def _bodystructure() -> object:
    return parse_fetch_response([DOVECOT_BODYSTRUCTURE])[1][b"BODYSTRUCTURE"]


def test_bodystructure_plan_fetches_text_and_calendar_parts_only() -> None:
    root = parse_bodystructure(_bodystructure())  # type: ignore[arg-type]
    assert [(leaf.section, leaf.content_type, leaf.wanted) for leaf in root.leaves()] == [
        ("1.1", "text/plain", True), ("1.2", "text/html", True),
        ("2", "text/calendar", True), ("3", "application/pdf", False),
        ("4", "application/ics", True)]
    assert partial_sections(root) == ["1.1", "1.2", "2", "4"]
    assert partial_size(root) == 57 + 60 + 203 + 280
    line = b'1 (BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 5 1 NIL NIL NIL NIL))'
    single = parse_fetch_response([line])[1][b"BODYSTRUCTURE"]
    assert partial_sections(parse_bodystructure(single)) is None  # fetched whole


def test_rebuilt_message_keeps_structure_and_headers() -> None:
    root = parse_bodystructure(_bodystructure())  # type: ignore[arg-type]
    header = (b"From: jo@example.com\r\nSubject: Interview\r\nMessage-ID: <m@x>\r\n"
              b"Content-Type: multipart/mixed;\r\n boundary=\"b2\"\r\nMIME-Version: 1.0\r\n\r\n")
    parts = {
        "1.1": (b"Content-Type: text/plain; charset=utf-8\r\n\r\n", b"Plain words.\r\n"),
        "1.2": (b"Content-Type: text/html; charset=utf-8\r\n\r\n", b"<p>Html words.</p>\r\n"),
        "2": (b"Content-Type: text/calendar; method=REQUEST\r\n\r\n", b"BEGIN:VCALENDAR\r\n"),
        "4": ((b"Content-Type: application/ics; name=invite.ics\r\n"
               b"Content-Transfer-Encoding: base64\r\n\r\n"), b"QkVHSU46VkNBTEVOREFS\r\n"),
    }
    raw = rebuild_message(header, root, parts)
    assert raw.startswith(b"From: jo@example.com\r\nSubject: Interview\r\nMessage-ID: <m@x>\r\n"
                          b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=")
    parsed = message_from_bytes(raw, policy=default)
    assert [p.get_content_type() for p in parsed.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar",
        "application/ics"]
    ics = next(p for p in parsed.walk() if p.get_content_type() == "application/ics")
    assert ics.get_payload(decode=True) == b"BEGIN:VCALENDAR"
    empty = rebuild_message(header, root, {})
    assert message_from_bytes(empty, policy=default).get_content_type() == "text/plain"


def test_appenduid_and_message_ids() -> None:
    assert parse_appenduid(b"[APPENDUID 38505 3955] APPEND completed") == (38505, 3955)
    assert parse_appenduid("OK (Success)") is None and parse_appenduid(None) is None
    assert normalise_message_id(" abc@x ") == "<abc@x>" == normalise_message_id("<abc@x>")
    assert message_id_from_header(b"Subject: a\r\nMessage-ID:\r\n <abc@x>\r\n\r\n") == "<abc@x>"
    assert message_id_from_header(b"Subject: a\r\n\r\n") is None
    assert _message_id_criteria(["<a@x>", '<b"@x>']) == (
        'NOT DELETED OR HEADER Message-ID "<a@x>" HEADER Message-ID "<b\\"@x>"')


def test_batches_respect_count_and_bytes() -> None:
    items = [(uid, 400) for uid in range(10)]
    assert list(batches_by_size(items, 3, 1000)) == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert list(batches_by_size([(1, 5000), (2, 1)], 300, 1000)) == [[1], [2]]


# -- finding folders -------------------------------------------------------------------------

def listing(*entries: tuple[str, str]) -> list[ListedFolder]:
    return [ListedFolder(name, "/", tuple(attributes.split())) for name, attributes in entries]


def test_special_use_attribute_is_case_insensitive_and_beats_names() -> None:
    folders = listing(("INBOX", ""), ("Drafts", ""), ("Brouillons", "\\drafts"))
    assert find_folder("drafts", folders, None, "host") == "Brouillons"


def test_common_names_localised_prefixed_and_normalised() -> None:
    nfd = "Entwu\u0308rfe"  # as macOS writes it
    assert find_folder("drafts", listing(("INBOX", ""), (nfd, "")), None, "h") == nfd
    assert find_folder("sent", listing(("INBOX.Sent Items", "")), None, "h") == "INBOX.Sent Items"
    assert find_folder("sent", listing(("[Gmail]", "\\Noselect"), ("[Gmail]/Sent Mail", "")),
                       None, "h") == "[Gmail]/Sent Mail"
    assert "[Google Mail]/Entwürfe" in candidate_names("drafts")


def test_never_inbox_and_the_error_says_what_was_tried() -> None:
    with pytest.raises(FolderNotFound) as raised:
        find_folder("drafts", listing(("INBOX", ""), ("Sent", "\\Sent")), None, "imap.example")
    message = str(raised.value)
    assert "imap.example" in message and "Brouillons" in message and "folders.drafts" in message
    with pytest.raises(FolderNotFound, match="'Nope'"):
        find_folder("sent", listing(("Sent", "\\Sent")), "Nope", "imap.example")
    assert find_folder("sent", listing(("Sent", "\\Sent"), ("Old", "")), "old", "x") == "Old"
    with pytest.raises(FolderNotFound):  # an unselectable folder is no folder
        find_folder("drafts", listing(("Drafts", "\\Noselect")), None, "x")
