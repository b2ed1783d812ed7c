"""``scholargraph enrich``: fill the graph's gaps from public bibliographic APIs.

For each person (by default, everyone a profile document is about) and each API:

1. papers the graph knows by DOI or arXiv id are looked up in batches (OpenAlex
   50 to a request, Semantic Scholar 500, Crossref 50, arXiv 100), for all the
   people at once;
2. on OpenAlex, Semantic Scholar and DBLP the person's author record is found:
   by the id the graph already has, by ``--accept API:ID``, or by a name search
   whose first few candidates are judged on name, papers, co-authors and
   organizations (``enrich.matching``). A match below ``ACCEPT`` is reported for
   review, not used;
3. what was found is written as one document per person and API
   (``enrich.documents``) into the enrichment folder. The stage stops there: the
   pipeline (``pipeline.enrich_into``) ingests the folder with the graph's own
   sources, so API facts are resolved like any input and only fill what the
   user's documents leave open.

Each person and API is recorded as done in ``progress.json`` in the folder when
its document is written, so an interrupted run continues where it stopped (and
the HTTP cache makes repeated requests free); ``refresh`` starts over.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from scholargraph import config, ids
from scholargraph.config import Settings
from scholargraph.enrich.apis import Arxiv, Crossref, Dblp, OpenAlex, SemanticScholar
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork
from scholargraph.enrich.documents import ID_FIELDS, document
from scholargraph.enrich.matching import Known, Match, Paper, best_match, judge, name_agreement
from scholargraph.errors import ApiError, ScholargraphError
from scholargraph.parse.profile import ENRICHMENT
from scholargraph.queries import resolve_person
from scholargraph.store.export import profile_owners, to_networkx
from scholargraph.store.store import Store

APIS = tuple(config.APIS)  # openalex, s2, dblp, crossref, arxiv
AUTHOR_APIS = ("openalex", "s2", "dblp")  # the ones with author records
CANDIDATES = 3  # name-search hits judged per person (each costs a works request)
DEFAULT_FOLDER = config.DEFAULT_ENRICHED
REVIEW_MARK = "review: "  # a progress entry for a candidate left to the user
Client = OpenAlex | SemanticScholar | Dblp | Crossref | Arxiv
CLIENTS: dict[str, type[Client]] = {
    "openalex": OpenAlex,
    "s2": SemanticScholar,
    "dblp": Dblp,
    "crossref": Crossref,
    "arxiv": Arxiv,
}


@dataclass
class EnrichReport:
    """What a run asked, found and wrote."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)  # api -> requests, cache_hits…
    matched: list[Match] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)  # "person: api:id score: why", to judge
    documents: list[Path] = field(default_factory=list)
    already_done: int = 0  # person-API pairs an earlier run finished
    papers_found: int = 0  # of the people's papers, found by an API
    errors: list[str] = field(default_factory=list)
    to_ingest: list[Path] = field(default_factory=list)  # every enrichment document in the folder
    ingested: str = ""  # the summary of their ingest (see ``pipeline.enrich_into``)
    facts: int = 0  # nodes and relationships in the graph that an API stated
    conflicts: int = 0

    def summary(self) -> str:
        """What the run did (its errors are in ``errors``, for stderr)."""
        sent = sum(c["requests"] for c in self.counts.values())
        hits = sum(c["cache_hits"] for c in self.counts.values())
        lines = [
            f"enrich: {sent} requests, {hits} answered from the cache; "
            f"{len(self.matched)} authors matched, {self.papers_found} papers found, "
            f"{len(self.documents)} documents written, {self.already_done} already done; "
            f"{self.facts} facts in the graph from the APIs, "
            f"{self.conflicts} conflicts (see `scholargraph query conflicts`)"
        ]
        for api, c in sorted(self.counts.items()):
            sent, cached, retried = c["requests"], c["cache_hits"], c["retries"]
            lines.append(f"  {api}: {sent} requests, {cached} cached, {retried} retries")
        lines += [f"  review: {c}" for c in self.candidates]
        if self.candidates:
            lines.append("  (accept one with --person NAME --accept API:ID)")
        if self.ingested:
            lines.append(self.ingested)
        return "\n".join(lines)


def known_people(g: nx.MultiDiGraph, people: Iterable[str]) -> list[Known]:
    """What the graph says of each person: the evidence for matching."""
    out = []
    for pid in people:
        data = g.nodes[pid]
        papers, coauthors, orgs = [], set(), set()
        for _, target, rel in g.out_edges(pid, data=True):
            node = g.nodes[target]
            if rel["type"] == "AFFILIATED_WITH":
                orgs.add(str(node["name"]))
            elif rel["type"] == "AUTHORED":
                papers.append(
                    Paper(
                        id=target,
                        title=str(node["title"]),
                        year=node.get("year"),
                        doi=node.get("doi"),
                        arxiv=node.get("arxiv"),
                    )
                )
                coauthors |= {
                    str(g.nodes[a]["name"])
                    for a, _, r in g.in_edges(target, data=True)
                    if r["type"] == "AUTHORED" and a != pid
                }
        out.append(
            Known(
                id=pid,
                name=str(data["name"]),
                native_name=data.get("native_name"),
                aliases=list(data.get("aliases") or []),
                external={api: data[f] for api, f in ID_FIELDS.items() if data.get(f)},
                organizations=sorted(orgs),
                coauthors=sorted(coauthors),
                papers=sorted(papers, key=lambda p: p.id),
            )
        )
    return out


def works_by_id(client: Client, papers: Iterable[Paper]) -> dict[str, ApiWork]:
    """Paper id -> the API's work, for papers with a DOI or arXiv id, in batches."""
    papers = [p for p in papers if p.doi or p.arxiv]
    if isinstance(client, SemanticScholar):
        keys = [f"DOI:{p.doi}" if p.doi else f"ARXIV:{p.arxiv}" for p in papers]
        return {p.id: w for p, w in zip(papers, client.papers(keys), strict=True) if w}
    found: list[ApiWork]
    if isinstance(client, OpenAlex | Crossref):
        found = list(client.works(sorted({p.doi for p in papers if p.doi})))
    elif isinstance(client, Arxiv):
        found = client.papers(sorted({p.arxiv for p in papers if p.arxiv}))
    else:
        return {}
    by_doi = {w.doi: w for w in found if w.doi}
    by_arxiv = {w.arxiv: w for w in found if w.arxiv}
    return {
        p.id: w
        for p in papers
        if (w := (by_doi.get(p.doi) if p.doi else None) or by_arxiv.get(p.arxiv or ""))
    }


def author_works(client: Client, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
    """An author record and their works (a merged OpenAlex id comes back as its new id)."""
    if isinstance(client, OpenAlex):
        author = client.author(author_id)
        return author, list(client.works_of(author.id)) if author else []
    if isinstance(client, SemanticScholar):
        author = client.author(author_id)
        return author, list(client.author_papers(author_id)) if author else []
    if isinstance(client, Dblp):
        found = client.person(author_id)
        return found if found else (None, [])
    raise ScholargraphError(f"{type(client).__name__} has no author records")


def find_author(client: Client, known: Known, accepted: str | None = None) -> Match | None:
    """The person's author record on ``client``'s API: the id given or already in
    the graph (taken as is), else the best of the first name-search hits (None
    when no hit reaches ``matching.REVIEW``)."""
    pinned = accepted or known.external.get(client.api)
    if pinned:
        author, works = author_works(client, pinned)
        if author is None:
            return None
        verdict = judge(known, author, works)
        why = "accepted by the user" if accepted else "id from the graph"
        return Match(known.id, author, 1.0, [why, *verdict.evidence], verdict.works)
    if not isinstance(client, OpenAlex | SemanticScholar | Dblp):
        return None
    hits = [a for a in client.search_authors(known.name) if name_agreement(known, a.name)]
    judged = []
    for hit in hits[:CANDIDATES]:
        author, works = author_works(client, hit.id)
        judged.append(judge(known, author or hit, works))
    return best_match(known, judged)


def _load_progress(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "progress.json"
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except ValueError as exc:
        raise ScholargraphError(
            f"{path}: not JSON ({exc})", hint="delete it, or rerun with --refresh"
        ) from exc
    return data if isinstance(data, dict) else {}


def pending_reviews(folder: str | Path = DEFAULT_FOLDER) -> list[tuple[str, str]]:
    """(person id, "api:id score: evidence") of every author record an enrichment
    left for the user to judge (none when the folder has no progress)."""
    progress = _load_progress(Path(folder))
    return [
        (person, outcome[len(REVIEW_MARK) :])
        for done in progress.values()
        for person, outcome in sorted(done.items())
        if outcome.startswith(REVIEW_MARK)
    ]


def _save_progress(folder: Path, progress: dict[str, dict[str, str]]) -> None:
    tmp = folder / "progress.json.tmp"
    tmp.write_text(json.dumps(progress, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(folder / "progress.json")  # never half-written


def _file_name(api: str, person: str) -> str:
    return f"{api}-{ids.slug(person.split(':', 1)[-1])}.yaml"


def enrich(
    store: Store,
    settings: Settings | None = None,
    *,
    people: Iterable[str] = (),
    apis: Iterable[str] = APIS,
    accept: Iterable[str] = (),
    folder: str | Path = DEFAULT_FOLDER,
    refresh: bool = False,
    on_person: Callable[[str, str], None] | None = None,
    **http_options: Any,
) -> EnrichReport:
    """Enrich ``people`` (names or ids; everyone a profile is about when empty)
    from ``apis``; ``accept`` pins author records (``openalex:A123``) for them.
    ``on_person(api, person id)`` is called as each is done (a progress bar)."""
    settings = settings or Settings.from_env()
    unknown = [a for a in apis if a not in CLIENTS]
    if unknown:
        raise ScholargraphError(
            f"unknown API {unknown[0]!r}", hint=f"choose from {', '.join(APIS)}"
        )
    pinned = dict(_pin(a) for a in accept)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    g = to_networkx(store)
    targets = [resolve_person(store, p) for p in people] or [p for p, _ in profile_owners(g)]
    if pinned and len(targets) != 1:
        raise ScholargraphError("--accept needs exactly one --person", hint="name the person")
    known = known_people(g, targets)
    progress = {} if refresh else _load_progress(out)
    today = datetime.now(UTC).date().isoformat()
    report = EnrichReport()
    for api in apis:
        done = progress.setdefault(api, {})
        if api in pinned:
            done.pop(targets[0], None)  # the user decided: judge this person again
        todo = [k for k in known if k.id not in done]
        report.already_done += len(known) - len(todo)
        report.candidates += [
            f"{k.name}: {done[k.id][len(REVIEW_MARK) :]}"
            for k in known
            if done.get(k.id, "").startswith(REVIEW_MARK)
        ]
        client = CLIENTS[api].from_settings(settings.apis, **http_options)
        try:
            _enrich_api(client, todo, pinned.get(api), today, out, done, report, on_person)
        finally:
            _save_progress(out, progress)
            report.counts[api] = client.http.counts
            client.http.close()
    report.to_ingest = sorted(out.glob("*.yaml"))
    return report


def tally(report: EnrichReport, store: Store) -> None:
    """Count, once the documents are ingested, the graph's facts an API stated and
    its conflicts between a profile and an API."""
    g = to_networkx(store)
    report.conflicts = sum(len(d.get("conflicts") or []) for _, d in g.nodes(data=True))
    api_sources = {n for n, d in g.nodes(data=True) if d.get("kind") == ENRICHMENT}
    report.facts = sum(
        1
        for d in [*(d for _, d in g.nodes(data=True)), *(d for *_, d in g.edges(data=True))]
        if api_sources & set(d.get("sources") or [])
    )


def _with_ids(paper: Paper, work: ApiWork | None) -> Paper:
    """``paper`` with the DOI and arXiv id an API found for it, where it had none."""
    if work is None:
        return paper
    return replace(paper, doi=paper.doi or work.doi, arxiv=paper.arxiv or work.arxiv)


def _pin(text: str) -> tuple[str, str]:
    api, _, author = text.partition(":")
    if api not in AUTHOR_APIS or not author:
        raise ScholargraphError(
            f"--accept {text!r} is not API:ID",
            hint=f"e.g. openalex:A5023888391; APIs {AUTHOR_APIS}",
        )
    return api, author


def _enrich_api(
    client: Client,
    todo: list[Known],
    accepted: str | None,
    today: str,
    out: Path,
    done: dict[str, str],
    report: EnrichReport,
    on_person: Callable[[str, str], None] | None,
) -> None:
    try:
        by_id = works_by_id(client, [p for k in todo for p in k.papers])
    except ApiError as exc:
        report.errors.append(exc.one_line())
        by_id = {}
    for k in todo:
        try:
            match = find_author(client, k, accepted) if client.api in AUTHOR_APIS else None
        except ApiError as exc:  # not marked done: the next run tries again
            report.errors.append(f"{k.name}: {exc.one_line()}")
            continue
        found = {p.id: w for p in k.papers if (w := by_id.get(p.id))}
        author, outcome = None, "nothing found"
        if match and match.accepted:
            report.matched.append(match)
            author = match.author
            found.update((p.id, w) for p, w in match.works)
        elif match:  # left to the user; the progress entry keeps it for the next summary
            outcome = REVIEW_MARK + match.describe()
            report.candidates.append(f"{k.name}: {match.describe()}")
        report.papers_found += len(found)
        k.papers = [_with_ids(p, found.get(p.id)) for p in k.papers]  # for the next APIs
        if found or author:
            works = sorted({w.id: w for w in found.values()}.values(), key=lambda w: w.id)
            path = out / _file_name(client.api, k.id)
            tmp = path.with_suffix(".yaml.tmp")
            tmp.write_text(
                document(k, client.api, today, works=works, author=author, match=match),
                encoding="utf-8",
            )
            tmp.replace(path)  # a document is whole or absent
            report.documents.append(path)
            outcome = outcome if outcome.startswith(REVIEW_MARK) else path.name
        done[k.id] = outcome
        if on_person:
            on_person(client.api, k.id)
