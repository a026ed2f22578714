"""`followup demo`: the whole pipeline on the bundled sample mailbox, with no account.

The sample (`followup.demo.sample`) is delivered message by message into a temporary
Maildir (INBOX at its root, `.Sent`, `.Drafts`) while a simulated clock steps through the
fortnight; before each step's `run_once(config, now=step)` the messages that have arrived
by then are delivered. What happens is printed as it happens: each message and how it was
read, each change of an application's state, each draft as it would appear. The drafts are
left as .eml files in the output folder (by default in the user's cache folder, see
`default_demo_folder`). Nothing outside the temporary folders and the
output folder is touched; no network is used.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.markup import escape

from followup.config_model import AccountConfig, Config, UserConfig
from followup.demo.sample import USER, sample_mailbox
from followup.drafting import plan_for
from followup.runner import run_once
from followup.store import Store, database_path

ZONE = ZoneInfo("America/New_York")
ACCOUNT = "demo"
JUDGED = re.compile(r"^\S+: (?:inbound|sent) (\w+): (.*?) - (.*)$")
PREVIEW_LINES = 8


@dataclass(frozen=True)
class DemoDraft:
    """A draft the demo made: when, what kind, to whom, and where its .eml file is."""

    made_at: datetime
    kind: str
    to: tuple[str, ...]
    subject: str
    path: Path


@dataclass
class DemoResult:
    start: datetime
    end: datetime
    drafts: list[DemoDraft] = field(default_factory=list)
    messages: int = 0


def default_demo_folder(environ: Mapping[str, str] | None = None) -> Path:
    """Where `followup demo` leaves its drafts: $XDG_CACHE_HOME/followup/demo-drafts, else
    ~/.cache/followup/demo-drafts. Not the current folder: the README's first command runs
    in the checkout, and a demo must not leave files in a work tree."""
    environ = os.environ if environ is None else environ
    cache = environ.get("XDG_CACHE_HOME") or ""
    base = Path(cache) if cache.startswith("/") else Path.home() / ".cache"
    return base / "followup" / "demo-drafts"


def demo_config(maildir: Path, state_dir: Path) -> Config:
    """Sam Rivera's configuration, built in code: one Maildir account."""
    return Config(
        path=None,
        user=UserConfig(name=USER[0], addresses=(USER[1],), timezone=ZONE.key,
                        signature=f"{USER[0]}\n+1 555 0100"),
        accounts=(AccountConfig(name=ACCOUNT, backend="maildir", path=maildir),),
        state_dir=state_dir)


def demo_start(today: datetime, days: int) -> datetime:
    """08:00 on the Monday on or before `days` days before `today`: the story reads as recent
    and its weekdays are always the same."""
    first = (today.astimezone(ZONE) - timedelta(days=days)).replace(
        hour=8, minute=0, second=0, microsecond=0)
    return first - timedelta(days=first.weekday())


def run_demo(out: Path, days: int = 14, *, console: Console | None = None,
             step: timedelta = timedelta(hours=2), today: datetime | None = None) -> DemoResult:
    """Play the sample mailbox through `days` days; write the drafts to `out`."""
    console = console or Console(highlight=False, soft_wrap=True)
    start = demo_start(today or datetime.now(ZONE), days)
    result = DemoResult(start=start, end=start + timedelta(days=days))
    mail = sample_mailbox(start)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="followup-demo-") as temporary:
        root = Path(temporary)
        maildir = root / "Mail"
        for folder in (maildir, maildir / ".Sent", maildir / ".Drafts"):
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True, mode=0o700)
        (root / "state").mkdir(mode=0o700)
        config = demo_config(maildir, root / "state")
        store = Store.open(database_path(root / "state"))
        console.print(f"[bold]followup demo[/bold]: {USER[0]}'s job search from "
                      f"{start:%a %d %b %Y} to {result.end:%a %d %b %Y} "
                      f"({ZONE.key}), one pass every {_hours(step)}")
        states: dict[str, str] = {}
        try:
            now, delivered = start, 0
            while now <= result.end:
                arrived = []
                while delivered < len(mail) and mail[delivered][0] <= now:
                    arrival, role, raw = mail[delivered]
                    _deliver(maildir if role == "inbox" else maildir / ".Sent", raw, arrival,
                             delivered)
                    arrived.append((role, raw))
                    delivered += 1
                report = run_once(config, now=now, store=store)
                lines = _describe_messages(arrived, report.judged)
                lines += _state_changes(store, config, now, states)
                made = _new_drafts(store, maildir / ".Drafts", out, now, result)
                if lines or made:
                    console.print(f"\n[bold cyan]{now:%a %d %b %H:%M}[/bold cyan]")
                    for line in lines:
                        console.print(line)
                    for draft in made:
                        _show_draft(console, draft)
                now += step
            result.messages = delivered
        finally:
            store.close()
    console.print(f"\n[bold]{len(result.drafts)} draft(s)[/bold] written to {out}:")
    for draft in result.drafts:
        console.print(f"  {draft.path.name}")
    console.print("Nothing was drafted for the job-alert digest or the recruiter's cold "
                  "outreach: no drafts for those, by design.")
    return result


def _hours(step: timedelta) -> str:
    hours = step.total_seconds() / 3600
    return f"{hours:g} hour(s)"


def _deliver(folder: Path, raw: bytes, arrival: datetime, number: int) -> None:
    """Write one message into `folder`'s new/ (tmp/ then rename), dated `arrival`."""
    name = f"{int(arrival.timestamp())}.demo{number:04d}.followup"
    temporary = folder / "tmp" / name
    temporary.write_bytes(raw)
    os.utime(temporary, (arrival.timestamp(), arrival.timestamp()))
    os.rename(temporary, folder / "new" / name)


def _describe_messages(arrived: list[tuple[str, bytes]], judged: list[str]) -> list[str]:
    readings = {}
    for line in judged:
        match = JUDGED.match(line)
        if match:
            readings[match.group(3)] = (match.group(1), match.group(2))
    lines = []
    for role, raw in arrived:
        message = message_from_bytes(raw, policy=policy.default)
        subject = str(message.get("Subject", ""))
        if role == "inbox":
            lines.append(f"  [green]mail in[/green]   from {escape(str(message['From']))}: "
                         f"{escape(subject)}")
        else:
            lines.append(f"  [green]you sent[/green]  to {escape(str(message['To']))}: "
                         f"{escape(subject)}")
        kind, company = readings.get(subject[:60], ("", ""))
        if kind:
            about = f" ({escape(company)})" if company and company != "?" else ""
            lines.append(f"            read as [yellow]{kind}[/yellow]{about}")
        else:
            lines.append("            read as [dim]not about an application: no action[/dim]")
    return lines


def _state_changes(store: Store, config: Config, now: datetime,
                   states: dict[str, str]) -> list[str]:
    applications, _ = plan_for(store, config, now)
    lines = []
    for application in applications:
        if states.get(application.id) == application.state:
            continue
        states[application.id] = application.state
        name = " - ".join(part for part in (application.company, application.role) if part)
        reason = f" ({escape(application.state_reason)})" if application.state_reason else ""
        lines.append(f"  [magenta]application[/magenta] {escape(name or application.id)}: "
                     f"[bold]{application.state}[/bold]{reason}")
    return lines


def _new_drafts(store: Store, drafts: Path, out: Path, now: datetime,
                result: DemoResult) -> list[DemoDraft]:
    known = {draft.path.name.split("-", 1)[1] for draft in result.drafts}
    made = []
    for entry in sorted(store.ledger().values(), key=lambda entry: entry.key):
        if entry.state != "created" or entry.draft_id is None:
            continue
        stem = f"{entry.kind}-{'+'.join(r.split('@')[0] for r in entry.recipients)}.eml"
        if stem in known:
            continue
        source = next((path for path in (drafts / "cur").iterdir()
                       if path.name.split(":")[0] == entry.draft_id), None)
        if source is None:
            continue
        raw = source.read_bytes()
        target = out / f"{len(result.drafts) + 1:02d}-{stem}"
        _write_private(target, raw)
        message = message_from_bytes(raw, policy=policy.default)
        draft = DemoDraft(now, entry.kind, entry.recipients, str(message.get("Subject", "")),
                          target)
        result.drafts.append(draft)
        known.add(stem)
        made.append(draft)
    return made


def _write_private(path: Path, raw: bytes) -> None:
    """Write `raw` to `path` with mode 0600 (drafts are mail), replacing an earlier demo's."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(raw)
    os.chmod(path, 0o600)


def _show_draft(console: Console, draft: DemoDraft) -> None:
    message = message_from_bytes(draft.path.read_bytes(), policy=policy.default)
    console.print(f"  [bold red]draft[/bold red] {draft.kind} to "
                  f"{escape(str(message.get('To', '')))}  -> {draft.path.name}")
    console.print(f"      Subject: {escape(draft.subject)}")
    body = _plain_text(message)
    shown = [line for line in body.splitlines() if line.strip()][:PREVIEW_LINES]
    for line in shown:
        console.print(f"      [dim]|[/dim] {escape(line)}")


def _plain_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    try:
        return str(part.get_content())  # type: ignore[attr-defined]
    except (LookupError, ValueError):
        return ""
