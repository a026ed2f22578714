"""The judge under grouped cross-validation by source: the rules, the learned model, and the
ways of combining them, measured on out-of-fold predictions of real mail.

    python bench/cv_judge.py [--folds 5] [--misses] [--only NAME]

Real mail (bench/real_mail.py: tests/corpus_real, corpus_real4, and the train halves of
corpus_real3, 5, 6 and 7) is dealt into folds
by a hash of each message's source (its manifest's `source_id`), so no source is on both
sides of a fold. For each fold the learned model (judge/learned.py) is trained on the other
folds and on the corpora the team wrote (tests/corpus, corpus_holdout, corpus_holdout2,
never scored here: they are much easier), then asked about every message of the fold. The
rules' judgement of each message is computed once, without the shipped model.

Printed for the rules alone and for each combination: kind accuracy, per-kind precision and
recall, the share of recruiting mail (labelled anything but `other`) judged sure, and how
often a sure judgement was right. The rules were tuned on all of this mail, so their figures
flatter them; the model's are honest (it never saw the fold).

Blind hold-outs are never read: the files named in a halved collection's HELD_BACK.txt are
left out before any file is opened (only manifest lines of the train half are used).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluate import CORPUS_USER, CORPUS_USER_ZONE, load_corpus
from bench.logistic import train_logistic
from bench.real_mail import REAL, real_cases
from followup.judge import classify, learned
from followup.judge.classify import judge_message
from followup.judge.model import INBOUND_KINDS, SURE_THRESHOLD, Signal
from followup.mail.parse import parse_message

ROOT = Path(__file__).resolve().parents[1]
TEAM = [ROOT / "tests" / name for name in ("corpus", "corpus_holdout", "corpus_holdout2")]


@dataclass
class Item:
    """One inbound message: its label and source, the rules' judgement, the model's grams."""

    name: str
    source: str
    want: str
    language: str
    rules_kind: str
    rules_confidence: float
    signals: tuple[Signal, ...]
    grams: list[str]


def _item(name: str, source: str, raw: bytes, label: dict[str, object]) -> Item | None:
    if label.get("direction", "inbound") != "inbound":
        return None
    message = parse_message(raw)
    judgement = judge_message(message, CORPUS_USER, user_tz=CORPUS_USER_ZONE,
                              second_opinion=False)
    if judgement.direction != "inbound":
        return None
    domain = message.sender.domain if message.sender else ""
    return Item(name, source, str(label["kind"]), str(label.get("language", "en")),
                judgement.kind, judgement.confidence, judgement.signals,
                learned.features(message.subject, message.new_text, domain))


def load_items() -> tuple[list[Item], list[Item]]:
    """(real mail, the team's mail), judged by the rules alone."""
    real = [item for root in REAL for case in real_cases(root)
            if (item := _item(*case)) is not None]
    team = [item for root in TEAM for case in load_corpus(root)
            if (item := _item(f"{root.name}/{case.name}", root.name, case.raw,
                              case.expected)) is not None]
    return real, team


def fold_of(source: str, folds: int) -> int:
    return int(hashlib.sha256(source.encode()).hexdigest(), 16) % folds


Trainer = Callable[[Sequence[tuple[Sequence[str], str]]], learned.Model]


def out_of_fold(real: list[Item], team: list[Item], folds: int,
                trainer: Trainer = train_logistic) -> list[dict[str, float]]:
    """The model's posterior for every real message, from a model that never saw its source."""
    posteriors: list[dict[str, float]] = [{} for _ in real]
    for fold in range(folds):
        rows = [(item.grams, item.want) for item in team] + \
            [(item.grams, item.want) for item in real if fold_of(item.source, folds) != fold]
        model = trainer(rows)
        for index, item in enumerate(real):
            if fold_of(item.source, folds) == fold:
                posteriors[index] = model.posterior(item.grams)
    return posteriors


Combination = Callable[[Item, dict[str, float]], tuple[str, float]]


def rules_alone(item: Item, posterior: dict[str, float]) -> tuple[str, float]:
    return item.rules_kind, item.rules_confidence


def shipped_combination(item: Item, posterior: dict[str, float]) -> tuple[str, float]:
    """What judge_message does with the rules' judgement and the model's posterior."""
    confidence = classify.plainly_about_hiring(item.rules_kind, item.rules_confidence,
                                               list(item.signals))
    return classify.with_second_opinion(item.rules_kind, confidence,
                                        list(item.signals), posterior)[:2]


def model_alone(item: Item, posterior: dict[str, float]) -> tuple[str, float]:
    kind = max(posterior, key=posterior.__getitem__)
    return kind, 0.5


@dataclass
class Figures:
    accuracy: float
    right: int
    total: int
    per_kind: dict[str, tuple[int, int, int]]  # kind -> (right, predicted, labelled)
    recruiting_sure: int
    recruiting: int
    sure_right: int
    sure: int
    misses: list[str]


def figures(items: Sequence[Item], answers: Sequence[tuple[str, float]]) -> Figures:
    right = 0
    per_kind: dict[str, list[int]] = {kind: [0, 0, 0] for kind in INBOUND_KINDS}
    recruiting_sure = recruiting = sure_right = sure = 0
    misses = []
    for item, (kind, confidence) in zip(items, answers):
        ok = kind == item.want
        right += ok
        per_kind[kind][1] += 1
        per_kind[item.want][2] += 1
        per_kind[kind][0] += ok
        is_sure = confidence >= SURE_THRESHOLD
        sure += is_sure
        sure_right += is_sure and ok
        if item.want != "other":
            recruiting += 1
            recruiting_sure += is_sure
        if not ok:
            misses.append(f"{'SURE ' if is_sure else ''}{item.name}: {item.want} -> {kind} "
                          f"({confidence:.2f})")
    return Figures(right / max(len(items), 1), right, len(items),
                   {kind: (a, b, c) for kind, (a, b, c) in per_kind.items()},
                   recruiting_sure, recruiting, sure_right, sure, misses)


def report(name: str, result: Figures, *, detail: bool = True) -> None:
    print(f"\n== {name}: accuracy {result.accuracy:.1%} ({result.right}/{result.total}); "
          f"recruiting mail sure {result.recruiting_sure}/{result.recruiting} "
          f"({result.recruiting_sure / max(result.recruiting, 1):.1%}); sure right "
          f"{result.sure_right}/{result.sure} ({result.sure_right / max(result.sure, 1):.1%})")
    if not detail:
        return
    print(f"   {'kind':<22}{'precision':>14}{'recall':>14}")
    for kind, (right, predicted, labelled) in result.per_kind.items():
        print(f"   {kind:<22}{right:>5}/{predicted:<4}{right / max(predicted, 1):>5.2f}"
              f"{right:>5}/{labelled:<4}{right / max(labelled, 1):>5.2f}")


def rules_with_doubt_only(item: Item, posterior: dict[str, float]) -> tuple[str, float]:
    """The shipped combination without the model's proposals: only its doubt of sure."""
    confidence = classify.plainly_about_hiring(item.rules_kind, item.rules_confidence,
                                               list(item.signals))
    kind, confidence, _ = classify.with_second_opinion(item.rules_kind, confidence,
                                                       list(item.signals), posterior)
    return item.rules_kind, confidence


COMBINATIONS: dict[str, Combination] = {
    "rules alone": rules_alone,
    "model alone (out of fold)": model_alone,
    "rules, sure only where the model does not doubt it": rules_with_doubt_only,
    "rules + second opinion (as shipped)": shipped_combination,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="list every wrong answer")
    parser.add_argument("--only", default="", help="report only combinations containing this")
    parser.add_argument("--bayes", action="store_true",
                        help="the naive Bayes instead of the logistic regression")
    parser.add_argument("--stale", nargs="*", type=Path, default=sorted(STALE.glob("*.jsonl")),
                        help="older rules' judgements of mail they had not seen "
                             "(bench/stale_rules.py)")
    args = parser.parse_args(argv)
    real, team = load_items()
    print(f"{len(real)} real inbound messages from {len({item.source for item in real})} "
          f"sources in {args.folds} folds; the team's {len(team)} messages train every fold")
    posteriors = out_of_fold(real, team, args.folds,
                             learned.train if args.bayes else train_logistic)
    stale_items, stale_posteriors = stale(real, posteriors, args.stale)
    sets = [("current rules (tuned on this mail: optimistic)", real, posteriors)]
    if stale_items:
        sets.append((f"older rules on mail they had not seen ({len(stale_items)})",
                     stale_items, stale_posteriors))
    for title, items, chosen in sets:
        print(f"\n######## {title}")
        for name, combination in COMBINATIONS.items():
            if args.only not in name:
                continue
            answers = [combination(item, posterior) for item, posterior in zip(items, chosen)]
            result = figures(items, answers)
            report(name, result)
            if args.misses:
                for line in result.misses:
                    print(f"     {line}")
    return 0


STALE = ROOT / "bench" / "stale"


def stale(real: list[Item], posteriors: list[dict[str, float]], files: Sequence[Path]
          ) -> tuple[list[Item], list[dict[str, float]]]:
    """The real messages an older commit judged without having seen them, with that
    commit's judgement in place of the rules' (and the same out-of-fold posterior)."""
    by_name = {item.name: index for index, item in enumerate(real)}
    items, chosen = [], []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            index = by_name.get(entry["name"])
            if index is None:
                continue
            item = real[index]
            items.append(replace(item, rules_kind=entry["kind"],
                                 rules_confidence=entry["confidence"],
                                 signals=tuple(Signal(*signal) for signal in entry["signals"])))
            chosen.append(posteriors[index])
    return items, chosen


if __name__ == "__main__":
    sys.exit(main())
