"""An application's company and role, decided across its messages (SPEC.md §4: "from the
most reliable source, never from one stray line").

Each message that names a company or role casts a vote weighed by how much its kind of
source is worth: the acknowledgement (the job title as the ATS has it) the most, then mail
an ATS sent for the employer, then the user's own application, then a person's mail. Votes
go to the value as a person would read it ("Cedar & Pine", "cedarandpine" and "Cedar and
Pine Inc." are one company; "Senior Data Engineer (m/w/d)" and "Senior Data Engineer" one
role), and the winner is written the way its best source wrote it, preferring a written
name over one squashed out of a domain ("Cedarandpine").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from followup.track.grouping import NON_APPLICATION_KINDS
from followup.track.model import MailRecord
from followup.track.senders import registrable_domain, split_address
from followup.track.names import (
    companies_match,
    normalise_company,
    normalise_role,
    roles_match,
)

_ACKNOWLEDGEMENT_WEIGHT = 4.0
_MACHINE_WEIGHT = 2.0  # an ATS writing for the employer uses the posting's words
_OWN_APPLICATION_WEIGHT = 2.0  # the user's own application names what they applied for
_PERSON_WEIGHT = 1.0
_SENT_WEIGHT = 0.5


def _weight(record: MailRecord) -> float:
    if record.direction == "sent":
        # a message the user started (no In-Reply-To) is their application or a note of
        # their own; a reply mostly repeats what it answers
        return _OWN_APPLICATION_WEIGHT if not record.in_reply_to else _SENT_WEIGHT
    if record.kind == "application_received":
        return _ACKNOWLEDGEMENT_WEIGHT
    return _MACHINE_WEIGHT if record.automated else _PERSON_WEIGHT


def _squashed(value: str, record: MailRecord) -> bool:
    """True for a name made from the label of a domain the message came from or names
    ("Cedarandpine" from emily@cedarandpine.com), not written by anyone."""
    if " " in value.strip():
        return False
    people = [*(p.email for p in (*record.reply_to, *record.to, *record.cc)),
              record.sender.email if record.sender else "", record.facts.contact or ""]
    labels = {registrable_domain(split_address(address)[1]).split(".")[0]
              for address in people if "@" in address}
    return value.strip().lower() in labels


def _decide(records: Sequence[MailRecord], attribute: str,
            normalise: Callable[[str | None], str],
            same: Callable[[str, str], bool]) -> str | None:
    votes: list[tuple[str, str, float, MailRecord]] = []
    for record in records:
        value = getattr(record.facts, attribute)
        if not value or record.kind in NON_APPLICATION_KINDS:
            continue
        key = normalise(str(value))
        if key:
            votes.append((key, str(value).strip(), _weight(record), record))
    if not votes:
        return None
    groups: list[list[tuple[str, str, float, MailRecord]]] = []
    for vote in votes:
        group = next((g for g in groups if any(same(vote[0], other[0]) for other in g)), None)
        if group is None:
            groups.append([vote])
        else:
            group.append(vote)

    def strength(group: list[tuple[str, str, float, MailRecord]]) -> tuple[float, object]:
        return sum(v[2] for v in group), max(v[3].date for v in group)

    best = max(groups, key=strength)
    written = [v for v in best if not _squashed(v[1], v[3])] or best
    forms: dict[str, float] = {}
    for _, form, weight, _ in written:
        forms[form] = forms.get(form, 0.0) + weight
    latest = {form: max(v[3].date for v in written if v[1] == form) for form in forms}
    return max(forms, key=lambda form: (forms[form], latest[form]))


def decided_company(records: Sequence[MailRecord]) -> str | None:
    """The application's company, decided across its messages."""
    return _decide(records, "company", normalise_company, companies_match)


def decided_role(records: Sequence[MailRecord]) -> str | None:
    """The application's role, decided across its messages."""
    return _decide(records, "role", normalise_role, roles_match)
