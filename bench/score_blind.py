"""Score the judge on a held-back part of a labelled corpus WITHOUT naming any message.

    python bench/score_blind.py CORPUS_DIR [--part held_back|train|all]

The part held back of a real-mail collection (its `HELD_BACK.txt`) measures how the judge
generalises only while nobody who changes the judge has read the judge's mistakes on it.
This script prints aggregates alone (accuracy, per-kind precision and recall as counts, the
share of recruiting mail judged sure and how often "sure" is right, fact accuracy, the
prefilter's recall, how many messages got the wrong language) so that scoring it once, at
the end of a round, tells the figure and nothing that could be tuned to. `bench/judge.py
--misses` is the tool for the train part.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluate import FACTS, Case, judge_case, load_corpus, score
from followup.judge.model import SURE_THRESHOLD


def select(root: Path, part: str) -> list[Case]:
    cases = load_corpus(root)
    if part == "all":
        return cases
    listed = root / "HELD_BACK.txt"
    held = set(listed.read_text(encoding="utf-8").split())
    keep = part == "held_back"
    return [case for case in cases if (case.name in held) == keep]


def prefilter_missed(root: Path, cases: list[Case]) -> tuple[int, int]:
    """(recruiting messages among `cases`, how many a first scan's prefilter would skip)."""
    from bench.mailbox import USER_ADDRESSES
    from bench.prefilter import corpus_report

    missed = corpus_report(root, USER_ADDRESSES)["product"]["missed"]
    assert isinstance(missed, list)
    stems = {case.name.removesuffix(".eml") for case in cases}
    recruiting = sum(1 for case in cases if case.expected["kind"] != "other")
    return recruiting, sum(1 for case, _ in missed if case in stems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--part", choices=("held_back", "train", "all"), default="held_back")
    parser.add_argument("--rules-only", action="store_true",
                        help="leave out the learned second opinion")
    args = parser.parse_args()
    cases = select(args.corpus, args.part)
    outcomes = [judge_case(case, second_opinion=not args.rules_only) for case in cases]
    result = score(outcomes)
    print(f"{args.corpus} ({args.part}): {result.total} messages, kind accuracy "
          f"{result.correct}/{result.total} = {result.accuracy:.1%}")
    print("kind                    precision        recall")
    for kind, (_, _, _, support) in result.per_kind().items():
        right = result.confusion[(kind, kind)]
        predicted = sum(n for (_, got), n in result.confusion.items() if got == kind)
        print(f"  {kind:22s} {right:3d}/{predicted:<3d}          {right:3d}/{support:<3d}")
    recruiting = [o for o in outcomes if o.case.expected["kind"] != "other" and o.judgement]
    as_other = sum(1 for o in recruiting if o.kind == "other")
    sure = [o for o in outcomes if o.judgement and o.judgement.confidence >= SURE_THRESHOLD]
    sure_recruiting = [o for o in sure if o.case.expected["kind"] != "other"]
    right = sum(o.kind == o.case.expected["kind"] for o in sure)
    print(f"recruiting read as other: {as_other}/{len(recruiting)}")
    print(f"sure judgements right: {right}/{len(sure)}"
          + (f" = {right / len(sure):.1%}" if sure else ""))
    print(f"recruiting mail judged sure: {len(sure_recruiting)}/{len(recruiting)}")
    wrong_language = sum(1 for o in outcomes if o.judgement and o.case.expected.get("language")
                         and o.judgement.facts.language != o.case.expected["language"])
    print(f"language wrong: {wrong_language}")
    for fact in FACTS:
        if fact in result.facts_present:
            have, total = result.facts_present[fact]
            print(f"  fact {fact:16s} right where present {have}/{total}")
    total, missed = prefilter_missed(args.corpus, cases)
    print(f"prefilter: {missed} of {total} recruiting messages skipped on a first scan")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
