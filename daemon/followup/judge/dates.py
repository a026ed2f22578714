"""Dates and times as people write them in mail, resolved against the message's Date.

"Tuesday, March 3rd at 2:30pm PT", "03/04 at 10", "4 March, 14:00 CET", "am Dienstag,
3. März um 14:00 Uhr", "le mardi 3 mars à 14h30", "el martes 3 de marzo a las 10:30",
"tomorrow at 3pm". A time without a zone is in the sender's zone (the Date header's
offset). Written by hand: dateparser is slow (seconds per long mail), pulls in regex and
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


@dataclass(frozen=True)
class DateMention:
    """A day named in the text. `explicit` is False for weekdays and relative words."""

    day: date
    start: int
    end: int
    explicit: bool


@dataclass(frozen=True)
class TimeMention:
    """A moment (or a range) named in the text, timezone-aware."""

    start: datetime
    end: datetime | None
    position: int
    zone_given: bool


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
    rf"|(?P<num>(?<![\d:/.])(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})"
    rf"(?:(?P=sep)(?P<n3>(?:20)?\d\d))?(?P<trail>\.)?(?![\d:/]|\.\d))",
    re.IGNORECASE)
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<qual>next|this|coming|nächsten|nächster|kommenden|prochain|próximo)\s+)?"
    rf"(?P<wd>{_WEEKDAY})\b\.?(?P<nextweek>\s+(?:next week|de la semaine prochaine|"
    rf"nächste woche|de la próxima semana))?",
    re.IGNORECASE)
_RELATIVE_RE = re.compile(rf"\b(?:{_alternation(RELATIVE_DAYS)})(?!\w)", re.IGNORECASE)

_AMPM = r"(?:a\.?\s?m\.?|p\.?\s?m\.?)"
_CLOCK = (rf"(?:(?P<{{p}}h>\d{{{{1,2}}}})(?:(?::|h|\.(?=\d\d\s*(?:uhr|h\b|{_AMPM})))"
          rf"(?P<{{p}}m>\d\d))?\s*(?P<{{p}}ap>{_AMPM}|uhr|h\b|hrs\b)?|(?P<{{p}}noon>noon|midday|mittag|midi|mediodía))")
_ZONE_WORDS = _alternation(ZONES)
_ZONE = (rf"(?P<zone>\(?\s*(?:(?:gmt|utc)\s?(?P<zsign>[+-−])\s?(?P<zh>\d{{1,2}})(?::?(?P<zm>\d\d))?"
         rf"|(?P<iana>(?:Europe|America|Asia|Australia|Africa)/[A-Za-z_]+)"
         rf"|(?P<zword>{_ZONE_WORDS}))\b\)?)")
_TIME_RE = re.compile(
    r"(?<![\d:/.\-+])(?:at\s+|um\s+|à\s+|a las\s+|a la\s+|@\s*)?"
    + _CLOCK.format(p="a")
    + r"(?:\s*(?:-|–|—|to|until|till|bis|à|a|hasta|and)\s*" + _CLOCK.format(p="b") + ")?"
    + rf"(?:\s*{_ZONE})?",
    re.IGNORECASE)


def _zone_from_match(match: re.Match[str]) -> tzinfo | None:
    if not match.group("zone"):
        return None
    if match.group("zh"):
        sign = -1 if match.group("zsign") in "-−" else 1
        minutes = int(match.group("zh")) * 60 + int(match.group("zm") or 0)
        return timezone(timedelta(minutes=sign * minutes))
    if match.group("iana"):
        try:
            return ZoneInfo(match.group("iana"))
        except (KeyError, ValueError):
            return None
    value = ZONES[match.group("zword").lower()]
    if isinstance(value, int):
        return timezone(timedelta(minutes=value))
    return ZoneInfo(value)


def _clock(match: re.Match[str], prefix: str) -> tuple[int, int, str] | None:
    """(hour, minute, am/pm marker or '') of one side of a time match, or None."""
    if match.group(f"{prefix}noon"):
        return 12, 0, "noon"
    hour_text = match.group(f"{prefix}h")
    if hour_text is None:
        return None
    hour, minute = int(hour_text), int(match.group(f"{prefix}m") or 0)
    marker = (match.group(f"{prefix}ap") or "").lower().replace(".", "").replace(" ", "")
    if marker in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if marker == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute, marker


def find_times(text: str) -> list[tuple[int, int, tuple[int, int], tuple[int, int] | None,
                                        tzinfo | None]]:
    """Clock times in `text`: (start pos, end pos, (h, m), end (h, m) or None, zone)."""
    found = []
    for match in _TIME_RE.finditer(text):
        first = _clock(match, "a")
        if first is None:
            continue
        second = _clock(match, "b")
        marker_a, marker_b = first[2], second[2] if second else ""
        lead = match.group(0).lower()
        introduced = lead.startswith(("at ", "um ", "à ", "a las", "a la ", "@"))
        has_minutes = match.group("am") is not None
        if not (marker_a or marker_b or has_minutes or match.group("zone") or introduced):
            continue  # a bare number ("3 candidates") is not a time
        hour_a = first[0]
        if second is not None and not marker_a and marker_b in ("am", "pm"):
            # "2:30-3:15pm": the first time takes the second's marker when that keeps order.
            candidate = hour_a % 12 + (12 if marker_b == "pm" else 0)
            if candidate <= second[0]:
                hour_a = candidate
        elif not marker_a and 1 <= hour_a <= 7:
            hour_a += 12  # "at 3" or "3:30" in business mail means the afternoon
        end = (second[0], second[1]) if second else None
        found.append((match.start(), match.end(), (hour_a, first[1]), end,
                      _zone_from_match(match)))
    return found


def find_dates(text: str, reference: date, *, day_first: bool) -> list[DateMention]:
    """Days named in `text`, resolved against `reference` (the message's local date)."""
    mentions: list[DateMention] = []
    for match in _DATE.finditer(text):
        day = _resolve_date(match, reference, day_first)
        if day is not None:
            start = match.start()
            weekday = _WEEKDAY_RE.search(text, max(0, start - 16), start)
            if weekday and not text[weekday.end():start].strip(" ,.thele"):
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


def find_moments(text: str, sent_at: datetime, *, day_first: bool) -> list[TimeMention]:
    """Each date paired with the time written next to it, as aware datetimes.

    `sent_at` is the message's Date (aware); its offset is the zone of times that name none.
    """
    reference = sent_at.date()
    dates = find_dates(text, reference, day_first=day_first)
    moments: list[TimeMention] = []
    for start, end, clock, clock_end, zone in find_times(text):
        day = _nearest_date(dates, start, end)
        if day is None:
            continue
        tz = zone or sent_at.tzinfo or UTC
        begin = datetime.combine(day.day, time(*clock), tzinfo=tz)
        finish = None
        if clock_end is not None:
            finish = datetime.combine(day.day, time(*clock_end), tzinfo=tz)
            if finish <= begin:
                finish = None
        moments.append(TimeMention(begin, finish, min(start, day.start), zone is not None))
    return moments


def _nearest_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    """The date that governs a time: before it within 60 characters, or just after it."""
    before = [mention for mention in dates if mention.end <= start and start - mention.end <= 60]
    if before:
        return before[-1]
    after = [mention for mention in dates if mention.start >= end and mention.start - end <= 25]
    return after[0] if after else None
