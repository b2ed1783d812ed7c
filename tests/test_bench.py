"""The benchmark: its synthetic graph is shaped like co-authorship, and it reports
every timed query against the baseline measured in the same run."""

from __future__ import annotations

from scholargraph import bench
from scholargraph.graph.store import Store
from scholargraph.records import Authored


def test_synthetic_graph_has_teams_and_repeat_collaborators() -> None:
    records = bench.synthetic(authorships=2000, seed=3)
    teams: dict[str, list[str]] = {}
    for a in records.rels[Authored].values():
        teams.setdefault(a.to_id, []).append(a.from_id)
    sizes = sorted(len(t) for t in teams.values())
    assert sizes[len(sizes) // 2] in (3, 4, 5) and max(sizes) <= 9
    pairs = [frozenset((x, y)) for t in teams.values() for x in t for y in t if x < y]
    assert len(pairs) > len(set(pairs))  # people write with the same people again


def test_latency_report_covers_every_query_against_the_baseline(embedded: Store) -> None:
    people, _ = bench.build(embedded, 1500)
    figures = bench.query_latency(embedded, people, samples=5)
    assert [f.name for f in figures] == ["baseline (id lookup)", *bench.TIMED]
    base = figures[0].p50_ms
    assert all(f.p95_ms >= f.p50_ms > 0 for f in figures)
    assert all(abs(f.ratio - f.p50_ms / base) < 1e-9 for f in figures)
