"""Exactly-once under faults (issue 14), against the real Dovecot: a crash and then the
user's delete, APPENDs cut or held up on the way by the fault proxy (`tests/faultproxy.py`),
two scans at once, a lost state directory. Drafts are counted in Dovecot itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from tests.e2e.scenario import DANA, LUIS, Mailbox, at
from tests.e2e.test_scenarios import DANA_TO, LUIS_TO, interviewed, scan_ok
from tests.faultproxy import Append, Fault, FaultProxy

from followup.backends.imap import ImapMailbox
from followup.config import load_config
from followup.config_model import AccountConfig, Config
from followup.runner import ScanReport, run_once
from followup.store import Store, state_lock

pytestmark = pytest.mark.dovecot


def ledger(mailbox: Mailbox) -> dict[str, str]:
    store = Store.open(mailbox.root / "state" / "state.db")
    try:
        return {entry.key: entry.state for entry in store.ledger().values()}
    finally:
        store.close()


def plan_statuses(mailbox: Mailbox, when: datetime) -> list[str]:
    result = mailbox.cli("plan", "--json", "--now", when.isoformat())
    assert result.returncode == 0, result.stderr
    return sorted(draft["status"] for app in json.loads(result.stdout)["applications"]
                  for draft in app["drafts"] if draft["kind"] == "thank_you")


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


# -- 1. a crash, then the user's delete ------------------------------------------------------

def test_a_draft_deleted_after_a_crash_that_hid_its_append_is_not_made_again(
        mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    killed = mailbox.scan(at(5, 17, 5), fault="after-append")
    assert killed.returncode == 75  # died after the server stored it, before recording that
    [entry] = mailbox.server.read_folder(mailbox.user, "Drafts")
    mailbox.server.delete_message(mailbox.user, "Drafts", entry["uid"])  # the user's delete
    scan_ok(mailbox, at(5, 17, 10))
    scan_ok(mailbox, at(5, 18))
    assert mailbox.drafts() == []
    assert list(ledger(mailbox).values()) == ["dismissed"]
    assert plan_statuses(mailbox, at(5, 18)) == ["dismissed"]


def test_a_crash_just_before_the_append_went_out_still_makes_the_draft_once(
        mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    killed = mailbox.scan(at(5, 17, 5), fault="before-append")
    assert killed.returncode == 75
    assert mailbox.drafts() == []
    assert list(ledger(mailbox).values()) == ["appending"]
    scan_ok(mailbox, at(5, 17, 10))  # Drafts' UIDNEXT did not move: never stored
    scan_ok(mailbox, at(5, 17, 15))
    assert mailbox.draft_recipients() == [DANA_TO]
    assert list(ledger(mailbox).values()) == ["created"]


# -- 2. APPENDs cut or held up on the way (in-process, through the fault proxy) -------------

class Proxied:
    """`run_once` on the scenario's account, through a FaultProxy, with short timeouts."""

    def __init__(self, mailbox: Mailbox, proxy: FaultProxy) -> None:
        self.scenario = mailbox
        self.proxy = proxy
        self.config: Config = load_config(mailbox.config_path)
        self.confirm_wait = 0.3  # looks at once, then 0.3 and 0.6 s after that

    def backend(self, account: AccountConfig, config: Config) -> ImapMailbox:
        proxied = AccountConfig(**{**account.__dict__, "port": self.proxy.port,
                                   "read_timeout": 2.0, "connect_timeout": 2.0})
        return ImapMailbox(proxied, self.scenario.user.password, backoff_base=0.05,
                           append_timeout=2.0, confirm_tries=3,
                           confirm_wait=self.confirm_wait)

    def run(self, now: datetime) -> ScanReport:
        return run_once(self.config, now=now, backend_factory=self.backend)

    def drafts(self) -> int:
        return len(self.scenario.server.read_folder(self.scenario.user, "Drafts"))


@pytest.fixture
def proxied(mailbox: Mailbox) -> Any:
    with FaultProxy("127.0.0.1", mailbox.server.plain_port) as proxy:
        yield Proxied(mailbox, proxy)


def test_an_append_held_up_past_the_timeout_is_given_up_for_the_pass_never_repeated(
        proxied: Proxied) -> None:
    box = proxied.scenario
    interviewed(box, interviewers=(DANA,))
    proxied.proxy.add(Fault("up", "delay", at=Append(0.5), seconds=8.0))  # looked for ~3 s
    first = proxied.run(at(5, 17, 5))
    assert proxied.proxy.fired, "the APPEND was not held up"
    assert wait_until(lambda: proxied.drafts() >= 1, timeout=15)  # the first copy lands
    time.sleep(1)
    assert proxied.drafts() == 1  # and no second copy was appended meanwhile
    assert first.failed_accounts == ["personal"]  # given up for this pass
    assert list(ledger(box).values()) == ["appending"]
    second = proxied.run(at(5, 17, 10))
    assert second.failed_accounts == []
    time.sleep(1)
    assert box.draft_recipients() == [DANA_TO]  # one copy, never a second
    assert list(ledger(box).values()) == ["created"]


def test_an_append_that_lands_while_we_look_for_it_is_confirmed_in_the_same_pass(
        proxied: Proxied) -> None:
    box = proxied.scenario
    interviewed(box, interviewers=(DANA,))
    proxied.confirm_wait = 1.0  # looked for at about 2, 3 and 5 s
    proxied.proxy.add(Fault("up", "delay", at=Append(0.5), seconds=2.5))
    report = proxied.run(at(5, 17, 5))
    assert report.failed_accounts == []
    assert len(report.drafts) == 1
    time.sleep(1)
    assert box.draft_recipients() == [DANA_TO]
    assert list(ledger(box).values()) == ["created"]


@pytest.mark.parametrize("fraction", [0.0, 0.5, 1.0])
def test_an_append_cut_at_any_point_ends_with_exactly_one_draft(
        proxied: Proxied, fraction: float) -> None:
    box = proxied.scenario
    interviewed(box, interviewers=(DANA,))
    proxied.proxy.add(Fault("up", "reset", at=Append(fraction)))
    proxied.run(at(5, 17, 5))
    assert proxied.proxy.fired
    later = at(5, 17, 10)
    for minutes in (0, 5, 10):  # later passes settle what the cut left open
        proxied.run(later + timedelta(minutes=minutes))
    assert box.draft_recipients() == [DANA_TO]
    assert list(ledger(box).values()) == ["created"]


# -- 3. two scans at once ----------------------------------------------------------------------

def test_a_scan_waits_for_the_lock_or_exits_75_with_one_line(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    state = mailbox.root / "state"
    with state_lock(state):  # e.g. `followup run`, or another scan
        busy = mailbox.scan(at(5, 17, 5), "--wait", "0.5")
    assert busy.returncode == 75, busy.stderr
    assert busy.stderr.count("\n") == 1 and "another followup is using" in busy.stderr
    assert "Traceback" not in busy.stderr and mailbox.drafts() == []
    scan_ok(mailbox, at(5, 17, 10))
    assert mailbox.draft_recipients() == [DANA_TO]


def test_two_scans_started_together_on_a_fresh_state_make_each_draft_once(
        mailbox: Mailbox) -> None:
    interviewed(mailbox)
    environment = {**os.environ, **mailbox.environment}
    command = [sys.executable, "-m", "followup", "--config", str(mailbox.config_path),
               "scan", "--now", at(5, 17, 5).isoformat(), "--wait", "60"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=environment) for _ in range(3)]
    outcomes = [process.communicate(timeout=120) for process in processes]
    for process, (_, stderr) in zip(processes, outcomes):
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    assert mailbox.draft_recipients() == sorted([DANA_TO, LUIS_TO])


def test_a_cron_flock_on_the_lock_file_is_taken_as_the_scans_own(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    flock = shutil.which("flock")
    assert flock, "flock(1) (util-linux) is needed for this test"
    state = mailbox.root / "state"
    state.mkdir(mode=0o700)
    result = subprocess.run(
        [flock, "-n", str(state / "lock"), sys.executable, "-m", "followup", "--config",
         str(mailbox.config_path), "scan", "--now", at(5, 17, 5).isoformat(), "--wait", "0"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr  # the README's cron line still works
    assert mailbox.draft_recipients() == [DANA_TO]


# -- 6. a lost state directory -----------------------------------------------------------------

def test_a_lost_state_directory_does_not_duplicate_the_drafts_in_drafts(
        mailbox: Mailbox) -> None:
    interviewed(mailbox)
    scan_ok(mailbox, at(5, 17, 5))
    assert mailbox.draft_recipients() == sorted([DANA_TO, LUIS_TO])
    shutil.rmtree(mailbox.root / "state")
    scan_ok(mailbox, at(5, 17, 30))
    scan_ok(mailbox, at(5, 18))
    assert mailbox.draft_recipients() == sorted([DANA_TO, LUIS_TO])
    assert sorted(ledger(mailbox).values()) == ["created", "created"]
    # Taken in as made: a delete after that is known as the user's, and never undone.
    [first, _] = mailbox.server.read_folder(mailbox.user, "Drafts")
    mailbox.server.delete_message(mailbox.user, "Drafts", first["uid"])
    scan_ok(mailbox, at(5, 19))
    assert len(mailbox.drafts()) == 1
    assert sorted(ledger(mailbox).values()) == ["created", "dismissed"]

