"""One store interface, two implementations, chosen by the store setting.

A filesystem path opens the embedded LadybugDB store; a ``bolt://``/``neo4j://``
URI opens Neo4j 5.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any

from scholargraph.config import Settings
from scholargraph.records import Node, Record, Rel

Tables = Sequence[tuple[type[Node] | type[Rel], Sequence[Record]]]


class Store(ABC):
    """A graph store that runs parameterised Cypher.

    ``dialect`` names the Cypher flavour ("neo4j" or "ladybug") so callers can pick
    a dialect override of a query file.
    """

    dialect: str
    location: str
    read_only: bool = False  # opened for commands that only read

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create tables/constraints if missing; safe to call any number of times."""

    @abstractmethod
    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts keyed by the RETURN column names."""

    @abstractmethod
    def write(self, text: str, params: dict[str, Any]) -> None:
        """Run one write statement in its own transaction (all or nothing)."""

    def load_into_empty(self, chunks: Iterable[Tables]) -> bool:
        """Load tables with the store's bulk loader, chunk after chunk, all or
        nothing, if the store holds no node yet; False when it does or when the
        store has no bulk loader, so the caller falls back to batched upserts.
        ``chunks`` is not touched then, so a one-pass stream can still be upserted.

        Each chunk holds the writer's records per type: ids not in an earlier
        chunk, relationships between nodes of this chunk or an earlier one.
        """
        return False

    @abstractmethod
    def missing_schema(self) -> list[str]:
        """What this version declares (tables, columns, constraints) that the store lacks."""

    @abstractmethod
    def close(self) -> None:
        """Close, keeping what was written."""

    def discard(self) -> None:
        """Close after a failure: the embedded store is left as it was before it was
        opened; on Neo4j the batches committed so far stay."""
        self.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()


def alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine (a writer noted in a file)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's
    return True


def open_store(settings: Settings, *, read_only: bool = False) -> Store:
    """The store that ``settings.store`` names (created on first use when embedded
    and written). ``read_only``: for commands that only read; the embedded store is
    then opened without its writer lock, so a running ingest does not hold them up."""
    if settings.is_bolt:
        from scholargraph.store.neo4j_store import Neo4jStore

        return Neo4jStore(settings, read_only=read_only)
    from scholargraph.store.ladybug_store import LadybugStore

    return LadybugStore(settings.store, read_only=read_only)
