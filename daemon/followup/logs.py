"""Logging to stderr, one line an event, journald-friendly.

Under journald (`$JOURNAL_STREAM` set) lines carry a `<N>` syslog priority prefix and no
timestamp (journald adds its own). Nothing logged may contain a message body, a password
or a token: log message ids and UIDs, never content.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

_PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3,
             logging.CRITICAL: 2}


class JournaldFormatter(logging.Formatter):
    """`<6>followup.runner: text`: the priority prefix journald understands."""

    def format(self, record: logging.LogRecord) -> str:
        priority = _PRIORITY.get(record.levelno, 6)
        text = super().format(record).replace("\n", " ")
        return f"<{priority}>{text}"


def configure(verbosity: int = 0, environ: Mapping[str, str] | None = None) -> None:
    """Set up the root logger: -q → warnings, default → info, -v → debug."""
    environ = os.environ if environ is None else environ
    level = logging.INFO
    if verbosity < 0:
        level = logging.WARNING
    elif verbosity > 0:
        level = logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    if environ.get("JOURNAL_STREAM"):
        handler.setFormatter(JournaldFormatter("%(name)s: %(message)s"))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                               "%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("googleapiclient", "imapclient", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
