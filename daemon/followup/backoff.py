"""Jittered exponential back-off: never a busy loop, never in lock-step. The one formula
(`delay`) that the daemon's retries, the IDLE watchers and both backends (IMAP reconnects,
Gmail API retries) wait by."""

from __future__ import annotations

import random
from collections.abc import Callable


def delay(attempt: int, *, base: float, maximum: float,
          jitter: Callable[[], float] = random.random) -> float:
    """The wait before try `attempt` + 1 after `attempt` (1, 2, ...) failures: `base`,
    2·`base`, 4·`base`, … capped at `maximum`, scaled by a random factor in [0.5, 1]
    ("equal jitter") so that many clients do not retry together."""
    return min(maximum, base * 2 ** min(attempt - 1, 32)) * (0.5 + 0.5 * jitter())


class Backoff:
    """Delays `base`, 2·`base`, 4·`base`, … capped at `maximum`, each scaled by a random
    factor in [0.5, 1] ("equal jitter") so that many clients do not retry together.

    `jitter` returns a number in [0, 1); tests pass a constant.
    """

    def __init__(self, base: float = 2.0, maximum: float = 300.0,
                 jitter: Callable[[], float] = random.random) -> None:
        if base <= 0 or maximum < base:
            raise ValueError("need 0 < base <= maximum")
        self.base = base
        self.maximum = maximum
        self._jitter = jitter
        self.failures = 0

    def next(self) -> float:
        """The delay before the next attempt; each call counts one more failure."""
        self.failures += 1
        return delay(self.failures, base=self.base, maximum=self.maximum, jitter=self._jitter)

    def reset(self) -> None:
        """After a success: the next failure waits `base` again."""
        self.failures = 0
