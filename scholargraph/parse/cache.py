"""What reading a file gave, kept on disk so an unchanged file is never parsed twice.

An ingest into a store that already holds documents reads every stored file again
(see ``store.sync``); most of them have not changed since. Each file's extraction
is kept in a folder under a key made of everything that decides it: the file's
bytes (their sha256, which its ``Source`` carries), where it is read from and
what provenance calls it, whom the user said it is about, and the code that
reads it (the size and modification time of every file of this package, so an
upgraded or edited reader never answers from an older one's cache).

An extraction is kept as JSON of plain rows (each record's type name and its
``as_row`` less the fields at their default, each note's path, line and reason),
so reading the cache back runs no code: a file that is not such JSON counts as no
entry.

>>> import tempfile
>>> from scholargraph.parse.builder import Extraction
>>> from scholargraph.records import RecordSet
>>> cache = ParseCache(Path(tempfile.mkdtemp()))
>>> key = cache.key(b"@misc{a, title={T}}", Path("a.bib"), owner=None, shown=None)
>>> cache.get(key) is None
True
>>> cache.put(key, Extraction("bibtex", RecordSet(), entries=1))
>>> cache.get(key).entries, cache.get(key) is not cache.get(key)  # a fresh copy each time
(1, True)
>>> cache.prune_unused(), cache.get(key) is not None
(0, True)
>>> _ = (cache.folder / f"{key}{_SUFFIX}").write_text("not JSON", encoding="utf-8")
>>> cache.get(key) is None  # read as no entry: the file is parsed again
True
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scholargraph.parse.builder import Extraction, Note
from scholargraph.records import RECORD_TYPES, Record, RecordSet, as_row

_PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIX = ".extraction.json"
_TYPES = {t.__name__: t for t in RECORD_TYPES}


def _defaults(record_type: type[Record]) -> dict[str, Any]:
    """The record type's fields that have a default, and the default."""
    out = {}
    for f in dataclasses.fields(record_type):
        if f.default_factory is not dataclasses.MISSING:
            out[f.name] = f.default_factory()
        elif f.default is not dataclasses.MISSING:
            out[f.name] = f.default
    return out


_DEFAULTS = {t: _defaults(t) for t in RECORD_TYPES}


def _row(record: Record) -> dict[str, Any]:
    """``as_row``, less the fields left at their default (a fifth of the size)."""
    defaults = _DEFAULTS[type(record)]
    return {
        k: v
        for k, v in as_row(record).items()
        if k not in defaults or v != defaults[k] or type(v) is not type(defaults[k])
    }


def to_json(extraction: Extraction) -> str:
    """``extraction`` as JSON of plain rows (see the module's docstring)."""
    return "".join(_json_pieces(extraction))


def _json_pieces(extraction: Extraction) -> Iterator[str]:
    """``to_json``'s text a record at a time, so a big file's extraction is written
    without its whole JSON (or every row) held at once."""
    dumps = functools.partial(json.dumps, ensure_ascii=False)
    yield (
        f'{{"kind": {dumps(extraction.kind)}, "entries": {dumps(extraction.entries)}, '
        f'"skipped": {dumps([[n.path, n.line, n.reason] for n in extraction.skipped])}, '
        f'"warnings": {dumps([[n.path, n.line, n.reason] for n in extraction.warnings])}, '
        '"records": ['
    )
    for i, r in enumerate(extraction.records):
        yield f"{', ' if i else ''}{dumps([type(r).__name__, _row(r)])}"
    yield "]}"


def from_json(text: str) -> Extraction:
    """The extraction ``to_json`` wrote; ValueError when ``text`` is not one.

    >>> from scholargraph.records import Person
    >>> ex = Extraction("profile", RecordSet([Person(id="person:ada", name="Ada")]))
    >>> ex.warnings.append(Note("cv.yaml", 3, "odd"))
    >>> back = from_json(to_json(ex))
    >>> back.records.nodes[Person]["person:ada"] == ex.records.nodes[Person]["person:ada"]
    True
    >>> to_json(back) == to_json(ex)
    True
    """
    try:
        data: dict[str, Any] = json.loads(text)
        return Extraction(
            str(data["kind"]),
            RecordSet(_TYPES[name](**row) for name, row in data["records"]),
            skipped=[Note(*note) for note in data["skipped"]],
            warnings=[Note(*note) for note in data["warnings"]],
            entries=int(data["entries"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a kept extraction: {exc}") from exc


@functools.cache
def code_version() -> str:
    """A digest of the package's files (name, size, modification time)."""
    digest = hashlib.sha256()
    for f in sorted(_PACKAGE.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            stat = f.stat()
            digest.update(
                f"{f.relative_to(_PACKAGE)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
            )
    return digest.hexdigest()


class KeptFiles:
    """Texts kept in ``folder``, one file each, named by a key and ``suffix``;
    ``prune_unused`` deletes those that no ``read`` or ``write`` asked for."""

    def __init__(self, folder: Path, suffix: str) -> None:
        self.folder = folder
        self.suffix = suffix
        self.used: set[str] = set()

    def read(self, key: str) -> str | None:
        """The text kept under ``key``, or None."""
        self.used.add(key)
        try:
            return (self.folder / f"{key}{self.suffix}").read_text(encoding="utf-8")
        except (OSError, ValueError):  # ValueError: not UTF-8
            return None

    def write(self, key: str, text: str | Iterable[str]) -> None:
        """Keep ``text`` (or its pieces, in order) under ``key`` (written whole or
        not at all)."""
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{key}{self.suffix}"
        partial = target.with_suffix(f".{os.getpid()}.partial")
        try:
            with partial.open("w", encoding="utf-8") as out:
                out.writelines([text] if isinstance(text, str) else text)
            partial.replace(target)
        finally:  # a write that failed half way (a full disk) leaves nothing behind
            partial.unlink(missing_ok=True)

    def prune_unused(self) -> int:
        """Delete what no ``read`` or ``write`` asked for; how many."""
        kept = self.folder.glob(f"*{self.suffix}")
        stale = [f for f in kept if f.name.removesuffix(self.suffix) not in self.used]
        for f in stale:
            f.unlink(missing_ok=True)
        return len(stale)


class ParseCache(KeptFiles):
    """Extractions in ``folder``, one file each, named by their key."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, _SUFFIX)

    def key(self, data: bytes, path: Path, *, owner: str | None, shown: str | None) -> str:
        """The key of reading ``data`` from ``path`` (see the module's docstring)."""
        parts = (hashlib.sha256(data).hexdigest(), str(path.resolve()), path.as_posix())
        said = (owner or "", shown or "", code_version())
        return hashlib.sha256("\0".join((*parts, *said)).encode()).hexdigest()

    def get(self, key: str) -> Extraction | None:
        """A fresh copy of the extraction kept under ``key``, or None (a file that
        cannot be read back counts as none)."""
        text = self.read(key)
        try:
            return None if text is None else from_json(text)
        except ValueError:  # not JSON, or not an extraction's
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        """Keep ``extraction`` under ``key`` (written whole or not at all), a record
        at a time."""
        self.write(key, _json_pieces(extraction))
