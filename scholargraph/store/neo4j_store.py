"""The production store: Neo4j 5 over Bolt through the official driver.

Writes run as managed transactions, which the driver retries on Neo4j's transient
errors (a lock timeout, a deadlock, a leader switch) for ``neo4j_retry`` seconds;
every other driver or server error becomes one StoreError line.
"""

from __future__ import annotations

from collections.abc import Callable
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
from scholargraph.store.store import Store

T = TypeVar("T")


class Neo4jStore(Store):
    dialect = "neo4j"

    def __init__(self, settings: Settings) -> None:
        uri, user = settings.store, settings.neo4j_user
        self.location = uri
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

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        for stmt in schema.neo4j_ddl():
            self.write(stmt, {})
        self._schema_ready = True

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def read() -> list[dict[str, Any]]:
            records, _, _ = self._driver.execute_query(
                text, params or {}, database_=self._database, routing_=neo4j.RoutingControl.READ
            )
            return [record.data() for record in records]

        return self._call(read, "query")

    def write(self, text: str, params: dict[str, Any]) -> None:
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
        self._driver.close()
