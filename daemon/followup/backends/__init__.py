"""Mailbox backends behind one small interface (`base.Mailbox`).

Each backend is the only module that imports its client library; `open_backend` picks one
for an account and hands it its secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.backends.base import Mailbox
    from followup.config_model import AccountConfig, Config


def open_backend(account: AccountConfig, config: Config) -> Mailbox:
    """A (not yet opened) mailbox for `account`. Raises SecretError if its secret is missing."""
    if account.backend == "imap":
        from followup.backends.imap import ImapMailbox
        from followup.secrets import read_secret

        return ImapMailbox(account, read_secret(account),
                           max_message_bytes=config.scan.max_message_bytes)
    if account.backend == "maildir":
        from followup.backends.maildir import MaildirMailbox

        return MaildirMailbox(account, max_message_bytes=config.scan.max_message_bytes)
    if account.backend == "gmail":
        from followup.backends.gmail import GmailMailbox

        return GmailMailbox(account, config)
    raise ValueError(f"unknown backend {account.backend!r}")  # the config schema prevents it
