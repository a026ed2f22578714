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
KNOWN_FAILURES: dict[str, str] = {}
# Session 6: 15 passes again (the model reading "other" is no doubt in the conversation
# about the interview, `classify.IN_A_HIRING_THREAD`).
# Scenarios that pass their own checks but leave a draft the draft audit (tests/conftest.py)
# finds wanting, for a reason owned elsewhere. Remove the line when the audit passes.
KNOWN_AUDIT_PROBLEMS: dict[str, str] = {}
# The second set, 31-50, written blind in session 4 in the wording real ATSs and scheduling
# tools use (signatures, quoted replies, HTML-only mail, noise in the same mailbox). First
# run, on 5e32df6 before any change for them: 9 of 20 passed. After merging issue 12's third
# round ("sure" for clear mail, the dated-answer family), 34, 39, 41, 44, 45 and 48 pass too
# (16 of 20); 36 was the last, and passes since session 7 (a recruiter chasing the client
# is a status update).

# third set, 51-75, written blind in session 6: first run 6 of 25 passed (German du/Sie,
# French tu/vous, Spanish tú/usted, agencies, panels, email-agreed times, the user's own
# follow-ups, holidays in the user's region, mail that only looks like recruiting). Before
# that figure was fixed into these lines, 63, 65, 67, 70 and 71 lost a must_not_mention of
# the gender marker ("m/w/d", "F/H", "H/F") that the employer's own subject carries and a
# "Re:" subject repeats (the scenario's mistake, found on 65); the 19 failures are listed
# below. Session 6's judge round five (the model retrained on corpus_real4 and
# corpus_real5's train half) made 69 pass; then the families of this set (dated answers in
# more frames, a first talk proposed, a time settled in a reply, a letting agent's words, a
# time-less note before a set interview, a final note due when its days have passed) made
# 54, 58, 62, 66 and 68 pass; and issue 13's work on who is thanked and what a draft says
# made 53, 55, 56, 70 and 74 pass (the people who held the interview are thanked, not who
# only organised; a length stated in the slot offer holds; "BI" is "Business
# Intelligence"; "Actuaire confirmé" is a job, "Groupe Océanis" the employer of
# oceanis-assurances.fr), and the two together 71 (18 of 25 now pass).
# Session 7: a debrief that promises an answer is a sure status update in the conversation
# (the client's answer relayed by an agency, others still to be met, an answer to come in
# de/fr/es, a person at the employer writing in a new thread): 52, 63, 65, 67 and 72 pass;
# an interview agreed by email (a talk proposed, the link for it): 64 passes; and 75 with
# Latin America's second-level domains (cafeandino.com.co) and job boards (Computrabajo).


# The fourth set, 76-95, written blind in session 7 (English from the US, Canada, the UK,
# India and Australia; German from Germany, Austria and Switzerland; French from France,
# Belgium and Québec; Spanish from Spain, Argentina and Chile; regional holidays, panels of
# three, time agreed by email or a slot picked, the user's own follow-ups, a soft rejection,
# an offer after a call, and mail that only looks like recruiting). First run, on 417811d
# before any change for them: 4 of 20 passed (78, 84, 86, 90), and 77 and 82 left drafts
# the audit finds wanting. The same session's judge and tracker families (an interview
# agreed by email: the talk proposed, the link sent for it, a person at the company a
# receipt named; answers promised in more words; the writer among the interviewers; the
# user's own follow-up in fr/de/es; a grant, a talk and the press are no job; a reply too
# short to show its language) made 76, 79, 81, 82, 85, 88 and 91 pass; issue 13's facts
# round 7 (the candidate known by the To address, a first name's bracket, the job before a
# requisition number, "X via Tool", a tool's sender name, provincial domains, "postulaste a
# X en Y") made 80, 87, 94 and 95 pass, and the two together 83, 89 and 92; a recruiter's
# tips before a set interview, and the go-between first among the contacts, 93.
# Session 7, issue 13 (facts7): 77's draft audit problem was the audit's: the job
# "Senior Business Analyst, Payments" begins with an interviewer's title, and the thread
# names it as the job.

# The fifth set, 96-125, written blind in session 8 by two writers (English from the US (IL,
# MA, HI), Scotland, Ireland, Alberta, New Zealand, Singapore, Victoria, South Africa and
# India; German from Thuringia, Berlin, Hamburg, Baden-Wuerttemberg, Vienna and Basel;
# French from Paris, Lyon, Nantes, Brussels and Geneva; Spanish from Seville, Galicia,
# Mexico and Peru; ATS + recruiter + scheduler + calendar for one job, agencies, times
# agreed by email, slots picked, interviews moved or cancelled and set again, panels, two
# roles at one company, the user's own mail in new threads, decision dates in words, mail
# that only looks like recruiting). First run, on bf78ac3 before any change for them: 16 of
# 30 passed, and 2 more (101, 112) passed their own checks but left drafts the audit finds
# wanting; 100, 104, 105, 108, 110, 111, 113, 116, 117, 118, 121 and 122 failed. The same
# session's families (a job board's receipt in four languages, a day and time asked about,
# an agency's dossier put to its client, a dotted time range, honorific dots, the trade
# short form of a domain, a cancelled interview's panel kept, the writer among the
# interviewers, the middle of a week, an answer within a period after the interview, an
# interviewer known by name who wrote himself, "Analista Sr. de ...") made all thirty pass;
# the audit learnt that a role's brackets may hold its own qualifier (101, 112) and a
# scenario's must_not_mention is matched as words (110: "Revista" is not in "entrevista").

# The sixth set, 126-155, written blind late in session 8 by two writers (English from
# Texas, Ontario, Leeds, Dublin, NSW, Wellington, Northern Ireland, Queensland, Cape Town,
# Singapore; German from the Saarland, Styria, Bern, Hesse, Lower Saxony; French from
# Luxembourg, Québec, Metz, Nantes, Lausanne; Spanish from the Basque Country, Mexico,
# Medellín, Barcelona, Montevideo and Lima). First run, on 6adf711 (the judge after the
# fifth set's families, before any change for these): 16 of 30 passed; 126, 130, 131, 132,
# 137, 138, 140, 145, 147, 149, 150, 151, 152 and 153 failed. Then: the job given to
# someone else in the writer's words (131, 140, 151), a time the user agreed to needs no
# more word (126), "votre profil a retenu toute notre attention" answers an application
# (137), "y conmigo" (138), a surname named and the Cc person who bears it (132), "te diremos
# algo como muy tarde el jueves" (153), "I'll have an update for you by" (130), an agency's
# "mein Mandant" in a process under way (149), accented capitals in company names and more
# French job words (150, 152), and the 10-day status check at 09:00 on the tenth day
# (145; README). 132, 147 and 149 no longer assert that a reply's subject lacks the gender
# marker the employer's own subject carries (as 63-71), and 132 asserts the surname of a
# Sie greeting, not "Frau": each says so in its description. All thirty pass.

# The seventh set, 156-185, written blind at the start of session 9 by two writers (English
# from California, Wales, Nova Scotia, Western Australia, Ireland, Auckland, Singapore, New
# York; German from Hamburg, Vienna, Zürich, Cologne, Salzburg, Lucerne; French from Lyon,
# Brussels, Québec, Bordeaux, Liège, Montréal; Spanish from Chile, Madrid, Zaragoza,
# Guadalajara, Bogotá). First run, on f13e8a1 (session 9's start, before any change for
# them) and again on the judge after the opened halves' families (no change between the
# two): 10 of 30 passed; 157-160, 162, 164-172, 175, 176 and 178-181 failed. Then, as
# families with unit tests (tests/unit/test_judge_families_round9.py and
# test_draft_facts_round9.py): the organiser who says "und ich", lists "- moi-même" or, as
# no coordinator, says they will talk with the user holds the interview (164, 166, 167); a
# name, then a title between commas, then the wish to meet (159); an agency's client after
# a dash, after "Es handelt sich um", "nuestro cliente es" (157, 172, 176); the academic
# title the text gives a guest reaches the greeting, and only a person's mail sets the
# English register (162, 178); the end of a named month and "ce jour-là" as decision dates
# (165, 180); French, Swiss, Québec and Latin American formulas for a new time, a slot
# list, an answer by a date, a receipt, an offer (160, 167-169, 171, 175, 176); a street
# named after a doctor, a housing employer's tenant committee and a booking tool's cancel
# link are no look-alikes (170, 171, 178); volunteering in Belgian French is no job (180);
# trackers refline.ch and tal.net (165, 178). All thirty pass.


def _cases(low: int, high: int) -> list[object]:
    return [pytest.param(path, id=path.stem, marks=[pytest.mark.xfail(
        strict=True, reason=KNOWN_FAILURES[path.stem])] if path.stem in KNOWN_FAILURES else
        [pytest.mark.draft_audit_exempt(KNOWN_AUDIT_PROBLEMS[path.stem])]
        if path.stem in KNOWN_AUDIT_PROBLEMS else []) for path in SCENARIOS
        if low <= int(path.stem.split("_", 1)[0]) <= high]


@pytest.mark.dovecot
@pytest.mark.slow
class _BlindScenarios:
    """The scenarios numbered `low` to `high`. Ten to a class: `scripts/test` hands each
    class to one of its workers (pytest-xdist --dist loadscope), so the plays spread."""

    low = high = 0

    def test_blind_scenario(self, path: Path, mailbox: Mailbox) -> None:
        problems = play(path, mailbox)
        assert not problems, f"{path.name}:\n" + "\n".join(problems)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.cls is not None and issubclass(metafunc.cls, _BlindScenarios):
        metafunc.parametrize("path", _cases(metafunc.cls.low, metafunc.cls.high))


# TestScenarios01To10 ... TestScenarios181To190: one class per ten numbers.
for _low in range(1, 190, 10):
    _name = f"TestScenarios{_low:02d}To{_low + 9:02d}"
    globals()[_name] = type(_name, (_BlindScenarios,), {"low": _low, "high": _low + 9})


def test_every_known_failure_names_a_scenario() -> None:
    assert set(KNOWN_FAILURES) | set(KNOWN_AUDIT_PROBLEMS) <= {path.stem for path in SCENARIOS}
    assert len(SCENARIOS) == 185
    # every scenario is played by exactly one class
    played = [path for cls in _BlindScenarios.__subclasses__()
              for path in SCENARIOS if cls.low <= int(path.stem.split("_", 1)[0]) <= cls.high]
    assert sorted(played) == SCENARIOS
