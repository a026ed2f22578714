"""A `MailRecord` as the store keeps it: JSON, no message body. Records written by older
versions read back with the defaults of what they lack.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from followup.judge.kinds import Kind
from followup.judge.model import Facts, Person
from followup.track.model import MailRecord


def _person(data: dict[str, str] | None) -> Person | None:
    return Person(name=data.get("name") or "", email=data.get("email") or "") if data else None


def _people(items: list[dict[str, str]]) -> tuple[Person, ...]:
    return tuple(Person(name=item.get("name") or "", email=item.get("email") or "")
                 for item in items)


def _person_dict(person: Person | None) -> dict[str, str] | None:
    return {"name": person.name, "email": person.email} if person else None


def record_to_dict(record: MailRecord) -> dict[str, Any]:
    """`record` as the JSON the store keeps (no body: there is none in a record)."""
    facts = record.facts
    return {
        "key": record.key, "account": record.account, "message_id": record.message_id,
        "thread_id": record.thread_id, "in_reply_to": record.in_reply_to,
        "references": list(record.references), "date": record.date.isoformat(),
        "direction": record.direction, "kind": record.kind,
        "sender": _person_dict(record.sender),
        "reply_to": [_person_dict(p) for p in record.reply_to],
        "to": [_person_dict(p) for p in record.to], "cc": [_person_dict(p) for p in record.cc],
        "subject": record.subject, "automated": record.automated,
        "calendar_uid": record.calendar_uid, "calendar_sequence": record.calendar_sequence,
        "process_closed": record.process_closed, "agrees": record.agrees,
        "proposed_times": [[start.isoformat(), iso_or_none(end)]
                           for start, end in record.proposed_times],
        "sure": record.sure,
        "facts": {
            "company": facts.company, "role": facts.role,
            "interview_start": iso_or_none(facts.interview_start),
            "interview_end": iso_or_none(facts.interview_end),
            "interviewers": [_person_dict(p) for p in facts.interviewers],
            "contact": facts.contact,
            "decision_by": facts.decision_by.isoformat() if facts.decision_by else None,
            "language": facts.language,
            "language_shown": facts.language_shown,
            "register": facts.register,
            "interview_kind": facts.interview_kind,
            "people_titles": [list(pair) for pair in facts.people_titles],
        },
    }


def record_from_dict(data: dict[str, Any]) -> MailRecord:
    """The record `record_to_dict` gave, read back; records stored by older versions
    read with the defaults of what they lack."""
    facts = data["facts"]
    return MailRecord(
        key=data["key"], account=data["account"], message_id=data["message_id"],
        thread_id=data["thread_id"], in_reply_to=data["in_reply_to"],
        references=tuple(data["references"]), date=datetime.fromisoformat(data["date"]),
        direction=data["direction"], kind=Kind(data["kind"]), sender=_person(data["sender"]),
        reply_to=_people(data["reply_to"]), to=_people(data["to"]), cc=_people(data["cc"]),
        subject=data["subject"], automated=data["automated"],
        calendar_uid=data["calendar_uid"], calendar_sequence=data["calendar_sequence"],
        process_closed=bool(data.get("process_closed", False)),
        agrees=bool(data.get("agrees", False)),
        proposed_times=tuple((datetime.fromisoformat(start), from_iso_or_none(end))
                             for start, end in data.get("proposed_times", ())),
        sure=data.get("sure", True),  # records judged before confidence was stored
        facts=Facts(
            company=facts["company"], role=facts["role"],
            interview_start=from_iso_or_none(facts["interview_start"]),
            interview_end=from_iso_or_none(facts["interview_end"]),
            interviewers=_people(facts["interviewers"]), contact=facts["contact"],
            decision_by=date.fromisoformat(facts["decision_by"]) if facts["decision_by"]
            else None,
            language=facts["language"],
            language_shown=bool(facts.get("language_shown", True)),
            register=facts.get("register") or "",
            interview_kind=facts.get("interview_kind") or "",
            people_titles=tuple((str(name), str(title))
                                for name, title in facts.get("people_titles") or ()),
        ),
    )


def iso_or_none(value: datetime | None) -> str | None:
    """A time as ISO 8601 text, None as None."""
    return value.isoformat() if value else None


def from_iso_or_none(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def corrected(record: MailRecord, kind: str) -> MailRecord:
    """`record` as the user corrected it: of `kind` (a `Kind`'s value; ValueError for any
    other), and sure."""
    return replace(record, kind=Kind(kind), sure=True)  # the user's word is sure
