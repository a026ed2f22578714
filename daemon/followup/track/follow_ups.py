"""Status checks and final notes (README.md, "When drafts appear"), one stretch of silence
at a time.

Only an application waiting for a decision (every interview over) or closed by that very
silence gets them; so does one whose invitation the user answered when no interview time
was ever known, and one where the employer, past the acknowledgement, said when they would
decide. After an application alone, employers owe no answer and a nudge would be
pestering; while an interview is coming, there is nothing to ask. When and how many come
from `silence.follow_up_steps`. A status check goes to the best contact, in the thread of
their latest message; a final note goes to whom the status check was sent, as a reply to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from followup.judge.model import Person
from followup.track.calendar_days import local
from followup.track.draft_facts import DraftFacts
from followup.track.model import Application, MailRecord, PlannedDraft
from followup.track.names import is_human
from followup.track.plans import (
    PlanContext,
    base_facts,
    describe,
    make_draft,
    no_human_reason,
    person_label,
    written_by_user,
)
from followup.track.replies import fresh, latest_from, reply_to
from followup.track.state import answered_without_time
from followup.track.silence import FollowUpStep, Stretch, current_stretch, follow_up_steps


def _wants_follow_ups(application: Application, now: datetime, stretch: Stretch) -> bool:
    """Waiting for a decision, closed by this very silence, invited and answered with no
    interview time ever known (then silence counts from the employer's last message), or
    told by the employer, past the acknowledgement, when they would decide."""
    stated = stretch.decision_record is not None and \
        stretch.decision_record.kind != "application_received"
    return application.state == "awaiting_decision" or (
        application.state == "closed" and application.closed_by == "silence") or (
        application.state == "interviewing" and answered_without_time(
            application.records, application.rounds, now) is not None) or (
        application.state == "applied" and stated)


def _recipient(application: Application, step: FollowUpStep,
               context: PlanContext) -> Person | None:
    if step.after is not None:
        for person in (*step.after.to, *step.after.cc):
            if is_human(person, context.user.addresses):
                match = [c for c in application.contacts if c.email == person.email.lower()]
                return match[0] if match else Person(person.name, person.email.lower())
    return application.contacts[0] if application.contacts else None


def _fresh_subject(facts: DraftFacts) -> str:
    """A new thread's subject, from the checked facts only (never the raw role: "Following
    up: Vorstellungsgespräch Data Analyst (m/w/d) interview")."""
    if facts.role:
        return f"Following up: {facts.role} interview"
    if facts.company:
        return f"Following up on my interview with {facts.company}"
    return "Following up on my interview"


def _reply_target(application: Application, step: FollowUpStep,
                  recipient: Person | None) -> MailRecord | None:
    if step.after is not None:
        return step.after
    return latest_from(application.records, recipient.email) if recipient else None


def plan_follow_ups(application: Application, context: PlanContext) -> list[PlannedDraft]:
    """The next status check or final note of the running stretch of silence, if any."""
    user, now = context.user, context.now
    stretch = current_stretch(application.records, application.rounds, user, now)
    if stretch is None or not _wants_follow_ups(application, now, stretch):
        return []
    steps = follow_up_steps(stretch, user, context.timing)
    written = [written_by_user(context, application, s.kind, s.slot, s.done)
               for s in steps if s.done is not None]
    pending = [s for s in steps if s.done is None]
    if not pending:
        return written
    step = pending[0]
    recipient = _recipient(application, step, context)
    target = _reply_target(application, step, recipient)
    name = "status check" if step.kind == "status_check" else "final note"
    label = person_label(recipient) if recipient else "the employer"
    reason = f"{name} to {label}: {step.basis}; due {describe(step.due, user)}"
    last_round = max((r.number for r in application.rounds if not r.canceled), default=0)
    facts = replace(base_facts(application, user, recipient), round=last_round,
                    decision_by=stretch.decision_by, follow_up_number=step.index)
    if last_round:
        last = next(r for r in application.rounds if r.number == last_round)
        if last.start is not None:
            facts = replace(facts, interview_date=local(last.start, user).date())
    return written + [make_draft(
        context, application, step.kind, step.slot, recipient, step.due, step.window_end,
        reason, reply_to(target) if target else fresh(_fresh_subject(facts)), facts,
        blocked="" if recipient else no_human_reason(application))]
