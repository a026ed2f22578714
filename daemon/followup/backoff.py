"""Jittered exponential back-off for reconnecting: never a busy loop, never in lock-step."""

from __future__ import annotations

import random
from collections.abc import Callable


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
        delay = min(self.maximum, self.base * 2 ** min(self.failures - 1, 32))
        return delay * (0.5 + 0.5 * self._jitter())

    def reset(self) -> None:
        """After a success: the next failure waits `base` again."""
        self.failures = 0
