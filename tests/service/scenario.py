"""Scenario mail and a `followup run` subprocess for the service tests.

Mail is built with `email.message.EmailMessage`; the calendar invitation is a
text/calendar METHOD:REQUEST part with DTSTART/DTEND and the interviewers as ATTENDEEs,
which the judge reads as `interview_scheduled`.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from dovecot import DOVECOT, DovecotServer, DovecotUser

ME = ("Sam Rivera", "sam.rivera@example.org")
RECRUITER = ("Maria Lopez", "maria.lopez@northwindlabs.example")
INTERVIEWERS = [("Dana Kim", "dana.kim@northwindlabs.example"),
                ("Luis Ortega", "luis.ortega@northwindlabs.example")]
# A sentence of the invitation's body: the service's log must never contain it.
BODY_SECRET = "Bring the whiteboard marker shaped like a giraffe"


def invitation(start: datetime, end: datetime, *, sent: datetime | None = None,
               uid: str | None = None, company: str = "Northwind Labs",
               interviewers: list[tuple[str, str]] | None = None) -> bytes:
    """A calendar invitation (METHOD:REQUEST) from the recruiter for an interview."""
    interviewers = INTERVIEWERS if interviewers is None else interviewers
    sent = sent or (start - timedelta(days=2))
    domain = RECRUITER[1].split("@")[1]
    message = EmailMessage()
    message["From"] = f"{RECRUITER[0]} <{RECRUITER[1]}>"
    message["To"] = f"{ME[0]} <{ME[1]}>"
    message["Subject"] = f"Invitation: {company} interview - Senior Data Engineer"
    message["Date"] = format_datetime(sent)
    message["Message-ID"] = make_msgid(domain=domain)
    names = " and ".join(name for name, _ in interviewers)
    message.set_content(f"Hi Sam,\n\nYou're confirmed for your interview for the Senior Data "
                        f"Engineer role at {company}. You'll meet {names}. {BODY_SECRET}.\n\n"
                        f"Best,\nMaria Lopez\nTalent Partner, {company}\n")

    def stamp(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    lines = ["BEGIN:VCALENDAR", "PRODID:-//Example Calendar//EN", "VERSION:2.0",
             "METHOD:REQUEST", "BEGIN:VEVENT",
             f"UID:{uid or make_msgid(domain=domain).strip('<>')}", "SEQUENCE:0",
             f"DTSTAMP:{stamp(sent)}", f"DTSTART:{stamp(start)}", f"DTEND:{stamp(end)}",
             f"SUMMARY:{company} interview - Senior Data Engineer",
             f"ORGANIZER;CN={RECRUITER[0]}:mailto:{RECRUITER[1]}",
             f"ATTENDEE;CN={ME[0]};ROLE=REQ-PARTICIPANT:mailto:{ME[1]}"]
    lines += [f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT:mailto:{address}"
              for name, address in interviewers]
    lines += ["LOCATION:https://meet.example.com/nwl", "STATUS:CONFIRMED", "END:VEVENT",
              "END:VCALENDAR", ""]
    message.add_alternative("\r\n".join(lines), subtype="calendar",
                            params={"method": "REQUEST"})
    return message.as_bytes()


def write_config(directory: Path, server: DovecotServer, user: DovecotUser, *,
                 password: str | None = None, interval_minutes: float = 10,
                 thank_you_delay_hours: float = 0, idle: bool = True,
                 extra_accounts: str = "") -> Path:
    """A config for `user` on `server` (plain IMAP on loopback), its password file (0600)
    and a state directory, all under `directory`. Returns the config path."""
    directory.mkdir(parents=True, exist_ok=True)
    password_file = directory / f"password-{user.name}"
    password_file.write_text((password or user.password) + "\n")
    os.chmod(password_file, 0o600)
    text = f"""\
user:
  name: {ME[0]}
  addresses: [{ME[1]}]
  timezone: America/New_York
  signature: "{ME[0]}"
accounts:
  - name: personal
    backend: imap
    host: 127.0.0.1
    port: {server.plain_port}
    tls: none
    username: {user.name}
    password_file: {password_file}
    connect_timeout: 3
    read_timeout: 10
{extra_accounts}scan:
  interval_minutes: {interval_minutes}
  idle: {"true" if idle else "false"}
timing:
  thank_you_delay_hours: {thank_you_delay_hours}
state_dir: {directory / "state"}
"""
    path = directory / "config.yaml"
    path.write_text(text)
    return path


class ServiceProcess:
    """`followup -v --config CONFIG run ...` as a subprocess; its log goes to a file."""

    def __init__(self, config: Path, *arguments: str, env: dict[str, str] | None = None,
                 verbose: bool = True) -> None:
        self.config = config
        self.log_path = config.parent / "service.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed by stop() / __exit__
        environment = dict(os.environ)
        environment.pop("NOTIFY_SOCKET", None)
        environment.pop("JOURNAL_STREAM", None)
        environment.update(env or {})
        command = [sys.executable, "-m", "followup", "--config", str(config)]
        command += ["-v"] if verbose else []
        command += ["run", "--no-progress", "--max-backoff", "2", "--min-backoff", "0.5",
                    *arguments]
        self.started = time.monotonic()
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                        stdout=self._log, stderr=subprocess.STDOUT,
                                        env=environment)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, pattern: str, timeout: float = 15.0, after: int = 0) -> re.Match[str]:
        """The first match of `pattern` in the log past offset `after`; fails after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            match = re.compile(pattern).search(self.log(), after)
            if match:
                return match
            if self.process.poll() is not None:
                raise AssertionError(f"followup run exited {self.process.returncode} before "
                                     f"logging {pattern!r}:\n{self.log()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {pattern!r} in the log within {timeout} s:\n"
                                     f"{self.log()}")
            time.sleep(0.05)

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def stop(self, timeout: float = 10.0) -> tuple[int, float]:
        """SIGTERM; returns (exit status, seconds it took)."""
        began = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._log.close()
        return status, time.monotonic() - began

    def __enter__(self) -> ServiceProcess:  # noqa: PYI034 - final class, plain self
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._log.close()


def restart_on_same_ports(server: DovecotServer) -> None:
    """Start a stopped `server` again from its written config: same ports, same mail."""
    with open(server.root / "log" / "stdio.log", "ab") as stdio:
        subprocess.run([DOVECOT, "-c", str(server.config_file)], check=True,
                       stdin=subprocess.DEVNULL, stdout=stdio, stderr=stdio, timeout=30)
    server._wait_for_port(server.plain_port)


def wait_until(condition: Callable[[], Any], timeout: float, step: float = 0.1) -> Any:
    """Poll `condition` until it returns something true; that value, or None on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(step)
