"""Benchmarks with printed figures: query latency on a synthetic co-author graph.

The graph is generated, not downloaded: people in research groups of 5-40, papers
with 1-9 authors (mostly 3-5) drawn from one group and now and then a neighbouring
one, so it has the clustering of real co-authorship. Every figure is reported next
to a baseline measured in the same run on the same store (a lookup of one person by
id), as a ratio, so machines of different speed can be compared.

>>> records = synthetic(authorships=200, seed=1)
>>> counts = records.counts()
>>> counts["AUTHORED"] >= 200, counts["Person"] < counts["AUTHORED"]
(True, True)
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from scholargraph.graph.store import Store
from scholargraph.graph.writer import write_records
from scholargraph.queries import run
from scholargraph.records import Authored, Person, Publication, RecordSet

SOURCE = "src:synthetic"
BASELINE = "MATCH (p:Person {id: $id}) RETURN p.name AS name"
TIMED = ("coauthors", "shared-collaborators", "connection", "advisors", "topic-overlap")
GOALS_MS = {"shared-collaborators": 10.0, "connection": 10.0}  # p50 on the embedded store


def _team_size(rng: random.Random) -> int:
    return min(9, max(1, round(rng.lognormvariate(1.3, 0.45))))


def synthetic(authorships: int, *, seed: int = 0) -> RecordSet:
    """A co-author graph with at least ``authorships`` AUTHORED edges."""
    rng = random.Random(seed)
    people = max(10, authorships // 8)
    groups: list[list[int]] = []
    i = 0
    while i < people:
        size = rng.randint(5, 40)
        groups.append(list(range(i, min(people, i + size))))
        i += size
    src = [SOURCE]
    out = RecordSet()
    for p in range(people):
        out.add(Person(id=f"person:s{p}", name=f"Synthetic Person {p}", sources=src))
    n = 0
    paper = 0
    while n < authorships:
        g = rng.randrange(len(groups))
        pool = groups[g] + (groups[(g + 1) % len(groups)] if rng.random() < 0.2 else [])
        team = rng.sample(pool, min(len(pool), _team_size(rng)))
        wid = f"pub:s{paper}"
        out.add(
            Publication(
                id=wid, title=f"Synthetic Paper {paper}", year=rng.randint(2000, 2025), sources=src
            )
        )
        for pos, p in enumerate(team, 1):
            out.add(
                Authored(
                    id=f"a:{paper}:{p}",
                    from_id=f"person:s{p}",
                    to_id=wid,
                    position=pos,
                    sources=src,
                )
            )
        n += len(team)
        paper += 1
    return out


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


def query_latency(store: Store, people: int, *, samples: int = 100, seed: int = 0) -> list[Figure]:
    """p50/p95 of the main queries over random people of a synthetic graph, with
    the id lookup baseline first."""
    rng = random.Random(seed)
    ids = [f"person:s{rng.randrange(people)}" for _ in range(samples)]
    # pairs one collaboration apart: a co-author's co-author, so answers are not empty
    pairs = []
    for a in ids:
        near = run(store, "coauthors", person=a, limit=3).rows
        mid = near[-1]["id"] if near else a
        far = run(store, "coauthors", person=mid, limit=5).rows
        pairs.append((a, far[-1]["id"] if far else mid))
    base50, base95 = _timed([partial(store.query, BASELINE, {"id": i}) for i in ids])
    figures = [Figure("baseline (id lookup)", base50, base95, 1.0)]
    for name in TIMED:
        calls: list[Callable[[], object]]
        if name in ("shared-collaborators", "connection", "topic-overlap"):
            calls = [partial(run, store, name, person=a, other=b) for a, b in pairs]
        else:
            calls = [partial(run, store, name, person=a) for a in ids]
        p50, p95 = _timed(calls)
        figures.append(Figure(name, p50, p95, p50 / base50 if base50 else float("inf")))
    return figures


def build(store: Store, authorships: int, *, seed: int = 0) -> tuple[int, float]:
    """Write a synthetic graph; (people, seconds taken)."""
    records = synthetic(authorships, seed=seed)
    t0 = time.perf_counter()
    write_records(store, records, batch_size=20000)
    return len(records.nodes[Person]), time.perf_counter() - t0
