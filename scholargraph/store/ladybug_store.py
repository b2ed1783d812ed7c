"""The embedded default store: LadybugDB, in-process, one file on disk.

A store opened to write is never written in place. The writer takes the store's
lock (``graph.lbug.lock``, held with ``flock`` and gone once the writer is), copies
the file to ``graph.lbug.next`` and writes there; ``close`` checkpoints the copy,
flushes it to disk and renames it over the store, one atomic step. A writer that
dies (kill -9, power loss, Ladybug aborting on a full disk) or fails leaves the
store as it was before it began, and at most a stale copy that the next writer or
``scholargraph repair`` removes; a command that succeeds leaves the store as after
it. Readers open the store read-only and need no lock: a running writer does not
hold them up, and they see the store as the last finished command left it.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import glob
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.parquet as pq

from scholargraph.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreUnavailableError,
)
from scholargraph.records import RECORD_TYPES, Node, Record, Rel
from scholargraph.store import schema
from scholargraph.store.store import Store, Tables, alive
from scholargraph.store.sync import forget_written

_URI_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_ARROW_TYPES = {
    "STRING": pa.string(),
    "INT64": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "STRING[]": pa.list_(pa.string()),
}


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _string_literal(text: str) -> str:
    r"""A Cypher string literal (for a path: COPY takes no parameter there).

    >>> print(_string_literal("/home/o'brien/a\\b"))
    '/home/o\'brien/a\\b'
    """
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _plain(value: Any) -> Any:
    """Ladybug sums INT64 columns into INT128, which reaches Python as a Decimal;
    give it back as the int Neo4j gives (any other Decimal as a float)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class LadybugStore(Store):
    dialect = "ladybug"

    def __init__(self, path: str, *, buffer_pool_mb: int = 1024, read_only: bool = False) -> None:
        if _URI_SCHEME.match(path):
            raise StoreUnavailableError(
                f"unknown store URI {path!r}",
                hint="use a filesystem path for the embedded store or bolt://host:7687 for Neo4j",
            )
        self.location = path
        target = Path(path)
        if target.is_dir():
            raise StoreUnavailableError(
                f"embedded store {path!r} is a directory",
                hint="name a file path, e.g. ./scholargraph-data",
            )
        if not target.parent.exists():
            raise StoreUnavailableError(
                f"cannot create embedded store {path!r}: its folder does not exist",
                hint="create the folder or choose another --store path",
            )
        self.read_only = read_only
        self._broken: StoreError | None = None  # an I/O failure: Ladybug must not be touched
        self._lock: int | None = None
        pool = buffer_pool_mb * 1024 * 1024
        if read_only:  # a store not made yet reads as an empty one, and is not made
            where = path if target.exists() else ":memory:"
            self._db, self._conn = _open(
                where, path, buffer_pool_size=pool, read_only=where != ":memory:"
            )
            self._schema_ready = where != ":memory:" and self._schema_checked()
            return
        self._lock = take_lock(target)
        try:
            _settle_wal(target, pool)
            if leftovers(target):  # its kept hashes may describe the copy it left
                forget_written(self)
            self._work = working_copy(target)
            self._db, self._conn = _open(str(self._work), path, buffer_pool_size=pool)
        except BaseException:
            release_lock(target, self._lock)
            raise
        self._schema_ready = False

    def _schema_checked(self) -> bool:
        """A read-only store must already have every table and column declared."""
        if missing := self.missing_schema():
            self.close()
            raise StoreUnavailableError(
                f"embedded store {self.location!r} was made by an older scholargraph "
                f"(it has no {', '.join(missing[:3])}{', …' if len(missing) > 3 else ''})",
                hint="run `scholargraph repair` (or any ingest) once to bring it up to date",
            )
        return True

    def missing_schema(self) -> list[str]:
        """Tables and columns this version declares that the store lacks."""
        tables = {r["name"] for r in self._rows("CALL show_tables() RETURN name")}
        missing = []
        for t in RECORD_TYPES:
            name = schema.type_name(t)
            if name not in tables:
                missing.append(name)
                continue
            have = {r["name"] for r in self._rows(f"CALL table_info('{name}') RETURN name")}
            missing += [f"{name}.{p.name}" for p in schema.properties(t) if p.name not in have]
        return missing

    def storage_version(self) -> int:
        """Ladybug's version of the file format."""
        return int(self._db.get_storage_version())

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        for stmt in schema.ladybug_ddl():
            self._execute(stmt, None)
        self._schema_ready = True

    def _execute(self, text: str, params: dict[str, Any] | None) -> Any:
        if self._broken:
            raise self._broken
        try:
            return self._conn.execute(text, params) if params else self._conn.execute(text)
        except RuntimeError as exc:
            if _first_line(exc).startswith("IO exception"):
                # Ladybug aborts the process if this database is closed now: it is
                # left open, and the working copy thrown away when the store closes.
                self._broken = StoreError(
                    f"could not write the embedded store {self.location!r}: {_first_line(exc)}",
                    hint="is the disk full? The store is as it was before this command",
                )
                raise self._broken from exc
            raise StoreError(f"LadybugDB rejected the query: {_first_line(exc)}") from exc

    def _rows(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._execute(text, params)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append({c: _plain(v) for c, v in zip(columns, result.get_next(), strict=True)})
        return rows

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.ensure_schema()
        return self._rows(text, params)

    def write(self, text: str, params: dict[str, Any]) -> None:
        self._in_transaction([(text, params)])

    def _in_transaction(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
        self._execute("BEGIN TRANSACTION", None)
        try:
            for text, params in statements:
                self._execute(text, params)
        except BaseException:
            # Ladybug has already rolled back after a runtime error; after an
            # interrupt it has not. Either way no part of the batch survives.
            if not self._broken:
                with contextlib.suppress(RuntimeError):
                    self._conn.execute("ROLLBACK")
            raise
        self._execute("COMMIT", None)

    def load_into_empty(self, chunks: Iterable[Tables]) -> bool:
        """``COPY … FROM`` one Parquet file per record type, all or nothing.

        The chunks are spooled to the files first (in a temporary folder beside the
        store), one chunk's Arrow columns in memory at a time, and each table then
        gets one COPY, which Ladybug reads in pieces: a stream of any length loads
        in bounded memory (many small COPYs into a growing relationship table filled
        Ladybug's buffer pool instead; memory-mapped Arrow files were 7% faster but
        took 240 MiB more at 1M authorships). Each COPY commits on its own (one
        transaction around them all made a 1M authorship load 2.7x slower); if one
        fails, or the stream of chunks raises, the tables are dropped and declared
        again, which restores the empty store the load began with. Ladybug maps
        copied columns by position, so columns follow the declared order
        (``table_info``), with a relationship's two endpoint ids first.
        """
        self.ensure_schema()
        if self.query("MATCH (n) RETURN n.id AS id LIMIT 1"):
            return False
        beside = Path(self.location).resolve().parent
        with tempfile.TemporaryDirectory(prefix=".scholargraph-load-", dir=beside) as folder:
            try:
                files = self._spool(chunks, Path(folder))
                spooled = sum(Path(f).stat().st_size for f in files.values())
                need_space(beside, _LOADED_PER_SPOOLED * spooled + _LOADED_BASE, "this bulk load")
                for cls in RECORD_TYPES:  # nodes before relationships
                    if cls in files:
                        source = _string_literal(files[cls])
                        self._execute(f"COPY {schema.type_name(cls)} FROM {source}", None)
            except BaseException:
                if not self._broken:
                    self._drop_all()
                raise
        return True

    def _spool(self, chunks: Iterable[Tables], folder: Path) -> dict[type[Node] | type[Rel], str]:
        """Write every chunk's tables to one Parquet file per record type."""
        columns: dict[type[Node] | type[Rel], dict[str, pa.DataType]] = {}
        writers: dict[type[Node] | type[Rel], pq.ParquetWriter] = {}
        try:
            for tables in chunks:
                for cls, records in tables:
                    if not records:
                        continue
                    if cls not in columns:
                        columns[cls] = self._columns(cls)
                    table = self._arrow(columns[cls], records)
                    if cls not in writers:
                        path = folder / f"{schema.type_name(cls)}.parquet"
                        writers[cls] = pq.ParquetWriter(path, table.schema)
                    writers[cls].write_table(table)
        finally:
            for writer in writers.values():
                writer.close()
        return {cls: str(writer.where) for cls, writer in writers.items()}

    def _drop_all(self) -> None:
        """Drop every table (relationships first) and declare them again: empty."""
        for t in reversed(RECORD_TYPES):
            self._conn.execute(f"DROP TABLE IF EXISTS {schema.type_name(t)}")
        self._schema_ready = False
        self.ensure_schema()

    def _columns(self, cls: type[Node] | type[Rel]) -> dict[str, pa.DataType]:
        """The table's columns in the order Ladybug declared them, with their types."""
        types = {p.name: _ARROW_TYPES[p.ladybug_type] for p in schema.properties(cls)}
        types.update(from_id=pa.string(), to_id=pa.string())
        declared = self.query(f"CALL table_info('{schema.type_name(cls)}') RETURN name")
        names = [r["name"] for r in declared]
        return {
            c: types[c] for c in (["from_id", "to_id", *names] if issubclass(cls, Rel) else names)
        }

    @staticmethod
    def _arrow(columns: dict[str, pa.DataType], records: Sequence[Record]) -> pa.Table:
        """Records as an Arrow table: a row tuple each (one C call), transposed."""
        values = zip(*map(attrgetter(*columns), records), strict=True)
        return pa.table(
            {c: pa.array(v, type=t) for (c, t), v in zip(columns.items(), values, strict=True)}
        )

    def close(self) -> None:
        """Close; a writer's working copy replaces the store, all at once (see the
        module). If that fails, the store is left as it was and the error raised."""
        if self.read_only:
            self._conn.close()
            self._db.close()
            return
        if self._lock is None:  # closed already
            return
        try:
            self.ensure_schema()  # a store is never made without its tables
            self._execute("CHECKPOINT", None)
            self._conn.close()
            self._db.close()
            swap_in(self._work, Path(self.location))
        except BaseException:
            self._throw_away()
            raise
        finally:
            self._release()

    def discard(self) -> None:
        """Close, and leave the store as it was before this writer opened it."""
        if self.read_only or self._lock is None:
            self.close()
            return
        try:
            self._throw_away()
        finally:
            self._release()

    def _throw_away(self) -> None:
        if self._broken:  # closing would abort the process: keep the handles for good
            _ABANDONED.extend((self._conn, self._db))
            for handle in (self._conn, self._db):
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(handle))
        elif not self._db.is_closed:
            with contextlib.suppress(RuntimeError):
                self._conn.close()
                self._db.close()
        forget_written(self)  # they may describe the copy thrown away
        remove_leftovers(Path(self.location))

    def _release(self) -> None:
        if self._lock is not None:
            release_lock(Path(self.location), self._lock)
            self._lock = None


_ABANDONED: list[object] = []  # databases whose writes failed (see ``_throw_away``)
_SPARE = 2**20  # free bytes asked for beyond a working copy of the store
# A bulk-loaded store takes about 8 MiB, and 6 bytes per byte of the Parquet it was
# loaded from (synthetic graphs of 10,000 to 300,000 authorships: 16.5, 5.8 and 4.8
# bytes per byte; see docs/reliability.md).
_LOADED_PER_SPOOLED = 6
_LOADED_BASE = 8 * 2**20


def _open(where: str, path: str, **options: Any) -> tuple[ladybug.Database, ladybug.Connection]:
    try:
        db = ladybug.Database(where, **options)
        return db, ladybug.Connection(db)
    except RuntimeError as exc:
        raise unopenable(path, _first_line(exc)) from exc


def probe(target: Path) -> None:
    """Open the store's file read-only and close it: StoreCorruptError if it is not
    a store Ladybug can read (its log replayed, when it has one)."""
    db, conn = _open(str(target), str(target), read_only=True)
    conn.close()
    db.close()


def unopenable(path: str, reason: str) -> StoreUnavailableError:
    """The error for a store that does not open, with the hint its reason calls for.

    >>> print(unopenable("g", "IO exception: Could not set lock on file : g").hint)
    another process has it open to write; wait for it to finish, or stop it
    >>> print(unopenable("g", "IO exception: Cannot open file g: Permission denied").hint)
    you may not read or write it: check the permissions of the file and its folder
    >>> type(unopenable("g", "Unable to open database. The file is not a valid Lbug database"))
    <class 'scholargraph.errors.StoreCorruptError'>
    """
    message = f"cannot open embedded store {path!r}: {reason}"
    if "lock" in reason.lower():
        return StoreLockedError(
            message, hint="another process has it open to write; wait for it to finish, or stop it"
        )
    if "permission denied" in reason.lower() or "read-only file system" in reason.lower():
        return StoreUnavailableError(
            message,
            hint="you may not read or write it: check the permissions of the file and its folder",
        )
    return StoreCorruptError(
        message,
        hint="`scholargraph check` says what is wrong; `scholargraph repair` brings back the "
        "last good state",
    )


def _next(target: Path) -> Path:
    return target.with_name(f"{target.name}.next")


def _lock_file(target: Path) -> Path:
    return target.with_name(f"{target.name}.lock")


def take_lock(target: Path) -> int:
    """Hold the store's writer lock (a file that exists only while it is held, and
    stops being held when its process dies); a one-line error when another holds it."""
    lock = _lock_file(target)
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise unopenable(str(target), f"cannot create {lock.name}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 20, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise StoreLockedError(
                f"embedded store {str(target)!r} is being written by another process "
                f"(pid {pid or '?'})",
                hint="wait for it to finish (readers are not held up), or stop it",
            ) from None
        with contextlib.suppress(FileNotFoundError):
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
                return fd
        os.close(fd)  # its last holder removed the file: lock the one there now


def release_lock(target: Path, fd: int) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(_lock_file(target))
    os.close(fd)


def writer_pid(target: Path) -> int | None:
    """The process holding the store's writer lock, if one lives."""
    try:
        pid = int(_lock_file(target).read_text("ascii").strip() or 0)
    except (OSError, ValueError):
        return None
    return pid if alive(pid) else None


def leftovers(target: Path) -> list[Path]:
    """What writers that never finished left beside the store (working copies and
    their logs; a lock file no process holds)."""
    found = sorted(target.parent.glob(glob.escape(target.name) + ".next*"))
    lock = _lock_file(target)
    return [*found, lock] if lock.exists() and writer_pid(target) is None else found


def remove_leftovers(target: Path) -> None:
    for path in sorted(target.parent.glob(glob.escape(target.name) + ".next*")):
        path.unlink(missing_ok=True)


def _settle_wal(target: Path, pool: int) -> None:
    """A log beside the store itself (left by a writer of an earlier version, which
    wrote in place): Ladybug replays it into the file and checkpoints on close."""
    if Path(f"{target}.wal").exists():
        db, conn = _open(str(target), str(target), buffer_pool_size=pool)
        conn.close()
        db.close()


def need_space(folder: Path, need: int, what: str) -> None:
    free = shutil.disk_usage(folder).free
    if free < need:
        raise StoreError(
            f"not enough free space in {folder} for {what}: about {need / 2**20:,.0f} MB "
            f"needed, {free / 2**20:,.0f} MB free",
            hint="free some space or choose a --store on another disk; the store is unchanged",
        )


def working_copy(target: Path) -> Path:
    """A copy of the store to write into (none yet for a store not made yet)."""
    remove_leftovers(target)
    work = _next(target)
    if not target.exists():
        return work
    need_space(target.parent, target.stat().st_size + _SPARE, "a working copy of the store")
    try:
        shutil.copyfile(target, work)
    except OSError as exc:
        remove_leftovers(target)
        raise StoreError(
            f"could not copy embedded store {str(target)!r} to write it: {exc.strerror}",
            hint="is the disk full? The store is unchanged",
        ) from exc
    return work


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_in(work: Path, target: Path) -> None:
    """Put the checkpointed working copy in the store's place, durably: its data on
    disk first, then the rename, then the folder's entry."""
    if Path(f"{work}.wal").exists():
        raise StoreError(f"LadybugDB left {work}.wal after its checkpoint; the store is unchanged")
    _fsync(work)
    os.replace(work, target)
    _fsync(target.parent)
