"""`followup run`: the daemon. An APScheduler 3 `BlockingScheduler` that calls the same
`run_once` as `followup scan`; the scheduler holds no logic.

What wakes a pass:

* `poll`: every `scan.interval_minutes` (the first one at start);
* `due`: a one-shot job at the earliest upcoming due time (`ScanReport.next_due`),
  planned again after every pass;
* `push`: new mail announced by IMAP IDLE (`followup.service.idle`), a second after the news;
* `retry`: after a pass in which an account failed, with jittered exponential back-off;
* `reload`: after SIGHUP loaded a new configuration.

Passes never overlap: one lock around `run_once`; a request that arrives while a pass runs
makes that pass go once more instead of queueing (`request_pass`). Every job runs with
`misfire_grace_time=None` (a late wake-up still runs), `coalesce=True`, `max_instances=1`.

Signals: SIGTERM / SIGINT stop within a few seconds (IDLE waits are short steps; a pass
still running after `stop_grace_seconds` is abandoned, which the draft ledger makes safe);
SIGHUP reloads the configuration, keeping the old one if the new one has problems. The
handlers only put the signal on a queue (re-entrant); a control thread acts on it.

systemd: READY=1 once started, STATUS= after every pass, WATCHDOG=1 after every pass and
from a heartbeat while no pass is stuck, STOPPING=1 (`followup.service.sdnotify`).
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_SCHEDULER_STARTED, SchedulerEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler

from followup.backends import Patience, can_push, check_secret, open_backend
from followup.backends.base import Mailbox
from followup.backoff import Backoff
from followup.config import check_files
from followup.config_model import AccountConfig, Config
from followup.errors import ConfigError, FollowupError
from followup.notify.notices import describe_age
from followup.runner import ScanReport, run_once
from followup.service.health import AccountHealth, RetryNoiseFilter
from followup.service.idle import PushWatcher
from followup.service.progress import CountingMailbox, PassProgress
from followup.service.sdnotify import Notifier
from followup.store import state_lock

log = logging.getLogger("followup.service")

JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
DUE_SLACK = timedelta(seconds=0.25)  # wake just after the due time, never a moment before
PASS_NAME = "scan"  # how a failure of a whole pass (not of one account) is named in the log

PassFunction = Callable[..., ScanReport]


@dataclass(frozen=True)
class ServiceOptions:
    """Knobs of the daemon that are not part of the YAML (tests turn them down)."""

    min_backoff: float = 2.0  # first wait after a failure, seconds
    max_backoff: float = 300.0  # longest wait between reconnection attempts, seconds
    idle_check_seconds: float = 1.0  # an IDLE wait looks at the stop flag this often
    idle_renew_seconds: float = 540.0  # IDLE is renewed this often (Gmail drops at ~10 min)
    push_delay_seconds: float = 1.0  # new mail waits this long, so a burst makes one pass
    stop_grace_seconds: float = 5.0  # how long a stop waits for a running pass


class _Clock(Protocol):
    def __call__(self, zone: ZoneInfo) -> datetime: ...


def _wall_clock(zone: ZoneInfo) -> datetime:
    return datetime.now(tz=zone)


def check_secrets(config: Config, environ: dict[str, str] | None = None) -> None:
    """Read every account's secret once, so a missing password file stops the start with
    exit status 78 instead of failing every pass. Raises ConfigError listing each problem."""
    problems = []
    for account in config.accounts:
        try:
            check_secret(account, environ)
        except FollowupError as error:
            problems.append(str(error))
    if problems:
        raise ConfigError(problems)


class Service:
    """The daemon. `run()` blocks until SIGTERM / SIGINT (or `stop()`) and returns 0.

    `reload_config()` loads the configuration again for SIGHUP (raises ConfigError).
    `clock(zone)` is the time source, `run_pass` the unit of work (`run_once`), `notifier`
    the systemd link; all injectable for tests.
    """

    def __init__(self, config: Config, *, reload_config: Callable[[], Config],
                 options: ServiceOptions | None = None, notifier: Notifier | None = None,
                 clock: _Clock = _wall_clock, run_pass: PassFunction = run_once,
                 progress: PassProgress | None = None) -> None:
        self._config = config
        self._reload_config = reload_config
        self.options = options or ServiceOptions()
        self._notifier = notifier or Notifier()
        self._clock = clock
        self._run_pass = run_pass
        self._progress = progress
        self._health = AccountHealth(account.name for account in config.accounts)
        self._noise_filter = RetryNoiseFilter(self._health)
        self._stopping = threading.Event()
        self._wanted = threading.Event()
        self._pass_lock = threading.Lock()
        self._pass_started: float | None = None  # monotonic start of the running pass
        self._retry_backoff = self._new_backoff()
        self._watchers: list[PushWatcher] = []
        self._watchers_lock = threading.Lock()
        self._signals: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        self._previous_handlers: dict[int, Any] = {}
        self._scheduler = BlockingScheduler(
            timezone=self._zone, job_defaults=dict(JOB_DEFAULTS),
            executors={"default": ThreadPoolExecutor(max_workers=4)})
        self.clean_exit = True  # False if a pass was still running when the service stopped

    # -- the main loop ---------------------------------------------------------------------

    @property
    def config(self) -> Config:
        return self._config

    @property
    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self._config.user.timezone)

    def _new_backoff(self) -> Backoff:
        return Backoff(self.options.min_backoff, max(self.options.min_backoff,
                                                     self.options.max_backoff))

    def run(self) -> int:
        """Start the scheduler and block until stopped. Returns the exit status (0)."""
        self._install_signal_handlers()
        self._noise_filter.attach()
        control = threading.Thread(target=self._control_loop, name="signals", daemon=True)
        control.start()
        scheduler = self._scheduler
        scheduler.add_listener(self._scheduler_started, EVENT_SCHEDULER_STARTED)
        scheduler.add_job(self.request_pass, "interval", id="poll", args=["poll"],
                          minutes=self._config.scan.interval_minutes,
                          next_run_time=self._clock(self._zone))
        if self._notifier.watchdog_seconds:
            scheduler.add_job(self._heartbeat, "interval", id="watchdog",
                              seconds=max(1.0, self._notifier.watchdog_seconds / 3))
        try:
            scheduler.start()  # blocks until stop() shuts the scheduler down
        finally:
            self._finish()
            self._signals.put(None)
            control.join(timeout=1)
        return 0

    def _scheduler_started(self, event: SchedulerEvent) -> None:
        config = self._config
        self._start_watchers(config)
        accounts = ", ".join(account.name for account in config.accounts)
        log.info("started: %d account(s) (%s), polling every %s min; config %s",
                 len(config.accounts), accounts, _number(config.scan.interval_minutes),
                 config.path or "(built in)")
        self._notifier.ready("started; first pass under way")
        if self._stopping.is_set():  # a signal came before the scheduler ran
            self._shutdown_scheduler()

    def stop(self, reason: str = "asked to stop") -> None:
        """Stop the service (any thread). Returns at once; `run()` then returns."""
        if self._stopping.is_set():
            return
        log.info("stopping (%s)", reason)
        self._stopping.set()
        self._notifier.stopping("stopping")
        self._stop_watchers()
        self._shutdown_scheduler()

    def _shutdown_scheduler(self) -> None:
        try:
            self._scheduler.shutdown(wait=False)
        except SchedulerNotRunningError:
            pass

    def _finish(self) -> None:
        """After the scheduler stopped: close watchers, give a running pass a moment."""
        self._stopping.set()
        self._stop_watchers()
        deadline = time.monotonic() + self.options.stop_grace_seconds
        with self._watchers_lock:
            watchers = list(self._watchers)
        for watcher in watchers:
            watcher.join(timeout=max(0.0, deadline - time.monotonic()))
        if self._pass_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            self._pass_lock.release()
        else:
            self.clean_exit = False
            log.warning("a pass was still running and was abandoned; the next start "
                        "finishes its work (drafts are never made twice)")
        self._noise_filter.detach()
        self._restore_signal_handlers()
        log.info("stopped")

    # -- signals -----------------------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # tests may run the service in a thread; signals are then theirs
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            self._previous_handlers[number] = signal.signal(number, self._on_signal)

    def _restore_signal_handlers(self) -> None:
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        self._previous_handlers.clear()

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        self._signals.put(number)  # SimpleQueue.put is re-entrant: safe in a handler

    def _control_loop(self) -> None:
        while True:
            number = self._signals.get()
            if number is None:
                return
            if number == signal.SIGHUP:
                self.reload()
            elif self._stopping.is_set():
                log.warning("second stop signal: exiting now")
                logging.shutdown()
                os._exit(1)
            else:
                self.stop(f"{signal.Signals(number).name} received")

    # -- passes ------------------------------------------------------------------------------

    def request_pass(self, reason: str) -> None:
        """Run a pass now, unless one is running: that one then goes once more."""
        self._wanted.set()
        while self._wanted.is_set() and not self._stopping.is_set():
            if not self._pass_lock.acquire(blocking=False):
                return  # the running pass sees `_wanted` when it ends
            try:
                if self._wanted.is_set():
                    self._wanted.clear()
                    self._one_pass(reason)
                    reason = "more news during the last pass"
            finally:
                self._pass_lock.release()

    def push(self, account: str) -> None:
        """New mail in `account` (from its IDLE watcher): a pass in a moment."""
        self._wanted.set()  # even if the job below is skipped because a pass is running
        if self._scheduler.get_job("push") is not None:
            return  # one is pending: a steady stream of mail must not keep postponing it
        self._add_job("push", self._clock(self._zone)
                      + timedelta(seconds=self.options.push_delay_seconds),
                      f"new mail in {account}")

    def _one_pass(self, reason: str) -> None:
        config = self._config
        now = self._clock(self._zone)
        log.debug("pass (%s) at %s", reason, now.isoformat(timespec="seconds"))
        self._pass_started = time.monotonic()
        if self._progress is not None:
            self._progress.begin(reason)
        try:
            report = self._run_pass(config, now=now, backend_factory=self._open_backend)
        except FollowupError as error:
            # E.g. a connection lost while reconciling drafts: one line per change, as for
            # an account.
            self._health.failed(PASS_NAME, error)
            self._schedule_retry(now)
            return
        except Exception as error:  # a bug in one pass must not stop the service
            log.debug("traceback of the failed pass", exc_info=True)
            self._health.failed(PASS_NAME, RuntimeError(
                f"unexpected {type(error).__name__}: {error} (run with -v for the traceback)"))
            self._schedule_retry(now)
            return
        finally:
            self._pass_started = None
            if self._progress is not None:
                self._progress.end()
        self._after_pass(config, report, now)

    def _after_pass(self, config: Config, report: ScanReport, now: datetime) -> None:
        self._health.recovered(PASS_NAME)
        for account in config.accounts:
            if account.name not in report.failed_accounts:
                self._health.recovered(account.name)
        if report.failed_accounts:
            self._schedule_retry(now)
        else:
            self._retry_backoff.reset()
            self._remove_job("retry")
        self._plan_due(report.next_due, now)
        read = sum(report.read.values())
        if read or report.drafts:
            log.info("pass: %d new message(s), %d draft(s) made; %s", read,
                     len(report.drafts), self._next_text(report.next_due))
        else:
            log.debug("pass: nothing new; %s", self._next_text(report.next_due))
        self._notifier.status(self._status_line(report))
        self._notifier.watchdog()

    def _plan_due(self, next_due: datetime | None, now: datetime) -> None:
        if next_due is None or next_due <= now:
            self._remove_job("due")
            return
        self._add_job("due", next_due + DUE_SLACK, "a draft is due")
        log.debug("next wake-up for a due draft at %s", next_due.isoformat(timespec="seconds"))

    def _schedule_retry(self, now: datetime) -> None:
        delay = min(self._retry_backoff.next(), self._config.scan.interval_minutes * 60)
        self._add_job("retry", now + timedelta(seconds=delay), "retrying after a failure")

    def _add_job(self, job_id: str, when: datetime, reason: str) -> None:
        if self._stopping.is_set():
            return
        self._scheduler.add_job(self.request_pass, "date", run_date=when, id=job_id,
                                args=[reason], replace_existing=True)

    def _remove_job(self, job_id: str) -> None:
        try:
            self._scheduler.remove_job(job_id)
        except JobLookupError:
            pass

    def _open_backend(self, account: AccountConfig, config: Config) -> Mailbox:
        """Passes' mailboxes: short retries whose waits end on stop."""
        mailbox = open_backend(account, config, patience=Patience(
            attempts=2, backoff_max=5.0, sleep=self._pause))
        if self._progress is not None:
            mailbox = CountingMailbox(mailbox, self._progress)
        return mailbox

    def _pause(self, seconds: float) -> None:
        """The IMAP backend's back-off sleep: ends at once when the service stops."""
        self._stopping.wait(seconds)

    # -- status and watchdog -----------------------------------------------------------------

    def _next_text(self, next_due: datetime | None) -> str:
        if next_due is None:
            return "no draft coming"
        return f"next draft {next_due.astimezone(self._zone):%Y-%m-%d %H:%M}"

    def _status_line(self, report: ScanReport) -> str:
        line = f"{report.applications} application(s), {self._next_text(report.next_due)}"
        if report.waiting and report.oldest_waiting is not None:
            line += (f"; {report.waiting} draft(s) waiting in Drafts, oldest "
                     f"{describe_age(report.oldest_waiting, self._clock(self._zone))}")
        problems = self._health.problems()
        if problems:
            line += "; " + ", ".join(f"{name}: {what}" for name, what in problems.items())
        return line

    def _heartbeat(self) -> None:
        """WATCHDOG=1 while the scheduler runs jobs and no pass is stuck."""
        started = self._pass_started
        limit = self._notifier.watchdog_seconds or 0
        if started is not None and time.monotonic() - started > limit:
            log.warning("a pass has been running for %.0f s; not telling systemd all is well",
                        time.monotonic() - started)
            return
        self._notifier.watchdog()

    # -- IDLE watchers -----------------------------------------------------------------------

    def _start_watchers(self, config: Config) -> None:
        if not config.scan.idle or self._stopping.is_set():
            return
        with self._watchers_lock:
            for account in config.accounts:
                if not can_push(account):
                    continue
                watcher = PushWatcher(
                    account.name, self._idle_mailbox_factory(account, config), self.push,
                    self._health, backoff=self._new_backoff(),
                    check_seconds=self.options.idle_check_seconds)
                self._watchers.append(watcher)
                watcher.start()

    def _idle_mailbox_factory(self, account: AccountConfig, config: Config
                              ) -> Callable[[], Mailbox]:
        def factory() -> Mailbox:  # one try: the watcher backs off and reconnects itself
            return open_backend(account, config, patience=Patience(attempts=1),
                                idle_renew_seconds=self.options.idle_renew_seconds)
        return factory

    def _stop_watchers(self) -> list[PushWatcher]:
        with self._watchers_lock:
            watchers = list(self._watchers)
            if not self._stopping.is_set():
                self._watchers.clear()
        for watcher in watchers:
            watcher.stop()
        return watchers

    # -- reload ------------------------------------------------------------------------------

    def reload(self) -> bool:
        """SIGHUP: load the configuration again. A configuration with problems is logged,
        one line per problem, and the running one is kept. True if the new one is in use."""
        path = self._config.path
        try:
            config = self._reload_config()
            check_files(config)
            check_secrets(config)
        except ConfigError as error:
            for problem in error.problems:
                log.error("reload: %s", problem)
            log.error("reload: the new configuration has problems; keeping the old one")
            return False
        except FollowupError as error:
            log.error("reload: %s; keeping the old configuration", error)
            return False
        old = self._config
        self._config = config
        self._health.track(account.name for account in config.accounts)
        if config.scan.interval_minutes != old.scan.interval_minutes:
            self._scheduler.reschedule_job("poll", trigger="interval",
                                           minutes=config.scan.interval_minutes)
        for watcher in self._stop_watchers():
            watcher.join(timeout=self.options.idle_check_seconds + 6)
        self._start_watchers(config)
        log.info("reloaded the configuration from %s", path)
        self._add_job("reload", self._clock(self._zone), "configuration reloaded")
        return True


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def run_service(config: Config, reload_config: Callable[[], Config], *,
                options: ServiceOptions | None = None,
                progress: PassProgress | None = None) -> int:
    """`followup run`: check secrets, lock the state directory, run until stopped.

    Raises ConfigError (exit 78) for a configuration the daemon cannot start with.
    Exits the process at once (os._exit) if a pass could not be finished in time.
    """
    check_files(config)
    check_secrets(config)
    assert config.state_dir is not None
    with state_lock(config.state_dir):
        service = Service(config, reload_config=reload_config, options=options,
                          progress=progress)
        status = service.run()
    if not service.clean_exit:
        # A pass is stuck in a worker thread that interpreter exit would wait for.
        logging.shutdown()
        os._exit(status)
    return status
