"""Stretches of silence and the follow-ups they allow (status check, final note).

A *stretch* of silence begins at the later of the last interview's end and the employer's
last message, and lasts until the employer writes again (which begins a new one). The user's
own mail does not end it. Within one stretch the user may send at most
`max_status_checks` status checks, then `max_final_notes` final notes, each one only after
the one before it was actually sent (a `user_follow_up` in Sent):

- status check 1: 09:00 on the first business day after the stated `decision_by`, when the
  date the employer gave is still in force (on or after the day the stretch began: the
  employer has not written since it passed); else `status_check_silence_days` calendar days
  after the stretch began, moved to the first 09:00 on a business day at or after that.
- status check n > 1: the same silence after status check n-1 was sent.
- final note: `final_note_after_days` after the last status check was sent, when that
  moment is on a business day after 09:00; else the first 09:00 on a business day after it.
- each window: `follow_up_window_days` after it became due.

A follow-up the user sent themselves fulfils the next step, drafted or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from followup.config_model import TimingConfig, UserConfig
from followup.track.calendar_days import (
    add_local_days,
    at_local_time,
    business_morning_after_date,
    business_morning_on_or_after,
    business_time_on_or_after,
    local_date,
)
from followup.track.grouping import APPLICATION_KINDS
from followup.track.model import InterviewRound, MailRecord
from followup.track.rounds import round_end

SLOTS_PER_STRETCH = 100  # a slot number is the stretch number * 100 + the step's index


@dataclass(frozen=True)
class Stretch:
    """One stretch of silence.

    `number` identifies it in draft keys: the UTC date it began as YYYYMMDD. It is stable
    as new mail arrives (only an employer message begins a new stretch) and does not
    depend on the configured timezone."""

    start: datetime
    began_with: Literal["interview", "message"]
    decision_by: date | None  # the stated date still in force
    decision_record: MailRecord | None
    follow_ups: tuple[MailRecord, ...]  # the user's follow-ups sent since it began
    number: int


@dataclass(frozen=True)
class FollowUpStep:
    """One follow-up a stretch allows: when it is due, and whether the user already sent it."""

    kind: Literal["status_check", "final_note"]
    index: int  # 1-based, per kind
    slot: int  # the `round` of its draft key
    due: datetime
    window_end: datetime
    basis: str  # why it is due then, for the reason line
    after: MailRecord | None  # the user's follow-up it follows; None for status check 1
    done: MailRecord | None  # the user's follow-up that fulfilled it


def employer_messages(records: Sequence[MailRecord], now: datetime) -> list[MailRecord]:
    """Inbound recruiting mail (not `other` / `recruiter_outreach`) up to `now`, oldest first."""
    return [r for r in records
            if r.direction == "inbound" and r.kind in APPLICATION_KINDS and r.date <= now]


def current_stretch(records: Sequence[MailRecord], rounds: Sequence[InterviewRound],
                    user: UserConfig, now: datetime) -> Stretch | None:
    """The stretch of silence running at `now`, or None when nothing has happened yet."""
    messages = employer_messages(records, now)
    ends = [end for r in rounds if not r.canceled
            for end in [round_end(r)] if end is not None and end <= now]
    last_message = messages[-1].date if messages else None
    last_end = max(ends) if ends else None
    if last_message is None and last_end is None:
        return None
    began_with: Literal["interview", "message"]
    if last_end is not None and (last_message is None or last_end > last_message):
        start, began_with = last_end, "interview"
    else:
        assert last_message is not None
        start, began_with = last_message, "message"
    stated = [r for r in messages if r.facts.decision_by is not None]
    decision_record = stated[-1] if stated else None
    decision_by = decision_record.facts.decision_by if decision_record else None
    if decision_by is not None and decision_by < local_date(start, user):
        # the date passed before the stretch began: the employer has written since
        decision_by, decision_record = None, None
    follow_ups = tuple(r for r in records if r.direction == "sent"
                       and r.kind == "user_follow_up" and start < r.date <= now)
    number = int(start.astimezone(UTC).strftime("%Y%m%d"))
    return Stretch(start, began_with, decision_by, decision_record, follow_ups, number)


def _window(due: datetime, user: UserConfig, timing: TimingConfig) -> datetime:
    return add_local_days(due, timing.follow_up_window_days, user)


def follow_up_steps(stretch: Stretch, user: UserConfig,
                    timing: TimingConfig) -> list[FollowUpStep]:
    """The follow-ups this stretch allows so far, in order: each step after the first
    exists only once the step before it was sent."""
    hour = timing.status_check_hour
    steps: list[FollowUpStep] = []
    sent = stretch.follow_ups
    total = timing.max_status_checks + (timing.max_final_notes if timing.max_status_checks
                                        else 0)
    for position in range(total):
        if position > len(sent):
            break  # the step before this one was never sent
        after = sent[position - 1] if position else None
        is_check = position < timing.max_status_checks
        if position == 0 and stretch.decision_by is not None:
            due = business_morning_after_date(stretch.decision_by, hour, user)
            basis = f"the employer said they would decide by {stretch.decision_by:%a %-d %b}"
        elif position == 0:
            silent_until = add_local_days(stretch.start, timing.status_check_silence_days, user)
            # "10 days after ..., at 09:00 on a business day" (README, "When drafts
            # appear"): the tenth day's 09:00 when it is a business day, else the next
            # business morning (session 8: blind scenarios 141 and 145, two writers who read
            # the rule so; before, a tenth day past 09:00 waited for the next morning)
            due = business_morning_on_or_after(
                at_local_time(local_date(silent_until, user), hour, user), hour, user)
            since = "the interview ended" if stretch.began_with == "interview" \
                else "the employer last wrote"
            basis = (f"{timing.status_check_silence_days} days of silence since {since} "
                     f"on {local_date(stretch.start, user):%a %-d %b}")
        else:
            assert after is not None
            days = timing.status_check_silence_days if is_check \
                else timing.final_note_after_days
            later = add_local_days(after.date, days, user)
            # A status check waits for a business morning; a final note is due when its
            # days have passed, unless that falls outside a business day (blind scenarios
            # 58 and 67: "14 days after you actually sent a status check", README's table).
            due = business_morning_on_or_after(later, hour, user) if is_check else \
                business_time_on_or_after(later, hour, user)
            basis = (f"{days} days without a reply to the follow-up sent on "
                     f"{local_date(after.date, user):%a %-d %b}")
        index = position + 1 if is_check else position + 1 - timing.max_status_checks
        slot = stretch.number * SLOTS_PER_STRETCH + min(index, SLOTS_PER_STRETCH - 1)
        steps.append(FollowUpStep("status_check" if is_check else "final_note", index, slot,
                                  due, _window(due, user, timing), basis, after,
                                  sent[position] if position < len(sent) else None))
    return steps


def silence_closure(steps: Sequence[FollowUpStep], user: UserConfig,
                    now: datetime) -> str | None:
    """Why the silence closed the application, or None: the last final note the stretch
    allows was sent, or its window passed unsent."""
    if not steps or steps[-1].kind != "final_note":
        return None
    last = steps[-1]
    if last.done is not None:
        return f"final note sent on {local_date(last.done.date, user):%a %-d %b}; no reply since"
    if now >= last.window_end:
        return "no reply to the status check; the final note's window has passed"
    return None
