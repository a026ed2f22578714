"""Every mailbox scenario in `blind_scenarios/` (written without sight of the code, in the
format of `blind_scenarios/FORMAT.md`), played against a real Dovecot through the CLI.

`KNOWN_FAILURES` lists the scenarios that still fail for a reason owned by another piece of
issue 12 / 13 work (the judge's kinds and dates, the drafts' language and names), each with
that reason. They are strict expected failures: the day one passes, pytest reports it
(XPASS fails the run) and its line here must go. No check inside a scenario is weakened.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.scenario import Mailbox
from tests.e2e.yaml_scenarios import play

SCENARIOS = sorted((Path(__file__).parent / "blind_scenarios").glob("*.yaml"))

# State at the end of the session that merged issues 12-18 (first run of the 30, before any
# change for them: 16 passed); then issue 12's third round made clear mail sure and read
# the agency's, the dated-answer and the new-time families (24 of 30 pass).
# Session 5 (issue 13, the facts that reach drafts): 05, 12, 18, 19, 23, 46, 47 and 49 pass
# (the job read whole, with the qualifier after the noun, and without the stage, the gender
# marker or the candidate's name), and 14's draft passes the audit; 15 passes with the
# answer date read in the writer's own words ("du hörst bis Freitag, 22. Mai, von uns").
# Then issue 12's fourth round (a sure judgement stands only when the learned model does not
# doubt it) made 15's answer-date message unsure: the status check waits for the user's word.
KNOWN_FAILURES: dict[str, str] = {
    "15_de_du_startup_panel_pfingstmontag": "the learned model (little German mail behind "
        "it) doubts the rules' sure status update 'du hörst bis Freitag, 22. Mai, von uns' "
        "(it reads other 0.30, rejection 0.20, status_update 0.15), so the message is unsure "
        "and the status check waits for the user's word instead of being drafted",
}
# Scenarios that pass their own checks but leave a draft the draft audit (tests/conftest.py)
# finds wanting, for a reason owned elsewhere. Remove the line when the audit passes.
KNOWN_AUDIT_PROBLEMS: dict[str, str] = {}
# The second set, 31-50, written blind in session 4 in the wording real ATSs and scheduling
# tools use (signatures, quoted replies, HTML-only mail, noise in the same mailbox). First
# run, on 5e32df6 before any change for them: 9 of 20 passed. After merging issue 12's third
# round ("sure" for clear mail, the dated-answer family), 34, 39, 41, 44, 45 and 48 pass too
# (16 of 20); what is left:
KNOWN_FAILURES.update({
    "36_agency_client_interview": "the recruiter's debrief ('they still have two more "
        "candidates to see') is now read as a status update, but not sure (the reply's "
        "subject, 'Re: Interview confirmed - Lumen Health, Thursday 2pm', still argues for a "
        "set interview), so the status check waits for the user's word; since session 5 the "
        "thank-you names the client (Lumen Health) and the role (Financial Controller)",
})


def _cases() -> list[object]:
    return [pytest.param(path, id=path.stem, marks=[pytest.mark.xfail(
        strict=True, reason=KNOWN_FAILURES[path.stem])] if path.stem in KNOWN_FAILURES else
        [pytest.mark.draft_audit_exempt(KNOWN_AUDIT_PROBLEMS[path.stem])]
        if path.stem in KNOWN_AUDIT_PROBLEMS else []) for path in SCENARIOS]


@pytest.mark.dovecot
@pytest.mark.slow
@pytest.mark.parametrize("path", _cases())
def test_blind_scenario(path: Path, mailbox: Mailbox) -> None:
    problems = play(path, mailbox)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_every_known_failure_names_a_scenario() -> None:
    assert set(KNOWN_FAILURES) | set(KNOWN_AUDIT_PROBLEMS) <= {path.stem for path in SCENARIOS}
    assert len(SCENARIOS) == 75
