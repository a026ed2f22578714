"""What a draft template sees: the template variables, built from a planned draft.

Facts come in as one checked `DraftFacts` (implausible ones already left out, as "").
Every variable is always defined (templates run with `StrictUndefined`), strings are "" when
the fact is unknown, never None, and every string is one clean line (no control characters,
no line breaks, single spaces) except `signature`, which keeps its lines.

The variables (the names are a contract with user templates; add, never rename):

==========================  ===============================================================
`kind`                      thank_you | status_check | final_note | rejection_response
`language`                  the draft's language: the thread's (en, de, fr, es), else the
                            user's (`user.language`)
`register`                  "formal" (Sie, vous, usted, "Dear Dr. Whitfield") or "informal"
                            (du, tu, tú, "Hi Dana"): the thread's, else the language's usual
`formal`                    True when `register` is "formal"
`greeting`                  the whole greeting line in the draft's language and register:
                            "Hi Dana,", "Dear Dr. Whitfield,", "Sehr geehrte Frau Schmidt,",
                            "Bonjour Madame Dubois,", "Estimada Sra. Gómez:", "Hello,"
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
`brief`                     True when the note is long: stock sentences are left out so
                            that the draft stays under 150 words
`note_is_sentence`          True when the note is a whole sentence (ends in . ! or ?) and is
                            used as it is; else it is a topic ("the move to Kafka") that the
                            template puts into its own sentence
`round`                     the interview round (int, 0 when unknown); `round_ordinal`
                            "second" …
`interview_kind`            first_call | technical | panel | final | "" (what the mail said)
`interviewer_title`         the interviewer's job title as the mail gives it, or ""
`interviewer_team`          the interviewer's team ("Payments" of "Payments team"), or ""
`panel_names`               the other interviewers of the panel joined in the draft's
                            language: first names ("Luis and Ana"), whole names in the formal
                            register ("Dr. Markus Hoffmann und Julia Becker"), or ""
`in_thread`                 True when the draft replies in the employer's thread
`original_subject`          the thread's subject without Re:/Fwd: prefixes, or ""
`facts`                     every fact of `followup.track.draft_facts.DraftFacts`, as clean
                            strings, for user templates that want more
                            ({{ facts.get("x", "") }})
==========================  ===============================================================
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date, datetime

from followup.compose.subjects import strip_subject_prefixes
from followup.compose.text import clean_block, clean_line, format_day, ordinal
from followup.config_model import UserConfig
from followup.judge.model import Person
from followup.judge.person_names import PersonName, greeting_name, parse_person_name
from followup.judge.plausible import company_problem, role_problem
from followup.track.draft_facts import LANGUAGES, DraftFacts
from followup.track.model import PlannedDraft
from followup.words import BY_LANGUAGE

_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?$")
_SENTENCE_END = (".", "!", "?", "…")
_PLACEHOLDERS = frozenset({"none", "null", "nil", "undefined", "n/a", "nan"})
# The register a first reply takes when the thread does not show one: German, French and
# Spanish recruiting mail to a stranger is written with Sie / vous / usted; English "Hi".
_USUAL_REGISTER = {"en": "informal", "de": "formal", "fr": "formal", "es": "formal"}
_AND = {code: language.AND for code, language in BY_LANGUAGE.items()}
# A note longer than this makes the thank-you leave out its stock sentences, so that the
# user's own words fit in the 150 words a note should not exceed (README.md, "When drafts appear").
_LONG_NOTE_WORDS = 25


def draft_language(planned: PlannedDraft, user: UserConfig) -> str:
    """The language to write in: the thread's (facts.language), else the user's.

    Only a well-formed language tag is accepted, since it becomes part of a file name.
    """
    for candidate in (planned.facts.language, user.language, "en"):
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
    base = language.split("-")[0]
    today = now.date()
    register = facts.register if facts.register in ("formal", "informal") else \
        _USUAL_REGISTER.get(base, "informal")

    user_name = clean_line(user.name) or clean_line(facts.user_name)
    interviewer = _clean_name(facts.interviewer)
    interviewer_name = interviewer.full or _formal(interviewer)
    interviewer_first_name = interviewer.given
    recipient_name = clean_line(recipients[0].name) if recipients else ""
    recipient_is_interviewer = _recipient_is_interviewer(
        facts, recipients, interviewer, interviewer_name)

    interview_day = facts.interview_date
    interview_date = format_day(interview_day, today=today, language=base) \
        if interview_day is not None else ""
    interview_weekday = format_day(interview_day, language=base).split(",")[0].split(" ")[0] \
        if interview_day is not None else ""
    decision_by = (format_day(facts.decision_by, today=today, language=base)
                   if facts.decision_by is not None else "")
    interview_round = max(facts.round, 0)
    note, note_is_sentence = _note(facts.note)
    names = _greeting_names(facts, recipients, recipient_is_interviewer, interviewer,
                            register)
    title = _checked(facts.interviewer_title, _title_problem)
    team = _team_name(title)
    # the rest of the panel as the register names people: first names among "du" and "Hi",
    # the whole name, with "Dr." where known, where the draft says "Sie" or "vous" (session
    # 8, blind scenario 132: not "Bitte richten Sie auch Markus meinen Dank aus")
    panel = [clean_line(person.given or person.full) if register != "formal" else
             clean_line(" ".join(part for part in (
                 person.honorific if person.honorific in ("Dr.", "Prof.", "Prof. Dr.") else "",
                 person.full) if part))
             for person in facts.other_interviewers]
    panel = [name for name in panel if name][:3]

    return {
        "kind": planned.kind,
        "language": language,
        "register": register,
        "formal": register == "formal",
        "greeting": _greeting(base, register, names, declared=facts.register),
        "company": _checked(facts.company, company_problem),
        "role": _checked(facts.role, lambda value: role_problem(value, user_name=user_name)),
        "user_name": user_name,
        "user_first_name": user_name.split(" ")[0] if user_name else "",
        "signature": _signature(user_name, user.signature),
        "recipient_name": recipient_name,
        "greeting_name": " & ".join(greeting_name(name, formal=register == "formal")
                                    for name in names),
        "interviewer_name": interviewer_name,
        "interviewer_first_name": interviewer_first_name,
        "recipient_is_interviewer": recipient_is_interviewer,
        "interview_date": interview_date,
        "interview_weekday": interview_weekday,
        "had_interview": bool(interview_date) or interview_round >= 1,
        "decision_by": decision_by,
        "note": note,
        "note_is_sentence": note_is_sentence,
        "brief": len(note.split()) > _LONG_NOTE_WORDS,
        "round": interview_round,
        "round_ordinal": ordinal(interview_round, base),
        "interview_kind": facts.interview_kind if facts.interview_kind in (
            "first_call", "technical", "panel", "final") else "",
        "interviewer_title": "" if team else title,
        "interviewer_team": team,
        "panel_names": _joined(panel, base),
        "in_thread": in_thread,
        "original_subject": strip_subject_prefixes(clean_line(planned.threading.subject)),
        "facts": _fact_texts(facts),
    }


def _checked(value: str, problem: object) -> str:
    """The value as one clean line, or "" when it is a placeholder or implausible."""
    text = _unless_placeholder(clean_line(value))
    if text and callable(problem) and problem(text):
        return ""
    return text


_TEAM = re.compile(r"^(?:the |das |le |la |el |l'|die )?(?:team |équipe |equipo (?:de )?)?"
                   r"(?P<name>.+?)(?:[ -](?:team|squad|group|teams|-team))?$", re.IGNORECASE)
_TEAM_WORD = re.compile(r"\b(?:team|squad|équipe|equipo)\b|-team\b", re.IGNORECASE)


def _team_name(title: str) -> str:
    """ "Payments team" → "Payments" when the title names a team, not a job; else ""."""
    if not title or not _TEAM_WORD.search(title):
        return ""
    match = _TEAM.match(title.strip())
    name = match.group("name").strip() if match else ""
    return "" if not name or _TEAM_WORD.search(name) else name


def _title_problem(title: str) -> str | None:
    problem = role_problem(title)
    return problem if problem == "a link or a token from one" or len(title) > 60 else None


def _clean_name(name: PersonName) -> PersonName:
    return PersonName(given=_unless_placeholder(clean_line(name.given)),
                      family=_unless_placeholder(clean_line(name.family)),
                      honorific=clean_line(name.honorific))


def _formal(name: PersonName) -> str:
    return f"{name.honorific} {name.family}".strip() if name.family else ""


def _unless_placeholder(text: str) -> str:
    """"" for the words a missing value turns into when someone stringifies it upstream."""
    return "" if text.lower() in _PLACEHOLDERS else text


def _fact_texts(facts: DraftFacts) -> dict[str, str]:
    texts: dict[str, str] = {}
    for item in dataclasses.fields(facts):
        if item.name == "sources":
            continue
        value = getattr(facts, item.name)
        if isinstance(value, PersonName):
            text = value.full
        elif isinstance(value, tuple):
            text = ", ".join(part.full if isinstance(part, PersonName) else str(part)
                             for part in value)
        elif isinstance(value, (date, datetime)):
            text = value.isoformat()
        elif value is None or isinstance(value, bool):
            text = "" if not value else "true"
        else:
            text = str(value)
        texts[item.name] = clean_line(text)
    return texts


def _note(value: str) -> tuple[str, bool]:
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


def _recipient_is_interviewer(facts: DraftFacts, recipients: Sequence[Person],
                              interviewer: PersonName, interviewer_name: str) -> bool:
    if facts.recipient_is_interviewer or facts.general:
        return facts.recipient_is_interviewer
    if not interviewer.known:
        return True
    if not recipients:
        return False
    recipient = recipients[0]
    if facts.interviewer_email:
        return recipient.email.strip().lower() == facts.interviewer_email.strip().lower()
    recipient_name = parse_person_name(clean_line(recipient.name))
    if not recipient_name.known:
        return True
    return (recipient_name.full.lower() == interviewer_name.lower()
            or (bool(recipient_name.given) and recipient_name.given == interviewer.given))


def _greeting_names(facts: DraftFacts, recipients: Sequence[Person],
                    recipient_is_interviewer: bool, interviewer: PersonName,
                    register: str) -> list[PersonName]:
    """Who the greeting names: the planner's recipient, else the recipients' display names
    or addresses, else the interviewer when the draft goes to them; [] when unknown."""
    given = _clean_name(facts.recipient)
    if given.known and greeting_name(given, formal=register == "formal"):
        return [given]
    names = [parse_person_name(clean_line(person.name), person.email) for person in recipients]
    if names and len(names) <= 3 and all(greeting_name(name, formal=register == "formal")
                                         for name in names):
        return names
    if len(recipients) == 1 and recipient_is_interviewer and interviewer.known:
        return [interviewer]
    return []


def _joined(items: list[str], language: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {_AND.get(language, 'and')} " + items[-1]


def _greeting(language: str, register: str, names: list[PersonName], *,
              declared: str = "") -> str:
    """The greeting line in the draft's language and register. In English a person who
    signs with an academic title is greeted by it ("Dear Dr. Whitfield") unless the thread
    is on first names (`declared` "informal")."""
    formal = register == "formal"
    if language not in LANGUAGES:
        language = "en"
    if not names:
        return {"en": "Hello,", "de": "Guten Tag,", "fr": "Bonjour,",
                "es": "Buenos días:"}[language]
    if len(names) > 1:
        joined = _joined([greeting_name(name, formal=formal) for name in names], language)
        return {"en": f"{'Dear' if formal else 'Hi'} {joined},", "de": f"Guten Tag {joined},"
                if formal else f"Hallo {joined},", "fr": f"Bonjour {joined},",
                "es": f"{'Buenos días' if formal else 'Hola'}, {joined}:"}[language]
    name = names[0]
    if language == "en":
        if formal or (name.academic and (not name.given or declared != "informal")):
            return f"Dear {greeting_name(name, formal=True)},"
        return f"Hi {greeting_name(name, formal=False)},"
    if not formal:
        informal = greeting_name(name, formal=False)
        return {"de": f"Hallo {informal},", "fr": f"Bonjour {informal},",
                "es": f"Hola, {informal}:"}[language]
    return _formal_greeting(language, name)


def _formal_greeting(language: str, name: PersonName) -> str:
    feminine = name.feminine
    academic = [word for word in name.honorific.split() if word in ("Dr.", "Dra.", "Prof.")]
    if language == "de":
        if feminine is not None and name.family:
            title = " ".join(["Frau" if feminine else "Herr", *academic])
            return f"Sehr geehrte{'' if feminine else 'r'} {title} {name.family},"
        return f"Guten Tag {greeting_name(name, formal=True)},"
    if language == "fr":
        if feminine is not None and name.family:
            return f"Bonjour {'Madame' if feminine else 'Monsieur'} {name.family},"
        return f"Bonjour {greeting_name(name, formal=True)},"
    if feminine is not None and name.family:  # es
        if academic:
            title = "Dra." if feminine else "Dr."
        else:
            title = "Sra." if feminine else "Sr."
        return f"Estimad{'a' if feminine else 'o'} {title} {name.family}:"
    return f"Buenos días, {greeting_name(name, formal=True)}:"
