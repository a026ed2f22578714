import os
from pathlib import Path

from tests.e2e.scenario import Mailbox
from tests.e2e.yaml_scenarios import play


def test_debug(mailbox: Mailbox) -> None:
    name = os.environ["SCEN"]
    path = next((Path(__file__).parent / "blind_scenarios").glob(name + "_*.yaml"))
    problems = play(path, mailbox)
    print("\n".join(problems))
    result = mailbox.cli("plan", "--now", os.environ.get("AT", "2026-12-01T12:00:00+00:00"))
    print(result.stdout[-6000:])
    result = mailbox.cli("review")
    print(result.stdout[-3000:])
