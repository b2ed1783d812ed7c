"""An ingest into a store that already holds documents resolves identities with
them: the store ends as if every file had been ingested together, edited files
replace their old facts, and a stored file that is gone keeps its facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import shared

from scholargraph.pipeline import ingest_into
from scholargraph.store.export import to_networkx
from scholargraph.store.ladybug_store import LadybugStore
from scholargraph.store.store import Store

QIZHEN = [
    "fixtures/cv/qizhen_weng_hkust/cv.yml",
    "fixtures/bibtex/alfolio/qizhen_weng_hkust_papers.bib",
]
QI = ["fixtures/bibtex/alfolio/qijianpeng_ouc_qust_papers_zh.bib"]


def snapshot(store: Store) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    g = to_networkx(store)
    nodes = {
        n: {k: sorted(v) if isinstance(v, list) else v for k, v in d.items() if k != "ingested_at"}
        for n, d in g.nodes(data=True)
    }
    return nodes, sorted(g.edges(keys=True))


def test_files_ingested_one_at_a_time_give_the_graph_of_ingesting_them_together(
    store: Store, tmp_path: Path
) -> None:
    first = ingest_into(store, [shared(p) for p in QIZHEN])
    assert "person:rui-wang" in to_networkx(store)  # Qizhen Weng's co-author
    later = ingest_into(store, [shared(p) for p in QI])
    assert "read again: 2 stored source(s)" in later.summary()
    with LadybugStore(str(tmp_path / "together.lbug")) as together:
        ingest_into(together, [shared(p) for p in QIZHEN + QI])
        assert snapshot(store) == snapshot(together)
    people = to_networkx(store)
    # two Rui Wangs: the later bibliography's did not merge into the stored one by name
    assert len([n for n, d in people.nodes(data=True) if d.get("name") == "Rui Wang"]) == 2
    assert first.removed == {} and later.coverage.gone == []


def test_an_edited_file_replaces_its_old_facts(store: Store, tmp_path: Path) -> None:
    cv = tmp_path / "cv.yaml"
    paper = "publications: [{{title: {} Paper Title Here, authors: [{}]}}]\n"
    cv.write_text("person: {name: Ann Lee}\n" + paper.format("Old", "Ann Lee, Bo Wu"), "utf-8")
    ingest_into(store, [cv])
    cv.write_text("person: {name: Ann Lee}\n" + paper.format("New", "Ann Lee"), "utf-8")
    report = ingest_into(store, [cv])
    g = to_networkx(store)
    titles = [d["title"] for _, d in g.nodes(data=True) if d["labels"] == ["Publication"]]
    assert titles == ["New Paper Title Here"]
    assert len([n for n, d in g.nodes(data=True) if d["labels"] == ["Source"]]) == 1
    assert "person:bo-wu" not in g
    assert report.removed == {"AUTHORED": 2, "Source": 1, "Person": 1, "Publication": 1}
    assert "removed: AUTHORED 2" in report.summary()


def test_a_stored_file_that_is_gone_keeps_its_facts_and_is_reported(
    store: Store, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("person: {name: Ann Lee}\n", encoding="utf-8")
    b.write_text("person: {name: Bo Wu}\n", encoding="utf-8")
    ingest_into(store, [a, b])
    b.unlink()
    c = tmp_path / "c.yaml"
    c.write_text("person: {name: Cy Li}\n", encoding="utf-8")
    report = ingest_into(store, [c])
    names = {d.get("name") for _, d in to_networkx(store).nodes(data=True)}
    assert {"Ann Lee", "Bo Wu", "Cy Li"} <= names and report.removed == {}
    assert f"warning {b.as_posix()}: stored source gone or changed" in report.summary()
