"""bench/real_mail.py, the one reader of real mail the judge is built on, never opens a
held-back file: for every halved collection, every file it opens is on a `split: train`
manifest line and absent from the collection's HELD_BACK.txt, and it yields exactly the
train half. The test reads manifests and lists only; it opens no message itself.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.real_mail import HALVED, REAL, real_cases  # noqa: E402


def _train_names(root: Path) -> set[str]:
    """folder/file.eml of every train line of the collection's manifests."""
    names = set()
    for manifest in root.glob("*/manifest.jsonl"):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line).get("split") == "train":
                names.add(f"{manifest.parent.name}/{json.loads(line)['file']}")
    return names


def test_every_halved_collection_is_read_by_the_judge_work() -> None:
    assert set(HALVED) <= set(REAL)
    assert ROOT / "tests" / "corpus_real7" in HALVED
    assert ROOT / "tests" / "corpus_real8" in HALVED
    assert ROOT / "tests" / "corpus_real9" in HALVED


@pytest.mark.parametrize("root", HALVED, ids=lambda root: root.name)
def test_only_the_train_half_is_opened(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held_back = set((root / "HELD_BACK.txt").read_text(encoding="utf-8").split())
    assert held_back, "the collection names its held-back half"
    opened: list[Path] = []
    read_bytes, read_text = Path.read_bytes, Path.read_text

    def spy_bytes(path: Path) -> bytes:
        opened.append(path)
        return read_bytes(path)

    def spy_text(path: Path, *args: object, **kwargs: object) -> str:
        opened.append(path)
        return read_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_bytes", spy_bytes)
    monkeypatch.setattr(Path, "read_text", spy_text)
    yielded = {name.split("/", 1)[1] for name, *_ in real_cases(root)}
    monkeypatch.undo()

    train = _train_names(root) - held_back
    assert yielded == train
    messages = {f"{path.parent.name}/{path.with_suffix('.eml').name}" for path in opened
                if path.suffix in (".eml", ".json")}
    assert messages == train and not messages & held_back


@pytest.mark.parametrize("root", HALVED, ids=lambda root: root.name)
def test_bench_judge_reads_a_halved_collection_as_its_train_half(root: Path) -> None:
    from bench.judge import corpus_cases

    held_back = set((root / "HELD_BACK.txt").read_text(encoding="utf-8").split())
    names = {case.name for case in corpus_cases(root)}
    assert names == _train_names(root) - held_back
