"""Mail as data: from raw RFC 5322 bytes to a `Message` (pure, no I/O)."""

from followup.mail.model import Address, Attendee, CalendarEvent, Message

__all__ = ["Address", "Attendee", "CalendarEvent", "Message"]
