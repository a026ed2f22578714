"""Issue 12, round three: "sure" that covers clear mail, and the families the blind mailbox
scenarios showed. Every member is written here in our own words (other employers, other
wording of the same shape), in English, German, French and Spanish where the family exists
in them, so that a rule keyed to one scenario's sentence would fail them."""

from __future__ import annotations

import pytest

from followup.judge.classify import judge_message
from followup.mail.parse import parse_message
from tests.unit.test_judge_families import ATS, ME, PERSON, judged, mail

RECRUITER = "Jonas Weber <jonas.weber@kranich-systems.de>"
AGENCY = "Lena Fischer <lena.fischer@brightpath-staffing.com>"


def _sure(raw: bytes, kind: str) -> None:
    # The rules' own "sure" (a clear phrase, no rival): the learned model may still doubt a
    # short message and make it unsure (judge/learned.py, DOUBTS_BELOW); that layer is
    # measured by grouped CV and tested in test_judge_calibration.py.
    judgement = judge_message(parse_message(raw), ME, second_opinion=False)
    assert (judgement.kind, judgement.sure) == (kind, True), judgement.reasons


def _unsure(raw: bytes) -> None:
    judgement = judged(raw)
    assert not judgement.sure, (judgement.kind, judgement.reasons)


# --- clear mail is sure: one decisive phrase, nothing for a rival ---------------------------
CLEAR = [
    ("Thank you for applying to Kestrel. After reviewing your application we have decided "
     "not to proceed with it.", "Your application to Kestrel", "rejection"),
    ("Leider müssen wir Ihnen mitteilen, dass wir uns für andere Bewerber entschieden "
     "haben.", "Ihre Bewerbung bei Kranich", "rejection"),
    ("Nous sommes au regret de vous informer que votre candidature n'a pas été retenue.",
     "Votre candidature", "rejection"),
    ("Lamentablemente, hemos decidido continuar con otros candidatos para este puesto.",
     "Tu candidatura", "rejection"),
    ("We are pleased to offer you the position of Data Analyst, starting on 1 June.",
     "Your offer from Kestrel", "offer"),
    ("I came across your profile and think you'd be a strong fit for a Staff Engineer role "
     "we are hiring for in our platform team.", "Staff Engineer role", "recruiter_outreach"),
]


@pytest.mark.parametrize(("body", "subject", "kind"), CLEAR)
def test_clear_mail_is_sure(body: str, subject: str, kind: str) -> None:
    _sure(mail(f"Hi Sam,\n\n{body}\n\nBest regards,\nThe recruiting team", subject,
               sender=PERSON), kind)


def test_a_decision_and_its_opposite_are_not_sure() -> None:
    body = ("Hi Sam,\n\nWe have decided not to proceed with your application for the analyst "
            "role. We are pleased to offer you the position of junior analyst instead.\n\nBest")
    _unsure(mail(body, "Your application", sender=PERSON))


def test_evidence_against_the_kind_keeps_it_unsure() -> None:
    body = ("Sam,\n\nWe recently invited you to complete our coding assessment. Your answers "
            "have been received and are being considered with your application. Please "
            "complete the assessment modules in order.\n\nAssessment team")
    judgement = judged(mail(body, "Coding assessment - responses received", sender=ATS))
    assert not (judgement.kind == "assessment" and judgement.sure), judgement.reasons


def test_a_friend_booking_a_meeting_is_not_a_sure_interview() -> None:
    body = ("Hi Sam,\n\nA new event has been scheduled.\n\nInvitee: Priya Shah\nEvent date: "
            "3:00pm - Tuesday, March 3, 2026 (Eastern Time)\n\nNotes: lunch and a catch-up!"
            "\n\nView event in the app")
    judgement = judged(mail(body, "New Event: Priya Shah - 3:00pm Tue, Mar 3, 2026",
                            sender="Calendly <notifications@calendly.com>"))
    assert not (judgement.kind == "interview_scheduled" and judgement.sure), judgement.reasons


def test_a_bare_status_change_is_not_sure() -> None:
    body = "Hi Sam,\n\nYour application has been viewed by the employer.\n\nThe jobs team"
    judgement = judged(mail(body, "Application viewed", sender=ATS))
    assert judgement.kind == "status_update" and not judgement.sure


# --- an answer promised by a date: a timeline, in four languages ---------------------------
DATED_ANSWERS = [
    "Thanks for coming in yesterday. We are meeting two more people this week and you'll "
    "hear from us by Wednesday, March 11 at the latest.",
    "Danke für das nette Gespräch. Wir sprechen intern und melden uns bis spätestens "
    "Dienstag, 17. März, bei Ihnen.",
    "Danke, dass du da warst! Du hörst bis Montag, 16. März, von uns.",
    "Merci pour votre venue. Nous terminons les entretiens et vous donnerons une réponse "
    "d'ici le vendredi 13 mars.",
    "Gracias por la entrevista. Terminamos el proceso esta semana y le daremos una "
    "respuesta el jueves 12 de marzo.",
]


@pytest.mark.parametrize("body", DATED_ANSWERS)
def test_an_answer_promised_by_a_date_is_a_sure_status_update(body: str) -> None:
    _sure(mail(f"Hallo Sam,\n\n{body}\n\nJonas", "Re: Gespräch - Data Engineer",
               sender=RECRUITER), "status_update")


def test_a_receipt_that_promises_to_be_in_touch_in_german_is_a_receipt() -> None:
    body = ("Sehr geehrte Frau Rivera,\n\nvielen Dank für Ihre Bewerbung als Controller "
            "(m/w/d). Wir haben Ihre Unterlagen erhalten und melden uns so bald wie möglich "
            "bei Ihnen.\n\nIhr Recruiting-Team")
    assert judged(mail(body, "Ihre Bewerbung als Controller",
                       sender="Kranich <no-reply@jobs.personio.de>")).kind == \
        "application_received"


# --- an agency puts the user forward to its client -----------------------------------------
AGENCY_SUBMISSIONS = [
    "Good talking earlier. As agreed, I've sent your CV over to my client, a logistics "
    "company in Newark, for their Supply Planner vacancy. I'll update you once I hear.",
    "wie besprochen habe ich Ihren Lebenslauf heute unserem Mandanten, einem Maschinenbauer "
    "in Ulm, für die Position als Konstrukteur (m/w/d) vorgestellt.",
    "Comme convenu, j'ai transmis votre candidature à notre client pour le poste de chef de "
    "projet. Je reviens vers vous dès que j'ai un retour.",
    "Como hablamos, he presentado tu candidatura a mi cliente para el puesto de analista. "
    "Te cuento en cuanto tenga noticias.",
]


@pytest.mark.parametrize("body", AGENCY_SUBMISSIONS)
def test_an_agency_putting_you_forward_is_an_application(body: str) -> None:
    judgement = judged(mail(f"Hi Sam,\n\n{body}\n\nLena\nSenior Consultant", "Your profile",
                            sender=AGENCY))
    assert judgement.kind == "application_received", judgement.reasons


# --- interviews: a time proposed, a new time instead of a cancelled one, a calendar ---------
def test_a_proposed_time_is_a_sure_invitation() -> None:
    body = ("Hi Sam,\n\nThanks for your application for the Buyer role. I'd like to set up a "
            "20-minute call with you to talk about the team. Would Tuesday (3/10) at 2:00pm "
            "ET work for you? If not, send me two or three times.\n\nMaria\nTalent Partner")
    _sure(mail(body, "Buyer role - a quick call?", sender=PERSON), "interview_invitation")


@pytest.mark.parametrize("body", [
    "Our hiring manager is out sick, so we have to cancel Monday's interview. Would "
    "Thursday, March 12 at 10:00 AM ET work instead?",
    "Apologies: the interview on Friday has been cancelled as the panel is travelling. How "
    "about Tuesday 17 March at 3pm instead?",
])
def test_a_new_time_instead_of_a_cancelled_one_is_an_invitation(body: str) -> None:
    judgement = judged(mail(f"Hi Sam,\n\n{body}\n\nMaria\nRecruiting Coordinator",
                            "Rescheduling your interview", sender=PERSON))
    assert judgement.kind == "interview_invitation", judgement.reasons


def test_a_cancellation_with_no_new_time_stays_a_cancellation() -> None:
    body = ("Hi Sam,\n\nI'm sorry, but we have to cancel your interview on Monday; the role "
            "has been withdrawn.\n\nMaria")
    assert judged(mail(body, "Your interview", sender=PERSON)).kind == "interview_canceled"


def test_a_calendar_invitation_with_invitation_words_is_a_sure_interview() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                "UID:round3-calendar\r\nDTSTART:20260310T140000Z\r\nDTEND:20260310T150000Z\r\n"
                "SUMMARY:Vorstellungsgespräch Controller (m/w/d)\r\n"
                "ORGANIZER;CN=Jonas Weber:mailto:jonas.weber@kranich-systems.de\r\n"
                "ATTENDEE;CN=Sam Rivera:mailto:sam.rivera@example.org\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n")
    body = ("Sehr geehrte Frau Rivera,\n\ngerne laden wir Sie zu einem Vorstellungsgespräch "
            "ein. Die Einladung finden Sie im Anhang.\n\nJonas Weber\nPersonalreferent")
    _sure(mail(body, "Einladung zum Vorstellungsgespräch", sender=RECRUITER,
               calendar=calendar), "interview_scheduled")


def test_a_confirmation_with_a_reschedule_link_is_scheduled() -> None:
    body = ("Hi Sam,\n\nYour interview for Senior Buyer at Kestrel Foods is confirmed.\n\n"
            "When: Tuesday, March 10, 2026, 2:00 PM - 2:45 PM (Eastern Time)\n"
            "Need to change it? https://app.goodtime.io/reschedule/ab12cd\n")
    judgement = judged(mail(body, "Your interview with Kestrel Foods is confirmed",
                            sender="Kestrel Recruiting <no-reply@goodtime.io>"))
    assert judgement.kind == "interview_scheduled", judgement.reasons


def test_ux_researcher_is_a_job_title_not_a_research_session() -> None:
    body = ("Hi Sam,\n\nThanks for applying for our UX Researcher opening. Would you be up "
            "for a 30-minute interview with our design lead next week?\n\nRachel\nRecruiter")
    assert judged(mail(body, "UX Researcher - interview", sender=PERSON)).kind == \
        "interview_invitation"


# --- where the application stands, in more words --------------------------------------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Suite à votre candidature, l'employeur a mis votre candidature en attente.",
     "Votre candidature mise en attente"),
    ("Ihre Bewerbung wurde vorerst zurückgestellt, da die Stelle erst im Herbst besetzt "
     "wird.", "Ihre Bewerbung"),
    ("Kestrel ha leído tu CV para la oferta de Analista. Tu candidatura sigue en proceso.",
     "Kestrel ha leído tu CV"),
])
def test_an_application_on_hold_or_read_is_a_status_update(body: str, subject: str) -> None:
    assert judged(mail(f"Hola Sam,\n\n{body}\n\nEl equipo", subject,
                       sender=ATS)).kind == "status_update"


# --- offers in French, German and Spanish ---------------------------------------------------
@pytest.mark.parametrize("body", [
    "J'ai le plaisir de vous annoncer que nous souhaitons vous proposer le poste de "
    "contrôleur de gestion en CDI.",
    "Wir freuen uns, Ihnen die Stelle als Controller (m/w/d) anbieten zu können: Wir möchten "
    "Ihnen die Stelle anbieten.",
    "Nos complace comunicarte que nos gustaría ofrecerte el puesto de analista.",
])
def test_an_offer_in_other_words(body: str) -> None:
    assert judged(mail(f"Bonjour Sam,\n\n{body}\n\nNadia", "Votre candidature",
                       sender=PERSON)).kind == "offer"


def test_a_step_announced_in_a_separate_mail_is_not_the_step() -> None:
    body = ("Dear Sam,\n\nThanks for applying to Kestrel. We will review your application "
            "promptly. You will receive a separate email within a day with instructions to "
            "complete the coding assessment.\n\nKestrel Talent")
    judgement = judged(mail(body, "Your application to Kestrel is in!", sender=ATS))
    assert not (judgement.kind == "assessment" and judgement.sure), judgement.reasons


# --- the hire said as a welcome, with the steps that follow it ------------------------------
@pytest.mark.parametrize("body", [
    "Nous sommes heureux de vous accueillir dans l'équipe au poste de comptable. Voici les "
    "étapes de votre intégration.",
    "Te confirmamos que has sido seleccionada para incorporarte a nuestro equipo de "
    "almacén. ¡Enhorabuena!",
    "Wir freuen uns, Sie bald in unserem Team begrüßen zu dürfen. Ihr erster Arbeitstag ist "
    "der 1. April.",
    "We are glad to grant you employment as our new bookkeeper, subject to a background "
    "check that should take about a week.",
])
def test_a_hire_said_as_a_welcome_is_an_offer(body: str) -> None:
    judgement = judged(mail(f"Hello Sam,\n\n{body}\n\nNadia", "Welcome", sender=PERSON))
    assert judgement.kind == "offer", judgement.reasons


def test_subject_and_body_agreeing_is_about_an_application_even_from_free_mail() -> None:
    body = ("Hola Sam 😔\n\nLamentablemente, tu postulación no fue aceptada esta vez.\n\n"
            "– El equipo de Talleres Norte")
    judgement = judged(mail(body, "❌ Postulación rechazada – Talleres Norte",
                            sender="Talleres Norte <talleresnorte.rrhh@gmail.com>"))
    assert judgement.kind == "rejection", judgement.reasons


def test_a_free_mail_note_with_one_job_word_is_still_not_an_application() -> None:
    body = "Hey Sam,\n\nSorry, we decided not to proceed with the garage sale this weekend.\n\nT"
    assert judged(mail(body, "Saturday", sender="Tom <tom.baker@gmail.com>")).kind == "other"


# --- set times in a form, reminders and tests in other languages; a coach among the panel ---
def test_a_time_under_a_form_label_is_set() -> None:
    body = ("Guten Tag Sam Rivera,\n\nwie besprochen lade ich Sie herzlich zu einem ersten "
            "Kennenlernen ein.\n\n- Wann? Di, 10.03.2026 um 14 Uhr\n- Wo? Online via Teams\n\n"
            "Jonas Weber\nTalent Acquisition")
    assert judged(mail(body, "Ihre Bewerbung", sender=RECRUITER)).kind == "interview_scheduled"


@pytest.mark.parametrize(("body", "subject"), [
    ("¡Hola, Sam! Tu entrevista comenzará en aproximadamente 30 minutos. Entra por el "
     "enlace de siempre.", "⏰ Recordatorio: Entrevista en 30 minutos"),
    ("Hallo Sam, dein Gespräch beginnt morgen um 10 Uhr im Büro am Hafen.",
     "Erinnerung: dein Gespräch"),
    ("Bonjour Sam, votre entretien a lieu demain à 10h dans nos bureaux.",
     "Rappel : votre entretien"),
])
def test_an_interview_reminder_in_other_languages(body: str, subject: str) -> None:
    judgement = judged(mail(body, subject, sender="Talleres Norte <rrhh.talleresnorte@gmail.com>"))
    assert judgement.kind == "interview_scheduled", judgement.reasons


@pytest.mark.parametrize("body", [
    "Para avanzar en el proceso de selección, nos gustaría que complete una evaluación de "
    "conocimientos sobre el puesto.",
    "Pour la suite du processus, nous vous invitons à passer un test en ligne de 45 minutes.",
    "Als nächsten Schritt bitten wir Sie, einen Online-Test zu absolvieren.",
])
def test_an_evaluation_to_complete_is_an_assessment(body: str) -> None:
    assert judged(mail(f"Hola Sam,\n\n{body}\n\nReclutamiento", "Proceso de selección",
                       sender=PERSON)).kind == "assessment"


def test_an_agile_coach_on_the_panel_is_not_a_coaching_class() -> None:
    body = ("Great news - your interview for the Platform Engineer job has been confirmed.\n\n"
            "- When: March 10, 2026 02:00 PM - 03:00 PM\n- Interviewer(s): Ana Ruiz (Head of "
            "Platform), Tom Ng (Agile Coach)\n\nTalent Acquisition")
    assert judged(mail(body, "Your interview: Platform Engineer", sender=PERSON)).kind == \
        "interview_scheduled"


# --- a test behind: passed, or handed in and to be marked -----------------------------------
def test_a_test_passed_before_an_onsite_is_an_invitation() -> None:
    body = ("Hi Sam,\n\nGood news: you did really well on the online assessment, and we would "
            "like to move forward to our final onsite interview. My coordinator will reach "
            "out to find a day.\n\nJenna\nTechnical Recruiter")
    assert judged(mail(body, "Re: Assessment completed", sender=PERSON)).kind == \
        "interview_invitation"


@pytest.mark.parametrize("body", [
    "This email confirms that you have successfully submitted the coding challenge. Your "
    "results will be evaluated and the team will follow up about next steps.",
    "Thanks for completing our exercise. Your answers are being reviewed by the team.",
])
def test_a_test_handed_in_is_a_status_update(body: str) -> None:
    judgement = judged(mail(f"Hi Sam,\n\n{body}\n\nRecruiting", "Coding challenge completed",
                            sender=ATS))
    assert judgement.kind == "status_update", judgement.reasons


def test_a_receipt_subject_does_not_hide_finalists_in_the_body() -> None:
    body = ("Hi Sam,\n\nThanks for applying to Kestrel. We currently have a few finalists in "
            "process for this role; if it stays open I will be in touch.\n\nRebecca\nHead of "
            "Talent")
    assert judged(mail(body, "Thank you for applying to Kestrel!", sender=PERSON)).kind == \
        "status_update"


# --- scheduling still to do is an invitation, not a set interview ---------------------------
@pytest.mark.parametrize("body", [
    "We wish to schedule an interview for your application to the Lab Technician post. "
    "Please confirm your availability for interview using the link below.",
    "Please send me your availability for next week. Once an interview has been scheduled, "
    "we will send you a confirmation with the details.",
    "The phone screen went well and we would like to bring you onsite for an interview day. "
    "Our coordinator will reach out to get this scheduled.",
])
def test_scheduling_still_to_do_is_an_invitation(body: str) -> None:
    judgement = judged(mail(f"Dear Sam,\n\n{body}\n\nRecruiting Coordinator", "Next steps",
                            sender=PERSON))
    assert judgement.kind == "interview_invitation", judgement.reasons


def test_an_interview_that_will_not_take_place_is_cancelled() -> None:
    body = ("Dear Sam,\n\nThank you for your interest. Unfortunately the Buyer role has been "
            "withdrawn, so the interview which was scheduled at 3 p.m. on 12 March will not "
            "take place.\n\nGavin\nTalent Acquisition")
    judgement = judged(mail(body, "Buyer – Interview Invitation (Cancellation)", sender=PERSON))
    assert judgement.kind == "interview_canceled", judgement.reasons


def test_a_german_invitation_with_an_aside_holding_a_number() -> None:
    body = ("Sehr geehrter Herr Rivera,\n\nwir würden Sie gerne persönlich – bei uns im Büro "
            "im 21. Stock – kennen lernen. Passt Ihnen ein Termin in der nächsten Woche?\n\n"
            "Career Team")
    assert judged(mail(body, "Ihre Bewerbung", sender=RECRUITER)).kind == "interview_invitation"


# --- learnt from the train part of corpus 3 (sources never used before; its figure before
# any change: 63.7% kind accuracy, sure right 89.0%) ----------------------------------------
def test_a_cold_invitation_to_talk_is_not_a_sure_interview() -> None:
    body = ("Hi Sam,\n\nNot sure if you are open to a new opportunity right now, but Kestrel "
            "Foods is looking for a Data Engineer to join our team in Austin. Would you be "
            "available for a phone interview next week?\n\nTalent team")
    judgement = judged(mail(body, "Career opportunity with Kestrel Foods",
                            sender="Kestrel Foods <talent@kestrelfoods.com>"))
    assert not (judgement.kind == "interview_invitation" and judgement.sure), judgement.reasons


def test_a_schools_admission_refusal_is_not_a_rejection() -> None:
    body = ("Madame, Monsieur,\n\nAprès étude de votre dossier, nous ne pouvons pas donner une "
            "suite favorable à votre demande d'admission pour l'année scolaire 2026-2027.\n\n"
            "Le secrétariat")
    assert judged(mail(body, "Réponse à votre demande d'admission",
                       sender="Collège Lumière <admissions@college-lumiere.fr>")).kind == "other"


def test_a_job_posting_called_oferta_is_not_an_offer() -> None:
    body = ("Hola Sam,\n\n¡Nos complace informarte que hemos recibido tu aplicación para la "
            "oferta Analista de Datos! Será evaluada por el equipo de reclutamiento.\n\nEl equipo")
    assert judged(mail(body, "Confirmación de aplicación", sender=ATS)).kind == \
        "application_received"


def test_a_french_summons_to_an_interview_is_not_a_sure_status_update() -> None:
    body = ("Monsieur,\n\nNous avons le plaisir de vous informer que votre candidature a retenu "
            "notre attention. Nous vous invitons à un entretien de recrutement qui se tiendra :"
            "\n\nDate : 21/04/2026\nHeure : 14:30\nLieu : siège, 9e étage\n\nLa DRH")
    judgement = judged(mail(body, "Convocation à l'entretien – Directeur commercial",
                            sender=PERSON))
    assert judgement.kind != "status_update" or not judgement.sure, judgement.reasons
    assert judgement.kind in ("interview_invitation", "interview_scheduled"), judgement.reasons


def test_a_receipt_that_names_an_interview_time_is_not_a_sure_receipt() -> None:
    body = ("Hola Sam,\n\nHemos recibido tu postulación para el cargo de Recepcionista.\n\n"
            "Fecha de entrevista: 2026-03-16 10:00\nEnlace: Unirse\n")
    judgement = judged(mail(body, "Solicitud de empleo confirmada", sender=PERSON))
    assert not (judgement.kind == "application_received" and judgement.sure), judgement.reasons


@pytest.mark.parametrize(("body", "subject"), [
    ("Decline", "Application Status"),
    ("Status: Unsuccessful\n\nLog in to see your other applications.", "Application update"),
    ("Unfortunately your application was not successful this time.",
     "Your job application has been unsuccessful"),
    ("Unfortunately, we are not ready to invite you to the next stage at this time.",
     "Your application for the Graduate Scheme"),
    ("It was a pleasure meeting you. We finally decided on someone we feel is a perfect "
     "match, and we have hired that person.", "Application Interview"),
    ("We have reviewed your application. Based on your profile and the number of other "
     "qualified applications, we are not able to move forward in the process with you.",
     "We received your application"),
])
def test_rejections_in_corpus_3_shapes(body: str, subject: str) -> None:
    judgement = judged(mail(f"{body}\n", subject, sender="Careers <no-reply@careers.kestrel.org>"))
    assert judgement.kind == "rejection", judgement.reasons


def test_a_spanish_rejection_from_free_mail_with_many_rejection_phrases() -> None:
    body = ("Hola Sam,\n\nLamentamos informarte que no has sido seleccionado para la oferta "
            "laboral a la que aplicaste. Te deseamos mucho éxito en tu búsqueda.\n\nEquipo")
    assert judged(mail(body, "Gracias por registrarte",
                       sender="Talleres Norte <talleresnorte@gmail.com>")).kind == "rejection"


@pytest.mark.parametrize(("body", "subject"), [
    ("This email is to acknowledge your withdrawal from consideration for this role.",
     "Your application has been withdrawn"),
    ("We are pausing the recruitment process for this site until the autumn while we review "
     "our plans.", "Update on the Buyer search"),
    ("Le délai étant dépassé, nous mettons votre candidature en réserve.", "Votre candidature"),
    ("Queremos informarte que tu postulación ha sido ¡vista! por el equipo de selección.",
     "Actualización de tu postulación"),
    ("Unsere Rückmeldung erfolgt voraussichtlich am 06.08.2026.", "Ihre Bewerbung"),
    ("Nous avons bien avancé dans l'examen des candidatures et reviendrons vers vous d'ici "
     "quelques jours.", "Votre candidature au poste de vendeur"),
])
def test_where_the_application_stands_in_corpus_3_shapes(body: str, subject: str) -> None:
    judgement = judged(mail(f"Hello Sam,\n\n{body}\n\nRecruiting\n", subject,
                            sender=PERSON))
    assert judgement.kind == "status_update", judgement.reasons


@pytest.mark.parametrize("body", [
    "Merci pour votre candidature au poste de Platform Engineer. Nous revenons vers vous très "
    "vite.",
    "Vielen Dank für die Bewerbungsunterlagen. Wir werden sie nun sorgfältig prüfen.",
])
def test_a_receipt_in_its_plainest_words(body: str) -> None:
    assert judged(mail(f"Bonjour,\n\n{body}\n\nRecrutement", "Votre candidature",
                       sender=ATS)).kind == "application_received"


def test_a_job_boards_receipt_in_spanish_names_itself_in_the_subject() -> None:
    body = "Tu solicitud se ha enviado a Tramuntana Software\n\nFrontend Developer\nMadrid"
    judgement = judged(mail(body, "Tu solicitud se ha enviado a Tramuntana Software",
                            sender="LinkedIn <jobs-noreply@linkedin.com>"))
    assert judgement.kind == "application_received", judgement.reasons


@pytest.mark.parametrize(("body", "subject"), [
    ("Ihr Termin ist erfolgreich gebucht worden.\n\nDienstleistung: Vorstellungsgespräch "
     "Ausbildung\nAnbieter: Sabine Krüger", "Ihr Termin ist gebucht"),
    ("Su cita ha sido agendada.\n\nServicio: Entrevista de selección\nProfesional: Ana Ruiz",
     "Cita agendada"),
])
def test_a_booking_tools_confirmation_is_a_set_interview(body: str, subject: str) -> None:
    judgement = judged(mail(body, subject, sender="Autohaus Brandl <bewerbung@autohaus-brandl.de>"))
    assert judgement.kind == "interview_scheduled", judgement.reasons


@pytest.mark.parametrize("body", [
    "Sorry for the out-of-the-blue email, but a colleague thought you might be a good fit for "
    "an opening we have at Kestrel. No idea if you're looking, but worth a shot!",
    "Me gustaría compartir contigo una oportunidad como Desarrollador/a Frontend en Kestrel. "
    "Buscamos profesionales con tu experiencia para unirse a nuestro equipo.",
])
def test_outreach_in_corpus_3_shapes(body: str) -> None:
    judgement = judged(mail(f"Hi Sam,\n\n{body}\n\nScott", "Job opportunity",
                            sender="Scott Tan <scott@kestrel.com>"))
    assert judgement.kind == "recruiter_outreach", judgement.reasons


@pytest.mark.parametrize(("body", "subject", "kind"), [
    ("Nous sommes ravis de vous accueillir en tant que Responsable de boutique. Des "
     "informations sur votre intégration suivront.", "Bienvenue chez Berthier", "offer"),
    ("Votre candidature a été retenue ! Vous recevrez prochainement une offre formelle.",
     "Félicitations !", "offer"),
    ("Nos complace hacerte una oferta formal para unirte a nuestro equipo.\n\nRecursos "
     "Humanos", "Oferta de trabajo", "offer"),
    ("Votre entretien au centre pour la formation en alternance a été annulé à votre "
     "demande.", "Annulation de votre entretien", "interview_canceled"),
    ("Cita cancelada. Se eliminó esta cita de la agenda.\n\nServicio: Entrevista – Auxiliar",
     "Cita cancelada", "interview_canceled"),
    ("He revisado tu candidatura para Frontend Developer. ¿Te va bien una llamada breve esta "
     "semana?", "Tu candidatura en Kestrel", "interview_invitation"),
])
def test_corpus_3_shapes_in_french_and_spanish(body: str, subject: str, kind: str) -> None:
    judgement = judged(mail(f"{body}\n", subject, sender=PERSON))
    assert judgement.kind == kind, judgement.reasons


def test_a_withdrawal_acknowledged_is_a_sure_status_update() -> None:
    body = ("Dear Sam,\n\nThis email is to acknowledge your withdrawal from consideration for "
            "the Buyer role.\n\nKestrel Recruiting Team")
    _sure(mail(body, "Your application has been withdrawn", sender=ATS), "status_update")
