"""The Gmail fake speaks like Gmail to googleapiclient itself: search operators, formats,
history expiry, batches, error injection. (What the backend does with it is tested in
test_gmail_backend.py.)"""

from __future__ import annotations

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
