"""One writer of the state at a time: an exclusive `flock` on `<state dir>/lock`, which
`run` holds for its life, `scan` for its pass, and the README's cron line takes too.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from followup.errors import EX_TEMPFAIL, FollowupError


class StateBusy(FollowupError):
    """Another followup (`run`, `scan`, or a cron `flock`) holds the state directory's lock.
    A temporary failure: exit status 75 (EX_TEMPFAIL), and trying again later works."""

    exit_status = EX_TEMPFAIL


LOCK_NAME = "lock"  # in the state directory; the cron line in the README flocks it too
LOCK_POLL_SECONDS = 0.1


@contextmanager
def state_lock(state_dir: Path, wait: float = 0.0, *,
               sleep: Callable[[float], None] = time.sleep,
               clock: Callable[[], float] = time.monotonic) -> Iterator[Path]:
    """Hold an exclusive lock on `<state_dir>/lock`: one writer of the state at a time.

    `run` holds it for its whole life, `scan` for its pass. Waits up to `wait` seconds for
    the holder to finish, then raises StateBusy (exit 75) naming the directory. A lock
    handed down by `flock(1)` (the README's cron line: `flock -n .../lock followup scan`,
    whose descriptor the command inherits) counts as ours: flock locks belong to the open
    file description, so taking it again through the inherited descriptor succeeds at once
    (flock(2)), where a new open() of the same file would wait for ourselves.
    """
    state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = state_dir / LOCK_NAME
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        held = _inherited_lock(path, descriptor)
        deadline = clock() + max(0.0, wait)
        while held is None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = descriptor
            except BlockingIOError:
                if clock() >= deadline:
                    raise StateBusy(
                        f"another followup is using {state_dir} (it holds {path}); try again "
                        f"later, or stop it first (e.g. systemctl --user stop followup)"
                    ) from None
                sleep(LOCK_POLL_SECONDS)
        yield path
    finally:
        os.close(descriptor)


def _inherited_lock(path: Path, own: int) -> int | None:
    """A descriptor inherited from our parent that is open on `path` and holds its lock."""
    try:
        target = os.stat(path)
        names = os.listdir("/proc/self/fd")
    except OSError:
        return None  # not Linux: no inherited lock is recognised
    for name in names:
        if not name.isdigit() or int(name) == own:
            continue
        try:
            info = os.fstat(int(name))
            if (info.st_dev, info.st_ino) != (target.st_dev, target.st_ino):
                continue
            fcntl.flock(int(name), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue
        return int(name)
    return None
