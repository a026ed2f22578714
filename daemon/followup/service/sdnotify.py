"""The systemd notification protocol (sd_notify(3)) without extra dependencies.

One datagram per state change to the AF_UNIX socket named by `$NOTIFY_SOCKET` (a leading
`@` names an abstract socket). Outside systemd (no `$NOTIFY_SOCKET`) every call does
nothing. Sending never raises: a service must not stop because its supervisor is gone.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class Notifier:
    """Tells systemd how the service is doing: READY=1, STATUS=, WATCHDOG=1, STOPPING=1.

    `watchdog_seconds` is the period systemd expects `WATCHDOG=1` within (`WatchdogSec=`),
    or None when the watchdog is off or meant for another process (`$WATCHDOG_PID`).
    """

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        self.address = environ.get("NOTIFY_SOCKET") or None
        self.watchdog_seconds: float | None = None
        usec = environ.get("WATCHDOG_USEC", "")
        pid = environ.get("WATCHDOG_PID", "")
        if usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid())):
            self.watchdog_seconds = int(usec) / 1_000_000

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def send(self, *assignments: str) -> bool:
        """Send `KEY=value` lines in one datagram. True if it was delivered."""
        if not self.address or not assignments:
            return False
        address = self.address
        if address.startswith("@"):
            address = "\0" + address[1:]
        payload = "\n".join(assignments).encode("utf-8", "replace")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(address)
                sock.sendall(payload)
        except OSError as error:
            log.debug("sd_notify to %s failed: %s", self.address, error)
            return False
        return True

    def ready(self, status: str | None = None) -> bool:
        return self.send("READY=1", *([f"STATUS={_one_line(status)}"] if status else []))

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={_one_line(text)}")

    def watchdog(self) -> bool:
        """`WATCHDOG=1`, only when systemd asked for it."""
        if self.watchdog_seconds is None:
            return False
        return self.send("WATCHDOG=1")

    def stopping(self, status: str | None = None) -> bool:
        return self.send("STOPPING=1", *([f"STATUS={_one_line(status)}"] if status else []))


def _one_line(text: str) -> str:
    return " ".join(text.split())
