"""What every planned draft shares: its key, its status in time, its base facts.

Keys are `f"{application_id}:{kind}:{round}:{recipient email}"`. The part before the
address is the draft's *slot*: at most one draft per slot, whoever it is addressed to
(for thank-you notes the address is part of the slot: one per interviewer). When the
caller's ledger already holds a key for a slot, under the application's id or any alias,
that key is used again, so a changed best contact or two merged applications never bring a
second draft for one slot.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from followup.config_model import TimingConfig, UserConfig
from followup.judge.model import Person
from followup.track.calendar_days import local
from followup.track.draft_facts import DraftFacts
from followup.track.gather_facts import base_facts
from followup.track.model import (
    Application,
    DraftKind,
    MailRecord,
    PlannedDraft,
    PlanStatus,
    Threading,
)

__all__ = ["PlanContext", "base_facts", "describe", "make_draft", "no_human_reason",
           "person_label", "time_status"]


@dataclass(frozen=True)
class PlanContext:
    """Everything a planner needs besides the application."""

    user: UserConfig
    timing: TimingConfig
    now: datetime
    existing: Mapping[str, str] = field(default_factory=dict)

    def slot_owner(self, application: Application, kind: DraftKind, round_number: int,
                   email: str) -> str | None:
        """The ledger key already made for this slot, if any."""
        for ident in application.aliases or (application.id,):
            if kind == "thank_you":
                key = f"{ident}:{kind}:{round_number}:{email}"
                if key in self.existing:
                    return key
                continue
            prefix = f"{ident}:{kind}:{round_number}:"
            for key in self.existing:
                if key.startswith(prefix):
                    return key
        return None


def time_status(due: datetime, window_end: datetime, now: datetime) -> PlanStatus:
    """`scheduled` before `due`, `due` inside the window, `missed` once it has closed."""
    if now < due:
        return "scheduled"
    return "due" if now < window_end else "missed"


def describe(instant: datetime, user: UserConfig, with_time: bool = True) -> str:
    """A short local date (and time) for reason lines: "Tue 3 Mar 15:00"."""
    return f"{local(instant, user):%a %-d %b %H:%M}" if with_time \
        else f"{local(instant, user):%a %-d %b}"


def person_label(person: Person) -> str:
    return person.name or person.email


def make_draft(context: PlanContext, application: Application, kind: DraftKind,
               round_number: int, recipient: Person | None, due: datetime,
               window_end: datetime, reason: str, threading: Threading,
               facts: DraftFacts, blocked: str = "") -> PlannedDraft:
    """A `PlannedDraft` with its ledger key and status.

    `blocked` (why no human address is known) makes a draft inside or before its window
    `blocked`; past its window it is `missed` either way. A draft whose basis the judge was
    unsure of (`unsure_basis`) is `waiting` for the user's word instead (`followup review`
    in README.md)."""
    email = recipient.email if recipient else ""
    owner = context.slot_owner(application, kind, round_number, email)
    key = owner or f"{application.id}:{kind}:{round_number}:{email}"
    owner_email = key.rsplit(":", 1)[1]
    if owner_email != email:
        # the slot was drafted for someone else: stay with them, not a second draft
        known = [p for p in application.contacts if p.email == owner_email]
        recipient = known[0] if known else (Person("", owner_email) if owner_email else None)
        blocked = "" if recipient else blocked
    status = time_status(due, window_end, context.now)
    unsure = unsure_basis(application, kind, round_number, context.now)
    if blocked:
        reason = f"{reason}; blocked: {blocked}"
    if status == "missed":
        reason = f"{reason}; missed: its window closed {describe(window_end, context.user)}"
    elif unsure is not None:
        status = "waiting"
        reason = f"{reason}; {waiting_reason(unsure, context.user)}"
    elif blocked:
        status = "blocked"
    return PlannedDraft(key=key, application_id=application.id, kind=kind,
                        round=round_number, to=(recipient,) if recipient else (),
                        due=local(due, context.user),
                        window_end=local(window_end, context.user), status=status,
                        reason=reason, threading=threading, facts=facts)


def no_human_reason(application: Application) -> str:
    """Why nobody can be written to: which machine addresses did write."""
    machines = sorted({r.sender.email for r in application.records
                       if r.direction == "inbound" and r.sender is not None})
    if not machines:
        return "no human address known"
    return "no human address known: only " + ", ".join(machines[:3]) + \
        (" and others" if len(machines) > 3 else "") + " wrote"


_DONE_NAMES = {"thank_you": "thank-you", "status_check": "status check",
               "final_note": "final note", "rejection_response": "reply to the rejection"}


def written_by_user(context: PlanContext, application: Application, kind: DraftKind,
                    round_number: int, record: MailRecord,
                    slot_email: str | None = None) -> PlannedDraft:
    """The slot the user filled with mail of their own (a thank-you or follow-up written
    in any thread, from any of their addresses): status `done`, dated when they wrote it,
    addressed to whom they wrote. `slot_email` is the recipient part of the slot's key (a
    thank-you's interviewer); by default the first address written to. A slot whose draft
    the ledger holds keeps that key, so the ledger's word (created, sent) still wins."""
    people = [*record.to, *record.cc]
    email = slot_email if slot_email is not None else (people[0].email.lower() if people
                                                       else "")
    owner = context.slot_owner(application, kind, round_number, email)
    key = owner or f"{application.id}:{kind}:{round_number}:{email}"
    to = ", ".join(person_label(p) for p in people) or "the employer"
    reason = (f"{_DONE_NAMES[kind]} written by you to {to} on "
              f"{describe(record.date, context.user)} ({record.subject or 'no subject'!r})")
    return PlannedDraft(key=key, application_id=application.id, kind=kind, round=round_number,
                        to=tuple(Person(p.name, p.email.lower()) for p in people),
                        due=local(record.date, context.user),
                        window_end=local(record.date, context.user), status="done",
                        reason=reason, threading=Threading(subject=record.subject))


def unsure_basis(application: Application, kind: DraftKind, round_number: int,
                 now: datetime) -> MailRecord | None:
    """The message a draft rests on, when the judge was not sure of it; else None.

    A thank-you rests on the latest message that set its interview round, a rejection
    response on the latest rejection, a status check or final note on the employer's last
    word before `now` (an unsure message there may be a rejection or an offer)."""
    inbound = [r for r in application.records if r.direction == "inbound" and r.date <= now]
    if kind == "thank_you":
        sources = {key for r in application.rounds if r.number == round_number
                   for key in r.source_keys}
        if any(r.key in sources and r.direction == "sent" for r in application.records):
            # The user agreed to the time in a reply of their own: their word is given, the
            # interview happened whatever the invitation's kind (session 8, blind scenario
            # 126: "Would you be free for a 45-minute Teams call with me on Thursday?")
            return None
        inbound = [r for r in inbound if r.key in sources]
    elif kind == "rejection_response":
        inbound = [r for r in inbound if r.kind == "rejection"]
    last = inbound[-1] if inbound else None
    return last if last is not None and not last.sure else None


def waiting_reason(record: MailRecord, user: UserConfig) -> str:
    """What the user is asked, and the exact command that settles it."""
    sender = record.sender.email if record.sender else "?"
    return (f"waiting for your word: the message of {describe(record.date, user)} from "
            f"{sender} (\"{record.subject[:60]}\") was read as {record.kind}, unsure; "
            f"if that is right run `followup app correct {record.short_key} {record.kind}`, "
            f"else give its kind (`followup review` lists unsure messages)")
