"""Interview times, answer dates and company names in the forms a second, blind corpus
showed we misread: schedules under one date heading, a zone named once for the whole
mail, Bookings' "(UTC-05:00) Eastern Time", "3p", "half past ten", "your time", company
names run together in domains ("pinecrestcu", "moewenpost")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest

from followup.judge.classify import judge_message
from followup.judge.dates import declared_zone, find_moments
from followup.judge.deadlines import find_decision_by
from followup.mail.parse import parse_message

ME = ["sam.rivera@example.org"]
NEW_YORK = ZoneInfo("America/New_York")
# Monday 9 March 2026, 20:14 UTC: what an ATS's or a booking tool's server writes.
UTC_SENT = datetime(2026, 3, 9, 20, 14, tzinfo=timezone.utc)
PACIFIC_SENT = datetime(2026, 7, 23, 12, 8, tzinfo=timezone(timedelta(hours=-7)))


def mail(body: str, *, subject: str = "Interview confirmation", sender: str =
         "Dana Kim <dana.kim@harborlight-robotics.com>", to: str =
         "Sam Rivera <sam.rivera@example.org>", date_header: str =
         "Mon, 09 Mar 2026 20:14:55 +0000", calendar: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = date_header
    message["Message-ID"] = "<times@example.net>"
    message.set_content(body)
    if calendar:
        message.add_alternative(calendar, subtype="calendar")
    return message.as_bytes()


def judged(raw: bytes):  # type: ignore[no-untyped-def]
    return judge_message(parse_message(raw), ME, user_tz=NEW_YORK)


def starts(text: str, sent: datetime = UTC_SENT, **kwargs: object) -> list[str]:
    return [moment.start.isoformat()
            for moment in find_moments(text, sent, day_first=False, **kwargs)]  # type: ignore[arg-type]


# -- zones ---------------------------------------------------------------------------------

def test_a_zone_named_once_holds_for_the_times_that_name_none() -> None:
    text = "Below is your itinerary for Wednesday, March 18, 2026. All times are Eastern Time."
    assert declared_zone(text) == NEW_YORK
    assert starts(f"{text}\n\n10:00 AM - 10:45 AM  Leon Baptiste") == ["2026-03-18T10:00:00-04:00"]


def test_a_booking_tools_zone_in_parentheses() -> None:
    text = "Event date/time:\n09:00am - 09:30am, Wednesday, March 11, 2026 (Eastern Time - US & Canada)"
    assert starts(text) == ["2026-03-11T09:00:00-04:00"]


def test_two_zones_named_apart_decide_nothing() -> None:
    assert declared_zone("Our offices run on Pacific Time; the panel is in Eastern Time.") is None


def test_the_zones_name_wins_over_its_standard_offset() -> None:
    """Bookings writes the standard offset even in summer; the zone's name knows DST."""
    text = "Tuesday, October 20, 2026 2:00 PM-3:00 PM (UTC-05:00) Eastern Time (US & Canada)"
    assert starts(text) == ["2026-10-20T14:00:00-04:00"]


def test_the_zone_of_the_other_times_holds_for_a_schedule() -> None:
    text = ("Your final panel is confirmed for Thursday, July 30, from 9:30 a.m. to 1:00 p.m. PT."
            "\n\nSchedule:\n  9:30 - 10:15   Dana Kim\n  10:15 - 11:00  Luis Ortega\n")
    moments = find_moments(text, PACIFIC_SENT, day_first=False)
    assert {moment.start.utcoffset() for moment in moments} == {timedelta(hours=-7)}
    assert all(str(moment.start.tzinfo) == "America/Los_Angeles" for moment in moments)


def test_your_time_is_the_readers_zone() -> None:
    text = "We've pencilled you in on the 22nd at 9am your time (2pm for us in London)."
    london = datetime(2026, 4, 15, 16, 40, tzinfo=timezone(timedelta(hours=1)))
    assert starts(text, london, user_zone=NEW_YORK)[0] == "2026-04-22T09:00:00-04:00"
    assert "2026-04-22T09:00:00+01:00" not in starts(text, london)  # unknown reader: not guessed


# -- how times are written -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Let's do Tues 9/22 @ 3p EST.", "2026-09-22T15:00:00-04:00"),
    ("on Monday 13 April at half past ten (UK time)", "2026-04-13T10:30:00+01:00"),
    ("Thursday, April 16 at a quarter to three ET", "2026-04-16T14:45:00-04:00"),
    ("Friday April 17 at ten o'clock", "2026-04-17T10:00:00+00:00"),
])
def test_times_in_words_and_shorthand(text: str, expected: str) -> None:
    sent = datetime(2026, 4, 7, 13, 55, tzinfo=timezone.utc)
    assert starts(text, sent)[0] == expected


@pytest.mark.parametrize("text", [
    "Our office: 12 Finsbury Square, London EC2A 1AS.",
    "Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmE0NWQ on Monday",
    "Monday: we're at 220 Canal St, 3rd floor",
    "Mardi 3 mars, durée 1h",
])
def test_things_that_are_not_times(text: str) -> None:
    assert starts(text) == []


def test_a_range_over_noon_without_markers() -> None:
    [moment] = find_moments("Thursday, July 30: 12:15 - 1:00 with Tom", PACIFIC_SENT,
                            day_first=False)
    assert moment.end is not None and moment.end.hour == 13


# -- the interview's span ------------------------------------------------------------------

ITINERARY = """Hi Sam,

We're looking forward to your virtual onsite. Below is your itinerary for Wednesday,
March 18, 2026. All times are Eastern Time.

10:00 AM - 10:45 AM   Leon Baptiste, Engineering Manager
10:45 AM - 11:30 AM   Yuki Tanaka, Staff Engineer
11:30 AM - 11:45 AM   Break
11:45 AM - 12:30 PM   Farah Siddiqui, Data Architect

Best,
Rosa Delgado
"""


def test_an_itinerary_runs_from_the_first_session_to_the_last() -> None:
    facts = judged(mail(ITINERARY, subject="Your interview itinerary")).facts
    assert facts.interview_start.isoformat() == "2026-03-18T10:00:00-04:00"
    assert facts.interview_end.isoformat() == "2026-03-18T12:30:00-04:00"


def test_a_span_that_holds_the_sessions_is_the_interview() -> None:
    body = ("Your final panel is confirmed for Thursday, July 30, from 9:30 a.m. to 1:00 p.m. "
            "PT.\n\nSchedule:\n  9:30 - 10:15   Dana Kim\n  10:15 - 11:00  Luis Ortega\n"
            "  12:15 - 1:00   Tom Nguyen\n\nThat's 12:30 to 4:00 your time in New York.\n")
    facts = judged(mail(body, date_header="Thu, 23 Jul 2026 12:08:45 -0700")).facts
    assert facts.interview_start.isoformat() == "2026-07-30T09:30:00-07:00"
    assert facts.interview_end.isoformat() == "2026-07-30T13:00:00-07:00"


def test_a_moved_interview_is_the_new_time_not_a_span() -> None:
    body = ("Hi Sam, we need to move your interview for the Data Engineer role on Thursday, "
            "March 12 from 2:00-2:45pm ET to 3:00-3:45pm ET. Sorry for the change!\n\nDana")
    facts = judged(mail(body, subject="Rescheduled: interview for Data Engineer")).facts
    assert facts.interview_start.isoformat() == "2026-03-12T15:00:00-04:00"


@pytest.mark.parametrize("length, minutes", [
    ("for about 50\nminutes", 50), ("Die Dauer bleibt bei ca. 60 Minuten.", 60),
    ("durée 1h30", 90), ("it will take an hour and a half", 90), ("half an hour", 30),
])
def test_the_end_from_the_length_given(length: str, minutes: int) -> None:
    body = (f"Hi Sam, confirming your interview for the Tools Programmer role: Friday (3/13) "
            f"at 10am Pacific, {length}.\n\nJordan")
    facts = judged(mail(body, date_header="Tue, 10 Mar 2026 11:32:18 -0700")).facts
    assert facts.interview_start is not None and facts.interview_end is not None
    assert facts.interview_end - facts.interview_start == timedelta(minutes=minutes)


# -- answer dates --------------------------------------------------------------------------

@pytest.mark.parametrize("text, sent, expected", [
    ("werden Ihnen bis spätestens Freitag, den 20. März, Bescheid geben.", date(2026, 3, 10),
     date(2026, 3, 20)),
    ("te contactaremos en un plazo máximo de 15 días para contarte los siguientes pasos.",
     date(2026, 6, 4), date(2026, 6, 19)),
    ("We aim to give everyone a decision within two weeks.", date(2026, 4, 24),
     date(2026, 5, 8)),
    ("We promised to get back to you within two weeks, so here is an update.",
     date(2026, 2, 4), None),
    ("He's out at a conference until Thursday, so it may be a few days before anyone gets "
     "back to you.", date(2026, 4, 20), None),
])
def test_answer_dates(text: str, sent: date, expected: date | None) -> None:
    assert find_decision_by(text, sent, day_first=True) == expected


# -- company names -------------------------------------------------------------------------

def company(raw: bytes) -> str | None:
    return judged(raw).facts.company


def test_a_domain_that_shortens_the_name() -> None:
    body = ("Hi Sam,\n\nThanks for your time on the phone about the Data Analyst role. "
            "Attached is the SQL exercise for the next stage of your application; please "
            "return it within 72 hours.\n\nRuth Dunmore\nHR Generalist | Pinecrest "
            "Credit Union\nrdunmore@pinecrestcu.org\n")
    raw = mail(body, subject="SQL exercise", sender="Ruth Dunmore <rdunmore@pinecrestcu.org>")
    assert company(raw) == "Pinecrest Credit Union"


def test_a_german_domain_spells_the_umlaut_with_two_letters() -> None:
    body = ("Guten Tag Sam Rivera,\n\nvielen Dank für Ihr Interesse am Möwenpost Verlag. "
            "Wir laden Sie zu einem Gespräch ein.\n\nSvenja Hoffmann\n")
    raw = mail(body, subject="Ihre Bewerbung", sender="Svenja Hoffmann <s.hoffmann@moewenpost.de>")
    assert company(raw) == "Möwenpost Verlag"


def test_the_name_is_completed_with_the_words_the_mail_writes_around_it() -> None:
    body = ("Hi Sam,\n\nThank you for applying to the Platform Engineer position at Copperleaf."
            "\n\nLaura Chen\nTalent Partner, Copperleaf Software\n")
    raw = mail(body, subject="Your application", sender="Laura Chen <laura@copperleaf.dev>")
    assert company(raw) == "Copperleaf Software"


def test_a_domain_alone_is_split_at_a_name_word() -> None:
    raw = mail("Hi Sam, thanks for applying for the Analytics Engineer role. Could we set up "
               "an interview? Which times work for you next week?\n\nTessa",
               subject="Re: Analytics Engineer role", sender="Tessa Grant <tessa.grant@bluefinanalytics.com>")
    assert company(raw) == "Bluefin Analytics"


def test_the_employer_from_an_ats_link_and_a_recruiters_signature() -> None:
    body = ("Hi Sam,\n\nThank you for applying. We have received your application and will "
            "review it shortly.\n\nYou're receiving this because you applied at "
            "jobs.ashbyhq.com/lumenledger.\n\n- Lumen Ledger\n")
    raw = mail(body, subject="Thanks for applying", sender="no-reply@ashbyhq.com")
    assert company(raw) == "Lumen Ledger"


def test_a_recruiters_name_at_a_tools_address_is_not_the_company() -> None:
    body = ("Hi Sam, I'm sorry: Ravi is unwell, so tomorrow's interview is off. I'll send new "
            "times.\n\nCorinne Abbott\nSenior Recruiter, Pinecrest Health\n"
            "corinne.abbott@pinecresthealth.org\n")
    raw = mail(body, subject="Tomorrow's interview", sender="Corinne Abbott <corinne-abbott@hire.lever.co>")
    assert company(raw) == "Pinecrest Health"


def test_a_video_services_notice_does_not_name_it_the_employer() -> None:
    body = ("Tyler Brooks (tyler.brooks@granitepeaksoftware.com) has canceled the following "
            "meeting:\nTopic: Granite Peak Software - Sam Rivera / Kelsey Ford\n")
    raw = mail(body, subject="Meeting Canceled: Granite Peak - Sam Rivera", sender="Zoom <no-reply@zoom.us>")
    assert company(raw) != "Zoom"


def test_the_users_own_mail_names_the_employer_it_is_sent_to() -> None:
    raw = mail("Hi Dana, thank you again for your time today.\n\nSam",
               subject="Thank you", sender="Sam Rivera <sam.rivera@example.org>",
               to="Dana Kim <dana.kim@harborlight-robotics.com>")
    assert company(raw) == "Harborlight Robotics"


def test_mail_that_is_not_about_a_job_names_no_employer() -> None:
    body = "Your order #4471 has shipped and will arrive on Friday. Thanks for shopping!"
    raw = mail(body, subject="Your order has shipped", sender="Fernway Books <orders@fernwaybooks.com>")
    judgement = judged(raw)
    assert judgement.kind == "other" and judgement.facts.company is None


# -- calendars -----------------------------------------------------------------------------

def event(summary: str) -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            "UID:times-1@example.net\r\nDTSTART:20260319T230000Z\r\nDTEND:20260320T010000Z\r\n"
            f"SUMMARY:{summary}\r\nORGANIZER;CN=Someone:mailto:someone@example.net\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


def test_an_invite_named_by_company_and_job_title_is_an_interview() -> None:
    raw = mail("Hi Sam - looking forward to talking about the role.",
               subject="Sam Rivera / Arcadia Freight - Solutions Architect",
               sender="Holly Brennan <hbrennan@arcadiafreight.com>",
               calendar=event("Sam Rivera / Arcadia Freight - Solutions Architect"))
    assert judged(raw).kind == "interview_scheduled"


def test_a_calendars_invitation_subject_for_a_climbing_evening_is_not_an_interview() -> None:
    raw = mail("Post-interview-season climbing! Bring shoes.",
               subject="Invitation: Climbing @ Thu Mar 19, 2026 7pm - 9pm (EDT) (sam@rivera.dev)",
               sender="Jess Okoro <jess.okoro@harborlight-robotics.com>",
               calendar=event("Climbing"))
    assert judged(raw).kind == "other"


# -- kinds the blind corpus showed -------------------------------------------------------

def kind(raw: bytes) -> str:
    return judged(raw).kind


def test_an_invitation_to_one_set_time_is_scheduled() -> None:
    body = ("Guten Tag Sam Rivera,\n\nherzlichen Dank für Ihre Bewerbung. Wir laden Sie hiermit "
            "zu einem Vorstellungsgespräch per Teams ein:\n\n    am Dienstag, 3. März um 14 Uhr "
            "(deutsche Zeit)\n\nDas Gespräch dauert ca. 45 Minuten.\n\nLea Hoffmann\n")
    raw = mail(body, subject="Einladung zum Vorstellungsgespräch - Data Engineer (w/m/d)",
               sender="Lea Hoffmann <lea.hoffmann@kranich-energie.de>",
               date_header="Tue, 24 Feb 2026 09:38:52 +0100")
    facts = judged(raw).facts
    assert kind(raw) == "interview_scheduled"
    assert facts.interview_start.isoformat() == "2026-03-03T14:00:00+01:00"


def test_an_invitation_that_proposes_a_time_is_still_an_invitation() -> None:
    body = ("Hi Sam, we'd like to invite you to an interview for the Data Engineer role. "
            "Would Tuesday, March 10 at 2pm ET work for you?\n\nDana")
    assert kind(mail(body, subject="Interview invitation - Data Engineer")) == \
        "interview_invitation"


@pytest.mark.parametrize("subject, body, sender", [
    ("Atelier Sirocco a bien reçu votre candidature",
     "Votre candidature a bien été envoyée !\n\nVotre candidature au poste de Développeur·se "
     "Full Stack a bien été transmise à Atelier Sirocco. Si votre profil correspond, vous "
     "serez contacté·e directement.", "Welcome to the Jungle <no-reply@welcometothejungle.com>"),
    ("Te has inscrito en la oferta «Desarrollador/a Backend Java»",
     "¡Hola, Sam!\n\nTu inscripción en la oferta se ha realizado correctamente.\n\nOtras "
     "ofertas que te pueden interesar", "InfoJobs <noreply@infojobs.net>"),
])
def test_a_job_boards_application_sent_is_an_acknowledgement(subject: str, body: str,
                                                              sender: str) -> None:
    assert kind(mail(body, subject=subject, sender=sender)) == "application_received"


def test_an_applicant_trackers_automatic_reply_is_not_an_out_of_office() -> None:
    message = EmailMessage()
    message["From"] = "Granite Peak Bank Careers <granitepeakbank+autoreply@talent.icims.com>"
    message["To"] = "sam.rivera@example.org"
    message["Subject"] = "Application Confirmation - Software Engineer III"
    message["Date"] = "Mon, 09 Mar 2026 08:03:44 -0600"
    message["Auto-Submitted"] = "auto-replied"
    message.set_content("Dear Sam,\n\nThank you for applying for the following position with "
                        "Granite Peak Bank: Software Engineer III.\n")
    assert kind(message.as_bytes()) == "application_received"


def test_someone_elses_forwarded_invitation_is_not_the_users_interview() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                "UID:fwd-1@example.net\r\nDTSTART:20260505T180000Z\r\nDTEND:20260505T190000Z\r\n"
                "SUMMARY:Interview: Jordan Blake <> Quillfeather (Product Designer)\r\n"
                "ORGANIZER;CN=Rachel Kim:mailto:rachel.kim@quillfeather.io\r\n"
                "ATTENDEE;CN=Jordan Blake:mailto:jordan@blakeworks.net\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n")
    raw = mail("Sammm, got the interview!! Any tips? Call me tomorrow.\n\nJ",
               subject="Fwd: Invitation: Interview: Jordan Blake <> Quillfeather",
               sender="Jordan Blake <jordan@blakeworks.net>", calendar=calendar)
    assert kind(raw) == "other"


@pytest.mark.parametrize("subject, body", [
    ("Confirmed: your 60-minute research interview (Tue, Jun 16) - $150 thank-you",
     "Thanks for signing up for our study on how developers evaluate data tools. Your research "
     "interview is confirmed: Tuesday, June 16 at 2:00 PM EDT. You'll receive a $150 gift card."),
    ("Admissions interview - M.S. in Data Science",
     "Thank you for applying to the M.S. in Data Science. Your interview is scheduled for "
     "Thursday, February 26 at 6:00 PM ET with Professor Daniel Okoro. Admissions decisions "
     "will be released by April 1."),
    ("Viewing confirmed - 418 Linden St, Apt 3F",
     "You're confirmed to view Apt 3F on Saturday, November 7 at 11:00am. If you apply we'll "
     "need your two most recent pay stubs or an offer letter from your new employer."),
])
def test_interviews_and_offers_that_are_not_about_a_job(subject: str, body: str) -> None:
    assert kind(mail(body, subject=subject, sender="Team <team@example-org.com>")) == "other"


def test_a_hold_that_calls_off_a_booked_round_is_a_cancellation() -> None:
    body = ("Hi Sam,\n\nwe've made the difficult decision to pause hiring for the Senior Data "
            "Engineer role through the end of the year. That means we need to cancel your final "
            "round on Friday, October 2 (10:00-12:30 ET).\n\nPriscilla\nSenior Recruiter")
    raw = mail(body, subject="Update on your final round - Senior Data Engineer",
               date_header="Mon, 28 Sep 2026 10:00:00 -0400")
    judgement = judged(raw)
    assert judgement.kind == "interview_canceled"
    assert any(signal.name == "on hold" for signal in judgement.signals)


def test_news_of_a_hold_after_the_cancellation_is_a_status_update() -> None:
    body = ("Hi Sam,\n\nMeridian Grid has placed the Senior Platform Engineer requisition on "
            "hold while leadership completes a budget review. This is why your interview was "
            "canceled last week. Your application remains active.\n\nTamsin")
    assert kind(mail(body, subject="Senior Platform Engineer - role on hold")) == "status_update"


# -- more time forms -----------------------------------------------------------------------

PARIS_SENT = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("text, expected", [
    ("le jeudi 12 mars entre 14h et 16h", ["2026-03-12T14:00:00+01:00"]),
    ("jeudi 12 mars à 14h30 est-ce possible ?", ["2026-03-12T14:30:00+01:00"]),
    ("el jueves 12 de marzo entre las 14 y las 16 horas", ["2026-03-12T14:00:00+01:00"]),
])
def test_french_and_spanish_words_are_not_zone_abbreviations(text: str,
                                                             expected: list[str]) -> None:
    assert starts(text, PARIS_SENT) == expected


def test_a_time_restated_for_the_reader_is_the_same_moment() -> None:
    text = ("Te confirmo la cita: el martes 10 de marzo a las 16:00 (hora de Madrid); para ti "
            "serán las 11:00 en Nueva York.")
    moments = find_moments(text, PARIS_SENT, day_first=True, user_zone=NEW_YORK)
    assert {moment.start for moment in moments} == {datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)}


def test_one_invitation_per_session_is_one_interview() -> None:
    sessions = "".join(
        "BEGIN:VEVENT\r\nUID:loop-%d@goodtime.io\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:Onsite: "
        "session %d\r\nEND:VEVENT\r\n" % (number, start, end, number)
        for number, (start, end) in enumerate([("20260507T180000Z", "20260507T184500Z"),
                                               ("20260507T190000Z", "20260507T194500Z"),
                                               ("20260507T203000Z", "20260507T211500Z")]))
    calendar = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n{sessions}END:VCALENDAR\r\n"
    raw = mail("Your virtual onsite for the Senior Software Engineer role is confirmed.",
               subject="Confirmed: your virtual onsite on Thursday, May 7",
               sender="Redfern Recruiting <scheduling@goodtime.io>", calendar=calendar)
    facts = judged(raw).facts
    assert facts.interview_start == datetime(2026, 5, 7, 18, 0, tzinfo=timezone.utc)
    assert facts.interview_end == datetime(2026, 5, 7, 21, 15, tzinfo=timezone.utc)


def test_interviewers_in_a_who_field() -> None:
    body = ("Hi Sam,\n\nYour technical interview for the Senior SRE role is confirmed.\n\n"
            "When: Wednesday 10 June, 14:00-15:00 BST\nWho: Callum Fraser, Head of Platform, "
            "and Aoife Brennan, Staff SRE\nWhere: Microsoft Teams\n\nHarriet\n")
    raw = mail(body, subject="Your interview with Nettlefield - Wednesday 10 June",
               sender="Harriet Oyelaran <harriet.oyelaran@nettlefield.co.uk>",
               date_header="Thu, 04 Jun 2026 16:45:37 +0100")
    names = {person.name for person in judged(raw).facts.interviewers}
    assert names == {"Callum Fraser", "Aoife Brennan"}


def test_interviewers_on_the_line_under_each_session() -> None:
    body = ("Hi Sam,\n\nYour virtual onsite for the Senior Software Engineer role is confirmed. "
            "Here's your schedule for Thursday, May 7, 2026. All times are Pacific Time.\n\n"
            "  11:00 AM - 11:45 AM   Coding\n"
            "                        Kwame Mensah, Senior Software Engineer\n"
            "  12:00 PM - 12:45 PM   System Design\n"
            "                        Yuki Tanabe, Staff Engineer\n\nRedfern Recruiting\n")
    raw = mail(body, subject="Confirmed: your virtual onsite on Thursday, May 7",
               sender="Redfern Recruiting <scheduling@goodtime.io>",
               date_header="Fri, 01 May 2026 10:41:00 -0700")
    facts = judged(raw).facts
    assert {person.name for person in facts.interviewers} == {"Kwame Mensah", "Yuki Tanabe"}
    assert facts.interview_start.isoformat() == "2026-05-07T11:00:00-07:00"
    assert facts.interview_end.isoformat() == "2026-05-07T12:45:00-07:00"


# -- roles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("subject, expected", [
    ("Ihre Bewerbung als Softwareentwickler:in Embedded (C++)", "Softwareentwickler:in"),
    ("Tu candidatura: Técnico/a de Ciberseguridad", "Técnico/a de Ciberseguridad"),
    ("Re: Senior iOS Engineer - next steps", "Senior iOS Engineer"),
])
def test_roles_in_gendered_and_romance_forms(subject: str, expected: str) -> None:
    raw = mail("Thank you for your application; we will be in touch about the role.",
               subject=subject)
    assert (judged(raw).facts.role or "").startswith(expected)


def test_the_writers_own_title_is_not_the_role() -> None:
    body = ("Hi Sam,\n\nA quick update: the team is still meeting candidates and we expect to "
            "decide by Friday.\n\nTamsin\nSenior Technical Recruiter\n")
    raw = mail(body, subject="Quick update", sender="Tamsin Clark <tamsin@meridiangrid.energy>")
    assert judged(raw).facts.role is None


def test_a_german_mail_under_a_long_english_footer_is_still_read_in_german() -> None:
    """German cues are skipped only for mail with no German in it at all."""
    footer = ("This e-mail and any attachments are confidential and may be privileged. If you "
              "are not the intended recipient, please notify the sender and delete it. ") * 6
    body = ("Hallo Sam,\n\nnach sorgfältiger Abwägung haben wir uns für eine andere Kandidatin "
            "entschieden. Wir wünschen Ihnen alles Gute.\n\nJana\n\n" + footer)
    raw = mail(body, subject="Ihre Bewerbung als Data Scientist (w/m/d)",
               sender="Jana Petersen <j.petersen@nordlicht-energie.de>",
               date_header="Thu, 12 Mar 2026 14:02:19 +0100")
    judgement = judged(raw)
    assert judgement.facts.language == "en"  # the footer outweighs the German
    assert judgement.kind == "rejection"


def test_a_range_moved_to_a_time_inside_it_is_the_new_time() -> None:
    body = ("Hi Sam, we need to move your interview for the Data Engineer role on Thursday, "
            "March 12 from 2:00-4:00pm ET to 3:00pm ET. Sorry for the change!\n\nDana")
    facts = judged(mail(body, subject="Rescheduled: interview for Data Engineer")).facts
    assert facts.interview_start.isoformat() == "2026-03-12T15:00:00-04:00"
