"""The one error hierarchy of followup.

`FollowupError` is what the CLI turns into a clean message and an exit status; anything
else reaching the top is a bug and gets a traceback only with `--debug`.
"""

from __future__ import annotations

EX_CONFIG = 78  # sysexits.h: systemd's RestartPreventExitStatus=78 stops restart loops
EX_TEMPFAIL = 75  # sysexits.h: a temporary failure (another followup holds the state)


class FollowupError(Exception):
    """A problem the user can act on. `exit_status` is what the CLI exits with."""

    exit_status = 1


class ConfigError(FollowupError):
    """The configuration is invalid. Carries every problem found, each with its key path."""

    exit_status = EX_CONFIG

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class MailParseError(FollowupError):
    """A message could not be read at all (not merely imperfect: those parse best-effort)."""


class BackendError(FollowupError):
    """A mailbox backend failed in a way that a retry will not fix by itself."""


class AuthenticationError(BackendError):
    """The server refused the credentials."""


class ConnectionLost(BackendError):
    """The network or the server went away; retrying later may work."""


class FolderNotFound(BackendError):
    """A needed folder (Drafts, Sent) could not be found by attribute, override or name."""


class AppendUncertain(ConnectionLost):
    """A draft's APPEND (or create) went out but no answer came, and the draft could not be
    found afterwards: it may still be stored (a literal held up on the way can land after
    the client gave up). The draft is given up for this pass; the ledger decides on a later
    one, and never stores a second copy."""
