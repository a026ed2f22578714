"""The Gmail fake speaks like Gmail to googleapiclient itself: search operators, formats,
history expiry, batches, error injection. (What the backend does with it is tested in
test_gmail_backend.py.)"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httplib2
import pytest
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from gmail_fake import GmailFake

from .harness import make_message


@pytest.fixture
def service(gmail_fake: GmailFake) -> Iterator[Any]:
    yield build("gmail", "v1", http=httplib2.Http(), static_discovery=True,
                cache_discovery=False, client_options={"api_endpoint": gmail_fake.root})


def listed(service: Any, **params: Any) -> list[str]:
    response = service.users().messages().list(userId="me", **params).execute()
    return [m["id"] for m in response.get("messages", [])]


def test_search_operators(gmail_fake: GmailFake, service: Any) -> None:
    now = datetime.now(UTC)
    old = gmail_fake.add_message(make_message("old", sender="a@old.example"),
                                 internal_date=now - timedelta(days=40))
    new = gmail_fake.add_message(make_message("new", sender="b@new.example",
                                              message_id="<n1@x.example>"))
    sent = gmail_fake.add_message(make_message("mine"), ["SENT"])
    chat = gmail_fake.add_message(make_message("chat"), ["INBOX", "CHAT"])
    gmail_fake.add_message(make_message("junk"), ["SPAM"])
    day = (now - timedelta(days=10)).strftime("%Y/%m/%d")
    epoch = int((now - timedelta(days=10)).timestamp())
    assert set(listed(service, q=f"after:{day}")) == {new, sent, chat}
    assert set(listed(service, q=f"after:{epoch} -in:chats")) == {new, sent}
    assert listed(service, q=f"before:{day}") == [old]
    assert set(listed(service, q="newer_than:30d in:inbox")) == {new, chat}
    assert listed(service, q="in:sent") == [sent]
    assert listed(service, q="from:old.example") == [old]
    assert listed(service, q="rfc822msgid:n1@x.example") == [new]
    assert listed(service, q="rfc822msgid:<n1@x.example>") == [new]
    assert set(listed(service, labelIds=["INBOX"], q="-in:chats")) == {old, new}
    assert len(listed(service, q="in:anywhere")) == 5  # spam only when asked for


def test_formats(gmail_fake: GmailFake, service: Any) -> None:
    raw = make_message("hello", body="Body text here.")
    gmail_id = gmail_fake.add_message(raw)
    get = service.users().messages().get
    minimal = get(userId="me", id=gmail_id, format="minimal").execute()
    assert set(minimal) == {"id", "threadId", "labelIds", "snippet", "sizeEstimate",
                            "historyId", "internalDate"}
    metadata = get(userId="me", id=gmail_id, format="metadata",
                   metadataHeaders=["subject", "From"]).execute()
    assert [h["name"] for h in metadata["payload"]["headers"]] == ["From", "Subject"]
    full = get(userId="me", id=gmail_id).execute()
    assert full["payload"]["mimeType"] == "text/plain" and full["payload"]["body"]["data"]
    assert full["snippet"] == "Body text here."
    assert get(userId="me", id=gmail_id, format="raw").execute()["raw"]
    with pytest.raises(HttpError) as missing:
        get(userId="me", id="nope").execute()
    assert missing.value.status_code == 404


def test_history_ids_rise_and_expire(gmail_fake: GmailFake, service: Any) -> None:
    start = int(service.users().getProfile(userId="me").execute()["historyId"])
    first = gmail_fake.add_message(make_message("one"))
    gmail_fake.add_labels(first, "STARRED")
    history = service.users().history().list(userId="me", startHistoryId=start).execute()
    ids = [int(record["id"]) for record in history["history"]]
    assert ids == sorted(ids) and ids[0] > start and int(history["historyId"]) == ids[-1]
    assert "messagesAdded" in history["history"][0] and "labelsAdded" in history["history"][1]
    quiet = service.users().history().list(userId="me", startHistoryId=ids[-1]).execute()
    assert "history" not in quiet
    gmail_fake.history_horizon = 1
    with pytest.raises(HttpError) as expired:
        service.users().history().list(userId="me", startHistoryId=start).execute()
    assert expired.value.status_code == 404


def test_batches_answer_each_part_and_injected_errors_land_in_their_part(
        gmail_fake: GmailFake, service: Any) -> None:
    ids = [gmail_fake.add_message(make_message(f"m{n}")) for n in range(3)]
    gmail_fake.fail_next("gmail.users.messages.get", 429, retry_after=3)
    answers: dict[str, Any] = {}
    batch = service.new_batch_http_request()
    batch._batch_uri = gmail_fake.root + "batch/gmail/v1"
    for gmail_id in ids:
        batch.add(service.users().messages().get(userId="me", id=gmail_id, format="minimal"),
                  request_id=gmail_id,
                  callback=lambda key, response, error: answers.__setitem__(key, (response,
                                                                                  error)))
    batch.execute()
    first_error = answers[ids[0]][1]
    assert first_error.status_code == 429 and first_error.resp["retry-after"] == "3"
    assert [answers[i][0]["id"] for i in ids[1:]] == ids[1:]
    assert [r.method_id for r in gmail_fake.requests] == ["batch"] + [
        "gmail.users.messages.get"] * 3


def test_unimplemented_methods_are_logged_under_their_id(gmail_fake: GmailFake,
                                                         service: Any) -> None:
    with pytest.raises(HttpError) as refused:
        service.users().labels().get(userId="me", id="INBOX").execute()
    assert refused.value.status_code == 501
    assert gmail_fake.requests[-1].method_id == "gmail.users.labels.get"
    gmail_fake.forget_requests()  # called on purpose here, not by the backend


# -- as strict as Gmail ----------------------------------------------------------------------

def test_unknown_parameters_are_refused(gmail_fake: GmailFake) -> None:
    """googleapiclient itself refuses unknown keyword arguments; the fake refuses unknown
    query parameters that reach it (a hand-built URL, a parameter of another method)."""
    http = httplib2.Http()
    response, content = http.request(
        gmail_fake.root + "gmail/v1/users/me/history?startHistoryId=1&labelIds=INBOX")
    assert response.status == 400 and b'Unknown name' in content and b'labelIds' in content
    response, _ = http.request(gmail_fake.root + "gmail/v1/users/me/history?startHistoryId=1"
                               "&labelId=INBOX&alt=json&prettyPrint=false")
    assert response.status == 200


def test_scopes_are_enforced_per_method(gmail_fake: GmailFake) -> None:
    access = gmail_fake.grant(scopes=("https://www.googleapis.com/auth/gmail.compose",))
    headers = {"Authorization": f"Bearer {access}"}
    http = httplib2.Http()
    # gmail.compose may create and list drafts, never read mail (discovery document).
    response, content = http.request(gmail_fake.root + "gmail/v1/users/me/messages",
                                     headers=headers)
    assert response.status == 403 and b"insufficientPermissions" in content
    response, _ = http.request(gmail_fake.root + "gmail/v1/users/me/drafts", headers=headers)
    assert response.status == 200


def test_history_groups_changes_and_reports_a_send_as_a_label_change(
        gmail_fake: GmailFake, service: Any) -> None:
    start = int(service.users().getProfile(userId="me").execute()["historyId"])
    together = gmail_fake.deliver_together([make_message("a"), make_message("b")])
    draft = service.users().drafts().create(userId="me", body={"message": {
        "raw": base64.urlsafe_b64encode(make_message("note")).decode()}}).execute()
    gmail_fake.user_sends_draft(draft["id"], as_label_change=True)
    history = service.users().history().list(userId="me", startHistoryId=start).execute()
    first, created, sent = history["history"]
    assert [m["message"]["id"] for m in first["messagesAdded"]] == together
    assert created["messagesAdded"][0]["message"]["labelIds"] == ["DRAFT"]
    assert sent["labelsRemoved"][0]["labelIds"] == ["DRAFT"]
    assert sent["labelsAdded"][0]["labelIds"] == ["SENT"]
    assert sent["messages"] == [{"id": draft["message"]["id"],
                                 "threadId": draft["message"]["threadId"]}]
    assert draft["id"] not in gmail_fake.drafts


def test_a_start_id_ahead_of_the_mailbox_answers_as_if_quiet(gmail_fake: GmailFake,
                                                             service: Any) -> None:
    current = int(service.users().getProfile(userId="me").execute()["historyId"])
    answer = service.users().history().list(userId="me",
                                            startHistoryId=current + 10**6).execute()
    assert "history" not in answer and int(answer["historyId"]) == current


def test_batches_past_the_concurrency_limit_are_refused_in_part(gmail_fake: GmailFake,
                                                                service: Any) -> None:
    ids = [gmail_fake.add_message(make_message(f"m{n}")) for n in range(30)]
    answers: dict[str, Any] = {}
    batch = service.new_batch_http_request()
    batch._batch_uri = gmail_fake.root + "batch/gmail/v1"
    for gmail_id in ids:
        batch.add(service.users().messages().get(userId="me", id=gmail_id, format="minimal"),
                  request_id=gmail_id,
                  callback=lambda key, response, error: answers.__setitem__(key, error))
    batch.execute()
    refused = [key for key, error in answers.items() if error is not None]
    assert refused == ids[25:] and gmail_fake.concurrency_refusals == 5
    assert all(answers[key].status_code == 429 for key in refused)
    assert b"Too many concurrent requests for user" in answers[ids[-1]].content


def test_drafts_create_can_rewrite_the_message_id_and_make_ghosts(gmail_fake: GmailFake,
                                                                  service: Any) -> None:
    thread = gmail_fake.add_message(make_message("Interview", message_id="<o@x.example>"))
    gmail_fake.rewrite_message_ids = True
    draft = service.users().drafts().create(userId="me", body={"message": {
        "threadId": thread, "raw": base64.urlsafe_b64encode(
            make_message("Re: Interview", message_id="<mine@x.example>")).decode()}}).execute()
    stored = gmail_fake.messages[gmail_fake.drafts[draft["id"]]]
    assert stored.message_id.endswith("@mail.gmail.com>")
    assert draft["id"] in gmail_fake.ghost_drafts and stored.thread_id == thread
