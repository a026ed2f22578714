"""Who a person would thank after an interview: those who held it (named as interviewers,
on the invitation beside the candidate, the organiser who meets the candidate alone), never
a scheduling tool, never someone who only organised when others are named. Each case is a
small message made up here (names and companies invented for these tests)."""

from __future__ import annotations

from followup.compose.templates import french_de
from followup.judge.model import Person
from followup.judge.names import _from_display_name, extract_company, extract_role
from followup.judge.plausible import role_problem
from followup.mail.parse import parse_message
from followup.track.names import (
    companies_match,
    is_agency_name,
    normalise_company,
    roles_match,
)
from followup.track.rounds import build_rounds

from .test_judge_cases import mail
from .test_judge_interviewers import interviewers
from .test_track_builders import MARIA, SAM, at, record

HUGO = Person("Hugo Lindqvist", "hugo.lindqvist@northwindlabs.com")


def _one_to_one(organizer: str, body: str = "Join on your computer or mobile app.") -> bytes:
    name, address = organizer.split("|")
    ics = ("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:solo@n\r\n"
           "DTSTART:20260915T140000Z\r\nDTEND:20260915T150000Z\r\n"
           "SUMMARY:Data Platform chat - Sam Rivera\r\n"
           f"ORGANIZER;CN={name}:mailto:{address}\r\n"
           "ATTENDEE;CN=Sam Rivera:mailto:sam.rivera@example.org\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    return mail(body, subject="Data Platform chat - Sam Rivera",
                sender=f"{name} <{address}>", calendar=ics)


def test_the_organiser_who_invites_the_candidate_alone_holds_the_meeting() -> None:
    raw = _one_to_one("Ines Varga|ines.varga@quillfield.example")
    assert interviewers(raw) == [("Ines Varga", "ines.varga@quillfield.example")]


def test_a_coordinator_or_a_tool_inviting_the_candidate_alone_holds_nothing() -> None:
    raw = _one_to_one("Ola Brandt|ola.brandt@quillfield.example",
                      "Join on your computer.\n\nOla Brandt\nInterview Coordinator\nQuillfield")
    assert interviewers(raw) == []
    raw = _one_to_one("Quillfield Careers|careers@quillfield.example")
    assert interviewers(raw) == []


def test_an_invitation_naming_its_interviewer_is_not_the_organisers() -> None:
    raw = _one_to_one("Ola Brandt|ola.brandt@quillfield.example",
                      "You will meet Tariq Haddad (Staff Engineer) for this session.")
    assert interviewers(raw) == [("Tariq Haddad", "")]


def test_a_day_of_the_week_is_no_ones_name() -> None:
    raw = mail("Hi Sam,\n\nSo sorry for the change. Would Thursday, October 1 at 3:00 pm suit "
               "you instead? Same format, an hour on Teams.\n\nOla",
               subject="Re: Interview - Data Platform Engineer",
               sender="Ola Brandt <ola.brandt@quillfield.example>")
    assert all("Thursday" not in name for name, _ in interviewers(raw))


def test_spanish_list_of_interviewers_after_a_colon_with_titles_and_addresses() -> None:
    raw = mail("Estimado Sam:\n\nLe confirmo la entrevista del martes 6 de octubre de 9:00 a "
               "10:00 h. Le entrevistarán:\n\n"
               "- Ing. Tomás Ibarra, Jefe de Riesgos (tomas.ibarra@corvina.example)\n"
               "- Mtra. Lucía Prado, Gerente de Operaciones (lucia.prado@corvina.example)\n\n"
               "Saludos cordiales,\nLic. Marta Gil\nAtracción de Talento",
               subject="Confirmación de entrevista - Analista de Riesgos",
               sender="Marta Gil <marta.gil@corvina.example>")
    assert interviewers(raw) == [("Tomás Ibarra", "tomas.ibarra@corvina.example"),
                                 ("Lucía Prado", "lucia.prado@corvina.example")]


def test_an_abbreviated_role_is_the_role_it_stands_for() -> None:
    assert roles_match("bi developer", "business intelligence developer")
    assert roles_match("senior qa engineer", "quality assurance engineer")
    assert roles_match("sre", "site reliability engineer")
    assert not roles_match("bi developer", "backend developer")
    assert not roles_match("ux designer", "product designer")


def _held(*records: object) -> list[str]:
    rounds = build_rounds(list(records), SAM)  # type: ignore[arg-type]
    assert len(rounds) == 1
    return [person.email or person.name for person in rounds[0].interviewers]


def test_the_manager_named_by_the_recruiter_who_sends_the_invite_holds_it() -> None:
    # The recruiter names the manager in words; the manager's own invitation lists the
    # recruiter beside the candidate. The manager is thanked, the recruiter is not.
    start = at(2026, 9, 15, 11)
    named = record("interview_invitation", at(2026, 9, 8), sender=MARIA,
                   interviewers=(Person("Hugo Lindqvist", ""),))
    invitation = record("interview_scheduled", at(2026, 9, 8, 12), sender=HUGO, start=start,
                        end=at(2026, 9, 15, 12), interviewers=(MARIA,), uid="inv-1")
    assert _held(named, invitation) == [HUGO.email]


def test_an_attendee_who_wrote_only_that_others_would_interview_is_no_interviewer() -> None:
    start = at(2026, 9, 15, 11)
    named = record("interview_invitation", at(2026, 9, 8), sender=MARIA,
                   interviewers=(HUGO,))
    invitation = record("interview_scheduled", at(2026, 9, 8, 12), sender=MARIA, start=start,
                        interviewers=(HUGO, MARIA), uid="inv-2")
    assert _held(named, invitation) == [HUGO.email]


def test_the_organiser_stays_when_nobody_else_is_known_or_they_named_themself() -> None:
    start = at(2026, 9, 15, 11)
    alone = record("interview_scheduled", at(2026, 9, 8, 12), sender=MARIA, start=start,
                   interviewers=(MARIA,), uid="inv-3")
    assert _held(alone) == [MARIA.email]
    both = record("interview_invitation", at(2026, 9, 8), sender=MARIA,
                  interviewers=(HUGO, MARIA))
    invitation = record("interview_scheduled", at(2026, 9, 8, 12), sender=HUGO, start=start,
                        interviewers=(MARIA,), uid="inv-4")
    assert set(_held(both, invitation)) == {HUGO.email, MARIA.email}


def test_a_confirmation_repeating_the_time_keeps_the_length_already_stated() -> None:
    # A 30-minute screen agreed earlier; "you're all set for Wednesday at 2pm" names the
    # start alone: the interview still ends after 30 minutes, not after an assumed hour.
    start = at(2026, 6, 10, 14)
    stated = record("interview_scheduled", at(2026, 6, 3), start=start,
                    end=at(2026, 6, 10, 14, 30))
    repeated = record("interview_scheduled", at(2026, 6, 4), start=start)
    rounds = build_rounds([stated, repeated], SAM)
    assert [(r.start, r.end) for r in rounds] == [(start, at(2026, 6, 10, 14, 30))]
    # A new time without a length does not inherit the old one's end.
    moved = record("interview_scheduled", at(2026, 6, 4), start=at(2026, 6, 10, 16))
    rounds = build_rounds([stated, moved], SAM)
    assert [(r.start, r.end) for r in rounds] == [(at(2026, 6, 10, 16), None)]


def test_an_organisation_named_in_brackets_after_what_it_is_is_no_interviewer() -> None:
    raw = mail("Hi Sam,\n\nThe hiring manager would like to meet you on Tuesday, March 3 at "
               "2:00pm for about an hour.\n\nSeparately, I am also working with a shipping "
               "client (Tallis Maritime) that may suit you later.\n\nOla",
               subject="Interview request - Treasury Analyst",
               sender="Ola Brandt <ola.brandt@brightpathsearch.example>")
    assert all("Tallis" not in name for name, _ in interviewers(raw))


def test_a_firm_whose_name_ends_in_search_is_an_agency() -> None:
    assert is_agency_name("Brightpath Search")
    assert not is_agency_name("Search Engine Labs")


def test_a_french_profession_named_by_one_noun_is_the_role() -> None:
    raw = mail("Madame,\n\nNous avons bien reçu votre candidature au poste de Juriste "
               "confirmé (F/H). Votre dossier est à l'étude.\n\nLe service RH",
               subject="Votre candidature - Juriste confirmé (F/H)",
               sender="Maison Verdier - Recrutement <noreply@taleo.net>")
    role = extract_role(parse_message(raw))
    assert role is not None and role.startswith("Juriste confirmé")
    assert role_problem("Gestionnaire de paie") is None


def test_the_desk_after_the_dash_in_a_display_name_is_no_company() -> None:
    assert _from_display_name("Maison Verdier - Recrutement") == []
    assert _from_display_name("Dana Kim - Northwind Labs") == ["Northwind Labs"]


def test_a_hyphenated_domain_names_the_employer_by_its_first_part() -> None:
    raw = mail("Madame,\n\nJe vous confirme votre entretien au siège du Groupe Verdier le "
               "mardi 9 juin à 10h.\n\nCordialement,\nLéa Morel",
               subject="Entretien - Gestionnaire de paie",
               sender="Léa Morel <lea.morel@verdier-assurances.example>")
    company = extract_company(parse_message(raw), {"sam.rivera@example.org"})
    assert company is not None and "Verdier" in company


def test_group_written_first_is_the_same_company() -> None:
    assert companies_match(normalise_company("Groupe Verdier"), normalise_company("Verdier"))
    assert companies_match(normalise_company("Grupo Alba"), normalise_company("Alba Group"))


def test_an_interviewer_named_in_words_and_on_the_invitation_is_one_person() -> None:
    start = at(2026, 6, 10, 9, 30)
    named = record("interview_scheduled", at(2026, 6, 2), sender=MARIA, start=start,
                   interviewers=(Person("Hugo Lindqvist", ""),))
    invitation = record("interview_scheduled", at(2026, 6, 2, 11), sender=MARIA, start=start,
                        interviewers=(HUGO,), uid="inv-5")
    assert _held(named, invitation) == [HUGO.email]


def test_a_recruiter_who_named_only_herself_and_sends_the_panel_is_no_interviewer() -> None:
    # "I'd like to set up an interview" makes the recruiter the one met in her own mail;
    # her calendar invitation with the panel does not add her to the panel.
    start = at(2026, 9, 15, 11)
    own = record("interview_invitation", at(2026, 9, 8), sender=MARIA, interviewers=(MARIA,))
    invitation = record("interview_scheduled", at(2026, 9, 8, 12), sender=MARIA, start=start,
                        interviewers=(HUGO,), uid="inv-6")
    assert _held(own, invitation) == [HUGO.email]


def test_french_de_is_elided_before_a_vowel() -> None:
    assert french_de("Actuaire confirmé") == "d'Actuaire confirmé"
    assert french_de("Ingénieur DevOps") == "d'Ingénieur DevOps"
    assert french_de("Chef de projet") == "de Chef de projet"
