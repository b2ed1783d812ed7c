"""``bench --only enrich``: requests per enriched publication, batched and cached,
against a naive client that asks each API once per work, in the same run.

A local server on 127.0.0.1 answers as OpenAlex, Semantic Scholar, Crossref and
arXiv do (their field names and list shapes) for a synthetic workload: ``works``
papers with DOIs, a third of them on arXiv too. Our clients look them up through
``enrich.works_by_id`` exactly as ``scholargraph enrich`` does; the naive client
sends one request per work per API. A second run of ours shows what the cache
saves.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

import requests

from scholargraph.bench.local_server import Reply, serving
from scholargraph.config import ApiSettings
from scholargraph.enrich import CLIENTS, works_by_id
from scholargraph.enrich.matching import Paper

ENRICH_GOAL = 1.2  # requests per enriched publication, at most
APIS = ("openalex", "s2", "crossref", "arxiv")


def workload(works: int) -> list[Paper]:
    """``works`` papers with DOIs; every third also has an arXiv id."""
    return [
        Paper(
            id=f"w{i}",
            title=f"Synthetic paper {i}",
            year=2000 + i % 25,
            doi=f"10.5555/bench.{i}",
            arxiv=f"2401.{i:05d}" if i % 3 == 0 else None,
        )
        for i in range(works)
    ]


def _number(key: str) -> int | None:
    tail = key.rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _openalex(n: int) -> dict[str, Any]:
    return {
        "id": f"https://openalex.org/W{n}",
        "doi": f"https://doi.org/10.5555/bench.{n}",
        "title": f"Synthetic paper {n}",
        "publication_year": 2000 + n % 25,
        "authorships": [
            {
                "author_position": "first",
                "author": {"id": "https://openalex.org/A1", "display_name": "Ann Lee"},
            }
        ],
    }


def _s2(n: int) -> dict[str, Any]:
    return {
        "paperId": f"s2-{n}",
        "title": f"Synthetic paper {n}",
        "year": 2000 + n % 25,
        "externalIds": {"DOI": f"10.5555/bench.{n}"},
        "authors": [{"authorId": "1", "name": "Ann Lee"}],
    }


def _crossref(n: int) -> dict[str, Any]:
    return {
        "DOI": f"10.5555/bench.{n}",
        "title": [f"Synthetic paper {n}"],
        "issued": {"date-parts": [[2000 + n % 25]]},
        "author": [{"given": "Ann", "family": "Lee", "sequence": "first"}],
    }


def _atom(numbers: list[int]) -> str:
    entries = "".join(
        f"<entry><id>http://arxiv.org/abs/2401.{n:05d}v1</id>"
        f"<title>{escape(f'Synthetic paper {n}')}</title>"
        f"<published>{2000 + n % 25}-01-01T00:00:00Z</published>"
        "<author><name>Ann Lee</name></author></entry>"
        for n in numbers
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'


def answer(method: str, target: str, body: bytes) -> Reply:
    """What the played APIs say to one request."""
    status, text = _answer(method, target, body)
    kind = "application/atom+xml" if text.startswith("<") else "application/json"
    return Reply(status, text.encode("utf-8"), {"Content-Type": kind})


def _answer(method: str, target: str, body: bytes) -> tuple[int, str]:
    parts = urlsplit(target)
    path, query = unquote(parts.path), parse_qs(parts.query)
    api, _, rest = path.lstrip("/").partition("/")
    if api == "openalex" and rest == "works":
        keys = query["filter"][0].split(":", 1)[1].split("|")
        found = [_openalex(n) for k in keys if (n := _number(k)) is not None]
        return 200, json.dumps({"meta": {"next_cursor": None}, "results": found})
    if api == "openalex" and rest.startswith("works/"):
        n = _number(rest)
        return (200, json.dumps(_openalex(n))) if n is not None else (404, "{}")
    if api == "s2" and rest == "paper/batch" and method == "POST":
        ids = json.loads(body)["ids"]
        return 200, json.dumps([_s2(n) if (n := _number(k)) is not None else None for k in ids])
    if api == "s2" and rest.startswith("paper/"):
        n = _number(rest)
        return (200, json.dumps(_s2(n))) if n is not None else (404, "{}")
    if api == "crossref" and rest == "works":
        keys = [f.split(":", 1)[1] for f in query["filter"][0].split(",")]
        items = [_crossref(n) for k in keys if (n := _number(k)) is not None]
        return 200, json.dumps({"message": {"items": items}})
    if api == "crossref" and rest.startswith("works/"):
        n = _number(rest)
        return (200, json.dumps({"message": _crossref(n)})) if n is not None else (404, "{}")
    if api == "arxiv":
        ids = [i for i in query.get("id_list", [""])[0].split(",") if i]
        return 200, _atom([n for i in ids if (n := _number(i)) is not None])
    return 404, "{}"


def naive_requests(url: str, papers: list[Paper]) -> int:
    """One request per work per API, no batching and no cache (the baseline)."""
    sent = 0
    with requests.Session() as session:
        for p in papers:
            for target in (
                f"{url}/openalex/works/doi:{p.doi}",
                f"{url}/s2/paper/DOI:{p.doi}",
                f"{url}/crossref/works/{p.doi}",
                *([f"{url}/arxiv/query?id_list={p.arxiv}"] if p.arxiv else []),
            ):
                session.get(target, timeout=30).raise_for_status()
                sent += 1
    return sent


@dataclass
class EnrichBenchReport:
    works: int
    enriched: int  # publications at least one API found
    ours_requests: int
    rerun_requests: int  # the same run again, answered from the cache
    naive_requests: int
    ours_s: float
    naive_s: float

    @property
    def per_work(self) -> float:
        return self.ours_requests / max(self.enriched, 1)

    @property
    def naive_per_work(self) -> float:
        return self.naive_requests / max(self.enriched, 1)

    def missed(self) -> list[str]:
        return ["enrich"] if self.per_work > ENRICH_GOAL or self.enriched < self.works else []

    def lines(self) -> list[str]:
        ratio = self.naive_requests / max(self.ours_requests, 1)
        return [
            f"enrich: {self.works} works looked up on {', '.join(APIS)} (played on 127.0.0.1)",
            f"  batched + cached: {self.ours_requests:6d} requests = {self.per_work:.3f} a "
            f"publication ({self.ours_s:.2f} s); again from the cache: {self.rerun_requests}",
            f"  one per work:     {self.naive_requests:6d} requests = {self.naive_per_work:.3f} a "
            f"publication ({self.naive_s:.2f} s)",
            f"  {ratio:.0f}x fewer requests (goal: at most {ENRICH_GOAL} a publication)",
        ]


def enrich_benchmark(works: int = 600) -> EnrichBenchReport:
    """Look up ``works`` synthetic papers both ways against the played APIs."""
    papers = workload(works)
    with serving(answer) as url, tempfile.TemporaryDirectory() as cache:
        settings = ApiSettings(
            base_urls={api: f"{url}/{api}" for api in (*APIS, "dblp")},
            rates={api: 1e6 for api in (*APIS, "dblp")},
            cache_dir=cache,
        )
        start = time.perf_counter()
        ours, found = _ours(settings, papers)
        ours_s = time.perf_counter() - start
        rerun, _ = _ours(settings, papers)
        start = time.perf_counter()
        naive = naive_requests(url, papers)
        naive_s = time.perf_counter() - start
    return EnrichBenchReport(works, len(found), ours, rerun, naive, ours_s, naive_s)


def _ours(settings: ApiSettings, papers: list[Paper]) -> tuple[int, set[str]]:
    sent, found = 0, set()
    for api in APIS:
        client = CLIENTS[api].from_settings(settings)
        try:
            found |= set(works_by_id(client, papers))
            sent += client.http.counts["requests"]
        finally:
            client.http.close()
    return sent, found
