"""Where does "sure" begin? The confidence threshold, calibrated by source-split
cross-validation on the labelled corpora.

    python bench/calibrate.py [CORPUS_DIR ...] [--target 0.98] [--folds 3]

Each message is judged once; its confidence and whether its kind was right are kept with
its *source* (tests/corpus_real: the `source` of its manifest.jsonl line; the corpora written
by the team: the company in its file name, so that one story's messages stay together).
Sources are dealt into folds; for each fold the threshold is the lowest at which sure
judgements were right at least `--target` of the time on the *other* folds (with a small
margin), and the fold itself says how that threshold holds on sources it never saw. The
threshold printed last is the one chosen on all of it: `judge.model.SURE_THRESHOLD`.

Coverage (issue 12 round three) is the share of recruiting messages (labelled anything but
`other`) judged sure: a draft waits for the user's word on every other one. It is printed per
fold at the fold's own threshold and at `SURE_THRESHOLD`, with how often sure was right.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluate import judge_case, load_corpus
from followup.judge.model import SURE_THRESHOLD

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests" / name for name in ("corpus", "corpus_holdout", "corpus_holdout2",
                                               "corpus_real")]
GRID = [round(0.5 + step / 100, 2) for step in range(50)]

Judged = tuple[float, bool, str, bool]  # confidence, right, source, recruiting


def _sources(root: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for manifest in sorted(root.rglob("manifest.jsonl")):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                name = entry.get("file") or entry.get("path") or ""
                found[Path(name).stem] = str(entry.get("source_id") or entry.get("source")
                                             or name)
    return found


def judged(roots: Sequence[Path]) -> list[Judged]:
    result = []
    for root in roots:
        if not root.is_dir():
            continue
        sources = _sources(root)
        for case in load_corpus(root):
            outcome = judge_case(case)
            if outcome.judgement is None or outcome.judgement.direction != "inbound":
                continue
            stem = Path(case.name).stem
            parts = stem.replace("-", "_").split("_")
            source = sources.get(stem) or f"{root.name}:{parts[1] if len(parts) > 1 else stem}"
            result.append((outcome.judgement.confidence,
                           outcome.kind == case.expected["kind"], source,
                           case.expected["kind"] != "other"))
    return result


def sure_precision(items: Sequence[Judged], threshold: float) -> tuple[float, int]:
    sure = [right for confidence, right, *_ in items if confidence >= threshold]
    return (sum(sure) / len(sure) if sure else 1.0), len(sure)


def coverage(items: Sequence[Judged], threshold: float) -> tuple[float, float, int]:
    """(share of recruiting messages judged sure, how often those were right, how many)."""
    recruiting = [(confidence >= threshold, right) for confidence, right, _, hiring in items
                  if hiring]
    sure = [right for is_sure, right in recruiting if is_sure]
    return (len(sure) / max(len(recruiting), 1), sum(sure) / max(len(sure), 1),
            len(recruiting))


def choose(items: Sequence[Judged], target: float, margin: float = 0.005) -> float:
    for threshold in GRID:
        precision, count = sure_precision(items, threshold)
        if precision >= target + margin:
            return threshold
    return 0.99


def fold_of(source: str, folds: int) -> int:
    return int(hashlib.sha256(source.encode()).hexdigest(), 16) % folds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--target", type=float, default=0.98)
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args(argv)
    items = judged(args.corpora)
    print(f"{len(items)} inbound messages from {len({item[2] for item in items})} sources; "
          f"right {sum(item[1] for item in items) / len(items):.1%}")
    print(f"\n{'fold':<6}{'threshold':>10}{'held-out sure right':>21}{'sure share':>12}"
          f"{'recruiting sure':>17}")
    pooled: list[tuple[bool, bool]] = []
    pooled_recruiting: list[tuple[bool, bool]] = []
    for fold in range(args.folds):
        train = [item for item in items if fold_of(item[2], args.folds) != fold]
        test = [item for item in items if fold_of(item[2], args.folds) == fold]
        threshold = choose(train, args.target)
        precision, count = sure_precision(test, threshold)
        pooled += [(confidence >= threshold, right) for confidence, right, *_ in test]
        pooled_recruiting += [(confidence >= threshold, right)
                              for confidence, right, _, hiring in test if hiring]
        share, _, _ = coverage(test, threshold)
        print(f"{fold:<6}{threshold:>10.2f}{precision:>20.1%} {count / max(len(test), 1):>11.1%}"
              f"{share:>17.1%}")
    sure = [right for is_sure, right in pooled if is_sure]
    print(f"pooled held-out: sure judgements right {sum(sure) / max(len(sure), 1):.1%}, "
          f"{len(sure) / max(len(pooled), 1):.1%} of messages sure")
    sure = [right for is_sure, right in pooled_recruiting if is_sure]
    print(f"pooled held-out, recruiting mail: {len(sure) / max(len(pooled_recruiting), 1):.1%} "
          f"sure, right {sum(sure) / max(len(sure), 1):.1%}")
    share, right, total = coverage(items, SURE_THRESHOLD)
    print(f"at SURE_THRESHOLD {SURE_THRESHOLD:.2f}: {share:.1%} of {total} recruiting messages "
          f"sure, right {right:.1%}")
    chosen = choose(items, args.target)
    precision, count = sure_precision(items, chosen)
    print(f"\nchosen on all: {chosen:.2f} (sure right {precision:.1%}, {count / len(items):.1%}"
          f" sure); SURE_THRESHOLD now {SURE_THRESHOLD:.2f}")
    print(f"\n{'threshold':>10}{'sure right':>12}{'sure share':>12}")
    for threshold in GRID[::5]:
        precision, count = sure_precision(items, threshold)
        print(f"{threshold:>10.2f}{precision:>12.1%}{count / len(items):>12.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
