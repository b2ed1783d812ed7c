"""Batched, transactional, idempotent writes: ``UNWIND $rows … MERGE``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from scholargraph.graph import schema
from scholargraph.graph.store import Store
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
) -> dict[str, int]:
    """Upsert ``records``: nodes first, then relationships, one transaction per batch.

    Every statement MERGEs on the record id, so writing the same records again
    leaves the graph unchanged. Returns rows written per label / type;
    ``progress`` is called with the size of each committed batch.
    """
    store.ensure_schema()
    written: dict[str, int] = {}
    for node_type in NODE_TYPES:
        rows = [as_row(n) for n in records.nodes[node_type].values()]
        statement = schema.upsert_statement(node_type, store.dialect)
        written[node_type.LABEL] = _write_rows(store, statement, rows, batch_size, progress)
    for rel_type in REL_TYPES:
        rows = [as_row(r) for r in records.rels[rel_type].values()]
        statement = schema.upsert_statement(rel_type, store.dialect)
        written[rel_type.TYPE] = _write_rows(store, statement, rows, batch_size, progress)
    return {k: v for k, v in written.items() if v}


def _write_rows(
    store: Store,
    statement: str,
    rows: list[dict[str, object]],
    batch_size: int,
    progress: Callable[[int], None] | None,
) -> int:
    for chunk in batched(rows, batch_size):
        store.write(statement, {"rows": chunk})
        if progress:
            progress(len(chunk))
    return len(rows)
