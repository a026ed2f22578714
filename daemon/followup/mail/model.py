"""The message model every other part of followup reads.

Frozen dataclasses, built by `followup.mail.parse.parse_message`. Nothing here does I/O.
Datetimes are always timezone-aware; addresses are lower-cased.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Address:
    """One mailbox: display name (may be empty) and lower-cased address."""

    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]

    @property
    def local_part(self) -> str:
        return self.email.rpartition("@")[0]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True)
class Attendee:
    """An ATTENDEE of a calendar event.

    `role` is the iCalendar ROLE (REQ-PARTICIPANT, OPT-PARTICIPANT, CHAIR, NON-PARTICIPANT),
    `cutype` the CUTYPE (INDIVIDUAL, GROUP, RESOURCE, ROOM, UNKNOWN), `partstat` the PARTSTAT.
    """

    name: str
    email: str
    role: str = "REQ-PARTICIPANT"
    cutype: str = "INDIVIDUAL"
    partstat: str = "NEEDS-ACTION"


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT from a text/calendar part or an .ics attachment."""

    method: str | None  # the VCALENDAR METHOD: REQUEST, CANCEL, PUBLISH, REPLY, ...
    uid: str | None
    sequence: int
    summary: str
    start: datetime | None
    end: datetime | None
    organizer: Address | None
    attendees: tuple[Attendee, ...]
    location: str
    description: str
    status: str | None  # CONFIRMED, CANCELLED, TENTATIVE
    meeting_links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Message:
    """A parsed message.

    `text` is all readable text (plain parts, and HTML read as text) of the message;
    `new_text` is only what this message adds: quoted earlier mail and the signature removed.
    `quoted_text` is what was removed as quotation; it must never drive the kind.
    `headers` keeps a small set of lower-cased header names useful for judgement
    (list-unsubscribe, precedence, auto-submitted, x-autoreply, ...), decoded.
    """

    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    sender: Address | None  # From (first address)
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None
    text: str
    new_text: str
    quoted_text: str = ""
    signature: str = ""
    html_links: tuple[tuple[str, str], ...] = ()  # (link text, href), from HTML parts
    calendar: tuple[CalendarEvent, ...] = ()
    attachments: tuple[str, ...] = ()  # file names of non-text parts
    headers: dict[str, str] = field(default_factory=dict)
    thread_id: str | None = None  # the provider's thread id (Gmail), when known
    defects: tuple[str, ...] = ()  # what was wrong but tolerated while parsing

    @property
    def thread_keys(self) -> tuple[str, ...]:
        """Every Message-ID this message is linked to, itself included."""
        keys = [k for k in (self.message_id, self.in_reply_to, *self.references) if k]
        return tuple(dict.fromkeys(keys))
