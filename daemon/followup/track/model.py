"""The data the tracker works on and produces.

`MailRecord` is one judged message without its body (what the store keeps). The tracker
groups records into `Application`s and the timing policy turns applications, the user's
overrides and `now` into `PlannedDraft`s.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from followup.judge.kinds import Kind
from followup.judge.model import Facts, Person
from followup.track.draft_facts import DraftFacts

DraftKind = Literal["thank_you", "status_check", "final_note", "rejection_response"]
DRAFT_KINDS: tuple[DraftKind, ...] = ("thank_you", "status_check", "final_note",
                                      "rejection_response")
ApplicationState = Literal["applied", "interviewing", "awaiting_decision", "offer",
                           "rejected", "closed", "ignored"]
# `done`: the user wrote this one themselves (in any thread), so it is never drafted;
# `waiting`: it rests on a message the judge was unsure of (the user's word first).
PlanStatus = Literal["due", "scheduled", "created", "dismissed", "sent", "missed", "blocked",
                     "done", "waiting"]


@dataclass(frozen=True)
class MailRecord:
    """One judged message as the tracker sees it. Never holds a body.

    `key` is stable across runs (account + Message-ID, or account/folder/uid when the
    message has no Message-ID). `automated` is True when the sender is a machine
    (no-reply, ATS notification address, scheduling bot, mailer-daemon).
    """

    key: str
    account: str
    message_id: str | None
    thread_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    date: datetime
    direction: Literal["inbound", "sent"]
    kind: Kind
    sender: Person | None
    reply_to: tuple[Person, ...]
    to: tuple[Person, ...]
    cc: tuple[Person, ...]
    subject: str
    facts: Facts
    automated: bool = False
    calendar_uid: str | None = None
    calendar_sequence: int = 0
    # The employer paused or closed the process without a rejection (a `status_update`
    # saying the role is on hold or filled). Set by judgement; closes the application.
    process_closed: bool = False
    # Interview times the message proposes (an invitation: one time, or slots to pick from)
    # or, for the user's own reply, the time it picks; each with its end where known.
    proposed_times: tuple[tuple[datetime, datetime | None], ...] = ()
    # The user's reply agrees to what it answers without naming a time ("works for me").
    agrees: bool = False
    # The judge was sure of `kind` (`Judgement.sure`), or the user corrected it. A draft
    # is never built on a record that is not sure: it waits for the user's word.
    sure: bool = True

    @property
    def short_key(self) -> str:
        """Eight hex digits naming this record for `followup review` / `app correct`."""
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class InterviewRound:
    """One interview: its times and interviewers. `canceled` rounds stay for the record."""

    number: int
    start: datetime | None
    end: datetime | None
    interviewers: tuple[Person, ...]
    source_keys: tuple[str, ...]
    calendar_uid: str | None = None
    canceled: bool = False


@dataclass(frozen=True)
class Override:
    """The user's word on an application: ignore, close, reopen, note."""

    application_id: str
    action: Literal["ignore", "close", "reopen", "note"]
    at: datetime
    text: str = ""


@dataclass(frozen=True)
class Application:
    """One employer + role, with every message that belongs to it, oldest first."""

    id: str
    company: str | None
    role: str | None
    employer_domain: str | None
    state: ApplicationState
    records: tuple[MailRecord, ...]
    rounds: tuple[InterviewRound, ...]
    contacts: tuple[Person, ...]  # humans a reply may go to, best first; never machines
    note: str = ""
    state_reason: str = ""
    # Who closed it when `state` is "closed": "user" (override), "employer"
    # (`MailRecord.process_closed`) or "silence" (the final note went out or its window
    # passed with no reply). Empty otherwise.
    closed_by: Literal["", "user", "employer", "silence"] = ""
    # Every id this application has had or could have had: the id of each thread that was
    # joined into it (`id` included). Overrides and ledger keys made under an alias still
    # apply after two applications merge.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Threading:
    """Where a draft goes in the conversation: what it replies to."""

    subject: str
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    thread_id: str | None = None
    account: str | None = None  # the account whose thread `thread_id` belongs to


@dataclass(frozen=True)
class PlannedDraft:
    """A draft the timing policy says is due, coming, missed or blocked, and why.

    `key` is stable across runs and identifies the draft in the ledger:
    application id, kind, round and recipient address.
    """

    key: str
    application_id: str
    kind: DraftKind
    round: int
    to: tuple[Person, ...]
    due: datetime
    window_end: datetime
    status: PlanStatus
    reason: str
    threading: Threading
    facts: DraftFacts = field(default_factory=DraftFacts)  # what the template may use, checked
