"""A real Neo4j 5.26 Community for the tests, started from ``tools/neo4j``.

Maven builds the launcher once (its artefacts cached in the user's Maven repository,
so later builds run offline) and writes its class path; ``running()`` starts Neo4j in
a Java process with Bolt on 127.0.0.1 at a free port, authentication on, and data in
a folder of the caller's. ``admin()`` runs Neo4j's own ``neo4j-admin`` commands (the
bulk import tool) on such a folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "tools" / "neo4j"
CLASSPATH = TOOL / "target" / "classpath.txt"
USER = "neo4j"
PASSWORD = "scholargraph-test"
START_TIMEOUT = 180.0


class Neo4jUnavailable(RuntimeError):
    """Java or Maven is missing, or the launcher would not build or start."""


@dataclass(frozen=True)
class Server:
    uri: str
    home: Path
    process: subprocess.Popen[str]

    def kill(self) -> None:
        """Stop the server as a crash would: SIGKILL, no clean shutdown."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def java_and_maven() -> bool:
    return bool(shutil.which("java") and shutil.which("mvn"))


def classpath() -> str:
    """The launcher's compiled classes and Neo4j's jars, building them when needed."""
    if not java_and_maven():
        raise Neo4jUnavailable("java and mvn are needed to start Neo4j for the tests")
    built = TOOL / "target" / "classes" / "scholargraph" / "TestServer.class"
    source = TOOL / "src" / "main" / "java" / "scholargraph" / "TestServer.java"
    pom = TOOL / "pom.xml"
    fresh = (
        built.exists()
        and CLASSPATH.exists()
        and built.stat().st_mtime >= max(source.stat().st_mtime, pom.stat().st_mtime)
    )
    if not fresh:
        goals = ["compile", "dependency:build-classpath", f"-Dmdep.outputFile={CLASSPATH}"]
        # Offline first: the artefacts are usually cached; online only when they are not.
        for offline in (["-o"], []):
            done = subprocess.run(
                ["mvn", "-q", "-B", *offline, "-f", str(pom), *goals],
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            if done.returncode == 0:
                break
        else:
            raise Neo4jUnavailable(f"mvn could not build tools/neo4j: {done.stdout[-2000:]}")
    return f"{TOOL / 'target' / 'classes'}{os.pathsep}{CLASSPATH.read_text().strip()}"


def _java(*args: str, heap: str = "1g") -> list[str]:
    return ["java", f"-Xmx{heap}", "-XX:+UseSerialGC", "-cp", classpath(), *args]


@contextmanager
def running(home: Path, *, port: int = 0) -> Iterator[Server]:
    """Neo4j serving ``home`` (created when missing) until the block ends, on
    ``port`` (0: a free one)."""
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "launcher.log").open("w")
    process = subprocess.Popen(
        _java("scholargraph.TestServer", str(home), str(port), PASSWORD),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    ready: list[str] = []

    def read_ready() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("READY "):
                ready.append(line.split()[1])
                return

    reader = threading.Thread(target=read_ready, daemon=True)
    reader.start()
    deadline = time.monotonic() + START_TIMEOUT
    while reader.is_alive() and process.poll() is None and time.monotonic() < deadline:
        reader.join(0.2)
    try:
        if not ready:
            process.kill()
            process.wait()
            raise Neo4jUnavailable(
                f"Neo4j did not start (exit {process.returncode}); see {home / 'launcher.log'}"
            )
        yield Server(ready[0], home, process)
    finally:
        if process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()  # the launcher shuts Neo4j down cleanly when stdin closes
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def admin(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``neo4j-admin ARGS`` in ``cwd`` on the Neo4j home ``home`` (e.g. ``database
    import full``)."""
    (home / "conf").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    return subprocess.run(
        _java("org.neo4j.cli.AdminTool", *args),
        cwd=cwd or home,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
