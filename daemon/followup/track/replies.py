"""Where a draft goes in the conversation: which message it answers, and its subject."""

from __future__ import annotations

import re
from collections.abc import Sequence

from followup.track.model import MailRecord, Threading

_ALREADY_A_REPLY = re.compile(r"^re\s*:", re.IGNORECASE)


def reply_subject(subject: str) -> str:
    """`Re: ` and the subject as it is; unchanged when it starts with "Re:" already.

    Foreign markers (AW:, SV:, TR:, RV:) are kept and nothing is shortened: Gmail keeps a
    reply in its conversation only when the Subject matches the thread's (see
    compose/subjects.py for the sources)."""
    text = " ".join((subject or "").split())
    if not text:
        return "Re:"
    return text if _ALREADY_A_REPLY.match(text) else f"Re: {text}"


def reply_to(record: MailRecord) -> Threading:
    """Threading for a reply to `record`: Re: subject, In-Reply-To its Message-ID,
    References its references and its Message-ID, its provider thread."""
    references = tuple(dict.fromkeys(
        [*record.references, *([record.message_id] if record.message_id else [])]))
    return Threading(subject=reply_subject(record.subject), in_reply_to=record.message_id,
                     references=references, thread_id=record.thread_id,
                     account=record.account)


def fresh(subject: str) -> Threading:
    """Threading for a new conversation with a clear subject."""
    return Threading(subject=subject)


def written_by(record: MailRecord, email: str) -> bool:
    """True when `email` wrote `record` or asked for replies to it."""
    email = email.lower()
    return ((record.sender is not None and record.sender.email.lower() == email
             and not record.automated)
            or any(p.email.lower() == email for p in record.reply_to)
            or (record.facts.contact or "").lower() == email)


def latest_from(records: Sequence[MailRecord], email: str) -> MailRecord | None:
    """The newest inbound message from `email` (as sender, Reply-To or named contact)."""
    for record in reversed(records):
        if record.direction == "inbound" and email and written_by(record, email):
            return record
    return None


def wrote_to(record: MailRecord, email: str) -> bool:
    """True when the user's sent `record` went to `email` (To or Cc)."""
    email = email.lower()
    return record.direction == "sent" and any(p.email.lower() == email
                                              for p in (*record.to, *record.cc))


def same_thread(first: MailRecord, second: MailRecord) -> bool:
    """True when two records are linked by provider thread or Message-ID references."""
    if first.thread_id and first.thread_id == second.thread_id \
            and first.account == second.account:
        return True
    first_ids = {m for m in (first.message_id, first.in_reply_to, *first.references) if m}
    second_ids = {m for m in (second.message_id, second.in_reply_to, *second.references)
                  if m}
    return bool(first_ids & second_ids)
