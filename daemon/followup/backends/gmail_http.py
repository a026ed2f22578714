"""The HTTP transport of the Gmail backend: httplib2 that never re-sends a POST by itself,
a meter that keeps the backend under Gmail's per-user quota rate, and the two failure
types the backend's retry logic speaks in.

Why a transport of our own: httplib2 quietly sends a request a second time when the first
answer fails to arrive with a `BadStatusLine` (which includes `RemoteDisconnected`, the
server closing the connection before its status line). For a GET that is harmless; for
`drafts.create` it is a duplicate draft when Gmail had stored the first one. `NoResendHttp`
keeps httplib2's behaviour for GET and HEAD and turns that case into `ResponseLost` for any
other method, so the backend sees an uncertain failure and looks the draft up before it
creates it again.
"""

from __future__ import annotations

import http.client
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import httplib2

from followup.errors import BackendError

SAFE_METHODS = frozenset({"GET", "HEAD"})
QUOTA_PER_MINUTE = 12_000  # Gmail allows 15,000 units per user per minute; keep a margin
QUOTA_WINDOW = 60.0


class GmailApiError(BackendError):
    """Gmail answered a request with an error that retrying will not fix."""

    def __init__(self, message: str, status: int, reason: str | None) -> None:
        super().__init__(message)
        self.status, self.reason = status, reason


class RetryableFailure(Exception):
    """A failure worth another try. `uncertain`: the server may have acted on the request
    (connection lost, timeout, 5xx); otherwise it certainly did not (429, rate-limit 403)."""

    def __init__(self, error: Exception, retry_after: float | None, uncertain: bool) -> None:
        super().__init__(str(error))
        self.error, self.retry_after, self.uncertain = error, retry_after, uncertain


class ResponseLost(ConnectionError):
    """The connection closed before the response to a non-idempotent request arrived: the
    server may or may not have acted on it."""


class NoResendHttp(httplib2.Http):
    """`httplib2.Http` that never re-sends a POST, PUT, PATCH or DELETE on its own."""

    def _conn_request(self, conn: Any, request_uri: str, method: str, body: Any,
                      headers: Any) -> Any:
        if method.upper() in SAFE_METHODS:
            return super()._conn_request(conn, request_uri, method, body, headers)
        original = conn.getresponse

        def getresponse(*args: Any, **kwargs: Any) -> Any:
            try:
                return original(*args, **kwargs)
            except (http.client.BadStatusLine, http.client.ResponseNotReady) as error:
                # httplib2 would reconnect and send the request again; an OSError that is
                # not a BadStatusLine makes it give up and raise instead.
                raise ResponseLost(f"{method} {request_uri}: connection closed before the "
                                   f"response ({type(error).__name__})") from error

        conn.getresponse = getresponse
        try:
            return super()._conn_request(conn, request_uri, method, body, headers)
        finally:
            conn.getresponse = original


class QuotaMeter:
    """Counts quota units and waits before a call that would pass `per_minute` units within
    any `window` seconds. `clock` and `sleep` are injectable for tests."""

    def __init__(self, units: dict[str, int], *, per_minute: int = QUOTA_PER_MINUTE,
                 window: float = QUOTA_WINDOW, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._units = units
        self._per_minute = per_minute
        self._window = window
        self._clock = clock
        self._sleep = sleep
        self._recent: deque[tuple[float, int]] = deque()
        self.spent = 0

    def cost(self, method_ids: Iterable[str]) -> int:
        return sum(self._units.get(method_id, 5) for method_id in method_ids)

    def spend(self, method_ids: Iterable[str]) -> None:
        """Record the cost of calls about to be made, waiting first if the rate needs it."""
        units = self.cost(method_ids)
        now = self._clock()
        while self._recent and self._recent[0][0] <= now - self._window:
            self._recent.popleft()
        in_window = sum(spent for _, spent in self._recent)
        while self._recent and in_window + units > self._per_minute:
            oldest, oldest_units = self._recent.popleft()
            wait = oldest + self._window - now
            if wait > 0:
                self._sleep(wait)
                now += wait
            in_window -= oldest_units
        self._recent.append((now, units))
        self.spent += units


class GmailCalls(ABC):
    """What the sync and drafts halves of `gmail.GmailMailbox` need from it: the guarded
    request builder and the executors (the only code that touches googleapiclient)."""

    name: str
    _attempts: int

    @abstractmethod
    def _request(self, method: str, **params: Any) -> Any:
        """The request for an allowed method; raises NotAllowed for any other."""

    @abstractmethod
    def _once(self, request: Any, what: str) -> Any:
        """Execute once; raises RetryableFailure or a followup error."""

    @abstractmethod
    def _execute(self, request: Any, what: str) -> Any:
        """Execute a read, retrying what is worth retrying."""

    @abstractmethod
    def _batch(self, requests: dict[str, Any], what: str, *,
               skip_errors: bool = False) -> dict[str, Any]:
        """Execute reads batched; {key: response or None (404, or skipped)}."""

    @abstractmethod
    def _pause(self, attempt: int, retry_after: float | None, what: str) -> None:
        """Sleep the back-off before try `attempt + 1`."""
