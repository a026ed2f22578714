"""IDLE after reconnects (issue 14, point 4): the watcher's connection to the real Dovecot
goes through the fault proxy, which drops it; a pass reconnects first and clears the
account's health; the watcher must still ask for a catch-up pass when it is back."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from dovecot import DovecotServer, DovecotUser
from tests.faultproxy import FaultProxy

from followup.backends.base import Mailbox
from followup.backends.imap import ImapMailbox
from followup.backoff import Backoff
from followup.service.health import AccountHealth
from followup.service.idle import PushWatcher

pytestmark = pytest.mark.dovecot
ACCOUNT = "personal"


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_idle_asks_for_a_catch_up_after_each_reconnect_even_when_a_pass_reconnected_first(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    health = AccountHealth([ACCOUNT])
    wakeups: list[str] = []
    opened = threading.Event()  # the watcher asked for a new connection
    gate = threading.Event()  # ... and may have it
    gate.set()
    with FaultProxy("127.0.0.1", dovecot_server.plain_port) as proxy:
        account = dovecot_server.account_for(dovecot_user, port=proxy.port, name=ACCOUNT)

        def open_mailbox() -> Mailbox:
            opened.set()
            gate.wait(10)
            return ImapMailbox(account, dovecot_user.password, attempts=1)

        watcher = PushWatcher(ACCOUNT, open_mailbox, wakeups.append, health,
                              backoff=Backoff(0.05, 0.1), check_seconds=0.5)
        watcher.start()
        try:
            assert wait_until(lambda: proxy.connections == 1)
            time.sleep(0.5)  # idling
            for drop in (1, 2):  # two quick drops
                before = len(wakeups)
                opened.clear()
                gate.clear()
                proxy.drop_all()
                assert opened.wait(10), "the watcher did not try to reconnect"
                assert health.problems() == {ACCOUNT: "connection lost"}
                # Meanwhile a pass reconnects first and marks the account healthy.
                health.recovered(ACCOUNT)
                gate.set()
                assert wait_until(lambda: len(wakeups) > before), \
                    f"no catch-up pass asked for after drop {drop}"
                assert wakeups[before:] == [ACCOUNT]
        finally:
            watcher.stop()
            gate.set()
            watcher.join(5)
