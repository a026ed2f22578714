"""Issue 12 and 13, session 7: the families behind the blind scenarios that still waited for
the user's word (a debrief that promises an answer, read right but unsure). Every example
is written in our own words; none is a scenario's or a corpus's message.
"""

from __future__ import annotations

import pytest

from followup.judge.classify import (
    IN_A_HIRING_THREAD,
    ThreadContext,
    judge_message,
    with_second_opinion,
)
from followup.judge.model import SURE_THRESHOLD, Signal
from followup.mail.parse import parse_message
from tests.unit.test_judge_families import ME, mail

RECRUITER = "Priya Shah <priya@lanternsearch.example>"
HR = "Jonas Keller <j.keller@moorfeld-werke.example>"


def _judge(raw: bytes, **thread: bool):  # type: ignore[no-untyped-def]
    return judge_message(parse_message(raw), ME, thread=ThreadContext(**thread))


def _signal(judgement, name: str) -> Signal:  # type: ignore[no-untyped-def]
    return next(signal for signal in judgement.signals if signal.name == name)


# --- a reply's subject names the time of the interview, not news -----------------------------
def test_a_time_named_only_in_a_replys_subject_weighs_as_that_subject() -> None:
    body = ("Hi Sam,\n\nQuick update: I spoke with the hiring manager this morning. She liked "
            "your answers on budgeting, and they still have two more candidates to see, so "
            "it may be a little while.\n\nPriya")
    reply = _judge(mail(body, "Re: Interview confirmed - Fenwick Foods, Tuesday 3pm",
                        RECRUITER), recruiting=True)
    fresh = _judge(mail(body, "Interview confirmed - Fenwick Foods, Tuesday 3pm", RECRUITER),
                   recruiting=True)
    assert reply.kind == "status_update"
    assert _signal(reply, "one concrete date and time").weight < \
        _signal(fresh, "one concrete date and time").weight
    assert reply.confidence > fresh.confidence or fresh.kind != "status_update"


def test_a_time_in_a_replys_body_still_counts_whole() -> None:
    body = ("Hi Sam,\n\nWe have moved your interview to Thursday, February 26 at 2:00 PM "
            "Eastern. The video link stays the same.\n\nPriya")
    judgement = _judge(mail(body, "Re: Interview - Fenwick Foods", RECRUITER), recruiting=True)
    assert _signal(judgement, "one concrete date and time").weight == 1.5


# --- an answer promised by a date, in someone else's name ------------------------------------
@pytest.mark.parametrize("sentence", [
    "He told me they will make a decision by Friday.",
    "The panel meets on Monday, and she'll get back to me by Wednesday.",
    "They'll let us know by the end of next week.",
])
def test_an_answer_promised_in_the_clients_name_is_a_dated_status_update(sentence: str) -> None:
    body = (f"Hi Sam,\n\nI caught up with the client after your interview. {sentence} I'll "
            "call you as soon as I hear anything.\n\nPriya\nSenior Consultant, Lantern Search")
    judgement = _judge(mail(body, "Fenwick Foods feedback", RECRUITER), known_employer=True)
    assert judgement.kind == "status_update"
    assert judgement.confidence >= SURE_THRESHOLD
    assert judgement.facts.decision_by is not None


# --- others still to be met, and an answer to come, in German, French and Spanish ------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Sehr geehrter Herr Rivera,\n\nherzlichen Dank für das Gespräch. Wir führen derzeit "
     "noch weitere Gespräche und geben Ihnen innerhalb von zehn Tagen eine Rückmeldung.\n\n"
     "Mit freundlichen Grüßen\nJonas Keller", "AW: Ihr Vorstellungsgespräch"),
    ("Bonjour Sam,\n\nMerci encore pour cet échange. Nous rencontrons encore d'autres "
     "candidats cette semaine et nous vous ferons un retour rapidement.\n\nBien à vous\n"
     "Jonas Keller", "RE: Entretien"),
    ("Hola Sam:\n\nGracias por la entrevista del lunes. Seguimos entrevistando a otros "
     "perfiles y aún no hemos tomado una decisión.\n\nSaludos,\nJonas Keller",
     "RE: Entrevista"),
])
def test_others_still_to_be_met_and_an_answer_to_come_are_a_sure_update_in_the_thread(
        body: str, subject: str) -> None:
    judgement = _judge(mail(body, subject, HR), recruiting=True)
    assert judgement.kind == "status_update"
    assert judgement.confidence >= SURE_THRESHOLD


def test_a_german_receipt_that_promises_an_answer_stays_a_receipt() -> None:
    body = ("Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Bewerbung als Lagerlogistiker. "
            "Wir haben Ihre Unterlagen erhalten und geben Ihnen innerhalb von drei Wochen eine "
            "Rückmeldung.\n\nIhr Recruiting-Team")
    assert _judge(mail(body, "Eingangsbestätigung Ihrer Bewerbung", HR)).kind == \
        "application_received"


# --- the thread counts for a person at an employer already in touch, in a new thread -------
def test_a_person_at_a_known_employer_writes_inside_the_conversation() -> None:
    body = "Hallo Sam,\n\nkurzer Zwischenstand: wir sprechen noch mit zwei Personen.\n\nJonas"
    judgement = _judge(mail(body, "Zwischenstand", HR), known_employer=True)
    assert any(signal.name == IN_A_HIRING_THREAD for signal in judgement.signals)
    alone = _judge(mail(body, "Zwischenstand", HR))
    assert not any(signal.name == IN_A_HIRING_THREAD for signal in alone.signals)


# --- a decision still to come is no rejection, unless the model believes it is -------------
def test_a_model_that_only_leans_to_a_rejection_does_not_doubt_a_dated_answer() -> None:
    signals = [Signal("an answer promised by a date", "status_update", 3.0),
               Signal(IN_A_HIRING_THREAD, "other", 0.0)]
    leaning = {"rejection": 0.3, "other": 0.28, "status_update": 0.22, "offer": 0.2}
    _, kept, _ = with_second_opinion("status_update", 0.97, list(signals), leaning)
    assert kept == 0.97
    believing = {"rejection": 0.7, "status_update": 0.1, "other": 0.2}
    _, doubted, _ = with_second_opinion("status_update", 0.97, list(signals), believing)
    assert doubted < SURE_THRESHOLD
    # a rule's word of a rejection keeps the doubt, however lightly the model leans
    worded = [*signals, Signal("other candidates chosen", "rejection", 1.0)]
    _, doubted, _ = with_second_opinion("status_update", 0.97, worded, leaning)
    assert doubted < SURE_THRESHOLD
    # and outside a conversation about an application nothing changes
    _, doubted, _ = with_second_opinion("status_update", 0.97, signals[:1], leaning)
    assert doubted < SURE_THRESHOLD


# --- an interview agreed by email: the proposal, and the link sent for it --------------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Hola Sam:\n\nSoy del equipo de Selección de Ferrovial Norte. ¿Tendría disponibilidad el "
     "jueves 5 de marzo a las 11 hs para una entrevista por Teams conmigo?\n\nSaludos,\nJonas",
     "Entrevista - Analista de Compras"),
    ("Salut Sam,\n\nMerci pour ta candidature pour le poste de Data Analyst ! Je te propose "
     "qu'on en parle en visio\njeudi 5 mars à 11h, pour une demi-heure. Ça te va ?\n\nJonas",
     "On s'appelle ?"),
])
def test_a_talk_proposed_with_its_one_time_is_an_invitation(body: str, subject: str) -> None:
    judgement = _judge(mail(body, subject, HR), known_employer=True)
    assert judgement.kind == "interview_invitation"
    assert judgement.confidence >= SURE_THRESHOLD


def test_an_offer_asking_for_a_call_about_its_details_is_no_invitation() -> None:
    body = ("Hola Sam,\n\nNos alegra informarte que has sido seleccionado para el puesto de "
            "Analista Contable. Confírmanos si tienes disponibilidad para una llamada esta "
            "semana para revisar los detalles de la oferta.\n\nSaludos")
    assert _judge(mail(body, "Oferta de empleo", HR)).kind != "interview_invitation"


@pytest.mark.parametrize("body", [
    "Great, thanks! Here's the link for Tuesday:\n\nhttps://acme.zoom.us/j/812345678\n\nPriya",
    "Parfait ! Voilà le lien : https://meet.google.com/abc-defg-hij\n\nJonas",
    "Perfecto, le comparto el enlace para el martes: https://meet.google.com/abc-defg-hij",
    "Super, bis dann! Hier der Link: https://teams.microsoft.com/l/meetup-join/19%3a",
])
def test_the_link_for_an_agreed_meeting_sets_the_interview_in_the_conversation(body: str) -> None:
    judgement = _judge(mail(body, "Re: Interview", HR), recruiting=True)
    assert judgement.kind == "interview_scheduled"
    assert judgement.confidence >= SURE_THRESHOLD


def test_here_is_the_link_without_a_meeting_address_is_not_the_cue() -> None:
    body = "Hi Sam,\n\nHere's the link to our careers page: https://acme.example/careers\n"
    judgement = _judge(mail(body, "Re: Interview", HR), recruiting=True)
    assert not any(signal.name == "the meeting's link sent" for signal in judgement.signals)


# --- a reply too short to show its language does not choose the reply's language ------------
def test_a_short_reply_with_a_link_shows_no_language() -> None:
    from followup.judge.language import read_language

    assert read_language("Top ! Voilà le lien : https://meet.google.com/abc\n\nJonas") == \
        ("en", False)
    assert read_language("Merci pour ta candidature, je te propose qu'on en discute "
                         "jeudi.") == ("fr", True)
    judgement = _judge(mail("Top ! Voilà le lien : https://meet.google.com/abc\n\nJonas",
                            "Re: Cabane", HR))
    assert judgement.facts.language_shown is False


# --- more ways to promise an answer by a date -----------------------------------------------
@pytest.mark.parametrize(("body", "subject", "due"), [
    ("Hi Sam,\n\nThanks for attending the interview. The panel is meeting two more "
     "candidates, and we will revert with the final feedback by Friday, 6th March.\n\n"
     "Regards,\nJonas", "RE: Technical Interview", "2026-03-06"),
    ("Hola Sam:\n\nGracias por tu tiempo ayer. Te damos una respuesta a más tardar el viernes "
     "6 de marzo.\n\nSaludos,\nJonas", "Re: Entrevista", "2026-03-06"),
    ("Hey Sam,\n\nwir sprechen noch mit einer weiteren Person und geben dir bis Freitag "
     "(6.3.) Bescheid.\n\nLG Jonas", "Re: Nachfrage", "2026-03-06"),
])
def test_an_answer_promised_by_a_date_in_more_words(body: str, subject: str, due: str) -> None:
    judgement = _judge(mail(body, subject, HR), recruiting=True)
    assert judgement.kind == "status_update"
    assert judgement.confidence >= SURE_THRESHOLD
    assert str(judgement.facts.decision_by) == due


# --- the writer who names themself among the interviewers ------------------------------------
@pytest.mark.parametrize("sentence", [
    "An dem Gespräch nehmen Herr Dr. Felix Roth (Teamleiter IT) und ich teil.",
    "Ihre Gesprächspartner sind Herr Felix Roth, Leiter IT (felix.roth@moorfeld-werke.example),"
    " und die Unterzeichnende.",
])
def test_the_writer_who_takes_part_is_an_interviewer(sentence: str) -> None:
    body = (f"Sehr geehrter Herr Rivera,\n\nwir laden Sie zu einem Vorstellungsgespräch am "
            f"Donnerstag, 5. März 2026, um 10:00 Uhr ein. {sentence}\n\nMit freundlichen "
            f"Grüßen\nJonas Keller\nPersonalreferent")
    judgement = _judge(mail(body, "Einladung zum Vorstellungsgespräch", HR))
    names = {person.name for person in judgement.facts.interviewers}
    assert "Felix Roth" in names
    assert "Jonas Keller" in names


# --- the user's own follow-up in French, German and Spanish; a French debrief --------------
@pytest.mark.parametrize("body", [
    "Bonjour Madame Roy,\n\nJe me permets de faire un suivi concernant le poste d'analyste. "
    "Pourriez-vous me dire si une décision a été prise ?\n\nCordialement,\nSam",
    "Hallo Frau Roth,\n\ngibt es schon Neuigkeiten zu meiner Bewerbung als Analyst?\n\nViele "
    "Grüße\nSam",
    "Hola Ana:\n\nQuería consultar el estado de mi candidatura para el puesto de analista.\n\n"
    "Saludos,\nSam",
])
def test_the_users_own_follow_up_in_other_languages(body: str) -> None:
    raw = mail(body, "Suivi", "Sam Rivera <sam.rivera@example.org>")
    assert judge_message(parse_message(raw), ME).kind == "user_follow_up"


def test_a_french_debrief_with_a_decision_date_is_a_sure_update() -> None:
    body = ("Bonjour Sam,\n\nMerci pour votre disponibilité hier. Mme Roy rencontre encore deux "
            "candidats cette semaine; nous prévoyons prendre une décision d'ici le vendredi "
            "6 mars.\n\nCordialement,\nJonas Keller")
    judgement = _judge(mail(body, "RE: Entrevue", HR), recruiting=True)
    assert judgement.kind == "status_update"
    assert judgement.confidence >= SURE_THRESHOLD
    assert str(judgement.facts.decision_by) == "2026-03-06"


def test_an_agency_that_names_its_client_before_putting_the_candidacy_forward() -> None:
    body = ("Hola Sam,\n\nUn placer hablar contigo. El proceso es para nuestro\ncliente Cerámicas "
            "Norte, que busca un Jefe de Compras.\n\nHe presentado tu candidatura y les ha "
            "gustado mucho.\n\nUn abrazo,\nPia Lund\nKeystone Search")
    judgement = _judge(mail(body, "Jefe de Compras - Cerámicas Norte",
                            "Pia Lund <pia@keystone-search.example>"))
    assert judgement.kind == "application_received"
    assert judgement.facts.company == "Cerámicas Norte"


# --- applications, selections and interviews that are no job ---------------------------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Dear Sam,\n\nThank you for submitting your application to the Emerging Artists grant "
     "program. Applications are assessed by a peer review panel.\n\nThe Arts Council",
     "Application received"),
    ("Hi Sam,\n\nThe program committee has selected your proposal for our autumn conference. "
     "Please book a speaker prep call with me.\n\nJonas", "Your talk has been accepted"),
    ("Hi Sam,\n\nI'm a producer with City Radio. Would Tuesday at 3 PM work for a pre-taped "
     "phone interview about your studio?\n\nJonas", "Interview request"),
])
def test_a_grant_a_talk_and_a_radio_interview_are_no_job(body: str, subject: str) -> None:
    judgement = _judge(mail(body, subject, HR))
    assert judgement.kind not in ("application_received", "interview_invitation",
                                  "interview_scheduled") or \
        judgement.confidence < SURE_THRESHOLD


def test_an_equity_grant_in_an_offer_is_no_grant_application() -> None:
    body = ("Dear Sam,\n\nWe are delighted to offer you the position of Data Engineer with a "
            "base salary of $140,000 and an equity grant of 5,000 options.\n\nJonas")
    assert _judge(mail(body, "Offer of employment", HR)).kind == "offer"


@pytest.mark.parametrize("sentence", [
    "They still have a couple of people to meet, so it could be a while. I'll keep chasing "
    "them for you.",
    "No decision yet; I'm chasing the client for feedback and will call you.",
])
def test_a_recruiter_chasing_the_client_is_a_sure_update(sentence: str) -> None:
    body = f"Morning Sam,\n\nQuick update: the panel enjoyed meeting you. {sentence}\n\nPriya"
    judgement = _judge(mail(body, "Re: Interview confirmed - Fenwick Foods, Tuesday 3pm",
                            RECRUITER), recruiting=True)
    assert judgement.kind == "status_update"
    assert judgement.confidence >= SURE_THRESHOLD


@pytest.mark.parametrize("body", [
    "Hola Sam,\n\nVeo que ya te ha llegado la convocatoria de Ana para el jueves. Un par de "
    "consejos: lleva ejemplos con cifras. Después de la entrevista llámame.\n\nPia",
    "Salut Sam,\n\nTu as bien reçu la convocation de Léa pour jeudi. Quelques conseils : "
    "viens avec des chiffres, et pose des questions sur l'équipe avant la fin de l'entretien."
    "\n\nPia",
])
def test_a_recruiters_tips_before_a_set_interview(body: str) -> None:
    judgement = _judge(mail(body, "RE: Jefe de Compras", RECRUITER), recruiting=True)
    assert judgement.kind == "interview_scheduled"
    assert judgement.confidence >= SURE_THRESHOLD
    assert judgement.facts.interview_start is None
