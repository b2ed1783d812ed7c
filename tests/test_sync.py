"""An ingest into a store that already holds documents resolves identities with
them: the store ends as if every file had been ingested together, edited files
replace their old facts, and a stored file that is gone keeps its facts."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import shared

from scholargraph import parse
from scholargraph.cli import main
from scholargraph.pipeline import RESOLUTIONS, ingest_into
from scholargraph.resolve import identity
from scholargraph.store.export import to_networkx
from scholargraph.store.ladybug_store import LadybugStore
from scholargraph.store.store import Store
from scholargraph.store.sync import WRITTEN, ingest_folder

QIZHEN = [
    "fixtures/cv/qizhen_weng_hkust/cv.yml",
    "fixtures/bibtex/alfolio/qizhen_weng_hkust_papers.bib",
]
QI = ["fixtures/bibtex/alfolio/qijianpeng_ouc_qust_papers_zh.bib"]


def profiles(folder: Path, *names: str) -> list[Path]:
    """One profile file per name (a.yaml, b.yaml, …), each naming only that person."""
    paths = [folder / f"{chr(ord('a') + i)}.yaml" for i in range(len(names))]
    for path, name in zip(paths, names, strict=True):
        path.write_text(f"person: {{name: {name}}}\n", encoding="utf-8")
    return paths


def snapshot(store: Store) -> tuple[dict[str, Any], dict[str, Any]]:
    """The whole graph as an export has it: every node's and relationship's
    properties, lists in their order (only when a source was ingested differs)."""
    g = to_networkx(store)
    nodes = {n: {k: v for k, v in d.items() if k != "ingested_at"} for n, d in g.nodes(data=True)}
    edges = {key: (u, v, d) for u, v, key, d in g.edges(keys=True, data=True)}
    return nodes, edges


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
    a, b = profiles(tmp_path, "Ann Lee", "Bo Wu")
    ingest_into(store, [a, b])
    b.unlink()
    c = tmp_path / "c.yaml"
    c.write_text("person: {name: Cy Li}\n", encoding="utf-8")
    report = ingest_into(store, [c])
    names = {d.get("name") for _, d in to_networkx(store).nodes(data=True)}
    assert {"Ann Lee", "Bo Wu", "Cy Li"} <= names and report.removed == {}
    assert f"warning {b.as_posix()}: stored source gone or changed" in report.summary()


# Who the random documents name, each in the forms a document may write them.
PEOPLE = [
    ("Ann Lee", "Lee, Ann", "A. Lee"),
    ("Bo Wu", "Wu, Bo"),
    ("Xin Tan", "Tan, Xin", "X. Tan"),
    ("Yu Zhou", "Zhou, Yu"),
    ("Rui Wang", "Wang, Rui"),
    ("Jian Pei", "Pei, Jian", "J. Pei"),
]
TITLES = [f"{w} for Graph Workloads" for w in ("Scheduling", "Caching", "Sharding", "Tracing")]
TITLES += [f"Learning {w} at Scale" for w in ("Indexes", "Layouts", "Plans")]


def random_document(rng: random.Random, path: Path, version: int) -> None:
    """A small BibTeX or profile file of random papers by random people, each named
    in one of their forms (the first line marks the file, so no two are equal)."""
    papers = []
    for title in rng.sample(TITLES, rng.randint(1, 3)):
        team = [rng.choice(forms) for forms in rng.sample(PEOPLE, rng.randint(1, 4))]
        papers.append((title, team, rng.randint(2018, 2025)))
    if path.suffix == ".bib":
        entries = [
            f"@inproceedings{{k{i},\n  title = {{{t}}},\n  author = {{{' and '.join(team)}}},\n"
            f"  booktitle = {{OSDI}},\n  year = {{{y}}}\n}}\n"
            for i, (t, team, y) in enumerate(papers)
        ]
        path.write_text(f"% {path.name} v{version}\n" + "\n".join(entries), encoding="utf-8")
        return
    owner = rng.choice(PEOPLE)[0]
    pubs = ", ".join(
        f"{{title: {t}, authors: [{', '.join(repr(a) for a in team)}], year: {y}}}"
        for t, team, y in papers
    )
    text = f"# {path.name} v{version}\nperson: {{name: {owner}}}\npublications: [{pubs}]\n"
    path.write_text(text, encoding="utf-8")


def test_any_sequence_of_adds_edits_and_removals_ends_as_a_fresh_ingest_of_the_final_files(
    store: Store, tmp_path: Path
) -> None:
    rng = random.Random(25)
    folder = tmp_path / "docs"
    folder.mkdir()
    files: list[Path] = []
    made = 0
    for step in range(36):
        action = rng.choice(["add", "add", "edit", "remove"] if len(files) > 1 else ["add"])
        if action == "add":
            made += 1
            path = folder / f"d{made}.{rng.choice(['bib', 'yaml'])}"
            random_document(rng, path, step)
            files.append(path)
            report = ingest_into(store, [path])
        elif action == "edit":
            path = rng.choice(files)
            random_document(rng, path, step)
            report = ingest_into(store, [path])
        else:
            path = files.pop(rng.randrange(len(files)))
            path.unlink()
            report = ingest_into(store, [], forget=[path])
        assert not report.errors and report.coverage.gone == [], (step, action)
        if step % 12 == 11:
            with LadybugStore(str(tmp_path / f"fresh{step}.lbug")) as fresh:
                ingest_into(fresh, files)
                assert snapshot(store) == snapshot(fresh), (step, action)


def test_a_file_removed_from_disk_and_forgotten_on_the_command_line_loses_its_facts(
    tmp_path: Path,
) -> None:
    a, b = profiles(tmp_path, "Ann Lee", "Bo Wu")
    env = {"SCHOLARGRAPH_STORE": str(tmp_path / "graph.lbug")}
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(a), str(b)], env=env).exit_code == 0
    b.unlink()
    result = runner.invoke(main, ["ingest", "--forget", str(b)], env=env)
    assert result.exit_code == 0, result.output
    assert "forgotten: 1 stored source(s)" in result.stdout and "gone" not in result.stdout
    assert "removed: Source 1, Person 1" in result.stdout
    with LadybugStore(env["SCHOLARGRAPH_STORE"]) as store:
        names = {d.get("name") for _, d in to_networkx(store).nodes(data=True)}
    assert "Bo Wu" not in names and "Ann Lee" in names
    again = runner.invoke(main, ["ingest", "--forget", str(b)], env=env)
    assert again.exit_code == 1 and "not a stored source: nothing to forget" in again.stderr
    assert runner.invoke(main, ["ingest"], env=env).exit_code == 2  # nothing to do


def test_an_unchanged_stored_file_is_not_parsed_again(
    embedded: LadybugStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = profiles(tmp_path, "Ann Lee", "Bo Wu")
    ingest_into(embedded, [a])
    parsed: list[str] = []
    real = parse.extract_file

    def counted(path: Path, **kw: Any) -> Any:
        parsed.append(Path(path).name)
        return real(path, **kw)

    monkeypatch.setattr(parse, "extract_file", counted)
    report = ingest_into(embedded, [b])
    assert parsed == ["b.yaml"] and "read again: 1 stored source(s)" in report.summary()
    assert len(list((ingest_folder(embedded) / "parses").glob("*.json"))) == 2


def test_an_added_file_resolves_again_only_the_people_its_names_can_reach(
    embedded: LadybugStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, c = profiles(tmp_path, "Ann Lee", "Bo Wu", "Cy Li")
    ingest_into(embedded, [a, b])
    before = {n: d for n, d in to_networkx(embedded).nodes(data=True) if d.get("name")}
    resolved: list[list[str]] = []
    real = identity.resolve_part

    def counted(part: identity.Part) -> identity.Outcome:
        resolved.append(sorted(m.name for m in part.mentions))
        return real(part)

    monkeypatch.setattr(identity, "resolve_part", counted)
    c.write_text("person: {name: A. Lee}\n", encoding="utf-8")  # reaches Ann Lee, not Bo Wu
    report = ingest_into(embedded, [c])
    assert resolved == [["A. Lee", "Ann Lee"]]
    assert report.written == {"Source": 1, "Person": 1}
    after = {n: d for n, d in to_networkx(embedded).nodes(data=True) if d.get("name")}
    assert after["person:bo-wu"] == before["person:bo-wu"]
    resolved.clear()
    assert ingest_into(embedded, [c]).written == {} and resolved == []  # nothing changed


def test_a_later_command_finds_the_kept_resolutions_whatever_its_hash_seed(
    tmp_path: Path,
) -> None:
    # each ingest runs in its own process, with its own string hashing: a part's
    # fingerprint must not follow a set's order, or every part is resolved again
    store = tmp_path / "g.lbug"
    bib = tmp_path / "a.bib"  # names read either way round have two name keys, a set
    authors = " and ".join(["Hong Xu", "Wei Zhang", "Xiaoming Li", "Yu Zhou", "Kai Chen"])
    bib.write_text(f"@article{{a, title={{T}}, year={{2020}}, author={{{authors}}}}}\n", "utf-8")
    files = [str(bib), *(str(shared(p)) for p in QIZHEN)]
    command = "from scholargraph.cli import main; main()"
    kept: dict[str, set[str]] = {}
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", command, "--store", str(store), "ingest", *files],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        parts = (Path(f"{store}.ingest") / RESOLUTIONS).glob("*.json")
        kept[seed] = {f.name for f in parts}  # named by fingerprint
    assert len(kept["1"]) > 1 and kept["2"] == kept["1"]


def test_kept_resolutions_that_cannot_be_read_are_resolved_again(
    embedded: LadybugStore, tmp_path: Path
) -> None:
    a, b = profiles(tmp_path, "Ann Lee", "Bo Wu")
    ingest_into(embedded, [a, b])
    kept = sorted((ingest_folder(embedded) / RESOLUTIONS).glob("*.json"))
    assert len(kept) == 2  # Ann Lee's part and Bo Wu's
    rows = json.loads(kept[0].read_text(encoding="utf-8"))
    kept[0].write_text(json.dumps({**rows, "clusters": [[["nobody"], [], None]]}), "utf-8")
    kept[1].write_text("not JSON", encoding="utf-8")
    assert ingest_into(embedded, [a, b]).written == {}
    again = [json.loads(f.read_text(encoding="utf-8")) for f in kept]  # resolved, kept again
    assert again[0] == rows and len(again[1]["clusters"]) == 1  # one person: Ann or Bo


def test_a_dry_run_keeps_nothing_beside_the_store(embedded: LadybugStore, tmp_path: Path) -> None:
    (a,) = profiles(tmp_path, "Ann Lee")
    assert ingest_into(embedded, [a], dry_run=True).written == {}
    assert not ingest_folder(embedded).exists()


def test_a_second_ingest_writes_only_the_records_that_changed(
    embedded: LadybugStore, tmp_path: Path
) -> None:
    a, b = profiles(tmp_path, "Ann Lee", "Bo Wu")
    first = ingest_into(embedded, [a])
    assert first.written == {"Source": 1, "Person": 1}
    assert ingest_into(embedded, [b]).written == {"Source": 1, "Person": 1}  # not Ann again
    again = ingest_into(embedded, [a])
    assert again.written == {} and "wrote: nothing" in again.summary()  # nothing changed


def test_kept_hashes_that_disagree_with_the_store_are_ignored_and_everything_written(
    embedded: LadybugStore, tmp_path: Path
) -> None:
    (a,) = profiles(tmp_path, "Ann Lee")
    ingest_into(embedded, [a])
    kept = ingest_folder(embedded) / WRITTEN
    kept.write_text('{"Person": {"person:x": "0", "person:y": "1"}}', encoding="utf-8")
    assert ingest_into(embedded, [a]).written == {"Source": 1, "Person": 1}
    kept.write_text("not JSON", encoding="utf-8")
    assert ingest_into(embedded, [a]).written == {"Source": 1, "Person": 1}
    assert ingest_into(embedded, [a]).written == {}  # kept again after the whole write
