"""Scenario mailboxes for the end-to-end tests: realistic recruiting mail built in code,
delivered into a real Dovecot user's INBOX and Sent, and `followup scan` run through the
CLI at chosen times, as a user (or cron) would."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

NEW_YORK = ZoneInfo("America/New_York")
ME = ("Sam Rivera", "sam.rivera@example.org")
MARIA = ("Maria Lopez", "maria.lopez@northwindlabs.com")
DANA = ("Dana Kim", "dana.kim@northwindlabs.com")
LUIS = ("Luis Ortega", "luis.ortega@northwindlabs.com")
GREENHOUSE = ("Northwind Labs", "no-reply@greenhouse.io")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in March 2026, New York time (Monday 2 March is day 2)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=NEW_YORK)


def message(sent: datetime, sender: tuple[str, str], to: tuple[str, str], subject: str,
            body: str, *, message_id: str, in_reply_to: str | None = None,
            calendar: str | None = None, headers: dict[str, str] | None = None) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"{sender[0]} <{sender[1]}>"
    mail["To"] = f"{to[0]} <{to[1]}>"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(sent)
    mail["Message-ID"] = message_id
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
        mail["References"] = in_reply_to
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(body)
    if calendar:
        mail.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"
                                                                   if "CANCEL" not in calendar
                                                                   else "CANCEL"})
    return mail.as_bytes()


def invite(start: datetime, minutes: int, interviewers: list[tuple[str, str]], *,
           uid: str = "nwl-1@northwindlabs.com", sequence: int = 0,
           method: str = "REQUEST") -> str:
    def utc(moment: datetime) -> str:
        return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", f"METHOD:{method}",
             "BEGIN:VEVENT", f"UID:{uid}", f"SEQUENCE:{sequence}", f"DTSTAMP:{utc(start)}",
             f"DTSTART:{utc(start)}", f"DTEND:{utc(start + timedelta(minutes=minutes))}",
             "SUMMARY:Interview: Sam Rivera - Senior Data Engineer (Northwind Labs)",
             f"ORGANIZER;CN={MARIA[0]}:mailto:{MARIA[1]}",
             f"ATTENDEE;CN={ME[0]};ROLE=REQ-PARTICIPANT:mailto:{ME[1]}"]
    lines += [f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT:mailto:{address}"
              for name, address in interviewers]
    lines += ["STATUS:" + ("CANCELLED" if method == "CANCEL" else "CONFIRMED"), "END:VEVENT",
              "END:VCALENDAR", ""]
    return "\r\n".join(lines)


# --- the messages of a typical application ---------------------------------------------------

def acknowledgement(sent: datetime) -> bytes:
    return message(sent, GREENHOUSE, ME, "Thank you for applying to Northwind Labs",
                   "Hi Sam,\n\nThank you for applying for the Senior Data Engineer role at "
                   "Northwind Labs. We have received your application and our team will "
                   "review it.\n\nNorthwind Labs Recruiting", message_id="<ack@greenhouse.io>")


def invitation(sent: datetime) -> bytes:
    return message(sent, MARIA, ME, "Senior Data Engineer - next steps",
                   "Hi Sam,\n\nThanks for applying to Northwind Labs! I'd like to set up an "
                   "interview for the Senior Data Engineer role. Could you share a few times "
                   "that work for you this week?\n\nMaria Lopez\nTalent Partner, Northwind "
                   "Labs", message_id="<invite@northwindlabs.com>")


def calendar_invitation(sent: datetime, start: datetime, interviewers: list[tuple[str, str]],
                        *, minutes: int = 60, sequence: int = 0,
                        message_id: str = "<cal@northwindlabs.com>") -> bytes:
    return message(sent, MARIA, ME, "Invitation: Northwind Labs interview - Senior Data Engineer",
                   f"Hi Sam,\n\nYour interview is confirmed for {start:%A, %B %d at %I:%M %p} "
                   "Eastern. The calendar invitation is attached.\n\nMaria",
                   message_id=message_id, in_reply_to="<invite@northwindlabs.com>",
                   calendar=invite(start, minutes, interviewers, sequence=sequence))


def cancellation(sent: datetime, start: datetime) -> bytes:
    return message(sent, MARIA, ME, "Canceled: Northwind Labs interview - Senior Data Engineer",
                   "Hi Sam,\n\nI'm sorry, but we need to cancel your interview; the team has "
                   "to reschedule its plans. I'll be in touch.\n\nMaria",
                   message_id="<cancel@northwindlabs.com>",
                   in_reply_to="<cal@northwindlabs.com>",
                   calendar=invite(start, 60, [DANA], sequence=2, method="CANCEL"))


def decision_date_update(sent: datetime, decision_text: str) -> bytes:
    return message(sent, MARIA, ME, "Re: Northwind Labs interview",
                   "Hi Sam,\n\nThank you again for your time; the team enjoyed meeting you. "
                   f"We are still meeting other candidates and expect to make a decision by "
                   f"{decision_text}.\n\nMaria", message_id="<status@northwindlabs.com>",
                   in_reply_to="<cal@northwindlabs.com>")


def employer_reply(sent: datetime) -> bytes:
    return message(sent, MARIA, ME, "Re: Northwind Labs interview",
                   "Hi Sam,\n\nQuick note: the hiring manager is travelling this week, so the "
                   "debrief has been pushed back and we are still reviewing. I'll update you "
                   "as soon as we've met.\n\n"
                   "Maria", message_id="<reply@northwindlabs.com>",
                   in_reply_to="<cal@northwindlabs.com>")


def rejection(sent: datetime, sender: tuple[str, str] = MARIA) -> bytes:
    return message(sent, sender, ME, "Your application to Northwind Labs",
                   "Hi Sam,\n\nThank you for your time with the team. After careful "
                   "consideration, we have decided to move forward with other candidates for "
                   "the Senior Data Engineer role.\n\nWe wish you every success.\n\nMaria Lopez"
                   "\nTalent Partner, Northwind Labs", message_id="<reject@northwindlabs.com>",
                   in_reply_to="<cal@northwindlabs.com>")


def offer(sent: datetime) -> bytes:
    return message(sent, MARIA, ME, "Your offer from Northwind Labs",
                   "Hi Sam,\n\nI'm delighted to share that we would like to offer you the "
                   "Senior Data Engineer position! The offer letter is attached.\n\nMaria",
                   message_id="<offer@northwindlabs.com>", in_reply_to="<cal@northwindlabs.com>")


def user_thanks(sent: datetime, to: tuple[str, str]) -> bytes:
    return message(sent, ME, to, "Thank you",
                   f"Hi {to[0].split()[0]},\n\nThank you for taking the time to meet with me "
                   "today about the Senior Data Engineer role.\n\nBest,\nSam",
                   message_id=f"<thanks-{to[1]}@example.org>")


def user_status_check(sent: datetime) -> bytes:
    return message(sent, ME, MARIA, "Re: Northwind Labs interview",
                   "Hi Maria,\n\nI wanted to follow up on my interview for the Senior Data "
                   "Engineer role and ask whether there is any update.\n\nBest,\nSam",
                   message_id="<check@example.org>", in_reply_to="<cal@northwindlabs.com>")


def outreach(sent: datetime) -> bytes:
    return message(sent, ("Tom Becker", "tom@talentbridge.com"), ME,
                   "Exciting opportunity: Staff Engineer",
                   "Hi Sam,\n\nI came across your profile and think you'd be a great fit for a "
                   "Staff Engineer role with one of my clients. Would you be open to a quick "
                   "chat?\n\nTom Becker\nSenior Recruiter, TalentBridge",
                   message_id="<outreach@talentbridge.com>")


# --- running followup against a Dovecot user ------------------------------------------------

@dataclass
class Mailbox:
    """A scenario: one Dovecot user, a config pointing at it, and the `followup` CLI."""

    server: Any
    user: Any
    root: Path
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def config_path(self) -> Path:
        return self.root / "config.yaml"

    def write_config(self, **timing: Any) -> None:
        (self.root / "password").write_text(self.user.password)
        os.chmod(self.root / "password", 0o600)
        config = {
            "user": {"name": ME[0], "addresses": [ME[1]], "timezone": "America/New_York",
                     "signature": "Sam Rivera\n+1 555 0100"},
            "accounts": [{"name": "personal", "backend": "imap", "host": "127.0.0.1",
                          "port": self.server.plain_port, "tls": "none",
                          "username": self.user.name,
                          "password_file": str(self.root / "password"),
                          "connect_timeout": 5.0, "read_timeout": 15.0,
                          "lookback_days": 60}],
            "state_dir": str(self.root / "state"),
        }
        if timing:
            config["timing"] = timing
        self.config_path.write_text(yaml.safe_dump(config))

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        parsed = email.message_from_bytes(raw, policy=default)
        when = email.utils.parsedate_to_datetime(str(parsed["Date"]))
        self.server.deliver(self.user, raw, folder, when=when,
                            seen_by_client=folder != "INBOX")

    def scan(self, now: datetime, *extra: str, fault: str | None = None
             ) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, **self.environment}
        if fault:
            environment["FOLLOWUP_FAULT"] = fault
        return subprocess.run(
            [sys.executable, "-m", "followup", "--config", str(self.config_path), "scan",
             "--now", now.isoformat(), *extra],
            capture_output=True, text=True, env=environment, timeout=120)

    def cli(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "followup", "--config", str(self.config_path), *arguments],
            capture_output=True, text=True, timeout=120)

    def drafts(self) -> list[EmailMessage]:
        """The Drafts folder read back over IMAP, as parsed messages."""
        found = []
        for entry in self.server.read_folder(self.user, "Drafts"):
            assert "\\Draft" in entry["flags"]
            found.append(email.message_from_bytes(entry["raw"], policy=default))
        return found

    def draft_recipients(self) -> list[str]:
        return sorted(str(draft["To"]) for draft in self.drafts())
