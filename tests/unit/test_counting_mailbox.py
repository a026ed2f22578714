"""The daemon's progress wrapper (`service.progress.CountingMailbox`) is the mailbox it wraps
in every respect but the counting: each method of the interface goes through, so `followup
run` on a terminal keeps the draft ledger's shortcuts ("Drafts unchanged") and push."""

from __future__ import annotations

from datetime import UTC, date, datetime

from followup.backends.base import Mailbox
from followup.service.progress import CountingMailbox
from memory_mailbox import MemoryMailbox, MemoryServer


class Quiet:
    def begin(self, reason: str) -> None: ...
    def examined(self, account: str, count: int) -> None: ...
    def judged(self, account: str, done: int, total: int) -> None: ...
    def end(self) -> None: ...


def test_every_method_of_the_interface_is_passed_through() -> None:
    interface = {name for name in vars(Mailbox) if not name.startswith("_")} - {"name"}
    missing = {name for name in interface if name not in vars(CountingMailbox)}
    assert not missing, f"CountingMailbox falls back to Mailbox's defaults for {missing}"


def test_the_ledger_questions_get_the_wrapped_backends_answers() -> None:
    server = MemoryServer()
    inner = MemoryMailbox(server)
    wrapped = CountingMailbox(inner, Quiet())
    token = wrapped.drafts_token()
    assert token is not None and token == inner.drafts_token()
    mark = wrapped.append_mark()
    assert mark is not None and mark == inner.append_mark()
    draft_id = wrapped.append_draft(b"Message-ID: <a@x>\r\nSubject: hi\r\n\r\nhi\r\n",
                                    "<a@x>", datetime.now(UTC))
    assert wrapped.drafts_token_after(token, 1) == inner.drafts_token()
    assert wrapped.removed_since(mark) is False
    assert wrapped.draft_fingerprint(draft_id) == inner.draft_fingerprint(draft_id)
    assert wrapped.existing_drafts(["<a@x>"]) == {"<a@x>": draft_id}
    assert wrapped.supports_push is inner.supports_push
    assert wrapped.fetch_new("inbox", None, date(2000, 1, 1)).messages == []
