"""The employer of mail a job platform sends for it (issue 13, point 1: a company decided
from the most reliable source; issue 12, point 3: a job board's sender says who sent it, not
whose application it is). A platform whose own domain is made of job words
("jobfinder-now.example", "emplois-locaux.example", "trabajoya.example", "careerhub.example")
relays what the employer did, and names the employer in the text: that name is the company,
in four languages. The mail below is our own, written for this family (corpus_real4/5/7's
train halves hold real mail of the kind: DevJobs, KTZ Emploi, Jobmap, ApexTalent, JOB TODAY).
"""

from __future__ import annotations

import pytest

from followup.judge.names import extract_company
from followup.mail.model import Message
from followup.mail.parse import parse_message
from tests.unit.test_judge_families import mail

ME = {"sam.rivera@example.org"}


def _message(subject: str, text: str, sender: str) -> Message:
    return parse_message(mail(text, subject, sender))


@pytest.mark.parametrize(("sender", "subject", "text", "company"), [
    ("JobFinder Now <alerts@jobfinder-now.example>", "Your application was viewed",
     "Hi Sam,\n\nHarbor Mills has reviewed your application for Line Supervisor.\n\n"
     "Good luck!\nThe JobFinder Now team", "Harbor Mills"),
    ("CareerHub <noreply@careerhub.example>", "Notification - CareerHub",
     "Hello Sam,\n\nYou have a new interview invitation from Quillfeather Press.\n\n"
     "Log in to CareerHub to accept it.", "Quillfeather Press"),
    ("Emplois Locaux <ne-pas-repondre@emplois-locaux.example>", "Nouvelle demande d'entretien",
     "Bonjour Sam,\n\nFromagerie Delorme souhaite vous rencontrer pour le poste de vendeur.\n"
     "Connectez-vous pour accepter.\n", "Fromagerie Delorme"),
    ("TrabajoYa <avisos@trabajoya.example>", "Novedades de tu postulación",
     "Hola Sam,\n\nPanadería Las Lomas ha revisado tu solicitud para \"Repartidor\" y ha "
     "decidido no continuar.\n\nEl equipo de TrabajoYa", "Panadería Las Lomas"),
    ("TrabajoYa <avisos@trabajoya.example>", "Tienes una invitación",
     "Hola Sam,\n\nRecibiste una invitación de Ferretería Ocampo para una entrevista.\n",
     "Ferretería Ocampo"),
])
def test_a_platform_relays_the_employer_it_names(sender: str, subject: str, text: str,
                                                 company: str) -> None:
    assert extract_company(_message(subject, text, sender), ME) == company


def test_a_platform_that_names_no_employer_is_not_replaced_by_a_person() -> None:
    # "a reference request from Chidi Okafor": a person asks, no employer is named
    message = _message("Reference request from Nkem Adeyemi",
                       "Hi Sam,\n\nYou have a reference request from Nkem Adeyemi.\n",
                       "Nkem Adeyemi via CareerHub <notifications@careerhub.example>")
    assert extract_company(message, ME) != "Nkem Adeyemi"


def test_a_meeting_room_is_no_employer() -> None:
    message = _message("Interview reminder",
                       "Hi Sam,\n\nYour interview starts in one hour.\n\n"
                       "Join Interview Room: https://app.careerhub.example/room/1\n",
                       "CareerHub <noreply@careerhub.example>")
    assert extract_company(message, ME) != "Interview Room"


def test_a_possessive_after_bei_is_no_employer() -> None:
    # "bei Deinem letzten Arbeitgeber": the candidate's past employer, said as a pronoun
    message = _message("Spannende Rolle", "Hallo Sam,\n\ndeine Erfahrung bei Deinem letzten "
                       "Arbeitgeber passt gut.\n\nViele Grüße\nTalentwerk Personalberatung",
                       "Jana Roth <jana.roth@talentwerk.example>")
    assert extract_company(message, ME) != "Deinem"


def test_a_german_calendar_invitation_names_no_employer_after_von() -> None:
    message = _message("Einladung: Gespräch @ Do 12. März 2026 10:00",
                       "Einladung von Google Kalender\n\nSie wurden zu diesem Termin "
                       "eingeladen.\n", "Mara Lenz <mara.lenz@taubenwerk.example>")
    assert extract_company(message, ME) != "Google Kalender"


def test_the_employers_own_careers_domain_still_names_it() -> None:
    # not a board: the employer's name is what its careers domain spells
    message = _message("Thank you for applying to Orbitly",
                       "Hi Sam,\n\nThank you for applying to Orbitly. We will review your "
                       "application.\n", "Orbitly Careers <jobs@orbitly-careers.example>")
    assert extract_company(message, ME) == "Orbitly"
