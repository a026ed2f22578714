"""Builders for the tracker's tests: MailRecords made directly, a Sam Rivera user, a clock.

Also the tests of the sender rules and name comparison the builders rest on.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from followup.config_model import TimingConfig, UserConfig
from followup.judge.model import Facts, Person
from followup.mail.senders import (
    ATS_DOMAINS,
    employer_domain,
    is_machine_address,
    registrable_domain,
)
from followup.track.model import MailRecord
from followup.track.names import (
    companies_match,
    company_matches_domain,
    first_name,
    normalise_company,
    normalise_role,
    roles_match,
)

NEW_YORK = ZoneInfo("America/New_York")
SAM = UserConfig(name="Sam Rivera", addresses=("sam.rivera@example.org", "sam@rivera.dev"),
                 timezone="America/New_York")
TIMING = TimingConfig()
ME = Person("Sam Rivera", "sam.rivera@example.org")
MARIA = Person("Maria Lopez", "maria.lopez@northwindlabs.com")
DANA = Person("Dana Kim", "dana.kim@northwindlabs.com")
PRIYA = Person("Priya Natarajan", "priya@northwindlabs.com")
GREENHOUSE = Person("Northwind Labs", "no-reply@greenhouse.io")
GOODTIME = Person("GoodTime", "scheduling@goodtime.io")

_counter = itertools.count(1)


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0,
       zone: ZoneInfo = NEW_YORK) -> datetime:
    """An aware wall-clock time (New York unless told)."""
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def record(kind: str, when: datetime, *, sender: Person | None = None,
           to: tuple[Person, ...] = (), cc: tuple[Person, ...] = (),
           reply_to: tuple[Person, ...] = (), subject: str = "", company: str | None = None,
           role: str | None = None, start: datetime | None = None,
           end: datetime | None = None, interviewers: tuple[Person, ...] = (),
           contact: str | None = None, decision_by: date | None = None,
           thread: str | None = None, message_id: str | None = None,
           in_reply_to: str | None = None, references: tuple[str, ...] = (),
           automated: bool | None = None, uid: str | None = None, sequence: int = 0,
           process_closed: bool = False, account: str = "personal") -> MailRecord:
    """A MailRecord with sensible defaults: inbound unless the kind is the user's, sent
    ones from Sam, a unique Message-ID, `automated` from the sender address."""
    number = next(_counter)
    sent = kind.startswith("user_")
    if sent:
        sender = ME
    elif sender is None:
        sender = MARIA
    if automated is None:
        automated = is_machine_address(sender.email, sender.name)
    return MailRecord(
        key=f"{account}:{message_id or f'<m{number}@test>'}",
        account=account,
        message_id=message_id or f"<m{number}@test>",
        thread_id=thread,
        in_reply_to=in_reply_to,
        references=references,
        date=when,
        direction="sent" if sent else "inbound",
        kind=kind,
        sender=sender,
        reply_to=reply_to,
        to=to if to or sent else (ME,),
        cc=cc,
        subject=subject or kind.replace("_", " ").capitalize(),
        facts=Facts(company=company, role=role, interview_start=start, interview_end=end,
                    interviewers=interviewers, contact=contact, decision_by=decision_by),
        automated=automated,
        calendar_uid=uid,
        calendar_sequence=sequence,
        process_closed=process_closed,
    )


def reply(to_record: MailRecord, kind: str, when: datetime, **kwargs: object) -> MailRecord:
    """A record in the same thread as `to_record` (In-Reply-To / References set)."""
    references = (*to_record.references, to_record.message_id or "")
    return record(kind, when, in_reply_to=to_record.message_id, references=references,
                  thread=to_record.thread_id, **kwargs)  # type: ignore[arg-type]


def later(instant: datetime, **delta: float) -> datetime:
    return instant + timedelta(**delta)


# -- the sender rules and names the builders rest on --------------------------------------

def test_machine_addresses() -> None:
    for address in ("no-reply@greenhouse.io", "noreply@acme.com", "do-not-reply@acme.com",
                    "donotreply@acme.com", "notifications@acme.com", "MAILER-DAEMON@acme.com",
                    "postmaster@acme.com", "bounces+123@acme.com", "jobs-noreply@acme.com",
                    "careers-noreply@acme.com", "calendar-notification@google.com",
                    "maria@greenhouse-mail.io", "x@hire.lever.co", "anyone@ashbyhq.com",
                    "acme@myworkday.com", "bot@calendly.com", "s@goodtime.io",
                    "c_123@resource.calendar.google.com", "team@group.calendar.google.com",
                    "jobs@linkedin.com", "test@hackerrank.com", ""):
        assert is_machine_address(address), address
    for address in ("maria.lopez@northwindlabs.com", "talent@acme.com", "dana@gmail.com",
                    "recruiting@acme.co.uk"):
        assert not is_machine_address(address), address
    assert is_machine_address("hr@acme.com", "Mail Delivery Subsystem")
    assert "greenhouse.io" in ATS_DOMAINS


def test_employer_domain() -> None:
    assert employer_domain("maria@mail.acme.com") == "acme.com"
    assert employer_domain("jobs@careers.acme.co.uk") == "acme.co.uk"
    assert employer_domain("no-reply@acme.com") == "acme.com"
    for address in ("no-reply@greenhouse.io", "a@gmail.com", "a@yahoo.co.uk", "a@web.de",
                    "a@proton.me", "x@calendly.com", "c@resource.calendar.google.com",
                    "broken"):
        assert employer_domain(address) is None, address
    assert registrable_domain("a.b.acme.com.au") == "acme.com.au"


def test_company_and_role_names() -> None:
    assert normalise_company("Northwind Labs, Inc.") == "northwind labs"
    assert normalise_company("Acme S.A.") == "acme"
    assert normalise_company("Müller GmbH & Co. KG") == "muller"
    assert companies_match("northwind", "northwind labs")
    assert not companies_match("northwind labs", "southwind labs")
    assert company_matches_domain("northwind labs", "northwindlabs.com")
    assert not company_matches_domain("contoso", "northwindlabs.com")
    assert normalise_role("Senior Data Engineer (m/w/d)") == "senior data engineer"
    assert roles_match("data engineer", "senior data engineer")
    assert not roles_match("data engineer", "product designer")
    assert first_name(Person("Kim, Dana", "")) == "Dana"
    assert first_name(Person("", "dana@x.com")) == ""
