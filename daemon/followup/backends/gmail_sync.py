"""Reading a Gmail mailbox: labels as folders, the first scan, history-based sync, and the
two-phase fetch (headers, then bodies only where wanted).

A mixin of `gmail.GmailMailbox`: every request is built by the mailbox's guarded `_request`
and run by its executors, so this module imports no Google library.

A first scan (or one after the history id expired: `history.list` answers 404, `reset` is
True) lists the look-back window with `messages.list`, taking the history id from
`getProfile` first so nothing that arrives meanwhile is lost. Later scans ask
`history.list` for messages added to the role's label (or given it) since the stored id: a
poll with nothing new is one request. New messages are read in batches of ≤ 50 calls:
`format=metadata` for every one, `format=raw` only for those `want_body` picks (and under
the size limit), their attachments dropped before the caller sees them.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from followup.backends.base import (
    FetchedMessage,
    FetchResult,
    FolderRole,
    MessageSummary,
    WantBody,
    want_every_body,
)
from followup.backends.gmail_http import GmailApiError, GmailCalls, QuotaMeter
from followup.backends.gmail_messages import (
    DRAFTS_LABEL,
    METADATA_HEADERS,
    ROLE_LABELS,
    b64url_decode,
    belongs_to,
    first_scan_query,
    new_cursor,
    raw_groups,
    summarise,
    valid_cursor,
)
from followup.backends.parts import strip_unwanted_parts
from followup.errors import FolderNotFound

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
RAW_BATCH_BYTES = 8_000_000  # keep one batch of raw messages to a few MB
PAGE_SIZE = 500


class GmailSync(GmailCalls):
    """The reading half of `GmailMailbox`; see the module docstring."""

    _meter: QuotaMeter
    _labels: dict[str, str] | None
    _max_message_bytes: int
    round_trips: int
    _quiet_since: int | None  # this session saw no history at all after this id
    _busy_since: int | None  # this session saw history after this id
    _history_now: int | None  # the mailbox's history id, as last heard this session

    def folder_names(self) -> dict[str, str]:
        if self._labels is None:
            response = self._execute(self._request("users.labels.list", userId="me"),
                                     "listing labels")
            self._labels = {str(label["id"]): str(label.get("name", label["id"]))
                            for label in response.get("labels") or ()}
        wanted = {"inbox": ROLE_LABELS["inbox"], "sent": ROLE_LABELS["sent"],
                  "drafts": DRAFTS_LABEL}
        missing = [label for label in wanted.values() if label not in self._labels]
        if missing:
            raise FolderNotFound(f"account {self.name}: Gmail has no label "
                                 f"{', '.join(missing)}; is this a Gmail mailbox?")
        return wanted

    def fetch_new(self, role: FolderRole, cursor: dict[str, Any] | None, since: date,
                  want_body: WantBody = want_every_body) -> FetchResult:
        label = ROLE_LABELS[role]
        units, trips = self._meter.spent, self.round_trips
        reset = cursor is not None
        ids: list[str] | None = None
        if valid_cursor(cursor, role):
            assert cursor is not None
            start = int(cursor["history_id"])
            quiet = self._quiet(start)
            if quiet:
                return FetchResult([], dict(cursor), stats={
                    "listed": 0, "new": 0, "quota_units": self._meter.spent - units,
                    "requests": self.round_trips - trips})
            ids, history_id = (None, start) if quiet is None else \
                self._history_ids(label, start)
            reset = ids is None
            if reset:
                logger.warning("%s: Gmail no longer has history since %s for %s; rescanning "
                               "since %s", self.name, cursor["history_id"], label, since)
        elif cursor is not None:
            logger.info("%s: unusable %s cursor; rescanning since %s", self.name, label, since)
        if ids is None:
            ids, history_id = self._listed_ids(label, since)
        summaries = self._summaries(ids, role, label)
        stats = {"listed": len(ids)}
        messages = self._with_bodies(summaries, want_body, stats)
        stats.update(new=len(messages), quota_units=self._meter.spent - units,
                     requests=self.round_trips - trips)
        return FetchResult(messages, new_cursor(history_id, role), reset=reset, stats=stats)

    def _quiet(self, start: int) -> bool | None:
        """True if nothing at all happened in the mailbox after history id `start`: one
        `history.list` without a label filter (or none, if this session already saw the
        mailbox quiet since an id at or before `start`). Any change to any message (added,
        deleted, labelled, a draft saved) makes a history record, so no record means no new
        mail in any label and no change in Drafts: a poll with nothing new is this one
        request for all the folders. None if Gmail no longer has that history (404)."""
        if self._quiet_since is not None and self._quiet_since <= start:
            return True
        if self._busy_since is not None and start <= self._busy_since:
            return False  # something happened after a later id, so after this one too
        try:
            response = self._execute(self._request(
                "users.history.list", userId="me", startHistoryId=str(start), maxResults=1),
                "checking for changes")
        except GmailApiError as error:
            if error.status == 404:
                return None
            raise
        self._history_now = int(response["historyId"])
        if response.get("history") or response.get("nextPageToken"):
            self._busy_since = max(start, self._busy_since or start)
            return False
        self._quiet_since = start
        return True

    def drafts_state(self, folder: str | None = None) -> dict[str, Any] | None:
        """The mailbox's history id as last heard this session (it moves with any change,
        Drafts included), or None if nothing was heard yet. Heard before the ledger is
        checked, so a change made meanwhile shows as a different state next time."""
        if self._history_now is None:
            return None
        return {"folder": DRAFTS_LABEL, "status": {"HISTORY": self._history_now}}

    def _history_ids(self, label: str, start: int) -> tuple[list[str] | None, int]:
        """Ids of messages added to `label` (or given it) since `start`, and the history id
        to store; (None, start) when Gmail no longer has that history (404)."""
        ids: dict[str, None] = {}
        newest, page = start, None
        current: int | None = None
        while True:
            request = self._request(
                "users.history.list", userId="me", startHistoryId=str(start), labelId=label,
                historyTypes=["messageAdded", "labelAdded"], maxResults=PAGE_SIZE, pageToken=page)
            try:
                response = self._execute(request, f"reading {label} history")
            except GmailApiError as error:
                if error.status == 404:
                    return None, start
                raise
            if current is None:
                current = int(response["historyId"])
                self._history_now = current
            for record in response.get("history") or ():
                newest = max(newest, int(record.get("id", 0)))
                for added in record.get("messagesAdded") or ():
                    ids[str(added["message"]["id"])] = None
                for added in record.get("labelsAdded") or ():
                    if label in (added.get("labelIds") or ()):
                        ids[str(added["message"]["id"])] = None
            page = response.get("nextPageToken")
            if not page:
                # Records seen while paging may be newer than the first page's id.
                return list(ids), max(current, newest)

    def _listed_ids(self, label: str, since: date) -> tuple[list[str], int]:
        """Ids of the look-back window, and the history id from before the listing (mail
        that arrives meanwhile comes again through history; the caller dedupes)."""
        profile = self._execute(self._request("users.getProfile", userId="me"),
                                "reading the profile")
        history_id = int(profile["historyId"])
        self._history_now = history_id
        ids: dict[str, None] = {}
        page = None
        while True:
            response = self._execute(self._request(
                "users.messages.list", userId="me", q=first_scan_query(since),
                labelIds=[label], maxResults=PAGE_SIZE, pageToken=page), f"listing {label}")
            for message in response.get("messages") or ():
                ids[str(message["id"])] = None
            page = response.get("nextPageToken")
            if not page:
                return list(ids), history_id

    def _summaries(self, ids: list[str], role: FolderRole, label: str) -> list[MessageSummary]:
        requests = {message_id: self._request(
            "users.messages.get", userId="me", id=message_id, format="metadata",
            metadataHeaders=list(METADATA_HEADERS)) for message_id in ids}
        resources = self._batch(requests, f"reading {label} headers", skip_errors=True)
        summaries = []
        for message_id in ids:
            resource = resources.get(message_id)
            if resource is None or not belongs_to(resource, label):
                continue  # gone meanwhile, or not (or no longer) in this folder
            try:
                summaries.append(summarise(resource, role))
            except Exception as error:  # noqa: BLE001 - a hostile message is skipped
                logger.warning("%s: skipping %s in %s: %s", self.name, message_id, label,
                               type(error).__name__)
        summaries.sort(key=lambda s: (s.internal_date.timestamp() if s.internal_date else 0,
                                      s.uid))
        return summaries

    def _with_bodies(self, summaries: list[MessageSummary], want_body: WantBody,
                     stats: dict[str, int]) -> list[FetchedMessage]:
        wanted: list[MessageSummary] = []
        for summary in summaries:
            if not want_body(summary):
                continue
            if summary.size > self._max_message_bytes:
                logger.warning("%s: skipping the body of %s in %s: %d bytes is over the "
                               "limit", self.name, summary.uid, summary.folder, summary.size)
                continue
            wanted.append(summary)
        bodies: dict[str, bytes | None] = {}
        for group in raw_groups(wanted, BATCH_SIZE, RAW_BATCH_BYTES):
            bodies.update(self._raw_bodies(group))
        stats["bodies"] = sum(body is not None for body in bodies.values())
        return [FetchedMessage(summary, bodies.get(summary.uid)) for summary in summaries]

    def _raw_bodies(self, group: list[MessageSummary]) -> dict[str, bytes | None]:
        requests = {summary.uid: self._request("users.messages.get", userId="me",
                                               id=summary.uid, format="raw")
                    for summary in group}
        resources = self._batch(requests, f"reading {group[0].folder} bodies",
                                skip_errors=True)
        bodies: dict[str, bytes | None] = {}
        for uid, resource in resources.items():
            try:
                bodies[uid] = strip_unwanted_parts(b64url_decode(resource["raw"])) \
                    if resource else None
            except Exception as error:  # noqa: BLE001 - a hostile message is skipped
                logger.warning("%s: cannot read %s: %s", self.name, uid, type(error).__name__)
                bodies[uid] = None
        return bodies
