"""The Gmail API backend: `GmailMailbox`, the only module of followup that imports
googleapiclient. Reading lives in `gmail_sync`, drafts in `gmail_drafts` (mixins that go
through this module's guarded request builder and executors), tokens in `gmail_auth`.

Least privilege by construction. Every request is built by `_request`, which refuses any
method outside `ALLOWED` (reads, `drafts.create`, `drafts.list/get`): nothing here can send,
delete, trash, relabel or update mail, and the OAuth scopes (`gmail_auth.SCOPES`) are
`gmail.readonly` + `gmail.compose` only.

Folders are labels: sent = `SENT`, drafts = `DRAFT`; the inbox is every message received
(archived or filtered past the inbox too; `folders.inbox` may name a label instead). Cursor
(JSON, one per role)::

    {"version": 1, "kind": "gmail", "history_id": "123456", "role": "inbox"}

with `"pending": [ids]` while a scan that stopped part-way still has messages to read.

A first scan (or one after the history id expired or turned out to be ahead of the
mailbox: `reset` is True) lists the look-back window with `messages.list`; later scans ask
`history.list`, without a label filter, for messages added (or sent, or rescued from spam)
since the stored id. Before that, one `history.list` tells whether anything at all changed;
a poll with nothing new is that one request (2 quota units) for INBOX, Sent and the draft
ledger together. New messages are read in two phases, batched (≤ 20 calls per HTTP
request: Gmail refuses more concurrent calls per user): headers first
(`format=metadata`), then `format=raw` only for those the caller wants; attachments are
dropped before the caller sees the message.

Reads are retried with jittered exponential back-off that honours Retry-After up to a
minute (429, 5xx, rate-limit 403s; batch items one by one); a longer Retry-After ends the
pass. A 403 that no new authorisation cures (API disabled, daily limit, domain policy) says
what does; a refused token pauses the account until the token file changes. `drafts.create` is never retried blindly: after an
uncertain failure the draft is looked up by its Message-ID first.

Draft ids are Gmail draft ids; they survive the user's edits (the message inside gets a new
id, which is what `draft_fingerprint` watches).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any, Self

import httplib2
from google.auth.exceptions import RefreshError, TransportError
from google_auth_httplib2 import AuthorizedHttp
from googleapiclient.discovery import build
from googleapiclient.errors import Error as GoogleApiClientError
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest

from followup.backends.base import Mailbox
from followup.backends.gmail_auth import (
    AuthorisationRefused,
    auth_error,
    fresh_credentials,
    reauthorise_hint,
    refused_before,
    remember_refusal,
    save_token,
    token_path,
)
from followup.backends.gmail_drafts import DraftBook, GmailDrafts
from followup.backends.gmail_http import (
    GmailApiError,
    NoResendHttp,
    QuotaMeter,
    RetryableFailure,
)
from followup.backends.gmail_messages import (
    MAX_RETRY_AFTER,
    QUOTA_UNITS,
    backoff_delay,
    error_message,
    error_reason,
    is_retryable,
    retry_after_seconds,
)
from followup.backends.gmail_sync import BATCH_SIZE, GmailSync
from followup.config_model import AccountConfig, Config
from followup.errors import AuthenticationError, BackendError, ConnectionLost, FollowupError

logger = logging.getLogger(__name__)

ALLOWED = frozenset({
    "gmail.users.getProfile",
    "gmail.users.labels.list",
    "gmail.users.messages.list",
    "gmail.users.messages.get",
    "gmail.users.history.list",
    "gmail.users.threads.get",
    "gmail.users.drafts.create",
    "gmail.users.drafts.list",
    "gmail.users.drafts.get",
})
ATTEMPTS = 5
# The 403s that no new authorisation cures, and what does (developers.google.com/workspace/
# gmail/api/guides/handle-errors: "Resolve a 403 error"; accessNotConfigured is what Google
# answers while the Gmail API is off in the OAuth client's Cloud project).
FORBIDDEN_ADVICE = {
    "accessNotConfigured": "the Gmail API is not enabled in the Google Cloud project of your "
                           "OAuth client: enable it (APIs & Services > Library > Gmail API), "
                           "wait a few minutes, and the next pass goes on",
    "dailyLimitExceeded": "the Cloud project's daily Gmail quota is used up; it is reset at "
                          "midnight Pacific Time, and the next pass after that goes on",
    "domainPolicy": "your Google Workspace administrator does not let apps use Gmail for this "
                    "domain: ask them to trust your OAuth client (Admin console > Security > "
                    "API controls), or use the IMAP backend",
}


class NotAllowed(BackendError):
    """A request outside `ALLOWED` was attempted: a bug, never a user error."""


class GmailMailbox(GmailSync, GmailDrafts, Mailbox):
    """One Gmail account through the Gmail API; see the module docstring."""

    def __init__(self, account: AccountConfig, config: Config, *,
                 http: httplib2.Http | None = None, sleep: Callable[[float], None] = time.sleep,
                 api_root: str | None = None, token_uri: str | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 jitter: Callable[[], float] = random.random, attempts: int = ATTEMPTS) -> None:
        """`http` replaces the authorised transport (no token is then read); `api_root` and
        `token_uri` point the API and the token refresh elsewhere (tests, a fake server);
        `sleep`, `clock` and `jitter` drive back-off and the quota meter."""
        self.name = account.name
        self._account, self._config = account, config
        self._http, self._api_root, self._token_uri = http, api_root, token_uri
        self._sleep, self._jitter, self._attempts = sleep, jitter, attempts
        self._meter = QuotaMeter(QUOTA_UNITS, clock=clock, sleep=sleep)
        self._max_message_bytes = config.scan.max_message_bytes
        self._service: Any = None
        self._credentials: Any = None
        self._saved_token: str | None = None
        self._labels: dict[str, str] | None = None
        self._inbox_name = account.folders.inbox
        self._fingerprints: dict[str, str | None] = {}
        try:
            token = token_path(account, config)
            self._book = DraftBook(token.with_name(f"gmail-{account.name}-drafts.json"))
        except FollowupError:  # no state directory and no token file: nowhere to keep it
            self._book = DraftBook(None)
        self._quiet_since: int | None = None
        self._busy_since: int | None = None
        self._history_now: int | None = None
        self._address: str | None = None
        self.round_trips = 0

    # -- connection ------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self.open()
        return self

    def open(self) -> None:
        """Load (and if needed refresh) the token, and build the service from the discovery
        document shipped with googleapiclient (no network unless a refresh is due)."""
        # What a session heard of the mailbox's history is its own.
        self._quiet_since = self._busy_since = self._history_now = None
        self._address = None
        self._fingerprints = {}
        http = self._http
        if http is None:
            path = token_path(self._account, self._config)
            if refused_before(path):
                # Google refused this very token before: asking again every pass changes
                # nothing until the user authorises anew (the token file then changes).
                raise AuthorisationRefused(self.name, paused=True)
            transport = NoResendHttp(timeout=self._account.read_timeout)
            try:
                self._credentials = fresh_credentials(path, self.name, http=transport,
                                                      token_uri=self._token_uri)
            except AuthorisationRefused:
                remember_refusal(path)
                raise
            self._saved_token = self._credentials.token
            http = AuthorizedHttp(self._credentials, http=NoResendHttp(
                timeout=self._account.read_timeout))
        options = {"api_endpoint": self._api_root} if self._api_root else None
        try:
            self._service = build("gmail", "v1", http=http, static_discovery=True,
                                  cache_discovery=False, client_options=options)
        except GoogleApiClientError as error:  # the packaged discovery document is missing
            raise BackendError(f"account {self.name}: google-api-python-client has no Gmail "
                               f"v1 description ({error}); reinstall it") from error

    def close(self) -> None:
        """Save a token refreshed during the session; never raises."""
        try:
            if self._credentials is not None and self._credentials.token != self._saved_token:
                save_token(token_path(self._account, self._config), self._credentials)
                self._saved_token = self._credentials.token
        except Exception as error:  # noqa: BLE001 - close never raises
            logger.warning("%s: could not save the refreshed Gmail token: %s", self.name,
                           type(error).__name__)
        self._service = None

    # -- the one way to build a request ------------------------------------------------------

    def _request(self, method: str, **params: Any) -> HttpRequest:
        """The request for `method` ("users.messages.list", ...); refuses anything outside
        `ALLOWED`, before and after building it."""
        method_id = f"gmail.{method}"
        if method_id not in ALLOWED:
            raise NotAllowed(f"followup never calls {method_id}")
        if self._service is None:
            self.open()
        target = self._service
        *resources, name = method.split(".")
        for resource in resources:
            target = getattr(target, resource)()
        request = getattr(target, name)(**params)
        if request.methodId not in ALLOWED:
            raise NotAllowed(f"followup never calls {request.methodId}")
        return request

    def _new_batch(self) -> BatchHttpRequest:
        if self._service is None:
            self.open()
        if self._api_root:
            return BatchHttpRequest(batch_uri=self._api_root.rstrip("/") + "/batch/gmail/v1")
        return self._service.new_batch_http_request()

    # -- execution, retries ------------------------------------------------------------------

    def _classify(self, error: Exception, what: str) -> Exception:
        """`RetryableFailure` for a failure worth another try, else the followup error to raise."""
        if isinstance(error, HttpError):
            status, reason = error.status_code, error_reason(error.content)
            if is_retryable(status, reason):
                retry_after = retry_after_seconds(error.resp.get("retry-after"))
                failure = GmailApiError(f"{what}: Gmail answered {status} ({reason})",
                                        status, reason)
                return RetryableFailure(failure, retry_after, uncertain=status >= 500)
            if status == 403 and reason in FORBIDDEN_ADVICE:
                return GmailApiError(
                    f"account {self.name}: Gmail refused {what} ({reason}: "
                    f"{error_message(error.content)}); {FORBIDDEN_ADVICE[reason]}",
                    status, reason)
            if status in (401, 403):
                return AuthenticationError(
                    f"account {self.name}: Gmail refused {what} ({status} {reason}); "
                    f"{reauthorise_hint(self.name)} and grant both permissions")
            return GmailApiError(f"{what}: Gmail answered {status} ({reason})", status, reason)
        if isinstance(error, RefreshError):
            refused = auth_error(error, self.name)
            if isinstance(refused, AuthorisationRefused) and self._http is None:
                remember_refusal(token_path(self._account, self._config))
            return refused
        if isinstance(error, (OSError, httplib2.HttpLib2Error, TransportError)):
            lost = ConnectionLost(f"{what}: connection to Gmail failed "
                                  f"({type(error).__name__})")
            return RetryableFailure(lost, None, uncertain=True)
        if isinstance(error, GoogleApiClientError):  # e.g. a malformed batch response
            garbled = BackendError(f"{what}: unreadable answer from Gmail ({error})")
            return RetryableFailure(garbled, None, uncertain=True)
        return error

    def _pause(self, attempt: int, retry_after: float | None, what: str) -> None:
        """Sleep the back-off before the next try; raises GmailApiError instead when Gmail
        asks for a wait longer than `MAX_RETRY_AFTER` (the pass ends; the next resumes)."""
        if retry_after is not None and retry_after > MAX_RETRY_AFTER:
            raise GmailApiError(f"{what}; Gmail asked to wait {retry_after:.0f} s, longer than "
                                f"a pass waits ({MAX_RETRY_AFTER:.0f} s): trying again at the "
                                "next pass", 429, "retryAfter")
        delay = backoff_delay(attempt, retry_after, jitter=self._jitter)
        logger.info("%s: %s; trying again in %.1f s", self.name, what, delay)
        self._sleep(delay)

    def _once(self, request: HttpRequest, what: str) -> Any:
        """Execute once (never with num_retries); raises `RetryableFailure` or a followup error."""
        self._meter.spend([request.methodId])
        self.round_trips += 1
        try:
            return request.execute()
        except Exception as error:
            raise self._classify(error, what) from error

    def _execute(self, request: HttpRequest, what: str) -> Any:
        """Execute a read, retrying what is worth retrying."""
        for attempt in range(1, self._attempts + 1):
            try:
                return self._once(request, what)
            except RetryableFailure as failure:
                if attempt == self._attempts:
                    raise failure.error from None
                self._pause(attempt, failure.retry_after, str(failure.error))
        raise AssertionError("unreachable")

    def _batch(self, requests: dict[str, HttpRequest], what: str, *,
               skip_errors: bool = False) -> dict[str, Any]:
        """Execute reads in batches of ≤ BATCH_SIZE; {key: response}, None where Gmail answered
        404 (or any non-retryable error when `skip_errors`). Items Gmail refused are retried
        on their own (the library does not retry batch items)."""
        if len(requests) == 1:  # one call needs no multipart envelope
            (key, request), = requests.items()
            try:
                return {key: self._execute(request, what)}
            except GmailApiError as error:
                if error.status != 404 and not skip_errors:
                    raise
                if error.status != 404:
                    logger.warning("%s: skipping %s: %s", self.name, key, error)
                return {key: None}
        results: dict[str, Any] = {}
        keys = list(requests)
        for start in range(0, len(keys), BATCH_SIZE):
            chunk = {key: requests[key] for key in keys[start:start + BATCH_SIZE]}
            results.update(self._batch_chunk(chunk, what, skip_errors))
        return results

    def _batch_chunk(self, pending: dict[str, HttpRequest], what: str,
                     skip_errors: bool) -> dict[str, Any]:
        results: dict[str, Any] = {}
        for attempt in range(1, self._attempts + 1):
            try:
                outcome = self._batch_once(pending)
            except RetryableFailure as batch_failure:
                if attempt == self._attempts:
                    raise batch_failure.error from None
                self._pause(attempt, batch_failure.retry_after, str(batch_failure.error))
                continue
            retry: dict[str, HttpRequest] = {}
            retry_after: float | None = None
            for key, (response, item_error) in outcome.items():
                if item_error is None:
                    results[key] = response
                    continue
                failure = self._classify(item_error, f"{what} ({key})")
                if isinstance(failure, RetryableFailure):
                    retry[key] = pending[key]
                    if failure.retry_after is not None:
                        retry_after = max(retry_after or 0.0, failure.retry_after)
                elif isinstance(failure, GmailApiError) and (failure.status == 404
                                                             or skip_errors):
                    if failure.status != 404:
                        logger.warning("%s: skipping %s: %s", self.name, key, failure)
                    results[key] = None
                else:
                    raise failure from item_error
            if not retry:
                return results
            if attempt < self._attempts:
                self._pause(attempt, retry_after, f"{what}: {len(retry)} item(s) refused")
            pending = retry
        raise ConnectionLost(f"{what}: Gmail kept refusing {len(pending)} request(s); "
                             "try later")

    def _batch_once(self, pending: dict[str, HttpRequest]
                    ) -> dict[str, tuple[Any, Exception | None]]:
        """One batch HTTP request: {key: (response, error)}. Raises RetryableFailure or a
        followup error when the whole batch failed."""
        outcome: dict[str, tuple[Any, Exception | None]] = {}
        order = list(pending)  # short request ids: keys may be long Message-IDs

        def collect(index: str, response: Any, error: Exception | None) -> None:
            outcome[order[int(index)]] = (response, error)

        batch = self._new_batch()
        for index, key in enumerate(order):
            batch.add(pending[key], request_id=str(index), callback=collect)
        self._meter.spend(request.methodId for request in pending.values())
        self.round_trips += 1
        try:
            batch.execute()
        except Exception as error:
            raise self._classify(error, "a batch request") from error
        return outcome
