"""What a draft says (issue 13): facts that are right or left out, one rule for names, the
thread's language and register, and thank-you notes about the interview they follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest

from followup.compose import DraftTemplates, build_draft
from followup.compose.text import first_name_of, format_day
from followup.config_model import DraftsConfig, UserConfig
from followup.judge.classify import judge_message
from followup.judge.interview_kind import detect_interview_kind
from followup.judge.model import Person
from followup.judge.person_names import greeting_name, parse_person_name
from followup.judge.plausible import company_problem, role_problem, strip_company_tail
from followup.judge.register import detect_register
from followup.mail.parse import parse_message
from followup.track.draft_facts import DraftFacts
from followup.track.model import DRAFT_KINDS, MailRecord, PlannedDraft, Threading
from followup.track.names import first_name

from .test_track_builders import DANA, PRIYA, SAM, at, record
from .test_track_timing import COMPANY, ROLE, invitation, panel, plan

NOW = datetime(2026, 3, 4, 15, 30, tzinfo=timezone(timedelta(hours=-5)))
USER = UserConfig(name="Sam Rivera", addresses=("sam.rivera@example.org",),
                  signature="Sam Rivera\n+1 555 0100")
TEMPLATES = DraftTemplates()
NEW_YORK = ZoneInfo("America/New_York")


# -- one rule for names ----------------------------------------------------------------------

@pytest.mark.parametrize("display, address, formal, informal", [
    ("Dr. Dana Whitfield", "dana@x.com", "Dr. Whitfield", "Dana"),
    ("", "dana.whitfield@x.com", "Dana Whitfield", "Dana"),
    ("Whitfield, Dana", "", "Dana Whitfield", "Dana"),
    ("Frau Prof. Dr. Anna Schmidt", "", "Frau Prof. Schmidt", "Anna"),
    ("Mme Claire Dubois", "", "Mme Dubois", "Claire"),
    ("Sra. Lucía Gómez", "", "Sra. Gómez", "Lucía"),
    ("Herr Müller", "", "Herr Müller", "Herr Müller"),
    ("Northwind Recruiting", "jobs@northwind.com", "", ""),
    ("HR", "", "", ""),
    ("", "recruiting@x.com", "", ""),
    ("", "dwhitfield@x.com", "", ""),
])
def test_one_name_rule(display: str, address: str, formal: str, informal: str) -> None:
    name = parse_person_name(display, address)
    assert greeting_name(name, formal=True) == formal
    assert greeting_name(name, formal=False) == informal
    # track and compose ask the same rule
    assert first_name(Person(display, address)) == name.given
    if display:
        assert first_name_of(display) == parse_person_name(display).given


def test_no_bare_title_in_a_greeting() -> None:
    planned = _planned("thank_you", DraftFacts(), to=(Person("Dr. Dana Whitfield",
                                                             "dana@nw.com"),))
    text = build_draft(planned, USER, DraftsConfig(), NOW, templates=TEMPLATES).text
    assert text.startswith("Dear Dr. Whitfield,\n")
    assert "Dr.," not in text


def test_a_first_name_from_the_address_where_the_mail_has_none() -> None:
    planned = _planned("status_check", DraftFacts(), to=(Person("", "dana.whitfield@nw.com"),))
    assert build_draft(planned, USER, DraftsConfig(), NOW,
                       templates=TEMPLATES).text.startswith("Hi Dana,\n")


# -- plausibility -----------------------------------------------------------------------------

@pytest.mark.parametrize("role, why", [
    ("VPNfkUDD2tTld6GVW6TrtxwBj3bXCsK0auV4fzJ", "link"),
    ("Engineering Manager", "title"),
    ("Sam Rivera", "user"),
    ("final round", "stage"),
    ("Teamleiter", "title"),
])
def test_implausible_roles(role: str, why: str) -> None:
    problem = role_problem(role, person_titles=["Engineering Manager", "Teamleiter"],
                           user_name="Sam Rivera")
    assert problem is not None and {"link": "link", "title": "title", "user": "own name",
                                    "stage": "stage"}[why] in problem


@pytest.mark.parametrize("role", ["Senior Backend Engineer", "Ingeniero/a de Datos Senior",
                                  "Data Engineer (m/w/d)", "Quant Developer (Python/C++)",
                                  "Softwareentwickler:in", "Chargée de projet"])
def test_plausible_roles(role: str) -> None:
    assert role_problem(role, person_titles=["Engineering Manager"]) is None


@pytest.mark.parametrize("glued, name", [
    ("Quayside Logistics final round", "Quayside Logistics"),
    ("Orbital Pay phone screen", "Orbital Pay"),
    ("Initech Interview", "Initech"),
    ("Northwind Labs", "Northwind Labs"),
])
def test_company_without_glued_words(glued: str, name: str) -> None:
    assert strip_company_tail(glued) == name
    assert (company_problem(glued) is None) == (glued == name)


# -- per-message extraction (issue 12, point 6) ------------------------------------------------

def _mail(body: str, subject: str, sender: str = "Lydia Chen <lydia.chen@harborlight.com>",
          date_header: str = "Mon, 02 Mar 2026 15:00:00 +0000") -> MailRecord:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Sam Rivera <sam.rivera@example.org>"
    message["Subject"] = subject
    message["Date"] = date_header
    message["Message-ID"] = "<facts@example.net>"
    message.set_content(body)
    return judge_message(parse_message(message.as_bytes()), ["sam.rivera@example.org"],
                         user_tz=NEW_YORK)


def test_a_persons_title_is_not_the_role() -> None:
    judged = _mail("Hi Sam,\n\nThank you for applying to Harborlight for the Senior Python "
                   "Engineer role. We would like to invite you to a technical interview with "
                   "Lydia Chen, Head of Quant Engineering, on Thursday 5 March at 2pm ET for "
                   "45 minutes.\n\nBest,\nMia Jones\nRecruiter, Harborlight",
                   "Interview invitation: Senior Python Engineer",
                   sender="Mia Jones <mia.jones@harborlight.com>")
    assert judged.kind in ("interview_scheduled", "interview_invitation")
    assert judged.facts.role != "Head of Quant Engineering"
    assert ("Lydia Chen", "Head of Quant Engineering") in judged.facts.people_titles


def test_a_company_never_carries_the_subjects_words() -> None:
    judged = _mail("Hi Sam,\n\nThanks for applying for the Backend Engineer role. Your phone "
                   "screen is confirmed for Thursday 5 March at 2pm ET.\n\nOmar",
                   "Orbital Pay phone screen", sender="Omar Haddad <omar@orbitalpay.com>")
    assert judged.kind == "interview_scheduled"
    assert judged.facts.company == "Orbital Pay"


def test_an_agency_writes_about_its_client() -> None:
    judged = _mail("Hi Sam,\n\nMy client, Quayside Logistics, would like to interview you for "
                   "the Senior Software Engineer, Routing role. Could you share some times?"
                   "\n\nCallum Pryce\nSenior Consultant, Brightpath Talent",
                   "Interview request", sender="Callum Pryce <callum@brightpathtalent.com>")
    assert judged.facts.company == "Quayside Logistics"


def test_a_token_from_a_link_is_not_the_role() -> None:
    judged = _mail("Hi Sam,\n\nPlease pick a time: https://lakeshore.example/schedule/"
                   "VPNfkUDD2tTld6GVW6TrtxwBj3bXCsK0auV4fzJ-Engineer\n\nMia",
                   "Lakeshore Tech: schedule your interview", sender="Mia <mia@lakeshore.tech>")
    assert judged.facts.role is None or "VPNf" not in judged.facts.role


@pytest.mark.parametrize("text, language, register", [
    ("Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Bewerbung. Wir melden uns bei Ihnen.",
     "de", "formal"),
    ("Hallo Sam,\n\ndanke für deine Bewerbung! Wir melden uns bei dir.", "de", "informal"),
    ("Bonjour Sam,\n\nmerci pour votre candidature, nous vous recontacterons.", "fr", "formal"),
    ("Salut Sam,\n\nmerci pour ta candidature, on te recontacte vite.", "fr", "informal"),
    ("Estimado Sam:\n\nLe agradecemos su candidatura.", "es", "formal"),
    ("Hola, Sam:\n\n¡Gracias por tu candidatura! Te escribiremos pronto.", "es", "informal"),
    ("Dear Mr. Rivera,\n\nThank you for applying.", "en", "formal"),
    ("Hi Sam,\n\nThanks for applying!", "en", "informal"),
])
def test_register_of_a_message(text: str, language: str, register: str) -> None:
    assert detect_register(text, language) == register


@pytest.mark.parametrize("subject, kind", [
    ("Phone screen with Northwind", "first_call"),
    ("Technical interview: system design", "technical"),
    ("Your onsite panel", "panel"),
    ("Final round with the CTO", "final"),
    ("Einladung zum Fachgespräch", "technical"),
    ("Entretien final", "final"),
    ("Interview", ""),
])
def test_interview_kind(subject: str, kind: str) -> None:
    assert detect_interview_kind(subject, "") == kind


# -- the hand-off, gathered from an application -------------------------------------------------

def _with(record_: MailRecord, **facts: object) -> MailRecord:
    return replace(record_, facts=replace(record_.facts, **facts))


def test_an_interviewers_title_is_left_out_as_the_role_and_plan_says_why() -> None:
    rosa = Person("Rosa Diaz", "rosa.diaz@northwindlabs.com")
    invited = _with(record("interview_invitation", at(2026, 2, 24), sender=rosa,
                           company=COMPANY, role="Engineering Manager", thread="t"),
                    people_titles=(("Rosa Diaz", "Engineering Manager"),))
    booked = record("interview_scheduled", at(2026, 2, 25), sender=rosa, company=COMPANY,
                    start=at(2026, 3, 3, 14), end=at(2026, 3, 3, 15), interviewers=(rosa,),
                    thread="t")
    [draft] = plan([invited, booked], now=at(2026, 3, 3, 17), kind="thank_you")
    assert draft.facts.role == ""
    left_out = {source.name: source.source for source in draft.facts.left_out()}
    assert "person's title" in left_out["role"]
    used = {source.name for source in draft.facts.used()}
    assert {"company", "language", "interview_date", "interviewer"} <= used
    text = build_draft(draft, SAM, DraftsConfig(), at(2026, 3, 3, 17), templates=TEMPLATES).text
    assert "Engineering Manager role" not in text and "Northwind Labs" in text


def test_a_german_thread_gets_a_german_thank_you_in_its_register() -> None:
    records = [_with(invitation(), language="de", register="formal"),
               _with(panel(), language="de", register="formal", interview_kind="technical")]
    drafts = plan(records, now=at(2026, 3, 3, 17), kind="thank_you")
    assert {draft.facts.language for draft in drafts} == {"de"}
    for draft in drafts:
        text = build_draft(draft, SAM, DraftsConfig(), at(2026, 3, 3, 17),
                           templates=TEMPLATES).text
        assert text.startswith("Guten Tag ") and "vielen Dank für das technische Interview" \
            in text and "Dienstag, 3. März" in text and "Mit freundlichen Grüßen" in text
    informal = [_with(r, register="informal") for r in records]
    draft = plan(informal, now=at(2026, 3, 3, 17), kind="thank_you")[0]
    text = build_draft(draft, SAM, DraftsConfig(), at(2026, 3, 3, 17), templates=TEMPLATES).text
    assert text.startswith("Hallo ") and "Viele Grüße" in text


def test_the_users_language_is_only_the_fallback() -> None:
    german_user = replace(SAM, language="de")
    draft = plan([invitation(), panel()], now=at(2026, 3, 3, 17), kind="thank_you",
                 user=german_user)[0]
    assert draft.facts.language == "en"  # the mail is English: the thread wins
    silent = [_with(r, language="xx") for r in (invitation(), panel())]
    draft = plan(silent, now=at(2026, 3, 3, 17), kind="thank_you", user=german_user)[0]
    assert draft.facts.language == "de"


def test_two_interviewers_of_one_panel_get_two_different_notes() -> None:
    booked = _with(panel(), interview_kind="panel",
                   people_titles=(("Dana Kim", "Engineering Manager"),
                                  ("Priya Natarajan", "Staff Data Engineer")))
    drafts = plan([invitation(), booked], now=at(2026, 3, 3, 17), kind="thank_you")
    texts = {draft.to[0].email: build_draft(draft, SAM, DraftsConfig(), at(2026, 3, 3, 17),
                                            templates=TEMPLATES).text for draft in drafts}
    dana, priya = texts[DANA.email], texts[PRIYA.email]
    assert dana != priya
    assert "as Engineering Manager" in dana and "pass my thanks on to Priya" in dana
    assert "as Staff Data Engineer" in priya and "pass my thanks on to Dana" in priya
    assert "panel interview" in dana


def test_the_users_note_reaches_the_thank_you() -> None:
    from followup.track.model import Override
    note = Override(application_id="", action="note", at=at(2026, 3, 1),
                    text="their move to event streams")
    records = [invitation(), panel()]
    first = plan(records, now=at(2026, 3, 3, 17), kind="thank_you")[0]
    drafts = plan(records, now=at(2026, 3, 3, 17), kind="thank_you",
                  overrides=(replace(note, application_id=first.application_id),))
    assert drafts[0].facts.note == "their move to event streams"
    text = build_draft(drafts[0], SAM, DraftsConfig(), at(2026, 3, 3, 17),
                       templates=TEMPLATES).text
    assert "their move to event streams" in text
    assert any(source.name == "note" for source in drafts[0].facts.used())


# -- every language, every kind: no seams, at most 150 words ------------------------------------

FULL = DraftFacts(company="Northwind Labs", role="Senior Data Engineer",
                  interviewer=parse_person_name("Dana Whitfield"),
                  interviewer_title="Engineering Manager",
                  other_interviewers=(parse_person_name("Luis Ortega"),),
                  interview_date=date(2026, 3, 3), interview_kind="final", round=3,
                  note="the plan to move billing onto event streams",
                  decision_by=date(2026, 3, 13), recipient_is_interviewer=True)


def _planned(kind: str, facts: DraftFacts, to: tuple[Person, ...] = (
        Person("Frau Dana Whitfield", "dana.whitfield@nw.com"),)) -> PlannedDraft:
    return PlannedDraft(key=f"a:{kind}", application_id="a", kind=kind,  # type: ignore[arg-type]
                        round=1, to=to, due=NOW, window_end=NOW, status="due", reason="",
                        threading=Threading(subject=""), facts=facts)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
@pytest.mark.parametrize("register", ["formal", "informal"])
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_every_language_and_register_renders_cleanly(language: str, register: str,
                                                     kind: str) -> None:
    for facts in (replace(FULL, language=language, register=register),
                  DraftFacts(language=language, register=register)):
        draft = build_draft(_planned(kind, facts), USER, DraftsConfig(), NOW,
                            templates=TEMPLATES)
        assert draft.language == language
        assert "{{" not in draft.text and "  " not in draft.text
        words_before_signature = draft.text.split("Sam Rivera\n+1 555 0100")[0].split()
        assert len(words_before_signature) <= 150
        if facts.company:
            assert "Northwind Labs" in draft.text and "Senior Data Engineer" in draft.text


@pytest.mark.parametrize("language, written", [
    ("en", "Tuesday, March 3"), ("de", "Dienstag, 3. März"), ("fr", "mardi 3 mars"),
    ("es", "martes 3 de marzo")])
def test_dates_are_written_the_local_way(language: str, written: str) -> None:
    assert format_day(date(2026, 3, 3), today=date(2026, 3, 4), language=language) == written
    facts = replace(FULL, language=language, interview_kind="")
    text = build_draft(_planned("thank_you", facts), USER, DraftsConfig(), NOW,
                       templates=TEMPLATES).text
    assert written in text


@pytest.mark.parametrize("language, register, greeting", [
    ("de", "formal", "Sehr geehrte Frau Whitfield,"), ("de", "informal", "Hallo Dana,"),
    ("fr", "formal", "Bonjour Madame Whitfield,"), ("fr", "informal", "Bonjour Dana,"),
    ("es", "formal", "Estimada Sra. Whitfield:"), ("es", "informal", "Hola, Dana:"),
    ("en", "formal", "Dear Ms. Whitfield,"), ("en", "informal", "Hi Dana,")])
def test_greeting_per_language_and_register(language: str, register: str,
                                            greeting: str) -> None:
    to = (Person("Ms. Dana Whitfield" if language == "en" else
                 {"de": "Frau Dana Whitfield", "fr": "Mme Dana Whitfield",
                  "es": "Sra. Dana Whitfield"}[language], "dana.whitfield@nw.com"),)
    facts = DraftFacts(language=language, register=register)
    text = build_draft(_planned("status_check", facts, to=to), USER, DraftsConfig(), NOW,
                       templates=TEMPLATES).text
    assert text.split("\n")[0] == greeting


def test_a_short_thank_you_subject() -> None:
    draft = build_draft(_planned("thank_you", FULL), USER, DraftsConfig(), NOW,
                        templates=TEMPLATES)
    assert draft.subject == "Thank you – Senior Data Engineer interview"
    assert len(draft.subject) <= 60


@pytest.mark.parametrize("language, written", [
    ("en", "Thank you for our second conversation about the Senior Data Engineer role"),
    ("de", "vielen Dank für das zweite Gespräch"), ("fr", "pour notre deuxième entretien"),
    ("es", "Muchas gracias por la segunda entrevista")])
def test_the_round_is_named_when_the_kind_is_not_known(language: str, written: str) -> None:
    facts = replace(FULL, language=language, interview_kind="", round=2)
    text = build_draft(_planned("thank_you", facts), USER, DraftsConfig(), NOW,
                       templates=TEMPLATES).text
    assert written in text


def test_the_kind_of_interview_may_come_from_the_invitation_before_the_booking() -> None:
    records = [_with(invitation(), interview_kind="technical"), panel()]
    drafts = plan(records, now=at(2026, 3, 3, 17), kind="thank_you")
    assert {draft.facts.interview_kind for draft in drafts} == {"technical"}
    kind_source = [source for source in drafts[0].facts.used() if source.name == "interview_kind"]
    assert kind_source and "Next steps" in kind_source[0].source


@pytest.mark.parametrize("language, written", [
    ("en", "how the Payments team works"), ("de", "wie das Team Payments arbeitet"),
    ("fr", "de l'équipe Payments"), ("es", "el equipo de Payments")])
def test_the_interviewers_team_when_the_mail_names_it(language: str, written: str) -> None:
    facts = replace(FULL, language=language, interviewer_title="Payments team")
    text = build_draft(_planned("thank_you", facts), USER, DraftsConfig(), NOW,
                       templates=TEMPLATES).text
    assert written in text and "as Payments team" not in text


LONG_NOTES = {
    "en": "I still owe them the benchmark numbers from the migration we discussed, and I want "
          "to mention how we cut the nightly batch from six hours to forty minutes by moving "
          "the joins into the stream processor and dropping two staging tables.",
    "de": "Ich schulde Ihnen noch die Messwerte aus der besprochenen Migration und möchte "
          "erwähnen, wie wir den nächtlichen Lauf von sechs Stunden auf vierzig Minuten "
          "gekürzt haben, indem wir die Joins in den Stream-Prozessor verlegt und zwei "
          "Zwischentabellen gestrichen haben.",
    "fr": "Je vous dois encore les mesures de la migration dont nous avons parlé, et je "
          "voudrais rappeler comment nous avons réduit le traitement de nuit de six heures à "
          "quarante minutes en déplaçant les jointures dans le flux et en supprimant deux "
          "tables intermédiaires.",
    "es": "Todavía les debo las cifras de la migración de la que hablamos, y quiero mencionar "
          "cómo redujimos el proceso nocturno de seis horas a cuarenta minutos al llevar las "
          "uniones al procesador de flujos y eliminar dos tablas intermedias.",
}


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_a_long_note_still_fits_in_150_words(language: str) -> None:
    note = LONG_NOTES[language]
    facts = replace(FULL, language=language, note=note)
    text = build_draft(_planned("thank_you", facts), USER, DraftsConfig(), NOW,
                       templates=TEMPLATES).text
    assert note in text
    assert len(text.split("Sam Rivera\n+1 555 0100")[0].split()) <= 150


def test_a_role_drops_the_candidates_name_a_calendar_summary_adds() -> None:
    """Blind scenario 30: "Quillon technical panel - Platform Engineer (Sam Rivera)"."""
    from followup.judge.plausible import clean_role

    assert clean_role("Platform Engineer (Sam Rivera)", "Quillon") == "Platform Engineer"
    assert clean_role("Analyst [Jane Doe]") == "Analyst"
    # A qualifier with a job word, or a gender marker, stays.
    assert clean_role("Data Engineer (Senior Data)") == "Data Engineer (Senior Data)"
    assert clean_role("Entwickler (m/w/d)") == "Entwickler (m/w/d)"
