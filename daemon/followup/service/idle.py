"""Push wake-ups for the daemon: one thread per IMAP account, idling on its inbox.

Each `PushWatcher` holds a connection of its own (the passes use theirs), waits in IMAP
IDLE in short steps so that a stop is noticed within `check_seconds`, and calls
`on_new_mail(account)` when the server announces new mail. A lost connection is reported
to `AccountHealth` (one log line per change) and reopened after a jittered exponential
back-off; every reconnect after a failure also calls `on_new_mail`, since mail may have
arrived meanwhile, however the reconnects interleave with passes. Sent is not watched: it
is read by the regular polls.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from followup.backends.base import Mailbox
from followup.backoff import Backoff
from followup.errors import FollowupError
from followup.service.health import AccountHealth

log = logging.getLogger("followup.service")

STABLE_SECONDS = 60.0  # a connection that lived this long resets the back-off


class PushWatcher(threading.Thread):
    """Watches one account's inbox with IDLE until `stop()`.

    `open_mailbox()` returns a new, unopened mailbox of the account (it may raise
    FollowupError, e.g. when the password file is gone). If the server offers no push
    (`supports_push` is False after opening), the watcher logs that and ends: polling covers
    the account.
    """

    def __init__(self, account: str, open_mailbox: Callable[[], Mailbox],
                 on_new_mail: Callable[[str], None], health: AccountHealth, *,
                 backoff: Backoff, check_seconds: float = 1.0) -> None:
        super().__init__(name=f"idle-{account}", daemon=True)
        self.account = account
        self._open_mailbox = open_mailbox
        self._on_new_mail = on_new_mail
        self._health = health
        self._backoff = backoff
        self._check_seconds = check_seconds
        self._stopped = threading.Event()
        self._mailbox: Mailbox | None = None
        self._connected_at = 0.0  # monotonic time of the last successful open
        self._reconnected = False  # a connection was lost: the next open asks for a catch-up

    def stop(self) -> None:
        """Ask the thread to end; it does within `check_seconds` (plus closing)."""
        self._stopped.set()

    def run(self) -> None:
        announced = False
        try:
            while not self._stopped.is_set():
                try:
                    if self._mailbox is None:
                        self._mailbox = self._open_mailbox()
                        self._mailbox.open()
                        self._connected_at = time.monotonic()
                        if not self._mailbox.supports_push:
                            log.info("%s: the server offers no IDLE; new mail is found by "
                                     "polling", self.account)
                            return
                        if not announced:
                            log.info("%s: watching the inbox with IDLE", self.account)
                            announced = True
                        recovered = self._health.recovered(self.account,
                                                           connectivity_only=True)
                        if recovered or self._reconnected:
                            # What arrived while this connection was away: asked for after
                            # every reconnect, not only when the account was still marked
                            # failing (a pass may have reconnected first and cleared it,
                            # and then no catch-up came: issue 14, point 4).
                            self._reconnected = False
                            self._on_new_mail(self.account)
                    if self._mailbox.wait_for_change(self._check_seconds):
                        log.debug("%s: the server announced new mail", self.account)
                        self._on_new_mail(self.account)
                except FollowupError as error:
                    self._failed(error)
                except Exception as error:  # a bug must not end push for good
                    log.error("%s: IDLE watcher failed unexpectedly: %s: %s", self.account,
                              type(error).__name__, error)
                    log.debug("traceback", exc_info=True)
                    self._failed(None)
        finally:
            self._close()

    def _failed(self, error: FollowupError | None) -> None:
        self._close()
        self._reconnected = True
        if error is not None:
            self._health.failed(self.account, error)
        if self._connected_at and time.monotonic() - self._connected_at >= STABLE_SECONDS:
            self._backoff.reset()
        self._connected_at = 0.0
        delay = self._backoff.next()
        log.debug("%s: IDLE reconnects in %.1f s", self.account, delay)
        self._stopped.wait(delay)

    def _close(self) -> None:
        mailbox, self._mailbox = self._mailbox, None
        if mailbox is not None:
            mailbox.close()
