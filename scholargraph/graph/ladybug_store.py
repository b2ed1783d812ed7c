"""The embedded default store: LadybugDB, in-process, one file on disk."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import ladybug

from scholargraph.errors import StoreError, StoreUnavailableError
from scholargraph.graph import schema
from scholargraph.graph.store import Store

_URI_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


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
            rows.append(dict(zip(columns, result.get_next(), strict=True)))
        return rows

    def write(self, text: str, params: dict[str, Any]) -> None:
        self._execute("BEGIN TRANSACTION", None)
        try:
            self._execute(text, params)
        except BaseException:
            # Ladybug has already rolled back after a runtime error; after an
            # interrupt it has not. Either way no part of the batch survives.
            with contextlib.suppress(RuntimeError):
                self._conn.execute("ROLLBACK")
            raise
        self._execute("COMMIT", None)

    def close(self) -> None:
        self._conn.close()
        self._db.close()
