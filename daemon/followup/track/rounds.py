"""Interview rounds from an application's history.

Rules, applied to `interview_scheduled` / `interview_canceled` records oldest first:

- The same calendar UID is the same round; a higher SEQUENCE (or, at equal SEQUENCE, a
  later message) sets its time and may reinstate it after a cancellation.
- A message naming the start of a round that is still on is that round (a confirmation
  email and the calendar invitation for one interview).
- Otherwise a new time while a round is pending (it had not started when the message came)
  is a reschedule and replaces that round's time, unless both carry different calendar
  UIDs: separate invitations are separate sessions (a panel day of back-to-back calls).
- A cancellation cancels the round with its UID, else the pending round at the named
  time, else the pending round with a shared interviewer, else the latest pending round.

Interviewers come from the facts, deduplicated by address; never the user, never a
machine. A round without a stated end is assumed to last `ASSUMED_INTERVIEW_MINUTES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from followup.config_model import UserConfig
from followup.judge.model import Person
from followup.mail.senders import is_machine_address
from followup.track.model import InterviewRound, MailRecord
from followup.track.names import is_user, unique_people

ASSUMED_INTERVIEW_MINUTES = 60
_SAME_START = timedelta(minutes=5)


def round_end(interview: InterviewRound) -> datetime | None:
    """When the interview ended (or will end): its end, else its start plus the assumed
    length; None when it has no time at all."""
    if interview.end is not None:
        return interview.end
    if interview.start is not None:
        return interview.start + timedelta(minutes=ASSUMED_INTERVIEW_MINUTES)
    return None


@dataclass
class _Draft:
    """A round being built: its `InterviewRound` plus the SEQUENCE it was last set from."""

    interview: InterviewRound
    sequence: int = -1
    scheduled_at: datetime | None = None
    keys: list[str] = field(default_factory=list)


def _interviewers(people: Iterable[Person], user: UserConfig) -> tuple[Person, ...]:
    kept = [p for p in people
            if not is_user(p, user.addresses, user.name)
            and not (p.email and is_machine_address(p.email, p.name))]
    return unique_people(kept)


def _pending(draft: _Draft, at: datetime) -> bool:
    start = draft.interview.start
    return not draft.interview.canceled and start is not None and start > at


def _shares_interviewer(draft: _Draft, people: Sequence[Person]) -> bool:
    emails = {p.email for p in people if p.email}
    return bool(emails & {p.email for p in draft.interview.interviewers if p.email})


def _find_scheduled(drafts: list[_Draft], record: MailRecord) -> _Draft | None:
    start = record.facts.interview_start
    uid = record.calendar_uid
    if uid:
        same = [d for d in drafts if d.interview.calendar_uid == uid]
        if same:
            return same[-1]
    live = [d for d in drafts if not d.interview.canceled and d.interview.start is not None]
    for draft in live:
        if start is not None and draft.interview.start is not None \
                and abs(draft.interview.start - start) <= _SAME_START:
            return draft
    pending = [d for d in live if _pending(d, record.date)
               and not (uid and d.interview.calendar_uid and d.interview.calendar_uid != uid)]
    if not pending:
        return None
    sharing = [d for d in pending if _shares_interviewer(d, record.facts.interviewers)]
    return (sharing or pending)[-1]


def _schedule(drafts: list[_Draft], record: MailRecord, user: UserConfig) -> None:
    facts = record.facts
    people = _interviewers(facts.interviewers, user)
    draft = _find_scheduled(drafts, record)
    if draft is None:
        interview = InterviewRound(len(drafts) + 1, facts.interview_start, facts.interview_end,
                                   people, (record.key,), record.calendar_uid)
        drafts.append(_Draft(interview, record.calendar_sequence, record.date, [record.key]))
        return
    draft.keys.append(record.key)
    current = draft.interview
    newer = (record.calendar_uid is None or current.calendar_uid != record.calendar_uid
             or record.calendar_sequence >= draft.sequence)
    if newer:
        draft.interview = replace(
            current, start=facts.interview_start, end=facts.interview_end,
            interviewers=unique_people([*people, *current.interviewers]) if people
            else current.interviewers,
            calendar_uid=current.calendar_uid or record.calendar_uid, canceled=False)
        draft.sequence = max(draft.sequence, record.calendar_sequence)
        draft.scheduled_at = record.date
    else:
        draft.interview = replace(current, interviewers=unique_people(
            [*current.interviewers, *people]))


def _cancel(drafts: list[_Draft], record: MailRecord) -> None:
    uid, start = record.calendar_uid, record.facts.interview_start
    candidates = [d for d in drafts if uid and d.interview.calendar_uid == uid]
    pending = [d for d in drafts if _pending(d, record.date)]
    if not candidates and start is not None:
        candidates = [d for d in pending if d.interview.start is not None
                      and abs(d.interview.start - start) <= _SAME_START]
    if not candidates:
        candidates = ([d for d in pending if _shares_interviewer(d, record.facts.interviewers)]
                      or pending)
    if candidates:
        target = candidates[-1]
        if uid and target.interview.calendar_uid == uid \
                and record.calendar_sequence < target.sequence:
            return  # an older cancellation of an invitation that was sent again since
        target.keys.append(record.key)
        target.interview = replace(target.interview, canceled=True)
        target.sequence = max(target.sequence, record.calendar_sequence)


def build_rounds(records: Sequence[MailRecord], user: UserConfig) -> tuple[InterviewRound, ...]:
    """The interview rounds of one application, numbered in the order they were first
    scheduled (canceled ones included)."""
    drafts: list[_Draft] = []
    for record in records:
        if record.direction != "inbound":
            continue
        if record.kind == "interview_scheduled" and record.facts.interview_start is not None:
            _schedule(drafts, record, user)
        elif record.kind == "interview_canceled":
            _cancel(drafts, record)
    return tuple(replace(d.interview, source_keys=tuple(dict.fromkeys(d.keys)))
                 for d in drafts)
