"""Recruiting mail for the benchmark mailbox, made from the labelled corpus (tests/corpus).

The corpus holds about eighty employers, each with a short story told in a few messages
(acknowledgement, invitation, scheduled interview, status, rejection or offer, the user's
own replies). A *story* is one employer's messages in date order; an *instance* is one
retelling of it for the benchmark: the first `count` messages, with

* the company's distinctive word replaced by a made-up one (names, addresses, links);
* every date moved by a whole number of weeks (headers, text, calendar data), so that
  weekday names in the text stay right;
* every Message-ID and calendar UID made unique to the instance, threads kept intact.

Text parts are decoded, changed and encoded again with their own transfer encoding, so the
MIME shape of each template is kept. Nothing here knows what the judge will decide: the
benchmark compares two readers of the same mailbox, not the labels.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import quopri
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email import message_from_bytes
from email.generator import BytesGenerator
from email.message import Message
from email.policy import compat32
from email.utils import parsedate_to_datetime
from pathlib import Path

USER_ADDRESSES = ("sam.rivera@example.org", "sam@rivera.dev")
_GENERIC_WORDS = {"grupo", "laboratoires", "maison", "the", "brasserie"}
_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "en_abbr": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
}
# Month names are matched on text decoded from UTF-8 with surrogateescape: exact words.
_MONTH_NAMES = sorted({name for names in _MONTHS.values() for name in names} | {"Sept"},
                      key=len, reverse=True)
_MONTH = "(?:" + "|".join(re.escape(name) for name in _MONTH_NAMES) + ")"
_DATES = re.compile(
    r"(?P<ics>(?<!\d)(?P<icsy>20\d\d)(?P<icsm>[01]\d)(?P<icsd>[0-3]\d)(?=T\d{6}))"
    r"|(?P<iso>(?<!\d)(?P<isoy>20\d\d)-(?P<isom>[01]\d)-(?P<isod>[0-3]\d)(?!\d))"
    r"|(?P<dmy>(?<![\d.])(?P<dmyd>\d{1,2})(?P<dmysuf>\.|st|nd|rd|th|er)?"
    r"(?P<dmysep>\s+(?:de\s+|of\s+)?)(?P<dmym>" + _MONTH + r")(?![A-Za-z])"
    r"(?P<dmyrest>\.?,?\s+(?:de\s+)?(?P<dmyy>20\d\d)(?!\d))?)"
    r"|(?P<mdy>(?<![A-Za-z])(?P<mdym>" + _MONTH + r")(?P<mdydot>\.?)\s+(?P<mdyd>\d{1,2})"
    r"(?P<mdysuf>st|nd|rd|th)?(?![\d:])(?P<mdyrest>,?\s+(?P<mdyy>20\d\d)(?!\d))?)"
    r"|(?P<num>(?<![\d/.])(?P<n1>\d{1,2})(?P<nsep>[/.])(?P<n2>\d{1,2})(?P=nsep)"
    r"(?P<ny>20\d\d)(?!\d))",
    re.IGNORECASE)
_MESSAGE_ID = re.compile(r"<[^<>\s@]+@[^<>\s]+>")
_CALENDAR_UID = re.compile(r"^(UID[:;][^\r\n]*?)(\r?)$", re.MULTILINE)
_TEXT_TYPES = ("text/", "application/ics")


@dataclass(frozen=True)
class Template:
    """One corpus message and what its label says."""

    name: str
    raw: bytes
    kind: str
    language: str
    date: datetime
    sent: bool
    interview_start: datetime | None


@dataclass(frozen=True)
class Story:
    """One employer's messages, oldest first. `stem` is the company's distinctive word (None
    for a message that names no company: it is retold as it is)."""

    stem: str | None
    templates: tuple[Template, ...]

    def span(self, count: int) -> timedelta:
        return self.templates[count - 1].date - self.templates[0].date


@dataclass(frozen=True)
class Instance:
    """One retelling of `story`: its first `count` messages, `weeks` later (or earlier)."""

    story: Story
    count: int
    weeks: int
    company: str
    number: int

    def dates(self) -> list[datetime]:
        shift = timedelta(weeks=self.weeks)
        return [t.date + shift for t in self.story.templates[:self.count]]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _stem(company: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", company) if len(w) > 2]
    for word in words:
        if word.lower() not in _GENERIC_WORDS:
            return word
    return words[0]


def load_corpus(corpus: Path) -> tuple[list[Story], list[Template]]:
    """Recruiting stories (grouped by company, plus company-less recruiting singles) and the
    non-recruiting messages of the corpus (kind `other`), each list in a stable order."""
    by_stem: dict[str, tuple[str, list[Template]]] = {}
    singles: list[Template] = []
    noise: list[Template] = []
    for path in sorted(corpus.glob("*/*.eml")):
        label = json.loads(path.with_suffix(".json").read_text())
        raw = path.read_bytes().replace(b"\r\n", b"\n")
        header = message_from_bytes(raw.split(b"\n\n", 1)[0] + b"\n\n", policy=compat32)
        start = label.get("interview_start")
        template = Template(
            name=f"{path.parent.name}/{path.stem}", raw=raw, kind=label["kind"],
            language=label.get("language") or "en",
            date=parsedate_to_datetime(str(header["Date"])),
            sent=label["direction"] == "sent",
            interview_start=datetime.fromisoformat(start) if start else None)
        if label["kind"] == "other":
            noise.append(template)
        elif label.get("company"):
            stem = _stem(label["company"])
            by_stem.setdefault(stem.casefold(), (stem, []))[1].append(template)
        else:
            singles.append(template)
    stories = [Story(stem, tuple(sorted(templates, key=lambda t: t.date)))
               for _, (stem, templates) in sorted(by_stem.items())]
    stories += [Story(None, (template,)) for template in singles]
    return stories, noise


# -- retelling ---------------------------------------------------------------------------------

def _month_lookup(name: str, language: str) -> tuple[str, int] | None:
    """(style, month 1..12) of a month name, preferring the message's own language."""
    order = [language, "en", "en_abbr", "de", "fr", "es"]
    for style in order:
        for index, candidate in enumerate(_MONTHS.get(style, [])):
            if candidate.casefold() == name.casefold():
                return style, index + 1
    if name.casefold() == "sept":
        return "en_abbr", 9
    return None


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _day(model: str, day: int) -> str:
    return f"{day:02d}" if len(model) == 2 and model.startswith("0") else str(day)


def _yearless(month: int, day: int, reference: date) -> date | None:
    """The date with that month and day closest to `reference` (a year before, of or after)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs(d - reference)) if candidates else None


def shift_dates(text: str, days: int, reference: date, language: str = "en") -> str:
    """`text` with every date it spells moved by `days` (ISO, iCalendar, RFC 5322, "March 3",
    "3 mars 2026", "3. März", "3/17/2026", ...); a yearless date is the one nearest `reference`.
    The spelling (padding, ordinal, month style and case, language) is kept."""
    shift = timedelta(days=days)

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        try:
            if match.group("ics") or match.group("iso"):
                key = "ics" if match.group("ics") else "iso"
                moved = date(int(match.group(key + "y")), int(match.group(key + "m")),
                             int(match.group(key + "d"))) + shift
                return (f"{moved:%Y%m%d}" if key == "ics" else f"{moved:%Y-%m-%d}")
            if match.group("num"):
                first, second = int(match.group("n1")), int(match.group("n2"))
                us = match.group("nsep") == "/" and language == "en"
                month, day = (first, second) if us else (second, first)
                moved = date(int(match.group("ny")), month, day) + shift
                one, two = (moved.month, moved.day) if us else (moved.day, moved.month)
                sep = match.group("nsep")
                return (f"{_day(match.group('n1'), one)}{sep}{_day(match.group('n2'), two)}"
                        f"{sep}{moved.year}")
            key = "dmy" if match.group("dmy") else "mdy"
            name = match.group(key + "m")
            looked_up = _month_lookup(name, language)
            if looked_up is None:
                return found
            style, month = looked_up
            day_text = match.group(key + "d")
            year_text = match.group(key + "y")
            if year_text:
                original = date(int(year_text), month, int(day_text))
            else:
                nearest = _yearless(month, int(day_text), reference)
                if nearest is None:
                    return found
                original = nearest
            moved = original + shift
            new_name = _same_case(name, _MONTHS[style][moved.month - 1])
            suffix = match.group(key + "suf") or ""
            if suffix.lower() in ("st", "nd", "rd", "th"):
                suffix = _same_case(suffix, _ordinal(moved.day))
            elif suffix.lower() == "er" and moved.day != 1:
                suffix = ""
            new_day = _day(day_text, moved.day)
            rest = match.group(key + "rest") or ""
            if year_text:
                rest = rest.replace(year_text, str(moved.year))
            if key == "dmy":
                return f"{new_day}{suffix}{match.group('dmysep')}{new_name}{rest}"
            return f"{new_name}{match.group('mdydot')} {new_day}{suffix}{rest}"
        except ValueError:
            return found

    return _DATES.sub(replace, text)


@dataclass
class _Changes:
    """What one instance changes in every message of its story."""

    days: int
    ids: dict[str, str]
    uid_suffix: str
    stem: str | None
    company: str

    def text(self, text: str, reference: date, language: str) -> str:
        text = _MESSAGE_ID.sub(lambda m: self.ids.get(m.group(0), m.group(0)), text)
        text = _CALENDAR_UID.sub(lambda m: f"{m.group(1)}-{self.uid_suffix}{m.group(2)}", text)
        if self.stem:
            text = self._company_words().sub(self._company_like, text)
        return shift_dates(text, self.days, reference, language)

    def _company_words(self) -> re.Pattern[str]:
        """The stem as a word start ("Northwind", "northwindlabs.com"; not "eastern")."""
        assert self.stem is not None
        variants = {self.stem, self.stem.lower(), self.stem.upper(), _fold(self.stem),
                    _fold(self.stem).lower()}
        alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
        return re.compile(r"(?<![^\W\d_])(?:" + alternatives + ")")

    def _company_like(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found.islower():
            return self.company.lower()
        return _same_case(found, self.company)


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _retell_part(part: Message, changes: _Changes, reference: date, language: str) -> None:
    content_type = part.get_content_type()
    if not content_type.startswith(_TEXT_TYPES):
        return  # attachments (PDF, images) travel unchanged
    encoding = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return
    changed = _encode(changes.text(_decode(payload), reference, language))
    if encoding == "base64":
        part.set_payload(base64.encodebytes(changed).decode("ascii"))
    elif encoding == "quoted-printable":
        part.set_payload(quopri.encodestring(changed).decode("ascii"))
    else:
        part.set_payload(changed.decode("ascii", "surrogateescape"))


def retell(template: Template, changes: _Changes) -> bytes:
    """One template message as the instance tells it."""
    message = message_from_bytes(template.raw, policy=compat32)
    reference = template.date.date()
    for part in message.walk():
        if not part.is_multipart():
            _retell_part(part, changes, reference, template.language)
    buffer = io.BytesIO()
    BytesGenerator(buffer, mangle_from_=False, maxheaderlen=0, policy=compat32).flatten(message)
    raw = buffer.getvalue()
    head, _, body = raw.partition(b"\n\n")
    head = _encode(changes.text(_decode(head), reference, template.language))
    return head + b"\n\n" + body


def _message_ids(story: Story) -> set[str]:
    ids: set[str] = set()
    for template in story.templates:
        head = template.raw.split(b"\n\n", 1)[0].decode("utf-8", "replace")
        for line in re.findall(r"^(?:Message-ID|In-Reply-To|References):(.*(?:\n[ \t].*)*)",
                               head, re.IGNORECASE | re.MULTILINE):
            ids.update(_MESSAGE_ID.findall(line))
    return ids


def render(instance: Instance) -> Iterator[tuple[str, datetime, bytes]]:
    """(folder, date, raw message) of each message of the instance, oldest first."""
    story = instance.story
    tag = f"b{instance.number}"
    ids = {}
    for old in sorted(_message_ids(story)):
        local, _, domain = old[1:-1].rpartition("@")
        digest = hashlib.sha1(f"{tag}/{old}".encode()).hexdigest()[:10]
        ids[old] = f"<{digest}.{tag}.{local[:24]}@{domain}>"
    changes = _Changes(days=7 * instance.weeks, ids=ids, uid_suffix=tag, stem=story.stem,
                       company=instance.company)
    for template, when in zip(story.templates[:instance.count], instance.dates()):
        yield ("Sent" if template.sent else "INBOX"), when, retell(template, changes)
