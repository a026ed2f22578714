"""Phase one of a scan: from headers alone, is a message worth downloading?

A job seeker's mailbox is mostly newsletters, receipts and personal mail; reading only the
messages that may be about an application keeps the first scan small (the benchmark
issue measures it). The test is deliberately generous: a false "yes" costs one download,
a false "no" loses a message, so anything that could be recruiting mail is read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from email.utils import getaddresses

from followup.mail.defects import Defects
from followup.mail.headers import read_header_block
from followup.mail.senders import (
    is_ats_domain,
    is_free_mail_domain,
    is_job_board,
    is_machine_address,
    is_notification_service,
)
from followup.mail.summary import MessageSummary
from followup.words import alternatives

_RECRUITING_SUBJECT = re.compile(
    alternatives("RECRUITING_SUBJECT_PATTERNS") + "|"
    # "your interest" in the words of any of the four languages; Italian
    r"(?:your|dein|ihr|votre|tu|su) (?:interest|interesse|intérêt|interés)|colloquio|lavoro|"
    r"=\?", re.IGNORECASE)  # an encoded subject is checked after decoding by the judge
# A sender named for the hiring side ("Orbitline Hiring Team", "Talent Acquisition",
# "Recrutement", "Karriere"): what the name says it is, whatever the subject.
_HIRING_SENDER_NAME = re.compile(rf"\b(?:{alternatives('HIRING_SENDER_PATTERNS')})\b",
                                 re.IGNORECASE)
# A company's hiring desk, by its address ("hr@", "rrhh.telcom@", "recrutement@",
# "stages@", "talento@", "bewerbung@", "busquedas@"): what it sends is about hiring whatever
# the subject (session 8: the train halves' first-scan misses).
HIRING_MAILBOX = re.compile(
    r"^(?:hr|rrhh|recruit\w*|recrutement|talent[oa]?|careers?|jobs|empleos?|seleccion|"
    r"personal|bewerbung(?:en)?|karriere|stages?|busquedas|reclutamiento|rh)(?:[._-][\w.-]*)?@",
    re.IGNORECASE)
_CALENDAR = re.compile(rb"text/calendar|application/ics|\.ics", re.IGNORECASE)


@dataclass
class KnownThreads:
    """Message-IDs and thread ids of mail already judged to be about an application, and
    the domains of employers the user is in touch with."""

    message_ids: set[str] = field(default_factory=set)
    thread_ids: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    # The employers' names (normalised) that application mail gave, for mail from a domain
    # not yet seen: an applicant tracker's receipt names the company, then its hiring
    # manager writes from the company's own domain.
    companies: set[str] = field(default_factory=set)


class _Fields:
    """The header fields the prefilter reads, from the raw header block. Read with
    followup's own header reader: `email.parser` took 40% of a first scan's CPU here (two
    parses per message of 2-5 KB header blocks, 50,000 messages; bench/README.md)."""

    def __init__(self, header_bytes: bytes) -> None:
        self._fields, _ = read_header_block(header_bytes, Defects())

    def raw(self, name: str) -> str:
        return self._fields.raw(name) or ""

    def get(self, name: str) -> str:
        """Decoded (RFC 2047 words, 8-bit text) and cleaned; "" if absent."""
        return self._fields.get(name) or ""
# What bulk mail must say to be read: an application, an interview, a candidate.
_APPLICATION_SUBJECT = re.compile(alternatives("APPLICATION_SUBJECT_PATTERNS"), re.IGNORECASE)
_JOB_TITLE = re.compile(rf"\b(?:{alternatives('JOB_TITLE_SUBJECT_PATTERNS')})\b", re.IGNORECASE)
# What a job board's bulk mail must say: the user's own application or a message to them.
_JOB_BOARD_PERSONAL = re.compile(alternatives("JOB_BOARD_PERSONAL_PATTERNS"), re.IGNORECASE)
# A person's message relayed by a job board (LinkedIn InMail copies come from
# inmail-hit-reply@linkedin.com as "Name via LinkedIn"; other messages from hit-reply@):
# the subject is the person's own ("I would like to talk to you").
_RELAYED_MESSAGE = re.compile(r"^(?:inmail-hit-reply|hit-reply)@", re.IGNORECASE)
_RELAYED_NAME = re.compile(r"\bvia (?:linkedin|xing|indeed|welcome to the jungle)\b",
                           re.IGNORECASE)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def is_person_at_company(name: str, address: str) -> bool:
    """A person writing from an organisation's own domain: not free mail, not a machine or
    notification address, and the address is made of the person's name ("Leah Morgan
    <leah.morgan@emberly.com>", "Priya Raman <praman@...>"), unlike a brand's
    ("Lumen Books <orders@lumenbooks.shop>")."""
    local, _, domain = address.lower().rpartition("@")
    if not local or "." not in domain or is_free_mail_domain(domain):
        return False
    if is_machine_address(address, name) or is_notification_service(domain) or \
            is_job_board(domain):
        return False
    words = [w for w in re.findall(r"[a-z]+", _ascii(name)) if len(w) >= 3]
    return len(words) >= 2 and any(word in local for word in words)


def worth_reading(summary: MessageSummary, known: KnownThreads, me: Collection[str],
                           max_bytes: int) -> bool:
    """True if the message's body should be downloaded and judged."""
    if summary.size > max_bytes:
        return False
    if summary.thread_id and summary.thread_id in known.thread_ids:
        return True
    headers = _Fields(summary.header_bytes)
    linked = " ".join(headers.raw(name) for name in ("in-reply-to", "references"))
    if any(token in known.message_ids for token in re.findall(r"<[^>]+>", linked)):
        return True
    senders = getaddresses([headers.get("from"), headers.get("reply-to")])
    addresses = [address.lower() for _, address in senders]
    domains = {address.rpartition("@")[2] for address in addresses if "@" in address}
    if any(is_ats_domain(domain) for domain in domains):
        return True
    from_me = summary.role == "sent" or any(address in me for address in addresses)
    if from_me:
        recipients = getaddresses([headers.get(name) for name in ("to", "cc")])
        if {address.lower().rpartition("@")[2] for _, address in recipients} & known.domains:
            return True
        if any(is_person_at_company(name, address) for name, address in recipients):
            return True
    elif domains & known.domains:
        return True
    if _CALENDAR.search(summary.header_bytes):
        return True
    subject = headers.get("subject")
    relayed = any(_RELAYED_MESSAGE.match(address) for address in addresses) or \
        any(_RELAYED_NAME.search(name) for name, _ in senders)
    if relayed:
        return True
    bulk = headers.raw("list-unsubscribe") or headers.raw("list-id") or \
        headers.raw("precedence").strip().lower() in ("bulk", "list", "junk")
    if bulk:
        if any(is_job_board(domain) for domain in domains):
            return bool(_JOB_BOARD_PERSONAL.search(subject)) or relayed
        if _APPLICATION_SUBJECT.search(subject):
            return True
        # A recruiter's sequence tool sends from the recruiter's own address with an
        # unsubscribe link: "Sam, SRE at Pelican Grid?".
        return any(is_person_at_company(name, address) for name, address in senders) and \
            bool(_JOB_TITLE.search(subject))
    if not from_me and any(is_person_at_company(name, address) or
                           _HIRING_SENDER_NAME.search(name) or HIRING_MAILBOX.match(address)
                           for name, address in senders):
        return True
    return bool(_RECRUITING_SUBJECT.search(subject))


