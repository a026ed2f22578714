"""Issue 12, round seven (session 7): families read across the train half of
tests/corpus_real7 (its held-back half never opened). Each family is a way of saying one
thing that several unrelated senders share; every example here is written in our own
words, none is a corpus message.
"""

from __future__ import annotations

import pytest

from tests.unit.test_judge_families import ME, PERSON, judged, kind_of, mail

EMPLOYER = "Talent Team <talent@harbourline.example>"
RECRUITER = "Dana Whitfield <dana@brightpath-search.example>"
HR_DE = "Personalabteilung <bewerbung@moorfeld-werke.example>"
HR_ES = "Selección <seleccion@andina-textiles.example>"
HR_FR = "Recrutement <recrutement@atelier-verdier.example>"
PROGRAMME = "Forge Founders <team@forgefounders.example>"

# --- rejections in words the tracker formulas do not use -----------------------------------
REJECTIONS = [
    # the experience wanted
    ("Hi Sam,\n\nThanks for your patience. Unfortunately we are looking for someone with more "
     "Kotlin experience for this team right now.\n\nBest, Lee", "Re: Android role", PERSON),
    ("Hello Sam,\n\nThanks for getting in touch. Unfortunately we're in the market for experienced "
     "Elixir developers for this role at the moment.\n\nMira", "Re: Backend opening", PERSON),
    # a pass
    ("Hi Sam,\n\nWe enjoyed the chat, but we'll have to pass this time. Good luck out there."
     "\n\nJo", "Re: Product designer", PERSON),
    # the process ended
    ("Dear Sam,\n\nAfter talking it over we have decided not to continue with the recruitment "
     "process for you. Thank you for the time you gave us.\n\nRecruiting", "Your application",
     EMPLOYER),
    # every place taken
    ("Hi Sam,\n\nThank you for applying. All the places on this intake are already filled, so "
     "we are no longer accepting applicants.\n\nPeople Team", "Your application", EMPLOYER),
    # others were stronger, or the employer was not convinced
    ("Dear Sam,\n\nThank you for interviewing with us. We were not fully convinced by your fit "
     "for the analytics lead role, and other candidates showed stronger modelling skills."
     "\n\nRecruitment", "Feedback on your application", EMPLOYER),
]


@pytest.mark.parametrize(("body", "subject", "sender"), REJECTIONS)
def test_a_no_in_plain_words_is_a_rejection(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "rejection"


@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Bewerbung. Nach sorgfältiger Prüfung "
     "fiel unsere Wahl auf eine andere Bewerberin, deren Profil besser passt.\n\nMit "
     "freundlichen Grüßen", "Ihre Bewerbung", HR_DE),
    ("Hola Sam,\n\nTe contamos que la empresa ha descartado tu candidatura para Vendedor/a de "
     "tienda.\n\nSigue buscando en el portal.", "Novedades en tu postulación",
     "Portal Empleo <avisos@portal-empleo.example>"),
])
def test_others_chosen_or_the_cv_set_aside_is_a_rejection(body: str, subject: str,
                                                          sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "rejection"


# --- offers said as the news of a hire --------------------------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hi Sam,\n\nGreat news: Corner Bakery has hired you for Counter Assistant (Sundays). Log in "
     "to message your new employer.\n\nShiftBoard", "You got the job!",
     "ShiftBoard <noreply@shiftboard.example>"),
    ("Dear Sam,\n\nCongratulations on being selected for the position of Store Planner. Please "
     "upload your onboarding documents with the link below.\n\nRecruitment", "Next steps",
     EMPLOYER),
    ("Dear Candidate,\n\nCongratulations! You have been officially selected for the position. "
     "Check your dashboard for onboarding instructions.\n\nProgramme Office",
     "Application update", EMPLOYER),
])
def test_the_hire_said_as_news_is_an_offer_even_beside_onboarding(body: str, subject: str,
                                                                 sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "offer"


def test_an_application_accepted_for_a_placement_is_an_offer_de() -> None:
    raw = mail("Das Klinikum Nordstadt hat Ihre Bewerbung auf die Praktikumsstelle angenommen. "
               "Bitte melden Sie sich dort.", "Ihre Bewerbung wurde angenommen",
               "Praktikumsportal <noreply@praktikumsportal.example>")
    assert kind_of(raw) == "offer"


# --- where the application stands, no decision -------------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Sehr geehrter Herr Rivera,\n\nwir danken Ihnen für Ihre Bewerbung als Lagerleiter. Die "
     "Sichtung aller Unterlagen wird einige Zeit in Anspruch nehmen; wir bitten Sie um etwas "
     "Geduld.\n\nMit freundlichen Grüßen", "Ihre Bewerbung als Lagerleiter", HR_DE),
    ("Hola Sam,\n\nGracias por tu tiempo en la entrevista para Analista de Costos. Estamos "
     "evaluando a todos los candidatos y te informaremos sobre los próximos pasos en breve."
     "\n\nSaludos", "Gracias por tu tiempo", HR_ES),
    ("Hola Sam,\n\nTu candidatura se encuentra en la etapa de evaluación curricular. Te "
     "escribiremos con novedades.\n\nSaludos", "Seguimiento de tu candidatura", HR_ES),
])
def test_it_takes_time_and_an_answer_will_come(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "status_update"


@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Bonjour,\n\nAfin d'étudier votre candidature au poste de magasinier, nous souhaitons avoir "
     "des informations supplémentaires : êtes-vous disponible le samedi ?\n\nCordialement",
     "Votre candidature", HR_FR),
    ("Hola Sam,\n\nRevisamos tu postulación para Asistente de Compras y queremos solicitar "
     "información adicional para continuar con el proceso: tu fecha de disponibilidad."
     "\n\nSaludos", "Tu postulación", HR_ES),
    ("Dear Sam,\n\nThank you for applying for Field Technician. We need some more information "
     "from you before we proceed: which certifications do you hold?\n\nRecruiting",
     "Your application", EMPLOYER),
])
def test_more_information_asked_before_deciding_is_a_status_update(body: str, subject: str,
                                                                  sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "status_update"


# --- a test named by its kind -------------------------------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Bonjour Sam,\n\nVotre candidature a retenu notre attention. Nous vous invitons à passer "
     "une évaluation technique en ligne, au moment de votre choix.\n\nBonne chance",
     "Votre évaluation", HR_FR),
    ("Hola Sam, pasas a la siguiente etapa para Jefe de Turno: una evaluación de integridad de "
     "20 minutos. Empieza aquí: https://tests.example/abc", "Tu siguiente paso", HR_ES),
    ("Hola Sam, último paso para Jefe de Turno: preguntas en video, unos 10 minutos. Graba "
     "cuando quieras: https://tests.example/abc/video", "Último paso", HR_ES),
])
def test_a_test_named_by_its_kind_is_an_assessment(body: str, subject: str,
                                                   sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "assessment"


# --- a recruiter introduces a role ------------------------------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hi Sam,\n\nI'm recruiting for a remote platform engineering role for a client in "
     "logistics. If it sounds interesting, grab a time here: https://calendly.com/dana-w\n\n"
     "Dana", "Remote platform role", RECRUITER),
    ("Bonjour,\n\nNous avons été très intéressés par votre profil et souhaiterions vous proposer "
     "une collaboration sur un poste de chef de projet. Seriez-vous disponible pour un échange "
     "cette semaine ?\n\nCamille", "Proposition", "Camille Roux <c.roux@atelier-verdier.example>"),
    ("Hola Sam, soy reclutadora en Nubelia. Me gustaría contarte sobre una vacante de Data "
     "Engineer que tenemos abierta, 100% remota.", "Vacante Data Engineer",
     "Paula Ortiz <paula@nubelia.example>"),
])
def test_a_recruiter_introducing_a_role_is_outreach(body: str, subject: str,
                                                    sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "recruiter_outreach"


# --- applications that are no job -----------------------------------------------------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Hi Sam,\n\nThank you for applying. Unfortunately we cannot offer you a place in the autumn "
     "cohort; it was a very competitive round.\n\nForge Founders", "Your application"),
    ("Hi Sam,\n\nWe are unable to offer you a spot in our next batch. Please apply again."
     "\n\nForge Founders", "Application outcome"),
    ("Hi Sam,\n\nWe would love to invite you to interview for the research fellowship. Book a "
     "slot here: https://calendly.com/forge/interview\n\nThis fellowship is unpaid and is not "
     "employment.", "Interview invitation"),
    ("hey Sam,\n\nthanks for your application to the makers' residency! we'll get back to you "
     "by friday.\n\nthe team", "an update on your application"),
])
def test_a_place_in_a_cohort_or_a_residency_is_no_job(body: str, subject: str) -> None:
    judgement = judged(mail(body, subject, PROGRAMME))
    assert judgement.kind == "other"


def test_a_paid_fellowship_named_alone_stays_a_job_application() -> None:
    raw = mail("Dear Sam,\n\nThanks for applying to the 2026 Civic Data Fellowship. We have "
               "received your application and will review it in March.\n\nThe Fellowship Team",
               "Application received", EMPLOYER)
    assert kind_of(raw) == "application_received"


@pytest.mark.parametrize("body", [
    "Greetings! We are hiring remote developers, $250k. Kindly provide your SSN and date of "
    "birth before the interview so we can start your paperwork.",
    "Hi Sam, I came across your profile. I'm an engineer at a big company and I'm looking for "
    "someone to partner with me to attend interviews on my behalf; we split the salary.",
])
def test_a_scam_dressed_as_a_job_is_other(body: str) -> None:
    assert kind_of(mail(body, "Remote role", "Hiring <jobs@quickhire-now.example>")) == "other"


# --- receipts said in the past tense or as what happens next ------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hola Sam,\n\nConfirmamos que recibimos tu postulación para Recepcionista. Pronto "
     "revisaremos tu perfil.\n\nEquipo de Selección", "Confirmación", HR_ES),
    ("Sehr geehrter Herr Rivera,\n\nbesten Dank für Ihr Interesse an unserem Haus. Wir werden "
     "Ihre Unterlagen prüfen und uns zeitnah bei Ihnen melden.\n\nIhr Personalteam",
     "Ihre Bewerbung", HR_DE),
])
def test_a_receipt_in_other_words_is_a_receipt(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "application_received"
