"""When drafts appear (SPEC.md §5): applications, configuration, ledger and `now` in, a
plan out. Pure: nothing is read or written, the clock is the `now` argument.

Which applications get what:

| state | drafts |
| --- | --- |
| applied | none |
| interviewing | thank-you notes for rounds that have ended (and, `scheduled`, coming ones) |
| awaiting_decision | thank-you notes, the next status check or final note |
| closed by silence | the status check / final note of that stretch (sent, or `missed`) |
| rejected | a rejection response |
| offer, ignored, closed by the user or the employer | none |

Records of kind `other` / `recruiter_outreach` never form applications, so they never get
drafts (see `grouping`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from followup.config_model import TimingConfig, UserConfig
from followup.judge.model import Person
from followup.track.calendar_days import add_hours, local
from followup.track.follow_ups import plan_follow_ups
from followup.track.model import Application, PlannedDraft
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
from followup.track.replies import latest_from, reply_to, written_by
from followup.track.thank_you import plan_thank_yous

_THANK_YOU_STATES = frozenset({"interviewing", "awaiting_decision"})


def _rejection_recipient(application: Application, rejection_contact: str | None,
                         candidates: Iterable[Person], user: UserConfig) -> Person | None:
    by_email = {p.email: p for p in application.contacts}
    if rejection_contact and rejection_contact.lower() in by_email:
        return by_email[rejection_contact.lower()]
    for person in candidates:
        if is_human(person, user.addresses):
            return by_email.get(person.email.lower(), person)
    return application.contacts[0] if application.contacts else None


def plan_rejection_response(application: Application,
                            context: PlanContext) -> list[PlannedDraft]:
    """A gracious reply to the latest rejection, made until the window closes; none once
    the user has written anything after the rejection."""
    if application.state != "rejected":
        return []
    rejections = [r for r in application.records
                  if r.direction == "inbound" and r.kind == "rejection"]
    if not rejections:
        return []
    rejection = rejections[-1]
    replies = [r for r in application.records
               if r.direction == "sent" and r.date > rejection.date]
    if replies:  # the user answered it themselves, in whatever thread
        return [written_by_user(context, application, "rejection_response", 0, replies[0])]
    user = context.user
    people = [*rejection.reply_to]
    if rejection.sender is not None and not rejection.automated:
        people.append(rejection.sender)
    recipient = _rejection_recipient(application, rejection.facts.contact, people, user)
    target = rejection
    if recipient is not None and not written_by(rejection, recipient.email):
        target = latest_from(application.records, recipient.email) or rejection
    window_end = add_hours(rejection.date, context.timing.rejection_response_window_hours,
                           user)
    label = person_label(recipient) if recipient else "the employer"
    reason = (f"rejection response to {label}: the rejection came "
              f"{describe(rejection.date, user)}, answer within "
              f"{context.timing.rejection_response_window_hours:g} h")
    facts = replace(base_facts(application, user, recipient),
                    rejection_date=local(rejection.date, user).date(),
                    round=max((r.number for r in application.rounds if not r.canceled),
                              default=0))
    return [make_draft(context, application, "rejection_response", 0, recipient,
                       rejection.date, window_end, reason, reply_to(target), facts,
                       blocked="" if recipient else no_human_reason(application))]


def plan_drafts(applications: Iterable[Application], user: UserConfig, timing: TimingConfig,
                now: datetime, existing: Mapping[str, str] | None = None) -> list[PlannedDraft]:
    """Every draft the applications call for, due, coming, missed or blocked, with reasons.

    `now` is an aware datetime. `existing` maps the ledger's draft keys to their ledger
    status (created / dismissed / sent) and is used only to keep one draft per slot: a
    slot that already has a key keeps it, even when the best recipient has changed or two
    applications have merged (see `plans`). The statuses returned are only time-based
    (due / scheduled / missed / blocked); overlaying the ledger's is the caller's job.
    Returns drafts ordered by due time, then key."""
    context = PlanContext(user, timing, now, existing or {})
    drafts: list[PlannedDraft] = []
    for application in applications:
        if application.state in _THANK_YOU_STATES:
            drafts += plan_thank_yous(application, context)
        drafts += plan_follow_ups(application, context)
        drafts += plan_rejection_response(application, context)
    return sorted(drafts, key=lambda d: (d.due, d.key))
