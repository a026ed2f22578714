"""Turning a planned draft into a complete RFC 5322 message, ready for the Drafts folder.

Pure: templates are the only thing read; the Date comes in as `now`. The message carries
From, To, Subject, Date, Message-ID, In-Reply-To / References when replying, MIME-Version
and the body (text/plain, or multipart/alternative with HTML), and nothing else: no X-
headers, no User-Agent, nothing that says a program wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from followup.compose.addresses import (
    clean_message_id,
    clean_references,
    fold_ids,
    make_address,
)
from followup.compose.context import build_context, draft_language
from followup.compose.errors import DraftAddressError
from followup.compose.message_id import (
    draft_message_id,
    is_own_message_id,
    make_message_id,
    message_id_domain,
)
from followup.compose.subjects import clean_subject, reply_subject
from followup.compose.templates import DraftTemplates
from followup.config_model import DraftsConfig, UserConfig
from followup.judge.model import Person
from followup.judge.person_names import PersonName
from followup.track.draft_facts import LANGUAGES, DraftFacts
from followup.track.model import DRAFT_KINDS, PlannedDraft, Threading

__all__ = ["ComposedDraft", "build_draft", "check_templates", "draft_message_id",
           "is_own_message_id"]

# Pre-folded headers (In-Reply-To, References) are written as they are; every other header
# is an object that folds itself under the SMTP policy (CRLF, 78 columns).
_POLICY = policy.SMTP.clone(refold_source="none")
_MAX_7BIT_LINE = 900


@dataclass(frozen=True)
class ComposedDraft:
    """A draft ready to be stored. `raw` is the whole message, CRLF line ends."""

    key: str
    kind: str
    message_id: str
    subject: str
    sender: Person
    to: tuple[Person, ...]
    text: str
    html: str | None
    raw: bytes
    in_reply_to: str | None
    references: tuple[str, ...]
    thread_id: str | None
    template: str
    language: str = "en"
    facts: DraftFacts = field(default_factory=DraftFacts)  # what it was built from


def build_draft(planned: PlannedDraft, user: UserConfig, drafts_cfg: DraftsConfig,
                now: datetime, *, templates: DraftTemplates | None = None) -> ComposedDraft:
    """Compose the draft `planned` describes, from `user` to `planned.to`, dated `now`.

    `now` must be timezone-aware. `templates` defaults to the set `drafts_cfg` names (pass
    one in to reuse it across drafts).

    Raises DraftAddressError when a recipient or the user's address is not one valid
    address (the runner marks the draft blocked), DraftTemplateError for a broken template,
    ValueError for a naive `now`.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if not user.addresses:
        raise DraftAddressError("From", "", "the configuration has no user address")
    sender = make_address(Person(user.name, user.addresses[0]), "From")
    if not planned.to:
        raise DraftAddressError("To", "", "the draft has no recipient")
    recipients = tuple(make_address(person, "To") for person in planned.to)
    unique: dict[str, Address] = {}
    for address in recipients:
        unique.setdefault(address.addr_spec.lower(), address)
    recipients = tuple(unique.values())

    in_reply_to = clean_message_id(planned.threading.in_reply_to)
    references = clean_references(planned.threading.references, in_reply_to)
    answer_subject = reply_subject(planned.threading.subject)
    in_thread = bool(in_reply_to or references)

    recipient_people = tuple(Person(address.display_name, address.addr_spec)
                             for address in recipients)
    context = build_context(planned, user, now, recipients=recipient_people,
                            in_thread=in_thread)
    templates = templates if templates is not None else DraftTemplates.from_config(drafts_cfg)
    rendered = templates.render(planned.kind, context, language=draft_language(planned, user),
                                html=drafts_cfg.html)
    subject = answer_subject if in_thread and answer_subject else clean_subject(rendered.subject)

    domain = message_id_domain(user, drafts_cfg)
    message_id = make_message_id(planned.key, sender.addr_spec, domain)

    message = EmailMessage(policy=_POLICY)
    message["From"] = sender
    message["To"] = recipients
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    if in_reply_to is not None:
        message.set_raw("In-Reply-To", in_reply_to)
    if references:
        message.set_raw("References", fold_ids("References", references))
    message["MIME-Version"] = "1.0"
    message.set_content(rendered.text, subtype="plain", charset="utf-8",
                        cte=_transfer_encoding(rendered.text))
    if rendered.html is not None:
        message.add_alternative(rendered.html, subtype="html", charset="utf-8",
                                cte=_transfer_encoding(rendered.html))
        for part in message.iter_parts():
            del part["MIME-Version"]  # the stdlib repeats it on parts; it belongs on top only
        # Derived from the Message-ID, so one draft always serialises to the same bytes.
        message.set_boundary(f"=_{message_id[1:].split('.')[0]}_alt")

    return ComposedDraft(
        key=planned.key,
        kind=planned.kind,
        message_id=message_id,
        subject=subject,
        sender=Person(sender.display_name, sender.addr_spec),
        to=recipient_people,
        text=rendered.text,
        html=rendered.html,
        raw=message.as_bytes(policy=_POLICY),
        in_reply_to=in_reply_to,
        references=references,
        thread_id=planned.threading.thread_id,
        template=rendered.template,
        language=draft_language(planned, user),
        facts=planned.facts,
    )


def _transfer_encoding(text: str) -> str:
    """7bit for short-lined ASCII (readable as it is), else quoted-printable."""
    if text.isascii() and all(len(line) <= _MAX_7BIT_LINE for line in text.split("\n")):
        return "7bit"
    return "quoted-printable"


def check_templates(user: UserConfig, drafts_cfg: DraftsConfig,
                    templates: DraftTemplates | None = None) -> None:
    """Build every kind of draft from sample facts (all of them, then none), so a broken
    user template or an unusable address fails at start-up (`check-config`), not at draft
    time. Raises DraftTemplateError or DraftAddressError."""
    templates = templates if templates is not None else DraftTemplates.from_config(drafts_cfg)
    now = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    full_facts = DraftFacts(
        company="Example Company", role="Example Engineer",
        interviewer=PersonName("Alex", "Example"), interviewer_title="Engineering Manager",
        interview_date=date(2026, 3, 3), interview_kind="technical", user_name=user.name,
        note="the example project", round=1, decision_by=now.date() - timedelta(days=1),
        other_interviewers=(PersonName("Kim", "Example"),))
    samples = [full_facts, DraftFacts()]
    for language in LANGUAGES:
        for register in ("formal", "informal"):
            samples.append(replace(full_facts, language=language, register=register))
    for kind in DRAFT_KINDS:
        for facts, threading in (
            *((sample, Threading(subject="Example", in_reply_to="<example@example.com>"))
              for sample in samples),
            (DraftFacts(), Threading(subject="")),
        ):
            planned = PlannedDraft(
                key=f"check:{kind}", application_id="check", kind=kind, round=1,
                to=(Person("Alex Example", "alex@example.com"),), due=now, window_end=now,
                status="due", reason="template check", threading=threading, facts=facts)
            build_draft(planned, user, drafts_cfg, now, templates=templates)

