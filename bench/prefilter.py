"""The prefilter (which bodies a scan downloads), measured: followup's `worth_reading`
against the one it replaced, on the labelled corpora and on a generated mailbox.

    python bench/prefilter.py [--n 10000] [--seed 1]

Corpus: which recruiting messages each would *not* read on a first scan, when nothing is
known yet (no thread, no employer domain), and how many non-recruiting ones it reads (the
labelled corpus, and the holdout corpus in `tests/corpus_holdout`).
Mailbox: the share of messages and bytes each reads, by kind of mail.

`previous_worth_reading` is followup's prefilter before commit 3ad8c02, kept verbatim so
that the difference stays measurable (and `bench/scan.py --prefilter previous` can run the
whole benchmark with it). The product's prefilter, proposed by this benchmark, differs in
three ways:

1. bulk mail (List-Unsubscribe, List-Id, Precedence: bulk) is read only when its subject
   speaks of an application, an interview, a candidate or a coding test, not for everyday
   words such as "update", "invite", "thank you", "team" or "call" that newsletters are full
   of; a job board's bulk mail only when it is about the user's own application or a
   message for them (LinkedIn's "your application was sent", "sent you a new message");
2. mail from a person at a company's own domain (not free mail, not a machine address, the
   address made of the person's name) is read whatever its subject: first contact from a
   recruiter or a hiring manager ("Good news", "Checking in", "Senior Analytics Engineer");
   in Sent, mail to such a person likewise;
3. the subject is decoded (RFC 2047) before matching, instead of reading every encoded
   subject (newsletters encode theirs for emoji).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from followup.backends.base import MessageSummary
from followup.judge.prefilter import _CALENDAR, KnownThreads, worth_reading
from followup.mail.senders import is_ats_domain, is_job_board

_PARSER = BytesHeaderParser(policy=compat32)
_PREVIOUS_RECRUITING_SUBJECT = re.compile(
    r"applica|candida|interview|position|role\b|job|offer|opportunit|recruit|hiring|talent|"
    r"career|assessment|challenge|take[- ]home|test|screen|next step|availability|schedul|"
    r"invitation|invite|meeting|call|chat|conversation|decision|update|status|thank|"
    r"follow|reject|regret|unfortunately|team|onsite|on-site|panel|reference|"
    r"bewerbung|stelle|vorstellung|gespräch|einladung|absage|angebot|termin|"
    r"candidature|poste|entretien|offre|recrutement|rendez-vous|"
    r"candidatura|puesto|entrevista|oferta|vacante|proceso|reunión|"
    r"=\?", re.IGNORECASE)  # an encoded subject is checked after decoding by the judge


def previous_worth_reading(summary: MessageSummary, known: KnownThreads, me: Collection[str],
                  max_bytes: int) -> bool:
    """The prefilter before commit 3ad8c02, verbatim (renamed), kept as the "before"."""
    if summary.size > max_bytes:
        return False
    if summary.thread_id and summary.thread_id in known.thread_ids:
        return True
    headers = _PARSER.parsebytes(summary.header_bytes)
    linked = " ".join(str(headers.get(name, "")) for name in ("in-reply-to", "references"))
    if any(token in known.message_ids for token in re.findall(r"<[^>]+>", linked)):
        return True
    senders = [address.lower() for _, address in
               getaddresses([str(headers.get("from", "")), str(headers.get("reply-to", ""))])]
    domains = {address.rpartition("@")[2] for address in senders if "@" in address}
    if any(is_ats_domain(domain) for domain in domains):
        return True
    if summary.role == "sent" or any(address in me for address in senders):
        recipients = [address.lower() for _, address in
                      getaddresses([str(headers.get(name, "")) for name in ("to", "cc")])]
        if {address.rpartition("@")[2] for address in recipients} & known.domains:
            return True
    elif domains & known.domains:
        return True
    subject = str(headers.get("subject", ""))
    if _CALENDAR.search(summary.header_bytes):
        return True
    if not _PREVIOUS_RECRUITING_SUBJECT.search(subject):
        return False
    bulk = headers.get("list-unsubscribe") or headers.get("list-id") or \
        str(headers.get("precedence", "")).lower() in ("bulk", "list", "junk")
    # Bulk mail from a job board is a digest; bulk mail from anyone else with a recruiting
    # word in the subject may still be an employer's mass mailer: read it.
    return not (bulk and any(is_job_board(domain) for domain in domains))


Prefilter = Callable[[MessageSummary, KnownThreads, Collection[str], int], bool]
PREFILTERS: dict[str, Prefilter] = {"previous": previous_worth_reading,
                                    "product": worth_reading}


# -- evaluation ------------------------------------------------------------------------------------

def _summary(raw: bytes, role: str) -> MessageSummary:
    raw = raw.replace(b"\r\n", b"\n")
    head = raw.split(b"\n\n", 1)[0] + b"\n\n"
    return MessageSummary(uid="1", folder="INBOX" if role == "inbox" else "Sent",
                          role=role, message_id=None,  # type: ignore[arg-type]
                          thread_id=None, internal_date=None, size=len(raw), flags=(),
                          header_bytes=head)


def corpus_report(corpus: Path, me: Collection[str]) -> dict[str, dict[str, object]]:
    """{prefilter: recruiting messages it misses with nothing known (a first scan), how
    many non-recruiting ones it reads}."""
    cases = []
    for path in sorted(corpus.glob("*/*.eml")):
        label = json.loads(path.with_suffix(".json").read_text())
        role = "sent" if label["direction"] == "sent" else "inbox"
        cases.append((f"{path.parent.name}/{path.stem}", label["kind"],
                      _summary(path.read_bytes(), role)))
    result: dict[str, dict[str, object]] = {}
    for name, function in PREFILTERS.items():
        missed = [(case, kind) for case, kind, summary in cases if kind != "other"
                  and not function(summary, KnownThreads(), me, 25_000_000)]
        read_other = sum(1 for _, kind, summary in cases if kind == "other"
                         and function(summary, KnownThreads(), me, 25_000_000))
        result[name] = {"recruiting": sum(1 for _, kind, _ in cases if kind != "other"),
                        "missed": missed,
                        "other": sum(1 for _, kind, _ in cases if kind == "other"),
                        "other_read": read_other}
    return result


def mailbox_report(n: int, seed: int, me: Collection[str]) -> dict[str, dict[str, list[int]]]:
    """{prefilter: {kind: [messages, read, bytes, bytes read]}} on a generated mailbox."""
    from bench.mailbox import Plan

    table: dict[str, dict[str, list[int]]] = {name: {} for name in PREFILTERS}
    for item in Plan(n, seed).build():
        raw = item.make()
        summary = _summary(raw, "inbox" if item.folder == "INBOX" else "sent")
        for name, function in PREFILTERS.items():
            row = table[name].setdefault(item.kind, [0, 0, 0, 0])
            row[0] += 1
            row[2] += len(raw)
            if function(summary, KnownThreads(), me, 25_000_000):
                row[1] += 1
                row[3] += len(raw)
    return table


def main(argv: list[str] | None = None) -> int:
    from bench.mailbox import CORPUS, USER_ADDRESSES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for corpus in (CORPUS, CORPUS.with_name("corpus_holdout")):
        if not corpus.is_dir():
            continue
        print(f"{corpus.name}, first scan (nothing known yet):")
        report = corpus_report(corpus, USER_ADDRESSES)
        for name, row in report.items():
            missed = row["missed"]
            assert isinstance(missed, list)
            kinds = Counter(kind for _, kind in missed)
            print(f"  {name:<9} recruiting not read {len(missed)} of {row['recruiting']} "
                  f"{dict(kinds)}; non-recruiting read {row['other_read']} of {row['other']}")
        for case, kind in report["product"]["missed"]:  # type: ignore[attr-defined]
            print(f"    the product's misses {case} ({kind})")
    table = mailbox_report(args.n, args.seed, USER_ADDRESSES)
    print(f"\ngenerated mailbox, N = {args.n:,} (seed {args.seed}), nothing known yet:")
    print(f"  {'kind':<14}{'messages':>9}{'previous read':>15}{'MB':>8}{'product read':>14}{'MB':>8}")
    totals = {name: [0, 0, 0, 0] for name in table}
    for kind in table["previous"]:
        previous, product = table["previous"][kind], table["product"][kind]
        print(f"  {kind:<14}{previous[0]:>9}{previous[1]:>15}{previous[3] / 1e6:>8.1f}"
              f"{product[1]:>14}{product[3] / 1e6:>8.1f}")
        for name, counts in (("previous", previous), ("product", product)):
            totals[name] = [a + b for a, b in zip(totals[name], counts)]
    for name, total in totals.items():
        print(f"  {name}: reads {total[1]:,} of {total[0]:,} messages ({total[1] / total[0]:.1%}), "
              f"{total[3] / 1e6:.1f} MB of {total[2] / 1e6:.1f} MB ({total[3] / total[2]:.2%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
