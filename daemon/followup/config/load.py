"""Loading and validating the YAML configuration against `followup.schema`.

Every problem is collected before anything is reported, each as
`<file>: <key path>: <what is wrong>`, and raised as one `ConfigError` (exit status 78).
"""

from __future__ import annotations

import difflib
import ipaddress
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import platformdirs
import yaml

from followup.config_model import (
    NOTIFY_URL_SOURCES,
    AccountConfig,
    Config,
    DraftsConfig,
    FolderConfig,
    NotifyConfig,
    ScanConfig,
    TimingConfig,
    UserConfig,
    weekdays,
)
from followup.errors import ConfigError
from followup.schema import REFUSED_KEYS, SCHEMA, SECRET_KEY_NAMES, Key
from followup.track.public_holidays import (
    country_code_of_name,
    effective_country,
    supported_countries,
)
from followup.zones import zone_problem

SECRET_SOURCES = ("password_file", "password_env", "password_command", "password_keyring",
                  "credential")


def default_config_path(environ: Mapping[str, str] | None = None) -> Path:
    """`$FOLLOWUP_CONFIG`, else the XDG config path `~/.config/followup/config.yaml`."""
    environ = os.environ if environ is None else environ
    if environ.get("FOLLOWUP_CONFIG"):
        return Path(environ["FOLLOWUP_CONFIG"]).expanduser()
    return Path(platformdirs.user_config_dir("followup")) / "config.yaml"


def default_state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """`$STATE_DIRECTORY` (systemd), else `$XDG_STATE_HOME/followup`, else ~/.local/state."""
    environ = os.environ if environ is None else environ
    if environ.get("STATE_DIRECTORY"):
        # systemd may pass several, colon-separated; the first is ours.
        return Path(environ["STATE_DIRECTORY"].split(":")[0])
    if environ.get("XDG_STATE_HOME"):
        return Path(environ["XDG_STATE_HOME"]) / "followup"
    return Path.home() / ".local" / "state" / "followup"


def load_config(path: Path, environ: Mapping[str, str] | None = None) -> Config:
    """Read, validate and build the configuration at `path`.

    Raises ConfigError listing every problem, each naming the file and key path.
    """
    label = path.name
    try:
        text = path.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such file; create it with `followup init`, or "
                           f"start from the documented example: `followup check-config "
                           f"--example > {path}`"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError([f"{path}: cannot be read: {error}"]) from None
    return parse_config(text, label=label, path=path, environ=environ)


def parse_config(text: str, *, label: str = "config.yaml", path: Path | None = None,
                 environ: Mapping[str, str] | None = None) -> Config:
    """Validate YAML text and build a `Config`. Raises ConfigError with every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError([f"{label}: not valid YAML{where}: {problem}"]) from None
    if data is None:
        data = {}
    problems: list[str] = []
    values = _validate_section(data, SCHEMA, "", problems)
    if not problems:
        _check_semantics(values, problems)
    if problems:
        raise ConfigError([f"{label}: {problem}" for problem in problems])
    return _build(values, path, environ)


# --- validation -----------------------------------------------------------------------------

def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _validate_section(data: Any, keys: tuple[Key, ...], prefix: str,
                      problems: list[str]) -> dict[str, Any]:
    where = prefix or "the top level"
    if not isinstance(data, dict):
        problems.append(f"{where}: must be a mapping of keys, got {_shown(data)}")
        return {}
    known = {key.name: key for key in keys}
    for name in data:
        if name in known:
            continue
        path = _join(prefix, str(name))
        if path in REFUSED_KEYS:
            problems.append(f"{path}: {REFUSED_KEYS[path]}")
            continue
        if str(name).lower() in SECRET_KEY_NAMES:
            problems.append(f"{path}: secrets are not accepted in the config file; put the "
                            "password in a file (mode 0600) and set password_file, or use "
                            "password_env, password_command, password_keyring or credential")
            continue
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append(f"{path}: unknown key{hint}")
    values: dict[str, Any] = {}
    for key in keys:
        path = _join(prefix, key.name)
        if key.name not in data or data[key.name] is None:
            if key.required:
                problems.append(f"{path}: missing; {key.description}")
            elif key.kind == "section":
                values[key.name] = _validate_section({}, key.children, path, problems)
            else:
                values[key.name] = key.default
            continue
        values[key.name] = _validate_value(data[key.name], key, path, problems)
    return values


def _validate_value(value: Any, key: Key, path: str, problems: list[str]) -> Any:
    kind = key.kind
    if kind == "section":
        return _validate_section(value, key.children, path, problems)
    if kind == "section_list":
        if not isinstance(value, list) or not value:
            problems.append(f"{path}: must be a list with at least one entry, got "
                            f"{_shown(value)}")
            return []
        return [_validate_section(item, key.children, f"{path}[{index}]", problems)
                for index, item in enumerate(value)]
    if kind in ("str", "path", "enum"):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problems.append(f"{path}: must be a string, got {_shown(value)}")
            return None
        text = str(value)
        if kind == "enum" and text not in key.choices:
            problems.append(f"{path}: must be one of {', '.join(key.choices)}, got {text!r}")
            return None
        if kind == "path":
            return Path(text).expanduser()
        return text
    if kind == "bool":
        if not isinstance(value, bool):
            problems.append(f"{path}: must be true or false, got {_shown(value)}")
            return None
        return value
    if kind in ("int", "float"):
        return _validate_number(value, key, path, problems)
    if kind in ("str_list", "int_list", "date_list"):
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list):
            problems.append(f"{path}: must be a list, got {_shown(value)}")
            return []
        checked = [_validate_item(item, kind, f"{path}[{index}]", problems)
                   for index, item in enumerate(value)]
        return [item for item in checked if item is not None]
    raise AssertionError(f"schema kind {kind!r} unhandled")  # a bug in schema.py


def _validate_number(value: Any, key: Key, path: str, problems: list[str]) -> Any:
    wanted = "an integer" if key.kind == "int" else "a number"
    bounds = ""
    if key.minimum is not None and key.maximum is not None:
        bounds = f" between {_num(key.minimum)} and {_num(key.maximum)}"
    elif key.minimum is not None:
        bounds = f" of at least {_num(key.minimum)}"
    ok_type = (int,) if key.kind == "int" else (int, float)
    if isinstance(value, bool) or not isinstance(value, ok_type):
        problems.append(f"{path}: must be {wanted}{bounds}, got {_shown(value)}")
        return None
    if ((key.minimum is not None and value < key.minimum)
            or (key.maximum is not None and value > key.maximum)):
        problems.append(f"{path}: must be {wanted}{bounds}, got {value!r}")
        return None
    return value


def _validate_item(item: Any, kind: str, path: str, problems: list[str]) -> Any:
    if kind == "str_list":
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{path}: must be a non-empty string, got {_shown(item)}")
            return None
        return item.strip()
    if kind == "int_list":
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 7:
            problems.append(f"{path}: must be a day number from 1 (Monday) to 7 (Sunday), "
                            f"got {_shown(item)}")
            return None
        return item
    if isinstance(item, date):
        return item
    try:
        return date.fromisoformat(str(item))
    except ValueError:
        problems.append(f"{path}: must be a date written YYYY-MM-DD, got {_shown(item)}")
        return None


def _check_semantics(values: dict[str, Any], problems: list[str]) -> None:
    """Rules that span several keys."""
    user = values["user"]
    zone_trouble = zone_problem(user["timezone"])
    if zone_trouble:
        problems.append(f"user.timezone: {zone_trouble}")
    _check_holiday_region(user, problems)
    if not user["addresses"]:
        problems.append("user.addresses: list at least one address you send from")
    for index, address in enumerate(user["addresses"]):
        if "@" not in address or " " in address:
            problems.append(f"user.addresses[{index}]: {address!r} is not an email address")
    names: set[str] = set()
    for index, account in enumerate(values["accounts"]):
        path = f"accounts[{index}]"
        if account["name"] in names:
            problems.append(f"{path}.name: {account['name']!r} is used by two accounts; "
                            "names must be unique")
        names.add(account["name"])
        _check_account(account, path, problems)
    sources = [name for name in NOTIFY_URL_SOURCES if values["notify"][name]]
    if len(sources) > 1:
        problems.append(f"notify: several URL sources ({', '.join(sources)}); keep exactly one")


def _check_holiday_region(user: dict[str, Any], problems: list[str]) -> None:
    """user.country and user.subdivision name a country and region the `holidays` library
    knows; a wrong one is reported with a did-you-mean (a country's name suggests its code)."""
    countries = supported_countries()
    country = user["country"]
    if country is not None and country.strip().lower() in ("", "none"):
        user["country"] = ""
        if user["subdivision"]:
            problems.append("user.subdivision: given with country 'none'; set a country or "
                            "remove the subdivision")
        return
    if country is not None:
        code = country.strip().upper()
        if code not in countries:
            named = country_code_of_name(country)
            close = [named] if named else difflib.get_close_matches(code, countries, n=1,
                                                                  cutoff=0.5)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"user.country: unknown country {country!r}{hint}; use an ISO "
                            "3166 code such as US, DE, FR, ES, GB, or 'none'")
            return
        user["country"] = code
    effective = user["country"] or effective_country(None, user["timezone"])
    subdivision = user["subdivision"]
    if subdivision is None:
        return
    if not effective:
        problems.append(f"user.subdivision: {subdivision!r} needs a country; set user.country")
        return
    known = {code.upper(): code for code in countries[effective]}
    if subdivision.strip().upper() not in known:
        close = difflib.get_close_matches(subdivision.strip().upper(), known, n=1, cutoff=0.5)
        hint = f" (did you mean '{known[close[0]]}'?)" if close else ""
        problems.append(f"user.subdivision: {effective} has no subdivision {subdivision!r}"
                        f"{hint}; known: {', '.join(sorted(known.values()))}")
        return
    user["subdivision"] = known[subdivision.strip().upper()]


def _check_account(account: dict[str, Any], path: str, problems: list[str]) -> None:
    backend = account["backend"]
    if backend == "imap":
        for needed in ("host", "username"):
            if not account[needed]:
                problems.append(f"{path}.{needed}: missing; the imap backend needs it")
        if account["tls"] == "none" and account["host"] and not _is_loopback(account["host"]):
            problems.append(f"{path}.tls: 'none' sends your password in clear text and is "
                            f"allowed only to a loopback host (127.0.0.1, ::1, localhost), "
                            f"not {account['host']!r}; use implicit or starttls")
        mismatch = port_tls_mismatch(account["port"], account["tls"])
        if mismatch:
            problems.append(f"{path}.tls: {mismatch}")
        sources = [name for name in SECRET_SOURCES if account[name]]
        if not sources:
            problems.append(f"{path}: no password source; set one of "
                            f"{', '.join(SECRET_SOURCES)}")
        elif len(sources) > 1:
            problems.append(f"{path}: several password sources ({', '.join(sources)}); "
                            "keep exactly one")
    elif backend == "maildir":
        if not account["path"] and not account["mbox"]:
            problems.append(f"{path}.path: missing; the maildir backend needs a Maildir "
                            "path (or an mbox file)")
    elif backend == "gmail" and not account["client_secrets"] and not account["token_file"]:
        problems.append(f"{path}.client_secrets: missing; the gmail backend needs the OAuth "
                        "client file from Google Cloud (see README, 'Gmail')")


def port_tls_mismatch(port: int | None, tls: str) -> str | None:
    """What is wrong when the TLS mode does not fit the well-known port, else None.

    993 is IMAP over implicit TLS and 143 plain IMAP that STARTTLS upgrades (RFC 8314
    and RFC 9051). With starttls on 993 the client waits for a greeting while the server
    waits for a TLS handshake, so a login only times out; with implicit TLS on 143 the
    handshake fails. Other ports are the server's own choice and are not second-guessed.
    """
    if port == 993 and tls in ("starttls", "none"):
        return (f"{tls} on port 993, which is the implicit-TLS port (the server expects a "
                f"TLS handshake first, so the login would only time out); set tls: implicit, "
                f"or port: 143 for {tls}")
    if port == 143 and tls == "implicit":
        return ("implicit on port 143, which is the plain/STARTTLS port; set tls: starttls, "
                "or port: 993 for implicit TLS")
    return None


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- building the typed config --------------------------------------------------------------

def _build(values: dict[str, Any], path: Path | None,
           environ: Mapping[str, str] | None) -> Config:
    user = values["user"]
    accounts = []
    for account in values["accounts"]:
        folders = FolderConfig(**account.pop("folders"))
        accounts.append(AccountConfig(folders=folders, **account))
    state_dir = values["state_dir"] or default_state_dir(environ)
    return Config(
        path=path,
        user=UserConfig(
            name=user["name"],
            addresses=tuple(address.lower() for address in user["addresses"]),
            timezone=user["timezone"],
            signature=user["signature"],
            working_days=weekdays(user["working_days"]),
            holidays=tuple(user["holidays"]),
            language=user["language"],
            country=user["country"],
            subdivision=user["subdivision"],
        ),
        accounts=tuple(accounts),
        scan=ScanConfig(**values["scan"]),
        timing=TimingConfig(**values["timing"]),
        drafts=DraftsConfig(**values["drafts"]),
        state_dir=state_dir,
        notify=NotifyConfig(**values["notify"]),
    )


def summary(config: Config) -> list[str]:
    """A few human lines saying what was understood. Never includes a secret."""
    user = config.user
    lines = [f"user: {user.name} <{', '.join(user.addresses)}>, time zone {user.timezone}"]
    country = effective_country(user.country, user.timezone)
    region = f"{country}-{user.subdivision}" if country and user.subdivision else country
    lines.append("business days: " + (f"working days less the public holidays of {region}"
                                      if region else "working days, no public holidays")
                 + (f" and {len(user.holidays)} day(s) off of your own" if user.holidays
                    else ""))
    for account in config.accounts:
        if account.backend == "imap":
            source = next(name for name in SECRET_SOURCES if getattr(account, name))
            where = (f"{account.username}@{account.host}:{account.effective_port} "
                     f"(tls {account.tls}, password from {source})")
        elif account.backend == "maildir":
            where = str(account.path or account.mbox)
        else:
            where = "Gmail API"
        lines.append(f"account {account.name}: {account.backend} {where}, first scan looks "
                     f"back {account.lookback_days} days")
    timing = config.timing
    lines.append(f"thank-you {_num(timing.thank_you_delay_hours)} h after an interview; "
                 f"status check after {timing.status_check_silence_days} days of silence at "
                 f"{timing.status_check_hour:02d}:00; final note "
                 f"{timing.final_note_after_days} days after a sent status check")
    notify = config.notify
    if notify.enabled:
        ways = [f"Apprise URLs from {notify.url_source}"] if notify.url_source else []
        ways += ["your command"] if notify.command else []
        lines.append(f"notifications: {' and '.join(ways)}; reminders "
                     + (f"{_num(notify.thank_you_reminder_hours)} h after an interview, "
                        f"{_num(notify.rejection_reminder_hours)} h after a rejection"
                        if notify.reminders else "off"))
    lines.append(f"state: {config.state_dir}")
    return lines
