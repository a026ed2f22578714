"""The local backend beyond the contract: layouts, Drafts creation, mbox (Takeout) import."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer, DovecotUser
from followup.backends.imap import ImapMailbox
from followup.backends.maildir import MaildirMailbox
from followup.config_model import AccountConfig
from followup.errors import BackendError, FolderNotFound

from .harness import MaildirHarness, make_message, new_message_id

SINCE = date.today() - timedelta(days=120)


def local(path: Path | None = None, mbox: Path | None = None) -> MaildirMailbox:
    return MaildirMailbox(AccountConfig(name="local", backend="maildir", path=path, mbox=mbox))


def maildir(path: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


def test_reading_a_dovecot_maildir_directly_sees_what_imap_sees(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    ids = {new_message_id() for _ in range(3)}
    for message_id in ids:
        dovecot_server.deliver(dovecot_user, make_message("hi", message_id=message_id))
    sent_id = new_message_id()
    dovecot_server.append(dovecot_user, "Sent", make_message("mine", message_id=sent_id))
    with ImapMailbox(dovecot_server.account_for(dovecot_user), dovecot_user.password) as imap:
        imap_inbox = {m.summary.message_id for m in imap.fetch_new("inbox", None, SINCE).messages}
    before = dovecot_server.flags(dovecot_user, "INBOX")
    with local(dovecot_user.maildir) as mailbox:  # LAYOUT=fs: Sent/, Drafts/ directories
        assert mailbox.folder_names() == {"inbox": "INBOX", "sent": "Sent", "drafts": "Drafts"}
        inbox = mailbox.fetch_new("inbox", None, SINCE)
        sent = mailbox.fetch_new("sent", None, SINCE)
    assert {m.summary.message_id for m in inbox.messages} == imap_inbox == ids
    assert [m.summary.message_id for m in sent.messages] == [sent_id]
    assert dovecot_server.flags(dovecot_user, "INBOX") == before


def test_a_message_read_meanwhile_is_not_new_again(tmp_path: Path) -> None:
    harness = MaildirHarness(tmp_path / "Maildir")
    harness.deliver(make_message("hello"))
    first = harness.mailbox().fetch_new("inbox", None, SINCE)
    (name,) = os.listdir(harness.root / "new")
    os.rename(harness.root / "new" / name, harness.root / "cur" / f"{name}:2,S")  # a client
    second = harness.mailbox().fetch_new("inbox", first.cursor, SINCE)
    assert second.messages == []
    os.unlink(harness.root / "cur" / f"{name}:2,S")
    third = harness.mailbox().fetch_new("inbox", second.cursor, SINCE)
    assert third.messages == [] and third.cursor["gone"] == [name]
    assert harness.mailbox().fetch_new("inbox", third.cursor, SINCE).cursor["gone"] == []


def test_hostile_files_are_skipped_and_the_scan_goes_on(tmp_path: Path) -> None:
    harness = MaildirHarness(tmp_path / "Maildir")
    (harness.root / "new" / "garbage").write_bytes(os.urandom(2000))
    (harness.root / "new" / "empty").write_bytes(b"")
    good = new_message_id()
    harness.deliver(make_message("fine", message_id=good))
    result = harness.mailbox().fetch_new("inbox", None, SINCE)
    assert good in [m.summary.message_id for m in result.messages]


@pytest.mark.parametrize("layout", ["maildir++", "directories"])
def test_drafts_is_created_when_missing_and_only_drafts(tmp_path: Path, layout: str) -> None:
    root = maildir(tmp_path / "Maildir")
    sent = root / (".Sent" if layout == "maildir++" else "Sent")
    maildir(sent)
    mailbox = local(root)
    with mailbox:
        assert mailbox.folder_names()["drafts"] == "Drafts"
        message_id = new_message_id()
        draft_id = mailbox.append_draft(make_message("Re: x", message_id=message_id),
                                        message_id, datetime.now(UTC))
        assert mailbox.find_draft(message_id) == draft_id
    drafts = root / (".Drafts" if layout == "maildir++" else "Drafts")
    (stored,) = os.listdir(drafts / "cur")
    assert stored == f"{draft_id}:2,DS"
    assert (drafts / "cur" / stored).stat().st_mode & 0o777 == 0o600
    bare = maildir(tmp_path / "bare")
    with local(bare) as bare_mailbox, pytest.raises(FolderNotFound, match="Sent"):
        bare_mailbox.fetch_new("sent", None, SINCE)
    assert sorted(os.listdir(bare)) == ["cur", "new", "tmp"]


def test_inbox_subfolder_when_the_root_is_not_a_maildir(tmp_path: Path) -> None:
    root = tmp_path / "mail"
    maildir(root / "INBOX")
    maildir(root / "Sent")
    (root / "INBOX" / "new" / "1.test").write_bytes(make_message("hi"))
    with local(root) as mailbox:
        assert len(mailbox.fetch_new("inbox", None, SINCE).messages) == 1
    with pytest.raises(BackendError, match="not a directory"):
        local(tmp_path / "missing").open()


# -- mbox (Google Takeout) -------------------------------------------------------------------

def takeout_entry(subject: str, labels: str, when: datetime, message_id: str,
                  thread: str = "1700000000000000001") -> bytes:
    raw = make_message(subject, message_id=message_id, date=when).replace(b"\r\n", b"\n")
    return (b"From 1700000000000000001@xxx Mon Jan 01 00:00:00 +0000 2024\n"
            + f"X-GM-THRID: {thread}\nX-Gmail-Labels: {labels}\n".encode() + raw + b"\n")


def test_takeout_mbox_split_by_label_read_incrementally(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    inbox_id, sent_id, old_id, late_id = (new_message_id() for _ in range(4))
    mbox = tmp_path / "All mail Including Spam and Trash.mbox"
    mbox.write_bytes(
        takeout_entry("Interview", "Inbox,Important,Opened", now, inbox_id)
        + takeout_entry("Thanks", "Sent", now, sent_id, thread="42")
        + takeout_entry("Chat", "Chat", now, new_message_id())
        + takeout_entry("Spam", "Spam", now, new_message_id())
        + takeout_entry("Old", "Inbox", now - timedelta(days=300), old_id))
    mailbox = local(mbox=mbox)
    with mailbox:
        inbox = mailbox.fetch_new("inbox", None, SINCE)
        sent = mailbox.fetch_new("sent", None, SINCE)
        assert [m.summary.message_id for m in inbox.messages] == [inbox_id]
        assert [(m.summary.message_id, m.summary.thread_id) for m in sent.messages] == [
            (sent_id, "42")]
        assert inbox.messages[0].raw is not None and b"Hello there." in inbox.messages[0].raw
        assert inbox.cursor["offset"] == mbox.stat().st_size and inbox.cursor["count"] == 5
        with open(mbox, "ab") as handle:
            handle.write(takeout_entry("Later", "Inbox", now - timedelta(days=400), late_id))
        later = mailbox.fetch_new("inbox", inbox.cursor, SINCE)
        assert [m.summary.message_id for m in later.messages] == [late_id] and not later.reset
        assert mailbox.fetch_new("inbox", later.cursor, SINCE).messages == []
        with pytest.raises(FolderNotFound, match="set path"):
            mailbox.append_draft(b"Subject: x\n\nx\n", "<x@y>", now)
        assert mailbox.find_draft("<x@y>") is None
    mbox.write_bytes(takeout_entry("Other export", "Inbox", now, new_message_id()))
    assert local(mbox=mbox).fetch_new("inbox", later.cursor, SINCE).reset


def test_mbox_drafts_go_to_the_maildir(tmp_path: Path) -> None:
    mbox = tmp_path / "export.mbox"
    mbox.write_bytes(takeout_entry("x", "Inbox", datetime.now(UTC), new_message_id()))
    root = maildir(tmp_path / "Maildir")
    with local(root, mbox) as mailbox:
        message_id = new_message_id()
        draft_id = mailbox.append_draft(make_message("Re: x", message_id=message_id),
                                        message_id, datetime.now(UTC))
        assert mailbox.existing_drafts([message_id]) == {message_id: draft_id}
    assert len(os.listdir(root / ".Drafts" / "cur")) == 1
