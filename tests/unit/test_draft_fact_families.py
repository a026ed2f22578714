"""The facts that reach a draft, family by family (issue 13, "What the recipient reads"):
a role as the job ad names it, whole, and nothing else; a company that is the employer,
not the tool that wrote for it; an answer date read in the writer's words."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

import pytest

from followup.config_model import UserConfig
from followup.judge.classify import judge_message
from followup.judge.deadlines import find_decision_by
from followup.judge.model import Person
from followup.judge.names import extract_company, extract_role
from followup.judge.plausible import company_problem, draft_role, role_problem
from followup.judge.titles import people_titles
from followup.mail.parse import parse_message
from followup.mail.senders import is_machine_address, is_tool_name
from followup.track.applications import group_applications
from followup.track.decided import decided_company
from followup.track.gather_facts import base_facts
from followup.track.names import is_agency_name

from .test_track_builders import at, record


def _day(day: int) -> object:
    return at(2026, 6, day)

USER = UserConfig(name="Lena Vogt", addresses=("lena.vogt@example.net",))


def _message(subject: str, text: str, *, to: str = "Lena Vogt <lena.vogt@example.net>",
             sender: str = "Ana Ruiz <ana.ruiz@employer.example>") -> object:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = "Tue, 03 Mar 2026 10:00:00 +0100"
    mail["Message-ID"] = "<family@employer.example>"
    mail.set_content(text)
    return parse_message(mail.as_bytes())


# -- the role: a stage, a gender marker, the candidate's name never ride along ---------------

@pytest.mark.parametrize("written, job", [
    ("Vorstellungsgespräch Controller (m/w/d)", "Controller"),
    ("Zweitgespräch Teamleiterin Einkauf", "Teamleiterin Einkauf"),
    ("Site Reliability Engineer - Final Round", "Site Reliability Engineer"),
    ("Backend Developer - Onsite Interview (Lena Vogt)", "Backend Developer"),
    ("Phone Screen: Payroll Specialist", "Payroll Specialist"),
    ("Entretien RH - Comptable fournisseurs", "Comptable fournisseurs"),
    ("Entrevista Analista de Riesgos", "Analista de Riesgos"),
    ("Technicien support (H/F)", "Technicien support"),
    ("UX Designer (f/m/x)", "UX Designer"),
    ("Sachbearbeiter Buchhaltung m/w/d", "Sachbearbeiter Buchhaltung"),
    ("Data Engineer (all genders)", "Data Engineer"),
    ("Analista de Datos - Lena Vogt", "Analista de Datos"),
    ("Platform Engineer (open to remote)", "Platform Engineer"),
    ("Werkstudent Controlling (Hybrid, Köln)", "Werkstudent Controlling"),
    ("Research Intern (Summer 2027)", "Research Intern"),
])
def test_a_drafts_role_is_the_job_alone(written: str, job: str) -> None:
    assert draft_role(written, user_name="Lena Vogt") == job
    assert role_problem(job) is None


@pytest.mark.parametrize("job", ["Call Center Agent", "Screening Specialist",
                                 "Senior Data Engineer", "Product Owner, Payments"])
def test_a_job_that_merely_contains_a_process_word_is_kept(job: str) -> None:
    assert draft_role(job) == job


# -- the role: the qualifier after the noun is part of the job --------------------------------

@pytest.mark.parametrize("subject, job", [
    ("Ihre Bewerbung als Sachbearbeiter Lohnbuchhaltung (m/w/d)",
     "Sachbearbeiter Lohnbuchhaltung (m/w/d)"),
    ("Einladung - Teamleiterin Qualitätssicherung", "Teamleiterin Qualitätssicherung"),
    ("Bewerbung: Kundenberaterin / Kundenberater Privatkunden",
     "Kundenberaterin / Kundenberater Privatkunden"),
    ("Votre candidature : Responsable de magasin", "Responsable de magasin"),
    ("Entretien - Chef de projet marketing", "Chef de projet marketing"),
    ("Candidature au poste de Directrice Financière", "Directrice Financière"),
    ("Développeuse Ruby confirmée - votre candidature", "Développeuse Ruby confirmée"),
    ("Tu candidatura: Responsable de Logística", "Responsable de Logística"),
    ("Entrevista para Desarrollador Java Semi Senior", "Desarrollador Java Semi Senior"),
    ("Proceso de selección - Ingeniera de Procesos", "Ingeniera de Procesos"),
    ("Your application for Group Controller at Tallis Foods", "Group Controller"),
])
def test_the_job_is_read_whole(subject: str, job: str) -> None:
    assert extract_role(_message(subject, "Hola,\n\ngracias.\n")) == job


def test_the_candidates_name_after_the_job_is_not_the_job() -> None:
    message = _message("Gespräch Referentin Controlling - Lena Vogt", "Hallo,\n\nbis bald.\n")
    assert extract_role(message) == "Referentin Controlling"


def test_a_stage_after_the_job_is_not_the_job() -> None:
    message = _message("Invitation: Data Engineer - Technical Interview", "Hi,\n\nsee you.\n")
    assert extract_role(message) == "Data Engineer"


def test_the_sentence_after_the_job_is_not_the_job() -> None:
    message = _message("Update", "Wir haben Ihre Bewerbung als Referent Sie betreffend "
                       "erhalten.\n")
    assert extract_role(message) in ("Referent", None)


# -- the company: a tool, a job board or a scheduler is not the employer ----------------------

@pytest.mark.parametrize("name", ["InfoJobs", "Welcome to the Jungle", "StepStone", "Indeed",
                                  "CodeSignal", "HireVue", "Calendly", "DocuSign", "Workday"])
def test_a_tools_name_is_no_employer(name: str) -> None:
    assert is_tool_name(name)


@pytest.mark.parametrize("name", ["Rhenania Versicherung", "Acme", "Maison Verlaine",
                                  "Northwind Labs", "Amazon"])
def test_an_employers_name_is_no_tool(name: str) -> None:
    assert not is_tool_name(name)


@pytest.mark.parametrize("summary, job", [
    ("Harbor Mills: Hiring Manager Chat (Data Engineer)", "Data Engineer"),
    ("Recruiter Screen (Support Engineer) - Harbor Mills", "Support Engineer"),
    ("Lena Vogt - Interview with Hiring Manager (Business Analyst)", "Business Analyst"),
])
def test_the_job_in_brackets_after_the_stage_is_the_job(summary: str, job: str) -> None:
    assert extract_role(_message(summary, "Hi,\n\nsee you then.\n")) == job


def test_a_word_that_only_begins_with_a_job_is_no_job() -> None:
    assert extract_role(_message("Harbor Mills - Architecture Interview", "Hi.\n")) is None


# -- the answer date: the writer's own words, and a weekday that fits the date ----------------

THURSDAY = date(2026, 5, 14)


@pytest.mark.parametrize("sentence, day", [
    ("Wir beraten uns noch, und du hörst bis Mittwoch, 20. Mai, von uns.", date(2026, 5, 20)),
    ("Sie hören spätestens bis Dienstag, 19. Mai, von uns.", date(2026, 5, 19)),
    ("On revient vers toi d'ici vendredi.", date(2026, 5, 15)),
    ("Nous vous tiendrons informée d'ici vendredi.", date(2026, 5, 15)),
    ("Sabrás de nosotros antes del viernes.", date(2026, 5, 15)),
    ("Le avisaremos antes del martes 19 de mayo.", date(2026, 5, 19)),
    ("We will get back to you by the end of next week.", date(2026, 5, 22)),
    ("We aim to reach a decision within two weeks.", date(2026, 5, 28)),
])
def test_an_answer_date_in_the_writers_words(sentence: str, day: date) -> None:
    assert find_decision_by(sentence, THURSDAY, day_first=True) == day


@pytest.mark.parametrize("sentence", [
    "You will hear from us by Monday, May 20.",   # the 20th is a Wednesday
    "Du hörst bis Freitag, 21. Mai, von uns.",     # the 21st is a Thursday
    "Te diremos algo antes del lunes 19 de mayo.",  # the 19th is a Tuesday
])
def test_a_weekday_that_does_not_fit_its_date_is_not_trusted(sentence: str) -> None:
    assert find_decision_by(sentence, THURSDAY, day_first=True) is None


# -- the company: a name, not a department, a sentence, an agency or a person -----------------

@pytest.mark.parametrize("name", ["Brightwell Human Resources", "Kestrel Campus",
                                  "Ostara Follow Up", "Halden Bad News", "Pinecrest Careers",
                                  "Vellum is hiring across the board", "🎉 Preselected",
                                  "4 Python", "Ravi Patel (Google Calendar", "Inc.", "GmbH"])
def test_what_is_no_company_name(name: str) -> None:
    assert company_problem(name) is not None


@pytest.mark.parametrize("name", ["Blue Shield of California", "Les Ateliers de Provence",
                                  "Farmacias del Ahorro", "3M", "thyssenkrupp Marine Systems",
                                  "Dick's Sporting Goods", "GDG on Campus Valencia"])
def test_a_company_name_with_small_words_is_kept(name: str) -> None:
    assert company_problem(name) is None


@pytest.mark.parametrize("name", ["Keystone Technical Staffing", "Harbor Talent Partners",
                                  "Beacon Search Group", "Nordlicht Personalberatung",
                                  "Cabinet de recrutement Azur"])
def test_an_agencys_name_is_known(name: str) -> None:
    assert is_agency_name(name)


def test_the_client_an_agency_names_is_the_company() -> None:
    agent = Person("Kevin Walsh", "kevin.walsh@harbortalent.example")
    first = record("application_received", _day(2), sender=agent, company="Lumen Health",
                   role="Financial Controller")
    later = [record(kind, _day(day), sender=agent, company="Harbor Talent Partners")
             for kind, day in (("status_update", 3), ("status_update", 4))]
    assert decided_company([first, *later]) == "Lumen Health"


def test_a_persons_name_read_as_the_company_is_left_out() -> None:
    sarah = Person("Sarah Bradley", "sarah.bradley@talentfirm.example")
    application = group_applications([record("interview_invitation", _day(2), sender=sarah,
                                              company="Sarah Bradley")], USER, now=_day(3))[0]
    facts = base_facts(application, USER, sarah)
    assert facts.company == ""
    assert any("a person in the thread" in source.source for source in facts.left_out())
    alone = group_applications([record("interview_invitation", _day(2), sender=sarah,
                                       company="Bradley")], USER, now=_day(3))[0]
    assert base_facts(alone, USER, sarah).company == ""


def test_a_squashed_domain_no_one_wrote_is_no_name() -> None:
    message = _message("Your application", "Thank you for applying.\n",
                       sender="Jobs <jobs@voyageursdumondeexpeditions.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) is None


def test_a_forwarded_note_in_the_thread_names_the_company_when_nothing_else_does() -> None:
    rachel = Person("Rachel Kim", "rachel.kim@halsteadvine.example")
    note = record("recruiter_outreach", _day(2), sender=rachel, company="Halstead & Vine")
    confirmation = record("interview_scheduled", _day(3), sender=rachel)
    assert decided_company([note, confirmation]) == "Halstead & Vine"
    named = record("interview_scheduled", _day(4), sender=rachel, company="Quillstone")
    assert decided_company([note, confirmation, named]) == "Quillstone"


@pytest.mark.parametrize("name", ["ENTRY-LEVEL WEB PROGRAMMER", "Junior Data Analyst"])
def test_a_job_title_is_no_company(name: str) -> None:
    assert company_problem(name) is not None


def test_a_name_word_that_opens_a_job_title_stays_with_the_job() -> None:
    message = _message("Next steps", "Thanks for your interest in the Birchwood Software "
                       "Development Engineer role.\n",
                       sender="Recruiting <recruiting@birchwood.example>")
    assert extract_company(message, {"lena.vogt@example.net"}) == "Birchwood"


@pytest.mark.parametrize("address, name", [
    ("careers@ucl.example", "UCL"), ("jobs@globalhr.example", None),
    ("jobs@tessellate.example", "Tessellate")])
def test_a_domain_no_one_wrote_out(address: str, name: str | None) -> None:
    message = _message("Your application", "Thank you for applying.\n",
                       sender=f"Careers <{address}>")
    assert extract_company(message, {"lena.vogt@example.net"}) == name


@pytest.mark.parametrize("subject, job", [
    ("Bewerbung als Teamleiter:in Kundenservice Nord", "Teamleiter:in Kundenservice Nord"),
    ("Ihre Bewerbung: Entwickler:in im Bereich Cloud", "Entwickler:in im Bereich Cloud"),
    ("Werkstudent Data Engineering - Eingangsbestätigung", "Werkstudent Data Engineering"),
    ("Candidature : Responsable logistique", "Responsable logistique"),
])
def test_more_of_the_job_after_the_noun(subject: str, job: str) -> None:
    assert extract_role(_message(subject, "Hallo,\n\ndanke.\n")) == job


# -- the contact: a person before a desk, never a do-not-reply address ------------------------

@pytest.mark.parametrize("desk", ["empleo", "recrutement", "karriere", "reclutamiento", "rrhh"])
def test_a_person_named_in_the_mail_comes_before_a_desk(desk: str) -> None:
    message = _message("Candidatura recibida", "Hola Lena,\n\nhemos recibido tu candidatura "
                       "para el puesto de Analista de Datos. Revisaremos tu perfil y te "
                       "contactaremos.\n\nNuria Campos\nCorreo: nuria.campos@orfeo.example\n",
                       sender=f"Grupo Orfeo <{desk}@orfeo.example>")
    judged = judge_message(message, ("lena.vogt@example.net",))
    assert judged.facts.contact == "nuria.campos@orfeo.example"


@pytest.mark.parametrize("local", ["nepasrepondre", "ne-pas-repondre", "no-responder",
                                   "nocontestar", "nicht-antworten"])
def test_a_do_not_reply_address_in_any_language_is_a_machine(local: str) -> None:
    assert is_machine_address(f"{local}@employer.example")


# -- a person's title given on a labelled line or under a signature's name is not the job ---

@pytest.mark.parametrize("text, name, title", [
    ("Le confirmamos la entrevista.\n\nEntrevistador: Marta Gil\nCargo: Jefa de Compras\n",
     "Marta Gil", "Jefa de Compras"),
    ("Your phone interview is set.\n\nInterviewer: Owen Hart\nTitle: Staff Data Engineer\n",
     "Owen Hart", "Staff Data Engineer"),
    ("Bienvenue parmi nous.\n\nCordialement,\nLéa Martin\nResponsable d'agence\n",
     "Léa Martin", "Responsable d'agence"),
])
def test_a_persons_title_on_its_own_line(text: str, name: str, title: str) -> None:
    message = _message("Entrevista", text, sender="Notificaciones <avisos@tienda.example>")
    assert (name, title) in people_titles(message)


def test_a_persons_message_through_a_job_network_names_no_company() -> None:
    message = _message("New message", "Hi Lena, are you open to a chat?\n",
                       sender="Neil Baxter via LinkedIn <messages-noreply@linkedin.com>")
    assert extract_company(message, {"lena.vogt@example.net"}) != "Neil Baxter"


@pytest.mark.parametrize("text, job", [
    ("We received your application for Data Engineer, Payments Platform, and will be in "
     "touch.", "Data Engineer, Payments Platform"),
    ("Thanks for your application for Support Engineer: Night Shift Team. We will look.",
     "Support Engineer: Night Shift Team"),
    ("Thank you for your application for the Solution Architect Schwerpunkt Cloud position.",
     "Solution Architect Schwerpunkt Cloud"),
    ("Thank you for your application for Backend Engineer at Tallis Foods.", "Backend Engineer"),
    ("Thanks for applying for Backend Engineer, and good luck.", "Backend Engineer"),
])
def test_a_job_named_after_its_frame_is_read_to_the_frames_end(text: str, job: str) -> None:
    assert extract_role(_message("Your application", f"Hi Lena,\n\n{text}\n")) == job
