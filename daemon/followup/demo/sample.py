"""The demo's sample mailbox: a fortnight of Sam Rivera's job search, written by us.

Messages are built relative to a start day so the demo always reads as recent. Each is
(arrival offset, folder role, raw bytes). Nothing here is real mail.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

USER = ("Sam Rivera", "sam.rivera@example.org")


def _message(sent: datetime, sender: tuple[str, str], to: tuple[str, str], subject: str,
             body: str, *, reply_to: tuple[str, str] | None = None,
             in_reply_to: str | None = None, message_id: str | None = None,
             calendar: str | None = None, headers: dict[str, str] | None = None
             ) -> tuple[str, bytes]:
    message = EmailMessage()
    message["From"] = f"{sender[0]} <{sender[1]}>" if sender[0] else sender[1]
    message["To"] = f"{to[0]} <{to[1]}>"
    if reply_to:
        message["Reply-To"] = f"{reply_to[0]} <{reply_to[1]}>"
    message["Subject"] = subject
    message["Date"] = format_datetime(sent)
    identity = message_id or make_msgid(domain=sender[1].split("@")[1])
    message["Message-ID"] = identity
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if calendar:
        message.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    return identity, message.as_bytes()


def _invite(start: datetime, end: datetime, organizer: tuple[str, str],
            attendees: list[tuple[str, str]], summary: str, uid: str) -> str:
    def stamp(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    lines = ["BEGIN:VCALENDAR", "PRODID:-//Example Calendar//EN", "VERSION:2.0",
             "METHOD:REQUEST", "BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:0",
             f"DTSTAMP:{stamp(start - timedelta(days=2))}", f"DTSTART:{stamp(start)}",
             f"DTEND:{stamp(end)}", f"SUMMARY:{summary}",
             f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}"]
    for name, address in attendees:
        lines.append(f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:"
                     f"mailto:{address}")
    lines += ["LOCATION:https://meet.example.com/nwl-sam", "STATUS:CONFIRMED", "END:VEVENT",
              "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def sample_mailbox(start: datetime) -> list[tuple[datetime, str, bytes]]:
    """Every message of the demo, oldest first: (when it arrives, 'inbox'|'sent', raw)."""
    day = timedelta(days=1)
    mail: list[tuple[datetime, str, bytes]] = []

    def add(when: datetime, role: str, made: tuple[str, bytes]) -> str:
        mail.append((when, role, made[1]))
        return made[0]

    maria = ("Maria Lopez", "maria.lopez@northwindlabs.example")
    # Northwind Labs: acknowledged, invited, interviewed by a panel, then a decision date.
    add(start + timedelta(hours=1), "inbox", _message(
        start + timedelta(hours=1), ("Northwind Labs", "no-reply@greenhouse.io"), USER,
        "Thank you for applying to Northwind Labs",
        "Hi Sam,\n\nThanks for applying for the Senior Data Engineer role at Northwind Labs. "
        "Our team will review your application and, if there is a match, a recruiter will be "
        "in touch.\n\nNorthwind Labs Recruiting"))
    invite_id = add(start + day + timedelta(hours=3), "inbox", _message(
        start + day + timedelta(hours=3), maria, USER, "Senior Data Engineer - next steps",
        "Hi Sam,\n\nThanks for your interest in Northwind Labs! I'd love to set up an interview "
        "for the Senior Data Engineer role with two of our engineers. Could you share a few "
        "times that work for you later this week?\n\nBest,\nMaria Lopez\nTalent Partner, "
        "Northwind Labs"))
    interview = (start + 4 * day).replace(hour=14, minute=0)
    reply_id = add(start + day + timedelta(hours=5), "sent", _message(
        start + day + timedelta(hours=5), USER, maria, "Re: Senior Data Engineer - next steps",
        "Hi Maria,\n\nThank you! Thursday afternoon works well for me.\n\nBest,\nSam",
        in_reply_to=invite_id))
    add(start + 2 * day, "inbox", _message(
        start + 2 * day, maria, USER,
        "Invitation: Northwind Labs interview - Senior Data Engineer",
        f"Hi Sam,\n\nYou're confirmed for {interview:%A, %B %d} at {interview:%I:%M %p}. "
        "You'll meet Dana Kim and Luis Ortega.\n\nMaria",
        in_reply_to=reply_id,
        calendar=_invite(interview, interview + timedelta(hours=1), maria,
                         [("Sam Rivera", USER[1]), ("Dana Kim", "dana.kim@northwindlabs.example"),
                          ("Luis Ortega", "luis.ortega@northwindlabs.example")],
                         "Northwind Labs interview - Senior Data Engineer",
                         "nwl-interview-1@northwindlabs.example")))
    decision_day = start + 5 * day
    add(decision_day + timedelta(hours=2), "inbox", _message(
        decision_day + timedelta(hours=2), maria, USER, "Re: Northwind Labs interview",
        "Hi Sam,\n\nThanks again for your time yesterday; the team enjoyed the conversation. "
        "We are still meeting other candidates and expect to make a decision by "
        f"{(start + 9 * day):%A, %B %d}.\n\nBest,\nMaria", in_reply_to=reply_id))

    # Acme Robotics: acknowledged, then a polite rejection from a person.
    priya = ("Priya Natarajan", "priya@acme-robotics.example")
    add(start + timedelta(hours=4), "inbox", _message(
        start + timedelta(hours=4), ("Acme Robotics Careers", "careers@acme-robotics.example"),
        USER, "We received your application - Platform Engineer",
        "Hello Sam,\n\nWe have received your application for the Platform Engineer position "
        "at Acme Robotics. We will review it carefully.\n\nAcme Robotics Talent Team"))
    add(start + 6 * day + timedelta(hours=6), "inbox", _message(
        start + 6 * day + timedelta(hours=6), priya, USER,
        "Your application to Acme Robotics",
        "Hi Sam,\n\nThank you for the time you spent with us on the Platform Engineer role. "
        "After careful consideration, the team has decided to move forward with other "
        "candidates whose experience more closely matches our needs.\n\nWe wish you every "
        "success in your search.\n\nPriya Natarajan\nRecruiter, Acme Robotics"))

    # Noise: a job-alert digest and a recruiter's cold outreach (no drafts for either).
    add(start + 3 * day, "inbox", _message(
        start + 3 * day, ("JobBoard Alerts", "alerts@jobboard.example"), USER,
        "12 new jobs for you: Data Engineer",
        "New jobs matching your search: Data Engineer at Foo (apply now), Interview-ready "
        "tips, and more. Unsubscribe at any time.",
        headers={"List-Unsubscribe": "<mailto:unsubscribe@jobboard.example>",
                 "Precedence": "bulk"}))
    add(start + 7 * day, "inbox", _message(
        start + 7 * day, ("Tom Becker", "tom@talentbridge.example"), USER,
        "Exciting opportunity: Staff Engineer",
        "Hi Sam,\n\nI came across your profile and think you'd be a great fit for a Staff "
        "Engineer role with one of my clients. Would you be open to a quick chat?\n\nTom Becker"
        "\nSenior Recruiter, TalentBridge"))
    mail.sort(key=lambda item: item[0])
    return mail
