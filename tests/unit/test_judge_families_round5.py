"""Issue 12, round five (session 6): families read across tests/corpus_real4's 130 sources
after that collection was scored blind twice and joined the real mail. Each family is a way
of saying one thing that several unrelated senders share; every example here is written in
our own words, none is a corpus message.
"""

from __future__ import annotations

import pytest

from followup.judge.classify import (
    IN_A_HIRING_THREAD,
    SURE_NEEDS_SIGNS,
    ThreadContext,
    judge_message,
    plainly_about_hiring,
    with_second_opinion,
)
from followup.judge.model import SURE_THRESHOLD, Signal
from followup.judge.prefilter import KnownThreads
from followup.mail.parse import parse_message
from followup.runner import _from_known_employer
from tests.unit.test_judge_families import ATS, ME, PERSON, judged, kind_of, mail

EMPLOYER = "Talent Team <talent@harbourline.example>"

# --- rejections ------------------------------------------------------------------------------
REJECTIONS = [
    # the no said of the application itself
    ("Dear Sam,\n\nThank you for the time you gave us. We are unable to move forward with "
     "your candidature for Warehouse Planner.\n\nKind regards", "Your application", "en"),
    ("Hello Sam,\n\nWe are not in a position to progress this application further, but we "
     "thank you for considering us.\n\nRecruitment", "Application status", "en"),
    # the job is filled or closed
    ("Bonjour Sam,\n\nLe poste de contrôleur de gestion est désormais pourvu. Merci pour "
     "l'intérêt porté à notre société.\n\nLe service RH", "Votre candidature", "fr"),
    ("Hola Sam,\n\nLa vacante de Analista Contable ya no está disponible. Te invitamos a "
     "postularte a otras ofertas.\n\nEquipo de Selección", "Tu postulación", "es"),
    ("Hallo Sam,\n\ndie Stelle als Projektleiter ist inzwischen besetzt. Vielen Dank für "
     "dein Interesse.\n\nViele Grüße", "Deine Bewerbung", "de"),
    # the next step not reached
    ("Hola Sam,\n\nTu postulación a Técnico de soporte no avanzó en esta oportunidad. "
     "Gracias por participar.\n\nSaludos", "Novedades de tu postulación", "es"),
    ("Bonjour Sam,\n\nSuite à l'épreuve écrite, vous n'avez pas atteint la moyenne requise "
     "pour poursuivre le recrutement.\n\nCordialement", "Résultat de l'épreuve", "fr"),
    # an unsolicited application answered with no vacancy
    ("Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Initiativbewerbung. Derzeit ist "
     "bei uns keine passende Stelle frei.\n\nMit freundlichen Grüßen", "Ihre Bewerbung", "de"),
    ("Bonjour,\n\nMerci pour votre candidature spontanée. Nous n'avons malheureusement pas "
     "de poste à pourvoir dans votre domaine.\n\nCordialement", "Candidature spontanée", "fr"),
    ("Hola Sam,\n\nGracias por enviarnos tu CV. Por ahora no tenemos vacantes disponibles "
     "para tu perfil.\n\nSaludos", "Tu candidatura", "es"),
    # not the right fit for this role now
    ("Hi Sam,\n\nWe enjoyed reading your application, even though it is not the right fit for "
     "the Senior Buyer role at this time. Can we keep your details?\n\nPeople Team",
     "Staying in touch", "en"),
]


@pytest.mark.parametrize(("body", "subject", "language"), REJECTIONS)
def test_a_no_in_new_words_is_a_rejection(body: str, subject: str, language: str) -> None:
    assert kind_of(mail(body, subject, EMPLOYER)) == "rejection"


def test_a_closed_job_in_the_subject_argues_for_a_rejection() -> None:
    body = "Hola Sam,\n\nGracias por tu interés. Te invitamos a ver otras vacantes.\n\nEquipo"
    assert kind_of(mail(body, "La vacante de Diseñador ha cerrado su proceso de selección",
                        EMPLOYER)) == "rejection"


# --- offers, said as the outcome -----------------------------------------------------------
OFFERS = [
    ("Hi Sam,\n\nCongratulations - you have been hired! Our people team will send the "
     "paperwork shortly.\n\nBest", "Application update"),
    ("Dear Sam,\n\nAn offer has been released for your application. Sign in to review it."
     "\n\nRecruiting", "Application status updated"),
    ("Estimado Sam,\n\nle informamos que ha sido seleccionado para el puesto de Auxiliar "
     "Administrativo. Preséntese el lunes para la firma de contrato.\n\nRRHH",
     "Resultado del proceso"),
    ("Hola Sam,\n\n¡Te seleccionaron para Cajero/a! La empresa se va a comunicar con vos "
     "por tu postulación.\n\nSaludos", "¡Buenas noticias!"),
    ("Bonjour Sam,\n\nVotre candidature au poste de technicien a été retenue. Nous vous "
     "contacterons pour finaliser les modalités de votre recrutement.\n\nLe service RH",
     "Félicitations"),
    ("Bonjour Sam,\n\nSuite à votre candidature au poste de vendeur : vous êtes embauché ! "
     "Bienvenue dans l'équipe.\n\nL'équipe", "Bonne nouvelle"),
    ("Guten Tag Sam,\n\nwir freuen uns, Ihnen die Stelle als Laborant anbieten zu dürfen. "
     "Den Vertrag senden wir separat.\n\nFreundliche Grüße", "Ihre Bewerbung"),
]


@pytest.mark.parametrize(("body", "subject"), OFFERS)
def test_the_hire_said_as_the_outcome_is_an_offer(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, EMPLOYER)) == "offer"


NOT_OFFERS = [
    # selected for a next stage, not for the job
    ("Hola Sam,\n\nhas sido seleccionado para la siguiente fase del proceso. Pronto te "
     "enviaremos la fecha de la entrevista.\n\nSaludos", "Tu postulación"),
    # kept at a shortlist, the next step still to come
    ("Bonjour Sam,\n\nVotre candidature a été retenue à l'issue de notre présélection. Nous "
     "reviendrons vers vous pour la prochaine étape.\n\nLe service RH", "Votre candidature"),
    # an offer made to someone else
    ("Dear Sam,\n\nAn offer has been extended to another candidate, so we are closing this "
     "search.\n\nRecruiting", "Your application"),
]


@pytest.mark.parametrize(("body", "subject"), NOT_OFFERS)
def test_a_next_stage_or_anothers_offer_is_no_offer(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, EMPLOYER)) != "offer"


# --- interviews ------------------------------------------------------------------------------
TO_ARRANGE = [
    ("Hallo Sam,\n\nkönnen wir ein Kennenlerngespräch per Teams für nächste Woche "
     "vereinbaren?\n\nGrüße", "Kennenlernen"),
    ("Hola Sam,\n\ngracias por tu postulación. Para la entrevista, elige el horario que te "
     "quede mejor en este enlace: https://cal.example/entrevista\n\nSaludos", "Entrevista"),
    ("Bonjour Sam,\n\npour votre entretien, choisissez le créneau qui vous convient dans "
     "notre agenda en ligne.\n\nCordialement", "Votre candidature"),
]


@pytest.mark.parametrize(("body", "subject"), TO_ARRANGE)
def test_an_interview_to_arrange_is_an_invitation(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, EMPLOYER)) == "interview_invitation"


SUMMONED = [
    ("Señor Rivera,\n\nusted se encuentra en nuestro proceso de selección; le pedimos que "
     "acuda a una entrevista en nuestra oficina el 12 de marzo de 2026 a las 9:00.\n\n"
     "Selección de Personal", "Citación"),
    ("Bonjour Sam,\n\nvotre entretien a été reporté au jeudi 12 mars 2026 à 14h00.\n\n"
     "Le service RH", "Votre candidature"),
]


@pytest.mark.parametrize(("body", "subject"), SUMMONED)
def test_summoned_to_an_interview_at_a_time_is_a_scheduled_interview(
        body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, EMPLOYER)) == "interview_scheduled"


def test_an_interview_named_with_one_time_to_come_is_scheduled() -> None:
    body = ("Dear Sam,\n\nA reminder of your interview with our operations team:\n"
            "Friday, 27 February 2026, 09:30\nHarbour Road 4, Leeds\n\nPeople Team")
    assert kind_of(mail(body, "Your interview - Shift Lead", EMPLOYER)) == \
        "interview_scheduled"


def test_a_replys_quoted_interview_time_sets_nothing() -> None:
    """A reply's subject and times are the first message's: "Re: Your interview on
    Tuesday at 10am" over news of where the process stands is no new interview."""
    body = ("Hi Sam,\n\nThe panel enjoyed meeting you. They have two more candidates to see, "
            "so it may take a while.\n\nDana")
    assert kind_of(mail(body, "Re: Your interview on Tuesday at 10am", PERSON)) != \
        "interview_scheduled"


# --- where the application stands -------------------------------------------------------------
STANDS = [
    ("Hi Sam,\n\nYour application for Data Analyst has progressed to the interview stage. A "
     "recruiter will reach out to schedule.\n\nCareers", "Application update"),
    ("Hola Sam,\n\n¡Quedaste entre los finalistas de Encargado/a de tienda! Seguí tu "
     "postulación desde tu panel.\n\nSaludos", "Novedades"),
    ("Hallo Sam,\n\ndanke für deine Bewerbung als Koch. Für die weitere Prüfung fehlen uns "
     "noch deine Zeugnisse. Kannst du sie nachreichen?\n\nGrüße", "Rückfrage zu deiner "
     "Bewerbung"),
    ("Hola Sam, por favor sube los documentos pendientes para continuar tu proceso.",
     "Documentos pendientes"),
]


@pytest.mark.parametrize(("body", "subject"), STANDS)
def test_where_the_application_stands_is_a_status_update(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, EMPLOYER)) == "status_update"


def test_a_receipt_that_asks_for_missing_documents_is_a_status_update() -> None:
    body = ("Bonjour Sam,\n\nNous avons bien reçu votre candidature pour le poste de juriste. "
            "Il manque cependant votre CV et vos diplômes : merci de nous les renvoyer.\n\n"
            "Le service RH")
    assert kind_of(mail(body, "Documents manquants - votre candidature", EMPLOYER)) == \
        "status_update"


# --- applications that are not for a job --------------------------------------------------------
NOT_A_JOB = [
    ("Bonjour Sam,\n\nMerci pour votre candidature au prix Jeunes Talents 2026. Nous ne "
     "pouvons malheureusement pas y donner une suite favorable cette année. À la prochaine "
     "édition !\n\nLe comité", "Votre candidature"),
    ("Bonjour Sam,\n\nVous êtes convoqué à un entretien d'admission pour le Bachelor "
     "Informatique le mardi 10 mars 2026 à 10h00.\n\nLe service des admissions",
     "Convocation"),
    ("Sehr geehrter Herr Rivera,\n\nwir freuen uns, Ihnen die 2-Zimmer-Wohnung in der "
     "Bachstraße anbieten zu können. Den Mietvertrag senden wir Ihnen zu.\n\nHausverwaltung",
     "Zusage"),
]


@pytest.mark.parametrize(("body", "subject"), NOT_A_JOB)
def test_a_prize_a_school_or_a_flat_is_not_a_job(body: str, subject: str) -> None:
    judgement = judged(mail(body, subject, EMPLOYER))
    assert judgement.kind == "other" or judgement.confidence < SURE_THRESHOLD


# --- a sure judgement needs the mail to be plainly about hiring -------------------------------
def test_one_sign_of_hiring_leaves_a_judgement_unsure() -> None:
    signals = [Signal("not selected", "rejection", 3.0),
               Signal("how clearly it is about hiring: 1", "other", 0.0)]
    assert plainly_about_hiring("rejection", 0.97, signals) < SURE_THRESHOLD
    signals[-1] = Signal(f"how clearly it is about hiring: {SURE_NEEDS_SIGNS}", "other", 0.0)
    assert plainly_about_hiring("rejection", 0.97, signals) == 0.97


def test_a_calendar_part_needs_no_words_of_hiring() -> None:
    signals = [Signal("calendar: METHOD:CANCEL", "interview_canceled", 4.0),
               Signal("how clearly it is about hiring: 0", "other", 0.0)]
    assert plainly_about_hiring("interview_canceled", 0.97, signals) == 0.97


def test_a_recruiters_no_in_a_recruiting_thread_is_sure_and_alone_is_not() -> None:
    body = ("Hi Sam,\n\nThanks again for your time. We have decided to go with another "
            "candidate whose background is closer to what we need.\n\nPriya")
    raw = mail(body, "Quick note", PERSON)
    alone = judge_message(parse_message(raw), ME)
    in_thread = judge_message(parse_message(raw), ME, thread=ThreadContext(recruiting=True))
    assert alone.kind == in_thread.kind == "rejection"
    assert in_thread.confidence >= SURE_THRESHOLD > alone.confidence


def test_an_ats_rejection_stays_sure() -> None:
    body = ("Dear Sam,\n\nThank you for applying for the Payroll Specialist position. After "
            "careful consideration, we have decided to move forward with other candidates "
            "whose experience more closely matches our needs.\n\nTalent Acquisition")
    judgement = judged(mail(body, "Your application to Harbourline", ATS))
    assert judgement.kind == "rejection" and judgement.confidence >= SURE_THRESHOLD


def test_a_person_at_an_employer_already_in_touch_is_a_sign_of_hiring() -> None:
    """Blind scenario 73: the recruiter who sent the scheduling link declines in a new
    thread, in few words; that she is at an employer the user is in touch with counts."""
    body = ("Hola Laura,\n\nGracias por tu tiempo. Al final hemos decidido seguir adelante con "
            "otra persona.\n\nUn abrazo,\nMarta")
    raw = mail(body, "Novedades", "Marta Vidal <marta@sargantana.example>")
    alone = judge_message(parse_message(raw), ME)
    known = judge_message(parse_message(raw), ME,
                          thread=ThreadContext(known_employer=True))
    assert known.kind == "rejection" and known.confidence >= SURE_THRESHOLD
    assert alone.kind != "rejection" or alone.confidence < SURE_THRESHOLD


def test_in_a_hiring_conversation_only_a_doubt_about_a_decision_counts() -> None:
    signals = [Signal("an answer promised by a date", "status_update", 3.0)]
    posterior = {"other": 0.6, "status_update": 0.2, "rejection": 0.2}
    _, doubted, _ = with_second_opinion("status_update", 0.97, list(signals), posterior)
    assert doubted < SURE_THRESHOLD
    _, kept, _ = with_second_opinion(
        "status_update", 0.97, [*signals, Signal(IN_A_HIRING_THREAD, "other", 0.0)], posterior)
    assert kept == 0.97
    # nor is its reading of another step of the process ...
    step = {"interview_scheduled": 0.7, "status_update": 0.1, "other": 0.2}
    _, kept, _ = with_second_opinion(
        "status_update", 0.97, [*signals, Signal(IN_A_HIRING_THREAD, "other", 0.0)], step)
    assert kept == 0.97
    # ... but a decision read by the model, or doubted, is still a doubt in a thread
    rival = {"rejection": 0.7, "status_update": 0.1, "other": 0.2}
    _, still, _ = with_second_opinion(
        "status_update", 0.97, [*signals, Signal(IN_A_HIRING_THREAD, "other", 0.0)], rival)
    assert still < SURE_THRESHOLD
    no = [Signal("not selected", "rejection", 3.0), Signal(IN_A_HIRING_THREAD, "other", 0.0)]
    _, doubted_no, _ = with_second_opinion("rejection", 0.97, no, step)
    assert doubted_no < SURE_THRESHOLD


def test_the_runner_knows_a_person_at_an_employer_in_touch_but_not_its_mailer() -> None:
    known = KnownThreads(domains={"sargantana.example"})
    person = parse_message(mail("Hola", "Hola", "Marta Vidal <marta@sargantana.example>"))
    mailer = parse_message(mail("Hola", "Hola", "Sargantana <noreply@sargantana.example>"))
    stranger = parse_message(mail("Hola", "Hola", "Ana <ana@otra.example>"))
    assert _from_known_employer(person, known)
    assert not _from_known_employer(mailer, known)
    assert not _from_known_employer(stranger, known)


def test_a_person_at_the_company_a_receipt_named_is_at_a_known_employer() -> None:
    """Session 7, blind scenario 76: an applicant tracker's receipt names the company; its
    hiring manager then writes from the company's own domain, never seen before."""
    known = KnownThreads(companies={"harbour line logistics"})
    raw = mail("Hi Sam,\n\nWould Tuesday at 3pm work for a call?\n\nDana", "A conversation",
               "Dana Ito <dana@harbourline.example>")
    assert _from_known_employer(parse_message(raw), known)
    other = mail("Hi Sam,\n\nWould Tuesday at 3pm work?\n\nDana", "A conversation",
                 "Dana Ito <dana@quayside.example>")
    assert not _from_known_employer(parse_message(other), known)
