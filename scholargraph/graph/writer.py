"""Batched, transactional, idempotent writes: ``UNWIND $rows … MERGE``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from scholargraph.graph import schema
from scholargraph.graph.store import Store, Tables
from scholargraph.records import NODE_TYPES, REL_TYPES, RecordSet, as_row

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items.

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    if size < 1:
        raise ValueError("batch size must be at least 1")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def write_records(
    store: Store,
    records: RecordSet,
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    bulk: bool = True,
    replace: bool = False,
) -> dict[str, int]:
    """Upsert ``records``: nodes first, then relationships, one transaction per batch.

    Every statement MERGEs on the record id, so writing the same records again
    leaves the graph unchanged. Into an empty store that has a bulk loader
    (Ladybug's ``COPY FROM``) everything goes in one transaction instead, which
    gives the same graph many times faster; ``bulk=False`` forces the upserts.
    A relationship whose endpoint is neither in ``records`` nor in the store is
    skipped either way. With ``replace`` the records' values replace what the
    store holds instead of being merged into it (see ``graph.sync``). Returns rows
    sent per label / type; ``progress`` is called with the size of each committed
    batch.
    """
    store.ensure_schema()
    tables: Tables = [
        *((t, list(records.nodes[t].values())) for t in NODE_TYPES),
        *((t, list(records.rels[t].values())) for t in REL_TYPES),
    ]
    if bulk and store.load_into_empty(_without_dangling(tables, records)):
        if progress:
            progress(sum(len(items) for _, items in tables))
    else:
        for record_type, items in tables:
            statement = schema.upsert_statement(record_type, store.dialect, replace=replace)
            for chunk in batched(items, batch_size):  # rows are made a batch at a time
                store.write(statement, {"rows": [as_row(r) for r in chunk]})
                if progress:
                    progress(len(chunk))
    return {schema.type_name(t): len(items) for t, items in tables if items}


def _without_dangling(tables: Tables, records: RecordSet) -> Tables:
    """The tables minus relationships to nodes outside ``records`` (which an upsert's
    MATCH would skip in an empty store, but a bulk loader rejects)."""
    dangling = {id(r) for r in records.dangling()}
    if not dangling:
        return tables
    return [(t, [r for r in items if id(r) not in dangling]) for t, items in tables]
