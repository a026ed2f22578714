"""Fixtures of the service tests: a Dovecot of their own for the tests that stop it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dovecot import DovecotServer, DovecotUnavailable


@pytest.fixture
def private_dovecot() -> Iterator[DovecotServer]:
    """A Dovecot for one test, which may stop and restart it (the session's must stay up)."""
    server = DovecotServer()
    try:
        server.start()
    except DovecotUnavailable as error:
        server.cleanup()
        pytest.fail(str(error), pytrace=False)
    yield server
    server.cleanup()
