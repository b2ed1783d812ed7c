"""``scholargraph enrich``: fill the graph's gaps from public bibliographic APIs.

For each person (by default, everyone a profile document is about) and each API:

1. papers the graph knows by DOI or arXiv id are looked up in batches (OpenAlex
   50 to a request, Semantic Scholar 500, Crossref 50, arXiv 100), for all the
   people at once;
2. on OpenAlex, Semantic Scholar and DBLP the person's author record is found:
   by the id the graph already has, by ``--accept API:ID``, or by a name search
   whose first few candidates are judged on name, papers, co-authors and
   organizations (``enrich.matching``). A match below ``ACCEPT`` is reported for
   review, not used. ORCID is asked by the person's ORCID iD only: the graph's,
   one ``--accept`` gives, or one an author record matched earlier in the run gave
   (taken when the ORCID record's name fits theirs).
   Where an API has no author record for them, their papers with no DOI or arXiv
   id are searched by title (``works_by_title``: same title, the person an author;
   OpenAlex, Semantic Scholar, DBLP and Crossref search titles);
3. what was found is written as one document per person and API
   (``enrich.documents``) into the enrichment folder. The stage stops there: the
   pipeline (``pipeline.enrich_into``) ingests the folder with the graph's own
   sources, so API facts are resolved like any input and only fill what the
   user's documents leave open.

Each person and API is recorded as done in ``progress.json`` in the folder when
its document is written, so an interrupted run continues where it stopped (and
the HTTP cache makes repeated requests free); ``refresh`` starts over. A person
is known there by every key that outlives a renaming (their API ids, and each
name they are written by in each of the user's documents), so a person whom the
APIs gave a full name is still done. The identifiers a batch lookup asked for
are kept too, and how the user's documents named the person when first met: a
later run asks by the same ones, not by those an API taught it, and judges on
what the user's documents say only, so its requests are answered from the cache
and its documents come out the same (and are then not rewritten). An API that
cannot be reached at all is not asked again in the run: one line says so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from scholargraph import config, ids
from scholargraph.config import Settings
from scholargraph.enrich.apis import (
    Arxiv,
    Client,
    Crossref,
    Dblp,
    OpenAlex,
    Orcid,
    SemanticScholar,
    WorkIds,
)
from scholargraph.enrich.apis.client import ApiClient
from scholargraph.enrich.apis.models import ApiWork
from scholargraph.enrich.documents import ID_FIELDS, document
from scholargraph.enrich.matching import (
    Known,
    Match,
    Paper,
    best_match,
    judge,
    name_agreement,
    pair_works,
)
from scholargraph.errors import ApiError, ScholargraphError, UnreachableError
from scholargraph.parse.profile import ENRICHMENT
from scholargraph.queries import resolve_person
from scholargraph.store.export import profile_owners, to_networkx
from scholargraph.store.store import Store
from scholargraph.store.sync import stored_sources

APIS = tuple(config.APIS)  # openalex, s2, dblp, crossref, arxiv, orcid
AUTHOR_APIS = ("openalex", "s2", "dblp", "orcid")  # the ones with author records
CANDIDATES = 3  # name-search hits judged per person (each costs a works request)
DEFAULT_FOLDER = config.DEFAULT_ENRICHED
REVIEW_MARK = "review: "  # a progress entry for a candidate left to the user
CLIENTS: dict[str, type[ApiClient]] = {
    "openalex": OpenAlex,
    "s2": SemanticScholar,
    "dblp": Dblp,
    "crossref": Crossref,
    "arxiv": Arxiv,
    "orcid": Orcid,
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
    """What the user's own documents say of each person (not what an earlier
    enrichment added): the evidence for matching, the same in every run."""
    own = {
        n for n, d in g.nodes(data=True) if d["labels"] == ["Source"] and d["kind"] != ENRICHMENT
    }

    def stated(rel: dict[str, Any]) -> bool:
        return bool(own & set(rel.get("sources") or []))

    out = []
    for pid in people:
        data = g.nodes[pid]
        papers, coauthors, orgs = [], set(), set()
        for _, target, rel in g.out_edges(pid, data=True):
            node = g.nodes[target]
            if not stated(rel):
                continue
            if rel["type"] == "AFFILIATED_WITH":
                orgs.add(str(node["name"]))
            elif rel["type"] == "AUTHORED":
                short = node.get("short_name")  # a system's name: as the documents named it
                papers.append(
                    Paper(
                        id=target,
                        title=str(short or node["title"]),
                        year=node.get("year"),
                        doi=node.get("doi"),
                        arxiv=node.get("arxiv"),
                        position=rel.get("position"),
                        system_name=bool(short or node.get("title_is_system_name")),
                    )
                )
                coauthors |= {
                    str(g.nodes[a]["name"])
                    for a, _, r in g.in_edges(target, data=True)
                    if r["type"] == "AUTHORED" and a != pid and stated(r)
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
                sources=sorted(s for s in data.get("sources") or [] if s in own),
            )
        )
    return out


def lookup_ids(paper: Paper, asked: Set[str], learned: Set[str]) -> WorkIds:
    """The identifiers ``paper`` is looked up by: those asked before and those no
    API taught (an id an enrichment document states is used only once asked by
    it), so a later run sends the requests an earlier one did.

    >>> p = Paper(id="w", title="T", doi="10.1/learned", arxiv="2401.00001")
    >>> lookup_ids(p, asked=set(), learned={"10.1/learned"})
    WorkIds(doi=None, arxiv='2401.00001')
    """
    doi, arxiv = (
        x if x and (x in asked or x not in learned) else None for x in (paper.doi, paper.arxiv)
    )
    return WorkIds(doi=doi, arxiv=arxiv)


def works_by_id(
    client: Client,
    papers: Iterable[Paper],
    asked: set[str] | None = None,
    learned: frozenset[str] = frozenset(),
) -> dict[str, ApiWork]:
    """Paper id -> the API's work, for papers with a DOI or arXiv id, in batches;
    the ids asked are added to ``asked`` (see ``lookup_ids``)."""
    asked = set() if asked is None else asked
    keys = {p.id: k for p in papers if (k := lookup_ids(p, asked, learned)).doi or k.arxiv}
    asked |= {x for k in keys.values() for x in (k.doi, k.arxiv) if x}
    found = client.works_by_ids(
        sorted(set(keys.values()), key=lambda k: (k.doi or "", k.arxiv or ""))
    )
    return {pid: w for pid, k in keys.items() if (w := found.get(k))}


def works_by_title(client: Client, known: Known, papers: Iterable[Paper]) -> dict[str, ApiWork]:
    """Paper id -> the work a title search on ``client`` finds for it: a hit of the
    same normalized title (years at most two apart) with the person among its
    authors (a name that fits theirs), the first such of the hits."""
    found = {}
    for paper in papers:
        hits = [
            w
            for w in client.search_works(paper.title)
            if any(name_agreement(known, a.name) for a in w.authors)
        ]
        for _, work in pair_works([paper], hits)[:1]:
            found[paper.id] = work
    return found


def find_author(
    client: Client, known: Known, accepted: str | None = None, learned: str | None = None
) -> Match | None:
    """The person's author record on ``client``'s API: the id given or already in
    the graph (taken as is), else one a matched author record of another API gave
    (``learned``, an ORCID iD: taken when the record's name fits theirs), else the
    best of the first hits of a search for their name (None when no hit reaches
    ``matching.REVIEW``)."""
    given = accepted or known.external.get(client.api)
    pinned = given or learned
    if not client.has_authors:
        return None
    if pinned:
        author, works = client.author_works(pinned)
        if author is None or not (given or name_agreement(known, author.name)):
            return None
        verdict = judge(known, author, works)
        why = (
            "accepted by the user"
            if accepted
            else "id from the graph"
            if given
            else "iD from a matched author record"
        )
        return Match(known.id, author, 1.0, [why, *verdict.evidence], verdict.works)
    hits = [a for a in client.search_authors(known.name) if name_agreement(known, a.name)]
    judged = []
    for hit in hits[:CANDIDATES]:
        author, works = client.author_works(hit.id)
        judged.append(judge(known, author or hit, works))
    return best_match(known, judged)


@dataclass
class Progress:
    """What earlier runs finished (``progress.json`` in the enrichment folder).

    ``done`` maps API -> person id -> outcome (a document's name, "nothing found",
    or a candidate left for review); ``known_as`` maps every key a person is
    known by (``person_keys``) to the person id their outcomes are under;
    ``met`` maps that id to how the user's documents named them when first met
    (``name``, ``aliases``) and the author ids the user gave (``ids``: in those
    documents, or with ``--accept``); ``asked`` maps API -> the identifiers its
    batch lookups asked for."""

    done: dict[str, dict[str, str]] = field(default_factory=dict)
    known_as: dict[str, str] = field(default_factory=dict)
    met: dict[str, dict[str, Any]] = field(default_factory=dict)
    asked: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Progress:
        path = folder / "progress.json"
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text("utf-8"))
        except ValueError as exc:
            raise ScholargraphError(
                f"{path}: not JSON ({exc})", hint="delete it, or rerun with --refresh"
            ) from exc
        if not isinstance(data, dict):
            return cls()
        return cls(**{f.name: data.get(f.name) or {} for f in dataclasses.fields(cls)})

    def save(self, folder: Path) -> None:
        tmp = folder / "progress.json.tmp"
        text = json.dumps(dataclasses.asdict(self), indent=1, sort_keys=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(folder / "progress.json")  # never half-written

    def person(self, known: Known) -> str:
        """The id ``known`` had when progress first met them: their outcomes and
        documents go by it."""
        return next((self.known_as[k] for k in person_keys(known) if k in self.known_as), known.id)

    def outcome(self, api: str, known: Known) -> str | None:
        """What an earlier run found for ``known`` on ``api`` (None: not done)."""
        return self.done.get(api, {}).get(self.person(known))

    def remember(self, known: Known) -> None:
        """Know ``known`` by every key they have now (ids an API just gave included)."""
        pid = self.person(known)
        self.met.setdefault(
            pid, {"name": known.name, "aliases": known.aliases, "ids": dict(known.external)}
        )
        for key in person_keys(known):
            self.known_as.setdefault(key, pid)

    def as_first_met(self, known: Known) -> Known:
        """``known`` as the user's documents had them when first met (by their
        progress id, first name and aliases, and the author ids the user gave): what
        their searches ask by and their documents name, so a re-run asks and writes
        the same whatever an enrichment has since taught the graph."""
        pid = self.person(known)
        first = self.met[pid]
        return replace(
            known,
            id=pid,
            name=str(first["name"]),
            aliases=list(first["aliases"]),
            external=dict(first["ids"]),
        )


def person_keys(known: Known) -> list[str]:
    """What progress knows a person by, whatever the graph now calls them: their
    id, their API ids, and each name they are written by in each of the user's
    documents (``X. Wang@src:…`` is still there once an API gave ``Xinglu Wang``).

    >>> person_keys(Known(id="person:x", name="X. Wang", external={"s2": "7"}, sources=["src:1"]))
    ['person:x', 's2:7', 'x. wang@src:1']
    """
    names = [ids.fold(n) for n in (known.name, *known.aliases)]
    return [
        known.id,
        *(f"{api}:{v}" for api, v in sorted(known.external.items())),
        *(f"{n}@{src}" for n in names for src in known.sources),
    ]


def learned_ids(folder: Path) -> frozenset[str]:
    """The DOIs and arXiv ids the enrichment documents in ``folder`` state."""
    found: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        for pub in data.get("publications") or []:
            found |= {str(pub[k]) for k in ("doi", "arxiv") if pub.get(k)}
    return frozenset(found)


def unstored(store: Store, documents: Iterable[Path]) -> list[Path]:
    """The ``documents`` whose content the store does not hold as a source."""
    held = {s.sha256 for s in stored_sources(store)}
    return [p for p in documents if hashlib.sha256(p.read_bytes()).hexdigest() not in held]


def pending_reviews(folder: str | Path = DEFAULT_FOLDER) -> list[tuple[str, str]]:
    """(person id, "api:id score: evidence") of every author record an enrichment
    left for the user to judge (none when the folder has no progress)."""
    progress = Progress.load(Path(folder))
    return [
        (person, outcome[len(REVIEW_MARK) :])
        for done in progress.done.values()
        for person, outcome in sorted(done.items())
        if outcome.startswith(REVIEW_MARK)
    ]


def system_names(folder: str | Path = DEFAULT_FOLDER) -> list[tuple[str, str, str]]:
    """(person id, "SYSTEM = 'full title' (doi …)", the work's ``from`` line: the
    API, its id and why) of every work an enrichment took for a paper the user's
    documents name only by its system (none when the folder has none)."""
    found = []
    for path in sorted(Path(folder).glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        person = str((data.get("enrichment") or {}).get("person", ""))
        for pub in data.get("publications") or []:
            if pub.get("short_name"):
                doi = f" (doi {pub['doi']})" if pub.get("doi") else ""
                what = f"{pub['short_name']} = {pub['title']!r}{doi}"
                found.append((person, what, str(pub["from"])))
    return found


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
    progress = Progress.load(out)
    if refresh:  # asked again, by the same identifiers (so the cache answers)
        progress.done = {}
    learned = learned_ids(out)
    today = datetime.now(UTC).date().isoformat()
    report = EnrichReport()
    unreachable: list[UnreachableError] = []
    for api in apis:
        done = progress.done.setdefault(api, {})
        for k in known:
            progress.remember(k)
        if api in pinned:  # the user decided: judge this person again, by that record
            done.pop(progress.person(known[0]), None)
            progress.met[progress.person(known[0])]["ids"][api] = pinned[api]
        earlier = {k.id: o for k in known if (o := progress.outcome(api, k)) is not None}
        todo = [k for k in known if k.id not in earlier]
        report.already_done += len(earlier)
        report.candidates += [
            f"{k.name}: {earlier[k.id][len(REVIEW_MARK) :]}"
            for k in known
            if earlier.get(k.id, "").startswith(REVIEW_MARK)
        ]
        client: Client = CLIENTS[api].from_settings(settings.apis, **http_options)
        try:
            _enrich_api(
                client, todo, pinned.get(api), today, out, progress, learned, report, on_person
            )
        except UnreachableError as exc:  # not marked done: the next run tries again
            unreachable.append(exc)
        finally:
            for k in known:
                progress.remember(k)  # by the ids found too
            progress.save(out)
            report.counts[api] = client.http.counts
            client.http.close()
    if unreachable:
        report.errors.insert(0, _unreachable_line(unreachable))
    report.to_ingest = sorted(out.glob("*.yaml"))
    return report


def _unreachable_line(errors: list[UnreachableError]) -> str:
    """One line for every API that could not be reached."""
    if len(errors) == 1:
        return errors[0].one_line()
    first = errors[0]
    reasons = "; ".join(e.message for e in errors)
    return ScholargraphError(
        f"no connection to {len(errors)} APIs: {reasons}", hint=first.hint
    ).one_line()


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
    progress: Progress,
    learned: frozenset[str],
    report: EnrichReport,
    on_person: Callable[[str, str], None] | None,
) -> None:
    """Enrich ``todo`` from one API; an UnreachableError ends it (the rest are not
    asked), any other ApiError is reported and costs only its person. Outcomes
    and documents go by each person's progress id (``Progress.person``)."""
    done = progress.done.setdefault(client.api, {})
    asked = set(progress.asked.get(client.api, []))
    try:
        by_id = works_by_id(client, [p for k in todo for p in k.papers], asked, learned)
    except UnreachableError:
        raise
    except ApiError as exc:
        report.errors.append(exc.one_line())
        by_id = {}
    progress.asked[client.api] = sorted(asked)
    for k in todo:
        first = progress.as_first_met(k)
        other = k.external.get(client.api) if client.by_id_only else None
        try:
            match = find_author(client, first, accepted, other)
            unasked = [p for p in k.papers if lookup_ids(p, asked, learned) == WorkIds()]
            # no author record here: their papers with no identifier, by title
            titled = {} if match and match.accepted else works_by_title(client, first, unasked)
        except UnreachableError:
            raise
        except ApiError as exc:  # not marked done: the next run tries again
            report.errors.append(f"{k.name}: {exc.one_line()}")
            continue
        found = {p.id: w for p in k.papers if (w := by_id.get(p.id))} | titled
        author, outcome = None, "nothing found"
        if match and match.accepted:
            report.matched.append(match)
            author = match.author
            found.update((p.id, w) for p, w in match.works)
            k.external[client.api] = author.id  # progress knows them by it from now on
            if author.orcid:  # ORCID is asked by it, later in the run
                k.external.setdefault("orcid", author.orcid)
        elif match:  # left to the user; the progress entry keeps it for the next summary
            outcome = REVIEW_MARK + match.describe()
            report.candidates.append(f"{k.name}: {match.describe()}")
        report.papers_found += len(found)
        if found or author:
            path = out / _file_name(client.api, first.id)
            papers = {p.id: p for p in k.papers}
            works = [(papers[paper], w) for paper, w in sorted(found.items())]
            text = document(first, client.api, today, works=works, author=author, match=match)
            if not path.exists() or path.read_text("utf-8") != text:  # unchanged: not rewritten
                tmp = path.with_suffix(".yaml.tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(path)  # a document is whole or absent
                report.documents.append(path)
            outcome = outcome if outcome.startswith(REVIEW_MARK) else path.name
        k.papers = [_with_ids(p, found.get(p.id)) for p in k.papers]  # for the next APIs
        done[first.id] = outcome
        if on_person:
            on_person(client.api, k.id)
