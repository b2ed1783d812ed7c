"""The pipeline: parse → normalize → resolve → topics → store, then queries and render."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scholargraph.config import URL_SCHEMES, ApiSettings, Settings
from scholargraph.errors import InputError
from scholargraph.parse import FileResult, check_paths, read_files
from scholargraph.parse.builder import Note
from scholargraph.parse.cache import ParseCache
from scholargraph.records import RecordSet
from scholargraph.resolve import Resolved, resolve
from scholargraph.resolve.kept import KeptResolutions
from scholargraph.resolve.overrides import Overrides, overrides_of
from scholargraph.store.store import Store, open_store
from scholargraph.store.sync import (
    Coverage,
    coverage,
    forget_written,
    ingest_folder,
    replace_all,
    stored_sources,
)
from scholargraph.store.writer import write_records
from scholargraph.topics.clusters import topic_clusters
from scholargraph.topics.interests import derive_topics

if TYPE_CHECKING:  # enrich, queries, render and export load when a command needs them
    import networkx as nx

    from scholargraph.enrich import EnrichReport

RESOLUTIONS = "resolutions"  # in the store's ingest folder: see ``resolve.kept``
EXAMPLES = Path(__file__).resolve().parent / "examples"  # package data: works from a wheel
# One page per query view in the demo: (query, arguments), people of the examples.
DEMO_QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("ego", {"person": "Xin Tan"}),
    ("shared-collaborators", {"person": "Yimin Jiang", "other": "Yibo Zhu"}),
    ("connection", {"person": "Kaiwen Chen", "other": "Yu Zhou"}),
    ("lineage", {"person": "Hong Xu"}),
    ("topic-clusters", {}),
)


@dataclass
class ExtractResult:
    files: list[FileResult]
    resolved: Resolved

    @property
    def records(self) -> RecordSet:
        return self.resolved.records

    @property
    def errors(self) -> list[InputError]:
        return [f.error for f in self.files if f.error]

    @property
    def skipped(self) -> list[Note]:
        return [s for f in self.files for s in f.skipped]

    @property
    def warnings(self) -> list[Note]:
        out = [w for f in self.files for w in f.warnings]
        for rule in self.resolved.people.unmatched_rules:
            out.append(Note(rule.path, rule.line, f"{rule} matches no one in this ingest"))
        return out


def extract(
    paths: Iterable[str | Path],
    *,
    on_file: Callable[[FileResult], None] | None = None,
    owner: str | None = None,
    owners: Mapping[str, str | None] | None = None,
    overrides: Overrides | None = None,
    names: Mapping[str, str] | None = None,
    cache: ParseCache | None = None,
    kept: KeptResolutions | None = None,
) -> ExtractResult:
    """Parse every file (see ``parse.read_files`` for the arguments), resolve
    identities across them (see ``resolve``; ``overrides``: human same-as /
    not-same-as decisions; ``kept``: what earlier ingests resolved), then derive
    topics and topic clusters over the resolved graph."""
    documents, files = read_files(
        paths, on_file=on_file, owner=owner, owners=owners, names=names, cache=cache
    )
    resolved = resolve(documents, overrides, kept, handed_over=True)
    del documents  # what resolve did not take is freed before topics and the write
    derive_topics(resolved.records)
    resolved.records.update(topic_clusters(resolved.records))
    return ExtractResult(files, resolved)


@dataclass
class IngestReport:
    extracted: ExtractResult
    written: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False
    coverage: Coverage = field(default_factory=Coverage)
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[InputError]:
        return self.extracted.errors

    def summary(self) -> str:
        files = self.extracted.files
        entries = sum(f.entries for f in files)
        skipped = self.extracted.skipped
        lines = [
            f"{len(files)} file(s), {entries} entries, {len(skipped)} skipped, "
            f"{len(self.errors)} file(s) failed"
            + (" (dry run: nothing written)" if self.dry_run else "")
        ]
        counts = self.extracted.records.counts() if self.dry_run else self.written
        verb = "would write" if self.dry_run else "wrote"
        written = ", ".join(f"{k} {v}" for k, v in counts.items())
        lines.append(f"{verb}: {written or 'nothing (the store held every record as it is)'}")
        lines.append(self.extracted.resolved.summary())
        if again := self.coverage.again:
            lines.append(f"read again: {len(again)} stored source(s), to resolve identities with")
        if forgotten := self.coverage.forgotten:
            lines.append(
                f"forgotten: {len(forgotten)} stored source(s), not read again"
                + ("" if self.coverage.complete else "; their facts stay while one is gone")
            )
        if self.removed:
            stale = ", ".join(f"{k} {v}" for k, v in self.removed.items())
            lines.append(f"removed: {stale} (no longer in the resolved graph)")
        lines += [f"skipped {s}" for s in skipped]
        lines += [
            f"note {f.path}: no publications read from it (as {f.kind})"
            for f in files
            if f.error is None and not f.counts.get("Publication")
        ]
        lines += [f"warning {w}" for w in self.extracted.warnings]
        lines += [
            f"warning {s.path}: stored source gone or changed and not given again; its facts "
            "stay as they were, and nothing was removed (ingest it again, or --forget it, to "
            "re-resolve)"
            for s in self.coverage.gone
        ]
        lines += [f"failed {e.one_line()}" for e in self.errors]
        return "\n".join(lines)


def ingest_into(
    store: Store,
    paths: Iterable[str | Path],
    *,
    batch_size: int = 2000,
    dry_run: bool = False,
    owner: str | None = None,
    overrides: Overrides | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
    web: ApiSettings | None = None,
    forget: Iterable[str | Path] = (),
) -> IngestReport:
    """Parse every file (a URL is fetched first: see ``parse.web``, with ``web``'s
    cache and contact, by default the environment's), and the store's own sources
    again (see ``store.sync``; an unchanged file's parse comes from the store's
    parse cache), resolve identities across all of them (the parts of the people
    that no changed file touches come from the kept resolutions: ``resolve.kept``),
    then write (nothing when ``dry_run``). When every stored source was covered and
    every file parsed, the store is made equal to the resolved graph: the records
    that changed replace what it holds and what they no longer contain is removed.

    ``owner`` names whom CVs and pages are about when they never say; ``overrides``
    holds human same-as / not-same-as decisions; ``on_file`` and ``on_batch``
    report progress (a file parsed, a batch written); ``forget``: stored files
    whose facts are to go (not read again, and not reported as gone; a path that
    names no stored file is an InputError, raised before anything is read).
    """
    paths, names = fetch_pages(list(paths), web)
    given = check_paths(paths)  # a folder's files: a site, which extract reads as one
    cover = coverage(stored_sources(store), given, forget)
    again = {path: s.owner for path, s in cover.again}
    names |= {path: s.path for path, s in cover.again if s.path.startswith(URL_SCHEMES)}
    # a dry run writes nothing, not even parses (the store may not exist yet)
    cache = None if dry_run else ParseCache(ingest_folder(store) / "parses")
    kept = None if dry_run else KeptResolutions(ingest_folder(store) / RESOLUTIONS)
    extracted = extract(
        [*paths, *map(Path, again)],
        on_file=on_file,
        owner=owner,
        owners=again,
        overrides=overrides,
        names=names,
        cache=cache,
        kept=kept,
    )
    report = IngestReport(extracted, dry_run=dry_run, coverage=cover)
    if cache is None or kept is None:  # a dry run
        return report
    if cover.complete and not extracted.errors:
        report.written, report.removed = replace_all(
            store, extracted.records, batch_size=batch_size, progress=on_batch
        )
        cache.prune_unused()  # every stored file was read: what it did not use is stale
        kept.prune_unused()  # and every part of the people resolved
    else:
        forget_written(store)  # a merge: the store is no longer what the kept hashes say
        report.written = write_records(
            store, extracted.records, batch_size=batch_size, progress=on_batch
        )
    return report


def enrich_into(store: Store, settings: Settings, **options: Any) -> EnrichReport:
    """Run the enrich stage (see ``enrich.enrich`` for ``options``), then ingest the
    documents it wrote, with the graph's own sources, and count what they added.
    When the store holds every document as it is (a re-run that found nothing
    new), nothing is ingested: the graph is already what they say."""
    from scholargraph.enrich import enrich, tally, unstored

    report = enrich(store, settings, **options)
    if unstored(store, report.to_ingest):
        ingested = ingest_into(
            store,
            report.to_ingest,
            batch_size=settings.batch_size,
            overrides=overrides_of(settings),
        )
        report.ingested = ingested.summary()
    if report.to_ingest:
        tally(report, store)
    return report


def fetch_pages(
    paths: list[str | Path], web: ApiSettings | None
) -> tuple[list[str | Path], dict[str, str]]:
    """URLs among ``paths`` fetched into files (see ``parse.web``), and their URLs."""
    if not any(isinstance(p, str) and p.startswith(URL_SCHEMES) for p in paths):
        return paths, {}
    from scholargraph.parse.web import fetched  # the HTTP stack, only when needed

    return fetched(paths, web or ApiSettings.from_env())


def ingest(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    dry_run: bool = False,
    owner: str | None = None,
) -> IngestReport:
    """Ingest files into the store the settings name."""
    settings = settings or Settings.from_env()
    overrides = overrides_of(settings)
    with open_store(settings) as store:
        return ingest_into(
            store,
            paths,
            batch_size=settings.batch_size,
            dry_run=dry_run,
            owner=owner,
            overrides=overrides,
            web=settings.apis,
        )


def render_query(
    store: Store,
    name: str,
    output: str | Path,
    *,
    max_nodes: int | None = None,
    min_papers: int = 1,
    **arguments: Any,
) -> Path:
    """Run the named query and write the part of the graph its answer is about as an
    interactive page at ``output`` (the people asked about highlighted, co-authors
    joined by edges as wide as their joint papers). ``max_nodes`` (None: the page's
    ``MAX_NODES``) and ``min_papers`` thin a large answer (see ``render``)."""
    from scholargraph.queries import answer_graph, run
    from scholargraph.render.pages import MAX_NODES, render
    from scholargraph.render.provenance import provenance

    answer = run(store, name, **arguments)
    asked = ", ".join(f"{k}={v}" for k, v in arguments.items() if v is not None)
    return render(
        answer_graph(store, answer),
        output,
        title=f"{name} ({asked})" if asked else name,
        highlight=answer.focus,
        provenance=provenance(store),
        max_nodes=MAX_NODES if max_nodes is None else max_nodes,
        min_papers=min_papers,
        hierarchical=answer.query.layout == "hierarchical",
    )


def review(
    paths: Iterable[str | Path], settings: Settings | None = None, *, owner: str | None = None
) -> ExtractResult:
    """Resolve identities in ``paths`` as an ingest would (the overrides applied),
    writing nothing: ``result.resolved.people.decisions`` holds every candidate pair
    with its score, evidence and outcome."""
    settings = settings or Settings.from_env()
    return extract(paths, owner=owner, overrides=overrides_of(settings))


@dataclass
class DemoReport:
    ingest: IngestReport
    counts: dict[str, int]
    pages: list[Path]

    @property
    def index(self) -> Path:
        return self.pages[0]


def collaboration_view(g: nx.MultiDiGraph, person: str) -> nx.MultiDiGraph:
    """A person, their papers, co-authors, advisors/mentors/students and organizations."""
    keep = {person}
    for u, v, d in [*g.out_edges(person, data=True), *g.in_edges(person, data=True)]:
        keep.update((u, v))
        if d["type"] == "AUTHORED":
            keep.update(a for a, _, dd in g.in_edges(v, data=True) if dd["type"] == "AUTHORED")
    return g.subgraph(keep).copy()


def demo(settings: Settings | None = None, out_dir: str | Path = "scholargraph-out") -> DemoReport:
    """Build the example graph in the configured store and write its pages."""
    from scholargraph.queries import add_coauthor_ties
    from scholargraph.render.pages import render
    from scholargraph.render.provenance import provenance
    from scholargraph.store.export import profile_owners, stats, to_networkx

    settings = settings or Settings.from_env()
    out = Path(out_dir)
    with open_store(settings) as store:
        report = ingest_into(store, sorted(EXAMPLES.glob("*.yaml")), batch_size=settings.batch_size)
        counts = stats(store)
        g = to_networkx(store)
        views = [render_query(store, q, out / f"{q}.html", **args) for q, args in DEMO_QUERIES]
        shown_paths = provenance(store)
        shown = g.subgraph(n for n, d in g.nodes(data=True) if d["labels"] != ["Source"]).copy()
        add_coauthor_ties(store, shown)
    overview = out / "overview.html"
    pages = [render(shown, overview, title="Whole graph", provenance=shown_paths, grouped=True)]
    for pid, name in profile_owners(g):
        page = out / f"person-{pid.split(':', 1)[1].split('@')[0]}.html"
        view = collaboration_view(shown, pid)
        pages.append(
            render(
                view,
                page,
                title=f"{name}: collaborations",
                highlight=[pid],
                provenance=shown_paths,
            )
        )
    pages += views
    index = _write_index(out / "index.html", pages, counts)
    return DemoReport(report, counts, [index, *pages])


def _write_index(path: Path, pages: list[Path], counts: dict[str, int]) -> Path:
    items = "\n".join(
        f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>' for p in pages
    )
    table = "\n".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in counts.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<title>scholargraph demo</title>"
        "<style>body{font-family:system-ui,sans-serif;margin:2em}td{padding:2px 12px}</style>"
        f"</head><body><h1>scholargraph demo</h1><h2>Pages</h2><ul>{items}</ul>"
        f"<h2>Graph</h2><table>{table}</table></body></html>\n",
        encoding="utf-8",
    )
    return path
