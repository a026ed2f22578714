"""The typed configuration objects that `followup.config` builds from YAML.

Kept apart from the loader so that backends and the core can import the types without the
validation machinery. Every default comes from the schema (`followup.schema`), the one place
a default is written; where the YAML's form differs from the typed one (working days), the
conversion is here, once, and the loader uses it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from followup.schema import defaults

_USER = defaults("user")
_ACCOUNT = defaults("accounts")
_FOLDERS = defaults("accounts", "folders")
_SCAN = defaults("scan")
_TIMING = defaults("timing")
_DRAFTS = defaults("drafts")
_NOTIFY = defaults("notify")


def weekdays(working_days: Iterable[int]) -> tuple[int, ...]:
    """The config's working days (1 = Monday ... 7 = Sunday, as people count them) as
    `date.weekday()` numbers (Monday = 0), sorted, each once."""
    return tuple(sorted({day - 1 for day in working_days}))


@dataclass(frozen=True)
class UserConfig:
    name: str
    addresses: tuple[str, ...]  # lower-cased
    timezone: str = _USER["timezone"]
    signature: str = _USER["signature"]
    working_days: tuple[int, ...] = weekdays(_USER["working_days"])  # Monday=0 .. Sunday=6
    holidays: tuple[date, ...] = tuple(_USER["holidays"])  # days off beyond public holidays
    language: str = _USER["language"]
    # Public holidays (the `holidays` library): an ISO 3166 country code, or None to take
    # the country of `timezone` (America/New_York -> US), or "" for none at all; and an
    # optional subdivision code (a state, Land, region: NY, BY, CT).
    country: str | None = None
    subdivision: str | None = None


@dataclass(frozen=True)
class FolderConfig:
    """Folder name overrides; None means: find it (special-use attribute, then names)."""

    inbox: str = _FOLDERS["inbox"]
    sent: str | None = None
    drafts: str | None = None


@dataclass(frozen=True)
class AccountConfig:
    name: str
    backend: str  # imap | gmail | maildir
    # imap
    host: str | None = None
    port: int | None = None
    tls: str = _ACCOUNT["tls"]  # implicit | starttls | none (loopback only)
    ca_file: Path | None = None
    username: str | None = None
    auth: str = _ACCOUNT["auth"]  # password | xoauth2
    password_file: Path | None = None
    password_env: str | None = None
    password_command: str | None = None
    password_keyring: str | None = None  # keyring service name
    credential: str | None = None  # file name in $CREDENTIALS_DIRECTORY
    connect_timeout: float = _ACCOUNT["connect_timeout"]
    read_timeout: float = _ACCOUNT["read_timeout"]
    # maildir
    path: Path | None = None
    mbox: Path | None = None
    # gmail
    client_secrets: Path | None = None
    token_file: Path | None = None
    # all
    folders: FolderConfig = field(default_factory=FolderConfig)
    lookback_days: int = _ACCOUNT["lookback_days"]

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 993 if self.tls == "implicit" else 143


@dataclass(frozen=True)
class ScanConfig:
    interval_minutes: float = _SCAN["interval_minutes"]
    idle: bool = _SCAN["idle"]
    max_message_bytes: int = _SCAN["max_message_bytes"]


@dataclass(frozen=True)
class TimingConfig:
    """Every number of the table in README.md, "When drafts appear"."""

    thank_you_delay_hours: float = _TIMING["thank_you_delay_hours"]
    thank_you_deadline_hours: float = _TIMING["thank_you_deadline_hours"]
    thank_you_window_hours: float = _TIMING["thank_you_window_hours"]
    status_check_silence_days: int = _TIMING["status_check_silence_days"]
    status_check_hour: int = _TIMING["status_check_hour"]
    final_note_after_days: int = _TIMING["final_note_after_days"]
    rejection_response_window_hours: float = _TIMING["rejection_response_window_hours"]
    follow_up_window_days: int = _TIMING["follow_up_window_days"]
    max_status_checks: int = _TIMING["max_status_checks"]
    max_final_notes: int = _TIMING["max_final_notes"]


@dataclass(frozen=True)
class DraftsConfig:
    templates_dir: Path | None = None
    html: bool = _DRAFTS["html"]
    message_id_domain: str | None = None  # defaults to the domain of the user's first address


@dataclass(frozen=True)
class NotifyConfig:
    """Where notifications go (`followup.notify`); the URLs themselves are secrets, read
    from the source named here only when a notification is sent or checked."""

    urls_file: Path | None = None
    urls_env: str | None = None
    urls_command: str | None = None
    urls_credential: str | None = None
    command: str | None = None
    reminders: bool = _NOTIFY["reminders"]
    thank_you_reminder_hours: float = _NOTIFY["thank_you_reminder_hours"]
    rejection_reminder_hours: float = _NOTIFY["rejection_reminder_hours"]

    @property
    def url_source(self) -> str | None:
        """The name of the key that says where the URLs are, or None."""
        for name in NOTIFY_URL_SOURCES:
            if getattr(self, name):
                return name
        return None

    @property
    def enabled(self) -> bool:
        return self.url_source is not None or bool(self.command)


NOTIFY_URL_SOURCES = ("urls_file", "urls_env", "urls_command", "urls_credential")


@dataclass(frozen=True)
class Config:
    path: Path | None
    user: UserConfig
    accounts: tuple[AccountConfig, ...]
    scan: ScanConfig = field(default_factory=ScanConfig)
    timing: TimingConfig = field(default_factory=TimingConfig)
    drafts: DraftsConfig = field(default_factory=DraftsConfig)
    state_dir: Path | None = None
    notify: NotifyConfig = field(default_factory=NotifyConfig)
