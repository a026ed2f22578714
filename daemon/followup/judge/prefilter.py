"""Phase one of a scan: from headers alone, is a message worth downloading?

A job seeker's mailbox is mostly newsletters, receipts and personal mail; reading only the
messages that may be about an application keeps the first scan small (the benchmark
issue measures it). The test is deliberately generous: a false "yes" costs one download,
a false "no" loses a message, so anything that could be recruiting mail is read.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses

from followup.backends.base import MessageSummary
from followup.judge.senders import is_ats_domain, is_job_board

_PARSER = BytesHeaderParser(policy=compat32)
_RECRUITING_SUBJECT = re.compile(
    r"applica|candida|interview|position|role\b|job|offer|opportunit|recruit|hiring|talent|"
    r"career|assessment|challenge|take[- ]home|test|screen|next step|availability|schedul|"
    r"invitation|invite|meeting|call|chat|conversation|decision|update|status|thank|"
    r"follow|reject|regret|unfortunately|team|onsite|on-site|panel|reference|"
    r"bewerbung|stelle|vorstellung|gespräch|einladung|absage|angebot|termin|"
    r"candidature|poste|entretien|offre|recrutement|rendez-vous|"
    r"candidatura|puesto|entrevista|oferta|vacante|proceso|reunión|"
    r"=\?", re.IGNORECASE)  # an encoded subject is checked after decoding by the judge
_CALENDAR = re.compile(rb"text/calendar|application/ics|\.ics", re.IGNORECASE)


@dataclass
class KnownThreads:
    """Message-IDs and thread ids of mail already judged to be about an application, and
    the domains of employers the user is in touch with."""

    message_ids: set[str] = field(default_factory=set)
    thread_ids: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)


def worth_reading(summary: MessageSummary, known: KnownThreads, me: Collection[str],
                  max_bytes: int) -> bool:
    """True if the message's body should be downloaded and judged."""
    if summary.size > max_bytes:
        return False
    if summary.thread_id and summary.thread_id in known.thread_ids:
        return True
    headers = _PARSER.parsebytes(summary.header_bytes)
    linked = " ".join(str(headers.get(name, "")) for name in ("in-reply-to", "references"))
    if any(token in known.message_ids for token in re.findall(r"<[^>]+>", linked)):
        return True
    senders = [address.lower() for _, address in
               getaddresses([str(headers.get("from", "")), str(headers.get("reply-to", ""))])]
    domains = {address.rpartition("@")[2] for address in senders if "@" in address}
    if any(is_ats_domain(domain) for domain in domains):
        return True
    if summary.role == "sent" or any(address in me for address in senders):
        recipients = [address.lower() for _, address in
                      getaddresses([str(headers.get(name, "")) for name in ("to", "cc")])]
        if {address.rpartition("@")[2] for address in recipients} & known.domains:
            return True
    elif domains & known.domains:
        return True
    subject = str(headers.get("subject", ""))
    if _CALENDAR.search(summary.header_bytes):
        return True
    if not _RECRUITING_SUBJECT.search(subject):
        return False
    bulk = headers.get("list-unsubscribe") or headers.get("list-id") or \
        str(headers.get("precedence", "")).lower() in ("bulk", "list", "junk")
    # Bulk mail from a job board is a digest; bulk mail from anyone else with a recruiting
    # word in the subject may still be an employer's mass mailer: read it.
    return not (bulk and any(is_job_board(domain) for domain in domains))
