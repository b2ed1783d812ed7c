"""Shared fixtures.

``store`` (and ``settings``, for tests that go through the pipeline or the CLI) runs
each store test on the embedded LadybugDB store and again on a live Neo4j 5: the
server at ``NEO4J_URI`` when that is set (the test empties it first: point it at a
scratch database), otherwise a Neo4j 5.26 Community that the session starts itself
from ``tools/neo4j`` (needs java and mvn). Without either, the Neo4j half is skipped
with the reason, except in CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j_server import PASSWORD, USER, Neo4jUnavailable, java_and_maven, running
from pytest_socket import enable_socket, socket_allow_hosts
from replay import Replay, serving

from scholargraph.config import ApiSettings, Settings
from scholargraph.store.ladybug_store import LadybugStore
from scholargraph.store.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
RECORDED = Path(__file__).resolve().parent / "fixtures" / "api"  # MIT recordings, copied
# The seed documents and real-world fixtures the project is tested on, read in place
# (not copied into the repository); SCHOLARGRAPH_SHARED points elsewhere.
SHARED = Path(os.environ.get("SCHOLARGRAPH_SHARED") or ROOT.parent / "shared")
STORES = ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts a live Neo4j or Neo4j's Cypher parser (under node) is slow
    too: ``pytest -m "not slow"`` is the quick selection, on the embedded store."""
    for item in items:
        if item.get_closest_marker("neo4j") or item.get_closest_marker("lint"):
            item.add_marker(pytest.mark.slow)


def shared(relative: str) -> Path:
    """A path under the shared seeds and fixtures; the test is skipped, saying
    why, on a checkout that has no ``../shared`` next to it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not here (set SCHOLARGRAPH_SHARED to the shared folder)")
    return path


def _no_neo4j(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the Neo4j suite, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings for the session's live Neo4j (``NEO4J_URI``, or one started here)."""
    if uri := os.environ.get("NEO4J_URI"):
        yield Settings.from_env().with_store(uri)
        return
    if not java_and_maven():
        _no_neo4j("java and mvn are needed to start Neo4j (or set NEO4J_URI)")
    try:
        with running(tmp_path_factory.mktemp("neo4j")) as server:
            yield Settings(store=server.uri, neo4j_user=USER, neo4j_password=PASSWORD)
    except Neo4jUnavailable as exc:
        _no_neo4j(str(exc))


@pytest.fixture
def neo4j_settings(neo4j_target: Settings, loopback: None) -> Settings:
    """The live Neo4j, emptied, reachable on loopback only."""
    with open_store(neo4j_target) as store:
        store.write("MATCH (n) DETACH DELETE n", {})
    return neo4j_target


@pytest.fixture(params=STORES)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings naming an empty store of each kind."""
    if request.param == "ladybug":
        return Settings(store=str(tmp_path / "graph.lbug"))
    neo4j: Settings = request.getfixturevalue("neo4j_settings")
    return neo4j


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    s = open_store(settings)
    yield s
    s.close()


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[LadybugStore]:
    s = LadybugStore(str(tmp_path / "graph.lbug"))
    yield s
    s.close()


def allow_loopback() -> None:
    """Sockets may reach 127.0.0.1 and nothing else (a test fails if it tries)."""
    enable_socket()
    socket_allow_hosts(["127.0.0.1"], allow_unix_socket=True)


@pytest.fixture
def loopback() -> None:
    allow_loopback()


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
        "orcid": "pub.orcid.org/v3.0",
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
