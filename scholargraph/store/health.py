"""Is a store whole (``scholargraph check``), and bringing back its last good state
(``scholargraph repair``).

The embedded store is only ever replaced whole (see ``ladybug_store``), so its file
is always the state the last finished command left; what a writer that died leaves
is beside it, and repair removes it. Neo4j commits batch after batch: a client
that died leaves the batches before it, which check reports (from the writer's
note) until the same command is run again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scholargraph.config import Settings
from scholargraph.errors import StoreCorruptError, StoreUnavailableError
from scholargraph.records import RECORD_TYPES, Rel
from scholargraph.store import ladybug_store as lb
from scholargraph.store import schema
from scholargraph.store.export import stats
from scholargraph.store.store import Store, alive, open_store
from scholargraph.store.sync import forget_written


@dataclass
class CheckReport:
    """What ``check`` found: ``problems`` make the store not ok; ``notes`` do not."""

    location: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    engine: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        out = [f"{self.location}: {'ok' if self.ok else 'NOT OK'}"]
        out += [f"  engine: {self.engine}"] if self.engine else []
        if self.counts:
            shown = ", ".join(f"{k} {v}" for k, v in self.counts.items() if v) or "empty"
            out.append(f"  holds: {shown}")
        out += [f"  problem: {p}" for p in self.problems]
        out += [f"  note: {n}" for n in self.notes]
        return out


def check(settings: Settings) -> CheckReport:
    """Open the store read-only and look: does it open, are its tables (or
    constraints) those this version declares, how many records of each type, and
    does any record lack its id, share it, or any edge join the wrong labels."""
    report = CheckReport(settings.store)
    if not settings.is_bolt:
        target = Path(settings.store)
        if not target.is_file():
            report.problems.append("there is no store here (`scholargraph ingest` makes one)")
            return report
        if pid := lb.writer_pid(target):
            report.notes.append(
                f"process {pid} is writing it now; this is the store its last finished command left"
            )
        elif stale := lb.leftovers(target):
            report.notes.append(
                f"a writer that never finished left {', '.join(p.name for p in stale)}; "
                "the store is as before it (`scholargraph repair` removes them)"
            )
    try:
        store = open_store(settings, read_only=True)
    except StoreUnavailableError as exc:
        report.problems.append(exc.one_line())
        return report
    with store:
        _look(store, report)
    return report


def _look(store: Store, report: CheckReport) -> None:
    if isinstance(store, lb.LadybugStore):
        report.engine = f"LadybugDB, storage version {store.storage_version()}"
    else:
        report.engine = "Neo4j"
        if missing := store.missing_schema():
            report.problems.append(
                f"missing constraints or indexes: {', '.join(missing)} "
                "(`scholargraph repair` declares them)"
            )
        if note := _unfinished(store):
            if alive(int(note.get("pid") or 0)):
                report.notes.append(
                    f"process {note['pid']} is writing it now: the batches it has committed are in"
                )
            else:
                report.problems.append(_unfinished_line(note))
    report.counts = stats(store)
    for t in RECORD_TYPES:
        (row,) = store.query(schema.faults_statement(t))
        name = schema.type_name(t)
        if unnamed := row["unnamed"] or 0:
            what = "edges with no id, or an end with none" if issubclass(t, Rel) else "no id"
            report.problems.append(f"{unnamed} {name} with {what}")
        if repeated := row["repeated"] or 0:
            report.problems.append(f"{repeated} {name} sharing an id with another")
        if astray := (row["total"] or 0) - report.counts[name]:
            report.problems.append(f"{astray} {name} edges between nodes of other labels")


def _unfinished(store: Store) -> dict[str, Any] | None:
    """The note a Neo4j writer of this machine left, if any."""
    from scholargraph.store.neo4j_store import unfinished_note

    try:
        note: dict[str, Any] = json.loads(unfinished_note(store).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return note


def _unfinished_line(note: dict[str, Any]) -> str:
    return (
        f"a write by process {note.get('pid')} from this machine, begun "
        f"{note.get('started')}, never finished: the graph holds the batches it "
        "committed (consistent, but not the whole command); run the same command again"
    )


def repair(settings: Settings) -> list[str]:
    """Bring back the store's last good state and say what was done: the embedded
    store loses what writers that never finished left (a working copy, a stale
    lock; a log from an earlier version's writer that cannot be replayed is set
    aside), and is brought up to this version's schema; Neo4j gets its missing
    constraints (its committed batches cannot be taken back: running the
    interrupted command again completes the graph). The kept record hashes are
    dropped, so the next ingest writes every record and prunes what is not in it.
    """
    done: list[str] = []
    if not settings.is_bolt:
        target = Path(settings.store)
        if not target.is_file():
            raise StoreUnavailableError(
                f"there is no embedded store at {settings.store!r} to repair",
                hint="`scholargraph ingest FILES` makes one",
            )
        done += _clear_leftovers(target)
    store = open_store(settings)
    try:
        if missing := store.missing_schema():
            store.ensure_schema()
            done.append(f"declared what the store lacked: {', '.join(missing)}")
        forget_written(store)
        if not isinstance(store, lb.LadybugStore) and (note := _unfinished(store)):
            done.append(_unfinished_line(note))
    except BaseException:
        store.discard()
        raise
    if isinstance(store, lb.LadybugStore):
        store.close()
    else:
        store.discard()  # a dead writer's note stays: its command is still not whole
    return done or [f"{settings.store}: nothing to repair"]


def _clear_leftovers(target: Path) -> list[str]:
    """Under the writer lock: what dead writers left goes, and a log beside the
    store that Ladybug cannot replay is set aside (the store is then its last
    checkpoint)."""
    fd = lb.take_lock(target)
    done = []
    try:
        stale = [p.name for p in lb.leftovers(target) if p.name != f"{target.name}.lock"]
        lb.remove_leftovers(target)
        if stale:
            done.append(f"removed what a writer that never finished left: {', '.join(stale)}")
        wal = Path(f"{target}.wal")
        if wal.exists():
            try:
                lb.probe(target)
            except StoreCorruptError:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                aside = wal.with_name(f"{wal.name}.broken-{stamp}")
                wal.rename(aside)
                done.append(
                    f"set aside {wal.name}, a log that cannot be replayed, as {aside.name}: "
                    "the store is as at its last checkpoint"
                )
    finally:
        lb.release_lock(target, fd)
    try:
        lb.probe(target)
    except StoreCorruptError as exc:
        raise StoreCorruptError(
            f"embedded store {str(target)!r} cannot be repaired: {exc.message}",
            hint="move it aside and ingest your files again",
        ) from exc
    return done
