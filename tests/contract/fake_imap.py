"""A tiny IMAP4rev1 server on a loopback socket that speaks like Gmail, for protocol tests.

Dovecot does not offer X-GM-EXT-1, so the Gmail paths of the IMAP backend (X-GM-RAW search,
X-GM-THRID / X-GM-MSGID, `[Gmail]/...` folders, XOAUTH2) are tested against this. It keeps
folders in memory, answers the commands the backend uses, refuses everything else with BAD,
and records every command line so tests can assert what was (and was not) sent.
"""

from __future__ import annotations

import base64
import re
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Self

from followup.backends.parts import message_id_from_header, split_header

GMAIL_CAPABILITIES = ("IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 "
                      "UIDPLUS COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT "
                      "LIST-EXTENDED LIST-STATUS LITERAL- SPECIAL-USE APPENDLIMIT=35651584 "
                      "AUTH=XOAUTH2 AUTH=PLAIN")


@dataclass
class FakeMessage:
    uid: int
    raw: bytes
    flags: list[str]
    internal_date: datetime
    thread_id: int
    gmail_id: int


@dataclass
class FakeFolder:
    attributes: str
    uidvalidity: int = 1
    messages: list[FakeMessage] = field(default_factory=list)
    uidnext: int = 1


class FakeGmail:
    """The server's state, shared by its connections. `folders` keys are wire names
    (modified UTF-7)."""

    def __init__(self, user: str = "sam@gmail.com", token: str = "ya29.token",
                 localised: bool = False) -> None:
        self.user, self.token = user, token
        self.commands: list[str] = []
        self.send_appenduid = True
        self.send_uidnext = True
        self.send_highestmodseq = True
        drafts, sent = ("[Google Mail]/Entw&APw-rfe", "[Google Mail]/Gesendet") if localised \
            else ("[Gmail]/Drafts", "[Gmail]/Sent Mail")
        use = not localised  # an old-style listing without special-use attributes
        self.folders: dict[str, FakeFolder] = {
            "INBOX": FakeFolder("\\HasNoChildren"),
            drafts: FakeFolder("\\HasNoChildren" + (" \\Drafts" if use else "")),
            sent: FakeFolder("\\HasNoChildren" + (" \\Sent" if use else "")),
            "[Gmail]/All Mail": FakeFolder("\\All \\HasNoChildren"),
        }
        self._next_gmail_id = 1000

    def add(self, folder: str, raw: bytes, when: datetime | None = None,
            flags: list[str] | None = None, thread_id: int | None = None) -> FakeMessage:
        box = self.folders[folder]
        self._next_gmail_id += 1
        message = FakeMessage(box.uidnext, raw, list(flags or []),
                              when or datetime.now(UTC),
                              thread_id or 7_000_000 + self._next_gmail_id, self._next_gmail_id)
        box.messages.append(message)
        box.uidnext += 1
        return message


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def send(self, text: str | bytes) -> None:
        self.wfile.write(text.encode() if isinstance(text, str) else text)
        self.wfile.flush()

    def handle(self) -> None:
        state = self.server.state
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.selected: str | None = None
        self.send(f"* OK [CAPABILITY {GMAIL_CAPABILITIES}] Gimap ready\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            state.commands.append(text)
            tag, _, rest = text.partition(" ")
            command, _, arguments = rest.partition(" ")
            command = command.upper()
            if command == "UID":
                command, _, arguments = arguments.partition(" ")
                command = command.upper()
            handler = getattr(self, f"do_{command.lower()}", None)
            if handler is None:
                self.send(f"{tag} BAD unsupported by the fake: {command}\r\n")
                continue
            if handler(tag, arguments) == "logout":
                return

    def do_capability(self, tag: str, arguments: str) -> None:
        self.send(f"* CAPABILITY {GMAIL_CAPABILITIES}\r\n{tag} OK Success\r\n")

    def do_noop(self, tag: str, arguments: str) -> None:
        self.send(f"{tag} OK Success\r\n")

    def do_logout(self, tag: str, arguments: str) -> str:
        self.send(f"* BYE LOGOUT Requested\r\n{tag} OK 73 good day (Success)\r\n")
        return "logout"

    def do_login(self, tag: str, arguments: str) -> None:
        user, password = [part.strip('"') for part in arguments.split(" ", 1)]
        ok = user == self.server.state.user and password == self.server.state.token
        self.send(f"{tag} OK {user} authenticated (Success)\r\n" if ok else
                  f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n")

    def do_authenticate(self, tag: str, arguments: str) -> None:
        self.send("+ \r\n")
        response = base64.b64decode(self.rfile.readline().strip()).decode()
        state = self.server.state
        ok = response == f"user={state.user}\1auth=Bearer {state.token}\1\1"
        self.send(f"{tag} OK {state.user} authenticated (Success)\r\n" if ok else
                  f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n")

    def do_enable(self, tag: str, arguments: str) -> None:
        self.send(f"* ENABLED {arguments}\r\n{tag} OK Success\r\n")

    def do_list(self, tag: str, arguments: str) -> None:
        for name, folder in self.server.state.folders.items():
            self.send(f'* LIST ({folder.attributes}) "/" "{name}"\r\n')
        self.send(f"{tag} OK Success\r\n")

    def do_examine(self, tag: str, arguments: str, readonly: bool = True) -> None:
        name = arguments.strip('"')
        folder = self.server.state.folders.get(name)
        if folder is None:
            self.send(f"{tag} NO [NONEXISTENT] Unknown Mailbox: {name} (Failure)\r\n")
            return
        self.selected = name
        self.send(f"* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen)\r\n"
                  f"* OK [UIDVALIDITY {folder.uidvalidity}] UIDs valid.\r\n"
                  f"* {len(folder.messages)} EXISTS\r\n* 0 RECENT\r\n")
        if self.server.state.send_uidnext:
            self.send(f"* OK [UIDNEXT {folder.uidnext}] Predicted next UID.\r\n")
        if self.server.state.send_highestmodseq:
            self.send(f"* OK [HIGHESTMODSEQ {1000 + folder.uidnext}]\r\n")
        self.send(f"{tag} OK [{'READ-ONLY' if readonly else 'READ-WRITE'}] {name} selected.\r\n")

    def do_select(self, tag: str, arguments: str) -> None:
        self.do_examine(tag, arguments, readonly=False)

    def _messages(self) -> list[FakeMessage]:
        assert self.selected is not None
        return self.server.state.folders[self.selected].messages

    def do_search(self, tag: str, arguments: str) -> None:
        messages = self._messages()
        found = [m.uid for m in messages]
        raw = re.search(r'X-GM-RAW "after:(\d{4})/(\d\d)/(\d\d)', arguments)
        if raw:
            after = date(*map(int, raw.groups()))
            found = [m.uid for m in messages if m.internal_date.date() >= after]
        uid_range = re.search(r"UID (\d+):\*", arguments)
        if uid_range:
            # RFC 3501: n:* always matches the last message, even if n is above its UID.
            found = [m.uid for m in messages if m.uid >= int(uid_range.group(1))]
            found = found or [messages[-1].uid] if messages else []
        header = re.search(r'HEADER Message-ID "([^"]+)"', arguments)
        if header:
            found = [m.uid for m in messages
                     if message_id_from_header(split_header(m.raw)) == header.group(1)]
        self.send(f"* SEARCH {' '.join(map(str, found))}\r\n{tag} OK SEARCH completed\r\n")

    def do_fetch(self, tag: str, arguments: str) -> None:
        uid_set, _, items = arguments.partition(" ")
        wanted = {int(uid) for uid in uid_set.split(",")}
        for sequence, message in enumerate(self._messages(), start=1):
            if message.uid in wanted:
                self.send(f"* {sequence} FETCH (".encode() + self._items(message, items)
                          + b")\r\n")
        self.send(f"{tag} OK Success\r\n")

    def _items(self, message: FakeMessage, items: str) -> bytes:
        parts: list[bytes] = [f"UID {message.uid}".encode()]
        header = split_header(message.raw)
        for item in re.findall(r"BODY\.PEEK\[[^\]]*\]|[A-Z0-9.\-]+", items.strip("()")):
            if item == "RFC822.SIZE":
                parts.append(f"RFC822.SIZE {len(message.raw)}".encode())
            elif item == "INTERNALDATE":
                when = message.internal_date.strftime("%d-%b-%Y %H:%M:%S +0000")
                parts.append(f'INTERNALDATE "{when}"'.encode())
            elif item == "FLAGS":
                parts.append(f"FLAGS ({' '.join(message.flags)})".encode())
            elif item == "X-GM-THRID":
                parts.append(f"X-GM-THRID {message.thread_id}".encode())
            elif item == "X-GM-MSGID":
                parts.append(f"X-GM-MSGID {message.gmail_id}".encode())
            elif item == "BODYSTRUCTURE":
                body = message.raw[len(header):]
                lines = body.count(b"\n")
                parts.append(f'BODYSTRUCTURE ("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" '
                             f'{len(body)} {lines} NIL NIL NIL NIL)'.encode())
            elif item.startswith("BODY.PEEK["):
                section = item[len("BODY.PEEK["):-1]
                data = {"HEADER": header, "": message.raw}.get(section)
                if section.startswith("HEADER.FIELDS"):
                    data = b"".join(line + b"\r\n" for line in header.split(b"\r\n")
                                    if line.lower().startswith(b"message-id:")) + b"\r\n"
                if data is None:
                    raise ValueError(f"fake cannot fetch {item}")
                parts.append(f"BODY[{section}] {{{len(data)}}}\r\n".encode() + data)
        return b" ".join(parts)

    def do_append(self, tag: str, arguments: str) -> None:
        found = re.match(r'"?(.*?)"? \(([^)]*)\)(?: "([^"]+)")? \{(\d+)\+?\}$', arguments)
        assert found, arguments
        name, flags, when, size = found.groups()
        self.send("+ Ready for literal data\r\n")
        raw = self.rfile.read(int(size))
        self.rfile.readline()
        state = self.server.state
        internal = datetime.strptime(when, "%d-%b-%Y %H:%M:%S %z") if when else None
        message = state.add(name, raw, internal, flags.split())
        folder = state.folders[name]
        code = f"[APPENDUID {folder.uidvalidity} {message.uid}] " if state.send_appenduid else ""
        self.send(f"{tag} OK {code}(Success)\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state: FakeGmail) -> None:
        self.state = state
        super().__init__(("127.0.0.1", 0), _Handler)


class FakeGmailServer:
    """Runs a FakeGmail on 127.0.0.1:`port` in a thread. Use as a context manager."""

    def __init__(self, state: FakeGmail | None = None) -> None:
        self.state = state or FakeGmail()
        self._server = _Server(self.state)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

