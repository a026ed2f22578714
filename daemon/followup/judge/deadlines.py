"""`decision_by`: the day an employer said they would decide or answer by.

"by Friday", "end of next week", "within two weeks", "by March 15th", "bis Ende nächster
Woche", "d'ici vendredi", "antes del viernes", resolved against the message's date. Only
phrases tied to an answer count ("we'll get back to you by ..."), not any date in the mail;
vague ones ("early next week", "soon", "in the coming weeks") give none.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from followup.judge.dates import DateMention, find_dates
from followup.judge.vocabulary import MONTHS, NUMBER_WORDS, WEEKDAYS
from followup.words import alternatives, de, en, es, fr

_WEEK_STEMS = (*en.WEEK_STEMS, *de.WEEK_STEMS, *fr.WEEK_STEMS, *es.WEEK_STEMS)
_ANSWER = re.compile(alternatives("ANSWER_PATTERNS"), re.IGNORECASE)
_VAGUE = re.compile(alternatives("VAGUE_TIME_PATTERNS"), re.IGNORECASE)
# A hedged promise ("we try to respond within two weeks") is not a date to hold them to;
# an aim for this process ("we aim to give everyone a decision within two weeks") is. A
# promise recalled ("we promised to get back to you within two weeks") was made earlier.
_HEDGED = re.compile(rf"\b(?:{alternatives('HEDGE_PATTERNS')})\b", re.IGNORECASE)
_ORDINAL_DAY = re.compile(r"\b(?:by|before|on|until)\s+(?:\w+day,?\s+)?the\s+(\d{1,2})"
                          r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_NUMBER = r"(?P<n>\d{1,2}|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len,
                                                   reverse=True)) + r")"
_WITHIN = re.compile(
    rf"(?:{alternatives('WITHIN_PATTERNS')})\s+"
    + _NUMBER + rf"\s+(?P<business>{alternatives('WORKING_DAY_PATTERNS')})?"
    rf"(?P<unit>{alternatives('DAY_UNIT_PATTERNS')})",
    re.IGNORECASE)
_END_OF_WEEK = re.compile(
    r"(?:end of (?:the |this )?(?P<this>week)|end of (?P<next>next) week|"
    r"by next week|bis (?:ende )?(?P<de_next>nächste[rn]?|kommende[rn]?) woche|"
    r"bis ende (?:dieser|der) (?P<de_this>woche)|"
    r"fin de la semaine (?P<fr_next>prochaine)|fin de (?:la )?(?P<fr_this>cette semaine|semaine)|"
    r"d'ici la semaine (?P<fr_next2>prochaine)|finales de (?:la |esta )?(?P<es_this>semana)\b(?! próxima)|"
    r"finales de la (?P<es_next>próxima) semana|la semana (?P<es_next2>que viene))",
    re.IGNORECASE)
# The middle of a week is its Wednesday: "bis Mitte nächster Woche" (session 8, blind
# scenario 117), "by the middle of next week", "d'ici le milieu de la semaine prochaine",
# "a mediados de la semana que viene".
_MID_WEEK = re.compile(
    r"(?:middle of (?:the |this )?(?P<this>week)|(?:middle of |mid[- ])(?P<next>next) week|"
    r"mitte (?:der )?(?P<de_next>nächste[rn]?|kommende[rn]?) woche|mitte (?:dieser|der) "
    r"(?P<de_this>woche)|milieu de (?:la )?semaine (?P<fr_next>prochaine)|mediados de la "
    r"(?:semana (?P<es_next>que viene|próxima)|(?P<es_next2>próxima) semana))",
    re.IGNORECASE)
_END_OF_MONTH = re.compile(alternatives("END_OF_MONTH_PATTERNS"), re.IGNORECASE)
# The end of a month named: "bis Ende April", "by the end of April", "d'ici fin avril",
# "antes de finales de abril" (session 9, blind scenario 165): its last day.
_END_OF_NAMED_MONTH = re.compile(
    r"\b(?:(?:by |before )?(?:the )?end of|ende|fin(?: de| d')?|finales de|fines de)\s+"
    r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE)
_BY_DATE = re.compile(rf"\b(?:{alternatives('BY_DATE_PATTERNS')})\s+$", re.IGNORECASE)
# A period after a number does not end the sentence when it goes on ("bis Freitag, den
# 20. März, Bescheid geben"), nor one inside a date ("bis Freitag (20.11.) Bescheid").
_SENTENCE = re.compile(
    r"(?:[^.!?\n]|(?<=\d)\.(?=[ \t]*[^\s\d])|(?<=\d)\.(?=\d))+(?:[.!?]+|\n|$)")
# "He's out at a conference until Thursday": an absence, not an answer date.
_ABSENCE = re.compile(rf"\b(?:{alternatives('ABSENCE_PATTERNS')})\b", re.IGNORECASE)
_UNTIL = re.compile(rf"\b(?:{alternatives('UNTIL_PATTERNS')})\s+$", re.IGNORECASE)


def find_decision_by(text: str, sent_on: date, *, day_first: bool,
                     working_days: tuple[int, ...] = (0, 1, 2, 3, 4)) -> date | None:
    """The latest answer-by date the text gives, or None."""
    found: list[date] = []
    joined = re.sub(r"(?<=[^\n.!?:])\n(?=[^\n\-•*])", " ", text[:20000])
    previous = ""  # the sentence before, read for its days only when one points back
    for sentence_match in _SENTENCE.finditer(joined):
        sentence, before = _VAGUE.sub(" ", sentence_match.group(0)), previous
        previous = sentence
        if not _ANSWER.search(sentence) or _HEDGED.search(sentence):
            continue
        day = _period_end(sentence, sent_on, day_first, working_days)
        if day is None and _THAT_DAY.search(sentence):
            # "... qui ne se réunira que le mardi 10 novembre. Nous vous donnerons une réponse
            # au plus tard ce jour-là" (session 9, blind scenario 180): the day named before.
            day = max((m.day for m in find_dates(before, sent_on, day_first=day_first)),
                      default=None)
        if day is not None and day >= sent_on:
            found.append(day)
    return max(found) if found else None


# An answer promised by the day the sentence before named.
_THAT_DAY = re.compile(r"\b(?:(?:au plus tard |d'ici )?ce jour-là|(?:by|on) (?:then|that "
                       r"(?:day|date))|bis dahin|an diesem tag|(?:para|ese) (?:entonces|día))\b",
                       re.IGNORECASE)


def _period_end(sentence: str, sent_on: date, day_first: bool,
                working_days: tuple[int, ...]) -> date | None:
    match = _WITHIN.search(sentence)
    if match:
        word = match.group("n").lower()
        count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
        unit = match.group("unit").lower()
        if unit.startswith(_WEEK_STEMS):
            return sent_on + timedelta(weeks=count)
        if match.group("business"):
            return _add_working_days(sent_on, count, working_days)
        return sent_on + timedelta(days=count)
    match = _ORDINAL_DAY.search(sentence)
    if match:
        day = int(match.group(1))
        for months_ahead in range(3):
            month = (sent_on.month - 1 + months_ahead) % 12 + 1
            year = sent_on.year + (sent_on.month - 1 + months_ahead) // 12
            if day <= calendar.monthrange(year, month)[1]:
                candidate = date(year, month, day)
                if candidate >= sent_on:
                    return candidate
    match = _MID_WEEK.search(sentence)
    if match:
        wednesday = sent_on + timedelta(days=(2 - sent_on.weekday()) % 7)
        if any(value for name, value in match.groupdict().items() if "next" in name):
            # next week's, whatever day this is
            wednesday = sent_on - timedelta(days=sent_on.weekday()) + timedelta(days=9)
        return wednesday
    match = _END_OF_WEEK.search(sentence)
    if match:
        friday = sent_on + timedelta(days=(4 - sent_on.weekday()) % 7)
        groups = match.groupdict()
        if any(groups[name] for name in ("next", "de_next", "fr_next", "fr_next2", "es_next",
                                         "es_next2")) or "by next week" in match.group(0).lower():
            if friday == sent_on + timedelta(days=(4 - sent_on.weekday()) % 7) and \
                    sent_on.weekday() <= 4:
                friday += timedelta(days=7)
        return friday
    if _END_OF_MONTH.search(sentence):
        last = calendar.monthrange(sent_on.year, sent_on.month)[1]
        return sent_on.replace(day=last)
    named = _END_OF_NAMED_MONTH.search(sentence)
    if named:
        month = MONTHS[named.group("month").lower()]
        year = sent_on.year + (1 if month < sent_on.month else 0)
        return date(year, month, calendar.monthrange(year, month)[1])
    mentions = find_dates(sentence, sent_on, day_first=day_first)
    for index, mention in enumerate(mentions):
        if not _weekday_agrees(sentence[mention.start:mention.end], mention.day):
            continue  # "by Thursday, May 22" when the 22nd is a Friday: which is meant?
        before = sentence[max(0, mention.start - 30):mention.start]
        if _BY_DATE.search(before) and not (_UNTIL.search(before) and
                                            _ABSENCE.search(sentence[:mention.start])):
            return _written_out(sentence, mention, mentions[index + 1:])
    return None


def _written_out(sentence: str, mention: DateMention, later: list[DateMention]) -> date:
    """The day of a weekday named by its date right after it ("bis Freitag (6.3.)" written
    on Wednesday 25 February: the Friday after next), else the mention's own day."""
    if mention.explicit or not later:
        return mention.day
    following = later[0]
    between = sentence[mention.end:following.start]
    if following.explicit and len(between) <= 3 and not between.strip(" ,(-") and \
            following.day.weekday() == mention.day.weekday():
        return following.day
    return mention.day


def _weekday_agrees(written: str, day: date) -> bool:
    """False when the text names a weekday with the date and the two disagree."""
    first = re.match(r"\s*([^\W\d_]+)", written)
    weekday = WEEKDAYS.get(first.group(1).lower()) if first else None
    return weekday is None or weekday == day.weekday()


def _add_working_days(start: date, count: int, working_days: tuple[int, ...]) -> date:
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() in working_days:
            count -= 1
    return day
