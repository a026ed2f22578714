"""The systemd units: a check of the keys that make them right (parsed like systemd reads
them). `systemd-analyze verify` runs on them as installed in test_readme_path.py."""

from __future__ import annotations

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


# `systemd-analyze verify` of the units as the README installs them (no path replaced):
# tests/service/test_readme_path.py.
