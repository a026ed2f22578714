"""The draft ledger's pure decision (`followup.ledger.reconcile`): every state against every
thing Drafts can show, without a mailbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from followup.judge.model import Facts, Person
from followup.ledger import (
    APPEND_SETTLE,
    Change,
    Observed,
    fingerprints_wanted,
    reconcile,
    removed_wanted,
)
from followup.store import LedgerEntry
from followup.track.model import MailRecord

NOW = datetime(2026, 3, 5, 17, 0, tzinfo=timezone.utc)
MARK = {"folder": "Drafts", "uidvalidity": 7, "uidnext": 12}


def entry(state: str, **changes: object) -> LedgerEntry:
    base = LedgerEntry(key="k", account="acct", application_id="app", kind="thank_you",
                       message_id="<m@x>", draft_id=None, state=state,
                       recipients=("dana@n.example",), due=NOW, fingerprint=None,
                       created_at=NOW - timedelta(hours=1), updated_at=NOW,
                       append_mark=None)
    return replace(base, **changes)  # type: ignore[arg-type]


def sent_to(address: str, when: datetime, message_id: str = "<other@x>") -> MailRecord:
    return MailRecord(key=f"acct:{message_id}", account="acct", message_id=message_id,
                      thread_id=None, in_reply_to=None, references=(), date=when,
                      direction="sent", kind="user_thank_you", sender=None, reply_to=(),
                      to=(Person("Dana", address),), cc=(), subject="Thanks",
                      facts=Facts())


def decide(one: LedgerEntry, observed: Observed, sent: list[MailRecord] | None = None,
           now: datetime = NOW) -> tuple[str, ...] | None:
    changes = reconcile([one], observed, sent or [], now)
    assert len(changes) <= 1
    return (changes[0].state, changes[0].draft_id or "") if changes else None


def test_an_interrupted_append_found_in_drafts_is_confirmed() -> None:
    for state in ("intent", "appending"):
        observed = Observed({"<m@x>": "7:12"}, {"7:12": "100:abc"})
        assert reconcile([entry(state, append_mark=MARK)], observed, [], NOW) == [
            Change("k", "created", "was stored before an interruption; confirmed", "7:12",
                   "100:abc")]


def test_an_intent_not_found_waits_for_its_append() -> None:
    assert decide(entry("intent"), Observed({})) is None


def test_an_append_proven_never_stored_goes_back_to_intent() -> None:
    appending = entry("appending", append_mark=MARK)
    assert decide(appending, Observed({}, removed={"k": False})) == ("intent", "")


def test_an_append_that_may_have_been_stored_and_deleted_is_never_made_again() -> None:
    appending = entry("appending", append_mark=MARK)
    assert decide(appending, Observed({}, removed={"k": True})) == ("dismissed", "")
    # The rule's cost: when the backend cannot tell (no mark: Gmail; Drafts recreated).
    assert decide(appending, Observed({}, removed={"k": None})) == ("dismissed", "")
    assert decide(entry("appending"), Observed({})) == ("dismissed", "")


def test_an_unanswered_append_is_given_time_to_land_before_it_is_made_again() -> None:
    unanswered = entry("appending", append_mark={**MARK, "unanswered_at": NOW.isoformat()})
    observed = Observed({}, removed={"k": False})
    assert decide(unanswered, observed, now=NOW + APPEND_SETTLE / 2) is None
    assert decide(unanswered, observed, now=NOW + APPEND_SETTLE) == ("intent", "")
    # Found meanwhile: made, whenever it landed.
    assert decide(unanswered, Observed({"<m@x>": "7:13"}), now=NOW + timedelta(seconds=1)) \
        == ("created", "7:13")


def test_a_created_draft_kept_edited_sent_or_deleted() -> None:
    created = entry("created", draft_id="7:12", fingerprint="100:abc")
    assert decide(created, Observed({"<m@x>": "7:12"}, {"7:12": "100:abc"})) is None
    assert decide(created, Observed({"<m@x>": "7:12"}, {"7:12": "120:def"})) == ("edited", "")
    assert decide(created, Observed({"<m@x>": "7:20"})) == ("edited", "")  # saved anew
    assert decide(created, Observed({}, {"7:12": "120:def"})) == ("edited", "")  # new id
    gone = Observed({}, {"7:12": None})
    assert decide(created, gone) == ("dismissed", "")
    assert decide(created, gone, [sent_to("dana@n.example", NOW)]) == ("sent", "")
    assert decide(created, gone, [sent_to("x@y.example", NOW, "<m@x>")]) == ("sent", "")
    earlier = NOW - timedelta(days=1)  # to the same person, but before we made the draft
    assert decide(created, gone, [sent_to("dana@n.example", earlier)]) == ("dismissed", "")


def test_only_what_the_decision_needs_is_asked_of_the_mailbox() -> None:
    entries = [entry("created", key="a", message_id="<a@x>", draft_id="7:1",
                     fingerprint="f"),
               entry("created", key="b", message_id="<b@x>", draft_id="7:2", fingerprint="f"),
               entry("created", key="c", message_id="<c@x>", draft_id="7:3", fingerprint="f"),
               entry("appending", key="d", message_id="<d@x>", append_mark=MARK),
               entry("appending", key="e", message_id="<e@x>", append_mark=MARK),
               entry("intent", key="f", message_id="<f@x>")]
    present = {"<a@x>": "7:1", "<b@x>": "7:9", "<e@x>": "7:10"}
    # a: content compared; b: another id, edited without looking; c: gone, is its id alive?
    # e: found, its fingerprint is recorded; d: not found, its mark is judged.
    assert fingerprints_wanted(entries, present) == ["7:1", "7:3", "7:10"]
    assert [one.key for one in removed_wanted(entries, present)] == ["d"]
