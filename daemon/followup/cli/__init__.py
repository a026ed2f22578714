"""The `followup` command line, assembled from its parts (ARCHITECTURE.md, "Layers").

- `commands`: the root group `cli` with its options and the `Context` every subcommand
  shares, `parse_now`, the commands on mail and applications (`check-config`, `classify`,
  `scan`, `plan`, `status`, `export`), and `main`, the console entry point.
- `applications`: `review` and `app` (your word on an application or a message);
  `service`: `run`, `init` and `demo`; `gmail`: `auth gmail`. Each registers its commands
  on `cli` when imported, and imports only `commands`, so the arrows run one way:
  this package imports its parts, the parts import `commands`, `commands` imports neither.

`followup.cli:main` is the console script (pyproject.toml); `python -m followup` calls it too.
"""

from followup.cli import applications as _applications  # noqa: F401  (`review`, `app`)
from followup.cli import gmail as _gmail  # noqa: F401  (registers `auth`)
from followup.cli import service as _service  # noqa: F401  (registers `run`, `init`, `demo`)
from followup.cli.commands import cli, main, print_status_table

__all__ = ["cli", "main", "print_status_table"]
