"""Issue 13's tracking half, end to end: the scenarios in `tracking_scenarios/` (one
application per job, the user's own mail wherever it is, real public holidays, interviews
agreed by email), played through the CLI against a real Dovecot like the blind ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.scenario import Mailbox
from tests.e2e.yaml_scenarios import play

SCENARIOS = sorted((Path(__file__).parent / "tracking_scenarios").glob("*.yaml"))


@pytest.mark.dovecot
@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_tracking_scenario(path: Path, mailbox: Mailbox) -> None:
    problems = play(path, mailbox)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
