"""Delivering notifications with the real Apprise library to a fake ntfy server on loopback,
and through a `notify.command` script; mail services refused; URLs never logged."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.config import parse_config
from followup.config_model import Config
from followup.errors import ConfigError
from followup.judge.model import Person
from followup.notify.announce import notify, record_placed
from followup.notify.deliver import build_deliverer
from followup.notify.notices import Notice
from followup.store import Store
from followup.track.model import PlannedDraft, Threading
from tests.ntfy_fake import NtfyFake

NEW_YORK = ZoneInfo("America/New_York")
ENDED = datetime(2026, 3, 4, 15, 0, tzinfo=NEW_YORK)
TOKEN = "tk_followupsecret0123456789abcd"


@pytest.fixture
def ntfy() -> Iterator[NtfyFake]:
    server = NtfyFake()
    yield server
    server.stop()


def config_with(tmp_path: Path, urls: list[str] | None = None, command: str | None = None,
                **notify: object) -> Config:
    section: dict[str, object] = dict(notify)
    if urls is not None:
        path = tmp_path / "notify-urls"
        path.write_text("# my phone\n" + "\n".join(urls) + "\n")
        os.chmod(path, 0o600)
        section["urls_file"] = str(path)
    if command is not None:
        section["command"] = command
    text = ("user: {name: Sam Rivera, addresses: [sam@example.org], "
            "timezone: America/New_York}\n"
            f"accounts: [{{name: a, backend: maildir, path: {tmp_path / 'mail'}}}]\n"
            f"state_dir: {tmp_path / 'state'}\n"
            f"notify: {json.dumps(section)}\n")
    return parse_config(text, label="config.yaml", path=tmp_path / "config.yaml")


NOTICE = Notice(title="followup: 2 drafts are waiting",
                body="2 drafts in Drafts: thank-you to Rosa Delgado (Brackenridge), reply to "
                     "Tessa Morgan (Larchmont). Best sent before Wed 18:00.",
                new=("a", "b"), reminders=(), best_before=ENDED)


def test_apprise_posts_the_notification_to_ntfy(tmp_path: Path, ntfy: NtfyFake) -> None:
    deliverer = build_deliverer(config_with(tmp_path, [ntfy.url(token=TOKEN)]))
    assert deliverer is not None and deliverer.describe() == ["ntfy"]
    result = deliverer.send(NOTICE)
    assert result.delivered and result.failed == []
    (published,) = ntfy.published
    assert (published.topic, published.title, published.message) == (
        "followup-test", NOTICE.title, NOTICE.body)
    assert published.headers["Authorization"] == f"Bearer {TOKEN}"


def test_a_dead_or_failing_server_is_a_failed_delivery_not_an_error(
        tmp_path: Path, ntfy: NtfyFake) -> None:
    deliverer = build_deliverer(config_with(tmp_path, [ntfy.url()]))
    assert deliverer is not None
    ntfy.fail_with = 500
    result = deliverer.send(NOTICE)
    assert not result.delivered and result.failed == ["ntfy"]
    ntfy.stop()
    assert deliverer.send(NOTICE).failed == ["ntfy"]


@pytest.mark.parametrize("url", [
    "mailto://sam:app-password@gmail.com", "mailtos://smtp.example.org?to=sam@example.org",
    "sendgrid://apikey:sam@example.org/sam@example.org", "ses://sam@example.org/a/b/us-east-1",
    "mailgun://sam@example.org/key", "smtp://mail.example.org"])
def test_services_that_send_mail_are_refused(tmp_path: Path, ntfy: NtfyFake, url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build_deliverer(config_with(tmp_path, [ntfy.url(), url]))
    (problem,) = caught.value.problems
    scheme = url.split("://")[0]
    assert problem.startswith(f"config.yaml: notify.urls_file: line 2 uses {scheme}://")
    assert "followup never sends mail" in problem
    assert url not in problem and "app-password" not in problem
    assert caught.value.exit_status == 78


def test_ntfy_forwarding_by_email_is_refused(tmp_path: Path, ntfy: NtfyFake) -> None:
    with pytest.raises(ConfigError) as caught:
        build_deliverer(config_with(tmp_path, [ntfy.url() + "&email=sam@example.org"]))
    assert "forward the notification by e-mail" in caught.value.problems[0]


def test_unreadable_or_unknown_urls_are_config_errors(tmp_path: Path, ntfy: NtfyFake) -> None:
    with pytest.raises(ConfigError) as caught:
        build_deliverer(config_with(tmp_path, ["nosuchservice://abc"]))
    assert "line 1 (scheme 'nosuchservice') is not a URL Apprise understands" in \
        caught.value.problems[0]
    config = config_with(tmp_path, [ntfy.url()])
    assert config.notify.urls_file is not None
    Path(config.notify.urls_file).unlink()
    with pytest.raises(ConfigError) as missing:
        build_deliverer(config)
    assert "notify.urls_file" in missing.value.problems[0] and "does not exist" in \
        missing.value.problems[0]
    with pytest.raises(ConfigError) as no_command:
        build_deliverer(config_with(tmp_path, command="/nonexistent/notify-me"))
    assert no_command.value.problems[0].startswith("config.yaml: notify.command: ")


def test_urls_from_the_environment(tmp_path: Path, ntfy: NtfyFake,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_NOTIFY_URLS", f"{ntfy.url('one')} {ntfy.url('two')}")
    deliverer = build_deliverer(config_with(tmp_path, urls_env="MY_NOTIFY_URLS"))
    assert deliverer is not None and deliverer.send(NOTICE).delivered
    assert sorted(p.topic for p in ntfy.published) == ["one", "two"]


def test_the_command_gets_the_text_on_stdin_and_in_its_environment(tmp_path: Path) -> None:
    script = tmp_path / "notify-me"
    out = tmp_path / "out.json"
    script.write_text("#!/usr/bin/env python3\nimport json, os, sys\n"
                      f"json.dump({{'stdin': sys.stdin.read(), 'env': {{k: v for k, v in "
                      f"os.environ.items() if k.startswith('FOLLOWUP_NOTIFY_')}}}}, "
                      f"open({str(out)!r}, 'w'))\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    deliverer = build_deliverer(config_with(tmp_path, command=str(script)))
    assert deliverer is not None and deliverer.send(NOTICE).delivered
    seen = json.loads(out.read_text())
    assert seen["stdin"] == f"{NOTICE.title}\n{NOTICE.body}\n"
    assert seen["env"] == {"FOLLOWUP_NOTIFY_TITLE": NOTICE.title,
                           "FOLLOWUP_NOTIFY_BODY": NOTICE.body, "FOLLOWUP_NOTIFY_NEW": "2",
                           "FOLLOWUP_NOTIFY_REMINDERS": "0",
                           "FOLLOWUP_NOTIFY_BEST_BEFORE": ENDED.isoformat()}
    script.write_text("#!/bin/sh\nexit 3\n")
    assert deliverer.send(NOTICE).failed == ["notify.command"]


def test_no_url_or_token_reaches_the_log(tmp_path: Path, ntfy: NtfyFake,
                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    deliverer = build_deliverer(config_with(tmp_path, [ntfy.url(token=TOKEN)]))
    assert deliverer is not None
    deliverer.send(NOTICE)
    ntfy.fail_with = 500
    deliverer.send(NOTICE)
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert TOKEN not in text and str(ntfy.port) not in text and "followup-test" not in text


def draft(key: str, due: datetime) -> PlannedDraft:
    return PlannedDraft(key=key, application_id="app1", kind="thank_you", round=1,
                        to=(Person(name="Rosa Delgado", email="rosa@brackenridge.io"),),
                        due=due, window_end=due + timedelta(hours=46), status="due",
                        reason="", threading=Threading(subject="Re: Interview"))


def test_one_notification_per_pass_back_off_on_failure_and_one_reminder(
        tmp_path: Path, ntfy: NtfyFake, caplog: pytest.LogCaptureFixture) -> None:
    config = config_with(tmp_path, [ntfy.url()])
    deliverer = build_deliverer(config)
    assert deliverer is not None
    store = Store.memory()
    due = ENDED + timedelta(hours=2)
    planned = [draft("k1", due), draft("k2", due)]
    with store.transaction():
        for item in planned:
            store.record_intent(item.key, "a", "app1", "thank_you", f"<{item.key}@x>",
                                ("rosa@brackenridge.io",), due, due)
            store.set_draft_state(item.key, "created", due, draft_id="1")
    ntfy.fail_with = 500
    record_placed(store, config, planned, [], due)
    with caplog.at_level(logging.INFO):
        assert notify(store, config, deliverer, due) is None
        assert notify(store, config, deliverer, due + timedelta(seconds=10)) is None
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "not delivered (ntfy)" in warnings[0].getMessage()
    assert ntfy.attempts == 1  # the second pass waited for its back-off
    ntfy.fail_with = None
    sent = notify(store, config, deliverer, due + timedelta(hours=2))
    assert sent is not None and sent.startswith("2 drafts in Drafts: thank-you to Rosa")
    assert len(ntfy.published) == 1
    assert notify(store, config, deliverer, due + timedelta(hours=3)) is None  # said once
    with store.transaction():
        store.set_draft_state("k2", "sent", due + timedelta(hours=5))
    reminder = notify(store, config, deliverer, ENDED + timedelta(hours=18))
    assert reminder is not None and reminder.startswith("Still unsent in Drafts: thank-you")
    assert "1 draft" not in reminder and ntfy.published[-1].title == \
        "followup: a draft is still unsent"
    assert notify(store, config, deliverer, ENDED + timedelta(hours=19)) is None
    assert len(ntfy.published) == 2


def test_urls_from_a_command_or_a_systemd_credential(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The URL sources that are not a file or the environment (delivery itself is tested
    above): a command's output, and a systemd credential."""
    from followup.config.secrets import read_notify_urls

    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    script = tmp_path / "print-urls"
    script.write_text("#!/bin/sh\necho 'ntfy://127.0.0.1:9/from-command'\necho '# note'\n")
    script.chmod(0o700)
    config = config_with(tmp_path, urls_command=str(script))
    assert read_notify_urls(config.notify) == ["ntfy://127.0.0.1:9/from-command"]
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "notify-urls").write_text("ntfy://127.0.0.1:9/from-credential\n")
    config = config_with(tmp_path, urls_credential="notify-urls")
    assert read_notify_urls(config.notify, {"CREDENTIALS_DIRECTORY": str(credentials)}) == [
        "ntfy://127.0.0.1:9/from-credential"]
    with pytest.raises(ConfigError) as caught:
        build_deliverer(config, environ={})
    assert "LoadCredential=notify-urls:" in caught.value.problems[0]
