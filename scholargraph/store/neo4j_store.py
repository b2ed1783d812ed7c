"""The production store: Neo4j 5 over Bolt through the official driver.

Writes run as managed transactions, which the driver retries on Neo4j's transient
errors (a lock timeout, a deadlock, a leader switch) for ``neo4j_retry`` seconds;
every other driver or server error becomes one StoreError line.

Batches commit as they go, so a client killed half-way leaves the batches before
it: a consistent graph, but not yet the whole command. The first write of a session
leaves a note (``unfinished.json`` in the store's ingest folder) that a clean close
removes; ``scholargraph check`` reports a note left by a writer that died. A writer
that finds such a note takes it over, so it goes once a later writer finishes (even
one that found nothing left to write: a writer killed after its last batch).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConnectionAcquisitionTimeoutError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from scholargraph.config import Settings
from scholargraph.errors import StoreError, StoreUnavailableError
from scholargraph.store import schema
from scholargraph.store.store import Store, alive
from scholargraph.store.sync import ingest_folder

T = TypeVar("T")


class Neo4jStore(Store):
    dialect = "neo4j"

    def __init__(self, settings: Settings, *, read_only: bool = False) -> None:
        uri, user = settings.store, settings.neo4j_user
        self.location = uri
        self.read_only = read_only
        self._unfinished: Path | None = None
        self._database = settings.neo4j_database
        self._wait = settings.neo4j_wait
        self._pool = settings.neo4j_pool_size
        try:
            self._driver = GraphDatabase.driver(
                uri,
                auth=(user, settings.neo4j_password or ""),
                max_connection_pool_size=settings.neo4j_pool_size,
                connection_acquisition_timeout=settings.neo4j_wait,
                max_transaction_retry_time=settings.neo4j_retry,
                notifications_min_severity="OFF",  # planner hints are not the user's business
            )
            self._driver.verify_connectivity()
        except AuthError as exc:
            raise StoreUnavailableError(
                f"Neo4j at {uri} refused the credentials for user {user!r}",
                hint="set NEO4J_USER/NEO4J_PASSWORD or NEO4J_AUTH=user/password",
            ) from exc
        except (ServiceUnavailable, OSError) as exc:
            raise StoreUnavailableError(
                f"Neo4j is not reachable at {uri}",
                hint="start it with 'docker compose up -d' and wait for the healthcheck",
            ) from exc
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreUnavailableError(f"unusable Neo4j URI {uri!r}: {exc}") from exc
        self._schema_ready = False
        note = unfinished_note(self)
        if not read_only and note.exists() and not alive(_noted_pid(note)):
            self._unfinished = note  # a dead writer's: this one finishes the work

    def ensure_schema(self) -> None:
        if self._schema_ready or self.read_only:  # reads need no constraint
            return
        for stmt in schema.neo4j_ddl():
            self._write(stmt, {})
        self._schema_ready = True

    def missing_schema(self) -> list[str]:
        have = {r["name"] for r in self.query(schema.NEO4J_SCHEMA_NAMES)}
        return [name for name in schema.neo4j_names() if name not in have]

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def read() -> list[dict[str, Any]]:
            records, _, _ = self._driver.execute_query(
                text, params or {}, database_=self._database, routing_=neo4j.RoutingControl.READ
            )
            return [record.data() for record in records]

        return self._call(read, "query")

    def write(self, text: str, params: dict[str, Any]) -> None:
        if self._unfinished is None:
            self._unfinished = unfinished_note(self)
            self._unfinished.parent.mkdir(parents=True, exist_ok=True)
            started = datetime.now(UTC).replace(microsecond=0).isoformat()
            note = {"pid": os.getpid(), "started": started}
            self._unfinished.write_text(json.dumps(note), "utf-8")
        self._write(text, params)

    def _write(self, text: str, params: dict[str, Any]) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(text, params).consume()

        def run() -> None:
            with self._driver.session(database=self._database) as session:
                session.execute_write(work)

        self._call(run, "write")

    def _call(self, action: Callable[[], T], what: str) -> T:
        """Run ``action``, each driver and server error as one line naming the store."""
        try:
            return action()
        except ConnectionAcquisitionTimeoutError as exc:
            raise StoreUnavailableError(
                f"no free connection to Neo4j at {self.location} within {self._wait:g} s "
                f"(all {self._pool} in use)",
                hint="raise SCHOLARGRAPH_NEO4J_POOL_SIZE or SCHOLARGRAPH_NEO4J_WAIT",
            ) from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreUnavailableError(
                f"lost the connection to Neo4j at {self.location}",
                hint="each batch is one transaction: once Neo4j is back, run the same "
                "command again",
            ) from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j rejected the {what}: {exc.message}") from exc
        except DriverError as exc:
            raise StoreError(f"the Neo4j driver failed the {what}: {exc}") from exc

    def close(self) -> None:
        if self._unfinished is not None:
            self._unfinished.unlink(missing_ok=True)
            self._unfinished = None
        self._driver.close()

    def discard(self) -> None:
        self._driver.close()  # what was committed stays, and so does the note


def unfinished_note(store: Store) -> Path:
    """Where a Neo4j writer notes that it has begun (gone once it finishes)."""
    return ingest_folder(store) / "unfinished.json"


def _noted_pid(note: Path) -> int:
    try:
        return int(json.loads(note.read_text("utf-8")).get("pid") or 0)
    except (OSError, ValueError, AttributeError):
        return 0
