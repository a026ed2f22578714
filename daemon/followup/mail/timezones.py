"""Calendar time zone names to tzinfo, without icalendar's process-wide zone cache.

icalendar registers every VTIMEZONE it parses under its TZID for the rest of the process,
so one invite's "Customized Time Zone" would decide the times of every later invite using
that name. `followup.mail.calendar` therefore strips VTIMEZONE blocks before parsing and
resolves TZIDs here, per calendar: an IANA name; a Windows name ("W. Europe Standard
Time", as Outlook and Teams write them); a vendor-prefixed IANA name
("/freeassociation.sourceforge.net/Europe/Berlin"); an Outlook display name with an offset
("(UTC+01:00) Amsterdam, Berlin"); else the calendar's own VTIMEZONE, read by
`VTimezone` (STANDARD/DAYLIGHT offsets and their yearly BYMONTH/BYDAY rules).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:  # the CLDR table icalendar ships; the fallback covers the names invites use most
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON as _WINDOWS
except ImportError:  # pragma: no cover - depends on the icalendar version
    _WINDOWS = {}

_COMMON_WINDOWS = {
    "Pacific Standard Time": "America/Los_Angeles",
    "Mountain Standard Time": "America/Denver",
    "US Mountain Standard Time": "America/Phoenix",
    "Central Standard Time": "America/Chicago",
    "Eastern Standard Time": "America/New_York",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "E. Europe Standard Time": "Europe/Chisinau",
    "FLE Standard Time": "Europe/Kiev",
    "India Standard Time": "Asia/Kolkata",
    "China Standard Time": "Asia/Shanghai",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Singapore Standard Time": "Asia/Singapore",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "UTC": "UTC",
}
_OFFSET_NAME = re.compile(r"\(\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2}):?(\d{2}))?\s*\)")
_OFFSET_VALUE = re.compile(r"([+-])(\d{2})(\d{2})(\d{2})?$")
_DAY_RULE = re.compile(r"([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@lru_cache(maxsize=512)
def named_zone(tzid: str) -> tzinfo | None:
    """The tzinfo a TZID names without a VTIMEZONE, or None."""
    name = tzid.strip().strip('"')
    candidates = [name, _COMMON_WINDOWS.get(name), _WINDOWS.get(name)]
    if name.startswith("/"):
        parts = name.strip("/").split("/")
        candidates += ["/".join(parts[index:]) for index in range(1, len(parts))]
    for candidate in candidates:
        if candidate and _plausible(candidate):
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                continue
    match = _OFFSET_NAME.search(name)
    if match:
        if not match.group(1):
            return UTC
        minutes = int(match.group(2)) * 60 + int(match.group(3))
        if minutes < 24 * 60:
            return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))
    return None


def _plausible(name: str) -> bool:
    return len(name) < 80 and ".." not in name and not name.startswith("/") and " " not in name


def parse_offset(value: str) -> timedelta | None:
    """A TZOFFSETTO/TZOFFSETFROM value ("+0100", "-0530") as a timedelta."""
    match = _OFFSET_VALUE.match(value.strip())
    if not match:
        return None
    seconds = int(match.group(2)) * 3600 + int(match.group(3)) * 60 + int(match.group(4) or 0)
    if seconds >= 24 * 3600:
        return None
    return timedelta(seconds=-seconds if match.group(1) == "-" else seconds)


class VTimezone(tzinfo):
    """A zone from one VTIMEZONE, as (TZOFFSETTO, DTSTART, RRULE text) per STANDARD or
    DAYLIGHT observance: the observance whose latest onset precedes the wall time applies.
    Only yearly BYMONTH/BYDAY rules are understood, which is what mail clients write."""

    def __init__(self, name: str, observances: list[tuple[timedelta, datetime, str]]) -> None:
        self._name = name
        self._observances = observances  # (offset, DTSTART, RRULE text)

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None or not self._observances:
            return self._observances[0][0] if self._observances else timedelta(0)
        best: tuple[datetime, timedelta] | None = None
        for offset, onset_start, rule in self._observances:
            try:
                onset = _latest_onset(onset_start, rule, dt.replace(tzinfo=None))
            except (ValueError, OverflowError):  # dates at the edge of datetime's range
                onset = None
            if onset is not None and (best is None or onset > best[0]):
                best = (onset, offset)
        if best is None:  # before every onset: the earliest-starting observance
            return min(self._observances, key=lambda item: item[1])[0]
        return best[1]

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"VTimezone({self._name!r})"


def _latest_onset(start: datetime, rule: str, moment: datetime) -> datetime | None:
    """The latest onset of an observance at or before `moment`."""
    if moment < start:
        return None
    fields = dict(item.partition("=")[::2] for item in rule.upper().split(";") if item)
    if fields.get("FREQ") != "YEARLY":
        return start
    month = int(fields["BYMONTH"]) if fields.get("BYMONTH", "").isdigit() else start.month
    if not 1 <= month <= 12:
        return start
    for year in (moment.year, moment.year - 1):
        onset = _nth_weekday(year, month, fields.get("BYDAY", ""), start)
        if onset is not None and start <= onset <= moment:
            return onset
    return start


def _nth_weekday(year: int, month: int, by_day: str, start: datetime) -> datetime | None:
    match = _DAY_RULE.match(by_day.split(",")[0].strip())
    if match is None:
        try:
            return start.replace(year=year, month=month)
        except ValueError:
            return None
    nth = int(match.group(1) or 1)
    weekday = _WEEKDAYS.index(match.group(2))
    first = datetime(year, month, 1, start.hour, start.minute, start.second)
    if nth > 0:
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        next_month = datetime(year + month // 12, month % 12 + 1, 1, start.hour, start.minute)
        last = next_month - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
    return day if day.month == month else None
