"""Grouping mail into applications, their rounds, state, contacts and overrides."""

from __future__ import annotations

from datetime import UTC, datetime

from followup.judge.model import Person
from followup.track.applications import group_applications
from followup.track.model import Application, MailRecord, Override

from .test_track_builders import (
    DANA,
    GOODTIME,
    GREENHOUSE,
    MARIA,
    ME,
    PRIYA,
    SAM,
    at,
    record,
    reply,
)

ROLE = "Senior Data Engineer"


def apps(records: list[MailRecord], now: datetime,
         overrides: tuple[Override, ...] = ()) -> list[Application]:
    return group_applications(records, SAM, overrides, now=now)


def northwind_history() -> list[MailRecord]:
    """ATS acknowledgement, a recruiter's personal invitation (no company named), a
    GoodTime calendar invitation (company in facts), a rejection from no-reply."""
    return [
        record("application_received", at(2026, 2, 20), sender=GREENHOUSE,
               company="Northwind Labs", role=ROLE, thread="t1"),
        record("interview_invitation", at(2026, 2, 24), sender=MARIA, thread="t2",
               subject="Interview for the Senior Data Engineer role"),
        record("interview_scheduled", at(2026, 2, 25), sender=GOODTIME,
               company="Northwind Labs Inc.", start=at(2026, 3, 3, 14),
               end=at(2026, 3, 3, 15), interviewers=(PRIYA, DANA, ME), uid="ev1",
               thread="t3"),
        record("rejection", at(2026, 3, 10), sender=GREENHOUSE, company="Northwind Labs",
               thread="t4"),
    ]


def test_ats_recruiter_calendar_and_rejection_are_one_application() -> None:
    [application] = apps(northwind_history(), now=at(2026, 3, 11))
    assert application.company == "Northwind Labs"
    assert application.role == ROLE
    assert application.employer_domain == "northwindlabs.com"
    assert application.state == "rejected"
    assert len(application.records) == 4
    assert application.contacts[0] == MARIA
    assert {p.email for p in application.contacts} == {MARIA.email, PRIYA.email, DANA.email}
    [interview] = application.rounds
    assert [p.email for p in interview.interviewers] == [PRIYA.email, DANA.email]


def test_state_follows_the_whole_history_and_now() -> None:
    history = northwind_history()[:3]
    assert apps(history[:1], now=at(2026, 2, 21))[0].state == "applied"
    assert apps(history[:2], now=at(2026, 2, 24, 12))[0].state == "interviewing"
    assert apps(history, now=at(2026, 3, 3, 14, 30))[0].state == "interviewing"
    after = apps(history, now=at(2026, 3, 3, 15, 1))[0]
    assert after.state == "awaiting_decision"
    second = record("interview_scheduled", at(2026, 3, 6), company="Northwind Labs",
                    start=at(2026, 3, 12, 10), end=at(2026, 3, 12, 11), interviewers=(DANA,))
    again = apps([*history, second], now=at(2026, 3, 7))[0]
    assert again.state == "interviewing"
    assert [r.number for r in again.rounds] == [1, 2]
    offer = record("offer", at(2026, 3, 13), company="Northwind Labs")
    assert apps([*history, second, offer], now=at(2026, 3, 14))[0].state == "offer"


def test_employer_pausing_the_process_closes_it() -> None:
    paused = record("status_update", at(2026, 3, 8), company="Northwind Labs",
                    process_closed=True)
    application = apps([*northwind_history()[:3], paused], now=at(2026, 3, 9))[0]
    assert (application.state, application.closed_by) == ("closed", "employer")


def test_two_roles_are_two_applications_and_a_roleless_message_joins_the_recent_one() -> None:
    first = record("application_received", at(2026, 1, 5), sender=GREENHOUSE,
                   company="Northwind Labs", role="Data Engineer")
    second = record("application_received", at(2026, 2, 5), sender=GREENHOUSE,
                    company="Northwind Labs", role="Product Designer")
    roleless = record("status_update", at(2026, 2, 10), company="Northwind Labs")
    found = apps([first, second, roleless], now=at(2026, 2, 11))
    assert len(found) == 2
    by_role = {a.role: a for a in found}
    assert len(by_role["Product Designer"].records) == 2
    same_role = record("interview_invitation", at(2026, 2, 12), company="Northwind Labs",
                       role="Senior Data Engineer")
    found = apps([first, second, same_role], now=at(2026, 2, 13))
    assert sorted(len(a.records) for a in found) == [1, 2]


def test_other_and_outreach_form_no_application() -> None:
    outreach = record("recruiter_outreach", at(2026, 1, 5),
                      sender=Person("Jo", "jo@talentagency.com"), company="Contoso")
    newsletter = record("other", at(2026, 1, 6), sender=Person("", "news@medium.com"))
    answered = reply(outreach, "user_other", at(2026, 1, 7), to=(outreach.sender,))
    assert apps([outreach, newsletter, answered], now=at(2026, 1, 8)) == []


def test_sent_mail_joins_by_thread_or_by_recipient_domain() -> None:
    invitation = record("interview_scheduled", at(2026, 2, 24), company="Northwind Labs",
                        start=at(2026, 3, 3, 14), end=at(2026, 3, 3, 15),
                        interviewers=(DANA,), thread="t9")
    in_thread = reply(invitation, "user_other", at(2026, 2, 24, 12), to=(MARIA,))
    by_domain = record("user_thank_you", at(2026, 3, 3, 18), to=(DANA,))
    unrelated = record("user_other", at(2026, 3, 4), to=(Person("Mum", "mum@gmail.com"),))
    [application] = apps([invitation, in_thread, by_domain, unrelated], now=at(2026, 3, 5))
    assert {r.key for r in application.records} == {invitation.key, in_thread.key,
                                                    by_domain.key}


def test_thread_links_beat_company_names() -> None:
    invitation = record("interview_invitation", at(2026, 2, 24), company="Northwind Labs")
    answer = reply(invitation, "status_update", at(2026, 2, 25), company="Contoso",
                   sender=Person("Lee", "lee@contoso.com"))
    assert len(apps([invitation, answer], now=at(2026, 2, 26))) == 1


def test_reschedule_cancellation_and_calendar_sequence() -> None:
    base = {"company": "Northwind Labs", "interviewers": (DANA,)}
    scheduled = record("interview_scheduled", at(2026, 2, 24), start=at(2026, 3, 3, 14),
                       end=at(2026, 3, 3, 15), **base)  # type: ignore[arg-type]
    moved = record("interview_scheduled", at(2026, 2, 26), start=at(2026, 3, 4, 10),
                   end=at(2026, 3, 4, 11), **base)  # type: ignore[arg-type]
    [application] = apps([scheduled, moved], now=at(2026, 3, 1))
    [interview] = application.rounds
    assert interview.start == at(2026, 3, 4, 10)
    assert interview.source_keys == (scheduled.key, moved.key)

    canceled = record("interview_canceled", at(2026, 2, 27), **base)  # type: ignore[arg-type]
    [application] = apps([scheduled, moved, canceled], now=at(2026, 3, 5))
    assert application.rounds[0].canceled
    assert application.state == "applied"

    invite = record("interview_scheduled", at(2026, 2, 24), sender=GOODTIME, uid="ev",
                    sequence=1, start=at(2026, 3, 3, 14), company="Northwind Labs")
    stale = record("interview_scheduled", at(2026, 2, 25), sender=GOODTIME, uid="ev",
                   sequence=0, start=at(2026, 3, 9, 14), company="Northwind Labs")
    updated = record("interview_scheduled", at(2026, 2, 26), sender=GOODTIME, uid="ev",
                     sequence=2, start=at(2026, 3, 5, 9), company="Northwind Labs")
    [application] = apps([invite, stale, updated], now=at(2026, 3, 1))
    [interview] = application.rounds
    assert interview.start == at(2026, 3, 5, 9)


def test_separate_calendar_invitations_are_separate_sessions() -> None:
    sessions = [record("interview_scheduled", at(2026, 2, 24, 9 + i), sender=GOODTIME,
                       uid=f"ev{i}", start=at(2026, 3, 3, 10 + i), end=at(2026, 3, 3, 11 + i),
                       interviewers=(person,), company="Northwind Labs")
                for i, person in enumerate((DANA, PRIYA))]
    [application] = apps(sessions, now=at(2026, 3, 1))
    assert [r.interviewers[0] for r in application.rounds] == [DANA, PRIYA]


def test_overrides_ignore_close_reopen_and_note() -> None:
    history = northwind_history()[:3]
    [application] = apps(history, now=at(2026, 3, 4))
    ident = application.id

    def with_overrides(*overrides: Override) -> Application:
        return apps(history, now=at(2026, 3, 4), overrides=overrides)[0]

    assert with_overrides(Override(ident, "ignore", at(2026, 3, 1))).state == "ignored"
    closed = with_overrides(Override(ident, "close", at(2026, 3, 1)))
    assert (closed.state, closed.closed_by) == ("closed", "user")
    reopened = with_overrides(Override(ident, "close", at(2026, 3, 1)),
                              Override(ident, "reopen", at(2026, 3, 2)))
    assert reopened.state == "awaiting_decision"
    noted = with_overrides(Override(ident, "note", at(2026, 3, 2), "the Kafka migration"),
                           Override(ident, "note", at(2026, 3, 1), "older"))
    assert noted.note == "the Kafka migration"
    assert with_overrides(Override("someone-else", "ignore", at(2026, 3, 1))).state \
        == "awaiting_decision"


def test_id_is_stable_as_mail_arrives_and_survives_a_merge() -> None:
    history = northwind_history()
    first_id = apps(history[:1], now=at(2026, 2, 21))[0].id
    assert apps(history, now=at(2026, 3, 11))[0].id == first_id

    # Two applications that a later message shows to be one: the older id wins.
    early = record("application_received", at(2026, 2, 1), sender=GREENHOUSE,
                   company="Fabrikam")
    late = record("interview_invitation", at(2026, 2, 5),
                  sender=Person("Ola", "ola@fbk-talent.net"))
    separate = apps([early, late], now=at(2026, 2, 6))
    assert len(separate) == 2
    late_id = next(a.id for a in separate if a.records[0] is late)
    bridge = reply(late, "status_update", at(2026, 2, 7),
                   sender=Person("Ola", "ola@fbk-talent.net"), company="Fabrikam")
    [merged] = apps([early, late, bridge], now=at(2026, 2, 8),
                    overrides=(Override(late_id, "note", at(2026, 2, 6), "ask about Ola"),))
    assert merged.id == apps([early], now=at(2026, 2, 6))[0].id
    assert late_id in merged.aliases
    assert merged.note == "ask about Ola"


def test_contacts_are_human_and_never_the_user() -> None:
    ack = record("application_received", at(2026, 2, 20), sender=GREENHOUSE,
                 reply_to=(Person("", "no-reply@greenhouse.io"),), company="Northwind Labs")
    invite = record("interview_scheduled", at(2026, 2, 22), sender=GOODTIME,
                    company="Northwind Labs", start=at(2026, 3, 3, 14),
                    interviewers=(ME, Person("Room 4", "c_1@resource.calendar.google.com")),
                    contact=MARIA.email)
    [application] = apps([ack, invite], now=at(2026, 3, 1))
    assert application.contacts == (MARIA,) or application.contacts[0].email == MARIA.email
    assert application.rounds[0].interviewers == ()


def test_mail_after_now_is_not_yet_known_and_now_is_required() -> None:
    history = northwind_history()
    [application] = apps(history, now=at(2026, 3, 4))
    assert application.state == "awaiting_decision"
    assert len(application.records) == 3
    try:
        group_applications(history, SAM)
    except TypeError:
        pass
    else:
        raise AssertionError("now is required")


def test_company_and_role_are_decided_across_messages_not_by_the_latest() -> None:
    from dataclasses import replace as _replace

    from followup.judge.model import Facts, Person
    from followup.track.decided import decided_company, decided_role
    from followup.track.model import MailRecord

    def mail(kind: str, day: int, company: str, role: str, sender: str,
             automated: bool = False) -> MailRecord:
        return MailRecord(
            key=f"k{day}", account="a", message_id=f"<{day}@x>", thread_id=None,
            in_reply_to=None, references=(), date=datetime(2026, 4, day, 9, tzinfo=UTC),
            direction="inbound", kind=kind, sender=Person("", sender), reply_to=(), to=(),
            cc=(), subject="", facts=Facts(company=company, role=role, contact=sender),
            automated=automated)

    ack = mail("application_received", 1, "Cedar & Pine", "E-commerce Manager",
               "no-reply@greenhouse.io", automated=True)
    invite = mail("interview_scheduled", 8, "Cedar & Pine", "Head of Growth",
                  "emily.tran@cedarandpine.com")
    later = [mail("status_update", day, "Cedarandpine", "E-commerce Manager",
                  "emily.tran@cedarandpine.com") for day in (20, 27)]
    history = [ack, invite, *later]
    assert decided_company(history) == "Cedar & Pine"  # never the domain squashed
    assert decided_role(history) == "E-commerce Manager"  # the interviewer's title loses
    stray = _replace(later[-1], key="k28", facts=Facts(company="Cedar & Pine",
                                                       role="Head of Growth"))
    assert decided_role([ack, invite, stray]) == "E-commerce Manager"


def test_the_ats_slug_names_the_employer_and_a_title_never_founds_a_second_application(
        ) -> None:
    workday = Person("Careers", "tidewaterenergy@myworkday.com")
    manager = Person("Rosa Alvarez", "rosa.alvarez@tidewater-energy.com")
    ack = record("application_received", at(2026, 3, 2), sender=workday,
                 subject="We received your application", role="Grid Analyst")
    invite = record("interview_invitation", at(2026, 3, 5), sender=manager,
                    subject="Your application", company="Tidewater Energy",
                    role="Engineering Manager")  # her own title, read as a role
    [application] = group_applications([ack, invite], SAM, now=at(2026, 3, 6))
    assert (application.company, application.role) == ("Tidewater Energy", "Grid Analyst")
    second = record("application_received", at(2026, 3, 7), sender=workday,
                    subject="We received your application for Data Engineer",
                    role="Data Engineer")
    roles = [a.role for a in group_applications([ack, invite, second], SAM,
                                                now=at(2026, 3, 8))]
    assert roles == ["Grid Analyst", "Data Engineer"]


def test_a_stray_word_read_as_company_loses_to_the_ats_sender_and_the_employer_domain(
        ) -> None:
    personio = Person("Elbwerk Logistik GmbH", "no-reply@jobs.personio.de")
    sabine = Person("Sabine Keller", "sabine.keller@elbwerk-logistik.de")
    ack = record("application_received", at(2026, 4, 1), sender=personio, company="Ihnen",
                 role="Data Analyst (m/w/d)", subject="Ihre Bewerbung als Data Analyst (m/w/d)")
    invite = record("interview_scheduled", at(2026, 4, 8), sender=sabine,
                    company="Elbwerk Logistik", role="Data Analyst (m/w/d)",
                    start=at(2026, 4, 21, 10), subject="Einladung - Data Analyst (m/w/d)")
    update = record("status_update", at(2026, 4, 22), sender=sabine, company="Ihnen",
                    role="Data Analyst (m/w/d)", subject="AW: Einladung")
    [application] = group_applications([ack, invite, update], SAM, now=at(2026, 4, 23))
    assert application.company in ("Elbwerk Logistik GmbH", "Elbwerk Logistik")


def test_a_board_receipt_that_names_no_employer_joins_the_one_application_of_its_job() -> None:
    """Issue 13 point 1, session 8: a job board's receipt without the employer's name
    ("Indeed Application: Senior Data Engineer") is the application the employer's own mail
    is about, when exactly one application has that job; with two it stays apart."""
    board = Person("Indeed Apply", "indeedapply@indeed.com")
    receipt = record("application_received", at(2026, 2, 19), sender=board, role=ROLE,
                     thread="t0")
    [application] = apps([receipt, *northwind_history()], now=at(2026, 3, 11))
    assert application.company == "Northwind Labs" and len(application.records) == 5
    other = record("application_received", at(2026, 2, 21), sender=GREENHOUSE,
                   company="Bluefin Analytics", role=ROLE, thread="t9")
    grouped = apps([receipt, *northwind_history(), other], now=at(2026, 3, 11))
    assert len(grouped) == 3  # which of the two? the receipt stays its own
