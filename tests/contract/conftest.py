"""Fixtures of the contract suite for the Gmail API backend: a fresh fake per test, and an
audit that no test session ever saw the backend call a Gmail method outside its allow-list.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import gmail_fake as fake_module
from followup.backends.gmail import ALLOWED
from gmail_fake import GmailFake

NOT_GMAIL_METHODS = {"batch", "oauth2.token"}


def outside_allow_list(records: list[fake_module.RequestRecord]) -> set[str]:
    """Method ids (and unknown routes) the backend must never have called."""
    return {record.method_id for record in records} - ALLOWED - NOT_GMAIL_METHODS


@pytest.fixture
def gmail_fake_server() -> Iterator[GmailFake]:
    """A fresh Gmail fake on a loopback port; after the test, its log is audited."""
    with GmailFake() as fake:
        yield fake
    forbidden = outside_allow_list(fake.requests)
    assert not forbidden, f"the Gmail backend called {sorted(forbidden)}"


@pytest.fixture
def gmail_fake(gmail_fake_server: GmailFake) -> GmailFake:
    return gmail_fake_server


@pytest.fixture(scope="session", autouse=True)
def gmail_allow_list_audit() -> Iterator[None]:
    """Walks every request any Gmail fake answered during the session, at its end."""
    yield
    forbidden = outside_allow_list(fake_module.ALL_REQUESTS)
    assert not forbidden, f"during this session the Gmail backend called {sorted(forbidden)}"
