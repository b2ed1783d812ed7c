"""Faults on a real Neo4j: wrong credentials, a server that is gone or dies in the
middle of an ingest, a transient lock timeout, and a connection pool with no free
connection. Each ends in one line (never a traceback), nothing is half-written, and a
re-run completes."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j_server import PASSWORD, USER, Server, running

from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.errors import StoreUnavailableError
from scholargraph.pipeline import EXAMPLES
from scholargraph.records import Person, RecordSet
from scholargraph.store.export import export, stats
from scholargraph.store.neo4j_store import Neo4jStore
from scholargraph.store.store import open_store
from scholargraph.store.writer import write_records

pytestmark = pytest.mark.neo4j
PROFILES = sorted(EXAMPLES.glob("*.yaml"))


def cli(settings: Settings, *args: str, **env: str) -> tuple[int, str, str]:
    environment = {
        "SCHOLARGRAPH_STORE": settings.store,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
        "SCHOLARGRAPH_NEO4J_RETRY": str(settings.neo4j_retry),
        **env,
    }
    result = CliRunner().invoke(main, list(args), env=environment)
    return result.exit_code, result.stdout, result.stderr


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def exported(settings: Settings, path: Path) -> Any:
    with open_store(settings) as store:
        graph = json.loads(export(store, "node-link", path).read_text())
    for node in graph["nodes"]:
        node.pop("ingested_at", None)
    return graph


@pytest.fixture
def own_server(neo4j_target: Settings, tmp_path: Path, loopback: None) -> Iterator[Server]:
    """A Neo4j of this test's own, which it may stop or kill (after the session's is up,
    so that the launcher is built)."""
    with running(tmp_path / "neo4j") as server:
        yield server


def own_settings(server: Server) -> Settings:
    return Settings(store=server.uri, neo4j_user=USER, neo4j_password=PASSWORD, neo4j_retry=2.0)


def test_a_wrong_password_is_one_line(neo4j_settings: Settings) -> None:
    wrong = replace(neo4j_settings, neo4j_password="not-the-password")
    code, _, err = cli(wrong, "stats")
    assert code == 1
    line = one_error_line(err)
    assert f"Neo4j at {wrong.store} refused the credentials for user 'neo4j'" in line
    assert "not-the-password" not in err


def test_a_server_stopped_before_the_ingest_is_one_line(tmp_path: Path, loopback: None) -> None:
    with running(tmp_path / "neo4j") as server:
        settings = own_settings(server)
    code, _, err = cli(settings, "ingest", *map(str, PROFILES))
    assert code == 1
    assert f"Neo4j is not reachable at {settings.store}" in one_error_line(err)


def test_a_server_killed_during_an_ingest_loses_no_batch_and_a_rerun_completes(
    own_server: Server, neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = own_settings(own_server)
    writes: list[str] = []
    original = Neo4jStore.write

    def write_then_die(self: Neo4jStore, text: str, params: dict[str, Any]) -> None:
        if text.startswith("UNWIND"):
            writes.append(text)
        if len(writes) == 4:  # three batches committed: the server dies
            own_server.kill()
        original(self, text, params)

    monkeypatch.setattr(Neo4jStore, "write", write_then_die)
    code, _, err = cli(settings, "ingest", *map(str, PROFILES), SCHOLARGRAPH_BATCH_SIZE="20")
    assert code == 1
    assert f"lost the connection to Neo4j at {settings.store}" in one_error_line(err)
    monkeypatch.setattr(Neo4jStore, "write", original)

    with running(own_server.home) as again:  # the same data folder, after the crash
        settings = own_settings(again)
        with open_store(settings) as store:
            partial = stats(store)
        assert sum(partial.values()) > 0  # the batches committed before the crash are there
        code, _, err = cli(settings, "ingest", *map(str, PROFILES), SCHOLARGRAPH_BATCH_SIZE="20")
        assert code == 0, err
        rerun = exported(settings, tmp_path / "rerun.json")

    # the same files ingested cleanly into an empty store give the same graph
    assert cli(neo4j_settings, "ingest", *map(str, PROFILES))[0] == 0
    assert rerun == exported(neo4j_settings, tmp_path / "clean.json")


def test_a_transient_lock_timeout_is_retried_until_the_write_goes_through(
    neo4j_settings: Settings,
) -> None:
    with open_store(neo4j_settings) as store:
        write_records(store, RecordSet([Person(id="person:ada", name="Ada")]))
        holder = Neo4jStore(neo4j_settings)
        session = holder._driver.session()  # a second client holds Ada's write lock ...
        tx = session.begin_transaction()
        tx.run("MATCH (p:Person {id: 'person:ada'}) SET p.email = 'held@example.org'").consume()
        release = threading.Timer(3.0, tx.commit)  # ... for 3 s: longer than the 2 s lock wait
        release.start()
        started = time.monotonic()
        write_records(store, RecordSet([Person(id="person:ada", name="Ada", homepage="a.org")]))
        waited = time.monotonic() - started
        release.join()
        session.close()
        holder.close()
        (row,) = store.query("MATCH (p:Person) RETURN p.email AS email, p.homepage AS homepage")
    assert waited >= 2.5  # the first attempt timed out on the lock and was retried
    assert row == {"email": "held@example.org", "homepage": "a.org"}


def test_no_free_connection_in_the_pool_is_one_line(neo4j_settings: Settings) -> None:
    tight = replace(neo4j_settings, neo4j_pool_size=1, neo4j_wait=0.5)
    with open_store(tight) as store:
        busy = threading.Thread(
            target=store.query, args=("UNWIND range(1, 60000000) AS x RETURN count(x) AS n",)
        )
        busy.start()
        time.sleep(0.3)
        with pytest.raises(StoreUnavailableError) as caught:
            store.query("RETURN 1 AS one")
        busy.join()
    assert caught.value.one_line() == (
        f"no free connection to Neo4j at {tight.store} within 0.5 s (all 1 in use) "
        "(hint: raise SCHOLARGRAPH_NEO4J_POOL_SIZE or SCHOLARGRAPH_NEO4J_WAIT)"
    )
