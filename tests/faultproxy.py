"""A fault-injecting TCP proxy on loopback, for the exactly-once tests against real Dovecot.

`FaultProxy(host, port)` listens on a free 127.0.0.1 port and relays every connection to
the target, byte for byte, in both directions: `up` (client to server) and `down`
(server to client). `add(Fault(...))` arms a fault, which fires once, on the first
connection whose bytes reach its trigger:

- `at=N`: the N-th byte of that direction on the connection (0: before the first);
- `at=Append(fraction)`: a point of the first APPEND's message literal, upstream:
  `Append(0.0)` data starting, `Append(0.5)` half sent, `Append(1.0)` fully sent (the
  literal and its CRLF); `at=AppendAnswered()`: downstream, just after the server's tagged
  answer to the APPEND.

and does one of:

- `cut`: close both sides (FIN);  `reset`: close both sides with RST (SO_LINGER 0);
- `stall`: stop relaying that direction until `release()` (the connection stays open);
- `delay`: hold what follows for `seconds`, then relay it; if the client has gone
  meanwhile, the held bytes still reach the server (a stalled literal that lands after the
  client gave up: PITFALLS.md, "An IMAP APPEND can complete after you gave up on it").

`refuse_connections(n)` makes the next n connections close at once. `fired` lists the
faults that fired; `connections` counts accepted connections. Threads only; no clock
decides anything but `delay`'s sleep.
"""

from __future__ import annotations

import re
import socket
import struct
import threading
from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["up", "down"]
Action = Literal["cut", "reset", "stall", "delay"]
_LITERAL = re.compile(rb"APPEND .*\{(\d+)\+?\}\r\n", re.IGNORECASE)
_TAG = re.compile(rb"(?:^|\r\n)([A-Za-z0-9.]+) APPEND ", re.IGNORECASE)


@dataclass(frozen=True)
class Append:
    """A point of the first APPEND's literal: 0.0 before its first byte, 1.0 after it."""

    fraction: float


@dataclass(frozen=True)
class AppendAnswered:
    """Downstream, right after the server's tagged answer (OK/NO/BAD) to the APPEND."""


@dataclass
class Fault:
    direction: Direction
    action: Action
    at: int | Append | AppendAnswered = 0
    seconds: float = 0.0
    done: bool = field(default=False, compare=False)


class FaultProxy:
    """See the module docstring. Use as a context manager, or call `close()`."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._refuse = 0
        self._released = threading.Event()
        self._closed = threading.Event()
        self._links: list[_Link] = []
        self.fired: list[Fault] = []
        self.connections = 0
        threading.Thread(target=self._accept, name="faultproxy", daemon=True).start()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def refuse_connections(self, count: int) -> None:
        with self._lock:
            self._refuse += count

    def release(self) -> None:
        """Let stalled directions go on."""
        self._released.set()

    def drop_all(self) -> None:
        """Cut every open connection now (a network drop)."""
        with self._lock:
            links = list(self._links)
        for link in links:
            link.close()

    def close(self) -> None:
        self._closed.set()
        self._released.set()
        try:
            self._listener.close()
        except OSError:
            pass
        self.drop_all()

    # -- internals ---------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                refuse = self._refuse > 0
                self._refuse -= 1 if refuse else 0
            if refuse:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            link = _Link(self, client, server)
            with self._lock:
                self._links.append(link)
            link.start()

    def _claim(self, direction: Direction, link: _Link, start: int, data: bytes
               ) -> tuple[int, Fault] | None:
        """The first armed fault of `direction` that fires inside `data` (which begins at
        byte `start` of the direction): its offset in `data`, and the fault (now spent)."""
        with self._lock:
            for fault in self._faults:
                if fault.done or fault.direction != direction:
                    continue
                offset = link.offset_of(fault.at, direction, start, data)
                if offset is not None:
                    fault.done = True
                    self.fired.append(fault)
                    return offset, fault
        return None


class _Link:
    """One proxied connection: two pump threads and what they learnt of the APPEND."""

    def __init__(self, proxy: FaultProxy, client: socket.socket, server: socket.socket) -> None:
        self.proxy, self.client, self.server = proxy, client, server
        self.seen = {"up": bytearray(), "down": bytearray()}
        self.append_start: int | None = None  # upstream offset of the literal's first byte
        self.append_size = 0
        self.append_tag: bytes | None = None
        self._closed = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._pump, args=("up", self.client, self.server),
                         daemon=True).start()
        threading.Thread(target=self._pump, args=("down", self.server, self.client),
                         daemon=True).start()

    def offset_of(self, at: int | Append | AppendAnswered, direction: Direction, start: int,
                  data: bytes) -> int | None:
        end = start + len(data)
        if isinstance(at, int):
            return at - start if start <= at < end or (at == end and not data) else None
        if isinstance(at, Append):
            if direction != "up" or self.append_start is None:
                return None
            point = self.append_start + round(self.append_size * at.fraction)
            if at.fraction >= 1.0:
                point += 2  # the CRLF that ends the command
            return point - start if start <= point < end else None
        if direction != "down" or self.append_tag is None:
            return None
        seen = bytes(self.seen["down"])
        match = re.search(rb"(?:^|\r\n)" + re.escape(self.append_tag) + rb" [A-Z]+[^\r\n]*\r\n",
                          seen)
        if match is None:
            return None
        point = match.end()
        return point - start if start <= point <= end else None

    def _learn(self, direction: Direction, data: bytes) -> None:
        seen = self.seen[direction]
        seen.extend(data)
        if direction == "up" and self.append_start is None:
            match = _LITERAL.search(seen)
            if match is not None:
                self.append_start = match.end()
                self.append_size = int(match.group(1))
                tag = _TAG.search(seen)
                self.append_tag = tag.group(1) if tag else None

    def _pump(self, direction: Direction, source: socket.socket, sink: socket.socket) -> None:
        offset = 0
        try:
            while not self._closed.is_set():
                try:
                    data = source.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                self._learn(direction, data)
                claimed = self.proxy._claim(direction, self, offset, data)
                offset += len(data)
                if claimed is None:
                    self._send(sink, data)
                    continue
                cut, fault = claimed
                self._send(sink, data[:cut])
                if not self._act(fault, sink, data[cut:]):
                    return
        finally:
            if direction == "up":
                # The client is gone (or gave up): what it sent still reaches the server,
                # which then sees the end of its input.
                _shutdown(self.server, socket.SHUT_WR)
            else:
                self.close()

    def _act(self, fault: Fault, sink: socket.socket, rest: bytes) -> bool:
        """Carry out `fault`; False if the connection is finished."""
        if fault.action == "cut":
            self.close()
            return False
        if fault.action == "reset":
            for sock in (self.client, self.server):
                try:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                    struct.pack("ii", 1, 0))
                except OSError:
                    pass
            self.close()
            return False
        if fault.action == "stall":
            self.proxy._released.wait()
        else:
            self.proxy._closed.wait(fault.seconds)
        self._send(sink, rest)
        return True

    @staticmethod
    def _send(sink: socket.socket, data: bytes) -> None:
        if data:
            try:
                sink.sendall(data)
            except OSError:
                pass  # the receiver is gone; keep draining the sender

    def close(self) -> None:
        if self._closed.is_set():
            return
        self._closed.set()
        for sock in (self.client, self.server):
            _shutdown(sock, socket.SHUT_RDWR)
            try:
                sock.close()
            except OSError:
                pass


def _shutdown(sock: socket.socket, how: int) -> None:
    try:
        sock.shutdown(how)
    except OSError:
        pass
