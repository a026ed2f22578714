"""How often the facts that reach a draft are right, left out or wrong, on real mail.

For every labelled message of the real corpora (tests/corpus_real, and the train half of
tests/corpus_real3: the files in its HELD_BACK.txt are never opened), the message is
judged, made into the record the tracker keeps, grouped into its application and handed to
`track.gather_facts.base_facts`, exactly as a draft's facts are gathered. What the draft
would say is compared with the label (tests/corpus/README.md):

* company, role: the application's company and role after the plausibility checks (a
  company shortened to its first words is right: "Blue Shield" for "Blue Shield of
  California"; one with words glued on is not: "Amazon Software");
* contact: the address a reply would go to (the message's contact);
* greeting: the recipient's name the draft would greet: wrong when the draft goes to
  another person than the labelled contact, else checked against the display name the
  message gives that address or the address's own words;
* decision_by: the date the employer said they would answer by.

Each fact falls in one of: right; cut (a role missing some of the labelled words:
"Referent" for "Referent Risikomanagement", "Software Engineer" for "Software Engineer,
Payments"); wrong; left out (the draft writes its sentence without it: fine); unlabelled
(the draft would say something the label says the message does not give: counted apart,
since a company read from the employer's domain may well be right). "Reach right" is
right / (right + cut + wrong), a cut counted as not right: the figure that must reach 95%;
"not wrong" counts a cut as acceptable (less specific, not false).

Only messages a draft could come from count: labelled with a recruiting kind (not `other`
or `recruiter_outreach`) and judged as one. `--sure-only` keeps the judgements the judge
is sure of (a draft is never built on any other). `--misses` lists every cut or wrong fact.

    .venv/bin/python -m bench.draft_facts [--sure-only] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.evaluate import CORPUS_USER, CORPUS_USER_ZONE, Case, normalise_name
from followup.config_model import UserConfig
from followup.judge.classify import judge_message
from followup.judge.model import Judgement, Person
from followup.judge.person_names import parse_person_name
from followup.mail.model import Message
from followup.mail.parse import parse_message
from followup.mail.senders import is_machine_address
from followup.track.applications import group_applications
from followup.track.draft_facts import DraftFacts
from followup.track.gather_facts import base_facts
from followup.track.model import MailRecord

ROOT = Path(__file__).resolve().parent.parent / "tests"
NO_APPLICATION = ("other", "recruiter_outreach")
FACT_NAMES = ("company", "role", "contact", "greeting", "decision_by")
USER = UserConfig(name="Sam Rivera", addresses=CORPUS_USER, timezone="America/New_York")
_GENDER = re.compile(r"\b(?:[mwfdhx])(?:\s*/\s*[mwfdhx]){1,2}\b|\b(?:in|a|e|o)\b",
                     re.IGNORECASE)
# What a label writes in brackets (the season, the place, the genders: "(Summer 2027)",
# "(Remote)", "(H/F)") is a detail a draft may leave out.
_BRACKETED = re.compile(r"\([^()]*\)")


@dataclass
class Row:
    """One message: what the label says and what a draft would say, per fact."""

    name: str
    sure: bool
    found: dict[str, tuple[str, Any, Any]]  # fact -> (verdict, wanted, drafted)


def cases(root: Path, held_back: set[str]) -> list[Case]:
    """The labelled messages under `root`, leaving the held-back files unopened."""
    found = []
    for eml in sorted(root.rglob("*.eml")):
        relative = str(eml.relative_to(root))
        if relative in held_back:
            continue
        label = eml.with_suffix(".json")
        if label.exists():
            found.append(Case(relative, eml.read_bytes(),
                              json.loads(label.read_text(encoding="utf-8"))))
    return found


def corpora() -> list[tuple[str, Case]]:
    real3 = ROOT / "corpus_real3"
    held = set((real3 / "HELD_BACK.txt").read_text(encoding="utf-8").split())
    return [*(("real", case) for case in cases(ROOT / "corpus_real", set())),
            *(("real3", case) for case in cases(real3, held))]


def record_of(message: Message, judgement: Judgement) -> MailRecord:
    """The record the runner keeps for a judged message (`runner.judge_fetched`)."""
    def person(address: Any) -> Person:
        return Person(getattr(address, "name", ""), getattr(address, "email", ""))

    assert message.date is not None
    return MailRecord(
        key=f"bench:{message.message_id}", account="bench", message_id=message.message_id,
        thread_id=None, in_reply_to=message.in_reply_to, references=message.references,
        date=message.date, direction=judgement.direction, kind=judgement.kind,
        sender=person(message.sender) if message.sender else None,
        reply_to=tuple(person(a) for a in message.reply_to),
        to=tuple(person(a) for a in message.to), cc=tuple(person(a) for a in message.cc),
        subject=message.subject, facts=judgement.facts,
        automated=bool(message.sender and is_machine_address(message.sender.email,
                                                            message.sender.name)),
        sure=judgement.sure)


# The season and year of an internship ("Summer 2027") are the ad's detail, not the job.
_SEASON = frozenset("spring summer fall autumn winter".split())


def _words(text: str) -> list[str]:
    return [word for word in normalise_name(_GENDER.sub(" ", text.replace("(", " ")
                                                        .replace(")", " "))).split()
            if word not in _SEASON and not re.fullmatch(r"20\d\d", word)]


def _same_word(one: str, other: str) -> bool:
    """One word, however the ad inflects it: "intern" / "internship", "engineer" /
    "engineering" (a shared start of five letters or more, the shorter one whole)."""
    short, long = sorted((one, other), key=len)
    return short == long or (len(short) >= 5 and long.startswith(short))


def role_verdict(wanted: str, drafted: str) -> str:
    want, have = _words(_BRACKETED.sub(" ", wanted)), _words(drafted)
    if len(have) == 1 and drafted.strip().isupper() and have[0] == "".join(
            word[0] for word in want):
        return "right"  # the ad's own initials: "SRE" for "Site Reliability Engineer"
    missing = [w for w in want if not any(_same_word(w, h) for h in have)]
    extra = [h for h in have if not any(_same_word(h, w) for w in want)]
    if not missing:
        return "right" if len(extra) <= 2 else "wrong"
    if not extra:
        return "cut"
    return "wrong"


_COMPANY_WORDS = frozenset({"the", "company", "companies", "of", "and"})


def company_verdict(wanted: str, drafted: str) -> str:
    """Right when the draft writes the labelled name, its first words ("Blue Shield" for
    "Blue Shield of California", "Boeing Company" for "Boeing") or its acronym in capitals
    ("UCL" for "University College London"); words glued after it ("Amazon Software",
    "Slalom Follow Up") are wrong."""
    want = [w for w in normalise_name(wanted).split() if w != "the"]
    have = [w for w in normalise_name(drafted).split() if w != "the"]
    if not have:
        return "wrong"
    if want == have or "".join(want) == "".join(have) or want[:len(have)] == have:
        return "right"
    if have[:len(want)] == want and set(have[len(want):]) <= _COMPANY_WORDS:
        return "right"
    initials = "".join(word[0] for word in want if word not in _COMPANY_WORDS)
    if len(have) == 1 and drafted.strip().isupper() and have[0] == initials:
        return "right"  # the employer's own acronym: "UCL", "GDMS"
    return "wrong"


def _verdict(fact: str, wanted: Any, drafted: Any) -> str:
    if drafted in (None, ""):
        return "left out"
    if wanted in (None, ""):
        return "unlabelled"
    if fact == "company":
        return company_verdict(wanted, drafted)
    if fact == "role":
        return role_verdict(wanted, drafted)
    if fact == "contact":
        return "right" if str(wanted).lower() == str(drafted).lower() else "wrong"
    return "right" if str(wanted) == str(drafted) else "wrong"


def _greeting(message: Message, contact: str, facts: DraftFacts,
              wanted_contact: str | None) -> tuple[str, Any, Any]:
    """The name the draft greets: unlabelled when the label names no contact, wrong when
    it greets someone other than the labelled contact, else checked against what the
    message shows of that person (display name, or the address's own words)."""
    name = facts.recipient
    drafted = name.given or name.family
    if not contact or not drafted:
        return ("left out", None, None)
    if not wanted_contact:
        return ("unlabelled", None, drafted)
    if wanted_contact.lower() != contact.lower():
        return ("wrong", wanted_contact, drafted)
    shown = [a.name for a in (*message.reply_to, *message.to, *message.cc,
                              *([message.sender] if message.sender else []))
             if a.email.lower() == contact.lower() and a.name]
    known = parse_person_name(shown[0], contact) if shown else parse_person_name("", contact)
    local = re.sub(r"[^a-z]", " ", contact.split("@")[0].lower())
    plain = normalise_name(drafted)
    if (known.given and normalise_name(known.given) == plain) or \
            (known.family and normalise_name(known.family) == plain) or plain in local.split():
        return ("right", known.given or known.family, drafted)
    return ("wrong", known.given or local, drafted)


def row_of(corpus: str, case: Case) -> Row | None:
    """What a draft built from this message would say, or None when no draft could be."""
    label = case.expected
    if label["kind"] in NO_APPLICATION or label.get("direction") == "sent":
        return None
    message = parse_message(case.raw)
    if message.date is None:
        return None
    judgement = judge_message(message, CORPUS_USER, user_tz=CORPUS_USER_ZONE)
    if judgement.kind in NO_APPLICATION or judgement.direction == "sent":
        return None
    record = record_of(message, judgement)
    applications = group_applications([record], USER, now=message.date + timedelta(days=1))
    if not applications:
        return None
    contact = judgement.facts.contact or ""
    recipient = Person(next((a.name for a in (*message.reply_to, *(
        [message.sender] if message.sender else [])) if a.email.lower() == contact.lower()),
        ""), contact) if contact else None
    facts = base_facts(applications[0], USER, recipient)
    decision = judgement.facts.decision_by
    found = {
        "company": (label.get("company"), facts.company),
        "role": (label.get("role"), facts.role),
        "contact": (label.get("contact"), contact),
        "decision_by": (label.get("decision_by"), decision.isoformat() if decision else ""),
    }
    verdicts = {fact: (_verdict(fact, want, got), want, got)
                for fact, (want, got) in found.items()}
    verdicts["greeting"] = _greeting(message, contact, facts, label.get("contact"))
    return Row(f"{corpus}/{case.name}", judgement.sure, verdicts)


def report(rows: list[Row], *, misses: bool) -> str:
    lines = [f"{len(rows)} messages a draft could come from\n",
             f"{'fact':<12} {'right':>6} {'cut':>5} {'wrong':>6} {'left out':>9} "
             f"{'unlabelled':>11} {'reach right':>12} {'not wrong':>10} {'coverage':>9}"]
    for fact in FACT_NAMES:
        tally = Counter(row.found[fact][0] for row in rows)
        reached = tally["right"] + tally["cut"] + tally["wrong"]
        labelled = reached + sum(1 for row in rows if row.found[fact][0] == "left out"
                                 and row.found[fact][1] not in (None, ""))
        precision = f"{tally['right'] / reached:.1%}" if reached else "-"
        not_wrong = f"{(tally['right'] + tally['cut']) / reached:.1%}" if reached else "-"
        coverage = f"{tally['right'] / labelled:.1%}" if labelled else "-"
        lines.append(f"{fact:<12} {tally['right']:>6} {tally['cut']:>5} {tally['wrong']:>6} "
                     f"{tally['left out']:>9} {tally['unlabelled']:>11} {precision:>12} "
                     f"{not_wrong:>10} {coverage:>9}")
    if misses:
        lines.append("")
        for row in rows:
            for fact in FACT_NAMES:
                verdict, wanted, drafted = row.found[fact]
                if verdict in ("cut", "wrong"):
                    lines.append(f"{row.name}: {fact} {verdict}: label {wanted!r}, draft "
                                 f"{drafted!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sure-only", action="store_true",
                        help="only judgements the judge is sure of")
    parser.add_argument("--misses", action="store_true", help="list every cut or wrong fact")
    options = parser.parse_args(argv)
    rows = [row for corpus, case in corpora() if (row := row_of(corpus, case)) is not None]
    if options.sure_only:
        rows = [row for row in rows if row.sure]
    print(report(rows, misses=options.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
