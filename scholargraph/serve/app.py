"""``scholargraph serve``: the explorer over HTTP, a Starlette app under uvicorn (GET
only: nothing a request sends can change the store).

Routes: ``/`` the app; ``/static/…`` its script, styles and vis-network (from the pyvis
package, so it works offline); ``/api/…`` JSON (``/api/openapi.json`` describes it;
graphs are drawn from outlines, each node's and edge's whole fact at ``/api/facts``);
``/export/view.html`` and ``/export/view.graphml`` a drawn view to keep. Bad parameters
are a 400 and unknown names a 404, each with a JSON message; an error of ours is a
500 that says nothing of the machine. JSON escapes ``<``, ``>`` and ``&`` (no response
holds markup a browser could run), and every page forbids loading anything but from
the server itself (Content-Security-Policy). Endpoints are plain functions, run on
Starlette's thread pool; the explorer answers one at a time (one store connection).
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyvis
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
    "Cache-Control": "no-store",
}
READ_ONLY = ("GET", "HEAD")
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


class JSONReply(Response):
    """``content`` as JSON (UTF-8), ``<``, ``>`` and ``&`` escaped."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return str(script_json(content)).encode("utf-8")


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


class NotFound(QueryError):
    """A path the app does not have (a 404)."""


def application(explorer: Explorer) -> ASGIApp:
    """The routes over ``explorer``, each a function of its request's path and
    parameters, read-only (``ReadOnly``)."""

    def static(request: Request) -> Response:
        if request.url.path not in STATIC:
            raise NotFound(f"nothing at {request.url.path[:MAX_TEXT]!r}")
        where, kind = STATIC[request.url.path]
        return Response(where.read_bytes(), media_type=kind)

    def answer(*names: str, of: Callable[[Params], Any]) -> Callable[[Request], Response]:
        """An endpoint taking the parameters ``names``, answering ``of(params)``."""

        def endpoint(request: Request) -> Response:
            params = Params(request.url.query)
            params.only(*names)
            return JSONReply(of(params))

        return endpoint

    def named(of: Callable[[str, dict[str, str]], Any]) -> Callable[[Request], Response]:
        """An endpoint answering the query its path names, with any parameters."""

        def endpoint(request: Request) -> Response:
            return JSONReply(of(request.path_params["name"], Params(request.url.query).values))

        return endpoint

    def search(params: Params) -> Any:
        limit = whole_number("limit", params.values.get("limit", "10"), 50)
        return explorer.search(params.text("q"), limit)

    def pair(params: Params) -> Any:
        return explorer.pair(params.text("person"), params.text("other"))

    def facts(params: Params) -> Any:
        return explorer.facts(params.text("id"), params.values.get("other"))

    def export(request: Request) -> Response:
        params = Params(request.url.query)
        params.only("ids", "focus", "title")
        ids, focus = params.ids("ids"), params.ids("focus")
        name = Path(request.url.path).name
        if name.endswith(".graphml"):
            text, kind = explorer.graphml(ids, focus), "application/graphml+xml"
        else:
            title = params.values.get("title") or "scholargraph view"
            text, kind = explorer.page(ids, focus, title), "text/html"
        disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(text, media_type=kind, headers=disposition)

    routes = [
        Route("/", static),
        Route("/static/{name}", static),
        Route("/api/openapi.json", answer(of=lambda _: openapi(explorer.queries()))),
        Route("/api/groups", answer(of=lambda _: GROUPS)),
        Route("/api/queries", answer(of=lambda _: explorer.queries())),
        Route("/api/search", answer("q", "limit", of=search)),
        Route("/api/person", answer("person", of=lambda p: explorer.person(p.text("person")))),
        Route("/api/pair", answer("person", "other", of=pair)),
        Route("/api/facts", answer("id", "other", of=facts)),
        Route("/api/query/{name}", named(explorer.query)),
        Route("/api/graph/{name}", named(explorer.graph)),
        Route("/export/view.html", export),
        Route("/export/view.graphml", export),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Response]] = {
        HTTPException: _no_route,
        NotFound: _refused(HTTPStatus.NOT_FOUND),
        UnknownQuery: _refused(HTTPStatus.NOT_FOUND),
        StoreUnavailableError: _refused(HTTPStatus.SERVICE_UNAVAILABLE),
        QueryError: _refused(HTTPStatus.BAD_REQUEST),
        ScholargraphError: _store_failed,
        Exception: _bug,
    }
    return ReadOnly(Starlette(routes=routes, exception_handlers=handlers))


def _refused(status: int) -> Callable[[Request, Exception], Response]:
    """A handler answering our error's one line with ``status``."""

    def handler(request: Request, exc: Exception) -> Response:
        message = exc.one_line() if isinstance(exc, ScholargraphError) else str(exc)
        return JSONReply({"error": message}, status)

    return handler


def _no_route(request: Request, exc: Exception) -> Response:
    path = request.url.path[:MAX_TEXT]
    found = NotFound(f"nothing at {path!r}", hint="see /api/openapi.json")
    return JSONReply({"error": found.one_line()}, HTTPStatus.NOT_FOUND)


def _store_failed(request: Request, exc: Exception) -> Response:
    message = exc.one_line() if isinstance(exc, ScholargraphError) else str(exc)
    log.error("%s: %s", request.url.path, message)
    return JSONReply({"error": "the store could not answer"}, HTTPStatus.BAD_GATEWAY)


def _bug(request: Request, exc: Exception) -> Response:
    """A bug of ours: logged here, nothing of it sent."""
    log.error("%s failed", request.url.path, exc_info=exc)
    return JSONReply({"error": "internal error"}, HTTPStatus.INTERNAL_SERVER_ERROR)


class ReadOnly:
    """Around the app: any method but GET and HEAD is a 405 (the app writes nothing),
    and every response, errors too, carries ``SECURITY_HEADERS``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    *((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
                ]
            await send(message)

        if scope["method"] in READ_ONLY:
            await self.app(scope, receive, headed)
            return
        refused = JSONReply({"error": "read-only: GET only"}, HTTPStatus.METHOD_NOT_ALLOWED)
        refused.headers["Allow"] = ", ".join(READ_ONLY)
        await refused(scope, receive, headed)


class Server:
    """The app on ``host``:``port`` (0: any free port) under uvicorn: ``serve_forever``
    runs it until ``shutdown`` (from another thread) or Ctrl-C."""

    def __init__(self, store: Store, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
        self.socket = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind((host, port))
            self.socket.listen(128)  # callers queue until uvicorn takes them
        except OSError as exc:
            self.socket.close()
            raise ScholargraphError(
                f"cannot serve on {host}:{port}: {exc.strerror}",
                hint="choose another --port, or stop what listens there",
            ) from exc
        config = uvicorn.Config(
            application(Explorer(store)),
            lifespan="off",
            log_config=None,  # the command's logging, not uvicorn's
            server_header=False,
        )
        self.uvicorn = uvicorn.Server(config)
        self._serving, self._stopped = threading.Event(), threading.Event()

    @property
    def url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def serve_forever(self) -> None:
        self._serving.set()
        try:
            self.uvicorn.run(sockets=[self.socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop serving (requests under way are answered first) and wait for it."""
        self.uvicorn.should_exit = True
        if self._serving.is_set():
            self._stopped.wait()

    def server_close(self) -> None:
        self.socket.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.server_close()


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
