"""Thank-you notes after each interview (SPEC.md §5).

Due `thank_you_delay_hours` after the round ends (real elapsed time), to be in Drafts
within `thank_you_deadline_hours`, made until `thank_you_window_hours` after the end. One
per interviewer whose address is known, personalised; else one to the round's contact or
the application's best contact; `blocked` when no human address is known. Never for a
canceled round; never to someone the user has written to since the interview ended; the
single general note is also never made once the user sent any thank-you after the end.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from followup.judge.model import Person
from followup.track.calendar_days import add_hours, local
from followup.track.model import Application, InterviewRound, MailRecord, PlannedDraft
from followup.track.gather_facts import with_interview
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
from followup.track.replies import fresh, latest_from, reply_to, same_thread, wrote_to
from followup.track.rounds import round_end


def _round_contact(application: Application, interview: InterviewRound) -> Person | None:
    """The human the round was arranged with, else the application's best contact."""
    sources = [r for r in application.records if r.key in interview.source_keys]
    for record in reversed(sources):
        for person in application.contacts:
            if (record.facts.contact or "").lower() == person.email or (
                    record.sender is not None and not record.automated
                    and record.sender.email.lower() == person.email):
                return person
    return application.contacts[0] if application.contacts else None


def _already_thanked(application: Application, recipient: Person, end: datetime,
                     general: bool, target: MailRecord | None) -> MailRecord | None:
    """The user's own mail since the interview ended that makes this thank-you needless."""
    for record in application.records:
        if record.direction != "sent" or record.date < end:
            continue
        if wrote_to(record, recipient.email):
            return record
        if record.kind == "user_thank_you" and (general or (
                target is not None and same_thread(record, target))):
            return record
    return None


def _threading_for(application: Application, interview: InterviewRound, recipient: Person,
                   general: bool, context: PlanContext) -> tuple[MailRecord | None, str]:
    """The message to reply to (None for a fresh conversation) and the fresh subject."""
    target = latest_from(application.records, recipient.email)
    if target is None and general:
        human_sources = [r for r in application.records if r.key in interview.source_keys
                         and r.direction == "inbound" and not r.automated]
        target = human_sources[-1] if human_sources else None
    name = context.user.name.strip()
    return target, (f"Thank you – {name}" if name else "Thank you for your time")


def _plan_round(application: Application, interview: InterviewRound,
                context: PlanContext) -> list[PlannedDraft]:
    end = round_end(interview)
    if interview.canceled or interview.start is None or end is None:
        return []
    timing, user = context.timing, context.user
    due = add_hours(end, timing.thank_you_delay_hours, user)
    window_end = add_hours(end, timing.thank_you_window_hours, user)
    interviewers = [p for p in interview.interviewers if is_human(p, user.addresses)]
    general = not interviewers
    contact = _round_contact(application, interview) if general else None
    recipients: list[Person | None] = list(interviewers) if interviewers else [contact]
    started = local(interview.start, user)
    when = f"the interview on {describe(end, user, with_time=False)} ended at " \
           f"{local(end, user):%H:%M}"
    if interview.end is None:
        when += " (assumed length)"
    drafts = []
    for recipient in recipients:
        target, subject = (_threading_for(application, interview, recipient, general, context)
                           if recipient else (None, ""))
        thanked = _already_thanked(application, recipient, end, general, target) \
            if recipient is not None else None
        if thanked is not None and recipient is not None:
            drafts.append(written_by_user(context, application, "thank_you", interview.number,
                                          thanked, recipient.email))
            continue
        label = person_label(recipient) if recipient else "the interviewers"
        reason = f"thank-you to {label}: {when}, due {timing.thank_you_delay_hours:g} h later"
        late = add_hours(end, timing.thank_you_deadline_hours, user)
        if recipient is not None and late <= context.now < window_end:
            reason += f" (later than the {timing.thank_you_deadline_hours:g} h aim)"
        facts = base_facts(application, user, recipient)
        interviewer = recipient if recipient is not None and not general else None
        others = [p for p in interview.interviewers if interviewer is None
                  or p.email != interviewer.email]
        facts = with_interview(facts, application, interview, interviewer, started.date(),
                               others)
        facts = replace(facts, recipient_is_interviewer=bool(recipient) and not general,
                        general=general)
        drafts.append(make_draft(
            context, application, "thank_you", interview.number, recipient, due, window_end,
            reason, reply_to(target) if target else fresh(subject), facts,
            blocked="" if recipient else no_human_reason(application)))
    return drafts


def plan_thank_yous(application: Application, context: PlanContext) -> list[PlannedDraft]:
    """Thank-you drafts for every round of the application, past, present and coming."""
    return [draft for interview in application.rounds
            for draft in _plan_round(application, interview, context)]
