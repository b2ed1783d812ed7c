"""A replay server: recorded API responses served on 127.0.0.1.

Clients are pointed at it through their configurable base URLs
(``http://127.0.0.1:PORT/<api host>``), so the tests exercise the same code
that talks to the real APIs, with no network. A request is matched to a
recording by method, path, query (less the parameters that only trim or page
size a payload) and JSON body; anything unmatched gets a 404 and is listed in
``misses``. ``script(path, ...)`` queues faults served before the recording.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml

from scholargraph.bench import local_server
from scholargraph.bench.local_server import Reply

Answer = Reply  # what a test scripts: status, body, headers, delay, cut

LOOSE = {"fields", "select", "api_key", "mailto", "per_page", "limit", "max_results", "rows"}


@dataclass
class Recording:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    answer: Reply


def _query(text: str) -> dict[str, str]:
    return {k: v for k, v in parse_qsl(text, keep_blank_values=True) if k not in LOOSE}


def _json_or_none(raw: bytes | str | None) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


class Replay:
    def __init__(self) -> None:
        self.recordings: list[Recording] = []
        self.scripts: dict[str, list[Reply]] = {}
        self.seen: list[str] = []
        self.headers: list[dict[str, str]] = []  # of each request, in turn
        self.misses: list[str] = []
        self.url = ""

    def add(
        self,
        method: str,
        url: str,
        body: bytes | str,
        *,
        status: int = 200,
        request_body: Any = None,
    ) -> None:
        """Answer ``method url`` (a full URL: its host becomes the first path part)."""
        parts = urlsplit(url)
        raw = body.encode("utf-8") if isinstance(body, str) else body
        self.recordings.append(
            Recording(
                method,
                f"/{parts.netloc}{parts.path}",
                _query(parts.query),
                _json_or_none(request_body),
                Reply(status, raw, {"Content-Type": _content_type(raw)}),
            )
        )

    def add_file(self, url: str, path: Path) -> None:
        self.add("GET", url, path.read_bytes())

    def add_cassette(self, path: Path) -> None:
        """Every interaction of a vcrpy cassette (gzip bodies unpacked)."""
        for item in yaml.safe_load(path.read_text("utf-8"))["interactions"]:
            request, response = item["request"], item["response"]
            if "content" in response:  # recorded through httpx
                body, status = response["content"], response["status_code"]
            else:  # through requests
                body, status = response["body"].get("string") or b"", response["status"]["code"]
            headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
            if "gzip" in str(headers.get("content-encoding")) and isinstance(body, bytes):
                body = gzip.decompress(body)
            self.add(
                request["method"],
                request["uri"],
                body,
                status=status,
                request_body=request.get("body"),
            )

    def add_recorded_json(self, path: Path) -> None:
        """A ``{url, status_code, body}`` recording (arxiv.py's format)."""
        data = json.loads(path.read_text("utf-8"))
        self.add("GET", data["url"], data["body"], status=data["status_code"])

    def script(self, path: str, *answers: Reply) -> None:
        """Serve ``answers`` in turn to requests for ``path`` before any recording."""
        self.scripts.setdefault(path, []).extend(answers)

    def base(self, host: str) -> str:
        """The base URL standing in for ``https://host``."""
        return f"{self.url}/{host}"

    def answer(self, method: str, target: str, body: bytes) -> Reply:
        parts = urlsplit(target)
        self.seen.append(f"{method} {target}")
        queued = self.scripts.get(parts.path)
        if queued:
            return queued.pop(0)
        query, sent = _query(parts.query), _json_or_none(body)
        for r in self.recordings:
            if (r.method, r.path, r.query) == (method, parts.path, query) and (
                r.body is None or r.body == sent
            ):
                return r.answer
        self.misses.append(f"{method} {target}")
        return Reply(404, b'{"error": "not recorded"}', {"Content-Type": "application/json"})


def _content_type(body: bytes) -> str:
    head = body.lstrip()[:1]
    if head in (b"{", b"["):
        return "application/json"
    return "application/atom+xml" if head == b"<" else "text/plain"


@contextmanager
def serving(replay: Replay) -> Iterator[Replay]:
    """Run ``replay`` on a free port of 127.0.0.1 for the ``with`` block."""
    with local_server.serving(replay.answer, seen=replay.headers) as url:
        replay.url = url
        yield replay
