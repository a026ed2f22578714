"""The draft ledger in action: reconcile it with Drafts, then create the drafts that are due.

Every planned draft has a stable key; the ledger remembers what became of it:
`intent` (about to be appended, nothing sent), `appending` (the APPEND may have gone
out), `created`, `dismissed` (the user deleted it: never made again), `sent` (it left
Drafts and shows up in Sent), `edited` (the user changed it: never touched). Each step is
committed before the next one starts, so a crash between any two leaves a state the next
run can finish without a duplicate; `followup.ledger` holds the decision.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from followup.backends.base import DraftsToken, Mailbox
from followup.compose.message import build_draft
from followup.config_model import Config
from followup.errors import AppendUncertain, BackendError, FollowupError
from followup.judge.model import Person
from followup.ledger import (
    Observed,
    fingerprints_wanted,
    reconcile,
    removed_wanted,
)
from followup.store import LedgerEntry, Store
from followup.track.applications import group_applications
from followup.track.model import Application, PlannedDraft, Threading
from followup.track.timing import plan_drafts

log = logging.getLogger(__name__)

# Ledger state → what `plan` shows for a draft.
_SHOWN_STATUS: dict[str, Literal["created", "dismissed", "sent"]] = {
    "created": "created", "dismissed": "dismissed", "sent": "sent", "edited": "created"}


_LEDGER_WORDS = {"created": "put in Drafts", "edited": "edited by you, left alone since",
                 "dismissed": "deleted by you; never made again, since", "sent": "sent by you"}


def plan_for(store: Store, config: Config, now: datetime
             ) -> tuple[list[Application], list[PlannedDraft]]:
    """Applications and every planned draft, with the ledger's word laid over the plan."""
    records = store.records()
    ledger = store.ledger()
    applications = group_applications(records, config.user, store.overrides(), now)
    existing = {key: entry.state for key, entry in ledger.items()}
    planned = plan_drafts(applications, config.user, config.timing, now, existing=existing)
    zone = ZoneInfo(config.user.timezone)  # one zone for every time shown: the user's
    shown = []
    for draft in planned:
        entry = ledger.get(draft.key)
        if entry is not None and entry.state in _SHOWN_STATUS:
            # The ledger's word replaces what time alone would say ("missed" etc.).
            head = draft.reason.split("; missed")[0]
            when = entry.updated_at.astimezone(zone).strftime("%a %d %b %H:%M")
            draft = replace(draft, status=_SHOWN_STATUS[entry.state],
                            reason=f"{head}; {_LEDGER_WORDS[entry.state]} {when}")
        shown.append(draft)
    shown.extend(_ledger_only(ledger, applications, {draft.key for draft in planned}, zone))
    return applications, shown


def _ledger_only(ledger: dict[str, LedgerEntry], applications: Sequence[Application],
                 planned_keys: set[str], zone: ZoneInfo) -> list[PlannedDraft]:
    """Drafts the program made that the plan no longer lists: once a draft is sent, the
    user's own mail answers the need (a thank-you was written, a reply was sent), so the
    timing policy plans nothing for it; it is still shown, as a deleted one is."""
    by_id = {alias: application for application in applications
             for alias in (application.aliases or (application.id,))}
    shown = []
    for key, entry in sorted(ledger.items()):
        if key in planned_keys or entry.state not in _SHOWN_STATUS:
            continue
        application = by_id.get(entry.application_id)
        if application is None:
            continue
        parts = key.split(":")
        round_number = int(parts[-2]) if len(parts) >= 4 and parts[-2].isdigit() else 0
        when = entry.updated_at.astimezone(zone).strftime("%a %d %b %H:%M")
        kind = entry.kind.replace("_", " ")
        shown.append(PlannedDraft(
            key=key, application_id=application.id, kind=entry.kind,  # type: ignore[arg-type]
            round=round_number, to=tuple(Person("", email) for email in entry.recipients),
            due=entry.due, window_end=entry.due, status=_SHOWN_STATUS[entry.state],
            reason=f"{kind}; {_LEDGER_WORDS[entry.state]} {when}",
            threading=Threading(subject="")))
    return shown


_DRAFTS_STATE = "drafts"  # the cursor (by role) holding Drafts' token after the last look


def sync_ledger(store: Store, mailbox: Mailbox, account: str, now: datetime, *,
                dry_run: bool = False) -> None:
    """Learn what the user did with our drafts (kept, edited, sent or deleted), and settle
    drafts whose APPEND was interrupted: read what Drafts shows, decide with the pure
    `ledger.reconcile`, apply its changes.

    Skipped (one question: the backend's opaque `drafts_token`) when Drafts is as it was
    after the last look: nobody added, removed or changed a draft since, so every entry is
    as the ledger says. The token kept is the one taken *before* looking, so a change made
    while we look shows next time."""
    entries = [entry for entry in store.ledger().values()
               if entry.account == account and entry.state in ("intent", "appending",
                                                               "created")]
    if not entries:
        return
    known = store.cursor(account, _DRAFTS_STATE)
    state = mailbox.drafts_token(known)
    if state is not None and state == known and \
            all(entry.state == "created" for entry in entries):
        return
    observed = _observe(mailbox, entries)
    sent = [record for record in store.records() if record.direction == "sent"]
    with store.transaction():
        for change in reconcile(entries, observed, sent, now):
            log.info("%s: draft %s %s", account, change.key, change.why)
            store.set_draft_state(change.key, change.state, now, draft_id=change.draft_id,
                                  fingerprint=change.fingerprint)
        if state is not None and not dry_run:
            store.set_cursor(account, _DRAFTS_STATE, state, now)


def _observe(mailbox: Mailbox, entries: Sequence[LedgerEntry]) -> Observed:
    """What Drafts shows about `entries`: which are there, the content of those `reconcile`
    compares, and for interrupted APPENDs not found whether anything was removed since."""
    present = mailbox.existing_drafts([entry.message_id for entry in entries])
    fingerprints = {draft_id: mailbox.draft_fingerprint(draft_id)
                    for draft_id in fingerprints_wanted(entries, present)}
    removed = {entry.key: mailbox.removed_since(entry.append_mark)
               for entry in removed_wanted(entries, present) if entry.append_mark}
    return Observed(present, fingerprints, removed)


def _drafts_base(store: Store, mailbox: Mailbox, account: str,
                 ledger: dict[str, LedgerEntry]) -> DraftsToken | None:
    """Drafts' token the ledger is known to match, before this pass's APPENDs: the one
    `sync_ledger` kept this pass, or, when the ledger had nothing to check, Drafts' token
    now (none of it can be ours)."""
    if any(entry.account == account and entry.state in ("intent", "created")
           for entry in ledger.values()):
        return store.cursor(account, _DRAFTS_STATE)
    return mailbox.drafts_token()


def _after_own_appends(store: Store, mailbox: Mailbox, account: str,
                       base: DraftsToken | None, appended: int, now: datetime) -> None:
    """Drafts changed by our own APPENDs only: keep its new token, so the next pass need
    not look again. Kept only if the backend vouches that nothing but our APPENDs changed
    Drafts (a draft the user added or deleted meanwhile makes the next pass look)."""
    if base is None:
        return
    token = mailbox.drafts_token_after(base, appended)
    if token is not None:
        with store.transaction():
            store.set_cursor(account, _DRAFTS_STATE, token, now)


@dataclass
class DraftActions:
    """Carries out the due drafts of a plan (or says what it would do, for --dry-run)."""

    store: Store
    mailboxes: dict[str, Mailbox]
    config: Config
    now: datetime
    dry_run: bool = False
    fault: Callable[[str], None] | None = None
    failed: set[str] = field(default_factory=set)  # accounts a draft failed in, this pass

    def carry_out(self, planned: Iterable[PlannedDraft],
                  applications: Sequence[Application]) -> list[str]:
        accounts = {app.id: _account_of(app) for app in applications}
        ledger = self.store.ledger()
        # An account the ledger knows nothing of (a first scan, or a state directory that
        # was lost): a draft already in Drafts under the Message-ID we would give it is ours,
        # taken in as made instead of appended a second time.
        known_accounts = {entry.account for entry in ledger.values()}
        done = []
        appended: dict[str, int] = {}
        bases: dict[str, DraftsToken | None] = {}
        failed = self.failed
        for draft in planned:
            if draft.status != "due":
                continue
            entry = ledger.get(draft.key)
            if entry is not None and entry.state != "intent":
                continue
            account = accounts.get(draft.application_id) or ""
            mailbox = self.mailboxes.get(account)
            if mailbox is None or account in failed:
                continue  # that account failed this pass; the draft waits for the next
            if account not in bases and not self.dry_run:
                bases[account] = _drafts_base(self.store, mailbox, account, ledger)
            try:
                line, did_append = self._create(draft, account, mailbox, entry,
                                                adopt=account not in known_accounts)
            except (BackendError, FollowupError) as error:
                log.error("%s: draft %s not created: %s", account, draft.key, error)
                failed.add(account)  # given up for this pass; the ledger knows the rest
                continue
            done.append(line)
            if did_append:
                appended[account] = appended.get(account, 0) + 1
        for name, count in appended.items():
            if name not in failed:  # our own APPENDs are not news for the next pass
                _after_own_appends(self.store, self.mailboxes[name], name, bases.get(name),
                                   count, self.now)
        return done

    def _create(self, draft: PlannedDraft, account: str, mailbox: Mailbox,
                entry: LedgerEntry | None, adopt: bool = False) -> tuple[str, bool]:
        """Make the draft (unless it is there already). Returns the line to report and
        whether a message was appended.

        The ledger goes `intent` (nothing sent), then `appending` with the backend's mark
        of Drafts just before the APPEND, then `created` as soon as the answer arrives, so
        a crash at any instant leaves what `ledger.reconcile` needs to tell "never stored"
        from "stored, then deleted by the user". An APPEND that was certainly not stored
        (an error answer, a connection lost before it went out) goes back to `intent`; an
        unanswered one stays `appending` and is settled on a later pass."""
        # The Date header in the user's own zone (issue 13 point 7), as their mail client
        # would write it, never the scan's UTC.
        dated = self.now.astimezone(ZoneInfo(self.config.user.timezone))
        composed = build_draft(draft, self.config.user, self.config.drafts, dated)
        recipients = ", ".join(person.email for person in draft.to)
        line = f"draft {draft.kind} to {recipients}: {composed.subject}"
        if self.dry_run:
            return line, False
        found = mailbox.find_draft(composed.message_id) if entry is not None or adopt \
            else None
        with self.store.transaction():
            if entry is None:
                self.store.record_intent(draft.key, account, draft.application_id, draft.kind,
                                         composed.message_id,
                                         tuple(person.email for person in draft.to),
                                         draft.due, self.now)
            if found is not None:
                self.store.set_draft_state(draft.key, "created", self.now, draft_id=found,
                                           fingerprint=mailbox.draft_fingerprint(found))
        if found is not None:
            log.info("%s: draft %s is in Drafts already (made before the state was lost "
                     "or an interruption); taken as made", account, draft.key)
            return line, False
        self._fault("after-intent")
        mark = mailbox.append_mark()
        with self.store.transaction():
            self.store.set_appending(draft.key, mark, self.now)
        self._fault("before-append")
        draft_id = self._append(draft, composed.raw, composed.message_id, mailbox, mark)
        self._fault("after-append")
        with self.store.transaction():  # the answer is recorded before anything else
            self.store.set_draft_state(draft.key, "created", self.now, draft_id=draft_id)
        fingerprint = mailbox.draft_fingerprint(draft_id)
        if fingerprint is not None:
            with self.store.transaction():
                self.store.set_draft_state(draft.key, "created", self.now,
                                           fingerprint=fingerprint)
        log.info("%s: %s", account, line)
        return line, True

    def _append(self, draft: PlannedDraft, raw: bytes, message_id: str, mailbox: Mailbox,
                mark: dict[str, Any] | None) -> str:
        """The backend's APPEND, with the ledger told what an error means."""
        try:
            return mailbox.append_draft(raw, message_id, self.now,
                                        thread_id=draft.threading.thread_id)
        except AppendUncertain:
            with self.store.transaction():  # settled by `reconcile` on a later pass
                self.store.set_appending(draft.key, {**(mark or {}),
                                                     "unanswered_at": self.now.isoformat()},
                                         self.now)
            raise
        except FollowupError:
            with self.store.transaction():  # not stored: the next pass appends it
                self.store.set_draft_state(draft.key, "intent", self.now)
            raise

    def _fault(self, step: str) -> None:
        if self.fault is not None:
            self.fault(step)


def _account_of(application: Application) -> str | None:
    """The account the application's mail came to (its latest message's)."""
    return application.records[-1].account if application.records else None
