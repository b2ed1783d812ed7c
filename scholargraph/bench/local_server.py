"""A local HTTP server on 127.0.0.1 that answers through a plain function.

The benchmark plays the APIs with it, and the tests replay recorded responses
with it; clients reach it through their configurable base URLs. For example
(``tests/replay.py`` does this with recordings)::

    def echo(method: str, target: str, body: bytes) -> Reply:
        return Reply(200, target.encode())

    with serving(echo) as url:  # http://127.0.0.1:PORT
        requests.get(f"{url}/works/W1").text  # '/works/W1'
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One answer: status, body and headers; ``delay`` seconds before answering
    (a stalled server), ``cut`` to claim more body than is sent (a cut-off transfer),
    ``drip`` seconds between the body's bytes, sent one at a time (a server that
    trickles; it stops when the client hangs up), ``length`` False to send no
    Content-Length (the body ends when the connection closes)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: bool = False
    drip: float = 0.0
    length: bool = True


Answer = Callable[[str, str, bytes], Reply]  # (method, path?query, body) -> reply


@contextmanager
def serving(answer: Answer, *, seen: list[dict[str, str]] | None = None) -> Iterator[str]:
    """Serve ``answer`` on a free port of 127.0.0.1 for the ``with`` block; yields
    the server's URL. ``seen`` collects each request's headers."""

    class Handler(BaseHTTPRequestHandler):
        def _serve(self, method: str) -> None:
            if seen is not None:
                seen.append(dict(self.headers.items()))
            size = int(self.headers.get("Content-Length") or 0)
            reply = answer(method, self.path, self.rfile.read(size) if size else b"")
            if reply.delay:
                threading.Event().wait(reply.delay)
            self.send_response(reply.status)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            if reply.length:
                size = len(reply.body) + (100 if reply.cut else 0)
                self.send_header("Content-Length", str(size))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                if reply.drip:
                    for at in range(len(reply.body)):
                        self.wfile.write(reply.body[at : at + 1])
                        threading.Event().wait(reply.drip)
                else:
                    self.wfile.write(reply.body)
            self.close_connection = reply.cut or not reply.length

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
