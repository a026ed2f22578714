"""Applications, timing and drafts end to end: scenario mailboxes in a real Dovecot,
`followup scan --now T` at successive times through the CLI, and the Drafts folder read
back over IMAP."""

from __future__ import annotations

import json

from tests.e2e.scenario import (DANA, GREENHOUSE, LUIS, MARIA, Mailbox, acknowledgement, at,
                                calendar_invitation, cancellation, decision_date_update,
                                employer_reply, invitation, offer, outreach, rejection,
                                user_status_check, user_thanks)

DANA_TO = "Dana Kim <dana.kim@northwindlabs.com>"
LUIS_TO = "Luis Ortega <luis.ortega@northwindlabs.com>"
MARIA_TO = "Maria Lopez <maria.lopez@northwindlabs.com>"


def interviewed(mailbox: Mailbox, start=None, interviewers=(DANA, LUIS)) -> None:  # type: ignore[no-untyped-def]
    """An application up to a panel interview on Thursday 5 March, 14:00-15:00."""
    mailbox.deliver(acknowledgement(at(2, 9)))
    mailbox.deliver(invitation(at(3, 10)))
    mailbox.deliver(calendar_invitation(at(3, 15), start or at(5, 14), list(interviewers)))


def scan_ok(mailbox: Mailbox, when) -> str:  # type: ignore[no-untyped-def]
    result = mailbox.scan(when)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_thank_you_per_interviewer_only_after_the_interview(mailbox: Mailbox) -> None:
    interviewed(mailbox)
    scan_ok(mailbox, at(5, 14, 30))  # the interview is under way
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(5, 16, 30))  # ended at 15:00, due at 17:00
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(5, 17, 1))
    assert mailbox.draft_recipients() == [DANA_TO, LUIS_TO]
    for draft in mailbox.drafts():
        text = draft.get_content()
        assert "Senior Data Engineer" in text and "Northwind Labs" in text
        assert draft["Message-ID"] and draft["Date"]
        assert not [name for name in draft.keys() if name.lower().startswith("x-")]
        first_name = str(draft["To"]).split()[0]
        assert f"Hi {first_name}," in text
    # A second scan at the same time, and a later one, add nothing.
    scan_ok(mailbox, at(5, 17, 1))
    scan_ok(mailbox, at(5, 20, 0))
    assert len(mailbox.drafts()) == 2


def test_no_thank_you_to_someone_the_user_already_thanked(mailbox: Mailbox) -> None:
    interviewed(mailbox)
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    scan_ok(mailbox, at(5, 18))
    assert mailbox.draft_recipients() == [LUIS_TO]


def test_reschedule_moves_the_thank_you(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(calendar_invitation(at(4, 9), at(6, 11), [DANA], sequence=1,
                                        message_id="<cal2@northwindlabs.com>"))
    scan_ok(mailbox, at(5, 18))  # the old time has passed: nothing, the interview moved
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(6, 14, 5))  # new end 12:00, due 14:00
    assert mailbox.draft_recipients() == [DANA_TO]


def test_cancelled_interview_gets_no_thank_you(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(cancellation(at(4, 12), at(5, 14)))
    scan_ok(mailbox, at(5, 18))
    assert mailbox.drafts() == []


def test_status_check_after_the_stated_decision_date(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    mailbox.deliver(decision_date_update(at(6, 10), "Wednesday, March 11"))
    scan_ok(mailbox, at(11, 17))
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(12, 9, 5))  # the first business day after the stated date, 09:00
    [draft] = mailbox.drafts()
    assert str(draft["To"]) == MARIA_TO
    assert str(draft["Subject"]).startswith("Re: ")
    assert draft["In-Reply-To"] == "<status@northwindlabs.com>"


def test_no_status_check_after_an_employer_reply_without_a_date(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    mailbox.deliver(employer_reply(at(13, 10)))
    scan_ok(mailbox, at(16, 9, 30))  # 10 days after the interview, but they wrote on the 13th
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(23, 8, 30))  # 10 days after their message is Monday 23 March
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(23, 9, 30))  # ... at 09:00 that day, a business day (README; until
    assert mailbox.draft_recipients() == [MARIA_TO]  # session 8 the 24th: 10:00 was past 09:00)


def test_rejection_gets_a_gracious_reply_and_nothing_else(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    mailbox.deliver(rejection(at(9, 11)))
    scan_ok(mailbox, at(9, 12))
    [draft] = mailbox.drafts()
    assert str(draft["To"]) == MARIA_TO
    assert draft["In-Reply-To"] == "<reject@northwindlabs.com>"
    scan_ok(mailbox, at(25, 10))  # no status check or final note ever follows
    assert len(mailbox.drafts()) == 1


def test_rejection_from_a_no_reply_address_makes_no_draft(mailbox: Mailbox) -> None:
    mailbox.deliver(acknowledgement(at(2, 9)))
    mailbox.deliver(rejection(at(6, 11), sender=GREENHOUSE))
    scan_ok(mailbox, at(6, 12))
    assert mailbox.drafts() == []
    plan = json.loads(mailbox.cli("plan", "--json", "--now", at(6, 12).isoformat()).stdout)
    [application] = plan["applications"]
    assert application["state"] == "rejected"
    [draft] = application["drafts"]
    assert draft["status"] == "blocked" and "no-reply" in draft["reason"]


def test_offer_ends_the_follow_ups(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    mailbox.deliver(offer(at(9, 11)))
    scan_ok(mailbox, at(30, 10))
    assert mailbox.drafts() == []


def test_final_note_after_a_sent_status_check_goes_unanswered(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    mailbox.deliver(user_status_check(at(16, 10)), folder="Sent")
    scan_ok(mailbox, at(27, 10))
    assert mailbox.drafts() == []  # fourteen days after the sent check is 30 March, 10:00
    scan_ok(mailbox, at(30, 9, 30))
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(31, 9, 30))  # ... moved to 09:00 on the next business day
    assert mailbox.draft_recipients() == [MARIA_TO]
    plan = json.loads(mailbox.cli("plan", "--json", "--now", at(31, 9, 30).isoformat()).stdout)
    [application] = plan["applications"]
    assert any(d["kind"] == "final_note" and d["status"] == "created"
               for d in application["drafts"])


def test_nothing_for_recruiter_outreach(mailbox: Mailbox) -> None:
    mailbox.deliver(outreach(at(3, 9)))
    scan_ok(mailbox, at(20, 9))
    assert mailbox.drafts() == []


def test_a_deleted_draft_never_comes_back(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    scan_ok(mailbox, at(5, 17, 5))
    [entry] = mailbox.server.read_folder(mailbox.user, "Drafts")
    mailbox.server.delete_message(mailbox.user, "Drafts", entry["uid"])
    scan_ok(mailbox, at(5, 18))
    scan_ok(mailbox, at(6, 9))
    assert mailbox.drafts() == []
    plan = json.loads(mailbox.cli("plan", "--json", "--now", at(6, 9).isoformat()).stdout)
    statuses = [d["status"] for a in plan["applications"] for d in a["drafts"]
                if d["kind"] == "thank_you"]
    assert statuses == ["dismissed"]


def test_killed_between_append_and_confirm_makes_no_duplicate(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    killed = mailbox.scan(at(5, 17, 5), fault="after-append")
    assert killed.returncode == 75  # died right after the APPEND, before recording it
    assert len(mailbox.drafts()) == 1
    scan_ok(mailbox, at(5, 17, 10))
    assert mailbox.draft_recipients() == [DANA_TO]


def test_killed_after_recording_the_intent_appends_once(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    killed = mailbox.scan(at(5, 17, 5), fault="after-intent")
    assert killed.returncode == 75
    assert mailbox.drafts() == []
    scan_ok(mailbox, at(5, 17, 10))
    scan_ok(mailbox, at(5, 17, 15))
    assert mailbox.draft_recipients() == [DANA_TO]


def test_dry_run_writes_nothing_anywhere(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    result = mailbox.scan(at(5, 17, 5), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "would draft thank_you to dana.kim@northwindlabs.com" in result.stdout
    assert mailbox.drafts() == []
    assert not (mailbox.root / "state" / "state.db").exists()


def test_status_and_export_read_like_a_tracker(mailbox: Mailbox) -> None:
    interviewed(mailbox, interviewers=(DANA,))
    scan_ok(mailbox, at(5, 12))
    status = mailbox.cli("status", "--json", "--now", at(5, 12).isoformat())
    assert status.returncode == 0, status.stderr
    [row] = json.loads(status.stdout)
    assert (row["company"], row["state"]) == ("Northwind Labs", "interviewing")
    assert row["next_action"] == "thank you to Dana Kim"
    csv_result = mailbox.cli("export", "--csv", "-")
    assert csv_result.stdout.splitlines()[0].startswith("id,company,role,state")


def test_an_unsure_message_waits_for_the_users_word_then_the_draft_follows(
        mailbox: Mailbox) -> None:
    """Issue 12's round trip through the CLI: the judge is unsure of the employer's last
    word, so nothing is drafted on it; `review` lists it with a key; `app correct KEY KIND`
    settles it; the next scan drafts what the corrected kind calls for."""
    from tests.e2e.scenario import ME, message

    interviewed(mailbox, interviewers=(DANA,))
    mailbox.deliver(user_thanks(at(5, 16), DANA), folder="Sent")
    mailbox.deliver(message(
        at(9, 11), MARIA, ME, "Re: Northwind Labs interview",
        # (a word that leaves the outcome open; the model retrained in session 8 reads
        # "the panel felt the role needs more hands-on Spark experience than you have
        # today" as the rejection it is, and so would a person)
        "Hi Sam,\n\nThank you for your time with the team. The panel wants to think about "
        "how much hands-on Spark experience the role needs.\n\nAll the best,\n"
        "Maria", message_id="<vague@northwindlabs.com>", in_reply_to="<cal@northwindlabs.com>"))
    scan_ok(mailbox, at(9, 12))
    assert mailbox.drafts() == []

    listed = mailbox.cli("review", "--json")
    assert listed.returncode == 0, listed.stderr
    [unsure] = json.loads(listed.stdout)
    assert unsure["subject"] == "Re: Northwind Labs interview"
    assert unsure["sender"] == MARIA[1] and unsure["guess"] == "other"
    assert unsure["date"] == "2026-03-09T11:00:00-04:00"  # RFC 3339, the user's offset
    key = unsure["key"]
    shown = mailbox.cli("review").stdout
    assert key in shown and "Re: Northwind Labs interview" in shown
    assert f"followup app correct {key} other" in shown

    waiting = mailbox.cli("plan", "--json", "--now", at(19, 10).isoformat())
    drafts = [d for app in json.loads(waiting.stdout)["applications"] for d in app["drafts"]
              if d["kind"] == "status_check"]
    assert [d["status"] for d in drafts] == ["waiting"]
    from tests.e2e.test_output_contract import validate

    validate(json.loads(waiting.stdout), "plan")
    assert f"followup app correct {key} other" in drafts[0]["reason"]
    rows = json.loads(mailbox.cli("status", "--json", "--now", at(19, 10).isoformat()).stdout)
    assert any("waiting: " in row["next_action"] and key in row["next_action"] for row in rows)

    assert "rejection" in mailbox.cli("app", "correct", "--help").stdout
    wrong = mailbox.cli("app", "correct", key, "rejected")
    assert wrong.returncode == 2 and "rejection" in wrong.stderr
    settled = mailbox.cli("app", "correct", key, "rejection")
    assert settled.returncode == 0, settled.stderr
    assert json.loads(mailbox.cli("review", "--json").stdout) == []

    scan_ok(mailbox, at(9, 13))
    assert mailbox.draft_recipients() == [MARIA_TO]
    [draft] = mailbox.drafts()
    assert str(draft["In-Reply-To"]) == "<vague@northwindlabs.com>"
