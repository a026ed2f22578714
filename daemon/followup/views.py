"""What `plan`, `status` and `export` show: plain data built from applications and plans."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from followup.track.model import Application, PlannedDraft

_FINAL = ("created", "dismissed", "sent", "missed", "done")


def _iso(moment: datetime | None, zone: tzinfo) -> str | None:
    """RFC 3339 (the ISO 8601 profile JSON Schema's date-time means): seconds and the
    user's offset, e.g. 2026-03-05T16:30:00-05:00."""
    return moment.astimezone(zone).isoformat(timespec="seconds") if moment else None


def plan_json(now: datetime, applications: Sequence[Application],
              planned: Sequence[PlannedDraft], zone: tzinfo) -> dict[str, Any]:
    """The `plan --json` document (schema: docs/json.md, schemas/plan.schema.json)."""
    by_application: dict[str, list[PlannedDraft]] = {}
    for draft in planned:
        by_application.setdefault(draft.application_id, []).append(draft)
    return {
        "now": _iso(now, zone),
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
            "note": app.note or None,
            "drafts": [{
                "kind": draft.kind,
                "to": [person.email for person in draft.to],
                "due": _iso(draft.due, zone),
                "status": draft.status,
                "reason": draft.reason,
                "language": draft.facts.language or None,
                "facts": [{"name": source.name, "value": source.value, "from": source.source}
                          for source in draft.facts.used()],
                "left_out": [{"name": source.name, "value": source.value,
                              "why": source.source.removeprefix("left out: ")}
                             for source in draft.facts.left_out()],
            } for draft in sorted(by_application.get(app.id, []), key=lambda d: d.due)],
        } for app in applications],
    }


def status_rows(applications: Sequence[Application], planned: Sequence[PlannedDraft],
                zone: tzinfo) -> list[dict[str, Any]]:
    """One row per application, as `status --json` and the CSV give it (docs/json.md):
    times ISO 8601 with the user's offset, counts as numbers, null where nothing is known."""
    rows = []
    for app in applications:
        drafts = sorted((d for d in planned if d.application_id == app.id),
                        key=lambda d: d.due)
        upcoming = [d for d in drafts if d.status not in _FINAL]
        inbound = [r for r in app.records if r.direction == "inbound"]
        last = max((r.date for r in app.records), default=None)
        when: datetime | None = None
        if upcoming:
            nxt = upcoming[0]
            action = (f"{nxt.kind.replace('_', ' ')} to "
                      f"{', '.join(p.name or p.email for p in nxt.to) or 'nobody'}")
            if nxt.status in ("blocked", "waiting"):
                action = f"{action} ({nxt.status}: {nxt.reason})"
            when = nxt.due
        else:
            action = ("nothing planned" if app.state not in ("offer", "rejected", "closed",
                                                              "ignored") else "done")
        rows.append({
            "id": app.id, "company": app.company or None, "role": app.role or None,
            "state": app.state,
            "last_contact": _iso(last, zone),
            "last_from_employer": _iso(max((r.date for r in inbound), default=None), zone),
            "next_action": action, "when": _iso(when, zone),
            "messages": len(app.records),
            "note": app.note or None,
        })
    return rows


def table_cells(row: dict[str, Any], zone: tzinfo) -> list[str]:
    """A `status_rows` row as the terminal table shows it: short dates in the user's zone."""
    def short(text: str | None, pattern: str) -> str:
        return datetime.fromisoformat(text).astimezone(zone).strftime(pattern) if text else ""

    return [row["id"], row["company"] or "?", row["role"] or "?", row["state"],
            short(row["last_contact"], "%d %b"), row["next_action"],
            short(row["when"], "%a %d %b %H:%M"), row.get("note") or ""]


def rows_to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as CSV with a header line; an empty field where JSON has null."""
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({key: ("" if value is None else value) for key, value in row.items()}
                         for row in rows)
    return buffer.getvalue()
