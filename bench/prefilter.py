"""The prefilter (which bodies a scan downloads), measured: today's `worth_reading` against a
proposed one, on the labelled corpus and on a generated mailbox.

    python bench/prefilter.py [--n 10000] [--seed 1]

Corpus: which recruiting messages each would *not* read on a first scan, when nothing is
known yet (no thread, no employer domain), and how many non-recruiting ones it reads.
Mailbox: the share of messages and bytes each reads, by kind of mail.

`proposed_worth_reading` is a drop-in replacement for
`followup.judge.prefilter.worth_reading` (same arguments); `bench/scan.py --prefilter
proposed` runs the whole benchmark with it. It changes three things:

1. bulk mail (List-Unsubscribe, List-Id, Precedence: bulk) is read only when its subject
   speaks of an application, an interview or a candidate, not for everyday words such as
   "update", "invite", "thank you", "team" or "call" that newsletters are full of; a job
   board's bulk mail is read only when it is about the user's own application or a message
   for them (LinkedIn's "your application was sent", "sent you a new message");
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
import sys
from collections import Counter
from collections.abc import Collection
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from followup.backends.base import MessageSummary
from followup.judge.prefilter import KnownThreads, worth_reading
from followup.judge.prefilter import worth_reading as current_worth_reading

_PARSER = BytesHeaderParser(policy=compat32)

# The proposal was adopted as the product's prefilter; the name stays for `scan.py
# --prefilter proposed` and the comparison below ("today" is now the same function).
proposed_worth_reading = worth_reading


# -- evaluation ------------------------------------------------------------------------------------

def _summary(raw: bytes, role: str) -> MessageSummary:
    raw = raw.replace(b"\r\n", b"\n")
    head = raw.split(b"\n\n", 1)[0] + b"\n\n"
    return MessageSummary(uid="1", folder="INBOX" if role == "inbox" else "Sent",
                          role=role, message_id=None,  # type: ignore[arg-type]
                          thread_id=None, internal_date=None, size=len(raw), flags=(),
                          header_bytes=head)


def corpus_report(corpus: Path, me: Collection[str]) -> dict[str, object]:
    """Recruiting messages each prefilter misses with nothing known (first scan), and the
    non-recruiting ones it reads."""
    result: dict[str, object] = {}
    cases = []
    for path in sorted(corpus.glob("*/*.eml")):
        label = json.loads(path.with_suffix(".json").read_text())
        role = "sent" if label["direction"] == "sent" else "inbox"
        cases.append((f"{path.parent.name}/{path.stem}", label["kind"],
                      _summary(path.read_bytes(), role)))
    for name, function in (("current", current_worth_reading),
                           ("proposed", proposed_worth_reading)):
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

    table: dict[str, dict[str, list[int]]] = {"current": {}, "proposed": {}}
    for item in Plan(n, seed).build():
        raw = item.make()
        summary = _summary(raw, "inbox" if item.folder == "INBOX" else "sent")
        for name, function in (("current", current_worth_reading),
                               ("proposed", proposed_worth_reading)):
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
    corpus = corpus_report(CORPUS, USER_ADDRESSES)
    print("corpus, first scan (nothing known yet):")
    for name, row in corpus.items():
        assert isinstance(row, dict)
        kinds = Counter(kind for _, kind in row["missed"])
        print(f"  {name:<9} recruiting not read {len(row['missed'])} of {row['recruiting']} "
              f"{dict(kinds)}; non-recruiting read {row['other_read']} of {row['other']}")
    for case, kind in corpus["proposed"]["missed"]:  # type: ignore[index]
        print(f"    proposed still misses {case} ({kind})")
    table = mailbox_report(args.n, args.seed, USER_ADDRESSES)
    print(f"\ngenerated mailbox, N = {args.n:,} (seed {args.seed}), nothing known yet:")
    print(f"  {'kind':<14}{'messages':>9}{'current read':>14}{'MB':>8}{'proposed read':>15}{'MB':>8}")
    totals = {name: [0, 0, 0, 0] for name in table}
    for kind in table["current"]:
        current, proposed = table["current"][kind], table["proposed"][kind]
        print(f"  {kind:<14}{current[0]:>9}{current[1]:>14}{current[3] / 1e6:>8.1f}"
              f"{proposed[1]:>15}{proposed[3] / 1e6:>8.1f}")
        for name, row in (("current", current), ("proposed", proposed)):
            totals[name] = [a + b for a, b in zip(totals[name], row)]
    for name, row in totals.items():
        print(f"  {name}: reads {row[1]:,} of {row[0]:,} messages ({row[1] / row[0]:.1%}), "
              f"{row[3] / 1e6:.1f} MB of {row[2] / 1e6:.1f} MB ({row[3] / row[2]:.2%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
