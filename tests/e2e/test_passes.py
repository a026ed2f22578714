"""What one pass costs and learns, in-process (`run_once`) against the real Dovecot, with
the IMAP commands of each pass recorded: a pass with nothing new asks STATUS and nothing
else, yet still notices what the user did with a draft; a first scan reads mail whose only
sign is something it learnt from an earlier chunk of the same scan."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Any

import pytest
from tests.e2e.scenario import (
    DANA,
    MARIA,
    ME,
    Mailbox,
    at,
    calendar_invitation,
    invitation,
    message,
    rejection,
)

import followup.backends.imap as imap_module
import followup.runner as runner_module
from followup.backends.imap import ImapMailbox, default_client_factory
from followup.config import load_config
from followup.config_model import AccountConfig, Config
from followup.runner import run_once
from followup.store import Store

pytestmark = pytest.mark.dovecot


class Recorder:
    """Opens the account's mailbox with every IMAP command's name recorded."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.scenario = mailbox
        self.commands: list[str] = []
        self.config: Config = load_config(mailbox.config_path)

    def backend(self, account: AccountConfig, config: Config) -> ImapMailbox:
        def factory(account: AccountConfig, context: ssl.SSLContext | None) -> Any:
            client = default_client_factory(account, context)
            imap = client._imap
            new_tag, send = imap._new_tag, imap.send
            tags: set[bytes] = set()

            def tagged() -> Any:
                tag = new_tag()
                tags.add(tag if isinstance(tag, bytes) else str(tag).encode())
                return tag

            def sent(data: bytes) -> Any:
                # Every command, whether imaplib or imapclient sends it, starts with a new
                # tag; `UID FETCH` and the like are recorded by their second word.
                words = bytes(data).split(b"\r\n", 1)[0].split()
                if len(words) >= 2 and words[0] in tags:
                    word = words[2] if words[1].upper() == b"UID" and len(words) > 2 \
                        else words[1]
                    self.commands.append(word.decode().upper())
                return send(data)

            imap._new_tag, imap.send = tagged, sent
            return client

        return ImapMailbox(account, self.scenario.user.password, client_factory=factory)

    def run(self, now: Any, fault: Callable[[str], None] | None = None) -> list[str]:
        """One pass; returns the commands it sent after logging in, LOGOUT left out."""
        self.commands.clear()
        report = run_once(self.config, now=now, backend_factory=self.backend, fault=fault)
        assert report.failed_accounts == []
        after_login = self.commands[self.commands.index("LOGIN") + 1:] \
            if "LOGIN" in self.commands else list(self.commands)
        return [name for name in after_login if name != "LOGOUT"]

    def ledger(self) -> dict[str, str]:
        store = Store.open(self.scenario.root / "state" / "state.db")
        try:
            return {entry.kind: entry.state for entry in store.ledger().values()}
        finally:
            store.close()


@pytest.fixture
def recorder(mailbox: Mailbox) -> Recorder:
    return Recorder(mailbox)


def test_a_pass_with_nothing_new_is_three_status_commands(recorder: Recorder) -> None:
    box = recorder.scenario
    box.deliver(invitation(at(3, 10)))
    box.deliver(calendar_invitation(at(3, 15), at(5, 14), [DANA]))
    first = recorder.run(at(5, 17, 5))  # reads both, makes the thank-you note
    assert "APPEND" in first and len(box.drafts()) == 1
    assert recorder.run(at(5, 17, 10)) == ["STATUS", "STATUS", "STATUS"]  # INBOX, Sent, Drafts
    assert recorder.ledger() == {"thank_you": "created"}


def test_a_draft_the_user_deletes_is_still_noticed(recorder: Recorder) -> None:
    box = recorder.scenario
    box.deliver(invitation(at(3, 10)))
    box.deliver(calendar_invitation(at(3, 15), at(5, 14), [DANA]))
    recorder.run(at(5, 17, 5))
    [draft] = box.server.read_folder(box.user, "Drafts")
    box.server.delete_message(box.user, "Drafts", draft["uid"])
    commands = recorder.run(at(5, 18))
    assert "SEARCH" in commands, " ".join(commands)  # Drafts changed: the ledger was checked
    assert recorder.ledger() == {"thank_you": "dismissed"}
    assert recorder.run(at(5, 19)) == ["STATUS", "STATUS"]  # nothing left to check in Drafts


def test_a_change_to_drafts_while_we_append_is_looked_at_next_time(recorder: Recorder) -> None:
    box = recorder.scenario
    box.deliver(invitation(at(3, 10)))
    box.deliver(calendar_invitation(at(3, 15), at(5, 14), [DANA]))
    recorder.run(at(5, 17, 5))
    [thanks] = box.server.read_folder(box.user, "Drafts")
    box.deliver(rejection(at(9, 11)))

    def user_deletes_the_thank_you(step: str) -> None:
        # Between our APPEND of the rejection reply and our look at Drafts afterwards.
        if step == "after-append":
            box.server.delete_message(box.user, "Drafts", thanks["uid"])

    recorder.run(at(9, 12), fault=user_deletes_the_thank_you)
    assert recorder.ledger() == {"thank_you": "created", "rejection_response": "created"}
    recorder.run(at(9, 13))  # Drafts did not change since, yet it is looked at
    assert recorder.ledger() == {"thank_you": "dismissed", "rejection_response": "created"}


def test_a_first_scan_reads_mail_it_learns_about_in_an_earlier_chunk(
        recorder: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imap_module, "FETCH_CHUNK", 2)
    box = recorder.scenario
    box.deliver(invitation(at(3, 10)))  # UID 1: Maria at northwindlabs.com, read
    box.deliver(message(at(3, 11), ("Lumen Books", "orders@lumenbooks.shop"), ME,
                        "Your order has shipped", "Your parcel is on its way.",
                        message_id="<order@lumenbooks.shop>"))  # UID 2: not read
    # UID 3, in the second chunk: the employer's mailing tool. Bulk mail without a word
    # about an application: read only because UID 1 made northwindlabs.com an employer.
    box.deliver(message(at(4, 9), ("Northwind Labs", "events@northwindlabs.com"), ME,
                        "Before you visit us", "Hi Sam, your interview with Maria Lopez is on "
                        "Thursday at 2pm at our office; here is how to find us.",
                        message_id="<visit@northwindlabs.com>",
                        headers={"List-Unsubscribe": "<https://northwindlabs.com/u>"}))
    commands = recorder.run(at(4, 10))
    assert commands.count("FETCH") >= 4  # two chunks, each summaries then bodies
    store = Store.open(box.root / "state" / "state.db")
    try:
        read = {row[0]: row[1] for row in store._db.execute(
            "SELECT message_id, kind FROM messages")}
    finally:
        store.close()
    assert read["<order@lumenbooks.shop>"] is None  # not downloaded
    assert read["<visit@northwindlabs.com>"] is not None  # downloaded and judged
    assert MARIA[1].split("@")[1] == "northwindlabs.com"


def test_a_pass_plans_again_only_when_something_changed_or_a_draft_falls_due(
        recorder: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    box = recorder.scenario
    box.deliver(invitation(at(3, 10)))
    box.deliver(calendar_invitation(at(3, 15), at(5, 14), [DANA]))
    plans: list[object] = []
    real_plan_for = runner_module.plan_for

    def counted(*args: object, **kwargs: object) -> object:
        plans.append(args[2])
        return real_plan_for(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner_module, "plan_for", counted)

    def run(now: object) -> object:
        return run_once(recorder.config, now=now, backend_factory=recorder.backend)

    first = run(at(5, 14, 30))  # during the interview: the thank-you waits for 17:00
    assert len(plans) == 1 and first.drafts == []
    assert first.next_due is not None and first.next_due == at(5, 17)
    quiet = run(at(5, 15, 30))  # nothing new, nothing due: the plan still holds
    assert len(plans) == 1 and quiet.next_due == at(5, 17) and quiet.applications == 1
    earlier = run(at(5, 14))  # a clock set back: plan again
    assert len(plans) == 2 and earlier.drafts == []
    box.deliver(message(at(5, 16), MARIA, ME, "Re: interview", "Hi Sam, Dana is running "
                        "ten minutes late; she will join shortly.\n\nMaria",
                        message_id="<late@northwindlabs.com>",
                        in_reply_to="<cal@northwindlabs.com>"))
    run(at(5, 16, 10))  # a new record: plan again
    assert len(plans) == 3
    due = run(at(5, 17, 1))  # the thank-you is due
    assert len(plans) == 4 and len(due.drafts) == 1 and len(box.drafts()) == 1
