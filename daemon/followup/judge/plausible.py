"""Is a fact fit to be written in a draft the user puts their name under?

Each check returns None when the value is plausible, else a short reason ("a person's
title in the thread", "a token from a link"). A value that fails is left out of the draft
and the sentence is written without it; `plan` shows the reason. The same checks guard the
per-message extraction (`judge.names`, `judge.facts`), so a bad value rarely gets that far.

What the checks rest on (issue 13, read drafts): roles that were a link token
("VPNfkUDD2tTld6GVW6TrtxwBj3bXCsK0auV4fzJ"), an interviewer's title ("Engineering Manager",
"Teamleiter", "Head of Quant Engineering"), the user's own name; companies with the words
of a subject glued on ("Quayside Logistics final round", "Orbital Pay phone screen").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from followup.words import alternatives

# Words a subject or a sentence glues after a company's name: "Acme final round",
# "Orbital Pay phone screen", "Initech Interview", "Globex – Vorstellungsgespräch".
_COMPANY_TAIL = re.compile(
    rf"(?:[\s,:–-]+(?:(?:the|your|our|a|an|my)\s+)?(?:{alternatives('STAGE_ADJECTIVE_PATTERNS')})?"
    rf"\s*(?:{alternatives('STAGE_NOUN_PATTERNS')})\b\.?)+\s*$",
    re.IGNORECASE)
# A slash alone is no link: "Ingeniero/a", "(m/w/d)", "Python/C++"; a path is. A domain
# may be a company's name ("Nuts.com"), never a job's.
_LINK_JUNK = re.compile(r"https?:|www\.|/[\w.-]{2,}/|[=%@\\{}<>\[\]|]", re.IGNORECASE)
_DOMAIN = re.compile(r"\.(?:com|io|org|net|de|fr|es)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\s,;:()]+")
# A job title holds a word for a job. The stems are matched at a word's start or inside a
# compound ("Softwareentwickler", "Datenanalyst"), case-insensitively.
_JOB_WORDS = re.compile(alternatives("JOB_WORD_PATTERNS"), re.IGNORECASE)
# A role is not a stage of the process or a kind of mail.
_NOT_ROLE = re.compile(rf"\b(?:{alternatives('NOT_A_ROLE_PATTERNS')})\b", re.IGNORECASE)
_MAX_ROLE_WORDS = 9
_MAX_COMPANY_WORDS = 6


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", letters))


def looks_like_link_junk(text: str, *, domain_ok: bool = False) -> bool:
    """True for text carrying a link, an address or a token no person writes: a long run
    mixing digits and letters or upper and lower case ("VPNfkUDD2tTld6GVW6Trtx"); a name
    such as "Advisor360" is not one. `domain_ok`: a domain is a name ("Nuts.com")."""
    if _LINK_JUNK.search(text) or (not domain_ok and _DOMAIN.search(text)):
        return True
    for token in _WORD.findall(text):
        letters = re.sub(r"[^A-Za-z0-9]", "", token)
        if len(letters) < 14:
            continue
        digits = sum(ch.isdigit() for ch in letters)
        case_changes = sum(1 for left, right in zip(letters, letters[1:])
                           if left.isalpha() and right.isalpha()
                           and left.islower() and right.isupper())
        if (digits and digits < len(letters)) or case_changes >= 3:
            return True
    return False


def strip_company_tail(name: str) -> str:
    """The company without the words a subject glued on: "Quayside Logistics final round"
    → "Quayside Logistics"; the name itself is never emptied."""
    stripped = _COMPANY_TAIL.sub("", name).strip(" ,:–-")
    return stripped if stripped else name.strip()


def clean_role(role: str, company: str = "") -> str:
    """The role without the company written into it: "Senior Data Engineer (Northwind
    Labs)" (a calendar summary), "Backend Engineer at Acme", "Acme - Backend Engineer"."""
    text = role.strip()
    name = strip_company_tail(company.strip()) if company else ""
    if name:
        escaped = re.escape(name)
        text = re.sub(rf"\s*[(\[]\s*{escaped}\s*[)\]]", "", text, flags=re.IGNORECASE)
        text = re.sub(rf"\s+(?:at|@|bei|chez|en)\s+{escaped}\s*$", "", text,
                      flags=re.IGNORECASE)
        text = re.sub(rf"^{escaped}\s*[-–|:]\s*|\s*[-–|:]\s*{escaped}$", "", text,
                      flags=re.IGNORECASE)
    # A calendar summary names the candidate after the job: "Platform Engineer (Sam
    # Rivera)". A trailing group of two or three capitalised words with no job word in it
    # is a person, never part of the job.
    match = _TRAILING_PERSON.search(text)
    if match and not _JOB_WORDS.search(match.group("who")):
        text = text[:match.start()]
    return text.strip(" ,-–|:") or role.strip()


# The marker a job ad puts after the title for the genders it is open to: "(m/w/d)",
# "(w/m/d)", "(H/F)", "(f/m/x)", "(all genders)", "m/w/d" with no brackets.
_GENDER_MARKER = re.compile(
    r"\s*(?:[(\[]\s*(?:[mwfdhx*]|div)(?:\s*[/|,]\s*(?:[mwfdhx*]|div|divers)){1,3}\s*[)\]]|"
    r"[(\[]\s*(?:all genders?|alle geschlechter|gn|genderneutral)\s*[)\]]|"
    r"(?<![\w/])[mwfdh]\s*/\s*[mwfdhx](?:\s*/\s*[mwfdhx])?(?![\w/]))", re.IGNORECASE)
# The stage of the process that a calendar summary or a subject writes before or after
# the job: "Vorstellungsgespräch Data Analyst", "Erstgespräch Referentin Risikomanagement",
# "Entretien technique - Développeur Python", "Machine Learning Engineer - Technical
# Interview", "Phone screen: Backend Engineer".
_STAGE = (rf"(?:(?:{alternatives('STAGE_BEFORE_JOB_ADJECTIVE_PATTERNS')})[ \t]+)*"
          rf"(?:{alternatives('STAGE_BEFORE_JOB_PATTERNS')})"
          rf"(?:[ \t]+(?:{alternatives('SECOND_STAGE_PATTERNS')}))?"
          rf"(?:[ \t]+(?:{alternatives('AFTER_STAGE_PATTERNS')}|"
          rf"(?:{alternatives('WITH_PATTERNS')})[ \t].*))?")
_LEADING_STAGE = re.compile(
    rf"^\s*(?:(?:{alternatives('SUBJECT_PREFIX_PATTERNS')})\s*:?\s*)?{_STAGE}"
    rf"(?:\s*(?:[-–:|]\s*|(?:{alternatives('STAGE_TO_JOB_PATTERNS')})\s+)+|"
    # a stage word no job title starts with, then the job: "Vorstellungsgespräch Data
    # Analyst"; not "Call Center Agent" or "Screening Specialist"
    rf"(?:(?<=gespräch)|(?<=interview)|(?<=entretien)|(?<=entrevista)|(?<=final round))"
    rf"\s+(?=[A-ZÀ-Ý]))",
    re.IGNORECASE)
_TRAILING_STAGE = re.compile(rf"\s*(?:[-–:|,/]\s*|\s)(?:the\s+)?{_STAGE}\s*$", re.IGNORECASE)


# Where and how the job is done, in brackets after it: "(Remote)", "(open to remote)",
# "(Hybrid - Berlin)", "(Summer 2027)": the ad's detail, not the job's name.
_WHERE_AND_HOW = re.compile(
    rf"\s*[(\[][^()\[\]]*\b(?:{alternatives('WHERE_AND_HOW_PATTERNS', 'en fr es de')}|"
    rf"{alternatives('SEASON_PATTERNS', 'en')}|20\d\d)\b[^()\[\]]*[)\]]\s*$", re.IGNORECASE)


def draft_role(role: str, company: str = "", user_name: str = "") -> str:
    """The job as a draft writes it: `clean_role`, then without the gender marker of the
    ad ("Data Analyst (m/w/d)" → "Data Analyst"), the stage of the process written
    before or after it ("Vorstellungsgespräch Data Analyst", "ML Engineer - Technical
    Interview") and the candidate's own name ("Ingeniero de Datos - Sam Rivera"). What
    is left is checked by `role_problem`; "" when nothing is left."""
    text = clean_role(role, company)
    if user_name.strip():
        name = re.escape(user_name.strip())
        text = re.sub(rf"\s*(?:[-–:|,/]\s*|[(\[]\s*)?{name}\s*[)\]]?\s*$", "", text,
                      flags=re.IGNORECASE)
        text = re.sub(rf"^\s*{name}\s*[-–:|,/]\s*", "", text, flags=re.IGNORECASE)
    for _ in range(2):
        text = _GENDER_MARKER.sub("", text).strip(" ,-–|:/")
        text = _WHERE_AND_HOW.sub("", text).strip(" ,-–|:/")
        text = _LEADING_STAGE.sub("", text).strip(" ,-–|:/")
        text = _TRAILING_STAGE.sub("", text).strip(" ,-–|:/")
    return clean_role(text, company) if text else ""


_TRAILING_PERSON = re.compile(
    r"\s*[(\[]\s*(?P<who>[A-ZÀ-ÝĀ-Ž][\w'’-]+(?:\s+[A-ZÀ-ÝĀ-Ž][\w'’-]+){1,2})\s*[)\]]\s*$")


# Words a sender's name or a subject puts after the company, which no company's name ends
# with: "VMware Human Resources", "Chewy Campus", "Slalom Follow Up", "F5 Bad News".
_COMPANY_NOT_NAME_TAIL = re.compile(
    rf"\s(?:{alternatives('NOT_A_COMPANY_TAIL_PATTERNS', 'en de es fr')})$", re.IGNORECASE)
# Small words a name may hold in lower case: "Blue Shield of California", "Les Jardins de
# Cocagne", "Farmacias del Ahorro", "GDG on Campus"; any other lower-case word makes a
# sentence, not a name ("Xealth is changing the healthcare industry").
_NAME_PARTICLES = frozenset("of and the for de du des la le les del y e und für der die das "
                            "van von da di do dos on at in a et en zu am im".split())


# A word for what a person does, which no company's name holds ("ENTRY-LEVEL WEB
# PROGRAMMER" read as the employer).
_PERSONS_JOB = re.compile(rf"\b(?:{alternatives('PERSONS_JOB_PATTERNS')})s?\b", re.IGNORECASE)


_LEGAL_FORM_ONLY = re.compile(r"(?:inc|llc|ltd|gmbh|ag|sa|sas|corp|co|plc|se|bv|s\.?l)\.?",
                              re.IGNORECASE)


def _reads_as_a_sentence(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’.&-]*", text)[1:]
    return any(word.islower() and word.lower() not in _NAME_PARTICLES
               and not re.match(r"^[dl]['’]", word) for word in words)


def company_problem(company: str) -> str | None:
    """Why `company` should not be written in a draft, or None."""
    text = company.strip()
    if not text:
        return "unknown"
    if looks_like_link_junk(text, domain_ok=True):
        return "a link or a token from one"
    if strip_company_tail(text) != text:
        return "words of the process glued to the name"
    if _COMPANY_NOT_NAME_TAIL.search(text):
        return "a department or a subject's words after the name"
    if not re.match(r"[^\W_]", text) or re.match(r"\d+[\s:.,)]", text) or \
            text.count("(") != text.count(")"):
        return "does not start as a name does"
    if _reads_as_a_sentence(text):
        return "reads as a sentence, not a name"
    if _PERSONS_JOB.search(text):
        return "a job title, not a name"
    if _LEGAL_FORM_ONLY.fullmatch(text):
        return "a legal form without the name"
    if len(text.split()) > _MAX_COMPANY_WORDS or len(text) > 60:
        return "too long for a name"
    if not re.search(r"[^\W\d_]", text):
        return "no letters"
    if _A_DATE.match(text):
        return "a date, not a name"
    if _NOT_ROLE.fullmatch(text):
        return "a word of the mail, not a name"
    return None


# A weekday written short before a day's number ("Di., 22", "Tue 3", "jeu. 12"): a subject's
# date read as a name (session 9).
_A_DATE = re.compile(r"(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|"
                     r"ven|sam|dim|mié|jue|vie|sáb|dom)\.?,?\s*\d", re.IGNORECASE)


def role_problem(role: str, *, person_titles: Iterable[str] = (),
                 people: Iterable[str] = (), user_name: str = "") -> str | None:
    """Why `role` should not be written as the job in a draft, or None.

    `person_titles` are the titles of people in the thread ("Engineering Manager" of the
    interviewer), `people` their names, `user_name` the user's: none of them is the job."""
    text = role.strip()
    if not text:
        return "unknown"
    if looks_like_link_junk(text):
        return "a link or a token from one"
    plain = _plain(text)
    if user_name and (_plain(user_name) == plain or _plain(user_name) in plain):
        return "the user's own name"
    for name in people:
        if name and len(_plain(name)) > 3 and _plain(name) in plain:
            return f"holds the name of {name}"
    for title in person_titles:
        if title and _plain(title) == plain:
            return "a person's title in the thread, not the job"
    if len(text.split()) > _MAX_ROLE_WORDS or len(text) > 90:
        return "too long for a job title"
    if _NOT_ROLE.search(text):
        return "a stage of the process, not a job title"
    if not _JOB_WORDS.search(text):
        return "does not look like a job title"
    return None


def person_name_problem(name: str) -> str | None:
    """Why `name` should not be written as a person's name, or None."""
    text = name.strip()
    if not text:
        return "unknown"
    if looks_like_link_junk(text) or any(ch.isdigit() for ch in text):
        return "not a name"
    if len(text.split()) > 5:
        return "too long for a name"
    return None
