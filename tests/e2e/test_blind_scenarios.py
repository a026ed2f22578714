"""Every mailbox scenario in `blind_scenarios/` (written without sight of the code, in the
format of `blind_scenarios/FORMAT.md`), played against a real Dovecot through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.scenario import Mailbox
from tests.e2e.yaml_scenarios import play

SCENARIOS = sorted((Path(__file__).parent / "blind_scenarios").glob("*.yaml"))


@pytest.mark.dovecot
@pytest.mark.slow
@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_blind_scenario(path: Path, mailbox: Mailbox) -> None:
    problems = play(path, mailbox)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
