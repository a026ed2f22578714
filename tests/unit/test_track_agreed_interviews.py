"""Interviews agreed by email (issue 12 point 5): the employer proposes times, the user's
reply picks one or agrees to the only one; a counter-proposal, a refusal or an agreement to
one of several times fixes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from followup.judge.model import Person
from followup.judge.proposals import agrees
from followup.mail.parse import parse_message
from followup.track.model import MailRecord
from followup.track.rounds import agreed_time, build_rounds

from .test_track_builders import MARIA, SAM, at, record, reply

ONE = (at(2026, 12, 2, 11), at(2026, 12, 2, 11, 45))
TWO = (at(2026, 12, 3, 15), None)


def proposal(*times: tuple[datetime, datetime | None]) -> MailRecord:
    return replace(record("interview_invitation", at(2026, 11, 24, 10), company="Fernhill",
                          interviewers=(MARIA,)), proposed_times=times)


def answer(to: MailRecord, *, picks: tuple[datetime, ...] = (), agreeing: bool = False
           ) -> MailRecord:
    return replace(reply(to, "user_other", at(2026, 11, 24, 18), to=(MARIA,)),
                   proposed_times=tuple((start, None) for start in picks), agrees=agreeing)


def test_one_time_proposed_and_accepted_is_a_scheduled_round() -> None:
    invitation = proposal(ONE)
    accepted = answer(invitation, agreeing=True)
    assert agreed_time([invitation, accepted], accepted) == (invitation, *ONE)
    [interview] = build_rounds([invitation, accepted], SAM)
    assert (interview.start, interview.end) == ONE
    assert interview.interviewers == (MARIA,)
    assert interview.source_keys == (invitation.key, accepted.key)


def test_a_slot_picked_from_a_list() -> None:
    invitation = proposal(ONE, TWO)
    picked = answer(invitation, picks=(TWO[0],))
    [interview] = build_rounds([invitation, picked], SAM)
    assert interview.start == TWO[0] and interview.end is None


def test_no_round_without_a_clear_agreement() -> None:
    invitation = proposal(ONE, TWO)
    assert build_rounds([invitation, answer(invitation, agreeing=True)], SAM) == ()  # which?
    counter = answer(invitation, picks=(at(2026, 12, 4, 9),))  # a time nobody proposed
    assert build_rounds([invitation, counter], SAM) == ()
    single = proposal(ONE)
    assert build_rounds([single, answer(single)], SAM) == ()  # neither picks nor agrees
    stranger = replace(answer(single, agreeing=True), in_reply_to=None, references=(),
                       thread_id=None, to=(Person("Bo", "bo@elsewhere.example"),))
    assert build_rounds([single, stranger], SAM) == ()  # answers someone else


def test_agreeing_is_read_from_the_reply_and_a_refusal_is_not_agreement() -> None:
    def reply_text(text: str) -> bool:
        raw = (f"From: Sam Rivera <sam.rivera@example.org>\r\nTo: maria@x.example\r\n"
               f"Subject: Re: interview\r\nDate: Tue, 24 Nov 2026 18:00:00 -0500\r\n"
               f"Message-ID: <r@example.org>\r\n\r\n{text}\r\n").encode()
        return agrees(parse_message(raw))

    assert reply_text("Wednesday at 11 works well for me. Looking forward to it!")
    assert reply_text("Sounds good, talk to you then.")
    assert not reply_text("Unfortunately I can't make Wednesday; could we find another time?")
    assert not reply_text("Thanks for the update.")
