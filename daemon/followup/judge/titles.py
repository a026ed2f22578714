"""People's job titles as a message gives them: "Lydia Chen, Head of Quant Engineering",
"Dana Kim (Engineering Manager)", a signature's title line under the writer's name.

A title belongs to a person, never to the job applied for: `judge.names.extract_role`
skips them and `judge.plausible.role_problem` refuses a role equal to one. The thank-you
uses an interviewer's title ("as Engineering Manager") when the mail gives it.
"""

from __future__ import annotations

import re

from followup.judge.person_names import is_the_recipient
from followup.judge.plausible import looks_like_link_junk
from followup.mail.model import Message
from followup.words import alternatives, de, en, es, fr

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_TITLE_WORD = rf"(?:[{_UPPER}][\w&/+-]*|{alternatives('TITLE_LINK_PATTERNS', 'en fr es de')}|&)"
_NAME = (rf"(?:(?:{alternatives('HONORIFIC_PATTERNS')})\.? )?[{_UPPER}][^\W\d_]+"
         rf"(?:[ -](?:de |van |von |del |da |di |la |le )?[{_UPPER}][^\W\d_'’]+){{1,2}}")
_TITLE = rf"{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD}){{0,6}}"
_WRITTEN_WITH_TITLE = re.compile(
    rf"(?P<name>{_NAME})(?:,[ \t]+(?:{alternatives('OUR_PATTERNS')})?[ \t]*"
    rf"(?P<after_comma>{_TITLE})|[ \t]*\((?P<bracket>{_TITLE})\))")
_JOB_WORD = re.compile(alternatives("JOB_TITLE_PATTERNS"), re.IGNORECASE)
# A person named by their first name alone, met "with" them or "and" another, their title
# in brackets: "with Priya (Head of Data)", "con Tomás (Engineering Manager) y Fernanda
# (Tech Lead)". The bracket is theirs, not the job's.
_BETWEEN_PEOPLE = rf"(?:{alternatives('WITH_PATTERNS')}|{alternatives('AND_PATTERNS')})"
_FIRST_NAME_WITH_TITLE = re.compile(
    rf"(?<![^\W_])(?:{_BETWEEN_PEOPLE})\s+(?P<name>[{_UPPER}][^\W\d_]+)[ \t]*"
    rf"\((?P<title>{_TITLE}(?:[ \t]+[^\W\d_][\w-]*){{0,2}})\)")
# A person and their title on labelled lines: "Entrevistador: Daniela Márquez" then
# "Cargo: Gerente de Recursos Humanos"; "Interviewer: ..." / "Title: ...".
_LABELLED = re.compile(
    rf"(?i:{alternatives('PERSON_LABEL_PATTERNS')})[ \t]*:[ \t]*"
    rf"(?P<name>{_NAME})[ \t]*\n[ \t]*(?i:{alternatives('TITLE_LABEL_PATTERNS')})[ \t]*:[ \t]*"
    rf"(?P<title>[^\n]{{3,80}})")
_NAME_LINE = re.compile(rf"[{_UPPER}][^\W\d_]+(?:[ -][{_UPPER}][^\W\d_'’]+){{1,2}}")
_TITLE_END = re.compile(rf"\s+(?:{alternatives('AT_EMPLOYER_PATTERNS')}|@|\|)\s.*$|\s*[|,].*$")
_TITLE_TAIL_WORDS = (en.TITLE_TAIL_WORDS | de.TITLE_TAIL_WORDS | fr.TITLE_TAIL_WORDS
                     | es.TITLE_TAIL_WORDS | {"&"})


def _clean_title(title: str) -> str:
    title = _TITLE_END.sub("", title.strip()).strip(" ,.;:")
    words = title.split()
    while words and words[-1].lower() in _TITLE_TAIL_WORDS:
        words.pop()
    return " ".join(words)


def people_titles(message: Message) -> tuple[tuple[str, str], ...]:
    """(name, title) for every person the new text or signature gives a title to."""
    found: dict[str, str] = {}
    text = f"{message.new_text[:8000]}\n{message.signature[:1000]}"
    # the candidate's own name: "Sam Rivera (Platform Engineer)" names the job
    for match in _WRITTEN_WITH_TITLE.finditer(text):
        if is_the_recipient(match.group("name"), message):
            continue
        title = _clean_title(match.group("after_comma") or match.group("bracket") or "")
        paired = re.search(r"(?:/|<>)\s*$", text[max(0, match.start() - 6):
                                                           match.start()])
        if match.group("bracket") and paired:
            continue  # "Sam Rivera / Kelsey Ford (Senior DevOps Engineer)": the job
        if title and _JOB_WORD.search(title) and not looks_like_link_junk(title):
            found.setdefault(match.group("name"), title)
    for match in _FIRST_NAME_WITH_TITLE.finditer(text):
        title = _clean_title(match.group("title"))
        if title and _JOB_WORD.search(title) and not _JOB_WORD.search(match.group("name")) \
                and not looks_like_link_junk(title):
            found.setdefault(match.group("name"), title)
    for match in _LABELLED.finditer(text):
        title = _clean_title(match.group("title"))
        if title and _JOB_WORD.search(title) and not looks_like_link_junk(title):
            found.setdefault(match.group("name"), title)
    # a signature's name line and the title under it, whoever sent the mail ("Sacha
    # Bacconnier / Responsable d'agence" from "Klary <noreply@...>")
    tail = [line.strip() for line in text.strip().splitlines()[-10:]]
    for line, following in zip(tail, tail[1:]):
        if _NAME_LINE.fullmatch(line) and not is_the_recipient(line, message):
            title = _clean_title(following)
            if title and len(title.split()) <= 7 and _JOB_WORD.search(title) and \
                    not _NAME_LINE.fullmatch(title) and not looks_like_link_junk(title):
                found.setdefault(line, title)
    sender = message.sender
    if sender is not None and sender.name:
        lines = [line.strip() for line in text.splitlines()]
        names = {sender.name.strip().strip('"')}
        for index, line in enumerate(lines[:-1]):
            if line in names:
                following = _clean_title(lines[index + 1])
                if following and len(following.split()) <= 7 and _JOB_WORD.search(following) \
                        and not looks_like_link_junk(following):
                    found.setdefault(line, following)
    return tuple(found.items())
