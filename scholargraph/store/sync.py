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

Replacing is incremental: each written record's content hash (``record_hash``)
is kept in the store's ingest folder (``ingest_folder``), so the next ingest
sends only the records whose hash changed and deletes only the ids that are
gone. The kept hashes are trusted only while the store holds as many records of
every label and type as they list (another writer, or a store emptied or
replaced, fails that), and are dropped before each write and kept again after
it, so a write that stops half-way leaves none: then everything is written again
and every id read back to prune, as on the first ingest. The same folder holds
the parse cache (``parse.cache``), so unchanged stored files are not parsed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from scholargraph.errors import InputError
from scholargraph.records import (
    NODE_TYPES,
    RECORD_TYPES,
    REL_TYPES,
    Node,
    Record,
    RecordSet,
    Rel,
    Source,
    field_names,
)
from scholargraph.store import schema
from scholargraph.store.store import Store
from scholargraph.store.writer import batched, write_records

WRITTEN = "written.json"  # label / type -> record id -> record_hash, as last written
Hashes = dict[str, dict[str, str]]


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
    forgotten: list[StoredSource] = field(default_factory=list)  # not read: their facts go

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


def _names(paths: Iterable[Path]) -> set[str]:
    return {n for p in paths for n in (p.as_posix(), str(p.resolve()))}


def coverage(
    stored: Iterable[StoredSource], given: Iterable[Path], forget: Iterable[str | Path] = ()
) -> Coverage:
    """Which stored sources this ingest covers: given anew (same path, or same
    content), forgotten (its path, location or URL in ``forget``: its facts are to
    go), readable again unchanged (at its path or its location), or gone. A path in
    ``forget`` that names no stored source is an InputError."""
    stored, given, forget = list(stored), list(given), list(forget)
    known = {n for s in stored for n in (s.path, s.location)}
    for f in forget:
        if not {str(f), *_names([Path(f)])} & known:
            raise InputError(str(f), "not a stored source: nothing to forget")
    if not stored:  # a fresh store: nothing to cover, no file to hash
        return Coverage()
    given_paths = _names(given)
    forgotten = {str(f) for f in forget} | _names(map(Path, forget))
    given_shas = {_sha256(p) for p in given}
    out = Coverage()
    for s in stored:
        if s.path in given_paths or s.location in given_paths or s.sha256 in given_shas:
            continue
        if s.path in forgotten or s.location in forgotten:
            out.forgotten.append(s)
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
    kept: list[tuple[type[Node] | type[Rel], Mapping[str, object]]] = [
        *((t, records.rels[t]) for t in REL_TYPES),
        *((t, records.nodes[t]) for t in NODE_TYPES),
    ]
    return _delete(
        store,
        {
            t: [r["id"] for r in store.query(schema.ids_statement(t)) if r["id"] not in keep]
            for t, keep in kept
        },
    )


def _delete(store: Store, stale: Mapping[type[Node] | type[Rel], list[str]]) -> dict[str, int]:
    """Delete these ids, per type in the order given; what was deleted per label / type."""
    removed = {}
    for t, ids in stale.items():
        for chunk in batched(ids, 1000):
            store.write(schema.delete_statement(t), {"ids": chunk})
        if ids:
            removed[schema.type_name(t)] = len(ids)
    return removed


def ingest_folder(store: Store) -> Path:
    """Where ingests keep what they know of ``store`` (parses, written hashes):
    beside an embedded store's file (``graph.lbug`` → ``graph.lbug.ingest``); for
    a server, under the user's cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``)
    in ``scholargraph/`` and a folder named by a digest of the server's URI."""
    if store.dialect == "ladybug":
        return Path(f"{store.location}.ingest")
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "scholargraph" / hashlib.sha256(store.location.encode()).hexdigest()[:16]


_ON_CREATE = {t: {p.name for p in schema.properties(t) if p.on_create} for t in RECORD_TYPES}
# the fields a replacing write sets, in ``as_row``'s order
_HASHED = {t: [n for n in field_names(t) if n not in _ON_CREATE[t]] for t in RECORD_TYPES}


def record_hash(record: Record) -> str:
    """A digest of what a replacing write sets (fields set once on creation left out).

    >>> from scholargraph.records import Person
    >>> ada = record_hash(Person(id="person:ada", name="Ada"))
    >>> ada == record_hash(Person(id="person:ada", name="Ada"))
    True
    >>> ada == record_hash(Person(id="person:ada", name="Ada L."))
    False
    """
    row = [(k, getattr(record, k)) for k in _HASHED[type(record)]]
    return hashlib.blake2b(repr(row).encode(), digest_size=16).hexdigest()


def _hashes(records: RecordSet) -> Hashes:
    """Each record's hash per label / type: the records a write keeps (relationships
    between two of the records' nodes)."""
    out: Hashes = {
        schema.type_name(t): {i: record_hash(n) for i, n in records.nodes[t].items()}
        for t in NODE_TYPES
    }
    for t in REL_TYPES:
        starts, ends = records.nodes[t.START], records.nodes[t.END]
        out[t.TYPE] = {
            i: record_hash(r)
            for i, r in records.rels[t].items()
            if r.from_id in starts and r.to_id in ends
        }
    return out


def _written(store: Store, path: Path) -> Hashes | None:
    """The hashes kept at ``path``, when the store still holds as many records of
    each label and type as they list; else None."""
    try:
        hashes: Hashes = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(hashes, dict) or not all(isinstance(h, dict) for h in hashes.values()):
        return None
    for t in RECORD_TYPES:
        (row,) = store.query(schema.count_statement(t))
        if row["n"] != len(hashes.get(schema.type_name(t), {})):
            return None
    return hashes


def forget_written(store: Store) -> None:
    """Drop the kept hashes (the next replace writes everything): after a merging write."""
    (ingest_folder(store) / WRITTEN).unlink(missing_ok=True)


def replace_all(
    store: Store,
    records: RecordSet,
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, int], dict[str, int]]:
    """Make ``store`` hold exactly ``records``: write the records whose hash differs
    from the one kept for their id (every record, without kept hashes) and delete
    what is no longer there (see the module's docstring). Returns the rows written
    and the records deleted, per label / type."""
    path = ingest_folder(store) / WRITTEN
    before = _written(store, path)
    path.unlink(missing_ok=True)  # until this write is done, nothing is known
    after = _hashes(records)
    if before is None:
        written = write_records(
            store, records, batch_size=batch_size, progress=progress, replace=True
        )
        removed = prune(store, records)
    else:
        kinds: list[tuple[type[Node] | type[Rel], Mapping[str, Record]]] = [
            *((t, records.rels[t]) for t in REL_TYPES),
            *((t, records.nodes[t]) for t in NODE_TYPES),
        ]
        was = {t: before.get(schema.type_name(t), {}) for t, _ in kinds}
        now = {t: after[schema.type_name(t)] for t, _ in kinds}
        removed = _delete(store, {t: sorted(was[t].keys() - now[t].keys()) for t, _ in kinds})
        changed = RecordSet(
            r
            for t, items in kinds
            for i, r in items.items()
            if i in now[t] and was[t].get(i) != now[t][i]
        )
        written = write_records(
            store, changed, batch_size=batch_size, progress=progress, replace=True
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.write_text(json.dumps(after), encoding="utf-8")
    partial.replace(path)
    return written, removed
