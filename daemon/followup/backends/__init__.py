"""Mailbox backends behind one small interface (`base.Mailbox`).

Each backend is the only module that imports its client library; `open_backend` is the one
place a backend is built: it picks the class for an account, hands it its secret and how
patient to be. Nothing outside this package names a backend's class or branches on an
account's `backend`: it asks `can_push` and `check_secret`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.backends.base import Mailbox
    from followup.config_model import AccountConfig, Config

# Backends that hear of new mail as it arrives (`Mailbox.supports_push`, IMAP IDLE).
_PUSHING = frozenset({"imap"})
# Backends that log in with a secret read by `followup.config.secrets` (Gmail has a token
# file of its own; Maildir needs none).
_WITH_SECRET = frozenset({"imap"})


@dataclass(frozen=True)
class Patience:
    """How a backend that keeps a connection retries it within one call: `attempts` tries
    at most, back-off waits capped at `backoff_max` seconds, waited with `sleep` (the
    daemon passes one that ends at once when it stops). The defaults suit `scan`."""

    attempts: int = 4
    backoff_max: float = 60.0
    sleep: Callable[[float], None] = time.sleep


def open_backend(account: AccountConfig, config: Config, *, patience: Patience | None = None,
                 idle_renew_seconds: float | None = None) -> Mailbox:
    """A (not yet opened) mailbox for `account`. `patience` and `idle_renew_seconds` (how
    often a push wait is renewed) apply to backends with a connection (IMAP).
    Raises SecretError if its secret is missing."""
    if account.backend == "imap":
        from followup.backends.imap import ImapMailbox
        from followup.config.secrets import read_secret

        patience = patience or Patience()
        mailbox = ImapMailbox(account, read_secret(account), sleep=patience.sleep,
                              attempts=patience.attempts, backoff_max=patience.backoff_max,
                              max_message_bytes=config.scan.max_message_bytes)
        if idle_renew_seconds is not None:
            mailbox.idle_renew_seconds = idle_renew_seconds
        return mailbox
    if account.backend == "maildir":
        from followup.backends.maildir import MaildirMailbox

        return MaildirMailbox(account, max_message_bytes=config.scan.max_message_bytes)
    if account.backend == "gmail":
        from followup.backends.gmail import GmailMailbox

        return GmailMailbox(account, config)
    raise ValueError(f"unknown backend {account.backend!r}")  # the config schema prevents it


def can_push(account: AccountConfig) -> bool:
    """Whether the account's backend can be told of new mail as it arrives (IMAP IDLE), so
    the daemon keeps a watcher on it."""
    return account.backend in _PUSHING


def check_secret(account: AccountConfig, environ: Mapping[str, str] | None = None) -> None:
    """Read the account's secret once, if its backend logs in with one. Raises SecretError
    (a FollowupError) naming what is missing."""
    if account.backend in _WITH_SECRET:
        from followup.config.secrets import read_secret

        read_secret(account, environ)
