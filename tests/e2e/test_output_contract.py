"""What `plan`, `status` and `export` print, read the way a script would: the JSON validated
against the schemas shipped in the package (docs/json.md), every time RFC 3339 with the
user's offset, counts as numbers, one zone in the text; and a sent draft still shown."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from importlib import resources
from typing import Any

import jsonschema

from tests.e2e.scenario import DANA, Mailbox, acknowledgement, at, calendar_invitation, \
    invitation, user_thanks

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def schema(name: str) -> dict[str, Any]:
    text = resources.files("followup.schemas").joinpath(f"{name}.schema.json").read_text()
    document: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def validate(instance: Any, name: str) -> None:
    jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(instance)


def interviewed_and_thanked_by_draft(mailbox: Mailbox) -> None:
    mailbox.deliver(acknowledgement(at(2, 9)))
    mailbox.deliver(invitation(at(3, 10)))
    mailbox.deliver(calendar_invitation(at(3, 15), at(5, 14), [DANA]))
    result = mailbox.scan(at(5, 17, 5))
    assert result.returncode == 0, result.stderr


def test_plan_and_status_json_follow_their_schema(mailbox: Mailbox) -> None:
    interviewed_and_thanked_by_draft(mailbox)
    plan = json.loads(mailbox.cli("plan", "--json", "--now", at(5, 17, 10).isoformat()).stdout)
    validate(plan, "plan")
    [application] = plan["applications"]
    assert plan["now"] == "2026-03-05T17:10:00-05:00"
    assert application["rounds"][0]["start"] == "2026-03-05T14:00:00-05:00"
    draft, check = application["drafts"]
    assert (draft["kind"], draft["status"]) == ("thank_you", "created")
    assert datetime.fromisoformat(draft["due"]) == at(5, 17)
    # After the change to daylight saving time: the offset follows the zone.
    assert (check["kind"], check["due"]) == ("status_check", "2026-03-16T09:00:00-04:00")

    status = mailbox.cli("status", "--json", "--now", at(5, 17, 10).isoformat())
    rows = json.loads(status.stdout)
    validate(rows, "status")
    [row] = rows
    assert row["id"] == application["id"]
    assert isinstance(row["messages"], int) and row["messages"] == 3
    assert RFC3339.match(row["last_contact"])
    assert datetime.fromisoformat(row["last_contact"]) == at(3, 15)
    assert row["when"] == "2026-03-16T09:00:00-04:00"
    assert row["next_action"] == "status check to Maria Lopez"


def test_the_schema_refuses_what_the_issue_found() -> None:
    """The schema is strict enough to catch the old output: a zone-less "when" without a
    year and a count as a string."""
    old = [{"id": "3fa9c2e1b07d", "company": "Northwind Labs", "role": None,
            "state": "interviewing", "last_contact": "2026-03-02T10:15:00-05:00",
            "last_from_employer": None, "next_action": "thank you to Dana Kim",
            "when": "Fri 18 Dec 09:00", "messages": 3, "note": None, "drafts_waiting": 0}]
    validate([dict(old[0], when="2026-12-18T09:00:00-05:00")], "status")  # the fixed form
    for key, bad in (("when", "Fri 18 Dec 09:00"), ("messages", "3"),
                     ("last_contact", "2026-03-02 10:15")):
        row = dict(old[0], when=None)
        row[key] = bad
        try:
            validate([row], "status")
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"{key}={bad!r} passed the schema")


def test_csv_has_iso_times_with_offsets_and_plain_numbers(mailbox: Mailbox) -> None:
    interviewed_and_thanked_by_draft(mailbox)
    text = mailbox.cli("export", "--csv", "-").stdout
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert list(row) == ["id", "company", "role", "state", "last_contact",
                         "last_from_employer", "next_action", "when", "messages", "note"]
    assert RFC3339.match(row["last_contact"]) and RFC3339.match(row["last_from_employer"])
    assert row["messages"] == "3" and '"3"' not in text  # a number, not a quoted string


def test_plan_text_shows_every_time_in_the_users_zone(mailbox: Mailbox) -> None:
    """The config's zone is New York; the machine's (the test process's) is whatever it is.
    Nothing in the text may be in another zone: every time shown is one New York reads."""
    interviewed_and_thanked_by_draft(mailbox)
    text = mailbox.cli("plan", "--now", "2026-03-05T22:10:00+00:00").stdout
    assert "America/New_York" in text.splitlines()[0]
    assert "Thu 05 Mar 2026 17:10" in text  # --now given in UTC, shown in New York
    assert "interview Thu 05 Mar 2026 14:00" in text
    assert "thank_you" in text and "Thu 05 Mar 2026 17:00" in text
    # The ledger's time ("put in Drafts ...") in New York too, not in UTC (22:05).
    assert "put in Drafts Thu 05 Mar 17:05" in text, text
    assert "22:0" not in text and "+00:00" not in text


def test_a_sent_draft_is_still_shown_in_plan_like_a_deleted_one(mailbox: Mailbox) -> None:
    interviewed_and_thanked_by_draft(mailbox)
    [entry] = mailbox.server.read_folder(mailbox.user, "Drafts")
    mailbox.server.delete_message(mailbox.user, "Drafts", entry["uid"])
    mailbox.deliver(user_thanks(at(5, 18), DANA), "Sent")  # the user sent it
    assert mailbox.scan(at(5, 19)).returncode == 0
    plan = json.loads(mailbox.cli("plan", "--json", "--now", at(6, 9).isoformat()).stdout)
    validate(plan, "plan")
    drafts = [d for a in plan["applications"] for d in a["drafts"] if d["kind"] == "thank_you"]
    assert [(d["kind"], d["status"]) for d in drafts] == [("thank_you", "sent")]
    assert drafts[0]["to"] == ["dana.kim@northwindlabs.com"]
    assert "sent by you" in drafts[0]["reason"]
    text = mailbox.cli("plan", "--now", at(6, 9).isoformat()).stdout
    assert "sent  thank_you" in text


def test_status_before_any_scan_says_what_to_do(mailbox: Mailbox) -> None:
    for command in (("status",), ("plan",)):
        result = mailbox.cli(*command)
        assert result.returncode == 0, result.stderr
        assert "No application is tracked yet" in result.stdout
        assert "followup scan" in result.stdout
    assert json.loads(mailbox.cli("status", "--json").stdout) == []
