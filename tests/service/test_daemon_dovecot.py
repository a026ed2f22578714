"""`followup run` as a subprocess against the real Dovecot: due-time wake-ups, IDLE,
outages, signals, wrong passwords, sd_notify and the privacy of its log.

Timings are printed (pytest -s shows them) and bounded by generous limits.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer, DovecotUser

from .scenario import (
    BODY_SECRET,
    ServiceProcess,
    invitation,
    restart_on_same_ports,
    wait_until,
    write_config,
)

pytestmark = pytest.mark.dovecot
# How long the outage test keeps Dovecot down. Dovecot's IMAP processes say BYE to an
# idling client about 10 s after the master stops, so 12 s covers both ways of noticing.
OUTAGE_SECONDS = float(os.environ.get("FOLLOWUP_TEST_OUTAGE_SECONDS", "12"))


def drafts_of(server: DovecotServer, user: DovecotUser) -> list[dict[str, Any]]:
    return server.read_folder(user, "Drafts")


def recipients(drafts: list[dict[str, Any]]) -> list[str]:
    return sorted(str(message_from_bytes(draft["raw"], policy=policy.default)["To"])
                  for draft in drafts)


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.2)
    yield sock, path
    sock.close()


def received(sock: socket.socket, wanted: str, timeout: float) -> list[str]:
    """Datagrams read until one contains `wanted` (all of them), or AssertionError."""
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while time.monotonic() < deadline:
        try:
            seen.append(sock.recv(4096).decode())
        except TimeoutError:
            continue
        if wanted in seen[-1]:
            return seen
    raise AssertionError(f"no {wanted!r} from sd_notify within {timeout} s; got {seen}")


def test_a_draft_appears_within_seconds_of_its_due_time_and_the_log_stays_private(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    end = (now + timedelta(seconds=5)).replace(microsecond=0)  # calendar times are whole s
    dovecot_server.deliver(dovecot_user, invitation(now - timedelta(minutes=45), end),
                           when=now - timedelta(days=1))
    config = write_config(tmp_path, dovecot_server, dovecot_user, thank_you_delay_hours=0)
    with ServiceProcess(config) as service:
        service.wait_for_log(r"next draft \d{4}-")
        drafts = wait_until(lambda: drafts_of(dovecot_server, dovecot_user),
                            timeout=(end - datetime.now(UTC)).total_seconds() + 10, step=0.05)
        appeared = datetime.now(UTC)
        assert drafts, service.log()
        latency = (appeared - end).total_seconds()
        print(f"\ndraft latency after the due time: {latency:.2f} s")
        assert 0 <= latency < 5
        time.sleep(0.5)  # both thank-you notes come from the same pass
        drafts = drafts_of(dovecot_server, dovecot_user)
        assert recipients(drafts) == ["Dana Kim <dana.kim@northwindlabs.example>",
                                      "Luis Ortega <luis.ortega@northwindlabs.example>"]
        status, _ = service.stop()
    assert status == 0
    log = service.log()
    assert dovecot_user.password not in log
    assert BODY_SECRET not in log and "giraffe" not in log
    assert "DEBUG" in log  # -v was on: the debug lines, too, carry no body or password


def test_idle_wakes_a_pass_within_seconds_of_new_mail(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    with ServiceProcess(config) as service:
        service.wait_for_log("watching the inbox with IDLE")
        service.wait_for_log(r"pass: nothing new")
        mark = len(service.log())
        now = datetime.now(UTC)
        began = time.monotonic()
        dovecot_server.append(dovecot_user, "INBOX", invitation(
            now + timedelta(days=2), now + timedelta(days=2, hours=1)))
        service.wait_for_log(r"pass: 1 new message", timeout=10, after=mark)
        latency = time.monotonic() - began
        print(f"\nIDLE latency (APPEND to the end of the pass): {latency:.2f} s")
        assert latency < 5
        assert "pass (new mail in personal)" in service.log()[mark:]
        status, _ = service.stop()
    assert status == 0


def test_an_outage_is_logged_once_and_the_service_recovers_without_duplicates(
        private_dovecot: DovecotServer, tmp_path: Path) -> None:
    server = private_dovecot
    user = server.add_user()
    now = datetime.now(UTC)
    end = (now + timedelta(seconds=4)).replace(microsecond=0)  # due while the server is down
    server.deliver(user, invitation(now - timedelta(minutes=45), end),
                   when=now - timedelta(days=1))
    config = write_config(tmp_path, server, user, thank_you_delay_hours=0)
    with ServiceProcess(config) as service:
        service.wait_for_log("watching the inbox with IDLE")
        service.wait_for_log(r"next draft \d{4}-")
        server.stop()
        down_at = time.monotonic()
        service.wait_for_log(r"personal: connection lost \(", timeout=OUTAGE_SECONDS + 5)
        time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - down_at)))
        assert service.process.poll() is None
        restart_on_same_ports(server)
        up_at = time.monotonic()
        service.wait_for_log(r"personal: reconnected", timeout=15)
        drafts = wait_until(lambda: len(drafts_of(server, user)) >= 2, timeout=15)
        reconnect = time.monotonic() - up_at
        print(f"\noutage {up_at - down_at:.1f} s; reconnected and drafted {reconnect:.2f} s "
              "after the server came back")
        assert drafts, service.log()
        assert reconnect < 10
        time.sleep(3)  # a few more passes (polls, IDLE reconnects): still no duplicate
        assert len(drafts_of(server, user)) == 2
        status, _ = service.stop()
    assert status == 0
    log = service.log()
    changes = re.findall(r"personal: (connection lost|reconnected)", log)
    assert changes[:2] == ["connection lost", "reconnected"], log
    # One line per change of state, never one per retry: lost and reconnected alternate.
    assert all(a != b for a, b in itertools.pairwise(changes)), log
    assert len(changes) <= 4, log
    assert "reconnecting in" not in re.sub(r".*DEBUG.*\n", "", log)


def test_sigterm_stops_promptly_with_status_zero(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    with ServiceProcess(config) as service:
        service.wait_for_log("watching the inbox with IDLE")
        service.wait_for_log(r"pass: nothing new")
        status, took = service.stop()
    print(f"\nSIGTERM to exit: {took:.2f} s")
    assert status == 0
    assert took < 10
    assert "stopping (SIGTERM received)" in service.log()
    assert service.log().rstrip().endswith("stopped")


def test_sigint_stops_too(dovecot_server: DovecotServer, dovecot_user: DovecotUser,
                         tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user, idle=False)
    with ServiceProcess(config) as service:
        service.wait_for_log(r"pass: nothing new")
        service.signal(signal.SIGINT)
        assert service.process.wait(timeout=10) == 0


def test_sighup_with_a_broken_config_keeps_the_old_one(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    good = config.read_text()
    with ServiceProcess(config) as service:
        service.wait_for_log(r"pass: nothing new")
        config.write_text(good.replace("interval_minutes: 10", "interval_minutes: soon")
                          .replace("timezone: America/New_York", "timezone: Mars/Olympus"))
        mark = len(service.log())
        service.signal(signal.SIGHUP)
        service.wait_for_log("keeping the old one", timeout=15, after=mark)
        tail = service.log()[mark:]
        assert "reload: config.yaml: scan.interval_minutes: must be a number" in tail
        # Then a good config is taken, and a pass follows.
        config.write_text(good.replace("interval_minutes: 10", "interval_minutes: 5"))
        mark = len(service.log())
        service.signal(signal.SIGHUP)
        reloaded = service.wait_for_log("reloaded the configuration", timeout=15, after=mark)
        # The pass the reload asks for runs as its own, or, when a pass (of the restarted
        # inbox watcher's news) is running just then, as that pass's repeat
        # (`Daemon.request_pass`): both start after the reload (seen once under load).
        service.wait_for_log(r"pass \((?:configuration reloaded|more news during the last "
                             r"pass)\)", timeout=15, after=reloaded.end())
        assert service.process.poll() is None
        status, _ = service.stop()
    assert status == 0


def test_a_wrong_password_keeps_the_service_up_with_one_clear_line_and_other_accounts_working(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    work = dovecot_server.add_user("work")
    (tmp_path / "work-password").write_text(work.password + "\n")
    (tmp_path / "work-password").chmod(0o600)
    now = datetime.now(UTC)
    end = (now + timedelta(seconds=3)).replace(microsecond=0)
    dovecot_server.deliver(work, invitation(now - timedelta(minutes=45), end),
                           when=now - timedelta(days=1))
    second_account = f"""\
  - name: work
    backend: imap
    host: 127.0.0.1
    port: {dovecot_server.plain_port}
    tls: none
    username: {work.name}
    password_file: {tmp_path / "work-password"}
"""
    config = write_config(tmp_path, dovecot_server, dovecot_user, password="not-the-password",
                          extra_accounts=second_account)
    with ServiceProcess(config, verbose=False) as service:
        service.wait_for_log("login refused")
        # The other account is not held up: its draft comes on time.
        assert wait_until(lambda: len(drafts_of(dovecot_server, work)) == 2, timeout=10)
        time.sleep(3)  # IDLE reconnects and retry passes, with max back-off 2 s
        assert service.process.poll() is None
        status, _ = service.stop()
    assert status == 0
    log = service.log()
    lines = [line for line in log.splitlines() if "login refused" in line]
    assert len(lines) == 1, log
    assert lines[0].split(": ", 1)[1].startswith("personal: login refused (127.0.0.1 refused "
                                                 f"the login for user {dovecot_user.name}")
    assert "not-the-password" not in log and work.password not in log
    assert not re.search(r"(WARNING|ERROR) .*work: ", log), log  # no failure line for work


def test_a_missing_password_file_or_a_bad_config_exits_78(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    Path(re.search(r"password_file: (.*)", config.read_text()).group(1)).unlink()  # type: ignore[union-attr]
    with ServiceProcess(config) as service:
        assert service.process.wait(timeout=10) == 78
    assert "password_file" in service.log() and "does not exist" in service.log()
    config.write_text(config.read_text().replace("interval_minutes: 10", "interval: 10"))
    with ServiceProcess(config) as service:
        assert service.process.wait(timeout=10) == 78
    assert "scan.interval: unknown key (did you mean 'interval_minutes'?)" in service.log()


def test_a_missing_ca_file_or_templates_directory_stops_run_with_78(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    # Issue 14: `run` used to retry "cannot load ca_file" for ever, never exiting.
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    original = config.read_text()
    config.write_text(original.replace("    tls: none\n", "    tls: none\n    ca_file: "
                                       f"{tmp_path / 'gone.pem'}\n"))
    with ServiceProcess(config) as service:
        assert service.process.wait(timeout=10) == 78
    assert f"accounts[0].ca_file: {tmp_path / 'gone.pem'} does not exist" in service.log()
    config.write_text(original + f"drafts:\n  templates_dir: {tmp_path / 'templates'}\n")
    with ServiceProcess(config) as service:
        assert service.process.wait(timeout=10) == 78
    assert f"drafts.templates_dir: {tmp_path / 'templates'} does not exist" in service.log()


def test_sd_notify_ready_status_watchdog_and_stopping(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path,
        notify_socket: tuple[socket.socket, str]) -> None:
    sock, path = notify_socket
    now = datetime.now(UTC)
    dovecot_server.deliver(dovecot_user, invitation(now + timedelta(days=1),
                                                    now + timedelta(days=1, hours=1)),
                           when=now - timedelta(days=1))
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    with ServiceProcess(config, env={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "3000000"}
                        ) as service:
        seen = received(sock, "READY=1", timeout=10)
        seen += received(sock, "STATUS=1 application(s), next draft ", timeout=10)
        seen += received(sock, "WATCHDOG=1", timeout=5)
        status, _ = service.stop()
        seen += received(sock, "STOPPING=1", timeout=2)
    assert status == 0
    status_lines = [line for datagram in seen for line in datagram.splitlines()
                    if line.startswith("STATUS=1 application")]
    assert re.fullmatch(r"STATUS=1 application\(s\), next draft \d{4}-\d\d-\d\d \d\d:\d\d",
                        status_lines[0])


def test_a_second_daemon_on_the_same_state_is_refused(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user, idle=False)
    with ServiceProcess(config) as first:
        first.wait_for_log(r"pass: nothing new")
        second_dir = tmp_path / "second"
        second_dir.mkdir()
        second_config = second_dir / "config.yaml"
        second_config.write_text(config.read_text())
        with ServiceProcess(second_config) as second:
            assert second.process.wait(timeout=10) == 75  # temporary: EX_TEMPFAIL
        assert "another followup is using" in second.log()
        assert first.stop()[0] == 0


def test_the_status_line_counts_drafts_waiting_in_drafts(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path,
        notify_socket: tuple[socket.socket, str]) -> None:
    sock, path = notify_socket
    now = datetime.now(UTC)
    # An interview with two interviewers that ended three hours ago: two thank-yous are
    # due at once.
    dovecot_server.deliver(dovecot_user, invitation(now - timedelta(hours=4),
                                                    now - timedelta(hours=3)),
                           when=now - timedelta(days=1))
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    with ServiceProcess(config, env={"NOTIFY_SOCKET": path}) as service:
        seen = received(sock, "draft(s) waiting in Drafts, oldest less than an hour",
                        timeout=15)
        status, _ = service.stop()
    assert status == 0
    (line,) = {line for datagram in seen for line in datagram.splitlines()
               if "waiting in Drafts" in line}
    assert re.fullmatch(r"STATUS=1 application\(s\), .*; 2 draft\(s\) waiting in Drafts, "
                        r"oldest less than an hour", line), line


def test_a_notification_setup_that_would_send_mail_stops_the_daemon_with_78(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser, tmp_path: Path) -> None:
    config = write_config(tmp_path, dovecot_server, dovecot_user)
    urls = tmp_path / "notify-urls"
    urls.write_text("mailto://sam:hunter2@example.org\n")
    urls.chmod(0o600)
    config.write_text(config.read_text() + f"notify:\n  urls_file: {urls}\n")
    with ServiceProcess(config) as service:
        assert service.process.wait(timeout=10) == 78
    assert "notify.urls_file: line 1 uses mailto://" in service.log()
    assert "hunter2" not in service.log()
