"""A faithful fake of the Gmail REST API v1 (and Google's OAuth endpoints) on 127.0.0.1.

Routes come from the discovery document that googleapiclient ships, so every request is
logged under its real method id (`gmail.users.messages.list`, ...), including the ones
the fake does not implement (they answer 501). Implemented: users.getProfile, labels.list,
messages.list (q operators after:, before:, newer_than:, older_than:, in:, label:, is:,
from:, to:, subject:, rfc822msgid:, free text, `-` negation; labelIds; paging),
messages.get (minimal / metadata with metadataHeaders / full / raw), history.list (rising
ids with gaps, historyTypes, labelId, paging, expiry → 404), drafts.create / list / get /
delete, threads.get, and batch requests (POST /batch/gmail/v1 or /batch, multipart/mixed of
application/http parts, answered with `Content-ID: <response-...>` parts as Google does).

Threads are assigned like Gmail: a message joins the thread of a message it names in
References / In-Reply-To only if the subjects match (Re:/Fwd: aside; any other marker, TR:,
AW:, SV:, or a shortened subject, does not match); `drafts.create` with a threadId honours
it only under the same conditions (else a new thread), and answers 404 for an unknown
thread. A threadId with no In-Reply-To / References makes a "ghost": attached to the thread
but not shown in it (`ghost_drafts`), as other Gmail clients reported.

As strict as Gmail where it is known, stricter where it is not: every parameter is checked
against the discovery document (an unknown one answers 400); with `require_auth`, each
method needs one of the scopes the discovery document lists for it (else 403
insufficientPermissions); a batch part beyond `concurrency_limit` answers 429 "Too many
concurrent requests for user"; a future `startHistoryId` answers 200 with no records (the
fake's reading of the undocumented case); switches make `drafts.create` give the draft a
Message-ID of Gmail's own (`rewrite_message_ids`) and keep new drafts out of search
(`search_lag`). History can hold several messages in one record (`deliver_together`), a
label added later, and a send as a label change (`user_sends_draft(as_label_change=True)`).

Errors can be injected per method: the next N calls answer 429 (with Retry-After), 403,
500..., or the connection is dropped; either before the call takes effect or after (a
`drafts.create` that is stored and then loses its answer). OAuth: POST /token (refresh and
authorisation-code grants, `invalid_grant` once revoked) and GET /auth (approves at once and
redirects to the caller's redirect_uri), with Bearer checking when `require_auth` is set.

Every request of every fake in the process is also appended to `ALL_REQUESTS`, so a test
session can assert that the backend never called a method outside its allow-list.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

import googleapiclient

SYSTEM_LABELS = ("INBOX", "SENT", "DRAFT", "UNREAD", "STARRED", "IMPORTANT", "SPAM", "TRASH",
                 "CHAT", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS",
                 "CATEGORY_UPDATES", "CATEGORY_FORUMS")
IN_NAMES = {"inbox": "INBOX", "sent": "SENT", "drafts": "DRAFT", "draft": "DRAFT",
            "chats": "CHAT", "chat": "CHAT", "spam": "SPAM", "trash": "TRASH",
            "starred": "STARRED", "unread": "UNREAD", "important": "IMPORTANT"}
STATUS_NAMES = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL",
                501: "UNIMPLEMENTED", 503: "UNAVAILABLE"}
DEFAULT_REASONS = {400: "badRequest", 401: "authError", 403: "forbidden", 404: "notFound",
                   429: "rateLimitExceeded", 500: "backendError", 501: "notImplemented",
                   503: "backendError"}


DOCUMENT = json.loads((Path(googleapiclient.__file__).parent / "discovery_cache" /
                       "documents" / "gmail.v1.json").read_text())
# method id -> (the parameters it takes, the scopes that allow it), from the discovery document
METHODS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
GLOBAL_PARAMETERS = frozenset(DOCUMENT.get("parameters", {}))
READONLY = "https://www.googleapis.com/auth/gmail.readonly"
COMPOSE = "https://www.googleapis.com/auth/gmail.compose"
DEFAULT_SCOPES = (READONLY, COMPOSE)
# Gmail's own words for the 403s that are not about the token (developers.google.com/
# workspace/gmail/api/guides/handle-errors; the accessNotConfigured text is what Google
# answers for a project where the API is off).
REASON_MESSAGES = {
    "accessNotConfigured": "Gmail API has not been used in project 123456789 before or it is "
                           "disabled. Enable it by visiting https://console.developers.google."
                           "com/apis/api/gmail.googleapis.com/overview?project=123456789 then "
                           "retry.",
    "dailyLimitExceeded": "Daily Limit Exceeded. The quota will be reset at midnight Pacific "
                          "Time (PT).",
    "domainPolicy": "The domain administrators have disabled Gmail apps.",
    "insufficientPermissions": "Request had insufficient authentication scopes.",
    "userRateLimitExceeded": "User-rate limit exceeded.",
    "rateLimitExceeded": "Too many concurrent requests for user.",
}


def _routes() -> list[tuple[str, re.Pattern[str], str]]:
    document = DOCUMENT
    routes: list[tuple[int, str, re.Pattern[str], str]] = []

    def walk(resource: dict[str, Any]) -> None:
        for method in resource.get("methods", {}).values():
            METHODS[method["id"]] = (frozenset(method.get("parameters", {})),
                                     frozenset(method.get("scopes", ())))
            pattern = "".join(f"(?P<{piece[1:-1].lstrip('+')}>[^/]+)"
                              if piece.startswith("{") else re.escape(piece)
                              for piece in re.split(r"(\{[^}]+\})", method["path"]))
            routes.append((method["path"].count("{"), method["httpMethod"],
                           re.compile(f"^/{pattern}$"), method["id"]))
        for child in resource.get("resources", {}).values():
            walk(child)

    walk(document)
    return [(verb, pattern, method_id) for _, verb, pattern, method_id in sorted(
        routes, key=lambda route: route[0])]


ROUTES = _routes()
ALL_REQUESTS: list[RequestRecord] = []


@dataclass
class RequestRecord:
    """One call the fake answered: its method id, HTTP verb, path, query, and status."""

    method_id: str
    verb: str
    path: str
    params: dict[str, list[str]]
    batch: bool
    status: int = 0


@dataclass
class Injection:
    method_id: str
    count: int
    status: int = 0  # 0: drop the connection instead of answering
    retry_after: str | None = None
    reason: str | None = None
    after: bool = False  # let the call take effect first
    skip: int = 0  # answer this many calls normally before the injection starts


@dataclass
class StoredMessage:
    id: str
    thread_id: str
    raw: bytes
    labels: set[str]
    internal_date: int  # ms
    history_id: int = 0

    @property
    def headers(self) -> Message:
        return BytesParser(policy=compat32).parsebytes(self.raw, headersonly=True)

    def header(self, name: str) -> str:
        value = self.headers.get(name)
        return "" if value is None else str(value)

    @property
    def message_id(self) -> str:
        return self.header("Message-ID").strip()


class ApiError(Exception):
    def __init__(self, status: int, message: str = "", reason: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message = status, message or f"fake error {status}"
        self.reason = reason or DEFAULT_REASONS.get(status, "error")


def error_body(status: int, message: str, reason: str) -> dict[str, Any]:
    return {"error": {"code": status, "message": message, "errors": [
        {"message": message, "domain": "global", "reason": reason}],
        "status": STATUS_NAMES.get(status, "UNKNOWN")}}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _decoded(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _normal_subject(subject: str) -> str:
    subject = " ".join(subject.split()).lower()
    while True:
        # Only Re:/Fwd:-style markers are discounted; TR:, AW:, SV:... are part of it.
        stripped = re.sub(r"^(re|fwd?|fw)\s*:\s*", "", subject)
        if stripped == subject:
            return subject
        subject = stripped


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>").lower()


class GmailFake:
    """The mailbox of one user and the HTTP server that serves it. Use as a context manager
    or call `start()` / `stop()`."""

    def __init__(self, email: str = "sam@example.org") -> None:
        self.email = email
        self.messages: dict[str, StoredMessage] = {}
        self.drafts: dict[str, str] = {}  # draft id -> message id
        self.history: list[dict[str, Any]] = []
        self.history_id = 1000
        self.history_floor = 0
        self.history_horizon: int | None = None  # ids older than this many back → 404
        self.requests: list[RequestRecord] = []
        self.injections: list[Injection] = []
        self.require_auth = False
        self.access_tokens: set[str] = set()
        self.refresh_tokens: dict[str, bool] = {}  # token -> still valid
        self.granted_scopes: list[str] | None = None  # None: whatever was asked for
        self.authorisations: list[dict[str, str]] = []
        self.codes: dict[str, str] = {}  # code -> scope
        self.page_cap: int | None = None  # Gmail may return fewer results than asked for
        self.search_lag = False  # new drafts not yet found by search (q), as can happen
        self.unindexed: set[str] = set()
        self.rewrite_message_ids = False  # drafts.create gives the draft a Message-ID of its own
        self.ghost_drafts: set[str] = set()  # draft ids attached to a thread but not shown
        self.given_message_ids: dict[str, str] = {}  # stored id -> Message-ID before a rewrite
        self.concurrency_limit: int | None = 25  # batch parts beyond this answer 429
        self.concurrency_refusals = 0
        self.user_labels: dict[str, str] = {}  # label id -> name, the user's own labels
        self.token_scopes: dict[str, tuple[str, ...]] = {}  # access or refresh token -> scopes
        self.lock = threading.RLock()
        self._counter = itertools.count(0x18C5A0000000)
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,),
                                       daemon=True)

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    @property
    def token_uri(self) -> str:
        return self.root + "token"

    def start(self) -> Self:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- seeding and user actions --------------------------------------------------------------

    def _new_id(self) -> str:
        return f"{next(self._counter):x}"

    def _record(self, kind: str, message: StoredMessage, labels: list[str] | None = None,
                *, same_record: bool = False) -> None:
        """One history record; `same_record` puts the change into the previous record (Gmail
        may report several messages, or several changes, under one history id)."""
        if not same_record:
            self.history_id += 1 + len(self.history) % 3  # rising, with gaps
        message.history_id = self.history_id
        self.history.append({"id": self.history_id, "kind": kind, "message_id": message.id,
                             "thread_id": message.thread_id, "labels": sorted(message.labels),
                             "changed": labels or []})

    def _thread_for(self, raw: bytes, wanted: str | None) -> str | None:
        """The thread a message joins by References / In-Reply-To and subject, or None."""
        headers = BytesParser(policy=compat32).parsebytes(raw, headersonly=True)
        named = {_bare(m) for m in re.findall(r"<[^<>]+>", " ".join(
            str(headers.get(name, "")) for name in ("References", "In-Reply-To")))}
        subject = _normal_subject(str(headers.get("Subject", "")))
        for message in self.messages.values():
            if wanted is not None and message.thread_id != wanted:
                continue
            if _bare(message.message_id) in named and \
                    _normal_subject(message.header("Subject")) == subject:
                return message.thread_id
        return None

    def add_message(self, raw: bytes, labels: tuple[str, ...] | list[str] = ("INBOX", "UNREAD"),
                    *, thread_id: str | None = None,
                    internal_date: datetime | int | None = None) -> str:
        """Deliver `raw` with `labels`; returns its Gmail id. Threads like Gmail unless
        `thread_id` is given."""
        with self.lock:
            message_id = self._new_id()
            if isinstance(internal_date, datetime):
                internal_date = int(internal_date.timestamp() * 1000)
            thread = thread_id or self._thread_for(raw, None) or message_id
            message = StoredMessage(message_id, thread, raw, set(labels),
                                    internal_date or int(time.time() * 1000))
            self.messages[message_id] = message
            self._record("messageAdded", message)
            return message_id

    def deliver_together(self, raws: list[bytes],
                         labels: tuple[str, ...] | list[str] = ("INBOX", "UNREAD")) -> list[str]:
        """Deliver several messages under one history record; returns their ids."""
        with self.lock:
            ids = []
            for index, raw in enumerate(raws):
                message_id = self._new_id()
                thread = self._thread_for(raw, None) or message_id
                message = StoredMessage(message_id, thread, raw, set(labels),
                                        int(time.time() * 1000))
                self.messages[message_id] = message
                self._record("messageAdded", message, same_record=index > 0)
                ids.append(message_id)
            return ids

    def add_labels(self, message_id: str, *labels: str) -> None:
        with self.lock:
            message = self.messages[message_id]
            message.labels |= set(labels)
            self._record("labelAdded", message, list(labels))

    def remove_labels(self, message_id: str, *labels: str) -> None:
        with self.lock:
            message = self.messages[message_id]
            message.labels -= set(labels)
            self._record("labelRemoved", message, list(labels))

    def _delete_message(self, message_id: str) -> None:
        message = self.messages.pop(message_id)
        self._record("messageDeleted", message)

    def user_deletes_draft(self, draft_id: str) -> None:
        with self.lock:
            self._delete_message(self.drafts.pop(draft_id))

    def draft_by_message_id(self, message_id: str) -> str | None:
        """The draft with `message_id`, as created (before any rewrite) or as stored."""
        for draft_id, stored in self.drafts.items():
            if _bare(message_id) in (_bare(self.messages[stored].message_id),
                                     _bare(self.given_message_ids.get(stored, ""))):
                return draft_id
        return None

    def user_sends_draft(self, draft_id: str, *, message_id: str | None = None,
                         as_label_change: bool = False) -> str:
        """The user sends the draft from Gmail: the draft goes, a SENT message in the same
        thread comes (with the same raw, or with `message_id` as Gmail's web client does).
        `as_label_change`: the same message loses DRAFT and gains SENT in one history record,
        as Gmail reports a send."""
        with self.lock:
            draft = self.messages[self.drafts[draft_id]]
            if as_label_change:
                del self.drafts[draft_id]
                draft.labels = (draft.labels - {"DRAFT"}) | {"SENT"}
                self._record("labelRemoved", draft, ["DRAFT"])
                self._record("labelAdded", draft, ["SENT"], same_record=True)
                return draft.id
            raw = draft.raw
            if message_id is not None:
                raw = re.sub(rb"(?im)^Message-ID:.*\r?\n", b"", raw, count=1)
                raw = f"Message-ID: {message_id}\r\n".encode() + raw
            self.user_deletes_draft(draft_id)
            return self.add_message(raw, ("SENT",), thread_id=draft.thread_id)

    def user_edits_draft(self, draft_id: str, raw: bytes) -> None:
        """Gmail replaces the draft's message (new message id) under the same draft id."""
        with self.lock:
            old = self.messages[self.drafts[draft_id]]
            self._delete_message(old.id)
            new_id = self._new_id()
            message = StoredMessage(new_id, old.thread_id, raw, set(old.labels),
                                    int(time.time() * 1000))
            self.messages[new_id] = message
            self.drafts[draft_id] = new_id
            self._record("messageAdded", message)

    def expire_history(self) -> None:
        """Every history id handed out so far is now too old: history.list answers 404."""
        with self.lock:
            self.history_floor = self.history_id + 1

    def fail_next(self, method_id: str, status: int, *, count: int = 1,
                  retry_after: str | int | None = None, reason: str | None = None,
                  after: bool = False, skip: int = 0) -> None:
        """The next `count` calls of `method_id` (after `skip` answered normally) fail."""
        self.injections.append(Injection(method_id, count, status, None if retry_after is None
                                         else str(retry_after), reason, after, skip))

    def drop_next(self, method_id: str, *, count: int = 1, after: bool = True,
                  skip: int = 0) -> None:
        """Close the connection instead of answering the next `count` calls (after they
        took effect, by default)."""
        self.injections.append(Injection(method_id, count, 0, after=after, skip=skip))

    # -- OAuth -----------------------------------------------------------------------------

    def grant(self, refresh_token: str = "1//fake-refresh",
              scopes: tuple[str, ...] = DEFAULT_SCOPES) -> str:
        """Register a refresh token for `scopes`; returns a valid access token and turns auth
        (and scope) checks on."""
        self.refresh_tokens[refresh_token] = True
        self.token_scopes[refresh_token] = scopes
        self.require_auth = True
        access = f"ya29.fake-{uuid.uuid4().hex[:12]}"
        self.access_tokens.add(access)
        self.token_scopes[access] = scopes
        return access

    def revoke(self, refresh_token: str = "1//fake-refresh") -> None:
        self.refresh_tokens[refresh_token] = False
        self.access_tokens.clear()

    def expire_access_tokens(self) -> None:
        self.access_tokens.clear()

    # -- reading back ----------------------------------------------------------------------

    def count(self, method_id: str, *, status: int | None = None) -> int:
        return sum(1 for record in self.requests if record.method_id == method_id
                   and (status is None or record.status == status))

    def forget_requests(self) -> None:
        """Drop this fake's log, from the session's too: for a test that called a forbidden
        method on purpose, not through the backend."""
        with self.lock:
            mine = {id(record) for record in self.requests}
            ALL_REQUESTS[:] = [r for r in ALL_REQUESTS if id(r) not in mine]
            self.requests.clear()

    def http_requests(self) -> list[RequestRecord]:
        """Top-level HTTP requests (a batch counts once, as `batch`)."""
        return [record for record in self.requests if not record.batch]

    def draft_messages(self) -> list[tuple[str, StoredMessage]]:
        return [(draft_id, self.messages[message_id])
                for draft_id, message_id in self.drafts.items()]

    def by_message_id(self, message_id: str) -> list[StoredMessage]:
        return [m for m in self.messages.values() if _bare(m.message_id) == _bare(message_id)]

    def snapshot(self) -> Any:
        """Everything a change would touch: history id, each message's labels and bytes."""
        with self.lock:
            return (self.history_id, sorted(
                (m.id, m.thread_id, tuple(sorted(m.labels)), hashlib.sha256(m.raw).hexdigest())
                for m in self.messages.values()), sorted(self.drafts.items()))

    # -- the API -----------------------------------------------------------------------------

    def route(self, verb: str, path: str) -> tuple[str, dict[str, str]]:
        for route_verb, pattern, method_id in ROUTES:
            found = pattern.match(path)
            if found and route_verb == verb:
                return method_id, {k: urllib.parse.unquote(v)
                                   for k, v in found.groupdict().items()}
        return f"unknown:{verb} {path}", {}

    def take_injection(self, method_id: str) -> Injection | None:
        with self.lock:
            for injection in self.injections:
                if injection.method_id == method_id and injection.count > 0:
                    if injection.skip > 0:
                        injection.skip -= 1
                        return None
                    injection.count -= 1
                    return injection
        return None

    def check_auth(self, headers: Any, method_id: str) -> None:
        """401 without a valid token; 403 insufficientPermissions when the token's scopes are
        not among those the discovery document lists for the method."""
        if not self.require_auth:
            return
        value = str(headers.get("Authorization") or headers.get("authorization") or "")
        if not value.startswith("Bearer ") or value[7:] not in self.access_tokens:
            raise ApiError(401, "Request had invalid authentication credentials.", "authError")
        allowed = METHODS.get(method_id, (frozenset(), frozenset()))[1]
        granted = set(self.token_scopes.get(value[7:], DEFAULT_SCOPES))
        if allowed and not granted & allowed:
            raise ApiError(403, REASON_MESSAGES["insufficientPermissions"],
                           "insufficientPermissions")

    @staticmethod
    def check_parameters(method_id: str, params: dict[str, list[str]],
                         path_params: dict[str, str]) -> None:
        """400 for a query parameter the method does not take (Gmail's own answer)."""
        if method_id not in METHODS:
            return
        known = METHODS[method_id][0] | GLOBAL_PARAMETERS
        for name in params:
            if name not in known or name in path_params:
                raise ApiError(400, f"Invalid JSON payload received. Unknown name \"{name}\": "
                               "Cannot bind query parameter.", "invalidArgument")

    def call(self, verb: str, target: str, headers: Any, body: bytes, *, batch: bool
             ) -> tuple[int, Any, dict[str, str], bool]:
        """(status, JSON body or None, extra headers, drop the connection) for one call."""
        parsed = urllib.parse.urlsplit(target)
        params = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
        override = headers.get("x-http-method-override")
        if override and verb == "POST":
            verb, params = override.upper(), urllib.parse.parse_qs(body.decode())
            body = b""
        method_id, path_params = self.route(verb, parsed.path)
        record = RequestRecord(method_id, verb, parsed.path, params, batch)
        with self.lock:
            self.requests.append(record)
            ALL_REQUESTS.append(record)
        injection = self.take_injection(method_id)
        try:
            if injection is not None and not injection.after:
                raise ApiError(injection.status, REASON_MESSAGES.get(injection.reason or "", ""),
                               reason=injection.reason)
            self.check_auth(headers, method_id)
            self.check_parameters(method_id, params, path_params)
            handler = getattr(self, "api_" + method_id.replace("gmail.users.", "")
                              .replace(".", "_"), None)
            if handler is None:
                raise ApiError(501, f"{method_id} is not implemented by the fake")
            with self.lock:
                status, answer = handler(params, path_params, body)
            if injection is not None:
                raise ApiError(injection.status, REASON_MESSAGES.get(injection.reason or "", ""),
                               reason=injection.reason)
        except ApiError as error:
            if injection is not None and injection.status == 0:
                record.status = 0
                return 0, None, {}, True
            extra = {"Retry-After": injection.retry_after} if injection is not None and \
                injection.retry_after else {}
            record.status = error.status
            return error.status, error_body(error.status, error.message, error.reason), \
                extra, False
        record.status = status
        return status, answer, {}, False

    # formats

    def resource(self, message: StoredMessage, fmt: str, wanted: list[str] | None = None
                 ) -> dict[str, Any]:
        result: dict[str, Any] = {
            "id": message.id, "threadId": message.thread_id, "labelIds": sorted(message.labels),
            "snippet": self.snippet(message), "sizeEstimate": len(message.raw),
            "historyId": str(message.history_id), "internalDate": str(message.internal_date)}
        if fmt == "raw":
            result["raw"] = _b64(message.raw)
        elif fmt == "metadata":
            lower = {name.lower() for name in wanted or ()}
            headers = [{"name": name, "value": str(value)}
                       for name, value in message.headers.items()
                       if not lower or name.lower() in lower]
            result["payload"] = {"partId": "", "mimeType": message.headers.get_content_type(),
                                 "filename": "", "headers": headers, "body": {"size": 0}}
        elif fmt == "full":
            result["payload"] = self.part(message_from_bytes(message.raw, policy=compat32), "")
        return result

    def part(self, part: Message, part_id: str) -> dict[str, Any]:
        headers = [{"name": name, "value": str(value)} for name, value in part.items()]
        answer: dict[str, Any] = {"partId": part_id, "mimeType": part.get_content_type(),
                                  "filename": part.get_filename() or "", "headers": headers}
        if part.is_multipart():
            answer["body"] = {"size": 0}
            answer["parts"] = [self.part(child, f"{part_id}.{index}".lstrip("."))
                               for index, child in enumerate(part.get_payload())]
        else:
            data = _decoded(part)
            answer["body"] = ({"size": len(data), "attachmentId": f"att-{part_id or 0}"}
                              if part.get_filename() else {"size": len(data), "data": _b64(data)})
        return answer

    def snippet(self, message: StoredMessage) -> str:
        try:
            parsed = message_from_bytes(message.raw, policy=compat32)
            for part in parsed.walk():
                if part.get_content_type() == "text/plain":
                    text = _decoded(part).decode("utf-8", "replace")
                    return " ".join(text.split())[:100]
        except Exception:  # noqa: BLE001, S110 - garbage in, empty snippet out
            pass
        return ""

    # search

    def matches(self, message: StoredMessage, query: str, include_spam_trash: bool) -> bool:
        tokens = re.findall(r'-?[\w]+:"[^"]*"|-?\S+', query)
        if tokens and message.id in self.unindexed:
            return False
        wants_hidden = include_spam_trash or any(
            t.lstrip("-").lower() in ("in:spam", "in:trash", "in:anywhere") for t in tokens)
        if not wants_hidden and message.labels & {"SPAM", "TRASH"}:
            return False
        return all(self.term(message, token) for token in tokens)

    def term(self, message: StoredMessage, token: str) -> bool:
        negate = token.startswith("-")
        token = token.lstrip("-")
        operator, _, value = token.partition(":")
        value = value.strip('"')
        operator = operator.lower()
        if operator in ("after", "before"):
            if value.isdigit():
                moment = int(value) * 1000
            else:
                day = datetime.strptime(value.replace("-", "/"), "%Y/%m/%d").replace(tzinfo=UTC)
                moment = int(day.timestamp() * 1000)
            result = message.internal_date >= moment if operator == "after" else \
                message.internal_date < moment
        elif operator in ("newer_than", "older_than"):
            unit = {"d": 1, "m": 30, "y": 365}[value[-1]]
            edge = datetime.now(UTC) - timedelta(days=int(value[:-1]) * unit)
            result = (message.internal_date >= edge.timestamp() * 1000) == (
                operator == "newer_than")
        elif operator in ("in", "label", "is"):
            value = value.lower()
            result = value == "anywhere" or (
                value == "read" and "UNREAD" not in message.labels) or (
                IN_NAMES.get(value, value.upper()) in message.labels)
        elif operator in ("from", "to", "cc", "subject"):
            result = value.lower() in message.header(operator).lower()
        elif operator == "rfc822msgid":
            result = _bare(message.message_id) == _bare(value)
        else:
            result = token.lower().encode() in message.raw.lower()
        return result != negate

    def _page(self, items: list[Any], params: dict[str, list[str]], default: int = 100
              ) -> tuple[list[Any], str | None]:
        size = min(int(params.get("maxResults", [default])[0]), 500, self.page_cap or 500)
        start = int(params.get("pageToken", ["0"])[0] or 0)
        chunk = items[start:start + size]
        return chunk, str(start + size) if start + size < len(items) else None

    # handlers: (params, path parameters, body) -> (status, JSON)

    def api_getProfile(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        return 200, {"emailAddress": self.email, "messagesTotal": len(self.messages),
                     "threadsTotal": len({m.thread_id for m in self.messages.values()}),
                     "historyId": str(self.history_id)}

    def api_labels_list(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        return 200, {"labels": [{"id": label, "name": label, "type": "system"}
                                for label in SYSTEM_LABELS] + [
            {"id": label, "name": name, "type": "user"}
            for label, name in self.user_labels.items()]}

    def api_messages_list(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        labels = set(params.get("labelIds", []))
        query = params.get("q", [""])[0]
        hidden = params.get("includeSpamTrash", ["false"])[0] == "true"
        found = sorted((m for m in self.messages.values()
                        if labels <= m.labels and self.matches(m, query, hidden)),
                       key=lambda m: (m.internal_date, m.id), reverse=True)
        page, token = self._page(found, params)
        answer: dict[str, Any] = {"resultSizeEstimate": len(found)}
        if page:
            answer["messages"] = [{"id": m.id, "threadId": m.thread_id} for m in page]
        if token:
            answer["nextPageToken"] = token
        return 200, answer

    def api_messages_get(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        message = self.messages.get(path["id"])
        if message is None:
            raise ApiError(404, "Requested entity was not found.")
        return 200, self.resource(message, params.get("format", ["full"])[0],
                                  params.get("metadataHeaders"))

    def api_threads_get(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        members = sorted((m for m in self.messages.values() if m.thread_id == path["id"]),
                         key=lambda m: (m.internal_date, m.id))
        if not members:
            raise ApiError(404, "Requested entity was not found.")
        fmt = params.get("format", ["full"])[0]
        return 200, {"id": path["id"], "historyId": str(max(m.history_id for m in members)),
                     "messages": [self.resource(m, fmt, params.get("metadataHeaders"))
                                  for m in members]}

    def api_history_list(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        if "startHistoryId" not in params:
            raise ApiError(400, "Missing required parameter: startHistoryId", "required")
        start = int(params["startHistoryId"][0])
        too_old = self.history_horizon is not None and \
            start < self.history_id - self.history_horizon
        if start < self.history_floor or too_old:
            raise ApiError(404, "Requested entity was not found.")
        # A start id ahead of the mailbox (another account's, a restored state): the fake
        # answers as for a quiet mailbox, with its own (lower) current id. Gmail's answer is
        # undocumented; this is the one that would leave a naive client stuck.
        kinds = set(params.get("historyTypes", [])) or {
            "messageAdded", "messageDeleted", "labelAdded", "labelRemoved"}
        label = params.get("labelId", [None])[0]
        records = [r for r in self.history if r["id"] > start and r["kind"] in kinds
                   and (label is None or label in r["labels"] or label in r["changed"])]
        grouped: dict[int, list[dict[str, Any]]] = {}
        for record in records:
            grouped.setdefault(record["id"], []).append(record)
        page, token = self._page(list(grouped.values()), params)
        answer: dict[str, Any] = {"historyId": str(self.history_id)}
        if page:
            answer["history"] = [self._history_record(group) for group in page]
        if token:
            answer["nextPageToken"] = token
        return 200, answer

    @staticmethod
    def _history_record(group: list[dict[str, Any]]) -> dict[str, Any]:
        """One history record: every change made under its id, each message once in
        `messages`."""
        answer: dict[str, Any] = {"id": str(group[0]["id"]), "messages": []}
        for record in group:
            short = {"id": record["message_id"], "threadId": record["thread_id"]}
            if short not in answer["messages"]:
                answer["messages"].append(short)
            key = {"messageAdded": "messagesAdded", "messageDeleted": "messagesDeleted",
                   "labelAdded": "labelsAdded", "labelRemoved": "labelsRemoved"}[record["kind"]]
            entry: dict[str, Any] = {"message": dict(short, labelIds=record["labels"])}
            if record["kind"] in ("labelAdded", "labelRemoved"):
                entry["labelIds"] = record["changed"]
            answer.setdefault(key, []).append(entry)
        return answer

    def api_drafts_create(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        try:
            given = json.loads(body or b"{}")["message"]
            raw = _unb64(given["raw"])
        except (ValueError, KeyError, TypeError):
            raise ApiError(400, "Invalid draft: message.raw is required", "invalidArgument")
        wanted = given.get("threadId")
        if wanted and not any(m.thread_id == wanted for m in self.messages.values()):
            raise ApiError(404, "Requested entity was not found.")
        headers = BytesParser(policy=compat32).parsebytes(raw, headersonly=True)
        ghost = bool(wanted) and not (headers.get("In-Reply-To") or headers.get("References"))
        thread = wanted if ghost else (self._thread_for(raw, wanted) if wanted else None)
        given = str(headers.get("Message-ID", "")).strip()
        if self.rewrite_message_ids:
            raw = re.sub(rb"(?im)^Message-ID:.*\r?\n", b"", raw, count=1)
            raw = f"Message-ID: <CA{uuid.uuid4().hex}@mail.gmail.com>\r\n".encode() + raw
        message_id = self._new_id()
        message = StoredMessage(message_id, thread or message_id, raw, {"DRAFT"},
                                int(time.time() * 1000))
        self.messages[message_id] = message
        self.given_message_ids[message_id] = given
        if self.search_lag:
            self.unindexed.add(message_id)
        draft_id = f"r{next(self._counter)}"
        self.drafts[draft_id] = message_id
        if ghost:
            self.ghost_drafts.add(draft_id)
        self._record("messageAdded", message)
        return 200, {"id": draft_id, "message": {"id": message_id, "threadId": message.thread_id,
                                                 "labelIds": ["DRAFT"]}}

    def api_drafts_list(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        query = params.get("q", [""])[0]
        found = sorted(((draft_id, self.messages[m]) for draft_id, m in self.drafts.items()
                        if self.matches(self.messages[m], query, False)),
                       key=lambda item: (item[1].internal_date, item[0]), reverse=True)
        page, token = self._page(found, params)
        answer: dict[str, Any] = {"resultSizeEstimate": len(found)}
        if page:
            answer["drafts"] = [{"id": draft_id, "message": {"id": m.id, "threadId": m.thread_id}}
                                for draft_id, m in page]
        if token:
            answer["nextPageToken"] = token
        return 200, answer

    def api_drafts_get(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        if path["id"] not in self.drafts:
            raise ApiError(404, "Requested entity was not found.")
        message = self.messages[self.drafts[path["id"]]]
        return 200, {"id": path["id"],
                     "message": self.resource(message, params.get("format", ["full"])[0])}

    def api_drafts_delete(self, params: Any, path: Any, body: bytes) -> tuple[int, Any]:
        if path["id"] not in self.drafts:
            raise ApiError(404, "Requested entity was not found.")
        self.user_deletes_draft(path["id"])
        return 204, None

    # OAuth

    def token(self, form: dict[str, list[str]]) -> tuple[int, Any]:
        grant = form.get("grant_type", [""])[0]
        if grant == "refresh_token":
            refresh = form.get("refresh_token", [""])[0]
            if not self.refresh_tokens.get(refresh):
                return 400, {"error": "invalid_grant",
                             "error_description": "Token has been expired or revoked."}
            access = f"ya29.fake-{uuid.uuid4().hex[:12]}"
            self.access_tokens.add(access)
            self.token_scopes[access] = self.token_scopes.get(refresh, DEFAULT_SCOPES)
            return 200, {"access_token": access, "expires_in": 3599, "token_type": "Bearer",
                         "scope": " ".join(self.granted_scopes or [])}
        if grant == "authorization_code":
            scope = self.codes.pop(form.get("code", [""])[0], None)
            if scope is None:
                return 400, {"error": "invalid_grant", "error_description": "Bad Request"}
            refresh = f"1//fake-{uuid.uuid4().hex[:8]}"
            self.refresh_tokens[refresh] = True
            access = f"ya29.fake-{uuid.uuid4().hex[:12]}"
            self.access_tokens.add(access)
            self.token_scopes[refresh] = self.token_scopes[access] = tuple(scope.split())
            return 200, {"access_token": access, "refresh_token": refresh, "expires_in": 3599,
                         "token_type": "Bearer", "scope": scope}
        return 400, {"error": "unsupported_grant_type"}

    def authorise(self, params: dict[str, list[str]]) -> str:
        """GET /auth: approve at once; the redirect target with code and state."""
        flat = {key: values[0] for key, values in params.items()}
        self.authorisations.append(flat)
        scope = " ".join(self.granted_scopes) if self.granted_scopes is not None \
            else flat.get("scope", "")
        code = f"4/fake-{uuid.uuid4().hex[:10]}"
        self.codes[code] = scope
        answer = urllib.parse.urlencode({"code": code, "state": flat.get("state", ""),
                                         "scope": scope})
        return f"{flat['redirect_uri']}?{answer}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_fake: GmailFake

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, content: bytes, content_type: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(content)

    def _drop(self) -> None:
        self.close_connection = True

    def do_GET(self) -> None:
        fake = self.server_fake
        if self.path.startswith("/auth"):
            target = fake.authorise(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query))
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._api("GET", self._body())

    def do_DELETE(self) -> None:
        self._api("DELETE", self._body())

    def do_PUT(self) -> None:
        self._api("PUT", self._body())

    def do_PATCH(self) -> None:
        self._api("PATCH", self._body())

    def do_POST(self) -> None:
        body = self._body()
        path = urllib.parse.urlsplit(self.path).path
        fake = self.server_fake
        if path == "/token":
            record = RequestRecord("oauth2.token", "POST", path, {}, False)
            status, answer = fake.token(urllib.parse.parse_qs(body.decode()))
            record.status = status
            fake.requests.append(record)
            ALL_REQUESTS.append(record)
            self._send(status, json.dumps(answer).encode())
        elif path in ("/batch", "/batch/gmail/v1"):
            self._batch(body)
        else:
            self._api("POST", body)

    def _api(self, verb: str, body: bytes) -> None:
        status, answer, headers, drop = self.server_fake.call(
            verb, self.path, self.headers, body, batch=False)
        if drop:
            self._drop()
            return
        self._send(status, b"" if answer is None else json.dumps(answer).encode(),
                   headers=headers)

    def _batch(self, body: bytes) -> None:
        fake = self.server_fake
        record = RequestRecord("batch", "POST", "/batch/gmail/v1", {}, False, 200)
        fake.requests.append(record)
        ALL_REQUESTS.append(record)
        envelope = message_from_bytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body,
            policy=compat32)
        parts = envelope.get_payload()
        if not isinstance(parts, list) or len(parts) > 100:
            self._send(400, json.dumps(error_body(400, "Bad batch", "badRequest")).encode())
            return
        boundary = f"batch_{uuid.uuid4().hex}"
        chunks, dropped = [], False
        for index, part in enumerate(parts):
            assert isinstance(part, Message)
            content_id = " ".join(str(part["Content-ID"]).split())  # unfold
            payload = part.get_payload()
            inner = payload if isinstance(payload, str) else str(payload)
            blank = re.search(r"\r?\n\r?\n", inner)
            head, inner_body = (inner[:blank.start()], inner[blank.end():]) if blank \
                else (inner, "")
            request_line, *header_lines = re.split(r"\r?\n", head)
            verb, target, _ = request_line.split(" ", 2)
            headers = {}
            for line in header_lines:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            if fake.concurrency_limit is not None and index >= fake.concurrency_limit:
                # Gmail runs a batch's parts concurrently and refuses those past its per-user
                # limit (seen with 50, fine at 20-25: amd/gaia#2720, BandcampReleaseSummary#2).
                fake.concurrency_refusals += 1
                refused = RequestRecord(fake.route(verb, urllib.parse.urlsplit(target).path)[0],
                                        verb, target, {}, True, 429)
                with fake.lock:
                    fake.requests.append(refused)
                    ALL_REQUESTS.append(refused)
                status, answer, extra, drop = 429, error_body(
                    429, REASON_MESSAGES["rateLimitExceeded"], "rateLimitExceeded"), {}, False
            else:
                status, answer, extra, drop = fake.call(verb, target, headers,
                                                        inner_body.encode(), batch=True)
            dropped = dropped or drop
            text = "" if answer is None else json.dumps(answer)
            lines = [f"HTTP/1.1 {status} {'OK' if status < 300 else 'Error'}",
                     "Content-Type: application/json; charset=UTF-8",
                     *(f"{name}: {value}" for name, value in extra.items()),
                     f"Content-Length: {len(text.encode())}", "", text]
            chunks.append(f"--{boundary}\r\nContent-Type: application/http\r\n"
                          f"Content-ID: <response-{content_id.strip('<>')}>\r\n\r\n"
                          + "\r\n".join(lines) + "\r\n")
        if dropped:
            self._drop()
            return
        content = ("".join(chunks) + f"--{boundary}--\r\n").encode()
        self._send(200, content, f"multipart/mixed; boundary={boundary}")
