"""Pure helpers of the Gmail backend: Gmail JSON in, followup values out. No network.

Turns a `messages.get(format=metadata)` resource into a `MessageSummary` (the header block
is synthesised as RFC 5322 text from the headers Gmail returns), builds search queries,
reads cursors, decides which failures are worth retrying, and counts quota units.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import random
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from followup import backoff
from followup.backends.base import FolderRole, MessageSummary
from followup.backends.parts import message_id_from_header, normalise_message_id

CURSOR_VERSION = 1
ROLE_LABELS: dict[FolderRole, str] = {"inbox": "INBOX", "sent": "SENT"}
DRAFTS_LABEL = "DRAFT"
# A message carrying one of these is never new mail of a role, whatever else it carries.
EXCLUDED_LABELS = frozenset({"CHAT", "DRAFT", "SPAM", "TRASH"})
METADATA_HEADERS: tuple[str, ...] = (
    "From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To",
    "References", "List-Unsubscribe", "List-Id", "Precedence", "Auto-Submitted",
    "Content-Type")

# Quota units per method (developers.google.com/gmail/api/reference/quota).
QUOTA_UNITS: dict[str, int] = {
    "gmail.users.getProfile": 1,
    "gmail.users.labels.list": 1,
    "gmail.users.messages.list": 5,
    "gmail.users.messages.get": 5,
    "gmail.users.history.list": 2,
    "gmail.users.drafts.create": 10,
    "gmail.users.drafts.list": 5,
    "gmail.users.drafts.get": 5,
    "gmail.users.threads.get": 10,
}
RETRYABLE_403_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})
# The longest Retry-After honoured inside a pass. A longer one (Gmail has answered 3600 s)
# ends the pass instead: sleeping it would run past the service's watchdog, and the next
# pass resumes where this one stopped.
MAX_RETRY_AFTER = 60.0


def b64url_decode(text: str) -> bytes:
    """Gmail's base64url, with or without padding."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def bare_message_id(message_id: str) -> str:
    """`<id@host>` -> `id@host`, the form Gmail's `rfc822msgid:` operator documents."""
    return normalise_message_id(message_id)[1:-1]


def message_id_query(message_id: str) -> str:
    return f"rfc822msgid:{bare_message_id(message_id)}"


def first_scan_query(since: date) -> str:
    """The search for a first (or reset) scan: from a day before `since`, no chats.

    Epoch seconds make the bound exact; Gmail reads `YYYY/MM/DD` in the account's own
    zone. A day early keeps a message from near midnight in any zone.
    """
    start = datetime.combine(since - timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return f"after:{int(start.timestamp())} -in:chats"


def headers_of(resource: Mapping[str, Any]) -> list[tuple[str, str]]:
    payload = resource.get("payload") or {}
    return [(str(header.get("name", "")), str(header.get("value", "")))
            for header in payload.get("headers") or () if header.get("name")]


_HEADER_NAME = re.compile(r"^[!-9;-~]+$")  # RFC 5322 field name: printable, no colon


def header_block(headers: list[tuple[str, str]]) -> bytes:
    """RFC 5322 header text (CRLF, ending in the blank line) from (name, value) pairs.

    Values are unfolded onto one line: a CR or LF inside a value could otherwise start a
    forged header.
    """
    lines = []
    for name, value in headers:
        if not _HEADER_NAME.match(name):
            continue
        value = " ".join(re.split(r"[\r\n]+[ \t]*", value)).strip()
        lines.append(f"{name}: {value}\r\n")
    return ("".join(lines) + "\r\n").encode("utf-8", "surrogateescape")


def flags_of(labels: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """IMAP-style flags from Gmail labels, so the rest of followup sees one vocabulary."""
    flags = []
    if "UNREAD" not in labels:
        flags.append("\\Seen")
    if "STARRED" in labels:
        flags.append("\\Flagged")
    if DRAFTS_LABEL in labels:
        flags.append("\\Draft")
    return tuple(flags)


def internal_date_of(resource: Mapping[str, Any]) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(resource["internalDate"]) / 1000, UTC)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        return None


def belongs_to(resource: Mapping[str, Any], role: FolderRole,
               inbox_label: str | None = None) -> bool:
    """True if the message is mail of `role` now: `sent` carries SENT; `inbox` is every
    message received, wherever it went (archived, or filtered past the inbox: the labels a
    message has when we read it are not the ones it arrived with), restricted to
    `inbox_label` when the user named one. Never a chat, draft, spam or trash."""
    labels = set(resource.get("labelIds") or ())
    if labels & EXCLUDED_LABELS:
        return False
    if role == "sent":
        return "SENT" in labels
    return "SENT" not in labels and (inbox_label is None or inbox_label in labels)


def summarise(resource: Mapping[str, Any], role: FolderRole) -> MessageSummary:
    """A `MessageSummary` from a `messages.get(format=metadata)` resource."""
    header = header_block(headers_of(resource))
    return MessageSummary(
        uid=str(resource["id"]), folder=ROLE_LABELS[role], role=role,
        message_id=message_id_from_header(header),
        thread_id=str(resource["threadId"]) if resource.get("threadId") else None,
        internal_date=internal_date_of(resource),
        size=int(resource.get("sizeEstimate") or 0),
        flags=flags_of(list(resource.get("labelIds") or ())), header_bytes=header)


def header_value(resource: Mapping[str, Any], name: str) -> str | None:
    for header_name, value in headers_of(resource):
        if header_name.lower() == name.lower():
            return value
    return None


def fingerprint(draft: Mapping[str, Any]) -> str:
    """What changes when the user edits a draft: Gmail gives the edited draft a new message
    (new id) under the same draft id; the size and snippet are a second witness."""
    message = draft.get("message") or {}
    snippet = hashlib.sha256(str(message.get("snippet", "")).encode()).hexdigest()[:16]
    return f"{message.get('id')}:{message.get('sizeEstimate', 0)}:{snippet}"


def raw_groups(summaries: list[MessageSummary], count: int, size: int
               ) -> Iterator[list[MessageSummary]]:
    """`summaries` in groups of at most `count` whose sizes add up to at most `size` (a
    larger message goes alone): one batch of raw messages stays a few megabytes."""
    group: list[MessageSummary] = []
    total = 0
    for summary in summaries:
        if group and (len(group) == count or total + summary.size > size):
            yield group
            group, total = [], 0
        group.append(summary)
        total += summary.size
    if group:
        yield group


def valid_cursor(cursor: Any, role: FolderRole) -> bool:
    """A cursor of ours for `role`; `pending`, if there, is a list of message ids."""
    return (isinstance(cursor, dict) and cursor.get("version") == CURSOR_VERSION
            and cursor.get("kind") == "gmail" and cursor.get("role") == role
            and str(cursor.get("history_id", "")).isdigit()
            and ("pending" not in cursor or (isinstance(cursor["pending"], list) and all(
                isinstance(item, str) and item.isalnum() for item in cursor["pending"]))))


def new_cursor(history_id: int, role: FolderRole, pending: list[str] | None = None,
               account: str | None = None) -> dict[str, Any]:
    """The cursor to store: the history id to sync from, the account's address when known
    (history ids mean nothing in another account) and, while a scan is unfinished, the ids
    it has still to read (read before any history after that id)."""
    cursor: dict[str, Any] = {"version": CURSOR_VERSION, "kind": "gmail",
                              "history_id": str(history_id), "role": role}
    if account:
        cursor["account"] = account
    if pending:
        cursor["pending"] = list(pending)
    return cursor


def error_reason(content: bytes | str | None) -> str | None:
    """The first `reason` of a Google JSON error body, if any."""
    import json

    try:
        data = json.loads(content or b"{}")
        errors = data["error"].get("errors") or []
        return str(errors[0]["reason"]) if errors else data["error"].get("status")
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def error_message(content: bytes | str | None) -> str:
    """The `message` of a Google JSON error body (one line, at most 200 characters)."""
    import json

    try:
        text = str(json.loads(content or b"{}")["error"].get("message") or "")
    except (ValueError, KeyError, TypeError, AttributeError):
        return ""
    return " ".join(text.split())[:200]


def is_retryable(status: int, reason: str | None) -> bool:
    """429, 5xx and the two rate-limit 403s are worth another try; nothing else is."""
    return status == 429 or status >= 500 or (
        status == 403 and reason in RETRYABLE_403_REASONS)


def retry_after_seconds(value: str | None, now: Callable[[], datetime] | None = None
                        ) -> float | None:
    """A Retry-After header in seconds: delta-seconds or an HTTP date; None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    current = now() if now else datetime.now(UTC)
    return max(0.0, (moment - current).total_seconds())


def backoff_delay(attempt: int, retry_after: float | None, *, base: float = 1.0,
                  cap: float = 32.0, jitter: Callable[[], float] = random.random) -> float:
    """`backoff.delay` for try `attempt` (1, 2, ...), never below Retry-After."""
    delay = backoff.delay(attempt, base=base, maximum=cap, jitter=jitter)
    if retry_after is not None:
        delay = max(delay, retry_after + 0.1 * jitter())
    return delay
