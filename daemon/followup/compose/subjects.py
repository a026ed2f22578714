"""Subject lines: one clean line, and "Re: <original>" for replies.

A reply's subject is the original subject as it is, with "Re: " in front unless it already
starts with "Re:". Nothing else is stripped or shortened: Gmail keeps a draft in its thread
only if the Subject matches the thread's (the Gmail v1 discovery document shipped with
google-api-python-client, `Message.threadId`: "The Subject headers must match"), and it is
known to discount only Re:/Fwd:-style markers. "Re: TR: Entretien" matches a thread called
"TR: Entretien"; "Re: Entretien" does not, and neither does a subject cut short (as
measured against Gmail). RFC 5322 §3.6.5 asks for one "Re: "
only, so an original that already starts with one keeps it and gets no second.
"""

from __future__ import annotations

import re

from followup.compose.text import clean_line

MAX_SUBJECT_LENGTH = 200

# Reply and forward markers that mail clients put in front of a subject, in the languages
# job mail arrives in: Re/RE (English), AW (German), SV (Nordic), Antw (Dutch), RIF (Italian),
# RES (Portuguese), Réf/Ref (French), Fwd/Fw/FW, WG (German), TR (French), RV (Spanish),
# Doorst (Dutch), optionally numbered ("Re[2]:", "Re^3:") and in full-width colon form.
# Only for a fresh subject that quotes the original (templates' `original_subject`), never
# for a reply's Subject.
_PREFIX = re.compile(
    r"^\s*(?:re|aw|sv|vs|antw|antwort|rif|res|r[ée]f|fwd?|wg|tr|rv|enc|doorst)"
    r"(?:\s*\[\d+\]|\^\d+)?\s*[:：]\s*",
    re.IGNORECASE,
)
_ALREADY_A_REPLY = re.compile(r"^re\s*:", re.IGNORECASE)


def clean_subject(subject: object) -> str:
    """One line, no control characters, at most MAX_SUBJECT_LENGTH characters (cut at a
    word boundary). For subjects followup writes itself, never for a reply's."""
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
    """'Re: ' + the original subject as it is (one line; foreign markers such as TR:, AW:,
    SV: kept; never shortened); the original itself when it starts with "Re:" already.
    "" when the original has nothing but markers (the caller then uses a fresh subject)."""
    text = clean_line(original)
    if not strip_subject_prefixes(text):
        return ""
    return text if _ALREADY_A_REPLY.match(text) else f"Re: {text}"
