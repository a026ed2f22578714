"""The Gmail API backend beyond the contract: quota, history sync, retries, exactly-once
drafts, threads, sent-or-deleted, and the allow-list. Runs against `gmail_fake.GmailFake`
through the production HTTP stack (token file, refresh, AuthorizedHttp, NoResendHttp)."""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import httplib2
import pytest
from googleapiclient.discovery import build

import followup.backends.gmail as gmail_module
from followup.backends.base import FetchResult
from followup.backends.gmail import ALLOWED, NotAllowed
from followup.backends.gmail_auth import load_token, token_path
from followup.backends.gmail_http import QuotaMeter
from followup.backends.gmail_messages import QUOTA_UNITS, b64url_encode
from followup.config_model import FolderConfig
from followup.errors import AuthenticationError, BackendError, FolderNotFound
from gmail_fake import GmailFake

from .harness import GmailHarness, make_message, new_message_id

SINCE = date.today() - timedelta(days=120)
PACKAGE = Path(gmail_module.__file__).parents[1]


@pytest.fixture
def harness(gmail_fake: GmailFake, tmp_path: Path) -> GmailHarness:
    return GmailHarness(gmail_fake, tmp_path / "state")


def fetch(harness: GmailHarness, role: str = "inbox", cursor: dict[str, Any] | None = None,
          **kwargs: Any) -> FetchResult:
    with harness.mailbox() as mailbox:
        return mailbox.fetch_new(role, cursor, SINCE, **kwargs)  # type: ignore[arg-type]


def ids(result: FetchResult) -> list[str]:
    return [m.summary.message_id or "" for m in result.messages]


def reply_to(original: bytes, message_id: str, subject: str | None = None) -> bytes:
    """A reply draft as followup composes one: In-Reply-To, References, Re: subject."""
    parsed = message_from_bytes(original, policy=default)
    message = message_from_bytes(make_message(
        subject or f"Re: {parsed['Subject']}", message_id=message_id, sender="sam@example.org",
        to=str(parsed["From"]), body="Thank you for your time today."), policy=default)
    message["In-Reply-To"] = parsed["Message-ID"]
    message["References"] = parsed["Message-ID"]
    return message.as_bytes()


# -- sync and quota ------------------------------------------------------------------------------

def test_first_scan_quota_is_counted_and_reported(harness: GmailHarness) -> None:
    fake = harness.fake
    for number in range(60):
        harness.deliver(make_message(("wanted " if number < 10 else "skip ") + str(number)))
    harness.deliver(make_message("mine"), role="sent")
    result = fetch(harness, want_body=lambda s: b"Subject: wanted" in s.header_bytes)
    assert len(result.messages) == 60 and result.stats["bodies"] == 10
    # getProfile 1 + messages.list 5 + 60 metadata gets x 5 + 10 raw gets x 5
    assert result.stats["quota_units"] == 1 + 5 + 60 * 5 + 10 * 5 == 356
    # getProfile, messages.list, three metadata batches (20 each), one raw batch
    assert result.stats["requests"] == 6 == len(fake.http_requests())
    assert fake.concurrency_refusals == 0
    assert fake.count("gmail.users.messages.get") == 70
    assert result.cursor == {"version": 1, "kind": "gmail", "role": "inbox",
                             "history_id": result.cursor["history_id"],
                             "account": "sam@example.org"}


def test_a_poll_with_nothing_new_is_one_history_call(harness: GmailHarness) -> None:
    harness.deliver(make_message("hello"))
    first = fetch(harness)
    harness.fake.requests.clear()
    second = fetch(harness, cursor=first.cursor)
    assert second.messages == [] and not second.reset
    assert [r.method_id for r in harness.fake.requests] == ["gmail.users.history.list"]
    assert second.stats["quota_units"] == 2 and second.stats["requests"] == 1


def test_results_arrive_in_pages(harness: GmailHarness) -> None:
    harness.fake.page_cap = 7
    for number in range(30):
        harness.deliver(make_message(f"first {number}"))
    first = fetch(harness)
    assert len(first.messages) == 30
    assert harness.fake.count("gmail.users.messages.list") == 5
    for number in range(16):
        harness.deliver(make_message(f"later {number}"))
    later = fetch(harness, cursor=first.cursor)
    assert len(later.messages) == 16
    # one unfiltered call finds that something changed, then INBOX's history in 3 pages
    assert harness.fake.count("gmail.users.history.list") == 4
    assert fetch(harness, cursor=later.cursor).messages == []


def test_expired_history_rescans_the_window_and_says_so(harness: GmailHarness) -> None:
    harness.deliver(make_message("before"))
    first = fetch(harness)
    harness.fake.expire_history()
    late = new_message_id()
    harness.deliver(make_message("after", message_id=late))
    second = fetch(harness, cursor=first.cursor)
    assert second.reset and late in ids(second) and len(second.messages) == 2
    assert harness.fake.count("gmail.users.history.list", status=404) == 1
    third = fetch(harness, cursor=second.cursor)
    assert third.messages == [] and not third.reset


def test_mail_that_left_the_inbox_before_the_poll_is_read_once(harness: GmailHarness) -> None:
    """Issue 16, point 5: archived on the phone, or filtered past the inbox, before the poll."""
    fake = harness.fake
    filtered_early = new_message_id()
    fake.add_message(make_message("filtered", message_id=filtered_early), ["Label_1"])
    first = fetch(harness)
    assert ids(first) == [filtered_early]  # the first scan reads it too
    archived, filtered = new_message_id(), new_message_id()
    gmail_id = fake.add_message(make_message("archived", message_id=archived))
    fake.remove_labels(gmail_id, "INBOX")  # archived before followup polled
    fake.add_message(make_message("filtered", message_id=filtered), ["Label_1", "UNREAD"])
    second = fetch(harness, cursor=first.cursor)
    assert sorted(ids(second)) == sorted([archived, filtered])
    assert all("labelId" not in r.params for r in fake.requests
               if r.method_id == "gmail.users.history.list")
    fake.add_labels(gmail_id, "INBOX")  # moved back: not new mail
    assert fetch(harness, cursor=second.cursor).messages == []
    assert fetch(harness, "sent").messages == []


def test_several_messages_in_one_history_record_are_all_read(harness: GmailHarness) -> None:
    first = fetch(harness)
    together = [new_message_id() for _ in range(3)]
    harness.fake.deliver_together([make_message("t", message_id=m) for m in together])
    assert sorted(ids(fetch(harness, cursor=first.cursor))) == sorted(together)


def test_a_send_reported_as_a_label_change_is_new_in_sent(harness: GmailHarness) -> None:
    first = fetch(harness, "sent")
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(make_message("Re: x", message_id=message_id),
                                        message_id, datetime.now(UTC))
    harness.fake.user_sends_draft(draft_id, as_label_change=True)
    assert ids(fetch(harness, "sent", cursor=first.cursor)) == [message_id]


def test_a_named_inbox_label_is_read_instead(gmail_fake: GmailFake, tmp_path: Path) -> None:
    harness = GmailHarness(gmail_fake, tmp_path / "state")
    harness.account = replace(harness.account, folders=FolderConfig(inbox="Jobs"))
    gmail_fake.user_labels["Label_7"] = "Jobs"
    wanted = new_message_id()
    gmail_fake.add_message(make_message("job", message_id=wanted), ["Label_7", "UNREAD"])
    gmail_fake.add_message(make_message("other"), ["INBOX"])
    first = fetch(harness)
    assert ids(first) == [wanted]
    later = gmail_fake.add_message(make_message("later", message_id=new_message_id()))
    gmail_fake.add_labels(later, "Label_7")
    assert len(fetch(harness, cursor=first.cursor).messages) == 1
    with harness.mailbox() as mailbox:
        assert mailbox.folder_names()["inbox"] == "Jobs"
    harness.account = replace(harness.account, folders=FolderConfig(inbox="Nope"))
    with pytest.raises(FolderNotFound, match="folders.inbox"):
        fetch(harness)


def test_chats_drafts_and_spam_are_never_mail(harness: GmailHarness) -> None:
    fake = harness.fake
    fake.add_message(make_message("chat"), ["INBOX", "CHAT"])
    fake.add_message(make_message("spam"), ["SPAM"])
    kept = new_message_id()
    harness.deliver(make_message("real", message_id=kept))
    first = fetch(harness)
    assert ids(first) == [kept]
    fake.add_message(make_message("chat again"), ["INBOX", "CHAT"])
    with harness.mailbox() as mailbox:
        draft = new_message_id()
        mailbox.append_draft(make_message("d", message_id=draft), draft, datetime.now(UTC))
    assert fetch(harness, cursor=first.cursor).messages == []
    assert fetch(harness, "sent").messages == []


def test_summaries_carry_thread_labels_and_safe_headers(harness: GmailHarness) -> None:
    raw = (b"From: Jo <jo@example.com>\r\nTo: sam@example.org\r\nSubject: a very long "
           b"subject\r\n that is folded\r\nMessage-ID: <x1@example.com>\r\n"
           b"X-Secret: not asked for\r\n\r\nBody text\r\n")
    gmail_id = harness.fake.add_message(raw, ["INBOX", "STARRED"])
    (message,) = fetch(harness).messages
    summary = message.summary
    assert summary.uid == gmail_id and summary.thread_id == gmail_id
    assert summary.folder == "INBOX" and summary.flags == ("\\Seen", "\\Flagged")
    assert b"Subject: a very long subject that is folded\r\n" in summary.header_bytes
    assert b"X-Secret" not in summary.header_bytes and b"Body text" not in summary.header_bytes
    assert summary.message_id == "<x1@example.com>"


# -- retries ---------------------------------------------------------------------------------------

def test_batch_items_refused_with_429_are_retried_alone(harness: GmailHarness) -> None:
    fake = harness.fake
    for number in range(55):
        harness.deliver(make_message(f"m{number}"))
    fake.fail_next("gmail.users.messages.get", 429, count=3, retry_after=2)
    result = fetch(harness)
    assert len(result.messages) == 55 and all(m.raw for m in result.messages)
    assert fake.count("gmail.users.messages.get", status=429) == 3
    assert fake.count("gmail.users.messages.get") == 55 * 2 + 3
    assert len(harness.sleeps) == 1 and 2 <= harness.sleeps[0] <= 2.2


def test_retry_after_is_honoured(harness: GmailHarness) -> None:
    first = fetch(harness)
    harness.fake.fail_next("gmail.users.history.list", 429, retry_after=7)
    harness.deliver(make_message("hello"))
    assert len(fetch(harness, cursor=first.cursor).messages) == 1
    assert len(harness.sleeps) == 1 and 7 <= harness.sleeps[0] <= 7.2


@pytest.mark.parametrize("status, reason", [(500, None), (503, None),
                                            (403, "userRateLimitExceeded"),
                                            (403, "rateLimitExceeded")])
def test_server_errors_and_rate_limits_are_retried(harness: GmailHarness, status: int,
                                                   reason: str | None) -> None:
    harness.fake.fail_next("gmail.users.getProfile", status, count=2, reason=reason)
    harness.deliver(make_message("hello"))
    assert len(fetch(harness).messages) == 1
    assert len(harness.sleeps) == 2 and harness.sleeps[0] < harness.sleeps[1] * 2


def test_a_refusal_is_not_retried(harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.getProfile", 403, reason="insufficientPermissions")
    with pytest.raises(AuthenticationError, match="auth gmail --account gmail"):
        fetch(harness)
    assert harness.sleeps == []


def test_reads_give_up_after_a_few_tries(harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.getProfile", 429, count=10)
    with pytest.raises(BackendError):
        fetch(harness)
    assert len(harness.sleeps) == 4 and harness.fake.count("gmail.users.getProfile") == 5


def test_a_lost_connection_on_a_read_is_retried(harness: GmailHarness) -> None:
    harness.deliver(make_message("hello"))
    harness.fake.drop_next("gmail.users.getProfile", count=3, after=False)
    assert len(fetch(harness).messages) == 1


# -- drafts: exactly once ----------------------------------------------------------------------

def _draft(message_id: str) -> bytes:
    return make_message("Re: Interview", message_id=message_id, sender="sam@example.org",
                        to="jo@example.com", body="Thank you for your time today.")


def test_a_create_whose_answer_is_lost_makes_exactly_one_draft(harness: GmailHarness) -> None:
    fake = harness.fake
    fake.drop_next("gmail.users.drafts.create")
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
    assert list(fake.drafts) == [draft_id]
    assert fake.count("gmail.users.drafts.create") == 1
    assert fake.count("gmail.users.drafts.list") == 1


def test_plain_httplib2_would_have_sent_that_create_twice(gmail_fake: GmailFake) -> None:
    """Why the backend uses NoResendHttp: httplib2 re-sends a request whose connection
    closed before the status line, POST included."""
    service = build("gmail", "v1", http=httplib2.Http(), static_discovery=True,
                    cache_discovery=False, client_options={"api_endpoint": gmail_fake.root})
    gmail_fake.drop_next("gmail.users.drafts.create")
    service.users().drafts().create(userId="me", body={"message": {
        "raw": b64url_encode(_draft(new_message_id()))}}).execute()
    assert len(gmail_fake.drafts) == 2


def test_a_create_answered_500_after_storing_is_found_not_repeated(
        harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.drafts.create", 500, after=True)
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
        assert mailbox.find_draft(message_id) == draft_id
    assert len(harness.fake.drafts) == 1 and harness.fake.count("gmail.users.drafts.create") == 1


def test_a_create_refused_with_429_is_simply_retried(harness: GmailHarness) -> None:
    harness.fake.fail_next("gmail.users.drafts.create", 429, retry_after=1)
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
    assert len(harness.fake.drafts) == 1 and harness.fake.count("gmail.users.drafts.create") == 2
    assert harness.fake.count("gmail.users.drafts.list") == 0


def test_a_draft_not_yet_searchable_is_still_found_before_a_retry(
        harness: GmailHarness) -> None:
    harness.fake.search_lag = True
    harness.fake.drop_next("gmail.users.drafts.create")
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
    assert list(harness.fake.drafts) == [draft_id]


def test_a_draft_joins_its_thread_with_its_headers_intact(harness: GmailHarness) -> None:
    fake = harness.fake
    original_id = new_message_id()
    original = make_message("Interview", message_id=original_id, sender="Jo <jo@example.com>")
    fake.add_message(original)
    (inbound,) = fetch(harness).messages
    thread = inbound.summary.thread_id
    assert thread is not None
    draft_message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(reply_to(original, draft_message_id), draft_message_id,
                                        datetime.now(UTC), thread_id=thread)
        fingerprint = mailbox.draft_fingerprint(draft_id)
    stored = fake.messages[fake.drafts[draft_id]]
    assert stored.thread_id == thread and stored.labels == {"DRAFT"}
    parsed = message_from_bytes(stored.raw, policy=default)
    assert parsed["In-Reply-To"] == original_id and parsed["References"] == original_id
    assert parsed["Subject"] == "Re: Interview" and parsed["Message-ID"] == draft_message_id
    assert fingerprint is not None


def test_gmail_keeps_a_draft_out_of_a_thread_whose_subject_differs(
        harness: GmailHarness) -> None:
    """The fake applies Gmail's rule; followup's drafts keep `Re: <subject>` for it."""
    original = make_message("Interview", message_id=new_message_id())
    thread = harness.fake.add_message(original)
    draft_message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(reply_to(original, draft_message_id, "Something else"),
                                        draft_message_id, datetime.now(UTC), thread_id=thread)
    assert harness.fake.messages[harness.fake.drafts[draft_id]].thread_id != thread


def test_a_draft_for_a_thread_that_is_gone_starts_a_new_one(harness: GmailHarness) -> None:
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC),
                                        thread_id="deadbeef")
    assert list(harness.fake.drafts) == [draft_id]


def test_sent_and_deleted_drafts_are_told_apart(harness: GmailHarness) -> None:
    fake = harness.fake
    original = make_message("Interview", message_id=new_message_id())
    thread = fake.add_message(original)
    created = datetime.now(UTC) - timedelta(seconds=5)
    sent_id, deleted_id, web_id = new_message_id(), new_message_id(), new_message_id()
    with harness.mailbox() as mailbox:
        drafts = {m: mailbox.append_draft(reply_to(original, m), m, datetime.now(UTC),
                                          thread_id=thread)
                  for m in (sent_id, deleted_id, web_id)}
    fake.user_sends_draft(drafts[sent_id])
    fake.user_deletes_draft(drafts[deleted_id])
    with harness.mailbox() as mailbox:
        assert all(mailbox.draft_fingerprint(d) is not None for d in (drafts[web_id],))
        fake.user_sends_draft(drafts[web_id], message_id="<CAGmail-web@mail.gmail.com>")
        assert mailbox.draft_fingerprint(drafts[sent_id]) is None
        assert mailbox.draft_fingerprint(drafts[deleted_id]) is None
        assert mailbox.existing_drafts([sent_id, deleted_id, web_id]) == {}
        assert mailbox.draft_was_sent(sent_id, thread) is True
        assert mailbox.draft_was_sent(sent_id) is True  # found by Message-ID in Sent
        assert mailbox.draft_was_sent(web_id, thread, since=created) is True
        assert mailbox.draft_was_sent(deleted_id, "gone-thread") is None


def test_a_deleted_draft_in_a_quiet_thread_was_not_sent(harness: GmailHarness) -> None:
    original = make_message("Interview", message_id=new_message_id())
    thread = harness.fake.add_message(original)
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(reply_to(original, message_id), message_id,
                                        datetime.now(UTC), thread_id=thread)
        harness.fake.user_deletes_draft(draft_id)
        assert mailbox.draft_was_sent(message_id, thread,
                                      since=datetime.now(UTC) - timedelta(minutes=1)) is False
        assert mailbox.draft_was_sent(message_id) is None


def test_an_edited_draft_changes_its_fingerprint_and_keeps_its_id(
        harness: GmailHarness) -> None:
    message_id = new_message_id()
    with harness.mailbox() as mailbox:
        draft_id = mailbox.append_draft(_draft(message_id), message_id, datetime.now(UTC))
        before = mailbox.draft_fingerprint(draft_id)
        harness.fake.user_edits_draft(draft_id, _draft(message_id).replace(
            b"Thank you", b"Many thanks"))
        assert mailbox.draft_fingerprint(draft_id) not in (before, None)
        assert mailbox.find_draft(message_id) == draft_id


# -- authorisation during a session ----------------------------------------------------------------

def test_an_expired_access_token_is_refreshed_and_saved(harness: GmailHarness) -> None:
    path = token_path(harness.account, harness.config)
    before = json.loads(path.read_text())["token"]
    first = fetch(harness)
    harness.fake.expire_access_tokens()
    harness.deliver(make_message("hello"))
    with harness.mailbox() as mailbox:
        assert len(mailbox.fetch_new("inbox", first.cursor, SINCE).messages) == 1
        harness.fake.expire_access_tokens()  # and once more before a batch
        assert mailbox.existing_drafts([new_message_id(), new_message_id()]) == {}
    saved = load_token(path, "gmail")
    assert saved.token != before and saved.token in harness.fake.access_tokens
    assert path.stat().st_mode & 0o777 == 0o600
    assert harness.fake.count("oauth2.token") == 2


def test_a_revoked_authorisation_says_what_to_do(harness: GmailHarness) -> None:
    harness.fake.revoke()
    with pytest.raises(AuthenticationError) as raised:
        fetch(harness)
    assert str(raised.value) == (
        "Gmail refused the saved authorisation for account gmail (revoked, or expired: "
        "apps left in 'Testing' get tokens that die after 7 days); run `followup auth gmail "
        "--account gmail` again")


# -- least privilege -----------------------------------------------------------------------------

FORBIDDEN_METHODS = [
    "users.messages.send", "users.drafts.send", "users.messages.modify",
    "users.messages.trash", "users.messages.delete", "users.messages.batchModify",
    "users.messages.batchDelete", "users.messages.insert", "users.messages.import",
    "users.drafts.delete", "users.drafts.update", "users.threads.modify",
    "users.threads.trash", "users.threads.delete", "users.labels.create", "users.watch",
    "users.settings.filters.create", "users.settings.updateAutoForwarding"]


def test_the_allow_list_is_reads_and_drafts_create_only() -> None:
    assert ALLOWED == {
        "gmail.users.messages.list", "gmail.users.messages.get", "gmail.users.history.list",
        "gmail.users.drafts.create", "gmail.users.drafts.list", "gmail.users.drafts.get",
        "gmail.users.labels.list", "gmail.users.threads.get", "gmail.users.getProfile"}
    assert set(QUOTA_UNITS) == ALLOWED


@pytest.mark.parametrize("method", FORBIDDEN_METHODS)
def test_nothing_else_can_even_be_built(harness: GmailHarness, method: str) -> None:
    with harness.mailbox() as mailbox, pytest.raises(NotAllowed):
        mailbox._request(method, userId="me", id="x")
    assert harness.fake.requests == []


def test_the_service_is_reached_only_through_the_guard() -> None:
    tree = ast.parse(Path(gmail_module.__file__).read_text())
    users = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Attribute) and node.attr == "_service":
                    users.add(function.name)
    assert users == {"__init__", "open", "close", "_request", "_new_batch"}
    for half in ("gmail_sync.py", "gmail_drafts.py"):  # they only use `_request`
        text = (PACKAGE / "backends" / half).read_text()
        assert "_service" not in text and "import google" not in text
        assert "from google" not in text


def test_only_gmail_py_imports_googleapiclient_and_nothing_sets_num_retries() -> None:
    importers = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                    [alias.name for alias in node.names]
                if any(name.split(".")[0] == "googleapiclient" for name in names):
                    importers.add(path.name)
            if isinstance(node, ast.Call):  # a retried create could duplicate a draft
                assert "num_retries" not in {k.arg for k in node.keywords}, path
    assert importers == {"gmail.py"}


def test_folder_names_are_the_system_labels(harness: GmailHarness) -> None:
    with harness.mailbox() as mailbox:
        assert mailbox.folder_names() == {"inbox": "INBOX", "sent": "SENT", "drafts": "DRAFT"}
        mailbox.folder_names()
    assert harness.fake.count("gmail.users.labels.list") == 1


def test_the_quota_meter_waits_before_passing_the_rate() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    meter = QuotaMeter(QUOTA_UNITS, per_minute=1000, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        meter.spend(["gmail.users.messages.get"] * 50)  # 250 units each
    assert slept == [] and meter.spent == 1000
    now[0] = 10.0
    meter.spend(["gmail.users.messages.get"] * 50)
    assert slept == [50.0] and meter.spent == 1250
