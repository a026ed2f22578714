"""A judged message as the tracker keeps it: `record_of` turns a parsed `Message` and its
`Judgement` into a `MailRecord`, the body left behind. The runner stores what this returns;
what a record says (its kind, its facts, whether it closes the process) is decided here.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from followup.judge.kinds import PROCESS_CLOSING_KINDS, Kind
from followup.judge.model import Judgement, Person
from followup.judge.proposals import agrees, proposals
from followup.judge.rules import ROLE_ON_HOLD
from followup.mail.model import Message
from followup.mail.senders import is_machine_address
from followup.track.model import MailRecord


def record_of(message: Message, judgement: Judgement, *, key: str, account: str,
              thread_id: str | None, date: datetime, user_tz: ZoneInfo) -> MailRecord:
    """The record of `message`, judged as `judgement`. `key` is its store key, `thread_id`
    the provider's thread (Gmail), `date` when it was written (its Date header, else when
    the server received it); `user_tz` reads the times the thread proposes."""
    event = message.calendar[0] if message.calendar else None
    return MailRecord(
        key=key, account=account, message_id=message.message_id,
        thread_id=thread_id, in_reply_to=message.in_reply_to,
        references=message.references, date=date, direction=judgement.direction,
        kind=Kind(judgement.kind), sender=_person(message.sender) if message.sender else None,
        reply_to=tuple(_person(a) for a in message.reply_to),
        to=tuple(_person(a) for a in message.to), cc=tuple(_person(a) for a in message.cc),
        subject=message.subject, facts=judgement.facts,
        automated=bool(message.sender and is_machine_address(message.sender.email,
                                                            message.sender.name)),
        calendar_uid=event.uid if event else None,
        calendar_sequence=event.sequence if event else 0,
        # A role put on hold closes the application, whether the mail calls off an interview
        # with it ("we need to cancel Friday's final round") or only gives the news.
        process_closed=judgement.kind in PROCESS_CLOSING_KINDS and any(
            signal.name == ROLE_ON_HOLD for signal in judgement.signals),
        # What the thread agrees on (an interview agreed by email): see `track.rounds`.
        proposed_times=proposals(message, kind=judgement.kind, direction=judgement.direction,
                                 language=judgement.facts.language,
                                 interview_start=judgement.facts.interview_start,
                                 user_tz=user_tz),
        agrees=judgement.direction == "sent" and agrees(message),
        sure=judgement.sure or not judgement.for_review)


def _person(address: object) -> Person:
    return Person(name=getattr(address, "name", ""), email=getattr(address, "email", ""))
