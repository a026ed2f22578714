"""A new user's first week (issue 15): time zones with a did-you-mean, the port/TLS pair,
-v/-q/--config after the command, -q that is quiet, a failed pass that says so, every
--help saying what it takes, the status table at 80 columns, the demo's folder, the
installed example config and the packaging metadata."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import pytest
import yaml
from click.testing import CliRunner
from rich.console import Console

from followup.cli import cli, print_status_table
from followup.config import parse_config, render_example
from followup.demo.run import default_demo_folder
from followup.errors import ConfigError
from followup.zones import zone_problem

ROOT = Path(__file__).resolve().parents[2]
USER = {"name": "Sam Rivera", "addresses": ["sam.rivera@example.org"],
        "timezone": "America/New_York"}


def problems_of(data: object) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(yaml.safe_dump(data), label="config.yaml")
    return caught.value.problems


def maildir_config(tmp_path: Path, **extra_account: object) -> Path:
    """A config with one local Maildir account (INBOX, .Sent, .Drafts) and its state."""
    mail = tmp_path / "Mail"
    for folder in (mail, mail / ".Sent", mail / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True)
    accounts: list[dict[str, object]] = [{"name": "local", "backend": "maildir",
                                          "path": str(mail)}]
    if extra_account:
        accounts.append(extra_account)
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"user": USER, "accounts": accounts,
                                    "state_dir": str(tmp_path / "state")}))
    return path


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "followup", *arguments], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "80"})


# --- time zones -------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "wanted"), [
    ("EST", "America/New_York"), ("MST", "America/Denver"), ("HST", "Pacific/Honolulu"),
    ("GMT", "Europe/London"), ("Etc/GMT+5", "the name of your city's zone"),
])
def test_fixed_offsets_are_refused_with_the_place_meant(name: str, wanted: str) -> None:
    problem = zone_problem(name)
    assert problem is not None and "fixed offset" in problem and "daylight saving" in problem
    assert wanted in problem


@pytest.mark.parametrize(("name", "wanted"), [
    ("US/Eastern", "America/New_York"), ("Canada/Eastern", "America/Toronto"),
    ("Japan", "Asia/Tokyo"), ("NZ", "Pacific/Auckland"), ("EST5EDT", "America/New_York"),
    ("CET", "Europe/Berlin"), ("UCT", "UTC"),
])
def test_old_aliases_are_refused_with_their_place_name(name: str, wanted: str) -> None:
    problem = zone_problem(name)
    assert problem is not None and "old alias" in problem and wanted in problem


@pytest.mark.parametrize(("name", "meant"), [
    ("Pacific/Aukland", "Pacific/Auckland"), ("europe/berlin", "Europe/Berlin"),
    ("America/New York", "America/New_York"), ("Aukland", "Pacific/Auckland"),
])
def test_misspelt_zones_get_a_did_you_mean(name: str, meant: str) -> None:
    assert zone_problem(name) == f"unknown time zone {name!r}; did you mean {meant!r}?"


@pytest.mark.parametrize("name", ["America/New_York", "Europe/Berlin", "UTC", "Etc/UTC",
                                  "Asia/Kolkata", "America/Argentina/Buenos_Aires"])
def test_place_names_and_utc_are_accepted(name: str) -> None:
    assert zone_problem(name) is None


def test_the_config_refuses_est_and_names_the_fix() -> None:
    problems = problems_of({"user": {**USER, "timezone": "EST"},
                            "accounts": [{"name": "a", "backend": "maildir", "path": "/m"}]})
    assert len(problems) == 1
    assert problems[0].startswith("config.yaml: user.timezone: 'EST' is a fixed offset")
    assert "America/New_York" in problems[0]


def test_the_config_suggests_auckland() -> None:
    [problem] = problems_of({"user": {**USER, "timezone": "Pacific/Aukland"},
                             "accounts": [{"name": "a", "backend": "maildir", "path": "/m"}]})
    assert problem.endswith("did you mean 'Pacific/Auckland'?")


def test_classify_tz_is_checked_the_same_way(tmp_path: Path) -> None:
    message = tmp_path / "m.eml"
    message.write_bytes(b"From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n")
    result = run("classify", "--tz", "Pacific/Aukland", str(message))
    assert result.returncode == 2
    assert "did you mean 'Pacific/Auckland'?" in result.stderr


# --- port and TLS ---------------------------------------------------------------------------

@pytest.mark.parametrize(("port", "tls", "named"), [
    (993, "starttls", "starttls on port 993, which is the implicit-TLS port"),
    (143, "implicit", "implicit on port 143, which is the plain/STARTTLS port"),
])
def test_a_port_that_does_not_fit_the_tls_mode_is_named(port: int, tls: str,
                                                       named: str) -> None:
    account = {"name": "a", "backend": "imap", "host": "imap.example.org", "port": port,
               "tls": tls, "username": "sam", "password_file": "~/pw"}
    [problem] = problems_of({"user": USER, "accounts": [account]})
    assert problem.startswith("config.yaml: accounts[0].tls: ") and named in problem


def test_other_ports_are_the_servers_choice() -> None:
    for port, tls in ((993, "implicit"), (143, "starttls"), (1143, "starttls"),
                      (10993, "implicit")):
        account = {"name": "a", "backend": "imap", "host": "imap.example.org", "port": port,
                   "tls": tls, "username": "sam", "password_file": "~/pw"}
        parse_config(yaml.safe_dump({"user": USER, "accounts": [account]}))


# --- global options, -q, exit status --------------------------------------------------------

def test_global_options_work_after_the_command(tmp_path: Path) -> None:
    config = maildir_config(tmp_path)
    before = run("--config", str(config), "scan")
    after = run("scan", "--config", str(config))
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    assert "local: read 0 new message(s)" in after.stdout
    nested = run("auth", "gmail", "--config", str(config))  # a subgroup's command too
    assert "no account with `backend: gmail`" in nested.stderr


def test_late_options_reach_the_shared_context(tmp_path: Path) -> None:
    config = maildir_config(tmp_path)
    result = CliRunner().invoke(cli, ["check-config", "-v", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert f"{config}: valid" in result.output
    assert logging.getLogger().level == logging.DEBUG
    CliRunner().invoke(cli, ["check-config", "--config", str(config), "-q"])
    assert logging.getLogger().level == logging.WARNING


def test_quiet_scan_prints_nothing_when_all_is_well(tmp_path: Path) -> None:
    config = maildir_config(tmp_path)
    for arguments in (("-q", "scan"), ("scan", "-q"), ("scan", "--quiet")):
        result = run("--config", str(config), *arguments)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), arguments


def test_a_pass_that_failed_for_an_account_exits_1_and_reassures_nobody(
        tmp_path: Path) -> None:
    # An IMAP account nobody listens for (port 1 on loopback: refused at once).
    password = tmp_path / "password"
    password.write_text("secret\n")
    password.chmod(0o600)
    config = maildir_config(tmp_path, name="work", backend="imap", host="127.0.0.1", port=1,
                            tls="none", username="sam", password_file=str(password),
                            connect_timeout=2)
    for quiet in ((), ("-q",)):
        result = run("scan", "--config", str(config), *quiet)
        assert result.returncode == 1
        assert "no draft is due now" not in result.stdout
        assert "the scan failed for work" in result.stderr
        assert "work: connecting" in result.stderr  # the error itself, logged
        if quiet:
            assert result.stdout == ""
        else:
            assert "local: read 0 new message(s)" in result.stdout  # the healthy account


def _commands(group: click.Group, prefix: tuple[str, ...] = ()
              ) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append(((*prefix, name), command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


def test_every_help_lists_the_values_its_options_take() -> None:
    for path, command in _commands(cli):
        result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=200)
        assert result.exit_code == 0, (path, result.output)
        for parameter in command.params:
            if not isinstance(parameter, click.Option) or parameter.hidden:
                continue
            for opt in parameter.opts:
                assert opt in result.output, (path, opt)
            if isinstance(parameter.type, click.Choice):
                for choice in parameter.type.choices:
                    assert str(choice) in result.output, (path, parameter.name, choice)
            if not parameter.is_flag and not parameter.count:
                # A value option names what it takes (ISO, NAME, ZONE, PATH, a range), not
                # click's bare TEXT.
                line = next(line for line in result.output.splitlines()
                            if parameter.opts[-1] in line)
                assert " TEXT" not in line, (path, line)
        for global_option in ("--config", "-q, --quiet", "-v, --verbose"):
            assert global_option in result.output, (path, global_option)


# --- status at 80 columns -------------------------------------------------------------------

def test_status_at_80_columns_never_wraps_an_id() -> None:
    rows = [{"id": "3fa9c2e1b07d", "company": "Northwind Labs International",
             "role": "Senior Platform Engineer, Infrastructure", "state": "awaiting_decision",
             "last_contact": "2026-12-04T10:15:00-05:00", "last_from_employer": None,
             "next_action": "status check to Maria Lopez-Fernandez",
             "when": "2026-12-18T09:00:00-05:00", "messages": 7},
            {"id": "a1b2c3d4e5f6", "company": None, "role": None, "state": "applied",
             "last_contact": None, "last_from_employer": None,
             "next_action": "nothing planned", "when": None, "messages": 1}]
    out = io.StringIO()
    print_status_table(rows, ZoneInfo("America/New_York"),
                       Console(file=out, width=80, force_terminal=False))
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    for row in rows:
        assert any(row["id"] in line for line in lines), out.getvalue()
    assert "Fri 18 Dec 09:00" in out.getvalue() and "America/New_York" in out.getvalue()


# --- the demo, the example, the packaging ---------------------------------------------------

def test_the_demo_leaves_nothing_in_the_folder_it_runs_in(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work_tree = tmp_path / "checkout"
    work_tree.mkdir()
    environment = {**os.environ, "HOME": str(home)}
    environment.pop("XDG_CACHE_HOME", None)
    result = subprocess.run([sys.executable, "-m", "followup", "demo", "--days", "3"],
                            cwd=work_tree, env=environment, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert list(work_tree.iterdir()) == []
    folder = home / ".cache" / "followup" / "demo-drafts"
    assert str(folder) in result.stdout
    assert default_demo_folder({"XDG_CACHE_HOME": "/var/cache/sam"}) == \
        Path("/var/cache/sam/followup/demo-drafts")
    assert default_demo_folder({"XDG_CACHE_HOME": "relative"}).parts[-3:] == \
        (".cache", "followup", "demo-drafts")  # relative XDG paths are ignored


def test_the_example_config_is_installed_with_the_command() -> None:
    result = run("check-config", "--example")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "config.example.yaml").read_text() == render_example()
    missing = run("--config", "/nonexistent/config.yaml", "status")
    assert missing.returncode == 78
    assert "followup check-config --example > /nonexistent/config.yaml" in missing.stderr


def test_the_license_is_an_spdx_string_for_setuptools_77() -> None:
    """setuptools 77 deprecated the `project.license` table (builds stop in February 2027);
    PEP 639's SPDX string needs setuptools >= 77."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "MIT"
    assert "setuptools>=77" in project["build-system"]["requires"]
    assert "schemas/*.json" in project["tool"]["setuptools"]["package-data"]["followup"]
