"""Your word on applications and messages: `review` (the messages the judge was unsure
of) and the `app` group (`ignore`, `close`, `reopen`, `note`, `correct`). Registers them on
`commands.cli` when imported (`followup.cli` does).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import click

from followup.cli.commands import (
    Context,
    cli,
    echo_json,
    parse_now,
    pass_context,
    plan_snapshot,
)
from followup.errors import FollowupError


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON list.")
@pass_context
def review(context: Context, as_json: bool) -> None:
    """The messages the judge was unsure of, for your word.

    Each line: date, sender, subject, the judge's best guess and a short key. Settle one
    with `followup app correct KEY KIND` (the guess, if it is right). Until then a draft
    that depends on the message waits. Writes nothing.
    """
    from followup.store import Store, database_path

    config = context.config()
    zone = ZoneInfo(config.user.timezone)
    assert config.state_dir is not None
    with Store.snapshot(database_path(config.state_dir)) as store:
        unsure = store.unsure_records()
    rows = [{"key": record.short_key,
             "date": record.date.astimezone(zone).isoformat(timespec="seconds"),  # RFC 3339
             "sender": record.sender.email if record.sender else "",
             "subject": record.subject, "guess": record.kind} for record in unsure]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("nothing to review: the judge was sure of every message")
        return
    click.echo(f"{len(rows)} message(s) the judge was unsure of:")
    for row in rows:
        shown = datetime.fromisoformat(row["date"]).strftime("%Y-%m-%d %H:%M")
        click.echo(f"  {row['key']}  {shown}  {row['sender'][:40]:<40}  "
                   f"{row['subject'][:60]!r}  guess: {row['guess']}")
    first = rows[0]
    click.echo(f"\nSettle one with `followup app correct KEY KIND`, e.g. "
               f"`followup app correct {first['key']} {first['guess']}` if the guess is right.")


@cli.group()
def app() -> None:
    """Your word on an application (ignore, close, reopen, note) or on a message (correct)."""


def _override(context: Context, action: str, target: str, text: str = "",
              now_text: str | None = None) -> None:
    from followup.store import Store, database_path
    from followup.track.model import Override

    config = context.config()
    now = parse_now(now_text, config)
    assert config.state_dir is not None
    known = {application.id for application in plan_snapshot(context, now_text)[2]}
    if target not in known:
        raise FollowupError(f"no application with id {target!r}; `followup status` lists them")
    with Store.open(database_path(config.state_dir)) as store, store.transaction():
        store.add_override(Override(target, action, now, text))  # type: ignore[arg-type]
    context.say(f"{action}: {target}")


def _override_command(action: str, help_text: str) -> None:
    """`followup app ACTION ID`: one override of the application, nothing else."""
    @app.command(action, help=help_text)
    @click.argument("application_id")
    @pass_context
    def command(context: Context, application_id: str) -> None:
        _override(context, action, application_id)


_override_command("ignore", "Ignore application ID: no drafts, not listed as active.")
_override_command("close", "Mark application ID closed: no more drafts.")
_override_command("reopen", "Undo ignore / close for application ID.")


@app.command("note")
@click.argument("application_id")
@click.argument("text")
@click.option("--now", "now_text", default=None, metavar="ISO",
              help="Record it as if it were this ISO time (for trying things out, tests).")
@pass_context
def app_note(context: Context, application_id: str, text: str, now_text: str | None) -> None:
    """A talking point for the thank-you of application ID (`plan` shows it; the log
    reminds you when a thank-you is due soon without one)."""
    if not text.strip():
        raise click.BadParameter("note needs the text of the note")
    _override(context, "note", application_id, text, now_text)


def _kinds_help() -> str:
    from followup.judge.model import KINDS

    return ", ".join(KINDS)


@app.command("correct", epilog=f"KIND is one of: {_kinds_help()}.")
@click.argument("key")
@click.argument("kind")
@pass_context
def app_correct(context: Context, key: str, kind: str) -> None:
    """Say what message KEY really is (KEY as `followup review` shows it, or the full key).

    Confirming the judge's guess is a correction too: the message becomes sure and a draft
    waiting on it can be made at the next scan.
    """
    from followup.judge.model import KINDS
    from followup.store import Store, database_path

    if kind not in KINDS:
        raise click.BadParameter(f"{kind!r} is not a kind; use one of: {', '.join(KINDS)}",
                                 param_hint="KIND")
    config = context.config()
    now = parse_now(None, config)
    assert config.state_dir is not None
    with Store.open(database_path(config.state_dir)) as store, store.transaction():
        if not store.correct(key, kind, now):
            raise FollowupError(f"no message with key {key!r}; `followup review` lists "
                                "the unsure ones with their keys")
    click.echo(f"{key} is now read as {kind}")
