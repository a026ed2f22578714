"""Per-account health for the daemon: one log line per change of state, not per retry.

An account is `ok`, or failing with one of three problems: `connection` (network down,
server restarting, DNS), `login` (the server refused the credentials), `error` (anything
else a retry may cure: a missing folder, a password file removed, ...). The IDLE watcher
and the passes both report here; only a change is logged::

    personal: connection lost (cannot talk to imap.example.org:993 (...)); retrying with backoff
    personal: reconnected

While an account is failing, the per-pass error line of the runner and the per-attempt
"reconnecting" warnings of the IMAP backend are routed here (`RetryNoiseFilter`) and are
shown only with `-v`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from followup.errors import AuthenticationError, ConnectionLost, FollowupError

log = logging.getLogger("followup.service")

CONNECTIVITY = ("connection", "login")


def problem_of(error: BaseException) -> str:
    """The kind of problem an error is: connection, login or error."""
    if isinstance(error, AuthenticationError):
        return "login"
    if isinstance(error, ConnectionLost):
        return "connection"
    return "error"


class AccountHealth:
    """Thread-safe account states; logs a line only when an account's state changes."""

    def __init__(self, accounts: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._problems: dict[str, tuple[str, str]] = {}  # account -> (kind, message)
        self._known = set(accounts)

    def track(self, accounts: Iterable[str]) -> None:
        """The accounts the current configuration has (after a reload, too)."""
        with self._lock:
            self._known = set(accounts)
            for name in list(self._problems):
                if name not in self._known:
                    del self._problems[name]

    def knows(self, account: str) -> bool:
        with self._lock:
            return account in self._known

    def failed(self, account: str, error: BaseException) -> bool:
        """Record a failure. Logs (and returns True) only if the account was not already
        failing the same way."""
        kind = problem_of(error)
        message = str(error).replace("\n", "; ")
        with self._lock:
            previous = self._problems.get(account)
            self._problems[account] = (kind, message)
        if previous is not None and previous[0] == kind:
            log.debug("%s: still failing: %s", account, message)
            return False
        if kind == "connection":
            log.warning("%s: connection lost (%s); retrying with backoff", account, message)
        elif kind == "login":
            log.error("%s: login refused (%s); retrying with backoff until it is accepted",
                      account, message)
        else:
            log.error("%s: %s; retrying with backoff", account, message)
        return True

    def recovered(self, account: str, connectivity_only: bool = False) -> bool:
        """Record a success. Logs (and returns True) if the account was failing.

        `connectivity_only`: the success proves only that connecting and logging in work
        (the IDLE connection), so only a connection or login problem is cleared.
        """
        with self._lock:
            previous = self._problems.get(account)
            if previous is None or (connectivity_only and previous[0] not in CONNECTIVITY):
                return False
            del self._problems[account]
        if previous[0] in CONNECTIVITY:
            log.info("%s: reconnected", account)
        else:
            log.info("%s: working again", account)
        return True

    def problems(self) -> dict[str, str]:
        """{account: short description} of the failing accounts, for the status line."""
        names = {"connection": "connection lost", "login": "login refused",
                 "error": "failing"}
        with self._lock:
            return {account: names[kind] for account, (kind, _) in self._problems.items()}


class RetryNoiseFilter(logging.Filter):
    """Routes the runner's per-pass account errors into `AccountHealth` (which logs once
    per change) and shows the IMAP backend's per-attempt retry warnings only with -v.

    Attach to the `followup.runner` and `followup.backends.imap` loggers while the daemon
    runs; `detach()` removes it.
    """

    LOGGERS = ("followup.runner", "followup.backends.imap")

    def __init__(self, health: AccountHealth) -> None:
        super().__init__()
        self._health = health

    def attach(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).addFilter(self)

    def detach(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if (record.name == "followup.runner" and record.levelno >= logging.ERROR
                and record.msg == "%s: %s" and len(args) == 2
                and isinstance(args[1], FollowupError) and self._health.knows(str(args[0]))):
            self._health.failed(str(args[0]), args[1])
            return False
        if record.name == "followup.backends.imap" and "reconnecting in" in str(record.msg):
            return _demoted(record)
        return True


def _demoted(record: logging.LogRecord) -> bool:
    """Show `record` as a debug line, and only when debug lines are shown."""
    if not logging.getLogger("followup").isEnabledFor(logging.DEBUG):
        return False
    record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    return True
