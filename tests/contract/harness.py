"""What the mailbox contract suite needs from each backend under test, and test messages.

A harness makes backend objects for one account (a fresh one per call: a "restart"), puts
mail into its folders behind the backend's back, voids its cursors the way the real world
does (a recreated folder, an expired Gmail history id), and looks at its folders without
the backend. Four harnesses: Dovecot (IMAP), Maildir, the Gmail API against
`gmail_fake.GmailFake`, and the in-memory backend (`memory_mailbox`).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol

from google.oauth2.credentials import Credentials

from dovecot import DovecotServer, DovecotUser
from followup.backends.base import Mailbox
from followup.backends.gmail import GmailMailbox
from followup.backends.gmail_auth import SCOPES, save_token, token_path
from followup.backends.imap import ImapMailbox
from followup.backends.maildir import MaildirMailbox, scan_folder
from followup.backends.parts import message_id_from_header
from followup.config_model import AccountConfig, Config, UserConfig
from gmail_fake import GmailFake
from memory_mailbox import MemoryMailbox, MemoryServer


class Harness(Protocol):
    name: str

    def mailbox(self, **options: Any) -> Mailbox: ...
    def deliver(self, raw: bytes, role: str = "inbox", *, when: datetime | None = None,
                flags: str = "") -> None: ...
    def recreate(self, role: str) -> None: ...
    def drafts(self) -> list[tuple[tuple[str, ...], bytes]]: ...
    def delete_draft(self, message_id: str) -> None: ...
    def snapshot(self) -> Any: ...
    def flags_of(self, message_id: str, role: str = "inbox") -> tuple[str, ...]: ...


class DovecotHarness:
    """The IMAP backend against the session's real Dovecot, one fresh user per test."""

    name = "dovecot"
    folders: ClassVar[dict[str, str]] = {"inbox": "INBOX", "sent": "Sent", "drafts": "Drafts"}

    def __init__(self, server: DovecotServer, user: DovecotUser) -> None:
        self.server, self.user = server, user

    def mailbox(self, **options: Any) -> ImapMailbox:
        return ImapMailbox(self.server.account_for(self.user), self.user.password, **options)

    def deliver(self, raw: bytes, role: str = "inbox", *, when: datetime | None = None,
                flags: str = "") -> None:
        self.server.deliver(self.user, raw, self.folders[role], when=when, flags=flags)

    def recreate(self, role: str) -> None:
        self.server.recreate_folder(self.user, self.folders[role])

    def drafts(self) -> list[tuple[tuple[str, ...], bytes]]:
        return [(m["flags"], m["raw"]) for m in self.server.read_folder(self.user, "Drafts")]

    def delete_draft(self, message_id: str) -> None:
        for message in self.server.read_folder(self.user, "Drafts"):
            if message_id_from_header(message["raw"]) == message_id:
                self.server.delete_message(self.user, "Drafts", message["uid"])

    def snapshot(self) -> Any:
        """HIGHESTMODSEQ and every message's flags in INBOX and Sent (read over EXAMINE)."""
        return {folder: (self.server.status(self.user, folder)["HIGHESTMODSEQ"],
                         self.server.flags(self.user, folder)) for folder in ("INBOX", "Sent")}

    def flags_of(self, message_id: str, role: str = "inbox") -> tuple[str, ...]:
        for message in self.server.read_folder(self.user, self.folders[role]):
            if message_id_from_header(message["raw"]) == message_id:
                return message["flags"]
        raise KeyError(message_id)


class MaildirHarness:
    """The Maildir backend over a Maildir++ tree (`.Sent`, `.Drafts`) in a temp directory."""

    name = "maildir"

    def __init__(self, root: Path) -> None:
        self.root = root
        for folder in (root, root / ".Sent", root / ".Drafts"):
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True, exist_ok=True)

    def folder(self, role: str) -> Path:
        return {"inbox": self.root, "sent": self.root / ".Sent",
                "drafts": self.root / ".Drafts"}[role]

    def mailbox(self, **options: Any) -> MaildirMailbox:
        account = AccountConfig(name="local", backend="maildir", path=self.root)
        return MaildirMailbox(account, **options)

    def deliver(self, raw: bytes, role: str = "inbox", *, when: datetime | None = None,
                flags: str = "") -> None:
        folder = self.folder(role)
        unique = f"{time.time():.6f}.P{os.getpid()}Q{uuid.uuid4().hex[:12]}.test"
        temporary = folder / "tmp" / unique
        temporary.write_bytes(raw)
        if when is not None:
            os.utime(temporary, (when.timestamp(), when.timestamp()))
        final = (folder / "cur" / f"{unique}:2,{flags}") if flags else folder / "new" / unique
        os.rename(temporary, final)

    def recreate(self, role: str) -> None:
        """Move the folder aside and back into a new directory: same files, new inode."""
        folder = self.folder(role)
        aside = folder.with_name(folder.name + ".old")
        folder.rename(aside)
        folder.mkdir()
        for child in aside.iterdir():
            child.rename(folder / child.name)
        shutil.rmtree(aside)

    def drafts(self) -> list[tuple[tuple[str, ...], bytes]]:
        return [(entry.imap_flags, entry.path.read_bytes())
                for entry in scan_folder(self.folder("drafts")).values()]

    def delete_draft(self, message_id: str) -> None:
        for entry in scan_folder(self.folder("drafts")).values():
            if message_id_from_header(entry.path.read_bytes()) == message_id:
                entry.path.unlink()

    def snapshot(self) -> Any:
        """Every file of the tree with its name (flags), size and mtime."""
        return sorted((str(path.relative_to(self.root)), path.stat().st_size,
                       path.stat().st_mtime_ns)
                      for path in self.root.rglob("*") if path.is_file())

    def flags_of(self, message_id: str, role: str = "inbox") -> tuple[str, ...]:
        for entry in scan_folder(self.folder(role)).values():
            if message_id_from_header(entry.path.read_bytes()) == message_id:
                return entry.imap_flags
        raise KeyError(message_id)


class MemoryHarness:
    """The in-memory backend (`tests/memory_mailbox.py`) over a fresh `MemoryServer`."""

    name = "memory"

    def __init__(self) -> None:
        self.server = MemoryServer()

    def mailbox(self, **options: Any) -> MemoryMailbox:
        return MemoryMailbox(self.server, **options)

    def deliver(self, raw: bytes, role: str = "inbox", *, when: datetime | None = None,
                flags: str = "") -> None:
        self.server.deliver(raw, role, when=when,
                            flags=tuple(MAILDIR_FLAGS[flag] for flag in flags))

    def recreate(self, role: str) -> None:
        self.server.recreate(role)

    def drafts(self) -> list[tuple[tuple[str, ...], bytes]]:
        return self.server.drafts()

    def delete_draft(self, message_id: str) -> None:
        self.server.delete_draft(message_id)

    def snapshot(self) -> Any:
        return self.server.snapshot()

    def flags_of(self, message_id: str, role: str = "inbox") -> tuple[str, ...]:
        for message in self.server.folders[role].messages.values():
            if message_id_from_header(message.raw) == message_id:
                return message.flags
        raise KeyError(message_id)


MAILDIR_FLAGS = {"S": "\\Seen", "D": "\\Draft", "F": "\\Flagged", "R": "\\Answered"}


# -- test messages ---------------------------------------------------------------------------

PDF_BYTES = b"%PDF-1.4 attachment-bytes-that-must-never-be-downloaded " + os.urandom(40_000)
CALENDAR = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            "UID:interview-1@example.com\r\nDTSTART:20300304T143000Z\r\n"
            "DTEND:20300304T153000Z\r\nSUMMARY:Interview with Example Corp\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


def new_message_id() -> str:
    return f"<{uuid.uuid4().hex}@test.example.com>"


def make_message(subject: str, *, message_id: str | None = None, body: str = "Hello there.",
                 sender: str = "recruiter@example.com", to: str = "sam@example.org",
                 date: datetime | None = None) -> bytes:
    """A plain-text message with CRLF line ends."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime.now(UTC))
    message["Message-ID"] = message_id or new_message_id()
    message.set_content(body)
    return message.as_bytes(policy=SMTP)


def make_invitation_with_attachments(message_id: str) -> bytes:
    """multipart/mixed: alternative (plain + HTML), text/calendar, a PDF and an .ics file."""
    message = EmailMessage()
    message["From"] = "Jo Recruiter <jo@example.com>"
    message["To"] = "sam@example.org"
    message["Subject"] = "Interview invitation"
    message["Date"] = format_datetime(datetime.now(UTC) - timedelta(hours=1))
    message["Message-ID"] = message_id
    message.set_content("We would like to invite you to an interview on 4 March.")
    message.add_alternative("<p>We would like to invite you to an <b>interview</b>.</p>",
                            subtype="html")
    message.make_mixed()
    calendar = EmailMessage()
    calendar.set_content(CALENDAR, subtype="calendar", params={"method": "REQUEST"})
    message.attach(calendar)
    message.add_attachment(PDF_BYTES, maintype="application", subtype="pdf",
                           filename="job-description.pdf")
    message.add_attachment(CALENDAR.encode(), maintype="application", subtype="ics",
                           filename="invite.ics")
    return message.as_bytes(policy=SMTP)


class GmailHarness:
    """The Gmail API backend against `gmail_fake.GmailFake`, with a real token file whose
    refresh goes to the fake's token endpoint (so the production HTTP stack is used)."""

    name = "gmail"

    def __init__(self, fake: GmailFake, state_dir: Path) -> None:
        self.fake = fake
        self.sleeps: list[float] = []
        access = fake.grant()
        credentials = Credentials(
            token=access, refresh_token="1//fake-refresh", token_uri=fake.token_uri,
            client_id="fake-client.apps.googleusercontent.com", client_secret="fake-secret",
            scopes=list(SCOPES), expiry=datetime.now(UTC).replace(tzinfo=None)
            + timedelta(hours=1))
        self.account = AccountConfig(name="gmail", backend="gmail")
        self.config = Config(path=None, user=UserConfig(name="Sam Rivera",
                                                        addresses=("sam@example.org",)),
                             accounts=(self.account,), state_dir=state_dir)
        save_token(token_path(self.account, self.config), credentials)

    def mailbox(self, **options: Any) -> GmailMailbox:
        options.setdefault("sleep", self.sleeps.append)
        return GmailMailbox(self.account, self.config, api_root=self.fake.root,
                            token_uri=self.fake.token_uri, **options)

    def deliver(self, raw: bytes, role: str = "inbox", *, when: datetime | None = None,
                flags: str = "") -> None:
        labels = ["INBOX"] if role == "inbox" else ["SENT"]
        if "S" not in flags and role == "inbox":
            labels.append("UNREAD")
        self.fake.add_message(raw, labels, internal_date=when)

    def recreate(self, role: str) -> None:
        """Gmail's equivalent of a voided cursor: the stored history id has expired."""
        self.fake.expire_history()

    @staticmethod
    def _flags(labels: set[str]) -> tuple[str, ...]:
        return tuple(flag for flag, present in (("\\Draft", "DRAFT" in labels),
                                                ("\\Seen", "UNREAD" not in labels)) if present)

    def drafts(self) -> list[tuple[tuple[str, ...], bytes]]:
        return [(self._flags(message.labels), message.raw)
                for _, message in self.fake.draft_messages()]

    def delete_draft(self, message_id: str) -> None:
        draft_id = self.fake.draft_by_message_id(message_id)
        if draft_id is not None:
            self.fake.user_deletes_draft(draft_id)

    def snapshot(self) -> Any:
        """The history id (any change makes a record) and every message's labels and bytes."""
        return self.fake.snapshot()

    def flags_of(self, message_id: str, role: str = "inbox") -> tuple[str, ...]:
        label = {"inbox": "INBOX", "sent": "SENT"}[role]
        for message in self.fake.by_message_id(message_id):
            if label in message.labels:
                return self._flags(message.labels)
        raise KeyError(message_id)
