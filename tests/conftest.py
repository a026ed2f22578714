"""Shared fixtures. The Dovecot ones: one real server per session, a fresh user per test.

A missing Dovecot fails every test that needs it, loudly, with the command that installs it:
these tests are never skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dovecot import DovecotServer, DovecotUnavailable, DovecotUser


def _started(server: DovecotServer) -> DovecotServer:
    try:
        server.start()
    except DovecotUnavailable as error:
        problem = str(error)
    else:
        return server
    server.cleanup()
    pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """The session's Dovecot: special-use Drafts, Sent, Trash, Junk for every user."""
    server = _started(DovecotServer())
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def bare_dovecot_server() -> Iterator[DovecotServer]:
    """A second Dovecot whose users have no folder but INBOX (no special-use folders)."""
    server = _started(DovecotServer(special_folders=False))
    yield server
    server.cleanup()


@pytest.fixture
def dovecot_user(dovecot_server: DovecotServer) -> DovecotUser:
    """A fresh user of the session's Dovecot, with an empty mailbox."""
    return dovecot_server.add_user()
