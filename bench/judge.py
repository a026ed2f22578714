"""Judgement quality and speed on the labelled corpus.

    python bench/judge.py [CORPUS_DIR] [--misses] [--repeat N]

A collection with a held-back half (bench/real_mail.py's HALVED) is read through
`real_cases`: only its train half is opened, so `--misses` never names a blind message.

Prints per-kind precision / recall / F1, overall accuracy, per-fact accuracy (over every
message, and over the messages that have the fact), and messages per second for parsing,
classifying and both, with the slowest 1% of messages. The baseline in the same run is a
keyword classifier of the kind peers ship (first matching keyword list wins), so the
figures are read against something measured on the same messages and machine.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluate import FACTS, Case, Outcome, judge_case, load_corpus, score, timed_run
from bench.real_mail import HALVED, real_cases
from followup.mail.parse import parse_message

ROOT = Path(__file__).resolve().parents[1]

# The naive approach: ordered keyword lists over subject + whole body (quotes included).
_KEYWORDS = [
    ("offer", r"offer"), ("rejection", r"unfortunately|regret|not moving forward"),
    ("interview_canceled", r"cancel"), ("assessment", r"assessment|coding challenge"),
    ("interview_scheduled", r"confirmed|invitation:"),
    ("interview_invitation", r"interview|availability"),
    ("application_received", r"application|applying"),
    ("recruiter_outreach", r"opportunity|profile"),
]


def keyword_kind(raw: bytes) -> str:
    message = parse_message(raw)
    if message.sender and message.sender.email in ("sam.rivera@example.org", "sam@rivera.dev"):
        return "user_thank_you" if re.search(r"thank", message.text, re.IGNORECASE) else "user_other"
    text = f"{message.subject}\n{message.text}"
    for kind, pattern in _KEYWORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return "other"


def corpus_cases(root: Path) -> list[Case]:
    """The labelled messages of `root`; of a halved collection, its train half alone."""
    if any(root.resolve() == halved.resolve() for halved in HALVED):
        return [Case(name.split("/", 1)[1], raw, label)
                for name, _, raw, label in real_cases(root)]
    return load_corpus(root)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--misses", action="store_true", help="list every wrong answer")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (best is shown)")
    args = parser.parse_args()
    cases = corpus_cases(args.corpus)
    if not cases:
        print(f"no labelled messages under {args.corpus}", file=sys.stderr)
        return 1
    outcomes: list[Outcome] = [judge_case(case) for case in cases]
    result = score(outcomes)
    baseline = sum(keyword_kind(case.raw) == case.expected["kind"] for case in cases)

    print(f"corpus: {len(cases)} messages from {args.corpus}")
    print(f"kind accuracy: followup {result.accuracy:.1%}   keyword baseline "
          f"{baseline / len(cases):.1%}")
    print(f"\n{'kind':<22}{'precision':>10}{'recall':>9}{'F1':>7}{'n':>5}")
    for kind, (precision, recall, f1, support) in result.per_kind().items():
        print(f"{kind:<22}{precision:>10.3f}{recall:>9.3f}{f1:>7.3f}{support:>5}")
    print(f"\n{'fact':<18}{'all messages':>14}{'where labelled':>16}")
    for fact in FACTS:
        print(f"{fact:<18}{result.fact_accuracy(fact):>14.1%}"
              f"{result.fact_accuracy(fact, present_only=True):>16.1%}")
    best = max((timed_run(cases) for _ in range(max(1, args.repeat))),
               key=lambda run: run["end_to_end_per_second"])
    print(f"\nspeed (one process, best of {args.repeat}): parse {best['parse_per_second']:.0f}/s,"
          f" classify {best['classify_per_second']:.0f}/s, both "
          f"{best['end_to_end_per_second']:.0f}/s")
    print("slowest 1%: " + ", ".join(f"{name} {seconds * 1000:.1f} ms"
                                      for name, seconds in best["slowest"]))
    if args.misses:
        print("\nmisses:")
        for line in result.misses:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
