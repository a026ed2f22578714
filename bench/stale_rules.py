"""The rules of an older commit, on real mail that commit had never seen: an honest sample of
how the rules err on new sources, for calibrating "sure" (bench/cv_judge.py --stale).

    mkdir -p .stale/COMMIT && git archive COMMIT daemon/followup | tar -x -C .stale/COMMIT
    PYTHONPATH=.stale/COMMIT/daemon python bench/stale_rules.py CORPUS [ONLY_LIST] > FILE

Prints one JSON line per inbound message of tests/CORPUS_NAME (read by bench/real_mail.py,
blind files never opened): name, kind, confidence and signals as that commit judged them.
The files in bench/stale/ are 80b5e9c (the judge that scored corpus_real3's train half
before anything was tuned on it) on corpus_real3, e39d1f6 (the judge that scored
corpus_real's held-back third blind) on that third (ONLY_LIST tests/corpus_real/HELD_BACK.txt),
and fa60f10 and 20e07af (the judges that scored tests/corpus_real4 blind, at the start and
the end of session 5) on corpus_real4, made before it joined the real mail in session 6,
and 417811d (the judge at the start of session 7) on corpus_real7's train half, 351063a
(session 8's start) on corpus_real8's and f13e8a1 (session 9's start) on corpus_real9's.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.real_mail import ROOT, real_cases  # noqa: E402
from followup.judge.classify import judge_message  # noqa: E402
from followup.mail.parse import parse_message  # noqa: E402


# The rules' own judgement: bench/cv_judge.py adds the learned model's opinion itself (out of
# fold), so a commit that ships a model is asked without it.
RULES_ONLY = {"second_opinion": False} if "second_opinion" in \
    inspect.signature(judge_message).parameters else {}


def main() -> int:
    root = ROOT / "tests" / sys.argv[1]
    only = set(Path(sys.argv[2]).read_text().split()) if len(sys.argv) > 2 else None
    for name, _, raw, label in real_cases(root):
        if only is not None and name.split("/", 1)[1] not in only:
            continue
        if label.get("direction", "inbound") != "inbound":
            continue
        judgement = judge_message(parse_message(raw), ["sam.rivera@example.org",
                                                       "sam@rivera.dev"],
                                  user_tz=ZoneInfo("America/New_York"), **RULES_ONLY)
        if judgement.direction != "inbound":
            continue
        print(json.dumps({"name": name, "kind": judgement.kind,
                          "confidence": judgement.confidence,
                          "signals": [[s.name, s.kind, s.weight] for s in judgement.signals]},
                         ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
