"""The README's path for a new user, run as written in a fresh home: the install's link and
state folder (scripts/link-command, the last step of scripts/install), the systemd units
copied by the README's own commands and checked by `systemd-analyze verify`, and the cron
line run verbatim by /bin/sh under flock with cron's bare environment."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

from dovecot import DovecotServer, DovecotUser
from tests.e2e.scenario import acknowledgement, at

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
SYSTEMD_README = (ROOT / "systemd" / "README.md").read_text()


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def cron_line() -> str:
    """The README's cron line: the same in the README and systemd/README.md."""
    [line] = [b.strip() for b in blocks(README, "cron")]
    assert [b.strip() for b in blocks(SYSTEMD_README, "cron")] == [line]
    return line


def fresh_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def link_command(home: Path, path: str, system_bin: Path) -> subprocess.CompletedProcess[str]:
    """scripts/link-command as scripts/install runs it, for a user whose home is `home`."""
    environment = {"HOME": str(home), "PATH": path, "FOLLOWUP_SYSTEM_BIN": str(system_bin)}
    return subprocess.run([str(ROOT / "scripts" / "link-command")], env=environment,
                          capture_output=True, text=True, timeout=60, check=False)


def installed_home(tmp_path: Path) -> Path:
    home = fresh_home(tmp_path)
    result = link_command(home, f"{home}/.local/bin:/usr/bin:/bin", tmp_path / "system-bin")
    assert result.returncode == 0, result.stderr
    return home


def test_the_install_links_the_command_where_units_and_cron_look(tmp_path: Path) -> None:
    home = fresh_home(tmp_path)
    system_bin = tmp_path / "system-bin"
    # As root with ~/.local/bin not on PATH (Debian's root): also a link on root's PATH.
    result = link_command(home, "/usr/local/bin:/usr/bin:/bin", system_bin)
    assert result.returncode == 0, result.stderr
    command = home / ".local" / "bin" / "followup"
    target = ROOT / ".venv" / "bin" / "followup"
    assert command.is_symlink() and command.resolve() == target.resolve()
    if os.getuid() == 0:
        assert (system_bin / "followup").resolve() == target.resolve()
    else:
        assert "export PATH=" in result.stderr
    state = home / ".local" / "state" / "followup"
    assert state.is_dir() and stat.S_IMODE(state.stat().st_mode) == 0o700
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True,
                             check=True, timeout=60)
    assert version.stdout.startswith("followup")
    # Again (after a git pull): same result, no error.
    again = link_command(home, f"{home}/.local/bin:/usr/bin:/bin", system_bin)
    assert again.returncode == 0 and command.resolve() == target.resolve()


def test_the_install_never_replaces_a_command_it_did_not_link(tmp_path: Path) -> None:
    home = fresh_home(tmp_path)
    (home / ".local" / "bin").mkdir(parents=True)
    other = home / ".local" / "bin" / "followup"
    other.write_text("#!/bin/sh\necho other\n")
    result = link_command(home, f"{home}/.local/bin:/usr/bin:/bin", tmp_path / "system-bin")
    assert result.returncode == 1
    assert "is not a link made by scripts/install" in result.stderr
    assert other.read_text() == "#!/bin/sh\necho other\n"


def test_systemd_analyze_verifies_the_units_as_the_readme_installs_them(
        tmp_path: Path) -> None:
    """The README's own mkdir/cp lines copy the units into ~/.config/systemd/user of a fresh
    home with the install's link; `systemd-analyze --user verify` then checks them as they
    are, ExecStart's %h/.local/bin/followup included (it must exist and be executable)."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, ("systemd-analyze is missing: ./scripts/test installs it as root "
                     "(apt-get install systemd)")
    home = installed_home(tmp_path)
    copy_lines = [line.split("#")[0].strip()
                  for block in blocks(README, "sh") + blocks(SYSTEMD_README, "sh")
                  for line in block.splitlines()
                  if line.startswith(("mkdir -p ~/.config/systemd", "cp systemd/"))]
    assert any("followup-scan.timer" in line for line in copy_lines), copy_lines
    for line in copy_lines:
        subprocess.run(["/bin/sh", "-c", line], cwd=ROOT, env={"HOME": str(home),
                       "PATH": "/usr/bin:/bin"}, check=True, timeout=60)
    units = sorted((home / ".config" / "systemd" / "user").iterdir())
    assert [unit.name for unit in units] == ["followup-scan.service", "followup-scan.timer",
                                             "followup.service"]
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = subprocess.run(
        [analyze, "--user", "verify", "--man=no", *map(str, units)],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(runtime),
             "SYSTEMD_LOG_LEVEL": "notice"},
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for unit in units:
        assert unit.name not in output, output  # no complaint about any of them


def write_config(home: Path, server: DovecotServer, user: DovecotUser,
                 password: str | None = None) -> None:
    """What `followup init` leaves: ~/.config/followup/config.yaml and imap-password."""
    folder = home / ".config" / "followup"
    folder.mkdir(parents=True, mode=0o700)
    secret = folder / "imap-password"
    secret.write_text((password or user.password) + "\n")
    secret.chmod(0o600)
    config = {
        "user": {"name": "Sam Rivera", "addresses": ["sam.rivera@example.org"],
                 "timezone": "America/New_York"},
        "accounts": [{"name": "personal", "backend": "imap", "host": "127.0.0.1",
                      "port": server.plain_port, "tls": "none", "username": user.name,
                      "password_file": "~/.config/followup/imap-password",
                      "connect_timeout": 5.0, "read_timeout": 15.0}],
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config))
    path.chmod(0o600)


def run_cron_line(home: Path) -> subprocess.CompletedProcess[str]:
    """The README's cron line as cron runs it: the command after the five time fields, by
    /bin/sh, with cron's environment (HOME, LOGNAME, SHELL=/bin/sh, PATH=/usr/bin:/bin)."""
    command = cron_line().split(None, 5)[5]
    environment = {"HOME": str(home), "LOGNAME": "sam", "SHELL": "/bin/sh",
                   "PATH": "/usr/bin:/bin"}
    return subprocess.run(["/bin/sh", "-c", command], env=environment, capture_output=True,
                          text=True, timeout=120, check=False, cwd=home)


@pytest.mark.dovecot
def test_the_cron_line_works_verbatim_for_a_fresh_user_and_is_silent(
        tmp_path: Path, dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    assert cron_line().startswith("*/15 * * * *  flock -n ~/.local/state/followup/lock "
                                  "~/.local/bin/followup -q scan")
    home = installed_home(tmp_path)
    write_config(home, dovecot_server, dovecot_user)
    # The first run, before any manual scan: flock finds the lock's folder.
    first = run_cron_line(home)
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "")
    assert (home / ".local" / "state" / "followup" / "state.db").exists()
    assert (home / ".local" / "state" / "followup" / "lock").exists()
    # New mail, a new application: still nothing for cron to mail.
    dovecot_server.deliver(dovecot_user, acknowledgement(at(2, 9)), "INBOX", when=at(2, 9))
    second = run_cron_line(home)
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
    # While the daemon (or a long scan) holds the lock, the run is skipped, silently.
    with open(home / ".local" / "state" / "followup" / "lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        skipped = run_cron_line(home)
    assert (skipped.stdout, skipped.stderr) == ("", "")
    assert skipped.returncode == 1  # flock -n: "fail rather than wait"


@pytest.mark.dovecot
def test_the_cron_line_reports_a_refused_login_on_stderr_only(
        tmp_path: Path, dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    home = installed_home(tmp_path)
    write_config(home, dovecot_server, dovecot_user, password="wrong-password")
    result = run_cron_line(home)
    assert result.returncode == 1
    assert result.stdout == ""  # nothing that reads as "all is well"
    assert "personal" in result.stderr and "refused the login" in result.stderr
    assert "the scan failed for personal" in result.stderr
    assert "wrong-password" not in result.stderr


def test_every_followup_command_in_the_readmes_exists_with_its_options() -> None:
    """Each `followup ...` line of the README's and systemd/README.md's shell blocks names a
    command that exists, and every option it shows is in that command's --help."""
    from click.testing import CliRunner

    from followup.cli import cli

    lines = [line.split("#")[0].strip()
             for block in blocks(README, "sh") + blocks(SYSTEMD_README, "sh")
             for line in block.splitlines() if line.strip().startswith("followup ")]
    assert len(lines) >= 15, lines
    for line in lines:
        words = [word.strip("[]") for word in line.split()[1:]]
        path = []
        for word in words:
            if word.startswith("-") or not re.fullmatch(r"[a-z-]+", word):
                break
            path.append(word)
            if path == ["app"]:
                break
        result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=200)
        assert result.exit_code == 0, (line, result.output)
        for word in words:
            option = word.split("=")[0]
            if option.startswith("-"):
                assert option in result.output, (line, option)
