"""`followup init`: a few questions, then a commented config file (mode 0600).

Never overwrites a file: the config (and the password file) is created with O_EXCL. The
comments in the written file are the schema's descriptions (`followup.schema`), so they
say the same as config.example.yaml. The text is validated with `parse_config` before it
is written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from followup.config import parse_config
from followup.errors import FollowupError
from followup.schema import SCHEMA, Key
from followup.zones import zone_problem


@dataclass(frozen=True)
class Provider:
    label: str
    host: str | None
    port: int
    tls: str
    advice: str  # how to get a password the provider accepts for IMAP


PROVIDERS: dict[str, Provider] = {
    "gmail": Provider("Gmail", "imap.gmail.com", 993, "implicit",
                      "Gmail needs an app password (Google Account > Security > 2-Step "
                      "Verification > App passwords); your normal password is refused. The "
                      "Gmail API backend is the alternative: see `followup auth gmail`."),
    "outlook": Provider("Outlook / Microsoft 365", "outlook.office365.com", 993, "implicit",
                        "Microsoft refuses plain password logins for many accounts and wants "
                        "OAuth2; if the login check fails, see the README section on "
                        "Outlook."),
    "fastmail": Provider("Fastmail", "imap.fastmail.com", 993, "implicit",
                         "Fastmail needs an app password (Settings > Privacy & Security > "
                         "App passwords) with IMAP access."),
    "icloud": Provider("iCloud Mail", "imap.mail.me.com", 993, "implicit",
                       "iCloud needs an app-specific password (appleid.apple.com > Sign-In "
                       "and Security > App-Specific Passwords); the user name is the part "
                       "of your iCloud address before the @."),
    "other": Provider("another IMAP server", None, 993, "implicit",
                      "Use the password of your mail account (or an app password if your "
                      "provider has them)."),
}

DOMAINS = {"gmail.com": "gmail", "googlemail.com": "gmail", "outlook.com": "outlook",
           "hotmail.com": "outlook", "live.com": "outlook", "msn.com": "outlook",
           "fastmail.com": "fastmail", "fastmail.fm": "fastmail", "icloud.com": "icloud",
           "me.com": "icloud", "mac.com": "icloud"}


@dataclass(frozen=True)
class Answers:
    """What `followup init` asked. `password` is None when the user will write the file."""

    name: str
    address: str
    timezone: str
    account: str
    provider: str
    host: str
    port: int
    tls: str
    username: str
    password_file: Path
    password: str | None


def guess_provider(address: str) -> str:
    return DOMAINS.get(address.rpartition("@")[2].lower(), "other")


def guess_username(address: str, provider: str) -> str:
    if provider == "icloud":
        return address.partition("@")[0]
    return address


def detect_timezone(environ: dict[str, str] | None = None,
                    etc_timezone: Path = Path("/etc/timezone")) -> str:
    """The local IANA zone: $TZ, else tzlocal, else /etc/timezone, else UTC."""
    environ = dict(os.environ) if environ is None else environ
    candidates: list[Callable[[], str | None]] = [
        lambda: (environ.get("TZ") or "").lstrip(":") or None,
        lambda: _tzlocal_name(),
        lambda: etc_timezone.read_text(encoding="utf-8").strip() if etc_timezone.exists()
        else None,
    ]
    for candidate in candidates:
        try:
            name = candidate()
        except (OSError, ValueError):
            continue
        if name and valid_timezone(name):
            return name
    return "UTC"


def _tzlocal_name() -> str | None:
    try:
        import tzlocal  # installed with APScheduler
    except ImportError:
        return None
    try:
        return str(tzlocal.get_localzone_name())
    except Exception:  # noqa: BLE001 - tzlocal raises various errors on odd systems
        return None


def valid_timezone(name: str) -> bool:
    """True for an IANA place name or UTC (`followup.zones`: no fixed offsets, no aliases)."""
    return zone_problem(name) is None


def _description(path: str) -> str:
    keys: tuple[Key, ...] = SCHEMA
    found: Key | None = None
    for part in path.split("."):
        found = next(key for key in keys if key.name == part)
        keys = found.children
    assert found is not None
    return found.description


def _comment(path: str, indent: str) -> str:
    import textwrap

    return "\n".join(f"{indent}# {line}" for line in
                     textwrap.wrap(_description(path), 88 - len(indent)))


def render_config(answers: Answers, today: date | None = None) -> str:
    """The config text for `answers`, with the schema's descriptions as comments."""
    q = json.dumps  # JSON strings are valid YAML scalars, quoting included
    today = today or date.today()
    lines = [
        f"# followup configuration, written by `followup init` on {today.isoformat()}.",
        "# Every key is explained in config.example.yaml (`followup check-config --example`",
        "# prints it); `followup check-config` checks this file. The password is never",
        "# written here: see password_file.",
        "",
        "user:",
        _comment("user.name", "  "), f"  name: {q(answers.name)}",
        _comment("user.addresses", "  "), f"  addresses: [{q(answers.address)}]",
        _comment("user.timezone", "  "), f"  timezone: {q(answers.timezone)}",
        _comment("user.signature", "  "), f"  signature: {q(answers.name)}",
        "",
        "accounts:",
        f"  # {PROVIDERS[answers.provider].label}",
        f"  - name: {q(answers.account)}",
        _comment("accounts.backend", "    "), "    backend: imap",
        _comment("accounts.host", "    "), f"    host: {q(answers.host)}",
        _comment("accounts.port", "    "), f"    port: {answers.port}",
        _comment("accounts.tls", "    "), f"    tls: {answers.tls}",
        _comment("accounts.username", "    "), f"    username: {q(answers.username)}",
        _comment("accounts.password_file", "    "),
        f"    password_file: {q(str(answers.password_file))}",
        _comment("accounts.lookback_days", "    "), "    lookback_days: 120",
        "",
        "scan:",
        _comment("scan.interval_minutes", "  "), "  interval_minutes: 10",
        _comment("scan.idle", "  "), "  idle: true",
        "",
    ]
    return "\n".join(lines)


def write_new_file(path: Path, text: str) -> None:
    """Create `path` (mode 0600, parent 0700 if new) with `text`; never overwrite.

    Raises FollowupError if it already exists.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        raise FollowupError(f"{path} already exists; followup init never overwrites a "
                            "file") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_config(path: Path, answers: Answers) -> str:
    """Validate and write the config; also the password file if a password was given.

    Returns what happened to the password file, as a sentence for the user. Raises
    FollowupError if the config exists, ConfigError if the answers make an invalid config.
    """
    text = render_config(answers)
    parse_config(text, label=str(path), path=path)  # raises ConfigError: nothing written
    write_new_file(path, text)
    if answers.password is None:
        return (f"Write your password into {answers.password_file} (first line), then "
                f"`chmod 600 {answers.password_file}`.")
    if answers.password_file.exists():
        return (f"{answers.password_file} already exists and was left as it is; make sure it "
                "holds the right password.")
    write_new_file(answers.password_file, answers.password + "\n")
    return f"Saved the password in {answers.password_file} (mode 0600)."
