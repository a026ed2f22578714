"""The Gmail backend on a large mailbox: requests and quota units of a first scan, a poll
with nothing new and a poll after 10 new messages, against the naive reader's cost.

    python bench/gmail.py [--n 2000] [--seed 1] [--json]

The mailbox is `bench/mailbox.py`'s (same mix, same seed), loaded into the faithful fake of
the Gmail REST API (`tests/gmail_fake.py`) on loopback; followup's real `run_once` talks to
it through google-api-python-client with a real token. The live service is not reachable
from here, so times are the fake's and are not reported; requests, quota units (Gmail's
published costs: messages.get and messages.list 5, history.list 2, getProfile 1,
drafts.create 10) and bodies read are the backend's own and are what Gmail would see.

The naive reader a peer would write lists the window and fetches every message with
`format=raw`: its cost is computed from the same listing (5 units per page of 500 ids and
per message), not run: it would only move every byte of the mailbox through the fake.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for entry in (ROOT, ROOT / "tests"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from google.oauth2.credentials import Credentials  # noqa: E402

from bench.mailbox import NOW, USER_ADDRESSES, USER_NAME, USER_TIMEZONE, Plan, arrivals  # noqa: E402
from followup.backends.gmail import GmailMailbox  # noqa: E402
from followup.backends.gmail_auth import SCOPES, save_token, token_path  # noqa: E402
from followup.backends.gmail_messages import QUOTA_UNITS  # noqa: E402
from followup.config_model import AccountConfig, Config, UserConfig  # noqa: E402
from followup.runner import run_once  # noqa: E402
from gmail_fake import GmailFake  # noqa: E402

PAGE = 500  # ids per messages.list page (the backend asks for the maximum)


def load(fake: GmailFake, planned: list[Any]) -> Counter[str]:
    """Deliver the planned messages into the fake, labelled as Gmail would."""
    folders: Counter[str] = Counter()
    for item in planned:
        labels = ["SENT"] if item.folder == "Sent" else \
            ["INBOX"] + ([] if item.seen else ["UNREAD"])
        fake.add_message(item.make(), labels, internal_date=item.when)
        folders[labels[0]] += 1
    return folders


def run_benchmark(n: int, seed: int, work: Path) -> dict[str, Any]:
    plan = Plan(n, seed)
    planned = plan.build()
    with GmailFake(email=USER_ADDRESSES[0]) as fake:
        folders = load(fake, planned)
        account = AccountConfig(name="bench", backend="gmail", lookback_days=220)
        config = Config(path=None, user=UserConfig(name=USER_NAME, addresses=USER_ADDRESSES,
                                                   timezone=USER_TIMEZONE),
                        accounts=(account,), state_dir=work)
        credentials = Credentials(
            token=fake.grant(), refresh_token="1//fake-refresh", token_uri=fake.token_uri,
            client_id="bench.apps.googleusercontent.com", client_secret="bench",
            scopes=list(SCOPES),
            expiry=datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1))
        save_token(token_path(account, config), credentials)
        opened: list[GmailMailbox] = []

        def backend(account: AccountConfig, config: Config) -> GmailMailbox:
            mailbox = GmailMailbox(account, config, api_root=fake.root,
                                   token_uri=fake.token_uri)
            opened.append(mailbox)
            return mailbox

        def phase(now: datetime) -> dict[str, Any]:
            opened.clear()
            before = len(fake.requests)
            http_before = len(fake.http_requests())
            report = run_once(config, now=now, backend_factory=backend)
            assert not report.failed_accounts, report.failed_accounts
            calls = Counter(record.method_id.removeprefix("gmail.users.")
                            for record in fake.requests[before:])
            return {"messages_read": sum(report.read.values()),
                    "bodies": sum(
                        1 for record in fake.requests[before:]
                        if record.method_id == "gmail.users.messages.get"
                        and record.params.get("format") == ["raw"]),
                    "calls": dict(sorted(calls.items())),
                    "http_requests": len(fake.http_requests()) - http_before,
                    "quota_units": sum(mailbox._meter.spent for mailbox in opened),
                    "reading_units": sum(QUOTA_UNITS[record.method_id]
                                         for record in fake.requests[before:]
                                         if not record.method_id.startswith("gmail.users.drafts")
                                         and record.method_id in QUOTA_UNITS),
                    "drafts": len(report.drafts)}

        first = phase(NOW)
        quiet = phase(NOW + timedelta(minutes=5))
        settled = phase(NOW + timedelta(minutes=10))
        new = arrivals(seed, NOW + timedelta(minutes=11), 10)
        load(fake, new)
        after = phase(NOW + timedelta(minutes=30))
    listed = folders["INBOX"] + folders["SENT"]
    naive_units = 5 * listed + 5 * (-(-folders["INBOX"] // PAGE) - (-folders["SENT"] // PAGE))
    return {"n": n, "seed": seed, "folders": dict(folders),
            "phases": {"first": first, "poll_after_drafts": quiet, "no_change": settled,
                       "after_new": after},
            "naive_first_scan_units": naive_units}


def table(result: dict[str, Any]) -> str:
    lines = [f"Gmail fake, {result['n']:,} messages ({result['folders']}), seed {result['seed']}",
             "",
             "| phase | messages read | bodies (format=raw) | HTTP requests | quota units "
             "(reading) | drafts | calls |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    names = {"first": "first scan", "poll_after_drafts": "poll after the drafts were made",
             "no_change": "no-change poll", "after_new": "poll after 10 new"}
    for key, label in names.items():
        phase = result["phases"][key]
        calls = ", ".join(f"{name} {count}" for name, count in phase["calls"].items())
        lines.append(f"| {label} | {phase['messages_read']:,} | {phase['bodies']:,} | "
                     f"{phase['http_requests']:,} | {phase['quota_units']:,} "
                     f"({phase['reading_units']:,}) | "
                     f"{phase['drafts']} | {calls} |")
    first = result["phases"]["first"]["reading_units"]
    naive = result["naive_first_scan_units"]
    lines += ["", f"reading the mailbox on a first scan: naive (list + format=raw for every "
              f"message) {naive:,} units; followup {first:,} ({first / naive:.1%})"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="followup-bench-gmail-") as work:
        result = run_benchmark(args.n, args.seed, Path(work))
    print(json.dumps(result, indent=1) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
