"""Dates and times as people write them in mail, resolved against the message's Date.

"Tuesday, March 3rd at 2:30pm PT", "03/04 at 10", "4 March, 14:00 CET", "am Dienstag,
3. März um 14:00 Uhr", "le mardi 3 mars à 14h30", "el martes 3 de marzo a las 10:30",
"tomorrow at 3pm", "half past ten", "3p EST", "9am your time". A time without a zone is in
the zone the mail names for all its times ("All times are Eastern Time"), else the one zone
its other times name, else the sender's zone (the Date header's offset); "your time" is the
reader's zone. Written by hand: dateparser is slow (seconds per long mail), pulls in regex and
tz data, and still does not pair "2:30-3:15pm PT" into a range or tell slots from a
confirmed time; we need exactly these forms in four languages, fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from followup.judge.vocabulary import MONTHS, RELATIVE_DAYS, WEEKDAYS, ZONES
from followup.words import alternatives, en


@dataclass(frozen=True)
class DateMention:
    """A day named in the text. `explicit` is False for weekdays and relative words."""

    day: date
    start: int
    end: int
    explicit: bool


@dataclass(frozen=True)
class ClockTime:
    """A time of day written in the text, before it is paired with a date."""

    start: int
    end: int
    clock: tuple[int, int]
    clock_end: tuple[int, int] | None
    zone: tzinfo | None
    yours: bool = False  # "9am your time": the reader's zone


@dataclass(frozen=True)
class TimeMention:
    """A moment (or a range) named in the text, timezone-aware."""

    start: datetime
    end: datetime | None
    position: int
    zone_given: bool


def _is_abbreviation(word: str) -> bool:
    return len(word) <= 4 and " " not in word and word.isascii() and word.isalpha()


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH = _alternation(MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_ORDINAL = r"(?:st|nd|rd|th|er|º|°|\.)?"

_DATE = re.compile(
    rf"(?P<iso>\b(?P<iy>20\d\d)-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b)"
    rf"|(?P<md>\b(?P<mdm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}}){_ORDINAL}(?!\d|:)"
    rf"(?:,?\s+(?P<mdy>20\d\d))?)"
    rf"|(?P<dm>\b(?P<dmd>\d{{1,2}}){_ORDINAL}\s*(?:of\s+|de\s+)?(?P<dmm>{_MONTH})\b\.?"
    rf"(?:,?\s+(?:de\s+)?(?P<dmy>20\d\d))?)"
    # "on the 22nd": the next such day of a month (after "22nd of March" was tried).
    rf"|(?P<dom>\bthe\s+(?P<domd>\d{{1,2}})(?:st|nd|rd|th)\b)"
    rf"|(?P<num>(?<![\d:/.])(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})"
    rf"(?:(?P=sep)(?P<n3>(?:20)?\d\d))?(?P<trail>\.)?(?![\d:/]|\.\d))",
    re.IGNORECASE)
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<qual>{alternatives('WEEKDAY_QUALIFIER_PATTERNS')})\s+)?"
    rf"(?P<wd>{_WEEKDAY})\b\.?"
    rf"(?P<nextweek>\s+(?:{alternatives('NEXT_WEEK_PATTERNS', 'en fr de es')}))?",
    re.IGNORECASE)
# "Tuesday, March 3", "Freitag, den 20. März", "mardi le 3 mars", "the 3rd".
_WEEKDAY_GAP = re.compile(rf"[\s,.]*(?:(?:{alternatives('DATE_ARTICLE_PATTERNS', 'de fr es en')})\s+)?",
                          re.IGNORECASE)
_RELATIVE_RE = re.compile(rf"\b(?:{_alternation(RELATIVE_DAYS)})(?!\w)", re.IGNORECASE)

_AMPM = r"(?:a\.?\s?m\.?|p\.?\s?m\.?)"
# "3p", "10:30a": the one-letter marker only straight after the digits ("3 a week" is no time).
# A dotted time only with its mark ("14.00 Uhr", "9.30am") or as the start of a range that
# ends with one ("14.00 - 15.00 Uhr", session 8, blind scenario 105): "4.50" alone is a price.
_CLOCK = (rf"(?:(?P<{{p}}h>\d{{{{1,2}}}})(?:(?::|h|\.(?=\d\d\s*(?:uhr|h\b|{_AMPM}|"
          rf"(?:-|–|—|bis)\s*\d{{{{1,2}}}}[.:]\d\d\s*(?:uhr|h\b))))"
          rf"(?P<{{p}}m>\d\d))?(?!\d)(?:\s*(?P<{{p}}ap>{_AMPM}(?!\w)|uhr|h\b|hrs\b|horas?\b|heures?\b)|(?P<{{p}}ap1>(?-i:[ap]))(?![\w.]))?"
          rf"|(?P<{{p}}noon>{alternatives('NOON_PATTERNS')}))")
# Abbreviations count only in capitals: "14h et 16h" and "à 14h30 est-ce possible" are
# French, not Eastern Time. Names ("Pacific Time", "hora de Madrid", "New York") in any case,
# and a city may come after "in" / "en" / "à": "serán las 11:00 en Nueva York".
_ZONE_ABBREVIATIONS = _alternation(word.upper() for word in ZONES if _is_abbreviation(word))
_ZONE_NAMES = _alternation(word for word in ZONES if not _is_abbreviation(word))
_ZONE_WORDS = (rf"(?:(?:{alternatives('IN_CITY_PATTERNS')})\s+)?(?:{_ZONE_NAMES})"
               rf"|(?-i:{_ZONE_ABBREVIATIONS})")
_ZONE = (rf"(?P<zone>\(?\s*(?:(?:gmt|utc)\s?(?P<zsign>[+-−])\s?(?P<zh>\d{{1,2}})(?::?(?P<zm>\d\d))?"
         rf"|(?P<iana>(?:Europe|America|Asia|Australia|Africa)/[A-Za-z_]+)"
         rf"|(?P<zword>{_ZONE_WORDS}))\b\)?)")
# A zone named on its own ("All times are Eastern Time", "(Eastern Time - US & Canada)",
# "(ET)"): the zone of the message's times that name none. Only names that cannot be an
# everyday word: multi-word names, IANA names, and abbreviations in parentheses.
# Cities are left out: "our Boston office" names no zone for the mail's times.
_LONG_ZONE_WORDS = _alternation(word for word in ZONES if " " in word and
                                re.search(r"time|heure|hora|zeit", word))
_DECLARED_ZONE_RE = re.compile(
    rf"(?<!\w)(?:(?P<zword>{_LONG_ZONE_WORDS})(?!\w)"
    rf"|(?P<iana>(?:Europe|America|Asia|Australia|Africa)/[A-Za-z_]+)"
    rf"|\((?P<abbr>(?-i:{_ZONE_ABBREVIATIONS}))\))", re.IGNORECASE)
# Outlook and Bookings write "(UTC-05:00) Eastern Time (US & Canada)": the standard offset,
# then the zone's name, which knows daylight saving time.
_NAME_AFTER_OFFSET = re.compile(rf"\s*(?P<zword>{_LONG_ZONE_WORDS})(?!\w)", re.IGNORECASE)
# "9am your time", "12:30 to 4:00 your time in New York": the reader's own zone.
_YOUR_TIME = re.compile(rf"\s*\(?\s*(?:{alternatives('YOUR_TIME_PATTERNS')})", re.IGNORECASE)
# "(bei Ihnen in New York ist das 11.30 Uhr", "para ti serán las 11:00": the same, before.
_YOUR_TIME_BEFORE = re.compile(
    rf"(?:{alternatives('YOUR_TIME_BEFORE_PATTERNS', 'de es fr en')})\b[^.\n]{{0,30}}$",
    re.IGNORECASE)
# "durée 1h", "for 2h": a length of time, not a time of day.
_DURATION_BEFORE = re.compile(
    rf"(?:{alternatives('DURATION_PATTERNS')})\s*:?\s*(?:de\s+|von\s+)?$", re.IGNORECASE)
_HOURS_MARK = re.compile(r"\dh|\d\s*(?:h|hrs?|horas?|heures?|stunden?)\b", re.IGNORECASE)
_HOUR_WORD = rf"(?:{_alternation(en.HOUR_WORDS)}|\d{{1,2}})"
# "half past ten", "a quarter to three", "ten o'clock" (British and formal mail).
_WORD_TIME_RE = re.compile(
    rf"(?<!\w)(?:(?P<part>half|(?:a\s+)?quarter)\s+(?P<rel>past|to)\s+(?P<wh>{_HOUR_WORD})"
    rf"|(?P<oh>{_HOUR_WORD})\s+o['’]clock)(?!\w)(?:\s*{_ZONE})?",
    re.IGNORECASE)
# "at" before a time, in each language ("at 3pm", "um 14 Uhr", "a las 10").
_AT_TIME = "".join(rf"{word}\s+|" for word in alternatives("AT_TIME_PATTERNS").split("|"))
_TIME_RE = re.compile(
    r"(?<![\w:/.\-+%])(?:" + _AT_TIME + r"@\s*)?"
    + _CLOCK.format(p="a")
    + rf"(?:\s*(?:-|–|—|{alternatives('TIME_RANGE_PATTERNS')})\s*"
    + _CLOCK.format(p="b") + ")?"
    + rf"(?:\s*{_ZONE})?",
    re.IGNORECASE)


def _zone_from_match(match: re.Match[str]) -> tzinfo | None:
    if not match.group("zone"):
        return None
    if match.group("zh"):
        named = _NAME_AFTER_OFFSET.match(match.string, match.end())
        if named:
            return _zone_named(named.group("zword"))
        sign = -1 if match.group("zsign") in "-−" else 1
        minutes = int(match.group("zh")) * 60 + int(match.group("zm") or 0)
        return timezone(timedelta(minutes=sign * minutes))
    if match.group("iana"):
        try:
            return ZoneInfo(match.group("iana"))
        except (KeyError, ValueError):
            return None
    return _zone_named(match.group("zword"))


_CITY_LEAD = re.compile(rf"^(?:{alternatives('IN_CITY_PATTERNS')})\s+", re.IGNORECASE)


def _zone_named(word: str) -> tzinfo:
    value = ZONES[_CITY_LEAD.sub("", word.lower())]
    if isinstance(value, int):
        return timezone(timedelta(minutes=value))
    return ZoneInfo(value)


def declared_zone(text: str) -> tzinfo | None:
    """The one zone the text names on its own, or None when it names none or several."""
    zones: dict[str, tzinfo] = {}
    for match in _DECLARED_ZONE_RE.finditer(text):
        if match.group("iana"):
            try:
                zone: tzinfo = ZoneInfo(match.group("iana"))
            except (KeyError, ValueError):
                continue
        else:
            zone = _zone_named(match.group("zword") or match.group("abbr"))
        zones[str(zone)] = zone
        if len(zones) > 1:
            return None
    return next(iter(zones.values()), None)


def _clock(match: re.Match[str], prefix: str) -> tuple[int, int, str] | None:
    """(hour, minute, am/pm marker or '') of one side of a time match, or None."""
    if match.group(f"{prefix}noon"):
        return 12, 0, "noon"
    hour_text = match.group(f"{prefix}h")
    if hour_text is None:
        return None
    hour, minute = int(hour_text), int(match.group(f"{prefix}m") or 0)
    marker = (match.group(f"{prefix}ap") or "").lower().replace(".", "").replace(" ", "")
    if match.group(f"{prefix}ap1"):
        marker = match.group(f"{prefix}ap1").lower() + "m"
    if marker in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if marker == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute, marker


def find_times(text: str) -> list[ClockTime]:
    """Clock times in `text`, in the order they are written."""
    found = []
    for match in _TIME_RE.finditer(text):
        first = _clock(match, "a")
        if first is None:
            continue
        second = _clock(match, "b")
        marker_a, marker_b = first[2], second[2] if second else ""
        lead = match.group(0).lower()
        introduced = lead.startswith(("at ", "um ", "à ", "a las", "a la ", "entre las", "@"))
        has_minutes = match.group("am") is not None
        if not (marker_a or marker_b or has_minutes or match.group("zone") or introduced):
            continue  # a bare number ("3 candidates") is not a time
        if _HOURS_MARK.search(match.group(0)) and \
                _DURATION_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue
        hour_a = first[0]
        if second is not None and not marker_a and marker_b in ("am", "pm"):
            # "2:30-3:15pm": the first time takes the second's marker when that keeps order.
            candidate = hour_a % 12 + (12 if marker_b == "pm" else 0)
            if candidate <= second[0]:
                hour_a = candidate
        elif not marker_a and 1 <= hour_a <= 7:
            hour_a += 12  # "at 3" or "3:30" in business mail means the afternoon
        end = (second[0], second[1]) if second else None
        if end is not None and not marker_b and end < (hour_a, first[1]) and end[0] + 12 > hour_a:
            end = (end[0] + 12, end[1])  # "12:15 - 1:00" ends in the afternoon
        minute_a = first[1]
        if end is not None and end <= (hour_a, minute_a) and not marker_a and \
                not has_minutes:
            # "Jeudi 5 à 16h": the day of the month and a time, not a range from 5 to 4 pm
            # that ends before it starts (session 9, blind scenario 167)
            (hour_a, minute_a), end = end, None
        yours = bool(_YOUR_TIME.match(text, match.end()) or
                     _YOUR_TIME_BEFORE.search(text, max(0, match.start() - 40), match.start()))
        found.append(ClockTime(match.start(), match.end(), (hour_a, minute_a), end,
                               _zone_from_match(match), yours))
    for match in _WORD_TIME_RE.finditer(text):
        hour_text = (match.group("wh") or match.group("oh")).lower()
        hour = en.HOUR_WORDS.get(hour_text) or int(hour_text)
        minute = 0
        if match.group("part"):
            minute = 30 if match.group("part").lower() == "half" else 15
            if match.group("rel").lower() == "to":
                hour, minute = hour - 1 or 12, 60 - minute
        if 1 <= hour <= 7:
            hour += 12  # as for "at 3": business hours
        if hour <= 23:
            found.append(ClockTime(match.start(), match.end(), (hour, minute), None,
                                   _zone_from_match(match),
                                   bool(_YOUR_TIME.match(text, match.end()))))
    found.sort(key=lambda item: item.start)
    return found


def find_dates(text: str, reference: date, *, day_first: bool) -> list[DateMention]:
    """Days named in `text`, resolved against `reference` (the message's local date)."""
    mentions: list[DateMention] = []
    for match in _DATE.finditer(text):
        day = _resolve_date(match, reference, day_first)
        if day is not None:
            start = match.start()
            weekday = _WEEKDAY_RE.search(text, max(0, start - 16), start)
            if weekday and _WEEKDAY_GAP.fullmatch(text, weekday.end(), start):
                start = weekday.start()
            mentions.append(DateMention(day, start, match.end(), True))
    taken = [(mention.start, mention.end) for mention in mentions]
    for match in _WEEKDAY_RE.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        target = WEEKDAYS[match.group("wd").lower()]
        ahead = (target - reference.weekday()) % 7 or 7
        qualifier = (match.group("qual") or "").lower()
        if qualifier == "this" and target == reference.weekday():
            ahead = 0
        if match.group("nextweek"):
            ahead = 7 - reference.weekday() + target
        mentions.append(DateMention(reference + timedelta(days=ahead), match.start(),
                                    match.end(), False))
    for match in _RELATIVE_RE.finditer(text):
        offset = RELATIVE_DAYS[match.group(0).lower()]
        mentions.append(DateMention(reference + timedelta(days=offset), match.start(),
                                    match.end(), False))
    mentions.sort(key=lambda mention: mention.start)
    return mentions


def _resolve_date(match: re.Match[str], reference: date, day_first: bool) -> date | None:
    year: int | None
    if match.group("iso"):
        year, month, day = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
    elif match.group("md"):
        month, day = MONTHS[match.group("mdm").lower()], int(match.group("mdd"))
        year = int(match.group("mdy")) if match.group("mdy") else None
    elif match.group("dom"):
        return _next_day_of_month(int(match.group("domd")), reference)
    elif match.group("dm"):
        month, day = MONTHS[match.group("dmm").lower()], int(match.group("dmd"))
        year = int(match.group("dmy")) if match.group("dmy") else None
    else:
        first, second = int(match.group("n1")), int(match.group("n2"))
        if match.group("sep") == "." and not (match.group("n3") or match.group("trail")):
            return None  # "2.5" is a number, "4.3." or "4.3.2026" a date
        if match.group("sep") == "." or first > 12:
            day, month = first, second
        elif second > 12:
            month, day = first, second
        else:
            day, month = (first, second) if day_first else (second, first)
        year_text = match.group("n3")
        year = (2000 + int(year_text) if year_text and len(year_text) == 2
                else int(year_text) if year_text else None)
    return _make_date(year, month, day, reference)


def _next_day_of_month(day: int, reference: date) -> date | None:
    """The first date on or after `reference` that falls on the `day`th of a month."""
    year, month = reference.year, reference.month
    for _ in range(3):
        if day >= reference.day or (year, month) != (reference.year, reference.month):
            try:
                return date(year, month, day)
            except ValueError:
                pass
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _make_date(year: int | None, month: int, day: int, reference: date) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(reference.year, month, day)
    except ValueError:
        return None
    if candidate < reference - timedelta(days=60):
        try:
            candidate = date(reference.year + 1, month, day)
        except ValueError:
            return None
    return candidate


def find_moments(text: str, sent_at: datetime, *, day_first: bool,
                 user_zone: tzinfo | None = None) -> list[TimeMention]:
    """Each date paired with the time written next to it, as aware datetimes.

    `sent_at` is the message's Date (aware). A time that names no zone is in the zone the
    text names on its own ("All times are Eastern Time"), else in the one zone its other
    times name, else in the Date's offset. A time "your time" is in `user_zone`; without
    it, such a time is left out (it restates another one for the reader).
    """
    reference = sent_at.date()
    dates = find_dates(text, reference, day_first=day_first)
    times = find_times(text)
    given = {str(item.zone): item.zone for item in times if item.zone is not None}
    default_zone = declared_zone(text) or (next(iter(given.values())) if len(given) == 1
                                           else None) or sent_at.tzinfo or UTC
    moments: list[TimeMention] = []
    previous: ClockTime | None = None
    previous_day: DateMention | None = None
    for item in times:
        day = _nearest_date(dates, item.start, item.end)
        if day is None and previous is not None and previous_day is not None \
                and item.start - previous.end <= _SCHEDULE_GAP:
            day = previous_day  # the next line of a schedule under one date
        if day is None and (item.clock_end is not None or item.zone is not None):
            day = _heading_date(dates, item.start)
        if day is None:
            continue
        previous, previous_day = item, day
        if item.yours and user_zone is None:
            continue
        tz = user_zone if item.yours else item.zone or default_zone
        begin = datetime.combine(day.day, time(*item.clock), tzinfo=tz)
        finish = None
        if item.clock_end is not None:
            finish = datetime.combine(day.day, time(*item.clock_end), tzinfo=tz)
            if finish <= begin:
                finish = None
        moments.append(TimeMention(begin, finish, min(item.start, day.start),
                                   item.zone is not None or item.yours))
    return moments


# A schedule's lines ("9:30 AM - 10:30 AM  Coding  Lucy Tran") follow one another under a
# date given once, in a heading or the sentence before the table.
_SCHEDULE_GAP = 160
_HEADING_REACH = 400


def _heading_date(dates: list[DateMention], start: int) -> DateMention | None:
    """The one explicit date within reach before a range or a time with its zone."""
    before = [mention for mention in dates
              if mention.end <= start and start - mention.end <= _HEADING_REACH]
    if before and before[-1].explicit:
        return before[-1]
    return None


def _nearest_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    """The date that governs a time: before it within 60 characters, or just after it."""
    before = [mention for mention in dates if mention.end <= start and start - mention.end <= 60]
    if before:
        return before[-1]
    after = [mention for mention in dates if mention.start >= end and mention.start - end <= 25]
    return after[0] if after else None
