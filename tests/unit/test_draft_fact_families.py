"""The facts that reach a draft, family by family (issue 13, "What the recipient reads"):
a role as the job ad names it, whole, and nothing else; a company that is the employer,
not the tool that wrote for it; an answer date read in the writer's words."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

import pytest

from followup.judge.deadlines import find_decision_by
from followup.judge.names import extract_role
from followup.judge.plausible import draft_role, role_problem
from followup.mail.parse import parse_message
from followup.mail.senders import is_tool_name


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
