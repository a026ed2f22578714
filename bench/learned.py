"""Does a small learned model beat or complement the rules? Source-split cross-validation.

    python bench/learned.py [--folds 3]

The multinomial naive Bayes of judge/learned.py (word unigrams and bigrams of the subject and
new text, the sender's domain), trained on the labelled corpora (inbound mail). Sources are dealt into folds as in
bench/calibrate.py (a source never on both sides). Printed per fold and pooled: the rules'
accuracy, the model's, and "rules where sure, the model where the rules are unsure".
The rules were tuned on these corpora, so their figure here flatters them; the model's
does not flatter it. The held-back third decides.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.calibrate import DEFAULT, _sources, fold_of
from bench.evaluate import judge_case, load_corpus
from followup.judge.learned import features, train
from followup.judge.model import SURE_THRESHOLD
from followup.mail.parse import parse_message

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for root in DEFAULT:
        if not root.is_dir():
            continue
        sources = _sources(root)
        for case in load_corpus(root):
            outcome = judge_case(case, second_opinion=False)
            if outcome.judgement is None or outcome.judgement.direction != "inbound":
                continue
            message = parse_message(case.raw)
            stem = Path(case.name).stem
            parts = stem.replace("-", "_").split("_")
            source = sources.get(stem) or f"{root.name}:{parts[1] if len(parts) > 1 else stem}"
            domain = message.sender.domain if message.sender else ""
            rows.append((features(message.subject, message.new_text, domain),
                         case.expected["kind"], outcome.kind,
                         outcome.judgement.confidence >= SURE_THRESHOLD, source,
                         root.name == "corpus_real"))
    pooled: Counter[str] = Counter()
    for fold in range(args.folds):
        training = [row for row in rows if fold_of(row[4], args.folds) != fold]
        test = [row for row in rows if fold_of(row[4], args.folds) == fold]
        model = train([(row[0], row[1]) for row in training])
        tally: Counter[str] = Counter()
        for grams, want, rules, sure, _, real in test:
            guess, _ = model.predict(grams)
            for name, got in (("rules", rules), ("model", guess),
                              ("rules, model where unsure", rules if sure else guess)):
                tally[name] += got == want
                tally[f"{name} (real)"] += (got == want) and real
            tally["n"] += 1
            tally["n (real)"] += real
        pooled.update(tally)
        print(f"fold {fold}: " + ", ".join(
            f"{name} {tally[name] / tally['n']:.1%}" for name in
            ("rules", "model", "rules, model where unsure")))
    print("pooled (all corpora): " + ", ".join(
        f"{name} {pooled[name] / pooled['n']:.1%}" for name in
        ("rules", "model", "rules, model where unsure")))
    print("pooled (real mail only): " + ", ".join(
        f"{name} {pooled[name + ' (real)'] / max(pooled['n (real)'], 1):.1%}" for name in
        ("rules", "model", "rules, model where unsure")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
