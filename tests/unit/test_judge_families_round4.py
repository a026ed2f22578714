"""Issue 12, round four: families that grouped cross-validation by source exposed
(bench/cv_judge.py), each with members written here in our own words, and the learned
model's doubt of a sure judgement (judge/learned.py)."""

from __future__ import annotations

import pytest

from followup.judge import learned
from followup.judge.classify import judge_message, with_second_opinion
from followup.judge.learned import Model
from followup.judge.model import SURE_THRESHOLD, Signal
from followup.mail.parse import parse_message
from tests.unit.test_judge_families import ATS, ME, judged, mail

# --- the outcome said of the application, with the job named in between ----------------------
# A tracker's notice is often that one sentence, the message itself behind a sign-in link.
OUTCOMES = [
    ("Dear Sam,\n\nYour application for Stores Coordinator at Fernhill Academy was "
     "unsuccessful.\n\nSign in to your account to read the school's message.",
     "Your application for Stores Coordinator"),
    ("Hello Sam, your application to the Junior Buyer vacancy with Marlow Foods has been "
     "declined. Thank you for your interest.", "Application update"),
    ("Sehr geehrte Frau Rivera,\n\nIhre Bewerbung als Lagerlogistikerin bei der Hansa Depot "
     "GmbH war leider nicht erfolgreich.\n\nMit freundlichen Grüßen", "Ihre Bewerbung"),
    ("Hola Sam:\n\nTu candidatura para el puesto de Técnica de Laboratorio en Biosur ha sido "
     "descartada.\n\nUn saludo", "Tu candidatura"),
    ("Bonjour,\n\nVotre candidature au poste de chargée de clientèle chez Optalys a été "
     "refusée.\n\nCordialement", "Votre candidature"),
]


@pytest.mark.parametrize(("body", "subject"), OUTCOMES)
def test_the_outcome_of_the_named_application_is_a_rejection(body: str, subject: str) -> None:
    assert judged(mail(body, subject)).kind == "rejection"


def test_an_application_that_was_successful_is_no_rejection() -> None:
    body = ("Hi Sam, your application for Field Engineer at Corvid Energy was successful and "
            "we would like to invite you to an interview next week. Please share your "
            "availability.")
    assert judged(mail(body, "Your application")).kind != "rejection"


# --- the learned model's doubt: a sure judgement it reads otherwise is no longer sure ------
_REJECTION = [Signal("not selected", "rejection", 3.0),
              Signal("how clearly it is about hiring: 4", "other", 0.0)]


def test_a_sure_judgement_the_model_reads_otherwise_is_no_longer_sure() -> None:
    posterior = {"rejection": 0.1, "application_received": 0.8, "other": 0.1}
    kind, confidence, signals = with_second_opinion("rejection", 0.94, list(_REJECTION),
                                                    posterior)
    assert kind == "rejection" and confidence < SURE_THRESHOLD
    assert any("doubts it" in signal.name for signal in signals)


@pytest.mark.parametrize("posterior", [
    {"rejection": 0.6, "application_received": 0.4},        # the model agrees
    {"rejection": 0.35, "application_received": 0.65},      # reads it second, not far off
])
def test_a_sure_judgement_the_model_does_not_clearly_doubt_stays_sure(
        posterior: dict[str, float]) -> None:
    kind, confidence, _ = with_second_opinion("rejection", 0.94, list(_REJECTION), posterior)
    assert (kind, confidence) == ("rejection", 0.94)


def test_a_calendar_cancellation_is_not_the_models_to_doubt() -> None:
    signals = [Signal("calendar: the event is cancelled (METHOD:CANCEL)",
                      "interview_canceled", 4.0)]
    kind, confidence, _ = with_second_opinion(
        "interview_canceled", 0.95, signals, {"interview_canceled": 0.05,
                                              "interview_scheduled": 0.95})
    assert (kind, confidence) == ("interview_canceled", 0.95)


def test_a_doubted_message_is_listed_for_review(monkeypatch: pytest.MonkeyPatch) -> None:
    # A toy model that reads everything as a receipt doubts a plain rejection.
    model = Model(("application_received", "rejection"), (0.0, -5.0), (0.0, 0.0), {},
                  binary=True)
    monkeypatch.setattr(learned, "shipped", lambda: model)
    raw = mail("Dear Sam,\n\nThank you for applying to the Data Analyst position at "
               "Northwind Labs. After reviewing your application we have decided not to "
               "proceed with it.\n\nBest wishes", "Your application to Northwind Labs", ATS)
    message = parse_message(raw)
    assert judge_message(message, ME, second_opinion=False).sure
    judgement = judge_message(message, ME)
    assert judgement.kind == "rejection" and not judgement.sure and judgement.for_review


# --- an interview round cleared, the next step still to come: a status update ---------------
ROUNDS_CLEARED = [
    "Hi Sam,\n\nGood news: you passed the phone screen for the Support Engineer role. The "
    "team will be in touch soon about what comes next.\n\nBest, Priya",
    "Bonjour Sam,\n\nNous avons le plaisir de vous informer que vous avez réussi le premier "
    "entretien pour le poste de comptable. Nous reviendrons vers vous prochainement.",
    "Hallo Sam,\n\ndas erste Gespräch haben Sie erfolgreich bestanden. Wir melden uns in "
    "Kürze mit den nächsten Schritten zu Ihrer Bewerbung.",
    "Hola Sam:\n\nHas superado la primera entrevista para el puesto de analista. En breve te "
    "contaremos los siguientes pasos de tu candidatura.",
]


@pytest.mark.parametrize("body", ROUNDS_CLEARED)
def test_an_interview_round_cleared_is_a_status_update(body: str) -> None:
    judgement = judged(mail(body, "Your application", "Priya Nair <priya.nair@corvid.example>"))
    assert judgement.kind == "status_update", judgement.reasons


def test_a_round_cleared_with_times_asked_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nYou passed the phone screen! We would like to invite you to a "
            "technical interview with the team. Please share your availability for next "
            "week.\n\nBest, Priya")
    judgement = judged(mail(body, "Next steps", "Priya Nair <priya.nair@corvid.example>"))
    assert judgement.kind == "interview_invitation", judgement.reasons


def test_a_round_not_cleared_is_no_status_update() -> None:
    body = ("Hi Sam,\n\nThank you for your time. Unfortunately you did not pass the "
            "technical interview, and we have decided not to move forward with your "
            "application.\n\nBest, Priya")
    judgement = judged(mail(body, "Your application", "Priya Nair <priya.nair@corvid.example>"))
    assert judgement.kind == "rejection", judgement.reasons


def test_a_round_cleared_with_a_task_to_do_is_an_assessment() -> None:
    body = ("Dear Sam,\n\nYou have successfully cleared round 1 of our selection. Next step: "
            "a take-home exercise. Please complete the take-home assignment in your candidate "
            "portal and return it within 5 days.\n\nThe hiring team")
    judgement = judged(mail(body, "Round 2", ATS))
    assert judgement.kind == "assessment", judgement.reasons


# --- others still to be met before a decision: where the process stands, not an interview ---
STILL_TO_MEET = [
    ("Hi Sam,\n\nA quick note after yesterday: the panel liked you. They still have three "
     "more candidates to meet, so the decision may take a little while.\n\nBest,\nDana",
     "Re: Your interview on Tuesday at 10am"),
    ("Sam, the hiring manager has a couple more interviews to run this week; I will come "
     "back to you as soon as I hear.", "Quick update"),
    ("Hallo Sam,\n\ndas Team möchte noch zwei weitere Kandidaten kennenlernen, danach melden "
     "wir uns bei dir.\n\nViele Grüße", "Kurzes Update"),
    ("Bonjour Sam,\n\nle client a encore deux candidats à rencontrer avant de décider.\n\n"
     "Bien à vous", "Point sur votre candidature"),
    ("Hola Sam:\n\ntodavía quedan dos candidatos por entrevistar; te diremos algo después.\n\n"
     "Un saludo", "Novedades"),
]


@pytest.mark.parametrize(("body", "subject"), STILL_TO_MEET)
def test_others_still_to_meet_is_a_status_update(body: str, subject: str) -> None:
    assert judged(mail(body, subject)).kind == "status_update"


def test_a_rejection_after_meeting_others_stays_a_rejection() -> None:
    body = ("Dear Sam, thank you for your time. We met several other candidates and have "
            "decided to move forward with another candidate whose experience is closer to "
            "the role.")
    assert judged(mail(body, "Your application")).kind == "rejection"
