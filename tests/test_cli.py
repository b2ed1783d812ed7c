"""The command line: the Python API's results, and one-line errors for bad input."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import shared

import scholargraph
from scholargraph.api import Graph
from scholargraph.cli import main
from scholargraph.pipeline import EXAMPLES


def run(*args: str, store: Path | str | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    env = {"SCHOLARGRAPH_STORE": str(store)} if store is not None else {}
    result = runner.invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def examples() -> list[str]:
    return sorted(str(p) for p in EXAMPLES.glob("*.yaml"))


def test_ingest_twice_gives_the_same_node_link_export(tmp_path: Path) -> None:
    store = tmp_path / "g1"
    assert run("ingest", *examples(), store=store)[0] == 0
    run("export", "--format", "node-link", "--output", str(tmp_path / "a.json"), store=store)
    assert run("ingest", *reversed(examples()), store=store)[0] == 0
    run("export", "--format", "node-link", "--output", str(tmp_path / "b.json"), store=store)
    first = (tmp_path / "a.json").read_text("utf-8")
    assert first == (tmp_path / "b.json").read_text("utf-8")
    data = json.loads(first)
    person = next(n for n in data["nodes"] if n["id"] == "person:xin-tan")
    assert person["labels"] == ["Person"] and person["name"] == "Xin Tan"
    link = next(link for link in data["links"] if link["type"] == "ADVISED")
    assert {"source", "target", "type", "kind", "sources", "evidence"} <= set(link)
    # networkx loads it with its default call (edges="edges" since 3.6) and the old one
    for g in (nx.node_link_graph(data), nx.node_link_graph(data, edges="links")):
        assert g.number_of_edges() == len(data["links"]) and g.is_multigraph()


def test_every_command_is_a_method_of_the_python_face_and_has_a_readme_line() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    tools = {"bench", "eval"}  # measure the project itself; they open no graph of yours
    for name in main.commands:
        assert f"scholargraph {name}" in readme, f"README never shows `scholargraph {name}`"
        if name not in tools:
            assert callable(getattr(Graph, name, None)), f"Graph has no {name}()"
    assert {n for n in vars(Graph) if not n.startswith("_")} - set(main.commands) == {
        "store",
        "close",
    }


def test_the_command_line_starts_without_importing_the_library() -> None:
    code = (
        "import sys, scholargraph.cli; "
        "print(sorted(m for m in ('networkx', 'neo4j', 'ladybug', 'pypinyin', 'pyvis', "
        "'requests', 'scholargraph.parse', 'scholargraph.pipeline') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr


def test_global_options_work_after_the_command_too(tmp_path: Path) -> None:
    store = str(tmp_path / "g")
    assert run("ingest", examples()[0], "--store", store)[0] == 0
    before, after = (
        run("--store", store, "stats", "--json"),
        run("stats", "--json", "--store", store),
    )
    assert before == after and json.loads(after[1])["Source"] == 1


def test_progress_bars_show_on_a_terminal_only(tmp_path: Path) -> None:
    code, out, err = run("ingest", *examples(), store=tmp_path / "a")
    assert code == 0 and "parse: " not in out + err  # piped: no bar
    terminal, end = pty.openpty()  # the same ingest with an 80-column terminal on stderr
    fcntl.ioctl(end, termios.TIOCSWINSZ, struct.pack("4H", 24, 80, 0, 0))
    command = "from scholargraph.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", command, "--store", str(tmp_path / "b"), "ingest", *examples()],
        stdout=subprocess.PIPE,
        stderr=end,
        text=True,
    )
    os.close(end)
    shown = b""
    with contextlib.suppress(OSError):  # EIO once the ended command's output is read
        while chunk := os.read(terminal, 4096):
            shown += chunk
    os.close(terminal)
    bars = shown.decode()
    assert done.returncode == 0 and "parse: " not in done.stdout, bars
    assert "parse: 100%" in bars and "5/5" in bars, bars


def test_the_python_face_opens_ingests_and_asks(tmp_path: Path) -> None:
    with scholargraph.open(str(tmp_path / "g")) as g:
        report = g.ingest(examples())
        assert not report.errors and g.stats()["Person"] > 50
        rows = g.query("advisors", person="Xin Tan").rows
    assert [r["name"] for r in rows] == ["Hong Xu"]


def test_ingest_prints_a_summary_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "g"
    code, out, _ = run("ingest", "--dry-run", *examples(), store=store)
    assert code == 0 and "dry run: nothing written" in out and "would write: Source 5" in out
    code, out, _ = run("stats", "--json", store=store)
    assert json.loads(out)["Person"] == 0


def test_a_dry_run_reads_the_store_while_another_writer_holds_it(tmp_path: Path) -> None:
    store = tmp_path / "g"
    assert run("ingest", *examples()[:2], store=store)[0] == 0
    before = store.read_bytes()
    with scholargraph.open(store) as writer:
        assert writer.store is not None  # opened to write: the store's lock is taken
        code, out, _ = run("ingest", "--dry-run", *examples(), store=store)
        assert code == 0 and "would write: Source 5" in out
        writer.close()
    assert store.read_bytes() == before


def test_stats_and_graphml_and_csv_exports(tmp_path: Path) -> None:
    store = tmp_path / "g"
    run("ingest", *examples(), store=store)
    code, out, _ = run("stats", store=store)
    assert code == 0 and "ADVISED" in out
    assert (
        run("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"), store=store)[0] == 0
    )
    assert "徐宏" in (tmp_path / "g.graphml").read_text("utf-8")
    assert run("export", "--format", "csv", "-o", str(tmp_path / "csv"), store=store)[0] == 0
    assert (tmp_path / "csv" / "AUTHORED.csv").read_text("utf-8").startswith("source,target,id")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "nope.yaml"], "nope.yaml: no such file"),
        (["--store", "redis://localhost", "stats"], "unknown store URI 'redis://localhost'"),
        (["--store", "/no/such/folder/g", "stats"], "its folder does not exist"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, _out, err = run(*args, store=tmp_path / "g")
    assert code == 1 and message in err
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_file_that_fails_to_parse_fails_the_run_but_good_files_land(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("person:\n  name: [\n", encoding="utf-8")
    code, _out, err = run("ingest", str(bad), examples()[0], store=tmp_path / "g")
    assert code == 1 and f"{bad.as_posix()}:3: invalid YAML" in err
    assert json.loads(run("stats", "--json", store=tmp_path / "g")[1])["Source"] == 1


def test_a_file_with_no_readable_publications_says_so_and_the_others_land(
    tmp_path: Path,
) -> None:
    page = tmp_path / "about.md"
    page.write_text("# Jane Roe\n\nI like graphs.\n", encoding="utf-8")
    code, out, _err = run("ingest", str(page), examples()[0], store=tmp_path / "g")
    assert code == 0
    notes = [line for line in out.splitlines() if line.startswith("note ")]
    assert notes == [f"note {page.as_posix()}: no publications read from it (as text)"]
    assert json.loads(run("stats", "--json", store=tmp_path / "g")[1])["Publication"] > 0


def test_neo4j_not_running_is_one_line(tmp_path: Path, socket_enabled: None) -> None:
    code, _, err = run("--store", "bolt://127.0.0.1:9", "stats")
    assert code == 1 and "Neo4j is not reachable at bolt://127.0.0.1:9" in err
    assert "docker compose up -d" in err and err.count("\n") == 1


def test_demo_prints_counts_and_where_the_pages_are(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, _ = run("demo", "--output", str(out_dir), store=tmp_path / "g")
    # 108 people as written; X. Wang's CV cites J. Pei, J. Wang and Y. Li, its advisors
    assert "108 person mentions -> 105 people (3 merged" in out and "Person 105" in out
    assert code == 0 and f"open {out_dir}/index.html" in out
    index = (out_dir / "index.html").read_text("utf-8")
    assert 'href="overview.html"' in index and 'href="person-xin-tan.html"' in index
    for view in ("ego", "shared-collaborators", "connection", "lineage", "topic-clusters"):
        assert f'href="{view}.html"' in index


def test_render_writes_the_answer_of_a_query_as_a_page(tmp_path: Path) -> None:
    store = tmp_path / "g"
    assert run("ingest", *examples(), store=store)[0] == 0
    page = tmp_path / "clusters.html"
    code, out, _ = run("render", "topic-clusters", "--output", str(page), store=store)
    assert code == 0 and out.strip() == f"wrote {page}"
    html = page.read_text("utf-8")
    assert "LLM serving" in html and '"group": "Cluster"' in html
    code, out, _ = run("query", "topic-clusters", "--format", "json", store=store)
    clusters = json.loads(out)
    for c in clusters:  # every cluster, topic and top person of the answer is drawn
        for node in [c["id"], *c["topic_ids"], *c["people_ids"]]:
            assert json.dumps(node) in html
    code, _, err = run(
        "render", "people-by-topic", "--topic", "quantum", "-o", str(page), store=store
    )
    assert code == 1 and err.startswith("Error: no topic 'quantum' in the graph")


def drawn_ids(page: Path) -> set[str]:
    found = re.search(r"var rawNodes = (\[.*?\]);\n", page.read_text("utf-8"), re.S)
    assert found
    return {n["id"] for n in json.loads(found.group(1))}


def test_render_thins_a_big_answer_by_joint_papers_and_node_count(tmp_path: Path) -> None:
    store = tmp_path / "g"
    assert run("ingest", *examples(), store=store)[0] == 0
    ask = ("render", "ego", "--person", "Xin Tan", "--depth", "3")
    pages = {name: tmp_path / f"{name}.html" for name in ("all", "strong", "few")}
    assert run(*ask, "-o", str(pages["all"]), store=store)[0] == 0
    assert run(*ask, "--min-papers", "2", "-o", str(pages["strong"]), store=store)[0] == 0
    assert run(*ask, "--max-nodes", "12", "-o", str(pages["few"]), store=store)[0] == 0
    every, strong, few = (drawn_ids(p) for p in pages.values())
    assert strong < every and "person:xin-tan" in strong
    assert len(few) == 12 and "person:xin-tan" in few
    assert "ties of at least 2 joint papers" in pages["strong"].read_text("utf-8")
    code, _, err = run(*ask, "--min-papers", "0", "-o", str(pages["few"]), store=store)
    assert code == 2 and "'--min-papers': 0 is not in the range x>=1" in err


def test_owner_option_names_whom_an_unnamed_page_is_about(tmp_path: Path) -> None:
    page = tmp_path / "about.md"
    page.write_text("I am a PhD student advised by Prof. Ana Ruiz. Hello.\n", encoding="utf-8")
    code, out, _ = run("ingest", "--dry-run", str(page), store=tmp_path / "g")
    assert code == 0 and "skipped" in out and "ADVISED" not in out
    code, out, _ = run(
        "ingest", "--dry-run", "--owner", "Leo Sato", str(page), store=tmp_path / "g"
    )
    assert code == 0 and "ADVISED 1" in out


def test_seeds_ingest_with_a_progress_report_per_committed_batch(tmp_path: Path) -> None:
    from scholargraph.pipeline import ingest_into
    from scholargraph.store.ladybug_store import LadybugStore

    paths = sorted(shared("seeds").glob("*.txt"))
    with LadybugStore(str(tmp_path / "g.lbug")) as store:
        reported: list[list[int]] = []
        for given in (paths[:1], paths):  # into the empty store (one bulk load), then upserts
            files: list[str] = []
            batches: list[int] = []
            report = ingest_into(
                store,
                given,
                batch_size=50,
                on_file=lambda f, seen=files: seen.append(f.path),
                on_batch=batches.append,
            )
            assert files == [p.as_posix() for p in given]
            assert sum(batches) == sum(report.written.values())
            reported.append(batches)
    assert len(reported[0]) == 1 and max(reported[1]) <= 50 < sum(reported[1])


def test_a_bad_setting_is_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["stats"], env={"SCHOLARGRAPH_BATCH_SIZE": "lots"})
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: SCHOLARGRAPH_BATCH_SIZE must be a positive integer, not 'lots'\n"
    )


def test_review_lists_open_questions_and_an_overrides_file_settles_them(tmp_path: Path) -> None:
    files = [
        str(shared("fixtures/cv/zh_qijianpeng/cv.yml")),
        str(shared("fixtures/bibtex/alfolio/qijianpeng_ouc_qust_papers_zh.bib")),
    ]
    code, out, _ = run("review", *files)
    line = "      - [齐建鹏 @ cv.yml, 齐建鹏 @ qijianpeng_ouc_qust_papers_zh.bib]"
    assert code == 0 and "0.60  uncertain: 齐建鹏 (cv.yml) = 齐建鹏" in out and line in out
    assert "1 uncertain pair:" in out and "scholargraph-overrides.yaml" in out
    overrides = tmp_path / "decisions.yaml"
    overrides.write_text("same_as:\n" + line[4:] + "\n", encoding="utf-8")
    code, out, _ = run("review", "--overrides", str(overrides), *files)
    assert code == 0 and "0 uncertain pairs" in out
    for _ in range(2):  # applied on every ingest: the decision survives re-ingest
        code, out, _ = run("ingest", "--overrides", str(overrides), *files, store=tmp_path / "g")
        assert code == 0 and "0 uncertain pairs" in out
    # one person now: the CV's 齐建鹏 (no papers) has the bibliography's co-authors
    code, out, _ = run("query", "coauthors", "--person", "齐建鹏", store=tmp_path / "g")
    assert code == 0 and "Yanwei Yu" in out


def test_a_missing_overrides_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    code, _, err = run(
        "review", "--overrides", str(tmp_path / "nope.yaml"), str(EXAMPLES / "xin-tan.yaml")
    )
    assert code == 1 and err == f"Error: {tmp_path / 'nope.yaml'}: no such overrides file\n"


def test_bench_runs_the_parts_asked_for_and_prints_json(tmp_path: Path) -> None:
    plot = tmp_path / "scaling.svg"
    args = ("bench", "--scale", "400", "--scale", "800", "--samples", "2", "--mentions", "300")
    code, out, err = run(*args, "--only", "queries,resolve", "--json", "--plot", str(plot))
    data = json.loads(out)
    assert code == 0 and [g["writes"] for g in data["graph"]] == [[], []]  # ingest not asked
    assert all(g["queries"] for g in data["graph"]) and data["resolve"]["mentions"] >= 300
    assert plot.read_text("utf-8").startswith("<svg") and f"wrote {plot}" in err
    code, _, err = run("bench", "--only", "enrich,orcid")
    assert code == 1 and "unknown bench part(s): orcid" in err
