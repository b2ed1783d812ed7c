"""The production store: Neo4j 5 over Bolt through the official driver."""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from scholargraph.errors import StoreError, StoreUnavailableError
from scholargraph.graph import schema
from scholargraph.graph.store import Store


class Neo4jStore(Store):
    dialect = "neo4j"

    def __init__(
        self, uri: str, *, user: str, password: str | None, database: str | None = None
    ) -> None:
        self.location = uri
        self._database = database
        try:
            self._driver = GraphDatabase.driver(uri, auth=(user, password or ""))
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
            self._run_write(stmt, {})
        self._schema_ready = True

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            records, _, _ = self._driver.execute_query(
                text, params or {}, database_=self._database, routing_=neo4j.RoutingControl.READ
            )
        except Neo4jError as exc:
            raise StoreError(f"Neo4j rejected the query: {exc.message}") from exc
        except ServiceUnavailable as exc:
            raise StoreUnavailableError(f"lost the connection to Neo4j at {self.location}") from exc
        return [record.data() for record in records]

    def write(self, text: str, params: dict[str, Any]) -> None:
        self._run_write(text, params)

    def _run_write(self, text: str, params: dict[str, Any]) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(text, params).consume()

        try:
            with self._driver.session(database=self._database) as session:
                session.execute_write(work)
        except Neo4jError as exc:
            raise StoreError(f"Neo4j rejected the write: {exc.message}") from exc
        except ServiceUnavailable as exc:
            raise StoreUnavailableError(f"lost the connection to Neo4j at {self.location}") from exc

    def close(self) -> None:
        self._driver.close()
