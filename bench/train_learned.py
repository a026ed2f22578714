"""Train the judge's second opinion (judge/learned.py) and ship it.

    python bench/train_learned.py [--write] [--bayes]

Trains, on the inbound messages of every labelled corpus in tests/ (the team's three and
the real mail: tests/corpus_real and the train half of tests/corpus_real3, read by
bench/real_mail.py so that no blind file is ever opened), the multinomial logistic
regression of bench/logistic.py (or, with `--bayes`, the naive Bayes of judge/learned.py),
and with `--write` stores it as daemon/followup/judge/learned_model.json.

Which model, which features and how the judge uses it were chosen by grouped
cross-validation by source (bench/cv_judge.py): out of fold on real mail the naive Bayes
read 61.0% of the kinds, the logistic regression 73.3%, and its probabilities are soft
enough to say when it disagrees with the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cv_judge import load_items
from bench.logistic import train_logistic
from followup.judge.learned import MODEL_FILE, train

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "daemon" / "followup" / "judge" / MODEL_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"store the model as {TARGET}")
    parser.add_argument("--bayes", action="store_true", help="the naive Bayes instead")
    args = parser.parse_args(argv)
    real, team = load_items()
    rows = [(item.grams, item.want) for item in team + real]
    model = train(rows) if args.bayes else train_logistic(rows)
    print(f"trained on {len(rows)} messages ({len(real)} real): {len(model.grams)} grams")
    if args.write:
        TARGET.write_text(json.dumps(model.to_json(), ensure_ascii=False,
                                     separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
