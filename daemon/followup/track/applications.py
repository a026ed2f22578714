"""Records in, applications out: grouping, rounds, state, contacts and the user's word.

`group_applications` is pure: the judged records, the user's configuration and overrides,
and `now` go in; the applications come out, oldest first. Running it again with more mail
gives the same ids to the same applications (see `application_id`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime

from followup.config_model import TimingConfig, UserConfig
from followup.judge.model import Person
from followup.track.decided import decided_company, decided_role
from followup.mail.senders import employer_domain
from followup.track.grouping import NON_APPLICATION_KINDS, group_records
from followup.track.model import Application, MailRecord, Override
from followup.track.names import (
    company_matches_domain,
    is_human,
    normalise_company,
    unique_people,
)
from followup.track.rounds import build_rounds
from followup.track.state import apply_overrides, history_state


def application_id(first_record: MailRecord) -> str:
    """The id of an application whose earliest record is `first_record`.

    Stable because new mail is newer than what the application already holds, so its
    earliest record stays the same; when two applications merge (a later message shows
    they are one), the merged one keeps the id of the older, and the younger's id stays
    among its `aliases`."""
    return hashlib.sha256(first_record.key.encode("utf-8")).hexdigest()[:12]


def _sender_is_human(record: MailRecord, user: UserConfig) -> bool:
    return not record.automated and is_human(record.sender, user.addresses)


def _named(email: str, people: Sequence[Person]) -> Person:
    email = email.strip().lower()
    for person in people:
        if person.email == email and person.name:
            return person
    return Person("", email)


def _contact_candidates(records: Sequence[MailRecord], user: UserConfig) -> Iterator[Person]:
    """Everyone a reply could go to, best first: per inbound message, newest first, the
    contact the facts name, a human Reply-To, a human sender; then interviewers; then the
    people the user wrote to."""
    everyone = [p for r in records for p in (r.sender, *r.reply_to, *r.to, *r.cc,
                                              *r.facts.interviewers) if p is not None]
    inbound = [r for r in reversed(records)
               if r.direction == "inbound" and r.kind not in NON_APPLICATION_KINDS]
    for record in inbound:
        if record.facts.contact:
            yield _named(record.facts.contact, everyone)
        yield from record.reply_to
        if record.sender is not None and _sender_is_human(record, user):
            yield record.sender
    for record in inbound:
        yield from record.facts.interviewers
    for record in reversed(records):
        if record.direction == "sent":
            yield from (*record.to, *record.cc)


def contacts_of(records: Sequence[MailRecord], user: UserConfig,
                company: str | None = None) -> tuple[Person, ...]:
    """Humans a reply may go to, best first; never the user, never a machine address.

    With the `company` known and people writing both from its domain and from another
    employer's (an agency's consultant who runs the process for a client whose manager
    interviews): the go-between who wrote comes first. They ran the process, so a status
    check goes to them (blind scenario 93); a thank-you still goes to the interviewers."""
    people = unique_people(p for p in _contact_candidates(records, user)
                           if is_human(p, user.addresses))
    name = normalise_company(company)
    if not name:
        return people

    def at_company(person: Person) -> bool | None:
        domain = employer_domain(person.email)
        return None if domain is None else company_matches_domain(name, domain)

    writers = {r.sender.email.lower() for r in records if r.direction == "inbound"
               and r.sender is not None and _sender_is_human(r, user)}
    between = [p for p in people if p.email in writers and at_company(p) is False]
    if not between or not any(at_company(p) for p in people):
        return people
    return unique_people([*between, *people])


def _main_domain(records: Sequence[MailRecord], user: UserConfig) -> str | None:
    counts: Counter[str] = Counter()
    for record in records:
        if record.direction != "inbound" or record.kind in NON_APPLICATION_KINDS:
            continue
        people = [*record.reply_to, *record.facts.interviewers]
        if record.sender is not None:
            people.append(record.sender)
        addresses = [p.email for p in people] + [record.facts.contact or ""]
        for address in addresses:
            domain = employer_domain(address) if address else None
            if domain and address.lower() not in user.addresses:
                counts[domain] += 1
    return counts.most_common(1)[0][0] if counts else None


def group_applications(records: Sequence[MailRecord], user: UserConfig,
                       overrides: Sequence[Override] = (), now: datetime | None = None,
                       timing: TimingConfig | None = None) -> list[Application]:
    """Every application the records speak of, oldest first.

    `overrides` apply to the application whose id or alias they name. `now` (aware,
    required: the state depends on it) decides which interviews have ended; mail and
    overrides dated after it are left out, so `plan --now` in the past sees what was known
    then. `timing` (defaults if None) decides when silence closes an application. Records
    of kind `other` / `recruiter_outreach` never found an application. Raises TypeError
    without an aware `now`; nothing on odd input: unknown facts simply stay unknown."""
    if now is None or now.tzinfo is None:
        raise TypeError("group_applications needs `now` as an aware datetime")
    timing = timing or TimingConfig()
    applications = []
    known = [r for r in records if r.date <= now]
    for members, thread_starts in group_records(known, user):
        ident = application_id(members[0])
        aliases = tuple(dict.fromkeys([ident, *(application_id(r) for r in thread_starts)]))
        rounds = build_rounds(members, user)
        verdict = history_state(members, rounds, user, timing, now)
        mine = [o for o in overrides if o.application_id in aliases and o.at <= now]
        verdict, note = apply_overrides(verdict, mine, user)
        company = decided_company(members)
        applications.append(Application(
            id=ident,
            company=company,
            role=decided_role(members),
            employer_domain=_main_domain(members, user),
            state=verdict.state,
            records=tuple(members),
            rounds=rounds,
            contacts=contacts_of(members, user, company),
            note=note,
            state_reason=verdict.reason,
            closed_by=verdict.closed_by,
            aliases=aliases,
        ))
    return applications
