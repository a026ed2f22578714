"""Delivering a notification: through Apprise (ntfy, Gotify, Matrix, Telegram, Signal,
Pushover, desktop, ...) and/or a command of the user's. Never by mail.

The URLs carry tokens: they are read from their secret source (`followup.config.secrets`) and
never logged, never shown; a problem with one names its line number and its scheme only.
Apprise's own log is kept out of ours for the same reason (at debug level it prints request
headers, bearer tokens included). Apprise is an optional dependency (`followup[notify]`).
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from followup.config.secrets import SecretError, read_notify_urls
from followup.config_model import Config
from followup.errors import ConfigError
from followup.notify.notices import Notice

log = logging.getLogger(__name__)

# Services that deliver by e-mail: followup never sends mail, so they are refused. Apprise's
# schemes for its e-mail plugins (apprise/plugins/email, ses, sendgrid, mailgun, sparkpost,
# smtp2go, resend, brevo, postmark, mailersend, sendpulse, office365, groundmail), plus the
# plain SMTP names a user might try.
MAIL_SCHEMES = frozenset({
    "mailto", "mailtos", "smtp", "smtps", "ses", "sendgrid", "mailgun", "sparkpost",
    "smtp2go", "resend", "brevo", "postmark", "mailersend", "sendpulse", "o365", "azure",
    "groundmail"})
_MAIL_MODULES = ("apprise.plugins.email", "apprise.plugins.ses", "apprise.plugins.sendgrid",
                 "apprise.plugins.mailgun", "apprise.plugins.sparkpost",
                 "apprise.plugins.smtp2go", "apprise.plugins.resend", "apprise.plugins.brevo",
                 "apprise.plugins.postmark", "apprise.plugins.mailersend",
                 "apprise.plugins.sendpulse", "apprise.plugins.office365",
                 "apprise.plugins.groundmail")
COMMAND_TIMEOUT = 30.0  # seconds a notify.command may take


@dataclass
class Delivery:
    """What became of one notification: delivered through at least one way, and the ways
    (service names, never URLs) that failed."""

    delivered: bool
    failed: list[str] = field(default_factory=list)


class Deliverer(Protocol):
    def send(self, notice: Notice) -> Delivery: ...

    def describe(self) -> list[str]: ...


Runner = Callable[..., subprocess.CompletedProcess[str]]


class NotifyDeliverer:
    """Sends a notice to every configured service and the command. Raises nothing."""

    def __init__(self, services: Sequence[Any], command: str | None,
                 environ: Mapping[str, str] | None = None,
                 run: Runner = subprocess.run) -> None:
        self._services = list(services)  # Apprise plugin objects
        self._command = command
        self._environ = dict(os.environ if environ is None else environ)
        self._run = run

    def describe(self) -> list[str]:
        """The ways a notification goes, for `check-config`: service names, no URL."""
        ways = [str(getattr(service, "service_name", type(service).__name__))
                for service in self._services]
        if self._command:
            ways.append(f"the command {shlex.split(self._command)[0]}")
        return ways

    def send(self, notice: Notice) -> Delivery:
        with _quiet_http():
            delivered, failed = self._send_to_services(notice)
        if self._command:
            ok = self._run_command(notice)
            delivered |= ok
            if not ok:
                failed.append("notify.command")
        return Delivery(delivered=delivered, failed=failed)

    def _send_to_services(self, notice: Notice) -> tuple[bool, list[str]]:
        delivered, failed = False, list[str]()
        for service in self._services:
            name = str(getattr(service, "service_name", type(service).__name__))
            try:
                ok = bool(service.notify(body=notice.body, title=notice.title))
            except Exception:  # noqa: BLE001 - a plugin's bug must not stop a pass
                ok = False
            delivered |= ok
            if not ok:
                failed.append(name)
        return delivered, failed

    def _run_command(self, notice: Notice) -> bool:
        environment = dict(self._environ)
        environment.update({
            "FOLLOWUP_NOTIFY_TITLE": notice.title, "FOLLOWUP_NOTIFY_BODY": notice.body,
            "FOLLOWUP_NOTIFY_NEW": str(len(notice.new)),
            "FOLLOWUP_NOTIFY_REMINDERS": str(len(notice.reminders)),
            "FOLLOWUP_NOTIFY_BEST_BEFORE":
                notice.best_before.isoformat() if notice.best_before else ""})
        assert self._command is not None
        try:
            argv = shlex.split(self._command)
            argv[0] = os.path.expanduser(argv[0])  # no shell: "~/bin/x" is expanded here
            result = self._run(argv, input=f"{notice.title}\n{notice.body}\n",
                               env=environment, capture_output=True, text=True,
                               timeout=COMMAND_TIMEOUT, check=False)
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            log.debug("notify.command could not run: %s", error.__class__.__name__)
            return False
        if result.returncode != 0:
            log.debug("notify.command exited with status %s", result.returncode)
        return result.returncode == 0


def build_deliverer(config: Config, environ: Mapping[str, str] | None = None,
                    run: Runner = subprocess.run) -> NotifyDeliverer | None:
    """The deliverer the configuration asks for, or None when notifications are off.

    Raises ConfigError (exit 78) naming the file and key: a URL source that cannot be read,
    a URL Apprise does not understand, a service that sends mail, Apprise not installed, a
    command that is not found. Never shows a URL.
    """
    notify = config.notify
    if not notify.enabled:
        return None
    label = config.path.name if config.path else "config.yaml"
    problems: list[str] = []
    services: list[Any] = []
    if notify.url_source:
        where = f"notify.{notify.url_source}"
        try:
            urls = read_notify_urls(notify, environ)
        except SecretError as error:
            raise ConfigError([f"{label}: {error}"]) from None
        services = _services(urls, where, problems)
    if notify.command:
        try:
            program = shlex.split(notify.command)[0]
        except (ValueError, IndexError):
            program = ""
        if not program or shutil.which(os.path.expanduser(program)) is None:
            problems.append(f"notify.command: {program or notify.command!r} is not found or "
                            "not executable; give the full path of a program (it is run "
                            "without a shell)")
    if problems:
        raise ConfigError([f"{label}: {problem}" for problem in problems])
    return NotifyDeliverer(services, notify.command, environ, run)


def _services(urls: Sequence[str], where: str, problems: list[str]) -> list[Any]:
    refused = [(number, scheme) for number, scheme in enumerate(map(_scheme, urls), 1)
               if scheme in MAIL_SCHEMES]
    for number, scheme in refused:
        problems.append(_mail_refusal(where, number, scheme))
    if refused:
        return []
    try:
        import apprise
    except ImportError:
        problems.append(f"{where}: sending to notification URLs needs Apprise: pip install "
                        "'followup[notify]' (or use notify.command)")
        return []
    _silence_apprise()
    asset = apprise.AppriseAsset(storage_mode="memory")  # writes no cache files
    services = []
    for number, url in enumerate(urls, 1):
        service = apprise.Apprise.instantiate(url, asset=asset)
        if service is None:
            problems.append(f"{where}: line {number} (scheme {_scheme(url)!r}) is not a URL "
                            "Apprise understands; see its wiki for the service's URL form")
            continue
        if type(service).__module__.startswith(_MAIL_MODULES):
            problems.append(_mail_refusal(where, number, _scheme(url)))
            continue
        if getattr(service, "email", None):
            # ntfy's email= parameter has the server forward the notification by mail.
            problems.append(f"{where}: line {number} asks {service.service_name} to forward "
                            "the notification by e-mail (email=); followup never sends "
                            "mail: remove that parameter")
            continue
        services.append(service)
    return services


def _mail_refusal(where: str, number: int, scheme: str) -> str:
    return (f"{where}: line {number} uses {scheme}://, which sends e-mail; followup never "
            "sends mail, so mail services (mailto, SES, SendGrid, Mailgun, ...) are refused; "
            "use a push service such as ntfy://, gotify://, pover:// or a desktop one, or "
            "notify.command")


def _scheme(url: str) -> str:
    return url.split("://", 1)[0].strip().lower() if "://" in url else url.split(":", 1)[0]


@contextmanager
def _quiet_http() -> Iterator[None]:
    """urllib3 (under Apprise's requests) logs each request's host and path, and warns of
    retries with the path: services put tokens in paths (Telegram's /bot<token>/...) and
    queries. Nothing from it while a notification is sent."""
    logger = logging.getLogger("urllib3")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _silence_apprise() -> None:
    """Apprise's log stays out of ours: at debug level it prints request headers (bearer
    tokens) and at info level the URLs it posted to."""
    logger = logging.getLogger("apprise")
    logger.propagate = False
    logger.handlers = [logging.NullHandler()]
    logger.setLevel(logging.CRITICAL + 1)
