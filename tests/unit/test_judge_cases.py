"""The hard cases of the judgement issue, each as a small message written here."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage

import pytest

from followup.judge.classify import ThreadContext, judge_message
from followup.judge.dates import find_moments
from followup.judge.deadlines import find_decision_by
from followup.mail.parse import parse_message

ME = ["sam.rivera@example.org"]
SENT = datetime(2026, 2, 25, 10, 0, tzinfo=timezone(timedelta(hours=-5)))  # a Wednesday


def mail(body: str, subject: str = "Your application", sender: str =
         "Maria Lopez <maria.lopez@northwindlabs.com>", headers: dict[str, str] | None = None,
         calendar: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Sam Rivera <sam.rivera@example.org>"
    message["Subject"] = subject
    message["Date"] = "Wed, 25 Feb 2026 10:00:00 -0500"
    message["Message-ID"] = "<case@northwindlabs.com>"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if calendar:
        message.add_alternative(calendar, subtype="calendar")
    return message.as_bytes()


def kind_of(raw: bytes, **kwargs: object) -> str:
    return judge_message(parse_message(raw), ME, **kwargs).kind  # type: ignore[arg-type]


def test_polite_rejection_without_unfortunately() -> None:
    raw = mail("Hi Sam,\n\nThank you for your time on the Data Engineer role. After careful "
               "consideration we've decided to move forward with other candidates.\n\nMaria")
    assert kind_of(raw) == "rejection"


def test_invitation_that_mentions_unfortunately() -> None:
    raw = mail("Hi Sam,\n\nUnfortunately the 2 pm slot is taken. Could you do Thursday at 10am "
               "or Friday at 3pm ET instead for the interview with Dana?\n\nMaria",
               subject="Re: Interview for the Data Engineer role")
    assert kind_of(raw) == "interview_invitation"


def test_acknowledgement_with_if_selected_for_an_interview() -> None:
    raw = mail("Thank you for applying to the Data Engineer position at Northwind Labs. If "
               "you are selected for an interview, a recruiter will contact you.",
               sender="Northwind Labs <no-reply@greenhouse.io>")
    assert kind_of(raw) == "application_received"


def test_job_alert_digest_full_of_interview_and_offer() -> None:
    raw = mail("Jobs you may be interested in: Data Engineer at Foo - apply now. Interview "
               "tips: how to negotiate your offer. 12 new jobs for you.",
               subject="12 new jobs for Data Engineer", sender="LinkedIn <jobs@linkedin.com>",
               headers={"List-Unsubscribe": "<mailto:u@linkedin.com>"})
    assert kind_of(raw) == "other"


def test_podcast_interview_is_not_a_job() -> None:
    raw = mail("Hi Sam, we'd love to interview you on our podcast about data engineering. "
               "Would you be up for a 45-minute episode recording next week?",
               subject="Podcast interview request", sender="Kim <kim@devpod.fm>")
    assert kind_of(raw) == "other"


def test_out_of_office_is_never_the_employer_replying() -> None:
    raw = mail("I am out of the office until Monday with limited access to email.",
               subject="Automatic reply: Data Engineer interview",
               headers={"Auto-Submitted": "auto-replied"})
    assert kind_of(raw) == "other"


def test_quoted_rejection_does_not_drive_the_kind() -> None:
    body = ("Hi Sam,\n\nYou're confirmed for Tuesday, March 3rd at 2:30pm PT with Priya "
            "Natarajan for the Data Engineer interview.\n\nMaria\n\n"
            "On Mon, Feb 23, 2026 at 9:00 AM Maria Lopez wrote:\n"
            "> Unfortunately we have decided to move forward with other candidates for the\n"
            "> Analyst role.\n")
    judgement = judge_message(parse_message(mail(body, subject="Re: Interview")), ME)
    assert judgement.kind == "interview_scheduled"
    assert judgement.facts.interview_start == datetime(2026, 3, 3, 14, 30,
                                                       tzinfo=judgement.facts.interview_start.tzinfo)
    assert judgement.facts.interview_start.utcoffset() == timedelta(hours=-8)
    assert [p.name for p in judgement.facts.interviewers] == ["Priya Natarajan"]


def test_calendar_cancel_is_a_cancellation() -> None:
    ics = ("BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:x@n\r\nSEQUENCE:2\r\n"
           "DTSTART:20260303T193000Z\r\nDTEND:20260303T201500Z\r\nSUMMARY:Interview - Data "
           "Engineer\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    raw = mail("This event has been canceled.", subject="Canceled: Interview - Data Engineer",
               calendar=ics)
    assert kind_of(raw) == "interview_canceled"


def test_sent_mail_kinds() -> None:
    me = "Sam Rivera <sam.rivera@example.org>"
    thanks = mail("Hi Dana,\n\nThank you for taking the time to meet with me today about the "
                  "Data Engineer role.\n\nSam", sender=me, subject="Thank you")
    follow = mail("Hi Maria,\n\nI wanted to follow up on my interview last week and ask "
                  "whether there is any update.\n\nSam", sender=me, subject="Following up")
    assert kind_of(thanks) == "user_thank_you"
    assert kind_of(follow) == "user_follow_up"


def test_thread_context_makes_a_short_reply_a_status_update() -> None:
    raw = mail("Hi Sam, thanks for the note! I'm still waiting to hear back from the team and "
               "will let you know.\n\nMaria", subject="Re: Data Engineer")
    assert kind_of(raw, thread=ThreadContext(recruiting=True)) == "status_update"


def test_every_judgement_is_explained() -> None:
    judgement = judge_message(parse_message(mail(
        "We've decided to move forward with other candidates.")), ME)
    assert judgement.reasons and all("->" in reason for reason in judgement.reasons)
    assert 0 < judgement.confidence <= 1


@pytest.mark.parametrize("text, expected", [
    ("Tuesday, March 3rd at 2:30pm PT", "2026-03-03T14:30:00-08:00"),
    ("03/04 at 10:00 am", "2026-03-04T10:00:00-05:00"),
    ("4 March, 14:00 CET", "2026-03-04T14:00:00+01:00"),
    ("tomorrow at 3pm", "2026-02-26T15:00:00-05:00"),
    ("am Dienstag, 3. März um 14:00 Uhr", "2026-03-03T14:00:00-05:00"),
    ("le mardi 3 mars à 14h30", "2026-03-03T14:30:00-05:00"),
    ("el martes 3 de marzo a las 10:30", "2026-03-03T10:30:00-05:00"),
    ("2026-03-05 15:00 (GMT+1)", "2026-03-05T15:00:00+01:00"),
])
def test_dates_as_people_write_them(text: str, expected: str) -> None:
    [moment] = find_moments(text, SENT, day_first=False)
    assert moment.start.isoformat() == expected


def test_a_range_gives_the_end() -> None:
    [moment] = find_moments("Tuesday, March 3rd from 2:30-3:15pm PT", SENT, day_first=False)
    assert moment.end is not None and moment.end.isoformat() == "2026-03-03T15:15:00-08:00"


def test_numbers_that_are_not_times() -> None:
    assert find_moments("We met 3 candidates and have 2.5 roles; call 555 0100", SENT,
                        day_first=False) == []


@pytest.mark.parametrize("text, expected", [
    ("We expect to make a decision by Friday.", date(2026, 2, 27)),
    ("We'll have a decision by end of next week.", date(2026, 3, 6)),
    ("You will hear back within two weeks.", date(2026, 3, 11)),
    ("We hope to get back to you by March 15th.", date(2026, 3, 15)),
    ("Wir melden uns bis Ende nächster Woche bei Ihnen.", date(2026, 3, 6)),
    ("Nous reviendrons vers vous d'ici vendredi.", date(2026, 2, 27)),
    ("Le daremos una respuesta antes del viernes.", date(2026, 2, 27)),
    ("You'll hear from me by the 26th.", date(2026, 2, 26)),
    ("We'll be in touch early next week.", None),
    ("Please send your references by Friday.", None),
    ("We try to respond within two weeks.", None),
])
def test_decision_by(text: str, expected: date | None) -> None:
    assert find_decision_by(text, SENT.date(), day_first=False) == expected
