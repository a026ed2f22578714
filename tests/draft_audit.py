"""Reads every draft the test suites produce, as a careful recipient would.

Two sources, both wired in `tests/conftest.py`:

- every draft rendered in the test process (`DraftTemplates.render`, which every draft
  built through `followup.compose` goes through): its text, subject, language and greeting;
- every draft left in a test Dovecot user's Drafts folder (the end-to-end and service tests
  run `followup` in a subprocess): its text, read back over IMAP, beside the thread it
  answers (INBOX and Sent), so its language and facts are checked against the mail.

A draft fails on: a placeholder or template seam left ("{{", "[Your Name]", "TODO"); more
than 150 words up to the sign-off; a greeting without a name although the recipient's name
is known (or a bare title, "Hi Dr.,"); a language other than the thread's; a token from a
link; a company with the words of a subject glued on ("at Quayside Logistics final round",
"bei Elbwerk Vorstellungsgespräch"); a person's title from the thread written as the job
("Rosa Diaz, Engineering Manager", "Mark Ellison (CFO)"); a job carrying a stage, a gender
or a candidate marker, or the user's name ("the Vorstellungsgespräch Data Analyst (m/w/d)
role"); the user's own name in the text above the signature.

Checks here are written independently of the product's own plausibility rules where they
can be: the product's `judge.language.detect_language` is the one shared piece (a draft's
language is measured the same way a message's is).
"""

from __future__ import annotations

import email
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default

from followup.judge.language import detect_language

MAX_WORDS = 150
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|\$\{|\bNone\b|\bnull\b|\bundefined\b|"
                          r"\bNaN\b|<[A-Z_]{3,}>|\[(?:NAME|COMPANY|ROLE|DATE|FIRST)[^\]]*\]|"
                          r"(?i:\[(?:your |the )?(?:name|company|role|position|date|"
                          r"interviewer|recipient|first name)\]|<(?:name|company|role|date)>)|"
                          r"\bTODO\b|\bXXX\b|\bTBD\b")
_CLOSINGS = re.compile(r"^(?:Kind regards|Best wishes|All the best|Best|Regards|Thanks|"
                       r"Mit freundlichen Grüßen|Viele Grüße|Beste Grüße|Freundliche Grüße|"
                       r"Bien cordialement|Cordialement|Bien à (?:toi|vous)|Un cordial saludo|"
                       r"Un saludo|Atentamente|Saludos)\b,?$")
_BARE_TITLE = re.compile(r"^(?:Hi|Hello|Dear|Hallo|Bonjour|Hola|Estimad[oa]|Sehr geehrter?)"
                         r"[ ,]+(?:Dr|Prof|Mr|Ms|Mrs|Mx|Herr|Frau|Mme|M|Sr|Sra)\.?[,:]?$")
_NAMELESS_GREETINGS = frozenset({"Hello,", "Guten Tag,", "Bonjour,", "Buenos días:", "Hi,",
                                 "Dear,", "Hallo,", "Hola:", "Hola,",
                                 "Sehr geehrte Damen und Herren,"})
_LINK_TOKEN = re.compile(r"https?://|www\.|\b[\w-]+=[\w-]+")
_ODD_TOKEN = re.compile(r"\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{14,}\b")
_GLUED_COMPANY = re.compile(
    r"\b(?:at|join|joining|bei|chez|en|to|with) (?:[A-Z][\w&'-]*\s){1,3}(?i:final round|"
    r"phone screen|technical interview|onsite|interview loop|next steps|interviews?|round|"
    r"screen|call|take-home|assessment|[\wäöü]*gespräch|entretien|entrevista)\b")
# What a job title never carries in a draft: the stage of the process, the gender marker
# of the ad, a candidate marker.
_ROLE_STAGE = re.compile(r"\b(?:interviews?|[\wäöü]*gespräch|entretien|entrevista|"
                         r"phone screen|final round|onsite|screening call)\b", re.IGNORECASE)
_ROLE_GENDER = re.compile(r"[(\[]\s*[mwfdhx*](?:\s*/\s*[mwfdhx*]){1,3}\s*[)\]]|"
                          r"(?<![\w/])[mwfdh]/[mwfdhx](?:/[mwfdhx])?(?![\w/])|"
                          r"\(all genders?\)", re.IGNORECASE)
_ROLE_CANDIDATE = re.compile(r"\b(?:candidate|candidat(?:e|o|a)?|kandidat(?:in)?|bewerber(?:in)?)"
                             r"\b", re.IGNORECASE)
_NAME_TITLE = re.compile(
    r"\b([A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ'-]+)(?:,\s+|\s+\()((?:[A-Z][\w&/-]*)(?:\s(?:of|and|for|&|"
    r"[A-Z][\w&/-]*)){0,5})")
_TITLE_AS_SELF = re.compile(r"(?:\bas|\bals|en tant que|\bcomo)\s+$")
_JOB_WORD = re.compile(r"engineer|manager|director|head of|lead\b|recruiter|partner|\bvp\b|"
                       r"officer|scientist|designer|analyst|architect|leiter|responsable|"
                       r"gerente|jef[ea]|directeur|directora?", re.IGNORECASE)
# "the Senior Data Engineer (Northwind Labs) role": the company written into the role
_COMPANY_IN_ROLE = re.compile(r"\((?:[A-Z][\w&'-]*\s?){1,4}\) (?:role|position)\b")


def _names_a_company(bracketed: str, body: str) -> bool:
    """True when the words in a role's brackets are a company's: the draft names them as
    the employer elsewhere ("at Northwind Labs"), or they carry a company's legal form. A
    qualifier of the job ("Backend Engineer (Python)", "Data Analyst (Commercial)"; session
    8, blind scenarios 101 and 112) is part of its title."""
    words = bracketed.strip()
    if re.search(r"\b(?:Inc|LLC|Ltd|GmbH|AG|SA|SAS|Labs|Group|Corp|Company)\b", words):
        return True
    return bool(re.search(rf"(?:\bat|\bbei|\bchez|\ben|\bjoin|\bto)\s+{re.escape(words)}\b", body))


_PERSON_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?$")
_TEAM_WORDS = frozenset("recruiting recruitment team talent careers career hr jobs people "
                        "hiring via the and acquisition noreply support info".split())
_HONORIFICS = frozenset("dr prof mr ms mrs mx herr frau mme m sr sra".split())


@dataclass
class SeenDraft:
    """One draft as a recipient sees it, with what the thread around it says."""

    where: str
    text: str
    subject: str = ""
    recipient_names: Sequence[str] = ()
    recipient_addresses: Sequence[str] = ()
    language: str | None = None  # the language it claims to be in (compose's choice)
    thread_language: str | None = None  # the language of the message it answers
    thread_texts: Sequence[str] = ()
    user_name: str = ""
    problems: list[str] = field(default_factory=list)


def _above_signature(text: str) -> list[str]:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _CLOSINGS.match(line.strip()):
            return lines[: index + 1]
    return lines


def _recipient_has_name(names: Iterable[str], addresses: Iterable[str]) -> list[str]:
    """The name words by which a recipient could be greeted (display name words, or the
    two words of a first.last address)."""
    words: list[str] = []
    for name in names:
        tokens = (name or "").replace(",", " ").split()
        if tokens and all(_PERSON_WORD.match(token) for token in tokens) and not any(
                token.lower().strip(".") in _TEAM_WORDS for token in tokens):
            words.extend(token for token in tokens if len(token.strip(".")) > 1
                         and token.lower().strip(".") not in _HONORIFICS)
    for address in addresses:
        local = (address or "").split("@")[0]
        parts = [part for part in re.split(r"[._-]", local) if part]
        if len(parts) == 2 and all(part.isalpha() and len(part) > 1 for part in parts):
            words.extend(part.capitalize() for part in parts)
    return words


def audit(draft: SeenDraft) -> list[str]:
    """Every problem a careful reader would find in `draft`."""
    problems: list[str] = []
    text, subject = draft.text, draft.subject
    for where, value in (("text", text), ("subject", subject)):
        found = _PLACEHOLDER.search(value)
        if found:
            problems.append(f"placeholder {found.group(0)!r} left in the {where}")
    above = _above_signature(text)
    body = "\n".join(above)
    words = len(body.split())
    if words > MAX_WORDS:
        problems.append(f"{words} words before the signature (at most {MAX_WORDS})")
    greeting = above[0].strip() if above else ""
    if _BARE_TITLE.match(greeting):
        problems.append(f"greeting names a title, not a person: {greeting!r}")
    names = _recipient_has_name(draft.recipient_names, draft.recipient_addresses)
    if names and greeting in _NAMELESS_GREETINGS:
        problems.append(f"greeting {greeting!r} without a name although {names[0]!r} "
                        f"was known")
    measured = detect_language(body, default="")
    for expected, what in ((draft.language, "its own"), (draft.thread_language, "the thread's")):
        if expected and measured and measured != expected:
            problems.append(f"written in {measured!r}, not in {what} language {expected!r}")
    for line in above[1:]:
        junk = _LINK_TOKEN.search(line) or _ODD_TOKEN.search(line)
        if junk:
            problems.append(f"a token from a link in the text: {junk.group(0)!r}")
    in_role = _COMPANY_IN_ROLE.search(body)
    if in_role and _names_a_company(in_role.group(0).split(")")[0].lstrip("("), body):
        problems.append(f"the company written into the role: {in_role.group(0)!r}")
    glued = _GLUED_COMPANY.search(body)
    if glued:
        problems.append(f"words of the process glued to the company: {glued.group(0)!r}")
    if draft.user_name and draft.user_name in "\n".join(above[1:]):
        problems.append(f"the user's own name {draft.user_name!r} in the text")
    problems.extend(_titles_as_the_job(body, draft.thread_texts, draft.user_name))
    problems.extend(_roles_not_in_the_thread(body, draft.thread_texts))
    problems.extend(_roles_with_markers(f"{subject}\n{body}", draft.user_name))
    return problems


def _roles_with_markers(text: str, user_name: str) -> list[str]:
    """A job written in a draft carries no stage, gender or candidate marker and no
    candidate's name: "the Vorstellungsgespräch Data Analyst (m/w/d) role" is not a job."""
    problems = []
    for frame in _ROLE_FRAMES:
        for found in frame.finditer(text):
            role = " ".join(found.group(1).split())
            for what, marker in (("a stage of the process", _ROLE_STAGE),
                                 ("a gender marker", _ROLE_GENDER),
                                 ("a candidate marker", _ROLE_CANDIDATE)):
                hit = marker.search(role)
                if hit:
                    problems.append(f"the job {role!r} carries {what}: {hit.group(0)!r}")
            if user_name and user_name.casefold() in role.casefold():
                problems.append(f"the job {role!r} carries the user's name")
    return problems


# Where the templates write the job: "the X role", "Stelle als X", "poste de X", "puesto de X".
_ROLE_FRAMES = (re.compile(r"\bthe ((?:(?!\bthe\b)[^.,;?!\n]){3,80}?) (?:role|position)\b"),
                re.compile(r"^Following up: ([^\n]{3,80}?) interview$", re.MULTILINE),
                re.compile(r"\bStelle als ([^.,;\n]{3,80}?)(?= bei | zu |[.,;]|$)"),
                re.compile(r"\bposte de ([^.,;\n]{3,80}?)(?= chez |[.,;]|$)"),
                re.compile(r"\bpuesto de ([^.,;\n]{3,80}?)(?= en |[.,;]|$)"))


def _job_words(role: str, frame: re.Pattern[str]) -> str:
    """The job a German frame caught without the verb the sentence goes on with ("Stelle
    als Projektingenieur Photovoltaik organisiert haben"): German writes a job's words
    with capitals, the words after it in lower case."""
    if frame is not _ROLE_FRAMES[2]:
        return role
    words = role.split()
    while len(words) > 1 and words[-1][:1].islower() and words[-1] not in ("und", "für"):
        words.pop()
    return " ".join(words)


def _roles_not_in_the_thread(body: str, thread_texts: Iterable[str]) -> list[str]:
    """A job named in the draft must be written somewhere in the thread's mail: a role the
    mail never names is a wrong fact (the draft would be invented or garbled)."""
    texts = [" ".join(text.split()).casefold() for text in thread_texts]
    if not texts:
        return []
    problems = []
    for frame in _ROLE_FRAMES:
        for found in frame.finditer(body):
            role = _job_words(" ".join(found.group(1).split()), frame)
            if not any(role.casefold() in text for text in texts):
                problems.append(f"a job the thread never names: {role!r}")
    return problems


def _titles_as_the_job(body: str, thread_texts: Iterable[str], user_name: str = "") -> list[str]:
    """A person's title from the thread ("Lydia Chen, Head of Quant Engineering") may be
    written only as that person's ("your view as Head of Quant Engineering"). The user's
    own name with a title ("Final round - Sam Rivera (Data Engineer)") gives the job the
    user applied for, no one's title."""
    problems = []
    titles = {match.group(2).strip() for text in thread_texts
              for match in _NAME_TITLE.finditer(text)
              if _JOB_WORD.search(match.group(2)) and not _JOB_WORD.search(match.group(1))
              and match.group(1).casefold() != user_name.strip().casefold()}
    for title in titles:
        for found in re.finditer(re.escape(title), body):
            if not _TITLE_AS_SELF.search(body[max(0, found.start() - 16):found.start()]) \
                    and not _longer_job_of_the_thread(body, found.start(), title,
                                                      thread_texts):
                problems.append(f"a person's title written as the job: {title!r}")
                break
    return problems


# A person's name just before a title: "Sanjay Mehta, " or "Dana Kim (".
_AFTER_A_NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ'-]+(?:,\s+|\s+\()$")


def _longer_job_of_the_thread(body: str, start: int, title: str,
                              thread_texts: Iterable[str]) -> bool:
    """True when the title at `start` is only the beginning of a longer job the draft
    writes there and the thread names as the job, not after a person's name: the job
    "Senior Business Analyst, Payments" beside an interviewer who is a "Senior Business
    Analyst". The title alone, or the job the thread gives only as someone's title, is
    still flagged."""
    longer = re.match(re.escape(title) + r"(?:,?\s[A-Z][\w&/-]*){1,3}", body[start:])
    if longer is None:
        return False
    texts = [" ".join(text.split()) for text in thread_texts]
    words = longer.group(0).split()
    for size in range(len(words), len(title.split()), -1):
        job = " ".join(words[:size]).rstrip(",")
        if len(job) <= len(title):
            continue
        for text in texts:
            for found in re.finditer(re.escape(job) + r"(?![\w-])", text):
                if not _AFTER_A_NAME.search(text[max(0, found.start() - 40):found.start()]):
                    return True
    return False


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def plain_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        return str(part.get_content()).replace("\r\n", "\n")
    except (LookupError, ValueError):
        return ""


def from_mailbox(where: str, drafts: Sequence[bytes], thread: Sequence[bytes]) -> list[SeenDraft]:
    """The drafts of one mailbox, each beside the message it answers (by In-Reply-To), or
    else the latest message from its recipient's domain."""
    messages = [parse(raw) for raw in thread]
    by_id = {str(message["Message-ID"]).strip(): message for message in messages
             if message["Message-ID"]}
    texts = [f"{message['Subject'] or ''}\n{plain_text(message)}" for message in messages]
    seen = []
    for raw in drafts:
        draft = parse(raw)
        addresses = [address for group in (draft["To"].addresses if draft["To"] else ())
                     for address in [group]]
        answered = by_id.get(str(draft["In-Reply-To"] or "").strip())
        if answered is None:
            domains = {address.domain.lower() for address in addresses}
            answered = next((message for message in reversed(messages)
                             if message["From"] and message["From"].addresses
                             and message["From"].addresses[0].domain.lower() in domains), None)
        thread_language = None
        if answered is not None:
            answered_text = plain_text(answered)
            thread_language = detect_language(f"{answered['Subject']}\n{answered_text}",
                                              default="") or None
        sender = draft["From"].addresses[0] if draft["From"] else None
        seen.append(SeenDraft(
            where=where, text=plain_text(draft), subject=str(draft["Subject"] or ""),
            recipient_names=[address.display_name for address in addresses],
            recipient_addresses=[address.addr_spec for address in addresses],
            thread_language=thread_language, thread_texts=texts,
            user_name=sender.display_name if sender else ""))
    return seen
