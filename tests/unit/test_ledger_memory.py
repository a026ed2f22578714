"""The draft ledger in action (`drafting.sync_ledger` + `DraftActions`) on the in-memory
backend: passes that crash at every step of making a draft, APPENDs that fail or go
unanswered, and a user who deletes, edits or sends the draft in between. Whatever the order,
a draft is never made twice and never lost (README.md, "Safety"; `followup.ledger`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.config_model import AccountConfig, Config, UserConfig
from followup.drafting import DraftActions, sync_ledger
from followup.judge.model import Facts, Person
from followup.store import Store
from followup.track.model import Application, MailRecord, PlannedDraft, Threading
from memory_mailbox import AppendFault, MemoryMailbox, MemoryServer

ACCOUNT = "personal"
START = datetime(2026, 3, 5, 17, 0, tzinfo=UTC)
PASS_GAP = timedelta(minutes=5)  # longer than `ledger.APPEND_SETTLE`: an unanswered APPEND
CONFIG = Config(path=None, user=UserConfig(name="Sam Rivera", addresses=("sam@example.org",)),
                accounts=(AccountConfig(name=ACCOUNT, backend="maildir"),))
DANA = Person("Dana Whitfield", "dana@northwind.example")
RECORD = MailRecord(key=f"{ACCOUNT}:<invite@northwind.example>", account=ACCOUNT,
                    message_id="<invite@northwind.example>", thread_id=None,
                    in_reply_to=None, references=(), date=START - timedelta(days=2),
                    direction="inbound", kind="interview_scheduled", sender=DANA,
                    reply_to=(), to=(Person("Sam Rivera", "sam@example.org"),), cc=(),
                    subject="Interview", facts=Facts())
APPLICATION = Application(id="app-1", company="Northwind", role="Engineer",
                          employer_domain="northwind.example", state="awaiting_decision",
                          records=(RECORD,), rounds=(), contacts=(DANA,))
PLANNED = PlannedDraft(key="app-1:thank_you:1:dana@northwind.example",
                       application_id="app-1", kind="thank_you", round=1, to=(DANA,),
                       due=START, window_end=START + timedelta(days=2), status="due",
                       reason="test", threading=Threading(subject="Interview"))

Step = str  # "pass:<fault>" or "user:<action>"
FAULTS = ("none", "after-intent", "before-append", "after-append", "refused",
          "stored-unanswered", "lost-unanswered")
USER_ACTIONS = ("delete", "edit", "edit-new-id", "send")


class Killed(BaseException):
    """The process killed at a step of making a draft (FOLLOWUP_FAULT does it for real)."""


@dataclass
class World:
    """The state directory and the mailbox, across passes and restarts."""

    state_dir: Path
    server: MemoryServer = field(default_factory=MemoryServer)
    now: datetime = START
    user_acted: bool = False
    stored_after_user: int = 0  # drafts of ours stored after the user acted on one

    def our_copies(self) -> int:
        return len(self.server.draft_numbers(self.message_id()))

    def message_id(self) -> str:
        with self.store() as store:
            entry = store.ledger().get(PLANNED.key)
        return entry.message_id if entry else "<none>"

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = Store.open(self.state_dir / "state.db")  # a new process each time
        try:
            yield store
        finally:
            store.close()

    def a_pass(self, fault: str = "none") -> None:
        crash_at = fault if fault in ("after-intent", "before-append", "after-append") else None
        if fault in ("refused", "stored-unanswered", "lost-unanswered"):
            self.server.fail_next_append(cast(AppendFault, fault))
        stored_before = self.server.appends
        mailbox = MemoryMailbox(self.server, ACCOUNT)

        def kill(step: str) -> None:
            if step == crash_at:
                raise Killed(step)

        with self.store() as store:
            try:
                sync_ledger(store, mailbox, ACCOUNT, self.now)
                DraftActions(store, {ACCOUNT: mailbox}, CONFIG, self.now,
                             fault=kill).carry_out([PLANNED], [APPLICATION])
            except Killed:
                pass
        if self.user_acted:
            self.stored_after_user += self.server.appends - stored_before
        self.server.append_faults.clear()  # a fault not reached does not linger
        self.now += PASS_GAP

    def user(self, action: str) -> None:
        message_id = self.message_id()
        if not self.server.draft_numbers(message_id):
            return  # nothing of ours in Drafts to act on
        self.user_acted = True
        if action == "delete":
            self.server.delete_draft(message_id)
        elif action == "edit":
            self.server.edit_draft(message_id)
        elif action == "edit-new-id":
            self.server.edit_draft(message_id, new_message_id="<rewritten@mail.example>")
        else:
            self.server.send_draft(message_id)

    def run(self, steps: Sequence[Step]) -> None:
        for step in steps:
            what, _, detail = step.partition(":")
            if what == "pass":
                self.a_pass(detail)
            else:
                self.user(detail)
            assert self.our_copies() <= 1, f"a duplicate draft after {step}"
            assert self.stored_after_user == 0, f"made again after the user acted ({step})"
        for _ in range(2):  # the machine runs on, untroubled
            self.a_pass()
        assert self.our_copies() <= 1
        assert self.stored_after_user == 0


@contextmanager
def world() -> Iterator[World]:
    with tempfile.TemporaryDirectory() as directory:
        yield World(Path(directory))


def final_state(world: World) -> str:
    with world.store() as store:
        return store.ledger()[PLANNED.key].state


@pytest.mark.parametrize("fault", FAULTS)
def test_a_crash_or_failed_append_at_any_step_ends_with_one_draft(fault: str) -> None:
    with world() as w:
        w.run([f"pass:{fault}"])
        assert w.our_copies() == 1
        assert final_state(w) == "created"


@pytest.mark.parametrize("action", USER_ACTIONS)
def test_what_the_user_does_with_the_draft_is_respected(action: str) -> None:
    with world() as w:
        w.run(["pass:none", f"user:{action}"])
        expected = {"delete": 0, "send": 0, "edit": 1, "edit-new-id": 0}[action]
        assert w.our_copies() == expected
        # An IMAP-like client stores an edit as a new message; with a new Message-ID the
        # ledger cannot know it for ours, and takes ours as deleted: never made again.
        assert final_state(w) == ("edited" if action == "edit" else "dismissed")


class WatchedMailbox(MemoryMailbox):
    """Counts the searches of Drafts."""

    searches = 0

    def existing_drafts(self, message_ids: Iterable[str]) -> dict[str, str]:
        self.searches += 1
        return super().existing_drafts(message_ids)


def test_an_unchanged_drafts_folder_is_not_searched_again() -> None:
    with world() as w:
        w.run(["pass:none"])
        mailbox = WatchedMailbox(w.server, ACCOUNT)
        with w.store() as store:
            sync_ledger(store, mailbox, ACCOUNT, w.now)
        assert mailbox.searches == 0  # the token after our own APPEND was kept
        w.server.deliver(b"Subject: the user's own draft\r\n\r\nhi\r\n", "drafts")
        with w.store() as store:
            sync_ledger(store, mailbox, ACCOUNT, w.now)
        assert mailbox.searches == 1


steps = st.lists(st.one_of(st.sampled_from([f"pass:{fault}" for fault in FAULTS]),
                           st.sampled_from([f"user:{action}" for action in USER_ACTIONS])),
                 max_size=8)


@settings(max_examples=80, deadline=None)
@given(steps)
def test_never_a_duplicate_and_never_a_lost_draft(sequence: list[Step]) -> None:
    with world() as w:
        w.run(sequence)
        state = final_state(w)
        if not w.user_acted:
            assert w.our_copies() == 1, "the draft was lost"
            assert state == "created"
        else:
            assert state in ("dismissed", "sent", "edited", "created")
