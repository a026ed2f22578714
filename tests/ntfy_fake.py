"""A faithful little ntfy server on loopback, for driving the real Apprise library.

ntfy's publish API as Apprise's ntfy plugin uses it (apprise/plugins/ntfy.py; ntfy docs,
"Publish as JSON"): `POST /` with a JSON body `{"topic", "title", "message"}` and
`Content-Type: application/json`, optional `Authorization: Bearer <token>`; the server
answers 200 with the message as JSON. `fail_with` makes it answer an error status instead;
`stop()` closes the port, so a client meets a refused connection (a dead server).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Published:
    topic: str
    title: str
    message: str
    headers: dict[str, str] = field(default_factory=dict)


class NtfyFake:
    def __init__(self) -> None:
        self.published: list[Published] = []
        self.fail_with: int | None = None
        self.attempts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                fake.attempts += 1
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if fake.fail_with is not None:
                    self._answer(fake.fail_with, {"code": fake.fail_with * 100 + 1,
                                                  "http": fake.fail_with,
                                                  "error": "internal error"})
                    return
                try:
                    data = json.loads(body)
                except ValueError:
                    self._answer(400, {"code": 40001, "http": 400, "error": "invalid JSON"})
                    return
                if self.path not in ("/", "") or not data.get("topic"):
                    self._answer(400, {"code": 40002, "http": 400, "error": "no topic"})
                    return
                fake.published.append(Published(
                    topic=data["topic"], title=data.get("title", ""),
                    message=data.get("message", ""), headers=dict(self.headers.items())))
                self._answer(200, {"id": f"m{len(fake.published)}", "time": int(time.time()),
                                   "event": "message", "topic": data["topic"],
                                   "message": data.get("message", "")})

            def _answer(self, status: int, document: dict[str, Any]) -> None:
                payload = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self._stopped = False
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, topic: str = "followup-test", token: str | None = None) -> str:
        # Generous socket timeouts (Apprise's cto/rto): a loaded test machine may answer a
        # loopback request slowly; a refused connection still fails at once.
        return f"ntfy://127.0.0.1:{self.port}/{topic}?cto=30&rto=30" + \
            (f"&token={token}" if token else "")

    def stop(self) -> None:
        """Close the port (a later connection is refused). Idempotent, and bounded: the
        serving thread is asked to stop and waited for at most 10 s, never forever."""
        if self._stopped:
            return
        self._stopped = True
        stopper = threading.Thread(target=self._server.shutdown, daemon=True)
        stopper.start()
        stopper.join(timeout=10)
        self._server.server_close()
