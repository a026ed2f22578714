"""What `plan`, `status` and `export` show: plain data built from applications and plans."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from followup.track.model import Application, PlannedDraft

_FINAL = ("created", "dismissed", "sent", "missed")


def _iso(moment: datetime | None, zone: tzinfo) -> str | None:
    return moment.astimezone(zone).isoformat(timespec="minutes") if moment else None


def plan_json(now: datetime, applications: Sequence[Application],
              planned: Sequence[PlannedDraft], zone: tzinfo) -> dict[str, Any]:
    """The `plan --json` document (shape fixed by the applications issue)."""
    by_application: dict[str, list[PlannedDraft]] = {}
    for draft in planned:
        by_application.setdefault(draft.application_id, []).append(draft)
    return {
        "now": now.astimezone(zone).isoformat(timespec="minutes"),
        "applications": [{
            "id": app.id,
            "company": app.company,
            "role": app.role,
            "state": app.state,
            "contacts": [person.email for person in app.contacts],
            "rounds": [{
                "start": _iso(round_.start, zone),
                "end": _iso(round_.end, zone),
                "interviewers": [{"name": p.name or None, "email": p.email or None}
                                 for p in round_.interviewers],
            } for round_ in app.rounds if not round_.canceled],
            "drafts": [{
                "kind": draft.kind,
                "to": [person.email for person in draft.to],
                "due": _iso(draft.due, zone),
                "status": draft.status,
                "reason": draft.reason,
            } for draft in sorted(by_application.get(app.id, []), key=lambda d: d.due)],
        } for app in applications],
    }


def status_rows(applications: Sequence[Application], planned: Sequence[PlannedDraft],
                zone: tzinfo) -> list[dict[str, str]]:
    """One row per application: state, last contact, next action and when."""
    rows = []
    for app in applications:
        drafts = sorted((d for d in planned if d.application_id == app.id),
                        key=lambda d: d.due)
        upcoming = [d for d in drafts if d.status not in _FINAL]
        inbound = [r for r in app.records if r.direction == "inbound"]
        last = max((r.date for r in app.records), default=None)
        if upcoming:
            nxt = upcoming[0]
            action = (f"{nxt.kind.replace('_', ' ')} to "
                      f"{', '.join(p.name or p.email for p in nxt.to) or 'nobody'}")
            if nxt.status in ("blocked", "waiting"):
                action = f"{action} ({nxt.status}: {nxt.reason})"
            when = nxt.due.astimezone(zone).strftime("%a %d %b %H:%M")
        else:
            action, when = ("nothing planned" if app.state not in ("offer", "rejected",
                                                                    "closed", "ignored")
                            else "done"), ""
        rows.append({
            "id": app.id, "company": app.company or "?", "role": app.role or "?",
            "state": app.state,
            "last_contact": (last.astimezone(zone).strftime("%Y-%m-%d") if last else ""),
            "last_from_employer": (max(r.date for r in inbound).astimezone(zone)
                                   .strftime("%Y-%m-%d") if inbound else ""),
            "next_action": action, "when": when or "",
            "messages": str(len(app.records)),
        })
    return rows


def rows_to_csv(rows: Sequence[dict[str, str]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()
