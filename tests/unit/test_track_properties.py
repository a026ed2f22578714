"""Properties of the tracker over random mail histories (hypothesis).

Histories mix every kind, human and machine senders, threads, calendar UIDs, stated
decision dates and the user's own mail, at random times. Scans are simulated over weeks:
each scan sees only the mail dated up to its `now`, creates the drafts that are due (the
ledger), and sometimes the user sends a created follow-up.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.judge.model import INBOUND_KINDS, SENT_KINDS, Person
from followup.track.state import answered_without_time
from followup.track.applications import group_applications
from followup.track.model import Application, MailRecord, PlannedDraft
from followup.track.names import is_user
from followup.track.rounds import round_end
from followup.track.senders import is_machine_address
from followup.track.timing import plan_drafts

from .test_track_builders import DANA, GOODTIME, GREENHOUSE, MARIA, ME, PRIYA, SAM, TIMING, record

BASE = datetime(2026, 2, 2, 14, tzinfo=UTC)
SENDERS = [MARIA, DANA, PRIYA, GREENHOUSE, GOODTIME, Person("", "no-reply@northwindlabs.com"),
           Person("Jo Agent", "jo.agent@gmail.com"), Person("Lee", "lee@contoso.com")]
INTERVIEWERS = [DANA, PRIYA, ME, Person("Room 4", "c_4@resource.calendar.google.com"),
                Person("Ana Ruiz", "")]
CONTACTS = [None, MARIA.email, "no-reply@greenhouse.io", "lee@contoso.com"]
COMPANIES = [None, "Northwind Labs", "Northwind Labs Inc.", "Contoso"]
ROLES = [None, "Data Engineer", "Senior Data Engineer", "Product Designer"]


@st.composite
def mail(draw: st.DrawFn, kinds: tuple[str, ...] = INBOUND_KINDS + SENT_KINDS) -> MailRecord:
    kind = draw(st.sampled_from(kinds))
    when = BASE + timedelta(minutes=draw(st.integers(0, 40 * 24 * 60)))
    start = end = None
    if kind in ("interview_scheduled", "interview_canceled") and draw(st.booleans()):
        start = when + timedelta(hours=draw(st.integers(-48, 21 * 24)))
        length = draw(st.sampled_from([None, 30, 45, 60, 240]))
        end = start + timedelta(minutes=length) if length else None
    decision = draw(st.one_of(st.none(), st.integers(-3, 30)))
    return record(
        kind, when,
        sender=draw(st.sampled_from(SENDERS)),
        to=tuple(draw(st.lists(st.sampled_from([MARIA, DANA, PRIYA, GREENHOUSE]),
                               max_size=2))),
        company=draw(st.sampled_from(COMPANIES)),
        role=draw(st.sampled_from(ROLES)),
        start=start, end=end,
        interviewers=tuple(draw(st.lists(st.sampled_from(INTERVIEWERS), max_size=3))),
        contact=draw(st.sampled_from(CONTACTS)),
        decision_by=(when + timedelta(days=decision)).date() if decision is not None else None,
        thread=draw(st.sampled_from([None, "t1", "t2", "t3"])),
        uid=draw(st.sampled_from([None, "ev1", "ev2"])),
        sequence=draw(st.integers(0, 3)),
        process_closed=kind == "status_update" and draw(st.integers(0, 9)) == 0,
    )


histories = st.lists(mail(), min_size=1, max_size=14)
nows = st.integers(0, 70 * 24).map(lambda hours: BASE + timedelta(hours=hours))


def plan_at(records: list[MailRecord], now: datetime,
            ledger: dict[str, str] | None = None) -> tuple[list[Application],
                                                            list[PlannedDraft]]:
    seen = [r for r in records if r.date <= now]
    applications = group_applications(seen, SAM, now=now, timing=TIMING)
    return applications, plan_drafts(applications, SAM, TIMING, now, ledger)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories, nows)
def test_single_plan_properties(records: list[MailRecord], now: datetime) -> None:
    applications, drafts = plan_at(records, now)
    by_id = {a.id: a for a in applications}
    for draft in drafts:
        application = by_id[draft.application_id]
        assert draft.key.startswith(f"{application.id}:{draft.kind}:{draft.round}:")
        assert draft.window_end >= draft.due
        assert application.state not in ("offer", "ignored")
        if draft.status == "done":  # the user's own mail fills the slot: never drafted
            assert any(r.direction == "sent" and r.date == draft.due
                       for r in application.records), draft
            continue
        for person in draft.to:  # invariant 4: never a machine, never the user
            assert not is_machine_address(person.email, person.name), draft
            assert not is_user(person, SAM.addresses), draft
        if draft.status == "blocked" or not draft.to:
            assert not draft.to and draft.status in ("blocked", "missed")
            assert "no human address" in draft.reason
        if draft.kind == "thank_you":
            [interview] = [r for r in application.rounds if r.number == draft.round]
            end = round_end(interview)
            assert not interview.canceled and end is not None
            assert draft.due >= end + timedelta(hours=TIMING.thank_you_delay_hours)
        if draft.kind in ("status_check", "final_note"):
            assert application.state in ("awaiting_decision", "closed") or (
                application.state == "interviewing"
                and answered_without_time(application.records, application.rounds, now)) or (
                application.state == "applied" and any(
                    r.facts.decision_by is not None and r.kind != "application_received"
                    for r in application.records if r.direction == "inbound"))
            employer = [r.date for r in application.records if r.direction == "inbound"
                        and r.kind not in ("other", "recruiter_outreach") and r.date <= now]
            assert all(draft.due > when for when in employer)
            assert not any(r.kind in ("offer", "rejection") and r.date > max(employer)
                           for r in application.records)
            stretch_day = date(*divmod(divmod(draft.round // 100, 100)[0], 100),
                               draft.round // 100 % 100)
            assert max(employer).astimezone(UTC).date() <= stretch_day
        if draft.kind == "rejection_response":
            assert application.state == "rejected"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories, st.lists(st.booleans(), min_size=1, max_size=8))
def test_scans_over_time_never_pester(records: list[MailRecord], sends: list[bool]) -> None:
    """Scan every 12 hours for ten weeks with a ledger: each key is created once, at most
    one draft per slot, and at most max_status_checks + max_final_notes per stretch."""
    history = list(records)
    ledger: dict[str, str] = {}
    slots: Counter[tuple[str, str, str]] = Counter()
    per_stretch: Counter[tuple[str, int]] = Counter()
    choices = iter(sends * 20)
    for step in range(140):
        now = BASE + timedelta(hours=12 * step)
        _, drafts = plan_at(history, now, ledger)
        for draft in drafts:
            if draft.status != "due" or draft.key in ledger:
                continue
            ledger[draft.key] = "created"
            ident, kind, round_number, email = draft.key.split(":", 3)
            slots[(ident, kind, round_number if kind != "thank_you"
                   else f"{round_number}:{email}")] += 1
            if kind in ("status_check", "final_note"):
                per_stretch[(ident, int(round_number) // 100)] += 1
                if next(choices, False):  # the user sends it an hour later
                    history.append(record("user_follow_up", now + timedelta(hours=1),
                                          to=draft.to, thread=draft.threading.thread_id,
                                          in_reply_to=draft.threading.in_reply_to))
    assert all(count == 1 for count in slots.values()), slots
    limit = TIMING.max_status_checks + TIMING.max_final_notes
    assert all(count <= limit for count in per_stretch.values()), per_stretch


quiet_kinds = ("recruiter_outreach", "other", "user_other", "user_follow_up")


@settings(max_examples=100, deadline=None)
@given(st.lists(mail(quiet_kinds), min_size=1, max_size=10), nows)
def test_outreach_and_other_alone_make_nothing(records: list[MailRecord],
                                               now: datetime) -> None:
    applications, drafts = plan_at(records, now)
    assert applications == [] and drafts == []
