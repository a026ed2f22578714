"""The systemd units: `systemd-analyze verify --user` where it is installed, and always a
check of the keys that make them right (parsed like systemd reads them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

UNITS = Path(__file__).resolve().parents[2] / "systemd"
NAMES = ("followup.service", "followup-scan.service", "followup-scan.timer")


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """{section: {key: [values]}}: comments, blank lines and continuations as systemd reads
    them (a key may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    pending = ""
    for raw in path.read_text().splitlines():
        line = pending + raw.strip()
        pending = ""
        if not line or line.startswith(("#", ";")):
            continue
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path.name}: {line!r} outside a section"
        key, separator, value = line.partition("=")
        assert separator, f"{path.name}: {line!r} is not KEY=VALUE"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def one(sections: dict[str, dict[str, list[str]]], section: str, key: str) -> str:
    values = sections[section][key]
    assert len(values) == 1, f"{key} set {len(values)} times"
    return values[0]


def test_the_daemon_unit_has_what_a_well_behaved_user_service_needs() -> None:
    unit = parse_unit(UNITS / "followup.service")
    service = unit["Service"]
    assert one(unit, "Service", "Type") == "notify"
    assert one(unit, "Service", "ExecStart").endswith("/followup run")
    assert one(unit, "Service", "Restart") == "on-failure"
    assert one(unit, "Service", "RestartPreventExitStatus") == "78"
    assert one(unit, "Service", "StateDirectory") == "followup"
    assert one(unit, "Service", "ConfigurationDirectory") == "followup"
    assert one(unit, "Service", "LoadCredential") == "imap-password:%E/followup/imap-password"
    assert one(unit, "Service", "UMask") == "0077"
    assert "PYTHONUNBUFFERED=1" in service["Environment"]
    assert one(unit, "Service", "WatchdogSec")
    assert one(unit, "Service", "ExecReload") == "kill -HUP $MAINPID"
    for hardening in ("NoNewPrivileges", "LockPersonality", "RestrictRealtime"):
        assert one(unit, "Service", hardening) == "yes"
    assert one(unit, "Service", "SystemCallArchitectures") == "native"
    # Options that need a mount namespace do not work in every user manager.
    for unusable in ("PrivateTmp", "ProtectSystem", "ProtectHome", "User", "Group"):
        assert unusable not in service
    assert one(unit, "Install", "WantedBy") == "default.target"
    # User managers have no network-online.target.
    assert "network-online.target" not in " ".join(
        " ".join(values) for values in unit.get("Unit", {}).values())


def test_the_scan_unit_and_its_timer() -> None:
    scan = parse_unit(UNITS / "followup-scan.service")
    assert one(scan, "Service", "Type") == "oneshot"
    assert one(scan, "Service", "ExecStart").endswith("/followup scan")
    assert "flock -n" in one(scan, "Service", "ExecStart")
    assert one(scan, "Service", "StateDirectory") == "followup"
    assert one(scan, "Service", "UMask") == "0077"
    timer = parse_unit(UNITS / "followup-scan.timer")
    assert one(timer, "Timer", "OnCalendar") == "*:0/15"
    assert one(timer, "Timer", "Persistent") == "true"
    assert one(timer, "Timer", "RandomizedDelaySec") == "60"
    assert one(timer, "Install", "WantedBy") == "timers.target"


KNOWN_SECTIONS = {"Unit", "Service", "Timer", "Install"}


def test_systemd_analyze_verify_user_finds_no_problem(tmp_path: Path) -> None:
    """`systemd-analyze verify --user` where it is installed; where it is not (some CI
    images), every unit is at least parsed into known sections (never skipped)."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        for name in NAMES:
            sections = parse_unit(UNITS / name)
            assert set(sections) <= KNOWN_SECTIONS, (name, set(sections))
            assert sections.get("Unit", {}).get("Description"), name
        return
    executable = shutil.which("followup") or str(Path(sys.executable).with_name("followup"))
    assert os.access(executable, os.X_OK)
    for name in NAMES:
        # The units name ~/.local/bin/followup; verify checks the command exists.
        text = (UNITS / name).read_text().replace("%h/.local/bin/followup", executable)
        (tmp_path / name).write_text(text)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    environment = dict(os.environ, XDG_RUNTIME_DIR=str(runtime),
                       SYSTEMD_LOG_LEVEL="warning")
    result = subprocess.run([analyze, "verify", "--user", "--man=no",
                             *(str(tmp_path / name) for name in NAMES)],
                            check=False, capture_output=True, text=True, timeout=60,
                            env=environment,
                            cwd=tmp_path)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if str(tmp_path) in line or "Unknown" in line or "not executable" in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr
