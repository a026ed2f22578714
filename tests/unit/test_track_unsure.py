"""A draft is never built on an unsure judgement (issue 12, SPEC §3): it waits for the
user's word, with the message and the exact command that settles it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from followup.store import Store

from .test_track_builders import MARIA, at, record
from .test_track_timing import COMPANY, decided_by, invitation, panel, plan


def test_a_rejection_the_judge_was_unsure_of_gets_no_reply_until_the_user_says() -> None:
    rejection = replace(record("rejection", at(2026, 3, 10, 11), sender=MARIA, company=COMPANY,
                               subject="Your application", thread="t-maria"), sure=False)
    [draft] = plan([invitation(), panel(), rejection], now=at(2026, 3, 10, 11, 5))
    assert draft.kind == "rejection_response" and draft.status == "waiting"
    assert f"followup app correct {rejection.short_key} rejection" in draft.reason
    assert "Your application" in draft.reason and MARIA.email in draft.reason
    [draft] = plan([invitation(), panel(), replace(rejection, sure=True)],
                   now=at(2026, 3, 10, 11, 5))
    assert draft.status == "due"


def test_a_thank_you_waits_when_the_invitation_behind_it_is_unsure() -> None:
    booked = replace(panel(), sure=False)
    drafts = plan([invitation(), booked], now=at(2026, 3, 3, 17, 5), kind="thank_you")
    assert drafts and {d.status for d in drafts} == {"waiting"}
    assert all(booked.short_key in d.reason for d in drafts)
    drafts = plan([invitation(), panel()], now=at(2026, 3, 3, 17, 5), kind="thank_you")
    assert {d.status for d in drafts} == {"due"}


def test_a_status_check_waits_when_the_employers_last_word_is_unsure() -> None:
    last = replace(decided_by(date(2026, 3, 13)), sure=False)
    [check] = plan([invitation(), panel(), last], now=at(2026, 3, 16, 9), kind="status_check")
    assert check.status == "waiting"
    assert f"followup app correct {last.short_key} status_update" in check.reason
    # An unsure message earlier on does not hold it up: the last word is sure.
    earlier = replace(invitation(), sure=False)
    [check] = plan([earlier, panel(), decided_by(date(2026, 3, 13))], now=at(2026, 3, 16, 9),
                   kind="status_check")
    assert check.status == "due"


def test_a_missed_window_stays_missed_even_if_unsure() -> None:
    rejection = replace(record("rejection", at(2026, 3, 10, 11), sender=MARIA,
                               company=COMPANY), sure=False)
    [draft] = plan([invitation(), panel(), rejection], now=at(2026, 3, 13))
    assert draft.status == "missed"


def test_the_store_keeps_sureness_and_a_correction_by_short_key_settles_it(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state.db")
    unsure = replace(record("rejection", at(2026, 3, 10, 11), sender=MARIA, company=COMPANY,
                            subject="Your application"), sure=False)
    sure = record("interview_invitation", at(2026, 3, 1), sender=MARIA, company=COMPANY)
    with store.transaction():
        store.save_record(unsure)
        store.save_record(sure)
    assert [r.key for r in store.unsure_records()] == [unsure.key]
    assert store.resolve_key(unsure.short_key) == unsure.key
    assert store.resolve_key("00000000") is None
    with store.transaction():
        assert store.correct(unsure.short_key, "rejection", at(2026, 3, 10, 12))
        assert not store.correct("nope", "rejection", at(2026, 3, 10, 12))
    assert store.unsure_records() == []
    [settled] = [r for r in store.records() if r.key == unsure.key]
    assert settled.sure and settled.kind == "rejection"
    store.close()


def test_records_written_before_sureness_was_stored_read_as_sure(tmp_path: Path) -> None:
    from followup.store import record_from_dict, record_to_dict

    data = record_to_dict(record("rejection", at(2026, 3, 10), sender=MARIA))
    del data["sure"]
    assert record_from_dict(data).sure


def test_whether_the_text_showed_its_language_is_stored() -> None:
    from followup.store import record_from_dict, record_to_dict

    quiet = record("interview_scheduled", at(2026, 3, 10), sender=MARIA)
    quiet = replace(quiet, facts=replace(quiet.facts, language_shown=False))
    assert record_from_dict(record_to_dict(quiet)).facts.language_shown is False
    older = record_to_dict(record("rejection", at(2026, 3, 10), sender=MARIA))
    del older["facts"]["language_shown"]  # stored before session 7
    assert record_from_dict(older).facts.language_shown is True


def test_a_time_the_user_agreed_to_needs_no_more_word_for_its_thank_you() -> None:
    """The invitation behind a round agreed by email may stay unsure (a proposal read as
    invitation or as a set time): the user's own reply accepting the time is their word
    (session 8, blind scenario 126)."""
    from .test_track_builders import SAM as SAM_USER
    from .test_track_builders import reply

    proposed = replace(record("interview_invitation", at(2026, 2, 11, 10), sender=MARIA,
                              company=COMPANY, thread="t-maria",
                              subject="Quick conversation?"),
                       proposed_times=((at(2026, 2, 19, 14), at(2026, 2, 19, 14, 45)),),
                       sure=False)
    accepted = replace(reply(proposed, "user_other", at(2026, 2, 11, 12), to=(MARIA,)),
                       agrees=True)
    [draft] = plan([proposed, accepted], now=at(2026, 2, 19, 17, 5), kind="thank_you",
                   user=SAM_USER)
    assert draft.status == "due"
    # without the user's reply nothing is agreed, and no thank-you is planned
    assert plan([proposed], now=at(2026, 2, 19, 17, 5), kind="thank_you") == []
