"""The notification decisions (followup.notify.notices): what is announced, what reminded
of, and the words; and the `notify:` configuration keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followup.config import parse_config
from followup.config_model import NotifyConfig, TimingConfig
from followup.errors import ConfigError
from followup.judge.model import Person
from followup.notify.notices import (
    choose,
    compose_notice,
    describe_age,
    notice_entry,
    placed_this_pass,
    waiting_drafts,
)
from followup.store import LedgerEntry, NoticeEntry
from followup.track.model import PlannedDraft, Threading

NEW_YORK = ZoneInfo("America/New_York")
ENDED = datetime(2026, 3, 4, 15, 0, tzinfo=NEW_YORK)  # a Wednesday, 15:00


def planned(key: str, kind: str = "thank_you", due: datetime = ENDED + timedelta(hours=2),
            name: str = "Rosa Delgado", status: str = "due") -> PlannedDraft:
    return PlannedDraft(key=key, application_id="app1", kind=kind, round=1,  # type: ignore[arg-type]
                        to=(Person(name=name, email="rosa@brackenridge.io"),), due=due,
                        window_end=due + timedelta(hours=46), status=status,  # type: ignore[arg-type]
                        reason="", threading=Threading(subject="Re: Interview"))


def ledger_entry(key: str, state: str = "created", created: datetime = ENDED) -> LedgerEntry:
    return LedgerEntry(key=key, account="personal", application_id="app1", kind="thank_you",
                       message_id=f"<{key}@example.org>", draft_id="1", state=state,
                       recipients=("rosa@brackenridge.io",), due=created, fingerprint="f",
                       created_at=created, updated_at=created)


def notice(key: str, label: str, *, remind_at: datetime | None = None,
           best_before: datetime | None = None, announced: datetime | None = None,
           reminded: datetime | None = None) -> NoticeEntry:
    return NoticeEntry(key=key, kind="thank_you", label=label, best_before=best_before,
                       remind_at=remind_at, created_at=ENDED, announced_at=announced,
                       reminded_at=reminded)


class FakeApplication:
    company = "Brackenridge"
    id = "app1"
    aliases = ()


def test_a_thank_you_is_best_sent_within_a_day_and_reminded_of_after_18_hours() -> None:
    entry = notice_entry(planned("k1"), FakeApplication(), TimingConfig(),  # type: ignore[arg-type]
                         NotifyConfig(command="x"), ENDED + timedelta(hours=2))
    assert entry.label == "thank-you to Rosa Delgado (Brackenridge)"
    assert entry.best_before == ENDED + timedelta(hours=24)
    assert entry.remind_at == ENDED + timedelta(hours=18)


def test_a_rejection_reply_is_reminded_of_after_36_hours() -> None:
    rejected = datetime(2026, 3, 9, 10, 0, tzinfo=NEW_YORK)
    draft = planned("k2", kind="rejection_response", due=rejected, name="Tessa Morgan")
    entry = notice_entry(draft, None, TimingConfig(), NotifyConfig(command="x"), rejected)
    assert entry.label == "reply to Tessa Morgan"
    assert entry.remind_at == rejected + timedelta(hours=36)
    assert entry.best_before == rejected + timedelta(hours=48)


def test_status_checks_have_no_reminder_and_reminders_can_be_switched_off() -> None:
    check = notice_entry(planned("k3", kind="status_check"), None, TimingConfig(),
                         NotifyConfig(command="x"), ENDED)
    assert check.remind_at is None and check.best_before is None
    quiet = notice_entry(planned("k1"), None, TimingConfig(),
                         NotifyConfig(command="x", reminders=False), ENDED)
    assert quiet.remind_at is None and quiet.best_before is not None


def test_only_drafts_placed_this_pass_are_new() -> None:
    drafts = [planned("made"), planned("old", status="created"), planned("failed"),
              planned("known")]
    ledger = {"made": ledger_entry("made"), "old": ledger_entry("old"),
              "failed": ledger_entry("failed", state="intent"), "known": ledger_entry("known")}
    known = {"known": notice("known", "x")}
    assert [d.key for d in placed_this_pass(drafts, ledger, known)] == ["made"]


def test_one_notification_names_every_new_draft_and_the_earliest_best_before() -> None:
    now = ENDED + timedelta(hours=2)
    first = notice("a", "thank-you to Rosa Delgado (Brackenridge)",
                   best_before=ENDED + timedelta(hours=24))
    second = notice("b", "reply to Tessa Morgan (Larchmont)",
                    best_before=ENDED + timedelta(hours=27))
    message = compose_notice([first, second], [], NEW_YORK, now)
    assert message is not None
    assert message.body == ("2 drafts in Drafts: thank-you to Rosa Delgado (Brackenridge), "
                            "reply to Tessa Morgan (Larchmont). Best sent before Thu 15:00.")
    assert message.title == "followup: 2 drafts are waiting"
    assert message.new == ("a", "b") and message.reminders == ()
    assert compose_notice([], [], NEW_YORK, now) is None


def test_a_reminder_says_still_unsent_and_a_past_best_before_is_left_out() -> None:
    late = ENDED + timedelta(hours=30)
    reminded = notice("a", "thank-you to Rosa Delgado (Brackenridge)",
                      best_before=ENDED + timedelta(hours=24))
    message = compose_notice([], [reminded], NEW_YORK, late)
    assert message is not None
    assert message.body == "Still unsent in Drafts: thank-you to Rosa Delgado (Brackenridge)."
    assert message.title == "followup: a draft is still unsent"
    far = compose_notice([replace(reminded, best_before=ENDED + timedelta(days=9))], [],
                         NEW_YORK, ENDED)
    assert far is not None and far.body.endswith("Best sent before Fri 13 Mar 15:00.")


def test_untouched_drafts_are_announced_once_and_reminded_of_once_in_their_time() -> None:
    remind_at = ENDED + timedelta(hours=18)
    notices = {"a": notice("a", "A", remind_at=remind_at)}
    ledger = {"a": ledger_entry("a")}
    assert choose(notices, ledger, ENDED) == ([notices["a"]], [])
    announced = {"a": replace(notices["a"], announced_at=ENDED)}
    assert choose(announced, ledger, remind_at - timedelta(minutes=1)) == ([], [])
    assert choose(announced, ledger, remind_at) == ([], [announced["a"]])
    done = {"a": replace(announced["a"], reminded_at=remind_at)}
    assert choose(done, ledger, remind_at + timedelta(hours=1)) == ([], [])
    # A machine that was off for a day does not remind of a moment long gone.
    assert choose(announced, ledger, remind_at + timedelta(hours=13)) == ([], [])


@pytest.mark.parametrize("state", ["edited", "sent", "dismissed", "intent"])
def test_nothing_is_said_of_a_draft_the_user_touched(state: str) -> None:
    remind_at = ENDED + timedelta(hours=18)
    notices = {"a": notice("a", "A", remind_at=remind_at),
               "b": notice("b", "B", remind_at=remind_at, announced=ENDED)}
    ledger = {"a": ledger_entry("a", state=state), "b": ledger_entry("b", state=state)}
    assert choose(notices, ledger, remind_at) == ([], [])


def test_waiting_drafts_count_only_untouched_ones() -> None:
    ledger = {"a": ledger_entry("a", created=ENDED),
              "b": ledger_entry("b", created=ENDED - timedelta(hours=5)),
              "c": ledger_entry("c", state="sent", created=ENDED - timedelta(days=3)),
              "d": ledger_entry("d", state="edited", created=ENDED - timedelta(days=3))}
    assert waiting_drafts(ledger) == (2, ENDED - timedelta(hours=5))
    assert waiting_drafts({}) == (0, None)
    assert describe_age(ENDED - timedelta(hours=5), ENDED) == "5 h"
    assert describe_age(ENDED - timedelta(days=3), ENDED) == "3 days"
    assert describe_age(ENDED - timedelta(minutes=5), ENDED) == "less than an hour"


BASE = """\
user: {name: Sam Rivera, addresses: [sam@example.org], timezone: America/New_York}
accounts: [{name: a, backend: maildir, path: /tmp/x}]
"""


def test_notification_urls_in_the_yaml_are_refused_with_the_fix() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(BASE + "notify:\n  urls: ['ntfy://ntfy.sh/secret-topic']\n")
    (problem,) = caught.value.problems
    assert problem.startswith("config.yaml: notify.urls: notification URLs carry tokens")
    assert "notify.urls_file" in problem and "secret-topic" not in problem


def test_one_url_source_and_the_defaults() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(BASE + "notify: {urls_file: /x, urls_env: NOTIFY}\n")
    assert caught.value.problems == [
        "config.yaml: notify: several URL sources (urls_file, urls_env); keep exactly one"]
    config = parse_config(BASE + "notify: {urls_env: FOLLOWUP_NOTIFY_URLS}\n")
    assert config.notify.enabled and config.notify.url_source == "urls_env"
    assert (config.notify.thank_you_reminder_hours, config.notify.rejection_reminder_hours) \
        == (18.0, 36.0)
    assert not parse_config(BASE).notify.enabled
