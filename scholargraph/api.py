"""``Graph``: one graph store and everything done with it, the face the CLI mirrors.

Each method is a command of the same name (``scholargraph ingest`` is
``Graph.ingest``). The store is opened on first use and held until ``close`` (or the
end of a ``with`` block): read-only for the methods that only read, to write for
the others. What a graph writes to the embedded store reaches its file when the
graph closes, all at once; a ``with`` block left by an exception leaves the file as
it was (see ``store.ladybug_store``). One process writes it at a time; readers are
not held up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from scholargraph.config import DEFAULT_ENRICHED, Settings

if TYPE_CHECKING:
    from scholargraph.enrich import EnrichReport
    from scholargraph.parse import FileResult
    from scholargraph.pipeline import DemoReport, ExtractResult, IngestReport
    from scholargraph.queries import Answer
    from scholargraph.serve.app import Server
    from scholargraph.store.health import CheckReport
    from scholargraph.store.store import Store


class Graph:
    """A scholargraph in the store ``settings.store`` names."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store, open to write (opened on first use)."""
        if self._store is not None and self._store.read_only:
            self.close()
        return self._open(read_only=False)

    @property
    def _reader(self) -> Store:
        """The store as it is open, or else opened read-only."""
        return self._open(read_only=True)

    def _open(self, *, read_only: bool) -> Store:
        if self._store is None:
            from scholargraph.store.store import open_store

            self._store = open_store(self.settings, read_only=read_only)
        return self._store

    def close(self) -> None:
        """Close the store, keeping what was written."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Graph:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None or self._store is None:
            self.close()
        else:
            self._store.discard()
            self._store = None

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        owner: str | None = None,
        dry_run: bool = False,
        on_file: Callable[[FileResult], None] | None = None,
        on_batch: Callable[[int], None] | None = None,
        forget: Iterable[str | Path] = (),
    ) -> IngestReport:
        """Read files, folders (one site each) and URLs, resolve who is who across
        them and the store's own sources but those in ``forget`` (their facts go),
        and write the result (see README, "Using it" and "Who is who")."""
        from scholargraph.pipeline import ingest_into
        from scholargraph.resolve.overrides import overrides_of

        return ingest_into(
            self._reader if dry_run else self.store,  # a dry run writes nothing
            paths,
            batch_size=self.settings.batch_size,
            dry_run=dry_run,
            owner=owner,
            overrides=overrides_of(self.settings),
            on_file=on_file,
            on_batch=on_batch,
            web=self.settings.apis,
            forget=forget,
        )

    def review(self, paths: Iterable[str | Path], *, owner: str | None = None) -> ExtractResult:
        """Resolve ``paths`` as an ingest would and write nothing: the open questions."""
        from scholargraph.pipeline import review

        return review(paths, self.settings, owner=owner)

    def query(self, name: str, **arguments: Any) -> Answer:
        """Run the named query (see ``scholargraph query --list``); arguments by name."""
        from scholargraph.queries import run

        return run(self._reader, name, **{k: v for k, v in arguments.items() if v is not None})

    def render(
        self,
        name: str,
        output: str | Path,
        *,
        max_nodes: int | None = None,
        min_papers: int = 1,
        **arguments: Any,
    ) -> Path:
        """The named query's answer as an interactive page at ``output``."""
        from scholargraph.pipeline import render_query
        from scholargraph.render.pages import MAX_NODES

        given = {k: v for k, v in arguments.items() if v is not None}
        return render_query(
            self._reader,
            name,
            output,
            max_nodes=max_nodes or MAX_NODES,
            min_papers=min_papers,
            **given,
        )

    def enrich(
        self,
        *,
        people: Sequence[str] = (),
        apis: Sequence[str] | None = None,
        accept: Sequence[str] = (),
        refresh: bool = False,
        folder: str | Path = DEFAULT_ENRICHED,
        on_person: Callable[[str, str], None] | None = None,
    ) -> EnrichReport:
        """Fill gaps from the public APIs (see README, "Filling gaps")."""
        from scholargraph.enrich import APIS
        from scholargraph.pipeline import enrich_into

        return enrich_into(
            self.store,
            self.settings,
            people=people,
            apis=list(apis or APIS),
            accept=accept,
            refresh=refresh,
            folder=folder,
            on_person=on_person,
        )

    def export(self, fmt: str, output: str | Path) -> Path:
        """The whole graph in ``fmt`` (node-link, graphml, csv, neo4j-import)."""
        from scholargraph.store.export import export

        return export(self._reader, fmt, output)

    def stats(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""
        from scholargraph.store.export import stats

        return stats(self._reader)

    def serve(
        self,
        host: str = "127.0.0.1",
        port: int = 8765,
        *,
        on_start: Callable[[Server], None] | None = None,
    ) -> None:
        """Serve the graph as a local web app (read-only) until interrupted: search,
        a person's network expanded by clicks, two people compared, filters, exports,
        and a JSON API (see README, "Exploring it live"). ``on_start`` gets the
        server once it listens (its ``url``)."""
        from scholargraph.errors import StoreUnavailableError
        from scholargraph.serve.app import serve

        if not self.settings.is_bolt and not Path(self.settings.store).exists():
            raise StoreUnavailableError(
                f"no graph at {self.settings.store!r} to serve",
                hint="build one first: scholargraph ingest FILES (or scholargraph demo)",
            )
        serve(self._reader, host, port, on_start=on_start)

    def check(self) -> CheckReport:
        """Whether the store opens and is whole: engine, counts, records without an
        id or sharing one, edges between the wrong labels, and what a writer that
        never finished left (see README, "Stores")."""
        from scholargraph.store.health import check

        self.close()  # look at the store as other processes see it
        return check(self.settings)

    def repair(self) -> list[str]:
        """Bring back the store's last good state; what was done, a line each."""
        from scholargraph.store.health import repair

        self.close()
        return repair(self.settings)

    def demo(self, output: str | Path = "scholargraph-out") -> DemoReport:
        """Build the example graph in this store and write its interactive pages."""
        from scholargraph.pipeline import demo

        self.close()  # the demo opens the store itself
        return demo(self.settings, output)


def open(store: str | os.PathLike[str] | Settings | None = None) -> Graph:
    """The graph in ``store``: a path for the embedded store, a ``bolt://`` or
    ``neo4j://`` URI for Neo4j (credentials from ``NEO4J_AUTH``), or Settings; by
    default what ``SCHOLARGRAPH_STORE`` names, else ``./scholargraph-data``."""
    if isinstance(store, Settings):
        return Graph(store)
    return Graph(Settings.from_env().with_store(os.fspath(store) if store is not None else None))
