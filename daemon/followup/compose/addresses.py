"""Names, addresses and message ids from mail are untrusted: make them safe for headers.

A display name loses control characters, line breaks, quotes and angle brackets (and is
dropped when it holds an "@", so that it cannot pose as another address); an address must be
one plain addr-spec or it is refused; message ids must be single well-formed `<id>` tokens.
Quoting is left to `email.headerregistry.Address`, which does it correctly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.errors import HeaderParseError
from email.headerregistry import Address

from followup.compose.errors import DraftAddressError
from followup.compose.text import clean_line
from followup.judge.model import Person

MAX_REFERENCES = 20
MAX_MESSAGE_ID_LENGTH = 250
MAX_DISPLAY_NAME_LENGTH = 100
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"^{_ATEXT}(?:\.{_ATEXT})*$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_ID_CHARACTERS = re.compile(r"^[\x21-\x7e]+$")
_BRACKETED = re.compile(r"<([^<>]*)>")
_NAME_DROP = str.maketrans({character: " " for character in '<>"\\'})


def clean_display_name(name: str | None) -> str:
    """A display name safe to show: one line, no quotes, backslashes or angle brackets, no
    "@" (such a name is dropped), at most MAX_DISPLAY_NAME_LENGTH characters."""
    text = clean_line(name).translate(_NAME_DROP)
    text = " ".join(text.split()).strip(" ,;:")
    if "@" in text:
        return ""
    return text[:MAX_DISPLAY_NAME_LENGTH].strip()


def check_address(address: str | None, role: str) -> str:
    """`address` when it is exactly one plain address (`local@domain`, ASCII local part,
    the domain IDNA-encoded and lower-cased); raises DraftAddressError naming `role` else."""
    value = "" if address is None else str(address)
    text = value.strip()
    if not text:
        raise DraftAddressError(role, value, "it is empty")
    if any(character.isspace() or ord(character) < 0x20 or ord(character) == 0x7f
           for character in text):
        raise DraftAddressError(role, value, "it contains white space or control characters")
    if any(character in text for character in ',;<>()[]"\\:'):
        raise DraftAddressError(role, value, "it is not a single plain address")
    if "=?" in text:  # encoded-word syntax has no business in an address
        raise DraftAddressError(role, value, "it contains encoded-word syntax")
    if text.count("@") != 1:
        raise DraftAddressError(role, value, "it is not a single plain address")
    local, domain = text.split("@")
    if not _LOCAL_PART.match(local) or len(local) > 64:
        raise DraftAddressError(role, value, "the part before the @ is not valid")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise DraftAddressError(role, value, "the domain is not valid") from error
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        raise DraftAddressError(role, value, "the domain is not valid")
    result = f"{local}@{ascii_domain}"
    if len(result) > 254:
        raise DraftAddressError(role, value, "it is too long")
    return result


def make_address(person: Person, role: str) -> Address:
    """A header-safe `Address` for `person`; raises DraftAddressError for a bad address."""
    addr_spec = check_address(person.email, role)
    local, domain = addr_spec.split("@")
    try:
        return Address(display_name=clean_display_name(person.name), username=local,
                       domain=domain)
    except (HeaderParseError, ValueError, IndexError) as error:
        raise DraftAddressError(role, person.email, str(error)) from error


def clean_message_id(value: str | None) -> str | None:
    """`<id@host>` when `value` is one well-formed message id (with or without brackets),
    else None."""
    if value is None:
        return None
    text = str(value).strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if not text or len(text) + 2 > MAX_MESSAGE_ID_LENGTH:
        return None
    if not _ID_CHARACTERS.match(text) or "<" in text or ">" in text:
        return None
    left, _, right = text.rpartition("@")
    if not left or not right:
        return None
    return f"<{text}>"


def clean_references(references: Iterable[str], in_reply_to: str | None) -> tuple[str, ...]:
    """The References of a reply: the well-formed ids of `references` in order, without
    repeats, ending with `in_reply_to`; garbage is dropped. At most MAX_REFERENCES: the first
    id (the thread's root) and the latest ones, as RFC 5322 §3.6.4 and RFC 5537 advise."""
    ids: list[str] = []
    for entry in references:
        if entry is None:
            continue
        text = str(entry)
        tokens = _BRACKETED.findall(text) if "<" in text else text.split()
        for token in tokens:
            message_id = clean_message_id(token)
            if message_id is not None and message_id not in ids:
                ids.append(message_id)
    parent = clean_message_id(in_reply_to)
    if parent is not None:
        if parent in ids:
            ids.remove(parent)
        ids.append(parent)
    if len(ids) > MAX_REFERENCES:
        ids = [ids[0], *ids[-(MAX_REFERENCES - 1):]]
    return tuple(ids)


def fold_ids(header_name: str, ids: Iterable[str], max_length: int = 78) -> str:
    """The ids as a header value folded between ids (never inside one), for
    `EmailMessage.set_raw`. An id too long for a line is alone on its line; the stdlib
    would otherwise turn it into an RFC 2047 encoded word, which breaks threading."""
    lines: list[str] = []
    current = ""
    used = len(header_name) + 2
    for message_id in ids:
        if current and used + 1 + len(message_id) > max_length:
            lines.append(current)
            current, used = message_id, 1 + len(message_id)
        elif current:
            current, used = f"{current} {message_id}", used + 1 + len(message_id)
        else:
            current, used = message_id, used + len(message_id)
    if current:
        lines.append(current)
    return "\n ".join(lines)
