"""Shared fixtures.

``store`` runs each store test on the embedded LadybugDB store and, when
``NEO4J_URI`` is set, again on that Neo4j (which the test empties first: point
it at a scratch database).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_socket import enable_socket, socket_allow_hosts
from replay import Replay, serving

from scholargraph.config import ApiSettings, Settings
from scholargraph.graph.ladybug_store import LadybugStore
from scholargraph.graph.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
RECORDED = Path(__file__).resolve().parent / "fixtures" / "api"  # MIT recordings, copied
# The seed documents and real-world fixtures the project is tested on, read in place
# (not copied into the repository); SCHOLARGRAPH_SHARED points elsewhere.
SHARED = Path(os.environ.get("SCHOLARGRAPH_SHARED") or ROOT.parent / "shared")
EXAMPLES = ROOT / "examples"
STORES = ["ladybug"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


def shared(relative: str) -> Path:
    """A path under the shared seeds and fixtures; the test is skipped, saying
    why, on a checkout that has no ``../shared`` next to it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not here (set SCHOLARGRAPH_SHARED to the shared folder)")
    return path


def open_test_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    if kind == "ladybug":
        return LadybugStore(str(tmp_path / "graph.lbug"))
    request.getfixturevalue("socket_enabled")
    store = open_store(Settings.from_env().with_store(os.environ["NEO4J_URI"]))
    store.write("MATCH (n) DETACH DELETE n", {})
    return store


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s = open_test_store(request.param, tmp_path, request)
    yield s
    s.close()


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[LadybugStore]:
    s = LadybugStore(str(tmp_path / "graph.lbug"))
    yield s
    s.close()


@pytest.fixture
def loopback() -> None:
    """Sockets may reach 127.0.0.1 and nothing else (a test fails if it tries)."""
    enable_socket()
    socket_allow_hosts(["127.0.0.1"], allow_unix_socket=True)


@pytest.fixture
def replay(loopback: None) -> Iterator[Replay]:
    """A replay server on 127.0.0.1, the only host sockets may reach."""
    with serving(Replay()) as server:
        yield server


@pytest.fixture
def api_settings(replay: Replay, tmp_path: Path) -> ApiSettings:
    """Every API pointed at the replay server, no rate wait, a fresh cache."""
    hosts = {
        "openalex": "api.openalex.org",
        "s2": "api.semanticscholar.org/graph/v1",
        "dblp": "dblp.org",
        "crossref": "api.crossref.org",
        "arxiv": "export.arxiv.org/api",
    }
    return ApiSettings(
        base_urls={api: replay.base(host) for api, host in hosts.items()},
        rates={api: 1000.0 for api in hosts},
        mailto="tests@example.org",
        openalex_api_key="SECRET-KEY",
        cache_dir=str(tmp_path / "cache"),
        timeout=1.0,
        retries=2,
    )
