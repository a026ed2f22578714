"""Small pure text helpers for drafts: cleaning untrusted strings, tidying rendered bodies,
writing dates and first names the way a person would.

Dates are written the way each draft language (en, de, fr, es) writes them in a letter.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from followup.judge.person_names import first_name
from followup.mail.defects import Defects
from followup.mail.headers import decode_words
from followup.words import BY_LANGUAGE

_SPACE_RUN = re.compile(r"[ \t]{2,}")
# Only where the mark ends a word: "with .NET" must stay as it is.
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t]+([,.;!?)])(?=\s|$|[,.;!?)])")
_SPACE_AFTER_PAREN = re.compile(r"\([ \t]+")
_DOUBLED_COMMA = re.compile(r",(\s*,)+")
_COMMA_BEFORE_STOP = re.compile(r",[ \t]*([.!?])(?=\s|$)")
SIGNATURE_SEPARATOR = "-- "

WEEKDAYS = {code: language.WEEKDAYS for code, language in BY_LANGUAGE.items()}
MONTHS = {code: language.MONTHS for code, language in BY_LANGUAGE.items()}
# As the templates use them: German before a neuter noun ("das zweite Gespräch"), French
# before "entretien" (masculine), Spanish before "entrevista" (feminine).
ORDINALS = {code: language.ORDINALS for code, language in BY_LANGUAGE.items()}


def clean_line(value: object) -> str:
    """Make an untrusted value one tidy line: no control or format characters, no line
    breaks, single spaces, no surrounding blanks. None becomes ""."""
    if value is None:
        return ""
    # Encoded words decoded first (`mail.headers.decode_words`, the one decoder), so a name
    # cannot smuggle a line break past the cleaning inside an encoded word.
    text = decode_words(str(value), Defects())
    characters = []
    for character in text:
        category = unicodedata.category(character)
        if character.isspace() or category in ("Zl", "Zp"):
            characters.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            characters.append(character)
    return " ".join("".join(characters).split())


def clean_block(value: object) -> str:
    """Like `clean_line` but keeps line breaks (for the user's signature)."""
    if value is None:
        return ""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = []
    for line in lines:
        if line.rstrip() == "--":
            kept.append(SIGNATURE_SEPARATOR)
        else:
            kept.append(clean_line(line))
    return "\n".join(kept).strip("\n")


def normalise_body(text: str) -> str:
    """Tidy a rendered body so no template seam shows.

    Runs of spaces become one; a space before `,` `.` `;` `!` `?` `)` goes; doubled commas
    and a comma before a full stop merge; lines lose leading and trailing blanks (except the
    signature separator "-- "); at most one blank line in a row; no blank lines at either
    end; exactly one final newline.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tidied: list[str] = []
    for line in lines:
        if line.rstrip(" \t") == "--":
            tidied.append(SIGNATURE_SEPARATOR)
            continue
        line = line.replace("\t", " ").strip()
        line = _SPACE_RUN.sub(" ", line)
        line = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", line)
        line = _SPACE_AFTER_PAREN.sub("(", line)
        line = _DOUBLED_COMMA.sub(",", line)
        line = _COMMA_BEFORE_STOP.sub(r"\1", line)
        tidied.append(line)
    collapsed: list[str] = []
    for line in tidied:
        if line == "" and (not collapsed or collapsed[-1] == ""):
            continue
        collapsed.append(line)
    while collapsed and collapsed[-1] == "":
        collapsed.pop()
    return "\n".join(collapsed) + "\n" if collapsed else ""


def format_day(day: date | datetime, *, today: date | None = None, language: str = "en") -> str:
    """A day as the language writes it in a letter, the year added when it is not
    `today`'s: 'Tuesday, March 3' (', 2026'), 'Dienstag, 3. März' (' 2026'),
    'mardi 3 mars' (' 2026'), 'martes 3 de marzo' (' de 2026')."""
    if isinstance(day, datetime):
        day = day.date()
    language = language if language in WEEKDAYS else "en"
    weekday, month = WEEKDAYS[language][day.weekday()], MONTHS[language][day.month - 1]
    other_year = today is not None and day.year != today.year
    if language == "de":
        return f"{weekday}, {day.day}. {month}" + (f" {day.year}" if other_year else "")
    if language == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        return f"{weekday} {number} {month}" + (f" {day.year}" if other_year else "")
    if language == "es":
        return f"{weekday} {day.day} de {month}" + (f" de {day.year}" if other_year else "")
    return f"{weekday}, {month} {day.day}" + (f", {day.year}" if other_year else "")


def ordinal(number: int, language: str = "en") -> str:
    """'first', 'second', … for 1–10; '11th' style beyond; '' for anything below 1."""
    if number < 1:
        return ""
    words = ORDINALS.get(language, ORDINALS["en"])
    if number <= len(words):
        return words[number - 1]
    if language != "en" and language in ORDINALS:
        return f"{number}." if language == "de" else f"{number}e" if language == "fr" \
            else f"{number}.ª"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def first_name_of(name: str) -> str:
    """The first name in a display name, or "" when it does not look like a person's name.

    'Dana Whitfield' → 'Dana'; 'Whitfield, Dana' → 'Dana'; 'Dr. Dana Whitfield' → 'Dana';
    'Acme Recruiting', 'dana@acme.com', 'HR' → ''. The one rule: `judge.person_names`.
    """
    return first_name(clean_line(name))
