"""One scan: fetch → judge → track → plan → act → record. `scan` and `run` both call
`run_once`; the scheduler holds no logic.

Exactly-once drafts (README.md, "Safety"): each planned draft has a stable ledger key and a
Message-ID derived from it. The intent is committed first, then (with the backend's mark
of Drafts) that the APPEND is going out, then its result as soon as the server answers;
the next run settles any interrupted APPEND from what Drafts shows (`followup.ledger`), so
a crash at any instant never yields a duplicate and never brings back a draft the user
deleted. `scan` holds the state directory's lock for the pass, as `run` does for its life.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from followup.backends import open_backend
from followup.backends.base import FOLDER_ROLES, FetchedMessage, Mailbox
from followup.config_model import AccountConfig, Config
from followup.drafting import DraftActions, plan_for, sync_ledger
from followup.errors import BackendError, FollowupError
from followup.judge.classify import ThreadContext, judge_message
from followup.judge.kinds import UNRELATED_KINDS, USER_TO_EMPLOYER_KINDS, Kind
from followup.judge.prefilter import KnownThreads, worth_reading
from followup.mail.model import Message
from followup.mail.parse import parse_message
from followup.mail.senders import employer_domain, is_machine_address
from followup.notify.announce import notify, record_placed
from followup.notify.deliver import Deliverer, build_deliverer
from followup.notify.notices import waiting_drafts
from followup.store import Store, database_path
from followup.track.model import Application, MailRecord, PlannedDraft
from followup.track.names import company_matches_domain, is_agency_name, normalise_company
from followup.track.records import record_of
from followup.track.reminders import note_reminders

log = logging.getLogger(__name__)

BackendFactory = Callable[[AccountConfig, Config], Mailbox]
FaultHook = Callable[[str], None]  # called with a step name; tests raise from it


@dataclass
class ScanReport:
    """What one pass did, for the CLI and the daemon's status line."""

    now: datetime
    dry_run: bool
    read: dict[str, int] = field(default_factory=dict)
    judged: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    failed_accounts: list[str] = field(default_factory=list)
    applications: int = 0
    next_due: datetime | None = None
    plan: list[PlannedDraft] = field(default_factory=list)
    waiting: int = 0  # drafts we placed that are still untouched in Drafts
    oldest_waiting: datetime | None = None  # when the oldest of them was placed
    notified: str | None = None  # the notification sent this pass, if any

    def lines(self) -> list[str]:
        prefix = "would " if self.dry_run else ""
        lines = [f"{account}: read {count} new message(s)" for account, count in
                 self.read.items()]
        lines.extend(self.judged)
        lines.extend(f"{prefix}{line}" for line in self.drafts)
        if not self.drafts and not self.failed_accounts:
            lines.append("no draft is due now")
        if self.next_due:
            lines.append(f"next draft due {self.next_due.isoformat(timespec='minutes')}")
        lines.append(f"{self.applications} application(s) tracked")
        return lines


def run_once(config: Config, *, now: datetime, dry_run: bool = False,
             accounts: Sequence[str] | None = None, store: Store | None = None,
             backend_factory: BackendFactory = open_backend,
             fault: FaultHook | None = None,
             deliverer: Deliverer | None = None) -> ScanReport:
    """One pass over the accounts. Never raises for one account's failure or one bad
    message: those are logged and reported; config errors were raised at load time.

    Notifications (`config.notify`) go through `deliverer`, by default the one the
    configuration describes; a dry run notifies nobody."""
    owned = store is None
    if store is None:
        store = _open_store(config, dry_run)
    report = ScanReport(now=now, dry_run=dry_run)
    chosen = [a for a in config.accounts if not accounts or a.name in accounts]
    placed: tuple[Sequence[Application], Sequence[PlannedDraft]] = ((), ())
    try:
        mailboxes: dict[str, Mailbox] = {}
        for account in chosen:
            try:
                mailbox = backend_factory(account, config)
                mailbox.open()
            except FollowupError as error:
                log.error("%s: %s", account.name, error)
                report.failed_accounts.append(account.name)
                continue
            mailboxes[account.name] = mailbox
            try:
                report.read[account.name] = _sync_account(config, account, mailbox, store,
                                                          now, report)
            except BackendError as error:
                log.error("%s: %s", account.name, error)
                report.failed_accounts.append(account.name)
        for name, mailbox in mailboxes.items():
            if name in report.failed_accounts:
                continue
            try:
                sync_ledger(store, mailbox, name, now, dry_run=dry_run)
            except BackendError as error:  # one account's trouble never ends the pass
                log.error("%s: %s", name, error)
                report.failed_accounts.append(name)
        healthy = {name: box for name, box in mailboxes.items()
                   if name not in report.failed_accounts}
        if not _plan_unchanged(store, config, now, report):
            actions = DraftActions(store=store, mailboxes=healthy, config=config, now=now,
                                   dry_run=dry_run, fault=fault)
            applications, planned = plan_for(store, config, now)
            for line in note_reminders(applications, planned, now):
                log.info("%s", line)
            placed = (applications, planned)
            report.applications = len(applications)
            report.plan = planned
            report.drafts.extend(actions.carry_out(planned, applications))
            report.failed_accounts.extend(sorted(actions.failed))  # retried on a later pass
            upcoming = [p.due for p in planned if p.status == "scheduled"]
            report.next_due = min(upcoming) if upcoming else None
            if not dry_run and not any(p.status == "due" for p in planned):
                with store.transaction():
                    store.set_plan_summary(_plan_summary(store, config, now, report))
        if not dry_run and config.notify.enabled:
            report.notified = _notify(store, config, now, placed, deliverer)
        report.waiting, report.oldest_waiting = waiting_drafts(store.ledger())
    finally:
        for mailbox in locals().get("mailboxes", {}).values():
            mailbox.close()
        if owned:
            store.close()
    return report


def _notify(store: Store, config: Config, now: datetime,
            placed: tuple[Sequence[Application], Sequence[PlannedDraft]],
            deliverer: Deliverer | None) -> str | None:
    """The pass's one notification (drafts placed, reminders due). Its trouble is logged and
    never ends the pass: the drafts are made regardless."""
    applications, planned = placed
    record_placed(store, config, planned, applications, now)
    if deliverer is None:
        try:
            deliverer = build_deliverer(config)
        except FollowupError as error:
            log.error("notifications: %s", error)
            return None
    if deliverer is None:
        return None
    return notify(store, config, deliverer, now)


def _config_key(config: Config) -> str:
    """Changes when the configuration does (a reload may change the timing rules)."""
    return hashlib.sha256(repr(config).encode()).hexdigest()[:16]


def _plan_summary(store: Store, config: Config, now: datetime,
                  report: ScanReport) -> dict[str, object]:
    """What a pass that made no draft planned: valid until `next_due` as long as nothing
    planning reads changes (the store's generation) and the configuration is the same."""
    return {"generation": store.generation(), "config": _config_key(config),
            "planned_at": now.isoformat(), "applications": report.applications,
            "next_due": report.next_due.isoformat() if report.next_due else None}


def _plan_unchanged(store: Store, config: Config, now: datetime, report: ScanReport) -> bool:
    """True if the last plan still holds, so planning again is skipped: nothing planning
    reads changed since (no new record, ledger entry, override or correction; the same
    configuration), and `now` is between that plan and its next due draft. Nothing can
    become due before then: every time-driven step (README.md, "When drafts appear") is a
    scheduled draft. This
    keeps a poll's cost independent of how many applications are tracked. Fills `report`
    from the kept summary."""
    summary = store.plan_summary()
    if not summary or summary.get("generation") != store.generation() or \
            summary.get("config") != _config_key(config):
        return False
    planned_at = datetime.fromisoformat(str(summary["planned_at"]))
    next_due = datetime.fromisoformat(str(summary["next_due"])) if summary["next_due"] \
        else None
    if now < planned_at or (next_due is not None and now >= next_due):
        return False
    report.applications = int(summary["applications"])  # type: ignore[call-overload]
    report.next_due = next_due
    return True


def _open_store(config: Config, dry_run: bool) -> Store:
    assert config.state_dir is not None
    path = database_path(config.state_dir)
    if dry_run:
        # --dry-run writes nothing anywhere: work on an in-memory copy of the state.
        return Store.snapshot(path)
    return Store.open(path)


def _sync_account(config: Config, account: AccountConfig, mailbox: Mailbox, store: Store,
                  now: datetime, report: ScanReport) -> int:
    """Read what is new in INBOX and Sent, judge it and record it. Returns messages read."""
    since = (now - timedelta(days=account.lookback_days)).date()
    known = KnownThreads()
    loaded = [False]

    def learnt() -> KnownThreads:
        # Read from the store only once a message comes: a poll with nothing new costs
        # the same however many records are kept.
        if not loaded[0]:
            loaded[0] = True
            for record in store.records():
                _learn(known, record)
        return known

    count = 0
    for role in FOLDER_ROLES:
        cursor = store.cursor(account.name, role)
        result = mailbox.fetch_new(
            role, cursor, since,
            want_body=lambda summary: worth_reading(summary, learnt(), config.user.addresses,
                                                    config.scan.max_message_bytes))
        if result.reset:
            log.warning("%s: %s was recreated on the server (its cursor was voided); "
                        "re-reading it, already-seen messages are skipped by Message-ID",
                        account.name, role)
        with store.transaction():
            for fetched in result.messages:
                count += 1
                line = _take_message(config, account, fetched, store, learnt(), now)
                if line:
                    report.judged.append(line)
            store.set_cursor(account.name, role, result.cursor, now)
        if result.interrupted is not None:  # progress kept; no drafts on half a mailbox
            raise result.interrupted
    return count


def _take_message(config: Config, account: AccountConfig, fetched: FetchedMessage,
                  store: Store, known: KnownThreads, now: datetime) -> str | None:
    summary = fetched.summary
    if store.has_seen(account.name, summary.folder, summary.uid, summary.message_id):
        return None
    kind: str | None = None
    line = None
    if fetched.raw is not None:
        try:
            record = judge_fetched(config, account, fetched, known)
        except Exception as error:  # noqa: BLE001 - hostile mail must never stop a scan
            log.warning("%s: skipped %s uid %s: %s", account.name, summary.folder, summary.uid,
                        error.__class__.__name__)
            record = None
        if record is not None:
            kind = record.kind
            # An unsure "other" that pointed at recruiting is kept too (`MailRecord.sure`
            # is False only for those worth review), so that `followup review` shows it.
            if record.kind != Kind.OTHER or not record.sure:
                store.save_record(record)
                _learn(known, record)
                line = (f"{account.name}: {record.direction} {record.kind}: "
                        f"{record.facts.company or '?'} - {record.subject[:60]}")
    store.mark_seen(account.name, summary.folder, summary.uid, summary.message_id,
                    summary.role, kind, now)
    return line


def judge_fetched(config: Config, account: AccountConfig, fetched: FetchedMessage,
                  known: KnownThreads) -> MailRecord:
    """Parse and judge one downloaded message into a `MailRecord` (no body kept)."""
    summary = fetched.summary
    assert fetched.raw is not None
    message = parse_message(fetched.raw, thread_id=summary.thread_id,
                            default_tz=ZoneInfo(config.user.timezone))
    known_employer = _from_known_employer(message, known)
    # A person at such an employer replying in a conversation: a hiring conversation even
    # when its first message was not read as one (a calendar invitation with no job word,
    # an agency's relayed news).
    in_thread = bool(set(message.thread_keys) & known.message_ids) or \
        bool(summary.thread_id and summary.thread_id in known.thread_ids) or \
        (bool(message.in_reply_to) and known_employer)
    judgement = judge_message(message, config.user.addresses,
                              thread=ThreadContext(recruiting=in_thread,
                                                   known_employer=known_employer),
                              user_tz=ZoneInfo(config.user.timezone),
                              working_days=config.user.working_days)
    date = message.date or summary.internal_date
    if date is None:
        raise FollowupError("no date")
    key = f"{account.name}:{message.message_id or summary.folder + '/' + summary.uid}"
    return record_of(message, judgement, key=key, account=account.name,
                     thread_id=summary.thread_id, date=date,
                     user_tz=ZoneInfo(config.user.timezone))


def _from_known_employer(message: Message, known: KnownThreads) -> bool:
    """A person (not a mailer) at an employer the user is in touch with (they wrote
    recruiting mail, or the user thanked or followed up with someone there), in any thread:
    the recruiter who sent the scheduling link writing again in a new thread (blind
    scenario 73: "novedades sobre tu proceso"). Also a person writing from the domain of a
    company that application mail named (an applicant tracker's receipt for Harborview
    Health Partners, then its hiring manager from harborviewhealth.org; blind scenario 76)."""
    sender = message.sender
    if sender is None or is_machine_address(sender.email, sender.name):
        return False
    domain = employer_domain(sender.email)
    return domain is not None and (domain in known.domains or any(
        company_matches_domain(company, domain) for company in known.companies))


def _learn(known: KnownThreads, record: MailRecord) -> None:
    if record.kind in UNRELATED_KINDS:
        return
    if record.message_id:
        known.message_ids.add(record.message_id)
    if record.thread_id:
        known.thread_ids.add(record.thread_id)
    if record.direction == "inbound" and record.sender:
        domain = employer_domain(record.sender.email)
        if domain:
            known.domains.add(domain)
        if record.facts.company and not is_agency_name(record.facts.company):
            known.companies.add(normalise_company(record.facts.company))
    if record.kind in USER_TO_EMPLOYER_KINDS:
        # the user thanked or chased someone there: an employer they are in touch with
        known.domains.update(domain for person in (*record.to, *record.cc)
                             if (domain := employer_domain(person.email)) is not None)


def probe_accounts(config: Config,
                   backend_factory: BackendFactory = open_backend
                   ) -> Iterable[tuple[str, str, bool]]:
    """`check-config --connect`: log in, find the folders, read nothing, write nothing."""
    for account in config.accounts:
        try:
            with backend_factory(account, config) as mailbox:
                folders = mailbox.folder_names()
        except FollowupError as error:
            yield account.name, f"FAILED: {error}", False
            continue
        shown = ", ".join(f"{role} = {name}" for role, name in folders.items())
        yield account.name, f"connected; {shown}", True
