"""When drafts appear (README.md has the table), scenario by scenario."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from followup.config_model import TimingConfig, UserConfig
from followup.judge.model import Person
from followup.track.applications import group_applications
from followup.track.model import MailRecord, Override, PlannedDraft
from followup.track.timing import plan_drafts

from .test_track_builders import (
    DANA,
    GOODTIME,
    GREENHOUSE,
    MARIA,
    PRIYA,
    SAM,
    TIMING,
    at,
    later,
    record,
    reply,
)

COMPANY = "Northwind Labs"
ROLE = "Senior Data Engineer"


def plan(records: list[MailRecord], now: datetime, *, user: UserConfig = SAM,
         timing: TimingConfig = TIMING, overrides: tuple[Override, ...] = (),
         existing: Mapping[str, str] | None = None, kind: str | None = None,
         done: bool = False) -> list[PlannedDraft]:
    """The planned drafts (of `kind`); those the user wrote themselves only with `done`."""
    applications = group_applications(records, user, overrides, now=now, timing=timing)
    drafts = plan_drafts(applications, user, timing, now, existing)
    return [d for d in drafts if (kind is None or d.kind == kind)
            and (done or d.status != "done")]


INVITED = at(2026, 2, 24)
PANEL_START, PANEL_END, PANEL_BOOKED = at(2026, 3, 3, 14), at(2026, 3, 3, 15), at(2026, 2, 25)
STATED_AT = at(2026, 3, 3, 16)
CHECK_SENT = at(2026, 3, 16, 10)


def invitation(when: datetime = INVITED) -> MailRecord:
    return record("interview_invitation", when, sender=MARIA, company=COMPANY, role=ROLE,
                  thread="t-maria", subject="Next steps: Senior Data Engineer")


def panel(start: datetime = PANEL_START, end: datetime | None = PANEL_END,
          when: datetime = PANEL_BOOKED, **kwargs: object) -> MailRecord:
    values: dict[str, object] = {"sender": GOODTIME, "company": COMPANY, "start": start,
                                 "end": end, "interviewers": (PRIYA, DANA), "uid": "panel",
                                 "thread": "t-cal"}
    values.update(kwargs)
    return record("interview_scheduled", when, **values)  # type: ignore[arg-type]


# -- thank-you ----------------------------------------------------------------------------

def test_panel_gets_one_personal_thank_you_per_interviewer() -> None:
    drafts = plan([invitation(), panel()], now=at(2026, 3, 3, 17), kind="thank_you")
    assert [(d.to[0].email, d.status) for d in drafts] == [(DANA.email, "due"),
                                                          (PRIYA.email, "due")]
    dana = drafts[0]
    assert dana.key.endswith(":thank_you:1:dana.kim@northwindlabs.com")
    assert dana.due == at(2026, 3, 3, 17)
    assert dana.window_end == at(2026, 3, 5, 15)
    assert dana.facts.interviewer.given == "Dana"
    assert dana.facts.recipient_is_interviewer is True
    assert dana.facts.recipient.given == "Dana"
    assert dana.facts.interview_date == date(2026, 3, 3)
    assert dana.facts.company == COMPANY and dana.facts.role == ROLE
    assert [person.given for person in dana.facts.other_interviewers] == ["Priya"]
    assert dana.threading.subject == "Thank you – Sam Rivera"  # Dana never wrote
    assert dana.threading.in_reply_to is None
    assert "Dana Kim" in dana.reason and "15:00" in dana.reason


def test_thank_you_is_scheduled_before_the_end_and_missed_after_the_window() -> None:
    history = [invitation(), panel()]

    def statuses(now: datetime) -> set[str]:
        return {d.status for d in plan(history, now=now, kind="thank_you")}

    before = plan(history, now=at(2026, 3, 3, 14, 30))
    assert [d.kind for d in before] == ["thank_you", "thank_you"]  # nothing else yet
    assert {d.status for d in before} == {"scheduled"}
    assert all(d.due == at(2026, 3, 3, 17) for d in before)
    assert statuses(at(2026, 3, 3, 16, 59)) == {"scheduled"}
    assert statuses(at(2026, 3, 3, 17)) == {"due"}
    late = plan(history, now=at(2026, 3, 4, 16), kind="thank_you")
    assert {d.status for d in late} == {"due"} and "24 h" in late[0].reason
    assert statuses(at(2026, 3, 5, 15)) == {"missed"}


def test_no_thank_you_to_someone_the_user_already_wrote_to() -> None:
    thanked = record("user_thank_you", at(2026, 3, 3, 16), to=(DANA,))
    drafts = plan([invitation(), panel(), thanked], now=at(2026, 3, 3, 18), kind="thank_you",
                  done=True)
    assert [(d.to[0].email, d.status) for d in drafts] == [(DANA.email, "done"),
                                                           (PRIYA.email, "due")]
    assert drafts[0].due == at(2026, 3, 3, 16) and "written by you" in drafts[0].reason
    earlier = record("user_other", at(2026, 3, 2), to=(DANA,), company=COMPANY)
    drafts = plan([invitation(), panel(), earlier], now=at(2026, 3, 3, 18), kind="thank_you")
    assert len(drafts) == 2  # writing before the interview does not count


def test_thank_you_replies_in_the_interviewers_own_thread() -> None:
    note = record("status_update", at(2026, 2, 26), sender=DANA, company=COMPANY,
                  subject="Looking forward to Tuesday", thread="t-dana",
                  references=("<older@x>",))
    drafts = plan([invitation(), panel(), note], now=at(2026, 3, 3, 18))
    dana = next(d for d in drafts if d.to[0] == DANA)
    assert dana.threading.subject == "Re: Looking forward to Tuesday"
    assert dana.threading.in_reply_to == note.message_id
    assert dana.threading.references == ("<older@x>", note.message_id)
    assert dana.threading.thread_id == "t-dana"


def test_reschedule_moves_the_thank_you_and_cancellation_removes_it() -> None:
    moved = panel(start=at(2026, 3, 5, 10), end=at(2026, 3, 5, 11), when=at(2026, 3, 2),
                  sequence=1)
    drafts = plan([invitation(), panel(), moved], now=at(2026, 3, 3, 18))
    assert {(d.status, d.due) for d in drafts} == {("scheduled", at(2026, 3, 5, 13))}
    canceled = record("interview_canceled", at(2026, 3, 2), sender=GOODTIME, uid="panel",
                      sequence=1, company=COMPANY)
    assert plan([invitation(), panel(), canceled], now=at(2026, 3, 3, 18)) == []


def test_thank_you_goes_to_the_contact_when_no_interviewer_address_is_known() -> None:
    nameless = panel(interviewers=(Person("Dana Kim", ""),))
    invited = invitation()
    [draft] = plan([invited, nameless], now=at(2026, 3, 3, 18), kind="thank_you")
    assert draft.to == (MARIA,)
    assert not draft.facts.interviewer.known
    assert draft.facts.recipient_is_interviewer is False
    assert [person.full for person in draft.facts.other_interviewers] == ["Dana Kim"]
    assert draft.threading.in_reply_to == invited.message_id
    assert draft.threading.subject == "Re: Next steps: Senior Data Engineer"
    thanked = reply(invited, "user_thank_you", at(2026, 3, 3, 17), to=(MARIA,))
    assert plan([invited, nameless, thanked], now=at(2026, 3, 3, 18), kind="thank_you") == []


def test_thank_you_is_blocked_without_any_human_address() -> None:
    ack = record("application_received", at(2026, 2, 20), sender=GREENHOUSE, company=COMPANY)
    [draft] = plan([ack, panel(interviewers=())], now=at(2026, 3, 3, 18), kind="thank_you")
    assert draft.status == "blocked" and draft.to == ()
    assert "no human address known" in draft.reason
    assert "no-reply@greenhouse.io" in draft.reason


def test_thank_you_without_an_end_assumes_an_hour_and_is_dst_safe() -> None:
    # 01:00 EST on the night the clocks go forward: two hours later is 04:00 EDT.
    night = panel(start=at(2026, 3, 8, 0), end=at(2026, 3, 8, 1), when=at(2026, 3, 1))
    [first, *_] = plan([invitation(), night], now=at(2026, 3, 8, 5))
    assert first.due.astimezone(UTC) == datetime(2026, 3, 8, 8, tzinfo=UTC)
    assert (first.due.hour, first.status) == (4, "due")
    open_ended = panel(end=None)
    drafts = plan([invitation(), open_ended], now=at(2026, 3, 3, 16, 30), kind="thank_you")
    assert {d.due for d in drafts} == {at(2026, 3, 3, 17)}


# -- status check -------------------------------------------------------------------------

def decided_by(day: date, when: datetime = STATED_AT) -> MailRecord:
    return record("status_update", when, sender=MARIA, company=COMPANY,
                  decision_by=day, thread="t-maria")


def test_status_check_after_the_stated_date() -> None:
    history = [invitation(), panel(), decided_by(date(2026, 3, 13))]  # a Friday
    [check] = plan(history, now=at(2026, 3, 10), kind="status_check")
    assert (check.status, check.due) == ("scheduled", at(2026, 3, 16, 9))
    assert check.to == (MARIA,)
    assert check.window_end == at(2026, 3, 23, 9)
    assert check.facts.decision_by == date(2026, 3, 13)
    assert check.threading.in_reply_to == history[2].message_id
    holiday = replace(SAM, holidays=(date(2026, 3, 16),))
    [check] = plan(history, now=at(2026, 3, 10), user=holiday, kind="status_check")
    assert check.due == at(2026, 3, 17, 9)
    assert plan(history, now=at(2026, 3, 16, 9), kind="status_check")[0].status == "due"
    assert plan(history, now=at(2026, 3, 23, 9), kind="status_check")[0].status == "missed"


def test_employer_writing_again_restarts_the_silence() -> None:
    stated = decided_by(date(2026, 3, 13))
    before_the_date = record("status_update", at(2026, 3, 11), sender=MARIA, company=COMPANY)
    [check] = plan([invitation(), panel(), stated, before_the_date], now=at(2026, 3, 12),
                   kind="status_check")
    assert check.due == at(2026, 3, 16, 9)  # the date still stands
    after_the_date = record("status_update", at(2026, 3, 16, 8), sender=MARIA,
                            company=COMPANY)  # a Monday, no new date
    [check] = plan([invitation(), panel(), stated, after_the_date], now=at(2026, 3, 17),
                   kind="status_check")
    assert check.due == at(2026, 3, 26, 9)  # 10 days of silence from the reply: Thu 26
    new_date = decided_by(date(2026, 4, 2), when=at(2026, 3, 16, 8))
    [check] = plan([invitation(), panel(), stated, new_date], now=at(2026, 3, 17),
                   kind="status_check")
    assert check.due == at(2026, 4, 3, 9)


def test_ten_days_of_silence_landing_on_a_weekend_moves_to_monday() -> None:
    friday = panel(start=at(2026, 2, 27, 14), end=at(2026, 2, 27, 15), when=at(2026, 2, 20))
    [check] = plan([invitation(at(2026, 2, 18)), friday], now=at(2026, 3, 2),
                   kind="status_check")
    # Fri 27 Feb 15:00 + 10 days = Mon 9 Mar: its 09:00 (the tenth day, a business day;
    # DST started on the 8th). Until session 8 a tenth day past 09:00 waited for Tuesday.
    assert check.due == at(2026, 3, 9, 9)
    assert check.due.utcoffset() == timedelta(hours=-4)
    wednesday = panel(start=at(2026, 2, 25, 14), end=at(2026, 2, 25, 15),
                      when=at(2026, 2, 20))
    [check] = plan([invitation(at(2026, 2, 18)), wednesday], now=at(2026, 3, 2),
                   kind="status_check")
    assert check.due == at(2026, 3, 9, 9)  # Sat 7 Mar 15:00 → Mon 9 Mar 09:00
    assert "10 days of silence since the interview ended" in check.reason


def test_no_status_check_after_an_offer_or_rejection_or_before_interviews() -> None:
    history = [invitation(), panel()]
    for kind in ("offer", "rejection"):
        news = record(kind, at(2026, 3, 5), sender=MARIA, company=COMPANY)
        assert plan([*history, news], now=at(2026, 3, 20), kind="status_check") == []
    ack = record("application_received", at(2026, 1, 2), sender=GREENHOUSE, company=COMPANY,
                 reply_to=(MARIA,))
    assert plan([ack], now=at(2026, 3, 20)) == []


def test_one_status_check_per_stretch_and_the_key_names_the_stretch() -> None:
    history = [invitation(), panel()]
    [check] = plan(history, now=at(2026, 3, 16), kind="status_check")
    assert check.key.endswith(":status_check:2026030301:maria.lopez@northwindlabs.com")
    # The best contact changed but the slot was already drafted: the key stays.
    other = Person("Lee Park", "lee@northwindlabs.com")
    existing = {check.key: "created"}
    pinged = record("status_update", at(2026, 3, 3, 14, 30), sender=other, company=COMPANY)
    [again] = plan([*history, pinged], now=at(2026, 3, 16), existing=existing,
                   kind="status_check")
    assert again.key == check.key
    assert again.to[0].email == MARIA.email


def test_status_check_is_blocked_without_a_human() -> None:
    ack = record("application_received", at(2026, 2, 20), sender=GREENHOUSE, company=COMPANY)
    [check] = plan([ack, panel(interviewers=())], now=at(2026, 3, 16), kind="status_check")
    assert check.status == "blocked" and "no-reply@greenhouse.io" in check.reason


# -- final note ---------------------------------------------------------------------------

def sent_check(when: datetime = CHECK_SENT) -> MailRecord:
    return record("user_follow_up", when, to=(MARIA,), subject="Following up",
                  thread="t-maria", company=COMPANY)


def test_final_note_fourteen_days_after_a_sent_status_check() -> None:
    history = [invitation(), panel(), sent_check()]
    assert {d.status for d in plan(history, now=at(2026, 3, 20), kind="thank_you")} \
        == {"missed"}
    assert plan(history, now=at(2026, 3, 20), kind="status_check") == []  # it was sent
    [written] = plan(history, now=at(2026, 3, 20), kind="status_check", done=True)
    assert (written.status, written.due, written.to) == ("done", CHECK_SENT, (MARIA,))
    assert "status check written by you to Maria Lopez on Mon 16 Mar 10:00" in written.reason
    [note] = plan(history, now=at(2026, 3, 20), kind="final_note")
    # Mon 16 Mar 10:00 + 14 days: Mon 30 Mar 10:00, a business day after 09:00, so then
    # (session 6, blind scenarios 58 and 67; a status check still waits for a morning).
    assert note.due == at(2026, 3, 30, 10)
    assert note.to == (MARIA,)
    assert note.threading.in_reply_to == history[2].message_id
    assert note.threading.subject == "Re: Following up"
    assert note.key.endswith(":final_note:2026030301:maria.lopez@northwindlabs.com")
    [application] = group_applications(history, SAM, now=at(2026, 4, 8, 9))
    assert (application.state, application.closed_by) == ("closed", "silence")
    assert plan(history, now=at(2026, 4, 8, 9), kind="final_note")[0].status == "missed"
    assert group_applications(history, SAM, now=at(2026, 4, 1))[0].state \
        == "awaiting_decision"


def test_no_final_note_without_a_sent_check_or_after_an_employer_reply() -> None:
    history = [invitation(), panel()]
    assert plan(history, now=at(2026, 4, 20), kind="final_note") == []
    answer = record("status_update", at(2026, 3, 18), sender=MARIA, company=COMPANY)
    drafts = plan([*history, sent_check(), answer], now=at(2026, 4, 1))
    assert [d.kind for d in drafts if d.kind != "thank_you"] == ["status_check"]  # a new stretch of silence
    assert drafts[-1].due == at(2026, 3, 30, 9)


def test_sending_the_final_note_closes_the_application() -> None:
    final = record("user_follow_up", at(2026, 3, 31, 11), to=(MARIA,), thread="t-maria")
    history = [invitation(), panel(), sent_check(), final]
    [application] = group_applications(history, SAM, now=at(2026, 4, 1))
    assert (application.state, application.closed_by) == ("closed", "silence")
    assert plan(history, now=at(2026, 4, 1)) == []


# -- rejection ----------------------------------------------------------------------------

def test_rejection_response_within_48_hours() -> None:
    rejection = record("rejection", at(2026, 3, 10, 11), sender=MARIA, company=COMPANY,
                       subject="Your application", thread="t-maria")
    [draft] = plan([invitation(), panel(), rejection], now=at(2026, 3, 10, 11, 5))
    assert (draft.kind, draft.status, draft.to) == ("rejection_response", "due", (MARIA,))
    assert draft.due == at(2026, 3, 10, 11) and draft.window_end == at(2026, 3, 12, 11)
    assert draft.threading.subject == "Re: Your application"
    assert draft.key.endswith(":rejection_response:0:maria.lopez@northwindlabs.com")
    assert plan([invitation(), panel(), rejection], now=at(2026, 3, 12, 11))[0].status \
        == "missed"
    answered = reply(rejection, "user_other", at(2026, 3, 10, 15), to=(MARIA,))
    assert plan([invitation(), panel(), rejection, answered], now=at(2026, 3, 11)) == []


def test_rejection_from_no_reply_goes_to_the_recruiter_or_is_blocked() -> None:
    rejection = record("rejection", at(2026, 3, 10), sender=GREENHOUSE, company=COMPANY)
    invited = invitation()
    [draft] = plan([invited, panel(), rejection], now=at(2026, 3, 10, 12))
    assert draft.to == (MARIA,) and draft.status == "due"
    assert draft.threading.in_reply_to == invited.message_id
    ack = record("application_received", at(2026, 2, 1), sender=GREENHOUSE, company=COMPANY)
    [draft] = plan([ack, rejection], now=at(2026, 3, 10, 12))
    assert draft.status == "blocked" and "no human address" in draft.reason


# -- what stops drafts --------------------------------------------------------------------

def test_offer_stops_everything() -> None:
    offer = record("offer", at(2026, 3, 3, 16), sender=MARIA, company=COMPANY)
    assert plan([invitation(), panel(), offer], now=at(2026, 3, 3, 18)) == []


def test_ignored_and_closed_applications_get_nothing() -> None:
    history = [invitation(), panel()]
    [application] = group_applications(history, SAM, now=at(2026, 3, 3, 18))
    for action in ("ignore", "close"):
        override = Override(application.id, action, at(2026, 3, 3, 17))  # type: ignore[arg-type]
        assert plan(history, now=at(2026, 3, 3, 18), overrides=(override,)) == []
    reopened = (Override(application.id, "ignore", at(2026, 3, 3, 17)),
                Override(application.id, "reopen", at(2026, 3, 3, 17, 30)))
    assert len(plan(history, now=at(2026, 3, 3, 18), overrides=reopened,
                    kind="thank_you")) == 2


def test_note_reaches_the_template_facts() -> None:
    history = [invitation(), panel()]
    [application] = group_applications(history, SAM, now=at(2026, 3, 3, 18))
    note = Override(application.id, "note", at(2026, 3, 3, 17), "the streaming design")
    drafts = plan(history, now=at(2026, 3, 3, 18), overrides=(note,))
    assert {d.facts.note for d in drafts} == {"the streaming design"}


def test_more_status_checks_when_configured() -> None:
    timing = TimingConfig(max_status_checks=2)
    history = [invitation(), panel(), sent_check()]
    [second] = plan(history, now=at(2026, 3, 20), timing=timing, kind="status_check")
    assert (second.kind, second.due) == ("status_check", at(2026, 3, 27, 9))
    assert second.key.split(":")[2] == "2026030302"


def test_a_draft_made_before_two_applications_merged_is_not_made_again() -> None:
    ola = Person("Ola Berg", "ola@fbk-talent.net")
    ack = record("application_received", at(2026, 2, 1), sender=GREENHOUSE, company="Fabrikam")
    booked = record("interview_scheduled", at(2026, 2, 5), sender=ola, start=at(2026, 3, 3, 14),
                    end=at(2026, 3, 3, 15), interviewers=(ola,))
    [before] = plan([ack, booked], now=at(2026, 3, 3, 18), kind="thank_you")
    bridge = reply(booked, "status_update", at(2026, 3, 3, 17), sender=ola, company="Fabrikam")
    [after] = plan([ack, booked, bridge], now=at(2026, 3, 3, 18), kind="thank_you",
                   existing={before.key: "created"})
    assert after.application_id != before.application_id
    assert after.key == before.key


def test_a_follow_up_in_a_new_thread_to_anyone_at_the_employer_counts() -> None:
    head = Person("Lee Park", "lee.park@northwindlabs.com")  # never wrote before
    mine = record("user_follow_up", at(2026, 3, 12, 10), to=(head,), subject="Checking in",
                  message_id="<mine@rivera.dev>")
    mine = replace(mine, sender=Person("Sam Rivera", "sam@rivera.dev"))  # the other address
    history = [invitation(), panel(), mine]
    assert plan(history, now=at(2026, 3, 14), kind="status_check") == []
    [written] = plan(history, now=at(2026, 3, 14), kind="status_check", done=True)
    assert (written.status, written.to) == ("done", (head,))
    [note] = plan(history, now=at(2026, 3, 14), kind="final_note")
    assert note.due == at(2026, 3, 26, 10)  # 14 days: Thu 26 Mar 10:00, a business day
    assert note.to == (head,) and note.threading.in_reply_to == "<mine@rivera.dev>"


def test_a_final_note_due_outside_a_business_day_waits_for_its_morning() -> None:
    """14 days after a follow-up sent on a Saturday is a Saturday: Monday 09:00. After one
    sent at 07:30 on a Thursday, 09:00 that Thursday."""
    from followup.track.calendar_days import business_time_on_or_after
    user = UserConfig(name="Sam Rivera", addresses=("sam@example.org",),
                      timezone="America/New_York")
    assert business_time_on_or_after(at(2026, 3, 28, 11), 9, user) == at(2026, 3, 30, 9)
    assert business_time_on_or_after(at(2026, 3, 26, 7, 30), 9, user) == at(2026, 3, 26, 9)
    assert business_time_on_or_after(at(2026, 3, 26, 16), 9, user) == at(2026, 3, 26, 16)


def test_a_timeless_note_before_a_set_interview_is_about_that_interview() -> None:
    """Blind scenario 54: "here's the link for Thursday" after the time was set is no new
    interview to wait for; once the interview has ended the application awaits a decision.
    A time-less scheduling message after the interview began is still a next step."""
    link = record("interview_scheduled", later(PANEL_BOOKED, hours=2), sender=MARIA,
                  company=COMPANY, thread="t-maria")
    [application] = group_applications([invitation(), panel(), link], SAM,
                                       now=at(2026, 3, 10))
    assert application.state == "awaiting_decision"
    after = record("interview_scheduled", later(PANEL_END, days=1), sender=MARIA,
                   company=COMPANY, thread="t-maria")
    [application] = group_applications([invitation(), panel(), after], SAM,
                                       now=at(2026, 3, 10))
    assert application.state == "interviewing"
