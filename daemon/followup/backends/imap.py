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
learns from one chunk decides which bodies of the next are read. `drafts_state` is the
STATUS of Drafts, which tells the draft ledger whether anything there changed.

Draft ids are `"<uidvalidity>:<uid>"` of the draft in Drafts, so an id from before Drafts
was recreated is never mistaken for another message.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import random
import ssl
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import (
    CapabilityError,
    IMAPClientAbortError,
    IMAPClientError,
    LoginError,
    ProtocolError,
)
from imapclient.imapclient import DRAFT, SEEN

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
    AuthenticationError,
    BackendError,
    ConnectionLost,
    FolderNotFound,
    FollowupError,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
ClientFactory = Callable[[AccountConfig, "ssl.SSLContext | None"], IMAPClient]

CURSOR_VERSION = 1
SEARCH_OR_CHUNK = 25  # Message-IDs per OR-chained SEARCH
# IDLE is renewed well before the 29 minutes of RFC 2177: Gmail is reported to drop at ~10.
IDLE_RENEW_SECONDS = 540.0
IDLE_DONE_TIMEOUT = 5.0  # seconds to wait for the server to end IDLE before giving up


def default_client_factory(account: AccountConfig, context: ssl.SSLContext | None) -> IMAPClient:
    """An IMAPClient connected (implicit TLS or plain) but not logged in."""
    if not account.host:
        raise BackendError(f"account {account.name!r}: no host set")
    return IMAPClient(
        account.host, port=account.effective_port, ssl=account.tls == "implicit",
        ssl_context=context if account.tls == "implicit" else None,
        timeout=SocketTimeout(connect=account.connect_timeout, read=account.read_timeout))


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _message_id_criteria(message_ids: list[str]) -> str:
    """`OR HEADER Message-ID "<a>" OR ... HEADER Message-ID "<z>"` (one raw criteria string)."""
    keys = [f"HEADER Message-ID {_quote(message_id)}" for message_id in message_ids]
    criteria = keys[-1]
    for key in reversed(keys[:-1]):
        criteria = f"OR {key} {criteria}"
    return f"NOT DELETED {criteria}"


class ImapMailbox(Mailbox):
    """One IMAP account. `secret` is the password, or the OAuth2 access token for
    `auth: xoauth2`.

    `client_factory(account, ssl_context)` returns a connected, not yet authenticated
    IMAPClient (tests wrap it); `sleep` and `jitter` (returning 0..1) drive the reconnect
    back-off; `attempts` bounds tries per operation; bodies bigger than
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
        self.name = account.name
        self._account = account
        self._secret = secret
        self._client_factory = client_factory or default_client_factory
        self._sleep = sleep
        self._jitter = jitter
        self._attempts = max(1, attempts)
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._max_message_bytes = max_message_bytes
        # An APPEND's answer comes after the whole literal is stored: give it longer.
        self._append_timeout = append_timeout or max(60.0, 2 * account.read_timeout)
        self._confirm_tries = max(1, confirm_tries)
        self._confirm_wait = confirm_wait
        self._client: IMAPClient | None = None
        self._capabilities: frozenset[str] = frozenset()
        self._listing: list[ListedFolder] | None = None
        self._resolved: dict[str, str] = {}
        self._idle_since: float | None = None  # monotonic time IDLE began, None if not idling
        self._condstore_enabled: weakref.WeakSet[IMAPClient] = weakref.WeakSet()
        self._streams: weakref.WeakSet[_StreamedMessages] = weakref.WeakSet()
        self.idle_renew_seconds = IDLE_RENEW_SECONDS

    @property
    def _where(self) -> str:
        return f"{self._account.host}:{self._account.effective_port}"

    # -- connection ----------------------------------------------------------------------

    def open(self) -> None:
        if self._client is None:
            self._client = self._connect()

    def close(self) -> None:
        for stream in list(self._streams):  # results not iterated yet are read before logout
            stream.settle()
        client, self._client = self._client, None
        if client is None:
            return
        if self._idle_since is not None:
            self._idle_since = None
            if not self._end_idle(client):
                self._shutdown(client)
                return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - close never raises; the socket may be dead
            self._shutdown(client)

    # -- push: IMAP IDLE on the inbox ----------------------------------------------------

    @property
    def supports_push(self) -> bool:
        return "IDLE" in self._capabilities

    def wait_for_change(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds in IDLE on the inbox; True if new mail arrived (EXISTS).

        Meant for a connection of its own, called in a loop with short timeouts so that the
        caller can stop at once: the connection stays in IDLE between calls and IDLE is
        renewed every `idle_renew_seconds`. A BYE, or an early empty return of `idle_check`
        (the socket was closed: imapclient #565), raises ConnectionLost, as do socket errors
        and read timeouts; the connection is then dropped and `open()` makes a new one.
        """
        if not self.supports_push:
            return super().wait_for_change(timeout)
        self.open()
        assert self._client is not None
        client = self._client
        try:
            with self._errors(f"waiting for new mail in {self._account.folders.inbox}"):
                changed = False
                if self._idle_since is None:
                    self._examine(client, self._account.folders.inbox)
                    client.idle()
                    self._idle_since = time.monotonic()
                elif time.monotonic() - self._idle_since >= self.idle_renew_seconds:
                    self._idle_since = None
                    client.socket().settimeout(IDLE_DONE_TIMEOUT)
                    _, responses = client.idle_done()
                    client.socket().settimeout(self._account.read_timeout)
                    changed = self._announces_new_mail(responses)
                    client.idle()
                    self._idle_since = time.monotonic()
                    logger.debug("%s: IDLE renewed", self.name)
                began = time.monotonic()
                responses = client.idle_check(timeout=max(0.0, timeout))
                elapsed = time.monotonic() - began
        except ConnectionLost:
            self._drop_idle_connection()
            raise
        if not responses and timeout > 0.2 and elapsed < timeout / 2:
            self._drop_idle_connection()
            raise ConnectionLost(f"{self._where} closed the connection while idling")
        return self._announces_new_mail(responses) or changed

    def _announces_new_mail(self, responses: Iterable[Any]) -> bool:
        """True if `responses` hold EXISTS; raises ConnectionLost on BYE."""
        changed = False
        for response in responses:
            if not isinstance(response, tuple) or len(response) < 2:
                continue
            if _text(response[0]).upper() == "BYE":
                self._drop_idle_connection()
                said = " ".join(_text(part) for part in response[1:]).strip()
                raise ConnectionLost(f"{self._where} ended the session ({said})")
            if _text(response[1]).upper() == "EXISTS":
                changed = True
        return changed

    def _drop_idle_connection(self) -> None:
        self._idle_since = None
        self._shutdown(self._client)
        self._client = None

    def _end_idle(self, client: IMAPClient) -> bool:
        """Send DONE with a short read timeout (a dead server must not hang a shutdown:
        imapclient #449). True if the server answered."""
        try:
            client.socket().settimeout(IDLE_DONE_TIMEOUT)
            client.idle_done()
            return True
        except Exception:  # noqa: BLE001 - the connection is being closed anyway
            return False

    @staticmethod
    def _shutdown(client: IMAPClient | None) -> None:
        if client is not None:
            try:
                client.shutdown()
            except Exception:  # noqa: BLE001, S110 - already closed is fine
                pass

    def _ssl_context(self) -> ssl.SSLContext | None:
        account = self._account
        if account.tls == "none":
            host = (account.host or "").strip("[]")
            loopback = host == "localhost"
            try:
                loopback = loopback or ipaddress.ip_address(host).is_loopback
            except ValueError:
                pass
            if not loopback:
                raise BackendError(f"account {account.name!r}: tls: none is allowed only for a "
                                   f"loopback host, not {account.host}")
            return None
        cafile = str(account.ca_file.expanduser()) if account.ca_file else None
        try:
            return ssl.create_default_context(cafile=cafile)
        except (OSError, ssl.SSLError) as error:
            raise BackendError(f"account {account.name!r}: cannot load ca_file {cafile}: "
                               f"{error}") from error

    def _connect(self) -> IMAPClient:
        """Connect, STARTTLS if asked, log in, enable CONDSTORE. Raises FollowupError kinds."""
        account = self._account
        context = self._ssl_context()
        client: IMAPClient | None = None
        capabilities: frozenset[str] = frozenset()
        with self._errors("connecting", connecting=True):
            try:
                client = self._client_factory(account, context)
                if account.tls == "starttls":
                    client.starttls(context)
                if account.auth == "xoauth2":
                    client.oauth2_login(account.username, self._secret)
                else:
                    client.login(account.username, self._secret)
                client.normalise_times = False
                capabilities = frozenset(_text(c).upper() for c in client.capabilities())
            except BaseException:
                self._shutdown(client)
                raise
        self._capabilities = capabilities
        logger.debug("%s: logged in to %s", self.name, self._where)
        return client

    def _login_refused(self) -> str:
        what = ("check the OAuth2 token (Gmail needs the https://mail.google.com/ scope)"
                if self._account.auth == "xoauth2" else
                "check password_file / app password")
        return (f"{self._account.host} refused the login for user {self._account.username}: "
                f"{what}")

    @contextmanager
    def _errors(self, action: str, connecting: bool = False) -> Iterator[None]:
        """Translate imapclient, socket and TLS errors into followup's error kinds."""
        try:
            yield
        except FollowupError:
            raise
        except LoginError:
            raise AuthenticationError(self._login_refused()) from None
        except ssl.SSLCertVerificationError as error:
            raise BackendError(
                f"the TLS certificate of {self._where} could not be verified "
                f"({error.verify_message}); if the server uses a self-signed or private-CA "
                f"certificate, set ca_file to that certificate (PEM)") from error
        except (ssl.SSLEOFError, ssl.SSLZeroReturnError) as error:
            raise ConnectionLost(f"{action}: TLS connection to {self._where} closed") from error
        except ssl.SSLError as error:
            if connecting:
                raise BackendError(
                    f"TLS with {self._where} failed ({error.reason or error}): check port and "
                    f"tls (implicit is usual on 993, starttls on 143)") from error
            raise ConnectionLost(f"{action}: TLS error with {self._where}: {error}") from error
        except CapabilityError as error:
            raise BackendError(f"{self._where}: {error}") from error
        except IMAPClientAbortError as error:
            raise ConnectionLost(f"{action}: connection to {self._where} lost ({error})") from error
        except (OSError, EOFError) as error:
            raise ConnectionLost(f"{action}: cannot talk to {self._where} ({error})") from error
        except IMAPClientError as error:
            raise BackendError(f"{action} on {self._where} failed: {error}") from error

    def _backoff(self, attempt: int) -> float:
        delay = min(self._backoff_max, self._backoff_base * 2 ** (attempt - 1))
        return delay * (0.5 + 0.5 * self._jitter())

    def _lost(self, error: ConnectionLost, attempt: int) -> None:
        """Forget the dead connection; re-raise if out of attempts, else back off."""
        self._shutdown(self._client)
        self._client = None
        if attempt >= self._attempts:
            raise error
        delay = self._backoff(attempt)
        logger.warning("%s: %s; reconnecting in %.1f s (attempt %d of %d)",
                       self.name, error, delay, attempt + 1, self._attempts)
        self._sleep(delay)

    def _with_retry(self, action: str, operation: Callable[[IMAPClient], T]) -> T:
        """Run a read `operation`, reconnecting with jittered exponential back-off when the
        connection is lost, at most `attempts` times."""
        attempt = 0
        while True:
            try:
                if self._client is None:
                    self._client = self._connect()
                with self._errors(action):
                    return operation(self._client)
            except ConnectionLost as error:
                attempt += 1
                self._lost(error, attempt)

    # -- folders -------------------------------------------------------------------------

    def _list_folders(self, client: IMAPClient) -> list[ListedFolder]:
        return [ListedFolder(_text(name), _text(delimiter) if delimiter else None,
                             tuple(_text(flag) for flag in flags))
                for flags, delimiter, name in client.list_folders()]

    def _folder(self, role: str) -> str:
        """The server name of the folder for `role` ("inbox", "sent", "drafts")."""
        if role == "inbox":
            return self._account.folders.inbox
        if role not in self._resolved:
            if self._listing is None:
                self._listing = self._with_retry("listing folders", self._list_folders)
            override = getattr(self._account.folders, role)
            self._resolved[role] = find_folder(role, self._listing, override,
                                               self._account.host or "the server")
        return self._resolved[role]

    def folder_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        problems: list[str] = []
        for role in ("inbox", "sent", "drafts"):
            try:
                names[role] = self._folder(role)
            except FolderNotFound as error:
                problems.append(str(error))
        if problems:
            raise FolderNotFound("\n".join(problems))
        return names

    def _examine(self, client: IMAPClient, folder: str) -> dict[bytes, Any]:
        # ENABLE CONDSTORE (for HIGHESTMODSEQ) only on a connection that opens a folder:
        # a poll with nothing new never does, and saves the round trip.
        if {"CONDSTORE", "ENABLE"} <= self._capabilities and \
                client not in self._condstore_enabled:
            client.enable("CONDSTORE")
            self._condstore_enabled.add(client)
        try:
            return dict(client.select_folder(folder, readonly=True))
        except IMAPClientAbortError:
            raise
        except IMAPClientError as error:
            raise FolderNotFound(f"{self._account.host} cannot open folder {folder!r}: "
                                 f"{error}") from error

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

    def drafts_state(self, folder: str | None = None) -> dict[str, Any] | None:
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
        land after we gave up: PITFALLS.md); found, its id is returned; not found,
        AppendUncertain is raised and the caller decides on a later pass, from
        `removed_since`. `thread_id` is not used (IMAP threads by References/Subject).
        """
        if when.tzinfo is None:
            raise ValueError("append_draft needs a timezone-aware `when`")
        drafts = self._folder("drafts")
        message_id = normalise_message_id(message_id)
        attempt = 0
        while True:
            client = self._with_retry("connecting to append a draft", lambda client: client)
            watch = _LiteralWatch(client)
            try:
                with self._errors(f"appending a draft to {drafts}"):
                    response = self._append_once(client, drafts, raw, when, watch)
            except ConnectionLost as error:
                if watch.literal_started:
                    self._shutdown(self._client)
                    self._client = None
                    return self._confirm_append(drafts, message_id, error)
                attempt += 1  # the message never left: nothing can have been stored
                self._lost(error, attempt)
                continue
            break
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
