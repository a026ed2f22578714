"""A real Dovecot IMAP server for the test suite, run from a self-contained temp directory.

One `DovecotServer` per test session (see the fixtures in `conftest.py`), one fresh
`DovecotUser` per test. The server listens on 127.0.0.1 on free high ports chosen at start:

* `plain_port`: plain IMAP with STARTTLS offered (for `tls: none` and `tls: starttls`);
* `tls_port`: implicit TLS (993-style) with a self-signed certificate made by `openssl req`
  at start (`cert_file`, usable as `ca_file`; it names 127.0.0.1 and localhost).

It works as root (mail owned by `nobody`, logins as `dovenull`, internals as `dovecot`) and as
an unprivileged user (every process runs as that user). Each user has a passwd-file of their
own (`users/<name>`, `{PLAIN}` password): Dovecot checks a changed passwd-file at most once a
second, so rewriting one shared file made a user added within that second unknown.

Helpers fill and inspect mailboxes the way tests need: `deliver` writes Maildir files
directly (fast, no server round trip), `append` goes through IMAP, `read_folder`, `status`
and `flags` read back over IMAP (read-only), `recreate_folder` gives a folder a new
UIDVALIDITY. Stop is by the pid in `base_dir/master.pid`, never by process name.
"""

from __future__ import annotations

import grp
import itertools
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import textwrap
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from imapclient import IMAPClient

from followup.config_model import AccountConfig

DOVECOT = "/usr/sbin/dovecot"
DOVEADM = "/usr/bin/doveadm"
INSTALL_HINT = "install dovecot-imapd: apt-get install -y --no-install-recommends dovecot-imapd"
SPECIAL_USE = {"Drafts": r"\Drafts", "Sent": r"\Sent", "Trash": r"\Trash", "Junk": r"\Junk"}


class DovecotUnavailable(RuntimeError):
    """Dovecot (or openssl) is missing or would not start; the message says what to do."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _alive(pid: int) -> bool:
    """True while `pid` runs. The daemonised master is not our child: when it exits it may
    stay a zombie until init reaps it, and that counts as gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def _children(pid: int) -> set[str]:
    """The last path element of the command line of each live child of `pid`."""
    names = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            if int(fields[1]) != pid or fields[0] == "Z":
                continue
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                names.add(cmdline.read().split(b"\0")[0].decode(errors="replace")
                          .rsplit("/", 1)[-1])
        except (OSError, IndexError, ValueError):
            continue
    return names


@dataclass(frozen=True)
class DovecotUser:
    """One mail user of the test server. `home/Maildir` is INBOX (LAYOUT=fs)."""

    server: DovecotServer
    name: str
    password: str
    home: Path

    @property
    def maildir(self) -> Path:
        return self.home / "Maildir"

    def folder_path(self, folder: str) -> Path:
        """The Maildir directory of `folder` ("INBOX" is the Maildir root)."""
        return self.maildir if folder.upper() == "INBOX" else self.maildir / folder


class DovecotServer:
    """A running Dovecot. Use `start()` / `stop()`, or the session fixture."""

    def __init__(self, root: Path | None = None, *, special_folders: bool = True) -> None:
        """`special_folders=False` makes a server with no Drafts/Sent/Trash/Junk at all."""
        self.special_folders = special_folders
        self.root = Path(root or tempfile.mkdtemp(prefix="followup-dovecot-")).resolve()
        self.plain_port = 0
        self.tls_port = 0
        self.config_file = self.root / "dovecot.conf"
        self.users_dir = self.root / "users"
        self.cert_file = self.root / "cert.pem"
        self.key_file = self.root / "key.pem"
        self.log_file = self.root / "log" / "dovecot.log"
        self.base_dir = self.root / "run"
        self._counter = itertools.count(1)
        self.is_root = os.geteuid() == 0
        mail_user = pwd.getpwnam("nobody") if self.is_root else pwd.getpwuid(os.geteuid())
        self.mail_uid, self.mail_gid = mail_user.pw_uid, mail_user.pw_gid
        self.process_user = pwd.getpwuid(os.geteuid()).pw_name

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        """Write the config, make the certificate, start Dovecot and wait for its ports.

        Raises DovecotUnavailable with the install hint or the log's tail.
        """
        if not (os.access(DOVECOT, os.X_OK) and os.access(DOVEADM, os.X_OK)):
            raise DovecotUnavailable(f"{DOVECOT} not found: {INSTALL_HINT}")
        if shutil.which("openssl") is None:
            raise DovecotUnavailable("openssl not found: apt-get install -y openssl")
        for name in ("run", "state", "log", "home", "users"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        for path in (self.root, self.root / "home", self.root / "log", self.users_dir):
            os.chmod(path, 0o755)  # the dovecot user and the mail uid must traverse
        self._make_certificate()
        self.plain_port, self.tls_port = free_port(), free_port()
        self.config_file.write_text(self._config())
        with open(self.root / "log" / "stdio.log", "wb") as stdio:
            # The daemonised master keeps our stdio open: never a pipe.
            result = subprocess.run([DOVECOT, "-c", str(self.config_file)], check=False,
                                    stdin=subprocess.DEVNULL, stdout=stdio, stderr=stdio,
                                    timeout=30)
        if result.returncode != 0:
            raise DovecotUnavailable(f"dovecot exited {result.returncode}:\n{self.log_tail()}")
        self._wait_for_port(self.plain_port)
        self._wait_for_port(self.tls_port)

    def stop(self) -> None:
        """Stop Dovecot by the pid in master.pid; never raises.

        Waits (up to 5 s) until the master is gone or only its log process is left: that
        one lingers a second or more to drain logs, and the master with it.
        """
        pid_file = self.base_dir / "master.pid"
        try:
            pid = int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return
        try:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                if not _alive(pid) or _children(pid) <= {"log"}:
                    return
                time.sleep(0.01)
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def cleanup(self) -> None:
        """Stop the server and remove its directory."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 40) -> str:
        """The end of Dovecot's log and stdio, for failure messages."""
        text = ""
        for path in (self.root / "log" / "stdio.log", self.log_file):
            if path.exists():
                text += "".join(path.read_text(errors="replace").splitlines(True)[-lines:])
        return text

    def _wait_for_port(self, port: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise DovecotUnavailable(
                        f"dovecot did not listen on 127.0.0.1:{port}:\n{self.log_tail()}")
                time.sleep(0.02)

    def _make_certificate(self) -> None:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", str(self.key_file), "-out", str(self.cert_file)],
            check=True, capture_output=True, timeout=30)
        os.chmod(self.key_file, 0o600)

    def _config(self) -> str:
        root = self.root
        if self.is_root:
            identities = "default_login_user = dovenull\ndefault_internal_user = dovecot\n"
            services = ""
        else:
            me = self.process_user
            group = grp.getgrgid(os.getegid()).gr_name
            identities = (f"default_login_user = {me}\ndefault_internal_user = {me}\n"
                          f"default_internal_group = {group}\n")
            services = textwrap.dedent(f"""\
                service anvil {{
                  chroot =
                }}
                service imap-login {{
                  chroot =
                }}
                service auth {{
                  user = {me}
                }}
                service auth-worker {{
                  user = {me}
                }}
                """)
        mailboxes = "".join(
            f"  mailbox {name} {{\n    special_use = {use}\n    auto = subscribe\n  }}\n"
            for name, use in SPECIAL_USE.items() if self.special_folders)
        return textwrap.dedent(f"""\
            # Generated by tests/dovecot.py for one test session.
            instance_name = followup-test-{root.name}
            base_dir = {root}/run
            state_dir = {root}/state
            log_path = {self.log_file}
            info_log_path = {self.log_file}
            protocols = imap
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <{self.cert_file}
            ssl_key = <{self.key_file}
            disable_plaintext_auth = no
            auth_mechanisms = plain login xoauth2
            auth_failure_delay = 0
            auth_cache_size = 0
            first_valid_uid = 1
            mail_max_userip_connections = 500
            mail_location = maildir:~/Maildir:LAYOUT=fs
            passdb {{
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {self.users_dir}/%u
            }}
            userdb {{
              driver = passwd-file
              args = username_format=%u {self.users_dir}/%u
            }}
            # No per-IP penalty after failed logins (it grows to 15 s): the auth process
            # cannot open anvil's penalty socket, so penalties are off.
            service anvil {{
              unix_listener anvil-auth-penalty {{
                mode = 0
              }}
            }}
            service imap-login {{
              inet_listener imap {{
                address = 127.0.0.1
                port = {self.plain_port}
              }}
              inet_listener imaps {{
                address = 127.0.0.1
                port = {self.tls_port}
                ssl = yes
              }}
            }}
            """) + identities + services + (
            "namespace inbox {\n  inbox = yes\n  separator = /\n" + mailboxes + "}\n")

    # -- users -------------------------------------------------------------------------

    def add_user(self, prefix: str = "user", extra_fields: str = "") -> DovecotUser:
        """A fresh user (unique name, own home, own passwd-file). `extra_fields` are
        passwd-file userdb fields."""
        name = f"{prefix}{next(self._counter)}-{uuid.uuid4().hex[:6]}"
        password = f"pw-{uuid.uuid4().hex[:10]}"
        home = self.root / "home" / name
        home.mkdir(mode=0o700)
        if self.is_root:
            os.chown(home, self.mail_uid, self.mail_gid)
        entry = (f"{name}:{{PLAIN}}{password}:{self.mail_uid}:{self.mail_gid}::{home}::"
                 f"{extra_fields}\n")
        temporary = self.users_dir / f".{name}.tmp"
        temporary.write_text(entry)
        os.chmod(temporary, 0o644)
        os.replace(temporary, self.users_dir / name)
        return DovecotUser(self, name, password, home)

    # -- IMAP access -------------------------------------------------------------------

    def connect(self, user: DovecotUser) -> IMAPClient:
        """A logged-in IMAPClient over the plain port (the test's admin connection)."""
        client = IMAPClient("127.0.0.1", port=self.plain_port, ssl=False, timeout=10)
        client.login(user.name, user.password)
        client.normalise_times = False
        return client

    def account_for(self, user: DovecotUser, *, tls: str = "none", **overrides: Any
                    ) -> AccountConfig:
        """An `imap` AccountConfig for `user`: `tls` "none" or "starttls" use the plain port,
        "implicit" the TLS port. `overrides` are further AccountConfig fields."""
        port = self.tls_port if tls == "implicit" else self.plain_port
        fields: dict[str, Any] = {
            "name": f"dovecot-{user.name}", "backend": "imap", "host": "127.0.0.1",
            "port": port, "tls": tls, "username": user.name, "connect_timeout": 5.0,
            "read_timeout": 10.0}
        fields.update(overrides)
        return AccountConfig(**fields)

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's self-signed certificate."""
        return ssl.create_default_context(cafile=str(self.cert_file))

    def append(self, user: DovecotUser, folder: str, raw: bytes, flags: tuple[str, ...] = (),
               when: datetime | None = None) -> int:
        """APPEND `raw` to `folder` over IMAP; returns the new UID (from APPENDUID)."""
        with self.connect(user) as client:
            response = client.append(folder, raw, flags=flags, msg_time=when)
        text = response.decode() if isinstance(response, bytes) else str(response)
        return int(text.split("APPENDUID", 1)[1].split()[1].rstrip("]"))

    def read_folder(self, user: DovecotUser, folder: str) -> list[dict[str, Any]]:
        """Every message of `folder`, read-only: [{"uid", "flags", "raw", "size"}], by UID."""
        with self.connect(user) as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            data = client.fetch(uids, ["FLAGS", "BODY.PEEK[]", "RFC822.SIZE"]) if uids else {}
        return [
            {"uid": uid, "flags": tuple(f.decode() for f in data[uid][b"FLAGS"]),
             "raw": data[uid][b"BODY[]"], "size": data[uid][b"RFC822.SIZE"]}
            for uid in sorted(data)
        ]

    def delete_message(self, user: DovecotUser, folder: str, uid: int) -> None:
        """Delete and expunge one message, as the user's mail client would."""
        with self.connect(user) as client:
            client.select_folder(folder)
            client.delete_messages([uid])
            client.uid_expunge([uid])

    def status(self, user: DovecotUser, folder: str) -> dict[str, int]:
        """STATUS of `folder`: MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ."""
        with self.connect(user) as client:
            items = client.folder_status(
                folder, ["MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ"])
        return {key.decode(): int(value) for key, value in items.items()}

    def flags(self, user: DovecotUser, folder: str) -> dict[int, tuple[str, ...]]:
        """{uid: flags} of every message of `folder`, read-only."""
        return {entry["uid"]: entry["flags"] for entry in self.read_folder(user, folder)}

    # -- direct Maildir access -----------------------------------------------------------

    def deliver(self, user: DovecotUser, raw: bytes, folder: str = "INBOX", *,
                flags: str = "", when: datetime | None = None, seen_by_client: bool = False
                ) -> Path:
        """Write `raw` straight into `folder`'s Maildir (tmp/ then rename), owned by the mail uid.

        `flags` are Maildir flag letters ("S" seen, "D" draft, ...). A message lands in `new/`
        unless it has flags or `seen_by_client`, then in `cur/`. `when` sets the file's mtime,
        which Dovecot takes as the INTERNALDATE. Dovecot sees the file at its next sync.
        """
        directory = user.folder_path(folder)
        self._ensure_maildir(user, directory)
        unique = f"{time.time():.6f}.P{os.getpid()}Q{uuid.uuid4().hex[:12]}.followup-test"
        temporary = directory / "tmp" / unique
        temporary.write_bytes(raw)
        if when is not None:
            stamp = when.timestamp()
            os.utime(temporary, (stamp, stamp))
        if self.is_root:
            os.chown(temporary, self.mail_uid, self.mail_gid)
        if flags or seen_by_client:
            final = directory / "cur" / f"{unique}:2,{''.join(sorted(flags))}"
        else:
            final = directory / "new" / unique
        os.rename(temporary, final)
        return final

    def _ensure_maildir(self, user: DovecotUser, directory: Path) -> None:
        chain = [directory]
        while chain[-1] != user.home:
            chain.append(chain[-1].parent)
        for path in reversed(chain[:-1]):
            for sub in (path, path / "cur", path / "new", path / "tmp"):
                if not sub.exists():
                    sub.mkdir(mode=0o700)
                    if self.is_root:
                        os.chown(sub, self.mail_uid, self.mail_gid)

    def recreate_folder(self, user: DovecotUser, folder: str) -> None:
        """Give `folder` a new UIDVALIDITY (its messages stay, with UIDs renumbered from 1).

        Removes Dovecot's uidlist and index files of that folder, as a restore from backup
        or a server migration would; Dovecot builds them anew at the next access.
        """
        directory = user.folder_path(folder)
        before = self.status(user, folder)["UIDVALIDITY"]
        for path in directory.iterdir():
            if path.is_file() and path.name.startswith(("dovecot-uidlist", "dovecot.index")):
                path.unlink()
        for _ in range(50):
            if self.status(user, folder)["UIDVALIDITY"] != before:
                return
            # UIDVALIDITY is time-based: make sure the next one differs.
            time.sleep(0.05)
            for path in directory.iterdir():
                if path.is_file() and path.name.startswith(("dovecot-uidlist", "dovecot.index")):
                    path.unlink()
        raise AssertionError(f"UIDVALIDITY of {folder} did not change")

    def doveadm(self, *arguments: str) -> str:
        """Run doveadm against this server's config; returns stdout, raises on failure."""
        result = subprocess.run([DOVEADM, "-c", str(self.config_file), *arguments],
                                check=False, capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(arguments)}: {result.stderr.strip()}")
        return result.stdout
