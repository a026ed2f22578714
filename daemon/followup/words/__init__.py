"""The words of each language followup reads and writes, one module per language.

`en`, `de`, `fr` and `es` hold plain data only (tuples, frozensets and dicts of words) and
import nothing: the modules that read or write mail build their patterns and
tables from these lists. Every language module names the same lists, in the same order:

- calendar words, as a letter writes them (`WEEKDAYS`, `MONTHS`, `ORDINALS`), and as the
  reader accepts them, abbreviations and spellings without accents included, one tuple per
  day or month (`WEEKDAY_SPELLINGS`, `MONTH_SPELLINGS`), with `RELATIVE_DAYS` ("tomorrow")
  and `NUMBER_WORDS` ("two");
- the words that tell the language of a message (`STOP_WORDS`; `SHORT_MAIL_WORDS` for mail
  too short for stop words; `LETTERS`, the letters only that language writes);
- people's names: honorifics by their plain form with the spelling a greeting uses
  (`HONORIFICS`), those that are academic titles or tell a woman or a man
  (`ACADEMIC_TITLES`, `FEMININE_HONORIFICS`, `MASCULINE_HONORIFICS`), and the words that
  make a display name a team or a function rather than a person (`NOT_A_PERSON`), or a
  capitalised word in the text no person's name (`NOT_A_NAME`; two lists, since they differ);
- the word for "and" in a list (`AND`), clock hours written out (`HOUR_WORDS`, English);
- companies' names: the words that end or open them (`COMPANY_NAME_TAIL_WORDS`,
  `COMPANY_NAME_HEAD_WORDS`), and the words of a sender's display name that name a function
  or a tool rather than the employer (`GENERIC_SENDER_WORDS`).

Lists named `..._PATTERNS` are the words of one language that the judge's regular
expressions look for, written as alternatives of a pattern (a word with its endings:
`jef[ea]`, `entrevistador(?:a)?`). `alternatives` joins one such list of every language with
"|", English first, then German, French and Spanish, in the order given: the order of
alternatives is part of a pattern, so a list keeps the order its pattern had. A language
without such words names the list empty; a list only some languages need (English hedges,
the words that stop a German or a French and Spanish job title) is named by those alone.

A rule of the judge (judge/lexicon.py, judge/classify.py) is not vocabulary and stays there.
"""

from types import ModuleType

from followup.words import de, en, es, fr

# Each language's module by its ISO 639-1 code, English first (the order tables are built in).
BY_LANGUAGE: dict[str, ModuleType] = {"en": en, "de": de, "fr": fr, "es": es}


def alternatives(name: str, languages: str = "en de fr es") -> str:
    """The list `name` of each of `languages` (ISO 639-1 codes, in order), joined with "|"
    into the alternatives of a regular expression (each of `languages` names the list, an
    empty one when it has no such words; a list of English words only, such as
    `HEDGE_PATTERNS`, is asked for with `languages="en"`). Raises KeyError for a language followup has no module for,
    AttributeError for a list it does not name."""
    patterns: tuple[str, ...] = ()
    for code in languages.split():
        patterns += tuple(getattr(BY_LANGUAGE[code], name))
    return "|".join(patterns)
