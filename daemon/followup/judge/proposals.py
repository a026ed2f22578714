"""Interview times a message proposes or picks, and whether the user's reply agrees (issue 12
point 5: an interview agreed by email).

A recruiter's invitation names no fixed time to the judge ("Would Wednesday 2 December at
11:00am work?", or a list of slots), so its kind stays `interview_invitation` and its facts
have no `interview_start`. The times it names are kept here as *proposals*; the user's reply
in Sent either names one of them (a slot picked from a list), or names none and agrees
("works for me", "see you then"). The tracker (`track.rounds`) puts the two together.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from followup.judge.facts import _end_from_duration, future_moments
from followup.mail.model import Message

Proposal = tuple[datetime, datetime | None]

# Kinds whose times may be proposals: an invitation, a scheduling message without a fixed
# time, a cancellation or update that offers a new time.
PROPOSING_KINDS = frozenset({"interview_invitation", "interview_scheduled",
                             "interview_canceled", "status_update"})

_DECLINE = re.compile(
    r"\b(?:can ?not|can't|cannot|unable|won't work|doesn't work|does not work|not work for"
    r"|not available|unavailable|have a conflict|another time|other times?|reschedule"
    r"|unfortunately|withdraw|no longer|not be able"
    r"|leider|kann nicht|passt nicht|nicht möglich|verhindert|malheureusement"
    r"|ne (?:suis|serai) pas disponible|ne peux pas|lamentablemente|no puedo"
    r"|no me (?:va|viene)|no estoy disponible)\b",
    re.IGNORECASE)
_AGREE = re.compile(
    r"\b(?:works?(?: well| great| perfectly| fine)? for me|that works|works (?:well|great|"
    r"perfectly)|sounds (?:good|great|perfect)|perfect|confirm(?:ed|ing)?|see you|talk (?:to "
    r"you )?then|speak (?:to you )?then|looking forward|happy to|glad to|i'?ll be there"
    r"|passt (?:mir )?(?:gut|perfekt)?|gerne|bis dann|einverstanden|ça me convient|parfait"
    r"|avec plaisir|c'est noté|à (?:mercredi|jeudi|lundi|mardi|vendredi)|me viene bien"
    r"|perfecto|me va bien|de acuerdo|nos vemos)\b",
    re.IGNORECASE)


def proposals(message: Message, *, kind: str, direction: str, language: str,
              interview_start: datetime | None, user_tz: tzinfo | None) -> tuple[Proposal, ...]:
    """The interview times `message` proposes (inbound) or picks (the user's reply), with
    their ends where the text gives a length; () when it names no time or already fixes one
    (a confirmation's time is its `interview_start`)."""
    if direction == "inbound" and (kind not in PROPOSING_KINDS or
                                   (kind == "interview_scheduled" and interview_start)):
        return ()
    found: dict[datetime, datetime | None] = {}
    for moment in future_moments(message, language, user_tz):
        if message.date is not None and moment.start <= message.date:
            continue  # a time already past when written is not a proposal
        end = moment.end or _end_from_duration(message.new_text, moment.start)
        found.setdefault(moment.start, end)
    return tuple(found.items())


def agrees(message: Message) -> bool:
    """True when the user's reply agrees to what it answers without naming a time of its
    own ("Wednesday works well for me", "Sounds good, see you then")."""
    text = message.new_text[:4000]
    return bool(_AGREE.search(text)) and not _DECLINE.search(text)
