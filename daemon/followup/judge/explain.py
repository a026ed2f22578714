"""Showing a judgement: the `classify --json` object and the readable explanation."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from followup.judge.model import Judgement
from followup.mail.model import Message


def _shown(moment: datetime | None, zone: tzinfo | None) -> str | None:
    if moment is None:
        return None
    return (moment.astimezone(zone) if zone else moment).isoformat()


def judgement_to_json(file: str, judgement: Judgement, zone: tzinfo | None) -> dict[str, Any]:
    """The exact `classify --json` object (keys fixed by the judgement issue)."""
    facts = judgement.facts
    return {
        "file": file,
        "direction": judgement.direction,
        "kind": judgement.kind,
        "confidence": judgement.confidence,
        "company": facts.company,
        "role": facts.role,
        "interview_start": _shown(facts.interview_start, zone),
        "interview_end": _shown(facts.interview_end, zone),
        "interviewers": [{"name": person.name or None, "email": person.email or None}
                         for person in facts.interviewers],
        "contact": facts.contact,
        "decision_by": facts.decision_by.isoformat() if facts.decision_by else None,
        "language": facts.language,
        "reasons": judgement.reasons,
    }


def render_judgement(file: str, message: Message, judgement: Judgement,
                     zone: tzinfo | None) -> str:
    """A few readable lines: what it is, how sure, what was read, and why."""
    facts = judgement.facts
    sureness = "sure" if judgement.sure else "unsure: a draft resting on it waits for your word"
    lines = [f"{file}: {judgement.kind} ({judgement.direction}, confidence "
             f"{judgement.confidence:.2f}, {sureness})",
             f"  subject: {message.subject[:100]}"]
    shown = {
        "company": facts.company, "role": facts.role,
        "interview": _shown(facts.interview_start, zone),
        "ends": _shown(facts.interview_end, zone),
        "interviewers": ", ".join(p.name or p.email for p in facts.interviewers) or None,
        "contact": facts.contact,
        "decision by": facts.decision_by.isoformat() if facts.decision_by else None,
        "language": facts.language,
        "register": facts.register,
        "interview kind": facts.interview_kind,
        "titles": "; ".join(f"{name}: {title}" for name, title in facts.people_titles),
    }
    lines.extend(f"  {name}: {value}" for name, value in shown.items() if value)
    lines.append("  because:")
    ordered = sorted(judgement.signals, key=lambda signal: -abs(signal.weight))
    lines.extend(f"    {signal}" for signal in ordered) if ordered else \
        lines.append("    nothing pointed anywhere")
    return "\n".join(lines)
