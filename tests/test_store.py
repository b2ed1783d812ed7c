"""The store contract, on every store: schema, batched idempotent upserts, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scholargraph.errors import StoreError
from scholargraph.records import (
    RECORD_TYPES,
    AffiliatedWith,
    Authored,
    Organization,
    Person,
    Publication,
    RecordSet,
    Source,
)
from scholargraph.store import schema
from scholargraph.store.export import stats
from scholargraph.store.ladybug_store import LadybugStore
from scholargraph.store.store import Store
from scholargraph.store.writer import batched, write_records


def small_graph(source: str = "src:a") -> RecordSet:
    return RecordSet(
        [
            Source(
                id=source,
                path=f"{source}.yaml",
                sha256="0" * 64,
                kind="profile",
                ingested_at="2026-01-01T00:00:00+00:00",
                sources=[source],
            ),
            Person(
                id="person:ada",
                name="Ada",
                aliases=["A. L."],
                sources=[source],
                evidence=[f"{source}.yaml:3: Ada"],
            ),
            Person(id="person:bob", name="Bob", sources=[source]),
            Publication(id="pub:1", title="On Graphs", year=None, sources=[source]),
            Organization(id="org:u", name="U"),
            Authored(id="au1", from_id="person:ada", to_id="pub:1", position=1, sources=[source]),
            Authored(id="au2", from_id="person:bob", to_id="pub:1", position=2, sources=[source]),
            AffiliatedWith(
                id="af1",
                from_id="person:ada",
                to_id="org:u",
                role="PhD student",
                start="2020-09",
                end=None,
            ),
            AffiliatedWith(
                id="af2",
                from_id="person:ada",
                to_id="org:u",
                role="undergraduate",
                start="2016-09",
                end="2020-06",
            ),
        ]
    )


def test_ensure_schema_can_run_twice(store: Store) -> None:
    store.ensure_schema()
    store.ensure_schema()
    assert stats(store)["Person"] == 0


def test_writes_every_record_with_its_properties(store: Store) -> None:
    write_records(store, small_graph())
    counts = stats(store)
    assert (counts["Person"], counts["Publication"], counts["AUTHORED"]) == (2, 1, 2)
    assert counts["AFFILIATED_WITH"] == 2  # two degrees at one place stay two edges
    rows = store.query(
        "MATCH (p:Person)-[r:AUTHORED]->(w:Publication) "
        "RETURN p.name AS name, r.position AS pos, w.year AS year ORDER BY pos"
    )
    assert rows == [
        {"name": "Ada", "pos": 1, "year": None},
        {"name": "Bob", "pos": 2, "year": None},
    ]


def test_rewriting_the_same_records_changes_nothing(store: Store) -> None:
    write_records(store, small_graph())
    before = store.query(schema.read_statement(Person))
    write_records(store, small_graph())
    assert store.query(schema.read_statement(Person)) == before
    assert stats(store)["AUTHORED"] == 2


def test_a_second_source_unions_lists_and_keeps_known_scalars(store: Store) -> None:
    write_records(store, small_graph("src:a"))
    again = RecordSet(
        [
            Person(
                id="person:ada",
                name="Ada",
                email="ada@example.org",
                aliases=["Ada L."],
                sources=["src:b"],
            )
        ]
    )
    write_records(store, again)
    (row,) = store.query(
        "MATCH (p:Person {id: $id}) RETURN p.sources AS s, p.aliases AS a, "
        "p.email AS e, p.evidence AS ev",
        {"id": "person:ada"},
    )
    assert row == {
        "s": ["src:a", "src:b"],
        "a": ["A. L.", "Ada L."],
        "e": "ada@example.org",
        "ev": ["src:a.yaml:3: Ada"],
    }


def test_ingested_at_is_set_once(store: Store) -> None:
    write_records(store, small_graph())
    later = small_graph()
    later.of(Source)["src:a"].ingested_at = "2030-01-01T00:00:00+00:00"
    write_records(store, later)
    (row,) = store.query("MATCH (s:Source) RETURN s.ingested_at AS t")
    assert row["t"] == "2026-01-01T00:00:00+00:00"


def test_a_batch_failing_midway_is_rolled_back_whole(store: Store) -> None:
    store.ensure_schema()
    # The first row is merged before the second divides by zero at run time.
    statement = (
        "UNWIND $rows AS row MERGE (n:Person {id: row.id}) "
        "WITH n, row WHERE 10 / row.d > 0 SET n.name = row.id"
    )
    with pytest.raises(StoreError):
        store.write(statement, {"rows": [{"id": "person:x", "d": 1}, {"id": "person:y", "d": 0}]})
    assert stats(store)["Person"] == 0
    write_records(store, small_graph())  # the store is usable afterwards
    assert stats(store)["Person"] == 2


def test_small_batches_write_the_same_graph(store: Store) -> None:
    write_records(store, small_graph(), batch_size=1)
    assert stats(store)["Person"] == 2


def test_batched_rejects_empty_batches() -> None:
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError):
        list(batched([1], 0))


def dump(store: Store) -> list[list[dict[str, object]]]:
    return [store.query(schema.read_statement(t)) for t in RECORD_TYPES]


def test_bulk_load_into_an_empty_store_gives_the_upserted_graph(
    tmp_path: Path, store: Store
) -> None:
    records = small_graph()
    records.add(Authored(id="au3", from_id="person:nobody", to_id="pub:1", sources=["src:a"]))
    write_records(store, records, bulk=False)
    with LadybugStore(str(tmp_path / "bulk.lbug")) as bulk:
        write_records(bulk, records)  # empty: COPY FROM, dangling edge skipped
        assert dump(bulk) == dump(store)
        write_records(bulk, small_graph("src:b"))  # not empty: upserts on top
        write_records(store, small_graph("src:b"), bulk=False)
        assert dump(bulk) == dump(store)


def test_bulk_load_happens_only_into_an_empty_store(embedded: LadybugStore) -> None:
    assert embedded.load_into_empty([[(Person, [Person(id="person:c", name="C")])]])
    assert not embedded.load_into_empty([[(Person, [Person(id="person:d", name="D")])]])
    assert stats(embedded)["Person"] == 1


def test_a_failing_bulk_load_leaves_the_store_empty(embedded: LadybugStore) -> None:
    person = Person(id="person:c", name="C")
    edge = Authored(id="au", from_id="person:c", to_id="pub:missing")
    with pytest.raises(StoreError, match="pub:missing"):
        embedded.load_into_empty([[(Person, [person])], [(Authored, [edge])]])
    assert stats(embedded) == {k: 0 for k in stats(embedded)}
    assert embedded.load_into_empty([[(Person, [person])]])


def test_a_stream_that_fails_midway_leaves_the_bulk_loaded_store_empty(
    embedded: LadybugStore,
) -> None:
    def chunks() -> Iterator[RecordSet]:
        yield small_graph()
        raise ValueError("generator broke")

    with pytest.raises(ValueError, match="generator broke"):
        write_records(embedded, chunks())
    assert stats(embedded) == {k: 0 for k in stats(embedded)}


def split(records: RecordSet) -> list[RecordSet]:
    """``records`` as a stream of chunks: each node in its own chunk, then each
    relationship after both its nodes."""
    nodes = [RecordSet([n]) for t in records.nodes.values() for n in t.values()]
    return nodes + [RecordSet([r]) for t in records.rels.values() for r in t.values()]


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "upserts"])
def test_a_stream_of_chunks_writes_the_graph_its_union_gives(
    tmp_path: Path, store: Store, bulk: bool
) -> None:
    records = small_graph()
    records.add(Authored(id="au3", from_id="person:nobody", to_id="pub:1", sources=["src:a"]))
    counts = write_records(store, records, bulk=False)
    seen: list[int] = []
    with LadybugStore(str(tmp_path / "stream.lbug")) as streamed:
        chunks = iter(split(records))
        assert write_records(streamed, chunks, bulk=bulk, progress=seen.append) == counts
        assert dump(streamed) == dump(store)
    assert sum(seen) == len(records)


def test_a_bulk_load_works_in_a_folder_whose_name_has_a_quote(tmp_path: Path) -> None:
    folder = tmp_path / "o'brien\\data"
    folder.mkdir()
    with LadybugStore(str(folder / "graph.lbug")) as quoted:
        write_records(quoted, small_graph())
        assert stats(quoted)["Person"] == len(small_graph().nodes[Person])
    assert [p.name for p in folder.iterdir()] == ["graph.lbug"]  # the staging folder is gone
