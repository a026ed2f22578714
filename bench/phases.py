"""One measured phase of bench/scan.py, run in a fresh Python process so that its peak RSS
is its own:

    python -m bench.phases CONTEXT.json RESULT.json

Phases: `baseline` (the naive reader, `bench.baseline`, dry run), `followup` (followup's
real `run_once` with a real Store; the first scan or a later poll, depending on the state
it finds). With `"profile": PATH` in the context, the phase runs under cProfile and the
statistics are dumped to PATH. `"prefilter": "previous"` runs followup with the prefilter
it had before commit 3ad8c02 (bench/prefilter.py). The baseline is never changed.

Timed: opening the store, `run_once` (connect, log in, read, judge, track, plan, draft,
log out) and closing the store; not the interpreter start or the imports. `plan_seconds`
is the part spent in `plan_for` (grouping every record into applications and planning).
Peak RSS is the process's own high-water mark (`VmHWM`, see `bench.meter.rss_peak_mb`),
imports included; `rss_start_mb` is the RSS once everything is imported.
"""

from __future__ import annotations

import cProfile
import json
import logging
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from imapclient import IMAPClient, SocketTimeout

import followup.runner
from bench.baseline import NaiveMailbox
from bench.meter import Meter, metered_client, rss_now_mb, rss_peak_mb
from bench.prefilter import previous_worth_reading
from followup.backends.base import FetchResult, FolderRole, WantBody, want_every_body
from followup.backends.imap import ImapMailbox
from followup.config_model import AccountConfig, Config, UserConfig
from followup.runner import run_once
from followup.store import Store


class RecordingImapMailbox(ImapMailbox):
    """followup's IMAP backend, unchanged, keeping each `FetchResult.stats`."""

    def __init__(self, *args: Any, stats: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetch_stats = stats

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: Any,
                  want_body: WantBody = want_every_body) -> FetchResult:
        result = super().fetch_new(role, cursor, since, want_body)
        result.stats["role"] = role  # type: ignore[assignment]
        self.fetch_stats.append(result.stats)  # filled in later when fetching is lazy
        return result


def bench_config(context: dict[str, Any]) -> Config:
    """The configuration both readers run with: the corpus's user, one plain IMAP account
    on the loopback Dovecot, a look-back window covering the whole mailbox."""
    account = AccountConfig(
        name="bench", backend="imap", host=context["host"], port=context["port"], tls="none",
        username=context["username"], connect_timeout=10.0, read_timeout=300.0,
        lookback_days=context["lookback_days"])
    user = UserConfig(name=context["user_name"], addresses=tuple(context["user_addresses"]),
                      timezone=context["user_timezone"])
    return Config(path=None, user=user, accounts=(account,),
                  state_dir=Path(context["state"]).parent)


def run_phase(context: dict[str, Any]) -> dict[str, Any]:
    """Run the phase the context names; returns what it measured."""
    config = bench_config(context)
    password = context["password"]
    meter = Meter()
    client_class = metered_client(meter)
    fetch_stats: list[dict[str, Any]] = []
    baseline = context["phase"] == "baseline"

    def client_factory(account: AccountConfig, ssl_context: Any) -> IMAPClient:
        return client_class(account.host, port=account.effective_port, ssl=False,
                            timeout=SocketTimeout(connect=account.connect_timeout,
                                                  read=account.read_timeout))

    if context.get("prefilter") == "previous":
        followup.runner.worth_reading = previous_worth_reading  # type: ignore[assignment]

    def backend(account: AccountConfig, config: Config) -> Any:
        if baseline:
            return NaiveMailbox(account, password, client_class)
        return RecordingImapMailbox(account, password, client_factory=client_factory,
                             max_message_bytes=config.scan.max_message_bytes,
                             stats=fetch_stats)

    planning = [0.0]
    plans = [0]
    plan_for = followup.runner.plan_for

    def timed_plan_for(*args: Any, **kwargs: Any) -> Any:
        plans[0] += 1
        began = time.perf_counter()
        try:
            return plan_for(*args, **kwargs)
        finally:
            planning[0] += time.perf_counter() - began

    followup.runner.plan_for = timed_plan_for  # type: ignore[assignment]
    now = datetime.fromisoformat(context["now"])
    rss_start = rss_now_mb()
    profiler = cProfile.Profile() if context.get("profile") else None
    began = time.perf_counter()
    store = Store.open(Path(context["state"]))
    try:
        if profiler:
            profiler.enable()
        report = run_once(config, now=now, dry_run=baseline, store=store,
                          backend_factory=backend)
        if profiler:
            profiler.disable()
    finally:
        store.close()
    seconds = time.perf_counter() - began
    if profiler:
        profiler.dump_stats(context["profile"])
    store = Store.open(Path(context["state"]))
    try:
        records = {record.key: record.kind for record in store.records()}
    finally:
        store.close()
    fetched = {"bodies_whole_or_partial": sum(s.get("bodies", 0) for s in fetch_stats),
               "partial": sum(s.get("partial", 0) for s in fetch_stats),
               "too_large": sum(s.get("too_large", 0) for s in fetch_stats)}
    return {
        "phase": context["phase"], "label": context.get("label", context["phase"]),
        "seconds": seconds, "plan_seconds": planning[0], "plans": plans[0],
        "rss_start_mb": rss_start, "rss_peak_mb": rss_peak_mb(),
        **meter.as_dict(),
        "messages_read": sum(report.read.values()),
        "drafts": len(report.drafts),
        "due": sorted(p.key for p in report.plan if p.status == "due"),
        "applications": report.applications,
        "failed_accounts": report.failed_accounts,
        "fetch_stats": fetch_stats if not baseline else [],
        "backend_counts": fetched if not baseline else {},
        "records": records,
    }


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    context = json.loads(Path(argv[0]).read_text())
    result = run_phase(context)
    Path(argv[1]).write_text(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
