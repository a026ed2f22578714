"""Reminders for the user before a draft is made: a thank-you is due soon and its
application has no `app note`, so the user can add a talking point while there is time.

Pure: the plan and `now` in, lines to log out. A reminder is given while the thank-you is
scheduled and due within `REMIND_BEFORE` (from the end of a one-hour interview to the
draft, with the default two-hour delay).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from followup.track.model import Application, PlannedDraft

REMIND_BEFORE = timedelta(hours=3)


def note_reminders(applications: Sequence[Application], planned: Iterable[PlannedDraft],
                   now: datetime) -> list[str]:
    """One line per application whose thank-you is due soon and that has no note."""
    by_id = {application.id: application for application in applications}
    lines: list[str] = []
    seen: set[str] = set()
    for draft in planned:
        application = by_id.get(draft.application_id)
        if draft.kind != "thank_you" or draft.status != "scheduled" or application is None \
                or application.note or application.id in seen \
                or not now <= draft.due <= now + REMIND_BEFORE:
            continue
        seen.add(application.id)
        what = " - ".join(part for part in (application.company, application.role) if part)
        lines.append(f"thank-you for {what or application.id} due {draft.due:%H:%M}: add a "
                     f"talking point first with `followup app note {application.id} "
                     f"\"...\"`")
    return lines
