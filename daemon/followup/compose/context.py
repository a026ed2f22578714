"""What a draft template sees: the template variables, built from a planned draft.

Every variable is always defined (templates run with `StrictUndefined`), strings are "" when
the fact is unknown, never None, and every string is one clean line (no control characters,
no line breaks, single spaces) except `signature`, which keeps its lines.

The variables (the names are a contract with user templates; add, never rename):

==========================  ===============================================================
`kind`                      thank_you | status_check | final_note | rejection_response
`language`                  the draft's language ("en")
`company`, `role`           the employer and the position, as read from the mail
`user_name`                 the user's full name (config `user.name`)
`user_first_name`           its first word
`signature`                 what goes under the sign-off: the config signature, led by the
                            user's name when the signature does not already contain it
`recipient_name`            the display name of the first recipient
`greeting_name`             who to greet: "Dana", "Dana and Lee", or "" when unknown
`interviewer_name`          the interviewer's full name, `interviewer_first_name` theirs
`recipient_is_interviewer`  True when the draft goes to the person who interviewed the user
                            (or nothing says otherwise)
`interview_date`            "Tuesday, March 3" (", 2026" added in another year), or just the
                            weekday when only that is known, or ""
`interview_weekday`         "Tuesday" or ""
`had_interview`             True when an interview took place (a date or a round is known)
`decision_by`               the date the employer said they would decide by, written as
                            `interview_date` is, or ""
`note`                      the user's talking point for this application, or ""
`note_is_sentence`          True when the note is a whole sentence (ends in . ! or ?) and is
                            used as it is; else it is a topic ("the move to Kafka") that the
                            template puts into its own sentence
`round`                     the interview round (int, 0 when unknown); `round_ordinal`
                            "second" …
`in_thread`                 True when the draft replies in the employer's thread
`original_subject`          the thread's subject without Re:/Fwd: prefixes, or ""
`facts`                     every fact the planner passed, as clean strings, for user
                            templates that want more ({{ facts.get("x", "") }})
==========================  ===============================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from followup.compose.subjects import strip_subject_prefixes
from followup.compose.text import clean_block, clean_line, first_name_of, format_day, ordinal
from followup.config_model import UserConfig
from followup.judge.model import Person
from followup.track.model import PlannedDraft

_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?$")
_SENTENCE_END = (".", "!", "?", "…")
_PLACEHOLDERS = frozenset({"none", "null", "nil", "undefined", "n/a", "nan"})
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def draft_language(planned: PlannedDraft, user: UserConfig) -> str:
    """The language to write in: the application's (facts["language"]), else the user's.

    Only a well-formed language tag is accepted, since it becomes part of a file name.
    """
    for candidate in (planned.facts.get("language"), user.language, "en"):
        text = clean_line(candidate).lower()
        if text and _LANGUAGE.match(text):
            return text.replace("_", "-")
    return "en"


def build_context(planned: PlannedDraft, user: UserConfig, now: datetime, *,
                  recipients: Sequence[Person], in_thread: bool) -> dict[str, object]:
    """The template variables for `planned`, addressed to `recipients` (already checked).

    `now` only decides whether a date needs its year. Pure: no clock, no I/O.
    """
    facts = planned.facts
    language = draft_language(planned, user)
    today = now.date()

    user_name = clean_line(user.name) or _text(facts, "user_name")
    interviewer_name = _text(facts, "interviewer_name")
    interviewer_first_name = (_text(facts, "interviewer_first_name")
                              or first_name_of(interviewer_name))
    recipient_name = clean_line(recipients[0].name) if recipients else ""
    recipient_is_interviewer = _recipient_is_interviewer(
        facts, recipients, interviewer_name, interviewer_first_name)

    interview_day = _day(facts.get("interview_date")) or _day(facts.get("interview_start"))
    interview_weekday = _weekday(facts.get("interview_weekday"), interview_day, language)
    if interview_day is not None:
        interview_date = format_day(interview_day, today=today, language=language)
    else:
        interview_date = interview_weekday
    decision_day = _day(facts.get("decision_by"))
    decision_by = (format_day(decision_day, today=today, language=language)
                   if decision_day is not None else "")

    interview_round = _round(facts.get("round"))
    note, note_is_sentence = _note(facts.get("note"))

    return {
        "kind": planned.kind,
        "language": language,
        "company": _text(facts, "company"),
        "role": _text(facts, "role"),
        "user_name": user_name,
        "user_first_name": user_name.split(" ")[0] if user_name else "",
        "signature": _signature(user_name, user.signature),
        "recipient_name": recipient_name,
        "greeting_name": _greeting_name(facts, recipients, recipient_is_interviewer,
                                        interviewer_first_name),
        "interviewer_name": interviewer_name,
        "interviewer_first_name": interviewer_first_name,
        "recipient_is_interviewer": recipient_is_interviewer,
        "interview_date": interview_date,
        "interview_weekday": interview_weekday,
        "had_interview": bool(interview_date) or interview_round >= 1,
        "decision_by": decision_by,
        "note": note,
        "note_is_sentence": note_is_sentence,
        "round": interview_round,
        "round_ordinal": ordinal(interview_round, language),
        "in_thread": in_thread,
        "original_subject": strip_subject_prefixes(clean_line(planned.threading.subject)),
        "facts": {str(key): _fact_text(value) for key, value in facts.items()},
    }


def _text(facts: Mapping[str, object], key: str) -> str:
    value = facts.get(key)
    if value is None or isinstance(value, bool):
        return ""
    return _unless_placeholder(clean_line(value))


def _unless_placeholder(text: str) -> str:
    """"" for the words a missing value turns into when someone stringifies it upstream."""
    return "" if text.lower() in _PLACEHOLDERS else text


def _fact_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_fact_text(item) for item in value if item is not None)
    if isinstance(value, Person):
        return clean_line(value.name or value.email)
    return clean_line(value)


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _weekday(value: object, day: date | None, language: str) -> str:
    if day is not None:
        return format_day(day, language=language).split(",")[0]
    text = clean_line(value)
    if text.lower() in _WEEKDAY_NAMES:
        return text[0].upper() + text[1:].lower()
    return ""


def _round(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return max(value, 0)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return 0


def _note(value: object) -> tuple[str, bool]:
    """The user's note and whether it is a whole sentence (used as is) or a topic."""
    note = _unless_placeholder(clean_line(value))
    if not note:
        return "", False
    if note.endswith(_SENTENCE_END):
        return note[0].upper() + note[1:], True
    return note.rstrip(",;:- "), False


def _signature(user_name: str, signature: str) -> str:
    """The block under the sign-off: the configured signature, led by the user's name
    unless the signature already carries it."""
    block = clean_block(signature)
    if not block:
        return user_name
    if user_name and user_name.lower() not in block.lower():
        return f"{user_name}\n{block}"
    return block


def _recipient_is_interviewer(facts: Mapping[str, object], recipients: Sequence[Person],
                              interviewer_name: str, interviewer_first_name: str) -> bool:
    explicit = facts.get("recipient_is_interviewer")
    if isinstance(explicit, bool):
        return explicit
    if not interviewer_name and not interviewer_first_name:
        return True
    if not recipients:
        return False
    recipient = recipients[0]
    interviewer_email = clean_line(facts.get("interviewer_email")).lower()
    if interviewer_email:
        return recipient.email.strip().lower() == interviewer_email
    recipient_name = clean_line(recipient.name).lower()
    if not recipient_name:
        return True
    if interviewer_name and recipient_name == interviewer_name.lower():
        return True
    recipient_first = first_name_of(recipient.name).lower()
    return bool(recipient_first) and recipient_first == interviewer_first_name.lower()


def _greeting_name(facts: Mapping[str, object], recipients: Sequence[Person],
                   recipient_is_interviewer: bool, interviewer_first_name: str) -> str:
    """Who the greeting names: given by the planner, else read from the recipients'
    display names ("Dana", "Dana and Lee"), else the interviewer when the draft goes to them."""
    given = _text(facts, "recipient_first_name")
    if given:
        return given
    first_names = [first_name_of(person.name) for person in recipients]
    if first_names and all(first_names) and len(first_names) <= 3:
        if len(first_names) == 1:
            return first_names[0]
        return ", ".join(first_names[:-1]) + " and " + first_names[-1]
    if len(recipients) == 1 and recipient_is_interviewer and not clean_line(recipients[0].name):
        return interviewer_first_name
    return ""
