"""Drafts on the Gmail API: create exactly once, find again, notice edits, and tell a sent
draft from a deleted one.

A mixin of `gmail.GmailMailbox`: it builds every request through the mailbox's guarded
`_request` and runs it through `_once` / `_execute` / `_batch`, so it imports no Google
library and reaches no method outside the allow-list.

Exactly once: `drafts.create` is never retried blindly. A 429 or rate-limit 403 means
Gmail did not store it (retried after the back-off); after an uncertain failure (connection
lost before the answer, timeout, 5xx) the draft is looked up by its Message-ID first
(`rfc822msgid:` search, then the newest drafts in case search lags), and created only if
absent.

Sent or deleted: sending a draft removes it and adds a SENT message (Gmail's web client
gives it a Message-ID of its own), so a `drafts.get` 404 alone cannot tell;
`draft_was_sent` looks at the draft's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from followup.backends.gmail_http import GmailApiError, GmailCalls, RetryableFailure
from followup.backends.gmail_messages import (
    DRAFTS_LABEL,
    b64url_encode,
    fingerprint,
    header_value,
    internal_date_of,
    message_id_query,
)
from followup.backends.parts import normalise_message_id

logger = logging.getLogger(__name__)

RECENT_DRAFTS_CHECKED = 25


class GmailDrafts(GmailCalls):
    """The draft half of `GmailMailbox`; see the module docstring."""

    def append_draft(self, raw: bytes, message_id: str, when: datetime,
                     thread_id: str | None = None) -> str:
        """`drafts.create` (in `thread_id`'s conversation when given); returns the draft id.

        Never retried blindly: after an uncertain failure (connection lost, timeout, 5xx)
        the draft is looked up by `message_id` and created only if absent. A 429 or a
        rate-limit 403 means it was not stored: it is retried after the back-off. `when`
        must be aware but is not sent: Gmail dates a draft itself (`raw` has its Date).
        Raises ValueError, AuthenticationError, ConnectionLost or GmailApiError.
        """
        if when.tzinfo is None:
            raise ValueError("append_draft needs a timezone-aware `when`")
        message_id = normalise_message_id(message_id)
        message: dict[str, Any] = {"raw": b64url_encode(raw)}
        if thread_id:
            message["threadId"] = thread_id
        uncertain = False
        for attempt in range(1, self._attempts + 1):
            if uncertain:
                found = self._find_created(message_id)
                if found is not None:
                    logger.info("%s: draft %s was stored before the failure", self.name,
                                message_id)
                    return found
            request = self._request("users.drafts.create", userId="me",
                                    body={"message": message})
            try:
                return str(self._once(request, "creating a draft")["id"])
            except RetryableFailure as failure:
                uncertain = uncertain or failure.uncertain
                if attempt == self._attempts:
                    raise failure.error from None
                self._pause(attempt, failure.retry_after, str(failure.error))
            except GmailApiError as error:
                if error.status != 404 or "threadId" not in message:
                    raise
                logger.warning("%s: thread %s is gone; the draft starts a new one",
                               self.name, thread_id)
                del message["threadId"]
        raise AssertionError("unreachable")

    def _find_created(self, message_id: str) -> str | None:
        """After an uncertain create: search, then (in case search lags) the newest drafts."""
        found = self.find_draft(message_id)
        if found is not None:
            return found
        response = self._execute(self._request("users.drafts.list", userId="me",
                                               maxResults=RECENT_DRAFTS_CHECKED),
                                 "listing recent drafts")
        drafts = {str(d["message"]["id"]): str(d["id"]) for d in response.get("drafts") or ()}
        requests = {message: self._request("users.messages.get", userId="me", id=message,
                                           format="metadata", metadataHeaders=["Message-ID"])
                    for message in drafts}
        for message, resource in self._batch(requests, "reading recent drafts").items():
            value = header_value(resource, "Message-ID") if resource else None
            if value and normalise_message_id(value) == message_id:
                return drafts[message]
        return None

    def _drafts_matching(self, message_ids: Iterable[str]) -> dict[str, str]:
        wanted = [m for m in {normalise_message_id(m) for m in message_ids} if m.isascii()]
        requests = {m: self._request("users.drafts.list", userId="me", q=message_id_query(m),
                                     maxResults=10) for m in wanted}
        found: dict[str, str] = {}
        for message_id, response in self._batch(requests, "looking for drafts").items():
            drafts = (response or {}).get("drafts") or []
            if len(drafts) > 1:
                logger.warning("%s: %d drafts carry %s", self.name, len(drafts), message_id)
            if drafts:
                found[message_id] = str(drafts[0]["id"])
        return found

    def find_draft(self, message_id: str) -> str | None:
        return self._drafts_matching([message_id]).get(normalise_message_id(message_id))

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        """Of `message_ids`, those in Drafts: one batched round trip per 50 ids."""
        originals = {normalise_message_id(m): m for m in message_ids}
        found = self._drafts_matching(originals)
        return {originals[m]: draft_id for m, draft_id in found.items()}

    def draft_fingerprint(self, draft_id: str) -> str | None:
        """Changes when the user edits the draft; None once it is gone (sent or deleted)."""
        try:
            draft = self._execute(self._request("users.drafts.get", userId="me", id=draft_id,
                                                format="minimal"), "reading a draft")
        except GmailApiError as error:
            if error.status in (400, 404):
                return None
            raise
        return fingerprint(draft)

    def draft_was_sent(self, message_id: str, thread_id: str | None = None,
                       since: datetime | None = None) -> bool | None:
        """After a draft left Drafts: True if it was sent, False if deleted, None if unknown.

        Sent means: a SENT message carries the draft's Message-ID (searched anywhere), or,
        because Gmail's web client may give the mail it sends a Message-ID of its own, a
        SENT message in `thread_id` (the conversation the draft was put in) is dated `since`
        (the draft's creation) or later. A user who deleted the draft but wrote their own
        reply in that thread counts as sent too: either way nothing is drafted again.
        Without a thread (or with one that is gone) and no Message-ID match: None.
        """
        message_id = normalise_message_id(message_id)
        response = self._execute(self._request(
            "users.messages.list", userId="me", q=f"{message_id_query(message_id)} in:sent",
            maxResults=1), "searching Sent")
        if response.get("messages"):
            return True
        if not thread_id:
            return None
        try:
            thread = self._execute(self._request(
                "users.threads.get", userId="me", id=thread_id, format="minimal"),
                "reading a thread")
        except GmailApiError as error:
            if error.status in (400, 404):
                return None
            raise
        for message in thread.get("messages") or ():
            labels = message.get("labelIds") or ()
            sent_at = internal_date_of(message)
            if ("SENT" in labels and DRAFTS_LABEL not in labels and since is not None
                    and sent_at is not None and sent_at >= since):
                return True
        return False
