"""Where an account's secret comes from: a file, the environment, a command, the keyring
or a systemd credential. Never from the YAML (README.md, "Safety").

This is the only module that runs a subprocess (`password_command`).
"""

from __future__ import annotations

import logging
import os
import shlex
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path

from followup.config_model import AccountConfig
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


def _first_line(path: Path, where: str) -> str:
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SecretError(f"{where}: {path} does not exist; write the password into it "
                          f"(one line) and `chmod 600 {path}`") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SecretError(f"{where}: {path} cannot be read: {error.__class__.__name__}") \
            from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s: %s is readable by other users; run chmod 600 on it", where, path)
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise SecretError(f"{where}: {path} is empty")
    return secret


def _from_command(command: str, where: str) -> str:
    try:
        result = subprocess.run(shlex.split(command), capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, ValueError, subprocess.TimeoutExpired) as error:
        raise SecretError(f"{where}: password_command could not run: "
                          f"{error.__class__.__name__}") from None
    if result.returncode != 0 or not result.stdout.strip():
        # The command's stderr may contain anything; say only that it failed.
        raise SecretError(f"{where}: password_command exited with status "
                          f"{result.returncode} and printed no password")
    return result.stdout.splitlines()[0]


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
