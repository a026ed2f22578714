"""`run_once` with the Gmail backend against the fake: mail read through the API, a
thank-you created once, a rejection response created inside the employer's thread, and
what the user then did with each (sent, deleted) noticed. The same scenario mail as the
Dovecot end-to-end tests."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from pathlib import Path

from tests.e2e.scenario import (
    DANA,
    NEW_YORK,
    acknowledgement,
    at,
    calendar_invitation,
    invitation,
    rejection,
)

from followup.backends.gmail import GmailMailbox
from followup.config_model import AccountConfig, Config, UserConfig
from followup.runner import run_once
from followup.store import Store
from gmail_fake import GmailFake

from .harness import GmailHarness


def test_drafts_made_once_replies_in_their_thread_and_what_the_user_did_noticed(
        gmail_fake: GmailFake, tmp_path: Path) -> None:
    harness = GmailHarness(gmail_fake, tmp_path / "state")
    account = AccountConfig(name="gmail", backend="gmail")
    config = Config(path=None, user=UserConfig(name="Sam Rivera",
                                               addresses=("sam.rivera@example.org",),
                                               timezone=NEW_YORK.key),
                    accounts=(account,), state_dir=tmp_path / "state")
    for sent, raw in ((at(2, 9), acknowledgement(at(2, 9))), (at(3, 10), invitation(at(3, 10))),
                      (at(3, 15), calendar_invitation(at(3, 15), at(5, 14), [DANA]))):
        gmail_fake.add_message(raw, ["INBOX", "UNREAD"], internal_date=sent)

    def factory(account: AccountConfig, config: Config) -> GmailMailbox:
        return harness.mailbox()

    report = run_once(config, now=at(5, 17, 1), backend_factory=factory)
    assert report.failed_accounts == [] and report.read == {"gmail": 3}
    ((thanks_id, thanks),) = gmail_fake.draft_messages()
    assert message_from_bytes(thanks.raw, policy=default)["To"] == \
        "Dana Kim <dana.kim@northwindlabs.com>"
    again = run_once(config, now=at(5, 17, 1), backend_factory=factory)
    assert again.drafts == [] and gmail_fake.count("gmail.users.drafts.create") == 1
    # Nothing new since: the whole pass (INBOX, Sent, the draft ledger) is one request.
    before = len(gmail_fake.requests)
    quiet = run_once(config, now=at(5, 18), backend_factory=factory)
    assert quiet.failed_accounts == [] and quiet.drafts == []
    assert [r.method_id for r in gmail_fake.requests[before:]] == ["gmail.users.history.list"]

    gmail_fake.add_message(rejection(at(6, 9)), ["INBOX", "UNREAD"], internal_date=at(6, 9))
    run_once(config, now=at(6, 10), backend_factory=factory)
    (rejected,) = gmail_fake.by_message_id("<reject@northwindlabs.com>")
    ((reply_id, reply),) = [(d, m) for d, m in gmail_fake.draft_messages() if d != thanks_id]
    parsed = message_from_bytes(reply.raw, policy=default)
    assert parsed["In-Reply-To"] == "<reject@northwindlabs.com>"
    assert parsed["Subject"] == "Re: Your application to Northwind Labs"
    assert reply.thread_id == rejected.thread_id  # inside the conversation in Gmail

    gmail_fake.user_sends_draft(reply_id)
    gmail_fake.user_deletes_draft(thanks_id)
    run_once(config, now=at(6, 11), backend_factory=factory)
    store = Store.open(tmp_path / "state" / "state.db")
    try:
        states = sorted((entry.kind, entry.state) for entry in store.ledger().values())
    finally:
        store.close()
    assert states == [("rejection_response", "sent"), ("thank_you", "dismissed")]
    assert gmail_fake.count("gmail.users.drafts.create") == 2
