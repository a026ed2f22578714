"""`config.example.yaml`, written from the schema (`followup.schema`): every key with its
description, an example value, optional keys commented out. A test checks that the committed
example is exactly this text.
"""

from __future__ import annotations

import json

import yaml

from followup.schema import SCHEMA, Key


def render_example() -> str:
    """The text of config.example.yaml, generated from the schema (one source of truth)."""
    lines = ["# followup configuration. Every key is documented here; copy this file to",
             "# ~/.config/followup/config.yaml and edit it. Lines starting with '# key:' are",
             "# optional keys shown with an example value.",
             "# Secrets never go in this file: see password_file and its siblings."]
    _render_keys(SCHEMA, 0, lines)
    return "\n".join(lines) + "\n"


def _render_keys(keys: tuple[Key, ...], indent: int, lines: list[str],
                 first_in_list: bool = False) -> None:
    pad = " " * indent
    for position, key in enumerate(keys):
        lead = pad
        if first_in_list and position == 0:
            lead = " " * (indent - 2) + "- "
        if indent == 0:
            lines.append("")
        lines.extend(f"{pad}# {part}" for part in _wrap(key.description, 88 - indent))
        if key.kind == "section":
            lines.append(f"{lead}{key.name}:")
            _render_keys(key.children, indent + 2, lines)
        elif key.kind == "section_list":
            lines.append(f"{lead}{key.name}:")
            _render_keys(key.children, indent + 4, lines, first_in_list=True)
        else:
            if isinstance(key.example, str) and "\n" in key.example:
                # JSON string syntax is valid YAML and keeps the line break readable.
                rendered = f"{key.name}: {json.dumps(key.example, ensure_ascii=False)}"
            else:
                rendered = yaml.safe_dump({key.name: key.example}, default_flow_style=True,
                                          allow_unicode=True, width=1000).strip()
                rendered = rendered[1:-1] if rendered.startswith("{") else rendered
            comment = "# " if key.commented else ""
            lines.append(f"{lead}{comment}{rendered}")


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width) or [""]
