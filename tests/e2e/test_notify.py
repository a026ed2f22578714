"""Notifications end to end: `followup scan` through the CLI against Dovecot, the real
Apprise library posting to a fake ntfy server on loopback (SPEC §2: never by mail)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.e2e.scenario import DANA, LUIS, Mailbox, acknowledgement, at, calendar_invitation, \
    invitation, user_thanks
from tests.ntfy_fake import NtfyFake


@pytest.fixture
def ntfy() -> Iterator[NtfyFake]:
    server = NtfyFake()
    yield server
    server.stop()


def with_notify(mailbox: Mailbox, urls: list[str]) -> None:
    path = mailbox.root / "notify-urls"
    path.write_text("\n".join(urls) + "\n")
    os.chmod(path, 0o600)
    config = yaml.safe_load(mailbox.config_path.read_text())
    config["notify"] = {"urls_file": str(path)}
    mailbox.config_path.write_text(yaml.safe_dump(config))


def panel_interview(mailbox: Mailbox) -> None:
    """Thursday 5 March, 14:00-15:00, with Dana and Luis (the scenario's application)."""
    mailbox.deliver(acknowledgement(at(2, 9)))
    mailbox.deliver(invitation(at(3, 10)))
    mailbox.deliver(calendar_invitation(at(3, 15), at(5, 14), [DANA, LUIS]))


def scan_ok(mailbox: Mailbox, when, *extra: str) -> str:  # type: ignore[no-untyped-def]
    result = mailbox.scan(when, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


def test_one_notification_per_pass_and_one_reminder_while_a_thank_you_waits(
        mailbox: Mailbox, ntfy: NtfyFake) -> None:
    with_notify(mailbox, [ntfy.url()])
    panel_interview(mailbox)
    scan_ok(mailbox, at(5, 16))
    assert ntfy.published == []  # nothing placed, nothing said
    scan_ok(mailbox, at(5, 17, 1))
    assert len(mailbox.drafts()) == 2
    (first,) = ntfy.published
    assert first.message == ("2 drafts in Drafts: thank-you to Dana Kim (Northwind Labs), "
                             "thank-you to Luis Ortega (Northwind Labs). Best sent before "
                             "Fri 15:00.")
    scan_ok(mailbox, at(5, 17, 30))
    scan_ok(mailbox, at(6, 8, 59))
    assert len(ntfy.published) == 1
    # The user sends the thank-you to Dana from the phone: Dana's draft is gone, the
    # message is in Sent. Luis's draft still waits 18 hours after the interview.
    dana = next(d for d in mailbox.server.read_folder(mailbox.user, "Drafts")
                if b"dana.kim" in d["raw"].split(b"\r\n\r\n")[0])
    mailbox.server.delete_message(mailbox.user, "Drafts", dana["uid"])
    mailbox.deliver(user_thanks(at(6, 8), DANA), folder="Sent")
    scan_ok(mailbox, at(6, 9, 1))
    assert len(ntfy.published) == 2
    assert ntfy.published[1].message == ("Still unsent in Drafts: thank-you to Luis Ortega "
                                         "(Northwind Labs). Best sent before Fri 15:00.")
    scan_ok(mailbox, at(6, 10))
    scan_ok(mailbox, at(6, 14))
    assert len(ntfy.published) == 2  # never more than one reminder


def test_no_reminder_for_drafts_the_user_deleted(mailbox: Mailbox, ntfy: NtfyFake) -> None:
    with_notify(mailbox, [ntfy.url()])
    panel_interview(mailbox)
    scan_ok(mailbox, at(5, 17, 1))
    for draft in mailbox.server.read_folder(mailbox.user, "Drafts"):
        mailbox.server.delete_message(mailbox.user, "Drafts", draft["uid"])
    scan_ok(mailbox, at(6, 9, 30))
    assert len(ntfy.published) == 1


def test_a_dead_notification_server_costs_one_log_line(mailbox: Mailbox,
                                                        ntfy: NtfyFake) -> None:
    with_notify(mailbox, [ntfy.url()])
    ntfy.stop()
    panel_interview(mailbox)
    stderr = scan_ok(mailbox, at(5, 17, 1))
    assert len(mailbox.drafts()) == 2  # the drafts are made regardless
    warnings = [line for line in stderr.splitlines() if "notification" in line]
    assert len(warnings) == 1 and "not delivered (ntfy)" in warnings[0], stderr
    assert str(ntfy.port) not in stderr
    stderr = scan_ok(mailbox, at(5, 17, 2))  # within the back-off: not even tried
    assert "notification" not in stderr


def test_status_says_how_many_drafts_wait_and_for_how_long(mailbox: Mailbox) -> None:
    panel_interview(mailbox)
    scan_ok(mailbox, at(5, 17, 1))
    shown = mailbox.cli("status", "--now", at(5, 22, 1).isoformat())
    assert shown.returncode == 0, shown.stderr
    assert "2 draft(s) waiting in Drafts, the oldest placed 5 h ago" in \
        " ".join(shown.stdout.split())
    rows = json.loads(mailbox.cli("status", "--json").stdout)
    assert [row["drafts_waiting"] for row in rows] == [2]


def test_mail_services_are_refused_with_exit_78(mailbox: Mailbox, ntfy: NtfyFake) -> None:
    with_notify(mailbox, [ntfy.url(), "mailtos://sam:app-secret@smtp.example.org"])
    for command in (["check-config"], ["scan"]):
        result = mailbox.cli(*command)
        assert result.returncode == 78, result.stdout + result.stderr
        assert "line 2 uses mailtos://, which sends e-mail; followup never sends mail" in \
            result.stderr
        assert "app-secret" not in result.stdout + result.stderr
    assert mailbox.drafts() == [] and ntfy.published == []


def test_check_config_sends_a_test_notification_on_request(mailbox: Mailbox,
                                                          ntfy: NtfyFake) -> None:
    with_notify(mailbox, [ntfy.url(token="tk_hidden_token_value_12345")])
    result = mailbox.cli("check-config", "--notify-test")
    assert result.returncode == 0, result.stderr
    assert "notifications go through: ntfy" in result.stdout
    assert "test notification sent" in result.stdout
    assert "tk_hidden" not in result.stdout + result.stderr
    (test,) = ntfy.published
    assert test.title == "followup: test notification"
    ntfy.stop()
    failed = mailbox.cli("check-config", "--notify-test")
    assert failed.returncode == 1 and "NOT delivered through: ntfy" in failed.stdout


def test_urls_in_the_config_file_are_refused(mailbox: Mailbox) -> None:
    config = yaml.safe_load(mailbox.config_path.read_text())
    config["notify"] = {"urls": ["ntfy://ntfy.sh/my-secret-topic"]}
    mailbox.config_path.write_text(yaml.safe_dump(config))
    result = mailbox.cli("check-config")
    assert result.returncode == 78
    assert "notify.urls: notification URLs carry tokens" in result.stderr
    assert "my-secret-topic" not in result.stderr


def test_a_command_is_told_once(mailbox: Mailbox, tmp_path: Path) -> None:
    out = tmp_path / "told.txt"
    script = tmp_path / "tell-me"
    script.write_text(f"#!/bin/sh\ncat >> {out}\necho \"new=$FOLLOWUP_NOTIFY_NEW\" >> {out}\n")
    script.chmod(0o755)
    config = yaml.safe_load(mailbox.config_path.read_text())
    config["notify"] = {"command": str(script), "reminders": False}
    mailbox.config_path.write_text(yaml.safe_dump(config))
    panel_interview(mailbox)
    scan_ok(mailbox, at(5, 17, 1))
    scan_ok(mailbox, at(6, 9, 30))  # reminders are off
    told = out.read_text()
    assert told.count("followup: 2 drafts are waiting") == 1 and "new=2" in told
