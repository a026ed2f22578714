"""Issue 12's failure families, each as a handful of members written here in our own words
(the real messages that showed each family stay unseen, so that they keep measuring)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from followup.judge.classify import judge_message
from followup.mail.parse import parse_message

ME = ["sam.rivera@example.org"]
PERSON = "Maria Lopez <maria.lopez@northwindlabs.com>"
ATS = "Northwind Labs <no-reply@greenhouse.io>"
WORKDAY = "Northwind Careers <northwind@myworkday.com>"


def mail(body: str, subject: str = "Your application", sender: str = ATS,
         headers: dict[str, str] | None = None, calendar: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Sam Rivera <sam.rivera@example.org>"
    message["Subject"] = subject
    message["Date"] = "Wed, 25 Feb 2026 10:00:00 -0500"
    message["Message-ID"] = "<family@northwindlabs.com>"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if calendar:
        message.add_alternative(calendar, subtype="calendar")
    return message.as_bytes()


def judged(raw: bytes):  # type: ignore[no-untyped-def]
    return judge_message(parse_message(raw), ME)


def kind_of(raw: bytes) -> str:
    return judged(raw).kind  # type: ignore[no-any-return]


# --- rejections in the wording of applicant trackers ---------------------------------------
REJECTIONS = [
    ("We were unable to select you as a top candidate for this position.", "en"),
    ("Our decision is not to pursue your application further at this time.", "en"),
    ("After reviewing your background, we have decided to move forward with other candidates "
     "whose experience more closely aligns with our needs.", "en"),
    ("We have decided to proceed with applicants whose profiles better match the role.", "en"),
    ("While your skills are impressive, we will not be progressing your application.", "en"),
    ("We have decided not to move ahead with your candidacy.", "en"),
    ("The hiring team has chosen to pursue other applicants for the Data Engineer role.", "en"),
    ("We won't be able to offer you a position on this occasion.", "en"),
    ("Your application was not selected for further consideration.", "en"),
    ("We have concluded our review and will not be moving your application to the next "
     "stage.", "en"),
    ("At this time we will not be proceeding with your application.", "en"),
    ("We've decided to focus on other candidates for this role.", "en"),
    ("The position has been filled internally.", "en"),
    ("Unfortunately, you have not been shortlisted for the next stage.", "en"),
    ("We have decided to go with a candidate whose experience is a closer match.", "en"),
    ("Wir haben uns für Bewerbende entschieden, deren Profil besser zur Stelle passt.", "de"),
    ("Leider müssen wir Ihnen mitteilen, dass wir Ihre Bewerbung nicht weiterverfolgen "
     "werden.", "de"),
    ("Wir können Ihre Bewerbung leider nicht berücksichtigen.", "de"),
    ("Nach sorgfältiger Prüfung haben wir uns entschieden, Ihre Bewerbung nicht weiter zu "
     "berücksichtigen.", "de"),
    ("Leider können wir Ihnen keine positive Rückmeldung geben.", "de"),
    ("Wir haben uns für eine andere Kandidatin entschieden.", "de"),
    ("Nous ne pouvons pas donner une suite favorable à votre candidature.", "fr"),
    ("Nous sommes au regret de vous informer que votre candidature n'a pas été retenue.", "fr"),
    ("Après étude de votre dossier, nous avons décidé de ne pas poursuivre avec votre "
     "candidature.", "fr"),
    ("Nous avons choisi de privilégier d'autres profils pour ce poste.", "fr"),
    ("Malheureusement, nous ne donnerons pas suite à votre candidature.", "fr"),
    ("Lamentablemente, hemos decidido seguir adelante con otros candidatos.", "es"),
    ("Tras revisar tu perfil, hemos decidido no continuar con tu candidatura.", "es"),
    ("En esta ocasión tu candidatura no ha sido seleccionada.", "es"),
    ("Sentimos comunicarte que no vamos a avanzar con tu candidatura en el proceso.", "es"),
    ("Hemos optado por otros perfiles que se ajustan más a lo que buscamos.", "es"),
]


@pytest.mark.parametrize("sentence, language", REJECTIONS)
def test_tracker_rejections_in_four_languages(sentence: str, language: str) -> None:
    greeting = {"en": "Dear Sam,\n\nThank you for your interest in Northwind Labs.",
                "de": "Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Bewerbung.",
                "fr": "Bonjour Sam,\n\nNous vous remercions pour votre candidature.",
                "es": "Hola Sam,\n\nGracias por tu interés en Northwind Labs."}[language]
    raw = mail(f"{greeting}\n\n{sentence}\n\nWe wish you every success.\n\nTalent Team",
               subject="Thank you for your interest in Northwind Labs")
    assert kind_of(raw) == "rejection"


def test_a_receipt_like_subject_does_not_outweigh_a_rejecting_body() -> None:
    raw = mail("Dear Sam,\n\nWe appreciate the time you took to apply. After reviewing your "
               "application, our decision is not to pursue your application further.\n\n"
               "Recruiting", subject="Thank you for applying to Northwind Labs")
    assert kind_of(raw) == "rejection"


# --- receipts that explain what may happen next ---------------------------------------------
RECEIPTS = [
    "Thank you for applying. Due to the volume of applications we may not be able to respond "
    "to every applicant if there is not a match.",
    "Thanks for your application. If your status in the portal changes to inactive, it means "
    "the position has been filled or you were not selected.",
    "We have received your application. If you pass the first screening you will receive a "
    "coding test by email.",
    "Thank you for applying! Our team will review your application. Candidates who are "
    "shortlisted will be invited to an interview; unfortunately we cannot reply to everyone.",
    "Vielen Dank für Ihre Bewerbung. Wir prüfen Ihre Unterlagen und melden uns, falls Ihr "
    "Profil passt. Sollten wir Ihnen eine Absage erteilen müssen, erhalten Sie eine E-Mail.",
    "Nous avons bien reçu votre candidature. Si votre profil correspond, nous vous "
    "contacterons pour un entretien ; dans le cas contraire, nous ne pourrons pas donner "
    "suite.",
    "Hemos recibido tu candidatura. Si tu perfil encaja, te contactaremos para una "
    "entrevista.",
]


@pytest.mark.parametrize("body", RECEIPTS)
def test_receipts_that_say_what_may_happen_next(body: str) -> None:
    assert kind_of(mail(body, subject="Application received")) == "application_received"


# --- offers need an offer --------------------------------------------------------------------
def test_a_pitch_with_a_compensation_package_is_outreach() -> None:
    raw = mail("Hi Sam,\n\nI came across your profile and think you'd be a great fit for a "
               "Staff Engineer role at a fintech client. They offer a competitive compensation "
               "package and full remote. Open to a quick chat?\n\nJordan, Talent Partner",
               subject="Staff Engineer opportunity", sender="Jordan Blake <jordan@talentbridge.io>")
    assert kind_of(raw) == "recruiter_outreach"


@pytest.mark.parametrize("body, subject", [
    ("Hi Sam,\n\nFollowing your interviews, I'm writing to confirm our intention to hire you "
     "as Senior Data Engineer. Details follow in the attached letter.\n\nMaria", "Next steps"),
    ("Hi Sam,\n\nThe team loved meeting you. Your start date would be 1 April and the annual "
     "salary 95,000 EUR. Please let us know by Friday.\n\nMaria", "Northwind Labs"),
    ("Dear Sam,\n\nPlease find attached the documents. We look forward to hearing from "
     "you.\n\nMaria", "Offer of Employment - Senior Data Engineer"),
])
def test_offers_in_other_words(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject=subject, sender=PERSON)) == "offer"


# --- a job board's sender says who sent it, not what it says ---------------------------------
@pytest.mark.parametrize("body, subject, kind", [
    ("Sam, votre candidature a été envoyée à Northwind Labs. Bonne chance !",
     "Candidature envoyée : Data Engineer", "application_received"),
    ("Sam, la tua candidatura è stata inviata a Northwind Labs. Buona fortuna!",
     "Candidatura inviata: Data Engineer", "application_received"),
    ("The employer canceled the interview. You can view other jobs on Indeed.",
     "Interview canceled: Data Engineer at Northwind Labs", "interview_canceled"),
])
def test_job_board_mail_is_read_for_what_it_says(body: str, subject: str, kind: str) -> None:
    raw = mail(body, subject=subject, sender="Indeed <indeedapply@indeed.com>",
               headers={"List-Unsubscribe": "<https://indeed.com/u>"})
    assert kind_of(raw) == kind


# --- interviews -------------------------------------------------------------------------------
GCAL = """BEGIN:VCALENDAR
METHOD:REQUEST
BEGIN:VEVENT
UID:fam-1@google.com
DTSTART:20260303T190000Z
DTEND:20260303T194500Z
SUMMARY:{summary}
ORGANIZER;CN=Dana Kim:mailto:dana.kim@northwindlabs.com
ATTENDEE;CN=Sam Rivera:mailto:sam.rivera@example.org
ATTENDEE;CN=Dana Kim:mailto:dana.kim@northwindlabs.com
END:VEVENT
END:VCALENDAR
"""


def test_calendar_invitation_titled_company_candidate_interviewer() -> None:
    raw = mail("You have been invited to the following event.\n\nNorthwind Labs - Sam Rivera / "
               "Dana Kim\nTuesday 3 March 2026 2:00pm - 2:45pm (EST)\nJoining: meet.google.com/"
               "abc-defg-hij", subject="Invitation: Northwind Labs - Sam Rivera / Dana Kim @ Tue "
               "3 Mar 2026 2pm - 2:45pm (EST) (sam.rivera@example.org)",
               sender="Dana Kim <dana.kim@northwindlabs.com>",
               calendar=GCAL.format(summary="Northwind Labs - Sam Rivera / Dana Kim"))
    assert kind_of(raw) == "interview_scheduled"


def test_calendar_text_without_ics_titled_company_candidate_interviewer() -> None:
    raw = mail("You have been invited to the following event.\n\nNorthwind Labs - Sam Rivera / "
               "Dana Kim\nWhen: Tuesday 3 March 2026 2:00pm - 2:45pm (EST)\nGuests: Dana Kim, "
               "Sam Rivera\nJoining: meet.google.com/abc-defg-hij",
               subject="Invitation: Northwind Labs - Sam Rivera / Dana Kim @ Tue 3 Mar 2026 2pm "
               "- 2:45pm (EST)", sender="Google Calendar <calendar-notification@google.com>")
    assert kind_of(raw) == "interview_scheduled"


@pytest.mark.parametrize("body, kind", [
    ("Hi Sam,\n\nApologies again for cancelling yesterday. The new time for your interview "
     "with Dana is Thursday 5 March at 2:00 pm EST.\n\nMaria", "interview_scheduled"),
    ("Hi Sam,\n\nA reminder that your online assessment is still open and expires in 48 hours. "
     "Please complete it before then.\n\nMaria", "assessment"),
    ("Hi Sam,\n\nThe next step is a written interview: you will receive five questions by "
     "email and have three days to answer them in writing.\n\nMaria", "assessment"),
])
def test_interview_families(body: str, kind: str) -> None:
    assert kind_of(mail(body, subject="Your interview", sender=PERSON)) == kind


# --- tracker account mail is `other` --------------------------------------------------------
@pytest.mark.parametrize("body, subject", [
    ("Please verify your email address to finish creating your candidate account. Click the "
     "link below.", "Verify your email address"),
    ("Your security code is 482913. It expires in 10 minutes. If you did not request it, "
     "ignore this email.", "Your security code"),
    ("We received a request to reset the password for your candidate account. Use the link "
     "below to choose a new password.", "Reset your password"),
    ("Welcome to the Northwind Labs Talent Community! You'll hear about new openings that "
     "match your interests.", "Welcome to our Talent Community"),
    ("Bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Bewerberkonto zu aktivieren.",
     "E-Mail-Adresse bestätigen"),
    ("Votre code de vérification est 551234.", "Code de vérification"),
])
def test_tracker_account_mail_is_other(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject=subject, sender=WORKDAY)) == "other"


# --- status_update needs positive evidence ---------------------------------------------------
def test_an_employer_writing_without_news_is_not_a_status_update() -> None:
    raw = mail("Hi Sam,\n\nThanks for your note about the Data Engineer role. Have a good "
               "weekend!\n\nMaria", subject="Re: Data Engineer role", sender=PERSON)
    judgement = judged(raw)
    assert judgement.kind != "status_update" or not judgement.sure


@pytest.mark.parametrize("body", [
    "Hi Sam,\n\nWe are still reviewing candidates for the Data Engineer role and expect to "
    "decide by the end of next week.\n\nMaria",
    "Hi Sam,\n\nQuick update: the process has been delayed by a week because the hiring "
    "manager is travelling.\n\nMaria",
    "Hi Sam,\n\nCould you send us two professional references for the Data Engineer role?\n\n"
    "Maria",
])
def test_status_updates_with_evidence(body: str) -> None:
    assert kind_of(mail(body, subject="Data Engineer role", sender=PERSON)) == "status_update"


# --- confidence ------------------------------------------------------------------------------
def test_a_clear_rejection_is_sure_and_a_default_guess_is_not() -> None:
    clear = judged(mail("Dear Sam,\n\nWe regret to inform you that we have decided to move "
                        "forward with other candidates.\n\nTalent Team"))
    assert clear.kind == "rejection" and clear.sure
    vague = judged(mail("Hi Sam,\n\nThanks for the chat about the Data Engineer role and the "
                        "team.\n\nMaria", subject="Re: Data Engineer role", sender=PERSON))
    assert not vague.sure or vague.kind == "other"
