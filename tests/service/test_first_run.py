"""The first-run experience: `followup init` driven through its prompts, and `followup demo`."""

from __future__ import annotations

import stat
from datetime import datetime
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from rich.console import Console

from dovecot import DovecotServer, DovecotUser
from followup.cli import cli
from followup.config import load_config
from followup.demo.run import run_demo
from followup.setup_wizard import detect_timezone, guess_provider


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def invoke_init(config: Path, answers: list[str], *extra: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--config", str(config), "init", *extra],
                              input="\n".join(answers) + "\n")


def test_init_for_gmail_writes_a_private_commented_config_and_password_file(
        tmp_path: Path) -> None:
    config = tmp_path / "followup" / "config.yaml"
    result = invoke_init(config, [
        "Sam Rivera", "not an address", "sam.rivera@gmail.com",
        "",                   # provider: gmail, guessed from the address
        "",                   # user name: the address
        "Mars/Olympus_Mons", "Europe/Berlin",
        "",                   # account name: personal
        "y", "app-password-1234",
    ], "--no-connect")
    assert result.exit_code == 0, result.output
    assert "is not an email address" in result.output
    assert "unknown time zone 'Mars/Olympus_Mons'" in result.output
    assert "App passwords" in result.output  # Gmail advice
    text = config.read_text()
    assert mode(config) == 0o600
    assert "app-password-1234" not in text
    assert "# Your name, as it should appear in drafts." in text  # schema descriptions
    loaded = load_config(config)
    account = loaded.accounts[0]
    assert (account.host, account.port, account.tls) == ("imap.gmail.com", 993, "implicit")
    assert account.username == "sam.rivera@gmail.com"
    assert loaded.user.timezone == "Europe/Berlin"
    assert loaded.user.addresses == ("sam.rivera@gmail.com",)
    password_file = config.parent / "imap-password"
    assert account.password_file == password_file
    assert password_file.read_text() == "app-password-1234\n"
    assert mode(password_file) == 0o600
    assert f"{config}: valid" in result.output


def test_init_never_overwrites_an_existing_config(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("user: {}\n")
    result = invoke_init(config, ["Sam"])
    assert result.exit_code == 1
    assert "already exists" in result.output and "never overwrites" in result.output
    assert config.read_text() == "user: {}\n"


@pytest.mark.parametrize(("provider", "host"), [
    ("outlook", "outlook.office365.com"), ("fastmail", "imap.fastmail.com"),
    ("icloud", "imap.mail.me.com")])
def test_init_fills_in_the_server_of_each_provider(tmp_path: Path, provider: str,
                                                   host: str) -> None:
    config = tmp_path / "config.yaml"
    result = invoke_init(config, ["Sam", "sam@example.org", provider, "", "UTC", "", "n"],
                         "--no-connect")
    assert result.exit_code == 0, result.output
    account = load_config(config).accounts[0]
    assert (account.host, account.port, account.tls) == (host, 993, "implicit")
    assert "Write your password into" in result.output
    assert "The login was not checked" in result.output  # never a silent skip
    assert not (tmp_path / "imap-password").exists()


def test_guesses() -> None:
    assert guess_provider("a@GMail.com") == "gmail"
    assert guess_provider("a@me.com") == "icloud"
    assert guess_provider("a@hotmail.com") == "outlook"
    assert guess_provider("a@example.org") == "other"
    assert detect_timezone({"TZ": ":Europe/Paris"}) == "Europe/Paris"
    assert detect_timezone({"TZ": "Nowhere/Special"}, Path("/nonexistent")) != "Nowhere/Special"


@pytest.mark.dovecot
def test_init_for_another_imap_server_then_logs_in(
        tmp_path: Path, dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    config = tmp_path / "config.yaml"
    result = invoke_init(config, [
        "Sam Rivera", "sam.rivera@example.org", "other", "127.0.0.1", "none",
        str(dovecot_server.plain_port), dovecot_user.name, "America/New_York", "home",
        "y", dovecot_user.password, "y"])
    assert result.exit_code == 0, result.output
    assert "home: connected; inbox = INBOX, sent = Sent, drafts = Drafts" in result.output
    assert dovecot_user.password not in config.read_text()


def test_init_checks_each_answer_where_it_is_given(tmp_path: Path) -> None:
    """A fixed-offset zone and a misspelt one get the name to use; an account name typed as
    the next question's "y" is refused; a port that does not fit the encryption is named
    and both are asked again."""
    config = tmp_path / "config.yaml"
    result = invoke_init(config, [
        "Sam Rivera", "sam.rivera@example.org", "other", "imap.example.org",
        "starttls", "993",            # the implicit-TLS port with STARTTLS: asked again
        "starttls", "",               # 143, the default for starttls
        "",                           # user name: the address
        "EST", "Pacific/Aukland", "Pacific/Auckland",
        "y", "home",                  # "y" is not an account name
        "n",
    ], "--no-connect")
    assert result.exit_code == 0, result.output
    assert "starttls on port 993, which is the implicit-TLS port" in result.output
    assert "'EST' is a fixed offset" in result.output and "America/New_York" in result.output
    assert "did you mean 'Pacific/Auckland'?" in result.output
    assert "'y' looks like the answer to a yes/no question" in result.output
    loaded = load_config(config)
    account = loaded.accounts[0]
    assert (account.name, account.port, account.tls) == ("home", 143, "starttls")
    assert loaded.user.timezone == "Pacific/Auckland"


@pytest.mark.dovecot
def test_init_exits_non_zero_when_the_login_check_fails_and_says_how_to_retry(
        tmp_path: Path, dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    config = tmp_path / "config.yaml"
    result = invoke_init(config, [
        "Sam Rivera", "sam.rivera@example.org", "other", "127.0.0.1", "none",
        str(dovecot_server.plain_port), dovecot_user.name, "America/New_York", "home",
        "y", "not-the-password", "y"])
    assert result.exit_code == 1, result.output
    assert "home: FAILED" in result.output and "refused the login" in result.output
    assert "The login check failed" in result.output
    assert "followup check-config --connect" in result.output
    assert str(tmp_path / "imap-password") in result.output  # where to fix the password
    assert config.exists() and load_config(config).accounts[0].name == "home"  # kept
    assert "not-the-password" not in config.read_text()


def demo_drafts(out: Path) -> dict[str, list[str]]:
    """{kind: [recipient addresses]} of the .eml files the demo left."""
    found: dict[str, list[str]] = {}
    for path in sorted(out.glob("*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        kind = path.name.split("-")[1]
        found.setdefault(kind, []).extend(
            address.addr_spec for address in message["To"].addresses)
        assert mode(path) == 0o600
    return found


EXPECTED = {
    "thank_you": ["dana.kim@northwindlabs.example", "luis.ortega@northwindlabs.example"],
    "rejection_response": ["priya@acme-robotics.example"],
    "status_check": ["maria.lopez@northwindlabs.example"],
}


def test_demo_command_leaves_the_expected_drafts(tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    result = CliRunner().invoke(cli, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert demo_drafts(out) == EXPECTED
    assert "read as interview_scheduled" in result.output
    assert "read as recruiter_outreach" in result.output
    assert "not about an application" in result.output  # the job-alert digest
    assert "draft thank_you to Dana Kim" in result.output
    assert "4 draft(s) written to" in result.output


def test_demo_across_a_change_of_daylight_saving_time(tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    today = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("America/New_York"))
    with open(tmp_path / "demo.txt", "w") as transcript:
        result = run_demo(out, 14, console=Console(file=transcript, width=200), today=today)
    assert result.start == datetime(2026, 3, 2, 8, 0, tzinfo=ZoneInfo("America/New_York"))
    assert demo_drafts(out) == EXPECTED
    kinds_by_day = {(draft.kind, draft.made_at.strftime("%a")) for draft in result.drafts}
    assert ("thank_you", "Fri") in kinds_by_day and ("status_check", "Thu") in kinds_by_day
