"""A store survives the machine: kill -9 and a full disk during an ingest.

The embedded store is left as it was before the ingest or as after it, never half,
and it opens; on Neo4j (the client killed) the graph stays consistent, with the
batches committed before the kill. Either way running the ingest again gives the
export a clean ingest gives. Readers are not held up by a running ingest.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ladybug
import pytest
from click.testing import CliRunner

from scholargraph.api import Graph
from scholargraph.bench.harness import document_files
from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.pipeline import EXAMPLES
from scholargraph.store.neo4j_store import unfinished_note
from scholargraph.store.store import open_store

SCHOLARGRAPH = str(Path(sys.executable).with_name("scholargraph"))
KILLS = 20
PERSON, PERSON_FILE = "Xin Tan", "xin-tan"  # someone the store holds before the ingest


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    """A few files for the store to hold before, and many more for the ingest
    that gets killed: synthetic BibTeX files and the example profiles."""
    made = document_files(tmp_path_factory.mktemp("documents"), 20)
    profiles = sorted(EXAMPLES.glob("*.yaml"))
    return [*made.stored[:4], EXAMPLES / f"{PERSON_FILE}.yaml"], made.stored + profiles


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The ingest folder of a Neo4j store lives in the user's cache: here, in the test's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def environment(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "SCHOLARGRAPH_STORE": settings.store,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
    }


def cli(settings: Settings, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=environment(settings))
    return result.exit_code, result.stdout, result.stderr


def ingest(settings: Settings, paths: list[Path]) -> None:
    code, _, err = cli(settings, "ingest", *map(str, paths))
    assert code == 0, err


def exported(settings: Settings, path: Path) -> str:
    """``scholargraph export``'s node-link file, without the times sources were
    first stored (``ingested_at``: the clock's, not the files')."""
    code, _, err = cli(settings, "export", "--format", "node-link", "--output", str(path))
    assert code == 0, err
    graph = json.loads(path.read_text("utf-8"))
    for node in graph["nodes"]:
        node.pop("ingested_at", None)
    return json.dumps(graph, sort_keys=True)


def check(settings: Settings) -> list[str]:
    """The problems ``scholargraph check`` finds (none: exit status 0)."""
    code, out, err = cli(settings, "check", "--json")
    assert "Traceback" not in err
    report = json.loads(out)
    assert (code == 0) == report["ok"] == (not report["problems"])
    return list(report["problems"])


def began_writing(settings: Settings) -> Callable[[], bool]:
    """Whether an ingest has begun writing: the embedded store's working copy has a
    log, or a Neo4j writer has left its note."""
    if settings.is_bolt:
        with open_store(settings, read_only=True) as store:
            note = unfinished_note(store)
        return note.exists
    return Path(f"{settings.store}.next.wal").exists


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@dataclass
class States:
    """The store before the ingest and after it: how to get the first back, and
    each one's export."""

    reset: Callable[[], None]
    before: str
    after: str


@pytest.fixture
def states(
    settings: Settings, cache: Path, documents: tuple[list[Path], list[Path]], tmp_path: Path
) -> States:
    few, many = documents
    if settings.is_bolt:

        def reset() -> None:
            with open_store(settings) as store:
                store.write("MATCH (n) DETACH DELETE n", {})
            ingest(settings, few)

    else:
        saved = tmp_path / "saved"
        saved.mkdir()

        def reset() -> None:
            for path in Path(settings.store).parent.glob(Path(settings.store).name + "*"):
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            for path in saved.iterdir():
                copy = shutil.copytree if path.is_dir() else shutil.copyfile
                copy(path, Path(settings.store).parent / path.name)

    reset() if settings.is_bolt else ingest(settings, few)
    if not settings.is_bolt:
        for path in Path(settings.store).parent.glob(Path(settings.store).name + "*"):
            copy = shutil.copytree if path.is_dir() else shutil.copyfile
            copy(path, saved / path.name)
    before = exported(settings, tmp_path / "before.json")
    ingest(settings, many)
    after = exported(settings, tmp_path / "after.json")
    assert before != after
    reset()
    assert exported(settings, tmp_path / "reset.json") == before
    return States(reset, before, after)


def test_kill_9_during_an_ingest_never_leaves_half_a_store_and_a_rerun_completes_it(
    settings: Settings, states: States, documents: tuple[list[Path], list[Path]], tmp_path: Path
) -> None:
    """20 ingests killed: half at a random time after start (parsing, resolving or
    writing), half at a random time after the first write; each time the store
    opens and checks clean (the embedded store as before or as after; Neo4j with a
    note that a write never finished), and an ingest run again gives the export
    of a clean one."""
    _, many = documents
    rng = random.Random(22)
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    subprocess.run([SCHOLARGRAPH, "ingest", *map(str, many)], env=environment(settings), check=True)
    whole = time.monotonic() - started
    for kill in range(KILLS):
        states.reset()
        writing = began_writing(settings)
        child = subprocess.Popen(
            [SCHOLARGRAPH, "ingest", *map(str, many)],
            env=environment(settings),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if kill % 2:
            time.sleep(rng.uniform(0.2, whole))
        else:
            deadline = time.monotonic() + 120
            while not writing() and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        phase = "killed writing" if writing() else "killed" if child.returncode < 0 else "finished"
        problems = check(settings)
        got = exported(settings, tmp_path / f"killed{kill}.json")
        if settings.is_bolt:
            assert all(p.startswith("a write by process") for p in problems), problems
            state = {states.before: "before", states.after: "after"}.get(got, "partial")
        else:
            assert problems == []
            assert got in (states.before, states.after)
            state = "before" if got == states.before else "after"
        outcomes[f"{phase}: {state}"] += 1
        ingest(settings, many)
        assert exported(settings, tmp_path / f"rerun{kill}.json") == states.after
        assert check(settings) == []
    print(f"\n{'neo4j' if settings.is_bolt else 'embedded'} kill -9 outcomes: {dict(outcomes)}")
    assert sum(n for k, n in outcomes.items() if k.startswith("killed")) >= KILLS // 2


def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` for a child that may write no file past ``limit`` bytes
    (writes fail with EFBIG, as on a full disk: SIGXFSZ ignored)."""

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


@pytest.mark.parametrize("settings", ["ladybug"], indirect=True)
@pytest.mark.parametrize("share", [0.5, 1.02, 1.2, 1.6])
def test_an_ingest_that_cannot_write_past_a_file_size_leaves_the_store_as_before(
    settings: Settings,
    states: States,
    documents: tuple[list[Path], list[Path]],
    tmp_path: Path,
    share: float,
) -> None:
    """RLIMIT_FSIZE at a share of the finished store's size: the working copy, the
    log or the checkpoint cannot grow (EFBIG), where Ladybug used to abort the
    process and leave a store that never opened again."""
    _, many = documents
    full = Path(settings.store).stat().st_size
    ingest_run = subprocess.run(
        [SCHOLARGRAPH, "ingest", *map(str, many)],
        env=environment(settings),
        preexec_fn=file_size_limit(int(full * share)),
        capture_output=True,
        text=True,
    )
    assert ingest_run.returncode == 1, ingest_run.stderr
    assert "Error: could not " in one_error_line(ingest_run.stderr)
    assert check(settings) == []
    assert exported(settings, tmp_path / "left.json") == states.before
    ingest(settings, many)
    assert exported(settings, tmp_path / "rerun.json") == states.after


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """A tmpfs of a given size (mounting needs root; skipped otherwise, saying so)."""
    mounted: list[Path] = []

    def mount(size: int) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
        mounted.append(point)
        return point

    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the RLIMIT_FSIZE test stands in")
    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], check=True)


@pytest.mark.parametrize("settings", ["ladybug"], indirect=True)
def test_a_full_disk_during_an_ingest_leaves_the_store_as_before(
    settings: Settings,
    states: States,
    documents: tuple[list[Path], list[Path]],
    small_disk: Callable[[int], Path],
    tmp_path: Path,
) -> None:
    """On a tmpfs that holds the store and its working copy but not what the
    ingest adds: one line, the store as before; once there is room, as after."""
    _, many = documents
    store = Path(settings.store)
    disk = small_disk(64 * 2**20)
    for path in store.parent.glob(store.name + "*"):
        copy = shutil.copytree if path.is_dir() else shutil.copyfile
        copy(path, disk / path.name)
    room = shutil.disk_usage(disk).used + store.stat().st_size + 3 * 2**19
    subprocess.run(["mount", "-o", f"remount,size={room}", str(disk)], check=True)
    on_disk = Settings(store=str(disk / store.name))
    full = subprocess.run(  # in a process of its own: it keeps Ladybug's broken handles
        [SCHOLARGRAPH, "ingest", *map(str, many)],
        env=environment(on_disk),
        capture_output=True,
        text=True,
    )
    assert full.returncode == 1
    assert "is the disk full?" in one_error_line(full.stderr)
    assert check(on_disk) == []
    assert exported(on_disk, tmp_path / "left.json") == states.before
    assert sorted(p.name for p in disk.iterdir()) == [store.name, f"{store.name}.ingest"]
    subprocess.run(["mount", "-o", "remount,size=256m", str(disk)], check=True)
    ingest(on_disk, many)
    assert exported(on_disk, tmp_path / "rerun.json") == states.after


def test_too_little_free_space_for_a_bulk_load_or_a_working_copy_is_one_line(
    documents: tuple[list[Path], list[Path]],
    small_disk: Callable[[int], Path],
    tmp_path: Path,
) -> None:
    few, many = documents
    fresh = Settings(store=str(small_disk(4 * 2**20) / "g.lbug"))
    code, _, err = cli(fresh, "ingest", *map(str, many))
    assert code == 1
    line = one_error_line(err)
    assert "not enough free space in" in line and "for this bulk load" in line
    assert not Path(fresh.store).exists()

    elsewhere = Settings(store=str(tmp_path / "g.lbug"))
    ingest(elsewhere, few)
    size = Path(elsewhere.store).stat().st_size
    copied = Settings(store=str(small_disk(size + size // 2) / "g.lbug"))
    shutil.copyfile(elsewhere.store, copied.store)
    code, _, err = cli(copied, "ingest", *map(str, many))
    assert code == 1
    assert "for a working copy of the store" in one_error_line(err)
    assert exported(copied, tmp_path / "copied.json") == exported(elsewhere, tmp_path / "e.json")


def test_readers_are_not_held_up_by_a_running_ingest_and_see_the_store_before_it(
    settings: Settings, states: States, documents: tuple[list[Path], list[Path]], tmp_path: Path
) -> None:
    few, many = documents
    with Graph(settings) as writer:  # an ingest that has written and not finished
        writer.ingest(many)
        # Neo4j's readers see the committed batches; the embedded store's, its file
        seen = states.after if settings.is_bolt else states.before
        assert exported(settings, tmp_path / "during.json") == seen
        code, _, err = cli(settings, "query", "coauthors", "--person", PERSON)
        assert code == 0, err
        assert cli(settings, "stats")[0] == 0
        assert check(settings) == []
        if not settings.is_bolt:
            code, _, err = cli(settings, "ingest", *map(str, few))
            assert code == 1
            line = one_error_line(err)
            assert f"is being written by another process (pid {os.getpid()})" in line
            assert "readers are not held up" in line
    assert exported(settings, tmp_path / "finished.json") == states.after


@pytest.fixture
def embedded_settings(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "g.lbug"))


@pytest.fixture
def good(
    embedded_settings: Settings, documents: tuple[list[Path], list[Path]], tmp_path: Path
) -> str:
    """An embedded store holding a few files: its export."""
    ingest(embedded_settings, documents[0])
    return exported(embedded_settings, tmp_path / "good.json")


def test_an_ingest_that_fails_changes_nothing_in_the_embedded_store(
    embedded_settings: Settings, good: str, documents: tuple[list[Path], list[Path]], tmp_path: Path
) -> None:
    with pytest.raises(KeyboardInterrupt), Graph(embedded_settings) as g:

        def interrupt(rows: int) -> None:
            raise KeyboardInterrupt

        g.ingest(documents[1], on_batch=interrupt)
    assert exported(embedded_settings, tmp_path / "after.json") == good
    assert sorted(p.name for p in tmp_path.glob("g.lbug*")) == ["g.lbug", "g.lbug.ingest"]


def test_a_corrupt_store_says_so_and_repair_brings_back_the_last_checkpoint(
    embedded_settings: Settings, good: str, tmp_path: Path
) -> None:
    log = Path(f"{embedded_settings.store}.wal")  # as a writer of an earlier version left it
    log.write_bytes(os.urandom(64 * 1024))
    code, _, err = cli(embedded_settings, "stats")
    assert code == 1
    line = one_error_line(err)
    assert "`scholargraph repair` brings back the last good state" in line
    assert "another process" not in line
    (problem,) = check(embedded_settings)
    assert problem.startswith("cannot open embedded store")
    code, out, err = cli(embedded_settings, "repair")
    assert code == 0, err
    assert "set aside g.lbug.wal, a log that cannot be replayed" in out
    assert check(embedded_settings) == []
    assert exported(embedded_settings, tmp_path / "repaired.json") == good


def test_a_file_that_is_no_store_gets_the_corrupt_hint_not_the_lock_hint(
    embedded_settings: Settings,
) -> None:
    Path(embedded_settings.store).write_bytes(b"not a store" * 1000)
    for command in (["stats"], ["ingest", str(EXAMPLES / "xin-tan.yaml")]):
        code, _, err = cli(embedded_settings, *command)
        assert code == 1
        assert "not a valid Lbug database" in one_error_line(err)
        assert "scholargraph repair" in one_error_line(err)
    code, _, err = cli(embedded_settings, "repair")
    assert code == 1
    assert "cannot be repaired" in one_error_line(err)


def test_repair_removes_what_a_killed_writer_left(
    embedded_settings: Settings, good: str, tmp_path: Path
) -> None:
    store = Path(embedded_settings.store)
    shutil.copyfile(store, f"{store}.next")
    Path(f"{store}.next.wal").write_bytes(b"half a log")
    Path(f"{store}.lock").write_text("999999999\n")  # a dead process's
    code, out, _ = cli(embedded_settings, "check")
    assert code == 0
    assert "a writer that never finished left g.lbug.next, g.lbug.next.wal, g.lbug.lock" in out
    code, out, err = cli(embedded_settings, "repair")
    assert code == 0, err
    assert "removed what a writer that never finished left: g.lbug.next, g.lbug.next.wal" in out
    assert sorted(p.name for p in tmp_path.glob("g.lbug*")) == ["g.lbug", "g.lbug.ingest"]
    assert exported(embedded_settings, tmp_path / "repaired.json") == good


def test_repair_declares_what_the_store_lacks(settings: Settings, cache: Path) -> None:
    ingest(settings, [EXAMPLES / "xin-tan.yaml"])
    if settings.is_bolt:
        with open_store(settings) as store:
            store.write("DROP CONSTRAINT person_id", {})
    else:  # a store from before a column was added (our writers declare it at close)
        db = ladybug.Database(settings.store)
        ladybug.Connection(db).execute("ALTER TABLE Person DROP email")
        db.close()
    assert any("person" in p.lower() for p in check(settings))
    code, out, err = cli(settings, "repair")
    assert code == 0, err
    assert "declared what the store lacked" in out
    assert check(settings) == []
