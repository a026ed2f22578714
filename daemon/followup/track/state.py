"""An application's state from its whole history, its rounds, the user's word and `now`.

    applied → interviewing → awaiting_decision → offer | rejected | closed

- `offer` / `rejected`: the latest offer or rejection, unless an interview was scheduled or
  offered after it (a new interview reopens the process).
- `closed` by the employer: a message with `process_closed` (role on hold or filled),
  under the same reopening rule; by silence: the final note went out, or its window passed
  unsent (`silence.silence_closure`); by the user: a `close` override.
- `interviewing`: a round that has not ended at `now`, or an invitation (or a scheduling
  message without a time) newer than every scheduled time.
- `awaiting_decision`: every round that was not canceled has ended.
- `ignored`: an `ignore` override. `reopen` undoes `ignore` and `close`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from followup.config_model import TimingConfig, UserConfig
from followup.judge.kinds import INTERVIEW_KINDS
from followup.track.calendar_days import local
from followup.track.model import ApplicationState, InterviewRound, MailRecord, Override
from followup.track.rounds import round_end
from followup.track.silence import current_stretch, follow_up_steps, silence_closure

ClosedBy = Literal["", "user", "employer", "silence"]


@dataclass(frozen=True)
class StateVerdict:
    state: ApplicationState
    reason: str
    closed_by: ClosedBy = ""


def _when(instant: datetime, user: UserConfig) -> str:
    return f"{local(instant, user):%a %-d %b %H:%M}"


def _decisive(records: Sequence[MailRecord]) -> MailRecord | None:
    """The last offer, rejection or process closure, unless an interview came after it."""
    decisive = [r for r in records if r.direction == "inbound"
                and (r.kind in ("offer", "rejection") or r.process_closed)]
    if not decisive:
        return None
    last = decisive[-1]
    reopened = any(r.direction == "inbound" and r.kind in INTERVIEW_KINDS
                   and r.date > last.date for r in records)
    return None if reopened else last


def _pending_invitation(records: Sequence[MailRecord],
                        rounds: Sequence[InterviewRound] = ()) -> MailRecord | None:
    """An invitation (or a time-less scheduling message) newer than every scheduled time
    (a confirmation, or the user's reply that agreed to a proposed time)."""
    sources = {key for r in rounds for key in r.source_keys}
    last_scheduled = max((r.date for r in records if (
        r.direction == "inbound" and r.kind == "interview_scheduled"
        and r.facts.interview_start is not None) or r.key in sources), default=None)
    # A time-less scheduling message sent before a set interview has begun is about that
    # interview (its link, its address, a reminder: blind scenario 54's "here's the link
    # for Thursday"), not a new one still to be set.
    last_start = max((r.start for r in rounds if not r.canceled and r.start is not None),
                     default=None)
    waiting = [r for r in records if r.direction == "inbound"
               and (r.kind == "interview_invitation" or (
                   r.kind == "interview_scheduled" and r.facts.interview_start is None
                   and (last_start is None or r.date >= last_start)))
               and (last_scheduled is None or r.date > last_scheduled)]
    return waiting[-1] if waiting else None


def answered_without_time(records: Sequence[MailRecord], rounds: Sequence[InterviewRound],
                          now: datetime) -> MailRecord | None:
    """The user's reply to a pending invitation when no interview time is known at all
    (none coming, the invitation never turned into a time): the ball is in the employer's
    court, so their silence earns a status check like any other (issue 12 point 5). None
    otherwise."""
    if any((end := round_end(r)) is not None and end > now for r in rounds if not r.canceled):
        return None
    invitation = _pending_invitation(records, rounds)
    if invitation is None:
        return None
    replies = [r for r in records if r.direction == "sent" and invitation.date < r.date <= now]
    return replies[0] if replies else None


def history_state(records: Sequence[MailRecord], rounds: Sequence[InterviewRound],
                  user: UserConfig, timing: TimingConfig, now: datetime) -> StateVerdict:
    """The state the mail alone gives, before the user's overrides."""
    decisive = _decisive(records)
    if decisive is not None:
        when = _when(decisive.date, user)
        if decisive.kind == "offer":
            return StateVerdict("offer", f"offer on {when}")
        if decisive.kind == "rejection":
            return StateVerdict("rejected", f"rejection on {when}")
        return StateVerdict("closed", f"the employer paused or closed the process on {when}",
                            "employer")
    live = [r for r in rounds if not r.canceled]
    upcoming = [r for r in live if (end := round_end(r)) is not None and end > now]
    if upcoming:
        first = min(upcoming, key=lambda r: r.start or now)
        assert first.start is not None
        return StateVerdict("interviewing", f"interview round {first.number} on "
                                            f"{_when(first.start, user)}")
    invitation = _pending_invitation(records, rounds)
    if invitation is not None:
        answered = answered_without_time(records, rounds, now)
        if answered is not None:
            stretch = current_stretch(records, rounds, user, now)
            closure = silence_closure(follow_up_steps(stretch, user, timing), user, now) \
                if stretch is not None else None
            if closure:
                return StateVerdict("closed", closure, "silence")
            return StateVerdict("interviewing", "invited to interview on "
                                f"{_when(invitation.date, user)}, you replied on "
                                f"{_when(answered.date, user)}; no interview time known")
        return StateVerdict("interviewing", "invited to interview on "
                                            f"{_when(invitation.date, user)}; no time set yet")
    if not live:
        return StateVerdict("applied", "no interview yet")
    last = max(live, key=lambda r: round_end(r) or now)
    stretch = current_stretch(records, rounds, user, now)
    if stretch is not None:
        closure = silence_closure(follow_up_steps(stretch, user, timing), user, now)
        if closure:
            return StateVerdict("closed", closure, "silence")
    ended = round_end(last)
    assert ended is not None
    return StateVerdict("awaiting_decision", f"the last interview (round {last.number}) "
                                             f"ended on {_when(ended, user)}")


def apply_overrides(verdict: StateVerdict, overrides: Sequence[Override],
                    user: UserConfig) -> tuple[StateVerdict, str]:
    """The state after the user's overrides (oldest first), and the latest note."""
    ignored: Override | None = None
    closed: Override | None = None
    note = ""
    for override in sorted(overrides, key=lambda o: o.at):
        if override.action == "ignore":
            ignored = override
        elif override.action == "close":
            closed = override
        elif override.action == "reopen":
            ignored = closed = None
        elif override.action == "note":
            note = override.text.strip()
    if ignored is not None:
        return StateVerdict("ignored", f"ignored by you on {_when(ignored.at, user)}"), note
    if closed is not None:
        return StateVerdict("closed", f"closed by you on {_when(closed.at, user)}",
                            "user"), note
    return verdict, note
