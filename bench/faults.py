"""Exactly-once under faults, counted: the outside checks of issue 14, repeatable.

    python bench/faults.py [--random 45] [--seed 1] [--json]

Starts a Dovecot (tests/dovecot.py) on 127.0.0.1 and, for each trial, a fresh user with
one application whose panel interview makes two thank-you drafts due. Then:

- `crash-then-delete` (4): `followup scan` killed right after the APPEND was stored and
  before it was recorded; the user deletes the draft; two more scans. Wanted: 0 drafts.
- `kill-before-append` (4): killed after the ledger marked the APPEND, before it went
  out; two more scans. Wanted: 2 drafts.
- `slow-append` (5): in-process passes through the fault proxy (tests/faultproxy.py); the
  second half of the first APPEND is held 6 s, past the 2 s wait for its answer; the
  held copy lands; two more passes. Wanted: 2 drafts.
- `random` (N): one fault on the first pass, at random: cut, reset, stall (released after
  3 s) or delay (0.5-4 s), upstream or downstream, at a random byte (0-6000) or a point of
  the APPEND; then passes at +5 and +10 minutes, after the proxy is quiet. Wanted: 2.
- `concurrent` (5): three `followup scan` started together on a fresh state. Wanted: 2
  drafts, exit 0 each, no traceback.
- `lost-state` (3): a scan, the state directory deleted, two more scans. Wanted: 2.

Prints, per family: trials, duplicates (drafts beyond the wanted), lost (wanted drafts
missing), tracebacks, and faults the proxy actually injected (a fault armed at a byte the
connection never reaches does not fire). Counts only; no time is judged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for entry in (ROOT / "tests", ROOT):  # `dovecot` (the test helper) and `tests.*`
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from dovecot import DovecotServer  # noqa: E402
from tests.e2e.scenario import DANA, LUIS, Mailbox, at  # noqa: E402
from tests.e2e.test_scenarios import interviewed  # noqa: E402
from tests.faultproxy import Append, AppendAnswered, Fault, FaultProxy  # noqa: E402

from followup.backends.imap import ImapMailbox  # noqa: E402
from followup.config import load_config  # noqa: E402
from followup.config_model import AccountConfig, Config  # noqa: E402
from followup.runner import run_once  # noqa: E402

WANTED = 2  # thank-you notes to Dana and Luis
FIRST = at(5, 17, 5)


class Trial:
    def __init__(self, server: DovecotServer, root: Path) -> None:
        self.box = Mailbox(server, server.add_user(), root)
        self.box.write_config()
        interviewed(self.box, interviewers=(DANA, LUIS))
        self.tracebacks = 0
        self.fired = 0  # faults the proxy actually injected (a late byte may never come)

    def scan(self, when: datetime, fault: str | None = None) -> subprocess.CompletedProcess[str]:
        result = self.box.scan(when, fault=fault)
        self.tracebacks += "Traceback" in result.stderr
        return result

    def drafts(self) -> int:
        return len(self.box.server.read_folder(self.box.user, "Drafts"))


class Proxied:
    def __init__(self, trial: Trial, proxy: FaultProxy) -> None:
        self.trial, self.proxy = trial, proxy
        self.config: Config = load_config(trial.box.config_path)

    def backend(self, account: AccountConfig, config: Config) -> ImapMailbox:
        proxied = AccountConfig(**{**account.__dict__, "port": self.proxy.port,
                                   "read_timeout": 2.0, "connect_timeout": 2.0})
        return ImapMailbox(proxied, self.trial.box.user.password, backoff_base=0.05,
                           append_timeout=2.0, confirm_tries=3, confirm_wait=0.3)

    def run(self, now: datetime) -> None:
        try:
            run_once(self.config, now=now, backend_factory=self.backend)
        except Exception:  # noqa: BLE001 - counted: a pass must never raise
            self.trial.tracebacks += 1


def crash_then_delete(trial: Trial) -> tuple[int, int]:
    trial.scan(FIRST, fault="after-append")  # dies after the first draft is stored
    for entry in trial.box.server.read_folder(trial.box.user, "Drafts"):
        trial.box.server.delete_message(trial.box.user, "Drafts", entry["uid"])
    trial.scan(FIRST + timedelta(minutes=5))
    trial.scan(FIRST + timedelta(minutes=10))
    # The deleted one must stay deleted; the other is made once.
    return trial.drafts(), 1


def kill_before_append(trial: Trial) -> tuple[int, int]:
    trial.scan(FIRST, fault="before-append")
    trial.scan(FIRST + timedelta(minutes=5))
    trial.scan(FIRST + timedelta(minutes=10))
    return trial.drafts(), WANTED


def with_proxy(trial: Trial, fault: Fault | None, quiet: float) -> tuple[int, int]:
    with FaultProxy("127.0.0.1", trial.box.server.plain_port) as proxy:
        if fault is not None:
            proxy.add(fault)
        proxied = Proxied(trial, proxy)
        proxied.run(FIRST)
        if fault is not None and fault.action == "stall":
            time.sleep(3)
            proxy.release()
        trial.fired += len(proxy.fired)
        time.sleep(quiet)  # whatever was held up lands (or not) before the next passes
        proxied.run(FIRST + timedelta(minutes=5))
        proxied.run(FIRST + timedelta(minutes=10))
    return trial.drafts(), WANTED


def slow_append(trial: Trial) -> tuple[int, int]:
    return with_proxy(trial, Fault("up", "delay", at=Append(0.5), seconds=6.0), quiet=7.0)


def random_fault(trial: Trial, chance: random.Random) -> tuple[int, int]:
    action = chance.choice(["cut", "reset", "stall", "delay"])
    direction = chance.choice(["up", "down"])
    at_point: Any = chance.randrange(0, 6000)
    if chance.random() < 0.4:
        at_point = Append(chance.choice([0.0, 0.5, 1.0])) if direction == "up" \
            else AppendAnswered()
    seconds = chance.uniform(0.5, 4.0) if action == "delay" else 0.0
    return with_proxy(trial, Fault(direction, action, at=at_point, seconds=seconds),
                      quiet=5.0)


def concurrent(trial: Trial) -> tuple[int, int]:
    box = trial.box
    command = [sys.executable, "-m", "followup", "--config", str(box.config_path), "scan",
               "--now", FIRST.isoformat(), "--wait", "60"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(3)]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        trial.tracebacks += "Traceback" in stderr or process.returncode != 0
    return trial.drafts(), WANTED


def lost_state(trial: Trial) -> tuple[int, int]:
    trial.scan(FIRST)
    shutil.rmtree(trial.box.root / "state")
    trial.scan(FIRST + timedelta(minutes=5))
    trial.scan(FIRST + timedelta(minutes=10))
    return trial.drafts(), WANTED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=45)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", action="append", default=[],
                        help="run only this family (repeatable)")
    options = parser.parse_args()
    chance = random.Random(options.seed)
    families: list[tuple[str, int, Callable[[Trial], tuple[int, int]]]] = [
        ("crash-then-delete", 4, crash_then_delete),
        ("kill-before-append", 4, kill_before_append),
        ("slow-append", 5, slow_append),
        ("random", options.random, lambda trial: random_fault(trial, chance)),
        ("concurrent", 5, concurrent),
        ("lost-state", 3, lost_state),
    ]
    results: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory(prefix="followup-faults-") as directory:
        root = Path(directory)
        os.chmod(root, 0o755)
        server = DovecotServer(root / "dovecot")
        server.start()
        try:
            for name, count, run in families:
                if options.only and name not in options.only:
                    continue
                tally: Counter[str] = Counter()
                for index in range(count):
                    trial_root = root / f"{name}-{index}"
                    trial_root.mkdir()
                    trial = Trial(server, trial_root)
                    made, wanted = run(trial)
                    tally["trials"] += 1
                    tally["duplicates"] += max(0, made - wanted)
                    tally["lost"] += max(0, wanted - made)
                    tally["tracebacks"] += trial.tracebacks
                    tally["faults fired"] += trial.fired
                results[name] = tally
                if not options.json:
                    print(f"{name:<20} " + "  ".join(f"{key} {tally[key]}" for key in
                                                     ("trials", "duplicates", "lost",
                                                      "tracebacks", "faults fired")),
                          flush=True)
        finally:
            server.cleanup()
    if options.json:
        print(json.dumps({name: dict(tally) for name, tally in results.items()}, indent=2))


if __name__ == "__main__":
    main()
