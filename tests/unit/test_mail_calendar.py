"""Calendar parts: Google and Outlook/Teams invites, time zones, broken data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from followup.mail.calendar import read_calendar
from followup.mail.defects import Defects
from followup.mail.model import Address, Attendee, CalendarEvent
from followup.mail.parse import parse_message

SAMPLES = Path(__file__).parent / "mail_samples"
NEW_YORK = ZoneInfo("America/New_York")


def codes(defects: Defects | tuple[str, ...]) -> set[str]:
    items = defects.as_tuple() if isinstance(defects, Defects) else defects
    return {defect.partition(":")[0] for defect in items}


def ics(*event_lines: str, calendar_lines: tuple[str, ...] = ("METHOD:REQUEST",)) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *calendar_lines, "BEGIN:VEVENT",
             "UID:evt-1@example.org", *event_lines, "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


def events(data: bytes, zone: timezone | ZoneInfo = UTC, method: str | None = None,
           defects: Defects | None = None) -> list[CalendarEvent]:
    return read_calendar(data, "utf-8", method, zone, defects if defects is not None else Defects())


def with_calendar(data: bytes, params: str = "; method=REQUEST",
                  date: str = "Tue, 10 Mar 2026 09:00:00 -0400") -> bytes:
    head = (f"From: r@acme.io\nDate: {date}\nContent-Type: text/calendar; charset=utf-8{params}\n"
            "\n")
    return head.encode() + data


def test_google_calendar_invite() -> None:
    message = parse_message((SAMPLES / "google_calendar_invite.eml").read_bytes())

    # the same event comes twice (text/calendar and invite.ics): it is kept once
    assert len(message.calendar) == 1
    event = message.calendar[0]
    los_angeles = ZoneInfo("America/Los_Angeles")
    assert event.method == "REQUEST"
    assert event.uid == "3k1v9p2q8r7s6t5u4v3w2x1y0z@google.com"
    assert event.sequence == 0
    assert event.status == "CONFIRMED"
    assert event.summary == "Northwind Labs - Technical Interview (Sam Rivera)"
    assert event.start == datetime(2026, 3, 3, 14, 30, tzinfo=los_angeles)
    assert event.start.utcoffset() == timedelta(hours=-8)
    assert event.end == datetime(2026, 3, 3, 15, 15, tzinfo=los_angeles)
    assert event.organizer == Address("Maria Lopez", "maria.lopez@northwindlabs.com")
    assert Attendee("Priya Natarajan", "priya@northwindlabs.com", "REQ-PARTICIPANT",
                    "INDIVIDUAL", "ACCEPTED") in event.attendees
    room = next(a for a in event.attendees if a.cutype == "RESOURCE")
    assert room.name == "SF-4-Embarcadero (8) [Zoom Room]"
    assert room.email == "c_1882a1b2c3d4e5f6@resource.calendar.google.com"
    assert event.location == "SF-4-Embarcadero (8) [Zoom Room]"
    assert event.meeting_links == ("https://meet.google.com/xkq-rtbd-wmn",)
    assert event.description.startswith(
        "Technical interview with Priya for the Senior Data Engineer role.\n\nPlease bring"
    )
    assert "-::~" not in event.description
    assert message.attachments == ("invite.ics",)
    assert "BEGIN:VCALENDAR" not in message.text
    assert message.defects == ()


def test_outlook_teams_invite_with_windows_time_zone() -> None:
    message = parse_message((SAMPLES / "outlook_teams_invite.eml").read_bytes())

    (event,) = message.calendar
    assert event.start == datetime(2026, 8, 18, 11, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert event.start.utcoffset() == timedelta(hours=-7)
    assert event.end is not None and event.end - event.start == timedelta(hours=1)
    assert event.sequence == 1
    assert event.organizer == Address("Morgan, Leah", "leah.morgan@emberly.com")
    assert [a.name for a in event.attendees] == ["Sam Rivera", "Huang, Victor", "Rao, Anjali"]
    assert event.attendees[2].role == "OPT-PARTICIPANT"
    assert event.location == "Microsoft Teams Meeting"
    assert len(event.meeting_links) == 1
    assert event.meeting_links[0].startswith("https://teams.microsoft.com/l/meetup-join/19%3a")
    assert "Meeting ID: 245 117 930 112" in event.description
    assert message.text.startswith("Hi Sam, looking forward to our conversation.")


@pytest.mark.parametrize(
    ("tzid", "offset"),
    [
        ("W. Europe Standard Time", timedelta(hours=2)),
        ("Eastern Standard Time", timedelta(hours=-4)),
        ("India Standard Time", timedelta(hours=5, minutes=30)),
        ("/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", timedelta(hours=2)),
        ("/Europe/Berlin", timedelta(hours=2)),
        ("Europe/Berlin", timedelta(hours=2)),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", timedelta(hours=1)),
    ],
)
def test_time_zone_names_without_vtimezone(tzid: str, offset: timedelta) -> None:
    (event,) = events(ics(f"DTSTART;TZID=\"{tzid}\":20260721T160000"))
    assert event.start is not None
    assert (event.start.hour, event.start.utcoffset()) == (16, offset)


def test_custom_vtimezone_is_read_per_calendar_without_leaking() -> None:
    def custom(standard: str, daylight: str) -> bytes:
        zone = ["BEGIN:VTIMEZONE", "TZID:Customized Time Zone",
                "BEGIN:STANDARD", "DTSTART:16010101T030000", f"TZOFFSETTO:{standard}",
                f"TZOFFSETFROM:{daylight}", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
                "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T020000",
                f"TZOFFSETTO:{daylight}", f"TZOFFSETFROM:{standard}",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT", "END:VTIMEZONE"]
        return ics("DTSTART;TZID=Customized Time Zone:20260715T100000",
                   "DTEND;TZID=Customized Time Zone:20261215T100000",
                   calendar_lines=("METHOD:REQUEST", *zone))

    (central_europe,) = events(custom("+0100", "+0200"))
    (eastern,) = events(custom("-0500", "-0400"))
    assert central_europe.start is not None and central_europe.end is not None
    assert eastern.start is not None and eastern.end is not None
    assert central_europe.start.utcoffset() == timedelta(hours=2)  # summer
    assert central_europe.end.utcoffset() == timedelta(hours=1)  # winter
    assert eastern.start.utcoffset() == timedelta(hours=-4)
    assert eastern.end.utcoffset() == timedelta(hours=-5)


def test_utc_times_stay_utc() -> None:
    (event,) = events(ics("DTSTART:20260303T223000Z", "DTEND:20260303T231500Z"))
    assert event.start == datetime(2026, 3, 3, 22, 30, tzinfo=UTC)


def test_floating_time_is_read_in_the_given_zone_with_a_defect() -> None:
    defects = Defects()
    (event,) = events(ics("DTSTART:20260303T143000", "DURATION:PT45M"), NEW_YORK,
                      defects=defects)
    assert event.start == datetime(2026, 3, 3, 14, 30, tzinfo=NEW_YORK)
    assert event.end == datetime(2026, 3, 3, 15, 15, tzinfo=NEW_YORK)
    assert "calendar-floating-time" in codes(defects)


def test_floating_time_uses_default_tz_else_the_date_header_offset() -> None:
    raw = with_calendar(ics("DTSTART:20260303T143000"))
    (from_date,) = parse_message(raw).calendar
    (from_default,) = parse_message(raw, default_tz=ZoneInfo("Europe/Paris")).calendar
    assert from_date.start == datetime(2026, 3, 3, 14, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert from_default.start == datetime(2026, 3, 3, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))


def test_all_day_event_starts_at_midnight_and_lasts_a_day() -> None:
    (event,) = events(ics("DTSTART;VALUE=DATE:20260303"), NEW_YORK)
    assert event.start == datetime(2026, 3, 3, tzinfo=NEW_YORK)
    assert event.end == datetime(2026, 3, 4, tzinfo=NEW_YORK)


def test_method_comes_from_the_content_type_when_the_calendar_has_none() -> None:
    raw = with_calendar(ics("DTSTART:20260303T143000Z", calendar_lines=()), "; method=CANCEL")
    (event,) = parse_message(raw).calendar
    assert event.method == "CANCEL"


def test_cancellation() -> None:
    (event,) = events(ics("DTSTART:20260303T143000Z", "STATUS:CANCELLED", "SEQUENCE:3",
                          calendar_lines=("METHOD:CANCEL",)))
    assert (event.method, event.status, event.sequence) == ("CANCEL", "CANCELLED", 3)


def test_base64_ics_attachment_with_a_generic_type() -> None:
    import base64

    data = base64.encodebytes(ics("DTSTART:20260303T143000Z", "SUMMARY:Onsite"))
    raw = (b'From: r@acme.io\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n'
           b"Content-Type: text/plain\n\nSee attached.\n--b\n"
           b'Content-Type: application/octet-stream; name="Interview.ics"\n'
           b'Content-Disposition: attachment; filename="Interview.ics"\n'
           b"Content-Transfer-Encoding: base64\n\n" + data + b"--b--\n")
    message = parse_message(raw)
    assert [e.summary for e in message.calendar] == ["Onsite"]
    assert message.text == "See attached."
    assert message.attachments == ("Interview.ics",)


def test_meeting_links_from_several_properties() -> None:
    (event,) = events(ics(
        "DTSTART:20260303T143000Z",
        "LOCATION:https://us02web.zoom.us/j/88204417733?pwd=abc",
        "DESCRIPTION:Join: https://meet.google.com/abc-defg-hij. Help: https://aka.ms/JoinTeams"
        "Meeting and https://example.org/agenda",
        "X-MICROSOFT-ONLINEMEETINGURL:https://acme.webex.com/meet/jane",
    ))
    assert event.meeting_links == (
        "https://acme.webex.com/meet/jane",
        "https://us02web.zoom.us/j/88204417733?pwd=abc",
        "https://meet.google.com/abc-defg-hij",
    )


def test_odd_values_get_defaults() -> None:
    (event,) = events(ics("DTSTART:20260303T143000Z", "SEQUENCE:abc",
                          "ATTENDEE:mailto:plain@example.org",
                          "ATTENDEE;CN=No Address:invalid",
                          "ORGANIZER:not-an-address"))
    assert event.sequence == 0
    assert event.organizer is None
    assert event.attendees == (Attendee("", "plain@example.org"), Attendee("No Address", ""))
    assert (event.summary, event.location, event.description, event.status) == ("", "", "", None)


def test_unknown_time_zone_falls_back_with_a_defect() -> None:
    defects = Defects()
    (event,) = events(ics("DTSTART;TZID=Mars/Olympus_Mons:20260303T143000"), NEW_YORK,
                      defects=defects)
    assert event.start == datetime(2026, 3, 3, 14, 30, tzinfo=NEW_YORK)
    assert "calendar-unknown-timezone" in codes(defects)


def test_truncated_calendar_with_junk_still_gives_its_event() -> None:
    data = (b"\xef\xbb\xbfgarbage line without colon\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n"
            b"<html>junk</html>\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Interview\r\n"
            b"DTSTART:20260303T143000Z\r\n")
    (event,) = events(data)
    assert (event.summary, event.method) == ("Interview", "REQUEST")


@pytest.mark.parametrize(
    "data",
    [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\n", b"\x00\xff" * 100,
     b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-03-03 nonsense\r\nEND:VEVENT\r\n",
     b"BEGIN:VCALENDAR\r\n" + b"BEGIN:X\r\n" * 5000 + b"BEGIN:VEVENT\r\nUID:y\r\n"],
)
def test_bad_calendar_data_never_raises(data: bytes) -> None:
    found = events(data)
    assert all(isinstance(event, CalendarEvent) for event in found)
    assert parse_message(with_calendar(data)).sender == Address("", "r@acme.io")


def test_times_at_the_edge_of_the_calendar_are_dropped() -> None:
    defects = Defects()
    (event,) = events(ics("DTSTART:00010101T000000Z", "DTEND;TZID=Europe/Berlin:99991231T235959"),
                      defects=defects)
    assert (event.start, event.end) == (None, None)
    assert "calendar-invalid" in codes(defects)
    message = parse_message(b"From: a@b.org\nDate: Sat, 14 Oct 1066 09:00:00 +0100\n\nx")
    assert message.date is None


def test_an_unreadable_time_keeps_the_rest_of_the_event() -> None:
    (event,) = events(ics("SUMMARY:Interview", "DTSTART:garbage", "DURATION:P1X"))
    assert (event.summary, event.start, event.end) == ("Interview", None, None)
