"""`enrich` against a misbehaving server: each of issue 22's server behaviours, played
on 127.0.0.1 against a whole enrichment run of a stored profile (search, author
works, documents, ingest), ends in time with at most one line naming the API and
the URL, the store as it was, no key or contact address in any file, and nothing
cached that the next run, against a healthy server, would trip on."""

from __future__ import annotations

import gzip
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import RECORDED
from replay import Answer, Replay
from test_enrich import PROFILE, serve_openalex

from scholargraph.bench import local_server
from scholargraph.config import ApiSettings, Settings
from scholargraph.enrich import EnrichReport
from scholargraph.pipeline import enrich_into, ingest_into
from scholargraph.store.export import to_networkx
from scholargraph.store.ladybug_store import LadybugStore

SEARCH = "/api.openalex.org/authors"  # the first request of the run: a name search
WORKS = "/api.openalex.org/works"  # the author's works, by cursor
SECRETS = (b"SECRET-KEY", b"tests@example.org")
TRIES = 3  # retries=2 below
JSON = {"Content-Type": "application/json"}


# Plays a fault: given the replay, the run's settings and a stack for servers it
# starts (closed after the faulty run), returns the settings to run with.
Serve = Callable[[Replay, ApiSettings, ExitStack], ApiSettings]


@dataclass
class Fault:
    """What the server does (``serve``) and what the run must say: ``line`` in its
    one error line, or no error at all when None (the fault is survived)."""

    serve: Serve
    line: str | None
    seen: list[dict[str, str]] = field(default_factory=list)  # another origin's requests


def scripted(path: str, *answers: Answer) -> Serve:
    def serve(replay: Replay, settings: ApiSettings, servers: ExitStack) -> ApiSettings:
        replay.script(path, *answers)
        return settings

    return serve


def elsewhere(seen: list[dict[str, str]]) -> Serve:
    """The search redirected to another origin (which answers as OpenAlex would),
    the URL it is sent to carrying a key and a contact to be dropped; ``seen``
    collects the headers that origin is sent."""

    def serve(replay: Replay, settings: ApiSettings, servers: ExitStack) -> ApiSettings:
        def answer(method: str, target: str, body: bytes) -> Answer:
            return replay.answer(method, "/api.openalex.org" + target, body)

        other = servers.enter_context(local_server.serving(answer, seen=seen))
        leaky = f"{other}/authors?search=Jason+Priem&api_key=SECRET-KEY&mailto=tests@example.org"
        replay.script(SEARCH, Answer(302, headers={"Location": leaky}))
        return settings

    return serve


@contextmanager
def dripping_headers() -> Iterator[str]:
    """A server sending its status line and headers a byte every 50 ms, for ever
    (until the client hangs up)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            try:
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def pointed_at(make: Callable[[], AbstractContextManager[str]]) -> Serve:
    """OpenAlex's base URL on a server ``make`` starts (a context manager yielding
    its URL); the run after it goes back to the replay."""

    def serve(replay: Replay, settings: ApiSettings, servers: ExitStack) -> ApiSettings:
        url = servers.enter_context(make())
        return replace(settings, base_urls={**settings.base_urls, "openalex": url})

    return serve


@contextmanager
def refusing() -> Iterator[str]:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{s.getsockname()[1]}"


def same_cursor_pages() -> list[Answer]:
    work = json.loads((RECORDED / "openalex" / "work_W2741809807.json").read_text())
    page = json.dumps({"meta": {"next_cursor": "SAME"}, "results": [work]}).encode()
    return [Answer(200, page, JSON)] * 2


def bomb() -> bytes:
    return gzip.compress(b"\0" * (64 << 20), compresslevel=1)


def out_of_time(replay: Replay, settings: ApiSettings, servers: ExitStack) -> ApiSettings:
    return replace(settings, run_deadline=1e-6)


OTHER_ORIGIN: list[dict[str, str]] = []

FAULTS: dict[str, Fault] = {
    "429 with Retry-After": Fault(
        scripted(SEARCH, Answer(429, b"slow down", {"Retry-After": "1"})), None
    ),
    "5xx for good": Fault(scripted(SEARCH, *[Answer(503)] * TRIES), "HTTP 503 after 3 tries"),
    "stalled answer": Fault(
        scripted(SEARCH, *[Answer(200, b"{}", delay=0.6)] * TRIES), "ReadTimeout after 3 tries"
    ),
    "cut-off body": Fault(
        scripted(SEARCH, *[Answer(200, b'{"results": [', cut=True)] * TRIES),
        "ChunkedEncodingError after 3 tries",
    ),
    "malformed JSON": Fault(
        scripted(SEARCH, *[Answer(200, b'{"results": [', JSON)] * TRIES),
        "unreadable body (JSONDecodeError) after 3 tries",
    ),
    "403 refusal": Fault(scripted(SEARCH, Answer(403, b"no")), "HTTP 403"),
    "connection refused": Fault(pointed_at(refusing), "cannot connect to 127.0.0.1:"),
    "redirect loop": Fault(
        scripted(SEARCH, *[Answer(301, headers={"Location": SEARCH + "?search=x"})] * 6),
        "more than 5 redirects",
    ),
    "redirect to another origin": Fault(elsewhere(OTHER_ORIGIN), None, OTHER_ORIGIN),
    "wrong-shaped 200": Fault(
        scripted(SEARCH, Answer(200, b'{"results": 7}', JSON)), "unexpected answer"
    ),
    "cursor that never moves": Fault(
        scripted(WORKS, *same_cursor_pages()), "the same next_cursor came back"
    ),
    "body dripping a byte at a time": Fault(
        scripted(SEARCH, *[Answer(200, b'{"results": []}' * 20, drip=0.05)] * TRIES),
        "no whole answer within 0.5 s after 3 tries",
    ),
    "headers dripping a byte at a time": Fault(
        pointed_at(dripping_headers), "no whole answer within 0.5 s after 3 tries"
    ),
    "gzip bomb": Fault(
        scripted(SEARCH, Answer(200, bomb(), {**JSON, "Content-Encoding": "gzip"})),
        "larger than 1000000 bytes, refused",
    ),
    "huge body without a length": Fault(
        scripted(SEARCH, Answer(200, b" " * 3_000_000, length=False)),
        "larger than 1000000 bytes, refused",
    ),
    "run deadline": Fault(out_of_time, "its limit (hint: run again to continue"),
}


def files_holding_secrets(folder: Path) -> list[str]:
    return [
        f"{p.name}: {s.decode()}"
        for p in folder.rglob("*")
        if p.is_file()
        for s in SECRETS
        if s in p.read_bytes()
    ]


def run(store: LadybugStore, settings: Settings, folder: Path) -> EnrichReport:
    return enrich_into(store, settings, apis=["openalex"], folder=folder, sleep=lambda _: None)


def graph_of(store: LadybugStore) -> tuple[list[Any], list[Any]]:
    g = to_networkx(store)
    return sorted(g.nodes(data=True), key=str), sorted(g.edges(data=True), key=str)


@pytest.mark.parametrize("name", list(FAULTS))
def test_a_misbehaving_server_ends_in_one_line_leaving_the_store_and_disk_clean(
    name: str, replay: Replay, api_settings: ApiSettings, tmp_path: Path
) -> None:
    fault = FAULTS[name]
    serve_openalex(replay)
    (tmp_path / "priem.yaml").write_text(PROFILE, encoding="utf-8")
    healthy = replace(api_settings, timeout=0.3, deadline=0.5, max_bytes=1_000_000)
    settings = Settings(store=str(tmp_path / "graph.lbug"), apis=healthy)
    folder = tmp_path / "enriched"
    store = LadybugStore(settings.store)
    try:
        ingest_into(store, [tmp_path / "priem.yaml"])
        before = graph_of(store)
        started = time.monotonic()
        with ExitStack() as servers:
            faulty = replace(settings, apis=fault.serve(replay, healthy, servers))
            report = run(store, faulty, folder)
        took = time.monotonic() - started
        if fault.line is None:  # survived: the run did what a healthy one does
            assert report.errors == [] and len(report.matched) == 1
        else:
            (line,) = report.errors
            assert fault.line in line and re.match(r"(Jason Priem: )?openalex: ", line), line
            assert "127.0.0.1:" in line  # the URL (the host where none was reached)
            assert not any(s.decode() in line for s in SECRETS)
            assert report.documents == [] and graph_of(store) == before
        assert took < 15, f"{name} held the run {took:.1f} s"
        for headers in fault.seen:  # what another origin was sent
            assert not {k.lower() for k in headers} & {"x-api-key", "authorization"}
            assert not any(s.decode() in str(headers) for s in SECRETS), headers
        again = run(store, settings, folder)  # the server heals: nothing bad was kept
        assert again.errors == [] and len(report.matched) + len(again.matched) == 1
        assert graph_of(store)[0] != before[0]  # what OpenAlex said is in the graph
    finally:
        store.close()
    assert files_holding_secrets(tmp_path) == []
