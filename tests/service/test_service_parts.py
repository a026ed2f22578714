"""The daemon's parts without a subprocess: the scheduler's wake-ups with a fake pass,
back-off, sd_notify, the one-line-per-change health log, and IMAP IDLE on Dovecot."""

from __future__ import annotations

import logging
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from dovecot import DovecotServer, DovecotUser
from followup.backends.imap import ImapMailbox
from followup.backoff import Backoff
from followup.config_model import AccountConfig, Config, ScanConfig, UserConfig
from followup.errors import AuthenticationError, ConfigError, ConnectionLost, FollowupError
from followup.runner import ScanReport
from followup.service import Service, ServiceOptions
from followup.service.health import AccountHealth, RetryNoiseFilter
from followup.service.sdnotify import Notifier

from .scenario import invitation

ZONE = ZoneInfo("America/New_York")
FAST = ServiceOptions(min_backoff=0.2, max_backoff=0.4, push_delay_seconds=0.05,
                      stop_grace_seconds=2)


def local_config(tmp_path: Path, interval_minutes: float = 10) -> Config:
    return Config(path=tmp_path / "config.yaml",
                  user=UserConfig(name="Sam", addresses=("sam@example.org",),
                                  timezone=ZONE.key),
                  accounts=(AccountConfig(name="local", backend="maildir", path=tmp_path),),
                  scan=ScanConfig(interval_minutes=interval_minutes),
                  state_dir=tmp_path / "state")


class FakePasses:
    """Stands in for run_once: records when passes ran and how many ran at once."""

    def __init__(self, next_due: list[datetime | None] | None = None,
                 fail: list[BaseException | None] | None = None, duration: float = 0.0) -> None:
        self.calls: list[float] = []
        self.next_due = list(next_due or [])
        self.fail = list(fail or [])
        self.duration = duration
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def __call__(self, config: Config, *, now: datetime, **_: Any) -> ScanReport:
        with self._lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.calls.append(time.monotonic())
        try:
            time.sleep(self.duration)
            if self.fail:
                error = self.fail.pop(0)
                if error is not None:
                    raise error
            due = self.next_due.pop(0) if self.next_due else None
            return ScanReport(now=now, dry_run=False, applications=1, next_due=due)
        finally:
            with self._lock:
                self.running -= 1


@pytest.fixture
def running() -> Iterator[Any]:
    """Start a Service in a thread; stops it at the end of the test."""
    started: list[tuple[Service, threading.Thread]] = []

    def start(service: Service) -> Service:
        thread = threading.Thread(target=service.run, daemon=True)
        thread.start()
        started.append((service, thread))
        return service

    yield start
    for service, thread in started:
        service.stop("end of test")
        thread.join(timeout=5)
        assert not thread.is_alive()


def wait_for(condition: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_pass_runs_at_once_and_again_at_the_next_due_time(tmp_path: Path,
                                                             running: Any) -> None:
    due = datetime.now(ZONE) + timedelta(seconds=1.2)
    passes = FakePasses(next_due=[due, None])
    began = time.monotonic()
    running(Service(local_config(tmp_path), reload_config=lambda: local_config(tmp_path),
                    options=FAST, run_pass=passes))
    wait_for(lambda: len(passes.calls) == 2)
    assert passes.calls[0] - began < 1.0
    late = passes.calls[1] - (began + 1.2)
    assert 0 <= late < 1.0  # the date job: never early, never dropped as a misfire


def test_passes_never_overlap_and_news_during_a_pass_makes_one_more(tmp_path: Path,
                                                                   running: Any) -> None:
    passes = FakePasses(duration=0.4)
    service = running(Service(local_config(tmp_path),
                              reload_config=lambda: local_config(tmp_path),
                              options=FAST, run_pass=passes))
    wait_for(lambda: len(passes.calls) == 1)
    for _ in range(3):
        service.push("local")
    threading.Thread(target=service.request_pass, args=["test"]).start()
    wait_for(lambda: len(passes.calls) == 2)
    time.sleep(1.0)
    assert len(passes.calls) == 2
    assert passes.most_at_once == 1


def test_a_failed_pass_is_retried_with_backoff_and_logged_once(
        tmp_path: Path, running: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    lost = ConnectionLost("connecting: cannot talk to imap.example.org:993 (refused)")
    passes = FakePasses(fail=[lost, lost, lost, None])
    running(Service(local_config(tmp_path), reload_config=lambda: local_config(tmp_path),
                    options=FAST, run_pass=passes))
    wait_for(lambda: len(passes.calls) == 4)
    gaps = [b - a for a, b in zip(passes.calls, passes.calls[1:])]
    assert all(0.09 <= gap < 1.0 for gap in gaps), gaps
    wait_for(lambda: "reconnected" in caplog.text)
    lines = [r.getMessage() for r in caplog.records if r.name == "followup.service"]
    assert sum("connection lost" in line for line in lines) == 1, lines
    assert sum("reconnected" in line for line in lines) == 1, lines


def test_a_bug_in_a_pass_does_not_stop_the_service(tmp_path: Path, running: Any,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    passes = FakePasses(fail=[KeyError("boom"), None])
    running(Service(local_config(tmp_path), reload_config=lambda: local_config(tmp_path),
                    options=FAST, run_pass=passes))
    wait_for(lambda: len(passes.calls) == 2)
    assert "unexpected KeyError" in caplog.text


def test_reload_keeps_the_old_config_when_the_new_one_is_broken(
        tmp_path: Path, running: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    outcomes: list[Any] = [ConfigError(["config.yaml: scan.idle: must be true or false"]),
                           local_config(tmp_path, interval_minutes=3)]

    def reload() -> Config:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    passes = FakePasses()
    service = running(Service(local_config(tmp_path), reload_config=reload, options=FAST,
                              run_pass=passes))
    wait_for(lambda: len(passes.calls) == 1)
    assert service.reload() is False
    assert service.config.scan.interval_minutes == 10
    assert "reload: config.yaml: scan.idle: must be true or false" in caplog.text
    assert "keeping the old one" in caplog.text
    assert service.reload() is True
    assert service.config.scan.interval_minutes == 3
    wait_for(lambda: len(passes.calls) == 2)  # a pass follows a reload


def test_stop_returns_run_promptly(tmp_path: Path) -> None:
    service = Service(local_config(tmp_path), reload_config=lambda: local_config(tmp_path),
                      options=FAST, run_pass=FakePasses())
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    time.sleep(0.3)
    began = time.monotonic()
    service.stop("test")
    thread.join(timeout=5)
    assert not thread.is_alive() and time.monotonic() - began < 2
    assert service.clean_exit


def test_backoff_grows_with_jitter_up_to_its_maximum_and_resets() -> None:
    backoff = Backoff(1.0, 8.0, jitter=lambda: 0.999999)
    assert [round(backoff.next()) for _ in range(6)] == [1, 2, 4, 8, 8, 8]
    backoff.reset()
    assert round(backoff.next()) == 1
    low = Backoff(1.0, 8.0, jitter=lambda: 0.0)
    assert [low.next() for _ in range(4)] == [0.5, 1.0, 2.0, 4.0]
    with pytest.raises(ValueError):
        Backoff(0, 1)


def test_sd_notify_datagrams_to_a_path_and_to_an_abstract_socket(tmp_path: Path) -> None:
    path = str(tmp_path / "notify")
    abstract = f"followup-test-{uuid.uuid4().hex}"
    for bind_to, address in ((path, path), ("\0" + abstract, "@" + abstract)):
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.bind(bind_to)
            sock.settimeout(1)
            notifier = Notifier({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "2000000"})
            assert notifier.watchdog_seconds == 2.0
            assert notifier.ready("started\nnow")
            assert sock.recv(1024) == b"READY=1\nSTATUS=started now"
            assert notifier.watchdog()
            assert sock.recv(1024) == b"WATCHDOG=1"
            assert notifier.stopping()
            assert sock.recv(1024) == b"STOPPING=1"


def test_sd_notify_does_nothing_outside_systemd_and_never_raises(tmp_path: Path) -> None:
    assert not Notifier({}).ready()
    assert not Notifier({"NOTIFY_SOCKET": str(tmp_path / "missing")}).status("x")
    assert Notifier({"WATCHDOG_USEC": "1000", "WATCHDOG_PID": "1"}).watchdog_seconds is None
    assert not Notifier({"NOTIFY_SOCKET": str(tmp_path / "n")}).watchdog()  # not asked for


def test_health_logs_one_line_per_change_and_quiets_the_runners_repeats(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    health = AccountHealth(["personal", "work"])
    noise = RetryNoiseFilter(health)
    noise.attach()
    runner = logging.getLogger("followup.runner")
    try:
        for _ in range(3):
            runner.error("%s: %s", "personal", ConnectionLost("cannot talk to x:993"))
        runner.error("%s: %s", "personal", AuthenticationError("x refused the login"))
        runner.error("%s: %s", "work", FollowupError("Drafts not found"))
        logging.getLogger("followup.backends.imap").warning(
            "%s: %s; reconnecting in %.1f s (attempt %d of %d)", "personal", "lost", 1.0, 2, 4)
        assert health.recovered("personal", connectivity_only=True)
        assert not health.recovered("work", connectivity_only=True)  # not a network problem
        assert health.recovered("work")
    finally:
        noise.detach()
    shown = [(r.levelname, r.getMessage()) for r in caplog.records
             if r.levelno >= logging.INFO]
    assert shown == [
        ("WARNING", "personal: connection lost (cannot talk to x:993); retrying with backoff"),
        ("ERROR", ("personal: login refused (x refused the login); retrying with backoff "
                   "until it is accepted")),
        ("ERROR", "work: Drafts not found; retrying with backoff"),
        ("INFO", "personal: reconnected"),
        ("INFO", "work: working again"),
    ]
    assert any(r.levelname == "DEBUG" and "reconnecting in" in r.getMessage()
               for r in caplog.records)


# -- IMAP IDLE on the real server ------------------------------------------------------------

@pytest.fixture
def idle_mailbox(dovecot_server: DovecotServer, dovecot_user: DovecotUser
                 ) -> Iterator[ImapMailbox]:
    mailbox = ImapMailbox(dovecot_server.account_for(dovecot_user), dovecot_user.password,
                          attempts=1)
    mailbox.open()
    yield mailbox
    mailbox.close()


@pytest.mark.dovecot
def test_idle_reports_new_mail_and_times_out_quietly(
        idle_mailbox: ImapMailbox, dovecot_server: DovecotServer,
        dovecot_user: DovecotUser) -> None:
    assert idle_mailbox.supports_push
    began = time.monotonic()
    assert idle_mailbox.wait_for_change(0.5) is False
    assert 0.4 < time.monotonic() - began < 2
    now = datetime.now(ZONE)
    dovecot_server.append(dovecot_user, "INBOX", invitation(now, now + timedelta(hours=1)))
    began = time.monotonic()
    seen = False
    while not seen and time.monotonic() - began < 5:
        seen = idle_mailbox.wait_for_change(0.5)
    assert seen
    print(f"\nEXISTS reached IDLE {time.monotonic() - began:.2f} s after the APPEND returned")
    # Reading nothing changed anything: INBOX still has one unseen message.
    assert dovecot_server.status(dovecot_user, "INBOX")["UNSEEN"] == 1


@pytest.mark.dovecot
def test_idle_is_renewed_and_still_hears_new_mail(
        idle_mailbox: ImapMailbox, dovecot_server: DovecotServer,
        dovecot_user: DovecotUser) -> None:
    idle_mailbox.idle_renew_seconds = 0.3
    for _ in range(3):
        assert idle_mailbox.wait_for_change(0.2) is False
    now = datetime.now(ZONE)
    dovecot_server.append(dovecot_user, "INBOX", invitation(now, now + timedelta(hours=1)))
    assert any(idle_mailbox.wait_for_change(0.4) for _ in range(10))


@pytest.mark.dovecot
def test_a_kicked_or_closed_idle_connection_raises_connection_lost_then_reopens(
        idle_mailbox: ImapMailbox, dovecot_server: DovecotServer,
        dovecot_user: DovecotUser) -> None:
    assert idle_mailbox.wait_for_change(0.1) is False
    dovecot_server.doveadm("kick", dovecot_user.name)  # the server says BYE and closes
    with pytest.raises(ConnectionLost):
        for _ in range(20):
            idle_mailbox.wait_for_change(0.25)
    assert idle_mailbox.wait_for_change(0.1) is False  # reconnected by itself
    # The socket closed under a running IDLE: idle_check returns [] at once (imapclient
    # #565); that early empty return counts as a dead connection, not as "no news".
    client = idle_mailbox._client
    assert client is not None
    client.socket().shutdown(socket.SHUT_RD)
    began = time.monotonic()
    with pytest.raises(ConnectionLost, match="closed the connection"):
        idle_mailbox.wait_for_change(2.0)
    assert time.monotonic() - began < 1.0


@pytest.mark.dovecot
def test_closing_an_idling_mailbox_is_quick(idle_mailbox: ImapMailbox) -> None:
    assert idle_mailbox.wait_for_change(0.1) is False
    began = time.monotonic()
    idle_mailbox.close()
    assert time.monotonic() - began < 1.0


# -- progress of a long pass -----------------------------------------------------------------

def test_a_pass_reports_messages_examined_and_judged(tmp_path: Path) -> None:
    from followup.backends import open_backend
    from followup.runner import run_once
    from followup.service.progress import CountingMailbox

    maildir = tmp_path / "Mail"
    for folder in (maildir, maildir / ".Sent", maildir / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True)
    now = datetime.now(ZONE)
    for number in range(3):
        start = now + timedelta(days=number + 1)
        (maildir / "new" / f"{number}.test").write_bytes(
            invitation(start, start + timedelta(hours=1)))
    config = Config(path=None, user=UserConfig(name="Sam", addresses=("sam@example.org",),
                                               timezone=ZONE.key),
                    accounts=(AccountConfig(name="local", backend="maildir", path=maildir),),
                    state_dir=tmp_path / "state")
    calls: list[tuple[str, Any]] = []

    class Progress:
        def begin(self, reason: str) -> None: ...

        def examined(self, account: str, count: int) -> None:
            calls.append(("examined", count))

        def judged(self, account: str, done: int, total: int) -> None:
            calls.append(("judged", (done, total)))

        def end(self) -> None: ...

    (tmp_path / "state").mkdir()
    report = run_once(config, now=now, backend_factory=lambda account, config: CountingMailbox(
        open_backend(account, config), Progress()))
    assert report.read == {"local": 3}
    assert [call for call in calls if call[0] == "examined"] == [("examined", 1)] * 3
    assert [call[1] for call in calls if call[0] == "judged"] == [(0, 3), (1, 3), (2, 3),
                                                                  (3, 3)]


def test_the_terminal_progress_line_draws_and_goes_away() -> None:
    import io

    from rich.console import Console

    from followup.cli.service import TerminalProgress

    progress = TerminalProgress(threshold=2)
    screen = io.StringIO()
    progress._console = Console(file=screen, force_terminal=True, width=100)
    progress.begin("poll")
    progress.examined("personal", 1)
    assert progress._progress is None  # small passes show nothing
    progress.examined("personal", 5)
    progress.judged("personal", 3, 6)
    progress.end()
    assert progress._progress is None
    assert "personal" in screen.getvalue()
