"""The facts that reach a thank-you, round 7 (issue 13, point 2: a fact goes into a draft
only when it is right, and a fact the mail plainly gives is used). One family a section;
the mail below is our own, written for these rules."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from followup.judge.classify import judge_message
from followup.judge.model import Person
from followup.judge.names import extract_company, extract_role
from followup.judge.plausible import draft_role
from followup.judge.titles import people_titles
from followup.mail.model import Message
from followup.mail.parse import parse_message
from followup.mail.senders import registrable_domain
from followup.track.decided import decided_company

from .test_track_builders import at, record


def _message(subject: str, text: str, *, to: str = "Lena Vogt <lena.vogt@example.net>",
             sender: str = "Ana Ruiz <ana.ruiz@employer.example>",
             reply_to: str = "", cc: str = "") -> Message:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    if reply_to:
        mail["Reply-To"] = reply_to
    if cc:
        mail["Cc"] = cc
    mail["Subject"] = subject
    mail["Date"] = "Tue, 03 Mar 2026 10:00:00 +0100"
    mail["Message-ID"] = "<round7@employer.example>"
    mail.set_content(text)
    return parse_message(mail.as_bytes())


# -- the candidate known by their address: the title after their name is the job ------------

def test_the_title_after_the_candidates_name_is_the_job_when_only_the_address_names_them(
        ) -> None:
    message = _message("Onsite: Lena Vogt (Staff Reliability Engineer)",
                       "See you on Friday.", to="lena.vogt.work@example.net")
    assert extract_role(message) == "Staff Reliability Engineer"
    assert people_titles(message) == ()


def test_another_persons_title_in_brackets_stays_theirs() -> None:
    message = _message("Onsite: Lena Vogt / Omar Haddad (Staff Reliability Engineer)",
                       "See you on Friday.", to="lena.vogt.work@example.net")
    assert "Omar Haddad" not in dict(people_titles(message))


def test_a_name_that_only_shares_a_word_with_the_address_is_someone_else() -> None:
    message = _message("Debrief", "You will meet Lena Okafor (Head of Platform) first.",
                       to="lena.vogt@example.net")
    assert dict(people_titles(message)) == {"Lena Okafor": "Head of Platform"}


# -- a first name alone, met "with" them or "and" another, their title in brackets -----------

@pytest.mark.parametrize("text, titles", [
    ("You'll spend an hour with Ines (Director of Analytics), then with Bo (Staff "
     "Engineer).", {"Ines": "Director of Analytics", "Bo": "Staff Engineer"}),
    ("Hablarás con Mateo (Gerente de Producto) y Rocío (Tech Lead frontend).",
     {"Mateo": "Gerente de Producto", "Rocío": "Tech Lead frontend"}),
    ("Tu rencontreras Hugo (Directeur technique) et\n  Maëlle (Responsable RH).",
     {"Maëlle": "Responsable RH"}),
])
def test_a_first_names_bracket_is_their_title(text: str, titles: dict[str, str]) -> None:
    found = dict(people_titles(_message("Next round", text)))
    for name, title in titles.items():
        assert found.get(name) == title


def test_a_first_names_bracket_is_not_the_job() -> None:
    message = _message("Next round", "A call with Ines (Director of Analytics) and Bo "
                                     "(Staff Engineer) on Monday.")
    assert extract_role(message) is None


def test_a_firm_joined_by_an_ampersand_is_no_first_name() -> None:
    message = _message("Final round: Lena Vogt x Birch & Quill (Platform Engineer)",
                       "Details inside.")
    assert extract_role(message) == "Platform Engineer"
    assert people_titles(message) == ()


# -- the employer in a tool's sender name "X via Tool" ---------------------------------------

@pytest.mark.parametrize("shown", ["Tannery Row via JOIN", "Tannery Row über JOIN",
                                   "Tannery Row Careers via Recruitee"])
def test_the_employer_is_the_name_before_via(shown: str) -> None:
    tool = Person(shown, "no-reply@join.com")
    acknowledgement = record("application_received", at(2026, 6, 2), sender=tool,
                             role="Backend Engineer")
    assert decided_company([acknowledgement]) == "Tannery Row"


def test_a_person_writing_through_a_network_names_no_employer() -> None:
    relayed = Person("Ruth Okoye via LinkedIn", "messages-noreply@linkedin.com")
    note = record("interview_invitation", at(2026, 6, 2), sender=relayed)
    assert decided_company([note]) is None


# -- a company under a Canadian province's domain; the stage word of a subject ---------------

@pytest.mark.parametrize("domain, registered", [
    ("mail.lumitek.qc.ca", "lumitek.qc.ca"), ("careers.pinegrove.on.ca", "pinegrove.on.ca"),
    ("tidalworks.bc.ca", "tidalworks.bc.ca"), ("tidalworks.ca", "tidalworks.ca")])
def test_a_canadian_provinces_second_level_is_a_public_suffix(domain: str,
                                                               registered: str) -> None:
    assert registrable_domain(domain) == registered


def test_the_employer_of_a_provincial_domain_is_read_from_the_subject() -> None:
    message = _message("Entrevue - Analyste financier - Lumitek Énergie", "Bonjour,",
                       sender="Luc Ouellet <luc.ouellet@lumitek.qc.ca>")
    assert extract_company(message, {"lena.vogt@example.net"}) == "Lumitek Énergie"


@pytest.mark.parametrize("subject", ["Entrevue - Analyste financier",
                                     "Entretien - Analyste financier",
                                     "Entrevista - Analista financiero",
                                     "Vorstellungsgespräch - Finanzanalyst"])
def test_the_stage_word_of_a_subject_is_no_company(subject: str) -> None:
    message = _message(subject, "Bonjour,", sender="Luc Ouellet <luc.ouellet@gmail.com>")
    assert extract_company(message, {"lena.vogt@example.net"}) is None


# -- the employer as a recruiting tool sends under it, abbreviated by the employer's domain ---

def test_a_tools_sender_name_that_the_domain_abbreviates_is_the_employer() -> None:
    message = _message("Interview booked: Product Designer", "You're all set.",
                       sender="Harbour Street Studio <no-reply@teamtailor.com>",
                       reply_to="Iris Moll <iris.moll@hsstudio.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) == "Harbour Street Studio"


def test_a_persons_display_name_is_not_read_so() -> None:
    message = _message("Interview booked: Product Designer", "You're all set.",
                       sender="Harbour Street Studio <hannah.smith@gmail.com>",
                       reply_to="Iris Moll <iris.moll@hsstudio.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) != "Harbour Street Studio"


# -- the posting's title before its requisition number; an interviewer's name after the job --

@pytest.mark.parametrize("subject, job", [
    ("Thank you for applying to Store Operations Supervisor (R-20931)",
     "Store Operations Supervisor"),
    ("Interview Confirmation: Category Buyer, Footwear (JR4471)", "Category Buyer, Footwear"),
    ("Application Received Head Baker (REQ-5520)", "Head Baker"),
])
def test_the_words_before_a_requisition_number_are_the_job(subject: str, job: str) -> None:
    assert extract_role(_message(subject, "Hi Lena,")) == job


def test_a_planner_is_a_job() -> None:
    message = _message("Your application", "We received your application for Senior "
                                           "Demand Planner and will be in touch.")
    assert extract_role(message) == "Senior Demand Planner"


def test_the_interviewers_name_after_the_job_is_not_part_of_it() -> None:
    message = _message("Interview: Lena Vogt / Senior Demand Planner - Omar Haddad",
                       "Invite attached.", cc="Omar Haddad <omar.haddad@employer.example>")
    assert extract_role(message) == "Senior Demand Planner"


# -- French jobs after "poste de": "Gestionnaire", and a bare noun closing the sentence -------

@pytest.mark.parametrize("text, job", [
    ("Merci pour votre candidature au poste de Gestionnaire de stocks chez nous.",
     "Gestionnaire de stocks"),
    ("Merci pour votre candidature au poste de Gestionnaire comptabilité.",
     "Gestionnaire comptabilité"),
    ("Merci pour votre candidature au poste de Responsable achats.", "Responsable achats"),
])
def test_a_french_job_after_poste_de_is_read_whole(text: str, job: str) -> None:
    assert extract_role(_message("Votre candidature", text)) == job


def test_a_lower_case_word_that_goes_on_with_the_sentence_is_not_the_job() -> None:
    message = _message("Candidature", "Merci pour votre candidature au poste de "
                                      "Gestionnaire comptabilité que nous étudions.")
    assert extract_role(message) == "Gestionnaire"


# -- the tool a mail says it was sent through is no employer; the name it sends under is -----

@pytest.mark.parametrize("footer", ["Cet e-mail a été envoyé via Flowhire.",
                                    "Sent via Flowhire - please do not reply.",
                                    "Correo enviado a través de Flowhire."])
def test_the_tool_named_as_the_sender_is_no_employer(footer: str) -> None:
    message = _message("Votre candidature", f"Bonjour,\n\nNous avons bien reçu votre "
                                            f"candidature.\n\n{footer}",
                       sender="Atelier Brume <noreply@flowhire.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) == "Atelier Brume"


# -- "postulaste a <puesto> en <empresa>": the employer after the job, the job without it ----

def test_the_employer_after_the_job_an_applicant_applied_to() -> None:
    message = _message("Postulaste a Diseñadora UX en Quillay Seguros",
                       "Tu postulación a Diseñadora UX en Quillay Seguros fue enviada.",
                       sender="Portal Empleos <noreply@portalempleos.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) == "Quillay Seguros"
    assert draft_role(extract_role(message) or "", "Quillay Seguros") == "Diseñadora UX"


def test_the_last_at_of_the_line_names_the_employer() -> None:
    message = _message("Postulaste a Ingeniero en Sistemas en Quillay Seguros", "Hola,",
                       sender="Portal Empleos <noreply@portalempleos.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) == "Quillay Seguros"


@pytest.mark.parametrize("job", ["Desarrolladora Backend", "Programadora Java",
                                 "Diseñadora de Producto"])
def test_a_spanish_job_in_the_feminine_is_a_job(job: str) -> None:
    assert extract_role(_message("Entrevista", f"Buscamos una {job} para el equipo.")) == job


def test_an_application_sent_with_the_job_named_is_an_acknowledgement() -> None:
    message = _message("Postulaste a Analista de Datos en Quillay Seguros",
                       "¡Hola Lena!\n\nTu postulación a Analista de Datos en Quillay Seguros "
                       "fue enviada. Te avisaremos cuando la empresa revise tu perfil.",
                       sender="Portal Empleos <noreply@portalempleos.example>")
    assert judge_message(message, ["lena.vogt@example.net"]).kind == "application_received"


# -- a stage named after who holds it is no job; a roman numeral is a whole word -------------

@pytest.mark.parametrize("summary", ["Hiring Manager Interview - Firmware Engineer",
                                     "Recruiter Screen - Firmware Engineer"])
def test_the_stage_named_after_its_holder_is_not_the_job(summary: str) -> None:
    assert extract_role(_message(summary, "See you then.")) == "Firmware Engineer"


def test_a_roman_numeral_after_a_job_is_a_whole_word() -> None:
    assert extract_role(_message("Firmware Engineer II - next step", "Hi,")) == \
        "Firmware Engineer II"
    assert extract_role(_message("Product Designer Interview", "Hi,")) == "Product Designer"
