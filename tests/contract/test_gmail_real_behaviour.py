"""Issue 16: the ten ways the Gmail backend would break for a real Gmail user, each against
the stricter fake (threading by subject, ghost drafts, a duplicate after a crash, a ledger
resting on undocumented behaviour, mail that leaves the inbox before a poll, 403 reasons,
uncapped Retry-After, batches of 50, a cursor ahead of the mailbox, a revoked token), and
first-scan progress that survives a failure. Mail that leaves the inbox (point 5) is in
test_gmail_backend.py."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from google.oauth2.credentials import Credentials
from tests.e2e.scenario import DANA, NEW_YORK, acknowledgement, at, calendar_invitation, invitation

import followup.backends.gmail_sync as gmail_sync
from followup.backends.base import FetchResult
from followup.backends.gmail import GmailMailbox
from followup.backends.gmail_auth import SCOPES, save_token, token_path
from followup.backends.gmail_http import GmailApiError
from followup.compose.subjects import reply_subject
from followup.config_model import AccountConfig, Config, UserConfig
from followup.errors import AuthenticationError
from followup.runner import run_once
from followup.store import Store
from followup.track.replies import reply_subject as thread_reply_subject
from gmail_fake import GmailFake

from .harness import GmailHarness, make_message, new_message_id

SINCE = date.today() - timedelta(days=120)


@pytest.fixture
def harness(gmail_fake: GmailFake, tmp_path: Path) -> GmailHarness:
    return GmailHarness(gmail_fake, tmp_path / "state")


def fetch(harness: GmailHarness, role: str = "inbox", cursor: dict[str, Any] | None = None,
          **kwargs: Any) -> FetchResult:
    stored = json.loads(json.dumps(cursor)) if cursor is not None else None
    with harness.mailbox() as mailbox:
        return mailbox.fetch_new(role, stored, SINCE, **kwargs)  # type: ignore[arg-type]


def ids(result: FetchResult) -> list[str]:
    return [m.summary.message_id or "" for m in result.messages]


def answer(original: bytes, message_id: str, *, threaded: bool = True) -> bytes:
    """followup's reply to `original`: the subject as the track and compose steps make it,
    In-Reply-To / References when `threaded`."""
    parsed = message_from_bytes(original, policy=default)
    subject = reply_subject(thread_reply_subject(str(parsed["Subject"])))
    message = message_from_bytes(make_message(subject, message_id=message_id,
                                              sender="sam@example.org", to=str(parsed["From"]),
                                              body="Thank you for your time today."),
                                 policy=default)
    if threaded:
        message["In-Reply-To"] = parsed["Message-ID"]
        message["References"] = parsed["Message-ID"]
    return message.as_bytes()


# -- 1. replies land inside their thread ---------------------------------------------------------

LONG_SUBJECT = "Interview for the Senior Data Engineer role " + "with the platform team " * 12


@pytest.mark.parametrize("subject", ["TR: Entretien pour le poste", "RV: Entrevista técnica",
                                     "SV: Intervju", "AW: Ihre Bewerbung", "VS: Haastattelu",
                                     "Re: AW: Ihre Bewerbung", LONG_SUBJECT])
def test_a_reply_stays_in_a_thread_whatever_its_subject(
        harness: GmailHarness, subject: str, caplog: pytest.LogCaptureFixture) -> None:
    original = make_message(subject, message_id=new_message_id(),
                            sender="Jo <jo@example.com>")
    thread = harness.fake.add_message(original)
    draft_message_id = new_message_id()
    with caplog.at_level(logging.WARNING), harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(answer(original, draft_message_id), draft_message_id,
                                        datetime.now(UTC), thread_id=thread)
    assert harness.fake.messages[harness.fake.drafts[draft_id]].thread_id == thread
    assert "new conversation" not in caplog.text


def test_a_draft_gmail_leaves_outside_its_thread_is_reported(
        harness: GmailHarness, caplog: pytest.LogCaptureFixture) -> None:
    original = make_message("Interview", message_id=new_message_id())
    thread = harness.fake.add_message(original)
    draft_message_id = new_message_id()
    raw = answer(original, draft_message_id).replace(b"Subject: Re: Interview",
                                                     b"Subject: Something else")
    with caplog.at_level(logging.WARNING), harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(raw, draft_message_id, datetime.now(UTC),
                                        thread_id=thread)
    assert f"Gmail put draft {draft_id} in a new conversation" in caplog.text
    assert f"not in {thread}" in caplog.text


# -- 2. no ghost drafts ----------------------------------------------------------------------------

def test_a_draft_that_answers_no_message_is_not_attached_to_the_thread(
        harness: GmailHarness) -> None:
    original = make_message("Interview", message_id=new_message_id())
    thread = harness.fake.add_message(original)
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(answer(original, message_id, threaded=False),
                                        message_id, datetime.now(UTC), thread_id=thread)
    assert harness.fake.ghost_drafts == set()
    assert harness.fake.messages[harness.fake.drafts[draft_id]].thread_id != thread


# -- 3 and 4. exactly once, without resting on search or on the Message-ID ------------------------

class Crash(Exception):
    """The process dies here (not a FollowupError: nothing catches it)."""


def scenario(fake: GmailFake, tmp_path: Path) -> tuple[Config, Callable[..., Any]]:
    """The end-to-end scenario of test_gmail_end_to_end: one thank-you due at 5 March 17:01."""
    harness = GmailHarness(fake, tmp_path / "state")
    account = AccountConfig(name="gmail", backend="gmail")
    config = Config(path=None, user=UserConfig(name="Sam Rivera",
                                               addresses=("sam.rivera@example.org",),
                                               timezone=NEW_YORK.key),
                    accounts=(account,), state_dir=tmp_path / "state")
    for sent, raw in ((at(2, 9), acknowledgement(at(2, 9))), (at(3, 10), invitation(at(3, 10))),
                      (at(3, 15), calendar_invitation(at(3, 15), at(5, 14), [DANA]))):
        fake.add_message(raw, ["INBOX", "UNREAD"], internal_date=sent)

    def factory(account: AccountConfig, config: Config) -> GmailMailbox:
        return harness.mailbox()

    return config, factory


def ledger(tmp_path: Path) -> list[tuple[str, str]]:
    store = Store.open(tmp_path / "state" / "state.db")
    try:
        return sorted((entry.kind, entry.state) for entry in store.ledger().values())
    finally:
        store.close()


def crash_after(step: str) -> Callable[[str], None]:
    def fault(where: str) -> None:
        if where == step:
            raise Crash(where)
    return fault


@pytest.mark.parametrize("book_kept_the_id", [True, False])
@pytest.mark.parametrize("rewrite", [False, True])
def test_a_crash_after_create_never_makes_a_second_draft(
        gmail_fake: GmailFake, tmp_path: Path, rewrite: bool, book_kept_the_id: bool) -> None:
    """Killed after drafts.create, before the ledger heard of it; search has not indexed the
    draft yet, and Gmail may have given it a Message-ID of its own."""
    config, factory = scenario(gmail_fake, tmp_path)
    gmail_fake.search_lag = True
    gmail_fake.rewrite_message_ids = rewrite
    with pytest.raises(Crash):
        run_once(config, now=at(5, 17, 1), backend_factory=factory,
                 fault=crash_after("after-append"))
    assert len(gmail_fake.drafts) == 1 and ledger(tmp_path) == [("thank_you", "appending")]
    if not book_kept_the_id:  # killed between Gmail's answer and the book's write
        book = tmp_path / "state" / "gmail-gmail-drafts.json"
        data = json.loads(book.read_text())
        for entry in data["drafts"].values():
            entry["draft"] = None
        book.write_text(json.dumps(data))
    report = run_once(config, now=at(5, 17, 6), backend_factory=factory)
    assert report.failed_accounts == []
    assert len(gmail_fake.drafts) == 1 and gmail_fake.count("gmail.users.drafts.create") == 1
    assert ledger(tmp_path) == [("thank_you", "created")]


def created_and_checked(fake: GmailFake, tmp_path: Path) -> tuple[Config, Callable[..., Any],
                                                                  str]:
    """The thank-you made while Gmail rewrites Message-IDs and search finds no draft, then
    checked by the ledger once (something else changed in the mailbox): still 'created'."""
    config, factory = scenario(fake, tmp_path)
    fake.search_lag = True
    fake.rewrite_message_ids = True
    run_once(config, now=at(5, 17, 1), backend_factory=factory)
    ((draft_id, _),) = fake.draft_messages()
    fake.add_message(make_message("unrelated"), internal_date=at(5, 18))  # history moves
    run_once(config, now=at(5, 18, 30), backend_factory=factory)
    assert ledger(tmp_path) == [("thank_you", "created")]
    return config, factory, draft_id


def test_a_kept_draft_is_not_taken_for_an_edited_one(gmail_fake: GmailFake,
                                                     tmp_path: Path) -> None:
    config, factory, draft_id = created_and_checked(gmail_fake, tmp_path)
    gmail_fake.user_edits_draft(draft_id, gmail_fake.messages[gmail_fake.drafts[draft_id]].raw
                                .replace(b"Thank you", b"Many thanks"))
    run_once(config, now=at(5, 19), backend_factory=factory)
    assert ledger(tmp_path) == [("thank_you", "edited")]


def test_a_deleted_draft_is_noticed_without_search_or_its_message_id(
        gmail_fake: GmailFake, tmp_path: Path) -> None:
    config, factory, draft_id = created_and_checked(gmail_fake, tmp_path)
    gmail_fake.user_deletes_draft(draft_id)
    run_once(config, now=at(5, 19), backend_factory=factory)
    assert ledger(tmp_path) == [("thank_you", "dismissed")]
    run_once(config, now=at(5, 20), backend_factory=factory)
    assert gmail_fake.count("gmail.users.drafts.create") == 1


def test_a_draft_sent_as_a_label_change_is_noticed_as_sent(
        gmail_fake: GmailFake, tmp_path: Path) -> None:
    """Gmail reports a send as the draft's message losing DRAFT and gaining SENT."""
    config, factory, draft_id = created_and_checked(gmail_fake, tmp_path)
    gmail_fake.user_sends_draft(draft_id, as_label_change=True)
    report = run_once(config, now=at(5, 19), backend_factory=factory)
    assert report.read == {"gmail": 1}  # the sent message, read from Sent
    assert ledger(tmp_path) == [("thank_you", "sent")]


# -- 6. a 403 that is not about the login ----------------------------------------------------------

@pytest.mark.parametrize("reason, advice", [
    ("accessNotConfigured", "the Gmail API is not enabled in the Google Cloud project"),
    ("dailyLimitExceeded", "midnight Pacific Time"),
    ("domainPolicy", "Workspace administrator"),
])
def test_a_403_that_no_new_login_cures_says_what_does(harness: GmailHarness, reason: str,
                                                      advice: str) -> None:
    harness.fake.fail_next("gmail.users.getProfile", 403, reason=reason)
    with pytest.raises(GmailApiError) as raised:
        fetch(harness)
    assert not isinstance(raised.value, AuthenticationError)
    assert advice in str(raised.value) and reason in str(raised.value)
    assert "auth gmail" not in str(raised.value) and harness.sleeps == []


def test_missing_permissions_are_still_a_login_problem(harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.getProfile", 403, reason="insufficientPermissions")
    with pytest.raises(AuthenticationError, match="auth gmail --account gmail"):
        fetch(harness)


def test_a_token_without_the_readonly_scope_is_refused_by_the_fake(
        gmail_fake: GmailFake, tmp_path: Path) -> None:
    harness = GmailHarness(gmail_fake, tmp_path / "state")
    gmail_fake.token_scopes[next(iter(gmail_fake.access_tokens))] = (
        "https://www.googleapis.com/auth/gmail.compose",)
    with pytest.raises(AuthenticationError, match="insufficientPermissions"):
        fetch(harness)  # messages.list needs gmail.readonly (discovery document)


# -- 7. Retry-After is capped ----------------------------------------------------------------------

def test_a_long_retry_after_ends_the_pass_instead_of_sleeping(harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.getProfile", 429, retry_after=3600)
    with pytest.raises(GmailApiError, match="asked to wait 3600 s"):
        fetch(harness)
    assert harness.sleeps == []


def test_a_short_retry_after_is_still_honoured(harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.getProfile", 429, retry_after=30)
    harness.deliver(make_message("hello"))
    assert len(fetch(harness).messages) == 1
    assert len(harness.sleeps) == 1 and 30 <= harness.sleeps[0] <= 30.2


# -- 8. batches Gmail accepts ----------------------------------------------------------------------

def test_a_first_scan_never_trips_the_concurrency_limit(harness: GmailHarness) -> None:
    for number in range(120):
        harness.deliver(make_message(f"message {number}"))
    result = fetch(harness)
    assert len(result.messages) == 120 and all(m.raw for m in result.messages)
    assert harness.fake.concurrency_refusals == 0 and harness.sleeps == []
    assert harness.fake.count("gmail.users.messages.get", status=429) == 0


# -- 9. a cursor ahead of the mailbox --------------------------------------------------------------

def test_a_cursor_ahead_of_the_mailbox_rescans_it(harness: GmailHarness) -> None:
    """Another account's state, or one restored from a backup: its history id is beyond
    anything this mailbox has."""
    mine = new_message_id()
    harness.deliver(make_message("mine", message_id=mine))
    ahead = {"version": 1, "kind": "gmail", "role": "inbox",
             "history_id": str(harness.fake.history_id + 1_000_000)}
    result = fetch(harness, cursor=ahead)
    assert result.reset and ids(result) == [mine]
    assert int(result.cursor["history_id"]) <= harness.fake.history_id
    later = new_message_id()
    harness.deliver(make_message("later", message_id=later))
    assert ids(fetch(harness, cursor=result.cursor)) == [later]


def test_a_cursor_of_another_google_account_rescans(harness: GmailHarness) -> None:
    """Authorised anew as someone else: the stored history id means nothing here, even
    when it happens to be below this mailbox's."""
    mine = [new_message_id() for _ in range(3)]
    for message_id in mine:
        harness.deliver(make_message("mine", message_id=message_id))
    theirs = {"version": 1, "kind": "gmail", "role": "inbox", "account": "else@example.com",
              "history_id": str(harness.fake.history_id - 1)}
    result = fetch(harness, cursor=theirs)
    assert result.reset and sorted(ids(result)) == sorted(mine)
    assert result.cursor["account"] == harness.fake.email
    harness.deliver(make_message("later"))
    assert len(fetch(harness, cursor=result.cursor).messages) == 1


# -- 10. a refused token pauses the account --------------------------------------------------------

def test_a_revoked_token_is_not_retried_until_it_changes(harness: GmailHarness) -> None:
    fake = harness.fake
    fake.revoke()
    for _ in range(3):
        with pytest.raises(AuthenticationError, match="auth gmail --account gmail"):
            fetch(harness)
    assert fake.count("oauth2.token") == 1  # asked once; then paused
    with pytest.raises(AuthenticationError, match="paused"):
        fetch(harness)
    access = fake.grant("1//after-reauthorising")
    save_token(token_path(harness.account, harness.config), Credentials(
        token=access, refresh_token="1//after-reauthorising", token_uri=fake.token_uri,
        client_id="fake-client.apps.googleusercontent.com", client_secret="fake-secret",
        scopes=list(SCOPES), expiry=datetime.now(UTC).replace(tzinfo=None)
        + timedelta(hours=1)))
    harness.deliver(make_message("hello"))
    assert len(fetch(harness).messages) == 1


# -- first-scan progress ---------------------------------------------------------------------------

def test_an_interrupted_first_scan_resumes_where_it_stopped(
        harness: GmailHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gmail_sync, "READ_CHUNK", 20)
    fake = harness.fake
    delivered = [new_message_id() for _ in range(60)]
    for number, message_id in enumerate(delivered):
        harness.deliver(make_message(f"m{number}", message_id=message_id),
                        when=datetime.now(UTC) - timedelta(hours=60 - number))
    # The second chunk's headers: Gmail asks to wait an hour.
    fake.fail_next("gmail.users.messages.get", 429, retry_after=3600, skip=40, count=100)
    first = fetch(harness)
    assert first.interrupted is not None and ids(first) == delivered[:20]
    assert len(first.cursor["pending"]) == 40
    fake.injections.clear()
    second = fetch(harness, cursor=first.cursor)
    assert second.interrupted is None and ids(second) == delivered[20:]
    assert "pending" not in second.cursor
    assert fake.count("gmail.users.messages.list") == 1  # never listed again
    assert fetch(harness, cursor=second.cursor).messages == []


def test_the_runner_keeps_the_progress_of_an_interrupted_scan(
        gmail_fake: GmailFake, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gmail_sync, "READ_CHUNK", 2)
    config, factory = scenario(gmail_fake, tmp_path)
    gmail_fake.drop_next("gmail.users.messages.get", skip=2 + 2, count=100, after=False)
    failed = run_once(config, now=at(5, 17, 1), backend_factory=factory)
    assert failed.failed_accounts == ["gmail"] and failed.drafts == []
    assert failed.read == {} and gmail_fake.drafts == {}
    gmail_fake.injections.clear()
    report = run_once(config, now=at(5, 17, 2), backend_factory=factory)
    assert report.failed_accounts == [] and report.read == {"gmail": 1}
    assert len(gmail_fake.drafts) == 1 and gmail_fake.count("gmail.users.messages.list") == 2


# -- the draft book ----------------------------------------------------------------------------------

def test_the_draft_book_is_private_and_never_stops_a_draft(
        harness: GmailHarness, caplog: pytest.LogCaptureFixture) -> None:
    book = token_path(harness.account, harness.config).with_name("gmail-gmail-drafts.json")
    first = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(make_message("Re: x", message_id=first), first,
                                        datetime.now(UTC))
    assert book.stat().st_mode & 0o777 == 0o600
    assert json.loads(book.read_text())["drafts"][first]["draft"] == draft_id
    assert b"Hello there" not in book.read_bytes()  # headers that recognise it, no body
    book.unlink()
    book.mkdir()  # a book that cannot be written
    second = new_message_id()
    with caplog.at_level(logging.WARNING), harness.mailbox() as mailbox:
        mailbox.append_draft(make_message("Re: y", message_id=second), second,
                             datetime.now(UTC))
        assert mailbox.find_draft(second) is not None  # search still finds it
    assert "cannot write the Gmail draft book" in caplog.text
    assert len(harness.fake.drafts) == 2
