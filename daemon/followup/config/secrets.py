"""Where a secret comes from: a file, the environment, a command, the keyring or a systemd
credential. Never from the YAML (README.md, "Safety"). The secrets are an account's password
and the notification URLs (`notify.urls_*`), which carry tokens.

This module runs the commands that print secrets (`password_command`, `urls_command`).
"""

from __future__ import annotations

import logging
import os
import shlex
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path

from followup.config_model import AccountConfig, NotifyConfig
from followup.errors import FollowupError

log = logging.getLogger(__name__)


class SecretError(FollowupError):
    """The secret could not be read; the message says from where and what to do."""

    exit_status = 78


def read_secret(account: AccountConfig, environ: Mapping[str, str] | None = None) -> str:
    """The password (or token) of `account`, from whichever source it names.

    Raises SecretError naming the account and the source, never the secret itself.
    """
    environ = os.environ if environ is None else environ
    where = f"accounts '{account.name}'"
    if account.password_file is not None:
        return _first_line(Path(account.password_file), f"{where}: password_file")
    if account.password_env:
        value = environ.get(account.password_env)
        if not value:
            raise SecretError(f"{where}: password_env: the environment variable "
                              f"{account.password_env} is not set or empty")
        return value
    if account.credential:
        directory = environ.get("CREDENTIALS_DIRECTORY")
        if not directory:
            raise SecretError(f"{where}: credential: $CREDENTIALS_DIRECTORY is not set; add "
                              f"LoadCredential={account.credential}:/path/to/file to the unit")
        return _first_line(Path(directory) / account.credential, f"{where}: credential")
    if account.password_command:
        return _from_command(account.password_command, where)
    if account.password_keyring:
        return _from_keyring(account, where)
    raise SecretError(f"{where}: no password source configured")


def read_notify_urls(notify: NotifyConfig,
                     environ: Mapping[str, str] | None = None) -> list[str]:
    """The notification URLs from the source `notify` names: one per line (or separated by
    spaces in an environment variable); blank lines and '#' comments are left out.

    Raises SecretError naming the key and the source, never a URL.
    """
    environ = os.environ if environ is None else environ
    if notify.urls_file is not None:
        text = _whole_file(Path(notify.urls_file), "notify.urls_file")
    elif notify.urls_env:
        text = environ.get(notify.urls_env, "")
        if not text.strip():
            raise SecretError(f"notify.urls_env: the environment variable {notify.urls_env} "
                              "is not set or empty")
        text = "\n".join(text.split())
    elif notify.urls_credential:
        directory = environ.get("CREDENTIALS_DIRECTORY")
        if not directory:
            raise SecretError("notify.urls_credential: $CREDENTIALS_DIRECTORY is not set; add "
                              f"LoadCredential={notify.urls_credential}:/path/to/file to the "
                              "unit")
        text = _whole_file(Path(directory) / notify.urls_credential, "notify.urls_credential")
    elif notify.urls_command:
        text = _command_output(notify.urls_command, "notify.urls_command", "URLs")
    else:
        return []
    urls = [line.strip() for line in text.splitlines()
            if line.strip() and not line.strip().startswith("#")]
    if not urls:
        raise SecretError(f"notify.{notify.url_source}: no URL in it")
    return urls


def _whole_file(path: Path, where: str, what: str = "the URLs into it (one a line)") -> str:
    """The text of a secret file; warns when others may read it."""
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SecretError(f"{where}: {path} does not exist; write {what} and "
                          f"`chmod 600 {path}`") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SecretError(f"{where}: {path} cannot be read: {error.__class__.__name__}") \
            from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s: %s is readable by other users; run chmod 600 on it", where, path)
    return text


def _first_line(path: Path, where: str) -> str:
    text = _whole_file(path, where, "the password into it (one line)")
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise SecretError(f"{where}: {path} is empty")
    return secret


def _from_command(command: str, where: str) -> str:
    return _command_output(command, f"{where}: password_command", "password").splitlines()[0]


def _command_output(command: str, where: str, what: str) -> str:
    try:
        result = subprocess.run(shlex.split(command), capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, ValueError, subprocess.TimeoutExpired) as error:
        raise SecretError(f"{where} could not run: {error.__class__.__name__}") from None
    if result.returncode != 0 or not result.stdout.strip():
        # The command's stderr may contain anything; say only that it failed.
        raise SecretError(f"{where} exited with status {result.returncode} and printed no "
                          f"{what}")
    return result.stdout


def _from_keyring(account: AccountConfig, where: str) -> str:
    try:
        import keyring  # optional dependency: only for users who choose it
    except ImportError:
        raise SecretError(f"{where}: password_keyring needs the 'keyring' package: "
                          "pip install keyring") from None
    value = keyring.get_password(account.password_keyring, account.username or account.name)
    if not value:
        raise SecretError(f"{where}: no password in the keyring under service "
                          f"{account.password_keyring!r} for {account.username}")
    return str(value)
