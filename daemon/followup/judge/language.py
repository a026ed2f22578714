"""Which language a message is written in: en, de, fr or es (ISO 639-1).

A stop-word count: recruiting mail is long enough for it to be reliable, it is fast, and
it needs no model. A library (langdetect, lingua) would add a large dependency for four
languages we must recognise anyway through our own phrase lists.
"""

from __future__ import annotations

import re

from followup.words import BY_LANGUAGE

STOP_WORDS: dict[str, frozenset[str]] = {
    code: language.STOP_WORDS for code, language in BY_LANGUAGE.items()
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


# Evidence for short mail, where stop words are too few (a calendar invitation's two lines,
# a one-line reply, a job alert's subject): letters only one of the four languages writes;
# the names of days and months not spelt alike in another (mai, april, august... are); and
# the words calendar notices and job alerts are made of.
_LETTERS: dict[str, frozenset[str]] = {
    code: language.LETTERS for code, language in BY_LANGUAGE.items() if language.LETTERS
}
_SHORT_MAIL_WORDS: dict[str, frozenset[str]] = {
    code: language.SHORT_MAIL_WORDS for code, language in BY_LANGUAGE.items()
}


def detect_language(text: str, default: str = "en",
                    counts: dict[str, int] | None = None) -> str:
    """The most likely of en/de/fr/es for `text`, or `default` when there is no evidence.
    `counts` (from `stop_word_counts`) may be given when already known; `text` is then
    read only if the stop words are too few to decide."""
    return read_language(text, default, counts)[0]


def read_language(text: str, default: str = "en",
                  counts: dict[str, int] | None = None) -> tuple[str, bool]:
    """`detect_language`, and whether the text showed it (False: too few words of any
    language, so `default`; "Top ! Voilà le lien : https://meet.google.com/..." gives no
    language to write back in)."""
    if counts is None:
        counts = stop_word_counts(text)
    ranked = sorted(counts, key=lambda language: counts[language], reverse=True)
    best = ranked[0]
    if counts[best] < 3 or counts[best] == counts[ranked[1]]:
        # Too few stop words, or a tie ("la", "que" are French and Spanish alike).
        return _short_text_language(text, counts, default if counts[best] < 3 else best)
    # English words show up in every language's mail footers; demand a clear lead.
    if best != "en" and counts[best] < counts["en"] * 0.8:
        return "en", True
    return best, True


def _short_text_language(text: str, counts: dict[str, int], default: str
                         ) -> tuple[str, bool]:
    """Stop words, plus two for each distinct word of `_SHORT_MAIL_WORDS` and one for each
    word written with a letter of the language (at most three): a clear lead of three
    decides; else `default`, not shown by the text."""
    words = set(_WORD.findall(text[:6000].lower()))
    evidence = dict(counts)
    for language, names in _SHORT_MAIL_WORDS.items():
        evidence[language] += 2 * len(words & names)
    for language, letters in _LETTERS.items():
        evidence[language] += min(3, sum(1 for word in words if not letters.isdisjoint(word)))
    ranked = sorted(evidence, key=lambda language: evidence[language], reverse=True)
    best, runner_up = ranked[0], ranked[1]
    if evidence[best] >= 3 and evidence[best] > evidence[runner_up]:
        return best, True
    return default, False
