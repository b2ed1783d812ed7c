"""Benchmarks with printed figures: write speed and query latency on a synthetic
co-author graph, and identity resolution of synthetic profile documents
(``scholargraph.synthetic``).

Every figure is reported next to a baseline measured in the same run on the same
store, as a ratio, so machines of different speed can be compared: writes against
the batched upserts, query latency against a lookup of one person by id,
resolution time against one pass over the mentions and its quality (B³, against
the generator's truth) against one-person-per-name.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from scholargraph.graph.ladybug_store import LadybugStore
from scholargraph.graph.store import Store
from scholargraph.graph.writer import write_records
from scholargraph.ingest.resolve import mentions_of, resolve
from scholargraph.queries import list_queries, run
from scholargraph.queries.library import QUERIES
from scholargraph.records import Authored, Organization, Person, Publication, RecordSet, Topic
from scholargraph.synthetic import profile_documents, synthetic

BASELINE = "MATCH (p:Person {id: $id}) RETURN p.name AS name"
GOALS_MS = {"shared-collaborators": 10.0, "connection": 10.0}  # p50 on the embedded store
IDENTITY_GOAL_S = 60.0  # per 100k author mentions
UPSERT_SAMPLE = 20_000  # authorships written through the upserts for the write baseline


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


def query_arguments(records: RecordSet, rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Arguments for every kind of parameter: a person, a co-author's co-author of
    theirs (so pair answers are not empty), a topic, two neighbouring organizations."""
    coauthors: dict[str, list[str]] = {}
    for rel in records.rels[Authored].values():
        coauthors.setdefault(rel.to_id, []).append(rel.from_id)
    papers: dict[str, list[str]] = {}
    for paper, authors in coauthors.items():
        for a in authors:
            papers.setdefault(a, []).append(paper)
    topics = [t.name for t in records.nodes[Topic].values()]  # type: ignore[attr-defined]
    orgs = [o.name for o in records.nodes[Organization].values()]  # type: ignore[attr-defined]
    authors = list(papers)
    out = []
    for _ in range(count):
        person = rng.choice(authors)
        other = person
        for _step in range(2):
            other = rng.choice(coauthors[rng.choice(papers[other])])
        o = rng.randrange(len(orgs))
        out.append(
            {
                "person": person,
                "other": other,
                "topic": rng.choice(topics),
                "group_a": orgs[o],
                "group_b": orgs[(o + 1) % len(orgs)],
            }
        )
    return out


def query_latency(
    store: Store, records: RecordSet, *, samples: int = 100, seed: int = 0
) -> list[Figure]:
    """p50/p95 of every named query over random arguments from ``records`` (already
    written to ``store``), with the id lookup baseline first."""
    cases = query_arguments(records, random.Random(seed), samples)
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
    ratio: float  # over the upserts' rows/s

    def __str__(self) -> str:
        return f"{self.name:<22} {self.rows_per_s:10.0f} authorships/s   {self.ratio:7.1f}x upserts"


def write_speed(store: Store, records: RecordSet) -> list[WriteFigure]:
    """Write ``records`` into the empty ``store`` (bulk load where it has one) and,
    as the baseline, a sample of them through the batched upserts into a scratch
    store; rows/s counted in authorships."""
    sample = RecordSet()
    for rel in list(records.rels[Authored].values())[:UPSERT_SAMPLE]:
        sample.add(rel)
        for kind, key in ((Person, rel.from_id), (Publication, rel.to_id)):
            sample.add(records.nodes[kind][key])
    with tempfile.TemporaryDirectory() as folder, LadybugStore(f"{folder}/s.lbug") as scratch:
        upserts = _rate(lambda: write_records(scratch, sample, batch_size=5000, bulk=False), sample)
    bulk = _rate(lambda: write_records(store, records), records)
    return [
        WriteFigure("batched upserts", upserts, 1.0),
        WriteFigure("write_records", bulk, bulk / upserts),
    ]


def _rate(write: Callable[[], object], records: RecordSet) -> float:
    t0 = time.perf_counter()
    write()
    return len(records.rels[Authored]) / (time.perf_counter() - t0)


@dataclass
class Report:
    authorships: int
    people: int
    writes: list[WriteFigure]
    queries: list[Figure]

    def missed(self) -> list[str]:
        """Queries whose p50 is over their goal."""
        return [f.name for f in self.queries if f.p50_ms > GOALS_MS.get(f.name, float("inf"))]

    def lines(self) -> list[str]:
        out = [f"synthetic graph: {self.authorships} authorships, {self.people} people"]
        out += [str(f) for f in self.writes]
        for f in self.queries:
            goal = GOALS_MS.get(f.name)
            verdict = "" if goal is None else f"   goal p50 <= {goal:g} ms: "
            if goal is not None:
                verdict += "MISSED" if f.name in self.missed() else "met"
            out.append(f"{f}{verdict}")
        return out


def benchmark(authorships: int, *, samples: int = 100, seed: int = 0) -> Report:
    """Generate a graph, write it to a temporary embedded store (never yours), time
    the writes and every named query.

    >>> report = benchmark(300, samples=2)
    >>> [f.name for f in report.writes]
    ['batched upserts', 'write_records']
    >>> report.queries[0].name, len(report.queries) == 1 + len(list_queries())
    ('baseline (id lookup)', True)
    """
    records = synthetic(authorships, seed=seed)
    with tempfile.TemporaryDirectory() as folder, LadybugStore(f"{folder}/bench.lbug") as store:
        writes = write_speed(store, records)
        figures = query_latency(store, records, samples=samples, seed=seed)
    people = len(records.nodes[Person])
    return Report(len(records.rels[Authored]), people, writes, figures)


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
            f"of {self.people} people",
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
    t0 = time.perf_counter()
    resolved = resolve(docs)
    seconds = time.perf_counter() - t0
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
    )
