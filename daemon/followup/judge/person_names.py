"""People's names, read once and the same way everywhere: the one first-name rule.

A display name ("Dr. Dana Whitfield", "Whitfield, Dana", "Frau Prof. Dr. Anna Schmidt",
"Mme Claire Dubois", "Sra. Lucía Gómez") becomes a `PersonName`: its honorific, given name
and family name. Where the mail gives no name, the address may ("dana.whitfield@...",
"dana_whitfield@..."), but only when its local part is two name-like words: "dwhitfield",
"recruiting" and "d.whitfield" give nothing, since a wrong name is worse than none.

`greeting_name(name, formal=...)` is what a greeting puts after "Hi"/"Dear": the given
name, or, formally, the honorific and family name ("Dr. Whitfield"); "" when neither is
known. Both `track` (who a draft goes to) and `compose` (what the greeting says) use this
module, so "Hi Dr.," cannot come back from a second, simpler rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from followup.mail.model import Message
from followup.words import de, en, es, fr

# Honorifics as written, keyed by their plain form; the value is the spelling used in a
# formal greeting. Academic titles (Dr., Prof.) stay in a formal greeting in every language
# ("Sehr geehrte Frau Dr. Schmidt", "Dear Dr. Whitfield").
_HONORIFICS = {**en.HONORIFICS, **de.HONORIFICS, **fr.HONORIFICS, **es.HONORIFICS}
_ACADEMIC = en.ACADEMIC_TITLES | de.ACADEMIC_TITLES | fr.ACADEMIC_TITLES | es.ACADEMIC_TITLES
_FEMININE = (en.FEMININE_HONORIFICS | de.FEMININE_HONORIFICS | fr.FEMININE_HONORIFICS
             | es.FEMININE_HONORIFICS)
_MASCULINE = (en.MASCULINE_HONORIFICS | de.MASCULINE_HONORIFICS | fr.MASCULINE_HONORIFICS
              | es.MASCULINE_HONORIFICS)
# Words that make a display name a team, a function or a tool rather than a person.
_NOT_A_PERSON = en.NOT_A_PERSON | de.NOT_A_PERSON | fr.NOT_A_PERSON | es.NOT_A_PERSON
_PARTICLES = frozenset({"de", "del", "della", "da", "das", "do", "dos", "di", "van", "von",
                        "der", "den", "la", "le", "du", "y", "zu", "ten", "ter", "mc"})
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts; any part may be ""."""

    given: str = ""
    family: str = ""
    honorific: str = ""  # "Dr.", "Frau", "Mme", ... as a formal greeting writes it

    @property
    def known(self) -> bool:
        return bool(self.given or self.family)

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.given, self.family) if part)

    @property
    def feminine(self) -> bool | None:
        """True / False when the honorific says so, None when it does not."""
        if self.honorific in _FEMININE:
            return True
        if self.honorific in _MASCULINE:
            return False
        return None

    @property
    def academic(self) -> bool:
        return self.honorific in _ACADEMIC


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _capitalised(word: str) -> str:
    if word.isupper() or word.islower():
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word


def parse_person_name(display_name: str, email: str = "") -> PersonName:
    """The parts of a display name, else of the address's local part; empty when neither
    looks like a person's name."""
    parsed = _from_display_name(display_name)
    if parsed.given or parsed.family:
        return parsed
    from_address = name_from_address(email)
    if from_address.known and parsed.honorific:
        return PersonName(from_address.given, from_address.family, parsed.honorific)
    return from_address


def _from_display_name(display_name: str) -> PersonName:
    name = " ".join(str(display_name or "").replace('"', " ").split()).strip("'“” ")
    if not name or "@" in name:
        return PersonName()
    # "Whitfield, Dana" → "Dana Whitfield"; "Whitfield, Dana (Recruiting)" stays a name
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    if name.count(",") == 1:
        family, given = (part.strip() for part in name.split(","))
        if family and given and " " not in family:
            name = f"{given} {family}"
        else:
            name = family  # "Dana Whitfield, PhD": what comes after the comma is no name
    tokens = name.split()
    honorifics: list[str] = []
    while tokens:
        key = _plain(tokens[0].rstrip("."))
        if key in _HONORIFICS and len(tokens) > 1 and (
                tokens[0].endswith(".") or len(key) > 2 or key in ("dr", "mr", "ms", "sr")):
            honorifics.append(_HONORIFICS[key])
            tokens.pop(0)
            continue
        break
    if not tokens or any(_plain(token.strip(".,")) in _NOT_A_PERSON for token in tokens):
        return PersonName(honorific=_best_honorific(honorifics))
    words = [token.strip(".,") for token in tokens]
    if not all(_NAME_WORD.match(word) for word in words):
        return PersonName(honorific=_best_honorific(honorifics))
    if len(words) == 1:
        word = words[0]
        if len(word) < 2 or (word.isupper() and len(word) <= 4):
            return PersonName(honorific=_best_honorific(honorifics))  # "HR", "IT"
        if honorifics:  # "Dr. Whitfield", "Frau Schmidt": a family name
            return PersonName(family=_capitalised(word), honorific=_best_honorific(honorifics))
        return PersonName(given=_capitalised(word))
    given = _capitalised(words[0])
    if len(given.rstrip(".")) < 2:
        given = ""  # "J. Smith"
    family_words = words[1:]
    # "Ana María de la Cruz": the second word is part of the given name only in Spanish
    # double names; keep it simple and take the last word group after a particle as family.
    family = " ".join(word if _plain(word) in _PARTICLES else _capitalised(word)
                      for word in family_words)
    return PersonName(given=given, family=family, honorific=_best_honorific(honorifics))


def _best_honorific(found: list[str]) -> str:
    """Of "Frau Prof. Dr." the academic title a greeting keeps ("Prof."), joined to the
    courtesy title where there is one: "Frau Prof.", else the first."""
    found = [item for item in found if item]
    academic = [item for item in found if item in _ACADEMIC]
    courtesy = [item for item in found if item not in _ACADEMIC]
    if academic and courtesy:
        return f"{courtesy[0]} {academic[0]}"
    return (academic or courtesy or [""])[0]


_LOCAL_SPLIT = re.compile(r"[._-]")


def name_from_address(email: str) -> PersonName:
    """"dana.whitfield@x" → Dana Whitfield; "dana@x" and "dwhitfield@x" → nothing (a bare
    word may be a team or a role mailbox; an initial and a name is no given name)."""
    local = str(email or "").split("@")[0].split("+")[0].lower()
    parts = [part for part in _LOCAL_SPLIT.split(local) if part]
    if len(parts) != 2 or any(part in _NOT_A_PERSON for part in parts):
        return PersonName()
    given, family = parts
    if not (given.isalpha() and family.isalpha()) or len(given) < 2 or len(family) < 2:
        return PersonName()
    return PersonName(given=given.capitalize(), family=family.capitalize())


def first_name(display_name: str, email: str = "") -> str:
    """The given name to greet someone by: "Dr. Dana Whitfield" → "Dana", "Kim, Dana" →
    "Dana", "" for "Acme Recruiting", "HR" or an address alone that spells no name."""
    return parse_person_name(display_name, email).given


def greeting_name(name: PersonName, *, formal: bool) -> str:
    """Who a greeting names: formally the honorific and family name ("Dr. Whitfield",
    "Frau Schmidt"; the full name when no honorific is known, "Dana Whitfield"), informally
    the given name ("Dana"); "" when the name gives nothing to greet by."""
    if formal:
        if name.honorific and name.family:
            return f"{name.honorific} {name.family}"
        return name.full
    return name.given or (f"{name.honorific} {name.family}" if name.honorific and name.family
                          else "")


def is_the_recipient(name: str, message: Message) -> bool:
    """True when `name` is the person the message is written to, the candidate: a display
    name of its To, a calendar guest at a To address, or a name whose words are all in a
    To address ("Sam Nguyen" of sam.nguyen.au@...). A title written after the candidate's
    name ("Final round - Sam Nguyen (Data Scientist)") is the job, not theirs."""
    wanted = name.strip().strip('"').lower()
    words = [_plain(word) for word in re.split(r"[\s-]+", wanted) if word]
    if len(words) < 2:
        return False
    to = {address.email.lower() for address in message.to}
    shown = {address.name.strip().lower() for address in message.to if address.name}
    shown |= {guest.name.strip().lower() for event in message.calendar
              for guest in event.attendees if guest.name and guest.email.lower() in to}
    if wanted in shown:
        return True
    for email in to:
        parts = {part for part in re.split(r"[._+-]", _plain(email.split("@")[0])) if part}
        if all(word in parts for word in words):
            return True
    return False
