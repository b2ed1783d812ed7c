"""Batched, transactional, idempotent writes: ``UNWIND $rows … MERGE``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar, cast

from scholargraph.records import NODE_TYPES, REL_TYPES, Node, Record, RecordSet, Rel, as_row
from scholargraph.store import schema
from scholargraph.store.store import Store, Tables

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
    records: RecordSet | Iterable[RecordSet],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    bulk: bool = True,
    replace: bool = False,
) -> dict[str, int]:
    """Upsert ``records``: nodes first, then relationships, one transaction per batch.

    Every statement MERGEs on the record id, so writing the same records again
    leaves the graph unchanged. Into an empty store that has a bulk loader
    (Ladybug's ``COPY FROM``) everything goes in at once, all or nothing, which
    gives the same graph many times faster; ``bulk=False`` forces the upserts.
    A relationship whose endpoint is neither in ``records`` nor in the store is
    skipped either way. With ``replace`` the records' values replace what the
    store holds instead of being merged into it (see ``store.sync``). Returns rows
    sent per label / type; ``progress`` is called with the size of each committed
    batch (of each chunk as it is staged, in a bulk load).

    ``records`` may also be a stream of chunks (``synthetic.synthetic_chunks``),
    which is read once and never held whole: memory stays that of one chunk,
    plus the ids of the nodes written so far. Chunks must not repeat an id (the
    bulk loader rejects a node written twice, and would add a relationship twice).
    """
    store.ensure_schema()
    chunks = [records] if isinstance(records, RecordSet) else records
    counts: Counter[str] = Counter()
    if not (bulk and store.load_into_empty(_bulk_tables(chunks, counts, progress))):
        for chunk in chunks:
            for record_type, items in _tables(chunk, counts):
                statement = schema.upsert_statement(record_type, store.dialect, replace=replace)
                for rows in batched(items, batch_size):  # rows are made a batch at a time
                    store.write(statement, {"rows": [as_row(r) for r in rows]})
                    if progress:
                        progress(len(rows))
    return dict(counts)


def _tables(chunk: RecordSet, counts: Counter[str]) -> Tables:
    """A chunk's records per type, nodes first, counted into ``counts``."""
    tables: Tables = [
        *((t, list(chunk.nodes[t].values())) for t in NODE_TYPES),
        *((t, list(chunk.rels[t].values())) for t in REL_TYPES),
    ]
    counts.update({schema.type_name(t): len(items) for t, items in tables if items})
    return tables


def _bulk_tables(
    chunks: Iterable[RecordSet], counts: Counter[str], progress: Callable[[int], None] | None
) -> Iterator[Tables]:
    """Each chunk's tables minus relationships to nodes in no chunk so far (which an
    upsert's MATCH would skip in an empty store, but a bulk loader rejects)."""
    written: dict[type[Node], set[str]] = {t: set() for t in NODE_TYPES}
    for chunk in chunks:
        tables = _tables(chunk, counts)
        for t in NODE_TYPES:
            written[t].update(chunk.nodes[t])
        yield [
            (t, _ends_written(t, items, written) if issubclass(t, Rel) else items)
            for t, items in tables
        ]
        if progress:
            progress(len(chunk))


def _ends_written(
    t: type[Rel], rels: Sequence[Record], written: dict[type[Node], set[str]]
) -> Sequence[Record]:
    starts, ends = written[t.START], written[t.END]
    kept = [r for r in cast("Sequence[Rel]", rels) if r.from_id in starts and r.to_id in ends]
    return kept if len(kept) < len(rels) else rels
