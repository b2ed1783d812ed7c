"""Keeping a store equal to what its sources say.

Identity resolution looks at every document at once, so an ingest into a store
that already holds documents reads those again (from the location each Source
node records, when the file is still there unchanged) and resolves everything
together. When every stored source is covered that way, or given anew (an edited
file at a stored path supersedes its old version), the resolved records are the
whole truth: they replace what the store holds, and whatever they no longer
contain (a person split off, a paper folded, the facts of an edited CV's old
version) is deleted. Otherwise the ingest merges into the store as before, and
says which sources it could not read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from scholargraph.records import NODE_TYPES, REL_TYPES, Node, RecordSet, Rel, Source
from scholargraph.store import schema
from scholargraph.store.store import Store
from scholargraph.store.writer import batched


@dataclass(frozen=True)
class StoredSource:
    id: str
    path: str  # as it was given (what evidence lines show)
    location: str | None  # absolute path, to read it again from anywhere
    sha256: str
    owner: str | None


@dataclass
class Coverage:
    """Stored sources to read again with this ingest, and those that cannot be."""

    again: list[tuple[str, StoredSource]] = field(default_factory=list)  # (path to read, source)
    gone: list[StoredSource] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.gone


def stored_sources(store: Store) -> list[StoredSource]:
    return [
        StoredSource(r["id"], r["path"], r.get("location"), r["sha256"], r.get("owner"))
        for r in store.query(schema.read_statement(Source))
    ]


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def coverage(stored: Iterable[StoredSource], given: Iterable[Path]) -> Coverage:
    """Which stored sources this ingest covers: given anew (same path, or same
    content), readable again unchanged (at its path or its location), or gone."""
    stored, given = list(stored), list(given)
    if not stored:  # a fresh store: nothing to cover, no file to hash
        return Coverage()
    given_paths = {p.as_posix() for p in given} | {str(p.resolve()) for p in given}
    given_shas = {_sha256(p) for p in given}
    out = Coverage()
    for s in stored:
        if s.path in given_paths or s.location in given_paths or s.sha256 in given_shas:
            continue
        readable = [p for p in (s.path, s.location) if p and _sha256(Path(p)) == s.sha256]
        if readable:
            out.again.append((readable[0], s))
        else:
            out.gone.append(s)
    return out


def prune(store: Store, records: RecordSet) -> dict[str, int]:
    """Delete from ``store`` every node and relationship not in ``records``
    (relationships first); returns what was deleted per label / type."""
    removed = {}
    kept: list[tuple[type[Node] | type[Rel], Mapping[str, object]]] = [
        *((t, records.rels[t]) for t in REL_TYPES),
        *((t, records.nodes[t]) for t in NODE_TYPES),
    ]
    for t, keep in kept:
        stale = [r["id"] for r in store.query(schema.ids_statement(t)) if r["id"] not in keep]
        for chunk in batched(stale, 1000):
            store.write(schema.delete_statement(t), {"ids": chunk})
        if stale:
            removed[schema.type_name(t)] = len(stale)
    return removed
