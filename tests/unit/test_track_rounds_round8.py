"""Who holds a round, session 8 (blind scenarios 113, 121, 122 after their first run): the
new time of a cancelled interview keeps its panel, and an interviewer named without an
address who wrote to the user himself has that address."""

from __future__ import annotations

from dataclasses import replace

from followup.judge.model import Person
from followup.track.rounds import build_rounds

from .test_track_builders import SAM, at, record, reply

SARAH = Person("Sarah Whitlock", "sarah@kookaburra.example")
DANIEL = Person("Daniel Papadopoulos", "daniel@kookaburra.example")
PRIYA = Person("Priya Shah", "priya@kookaburra.example")


def test_the_new_time_of_a_cancelled_interview_keeps_its_panel() -> None:
    first = record("interview_scheduled", at(2026, 10, 8), sender=SARAH,
                   start=at(2026, 10, 20, 14), end=at(2026, 10, 20, 15),
                   interviewers=(SARAH, DANIEL), uid="a@k", company="Kookaburra")
    cancel = record("interview_canceled", at(2026, 10, 19), sender=SARAH,
                    start=at(2026, 10, 20, 14), uid="a@k", company="Kookaburra")
    again = record("interview_scheduled", at(2026, 10, 19, 16), sender=SARAH,
                   start=at(2026, 10, 22, 10), end=at(2026, 10, 22, 11),
                   interviewers=(DANIEL,), uid="b@k", company="Kookaburra")
    rounds = build_rounds([first, cancel, again], SAM)
    assert [r.canceled for r in rounds] == [True, False]
    assert {p.email for p in rounds[-1].interviewers} == {SARAH.email, DANIEL.email}


def test_a_later_round_does_not_inherit_an_earlier_panel() -> None:
    first = record("interview_scheduled", at(2026, 10, 8), sender=SARAH,
                   start=at(2026, 10, 20, 14), end=at(2026, 10, 20, 15),
                   interviewers=(SARAH, DANIEL), uid="a@k", company="Kookaburra")
    final = record("interview_scheduled", at(2026, 10, 23), sender=SARAH,
                   start=at(2026, 10, 29, 10), end=at(2026, 10, 29, 11),
                   interviewers=(PRIYA,), uid="c@k", company="Kookaburra")
    rounds = build_rounds([first, final], SAM)
    assert {p.email for p in rounds[-1].interviewers} == {PRIYA.email}


def test_an_interviewer_named_without_an_address_who_wrote_has_that_address() -> None:
    invite = record("interview_scheduled", at(2026, 10, 5), sender=SARAH,
                    start=at(2026, 10, 13, 14), end=at(2026, 10, 13, 15),
                    interviewers=(Person("Daniel Papadopoulos", ""),), company="Kookaburra")
    note = replace(reply(invite, "status_update", at(2026, 10, 9)), sender=DANIEL)
    rounds = build_rounds([invite, note], SAM)
    assert DANIEL.email in {p.email for p in rounds[-1].interviewers}
