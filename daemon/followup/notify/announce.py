"""The notification step at the end of a pass: note the drafts just placed, choose what to
say (`notices`), deliver it, and remember what was said. A failing service never stops a
pass: it is logged once and retried with back-off, and the drafts are made regardless.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from followup.backoff import Backoff
from followup.config_model import Config
from followup.notify.deliver import Deliverer
from followup.notify.notices import choose, compose_notice, notice_entry, placed_this_pass
from followup.store import NoticeEntry, Store
from followup.track.model import Application, PlannedDraft

log = logging.getLogger(__name__)

_BACKOFF_KEY = "notify_backoff"  # meta: {"failures": n, "retry_at": iso}


def record_placed(store: Store, config: Config, planned: Sequence[PlannedDraft],
                  applications: Sequence[Application], now: datetime) -> None:
    """Note each draft this pass placed, with its line, best-before and reminder time, so
    that a notification that cannot be delivered now is still sent later."""
    placed = placed_this_pass(planned, store.ledger(), store.notices())
    if not placed:
        return
    by_id = {}
    for application in applications:
        for alias in (application.id, *application.aliases):
            by_id[alias] = application
    with store.transaction():
        for draft in placed:
            store.add_notice(notice_entry(draft, by_id.get(draft.application_id),
                                          config.timing, config.notify, now))


def notify(store: Store, config: Config, deliverer: Deliverer, now: datetime,
           backoff: Backoff | None = None) -> str | None:
    """Send the pass's one notification if there is anything to say. Returns its body when
    it was delivered, else None. Never raises for the service's trouble."""
    announce, remind = choose(store.notices(), store.ledger(), now)
    notice = compose_notice(announce, remind, ZoneInfo(config.user.timezone), now)
    if notice is None:
        return None
    state = store.meta_value(_BACKOFF_KEY) or {"failures": 0, "retry_at": None}
    if state["retry_at"] and now < datetime.fromisoformat(state["retry_at"]):
        log.debug("notification waits for its back-off until %s", state["retry_at"])
        return None
    delivery = deliverer.send(notice)
    with store.transaction():
        if not delivery.delivered:
            _failed(store, state, delivery.failed, now, backoff)
            return None
        if delivery.failed:
            log.warning("notification not delivered through %s (delivered through the "
                        "others)", ", ".join(delivery.failed))
        if state["failures"]:
            log.info("notifications delivered again after %d failed attempt(s)",
                     state["failures"])
        store.set_meta_value(_BACKOFF_KEY, {"failures": 0, "retry_at": None})
        store.mark_notices(list(notice.new), "announced_at", now)
        known = store.notices()  # read once, not once per new draft
        store.mark_notices([*notice.reminders, *(key for key in notice.new
                                                 if _reminder_passed(known.get(key), now))],
                           "reminded_at", now)
    log.info("notified: %s", notice.title.removeprefix("followup: "))
    return notice.body


def _reminder_passed(notice: NoticeEntry | None, now: datetime) -> bool:
    return notice is not None and notice.remind_at is not None and notice.remind_at <= now


def _failed(store: Store, state: dict[str, object], failed: list[str], now: datetime,
            backoff: Backoff | None) -> None:
    failures = int(state["failures"] or 0) + 1  # type: ignore[call-overload]
    policy = backoff or Backoff(base=60.0, maximum=3600.0)
    policy.failures = failures - 1
    retry_at = now + timedelta(seconds=policy.next())
    store.set_meta_value(_BACKOFF_KEY, {"failures": failures, "retry_at": retry_at.isoformat()})
    if failures == 1:
        log.warning("notification not delivered (%s); the drafts are in Drafts regardless; "
                    "retrying with back-off", ", ".join(failed) or "no service")
    else:
        log.debug("notification still not delivered (%d attempts); next try after %s",
                  failures, retry_at.isoformat(timespec="seconds"))
