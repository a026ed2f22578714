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

Nothing rests on undocumented behaviour. That `rfc822msgid:` search finds drafts, finds
them at once, and that Gmail keeps the Message-ID given at `drafts.create` are all
unwritten; the draft id is documented as immutable (discovery document, `Draft.id`) and
survives the user's edits. So the backend keeps a small book of the drafts it creates
(`<token file's directory>/gmail-<account>-drafts.json`, 0600: Message-ID → draft id, and
before each create the headers that recognise it): a draft it made is checked by
`drafts.get` on its id, and after a crash between create and the ledger the newest drafts
are compared with the book, by Message-ID or, if Gmail gave the draft one of its own, by
Subject, To and In-Reply-To.

Threading: Gmail shows a draft inside a conversation only with `threadId`, In-Reply-To /
References and a matching Subject (discovery document, `Message.threadId`). `threadId`
without In-Reply-To attaches the draft to the thread without showing it ("ghost drafts",
taylorwilsdon/google_workspace_mcp#555), so it is sent only with In-Reply-To; and the
thread Gmail answers with is compared with the one asked for.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path
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
BOOK_SIZE = 500  # drafts remembered; the ledger keeps older ones' ids itself
RECOGNISED_BY = ("Subject", "To", "In-Reply-To")
CLOCK_SLACK = timedelta(minutes=5)  # Gmail's clock against ours, for "made since"


def _headers(raw: bytes) -> dict[str, str]:
    parsed = BytesHeaderParser(policy=compat32).parsebytes(raw)
    return {name: " ".join(str(parsed.get(name, "")).split()) for name in RECOGNISED_BY}


class DraftBook:
    """The drafts this backend created: {Message-ID: {"draft": id or None, headers...,
    "since": ISO time}}, kept in a JSON file written atomically, mode 0600."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, dict[str, Any]] | None = None

    def entries(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                try:
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    if isinstance(data, dict) and isinstance(data.get("drafts"), dict):
                        self._entries = data["drafts"]
                except (OSError, ValueError):
                    pass  # no book yet, or unreadable: search and the scan still work
        return self._entries

    def get(self, message_id: str) -> dict[str, Any] | None:
        entry = self.entries().get(message_id)
        return entry if isinstance(entry, dict) else None

    def draft_id(self, message_id: str) -> str | None:
        entry = self.get(message_id)
        return str(entry["draft"]) if entry and entry.get("draft") else None

    def note(self, message_id: str, **values: Any) -> None:
        entries = self.entries()
        entry = entries.pop(message_id, None) or {}
        entry.update(values)
        entries[message_id] = entry
        while len(entries) > BOOK_SIZE:
            entries.pop(next(iter(entries)))
        self._save()

    def _save(self) -> None:
        """Write the book (0600, atomically). A book that cannot be written is logged, not
        raised: it is a help; search and the newest drafts still find a draft."""
        if self.path is None:
            return
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            descriptor, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.",
                                                     suffix=".tmp", dir=self.path.parent)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"version": 1, "drafts": self.entries()}, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            logger.warning("cannot write the Gmail draft book %s (%s)", self.path,
                           type(error).__name__)
            if temporary is not None and os.path.exists(temporary):
                os.unlink(temporary)


class GmailDrafts(GmailCalls):
    """The draft half of `GmailMailbox`; see the module docstring."""

    _book: DraftBook
    _fingerprints: dict[str, str | None]  # drafts.get answers of this moment, used once

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
        headers = _headers(raw)
        if thread_id and headers["In-Reply-To"]:
            message["threadId"] = thread_id
        elif thread_id:
            logger.info("%s: draft %s answers no message (no In-Reply-To): it starts its own "
                        "conversation rather than hide in thread %s", self.name, message_id,
                        thread_id)
        self._book.note(message_id, draft=None, since=when.isoformat(), **headers)
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
                created = self._once(request, "creating a draft")
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
            else:
                return self._created(created, message_id, message.get("threadId"))
        raise AssertionError("unreachable")

    def _created(self, created: Any, message_id: str, thread_id: str | None) -> str:
        """Book the new draft; say so if Gmail left it outside the conversation asked for."""
        draft_id = str(created["id"])
        self._book.note(message_id, draft=draft_id)
        placed = str((created.get("message") or {}).get("threadId") or "")
        if thread_id and placed != thread_id:
            logger.warning("%s: Gmail put draft %s in a new conversation (%s), not in %s: its "
                           "Subject or References do not match the thread's", self.name,
                           draft_id, placed or "?", thread_id)
        return draft_id

    def _find_created(self, message_id: str) -> str | None:
        """After an uncertain create: the book, search, then (in case search lags, or Gmail
        gave the draft a Message-ID of its own) the newest drafts."""
        return self.find_draft(message_id)

    def _among_recent(self, message_id: str) -> str | None:
        """The newest drafts, compared with the book's entry for `message_id`: the same
        Message-ID, or (the Message-ID rewritten) the same Subject, To and In-Reply-To on a
        draft made since we began to create ours."""
        entry = self._book.get(message_id)
        response = self._execute(self._request("users.drafts.list", userId="me",
                                               maxResults=RECENT_DRAFTS_CHECKED),
                                 "listing recent drafts")
        drafts = {str(d["message"]["id"]): str(d["id"]) for d in response.get("drafts") or ()}
        requests = {message: self._request(
            "users.messages.get", userId="me", id=message, format="metadata",
            metadataHeaders=["Message-ID", *RECOGNISED_BY]) for message in drafts}
        since = None
        if entry and entry.get("since"):
            since = datetime.fromisoformat(str(entry["since"])) - CLOCK_SLACK
        alike = []
        for message, resource in self._batch(requests, "reading recent drafts").items():
            if not resource:
                continue
            value = header_value(resource, "Message-ID")
            if value and normalise_message_id(value) == message_id:
                return drafts[message]
            made = internal_date_of(resource)
            if entry and since is not None and made is not None and made >= since and all(
                    " ".join((header_value(resource, name) or "").split()) == entry.get(name)
                    for name in RECOGNISED_BY):
                alike.append(drafts[message])
        if len(alike) == 1:
            logger.info("%s: draft %s carries a Message-ID of Gmail's own; recognised by its "
                        "headers", self.name, message_id)
            return alike[0]
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
        """The draft of ours with `message_id`: by the id the book holds (`drafts.get`),
        else `rfc822msgid:` search, else, for a create the book saw begin, among the newest
        drafts (search may lag behind a create, and Gmail may have given the draft a
        Message-ID of its own)."""
        message_id = normalise_message_id(message_id)
        booked = self._book.draft_id(message_id)
        if booked is not None:
            return booked if self._present({booked}) else None
        found = self._drafts_matching([message_id]).get(message_id)
        if found is None and self._book.get(message_id) is not None:
            # A create we began: search may lag behind it, or Gmail may have given the
            # draft a Message-ID of its own. (Drafts of a lost state are found by search.)
            found = self._among_recent(message_id)
        if found is not None:
            self._book.note(message_id, draft=found)
        return found

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        """Of `message_ids`, those in Drafts. Drafts in the book are checked by id
        (`drafts.get`, batched), which holds whatever Gmail does to a draft's Message-ID
        or to search; the others by `rfc822msgid:` search."""
        originals = {normalise_message_id(m): m for m in message_ids}
        booked = {m: d for m in originals if (d := self._book.draft_id(m)) is not None}
        present = self._present(set(booked.values()))
        found = {m: d for m, d in booked.items() if d in present}
        found.update(self._drafts_matching(m for m in originals if m not in booked))
        for message_id in originals:
            # A create the book saw begin but not end (killed before Gmail's answer was
            # noted): search may not show the draft yet; the newest drafts do.
            if message_id not in found and message_id not in booked and \
                    self._book.get(message_id) is not None:
                recent = self._among_recent(message_id)
                if recent is not None:
                    self._book.note(message_id, draft=recent)
                    found[message_id] = recent
        return {originals[m]: draft_id for m, draft_id in found.items()}

    def _present(self, draft_ids: set[str]) -> set[str]:
        """Of `draft_ids`, those still drafts (`drafts.get`); their fingerprints are kept
        for `draft_fingerprint` to use once."""
        requests = {d: self._request("users.drafts.get", userId="me", id=d, format="minimal")
                    for d in sorted(draft_ids)}
        answers = self._batch(requests, "checking drafts", skip_errors=True) if requests \
            else {}
        present = set()
        for draft_id, draft in answers.items():
            self._fingerprints[draft_id] = fingerprint(draft) if draft else None
            if draft:
                present.add(draft_id)
        return present

    def draft_fingerprint(self, draft_id: str) -> str | None:
        """Changes when the user edits the draft; None once it is gone (sent or deleted)."""
        if draft_id in self._fingerprints:
            return self._fingerprints.pop(draft_id)
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
