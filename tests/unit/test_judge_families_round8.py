"""Issue 12, round eight (session 8): families read across the train half of
tests/corpus_real8 (its held-back half never opened) and the fifth set of blind mailbox
scenarios (96-125, after their first run). Each family is a way of saying one thing that
several unrelated senders share; every example here is written in our own words, none is a
corpus message or a scenario's.
"""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

import pytest

from followup.judge.deadlines import find_decision_by
from followup.judge.facts import future_moments
from followup.judge.names import extract_company
from followup.mail.parse import parse_message
from tests.unit.test_judge_families import ME, judged, kind_of, mail

HR_DE = "Personalabteilung <bewerbung@moorfeld-werke.example>"
HR_FR = "Recrutement <recrutement@atelier-verdier.example>"
HR_ES = "Selección <seleccion@andina-textiles.example>"
BOARD = "Stellenportal <noreply@stellenportal-nord.example>"
FOUNDER = "Jakob Berger <jakob@elbfaehre-studio.example>"


# --- a job board says the application was sent, with the job and employer in between -------
@pytest.mark.parametrize(("body", "subject"), [
    ("Hallo Sam,\n\ndeine Bewerbung als Mediengestalter (w/m/d) bei Elbfähre Studio GmbH wurde "
     "erfolgreich versendet. Das Unternehmen meldet sich direkt bei dir.\n\nDein Portal-Team",
     "Deine Bewerbung bei Elbfähre Studio wurde versendet"),
    ("Bonjour Sam,\n\nvotre candidature pour le poste de Comptable chez Verdier a bien été "
     "envoyée.\n\nL'équipe", "Candidature envoyée"),
    ("Hi Sam,\n\nYour application for Line Cook at Harbor Grill was sent to the employer.\n",
     "Application sent"),
])
def test_a_board_says_the_application_was_sent(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, BOARD)) == "application_received"


def test_a_boards_list_of_items_sent_names_the_employer() -> None:
    raw = mail("Application submitted\n\nPlant Chemist\nBirchwood Coatings - Dayton, OH\n\n"
               "The following items were sent to Birchwood Coatings:\n  - Resume\n\nJobs you "
               "might like\nLab Tech - Nova Labs\n", "Indeed Application: Plant Chemist",
               "Indeed Apply <indeedapply@indeed.com>")
    judgement = judged(raw)
    assert judgement.kind == "application_received"
    assert judgement.facts.company == "Birchwood Coatings"


# --- a day and time asked about is an interview proposed -----------------------------------
@pytest.mark.parametrize(("body", "sender"), [
    ("Hallo Sam,\n\ndanke für deine Bewerbung! Magst du zu einem Gespräch bei uns vorbeikommen? "
     "Hättest du am Dienstag, 9. März, um 15 Uhr Zeit?\n\nJakob", FOUNDER),
    ("Bonjour Sam,\n\nmerci pour ta candidature. Serais-tu disponible jeudi à 16 h pour un "
     "premier échange ?\n\nClaire", "Claire Noël <claire@atelier-verdier.example>"),
])
def test_a_day_and_time_asked_about_proposes_an_interview(body: str, sender: str) -> None:
    assert kind_of(mail(body, "Deine Bewerbung", sender)) in ("interview_invitation",
                                                                "interview_scheduled")


# --- an agency puts the candidacy to its client, who is the company ------------------------
def test_an_agency_puts_the_dossier_to_its_client() -> None:
    raw = mail("Guten Tag Herr Rivera\n\nwie besprochen habe ich Ihr Dossier mit Ihrem "
               "Einverständnis unserem Mandanten, der Aarewerk Pharma AG in Bern, für die "
               "Position Laborleiter vorgestellt.\n\nFreundliche Grüsse\nUrs Keller",
               "Laborleiter - Ihr Dossier", "Urs Keller <urs.keller@bernstaff-personal.example>")
    judgement = judged(raw)
    assert judgement.kind == "application_received"
    assert judgement.facts.company == "Aarewerk Pharma"


# --- a German dotted time range --------------------------------------------------------------
def test_a_dotted_time_range_starts_at_its_first_time() -> None:
    raw = mail("Guten Tag\n\nIhr Gespräch:\nDatum: Mittwoch, 10. März 2027\nZeit: 9.30 - "
               "10.30 Uhr\nOrt: Empfang\n", "Vorstellungsgespräch", HR_DE)
    moments = future_moments(parse_message(raw), "de")
    assert moments and (moments[0].start.hour, moments[0].start.minute) == (9, 30)
    assert moments[0].end is not None and moments[0].end.hour == 10


# --- who holds the interview -----------------------------------------------------------------
def test_a_french_interviewer_after_m_dot() -> None:
    raw = mail("Madame,\n\nnous vous convions à un entretien avec M. Hugo Ferrand, responsable "
               "comptable, le mardi 9 mars à 10h00.\n\nCordialement", "Entretien", HR_FR)
    assert [p.name for p in judged(raw).facts.interviewers] == ["Hugo Ferrand"]


def test_a_project_with_capitalised_words_is_no_interviewer() -> None:
    raw = mail("Hallo Sam,\n\ndein Portfolio gefällt uns, vor allem das Projekt mit den "
               "Hamburger Hafen-Karten. Hättest du am Dienstag, 9. März, um 15 Uhr Zeit?\n\n"
               "Jakob", "Gespräch", FOUNDER)
    assert all("Hafen" not in p.name for p in judged(raw).facts.interviewers)


@pytest.mark.parametrize("body", [
    "Hi Sam,\n\nwe'd love a chat over Zoom - it will be me and Priya Nair, our Head of Data. "
    "I've sent an invite for Tuesday 9 March at 2pm.\n\nLouise",
    "Sehr geehrte Frau Rivera,\n\nich würde Sie gerne zu einem Gespräch einladen, gemeinsam mit "
    "Frau Priya Nair (Leiterin Daten), am Dienstag, 9. März, von 14:00 bis 15:00 Uhr.\n\n"
    "Louise Brandt",
])
def test_the_writer_who_takes_part_is_an_interviewer(body: str) -> None:
    raw = mail(body, "Interview", "Louise Brandt <louise.brandt@kestrelwerk.example>")
    emails = {p.email for p in judged(raw).facts.interviewers}
    assert "louise.brandt@kestrelwerk.example" in emails


# --- the middle of a week --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Wir melden uns bis Mitte nächster Woche bei dir.", date(2027, 5, 5)),
    ("We'll get back to you by the middle of next week.", date(2027, 5, 5)),
    ("Nous reviendrons vers vous d'ici le milieu de la semaine prochaine.", date(2027, 5, 5)),
])
def test_the_middle_of_next_week_is_its_wednesday(text: str, expected: date) -> None:
    # written on Friday 30 April 2027
    assert find_decision_by(text, date(2027, 4, 30), day_first=True) == expected


def test_an_answer_by_the_middle_of_next_week_is_a_status_update() -> None:
    raw = mail("Hey Sam,\n\ndanke für das Gespräch gestern! Wir sprechen noch mit zwei weiteren "
               "Leuten und melden uns bis Mitte nächster Woche bei dir.\n\nMia", "Re: Interview",
               "Mia Krüger <mia@kranwerk.example>")
    assert kind_of(raw) == "status_update"


# --- the job given, in German and English ----------------------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Sehr geehrte Frau Rivera,\n\nwir freuen uns, Ihnen mitzuteilen, dass wir Sie für die Stelle "
     "Sachbearbeiterin Vergabe ausgewählt haben. Ihr voraussichtlicher Starttermin ist der "
     "1. Juni.\n\nIhre Personalabteilung", "Zusage - Sachbearbeiterin Vergabe", HR_DE),
    ("Hallo Sam,\n\nsuper Neuigkeiten: Wir möchten dich als Auszubildenden einstellen! Den "
     "Vertrag besprechen wir nächste Woche.\n\nGrüße\nJakob", "Willkommen bei uns", FOUNDER),
    ("Dear Sam,\n\nWe have selected you for the position of Site Planner and would like to "
     "discuss a start date.\n\nKind regards", "Your application", "HR <hr@birchwood.example>"),
])
def test_the_job_given_is_an_offer(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "offer"


def test_chosen_for_the_interview_is_no_offer() -> None:
    raw = mail("Sehr geehrte Frau Rivera,\n\nSie wurden für das Gespräch ausgewählt. Bitte wählen "
               "Sie einen Termin.\n\nIhre Personalabteilung", "Ihre Bewerbung", HR_DE)
    assert kind_of(raw) != "offer"


# --- tests in French and the threshold not reached -------------------------------------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Bonjour,\n\nSuite à notre échange, voici les tests techniques pour la suite du processus. "
     "Chaque exercice prend environ deux heures.\n\nCordialement", "Alternance - tests"),
    ("Bonjour,\n\nVotre dossier a retenu notre attention. Passez maintenant le quiz technique "
     "(30 minutes, 40 questions) pour continuer.\n\nRecrutement", "Quiz disponible"),
])
def test_a_french_test_is_an_assessment(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, HR_FR)) == "assessment"


@pytest.mark.parametrize(("body", "sender"), [
    ("Bonjour,\n\nVotre score au test en ligne n'a pas atteint le seuil requis pour poursuivre "
     "le processus.\n\nRecrutement", HR_FR),
    ("Hi Sam,\n\nYour result on the online assessment did not meet the minimum score to move "
     "forward in the process.\n\nTalent Team", "Talent <talent@birchwood.example>"),
])
def test_a_threshold_not_reached_is_a_rejection(body: str, sender: str) -> None:
    assert kind_of(mail(body, "Résultat / Result", sender)) == "rejection"


# --- shortlisted, or a test passed, the interview still to plan ------------------------------
@pytest.mark.parametrize(("body", "sender"), [
    ("Hi Sam,\n\nYour application for the Site Planner position has been shortlisted for the "
     "next steps. Our team will reach out to discuss interview times.\n\nBirchwood",
     "Careers <careers@birchwood.example>"),
    ("Bonjour Sam,\n\nVous avez réussi le test en ligne. L'entretien sera planifié "
     "prochainement.\n\nRecrutement", HR_FR),
])
def test_shortlisted_with_the_interview_to_plan_is_a_status_update(body: str,
                                                                    sender: str) -> None:
    assert kind_of(mail(body, "Update on your application", sender)) == "status_update"


# --- an interview put off, a new date to come ------------------------------------------------
@pytest.mark.parametrize(("body", "sender"), [
    ("Hola Sam,\n\nTe informamos que tu entrevista ha sido postergada porque la jefa de área no "
     "estará. Te contactaremos para confirmar los detalles.\n\nSelección", HR_ES),
    ("Bonjour,\n\nVotre entretien a été reporté. Nous reviendrons vers vous avec une nouvelle "
     "date.\n\nRecrutement", HR_FR),
])
def test_an_interview_put_off_without_a_new_time_is_canceled(body: str, sender: str) -> None:
    assert kind_of(mail(body, "Entrevista / Entretien", sender)) == "interview_canceled"


def test_an_interview_moved_to_a_new_time_is_still_scheduled() -> None:
    raw = mail("Bonjour,\n\nVotre entretien a été reporté au jeudi 11 mars à 14h00, au même "
               "endroit.\n\nRecrutement", "Entretien reporté", HR_FR)
    assert kind_of(raw) == "interview_scheduled"


# --- applications and appointments that are no job -------------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hallo Sam,\n\nleider konnten wir deinen Terminwunsch nicht bestätigen:\nDienstleistung: "
     "Pediküre\nBeginn: 12.03.2026, 10:00 Uhr\n", "Dein Terminwunsch", "Studio <termine@studio-"
     "rosa.example>"),
    ("¡Hola Sam!\n\nEscríbenos para agendar tu entrevista de registro y verificación de tu "
     "negocio.\n", "Agenda tu entrevista", "Red Negocios <hola@red-negocios.example>"),
])
def test_a_booking_or_a_registry_interview_is_no_job(body: str, subject: str,
                                                    sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "other"


def test_a_salon_may_still_hire() -> None:
    raw = mail("Hola Sam,\n\nTu postulación para Estilista en Peluquería Brisa avanzó: el "
               "proceso de selección ha iniciado y el negocio te contactará para una "
               "entrevista.\n", "Proceso de selección iniciado", "Empleos <avisos@empleos-"
               "brisa.example>")
    assert kind_of(raw) != "other"


# --- grouping: a trade's short form in the domain --------------------------------------------
def test_a_trade_short_form_in_the_domain_names_the_company() -> None:
    message = EmailMessage()
    message["From"] = "Ines Moreau <ines.moreau@bluecovetx.example>"
    message["To"] = "Sam Rivera <sam.rivera@example.org>"
    message["Subject"] = "Bluecove Therapeutics - Data Manager"
    message["Date"] = "Wed, 25 Feb 2026 10:00:00 -0500"
    message.set_content("Hi Sam,\n\nThanks for applying. Could you do a call on Friday?\n\nInes")
    assert extract_company(parse_message(message.as_bytes()), set(ME)) == \
        "Bluecove Therapeutics"


# --- after the interview, an answer within a period; an agency's "meinem Mandanten" ---------
@pytest.mark.parametrize(("body", "sender"), [
    ("Sehr geehrter Herr Rivera,\n\nvielen Dank für das angenehme Gespräch gestern. Wir sprechen "
     "noch mit anderen und melden uns innerhalb der nächsten zwei Wochen.\n\nIhre Personal",
     HR_DE),
    ("Hi Sam,\n\nThanks again for your time on Tuesday. We'll get back to you within the next "
     "ten days.\n\nLena", "Lena Hart <lena@birchwood.example>"),
])
def test_an_answer_within_a_period_after_the_interview(body: str, sender: str) -> None:
    assert kind_of(mail(body, "Re: Interview", sender)) == "status_update"


def test_a_receipt_that_promises_an_answer_within_a_period_stays_a_receipt() -> None:
    raw = mail("Hallo Sam,\n\ndanke für deine Bewerbung als Grafiker! Wir sehen uns deine "
               "Unterlagen an und melden uns innerhalb von zwei Wochen.\n\nDein Team",
               "Danke für deine Bewerbung", HR_DE)
    assert kind_of(raw) == "application_received"


def test_an_agency_names_its_client_after_meinem_mandanten() -> None:
    raw = mail("Sehr geehrter Herr Rivera,\n\nich habe Ihr Profil meinem Mandanten, der Neckartal "
               "Werkzeugbau AG in Esslingen, für die Position Leiter Einkauf vorgestellt.\n\n"
               "Thomas Lang", "Leiter Einkauf", "Thomas Lang <t.lang@lang-consulting.example>")
    assert judged(raw).facts.company == "Neckartal Werkzeugbau"


def test_an_agencys_name_fitting_its_domain_does_not_outvote_the_client() -> None:
    # grouping reads "harborlighttx" as Harborlight Therapeutics; deciding the company does
    # not let "Kessler & Partner" at kessler-partner.example outvote the client it names
    from followup.track.names import company_abbreviated_in_domain, company_matches_domain
    assert company_abbreviated_in_domain("harborlight therapeutics", "harborlighttx.example")
    assert not company_matches_domain("kessler and partner", "kessler-partner.example")


# --- a board's receipt names where the application went; a board's tip is no date ----------
@pytest.mark.parametrize(("body", "company"), [
    ("Hallo Sam,\n\nIhre Bewerbung wurde erfolgreich an Havelblick Logistik GmbH versendet:\n"
     "Disponent (m/w/d) - Potsdam\n", "Havelblick Logistik"),
    ("Bonjour Sam,\n\nVotre candidature a bien été envoyée à Atelier Verdier pour le poste de "
     "Comptable.\n", "Atelier Verdier"),
])
def test_a_boards_receipt_names_the_employer_it_went_to(body: str, company: str) -> None:
    assert judged(mail(body, "Bewerbung versendet / Candidature envoyée", BOARD)).facts.company \
        == company


@pytest.mark.parametrize("text", [
    "Unternehmen melden sich meist innerhalb von zwei Wochen.",
    "Les entreprises répondent généralement sous deux semaines.",
    "Las empresas normalmente responden en dos semanas.",
])
def test_a_boards_usual_delay_is_no_decision_date(text: str) -> None:
    assert find_decision_by(text, date(2027, 1, 25), day_first=True) is None
    # the same said without the hedge is a date: the hedge is what makes it none
    for hedge in ("meist ", "généralement ", "normalmente "):
        text = text.replace(hedge, "")
    assert find_decision_by(text, date(2027, 1, 25), day_first=True) == date(2027, 2, 8)


def test_a_plain_rejection_in_the_conversation_stands_when_the_model_reads_nothing() -> None:
    from followup.judge.classify import ThreadContext, judge_message
    from followup.mail.parse import parse_message
    raw = mail("Salut Sam,\n\nMerci encore pour ton temps mardi. Malheureusement, on a décidé "
               "d'aller de l'avant avec une autre personne qui a déjà livré un jeu sur console."
               "\n\nMaxime", "Re: Développeuse Unity", "Maxime <maxime@pixelnord.example>")
    judgement = judge_message(parse_message(raw), ME, thread=ThreadContext(recruiting=True))
    assert judgement.kind == "rejection" and judgement.sure
