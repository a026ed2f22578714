"""Counting what an IMAP client costs: commands, bytes and bodies, per connection.

`metered_client(meter)` returns an `IMAPClient` subclass; every connection it makes reports
into `meter`:

* commands: every tagged command (imaplib and imapclient both take a new tag for each one),
  by verb, and which of them came after LOGIN;
* bytes received: from the kernel (`TCP_INFO`'s `tcpi_bytes_received`) when the connection
  is shut down, i.e. everything the server sent, greeting and LOGOUT included; also counted
  above the socket (imaplib's `read`/`readline`) per command, for the breakdown;
* bodies: messages for which a FETCH response carried a body section (`BODY[]` or a part
  such as `BODY[1]`; `BODY[HEADER]` alone is not a body), by selected folder; `bodies`
  counts those of INBOX and Sent (followup also re-reads its own drafts in Drafts).
"""

from __future__ import annotations

import resource
import socket
import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from imapclient import IMAPClient

_TCP_INFO_SIZE = 232
_BYTES_ACKED, _BYTES_RECEIVED = 120, 128  # offsets of two u64 in struct tcp_info (Linux >= 4.2)


@dataclass
class Meter:
    """What one or more connections cost. All counts add up across connections."""

    commands: Counter[str] = field(default_factory=Counter)
    commands_after_login: int = 0  # LOGOUT not counted
    socket_received: int = 0
    socket_sent: int = 0
    read: int = 0
    read_by_command: Counter[str] = field(default_factory=Counter)
    sent: int = 0
    bodies: int = 0  # of mail (INBOX, Sent): not the drafts followup re-reads
    bodies_by_folder: Counter[str] = field(default_factory=Counter)
    connections: int = 0
    socket_counted: int = 0  # connections whose kernel counters were read

    def as_dict(self) -> dict[str, Any]:
        return {
            "commands": sum(self.commands.values()),
            "commands_after_login": self.commands_after_login,
            "commands_by_verb": dict(self.commands.most_common()),
            "bytes_received": self.socket_received if self.socket_counted == self.connections
            else self.read,
            "bytes_received_socket": self.socket_received,
            "bytes_read_by_imaplib": self.read,
            "bytes_read_by_command": dict(self.read_by_command.most_common()),
            "bytes_sent": self.socket_sent if self.socket_counted == self.connections else self.sent,
            "bodies": self.bodies,
            "bodies_by_folder": dict(self.bodies_by_folder),
            "connections": self.connections,
        }


def tcp_bytes(sock: socket.socket) -> tuple[int, int] | None:
    """(bytes received, bytes sent and acknowledged) of a TCP socket, from the kernel."""
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, _TCP_INFO_SIZE)
    except (OSError, AttributeError):
        return None
    if len(info) < _BYTES_RECEIVED + 8:
        return None
    (acked,) = struct.unpack_from("Q", info, _BYTES_ACKED)
    (received,) = struct.unpack_from("Q", info, _BYTES_RECEIVED)
    return received, acked


def _verb(line: bytes) -> str:
    words = line.split(None, 3)
    verb = words[1].upper() if len(words) > 1 else b"?"
    if verb == b"UID" and len(words) > 2:
        verb = words[2].upper()
    label = verb.decode("ascii", "replace")
    if label == "FETCH":
        if b"BODY.PEEK[HEADER]" in line:
            label = "FETCH summary"
        elif b"BODYSTRUCTURE" in line:
            label = "FETCH structure"
        elif b"BODY.PEEK[" in line or b"RFC822" in line:
            label = "FETCH body"
        else:
            label = "FETCH other"
    return label


def attach(imap: Any, meter: Meter) -> None:
    """Instrument one imaplib connection (already connected: the greeting is read)."""
    meter.connections += 1
    state = {"tag": None, "label": "greeting", "logged_in": False}
    new_tag, send, read, readline, shutdown = (imap._new_tag, imap.send, imap.read,
                                               imap.readline, imap.shutdown)

    def counted_new_tag() -> Any:
        tag = new_tag()
        state["tag"] = tag
        return tag

    def counted_send(data: bytes) -> None:
        meter.sent += len(data)
        if state["tag"] is not None:
            label = _verb(bytes(data))
            state["tag"], state["label"] = None, label
            meter.commands[label] += 1
            if state["logged_in"] and label != "LOGOUT":
                meter.commands_after_login += 1
            if label in ("LOGIN", "AUTHENTICATE"):
                state["logged_in"] = True
        send(data)

    def counted_read(size: int) -> bytes:
        data: bytes = read(size)
        meter.read += len(data)
        meter.read_by_command[str(state["label"])] += len(data)
        return data

    def counted_readline() -> bytes:
        data: bytes = readline()
        meter.read += len(data)
        meter.read_by_command[str(state["label"])] += len(data)
        return data

    def counted_shutdown() -> None:
        totals = tcp_bytes(imap.sock)
        if totals is not None:
            meter.socket_received += totals[0]
            meter.socket_sent += totals[1]
            meter.socket_counted += 1
        shutdown()

    imap._new_tag, imap.send, imap.read, imap.readline, imap.shutdown = (
        counted_new_tag, counted_send, counted_read, counted_readline, counted_shutdown)


def metered_client(meter: Meter) -> type[IMAPClient]:
    """An IMAPClient class whose connections report into `meter`."""

    class MeteredIMAPClient(IMAPClient):
        _bench_folder = ""

        def _create_IMAP4(self) -> Any:
            imap = super()._create_IMAP4()
            attach(imap, meter)
            return imap

        def select_folder(self, folder: str, readonly: bool = False) -> Any:
            result = super().select_folder(folder, readonly)
            self._bench_folder = folder
            return result

        def fetch(self, messages: Any, data: Any, modifiers: Any = None) -> Any:
            result = super().fetch(messages, data, modifiers)
            for entry in result.values():
                if any(key.startswith(b"BODY[") and not key.startswith(b"BODY[HEADER")
                       for key in entry):
                    meter.bodies_by_folder[self._bench_folder] += 1
                    if self._bench_folder.lower() not in ("drafts",):
                        meter.bodies += 1
            return result

    return MeteredIMAPClient


def rss_now_mb() -> float:
    """This process's resident set size now (MB)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def rss_peak_mb() -> float:
    """This process's peak resident set size so far (MB), from `VmHWM`.

    Not `getrusage(RUSAGE_SELF).ru_maxrss`: in a process started by subprocess (vfork, then
    exec) Linux folds the parent's high-water mark into it, so a small phase started by a
    big parent would report the parent's peak. `VmHWM` belongs to this program's own memory
    map; `ru_maxrss` is the fallback where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
