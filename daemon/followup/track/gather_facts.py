"""Gathering a draft's facts from an application: checked, with where each came from.

See `track.draft_facts` for the structure and the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from followup.config_model import UserConfig
from followup.judge.model import Person
from followup.judge.person_names import PersonName, parse_person_name
from followup.judge.plausible import (
    company_problem,
    draft_role,
    person_name_problem,
    role_problem,
)
from followup.mail.senders import is_machine_address, is_tool_name
from followup.track.draft_facts import LANGUAGES, DraftFacts, FactSource
from followup.track.model import Application, InterviewRound, MailRecord
from followup.track.names import is_agency_name, normalise_company, normalise_role


def _describe(record: MailRecord) -> str:
    who = "your mail" if record.direction == "sent" else (
        (record.sender.name or record.sender.email) if record.sender else "a message")
    return f"{who}, {record.date:%-d %b}: {record.subject[:60]!r}"


def _thread_titles(application: Application) -> tuple[list[str], list[str]]:
    """Every person's title given in the application's mail, and every person's name."""
    titles: list[str] = []
    people: list[str] = []
    for record in application.records:
        for name, title in record.facts.people_titles:
            titles.append(title)
            people.append(name)
        people.extend(person.name for person in record.facts.interviewers if person.name)
        if record.sender is not None and record.sender.name and not record.automated:
            people.append(record.sender.name)
    return titles, people


def _company(application: Application) -> tuple[str, FactSource | None]:
    value = (application.company or "").strip()
    if not value:
        return "", None
    people = _people_named(application)
    problem = company_problem(value) or (
        "the name of a recruiting tool or job board" if is_tool_name(value) else None) or (
        "an agency's name, not its client's" if is_agency_name(value) else None) or next(
        (f"the name of {person}, a person in the thread" for person in people
         if person and _same_name(person, value)), None)
    if problem:
        return "", FactSource("company", value, f"left out: {problem}", used=False)
    wanted = normalise_company(value)
    for record in application.records:
        if record.facts.company and normalise_company(record.facts.company) == wanted:
            return value, FactSource("company", value, _describe(record))
    return value, FactSource("company", value, "the application")


_TEAM = re.compile(r"\b(?:team|equipo|équipe|Team)\b", re.IGNORECASE)


def _people_named(application: Application) -> list[str]:
    """The people of the application's mail, by the names a person surely has: an
    interviewer's, one given a title, a sender or Reply-To whose address spells their given
    name (sarah.bradley@...); not a display name that is the company's own ("Atelier
    Verdier <recrutement@...>")."""
    people: list[str] = []
    for record in application.records:
        people.extend(name for name, title in record.facts.people_titles
                      if not _TEAM.search(title))  # "Grupo Orfeo, el equipo de RR. HH."
        people.extend(person.name for person in record.facts.interviewers if person.name)
        for person in (*([record.sender] if record.sender else []), *record.reply_to):
            given = normalise_company(person.name).split()[:1]
            local = person.email.split("@")[0].lower()
            if given and len(given[0]) >= 3 and given[0] in local and \
                    not is_machine_address(person.email):
                people.append(person.name)
    return people


def _same_name(person: str, company: str) -> bool:
    """ "Sarah Bradley" read as the company of Sarah Bradley's mail; "Priya Anand (Google
    Calendar)"."""
    name, other = normalise_company(person), normalise_company(company)
    words = name.split()
    return len(words) >= 2 and (name == other or other.startswith(name + " ") or (
        len(other) >= 4 and other == words[-1]))  # "Dimitrova" of "Simeona Dimitrova"


def _role(application: Application, user: UserConfig) -> tuple[str, FactSource | None]:
    value = draft_role(application.role or "", application.company or "", user.name)
    if not value:
        return "", None
    titles, people = _thread_titles(application)
    problem = role_problem(value, person_titles=titles, people=people, user_name=user.name)
    if problem:
        return "", FactSource("role", value, f"left out: {problem}", used=False)
    wanted = normalise_role(application.role)
    for record in application.records:
        if record.facts.role and normalise_role(record.facts.role) == wanted:
            return value, FactSource("role", value, _describe(record))
    return value, FactSource("role", value, "the application")


def _speaking_records(application: Application, recipient: Person | None
                      ) -> list[MailRecord]:
    """The employer's messages that set the thread's language, most telling first."""
    inbound = [r for r in application.records if r.direction == "inbound"]
    email = recipient.email.lower() if recipient else ""
    mine = [r for r in inbound if email and r.sender is not None
            and r.sender.email.lower() == email]
    humans = [r for r in inbound if not r.automated]
    return [*reversed(mine), *reversed(humans), *reversed(inbound)]


def thread_language(application: Application, recipient: Person | None,
                    user: UserConfig) -> tuple[str, str, FactSource]:
    """The language and register to write in, and where they were read."""
    records = _speaking_records(application, recipient)
    # A message whose text showed its language first; a two-word reply with a link, read
    # as the default language, only when nothing else speaks (blind scenario 88).
    records = [*(r for r in records if r.facts.language_shown),
               *(r for r in records if not r.facts.language_shown)]
    language, source = "", ""
    for record in records:
        if record.facts.language in LANGUAGES:
            language, source = record.facts.language, _describe(record)
            break
    if not language:
        fallback = (user.language or "en").split("-")[0].lower()
        language = fallback if fallback in LANGUAGES else "en"
        source = "user.language (the mail gives no language)"
    # A person's register before a template's. In English a tracker's "Hi Kavya" is how
    # every template opens and says nothing of how to address Dr. Lim, whom the recruiter's
    # "Dear Kavya" names with her title (session 9, blind scenario 162): only a person's
    # mail sets the English register.
    register = next((r.facts.register for r in records if not r.automated
                     and r.facts.language == language and r.facts.register), "")
    if not register and language != "en":
        register = next((r.facts.register for r in records
                         if r.facts.language == language and r.facts.register), "")
    return language, register, FactSource("language", language + (
        f", {register}" if register else ""), source)


def _name_of(person: Person | None, application: Application | None = None) -> PersonName:
    if person is None:
        return PersonName()
    name = parse_person_name(person.name, person.email)
    if person_name_problem(name.full or name.family):
        return PersonName()
    if application is not None and not name.honorific:
        return _titled_in_thread(name, application)
    return name


def _titled_in_thread(name: PersonName, application: Application) -> PersonName:
    """`name` with the academic title the mail gives the same person: the invitation's
    "Rachel Lim <rachel.lim@...>" is "Dr. Rachel Lim, Head of Data Science" in the text
    (session 9, blind scenario 162), and a careful writer greets her "Dear Dr. Lim"."""
    if not name.family:
        return name
    for record in application.records:
        named = [person for person, _ in record.facts.people_titles] + \
            [person.name for person in record.facts.interviewers if person.name]
        for other in (parse_person_name(text) for text in named):
            if other.academic and other.family.lower() == name.family.lower() and \
                    (not name.given or not other.given or
                     other.given.lower() == name.given.lower()):
                return replace(name, honorific=other.honorific)
    return name


def base_facts(application: Application, user: UserConfig,
               recipient: Person | None) -> DraftFacts:
    """Facts every kind of draft may use, checked; `sources` says where each came from."""
    sources: list[FactSource] = []
    company, company_source = _company(application)
    role, role_source = _role(application, user)
    language, register, language_source = thread_language(application, recipient, user)
    sources += [s for s in (company_source, role_source) if s is not None]
    sources.append(language_source)
    recipient_name = _name_of(recipient, application)
    if recipient is not None and recipient_name.known:
        given_by = "display name" if parse_person_name(recipient.name).known else "address"
        sources.append(FactSource("recipient", recipient_name.full or recipient_name.family,
                                  f"the {given_by} of {recipient.email}"))
    note = (application.note or "").strip()
    if note:
        sources.append(FactSource("note", note, "your `app note`"))
    ended = [r for r in application.rounds if not r.canceled]
    interviewer_emails = {p.email for r in ended for p in r.interviewers if p.email}
    return DraftFacts(
        language=language, register=register, company=company, role=role,
        user_name=user.name, note=note, recipient=recipient_name,
        recipient_is_interviewer=bool(recipient and recipient.email in interviewer_emails),
        rounds=len(ended), sources=tuple(sources))


def round_kind(application: Application, interview: InterviewRound) -> tuple[str, str]:
    """The kind of interview a round was (first_call, technical, panel, final) and the
    message that said so: one that scheduled it, else the employer's latest mail about an
    interview between the previous round and this one; a round with three or more
    interviewers is at least a panel."""
    for record in reversed(application.records):
        if record.key in interview.source_keys and record.facts.interview_kind:
            return record.facts.interview_kind, _describe(record)
    earlier = [r.start for r in application.rounds
               if r.number < interview.number and r.start is not None and not r.canceled]
    after = max(earlier, default=None)
    for record in reversed(application.records):
        if record.direction == "inbound" and record.facts.interview_kind and \
                interview.start is not None and record.date <= interview.start and \
                (after is None or record.date > after):
            return record.facts.interview_kind, _describe(record)
    if len(interview.interviewers) >= 3:
        return "panel", "three or more interviewers"
    return "", ""


def interviewer_title(application: Application, person: Person) -> tuple[str, str]:
    """The title the mail gives `person` ("Engineering Manager"), and where."""
    wanted = parse_person_name(person.name, person.email)
    if not wanted.known:
        return "", ""
    for record in reversed(application.records):
        for name, title in record.facts.people_titles:
            other = parse_person_name(name)
            if other.full == wanted.full or (other.family and other.family == wanted.family
                                             and other.given[:1] == wanted.given[:1]):
                return title, _describe(record)
    return "", ""


def with_interview(facts: DraftFacts, application: Application, interview: InterviewRound,
                   interviewer: Person | None, day: date,
                   others: Iterable[Person] = ()) -> DraftFacts:
    """`facts` with what one interview gives a thank-you: its date, kind and round, the
    interviewer, their title, and the rest of the panel."""
    sources = list(facts.sources)
    kind, kind_source = round_kind(application, interview)
    if kind:
        sources.append(FactSource("interview_kind", kind, kind_source))
    title = ""
    name = _name_of(interviewer, application)
    if interviewer is not None:
        title, title_source = interviewer_title(application, interviewer)
        if title and role_problem(title) == "a link or a token from one":
            title = ""
        if title:
            sources.append(FactSource("interviewer_title", title, title_source))
        if name.known:
            sources.append(FactSource("interviewer", name.full or name.family,
                                      f"the invitation's interviewers ({interviewer.email})"))
    panel = tuple(other for other in (_name_of(person) for person in others) if other.known)
    sources.append(FactSource("interview_date", day.isoformat(), "the interview's start"))
    return replace(facts, interviewer=name, interviewer_email=interviewer.email
                   if interviewer else "", interviewer_title=title, other_interviewers=panel,
                   interview_date=day, interview_kind=kind, round=interview.number,
                   sources=tuple(sources))
