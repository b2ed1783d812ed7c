"""The benchmark: its synthetic graph is shaped like co-authorship, and it reports
every query and the writes against baselines measured in the same run."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from scholargraph.bench import harness as bench
from scholargraph.bench import synthetic as synthetic_mod
from scholargraph.bench.enrich import enrich_benchmark
from scholargraph.bench.synthetic import synthetic
from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.parse import extract_file
from scholargraph.queries import list_queries, run
from scholargraph.records import Advised, Authored, InterestedIn, Person, Publication
from scholargraph.store.export import stats
from scholargraph.store.ladybug_store import LadybugStore


def teams(authorships: int, seed: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in synthetic(authorships, seed=seed).rels[Authored].values():
        out.setdefault(a.to_id, []).append(a.from_id)
    return out


def test_synthetic_teams_are_cs_sized_and_repeat_collaborators() -> None:
    sizes = sorted(len(t) for t in teams(5000, 3).values())
    assert sizes[len(sizes) // 2] in (3, 4, 5) and max(sizes) <= 15 and max(sizes) >= 8
    pairs = [frozenset((x, y)) for t in teams(5000, 3).values() for x in t for y in t if x < y]
    assert len(pairs) > 2 * len(set(pairs))  # people write with the same people again


def test_synthetic_papers_per_author_are_heavy_tailed() -> None:
    per_author = Counter(a for t in teams(20000, 4).values() for a in t)
    counts = sorted(per_author.values())
    median, top = counts[len(counts) // 2], counts[-1]
    assert top > 10 * median


def test_synthetic_names_clash_and_lineages_run_deep() -> None:
    records = synthetic(20000, seed=5)
    people = records.of(Person).values()
    names = Counter(p.name for p in people)
    assert sum(n for n in names.values() if n > 1) > len(people) / 4  # a third share a name
    assert any(p.native_name for p in people)
    advisor = {r.to_id: r.from_id for r in records.rels[Advised].values()}
    depth = {}
    for student in advisor:
        chain, seen = student, set()
        while chain in advisor and chain not in seen:
            seen.add(chain)
            chain = advisor[chain]
        depth[student] = len(seen)
    assert max(depth.values()) >= 4


def test_synthetic_graph_answers_every_kind_of_query(embedded: LadybugStore) -> None:
    records = synthetic(3000, seed=2)
    chunks = synthetic_mod.synthetic_chunks(3000, seed=2, size=500)
    written = bench.write_speed(embedded, chunks, samples=3000)
    assert stats(embedded)["AUTHORED"] == written.counts["AUTHORED"] == len(records.rels[Authored])
    assert stats(embedded)["INTERESTED_IN"] == len(records.rels[InterestedIn])
    case = bench.query_arguments(embedded, random.Random(1), 1)[0]
    assert run(embedded, "shared-collaborators", person=case["person"], other=case["other"]).rows
    assert run(embedded, "people-by-topic", topic=case["topic"]).rows
    assert run(embedded, "lineage", person="person:s0").rows is not None


def test_report_covers_writes_and_every_query_against_baselines() -> None:
    report = bench.benchmark(1500, samples=5)
    assert [f.name for f in report.queries] == ["baseline (id lookup)", *list_queries()]
    base = report.queries[0].p50_ms
    assert all(f.p95_ms >= f.p50_ms > 0 for f in report.queries)
    assert all(abs(f.ratio - f.p50_ms / base) < 1e-9 for f in report.queries)
    per_row, upserts, bulk = report.writes
    assert per_row.ratio == 1.0 and bulk.ratio == bulk.rows_per_s / per_row.rows_per_s
    assert upserts.ratio == upserts.rows_per_s / per_row.rows_per_s
    assert report.store_bytes > 0 and report.peak_rss_mb > 0 and report.publications > 0
    lines = report.lines()
    assert "MiB on disk; peak memory" in lines[0] and "making and writing it" in lines[0]
    assert report.load_peak_mb is not None and report.load_peak_mb <= report.peak_rss_mb

    assert len(lines) == 1 + len(report.writes) + len(report.queries)
    assert ["goal" in line for line in lines[1:4]] == [False, False, True]
    assert all(("goal" in line) == (line.split()[0] in bench.GOALS_MS) for line in lines[4:])


def test_peak_memory_can_be_measured_afresh_for_each_part() -> None:
    block = bytearray(200 * 2**20)
    block[:: 2**12] = b"x" * len(block[:: 2**12])  # touch every page
    high = bench.peak_rss_mb()
    del block
    assert bench.reset_peak_rss()
    assert bench.peak_rss_mb() < high - 150


def test_scaling_plot_is_an_svg_with_a_line_per_figure(tmp_path: Path) -> None:
    reports = [bench.benchmark(n, samples=2) for n in (300, 1200)]
    svg = bench.plot_scaling(reports, tmp_path / "s.svg").read_text("utf-8")
    root = ElementTree.fromstring(svg)
    lines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == len(bench.PLOTTED)
    assert all(len(line.get("points", "").split()) == 2 for line in lines)  # one per scale
    series = bench.scaling_series(reports)
    assert [x for x, _ in series["connection"]] == [r.authorships for r in reports]


def test_identity_benchmark_beats_one_person_per_name_and_says_so() -> None:
    report = bench.identity_benchmark(3000, seed=2)
    precision, recall, f1 = report.ours
    assert precision > 0.95 and recall > 0.8 and f1 > report.exact_names[2] + 0.1
    lines = report.lines()
    assert lines[0].startswith(f"identity: {report.mentions} author mentions")
    assert "x one pass over the mentions" in lines[1] and "goal <= 2 s" in lines[1]


def test_synthetic_bibtex_goes_through_the_parser_whole(tmp_path: Path) -> None:
    records = synthetic(600, seed=3)
    path = tmp_path / "synthetic.bib"
    path.write_text(synthetic_mod.to_bibtex(records), encoding="utf-8")
    ex = extract_file(path)
    assert len(ex.records.nodes[Publication]) == len(records.nodes[Publication])
    assert len(ex.records.rels[Authored]) == len(records.rels[Authored])
    assert not ex.skipped and not ex.warnings


def test_enrich_benchmark_batches_below_the_goal_and_counts_the_naive_baseline(
    loopback: None,
) -> None:
    report = enrich_benchmark(60)
    assert report.enriched == 60 and report.rerun_requests == 0
    # 60 works: OpenAlex and Crossref take 50 a request, S2 500, arXiv 100;
    # naively one request a work on each API (20 of the works are on arXiv)
    assert report.ours_requests == 2 + 2 + 1 + 1 and report.naive_requests == 60 * 3 + 20
    assert not report.missed() and "fewer requests" in report.lines()[-1]


def test_bench_store_must_be_a_bolt_uri_never_an_embedded_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["bench", "--store", str(tmp_path / "mine"), "--only", "ingest"]
    )
    assert result.exit_code == 1 and "is not a Bolt URI" in result.stderr
    assert not (tmp_path / "mine").exists()


@pytest.mark.neo4j
def test_the_harness_runs_on_neo4j_given_a_bolt_uri(neo4j_settings: Settings) -> None:
    report = bench.benchmark(300, samples=2, settings=neo4j_settings)
    assert report.store == "neo4j" and report.store_bytes is None
    assert len(report.queries) == 1 + len(list_queries()) and report.writes[0].rows_per_s > 0


def test_document_files_are_bibliographies_sharing_people_written_their_own_way(
    tmp_path: Path,
) -> None:
    made = bench.document_files(tmp_path, 8, seed=3)
    assert len(made.stored) == 8 and made.extra not in made.stored
    assert {made.edited, made.removed} <= set(made.stored) and made.edited != made.removed
    authors = [
        {a for line in p.read_text("utf-8").splitlines() if "author = " in line
         for a in line.split("{", 1)[1].rstrip("},").split(" and ")}
        for p in made.stored
    ]  # fmt: skip
    assert any(a & b for i, a in enumerate(authors) for b in authors[i + 1 :])  # shared co-authors


def test_a_documents_run_gives_every_step_as_a_ratio_to_a_one_file_ingest() -> None:
    from scholargraph.pipeline import ingest_into

    report = bench.documents_benchmark(6, ingest_into)
    assert [f.step for f in report.figures] == list(bench.DOCUMENT_STEPS)
    assert all(f.ratio == pytest.approx(f.seconds / report.baseline_s) for f in report.figures)
    assert all(
        f.cpu_ratio == pytest.approx(f.cpu_seconds / report.baseline_cpu_s) for f in report.figures
    )
    assert report.authorships > 0 and report.lines()[0].startswith("documents: 6 BibTeX files")
    assert "x one-file ingest" in report.lines()[2]
