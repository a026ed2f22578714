"""Subject lines: one clean line, and "Re: <original>" for replies without stacked prefixes."""

from __future__ import annotations

import re

from followup.compose.text import clean_line

MAX_SUBJECT_LENGTH = 200

# Reply and forward markers that mail clients put in front of a subject, in the languages
# job mail arrives in: Re/RE (English), AW (German), SV (Nordic), Antw (Dutch), RIF (Italian),
# RES (Portuguese), Réf/Ref (French), Fwd/Fw/FW, WG (German), TR (French), RV (Spanish),
# Doorst (Dutch), optionally numbered ("Re[2]:", "Re^3:") and in full-width colon form.
_PREFIX = re.compile(
    r"^\s*(?:re|aw|sv|vs|antw|antwort|rif|res|r[ée]f|fwd?|wg|tr|rv|enc|doorst)"
    r"(?:\s*\[\d+\]|\^\d+)?\s*[:：]\s*",
    re.IGNORECASE,
)


def clean_subject(subject: object) -> str:
    """One line, no control characters, at most MAX_SUBJECT_LENGTH characters (cut at a
    word boundary)."""
    text = clean_line(subject)
    if len(text) <= MAX_SUBJECT_LENGTH:
        return text
    cut = text[:MAX_SUBJECT_LENGTH]
    if " " in cut[MAX_SUBJECT_LENGTH // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–")


def strip_subject_prefixes(subject: str) -> str:
    """'RE: AW: Fwd: Interview' → 'Interview'. Only leading markers go; the rest stays."""
    text = subject
    while True:
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            return text.strip()
        text = stripped


def reply_subject(original: object) -> str:
    """'Re: ' + the original subject without its reply/forward markers; "" when nothing is
    left (the caller then uses a fresh subject)."""
    base = strip_subject_prefixes(clean_subject(original))
    return clean_subject(f"Re: {base}") if base else ""
