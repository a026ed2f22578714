"""The IMAP backend's connection: `ImapConnection` connects (TLS, STARTTLS, login,
CONDSTORE), translates imapclient's errors into followup's, runs every operation through the
one reconnect loop (`_with_retry`, jittered exponential back-off from `followup.backoff`),
finds the folders, and waits in IDLE for new mail. `imap.ImapMailbox` builds reading and
drafts on it, as `gmail.GmailMailbox` builds them on `gmail_http.GmailCalls`.
"""

from __future__ import annotations

import ipaddress
import logging
import random
import ssl
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import (
    CapabilityError,
    IMAPClientAbortError,
    IMAPClientError,
    LoginError,
)

from followup import backoff
from followup.backends.folders import ListedFolder, find_folder
from followup.config_model import AccountConfig
from followup.errors import (
    AuthenticationError,
    BackendError,
    ConnectionLost,
    FolderNotFound,
    FollowupError,
)

logger = logging.getLogger("followup.backends.imap")

T = TypeVar("T")
ClientFactory = Callable[[AccountConfig, "ssl.SSLContext | None"], IMAPClient]

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



class ImapConnection:
    """One IMAP account's connection. `secret` is the password, or the OAuth2 access token
    for `auth: xoauth2`.

    `client_factory(account, ssl_context)` returns a connected, not yet authenticated
    IMAPClient (tests wrap it); `sleep` and `jitter` (returning 0..1) drive the reconnect
    back-off; `attempts` bounds tries per operation.
    """

    name: str

    def __init__(self, account: AccountConfig, secret: str, *,
                 client_factory: ClientFactory | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random,
                 attempts: int = 4, backoff_base: float = 1.0, backoff_max: float = 60.0
                 ) -> None:
        self.name = account.name
        self._account = account
        self._secret = secret
        self._client_factory = client_factory or default_client_factory
        self._sleep = sleep
        self._jitter = jitter
        self._attempts = max(1, attempts)
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._client: IMAPClient | None = None
        self._capabilities: frozenset[str] = frozenset()
        self._listing: list[ListedFolder] | None = None
        self._resolved: dict[str, str] = {}
        self._idle_since: float | None = None  # monotonic time IDLE began, None if not idling
        self._condstore_enabled: weakref.WeakSet[IMAPClient] = weakref.WeakSet()
        self.idle_renew_seconds = IDLE_RENEW_SECONDS

    @property
    def _where(self) -> str:
        return f"{self._account.host}:{self._account.effective_port}"

    # -- connection ----------------------------------------------------------------------

    def _before_close(self) -> None:
        """What must still use the connection before it closes (the reading side's hook)."""

    def open(self) -> None:
        if self._client is None:
            self._client = self._connect()

    def close(self) -> None:
        self._before_close()
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
            time.sleep(max(0.0, timeout))  # no push: the Mailbox default
            return False
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
        """What to tell the user when the server refuses the login; `ImapMailbox` adds
        what to check."""
        return f"{self._account.host} refused the login for user {self._account.username}"

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
        return backoff.delay(attempt, base=self._backoff_base, maximum=self._backoff_max,
                             jitter=self._jitter)

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
        """Run `operation` on the connection, reconnecting with jittered exponential back-off
        when the connection is lost, at most `attempts` times: the one reconnect loop of
        the backend (reads, searches, APPEND)."""
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
