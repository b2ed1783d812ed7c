"""Benchmarks with printed figures: write speed and query latency on a synthetic
co-author graph, identity resolution of synthetic profile documents
(``scholargraph.bench.synthetic``), and ingests of those documents as BibTeX files.

Every figure is reported next to a baseline measured in the same run on the same
store, as a ratio, so machines of different speed can be compared: writes against
the batched upserts, query latency against a lookup of one person by id,
resolution time against one pass over the mentions and its quality (B³, against
the generator's truth) against one-person-per-name, each step of a documents run
against ingesting one file into an empty store.
"""

from __future__ import annotations

import math
import random
import resource
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from scholargraph.bench.synthetic import profile_documents, synthetic, synthetic_chunks, to_bibtex
from scholargraph.config import Settings
from scholargraph.errors import InputError, ScholargraphError
from scholargraph.queries import list_queries, run
from scholargraph.queries.library import QUERIES
from scholargraph.records import (
    Authored,
    Person,
    Publication,
    RecordSet,
    as_row,
)
from scholargraph.resolve import mentions_of, resolve
from scholargraph.store import schema
from scholargraph.store.ladybug_store import LadybugStore
from scholargraph.store.store import Store, open_store
from scholargraph.store.writer import write_records

BASELINE = "MATCH (p:Person {id: $id}) RETURN p.name AS name"
COAUTHOR_IDS = (
    "MATCH (:Person {id: $id})-[:AUTHORED]->(:Publication)<-[:AUTHORED]-(c) RETURN c.id AS id"
)
GOALS_MS = {"shared-collaborators": 10.0, "connection": 10.0}  # p50 on the embedded store
IDENTITY_GOAL_S = 60.0  # per 100k author mentions
WRITE_GOAL = 50_000.0  # authorships/s into an empty embedded store
WRITE_RATIO_GOAL = 100.0  # times the per-row MERGE
PER_ROW_SAMPLE = 1_000  # authorships written one MERGE per record (the write baseline)
UPSERT_SAMPLE = 20_000  # authorships written through the batched upserts


@dataclass
class Figure:
    name: str
    p50_ms: float
    p95_ms: float
    ratio: float  # p50 over the baseline's p50

    def __str__(self) -> str:
        return (
            f"{self.name:<22} p50 {self.p50_ms:8.2f} ms   p95 {self.p95_ms:8.2f} ms"
            f"   {self.ratio:7.1f}x baseline"
        )


def _timed(calls: list[Callable[[], object]]) -> tuple[float, float]:
    times = []
    for call in calls:
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def _ids(store: Store, text: str, **params: str) -> list[str]:
    return [r["id"] for r in store.query(text, params)]


def query_arguments(store: Store, rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Arguments for every kind of parameter, read from a synthetic graph in
    ``store``: an author, a co-author's co-author of theirs (so pair answers are not
    empty), a topic, two neighbouring organizations (their groups write together)."""
    people = _ids(store, "MATCH (p:Person)-[:AUTHORED]->() RETURN DISTINCT p.id AS id")
    topics = _ids(store, "MATCH (t:Topic) RETURN t.name AS id")
    orgs = store.query("MATCH (o:Organization) RETURN o.id AS id, o.name AS name")
    orgs.sort(key=lambda r: int(r["id"].removeprefix("org:s")))  # neighbours write together
    names = [r["name"] for r in orgs]
    out = []
    for _ in range(count):
        person = other = rng.choice(people)
        for _step in range(2):
            near = _ids(store, COAUTHOR_IDS, id=other)
            other = rng.choice(near) if near else other
        o = rng.randrange(len(names))
        out.append(
            {
                "person": person,
                "other": other,
                "topic": rng.choice(topics),
                "group_a": names[o],
                "group_b": names[(o + 1) % len(names)],
            }
        )
    return out


def query_latency(store: Store, *, samples: int = 100, seed: int = 0) -> list[Figure]:
    """p50/p95 of every named query over random arguments from the synthetic graph
    in ``store``, with the id lookup baseline first."""
    cases = query_arguments(store, random.Random(seed), samples)
    base50, base95 = _timed([partial(store.query, BASELINE, {"id": c["person"]}) for c in cases])
    figures = [Figure("baseline (id lookup)", base50, base95, 1.0)]
    for name in list_queries():
        wanted = {p.name for p in QUERIES[name].params}
        calls: list[Callable[[], object]] = [
            partial(run, store, name, **{k: v for k, v in c.items() if k in wanted}) for c in cases
        ]
        p50, p95 = _timed(calls)
        figures.append(Figure(name, p50, p95, p50 / base50 if base50 else float("inf")))
    return figures


@dataclass
class WriteFigure:
    name: str
    rows_per_s: float
    ratio: float  # over the per-row MERGE's rows/s

    def __str__(self) -> str:
        return (
            f"{self.name:<22} {self.rows_per_s:10.0f} authorships/s   "
            f"{self.ratio:7.1f}x per-row MERGE"
        )


def _sample(authorships: int, seed: int) -> RecordSet:
    """A small synthetic graph's AUTHORED edges with their people and papers."""
    records = synthetic(authorships, seed=seed)
    out = RecordSet()
    for rel in records.rels[Authored].values():
        out.add(rel)
        for kind, key in ((Person, rel.from_id), (Publication, rel.to_id)):
            if key not in out.nodes[kind]:
                out.add(records.nodes[kind][key])
    return out


ScratchStores = Callable[[str], AbstractContextManager[Store]]


@contextmanager
def embedded_scratch(name: str) -> Iterator[Store]:
    """A new embedded store in a temporary folder, gone afterwards."""
    with tempfile.TemporaryDirectory() as folder, LadybugStore(f"{folder}/{name}.lbug") as store:
        yield store


def bolt_scratch(settings: Settings) -> ScratchStores:
    """Scratch stores in the Neo4j ``settings.store`` names: its database, emptied
    before each use (point it at a scratch database)."""

    @contextmanager
    def scratch(name: str) -> Iterator[Store]:
        with open_store(settings) as store:
            empty(store)
            yield store

    return scratch


def empty(store: Store, batch: int = 10_000) -> None:
    """Delete every node and relationship, ``batch`` nodes a transaction."""
    while store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]:
        store.write(f"MATCH (n) WITH n LIMIT {int(batch)} DETACH DELETE n", {})


def _per_row(store: Store, records: RecordSet) -> dict[str, int]:
    """The naive baseline: one MERGE statement, one transaction, per record."""
    store.ensure_schema()
    for record in records:
        statement = schema.upsert_statement(type(record), store.dialect)
        store.write(statement, {"rows": [as_row(record)]})
    return records.counts()


class Stopwatch(Iterator[RecordSet]):
    """A stream of chunks that times how long making them takes, so a write timed
    around it can leave that out.

    >>> made = Stopwatch(iter([RecordSet()]))
    >>> len(list(made)), made.seconds >= 0
    (1, True)
    """

    def __init__(self, chunks: Iterator[RecordSet]) -> None:
        self.chunks = chunks
        self.seconds = 0.0

    def __next__(self) -> RecordSet:
        t0 = time.perf_counter()
        try:
            return next(self.chunks)
        finally:
            self.seconds += time.perf_counter() - t0


@dataclass
class Written:
    figures: list[WriteFigure]
    counts: dict[str, int]  # rows per label / type
    making_s: float  # spent making the chunks, left out of the figures


def write_speed(
    store: Store,
    chunks: Iterator[RecordSet],
    scratch: ScratchStores = embedded_scratch,
    *,
    seed: int = 0,
    samples: int = UPSERT_SAMPLE,
) -> Written:
    """Write a stream of ``chunks`` into the empty ``store`` (bulk load where it has
    one; the time spent making the chunks left out) and, into ``scratch`` stores,
    small synthetic graphs (at most ``samples`` authorships) one MERGE per record
    (the baseline) and through the batched upserts; rows/s counted in authorships."""
    with scratch("row") as into:
        sample = _sample(min(samples, PER_ROW_SAMPLE), seed)
        per_row = _rate(partial(_per_row, into, sample))
    with scratch("batch") as into:
        sample = _sample(min(samples, UPSERT_SAMPLE), seed)
        upserts = _rate(partial(write_records, into, sample, batch_size=5000, bulk=False))
    empty(store)  # on a server the scratch stores were this same database
    made = Stopwatch(chunks)
    t0 = time.perf_counter()
    counts = write_records(store, made)
    bulk = counts.get("AUTHORED", 0) / (time.perf_counter() - t0 - made.seconds)
    figures = [
        WriteFigure("per-row MERGE", per_row, 1.0),
        WriteFigure("batched upserts", upserts, upserts / per_row),
        WriteFigure("write_records", bulk, bulk / per_row),
    ]
    return Written(figures, counts, made.seconds)


def _rate(write: Callable[[], dict[str, int]]) -> float:
    t0 = time.perf_counter()
    counts = write()
    return counts.get("AUTHORED", 0) / (time.perf_counter() - t0)


_STATUS, _CLEAR_REFS = Path("/proc/self/status"), Path("/proc/self/clear_refs")


def peak_rss_mb() -> float:
    """This process's peak resident memory since ``reset_peak_rss`` (or since it
    started), in MiB: Linux's VmHWM, else getrusage (which cannot be reset)."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Start ``peak_rss_mb`` afresh from the memory in use now; False where the
    system cannot (only Linux can)."""
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def disk_bytes(path: str | Path) -> int:
    """Bytes a store takes on disk (a file, or a folder's files)."""
    p = Path(path)
    files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files)


@dataclass
class Report:
    authorships: int
    people: int
    publications: int
    making_s: float  # generating the graph, as it was streamed into the store
    writes: list[WriteFigure]
    queries: list[Figure]
    store_bytes: int | None  # on disk (None for a server's store)
    load_peak_mb: float | None  # while the graph was made and written (None: not measurable)
    peak_rss_mb: float  # from making the graph to the last query
    store: str = "embedded"  # or "neo4j"

    def missed(self) -> list[str]:
        """Figures under their goal: queries over their p50, writes under the rate."""
        out = [f.name for f in self.queries if f.p50_ms > GOALS_MS.get(f.name, float("inf"))]
        bulk = next((f for f in self.writes if f.name == "write_records"), None)
        if bulk and (bulk.rows_per_s < WRITE_GOAL or bulk.ratio < WRITE_RATIO_GOAL):
            out.append(bulk.name)
        return out

    def lines(self) -> list[str]:
        size = "?" if self.store_bytes is None else f"{self.store_bytes / 2**20:.0f} MiB"
        load = "?" if self.load_peak_mb is None else f"{self.load_peak_mb:.0f}"
        out = [
            f"synthetic graph: {self.authorships} authorships, {self.people} people, "
            f"{self.publications} publications (made in {self.making_s:.1f} s, streamed); "
            f"{self.store} store {size} on disk; peak memory {load} MiB making and writing "
            f"it, {self.peak_rss_mb:.0f} MiB in all"
        ]
        for w in self.writes:
            goal = ""
            if w.name == "write_records":
                verdict = "MISSED" if w.name in self.missed() else "met"
                goal = f"   goal >= {WRITE_GOAL / 1000:g}k/s and {WRITE_RATIO_GOAL:g}x: {verdict}"
            out.append(f"{w}{goal}")
        for f in self.queries:
            goal_ms = GOALS_MS.get(f.name)
            verdict = "" if goal_ms is None else f"   goal p50 <= {goal_ms:g} ms: "
            if goal_ms is not None:
                verdict += "MISSED" if f.name in self.missed() else "met"
            out.append(f"{f}{verdict}")
        return out


def benchmark(
    authorships: int,
    *,
    samples: int = 100,
    seed: int = 0,
    writes: bool = True,
    queries: bool = True,
    settings: Settings | None = None,
) -> Report:
    """Generate a graph, write it to a temporary embedded store (never yours), and
    time the writes against their baselines and every named query (each part
    unless turned off). With ``settings`` naming a Bolt URI the same runs on that
    Neo4j instead, whose database is emptied first.

    >>> report = benchmark(300, samples=2)
    >>> [f.name for f in report.writes]
    ['per-row MERGE', 'batched upserts', 'write_records']
    >>> report.queries[0].name, len(report.queries) == 1 + len(list_queries())
    ('baseline (id lookup)', True)
    """
    chunks = synthetic_chunks(authorships, seed=seed)  # never whole: see ``write_records``
    bolt = settings is not None and settings.is_bolt
    scratch = bolt_scratch(settings) if settings is not None and bolt else embedded_scratch
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/bench.lbug"
        with scratch("bench") if bolt else LadybugStore(path) as store:
            measurable = reset_peak_rss()
            if writes:
                written = write_speed(store, chunks, scratch, seed=seed, samples=authorships)
            else:
                made = Stopwatch(chunks)
                written = Written([], write_records(store, made), made.seconds)
            load_peak = peak_rss_mb() if measurable else None
            figures = query_latency(store, samples=samples, seed=seed) if queries else []
        return Report(
            authorships=written.counts.get("AUTHORED", 0),
            people=written.counts.get("Person", 0),
            publications=written.counts.get("Publication", 0),
            making_s=written.making_s,
            writes=written.figures,
            queries=figures,
            store_bytes=None if bolt else disk_bytes(path),
            load_peak_mb=load_peak,
            peak_rss_mb=peak_rss_mb(),
            store="neo4j" if bolt else "embedded",
        )


def b_cubed(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering (mention -> cluster) against the
    truth (mention -> person), averaged over mentions.

    >>> b_cubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "y"})
    (0.6666666666666666, 0.6666666666666666, 0.6666666666666666)
    """
    both = Counter((predicted[m], truth[m]) for m in truth)
    sizes_p = Counter(predicted[m] for m in truth)
    sizes_t = Counter(truth.values())
    n = len(truth)
    precision = sum(k * k / sizes_p[p] for (p, _), k in both.items()) / n
    recall = sum(k * k / sizes_t[t] for (_, t), k in both.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


@dataclass
class IdentityReport:
    mentions: int
    documents: int
    people: int
    found: int
    seconds: float
    read_seconds: float  # the baseline: one pass building the mentions
    ours: tuple[float, float, float]
    exact_names: tuple[float, float, float]  # one person per spelled-out name
    peak_rss_mb: float  # while resolving, the documents included

    @property
    def goal_s(self) -> float:
        return IDENTITY_GOAL_S * self.mentions / 100_000

    def missed(self) -> list[str]:
        return ["identity"] if self.seconds > self.goal_s else []

    def lines(self) -> list[str]:
        def prf(x: tuple[float, float, float]) -> str:
            return f"B³ precision {x[0]:.3f}  recall {x[1]:.3f}  F1 {x[2]:.3f}"

        verdict = "MISSED" if self.missed() else "met"
        return [
            f"identity: {self.mentions} author mentions in {self.documents} documents "
            f"of {self.people} people; peak memory {self.peak_rss_mb:.0f} MiB resolving them",
            f"resolve                {self.seconds:8.2f} s   {self.mentions / self.seconds:8.0f} "
            f"mentions/s   {self.seconds / self.read_seconds:5.1f}x one pass over the mentions"
            f"   goal <= {self.goal_s:.0f} s: {verdict}",
            f"resolved               {self.found} people   {prf(self.ours)}",
            f"exact-name baseline    {prf(self.exact_names)}",
        ]


def identity_benchmark(mentions: int, *, seed: int = 0) -> IdentityReport:
    """Resolve synthetic profile documents (``synthetic.profile_documents``) and
    score the people found against the truth, next to one-person-per-name.

    >>> report = identity_benchmark(400)
    >>> report.ours[2] > report.exact_names[2]
    True
    """
    docs, truth = profile_documents(mentions, seed=seed)
    t0 = time.perf_counter()
    for doc in docs:
        mentions_of(doc, {p: p for p in doc.nodes[Publication]})
    read = time.perf_counter() - t0
    reset_peak_rss()
    t0 = time.perf_counter()
    resolved = resolve(docs)
    seconds = time.perf_counter() - t0
    peak = peak_rss_mb()
    predicted = {m.key: str(i) for i, c in enumerate(resolved.people.clusters) for m in c.members}
    by_name = {m: m.split("/", 1)[1] for m in truth}  # ids are name slugs, initials scoped
    return IdentityReport(
        mentions=len(truth),
        documents=len(docs),
        people=len(set(truth.values())),
        found=len(resolved.people.clusters),
        seconds=seconds,
        read_seconds=read,
        ours=b_cubed(predicted, truth),
        exact_names=b_cubed(by_name, truth),
        peak_rss_mb=peak,
    )


PLOTTED = ("write_records", "shared-collaborators", "connection", "coauthors", "people-by-topic")
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")


def scaling_series(reports: list[Report]) -> dict[str, list[tuple[int, float]]]:
    """Milliseconds against authorships for each plotted figure: the whole write,
    and each query's p50."""
    series: dict[str, list[tuple[int, float]]] = {name: [] for name in PLOTTED}
    for r in sorted(reports, key=lambda r: r.authorships):
        for w in r.writes:
            if w.name in series:
                series[w.name].append((r.authorships, 1000 * r.authorships / w.rows_per_s))
        for f in r.queries:
            if f.name in series:
                series[f.name].append((r.authorships, f.p50_ms))
    return {k: v for k, v in series.items() if v}


def plot_scaling(reports: list[Report], path: str | Path) -> Path:
    """A log-log SVG of how each plotted figure grows with the graph (no plotting
    library needed: the page is a few lines of SVG)."""
    series = scaling_series(reports)
    points = [p for pts in series.values() for p in pts]
    if not points:
        raise ValueError("nothing to plot: run the ingest or query benchmark first")
    lx = [math.log10(x) for x, _ in points]
    ly = [math.log10(max(y, 1e-3)) for _, y in points]
    x0, x1 = math.floor(min(lx)), math.ceil(max(lx)) + (min(lx) == max(lx))
    y0, y1 = math.floor(min(ly)), math.ceil(max(ly)) + (min(ly) == max(ly))
    w, h, m = 640, 400, 60

    def at(x: float, y: float) -> tuple[float, float]:
        px = m + (math.log10(x) - x0) / (x1 - x0) * (w - 2 * m)
        py = h - m - (math.log10(max(y, 1e-3)) - y0) / (y1 - y0) * (h - 2 * m)
        return round(px, 1), round(py, 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        'font-family="sans-serif" font-size="11">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<text x="{w / 2}" y="20" text-anchor="middle" font-size="13">'
        "scholargraph bench: time against graph size (log-log)</text>",
        f'<text x="{w / 2}" y="{h - 15}" text-anchor="middle">authorships (AUTHORED edges)</text>',
        f'<text x="15" y="{h / 2}" transform="rotate(-90 15 {h / 2})" text-anchor="middle">'
        "milliseconds (write: whole load; queries: p50)</text>",
    ]
    for e in range(x0, x1 + 1):
        px, _ = at(10**e, 10**y0)
        out.append(f'<line x1="{px}" y1="{m}" x2="{px}" y2="{h - m}" stroke="#ddd"/>')
        out.append(f'<text x="{px}" y="{h - m + 15}" text-anchor="middle">1e{e}</text>')
    for e in range(y0, y1 + 1):
        _, py = at(10**x0, 10**e)
        out.append(f'<line x1="{m}" y1="{py}" x2="{w - m}" y2="{py}" stroke="#ddd"/>')
        out.append(f'<text x="{m - 5}" y="{py + 4}" text-anchor="end">1e{e}</text>')
    for i, (name, pts) in enumerate(series.items()):
        colour = _COLOURS[i % len(_COLOURS)]
        xy = " ".join(f"{px},{py}" for px, py in (at(x, y) for x, y in pts))
        out.append(f'<polyline points="{xy}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{px}" cy="{py}" r="3" fill="{colour}"/>' for px, py in
                (at(x, y) for x, y in pts)]  # fmt: skip
        ly_ = m + 10 + 16 * i
        out.append(f'<rect x="{m + 10}" y="{ly_ - 9}" width="12" height="4" fill="{colour}"/>')
        out.append(f'<text x="{m + 28}" y="{ly_}">{name}</text>')
    out.append("</svg>")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return target


TYPICAL_ENTRIES = 30  # the added, edited and removed files hold about this many entries
DOCUMENT_STEPS = ("fresh ingest", "add one file", "edit one file", "remove one file")


@dataclass
class DocumentFiles:
    """BibTeX files written for a documents run: the store's, and the one to add."""

    stored: list[Path]
    extra: Path  # added to the store
    edited: Path  # one of ``stored``
    removed: Path  # another


def document_files(folder: Path, count: int, *, seed: int = 0) -> DocumentFiles:
    """``count`` + 1 bibliographies of synthetic researchers (``profile_documents``
    as BibTeX: overlapping co-authors, each file writing a person its own way). The
    file to add, to edit and to remove are those nearest ``TYPICAL_ENTRIES`` entries."""
    docs, _ = profile_documents(20 * (count + 2), seed=seed)  # ~14 mentions a file
    if len(docs) <= count:
        raise ValueError(f"the generator gave {len(docs)} files, fewer than {count + 1}")
    paths = []
    for i, doc in enumerate(docs):
        paths.append(folder / f"researcher{i:05}.bib")
        paths[-1].write_text(to_bibtex(doc), encoding="utf-8")

    def by_size(i: int) -> tuple[int, int]:
        return abs(len(docs[i].nodes[Publication]) - TYPICAL_ENTRIES), i

    extra = min(range(count, len(docs)), key=by_size)
    edited, removed = sorted(range(count), key=by_size)[:2]
    return DocumentFiles(paths[:count], paths[extra], paths[edited], paths[removed])


@dataclass
class DocumentFigure:
    step: str
    seconds: float
    ratio: float  # over a one-file fresh ingest
    cpu_seconds: float  # the process's CPU time (all its threads): steadier on a shared machine
    cpu_ratio: float

    def __str__(self) -> str:
        return (
            f"{self.step:<16} {self.seconds:8.2f} s   {self.ratio:7.1f}x one-file ingest   "
            f"CPU {self.cpu_seconds:7.2f} s {self.cpu_ratio:7.1f}x"
        )


@dataclass
class DocumentsReport:
    files: int
    authorships: int  # in the store of ``files`` files
    baseline_s: float  # the file to add, ingested into an empty store (median of 3)
    baseline_cpu_s: float  # its CPU time (median of 3)
    figures: list[DocumentFigure]
    peak_rss_mb: float

    def lines(self) -> list[str]:
        fresh = self.figures[0].seconds
        return [
            f"documents: {self.files} BibTeX files, {self.authorships} authorships "
            f"({self.authorships / fresh:.0f}/s fresh); one-file ingest {self.baseline_s:.2f} s "
            f"(CPU {self.baseline_cpu_s:.2f} s); peak memory {self.peak_rss_mb:.0f} MiB",
            *map(str, self.figures),
        ]


class Ingested(Protocol):
    """What ``Ingest`` reports (``pipeline.IngestReport``)."""

    @property
    def errors(self) -> list[InputError]: ...

    def summary(self) -> str: ...


class Ingest(Protocol):
    """``pipeline.ingest_into``, which the face passes in (bench is a stage before it)."""

    def __call__(
        self, store: Store, paths: Iterable[str | Path], *, forget: Iterable[str | Path] = ()
    ) -> Ingested: ...


def documents_benchmark(files: int, ingest: Ingest, *, seed: int = 0) -> DocumentsReport:
    """Time what users do with BibTeX files, in a temporary embedded store: a fresh
    ``ingest`` of ``files`` files, then adding one file, editing one (a title
    changed) and removing one (``forget``), each as a ratio to ingesting the added
    file into an empty store, in wall-clock and in CPU time."""
    reset_peak_rss()
    with tempfile.TemporaryDirectory() as tmp:
        made = document_files(Path(tmp), files, seed=seed)

        def timed(
            store: Store, paths: list[Path], forget: tuple[Path, ...] = ()
        ) -> tuple[float, float]:
            t0, c0 = time.perf_counter(), time.process_time()
            report = ingest(store, paths, forget=forget)
            if report.errors:
                raise ScholargraphError(f"documents bench: {report.errors[0].one_line()}")
            return time.perf_counter() - t0, time.process_time() - c0

        one = []
        for i in range(3):
            with LadybugStore(f"{tmp}/one{i}.lbug") as store:
                one.append(timed(store, [made.extra]))
        baseline = statistics.median(s for s, _ in one)
        baseline_cpu = statistics.median(c for _, c in one)
        with LadybugStore(f"{tmp}/documents.lbug") as store:
            seconds = [timed(store, made.stored), timed(store, [made.extra])]
            text = made.edited.read_text(encoding="utf-8")
            made.edited.write_text(text.replace("title = {", "title = {Revised ", 1), "utf-8")
            seconds.append(timed(store, [made.edited]))
            made.removed.unlink()
            seconds.append(timed(store, [], (made.removed,)))
            (row,) = store.query(schema.count_statement(Authored))
    figures = [
        DocumentFigure(n, s, s / baseline, c, c / baseline_cpu)
        for n, (s, c) in zip(DOCUMENT_STEPS, seconds, strict=True)
    ]
    return DocumentsReport(files, int(row["n"]), baseline, baseline_cpu, figures, peak_rss_mb())
