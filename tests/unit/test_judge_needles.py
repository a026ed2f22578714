"""The cue prescreen (`lexicon.needles`) may skip a cue only where it cannot match: on every
message of the corpora, a cue that matches has one of its needles in the text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from followup.judge.lexicon import CUES, ENGLISH_CUES, needles
from followup.mail.parse import parse_message

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT.parent) not in sys.path:  # the corpus scoring lives with the benchmarks
    sys.path.insert(0, str(ROOT.parent))

from bench.evaluate import load_corpus  # noqa: E402


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = []
    for name in ("corpus", "corpus_holdout", "corpus_holdout2", "corpus_real"):
        for case in load_corpus(ROOT / name):
            message = parse_message(case.raw)
            found.append(f"{message.subject}\n{message.new_text}".lower())
    return found


def test_a_cue_never_matches_a_text_without_its_needles(texts: list[str]) -> None:
    for cue in (*CUES, *ENGLISH_CUES):
        if cue.needles is None:
            continue
        for text in texts:
            if cue.pattern.search(text):
                assert any(needle in text for needle in cue.needles), (cue.name, text[:200])


@pytest.mark.parametrize("pattern, expected", [
    (r"regret to (?:inform|tell)", ("regret to ",)),
    (r"(?:unable|not able) to select you", (" to select you",)),
    (r"(?:offer letter|signing bonus)", ("offer letter", "signing bonus")),
    (r"(?:a|b)?c", None),  # nothing of 3+ characters every match must hold
    (r"x+yz", None),
])
def test_needles_are_what_every_match_must_hold(pattern: str,
                                                expected: tuple[str, ...] | None) -> None:
    assert needles(re.compile(pattern)) == expected
