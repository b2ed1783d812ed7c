"""``scholargraph serve``: the explorer over HTTP, on the standard library's threading
server (GET only: nothing a request sends can change the store).

Routes: ``/`` the app; ``/static/…`` its script, styles and vis-network (from the pyvis
package, so it works offline); ``/api/…`` JSON (``/api/openapi.json`` describes it);
``/export/view.html`` and ``/export/view.graphml`` a drawn view to keep. Bad parameters
are a 400 and unknown names a 404, each with a JSON message; an error of ours is a
500 that says nothing of the machine. JSON escapes ``<``, ``>`` and ``&`` (no response
holds markup a browser could run), and every page forbids loading anything but from
the server itself (Content-Security-Policy).
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyvis

from scholargraph.errors import QueryError, ScholargraphError, StoreUnavailableError
from scholargraph.render.pages import GROUPS, script_json
from scholargraph.serve.explorer import MAX_TEXT, Explorer, UnknownQuery, whole_number
from scholargraph.serve.openapi import openapi
from scholargraph.store.store import Store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_OWN = resources.files("scholargraph.serve") / "static"
_SHARED = resources.files("scholargraph.render") / "templates"
STATIC = {  # path -> (where, content type)
    "/": (_OWN / "explore.html", "text/html"),
    "/static/explore.js": (_OWN / "explore.js", "text/javascript"),
    "/static/explore.css": (_OWN / "explore.css", "text/css"),
    "/static/graph.js": (_SHARED / "graph.js", "text/javascript"),
    "/static/vis-network.min.js": (_VIS / "vis-network.min.js", "text/javascript"),
    "/static/vis-network.css": (_VIS / "vis-network.css", "text/css"),
}
log = logging.getLogger(__name__)


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str
    filename: str | None = None  # sent as an attachment


def json_reply(value: Any, status: int = HTTPStatus.OK) -> Reply:
    """``value`` as JSON (UTF-8), ``<``, ``>`` and ``&`` escaped."""
    return Reply(status, str(script_json(value)).encode("utf-8"), "application/json")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only.

    >>> [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "")]
    [True, True, True, False, False]
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Params:
    """A request's query string: each name once, each value at most ``MAX_TEXT``
    characters (ids lists excepted)."""

    def __init__(self, query: str) -> None:
        try:
            pairs = parse_qs(query, keep_blank_values=True, strict_parsing=False, max_num_fields=64)
        except ValueError as exc:
            raise QueryError(f"bad query string: {exc}") from exc
        repeated = sorted(k for k, v in pairs.items() if len(v) > 1)
        if repeated:
            raise QueryError(f"give each parameter once: {', '.join(repeated)}")
        self.values = {k: v[0] for k, v in pairs.items()}

    def text(self, name: str) -> str:
        if name not in self.values:
            raise QueryError(f"missing parameter {name!r}")
        return self.values[name]

    def only(self, *names: str) -> None:
        unknown = sorted(set(self.values) - set(names))
        if unknown:
            raise QueryError(
                f"unknown parameter(s): {', '.join(unknown)}",
                hint=f"this takes: {', '.join(names) or 'nothing'}",
            )

    def ids(self, name: str) -> list[str]:
        return [i for i in self.values.get(name, "").split(",") if i]


class App:
    """The routes, as functions of a path and its parameters to a Reply."""

    def __init__(self, explorer: Explorer) -> None:
        self.explorer = explorer

    def get(self, target: str) -> Reply:
        url = urlsplit(target)
        path = url.path
        if path in STATIC:
            where, kind = STATIC[path]
            return Reply(HTTPStatus.OK, where.read_bytes(), kind)
        try:
            return self._route(path, Params(url.query))
        except (UnknownQuery, NotFound) as exc:
            return json_reply({"error": exc.one_line()}, HTTPStatus.NOT_FOUND)
        except StoreUnavailableError as exc:
            return json_reply({"error": exc.one_line()}, HTTPStatus.SERVICE_UNAVAILABLE)
        except QueryError as exc:
            return json_reply({"error": exc.one_line()}, HTTPStatus.BAD_REQUEST)
        except ScholargraphError as exc:
            log.error("%s: %s", path, exc.one_line())
            return json_reply({"error": "the store could not answer"}, HTTPStatus.BAD_GATEWAY)
        except Exception:  # a bug of ours: logged here, nothing of it sent
            log.exception("%s failed", path)
            return json_reply({"error": "internal error"}, HTTPStatus.INTERNAL_SERVER_ERROR)

    def _route(self, path: str, params: Params) -> Reply:
        explorer = self.explorer
        head, _, name = path.rpartition("/")
        if path == "/api/openapi.json":
            params.only()
            return json_reply(openapi(explorer.queries()))
        if path == "/api/groups":
            params.only()
            return json_reply(GROUPS)
        if path == "/api/queries":
            params.only()
            return json_reply(explorer.queries())
        if path == "/api/search":
            params.only("q", "limit")
            limit = whole_number("limit", params.values.get("limit", "10"), 50)
            return json_reply(explorer.search(params.text("q"), limit))
        if path == "/api/person":
            params.only("person")
            return json_reply(explorer.person(params.text("person")))
        if path == "/api/pair":
            params.only("person", "other")
            return json_reply(explorer.pair(params.text("person"), params.text("other")))
        if head == "/api/query" and name:
            return json_reply(explorer.query(name, params.values))
        if head == "/api/graph" and name:
            return json_reply(explorer.graph(name, params.values))
        if path in ("/export/view.html", "/export/view.graphml"):
            params.only("ids", "focus", "title")
            ids, focus = params.ids("ids"), params.ids("focus")
            if path.endswith(".graphml"):
                text, kind = explorer.graphml(ids, focus), "application/graphml+xml"
            else:
                title = params.values.get("title") or "scholargraph view"
                text, kind = explorer.page(ids, focus, title), "text/html"
            return Reply(HTTPStatus.OK, text.encode("utf-8"), kind, Path(path).name)
        raise NotFound(f"nothing at {path[:MAX_TEXT]!r}", hint="see /api/openapi.json")


class NotFound(QueryError):
    """A path the app does not have (a 404)."""


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD; any other method is a 405 (the app writes nothing)."""

    server: Server
    server_version = "scholargraph"
    sys_version = ""

    def do_GET(self) -> None:
        self._send(self.server.app.get(self.path))

    def do_HEAD(self) -> None:
        self._send(self.server.app.get(self.path), body=False)

    def _refuse(self) -> None:
        reply = json_reply({"error": "read-only: GET only"}, HTTPStatus.METHOD_NOT_ALLOWED)
        self._send(reply, allow="GET, HEAD")

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse

    def _send(self, reply: Reply, *, body: bool = True, allow: str | None = None) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", f"{reply.content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in SECURITY_HEADERS.items():
            self.send_header(key, value)
        if allow:
            self.send_header("Allow", allow)
        if reply.filename:
            self.send_header("Content-Disposition", f'attachment; filename="{reply.filename}"')
        self.end_headers()
        if body:
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


class Server(ThreadingHTTPServer):
    """The app on ``host``:``port`` (0: any free port), one thread per request."""

    daemon_threads = True

    def __init__(self, store: Store, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
        self.app = App(Explorer(store))
        if ":" in host:
            self.address_family = socket.AF_INET6
        try:
            super().__init__((host, port), Handler)
        except OSError as exc:
            raise ScholargraphError(
                f"cannot serve on {host}:{port}: {exc.strerror}",
                hint="choose another --port, or stop what listens there",
            ) from exc

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), self.server_port
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(
    store: Store,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    on_start: Callable[[Server], None] | None = None,
) -> None:
    """Serve the explorer until interrupted (Ctrl-C); ``on_start`` is told once it
    listens."""
    with Server(store, host, port) as server:
        if on_start:
            on_start(server)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
