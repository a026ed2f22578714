"""The employer's name and the role, as the mail states them.

Company: from phrases ("your application to X", "the X team", "role at X"), the sender's
display name ("Maria | Northwind Labs", "Northwind Labs via Greenhouse", "Northwind
Recruiting"), the calendar summary, and last the employer's domain, written the way the
text writes it when it can be found there. Never the ATS or the job board.
"""

from __future__ import annotations

import re

from followup.judge.senders import employer_domain, is_ats_domain
from followup.mail.model import Message

_CO = r"(?P<c>[A-Z0-9][\w&'’.+-]*(?:\s(?:&\s)?[A-Z0-9][\w&'’.+-]*){0,3})"
_COMPANY_PATTERNS = [re.compile(pattern) for pattern in (
    rf"(?i:thank(?:s| you) for (?:your )?(?:applying|application|interest)(?: in(?: joining)?| to| at| with)?(?: the)?(?: \w+ (?:role|position) at)?) {_CO}",
    rf"(?i:your (?:application|candidacy|interest) (?:to|at|with|for a (?:role|position) at)) {_CO}",
    rf"(?i:(?:role|position|opening|job|opportunity|interview|career) (?:at|with)) {_CO}",
    rf"(?i:(?:on behalf of|joining|join|team at|here at|hiring at|bei|chez|en la empresa|en)) {_CO}",
    rf"(?i:the) {_CO} (?i:(?:recruiting|recruitment|talent(?: acquisition)?|hiring|people|hr|careers?|interview|engineering) team)",
    rf"(?i:(?:interest|interesse|intérêt|interés) (?:in|an|pour|en|por)(?: (?:the|der|la|el))?(?: \w+){{0,4}} (?:at|bei|chez|en)) {_CO}",
)]
_DISPLAY_COMPANY = [re.compile(pattern) for pattern in (
    r"(?:\||@|\bat\b|\bfrom\b|-|–|,)\s*(?P<c>[^|,()]+?)\s*$",
    r"^(?P<c>.+?)\s+(?:via|through)\s+\w+",
    r"^(?P<c>.+?)\s+(?:recruiting|recruitment|talent(?: acquisition)?|careers?|hiring team|"
    r"jobs|hr|people(?: team)?|team|karriere|recrutement|empleo)\s*$",
)]
_NOT_COMPANY = re.compile(
    r"^(?:the|our|your|a|an|this|that|we|us|you|team|greenhouse|lever|ashby|workday|icims|"
    r"linkedin|indeed|glassdoor|smartrecruiters|teamtailor|personio|bamboohr|jobvite|workable|"
    r"calendly|goodtime|zoom|google|microsoft|teams|hiring|recruiting|talent|careers?|"
    r"no-?reply|notifications?|mail|info|hr|jobs|interview|sam|rivera|sam rivera|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|today|tomorrow|this|next|"
    r"uns|ihre|vous|nous|nuestro|nuestra)$", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\s+(?:and|for|to|as|is|in|on|we|team|recruiting|talent|the|via|"
                       r"hiring|careers?|through|has|have|will|who|where|people|for the|"
                       r"Team|Recruiting|Talent))+$|[.,;:!?'’]+$")
_SUFFIXES = re.compile(r"[,\s]+(?:inc|llc|ltd|gmbh|ag|sa|s\.a|sas|sarl|bv|plc|corp|co|"
                       r"limited|s\.l|sl)\.?$", re.IGNORECASE)

_JOB_NOUN = (r"(?:Engineer|Developer|Manager|Designer|Scientist|Analyst|Architect|Lead|"
             r"Director|Specialist|Consultant|Coordinator|Administrator|Researcher|Owner|"
             r"Intern|Associate|Officer|Advocate|Writer|Editor|Strategist|Representative|"
             r"Recruiter|Accountant|Technician|Programmer|Head of [A-Z][\w&]+(?: [A-Z][\w&]+)?|"
             r"VP[\w ,]+|SRE|DevOps|Partner|Executive|Marketer|Counsel|Nurse|Teacher|"
             r"Ingenieur(?:in)?|Entwickler(?:in)?|Berater(?:in)?|Leiter(?:in)?|Referent(?:in)?|"
             r"Développeur(?:se)?|Ingénieur(?:e)?|Chef de projet|Chargée? de [\w ]+|"
             r"Desarrollador(?:a)?|Ingenier[oa]|Analista|Diseñador(?:a)?|Jef[ea] de [\w ]+|"
             r"Product Manager|Data Scientist|Werkstudent(?:in)?|Stagiaire|Becari[oa])")
_ROLE = re.compile(
    r"(?P<r>(?:(?:Senior|Sr\.?|Junior|Jr\.?|Staff|Principal|Lead|Chief|Associate|Head|"
    r"Founding|Mid-level)[ \t]+)?(?:[A-Z][\w/+#.&-]*[ \t]+){0,4}" + _JOB_NOUN +
    r"(?:\s+(?:I{1,3}|IV|[1-3]))?(?:\s*[,–-]\s*[A-Z][\w&]+(?:\s[A-Z][\w&]+)?(?=\s*(?:role|"
    r"position|\(|$|\n)))?(?:\s*\((?:m/w/d|w/m/d|f/m/d|m/f/d|h/f|f/h|[a-z /]{0,20})\))?)")
_ROLE_LEAD = re.compile(r"(?i:for (?:the|a|an|our)|as (?:a|an|the|our)|position of|role of|"
                        r"application for(?: the)?|applied for(?: the)?|poste de|puesto de|"
                        r"stelle als|position als|als|comme|como)\s+$")


def extract_company(message: Message, me: set[str]) -> str | None:
    """The employer's display name, or None."""
    sender = message.sender
    domain = employer_domain(sender.email) if sender else None
    candidates: list[str] = []
    for event in message.calendar[:1]:
        candidates.extend(_from_patterns(event.summary))
    candidates.extend(_from_patterns(message.subject))
    if sender and sender.name:
        candidates.extend(_from_display_name(sender.name))
    candidates.extend(_from_patterns(message.new_text[:4000]))
    cleaned = [name for name in (_clean_company(c) for c in candidates) if name]
    if domain:
        stem = _stem(domain)
        for name in cleaned:
            if _squash(name) == stem or _squash(name).startswith(stem) or \
                    stem.startswith(_squash(name)):
                return name
        spelled = _spelled_in_text(stem, f"{message.subject}\n{message.new_text[:6000]}")
        if spelled:
            return spelled
    if cleaned:
        return cleaned[0]
    if domain:
        return _stem(domain).capitalize()
    return None


def _from_patterns(text: str) -> list[str]:
    found = []
    for pattern in _COMPANY_PATTERNS:
        for match in pattern.finditer(text):
            found.append(match.group("c"))
    return found


def _from_display_name(name: str) -> list[str]:
    for pattern in _DISPLAY_COMPANY:
        match = pattern.search(name)
        if match:
            return [match.group("c")]
    return []


def _clean_company(raw: str) -> str | None:
    name = raw.strip().strip("\"'“”")
    for _ in range(3):
        name = _TRAILING.sub("", name).strip()
    name = _SUFFIXES.sub("", name).strip()
    if len(name) < 2 or len(name) > 50 or _NOT_COMPANY.match(name):
        return None
    if is_ats_domain(name.lower()) or name.lower().split()[0] in ("greenhouse", "lever",
                                                                  "workday", "linkedin"):
        return None
    return name


def _stem(domain: str) -> str:
    return re.sub(r"[^a-z0-9]", "", domain.split(".")[0].lower())


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _spelled_in_text(stem: str, text: str) -> str | None:
    """The company as the text writes it, when its letters equal the domain's stem."""
    if len(stem) < 3:
        return None
    words = re.findall(r"[A-Z0-9][\w&'-]*", text)
    for size in (1, 2, 3):
        for index in range(len(words) - size + 1):
            phrase = " ".join(words[index:index + size])
            if _squash(phrase) == stem:
                return phrase
    return None


def extract_role(message: Message) -> str | None:
    """The job title, or None."""
    for text in (*(event.summary for event in message.calendar[:1]), message.subject,
                 message.new_text[:6000]):
        best = None
        for match in _ROLE.finditer(text):
            role = match.group("r").strip(" ,-–")
            if _ROLE_LEAD.search(text[max(0, match.start() - 30):match.start()]):
                return role
            best = best or role
        if best:
            return best
    return None
