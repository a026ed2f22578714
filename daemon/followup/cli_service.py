"""`followup run`, `init` and `demo`: the daemon and the first-run experience.

Click commands and terminal output only; the work is in `followup.service`,
`followup.setup_wizard` and `followup.demo.run`.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from followup.cli import Context, cli, pass_context
from followup.config import load_config, summary
from followup.config_model import Config

log = logging.getLogger("followup")


# -- run -------------------------------------------------------------------------------------

class TerminalProgress:
    """A rich progress line on stderr while a pass goes through many messages (the first
    scan of a big mailbox): headers looked at, then messages judged out of how many, and
    the rate. It appears only past `threshold` messages and disappears when the pass ends;
    log lines are printed above it."""

    def __init__(self, threshold: int = 50) -> None:
        from rich.console import Console

        self._console = Console(stderr=True)
        self._threshold = threshold
        self._progress: Any = None
        self._task: Any = None
        self._examined = 0
        self._swapped: list[tuple[logging.StreamHandler[Any], Any]] = []

    def begin(self, reason: str) -> None:
        self._examined = 0

    def examined(self, account: str, count: int) -> None:
        self._examined += count
        if self._show(self._examined):
            self._progress.update(self._task, description=f"{account}: reading headers",
                                  completed=self._examined, total=None)

    def judged(self, account: str, done: int, total: int) -> None:
        if self._show(total):
            self._progress.update(self._task, description=f"{account}: reading and judging",
                                  completed=done, total=total)

    def end(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            for handler, stream in self._swapped:
                handler.setStream(stream)
            self._swapped.clear()

    def _show(self, count: int) -> bool:
        if self._progress is None and count >= self._threshold:
            self._start()
        return self._progress is not None

    def _start(self) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            ProgressColumn,
            SpinnerColumn,
            Task,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.text import Text

        class CountColumn(ProgressColumn):
            def render(self, task: Task) -> Text:
                done = int(task.completed)
                return Text(f"{done}/{int(task.total)}" if task.total else f"{done}")

        class RateColumn(ProgressColumn):
            def render(self, task: Task) -> Text:
                speed = task.speed
                return Text(f"{speed:.0f} messages/s" if speed else "")

        self._progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), CountColumn(),
            RateColumn(), TimeElapsedColumn(), console=self._console, transient=True,
            redirect_stderr=True)
        self._progress.start()
        self._task = self._progress.add_task("reading new mail", total=None)
        # Log lines go through rich's stderr proxy, above the progress line.
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and \
                    handler.stream is sys.__stderr__ and sys.stderr is not sys.__stderr__:
                self._swapped.append((handler, handler.setStream(sys.stderr)))


@cli.command()
@click.option("--max-backoff", type=click.FloatRange(1, 3600), default=300.0,
              show_default=True, metavar="SECONDS",
              help="Longest wait between attempts to reach a server that is down.")
@click.option("--min-backoff", type=click.FloatRange(0.1, 3600), default=2.0, hidden=True)
@click.option("--idle-renew", type=click.FloatRange(1, 1740), default=540.0, hidden=True,
              help="Seconds between IDLE renewals (tests).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress line for long passes (default: when stderr is a terminal).")
@pass_context
def run(context: Context, max_backoff: float, min_backoff: float, idle_renew: float,
        progress: bool | None) -> None:
    """Run as a service, in the foreground (systemd: followup.service).

    Passes run every scan.interval_minutes, at the moment a draft becomes due, and within
    seconds of new mail where the server offers IMAP IDLE. SIGTERM or Ctrl-C stops it;
    SIGHUP reloads the configuration (a broken one is reported and the old one kept).
    Exit status 78 means the configuration must be fixed.
    """
    from followup.service import ServiceOptions, run_service

    from followup.notify.deliver import build_deliverer

    config = context.config()
    build_deliverer(config)  # a notification setup that cannot work exits 78 at start

    def reload_config() -> Config:
        # A reload whose notification setup cannot work is refused like any bad config.
        fresh = load_config(context.path)
        build_deliverer(fresh)
        return fresh

    options = ServiceOptions(min_backoff=min(min_backoff, max_backoff),
                             max_backoff=max_backoff, idle_renew_seconds=idle_renew)
    show = sys.stderr.isatty() if progress is None else progress
    status = run_service(config, reload_config, options=options,
                         progress=TerminalProgress() if show else None)
    if status:
        raise SystemExit(status)


# -- init ------------------------------------------------------------------------------------

@cli.command()
@click.option("--connect/--no-connect", default=None,
              help="Log in once to check the account (default: ask).")
@pass_context
def init(context: Context, connect: bool | None) -> None:
    """Create a configuration by answering a few questions (never overwrites a file)."""
    from followup import setup_wizard as wizard

    path = context.path
    if path.exists():
        raise click.ClickException(
            f"{path} already exists; followup init never overwrites a configuration. "
            f"Edit it, check it with `followup check-config`, or choose another file with "
            f"`followup --config NEW.yaml init`.")
    click.echo(f"This writes a configuration to {path}. Press Ctrl-C to stop at any time.\n")
    name = click.prompt("Your name, as it should appear in drafts").strip()
    address = click.prompt("Your email address", value_proc=_address).strip()
    provider = click.prompt("Mail provider", type=click.Choice(list(wizard.PROVIDERS)),
                            default=wizard.guess_provider(address))
    chosen = wizard.PROVIDERS[provider]
    host, port, tls = chosen.host, chosen.port, chosen.tls
    if host is None:
        host = click.prompt("IMAP server (host name)").strip()
        tls, port = _prompt_tls_and_port()
    username = click.prompt("IMAP user name",
                            default=wizard.guess_username(address, provider)).strip()
    timezone = click.prompt("Your time zone", default=wizard.detect_timezone(),
                            value_proc=_timezone)
    account = click.prompt("A short name for this account", default="personal",
                           value_proc=_account_name)
    password_file = path.parent / "imap-password"
    click.echo(f"\n{chosen.advice}")
    password: str | None = None
    if password_file.exists():
        click.echo(f"{password_file} exists already; it will be used as it is.")
    elif click.confirm(f"Save the password in {password_file} (readable only by you) now?",
                       default=True):
        password = click.prompt("Password", hide_input=True) or None
    answers = wizard.Answers(name=name, address=address, timezone=timezone, account=account,
                             provider=provider, host=host, port=port, tls=tls,
                             username=username, password_file=password_file,
                             password=password)
    outcome = wizard.write_config(path, answers)
    click.echo(f"\nWrote {path} (mode 0600).")
    click.echo(outcome)
    config = load_config(path)
    click.echo(f"\n{path}: valid")
    for line in summary(config):
        click.echo(f"  {line}")
    if connect is None:
        connect = password_file.exists() and click.confirm(
            "Log in once now to check the account (reads nothing)?", default=True)
    if not connect:
        click.echo(f"\nThe login was not checked. Once {password_file} holds the password, "
                   f"check it with `followup check-config --connect`.")
    else:
        from followup.runner import probe_accounts

        ok = True
        for name_, outcome, good in probe_accounts(config):
            click.echo(f"  {name_}: {outcome}")
            ok = ok and good
        if not ok:
            click.echo(f"\nThe login check failed. {path} is kept: fix the problem above "
                       f"(the password is read from {password_file}; server, port and tls "
                       f"are in {path}), then check again with `followup check-config "
                       f"--connect`.", err=True)
            raise SystemExit(1)
    click.echo("\nNext: `followup scan --dry-run` shows what it would do; `followup run` "
               "starts the service (see the README for systemd).")


def _address(value: str) -> str:
    value = value.strip()
    if "@" not in value or " " in value or value.startswith("@") or value.endswith("@"):
        raise click.BadParameter(f"{value!r} is not an email address")
    return value


def _timezone(value: str) -> str:
    from followup.zones import zone_problem

    value = value.strip()
    problem = zone_problem(value)
    if problem:
        raise click.BadParameter(problem)
    return value


# Answers to the yes/no questions, typed one prompt too early.
_YES_NO = {"y", "n", "yes", "no", "j", "ja", "oui", "si", "sí"}


def _account_name(value: str) -> str:
    """An account name: used in logs, `--account` and file names (gmail-NAME.json)."""
    import re

    value = value.strip()
    if value.lower() in _YES_NO:
        raise click.BadParameter(f"{value!r} looks like the answer to a yes/no question; "
                                 "type a short name for this account, such as personal or "
                                 "work (Enter keeps personal)")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", value):
        raise click.BadParameter(f"{value!r}: use letters, digits, '.', '-' or '_' (at most "
                                 "40), such as personal or work")
    return value


def _prompt_tls_and_port() -> tuple[str, int]:
    """Encryption and port, asked again until they fit each other (`port_tls_mismatch`)."""
    from followup.config import port_tls_mismatch

    while True:
        tls: str = click.prompt("Encryption",
                                type=click.Choice(["implicit", "starttls", "none"]),
                                default="implicit")
        port: int = click.prompt("Port", type=click.IntRange(1, 65535),
                                 default=993 if tls == "implicit" else 143)
        mismatch = port_tls_mismatch(port, tls)
        if mismatch is None:
            return tls, port
        click.echo(f"Error: encryption {mismatch}. Once more:")


# -- demo ------------------------------------------------------------------------------------

@cli.command()
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False),
              default=None, metavar="DIR",
              help="Folder the demo's drafts are written to, as .eml files (default: "
                   "~/.cache/followup/demo-drafts, or under $XDG_CACHE_HOME; never the "
                   "folder you run it in).")
@click.option("--days", type=click.IntRange(1, 60), default=14, show_default=True,
              help="How many days of the sample job search to play.")
def demo(out: Path | None, days: int) -> None:
    """Watch followup work on a sample job search: no account, no network, no config.

    A fortnight of sample mail arrives in a temporary mailbox while the clock runs fast;
    you see each message as it is read, each application change, and each draft as it
    would appear in your Drafts folder.
    """
    from rich.console import Console

    from followup.demo.run import default_demo_folder, run_demo

    out = out or default_demo_folder()
    started = time.monotonic()
    quiet = not log.isEnabledFor(logging.DEBUG)
    if quiet:  # the demo prints what happens; the log lines would say it twice
        log.setLevel(logging.WARNING)
    try:
        run_demo(out, days, console=Console(highlight=False, soft_wrap=True))
    finally:
        if quiet:
            log.setLevel(logging.NOTSET)
    log.debug("demo took %.1f s", time.monotonic() - started)

