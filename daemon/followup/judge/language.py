"""Which language a message is written in: en, de, fr or es (ISO 639-1).

A stop-word count: recruiting mail is long enough for it to be reliable, it is fast, and
it needs no model. A library (langdetect, lingua) would add a large dependency for four
languages we must recognise anyway through our own phrase lists.
"""

from __future__ import annotations

import re

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(["the", "and", "you", "your", "for", "with", "we", "our", "to", "of", "is", "are", "this", "that", "have", "will", "be", "thank", "would", "please", "at", "on", "in"]),
    "de": frozenset(["und", "der", "die", "das", "sie", "ihre", "ihr", "wir", "uns", "mit", "für", "ist", "sind", "nicht", "eine", "einen", "vielen", "dank", "bitte", "wie", "auf", "zu", "den", "dem", "des", "im", "bei", "ein", "ihnen", "wurde", "werden", "haben", "sich"]),
    "fr": frozenset(["le", "la", "les", "et", "vous", "votre", "vos", "nous", "pour", "avec", "est", "sont", "une", "des", "du", "au", "aux", "merci", "bien", "dans", "pas", "que", "qui", "sur", "de", "ce", "cette", "je", "à"]),
    "es": frozenset(["el", "la", "los", "las", "y", "usted", "tu", "su", "sus", "nosotros", "para", "con", "es", "son", "una", "por", "gracias", "del", "al", "que", "en", "muy", "hemos", "tus", "de", "se", "esta", "este", "te", "lo", "ha"]),
}

_WORD = re.compile(r"[a-zäöüßàâçéèêëîïôûùüÿñæœáíóúñ]+")


def stop_word_counts(text: str) -> dict[str, int]:
    """How many stop words of each language the first 6,000 characters of `text` hold."""
    counts = dict.fromkeys(STOP_WORDS, 0)
    for word in _WORD.findall(text[:6000].lower()):
        for language, words in STOP_WORDS.items():
            if word in words:
                counts[language] += 1
    return counts


def has_foreign_words(counts: dict[str, int]) -> bool:
    """True when German, French or Spanish is written in the text at all, even as the
    lesser part of a bilingual mail (two stop words are enough)."""
    return any(count >= 2 for language, count in counts.items() if language != "en")


def detect_language(text: str, default: str = "en",
                    counts: dict[str, int] | None = None) -> str:
    """The most likely of en/de/fr/es for `text`, or `default` when there is no evidence."""
    if counts is None:
        counts = stop_word_counts(text)
    best = max(counts, key=lambda language: counts[language])
    if counts[best] < 3:
        return default
    # English words show up in every language's mail footers; demand a clear lead.
    if best != "en" and counts[best] < counts["en"] * 0.8:
        return "en"
    return best
