"""The `followup` group, the Context its subcommands share, the mail and application commands.

Exit statuses: 0 fine, 1 a failure the user can act on (or a file that could not be read),
78 a configuration error (systemd's RestartPreventExitStatus; also a file the configuration
names that is missing or unreadable), 75 another followup holds the state (try again
later), 2 a usage error (click).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from followup import __version__
from followup.config import check_files, default_config_path, load_config, summary
from followup.config_model import Config
from followup.errors import ConfigError, FollowupError
from followup.logs import configure

log = logging.getLogger("followup")


class Context:
    """What every subcommand shares: where the config is, how much to say, and whether to
    show tracebacks. `quiet` (-q): only warnings and errors, on stderr; nothing on stdout
    but what a command was asked to print (a plan, a table, JSON)."""

    def __init__(self, config_path: Path | None, debug: bool, verbosity: int = 0,
                 quiet: bool = False) -> None:
        self.config_path = config_path
        self.debug = debug
        self.verbosity = verbosity
        self.quiet = quiet
        self._config: Config | None = None

    def say(self, text: str) -> None:
        """A progress or confirmation line on stdout, left out under -q."""
        if not self.quiet:
            click.echo(text)

    @property
    def path(self) -> Path:
        return self.config_path or default_config_path()

    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.path)
        return self._config


pass_context = click.make_pass_decorator(Context)


def parse_now(value: str | None, config: Config | None = None) -> datetime:
    """`--now`: an ISO time; without an offset it is in the user's zone. Default: the clock."""
    zone = ZoneInfo(config.user.timezone) if config else None
    if value is None:
        # In the user's zone (not the machine's, often UTC on a server): `plan` and
        # `status` show every time in that one zone.
        return datetime.now(tz=zone) if zone else datetime.now().astimezone()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 time such as "
                                 "2026-03-05T16:30 or 2026-03-05T16:30+01:00") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return moment


CONFIG_HELP = "Config file (default: $FOLLOWUP_CONFIG or ~/.config/followup/config.yaml)."
VERBOSE_HELP = "More detail in the log (-v: debug)."
QUIET_HELP = ("Only warnings and errors (for cron): no progress or summary lines; a "
              "failure still exits non-zero.")
DEBUG_HELP = "Show tracebacks for unexpected errors."


def _late_option(click_context: click.Context, parameter: click.Parameter,
                 value: Any) -> None:
    """-v, -q, --config and --debug given after the command (`followup scan -q`): the same
    as before it. Click gives a subcommand's options only to that subcommand, so each
    command carries copies of the group's options that write into the shared Context."""
    context = click_context.find_object(Context)
    if context is None or not value:
        return
    if parameter.name == "config_path":
        context.config_path = value
    elif parameter.name == "debug":
        context.debug = True
    else:
        if parameter.name == "verbose":
            context.verbosity += value
        else:
            context.quiet = True
        configure(-1 if context.quiet else context.verbosity)


def _global_options() -> list[click.Option]:
    return [
        click.Option(["--config", "config_path"], type=click.Path(path_type=Path),
                     default=None, expose_value=False, callback=_late_option,
                     help=CONFIG_HELP),
        click.Option(["-v", "--verbose"], count=True, expose_value=False,
                     callback=_late_option, help=VERBOSE_HELP),
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False,
                     callback=_late_option, help=QUIET_HELP),
        click.Option(["--debug"], is_flag=True, expose_value=False, callback=_late_option,
                     help=DEBUG_HELP),
    ]


class FollowupGroup(click.Group):
    """A group whose every command (and subgroup's command) also takes the global options."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        taken = {opt for param in cmd.params for opt in getattr(param, "opts", ())}
        cmd.params.extend(option for option in _global_options()
                          if not taken & set(option.opts))
        super().add_command(cmd, name)


FollowupGroup.group_class = FollowupGroup


@click.group(cls=FollowupGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help=CONFIG_HELP)
@click.option("-v", "--verbose", count=True, help=VERBOSE_HELP)
@click.option("-q", "--quiet", is_flag=True, help=QUIET_HELP)
@click.option("--debug", is_flag=True, help=DEBUG_HELP)
@click.version_option(__version__, prog_name="followup")
@click.pass_context
def cli(click_context: click.Context, config_path: Path | None, verbose: int, quiet: bool,
        debug: bool) -> None:
    """followup: leaves well-timed follow-up drafts about your job applications in Drafts.

    It never sends mail and never changes your mail. -v, -q, --config and --debug may come
    before or after the command.
    """
    configure(-1 if quiet else verbose)
    click_context.obj = Context(config_path, debug, verbose, quiet)


def _zone_option(click_context: click.Context, parameter: click.Parameter,
                 value: str | None) -> str | None:
    from followup.zones import zone_problem

    problem = zone_problem(value) if value else None
    if problem:
        raise click.BadParameter(problem)
    return value.strip() if value else None


@cli.command("check-config")
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--connect", is_flag=True,
              help="Also log in to each account and find Drafts and Sent (reads nothing).")
@click.option("--example", is_flag=True,
              help="Print config.example.yaml (every key, documented) and exit; start a "
                   "config with `followup check-config --example > config.yaml`.")
@click.option("--notify-test", is_flag=True,
              help="Also send a test notification through every configured way (notify:).")
@pass_context
def check_config(context: Context, path: Path | None, connect: bool, example: bool,
                 notify_test: bool) -> None:
    """Validate the configuration and say what was understood (never a secret)."""
    from followup.notify.deliver import build_deliverer

    if example:
        from followup.config import render_example

        click.echo(render_example(), nl=False)  # the installed copy of config.example.yaml
        return
    if path is not None:
        context.config_path = path
    config = context.config()
    check_files(config)  # what scan and run need: their files exist and can be read
    deliverer = build_deliverer(config)  # reads the notification URLs: problems exit 78
    click.echo(f"{context.path}: valid")
    for line in summary(config):
        click.echo(f"  {line}")
    if deliverer is not None:
        click.echo(f"  notifications go through: {', '.join(deliverer.describe())}")
    if notify_test:
        _notify_test(deliverer)
    if connect:
        from followup.runner import probe_accounts

        failures = 0
        for account, outcome, ok in probe_accounts(config):
            click.echo(f"  {account}: {outcome}")
            failures += 0 if ok else 1
        if failures:
            raise SystemExit(1)


def _notify_test(deliverer: Any) -> None:
    from followup.notify.notices import Notice

    if deliverer is None:
        raise click.UsageError("--notify-test: no notification is configured; set "
                               "notify.urls_file (or urls_env, urls_command, urls_credential) "
                               "or notify.command")
    result = deliverer.send(Notice(
        title="followup: test notification",
        body="This is how followup will tell you that drafts are waiting in Drafts.",
        new=(), reminders=(), best_before=None))
    if result.failed:
        click.echo(f"  test notification NOT delivered through: {', '.join(result.failed)}")
        raise SystemExit(1)
    click.echo("  test notification sent")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line and file.")
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="Your own address (repeatable); default: the config's user.addresses.")
@click.option("--tz", "zone", default=None, metavar="ZONE", callback=_zone_option,
              help="Your time zone, an IANA place name such as Europe/Berlin or "
                   "America/New_York: for shown times, and for times a mail gives \"in your "
                   "time\". Default: the config's.")
@pass_context
def classify(context: Context, files: tuple[Path, ...], as_json: bool, me: tuple[str, ...],
             zone: str | None) -> None:
    """Say what each .eml file is: kind, facts and the reasons."""
    from followup.judge.classify import judge_message
    from followup.judge.explain import judgement_to_json, render_judgement
    from followup.mail.parse import parse_message

    addresses = list(me)
    display_zone = ZoneInfo(zone) if zone else None
    if not addresses or display_zone is None:
        try:
            config = context.config()
            addresses = addresses or list(config.user.addresses)
            display_zone = display_zone or ZoneInfo(config.user.timezone)
        except ConfigError:
            pass  # classify works without a config; --me then names the user
    failed = False
    for path in files:
        try:
            message = parse_message(path.read_bytes())
            judgement = judge_message(message, addresses, user_tz=display_zone)
        except (OSError, FollowupError) as error:
            failed = True
            reason = error.strerror if isinstance(error, OSError) else str(error)
            if as_json:
                click.echo(json.dumps({"file": str(path), "error": reason}))
            else:
                click.echo(f"{path}: cannot be read: {reason}", err=True)
            continue
        if as_json:
            click.echo(json.dumps(judgement_to_json(str(path), judgement, display_zone),
                                  ensure_ascii=False))
        else:
            click.echo(render_judgement(str(path), message, judgement, display_zone))
    if failed:
        raise SystemExit(1)


@cli.command()
@click.option("--dry-run", is_flag=True, help="Write nothing anywhere; print what would happen.")
@click.option("--now", "now_text", default=None, metavar="ISO",
              help="Act as if it were this time: ISO 8601, e.g. 2026-03-05T16:30 (your zone) "
                   "or 2026-03-05T16:30+01:00.")
@click.option("--account", "account_names", multiple=True, metavar="NAME",
              help="Only this account (repeatable): a name from accounts[].name, as "
                   "`followup check-config` lists them.")
@click.option("--wait", "wait", type=click.FloatRange(0, 3600), default=10.0,
              show_default=True, metavar="SECONDS",
              help="How long to wait for another followup using the same state (a scan or "
                   "the service) before giving up with exit status 75.")
@pass_context
def scan(context: Context, dry_run: bool, now_text: str | None,
         account_names: tuple[str, ...], wait: float) -> None:
    """One pass over every account: read new mail, update applications, make due drafts.

    Exit status 75: another followup holds the state directory (try again later)."""
    from followup.notify.deliver import build_deliverer
    from followup.runner import run_once
    from followup.store import state_lock

    config = context.config()
    check_files(config)
    deliverer = build_deliverer(config)  # a notification setup that cannot work exits 78
    now = parse_now(now_text, config)
    assert config.state_dir is not None
    if dry_run:  # writes nothing, so it needs no lock
        report = run_once(config, now=now, dry_run=True, accounts=account_names or None,
                          deliverer=deliverer)
    else:
        with state_lock(config.state_dir, wait):
            report = run_once(config, now=now, accounts=account_names or None,
                              fault=_fault_from_environment(), deliverer=deliverer)
    for line in report.lines():
        context.say(line)
    if report.failed_accounts:
        # Like mbsync and borgmatic under cron: a pass that failed anywhere exits non-zero
        # and says so on stderr, so cron mails it; stdout carries nothing that reads as
        # "all is well" (report.lines() leaves out "no draft is due now" then).
        click.echo(f"followup: the scan failed for {', '.join(report.failed_accounts)} "
                   "(see the error above); new mail there was not read and no draft was "
                   "made for it", err=True)
        raise SystemExit(1)


def plan_snapshot(context: Context, now_text: str | None
                  ) -> tuple[Config, datetime, Any, Any]:
    """The config, `now`, the applications and every planned draft, from a read-only copy
    of the state (`plan`, `status` and `app` write nothing while they look)."""
    from followup.drafting import plan_for
    from followup.store import Store, database_path

    config = context.config()
    now = parse_now(now_text, config)
    assert config.state_dir is not None
    # plan and status write nothing
    with Store.snapshot(database_path(config.state_dir)) as store:
        applications, planned = plan_for(store, config, now)
    return config, now, applications, planned


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON document.")
@click.option("--now", "now_text", default=None, metavar="ISO",
              help="Evaluate as if it were this time: ISO 8601, e.g. 2026-03-05T16:30 (your zone) "
                   "or 2026-03-05T16:30+01:00.")
@pass_context
def plan(context: Context, as_json: bool, now_text: str | None) -> None:
    """Applications, their state, and every draft due or coming (as of the last scan).

    Writes nothing.
    """
    from followup.views import plan_json

    config, now, applications, planned = plan_snapshot(context, now_text)
    zone = ZoneInfo(config.user.timezone)
    document = plan_json(now, applications, planned, zone)
    if as_json:
        echo_json(document)
        return
    def shown(text: str | None) -> str:  # every time in the user's zone, one format
        return datetime.fromisoformat(text).strftime("%a %d %b %Y %H:%M") if text else "?"

    click.echo(f"as of {shown(document['now'])} ({zone.key}, the zone of every time "
               f"below): {len(applications)} application(s)")
    if not applications:
        click.echo(_NOTHING_YET)
    for app in document["applications"]:
        click.echo(f"\n{app['company'] or '?'} - {app['role'] or '?'} [{app['state']}] "
                   f"(id {app['id']})")
        for round_ in app["rounds"]:
            people = ", ".join(p["name"] or p["email"] for p in round_["interviewers"])
            click.echo(f"  interview {shown(round_['start'])}"
                       + (f" with {people}" if people else ""))
        if app["note"]:
            click.echo(f"  note: {app['note']}")
        for draft in app["drafts"]:
            click.echo(f"  {draft['status']:>9}  {draft['kind']:<18} {shown(draft['due'])}  "
                       f"{', '.join(draft['to']) or '-'}: {draft['reason']}")
            for fact in draft["facts"]:
                click.echo(f"             uses {fact['name']} = {fact['value']!r} "
                           f"(from {fact['from']})")
            for fact in draft["left_out"]:
                click.echo(f"             leaves out {fact['name']} = {fact['value']!r}: "
                           f"{fact['why']}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON list.")
@click.option("--now", "now_text", default=None, metavar="ISO",
              help="Evaluate as if it were this time: ISO 8601, e.g. 2026-03-05T16:30 (your zone) "
                   "or 2026-03-05T16:30+01:00.")
@pass_context
def status(context: Context, as_json: bool, now_text: str | None) -> None:
    """A table of applications and what happens next."""
    from followup.views import status_rows

    config, now, applications, planned = plan_snapshot(context, now_text)
    zone = ZoneInfo(config.user.timezone)
    rows = status_rows(applications, planned, zone)
    waiting = _waiting_drafts(config, applications)
    for row in rows:
        row["drafts_waiting"] = len(waiting.get(row["id"], []))
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(_NOTHING_YET)
        return
    from rich.console import Console

    placed = [moment for moments in waiting.values() for moment in moments]
    waiting_note = ""
    if placed:
        from followup.notify.notices import describe_age

        waiting_note = (f"; {len(placed)} draft(s) waiting in Drafts, the oldest placed "
                        f"{describe_age(min(placed), now)} ago")
    # Piped output gets a wide table rather than one folded to 80 columns.
    print_status_table(rows, zone, Console() if sys.stdout.isatty() else Console(width=200),
                       waiting_note)


def print_status_table(rows: list[dict[str, Any]], zone: ZoneInfo, console: Any,
                       waiting_note: str = "") -> None:
    """The `status` table on a rich Console. The id is what `followup app ... ID` asks
    for: never wrapped or cut, so it can be copied whole at any width (80 columns too);
    the words around it fold instead."""
    from rich import box
    from rich.table import Table

    from followup.views import table_cells

    # No vertical rules: at 80 columns the words need every column they can get.
    table = Table(title=f"{len(rows)} application(s){waiting_note}; times in {zone.key}",
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column("id", no_wrap=True, min_width=max(len(row["id"]) for row in rows))
    table.add_column("company", overflow="fold")
    table.add_column("role", overflow="fold")
    table.add_column("state", no_wrap=True)
    table.add_column("last", no_wrap=True)
    table.add_column("next action", overflow="fold")
    table.add_column("when", no_wrap=True)
    table.add_column("note", overflow="fold")
    for row in rows:
        table.add_row(*table_cells(row, zone))
    console.print(table)


_NOTHING_YET = ("No application is tracked yet. `followup scan` reads your mail (the first "
                "scan looks back accounts[].lookback_days days); `followup demo` shows what "
                "followup does on sample mail.")


def _waiting_drafts(config: Config, applications: Any) -> dict[str, list[datetime]]:
    """Application id -> when each of its drafts still untouched in Drafts was placed."""
    from followup.store import Store, database_path

    assert config.state_dir is not None
    with Store.snapshot(database_path(config.state_dir)) as store:
        ledger = store.ledger()
    owner = {alias: app.id for app in applications for alias in (app.id, *app.aliases)}
    waiting: dict[str, list[datetime]] = {}
    for entry in ledger.values():
        if entry.state == "created":
            waiting.setdefault(owner.get(entry.application_id, entry.application_id),
                               []).append(entry.created_at)
    return waiting


@cli.command()
@click.option("--csv", "csv_path", type=click.Path(path_type=Path), required=True,
              help="Where to write the spreadsheet (- for standard output).")
@pass_context
def export(context: Context, csv_path: Path) -> None:
    """A tracker spreadsheet (CSV) of every application."""
    from followup.views import rows_to_csv, status_rows

    config, _, applications, planned = plan_snapshot(context, None)
    text = rows_to_csv(status_rows(applications, planned, ZoneInfo(config.user.timezone)))
    if str(csv_path) == "-":
        click.echo(text, nl=False)
    else:
        csv_path.write_text(text, encoding="utf-8")
        context.say(f"wrote {len(applications)} application(s) to {csv_path}")


def _fault_from_environment() -> Any:
    """Fault injection for the exactly-once tests: `FOLLOWUP_FAULT=after-append` makes the
    process die (as a kill would) right after that step of creating a draft."""
    step = os.environ.get("FOLLOWUP_FAULT")
    if not step:
        return None

    def fault(name: str) -> None:
        if name == step:
            os._exit(75)

    return fault


def echo_json(data: Any) -> None:
    """`data` as indented JSON on standard output (the `--json` of every command)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def main() -> None:
    """Entry point: run the CLI, turning user-facing errors into a message and a status."""
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        raise SystemExit(130) from None
    except click.exceptions.ClickException as error:
        error.show()
        raise SystemExit(error.exit_code) from None
    except FollowupError as error:
        if debug:
            raise
        click.echo(f"followup: {error}" if not isinstance(error, ConfigError)
                   else "\n".join(error.problems), err=True)
        raise SystemExit(error.exit_status) from None
    except SystemExit:
        raise
    except KeyboardInterrupt:
        raise SystemExit(130) from None

