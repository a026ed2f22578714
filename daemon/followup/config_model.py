"""The typed configuration objects that `followup.config` builds from YAML.

Kept apart from the loader so that backends and the core can import the types without the
validation machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class UserConfig:
    name: str
    addresses: tuple[str, ...]  # lower-cased
    timezone: str = "UTC"
    signature: str = ""
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday=0 .. Sunday=6
    holidays: tuple[date, ...] = ()  # extra days off, on top of the public holidays
    language: str = "en"
    # Public holidays (the `holidays` library): an ISO 3166 country code, or None to take
    # the country of `timezone` (America/New_York -> US), or "" for none at all; and an
    # optional subdivision code (a state, Land, region: NY, BY, CT).
    country: str | None = None
    subdivision: str | None = None


@dataclass(frozen=True)
class FolderConfig:
    """Folder name overrides; None means: find it (special-use attribute, then names)."""

    inbox: str = "INBOX"
    sent: str | None = None
    drafts: str | None = None


@dataclass(frozen=True)
class AccountConfig:
    name: str
    backend: str  # imap | gmail | maildir
    # imap
    host: str | None = None
    port: int | None = None
    tls: str = "implicit"  # implicit | starttls | none (loopback only)
    ca_file: Path | None = None
    username: str | None = None
    auth: str = "password"  # password | xoauth2
    password_file: Path | None = None
    password_env: str | None = None
    password_command: str | None = None
    password_keyring: str | None = None  # keyring service name
    credential: str | None = None  # file name in $CREDENTIALS_DIRECTORY
    connect_timeout: float = 15.0
    read_timeout: float = 120.0
    # maildir
    path: Path | None = None
    mbox: Path | None = None
    # gmail
    client_secrets: Path | None = None
    token_file: Path | None = None
    # all
    folders: FolderConfig = field(default_factory=FolderConfig)
    lookback_days: int = 120

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 993 if self.tls == "implicit" else 143


@dataclass(frozen=True)
class ScanConfig:
    interval_minutes: float = 10.0
    idle: bool = True
    max_message_bytes: int = 25_000_000


@dataclass(frozen=True)
class TimingConfig:
    """Every number of SPEC.md §5."""

    thank_you_delay_hours: float = 2.0
    thank_you_deadline_hours: float = 24.0
    thank_you_window_hours: float = 48.0
    status_check_silence_days: int = 10
    status_check_hour: int = 9
    final_note_after_days: int = 14
    rejection_response_window_hours: float = 48.0
    follow_up_window_days: int = 7
    max_status_checks: int = 1
    max_final_notes: int = 1


@dataclass(frozen=True)
class DraftsConfig:
    templates_dir: Path | None = None
    html: bool = False
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
    reminders: bool = True
    thank_you_reminder_hours: float = 18.0
    rejection_reminder_hours: float = 36.0

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
