"""What to tell the user, decided purely: which drafts to announce, which to remind of, and
the words of the one notification a pass sends.

A draft is announced once, in the pass that placed it (or the next pass that can deliver),
and a time-critical one (a thank-you, a reply to a rejection) is reminded of once more if it
is still untouched in Drafts when its moment is nearly gone. The draft ledger says what the
user did with each draft: only `created` (placed and untouched) drafts are announced or
reminded of; an edited, sent or deleted one never is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from followup.config_model import NotifyConfig, TimingConfig
from followup.store import LedgerEntry, NoticeEntry
from followup.track.model import Application, PlannedDraft

# A reminder later than this after its moment is stale (the machine was off): not sent.
REMINDER_SHELF_LIFE = timedelta(hours=12)

_KIND_WORDS = {"thank_you": "thank-you", "status_check": "status check",
               "final_note": "final note", "rejection_response": "reply"}


@dataclass(frozen=True)
class Notice:
    """One notification: a title, a body of one or two sentences, and its parts."""

    title: str
    body: str
    new: tuple[str, ...]  # keys of the drafts announced
    reminders: tuple[str, ...]  # keys of the drafts reminded of
    best_before: datetime | None


def notice_entry(draft: PlannedDraft, application: Application | None, timing: TimingConfig,
                 notify: NotifyConfig, now: datetime) -> NoticeEntry:
    """The notice row of a draft placed at `now`: its line, best-before and reminder time.

    A thank-you is best sent within `thank_you_deadline_hours` of the interview's end (its
    due time is that end plus `thank_you_delay_hours`); a reply to a rejection within the
    rejection window (its due time is the rejection's arrival). Status checks and final
    notes have no moment that passes, so no best-before and no reminder."""
    best_before = remind_at = None
    if draft.kind == "thank_you":
        ended = draft.due - timedelta(hours=timing.thank_you_delay_hours)
        best_before = ended + timedelta(hours=timing.thank_you_deadline_hours)
        remind_at = ended + timedelta(hours=notify.thank_you_reminder_hours)
    elif draft.kind == "rejection_response":
        best_before = draft.due + timedelta(hours=timing.rejection_response_window_hours)
        remind_at = draft.due + timedelta(hours=notify.rejection_reminder_hours)
    if not notify.reminders:
        remind_at = None
    return NoticeEntry(key=draft.key, kind=draft.kind, label=draft_label(draft, application),
                       best_before=best_before, remind_at=remind_at, created_at=now)


def draft_label(draft: PlannedDraft, application: Application | None) -> str:
    """"thank-you to Rosa Delgado (Brackenridge)": what, to whom, for which employer."""
    person = draft.to[0] if draft.to else None
    who = (person.name or person.email) if person else "the employer"
    company = application.company if application is not None else None
    return f"{_KIND_WORDS.get(draft.kind, draft.kind)} to {who}" + \
        (f" ({company})" if company else "")


def placed_this_pass(planned: Iterable[PlannedDraft], ledger: Mapping[str, LedgerEntry],
                     known: Mapping[str, NoticeEntry]) -> list[PlannedDraft]:
    """The drafts this pass placed: planned as due, now `created` in the ledger, and not
    yet in the notices."""
    return [draft for draft in planned
            if draft.status == "due" and draft.key not in known
            and (entry := ledger.get(draft.key)) is not None and entry.state == "created"]


def choose(notices: Mapping[str, NoticeEntry], ledger: Mapping[str, LedgerEntry],
           now: datetime) -> tuple[list[NoticeEntry], list[NoticeEntry]]:
    """(to announce, to remind of) at `now`. Only drafts still untouched in Drafts count.
    A draft not yet announced whose reminder time has come is announced (with its
    best-before), never announced and reminded of separately."""
    announce, remind = [], []
    for notice in sorted(notices.values(), key=lambda n: (n.created_at, n.key)):
        entry = ledger.get(notice.key)
        if entry is None or entry.state != "created":
            continue
        if notice.announced_at is None:
            announce.append(notice)
        elif notice.reminded_at is None and notice.remind_at is not None and \
                notice.remind_at <= now < notice.remind_at + REMINDER_SHELF_LIFE:
            remind.append(notice)
    return announce, remind


def compose_notice(announce: Sequence[NoticeEntry], remind: Sequence[NoticeEntry],
                   zone: ZoneInfo, now: datetime) -> Notice | None:
    """The words of the pass's one notification, or None when there is nothing to say.

    "2 drafts in Drafts: thank-you to Rosa Delgado (Brackenridge), reply to Tessa Morgan
    (Larchmont). Best sent before Wed 18:00."
    """
    if not announce and not remind:
        return None
    sentences = []
    if announce:
        count = "1 draft" if len(announce) == 1 else f"{len(announce)} drafts"
        sentences.append(f"{count} in Drafts: {_listed(announce)}.")
    if remind:
        sentences.append(f"Still unsent in Drafts: {_listed(remind)}.")
    coming = [n.best_before for n in (*announce, *remind)
              if n.best_before is not None and n.best_before > now]
    best_before = min(coming) if coming else None
    if best_before is not None:
        sentences.append(f"Best sent before {_when(best_before, zone, now)}.")
    if announce and remind:
        title = f"followup: {len(announce)} new, {len(remind)} still unsent"
    elif announce:
        title = "followup: a draft is waiting" if len(announce) == 1 else \
            f"followup: {len(announce)} drafts are waiting"
    else:
        title = "followup: a draft is still unsent" if len(remind) == 1 else \
            f"followup: {len(remind)} drafts are still unsent"
    return Notice(title=title, body=" ".join(sentences),
                  new=tuple(n.key for n in announce), reminders=tuple(n.key for n in remind),
                  best_before=best_before)


def waiting_drafts(ledger: Mapping[str, LedgerEntry]) -> tuple[int, datetime | None]:
    """How many drafts followup placed are still untouched in Drafts, and when the oldest
    was placed (None when there is none)."""
    placed = [entry.created_at for entry in ledger.values() if entry.state == "created"]
    return len(placed), (min(placed) if placed else None)


def describe_age(since: datetime, now: datetime) -> str:
    """"3 h", "2 days": how long a draft has waited, roughly."""
    hours = max(0, int((now - since).total_seconds() // 3600))
    if hours < 1:
        return "less than an hour"
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"


def _listed(notices: Sequence[NoticeEntry]) -> str:
    return ", ".join(notice.label for notice in notices)


def _when(moment: datetime, zone: ZoneInfo, now: datetime) -> str:
    local = moment.astimezone(zone)
    if timedelta(0) <= moment - now < timedelta(days=6):
        return f"{local:%a %H:%M}"
    return f"{local:%a %d %b %H:%M}"
