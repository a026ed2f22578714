"""What was wrong with a message but tolerated while parsing it.

Every defect is one string, ``"<code>: <detail>"``: the code is a stable kebab-case word a
caller may match on (``defect.partition(":")[0]``), the detail is for people and names the
MIME part (``part 1.2``) where that helps. The list is capped so hostile input cannot make it
grow without bound.

The codes in use are `CODES`.
"""

from __future__ import annotations

MAX_DEFECTS = 50
CODES = frozenset({
    "header-8bit", "header-truncated", "header-too-many", "missing-header-separator",
    "address-invalid", "date-invalid", "date-without-zone", "charset-missing",
    "charset-unknown", "charset-mislabelled", "charset-invalid-bytes",
    "transfer-encoding-invalid", "multipart-no-boundary", "multipart-no-parts",
    "multipart-unterminated", "nesting-too-deep", "too-many-parts", "text-truncated",
    "html-truncated", "html-invalid", "calendar-invalid", "calendar-event-skipped",
    "calendar-floating-time", "calendar-unknown-timezone", "calendar-truncated",
})


class Defects:
    """An ordered, de-duplicated, capped list of defect strings."""

    def __init__(self) -> None:
        self._items: dict[str, None] = {}

    def add(self, code: str, detail: str = "") -> None:
        """Record one defect; silently ignored once `MAX_DEFECTS` are held."""
        if len(self._items) >= MAX_DEFECTS:
            return
        text = f"{code}: {detail}" if detail else code
        self._items[text[:300]] = None

    def __len__(self) -> int:
        return len(self._items)

    def as_tuple(self) -> tuple[str, ...]:
        return tuple(self._items)
