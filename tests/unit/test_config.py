"""Configuration: every kind of error names file, key and fix, and exits 78."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from followup.config import default_config_path, default_state_dir, parse_config, \
    render_example
from followup.errors import ConfigError
from followup.schema import SCHEMA, Key

ROOT = Path(__file__).resolve().parents[2]

MINIMAL = {
    "user": {"name": "Sam Rivera", "addresses": ["sam.rivera@example.org"],
             "timezone": "America/New_York"},
    "accounts": [{"name": "personal", "backend": "imap", "host": "imap.example.org",
                  "username": "sam", "password_file": "~/pw"}],
}


def problems_of(data: object) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(yaml.safe_dump(data), label="config.yaml")
    return caught.value.problems


def with_account(**changes: object) -> dict:
    account = {**MINIMAL["accounts"][0], **changes}
    return {**MINIMAL, "accounts": [account]}


def test_example_is_what_the_schema_renders() -> None:
    assert (ROOT / "config.example.yaml").read_text() == render_example()


def _all_keys(keys: tuple[Key, ...]) -> list[Key]:
    found = []
    for key in keys:
        found.append(key)
        found.extend(_all_keys(key.children))
    return found


def test_example_validates_and_every_key_is_documented() -> None:
    config = parse_config((ROOT / "config.example.yaml").read_text())
    assert config.user.name == "Sam Rivera"
    assert config.accounts[0].effective_port == 993
    lines = (ROOT / "config.example.yaml").read_text().splitlines()
    for key in _all_keys(SCHEMA):
        index = next(i for i, line in enumerate(lines)
                     if line.strip().lstrip("-# ").startswith(f"{key.name}:"))
        assert lines[index - 1].strip().startswith("# "), f"{key.name} has no comment"


def test_minimal_config_gets_the_spec_defaults() -> None:
    config = parse_config(yaml.safe_dump(MINIMAL))
    assert config.timing.thank_you_delay_hours == 2
    assert config.timing.status_check_silence_days == 10
    assert config.timing.final_note_after_days == 14
    assert config.user.working_days == (0, 1, 2, 3, 4)
    assert config.scan.interval_minutes == 10
    assert config.accounts[0].lookback_days == 120


def test_wrong_type_names_file_key_and_expectation() -> None:
    assert problems_of(with_account(port="abc")) == [
        "config.yaml: accounts[0].port: must be an integer between 1 and 65535, got 'abc'"]


def test_every_problem_is_reported_at_once() -> None:
    data = with_account(port=0, tls="ssl", lookback_days="lots")
    data["user"] = {**data["user"], "timezone": "Mars/Olympus"}
    found = problems_of(data)
    assert any("accounts[0].port" in p for p in found)
    assert any("accounts[0].tls: must be one of implicit, starttls, none" in p for p in found)
    assert any("accounts[0].lookback_days" in p for p in found)
    assert all(p.startswith("config.yaml: ") for p in found)


def test_semantic_errors_are_reported_after_types_are_right() -> None:
    data = {**MINIMAL, "user": {**MINIMAL["user"], "timezone": "Mars/Olympus"}}
    assert problems_of(data) == [
        "config.yaml: user.timezone: unknown time zone 'Mars/Olympus'; use an IANA name such "
        "as Europe/Berlin or America/New_York"]


def test_plain_password_in_yaml_is_refused_with_where_to_put_it() -> None:
    [problem] = problems_of(with_account(password="hunter2"))
    assert problem.startswith("config.yaml: accounts[0].password: secrets are not accepted")
    assert "password_file" in problem
    assert "hunter2" not in problem


def test_unknown_key_suggests_the_close_one() -> None:
    [problem] = problems_of(with_account(prot=993))
    assert problem == "config.yaml: accounts[0].prot: unknown key (did you mean 'port'?)"


def test_missing_required_keys() -> None:
    found = problems_of({"user": {"name": "Sam"}})
    assert "config.yaml: user.addresses: missing; Every address you send from." in found
    assert any(p.startswith("config.yaml: accounts: missing") for p in found)


def test_tls_none_only_on_loopback() -> None:
    [problem] = problems_of(with_account(tls="none"))
    assert "accounts[0].tls: 'none'" in problem and "loopback" in problem
    for host in ("127.0.0.1", "localhost", "::1", "127.1.2.3"):
        config = parse_config(yaml.safe_dump(with_account(tls="none", host=host)))
        assert config.accounts[0].effective_port == 143


def test_exactly_one_password_source() -> None:
    assert "no password source" in problems_of(with_account(password_file=None))[0]
    assert "several password sources" in problems_of(
        with_account(password_env="X"))[0]


def test_maildir_needs_a_path() -> None:
    data = {**MINIMAL, "accounts": [{"name": "local", "backend": "maildir"}]}
    assert problems_of(data) == ["config.yaml: accounts[0].path: missing; the maildir backend "
                                 "needs a Maildir path (or an mbox file)"]


def test_invalid_yaml_names_line() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("user: [unclosed", label="config.yaml")
    assert caught.value.problems[0].startswith("config.yaml: not valid YAML (line")


def test_duplicate_account_names() -> None:
    data = {**MINIMAL, "accounts": [MINIMAL["accounts"][0], MINIMAL["accounts"][0]]}
    assert "used by two accounts" in problems_of(data)[0]


def test_paths_and_state_dir_resolution(tmp_path: Path) -> None:
    assert default_config_path({"FOLLOWUP_CONFIG": str(tmp_path / "c.yaml")}) == \
        tmp_path / "c.yaml"
    assert default_state_dir({"STATE_DIRECTORY": "/var/lib/x:/var/lib/y"}) == Path("/var/lib/x")
    assert default_state_dir({"XDG_STATE_HOME": "/s"}) == Path("/s/followup")
    assert default_state_dir({}).parts[-3:] == (".local", "state", "followup")


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "followup", *args], capture_output=True,
                          text=True, env=env)


def test_check_config_on_the_example_succeeds(tmp_path: Path) -> None:
    # The example names ~/.config/followup/imap-password: check-config now looks at it.
    password = tmp_path / ".config" / "followup" / "imap-password"
    password.parent.mkdir(parents=True)
    password.write_text("app-password\n")
    env = {**os.environ, "HOME": str(tmp_path)}
    result = run_cli("check-config", str(ROOT / "config.example.yaml"), env=env)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
    assert "password from password_file" in result.stdout
    password.unlink()
    result = run_cli("check-config", str(ROOT / "config.example.yaml"), env=env)
    assert result.returncode == 78
    assert f"accounts[0].password_file: {password} does not exist" in result.stderr


def test_check_config_error_exits_78_with_the_path(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(with_account(port="abc", password="s3cret")))
    result = run_cli("check-config", str(path))
    assert result.returncode == 78
    assert "config.yaml: accounts[0].port: must be an integer between 1 and 65535, got 'abc'" \
        in result.stderr
    assert "config.yaml: accounts[0].password: secrets are not accepted" in result.stderr
    assert "s3cret" not in result.stderr + result.stdout


def test_missing_config_file_exits_78(tmp_path: Path) -> None:
    result = run_cli("--config", str(tmp_path / "nope.yaml"), "scan")
    assert result.returncode == 78
    assert "no such file" in result.stderr


# -- the files the configuration names (issue 14, point 5) -------------------------------------

def files_config(tmp_path: Path, **changes: object) -> Path:
    """A config whose files all exist, with `changes` to its first account; its path."""
    password = tmp_path / "imap-password"
    password.write_text("app-password\n")
    data = with_account(**{"host": "127.0.0.1", "port": 1, "tls": "none",
                           "password_file": str(password), **changes})
    data["state_dir"] = str(tmp_path / "state")
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_check_config_scan_and_run_stop_with_78_on_every_missing_or_unreadable_file(
        tmp_path: Path) -> None:
    (tmp_path / "not-a-certificate.pem").write_text("hello\n")
    (tmp_path / "a-directory").mkdir()
    (tmp_path / "empty").write_text("")
    cases = {
        "password_file: {p} does not exist": {"password_file": str(tmp_path / "gone")},
        "password_file: {p} is a directory": {"password_file": str(tmp_path / "a-directory")},
        "password_file: {p} is empty": {"password_file": str(tmp_path / "empty")},
        "ca_file: {p} does not exist": {"ca_file": str(tmp_path / "gone.pem")},
        "ca_file: {p} holds no PEM certificate": {
            "ca_file": str(tmp_path / "not-a-certificate.pem")},
    }
    for expected, changes in cases.items():
        path = files_config(tmp_path, **changes)
        named = Path(str(next(iter(changes.values()))))
        line = f"config.yaml: accounts[0].{expected.format(p=named)}"
        for command in (["check-config"], ["scan"], ["scan", "--dry-run"]):
            result = run_cli("--config", str(path), *command)
            assert result.returncode == 78, (command, result.stdout, result.stderr)
            assert line in result.stderr, (command, result.stderr)
            assert "Traceback" not in result.stderr
    good = files_config(tmp_path)
    assert run_cli("--config", str(good), "check-config").returncode == 0


def test_check_config_finds_gmail_files_and_the_templates_directory(tmp_path: Path) -> None:
    data = {**MINIMAL, "accounts": [{"name": "mail", "backend": "gmail",
                                     "client_secrets": str(tmp_path / "client.json")}],
            "state_dir": str(tmp_path / "state"),
            "drafts": {"templates_dir": str(tmp_path / "templates")}}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data))
    result = run_cli("check-config", str(path))
    assert result.returncode == 78
    assert result.stderr.splitlines() == [
        f"config.yaml: accounts[0].client_secrets: {tmp_path / 'client.json'} does not exist; "
        "download the OAuth client (Desktop app) JSON from Google Cloud there; see the "
        "README, 'Gmail'",
        f"config.yaml: accounts[0].token_file (default): {tmp_path / 'state' / 'gmail-mail.json'}"
        " does not exist; run `followup auth gmail --account mail`",
        f"config.yaml: drafts.templates_dir: {tmp_path / 'templates'} does not exist; create "
        "it, or remove the key to use the built-in templates"]
    (tmp_path / "client.json").write_text('{"installed": {"client_id": "x"}}')
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "gmail-mail.json").write_text("{}")
    (tmp_path / "templates").mkdir()
    result = run_cli("check-config", str(path))
    assert result.returncode == 0, result.stderr
