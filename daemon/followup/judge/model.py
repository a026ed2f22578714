"""What judgement produces: a kind, the facts, and the reasons, for one message."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from followup.judge.kinds import INBOUND_KINDS, KINDS, SENT_KINDS  # noqa: F401 - their home

Direction = Literal["inbound", "sent"]

# A judgement at or above this confidence is "sure": a draft may be built on it. Below it,
# a draft that depends on the message waits for the user's word (`followup review`, `app
# correct`). Calibrated by source-split cross-validation on the corpora (bench/calibrate.py):
# sure judgements must be right at least 98% of the time on mail the judge was not tuned on.
# The rules alone did not hold that on new sources (older rules on real mail they had not
# seen: 92.6%), so a sure judgement also needs the learned model not to doubt it
# (classify.with_second_opinion; grouped CV by source in bench/cv_judge.py: 98.6%).
SURE_THRESHOLD = 0.92


@dataclass(frozen=True)
class Person:
    """A human taking part: display name and address, either may be empty."""

    name: str
    email: str


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: what fired, for which kind, and how much it weighed."""

    name: str
    kind: str
    weight: float

    def __str__(self) -> str:
        sign = "+" if self.weight >= 0 else ""
        return f"{self.name} -> {self.kind} ({sign}{self.weight:.1f})"


@dataclass(frozen=True)
class Facts:
    """Facts read from one message (what `followup classify` shows). None / empty where unknown."""

    company: str | None = None
    role: str | None = None
    interview_start: datetime | None = None
    interview_end: datetime | None = None
    interviewers: tuple[Person, ...] = ()
    contact: str | None = None
    decision_by: date | None = None
    language: str = "en"
    # False when the text is too short to show its language (`language` is then a default):
    # such a message does not choose the language of a reply.
    language_shown: bool = True
    # How the writer addresses the user: "formal" (Sie, vous, usted, "Dear Ms. Rivera"),
    # "informal" (du, tu, tú, "Hi Sam") or "" when the message does not show it.
    register: str = ""
    # The interview this message arranges: first_call | technical | panel | final | "".
    interview_kind: str = ""
    # People's titles as the message gives them ("Lydia Chen, Head of Quant Engineering",
    # a signature's title line): (name, title) pairs. None of them is the job.
    people_titles: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Judgement:
    """The verdict on one message."""

    kind: str
    direction: Direction
    confidence: float
    facts: Facts
    signals: tuple[Signal, ...] = field(default_factory=tuple)
    # Unsure, and worth the user's word: any unsure recruiting kind, or `other` where
    # something pointed at recruiting mail (it may be a rejection or an offer missed).
    # `followup review` lists these; an unsure newsletter is not worth asking about.
    for_review: bool = False

    @property
    def sure(self) -> bool:
        """True when a draft may be built on this judgement without asking the user."""
        return self.confidence >= SURE_THRESHOLD

    @property
    def reasons(self) -> list[str]:
        return [str(signal) for signal in self.signals]
