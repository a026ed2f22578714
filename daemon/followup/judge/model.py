"""What judgement produces: a kind, the facts, and the reasons, for one message."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

INBOUND_KINDS = (
    "application_received",
    "interview_invitation",
    "interview_scheduled",
    "interview_canceled",
    "assessment",
    "rejection",
    "offer",
    "status_update",
    "recruiter_outreach",
    "other",
)
SENT_KINDS = ("user_thank_you", "user_follow_up", "user_other")
KINDS = INBOUND_KINDS + SENT_KINDS

Direction = Literal["inbound", "sent"]


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


@dataclass(frozen=True)
class Judgement:
    """The verdict on one message."""

    kind: str
    direction: Direction
    confidence: float
    facts: Facts
    signals: tuple[Signal, ...] = field(default_factory=tuple)

    @property
    def reasons(self) -> list[str]:
        return [str(signal) for signal in self.signals]
