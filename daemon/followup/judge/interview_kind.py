"""What kind of interview a message arranges: a first call, a technical one, a panel, the
final round; "" when it does not say. A thank-you uses it to be about *this* interview.

The latest stage named wins ("a final panel" is final): a later round says more about the
conversation than its format does.
"""

from __future__ import annotations

import re
from typing import Literal

InterviewKind = Literal["first_call", "technical", "panel", "final", ""]

_KINDS: tuple[tuple[InterviewKind, re.Pattern[str]], ...] = (
    ("final", re.compile(
        r"\bfinal(?:[- ]round| interview| stage| conversation| panel| call)?\b|\blast round\b|"
        r"\bletzte[n]? (?:runde|gespräch)|\babschließende[ns]? gespräch|finales? gespräch|"
        r"\bentretien final\b|\bdernier entretien\b|\bentrevista final\b|\bronda final\b|"
        r"\búltima (?:ronda|entrevista)\b", re.IGNORECASE)),
    ("panel", re.compile(
        r"\bpanel\b|\bon-?site\b|\binterview loop\b|\bsuper ?day\b|\bpanelgespräch|"
        r"\bentretien collectif\b|\bentrevista (?:en )?panel\b", re.IGNORECASE)),
    ("technical", re.compile(
        r"\btechnical\b|\btech (?:interview|screen)|\bcoding\b|\bsystem design\b|"
        r"\bpair(?:ing| programming)\b|\blive[- ]coding\b|\bfachgespräch|\btechnische[sn]? "
        r"(?:gespräch|interview)|\bentretien technique\b|\bentrevista técnica\b",
        re.IGNORECASE)),
    ("first_call", re.compile(
        r"\bphone screen|\bscreening call\b|\bintro(?:ductory)? (?:call|chat)\b|"
        r"\bfirst (?:call|chat|conversation|interview|round)\b|\brecruiter (?:call|screen)\b|"
        r"\berstes? (?:gespräch|telefonat|kennenlernen)|\bkennenlern|\bpremier (?:échange|"
        r"entretien)\b|\bprimera (?:entrevista|llamada)\b", re.IGNORECASE)),
)


def detect_interview_kind(subject: str, text: str) -> InterviewKind:
    """The kind of interview the subject, else the text, names."""
    for source in (subject, text[:3000]):
        for kind, pattern in _KINDS:
            if pattern.search(source):
                return kind
    return ""
