"""The embedded default store: LadybugDB, in-process, one file on disk."""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any

import ladybug
import pyarrow as pa
import pyarrow.parquet as pq

from scholargraph.errors import StoreError, StoreUnavailableError
from scholargraph.records import RECORD_TYPES, Node, Record, Rel
from scholargraph.store import schema
from scholargraph.store.store import Store, Tables

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

    def __init__(self, path: str, *, buffer_pool_mb: int = 1024) -> None:
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
        try:
            self._db = ladybug.Database(path, buffer_pool_size=buffer_pool_mb * 1024 * 1024)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise StoreUnavailableError(
                f"cannot open embedded store {path!r}: {_first_line(exc)}",
                hint="is another scholargraph process using it?",
            ) from exc
        self._schema_ready = False

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        for stmt in schema.ladybug_ddl():
            self._execute(stmt, None)
        self._schema_ready = True

    def _execute(self, text: str, params: dict[str, Any] | None) -> Any:
        try:
            return self._conn.execute(text, params) if params else self._conn.execute(text)
        except RuntimeError as exc:
            raise StoreError(f"LadybugDB rejected the query: {_first_line(exc)}") from exc

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.ensure_schema()
        result = self._execute(text, params)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append({c: _plain(v) for c, v in zip(columns, result.get_next(), strict=True)})
        return rows

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
                for cls in RECORD_TYPES:  # nodes before relationships
                    if cls in files:
                        source = _string_literal(files[cls])
                        self._execute(f"COPY {schema.type_name(cls)} FROM {source}", None)
            except BaseException:
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
        self._conn.close()
        self._db.close()
