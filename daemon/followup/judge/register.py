"""How formally a thread is written: the register a reply should keep (SPEC.md §6).

German Sie / du, French vous / tu, Spanish usted / tú, and in English a "Dear Ms. Rivera"
against a "Hi Sam". The employer chooses the register; a reply answers in kind. Counted on
the message's new text (quoted mail is left out by the caller): pronouns and greetings
that are unambiguous, so "Sie" at a sentence start (also "she") is weighed by its company.
"""

from __future__ import annotations

import re
from typing import Literal

Register = Literal["formal", "informal", ""]

_MARKERS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # Capitalised Sie/Ihnen/Ihr mid-sentence is the polite form; du/dich/dir/dein are not.
    "de": (re.compile(r"(?<=[a-zäöüß,] )(?:Sie|Ihnen|Ihre[mnrs]?|Ihr)\b|Sehr geehrte"),
           re.compile(r"\b(?:[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein(?:e[mnrs]?)?|[Ee]uch|[Ee]ure?)\b|"
                      r"^(?:Hallo|Hi|Hey|Liebe[rs]?) [A-ZÄÖÜ][a-zäöüß]+,", re.MULTILINE)),
    "fr": (re.compile(r"\b(?:[Vv]ous|[Vv]otre|[Vv]os)\b"),
           re.compile(r"\b(?:[Tt]u|[Tt]oi|[Tt]on|[Tt]es|[Tt]a)\b|\b[Tt]'(?=[aeiouyhé])|"
                      r"\b[Tt]e\b")),
    "es": (re.compile(r"\b(?:[Uu]sted(?:es)?|[Ll]e agradecemos|[Ll]e informamos|"
                      r"[Ll]e escribimos|[Ss]u candidatura|[Ss]u perfil|[Ee]stimad[oa])\b"),
           re.compile(r"\b(?:[Tt]ú|[Tt]e|[Tt]us?|[Cc]ontigo|[Tt]i)\b|^(?:Hola|Hey) [A-Z]\w+,",
                      re.MULTILINE)),
    "en": (re.compile(r"^Dear (?:Mr|Ms|Mrs|Mx|Dr|Prof|Miss)\.? [A-Z]|^Dear (?:Sir|Madam)",
                      re.MULTILINE),
           re.compile(r"^(?:Hi|Hey|Hello) [A-Z][a-z]+\b", re.MULTILINE)),
}


def detect_register(text: str, language: str) -> Register:
    """"formal" or "informal" when the text shows it, "" when it does not."""
    markers = _MARKERS.get(language)
    if markers is None or not text:
        return ""
    sample = text[:4000]
    formal = len(markers[0].findall(sample))
    informal = len(markers[1].findall(sample))
    if formal > informal:
        return "formal"
    if informal > formal:
        return "informal"
    return ""
