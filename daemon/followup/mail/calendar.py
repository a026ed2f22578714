"""text/calendar parts and .ics attachments as `CalendarEvent`s (the only icalendar user).

Before icalendar sees the data, it is decoded and cleaned: VTIMEZONE blocks are taken out
(see `followup.mail.timezones` for why), lines that are not iCalendar content lines are
dropped, nesting is capped and missing END lines are supplied, so a truncated or slightly
broken invite still yields its events. Times come out timezone-aware: TZID through
`followup.mail.timezones`, floating times and all-day dates in `fallback_zone`.
Unreadable data or events are skipped with a defect; nothing here raises.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

import icalendar

from followup.mail.defects import Defects
from followup.mail.headers import MAX_YEAR, MIN_YEAR
from followup.mail.html import html_to_text
from followup.mail.model import Address, Attendee, CalendarEvent
from followup.mail.text import clean_text, decode_bytes
from followup.mail.timezones import VTimezone, named_zone, parse_offset

MAX_CALENDAR_BYTES = 512 * 1024
MAX_LINES = 5000  # content lines handed to icalendar (about 100 ms of its parsing)
MAX_NESTING = 6
MAX_EVENTS = 50
MAX_ATTENDEES = 200
MAX_DESCRIPTION = 4000

_CONTENT_LINE = re.compile(r"[A-Za-z0-9-]{1,100}[;:]")
_UNWANTED = ("ATTACH;", "ATTACH:", "X-MS-OLK-", "X-MICROSOFT-CDO-")  # bulky, never read
_URL = re.compile(r"https?://[^\s<>\"'\\]{4,2000}", re.IGNORECASE)
_MEETING_HOSTS = re.compile(
    r"https?://(?:[\w-]+\.)*(?:zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|"
    r"meet\.google\.com|webex\.com|gotomeeting\.com|gotomeet\.me|meet\.goto\.com|"
    r"bluejeans\.com|chime\.aws|whereby\.com|meet\.jit\.si|join\.skype\.com|"
    r"hirevue\.com|around\.co)(?:[/?#:]|$)",
    re.IGNORECASE,
)
_LINK_PROPERTIES = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-ONLINEMEETINGURL",
                    "X-MICROSOFT-SKYPETEAMSMEETINGURL", "CONFERENCE", "URL", "LOCATION",
                    "DESCRIPTION", "X-ALT-DESC")
_SEPARATOR_LINE = re.compile(r"^[-:~_=* ]{8,}$", re.MULTILINE)  # Google's "-::~:~::~" rules
_HTML_HINT = re.compile(r"<(?:br|p|div|a|span|b|html)\b", re.IGNORECASE)


def read_calendar(data: bytes, charset: str | None, method_hint: str | None,
                  fallback_zone: tzinfo, defects: Defects,
                  where: str = "calendar") -> list[CalendarEvent]:
    """The VEVENTs of one iCalendar object (`data` as found in the part, transfer-decoded)."""
    if len(data) > MAX_CALENDAR_BYTES:
        defects.add("calendar-truncated", f"{len(data)} bytes in {where}")
        data = data[:MAX_CALENDAR_BYTES]
    text = clean_text(decode_bytes(data, charset or "utf-8", defects, where))
    content, zone_blocks = _prepare(text)
    zones = {tzid: zone for tzid, zone in map(_read_vtimezone, zone_blocks)
             if tzid and zone is not None}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendars = icalendar.Calendar.from_ical(content.encode("utf-8"), multiple=True)
    except Exception as error:  # noqa: BLE001 - third-party parser on hostile input
        defects.add("calendar-invalid", f"{type(error).__name__} in {where}")
        return []
    events: list[CalendarEvent] = []
    for calendar in calendars:
        method = str(calendar.get("METHOD") or method_hint or "").strip().upper() or None
        try:
            vevents = list(calendar.walk("VEVENT"))
        except Exception as error:  # noqa: BLE001
            defects.add("calendar-invalid", f"{type(error).__name__} in {where}")
            continue
        for vevent in vevents[:MAX_EVENTS - len(events)]:
            try:
                events.append(_event(vevent, method, zones, fallback_zone, defects))
            except Exception as error:  # noqa: BLE001 - one bad event must not lose the rest
                defects.add("calendar-event-skipped", f"{type(error).__name__} in {where}")
    return events


def _prepare(text: str) -> tuple[str, list[list[str]]]:
    """Content lines for icalendar without VTIMEZONE blocks, plus those blocks' lines."""
    kept: list[str] = []
    zone_blocks: list[list[str]] = []
    stack: list[str] = []
    zone: list[str] | None = None
    dropping = False  # the previous line was dropped: so are its continuation lines
    for line in text.split("\n"):
        if line[:1] in (" ", "\t"):
            if not dropping:
                (zone if zone is not None else kept).append(line)
            continue
        if len(kept) >= MAX_LINES:
            break
        dropping = not _CONTENT_LINE.match(line) or line.upper().startswith(_UNWANTED)
        if dropping:
            continue
        upper = line.upper()
        if upper.startswith("BEGIN:VTIMEZONE") and zone is None:
            zone = [line]
            continue
        if zone is not None:
            zone.append(line)
            if upper.startswith("END:VTIMEZONE"):
                zone_blocks.append(zone)
                zone = None
            continue
        if upper.startswith("BEGIN:"):
            if len(stack) >= MAX_NESTING:
                dropping = True
                continue
            stack.append(line[6:].strip().upper())
        elif upper.startswith("END:"):
            name = line[4:].strip().upper()
            if name not in stack:
                continue
            while stack and stack[-1] != name:
                kept.append(f"END:{stack.pop()}")
            stack.pop()
        kept.append(line)
    kept.extend(f"END:{name}" for name in reversed(stack))
    return "\r\n".join(kept) + "\r\n", zone_blocks


def _read_vtimezone(lines: list[str]) -> tuple[str, VTimezone | None]:
    """(TZID, zone) from the lines of one VTIMEZONE block."""
    unfolded: list[str] = []
    for line in lines:
        if line[:1] in (" ", "\t") and unfolded:
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    tzid = ""
    observances: list[tuple[timedelta, datetime, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded:
        name, _, value = line.partition(":")
        key = name.split(";", 1)[0].strip().upper()
        if key == "TZID" and current is None:
            tzid = value.strip()[:200]
        elif key == "BEGIN" and value.strip().upper() in ("STANDARD", "DAYLIGHT"):
            current = {}
        elif key == "END" and current is not None:
            offset = parse_offset(current.get("TZOFFSETTO", ""))
            start = _parse_local(current.get("DTSTART", ""))
            if offset is not None and start is not None:
                observances.append((offset, start, current.get("RRULE", "")))
            current = None
        elif current is not None:
            current[key] = value.strip()
    return tzid, (VTimezone(tzid, observances) if observances else None)


def _parse_local(value: str) -> datetime | None:
    try:
        return datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    except ValueError:
        return None


def _event(vevent: Any, method: str | None, zones: dict[str, VTimezone],
           fallback_zone: tzinfo, defects: Defects) -> CalendarEvent:
    start = _when(vevent, "DTSTART", zones, fallback_zone, defects)
    end = _when(vevent, "DTEND", zones, fallback_zone, defects)
    if end is None and start is not None:
        duration = _dt(_first(vevent.get("DURATION")))
        if isinstance(duration, timedelta):
            end = start + duration
        elif not isinstance(_dt(_first(vevent.get("DTSTART"))), datetime):
            end = start + timedelta(days=1)  # an all-day event lasts its day
    attendees = vevent.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    description = _SEPARATOR_LINE.sub("", _text(vevent, "DESCRIPTION"))
    if _HTML_HINT.search(description):
        description = description.replace("\n", "<br>")
        description = html_to_text(description, defects, "calendar description").text
    status = _text(vevent, "STATUS").upper()
    return CalendarEvent(
        method=method,
        uid=_text(vevent, "UID")[:500] or None,
        sequence=_sequence(vevent.get("SEQUENCE")),
        summary=_text(vevent, "SUMMARY")[:500],
        start=start,
        end=end,
        organizer=_organizer(_first(vevent.get("ORGANIZER"))),
        attendees=tuple(a for a in map(_attendee, attendees[:MAX_ATTENDEES]) if a is not None),
        location=_text(vevent, "LOCATION")[:500],
        description=description[:MAX_DESCRIPTION].strip(),
        status=status or None,
        meeting_links=_meeting_links(vevent),
    )


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _dt(prop: Any) -> Any:
    """The value of a date, time or duration property; None when absent or unreadable
    (icalendar raises on access to a property it could not parse)."""
    try:
        return getattr(prop, "dt", None)
    except Exception:  # noqa: BLE001 - icalendar's BrokenCalendarProperty and friends
        return None


def _text(vevent: Any, name: str) -> str:
    value = _first(vevent.get(name))
    return "" if value is None else clean_text(str(value)).strip()


def _sequence(value: Any) -> int:
    try:
        return max(0, min(int(str(_first(value)).strip()), 1_000_000))
    except (TypeError, ValueError):
        return 0


def _when(vevent: Any, name: str, zones: dict[str, VTimezone], fallback_zone: tzinfo,
          defects: Defects) -> datetime | None:
    prop = _first(vevent.get(name))
    value = _dt(prop)
    if isinstance(value, date) and not MIN_YEAR <= value.year <= MAX_YEAR:
        defects.add("calendar-invalid", f"{name} in the year {value.year}")
        return None
    if isinstance(value, datetime):
        tzid = str(prop.params.get("TZID") or "").strip()[:200]
        if tzid:
            zone: tzinfo | None = named_zone(tzid) or zones.get(tzid) or value.tzinfo
            if zone is None:
                defects.add("calendar-unknown-timezone", f"{tzid[:60]!r} read as the fallback")
                zone = fallback_zone
            return value.replace(tzinfo=zone)
        if value.tzinfo is None:
            defects.add("calendar-floating-time", f"{name} read in the fallback zone")
            return value.replace(tzinfo=fallback_zone)
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=fallback_zone)
    return None


def _address_of(value: Any) -> str:
    address = str(value).strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    address = address.strip().lower()
    return address if re.fullmatch(r"[^@\s<>]{1,256}@[^@\s<>]{1,255}", address) else ""


def _param(value: Any, name: str) -> str:
    """One property parameter as text; icalendar splits unquoted commas ("CN=Greer, Paul",
    as Outlook writes it) into a list, which is joined back."""
    params = getattr(value, "params", None) or {}
    found = params.get(name)
    if isinstance(found, (list, tuple)):
        found = ",".join(str(item) for item in found)
    return clean_text(str(found or "")).strip().strip('"')


def _common_name(value: Any) -> str:
    return _param(value, "CN")[:200]


def _organizer(value: Any) -> Address | None:
    if value is None:
        return None
    address = _address_of(value)
    return Address(name=_common_name(value), email=address) if address else None


def _attendee(value: Any) -> Attendee | None:
    address, name = _address_of(value), _common_name(value)
    if not address and not name:
        return None
    return Attendee(
        name=name,
        email=address,
        role=(_param(value, "ROLE") or "REQ-PARTICIPANT").upper()[:40],
        cutype=(_param(value, "CUTYPE") or "INDIVIDUAL").upper()[:40],
        partstat=(_param(value, "PARTSTAT") or "NEEDS-ACTION").upper()[:40],
    )


def _meeting_links(vevent: Any) -> tuple[str, ...]:
    links: dict[str, None] = {}
    for name in _LINK_PROPERTIES:
        value = vevent.get(name)
        for item in value if isinstance(value, list) else [value]:
            if item is None:
                continue
            for url in _URL.findall(str(item)):
                url = url.rstrip(").,;:]>*")
                if _MEETING_HOSTS.match(url) and len(links) < 10:
                    links[url] = None
    return tuple(links)
