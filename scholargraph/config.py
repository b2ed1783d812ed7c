"""One settings object, read from the environment.

>>> s = Settings.from_env({"SCHOLARGRAPH_STORE": "bolt://db:7687", "NEO4J_AUTH": "neo4j/pw"})
>>> s.store, s.neo4j_user, s.neo4j_password
('bolt://db:7687', 'neo4j', 'pw')
>>> Settings.from_env({"SCHOLARGRAPH_BATCH_SIZE": "0"})
Traceback (most recent call last):
...
scholargraph.errors.ScholargraphError: SCHOLARGRAPH_BATCH_SIZE must be a positive integer, not '0'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from scholargraph.errors import ScholargraphError
from scholargraph.ingest.overrides import Overrides, load_overrides

DEFAULT_STORE = "./scholargraph-data"
DEFAULT_OVERRIDES = "scholargraph-overrides.yaml"
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def _positive_int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key) or str(default)
    if not raw.isdigit() or int(raw) < 1:
        raise ScholargraphError(f"{key} must be a positive integer, not {raw!r}")
    return int(raw)


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how to reach it.

    ``store`` is a filesystem path (embedded LadybugDB) or a Bolt URI (Neo4j 5).
    """

    store: str = DEFAULT_STORE
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    batch_size: int = 2000
    overrides: str = DEFAULT_OVERRIDES  # same_as / not_same_as decisions; optional if default

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        user, password = "neo4j", None
        if "NEO4J_AUTH" in env and "/" in env["NEO4J_AUTH"]:
            user, password = env["NEO4J_AUTH"].split("/", 1)
        return cls(
            store=env.get("SCHOLARGRAPH_STORE") or DEFAULT_STORE,
            neo4j_user=env.get("NEO4J_USER") or user,
            neo4j_password=env.get("NEO4J_PASSWORD") or password,
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            batch_size=_positive_int(env, "SCHOLARGRAPH_BATCH_SIZE", 2000),
            overrides=env.get("SCHOLARGRAPH_OVERRIDES") or DEFAULT_OVERRIDES,
        )

    def load_overrides(self) -> Overrides | None:
        """The overrides file's rules; None when the default file does not exist
        (a file named explicitly must exist)."""
        if self.overrides == DEFAULT_OVERRIDES and not Path(self.overrides).exists():
            return None
        return load_overrides(self.overrides)

    def with_store(self, store: str | None) -> Settings:
        """A copy pointing at ``store`` (unchanged when ``store`` is None)."""
        return self if store is None else replace(self, store=store)

    def with_overrides(self, overrides: str | None) -> Settings:
        """A copy reading identity decisions from ``overrides`` (unchanged when None)."""
        return self if overrides is None else replace(self, overrides=overrides)

    @property
    def is_bolt(self) -> bool:
        return self.store.startswith(BOLT_SCHEMES)
