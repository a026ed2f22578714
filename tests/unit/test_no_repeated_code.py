"""One home per piece of logic: no six consecutive code lines appear twice in the package.

Lines are compared stripped of indentation; blank lines, comments, docstrings, import
statements and lone closing brackets are left out, so an import list or a docstring that
happens to match is not a repetition. The check is exact, so it finds copies, not logic
that was rewritten with other names: it is a floor, not a proof.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "daemon" / "followup"
WINDOW = 6


def _skipped_lines(tree: ast.AST) -> set[int]:
    """Line numbers of imports and docstrings."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) or (
                isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            skipped.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return skipped


def code_lines(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    skipped = _skipped_lines(ast.parse(text))
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if number in skipped or not line or line.startswith("#") or line in (")", "]", "}",
                                                                             "),", "],", "},"):
            continue
        lines.append((number, line))
    return lines


def repeated_blocks(root: Path, window: int = WINDOW) -> list[str]:
    """Each run of `window` code lines found in more than one place, as `file:line` places."""
    places: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        lines = code_lines(path)
        for start in range(len(lines) - window + 1):
            key = tuple(line for _, line in lines[start:start + window])
            places[key].append(f"{path.relative_to(root)}:{lines[start][0]}")
    return sorted(" = ".join(found) for found in places.values() if len(found) > 1)


def test_no_six_code_lines_are_repeated_in_the_package() -> None:
    assert len(list(PACKAGE.rglob("*.py"))) > 80  # the package, not an empty directory
    repeated = repeated_blocks(PACKAGE)
    assert not repeated, "the same lines in more than one place (give them one home):\n" + \
        "\n".join(repeated)


def test_the_check_finds_a_copy_and_ignores_imports_and_docstrings(tmp_path: Path) -> None:
    body = "".join(f"    total = total + {n}\n" for n in range(6))
    imports = "from x import (\n" + "".join(f"    name{n},\n" for n in range(8)) + ")\n"
    doc = '"""' + "\n".join(f"line {n}" for n in range(8)) + '\n"""\n'
    (tmp_path / "a.py").write_text(f"{doc}{imports}\ndef one(total):\n{body}    return total\n")
    (tmp_path / "b.py").write_text(f"{doc}{imports}\ndef two(total):\n{body}    return total\n")
    (tmp_path / "c.py").write_text(f"{doc}{imports}\nVALUE = 1\n")
    # The copy is seven code lines: two overlapping windows of six, none from c.py.
    assert repeated_blocks(tmp_path) == ["a.py:22 = b.py:22", "a.py:23 = b.py:23"]
