"""Comparing company names, roles and people the way a careful reader would.

"Northwind Labs, Inc." and "northwind labs" are one company; "Senior Data Engineer
(m/w/d)" and "Data Engineer" are one role (the role compares by containment of its words);
a person is known by address, else by name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from followup.judge.model import Person
from followup.judge.names import abbreviates
from followup.judge.person_names import first_name as person_first_name
from followup.mail.senders import is_machine_address, registrable_domain
from followup.words import alternatives

_LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh", "mbh", "ag", "se",
    "kg", "kgaa", "ug", "sa", "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "plc", "corp",
    "corporation", "co", "company", "pty", "pte", "oy", "ab", "as", "asa", "aps", "kk",
    "and", "group", "holding", "holdings",
})
# "Group" written first, as French, Spanish and German names do.
_GROUP_FIRST = frozenset({"groupe", "grupo", "gruppe"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_GENDER_TAG = re.compile(r"\b[mwfdx]\s*/\s*[mwfdx](?:\s*/\s*[mwfdx])?\b", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\b(?:[a-z]\.){2,}", re.IGNORECASE)  # S.A., B.V., L.L.C.
_NON_WORD = re.compile(r"[^\w]+")
_MIN_PREFIX = 4  # shortest name that may match a longer one by prefix ("Acme" ~ "Acme Labs")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _words(text: str) -> list[str]:
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    return [word for word in _NON_WORD.split(text.replace("&", " and ")) if word]


def normalise_company(name: str | None) -> str:
    """Casefolded words without punctuation, a leading "the" or trailing legal forms."""
    if not name:
        return ""
    words = _words(_plain(_BRACKETS.sub(" ", name)))
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if words and words[0] in _GROUP_FIRST and len(words) > 1:
        words = words[1:]  # "Groupe Océanis" is Océanis, as "Océanis Group" would be
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


# A recruitment agency's name: it writes for its client, and the client is the employer.
_AGENCY = re.compile(rf"\b(?:{alternatives('AGENCY_PATTERNS')})\b", re.IGNORECASE)


def is_agency_name(name: str) -> bool:
    """True for a recruitment agency's name ("Keystone Technical Staffing", "Harbor Talent
    Partners", "Beacon Search Group"): never the employer a draft should name."""
    return bool(_AGENCY.search(name or ""))


def companies_match(first: str, second: str) -> bool:
    """Two normalised company names are one company: equal once spaces are ignored, or the
    shorter is the first words of the longer ("northwind" ~ "northwind labs")."""
    if not first or not second:
        return False
    if first.replace(" ", "") == second.replace(" ", ""):
        return True
    short, long = sorted((first.split(), second.split()), key=len)
    return len("".join(short)) >= _MIN_PREFIX and long[: len(short)] == short


def company_matches_domain(company: str, domain: str) -> bool:
    """A normalised company name fits a domain's first label ("northwind labs" ~
    northwindlabs.com, "acme corporation" ~ acme.com)."""
    label = registrable_domain(domain).split(".")[0].replace("-", "")
    squashed = company.replace(" ", "")
    if not label or not squashed or len(label) < _MIN_PREFIX:
        return bool(label) and label == squashed
    return squashed == label or squashed.startswith(label) or label.startswith(squashed)


def company_abbreviated_in_domain(company: str, domain: str) -> bool:
    """`company_matches_domain`, or the domain's first label spells the name with some
    words shortened ("harborlighttx" ~ "harborlight therapeutics"; session 8, blind
    scenario 111). For grouping mail into one application only: it would also let an
    agency's own name ("kessler and partner") fit its domain and outvote the client it
    names when the company is decided (`track.decided`)."""
    if company_matches_domain(company, domain):
        return True
    label = registrable_domain(domain).split(".")[0].replace("-", "")
    return len(label) >= _MIN_PREFIX and abbreviates(label, company.split())


def normalise_role(role: str | None) -> str:
    """Casefolded words of a job title without brackets, gender tags or punctuation."""
    if not role:
        return ""
    text = _GENDER_TAG.sub(" ", _BRACKETS.sub(" ", role))
    return " ".join(_words(_plain(text)))


def roles_match(first: str, second: str) -> bool:
    """Two normalised roles are one role when the words of one contain the other's, an
    abbreviation read as the words it stands for ("bi developer" ~ "business intelligence
    developer", "qa engineer" ~ "senior quality assurance engineer")."""
    if not first or not second:
        return False
    first_words = set(_spelled_out(first.split(), second.split()))
    second_words = set(_spelled_out(second.split(), first.split()))
    return first_words <= second_words or second_words <= first_words


def _spelled_out(words: list[str], other: list[str]) -> list[str]:
    """`words` with each abbreviation (2 to 4 letters) replaced by the run of words in
    `other` whose first letters spell it; other words as they are."""
    spelled: list[str] = []
    for word in words:
        run = None
        if 2 <= len(word) <= 4 and word.isalpha() and word not in other:
            run = next((other[i:i + len(word)] for i in range(len(other) - len(word) + 1)
                        if "".join(w[0] for w in other[i:i + len(word)]) == word), None)
        spelled.extend(run or [word])
    return spelled


def first_name(person: Person) -> str:
    """The given name to greet someone by ("Dana Kim" → "Dana", "Kim, Dana" → "Dana",
    "Dr. Dana Kim" → "Dana"); the one rule is `judge.person_names.first_name`."""
    return person_first_name(person.name, person.email)


def is_user(person: Person | str, user_addresses: Iterable[str], user_name: str = "") -> bool:
    """True when the person (or address) is the user."""
    email = (person if isinstance(person, str) else person.email).strip().lower()
    if email and email in {address.lower() for address in user_addresses}:
        return True
    name = "" if isinstance(person, str) else person.name
    return bool(user_name and name and _plain(name).strip() == _plain(user_name).strip())


def is_human(person: Person | None, user_addresses: Iterable[str]) -> bool:
    """True when a draft may be addressed to this person: a real, non-machine address
    that is not the user's."""
    return (person is not None and bool(person.email)
            and not is_machine_address(person.email, person.name)
            and not is_user(person.email, user_addresses))


def unique_people(people: Iterable[Person]) -> tuple[Person, ...]:
    """People in order, each once: by address where known, else by name. A later entry
    lends its name to an earlier one that had only the address."""
    found: dict[str, Person] = {}
    for person in people:
        email = person.email.strip().lower()
        key = email or "name:" + _plain(person.name).strip()
        if key == "name:":
            continue
        if key not in found or not found[key].name and person.name.strip():
            found[key] = Person(person.name.strip(), email)
    return tuple(found.values())
