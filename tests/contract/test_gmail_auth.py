"""Gmail authorisation: the scopes, the token file (0600, atomic), refresh and its one
clear error, the consent flow (never a browser), and `followup auth gmail`.

Google's endpoints are served by `gmail_fake.GmailFake` on loopback: the consent page
approves at once and the token endpoint hands out (or refuses) tokens.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import socket
import stat
import threading
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from google.oauth2.credentials import Credentials

from followup.backends import gmail_auth
from followup.backends.gmail_auth import (
    COMPOSE_SCOPE,
    READONLY_SCOPE,
    SCOPES,
    authorise,
    fresh_credentials,
    load_token,
    save_token,
    token_path,
)
from followup.cli import cli
from followup.config_model import AccountConfig, Config, UserConfig
from followup.errors import AuthenticationError, FollowupError
from gmail_fake import GmailFake

PACKAGE = Path(gmail_auth.__file__).parents[1]
CONFIG = Config(path=None, user=UserConfig(name="Sam", addresses=("sam@example.org",)),
                accounts=(), state_dir=Path("/var/lib/followup"))


def credentials(fake: GmailFake | None = None, *, expired: bool = False,
                refresh_token: str = "1//fake-refresh") -> Credentials:
    token = fake.grant(refresh_token) if fake else "ya29.local"
    delta = timedelta(hours=-1 if expired else 1)
    return Credentials(token=token, refresh_token=refresh_token,
                       token_uri=fake.token_uri if fake else None, client_id="id",
                       client_secret="secret", scopes=list(SCOPES),
                       expiry=datetime.now(UTC).replace(tzinfo=None) + delta)


# -- scopes ------------------------------------------------------------------------------------

def test_exactly_two_scopes_readonly_and_compose() -> None:
    assert SCOPES == ("https://www.googleapis.com/auth/gmail.readonly",
                      "https://www.googleapis.com/auth/gmail.compose")
    assert (READONLY_SCOPE, COMPOSE_SCOPE) == SCOPES


def test_no_broader_scope_appears_anywhere_in_the_package() -> None:
    forbidden = ("gmail.metadata", "gmail.modify", "gmail.send", "gmail.insert",
                 "gmail.labels", "gmail.settings", "mail.google.com")
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        if path.name == "imap.py":
            # IMAP over XOAUTH2 (not this backend) names Google's IMAP scope in a hint.
            text = text.replace("https://mail.google.com/ scope", "")
        for word in forbidden:
            assert word not in text, f"{word} in {path}"
        scopes = set(re.findall(r"googleapis\.com/auth/[\w.]+", text))
        assert scopes <= {s.split("//www.")[1] for s in SCOPES}, path


# -- the token file ------------------------------------------------------------------------------

def test_the_token_is_written_0600_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "state" / "gmail-personal.json"
    previous = os.umask(0)
    try:
        save_token(path, credentials())
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["refresh_token"] == "1//fake-refresh"
    path.chmod(0o644)
    save_token(path, credentials(refresh_token="1//other"))  # replaced, not rewritten
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["refresh_token"] == "1//other"


def test_the_token_is_replaced_atomically(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gmail-personal.json"
    save_token(path, credentials())
    before = path.read_bytes()

    def broken_replace(source: Any, target: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gmail_auth.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_token(path, credentials(refresh_token="1//new"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_where_the_token_lives(tmp_path: Path) -> None:
    account = AccountConfig(name="personal", backend="gmail")
    assert token_path(account, CONFIG) == Path("/var/lib/followup/gmail-personal.json")
    chosen = AccountConfig(name="personal", backend="gmail", token_file=tmp_path / "t.json")
    assert token_path(chosen, CONFIG) == tmp_path / "t.json"


def test_no_token_says_which_command_makes_one(tmp_path: Path) -> None:
    with pytest.raises(AuthenticationError, match=r"run `followup auth gmail --account work`"):
        load_token(tmp_path / "missing.json", "work")
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(AuthenticationError, match="cannot read"):
        load_token(tmp_path / "bad.json", "work")


def test_a_token_readable_by_others_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text(credentials().to_json())
    path.chmod(0o644)
    load_token(path, "work")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# -- refresh ---------------------------------------------------------------------------------------

def test_an_expired_token_is_refreshed_and_saved_back(gmail_fake: GmailFake,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    save_token(path, credentials(gmail_fake, expired=True))
    old = json.loads(path.read_text())["token"]
    fresh = fresh_credentials(path, "work", token_uri=gmail_fake.token_uri)
    assert fresh.valid and fresh.token != old
    assert json.loads(path.read_text())["token"] == fresh.token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_refused_refresh_token_gives_one_clear_message(gmail_fake: GmailFake,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    save_token(path, credentials(gmail_fake, expired=True))
    gmail_fake.revoke()
    with pytest.raises(AuthenticationError) as raised:
        fresh_credentials(path, "work", token_uri=gmail_fake.token_uri)
    assert str(raised.value) == (
        "Gmail refused the saved authorisation for account work (revoked, or expired: apps "
        "left in 'Testing' get tokens that die after 7 days); run `followup auth gmail "
        "--account work` again")


def test_google_cannot_be_reached_is_a_lost_connection(tmp_path: Path) -> None:
    from followup.errors import ConnectionLost

    path = tmp_path / "token.json"
    save_token(path, credentials(expired=True))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once closed
    with pytest.raises(ConnectionLost):
        fresh_credentials(path, "work", token_uri=f"http://127.0.0.1:{port}/token")


# -- the consent flow ------------------------------------------------------------------------------

class Browser(io.TextIOBase):
    """Stands in for the user: when the flow prints the address, open it in a thread."""

    def __init__(self) -> None:
        self.printed = ""
        self.threads: list[threading.Thread] = []

    def write(self, text: str) -> int:
        self.printed += text
        found = re.search(r"http://127\.0\.0\.1:\d+/auth\?\S+", text)
        if found:
            thread = threading.Thread(target=lambda: urllib.request.urlopen(
                found.group(0), timeout=10).read(), daemon=True)
            thread.start()
            self.threads.append(thread)
        return len(text)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def client_secrets(gmail_fake: GmailFake, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks plain HTTP

    def no_browser(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a browser was opened")

    monkeypatch.setattr("webbrowser.get", no_browser)
    path = tmp_path / "client_secret.json"
    path.write_text(json.dumps({"installed": {
        "client_id": "fake.apps.googleusercontent.com", "client_secret": "fake-secret",
        "auth_uri": gmail_fake.root + "auth", "token_uri": gmail_fake.token_uri,
        "redirect_uris": ["http://localhost"]}}))
    return path


def run_flow(client_secrets: Path) -> tuple[Credentials, Browser]:
    browser = Browser()
    with contextlib.redirect_stdout(browser):
        result = authorise(client_secrets, port=free_port())
    for thread in browser.threads:
        thread.join(10)
    return result, browser


def test_the_consent_flow_asks_for_the_two_scopes_and_prints_the_address(
        gmail_fake: GmailFake, client_secrets: Path) -> None:
    result, browser = run_flow(client_secrets)
    (asked,) = gmail_fake.authorisations
    assert asked["scope"].split() == list(SCOPES)
    assert asked["access_type"] == "offline" and asked["prompt"] == "consent"
    assert asked["redirect_uri"].startswith("http://localhost:")
    assert "Open this address in a browser" in browser.printed
    assert result.refresh_token and result.refresh_token in gmail_fake.refresh_tokens


def test_a_scope_left_unticked_is_reported(gmail_fake: GmailFake,
                                           client_secrets: Path) -> None:
    gmail_fake.granted_scopes = [READONLY_SCOPE]
    with pytest.raises(FollowupError, match="gmail.compose"):
        run_flow(client_secrets)
    assert "OAUTHLIB_RELAX_TOKEN_SCOPE" not in os.environ


def test_a_missing_client_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(FollowupError, match="no OAuth client file"):
        authorise(tmp_path / "nope.json")
    (tmp_path / "web.json").write_text(json.dumps({"web": {}}))
    with pytest.raises(FollowupError, match="desktop app"):
        authorise(tmp_path / "web.json")


# -- the command -----------------------------------------------------------------------------------

def write_config(tmp_path: Path, accounts: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(f"user:\n  name: Sam Rivera\n  addresses: [sam@example.org]\n"
                    f"  timezone: UTC\naccounts:\n{accounts}state_dir: {tmp_path / 'state'}\n")
    return path


def test_followup_auth_gmail_saves_the_token(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    config = write_config(tmp_path, f"  - name: personal\n    backend: gmail\n"
                                    f"    client_secrets: {tmp_path / 'client.json'}\n")
    calls: list[tuple[Path, int]] = []

    def fake_authorise(secrets: Path, *, port: int) -> Credentials:
        calls.append((secrets, port))
        return credentials()

    monkeypatch.setattr(gmail_auth, "authorise", fake_authorise)
    result = CliRunner().invoke(cli, ["--config", str(config), "auth", "gmail", "--port",
                                      "8765"])
    assert result.exit_code == 0, result.output
    assert calls == [(tmp_path / "client.json", 8765)]
    assert "ssh -L 8765:localhost:8765" in result.output
    token = tmp_path / "state" / "gmail-personal.json"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert f"Saved the authorisation to {token}" in result.output


def test_followup_auth_gmail_needs_a_gmail_account(tmp_path: Path) -> None:
    config = write_config(tmp_path, f"  - name: local\n    backend: maildir\n"
                                    f"    path: {tmp_path}\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "auth", "gmail"])
    assert result.exit_code != 0
    assert "no account with `backend: gmail`" in str(result.exception)
    result = CliRunner().invoke(cli, ["--config", str(config), "auth", "gmail", "--account",
                                      "local"])
    assert "uses the maildir backend" in str(result.exception)


def test_auth_gmail_has_help() -> None:
    result = CliRunner().invoke(cli, ["auth", "gmail", "--help"])
    assert result.exit_code == 0 and "--client-secrets" in result.output
    assert "ssh -L" in result.output
