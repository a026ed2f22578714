"""A scenario mailbox per test: a fresh Dovecot user and a config pointing at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.scenario import Mailbox


@pytest.fixture
def mailbox(dovecot_server, dovecot_user, tmp_path: Path) -> Mailbox:  # type: ignore[no-untyped-def]
    box = Mailbox(dovecot_server, dovecot_user, tmp_path)
    box.write_config()
    return box
