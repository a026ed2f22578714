"""The files and directories a configuration names, looked at before anything runs
(`check_files`): present, readable, not empty, of the right form. No secret is read into a
message.
"""

from __future__ import annotations

import json
import os
import ssl
from collections.abc import Mapping
from pathlib import Path

from followup.config_model import AccountConfig, Config
from followup.errors import ConfigError


def check_files(config: Config, environ: Mapping[str, str] | None = None) -> None:
    """Every file and directory the configuration names, looked at before anything runs:
    password files (and a systemd credential when $CREDENTIALS_DIRECTORY is set), the
    environment variable of `password_env`, CA files, Gmail client secrets and tokens, the
    templates directory. `check-config`, `scan` and `run` call it, so a missing or
    unreadable one stops them with exit status 78 (systemd then does not restart in a
    loop) instead of failing every pass, or every reconnect, for ever.

    Raises ConfigError with one line per problem: file, key, what is wrong, the fix. Reads
    no secret into any message (only that the file is empty or unreadable)."""
    environ = os.environ if environ is None else environ
    label = config.path.name if config.path else "config.yaml"
    problems: list[str] = []
    for index, account in enumerate(config.accounts):
        where = f"{label}: accounts[{index}]"
        if account.backend == "imap":
            _check_imap_files(account, where, environ, problems)
        elif account.backend == "gmail":
            _check_gmail_files(account, config, where, problems)
    templates = config.drafts.templates_dir
    if templates is not None:
        _check_directory(templates.expanduser(), f"{label}: drafts.templates_dir", problems)
    if problems:
        raise ConfigError(problems)


def _check_imap_files(account: AccountConfig, where: str, environ: Mapping[str, str],
                      problems: list[str]) -> None:
    fix = "write the password into it (one line) and chmod 600 it"
    if account.password_file is not None:
        _check_file(account.password_file.expanduser(), f"{where}.password_file", problems,
                    fix=fix, not_empty=True)
    if account.password_env and not environ.get(account.password_env):
        problems.append(f"{where}.password_env: the environment variable "
                        f"{account.password_env} is not set or empty; set it in the "
                        f"environment followup runs in (systemd: Environment= or "
                        f"EnvironmentFile=)")
    if account.credential and environ.get("CREDENTIALS_DIRECTORY"):
        _check_file(Path(environ["CREDENTIALS_DIRECTORY"]) / account.credential,
                    f"{where}.credential", problems, fix="check LoadCredential= in the unit",
                    not_empty=True)
    if account.ca_file is not None:
        path = account.ca_file.expanduser()
        if _check_file(path, f"{where}.ca_file", problems,
                       fix="set ca_file to the server's certificate or its CA (PEM)"):
            try:
                ssl.create_default_context(cafile=str(path))
            except (OSError, ssl.SSLError, ValueError):
                problems.append(f"{where}.ca_file: {path} holds no PEM certificate; set "
                                f"ca_file to the server's certificate or its CA (PEM)")


def _check_gmail_files(account: AccountConfig, config: Config, where: str,
                       problems: list[str]) -> None:
    if account.client_secrets is not None:
        path = account.client_secrets.expanduser()
        fix = ("download the OAuth client (Desktop app) JSON from Google Cloud there; see "
               "the README, 'Gmail'")
        if _check_file(path, f"{where}.client_secrets", problems, fix=fix):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if not isinstance(data, dict) or not ({"installed", "web"} & set(data)):
                problems.append(f"{where}.client_secrets: {path} is not an OAuth client "
                                f"file; {fix}")
    if account.token_file is not None:
        token = account.token_file.expanduser()
    elif config.state_dir is not None:
        token = config.state_dir.expanduser() / f"gmail-{account.name}.json"
    else:
        return
    key = "token_file" if account.token_file is not None else "token_file (default)"
    _check_file(token, f"{where}.{key}", problems,
                fix=f"run `followup auth gmail --account {account.name}`")


def _check_file(path: Path, where: str, problems: list[str], *, fix: str,
                not_empty: bool = False) -> bool:
    """True if `path` is a readable file (non-empty if asked); else a problem is added."""
    try:
        with path.open("rb") as stream:
            first = stream.read(1)
    except FileNotFoundError:
        problems.append(f"{where}: {path} does not exist; {fix}")
        return False
    except IsADirectoryError:
        problems.append(f"{where}: {path} is a directory, not a file; {fix}")
        return False
    except OSError as error:
        problems.append(f"{where}: {path} cannot be read ({error.strerror or error}); make "
                        f"it readable by the user followup runs as, or {fix}")
        return False
    if not_empty and not first:
        problems.append(f"{where}: {path} is empty; {fix}")
        return False
    return True


def _check_directory(path: Path, where: str, problems: list[str]) -> None:
    fix = "create it, or remove the key to use the built-in templates"
    if not path.exists():
        problems.append(f"{where}: {path} does not exist; {fix}")
    elif not path.is_dir():
        problems.append(f"{where}: {path} is not a directory; {fix}")
    elif not os.access(path, os.R_OK | os.X_OK):
        problems.append(f"{where}: {path} cannot be read; make it readable by the user "
                        f"followup runs as, or remove the key to use the built-in templates")
