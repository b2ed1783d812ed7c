"""``scholargraph``: a thin command line over the Python API.

Each command is named after the function it calls; errors from the library
become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from scholargraph.api import Graph
from scholargraph.config import (
    ANSWER_FORMATS,
    APIS,
    DEFAULT_ENRICHED,
    DEFAULT_OVERRIDES,
    EXPORT_FORMATS,
    MAX_NODES,
    Settings,
)
from scholargraph.errors import ScholargraphError

if TYPE_CHECKING:
    from scholargraph.parse import FileResult

# The library is imported inside each command, so that `--help` answers at once.

F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(fn: F) -> F:
    """Turn project errors into ``Error: …`` plus exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ScholargraphError as exc:
            click.echo(f"Error: {exc.one_line()}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def settings_of(ctx: click.Context) -> Settings:
    """The settings of the whole command line, with a ``--store`` given after the
    command's name taking the place of one given before it."""
    settings: Settings = ctx.find_root().obj
    return settings.with_store(ctx.meta.get("store"))


def graph_of(ctx: click.Context) -> Graph:
    return Graph(settings_of(ctx))


def _keep_store(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta["store"] = value


def store_option(fn: F) -> F:
    """``--store`` after the command's name too (``scholargraph stats --store g``)."""
    option = click.option(
        "--store",
        metavar="PATH_OR_URI",
        expose_value=False,
        callback=_keep_store,
        help="The store (as --store before the command).",
    )
    return option(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar="SCHOLARGRAPH_STORE",
    default=None,
    help="Embedded store path (default ./scholargraph-data) or bolt:// / neo4j:// URI "
    "[env SCHOLARGRAPH_STORE].",
)
@click.version_option(package_name="scholargraph")
@click.pass_context
@one_line_errors
def main(ctx: click.Context, store: str | None) -> None:
    """A bibliometric knowledge graph: who worked with whom, who trained whom,
    who works on what."""
    ctx.obj = Settings.from_env().with_store(store)


FILES = click.argument("files", nargs=-1, required=True, type=click.Path())
OWNER = click.option(
    "--owner",
    metavar="NAME",
    help="Whom the CVs / web pages are about, for pages that never state the name.",
)
OVERRIDES = click.option(
    "--overrides",
    metavar="PATH",
    envvar="SCHOLARGRAPH_OVERRIDES",
    help="same_as / not_same_as decisions (YAML) applied to identity resolution "
    f"[default {DEFAULT_OVERRIDES} when it exists; env SCHOLARGRAPH_OVERRIDES].",
)

ENRICHED = click.option(
    "--enriched",
    metavar="FOLDER",
    default=DEFAULT_ENRICHED,
    show_default=True,
    help="The folder of enrichment documents, their progress and doubtful author matches.",
)


@main.command()
@store_option
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--dry-run", is_flag=True, help="Parse and report; write nothing.")
@OWNER
@OVERRIDES
@click.option(
    "--forget",
    metavar="PATH",
    multiple=True,
    help="A stored file (or URL) whose facts are to go; repeat for several.",
)
@click.pass_context
@one_line_errors
def ingest(
    ctx: click.Context,
    files: tuple[str, ...],
    dry_run: bool,
    owner: str | None,
    overrides: str | None,
    forget: tuple[str, ...],
) -> None:
    """Ingest CVs, web pages, profiles and bibliographies (FILES) into the store.

    Formats: CV / web-page text (.txt, .md), al-folio cv.yml, JSON Resume,
    scholargraph profile YAML, BibTeX. A folder (a homepage repository) is read as
    one site about one person: its content files, without themes, layouts or built
    output. People and papers are resolved across all FILES (see `scholargraph
    review`). On a terminal, progress bars show the files parsed (when there are
    several) and the rows written.
    Files stored before are read again (unchanged ones from a cache), but those
    named by --forget, whose facts are removed.

    Example: scholargraph ingest cv.md refs.bib ~/src/jane.github.io
    """
    from tqdm import tqdm

    if not files and not forget:
        raise click.UsageError("give FILES to ingest, or --forget PATH")
    settings = settings_of(ctx).with_overrides(overrides)
    quiet = None if len(files) > 1 else True  # None: shown on a terminal only
    with (
        tqdm(total=len(files), unit="file", desc="parse", disable=quiet) as parsed,
        tqdm(unit="row", desc="write", disable=True if dry_run else None) as written,
    ):

        def on_file(result: FileResult) -> None:
            parsed.update(1)
            if result.error:
                parsed.write(f"failed {result.error.one_line()}", file=sys.stderr)

        with Graph(settings) as g:
            report = g.ingest(
                files,
                owner=owner,
                dry_run=dry_run,
                on_file=on_file,
                on_batch=written.update,
                forget=forget,
            )
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)


@main.command()
@FILES
@OWNER
@OVERRIDES
@click.option("--all", "show_all", is_flag=True, help="Also list the pairs that were merged.")
@ENRICHED
@click.pass_context
@one_line_errors
def review(
    ctx: click.Context,
    files: tuple[str, ...],
    owner: str | None,
    overrides: str | None,
    show_all: bool,
    enriched: str,
) -> None:
    """List the uncertain same-person pairs in FILES with their score and evidence,
    and the line to add to the overrides file to decide each one; then the author
    records `scholargraph enrich` found too doubtful to use, and the command that
    takes one, and the works it took for papers named only by their system, with
    why. Writes nothing.

    Example: scholargraph review cv.yml papers.bib
    """
    settings = settings_of(ctx).with_overrides(overrides)
    result = Graph(settings).review(files, owner=owner)
    for error in result.errors:
        click.echo(f"failed {error.one_line()}", err=True)
    resolved = result.resolved
    shown = [(c, d) for c, d in resolved.people.decisions if show_all or d != "merged"]
    for c, decision in shown:
        click.echo(f"{c.score:.2f}  {decision}: {c.a.label} = {c.b.label}")
        click.echo(f"      {'; '.join(c.evidence)}")
        click.echo(f"      - [{c.a.ref}, {c.b.ref}]")
    click.echo(resolved.summary())
    if shown and not show_all:
        click.echo(
            f"To decide a pair, copy its '- [...]' line under same_as: or not_same_as: in "
            f"{settings.overrides}; every ingest applies it."
        )
    from scholargraph.enrich import pending_reviews, system_names

    for person, candidate in pending_reviews(enriched):
        author, score, why = candidate.split(" ", 2)
        click.echo(f"{score.rstrip(':')}  uncertain author record: {person} = {author}")
        click.echo(f"      {why}")
        click.echo(f"      scholargraph enrich --person {person} --accept {author}  # to take it")
    for person, paper, found in system_names(enriched):
        click.echo(f"system name taken: {person}: {paper}")
        click.echo(f"      {found}  (edit or delete that entry to undo)")
    if result.errors:
        sys.exit(1)


@main.command()
@store_option
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="node-link", show_default=True
)
@click.option(
    "--output", "-o", required=True, help="File (node-link, graphml) or folder (csv, neo4j-import)."
)
@click.pass_context
@one_line_errors
def export(ctx: click.Context, fmt: str, output: str) -> None:
    """Export the whole graph.

    Example: scholargraph export --format node-link --output graph.json
    """
    with graph_of(ctx) as g:
        path = g.export(fmt, output)
    click.echo(f"wrote {path}")


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@one_line_errors
def stats(ctx: click.Context, as_json: bool) -> None:
    """Count nodes by label and relationships by type.

    Example: scholargraph stats --json
    """
    with graph_of(ctx) as g:
        counts = g.stats()
    if as_json:
        click.echo(json.dumps(counts, indent=1))
    else:
        width = max(map(len, counts))
        click.echo("\n".join(f"{k:<{width}}  {v}" for k, v in counts.items()))


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
@click.pass_context
@one_line_errors
def check(ctx: click.Context, as_json: bool) -> None:
    """Check that the store opens and is whole: its engine, counts, records without
    an id or sharing one, edges between the wrong labels, and what a writer that
    never finished left. Reads only; exit status 1 when something is wrong.

    Example: scholargraph check
    """
    report = graph_of(ctx).check()
    if as_json:
        click.echo(json.dumps({**asdict(report), "ok": report.ok}, indent=1))
    else:
        click.echo("\n".join(report.lines()))
    if not report.ok:
        sys.exit(1)


@main.command()
@store_option
@click.pass_context
@one_line_errors
def repair(ctx: click.Context) -> None:
    """Bring back the store's last good state: remove what writers that never
    finished left, set aside a log that cannot be replayed, declare missing tables
    or constraints. On Neo4j, committed batches stay: run the interrupted command
    again to complete the graph.

    Example: scholargraph repair
    """
    click.echo("\n".join(graph_of(ctx).repair()))


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option("--verbose", is_flag=True, help="List what each document missed.")
@one_line_errors
def eval_(corpus: str, as_json: bool, verbose: bool) -> None:
    """Score extraction on a corpus of documents with hand-made truth.

    Each folder with a truth.yaml is ingested as a user would (no store) and compared:
    publications found and wrong, exact author lists, advisor edges, the owner as one
    person; per document, per site shape and overall.

    Example: scholargraph eval tests/corpus/test
    """
    from scholargraph import evaluate

    report = evaluate.evaluate(Path(corpus))
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(evaluate.format_report(report, verbose=verbose))


def query_arguments(fn: F) -> F:
    """The options naming a query's arguments (shared by ``query`` and ``render``)."""
    options = [
        click.option("--person", help="A person: name, alias, native-script name or id."),
        click.option("--other", help="The second person of two-person queries."),
        click.option("--limit", type=int, help="At most this many rows."),
        click.option("--depth", type=int, help="How far to go (lineage, ego)."),
        click.option("--k", "k", type=int, help="How many paths (k-paths)."),
        click.option("--topic", help="A topic in any words (people-by-topic)."),
        click.option("--group-a", help="An organization, or an advisor with their students."),
        click.option("--group-b", help="The other group (collaboration-between)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@main.command()
@store_option
@click.argument("name", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every query and its parameters.")
@query_arguments
@click.option(
    "--format", "fmt", type=click.Choice(ANSWER_FORMATS), default="table", show_default=True
)
@click.pass_context
@one_line_errors
def query(
    ctx: click.Context, /, name: str | None, list_all: bool, fmt: str, **arguments: Any
) -> None:
    """Run the named query NAME (see --list) and print its rows.

    Example: scholargraph query shared-collaborators --person "Yimin Jiang" --other "Yibo Zhu"
    """
    from scholargraph.queries import formats

    if list_all or not name:
        click.echo(formats.describe_queries())
        return
    with graph_of(ctx) as g:
        answer = g.query(name, **arguments)
    click.echo(formats.render_answer(answer, fmt))


@main.command()
@store_option
@click.argument("name")
@query_arguments
@click.option("--output", "-o", required=True, help="The page to write (PATH.html).")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=MAX_NODES,
    show_default=True,
    help="Draw at most this many nodes: the people asked about, then the best-connected.",
)
@click.option(
    "--min-papers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Draw only co-author ties of at least this many joint papers.",
)
@click.pass_context
@one_line_errors
def render(
    ctx: click.Context, /, name: str, output: str, max_nodes: int, min_papers: int, **arguments: Any
) -> None:
    """Run the named query NAME and write its answer as an interactive page.

    Example: scholargraph render ego --person "Xin Tan" --min-papers 2 -o ego.html
    """
    with graph_of(ctx) as g:
        page = g.render(name, output, max_nodes=max_nodes, min_papers=min_papers, **arguments)
    click.echo(f"wrote {page}")


@main.command()
@store_option
@click.option(
    "--person",
    "people",
    multiple=True,
    metavar="NAME",
    help="Whom to enrich (repeatable; default: everyone a profile is about).",
)
@click.option(
    "--sources",
    default=",".join(APIS),
    show_default=True,
    help="The APIs to ask, comma-separated.",
)
@click.option(
    "--accept",
    multiple=True,
    metavar="API:ID",
    help="Take this author record for the one --person (e.g. openalex:A5023888391).",
)
@click.option("--offline", is_flag=True, help="Answer from the HTTP cache only; send nothing.")
@click.option("--refresh", is_flag=True, help="Ask again for people an earlier run finished.")
@ENRICHED
@click.pass_context
@one_line_errors
def enrich(
    ctx: click.Context,
    people: tuple[str, ...],
    sources: str,
    accept: tuple[str, ...],
    offline: bool,
    refresh: bool,
    enriched: str,
) -> None:
    """Fill gaps from OpenAlex, Semantic Scholar, DBLP, Crossref, arXiv and ORCID.

    Finds each person's author records (judged on name, papers, co-authors and
    organizations; doubtful ones are listed for review, not used), writes what the
    APIs say as documents in --enriched and ingests them: identifiers, missing
    co-authors and author order, venues, years, DOIs, abstracts, topics and
    organizations, never overruling your own documents (conflicts are kept).
    Resumable: a re-run continues where an interrupted one stopped.

    Example: scholargraph enrich --person "Xin Tan" --sources openalex,s2
    """
    from tqdm import tqdm

    settings = settings_of(ctx)
    if offline:
        settings = dataclasses.replace(
            settings, apis=dataclasses.replace(settings.apis, offline=True)
        )
    apis = [a.strip() for a in sources.split(",") if a.strip()]
    with Graph(settings) as g, tqdm(unit="person", desc="enrich", disable=None) as bar:

        def on_person(api: str, person: str) -> None:
            bar.set_postfix_str(api)
            bar.update(1)

        report = g.enrich(
            people=people,
            apis=apis,
            accept=accept,
            refresh=refresh,
            folder=enriched,
            on_person=on_person,
        )
    click.echo(report.summary())
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if report.errors:
        sys.exit(1)


BENCH_PARTS = ("ingest", "queries", "resolve", "render", "explore", "enrich", "documents")


@main.command()
@click.option(
    "--scale",
    "--authorships",
    "scales",
    type=int,
    multiple=True,
    default=(100_000,),
    show_default=True,
    help="AUTHORED edges of the synthetic graph; repeat for a scaling run.",
)
@click.option("--samples", default=100, show_default=True, help="Runs per query.")
@click.option("--mentions", default=100_000, show_default=True, help="Author mentions to resolve.")
@click.option(
    "--people",
    default=5000,
    show_default=True,
    help="People of the synthetic co-author graph (render, explore).",
)
@click.option(
    "--works", default=600, show_default=True, help="Works looked up on the APIs (enrich)."
)
@click.option(
    "--files",
    type=int,
    multiple=True,
    default=(100, 1000),
    show_default=True,
    help="BibTeX files in the store (documents); repeat for several runs.",
)
@click.option(
    "--only",
    default=",".join(BENCH_PARTS),
    show_default=True,
    help="Comma-separated parts to run: ingest, queries, resolve, render, explore, enrich, "
    "documents.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option("--plot", metavar="FILE.svg", help="Write a log-log plot of time against scale.")
@click.option("--check", is_flag=True, help="Exit 1 when a goal is missed.")
@click.option(
    "--store",
    "bolt",
    metavar="BOLT_URI",
    help="Run ingest, queries and explore on this Neo4j (bolt://…, credentials from "
    "NEO4J_AUTH or NEO4J_USER/NEO4J_PASSWORD) instead of temporary embedded stores. Its "
    "database is EMPTIED: point it at a scratch one. (SCHOLARGRAPH_STORE is never used here.)",
)
@click.pass_context
@one_line_errors
def bench(
    ctx: click.Context,
    scales: tuple[int, ...],
    samples: int,
    mentions: int,
    people: int,
    works: int,
    files: tuple[int, ...],
    only: str,
    as_json: bool,
    plot: str | None,
    check: bool,
    bolt: str | None,
) -> None:
    """Benchmarks on synthetic data, in temporary embedded stores (never yours)
    or, with --store BOLT_URI, on a scratch Neo4j.

    ingest: authorships/s of write_records against the batched upserts and a
    per-row MERGE measured in the same run, store size, peak memory. queries:
    p50/p95 of every named query against an id lookup. resolve: author mentions
    of synthetic profiles resolved, time against one pass over the mentions,
    quality (B³) next to one-person-per-name. render: a synthetic co-author page
    in headless Chromium, seconds until still, against pyvis's defaults. explore:
    click-to-expands in `serve` over a synthetic store, seconds until drawn, against
    exporting the same view as a page and loading it. enrich:
    requests per publication looked up on played APIs (127.0.0.1), batched and
    cached, against one request per work. documents: a fresh ingest of generated
    BibTeX files, then adding, editing and removing one, against a one-file ingest.

    Example: scholargraph bench --scale 10000 --scale 100000 --plot scaling.svg
    """
    from scholargraph.bench import enrich as enrich_bench
    from scholargraph.bench import explore as explore_bench
    from scholargraph.bench import harness as bench_mod
    from scholargraph.bench import render as render_bench
    from scholargraph.pipeline import ingest_into

    parts = {p.strip() for p in only.split(",") if p.strip()}
    if unknown := parts - set(BENCH_PARTS):
        raise ScholargraphError(
            f"unknown bench part(s): {', '.join(sorted(unknown))}",
            hint=f"choose from {', '.join(BENCH_PARTS)}",
        )
    server = settings_of(ctx).with_store(bolt) if bolt else None
    if server is not None and not server.is_bolt:
        raise ScholargraphError(
            f"bench --store {bolt!r} is not a Bolt URI",
            hint="bench uses temporary embedded stores unless given a scratch Neo4j, "
            "e.g. bolt://localhost:7687",
        )
    reports = []
    for scale in scales if parts & {"ingest", "queries"} else ():
        report = bench_mod.benchmark(
            scale,
            samples=samples,
            writes="ingest" in parts,
            queries="queries" in parts,
            settings=server,
        )
        reports.append(report)
        if not as_json:  # each scale as soon as it is measured
            click.echo("\n".join(report.lines()))
    identity = bench_mod.identity_benchmark(mentions) if "resolve" in parts else None
    if identity and not as_json:
        click.echo("\n".join(identity.lines()))
    page = render_bench.render_benchmark(people) if "render" in parts else None
    if page and not as_json:
        click.echo("\n".join(page.lines()))
    session = (
        explore_bench.explore_benchmark(people, settings=server) if "explore" in parts else None
    )
    if session and not as_json:
        click.echo("\n".join(session.lines()))
    lookups = enrich_bench.enrich_benchmark(works) if "enrich" in parts else None
    if lookups and not as_json:
        click.echo("\n".join(lookups.lines()))
    runs = []
    for count in files if "documents" in parts else ():
        runs.append(bench_mod.documents_benchmark(count, ingest_into))
        if not as_json:
            click.echo("\n".join(runs[-1].lines()))
    if as_json:
        out = {
            "graph": [asdict(r) for r in reports],
            "resolve": identity and asdict(identity),
            "render": page and asdict(page),
            "explore": session and asdict(session),
            "enrich": lookups and asdict(lookups),
            "documents": [asdict(r) for r in runs],
        }
        click.echo(json.dumps(out, indent=1))
    if plot:
        written = bench_mod.plot_scaling(reports, plot)
        click.echo(f"wrote {written}", err=as_json)
    missed = [m for r in reports for m in r.missed()] + (identity.missed() if identity else [])
    missed += page.missed() if page else []
    missed += session.missed() if session else []
    missed += lookups.missed() if lookups else []
    if check and missed:
        sys.exit(1)


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.pass_context
@one_line_errors
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Explore the graph in the browser: a local, read-only web app over the named
    queries (search, a person's network expanded by clicks, two people compared,
    filters, exports) and their JSON API (/api/openapi.json). Ctrl-C stops it.

    Example: scholargraph serve --port 8765
    """
    import logging

    from scholargraph.serve.app import is_loopback

    logging.basicConfig(level=logging.INFO, format="%(message)s")  # one line per request
    if not is_loopback(host):
        click.echo(
            f"warning: serving on {host}: anyone who can reach this machine can read the graph",
            err=True,
        )
    with graph_of(ctx) as g:
        g.serve(host, port, on_start=lambda s: click.echo(f"serving {s.url} (Ctrl-C stops)"))


@main.command()
@store_option
@click.option("--output", "-o", default="scholargraph-out", show_default=True, help="Folder.")
@click.pass_context
@one_line_errors
def demo(ctx: click.Context, output: str) -> None:
    """Build the example graph in the store and write its interactive pages.

    Example: scholargraph demo --output scholargraph-out
    """
    report = graph_of(ctx).demo(output)
    click.echo(report.ingest.summary())
    click.echo("graph: " + ", ".join(f"{k} {v}" for k, v in report.counts.items() if v))
    click.echo(f"pages: {len(report.pages)} written; open {report.index}")
