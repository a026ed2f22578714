"""The local backend: a Maildir tree at `account.path`, or an mbox file at `account.mbox`.

For local mail, demos and tests; the same contract suite runs against it and Dovecot.

Folders. The inbox is the Maildir root itself (`cur/`, `new/` directly under `path`), or,
if the root is not a Maildir, its `INBOX` subfolder; `folders.inbox` other than "INBOX"
names a subfolder. Subfolders are found in both layouts: Maildir++ (`.Sent`, nested
`.INBOX.Sent`) and directory layout (`Sent/`, as Dovecot's LAYOUT=fs). Sent and Drafts are
found like on IMAP (`folders.find_folder`: override, then common names). Drafts is created
(Maildir++ `.Drafts` unless the tree uses the directory layout) when a draft is first
stored; nothing else is ever created.

Read-only. Inbox and Sent are read by listing `new/` and `cur/` and opening files for
reading: no file is renamed (new → cur), no flag changed, nothing locked or written.

Cursor (JSON, one per role)::

    {"version": 1, "kind": "maildir", "folder": "Sent", "identity": "2049:1234",
     "seen": [keys present at the last scan], "gone": [keys missing since the last scan]}

A message is new when its key (file name before `:2,`) is neither seen nor gone; keys
stay known for one scan after they disappear, so a file renamed while the directory was
listed is not read twice. `identity` is the folder directory's device:inode: a folder that
was recreated (restored from a backup, say) voids the cursor like an IMAP UIDVALIDITY
change, and the look-back window is read again with `reset` True. With an mbox file the
cursor is `{"version": 1, "kind": "mbox", "identity": <hash of the first bytes read, up to
64 KB>, "offset": <bytes read>, "count": <messages read>}`; a file that no longer starts
the same way voids it.

Draft ids are Maildir keys in Drafts.
"""

from __future__ import annotations

import hashlib
import logging
import mailbox
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from followup.backends.base import (
    FetchedMessage,
    FetchResult,
    FolderRole,
    Mailbox,
    MessageSummary,
    WantBody,
    want_every_body,
)
from followup.backends.folders import ListedFolder, find_folder
from followup.backends.mbox_import import gmail_role, mbox_identity, read_mbox
from followup.backends.parts import (
    message_id_from_header,
    normalise_message_id,
    split_header,
    strip_unwanted_parts,
)
from followup.config_model import AccountConfig
from followup.errors import BackendError, FolderNotFound

logger = logging.getLogger(__name__)

CURSOR_VERSION = 1
MAILDIR_FLAGS = {"D": "\\Draft", "F": "\\Flagged", "R": "\\Answered", "S": "\\Seen",
                 "T": "\\Deleted", "P": "$Forwarded"}
MAX_FOLDER_DEPTH = 3


@dataclass(frozen=True)
class MaildirEntry:
    """One message file: its key, path and Maildir flag letters."""

    key: str
    path: Path
    flags: str
    subdir: str

    @property
    def imap_flags(self) -> tuple[str, ...]:
        flags = tuple(MAILDIR_FLAGS[letter] for letter in sorted(self.flags)
                      if letter in MAILDIR_FLAGS)
        return flags + (("\\Recent",) if self.subdir == "new" else ())


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() or (path / "new").is_dir()


def scan_folder(path: Path) -> dict[str, MaildirEntry]:
    """The messages of one Maildir folder by key, listing `new/` before `cur/`."""
    entries: dict[str, MaildirEntry] = {}
    for subdir in ("new", "cur"):
        try:
            names = os.listdir(path / subdir)
        except FileNotFoundError:
            continue
        for name in names:
            if name.startswith("."):
                continue
            key, _, info = name.partition(":")
            flags = info[2:] if info.startswith("2,") else ""
            entries[key] = MaildirEntry(key, path / subdir / name, flags, subdir)
    return entries


def _read_header(path: Path) -> tuple[bytes, int, float]:
    """(header bytes, size, mtime) of a message file, reading no further than the header."""
    with open(path, "rb") as handle:
        status = os.fstat(handle.fileno())
        lines = []
        for line in handle:
            lines.append(line)
            if line in (b"\n", b"\r\n"):
                break
    return b"".join(lines), status.st_size, status.st_mtime


class MaildirMailbox(Mailbox):
    """A local Maildir (and/or mbox file) account; see the module docstring."""

    def __init__(self, account: AccountConfig, *, max_message_bytes: int = 25_000_000) -> None:
        self.name = account.name
        self._account = account
        self._root = account.path.expanduser() if account.path else None
        self._mbox = account.mbox.expanduser() if account.mbox else None
        self._max_message_bytes = max_message_bytes

    def open(self) -> None:
        if self._mbox is not None and not self._mbox.is_file():
            raise BackendError(f"account {self.name!r}: mbox {self._mbox} is not a file")
        if self._root is not None and not self._root.is_dir():
            raise BackendError(f"account {self.name!r}: path {self._root} is not a directory")
        if self._root is None and self._mbox is None:
            raise BackendError(f"account {self.name!r}: set path (a Maildir) or mbox")

    def close(self) -> None:
        """Nothing to release."""

    # -- folders -------------------------------------------------------------------------

    def _subfolders(self) -> dict[str, Path]:
        """{name: path} of every subfolder under the root, both layouts."""
        assert self._root is not None
        found: dict[str, Path] = {}

        def walk(directory: Path, prefix: str, depth: int) -> None:
            try:
                children = sorted(os.scandir(directory), key=lambda entry: entry.name)
            except OSError:
                return
            for child in children:
                if not child.is_dir() or child.name in ("cur", "new", "tmp"):
                    continue
                path = Path(child.path)
                if child.name.startswith(".") and depth == 0:
                    if is_maildir(path):
                        found[child.name[1:]] = path  # Maildir++: ".INBOX.Sent" -> "INBOX.Sent"
                elif not child.name.startswith(".") and is_maildir(path):
                    found[prefix + child.name] = path
                    if depth < MAX_FOLDER_DEPTH:
                        walk(path, prefix + child.name + "/", depth + 1)

        walk(self._root, "", 0)
        return found

    def _folder_path(self, role: str, create: bool = False) -> tuple[str, Path]:
        """(name, path) of the folder for `role`; creates Drafts only if `create`."""
        if self._root is None:
            raise FolderNotFound(f"account {self.name!r} reads the mbox file {self._mbox}; "
                                 f"drafts need a Maildir: set path")
        subfolders = self._subfolders()
        if role == "inbox":
            name = self._account.folders.inbox
            if name.upper() == "INBOX":
                if is_maildir(self._root):
                    return "INBOX", self._root
                name = next((n for n in subfolders if n.upper() == "INBOX"), "INBOX")
            if name in subfolders:
                return name, subfolders[name]
            raise FolderNotFound(f"{self._root} is not a Maildir and has no folder {name!r}")
        listing = [ListedFolder(name, None, ()) for name in subfolders]
        override = getattr(self._account.folders, role)
        try:
            found = find_folder(role, listing, override, str(self._root))
            return found, subfolders[found]
        except FolderNotFound:
            if role != "drafts":
                raise
        name = override or "Drafts"
        directory_layout = any(not p.name.startswith(".") for p in subfolders.values())
        path = self._root / name if directory_layout else self._root / ("." + name)
        if create:
            if directory_layout:
                for sub in ("", "cur", "new", "tmp"):
                    (path / sub).mkdir(mode=0o700, exist_ok=True)
            else:
                mailbox.Maildir(str(self._root), factory=None, create=False).add_folder(name)
            logger.info("%s: created the Drafts folder %s", self.name, path)
        return name, path

    def folder_names(self) -> dict[str, str]:
        if self._root is None:
            self._folder_path("drafts")  # raises: no Drafts without a Maildir
        names: dict[str, str] = {}
        problems: list[str] = []
        for role in ("inbox", "sent", "drafts"):
            try:
                names[role] = self._folder_path(role)[0]
            except FolderNotFound as error:
                problems.append(str(error))
        if problems:
            raise FolderNotFound("\n".join(problems))
        return names

    # -- incremental fetch -----------------------------------------------------------------

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        if self._mbox is not None:
            return self._fetch_mbox(role, cursor, since, want_body)
        name, path = self._folder_path(role)
        status = os.stat(path)
        identity = f"{status.st_dev}:{status.st_ino}"
        valid = (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
                 and cursor.get("kind") == "maildir" and cursor.get("folder") == name
                 and cursor.get("identity") == identity)
        entries = scan_folder(path)
        new: list[tuple[float, str, MessageSummary, MaildirEntry]] = []
        if valid:
            assert cursor is not None
            seen, gone = set(cursor.get("seen", ())), set(cursor.get("gone", ()))
            candidates = [key for key in entries if key not in seen and key not in gone]
        else:
            seen, gone = set(), set()
            candidates = [key for key in entries if not _older_than(entries[key], since)]
        for key in candidates:
            found = self._summary(path, entries[key], name, role)
            if found is None:
                continue
            summary, entry = found
            assert summary.internal_date is not None
            if not valid and summary.internal_date.date() < since:
                continue
            new.append((summary.internal_date.timestamp(), key, summary, entry))
        new.sort(key=lambda item: (item[0], item[1]))
        messages = [FetchedMessage(summary, self._body(path, entry, summary, want_body))
                    for _, _, summary, entry in new]
        new_cursor = {"version": CURSOR_VERSION, "kind": "maildir", "folder": name,
                      "identity": identity, "seen": sorted(entries),
                      "gone": sorted(seen - set(entries))}
        return FetchResult(messages, new_cursor, reset=cursor is not None and not valid,
                           stats={"new": len(messages),
                                  "bodies": sum(m.raw is not None for m in messages)})

    def _summary(self, folder_path: Path, entry: MaildirEntry, folder: str,
                 role: FolderRole) -> tuple[MessageSummary, MaildirEntry] | None:
        try:
            try:
                header, size, mtime = _read_header(entry.path)
            except FileNotFoundError:  # renamed (flags changed) since the listing
                fresh = scan_folder(folder_path).get(entry.key)
                if fresh is None:
                    return None
                entry = fresh
                header, size, mtime = _read_header(entry.path)
            return MessageSummary(
                uid=entry.key, folder=folder, role=role,
                message_id=message_id_from_header(header), thread_id=None,
                internal_date=datetime.fromtimestamp(mtime, UTC), size=size,
                flags=entry.imap_flags, header_bytes=header), entry
        except Exception as error:  # noqa: BLE001 - a hostile or vanished file is skipped
            logger.warning("%s: skipping %s in %s: %s", self.name, entry.key, folder,
                           type(error).__name__)
            return None

    def _body(self, folder_path: Path, entry: MaildirEntry, summary: MessageSummary,
              want_body: WantBody) -> bytes | None:
        if not want_body(summary):
            return None
        if summary.size > self._max_message_bytes:
            logger.warning("%s: skipping the body of %s in %s: %d bytes is over the limit",
                           self.name, summary.uid, summary.folder, summary.size)
            return None
        try:
            try:
                raw = entry.path.read_bytes()
            except FileNotFoundError:  # renamed (flags changed) since the listing
                fresh = scan_folder(folder_path).get(summary.uid)
                if fresh is None:
                    return None
                raw = fresh.path.read_bytes()
            return strip_unwanted_parts(raw)
        except Exception as error:  # noqa: BLE001
            logger.warning("%s: cannot read %s in %s: %s", self.name, summary.uid,
                           summary.folder, type(error).__name__)
            return None

    def _fetch_mbox(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                    want_body: WantBody) -> FetchResult:
        assert self._mbox is not None
        size = self._mbox.stat().st_size
        valid = (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
                 and cursor.get("kind") == "mbox" and isinstance(cursor.get("offset"), int)
                 and isinstance(cursor.get("count"), int) and cursor["offset"] <= size
                 and cursor.get("identity") == mbox_identity(self._mbox, cursor["offset"]))
        offset = int(cursor["offset"]) if valid and cursor else 0
        count = int(cursor["count"]) if valid and cursor else 0
        messages: list[FetchedMessage] = []
        for item in read_mbox(self._mbox, offset, count):
            offset, count = item.end_offset, item.index + 1
            header = split_header(item.raw)
            if gmail_role(header) != role:
                continue
            headers = BytesHeaderParser(policy=compat32).parsebytes(header)
            sent_at = _header_date(headers.get("Date"))
            if not valid and sent_at is not None and sent_at.date() < since:
                continue
            thread = headers.get("X-GM-THRID")
            summary = MessageSummary(
                uid=str(item.index), folder=str(self._mbox), role=role,
                message_id=message_id_from_header(header),
                thread_id=str(thread).strip() if thread else None, internal_date=sent_at,
                size=len(item.raw), flags=(), header_bytes=header)
            raw = None
            if want_body(summary) and len(item.raw) <= self._max_message_bytes:
                raw = strip_unwanted_parts(item.raw)
            messages.append(FetchedMessage(summary, raw))
        new_cursor = {"version": CURSOR_VERSION, "kind": "mbox",
                      "identity": mbox_identity(self._mbox, offset), "offset": offset,
                      "count": count}
        return FetchResult(messages, new_cursor, reset=cursor is not None and not valid,
                           stats={"new": len(messages)})

    # -- drafts --------------------------------------------------------------------------

    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        """Write the draft into Drafts' `cur/` with flags D and S (file mode 0600)."""
        if when.tzinfo is None:
            raise ValueError("append_draft needs a timezone-aware `when`")
        _, path = self._folder_path("drafts", create=True)
        drafts = mailbox.Maildir(str(path), factory=None, create=False)
        message = mailbox.MaildirMessage(raw)
        message.set_subdir("cur")
        message.set_flags("DS")
        message.set_date(when.timestamp())
        key = drafts.add(message)
        stored = path / "cur" / f"{key}{drafts.colon}2,DS"
        if stored.exists():
            os.chmod(stored, 0o600)
        return str(key)

    def _drafts(self) -> dict[str, MaildirEntry]:
        """Draft files by key, those the user marked deleted (T) left out."""
        try:
            _, path = self._folder_path("drafts")
        except FolderNotFound:
            return {}
        return {key: entry for key, entry in scan_folder(path).items() if "T" not in entry.flags}

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        wanted = {normalise_message_id(m): m for m in message_ids}
        found: dict[str, str] = {}
        for key, entry in sorted(self._drafts().items()):
            try:
                message_id = message_id_from_header(_read_header(entry.path)[0])
            except OSError:
                continue
            if message_id in wanted and wanted[message_id] not in found:
                found[wanted[message_id]] = key
        return found

    def find_draft(self, message_id: str) -> str | None:
        return self.existing_drafts([message_id]).get(message_id)

    def draft_fingerprint(self, draft_id: str) -> str | None:
        entry = self._drafts().get(draft_id)
        if entry is None:
            return None
        try:
            raw = entry.path.read_bytes()
        except OSError:
            return None
        return f"{len(raw)}:{hashlib.sha256(raw).hexdigest()}"


def _older_than(entry: MaildirEntry, since: date) -> bool:
    """True if the file's mtime (its delivery date, Dovecot's INTERNALDATE) is before `since`."""
    try:
        mtime = entry.path.stat().st_mtime
    except OSError:
        return False  # renamed meanwhile: let the summary find it again
    return datetime.fromtimestamp(mtime, UTC).date() < since


def _header_date(value: Any) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
