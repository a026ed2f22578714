"""The draft ledger's decision, pure: what became of each draft we intended or made, from
what the mailbox showed. `drafting.sync_ledger` reads the mailbox, calls `reconcile`, and
applies the changes it returns (vdirsyncer's shape: observe, decide, apply).

What an entry's state means and what a look at Drafts makes of it:

- `intent`: nothing sent yet. Found in Drafts (a run from before this rule): `created`.
  Else it stays, and the draft is appended.
- `appending`: the APPEND may have gone out (a crash, or an APPEND that got no answer).
  Found: `created`. Not found, and the backend proves nothing added to Drafts since its
  mark was removed (`removed_since` is False): never stored, back to `intent`, appended
  again; but an APPEND that went unanswered is first given `APPEND_SETTLE` to land. Not
  found otherwise: it may have been stored and deleted by the user, so it is `dismissed`
  and never made again. The cost of that rule: where the backend cannot tell (Gmail, or a
  Drafts folder recreated meanwhile), or another draft was removed from Drafts in the same
  moments, a draft whose APPEND was cut off before it was stored is lost too (shown as
  deleted by `plan`) rather than risk bringing back one the user deleted.
- `created`: still there, same content: nothing. Changed (other id or fingerprint):
  `edited`. Gone but its id still answers (the client rewrote its Message-ID): `edited`.
  Gone: `sent` if it shows up in Sent, else `dismissed`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from followup.store import LedgerEntry
from followup.track.model import MailRecord

# How long an unanswered APPEND may still land before "not stored" is believed.
APPEND_SETTLE = timedelta(minutes=2)


@dataclass(frozen=True)
class Observed:
    """What the mailbox showed about the ledger's entries.

    `present`: Message-ID → draft id of those in Drafts. `fingerprints`: draft id →
    fingerprint (None: gone) of the drafts whose content was looked at. `removed`: ledger
    key → `removed_since` of the entry's append mark, for `appending` entries not found.
    """

    present: Mapping[str, str]
    fingerprints: Mapping[str, str | None] = field(default_factory=dict)
    removed: Mapping[str, bool | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """Set entry `key` to `state` (with the draft's id and fingerprint when it was found).
    `why` is the log line's reason."""

    key: str
    state: str
    why: str
    draft_id: str | None = None
    fingerprint: str | None = None


def fingerprints_wanted(entries: Iterable[LedgerEntry], present: Mapping[str, str]
                        ) -> list[str]:
    """The draft ids whose fingerprint `reconcile` will ask for."""
    wanted = []
    for entry in entries:
        draft_id = present.get(entry.message_id)
        if draft_id is not None:
            if entry.state in ("intent", "appending") or not (
                    entry.fingerprint and draft_id != entry.draft_id):
                wanted.append(draft_id)
        elif entry.state == "created" and entry.draft_id:
            wanted.append(entry.draft_id)
    return wanted


def removed_wanted(entries: Iterable[LedgerEntry], present: Mapping[str, str]
                   ) -> list[LedgerEntry]:
    """The `appending` entries not found, whose marks `reconcile` needs judged."""
    return [entry for entry in entries if entry.state == "appending"
            and entry.message_id not in present and entry.append_mark is not None]


def reconcile(entries: Sequence[LedgerEntry], observed: Observed,
              sent: Sequence[MailRecord], now: datetime) -> list[Change]:
    """The ledger changes that what was observed calls for (see the module docstring)."""
    changes = []
    for entry in entries:
        change = _decide(entry, observed, sent, now)
        if change is not None:
            changes.append(change)
    return changes


def _decide(entry: LedgerEntry, observed: Observed, sent: Sequence[MailRecord],
            now: datetime) -> Change | None:
    draft_id = observed.present.get(entry.message_id)
    if draft_id is not None:
        if entry.state in ("intent", "appending"):
            return Change(entry.key, "created", "was stored before an interruption; "
                          "confirmed", draft_id, observed.fingerprints.get(draft_id))
        if entry.fingerprint and draft_id != entry.draft_id:
            return Change(entry.key, "edited", "was edited by the user")
        fingerprint = observed.fingerprints.get(draft_id)
        if entry.fingerprint and fingerprint and fingerprint != entry.fingerprint:
            return Change(entry.key, "edited", "was edited by the user")
        return None
    if entry.state == "intent":
        return None  # never sent: `carry_out` appends it
    if entry.state == "appending":
        return _unfound_append(entry, observed.removed.get(entry.key), now)
    if entry.draft_id and observed.fingerprints.get(entry.draft_id) is not None:
        # Still there under its id, but its Message-ID changed: some clients (Gmail web)
        # rewrite it when the user edits a draft. Edited: never touched again.
        return Change(entry.key, "edited", "was edited by the user (new Message-ID)")
    if was_sent(entry, sent):
        return Change(entry.key, "sent", "was sent")
    return Change(entry.key, "dismissed", "was deleted by the user; it will not be made "
                  "again")


def _unfound_append(entry: LedgerEntry, removed: bool | None, now: datetime
                    ) -> Change | None:
    if removed is False:
        unanswered = (entry.append_mark or {}).get("unanswered_at")
        if unanswered and now - datetime.fromisoformat(str(unanswered)) < APPEND_SETTLE:
            return None  # an unanswered APPEND may still land: wait before appending again
        return Change(entry.key, "intent", "was never stored (interrupted before the "
                      "server kept it); it will be appended")
    return Change(entry.key, "dismissed", "was interrupted while being stored and is not "
                  "in Drafts: it may have been stored and deleted by the user, so it will "
                  "not be made again")


def was_sent(entry: LedgerEntry, sent: Sequence[MailRecord]) -> bool:
    """Left Drafts and is in Sent: same Message-ID, or to the same person since we made it."""
    for record in sent:
        if record.message_id == entry.message_id:
            return True
        recipients = {person.email for person in (*record.to, *record.cc)}
        if recipients & set(entry.recipients) and record.date >= entry.created_at:
            return True
    return False
