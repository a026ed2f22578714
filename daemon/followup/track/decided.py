"""An application's company and role, decided across its messages (README.md, "What it does": "from the
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

import re
from collections.abc import Callable, Sequence

from followup.track.grouping import NON_APPLICATION_KINDS
from followup.track.model import MailRecord
from followup.mail.senders import (
    employer_domain,
    is_tool_name,
    registrable_domain,
    split_address,
)
from followup.track.names import (
    companies_match,
    is_agency_name,
    company_matches_domain,
    normalise_company,
    normalise_role,
    roles_match,
)
from followup.words import de, en, es, fr

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
    people = [*(p.email for p in (*record.reply_to, *record.to, *record.cc)),
              record.sender.email if record.sender else "", record.facts.contact or ""]
    labels = {registrable_domain(split_address(address)[1]).split(".")[0]
              for address in people if "@" in address}
    if " " in value.strip():
        # "Mediterraniafin Tech" split out of mediterraniafintech.com at a name word: plain
        # letters that only re-space the label; a form someone wrote ("Mediterrània
        # Fintech") wins over it (session 8, blind scenario 153)
        plain = value.replace(" ", "").lower()
        return plain.isascii() and plain in labels and not any(
            word[1:].lower() != word[1:] for word in value.split())
    return value.strip().lower() in labels


_CORROBORATED_WEIGHT = 3.0  # a company name that fits the employer's own domain
_AGENCY_PENALTY = 20.0  # an agency's own name loses to any client named


def _employer_domains(records: Sequence[MailRecord]) -> set[str]:
    found = set()
    for record in records:
        if record.direction != "inbound" or record.kind in NON_APPLICATION_KINDS:
            continue
        people = [*(p.email for p in (*record.reply_to, *record.facts.interviewers)),
                  record.sender.email if record.sender else "", record.facts.contact or ""]
        found |= {domain for address in people if address
                  and (domain := employer_domain(address)) is not None}
    return found


_SENDER_NAME_WEIGHT = 3.0  # "Elbwerk Logistik GmbH <no-reply@jobs.personio.de>"
_GENERIC_SENDER_WORDS = (en.GENERIC_SENDER_WORDS | de.GENERIC_SENDER_WORDS
                         | fr.GENERIC_SENDER_WORDS | es.GENERIC_SENDER_WORDS)
_TOOL_NAMES = frozenset({
    "greenhouse", "lever", "workday", "ashby", "icims", "smartrecruiters", "teamtailor",
    "personio", "bamboohr", "jobvite", "workable", "recruitee", "breezy", "jazzhr",
    "successfactors", "taleo", "calendly", "goodtime", "linkedin", "indeed", "google",
    "calendar", "scheduling", "scheduler", "mailer", "daemon", "postmaster",
})


_VIA = re.compile(r"\s+(?:via|vía|über|through)\s+", re.IGNORECASE)
_NETWORK = re.compile(r"(?:linkedin|xing|indeed|glassdoor|wellfound)\b", re.IGNORECASE)


def _tool_sender_name(record: MailRecord) -> str | None:
    """The employer's name as an ATS sends it, in the sender's display name: "Elbwerk
    Logistik GmbH" <no-reply@jobs.personio.de>, "Tidewater Energy Careers"
    <tidewaterenergy@myworkday.com>; None for a tool's own name or a person's mail."""
    sender = record.sender
    if record.direction != "inbound" or sender is None or not record.automated \
            or not sender.name or "@" in sender.name:
        return None
    if employer_domain(sender.email) is not None:
        return None  # the employer's own no-reply: its facts already say who
    # "Kiezkasse via JOIN": the employer, then the tool that sent for it; "Neil Biafore via
    # LinkedIn" is a person writing through a network
    shown, *through = _VIA.split(sender.name)
    if through and _NETWORK.match(through[-1]):
        return None
    words = shown.replace(",", " ").split()
    while words and words[-1].casefold().strip("-–|:") in _GENERIC_SENDER_WORDS:
        words.pop()
    while words and words[0].casefold() in _GENERIC_SENDER_WORDS:
        words.pop(0)
    if not words or any(word.casefold() in _TOOL_NAMES for word in words) or \
            is_tool_name(" ".join(words)):
        return None
    return " ".join(words).strip(" -–|:")


def _decide(records: Sequence[MailRecord], attribute: str,
            normalise: Callable[[str | None], str],
            same: Callable[[str, str], bool],
            bonus: Callable[[str], float] = lambda key: 0.0) -> str | None:
    votes: list[tuple[str, str, float, MailRecord]] = []
    # Mail of the application's threads that is not itself about the application (a
    # recruiter's forwarded note read as outreach) names the employer too: it counts
    # only when nothing else does.
    aside: list[tuple[str, str, float, MailRecord]] = []
    for record in records:
        named = _tool_sender_name(record) if attribute == "company" else None
        if named and record.kind not in NON_APPLICATION_KINDS and normalise(named):
            votes.append((normalise(named), named, _SENDER_NAME_WEIGHT, record))
        value = getattr(record.facts, attribute)
        key = normalise(str(value)) if value else ""
        if not key:
            continue
        vote = (key, str(value).strip(), _weight(record), record)
        (aside if record.kind in NON_APPLICATION_KINDS else votes).append(vote)
    votes = votes or [vote for vote in aside if vote[3].direction == "inbound"
                      and vote[3].kind != "other"]
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
        return (sum(v[2] for v in group) + max(bonus(v[0]) for v in group),
                max(v[3].date for v in group))

    best = max(groups, key=strength)
    written = [v for v in best if not _squashed(v[1], v[3])]
    # When every form is a domain's letters, one with its words apart ("Andes Sur") reads
    # better than the label run together ("Andessur"), however often the label was read
    # (session 9, blind scenario 169).
    spaced_first = not written
    written = written or best
    forms: dict[str, float] = {}
    for _, form, weight, _ in written:
        forms[form] = forms.get(form, 0.0) + weight
    latest = {form: max(v[3].date for v in written if v[1] == form) for form in forms}
    return max(forms, key=lambda form: (spaced_first and " " in form.strip(), forms[form],
                                        latest[form]))


def decided_company(records: Sequence[MailRecord]) -> str | None:
    """The application's company, decided across its messages; a name that fits the
    employer's own domain (Elbwerk Logistik, elbwerk-logistik.de) outweighs a stray word
    read as a company in two messages."""
    domains = _employer_domains(records)

    def corroborated(name: str) -> float:
        return _CORROBORATED_WEIGHT if any(company_matches_domain(name, domain)
                                           for domain in domains) else 0.0

    def reliable(name: str) -> float:
        # an agency writes for its client: the client named anywhere outweighs the
        # agency's own name, however often its signature and domain repeat it
        return corroborated(name) - (_AGENCY_PENALTY if is_agency_name(name) else 0.0)

    return _decide(records, "company", normalise_company, companies_match, reliable)


def decided_role(records: Sequence[MailRecord]) -> str | None:
    """The application's role, decided across its messages."""
    return _decide(records, "role", normalise_role, roles_match)
