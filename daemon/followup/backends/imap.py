"""The IMAP backend: `ImapMailbox`, the only module of followup that imports imapclient.

Read-only by construction: folders are opened with EXAMINE (`select_folder(readonly=True)`),
bodies are read with `BODY.PEEK[...]`, and the only write is APPEND to Drafts. It never
stores flags, copies, moves, deletes or expunges.

Cursor (JSON, one per folder role), as returned in `FetchResult.cursor`::

    {"version": 1, "folder": "INBOX", "uidvalidity": 1700000000, "last_uid": 42,
     "uidnext": 43, "highestmodseq": 97}

A poll with a cursor first asks `STATUS <folder> (UIDNEXT UIDVALIDITY)` of the folder the
cursor names: with nothing new that one command is the whole poll (no LIST, no EXAMINE, no
ENABLE). Otherwise the folder is opened and `uidnext` / `highestmodseq` (CONDSTORE) bound
the search. A changed UIDVALIDITY, another folder name or an unreadable cursor voids the
cursor: the look-back window is scanned again and `reset` is True.

New messages are fetched while the caller iterates over them, `FETCH_CHUNK` at a time
(`_StreamedMessages`): memory stays flat however big the folder, and what the caller
learns from one chunk decides which bodies of the next are read. `drafts_token` is the
STATUS of Drafts, which tells the draft ledger whether anything there changed.

Draft ids are `"<uidvalidity>:<uid>"` of the draft in Drafts, so an id from before Drafts
was recreated is never mistaken for another message.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import ProtocolError
from imapclient.imapclient import DRAFT, SEEN

from followup.backends.base import (
    DraftsToken,
    FetchedMessage,
    FetchResult,
    FolderRole,
    Mailbox,
    MessageSummary,
    WantBody,
    want_every_body,
)
from followup.backends.imap_connection import (  # noqa: F401 - the backend's public names
    IDLE_DONE_TIMEOUT,
    IDLE_RENEW_SECONDS,
    ClientFactory,
    ImapConnection,
    _text,
    default_client_factory,
)
from followup.backends.imap_fetch import chunked, parse_appenduid
from followup.backends.imap_messages import (
    FETCH_CHUNK,
    GMAIL_ITEMS,
    SUMMARY_ITEMS,
    fetch_bodies,
    summarise,
)
from followup.backends.parts import message_id_from_header, normalise_message_id
from followup.config_model import AccountConfig
from followup.errors import (
    AppendUncertain,
    BackendError,
    ConnectionLost,
    FollowupError,
)

logger = logging.getLogger(__name__)

CURSOR_VERSION = 1
SEARCH_OR_CHUNK = 25  # Message-IDs per OR-chained SEARCH


def only_appended(before: dict[str, Any], after: dict[str, Any], appended: int) -> bool:
    """Whether Drafts' STATUS went from `before` to `after` by `appended` APPENDs alone."""
    return after.get("UIDVALIDITY") == before.get("UIDVALIDITY") and all(
        isinstance(after.get(item), int) and isinstance(before.get(item), int)
        and after[item] == before[item] + appended for item in ("MESSAGES", "UIDNEXT"))



def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _message_id_criteria(message_ids: list[str]) -> str:
    """`OR HEADER Message-ID "<a>" OR ... HEADER Message-ID "<z>"` (one raw criteria string)."""
    keys = [f"HEADER Message-ID {_quote(message_id)}" for message_id in message_ids]
    criteria = keys[-1]
    for key in reversed(keys[:-1]):
        criteria = f"OR {key} {criteria}"
    return f"NOT DELETED {criteria}"



class ImapMailbox(ImapConnection, Mailbox):
    """One IMAP account: reading and drafts over an `ImapConnection` (see there for
    `secret`, `client_factory`, `sleep`, `jitter`, `attempts`). Bodies bigger than
    `max_message_bytes` are skipped (logged by UID). `append_timeout` is how long an
    APPEND's answer is awaited (default: twice `read_timeout`, at least a minute);
    `confirm_tries` and `confirm_wait` how an unanswered APPEND is looked for.
    """

    def __init__(self, account: AccountConfig, secret: str, *,
                 client_factory: ClientFactory | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random,
                 attempts: int = 4, backoff_base: float = 1.0, backoff_max: float = 60.0,
                 max_message_bytes: int = 25_000_000, append_timeout: float | None = None,
                 confirm_tries: int = 3, confirm_wait: float = 5.0) -> None:
        super().__init__(account, secret, client_factory=client_factory, sleep=sleep,
                         jitter=jitter, attempts=attempts, backoff_base=backoff_base,
                         backoff_max=backoff_max)
        self._max_message_bytes = max_message_bytes
        # An APPEND's answer comes after the whole literal is stored: give it longer.
        self._append_timeout = append_timeout or max(60.0, 2 * account.read_timeout)
        self._confirm_tries = max(1, confirm_tries)
        self._confirm_wait = confirm_wait
        self._streams: weakref.WeakSet[_StreamedMessages] = weakref.WeakSet()

    def _login_refused(self) -> str:
        what = ("check the OAuth2 token (Gmail needs the https://mail.google.com/ scope)"
                if self._account.auth == "xoauth2" else
                "check password_file / app password")
        return (f"{self._account.host} refused the login for user {self._account.username}: "
                f"{what}")

    def _before_close(self) -> None:
        for stream in list(self._streams):  # results not iterated yet are read before logout
            stream.settle()

    # -- incremental fetch -----------------------------------------------------------------

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        unchanged = self._unchanged(role, cursor)
        if unchanged is not None:
            return unchanged
        folder = self._folder(role)
        return self._with_retry(
            f"reading {folder}",
            lambda client: self._fetch_new(client, role, folder, cursor, since, want_body))

    def _unchanged(self, role: FolderRole, cursor: dict[str, Any] | None) -> FetchResult | None:
        """A poll's one command: `STATUS <folder> (UIDNEXT UIDVALIDITY)` of the folder the
        cursor names (no LIST, no EXAMINE). An empty result if nothing is new, else None."""
        override = self._account.folders.inbox if role == "inbox" else self._account.folders.sent
        if not (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
                and isinstance(cursor.get("last_uid"), int) and cursor.get("folder")
                and override in (None, cursor["folder"])):
            return None
        folder = str(cursor["folder"])
        try:
            status = self._with_retry(f"checking {folder}", lambda client: client.folder_status(
                folder, [b"UIDNEXT", b"UIDVALIDITY"]))
        except ConnectionLost:
            raise  # already retried with back-off: the long way would only wait again
        except BackendError:
            return None  # renamed or gone: find it again the long way
        uidnext = status.get(b"UIDNEXT")
        if status.get(b"UIDVALIDITY") == cursor.get("uidvalidity") and \
                isinstance(uidnext, int) and uidnext <= cursor["last_uid"] + 1:
            return FetchResult([], dict(cursor), stats={"searched": 0, "new": 0})
        return None

    def drafts_state(self, folder: str | None = None) -> DraftsToken | None:
        """{"folder", "status"}: `STATUS Drafts (UIDVALIDITY UIDNEXT MESSAGES HIGHESTMODSEQ)`.
        It changes whenever a message is added to Drafts, removed, or (CONDSTORE) changed.
        `folder` is the name found before, so no LIST is needed. None if it cannot tell."""
        try:
            name = folder or self._folder("drafts")
            items = [b"UIDVALIDITY", b"UIDNEXT", b"MESSAGES"]
            if "CONDSTORE" in self._capabilities:
                items.append(b"HIGHESTMODSEQ")
            status = self._with_retry("checking Drafts", lambda client: client.folder_status(
                name, items))
        except FollowupError:
            return None
        return {"folder": name, "status": {_text(k): int(v) for k, v in status.items()}}

    def drafts_token(self, previous: DraftsToken | None = None) -> DraftsToken | None:
        """IMAP's token of Drafts is its STATUS (`drafts_state`), in the folder `previous`
        names if there is one."""
        return self.drafts_state((previous or {}).get("folder"))

    def drafts_token_after(self, before: DraftsToken, appended: int) -> DraftsToken | None:
        """Drafts' STATUS now, if UIDVALIDITY is as `before` and MESSAGES and UIDNEXT both
        grew by exactly `appended`: nobody else added or removed a draft meanwhile."""
        after = self.drafts_token(before)
        if after is None or after.get("folder") != before.get("folder"):
            return None
        return after if only_appended(before.get("status", {}), after["status"], appended) \
            else None

    def _fetch_new(self, client: IMAPClient, role: FolderRole, folder: str,
                   cursor: dict[str, Any] | None, since: date,
                   want_body: WantBody) -> FetchResult:
        selected = self._examine(client, folder)
        uidvalidity = selected.get(b"UIDVALIDITY")
        uidnext = selected.get(b"UIDNEXT")
        highestmodseq = selected.get(b"HIGHESTMODSEQ")
        valid = (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
                 and cursor.get("folder") == folder and cursor.get("uidvalidity") == uidvalidity
                 and isinstance(cursor.get("last_uid"), int))
        stats = {"searched": 0}
        if valid:
            assert cursor is not None
            last_uid = int(cursor["last_uid"])
            if uidnext is not None and uidnext <= last_uid + 1:
                uids: list[int] = []
            elif (uidnext is None and highestmodseq is not None
                  and cursor.get("highestmodseq") == highestmodseq):
                uids = []
            else:
                stats["searched"] = 1
                # UID n:* always matches the last message (RFC 3501 §6.4.8): filter.
                uids = [uid for uid in client.search(["UID", f"{last_uid + 1}:*"])
                        if uid > last_uid]
        else:
            if cursor is not None:
                logger.info("%s: %s was reset (UIDVALIDITY or cursor changed); rescanning "
                            "since %s", self.name, folder, since.isoformat())
            stats["searched"] = 1
            uids = list(self._search_since(client, since))
            if uidnext is not None:
                last_uid = uidnext - 1
            else:
                last_uid = max(client.search(["UID", "*"]) or [0])
        uids = sorted(set(uids))
        messages = _StreamedMessages(self, client, folder, role, uids, want_body, stats,
                                     uidvalidity)
        self._streams.add(messages)
        new_cursor = {"version": CURSOR_VERSION, "folder": folder, "uidvalidity": uidvalidity,
                      "last_uid": max([last_uid, *uids]), "uidnext": uidnext,
                      "highestmodseq": highestmodseq}
        stats["new"] = len(messages)
        return FetchResult(messages, new_cursor, reset=cursor is not None and not valid,
                           stats=stats)

    def _search_since(self, client: IMAPClient, since: date) -> list[int]:
        if "X-GM-EXT-1" in self._capabilities:
            # Gmail's after: is a day boundary in its own zone: start a day early.
            day = since - timedelta(days=1)
            return list(client.gmail_search(f"after:{day:%Y/%m/%d} -in:chats"))
        return list(client.search(["SINCE", since]))

    def _fetch_tolerant(self, client: IMAPClient, uids: list[int], items: list[str],
                        folder: str) -> dict[int, dict[bytes, Any]]:
        """FETCH `items` for `uids`; a response imapclient cannot parse is retried UID by
        UID, and a message whose response is still unreadable is logged and skipped."""
        if not uids:
            return {}
        try:
            return dict(client.fetch(uids, items))
        except (ProtocolError, ValueError, TypeError) as error:
            if len(uids) == 1:
                logger.warning("%s: skipping UID %s in %s: unreadable FETCH response (%s)",
                               self.name, uids[0], folder, type(error).__name__)
                return {}
        result: dict[int, dict[bytes, Any]] = {}
        for uid in uids:
            result.update(self._fetch_tolerant(client, [uid], items, folder))
        return result

    # -- drafts --------------------------------------------------------------------------

    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        """APPEND to Drafts with \\Draft \\Seen; the id comes from APPENDUID, else a search.

        Sent once, never repeated here. The server's answer is waited for longer than
        other commands' (`append_timeout`): a big literal on a slow link is not a dead
        connection. A connection lost before the APPEND went out is made again with the
        usual back-off. One lost after it went out leaves it unknown whether the server
        stored the draft: then Drafts is searched for `message_id` on a fresh connection,
        `confirm_tries` times `confirm_wait` seconds apart (a held-up literal can still
        land after the client gave up waiting for it); found, its id is returned; not found,
        AppendUncertain is raised and the caller decides on a later pass, from
        `removed_since`. `thread_id` is not used (IMAP threads by References/Subject).
        """
        if when.tzinfo is None:
            raise ValueError("append_draft needs a timezone-aware `when`")
        drafts = self._folder("drafts")
        message_id = normalise_message_id(message_id)

        def append(client: IMAPClient) -> Any:
            watch = _LiteralWatch(client)
            try:
                with self._errors(f"appending a draft to {drafts}"):
                    return self._append_once(client, drafts, raw, when, watch)
            except ConnectionLost as error:
                if watch.literal_started:
                    return _Unanswered(error)  # it went out: never sent again
                raise  # it never left, so nothing was stored: reconnect and send it

        response = self._with_retry(f"appending a draft to {drafts}", append)
        if isinstance(response, _Unanswered):
            self._shutdown(self._client)
            self._client = None
            return self._confirm_append(drafts, message_id, response.lost)
        appended = parse_appenduid(response)
        if appended is not None:
            return f"{appended[0]}:{appended[1]}"
        existing = self._with_retry("looking for the appended draft",
                                    lambda client: self._search_drafts(client, drafts,
                                                                       [message_id]))
        if message_id in existing:
            return existing[message_id]
        raise BackendError(f"{self._account.host} accepted the draft {message_id} "
                           f"but it is not in {drafts}")

    def _append_once(self, client: IMAPClient, drafts: str, raw: bytes, when: datetime,
                     watch: _LiteralWatch) -> Any:
        """One APPEND, its answer awaited up to `append_timeout` seconds."""
        sock = client.socket()
        sock.settimeout(self._append_timeout)
        try:
            with watch:
                return client.append(drafts, raw, flags=(DRAFT, SEEN), msg_time=when)
        finally:
            try:
                sock.settimeout(self._account.read_timeout)
            except OSError:
                pass  # the socket died with the APPEND

    def _confirm_append(self, drafts: str, message_id: str, lost: ConnectionLost) -> str:
        """After an APPEND whose message went out but whose answer never came: look for the
        draft on fresh connections (the usual back-off first, then `confirm_wait` seconds
        more each time) until it is found (certain: stored) or the tries run out
        (AppendUncertain: it may still land)."""
        logger.warning("%s: no answer to the APPEND of a draft (%s); looking for it in %s",
                       self.name, lost, drafts)
        for attempt in range(1, self._confirm_tries + 1):
            self._sleep(self._backoff(1) if attempt == 1
                        else self._confirm_wait * (attempt - 1))
            try:
                found = self._with_retry("looking for an unanswered draft", lambda client:
                                         self._search_drafts(client, drafts, [message_id]))
            except ConnectionLost:
                continue
            if message_id in found:
                logger.info("%s: the unanswered APPEND of draft %s was stored", self.name,
                            message_id)
                return found[message_id]
        raise AppendUncertain(f"the APPEND of draft {message_id} to {drafts} got no answer "
                              f"and the draft is not there yet; it may still be stored, so "
                              f"it is looked for again on a later pass, never appended twice")

    def append_mark(self) -> dict[str, Any] | None:
        """`{"uidvalidity", "uidnext"}` of Drafts (one STATUS), or None if unknown."""
        try:
            drafts = self._folder("drafts")
            status = self._with_retry("checking Drafts", lambda client: client.folder_status(
                drafts, [b"UIDVALIDITY", b"UIDNEXT"]))
        except FollowupError:
            return None
        uidvalidity, uidnext = status.get(b"UIDVALIDITY"), status.get(b"UIDNEXT")
        if not isinstance(uidvalidity, int) or not isinstance(uidnext, int):
            return None
        return {"folder": drafts, "uidvalidity": uidvalidity, "uidnext": uidnext}

    def removed_since(self, mark: dict[str, Any]) -> bool | None:
        """From UIDNEXT, which "MUST NOT change unless new messages are added to the mailbox"
        and "MUST change whenever new messages are added ... even if those new messages are
        subsequently expunged" (RFC 3501 §2.3.1.1): UIDNEXT as in `mark` proves nothing was
        stored since. Otherwise every UID from the mark's UIDNEXT on must still be there
        and not \\Deleted; a gap (UIDs need not be consecutive) counts as removed, which
        errs on the side of never recreating a draft. None if Drafts was recreated."""
        try:
            drafts = str(mark["folder"])
            before, validity = int(mark["uidnext"]), int(mark["uidvalidity"])
        except (KeyError, TypeError, ValueError):
            return None

        def look(client: IMAPClient) -> bool | None:
            status = client.folder_status(drafts, [b"UIDVALIDITY", b"UIDNEXT"])
            if status.get(b"UIDVALIDITY") != validity:
                return None
            now = int(status.get(b"UIDNEXT") or 0)
            if now == before:
                return False
            self._examine(client, drafts)
            present = [uid for uid in client.search(["UID", f"{before}:*", "NOT", "DELETED"])
                       if before <= uid < now]
            return len(present) != now - before

        try:
            return self._with_retry("checking Drafts", look)
        except FollowupError:
            return None

    def _search_drafts(self, client: IMAPClient, drafts: str,
                       message_ids: list[str]) -> dict[str, str]:
        """{Message-ID: draft id} of those of `message_ids` in Drafts (not \\Deleted).

        Message-IDs that are not ASCII cannot be followup's own and are not searched for.
        """
        message_ids = [message_id for message_id in message_ids if message_id.isascii()]
        uidvalidity = self._examine(client, drafts).get(b"UIDVALIDITY")
        found: dict[str, str] = {}
        for chunk in chunked(message_ids, SEARCH_OR_CHUNK):
            uids = sorted(client.search(_message_id_criteria(chunk)))
            if not uids:
                continue
            if len(chunk) == 1:
                found[chunk[0]] = f"{uidvalidity}:{uids[0]}"
                continue
            wanted = set(chunk)
            for uids_chunk in chunked(uids, FETCH_CHUNK):
                data = client.fetch(uids_chunk, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
                for uid in sorted(data):
                    header = next((bytes(value) for key, value in data[uid].items()
                                   if _text(key).upper().startswith("BODY[HEADER.FIELDS")
                                   and value is not None), b"")
                    message_id = message_id_from_header(header)
                    if message_id in wanted and message_id not in found:
                        found[message_id] = f"{uidvalidity}:{uid}"
        return found

    def find_draft(self, message_id: str) -> str | None:
        message_id = normalise_message_id(message_id)
        drafts = self._folder("drafts")
        found = self._with_retry("looking for a draft", lambda client: self._search_drafts(
            client, drafts, [message_id]))
        return found.get(message_id)

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        """Of `message_ids`, those in Drafts: one EXAMINE, a SEARCH per 25 ids, one FETCH."""
        originals = {normalise_message_id(m): m for m in message_ids}
        if not originals:
            return {}
        drafts = self._folder("drafts")
        found = self._with_retry("looking for drafts", lambda client: self._search_drafts(
            client, drafts, list(originals)))
        return {originals[m]: draft_id for m, draft_id in found.items()}

    def draft_fingerprint(self, draft_id: str) -> str | None:
        """`"<size>:<sha256 of the message>"` of the draft, or None if it is gone (expunged,
        \\Deleted, or Drafts was recreated since)."""
        validity_text, _, uid_text = draft_id.rpartition(":")
        if not uid_text.isdigit():
            return None
        drafts = self._folder("drafts")

        def fingerprint(client: IMAPClient) -> str | None:
            uidvalidity = self._examine(client, drafts).get(b"UIDVALIDITY")
            if validity_text and validity_text != str(uidvalidity):
                return None
            entry = client.fetch([int(uid_text)], ["RFC822.SIZE", "FLAGS", "BODY.PEEK[]"]).get(
                int(uid_text))
            if not entry or b"\\Deleted" in tuple(entry.get(b"FLAGS") or ()):
                return None
            raw = bytes(entry.get(b"BODY[]") or b"")
            return f"{entry.get(b'RFC822.SIZE')}:{hashlib.sha256(raw).hexdigest()}"

        return self._with_retry("reading a draft", fingerprint)


@dataclass(frozen=True)
class _Unanswered:
    """An APPEND whose message went out and whose answer never came."""

    lost: ConnectionLost


class _LiteralWatch:
    """Tells whether an APPEND's message left this process. imaplib sends APPEND with a
    synchronising literal: the command line first, then, only after the server's "+"
    continuation, the message (`IMAP4._command`: `self.send(literal)`; RFC 3501 §7.5). So
    a connection lost before that second `send` cannot have stored anything, and the APPEND
    may simply be made again; once it began, only Drafts can say."""

    def __init__(self, client: IMAPClient) -> None:
        self._imap = getattr(client, "_imap", None)
        self._own: Any = None  # a `send` set on the instance before ours (tests wrap it)
        self._sends = 0
        self.literal_started = self._imap is None  # cannot watch: assume the worst

    def __enter__(self) -> _LiteralWatch:
        if self._imap is not None:
            self._own = vars(self._imap).get("send")
            original = self._imap.send

            def send(data: bytes) -> None:
                self._sends += 1
                if self._sends >= 2:  # the command line went with the first
                    self.literal_started = True
                original(data)

            self._imap.send = send
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._imap is not None:
            if self._own is not None:
                self._imap.send = self._own
            else:
                del self._imap.send  # back to the class's method


class _StreamedMessages:
    """The new messages of one folder, fetched `FETCH_CHUNK` at a time while they are
    iterated: the summaries of a chunk, then the bodies `want_body` asks for.

    So the caller judges chunk k before `want_body` is asked about chunk k + 1 (a first scan
    reads a reply whose only sign is a thread it learnt a moment ago), and only one chunk of
    header blocks is held at a time, however big the folder. A lost connection is made again
    with the usual back-off and the folder re-opened; if its UIDVALIDITY changed meanwhile,
    BackendError (the next scan reads it again). `stats` is filled in as chunks arrive.
    Iterate it once, before the mailbox is closed; indexing or comparing it, or closing the
    mailbox before iterating, fetches everything at once (and keeps it).
    """

    def __init__(self, mailbox: ImapMailbox, client: IMAPClient, folder: str,
                 role: FolderRole, uids: list[int], want_body: WantBody,
                 stats: dict[str, int], uidvalidity: Any) -> None:
        self._mailbox, self._client, self._folder, self._role = mailbox, client, folder, role
        self._uids, self._want_body, self._stats = uids, want_body, stats
        self._uidvalidity = uidvalidity
        self._all: list[FetchedMessage] | None = None
        self._started = False

    def __len__(self) -> int:
        return len(self._uids)

    def __iter__(self) -> Iterator[FetchedMessage]:
        if self._all is not None:
            return iter(self._all)
        return self._stream()

    def __contains__(self, item: object) -> bool:
        return any(message is item for message in self._materialised())

    def __getitem__(self, index: int) -> FetchedMessage:
        return self._materialised()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, _StreamedMessages)):
            return self._materialised() == list(other)
        return NotImplemented

    __hash__ = object.__hash__  # kept in the mailbox's set of open results

    def _materialised(self) -> list[FetchedMessage]:
        """Every message at once (for indexing and comparing: tests, small folders)."""
        if self._all is None:
            self._all = list(self._stream())
        return self._all

    def settle(self) -> None:
        """Before the connection closes: read it all now unless iterating has begun."""
        if self._all is None and not self._started:
            self._materialised()

    def _stream(self) -> Iterator[FetchedMessage]:
        self._started = True
        for chunk in chunked(self._uids, FETCH_CHUNK):
            yield from self._mailbox._with_retry(f"reading {self._folder}",
                                                 partial(self._chunk, uids=chunk))

    def _chunk(self, client: IMAPClient, uids: list[int]) -> list[FetchedMessage]:
        mailbox, folder = self._mailbox, self._folder
        if client is not self._client:  # a new connection: open the folder again
            if mailbox._examine(client, folder).get(b"UIDVALIDITY") != self._uidvalidity:
                raise BackendError(f"{folder} was recreated during the scan; the next scan "
                                   f"reads it again")
            self._client = client
        items = SUMMARY_ITEMS + (GMAIL_ITEMS if "X-GM-EXT-1" in mailbox._capabilities else [])
        summaries: dict[int, MessageSummary] = {}
        for uid, entry in mailbox._fetch_tolerant(client, uids, items, folder).items():
            built = summarise(mailbox.name, folder, self._role, uid, entry)
            if built is not None:
                summaries[uid] = built

        def fetch(wanted: list[int], body_items: list[str]) -> dict[int, dict[bytes, Any]]:
            return mailbox._fetch_tolerant(client, wanted, body_items, folder)

        bodies = fetch_bodies(mailbox.name, folder, fetch, summaries, self._want_body,
                              mailbox._max_message_bytes, self._stats)
        return [FetchedMessage(summaries[uid], bodies.get(uid)) for uid in sorted(summaries)]
