"""IMAP-only behaviour against the real Dovecot: TLS, login, folders, round trips, retries.

The backend-independent behaviour is in test_mailbox_contract.py.
"""

from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from dovecot import DovecotServer, DovecotUser
from followup.backends.imap import ImapMailbox, default_client_factory
from followup.config_model import AccountConfig, FolderConfig
from followup.errors import AuthenticationError, BackendError, ConnectionLost, FolderNotFound

from .harness import PDF_BYTES, make_invitation_with_attachments, make_message, new_message_id

pytestmark = pytest.mark.dovecot
SINCE = date.today() - timedelta(days=120)


def wrapped_factory(patch: Callable[[Any], None]) -> Callable[..., Any]:
    """A client factory that lets a test reach into each new connection's imaplib object."""
    def factory(account: AccountConfig, context: ssl.SSLContext | None) -> Any:
        client = default_client_factory(account, context)
        patch(client._imap)
        return client
    return factory


# -- TLS and login ---------------------------------------------------------------------------

def test_implicit_tls_refuses_an_untrusted_certificate_with_a_clear_error(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    account = dovecot_server.account_for(dovecot_user, tls="implicit")
    with pytest.raises(BackendError) as raised:
        ImapMailbox(account, dovecot_user.password).open()
    assert not isinstance(raised.value, ConnectionLost)
    assert "could not be verified" in str(raised.value) and "ca_file" in str(raised.value)


def test_implicit_tls_with_ca_file(dovecot_server: DovecotServer,
                                   dovecot_user: DovecotUser) -> None:
    account = dovecot_server.account_for(dovecot_user, tls="implicit",
                                         ca_file=dovecot_server.cert_file)
    with ImapMailbox(account, dovecot_user.password) as mailbox:
        assert mailbox.folder_names() == {"inbox": "INBOX", "sent": "Sent", "drafts": "Drafts"}


def test_starttls(dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    account = dovecot_server.account_for(dovecot_user, tls="starttls",
                                         ca_file=dovecot_server.cert_file)
    with ImapMailbox(account, dovecot_user.password) as mailbox:
        assert mailbox.fetch_new("inbox", None, SINCE).messages == []
    untrusted = dovecot_server.account_for(dovecot_user, tls="starttls")
    with pytest.raises(BackendError, match="ca_file"):
        ImapMailbox(untrusted, dovecot_user.password).open()


def test_tls_none_is_for_loopback_only(dovecot_user: DovecotUser,
                                       dovecot_server: DovecotServer) -> None:
    account = dovecot_server.account_for(dovecot_user, host="imap.example.org")
    with pytest.raises(BackendError, match="loopback"):
        ImapMailbox(account, dovecot_user.password).open()


def test_bad_password_is_an_authentication_error_saying_what_to_check(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    account = dovecot_server.account_for(dovecot_user)
    with pytest.raises(AuthenticationError) as raised:
        ImapMailbox(account, "wrong-password-123").open()
    message = str(raised.value)
    assert "127.0.0.1 refused the login for user " + dovecot_user.name in message
    assert "password_file" in message and "wrong-password-123" not in message


def test_xoauth2(dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    # This Dovecot checks an XOAUTH2 token like a password: the password is the token.
    account = dovecot_server.account_for(dovecot_user, auth="xoauth2")
    with ImapMailbox(account, dovecot_user.password) as mailbox:
        assert mailbox.folder_names()["drafts"] == "Drafts"
    with pytest.raises(AuthenticationError, match="OAuth2 token"):
        ImapMailbox(account, "expired-token").open()


def test_unreachable_server_is_a_lost_connection(dovecot_server: DovecotServer,
                                                 dovecot_user: DovecotUser) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    account = dovecot_server.account_for(dovecot_user, port=port)
    with pytest.raises(ConnectionLost):
        ImapMailbox(account, dovecot_user.password).open()


# -- folders ---------------------------------------------------------------------------------

def test_override_wins_over_the_special_use_attribute(dovecot_server: DovecotServer,
                                                      dovecot_user: DovecotUser) -> None:
    with dovecot_server.connect(dovecot_user) as admin:
        admin.create_folder("Entwürfe")
    account = dovecot_server.account_for(dovecot_user, folders=FolderConfig(drafts="Entwürfe"))
    message_id = new_message_id()
    with ImapMailbox(account, dovecot_user.password) as mailbox:
        assert mailbox.folder_names()["drafts"] == "Entwürfe"
        mailbox.append_draft(make_message("x", message_id=message_id), message_id,
                             datetime.now(UTC))
    assert len(dovecot_server.read_folder(dovecot_user, "Entwürfe")) == 1
    assert dovecot_server.read_folder(dovecot_user, "Drafts") == []
    missing = dovecot_server.account_for(dovecot_user, folders=FolderConfig(sent="Nope"))
    with ImapMailbox(missing, dovecot_user.password) as mailbox, pytest.raises(
            FolderNotFound, match="'Nope'"):
        mailbox.folder_names()


def test_no_drafts_folder_is_an_error_never_inbox(bare_dovecot_server: DovecotServer) -> None:
    user = bare_dovecot_server.add_user()
    account = bare_dovecot_server.account_for(user)
    with ImapMailbox(account, user.password) as mailbox:
        with pytest.raises(FolderNotFound) as raised:
            mailbox.folder_names()
        assert "Drafts" in str(raised.value) and "Entwürfe" in str(raised.value)
        with pytest.raises(FolderNotFound):
            mailbox.append_draft(b"Subject: x\r\n\r\nx\r\n", "<x@y>", datetime.now(UTC))
    assert bare_dovecot_server.status(user, "INBOX")["MESSAGES"] == 0


def test_localised_folders_are_found_by_name(bare_dovecot_server: DovecotServer) -> None:
    user = bare_dovecot_server.add_user()
    with bare_dovecot_server.connect(user) as admin:
        admin.create_folder("Entwürfe")
        admin.create_folder("Gesendete Elemente")
    with ImapMailbox(bare_dovecot_server.account_for(user), user.password) as mailbox:
        assert mailbox.folder_names() == {"inbox": "INBOX", "sent": "Gesendete Elemente",
                                          "drafts": "Entwürfe"}


# -- round trips and bytes -------------------------------------------------------------------

def test_a_poll_with_nothing_new_is_one_command(dovecot_server: DovecotServer,
                                                dovecot_user: DovecotUser) -> None:
    dovecot_server.deliver(dovecot_user, make_message("hello"))
    with ImapMailbox(dovecot_server.account_for(dovecot_user), dovecot_user.password) as mailbox:
        cursor = mailbox.fetch_new("inbox", None, SINCE).cursor
    assert cursor["highestmodseq"] and cursor["uidnext"] == 2
    commands: list[str] = []

    def count(imap: Any) -> None:
        original = imap._new_tag

        def counted() -> Any:
            commands.append("command")
            return original()

        imap._new_tag = counted

    account = dovecot_server.account_for(dovecot_user)
    with ImapMailbox(account, dovecot_user.password,
                     client_factory=wrapped_factory(count)) as mailbox:
        commands.clear()  # after login
        result = mailbox.fetch_new("inbox", cursor, SINCE)
        assert result.messages == [] and result.stats["searched"] == 0
        assert len(commands) == 1  # STATUS INBOX (UIDNEXT UIDVALIDITY): no LIST, no EXAMINE
        dovecot_server.deliver(dovecot_user, make_message("more"))
        assert len(mailbox.fetch_new("inbox", result.cursor, SINCE).messages) == 1


def test_attachment_bytes_never_cross_the_wire(dovecot_server: DovecotServer,
                                               dovecot_user: DovecotUser) -> None:
    dovecot_server.deliver(dovecot_user, make_invitation_with_attachments(new_message_id()))
    received = [0]

    def meter(imap: Any) -> None:
        read, readline = imap.read, imap.readline

        def counted_read(size: int) -> bytes:
            data: bytes = read(size)
            received[0] += len(data)
            return data

        def counted_readline() -> bytes:
            data: bytes = readline()
            received[0] += len(data)
            return data

        imap.read, imap.readline = counted_read, counted_readline

    account = dovecot_server.account_for(dovecot_user)
    with ImapMailbox(account, dovecot_user.password,
                     client_factory=wrapped_factory(meter)) as mailbox:
        result = mailbox.fetch_new("inbox", None, SINCE)
    assert result.stats["partial"] == 1
    assert received[0] < len(PDF_BYTES) / 4, received[0]


# -- dropped connections ---------------------------------------------------------------------

@pytest.mark.parametrize("stored_before_the_drop", [True, False])
def test_append_retry_after_a_dropped_connection_makes_no_duplicate(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser,
        stored_before_the_drop: bool) -> None:
    dropped: list[bool] = []

    def drop_on_first_append(imap: Any) -> None:
        command, complete = imap._command, imap._command_complete

        def send(name: str, *args: Any) -> Any:
            if name == "APPEND" and not dropped and not stored_before_the_drop:
                dropped.append(True)
                imap.shutdown()
                raise imaplib.IMAP4.abort("socket error: connection reset")
            return command(name, *args)

        def finish(name: str, tag: Any) -> Any:
            if name == "APPEND" and not dropped:
                dropped.append(True)
                complete(name, tag)  # the server stored it; its OK never reaches us
                imap.shutdown()
                raise imaplib.IMAP4.abort("socket error: EOF")
            return complete(name, tag)

        imap._command, imap._command_complete = send, finish

    sleeps: list[float] = []
    message_id = new_message_id()
    account = dovecot_server.account_for(dovecot_user)
    with ImapMailbox(account, dovecot_user.password, sleep=sleeps.append, jitter=lambda: 0.0,
                     client_factory=wrapped_factory(drop_on_first_append)) as mailbox:
        draft_id = mailbox.append_draft(make_message("Re: hi", message_id=message_id),
                                        message_id, datetime.now(UTC))
    drafts = dovecot_server.read_folder(dovecot_user, "Drafts")
    assert len(drafts) == 1 and message_id.encode() in drafts[0]["raw"]
    assert draft_id.endswith(f":{drafts[0]['uid']}")
    assert dropped == [True] and sleeps == [0.5]


def test_reads_reconnect_with_backoff_and_give_up_in_the_end(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser) -> None:
    dovecot_server.deliver(dovecot_user, make_message("hello"))
    drops = [1]

    def drop_fetches(imap: Any) -> None:
        complete = imap._command_complete

        def finish(name: str, tag: Any) -> Any:
            if name == "FETCH" and drops[0] > 0:
                drops[0] -= 1
                imap.shutdown()
                raise imaplib.IMAP4.abort("socket error: EOF")
            return complete(name, tag)

        imap._command_complete = finish

    sleeps: list[float] = []
    account = dovecot_server.account_for(dovecot_user)
    mailbox = ImapMailbox(account, dovecot_user.password, sleep=sleeps.append,
                          jitter=lambda: 1.0, client_factory=wrapped_factory(drop_fetches))
    with mailbox:
        assert len(list(mailbox.fetch_new("inbox", None, SINCE).messages)) == 1
        assert sleeps == [1.0]
        drops[0] = 100
        with pytest.raises(ConnectionLost):
            list(mailbox.fetch_new("inbox", None, SINCE).messages)
    assert sleeps == [1.0, 1.0, 2.0, 4.0]


def test_drafts_state_changes_with_every_change_to_drafts(dovecot_server: DovecotServer,
                                                          dovecot_user: DovecotUser) -> None:
    account = dovecot_server.account_for(dovecot_user)
    with ImapMailbox(account, dovecot_user.password) as mailbox:
        empty = mailbox.drafts_state()
        assert empty is not None and empty["folder"] == "Drafts"
        assert mailbox.drafts_state("Drafts") == empty
        message_id = new_message_id()
        draft_id = mailbox.append_draft(make_message("Re: hi", message_id=message_id),
                                        message_id, datetime.now(UTC))
        one = mailbox.drafts_state("Drafts")
        assert one != empty and one == mailbox.drafts_state()
    uid = int(draft_id.rpartition(":")[2])
    with dovecot_server.connect(dovecot_user) as client:  # the user's mail client
        client.select_folder("Drafts")
        client.add_flags([uid], [b"\\Flagged"])
    with ImapMailbox(account, dovecot_user.password) as mailbox:
        flagged = mailbox.drafts_state("Drafts")
        assert flagged != one  # HIGHESTMODSEQ moved
        dovecot_server.delete_message(dovecot_user, "Drafts", uid)
        gone = mailbox.drafts_state("Drafts")
        assert gone != flagged and gone["status"]["MESSAGES"] == 0


def test_a_connection_lost_between_chunks_resumes_where_it_was(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import followup.backends.imap as imap_module
    monkeypatch.setattr(imap_module, "FETCH_CHUNK", 2)
    for number in range(5):
        dovecot_server.deliver(dovecot_user, make_message(f"interview {number}"))
    fetches = [0]

    def drop_the_fourth_fetch(imap: Any) -> None:
        complete = imap._command_complete

        def finish(name: str, tag: Any) -> Any:
            if name == "FETCH":
                fetches[0] += 1
                if fetches[0] == 4:  # the second chunk's summaries (after 1 + 2 + 3: chunk one)
                    imap.shutdown()
                    raise imaplib.IMAP4.abort("socket error: EOF")
            return complete(name, tag)

        imap._command_complete = finish

    sleeps: list[float] = []
    asked: list[int] = []
    account = dovecot_server.account_for(dovecot_user)
    with ImapMailbox(account, dovecot_user.password, sleep=sleeps.append, jitter=lambda: 1.0,
                     client_factory=wrapped_factory(drop_the_fourth_fetch)) as mailbox:
        result = mailbox.fetch_new("inbox", None, SINCE,
                                   want_body=lambda summary: asked.append(int(summary.uid)) or True)
        assert len(result.messages) == 5
        got = []
        for fetched in result.messages:
            got.append(int(fetched.summary.uid))
            assert fetched.raw is not None
            if got == [1]:
                assert asked == [1, 2]  # the next chunk is not asked about yet
    assert got == [1, 2, 3, 4, 5] and asked == [1, 2, 3, 4, 5]
    assert sleeps == [1.0] and result.stats["bodies"] == 5


def test_a_folder_recreated_during_a_scan_is_an_error_not_a_mix(
        dovecot_server: DovecotServer, dovecot_user: DovecotUser,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import followup.backends.imap as imap_module
    monkeypatch.setattr(imap_module, "FETCH_CHUNK", 2)
    for number in range(4):
        dovecot_server.deliver(dovecot_user, make_message(f"interview {number}"))
    connections = [0]

    def count(imap: Any) -> None:
        connections[0] += 1

    account = dovecot_server.account_for(dovecot_user)
    with ImapMailbox(account, dovecot_user.password, sleep=lambda seconds: None,
                     client_factory=wrapped_factory(count)) as mailbox:
        messages = iter(mailbox.fetch_new("inbox", None, SINCE).messages)
        assert [next(messages).summary.uid, next(messages).summary.uid] == ["1", "2"]
        dovecot_server.recreate_folder(dovecot_user, "INBOX")
        mailbox._client._imap.shutdown()  # the connection drops: the next chunk reconnects
        with pytest.raises(BackendError, match="recreated during the scan"):
            next(messages)
    assert connections[0] == 2
