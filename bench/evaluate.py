"""Scoring the judge against a labelled corpus (tests/corpus/README.md gives the format).

Used by `bench/judge.py` (figures and speed) and by the accuracy-floor test
(tests/unit/test_judge_corpus.py). It lives here, not in the package: followup itself
never scores its own judgement.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from followup.judge.classify import judge_message
from followup.judge.model import INBOUND_KINDS, SENT_KINDS, Judgement
from followup.mail.parse import parse_message

CORPUS_USER = ("sam.rivera@example.org", "sam@rivera.dev")
CORPUS_USER_ZONE = ZoneInfo("America/New_York")  # Sam's zone (tests/corpus/README.md)
FACTS = ("company", "role", "interview_start", "interview_end", "interviewers", "contact",
         "decision_by", "language")
_LEGAL = re.compile(r"\b(?:inc|llc|ltd|gmbh|ag|sa|sas|sarl|bv|plc|corp|co|limited|sl|se|"
                    r"group|holdings?)\b")


@dataclass
class Case:
    name: str
    raw: bytes
    expected: dict[str, Any]


@dataclass
class Outcome:
    case: Case
    judgement: Judgement | None
    error: str | None = None

    @property
    def kind(self) -> str:
        return self.judgement.kind if self.judgement else "error"


@dataclass
class Score:
    total: int = 0
    correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    facts_all: dict[str, list[int]] = field(default_factory=dict)  # fact -> [right, total]
    facts_present: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def per_kind(self) -> dict[str, tuple[float, float, float, int]]:
        """kind -> (precision, recall, F1, support)."""
        result = {}
        for kind in (*INBOUND_KINDS, *SENT_KINDS):
            tp = self.confusion[(kind, kind)]
            predicted = sum(n for (_, got), n in self.confusion.items() if got == kind)
            support = sum(n for (want, _), n in self.confusion.items() if want == kind)
            if not predicted and not support:
                continue
            precision = tp / predicted if predicted else 1.0
            recall = tp / support if support else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result[kind] = (precision, recall, f1, support)
        return result

    def fact_accuracy(self, fact: str, *, present_only: bool = False) -> float:
        right, total = (self.facts_present if present_only else self.facts_all).get(fact,
                                                                                      [0, 0])
        return right / total if total else 1.0


def load_corpus(root: Path) -> list[Case]:
    cases = []
    for eml in sorted(root.rglob("*.eml")):
        label = eml.with_suffix(".json")
        if label.exists():
            cases.append(Case(str(eml.relative_to(root)), eml.read_bytes(),
                              json.loads(label.read_text(encoding="utf-8"))))
    return cases


def judge_case(case: Case, me: Sequence[str] = CORPUS_USER, *,
               second_opinion: bool = True) -> Outcome:
    """The judgement of one labelled message; `second_opinion=False` leaves out the learned
    model (judge/learned.py), for measuring the rules alone."""
    try:
        return Outcome(case, judge_message(parse_message(case.raw), me,
                                             user_tz=CORPUS_USER_ZONE,
                                             second_opinion=second_opinion))
    except Exception as error:  # noqa: BLE001 - a crash is scored as a miss, not a stop
        return Outcome(case, None, f"{error.__class__.__name__}: {error}")


def score(outcomes: Sequence[Outcome]) -> Score:
    result = Score()
    for outcome in outcomes:
        expected = outcome.case.expected
        result.total += 1
        result.confusion[(expected["kind"], outcome.kind)] += 1
        if outcome.kind == expected["kind"]:
            result.correct += 1
        else:
            result.misses.append(f"{outcome.case.name}: expected {expected['kind']}, got "
                                 f"{outcome.kind}")
        if outcome.judgement is None:
            continue
        for fact in FACTS:
            want = expected.get(fact)
            got = _got(outcome.judgement, fact)
            ok = fact_matches(fact, want, got)
            tally = result.facts_all.setdefault(fact, [0, 0])
            tally[0] += ok
            tally[1] += 1
            if want not in (None, []):
                present = result.facts_present.setdefault(fact, [0, 0])
                present[0] += ok
                present[1] += 1
            if not ok:
                result.misses.append(f"{outcome.case.name}: {fact} expected {want!r}, got "
                                     f"{got!r}")
    return result


def _got(judgement: Judgement, fact: str) -> Any:
    value = getattr(judgement.facts, fact)
    if fact == "interviewers":
        return [{"name": p.name, "email": p.email or None} for p in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if value is not None and fact == "decision_by":
        return value.isoformat()
    return value


def normalise_name(value: str) -> str:
    value = re.sub(r"[^\w\s]", " ", value.casefold())
    return " ".join(_LEGAL.sub(" ", value).split())


def fact_matches(fact: str, want: Any, got: Any) -> bool:
    if want in (None, []) or got in (None, []):
        return want in (None, []) and got in (None, [])
    if fact == "company":
        return normalise_name(want) == normalise_name(got)
    if fact == "role":
        wanted, have = normalise_name(want).split(), normalise_name(got).split()
        return all(word in have for word in wanted) or all(word in wanted for word in have)
    if fact in ("interview_start", "interview_end"):
        return datetime.fromisoformat(want) == datetime.fromisoformat(got)
    if fact == "interviewers":
        def keys(people: list[dict[str, Any]]) -> set[str]:
            return {(p.get("email") or p.get("name") or "").lower() for p in people}
        return keys(want) == keys(got)
    if fact == "contact":
        return str(want).lower() == str(got).lower()
    return bool(want == got)


def timed_run(cases: Sequence[Case]) -> dict[str, Any]:
    """Parse-only, classify-only and end-to-end rates, and the slowest 1% of messages."""
    parsed = []
    started = time.perf_counter()
    for case in cases:
        try:
            parsed.append((case, parse_message(case.raw)))
        except Exception:  # noqa: BLE001
            continue
    parse_seconds = time.perf_counter() - started
    durations = []
    started = time.perf_counter()
    for case, message in parsed:
        one = time.perf_counter()
        judge_message(message, CORPUS_USER, user_tz=CORPUS_USER_ZONE)
        durations.append((time.perf_counter() - one, case.name))
    classify_seconds = time.perf_counter() - started
    durations.sort(reverse=True)
    slowest = durations[:max(1, len(durations) // 100)]
    total = parse_seconds + classify_seconds
    return {
        "messages": len(parsed),
        "parse_per_second": len(parsed) / parse_seconds if parse_seconds else 0.0,
        "classify_per_second": len(parsed) / classify_seconds if classify_seconds else 0.0,
        "end_to_end_per_second": len(parsed) / total if total else 0.0,
        "slowest": [(name, seconds) for seconds, name in slowest],
    }
