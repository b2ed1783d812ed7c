"""The two stores answer alike: the example graph ingested into LadybugDB and into
a live Neo4j gives the same rows for every named query, the same export, and the same
drawn pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import allow_loopback

from scholargraph.config import Settings
from scholargraph.pipeline import EXAMPLES, ingest_into
from scholargraph.queries import QUERIES, answer_graph, list_queries, run
from scholargraph.store.export import export, stats
from scholargraph.store.store import Store, open_store

pytestmark = pytest.mark.neo4j

OWNERS = ["Xin Tan", "Xinming Wei", "Xueshen Liu", "Yuxing Xiang", "X. Wang"]
PAIRS = [
    ("Xin Tan", "Yibo Zhu"),
    ("Yimin Jiang", "Yibo Zhu"),
    ("Xin Tan", "Xueshen Liu"),
    ("Xin Tan", "Xin Tan"),  # one person twice: Neo4j's shortest paths refuse it unguarded
]
ARGUMENTS: dict[str, list[dict[str, Any]]] = {
    "collaboration-between": [
        {"group_a": "The Chinese University of Hong Kong", "group_b": "Hong Xu"},
    ],
    "people-by-topic": [{"topic": "LLM serving"}, {"topic": "mixture of experts"}],
    "ego": [{"person": p, "depth": d} for p in OWNERS for d in (1, 2)],
    "lineage": [{"person": p} for p in [*OWNERS, "Hong Xu", "Z. Morley Mao"]],
}


def cases() -> Iterator[tuple[str, dict[str, Any]]]:
    for name in list_queries():
        if name in ARGUMENTS:
            yield from ((name, args) for args in ARGUMENTS[name])
            continue
        params = {p.name for p in QUERIES[name].params}
        if "other" in params:
            yield from ((name, {"person": a, "other": b}) for a, b in PAIRS)
        elif "person" in params:
            yield from ((name, {"person": p}) for p in OWNERS)
        else:
            yield name, {}


def canonical(value: Any) -> Any:
    """A value as both stores should give it: floats to 9 digits."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    return value


def rows_of(store: Store, name: str, args: dict[str, Any]) -> list[str]:
    """The answer's rows as canonical JSON, in the order the store gave them."""
    return [json.dumps(canonical(r), sort_keys=True) for r in run(store, name, **args).rows]


@pytest.fixture(scope="module")
def both(
    tmp_path_factory: pytest.TempPathFactory, neo4j_target: Settings
) -> Iterator[tuple[Store, Store]]:
    allow_loopback()
    folder = tmp_path_factory.mktemp("cross")
    ladybug = open_store(Settings(store=str(folder / "graph.lbug")))
    neo4j = open_store(neo4j_target)
    neo4j.write("MATCH (n) DETACH DELETE n", {})
    paths = sorted(EXAMPLES.glob("*.yaml"))
    for store in (ladybug, neo4j):
        ingest_into(store, paths)
    yield ladybug, neo4j
    ladybug.close()
    neo4j.close()


@pytest.fixture
def stores(both: tuple[Store, Store], loopback: None) -> tuple[Store, Store]:
    return both


def test_both_stores_hold_the_same_graph(stores: tuple[Store, Store], tmp_path: Path) -> None:
    ladybug, neo4j = stores
    assert stats(ladybug) == stats(neo4j) and stats(ladybug)["AUTHORED"] > 100
    exported = [export(s, "node-link", tmp_path / f"{s.dialect}.json") for s in stores]
    graphs = [json.loads(p.read_text()) for p in exported]
    for g in graphs:  # the ingest time differs; everything else is the same
        for node in g["nodes"]:
            node.pop("ingested_at", None)
    assert canonical(graphs[0]) == canonical(graphs[1])


@pytest.mark.parametrize(("name", "args"), list(cases()), ids=lambda v: str(v))
def test_every_named_query_answers_the_same_on_both_stores(
    stores: tuple[Store, Store], name: str, args: dict[str, Any]
) -> None:
    ladybug, neo4j = (rows_of(s, name, args) for s in stores)
    assert sorted(ladybug) == sorted(neo4j)
    if ladybug != neo4j:  # the same rows in another order: only rows that tie may swap
        query = QUERIES[name]
        assert not query.sort, f"{name}: rows sorted by {query.sort} came in another order"


@pytest.mark.parametrize("name", ["ego", "lineage", "shared-collaborators", "topic-clusters"])
def test_pages_draw_the_same_nodes_and_edges_on_both_stores(
    stores: tuple[Store, Store], name: str
) -> None:
    args = {
        "ego": {"person": "Xin Tan"},
        "lineage": {"person": "Hong Xu"},
        "shared-collaborators": {"person": "Yimin Jiang", "other": "Yibo Zhu"},
        "topic-clusters": {},
    }[name]
    drawn = [answer_graph(store, run(store, name, **args)) for store in stores]
    assert sorted(drawn[0].nodes) == sorted(drawn[1].nodes)
    assert sorted(drawn[0].edges(keys=True, data="papers")) == sorted(
        drawn[1].edges(keys=True, data="papers")
    )
