"""Rendered pages are self-contained, UTF-8, and escape what they show."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import networkx as nx

from scholargraph.render.pages import (
    FONT,
    LABEL_ALL_UP_TO,
    LABELLED,
    LAYOUT_IN_PYTHON_ABOVE,
    community_layout,
    display_text,
    render,
)
from scholargraph.render.provenance import Provenance


def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node(
        "person:a",
        labels=["Person"],
        id="person:a",
        name="徐宏",
        sources=["src:1"],
        evidence=["cv.txt:14: 导师: 徐宏"],
    )
    g.add_node(
        "pub:1", labels=["Publication"], id="pub:1", title="<script>alert(1)</script>", year=2024
    )
    g.add_edge("person:a", "pub:1", key="r", type="AUTHORED", id="r", position=1)
    return g


def test_page_loads_nothing_from_the_network(tmp_path: Path) -> None:
    page = render(graph(), tmp_path / "p.html", title="t").read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "vis.Network" in page


def test_chinese_labels_survive_as_utf8(tmp_path: Path) -> None:
    raw = render(graph(), tmp_path / "p.html", title="合作").read_bytes()
    assert "徐宏".encode() in raw and "合作".encode() in raw


def test_user_text_is_escaped_in_labels_and_tooltips(tmp_path: Path) -> None:
    shown = Provenance(sources={"src:1": "cv.txt"})
    page = render(graph(), tmp_path / "p.html", title="t", provenance=shown)
    text = page.read_text("utf-8")
    assert "<script>alert(1)</script>" not in text
    assert "cv.txt:14" in text  # provenance reaches the tooltip


def test_tooltips_show_sources_relative_to_the_ingest_folder(tmp_path: Path) -> None:
    g = graph()
    g.nodes["person:a"]["evidence"] = ["/home/ann/cvs/cv.txt:14: 导师: 徐宏"]
    shown = Provenance.of(
        [{"id": "src:1", "path": "/home/ann/cvs/cv.txt", "location": "/home/ann/cvs/cv.txt"}]
    )
    text = render(g, tmp_path / "p.html", title="t", provenance=shown).read_text("utf-8")
    assert "/home/ann" not in text and "cv.txt:14: 导师" in text


def test_tooltips_name_the_api_and_day_of_facts_from_an_enrichment_document(
    tmp_path: Path,
) -> None:
    g = graph()
    g.nodes["person:a"]["evidence"] = [
        "/cvs/cv.txt:3: homepage: https://a.example/from: x:y (retrieved 2020-01-01)",
        "/cvs/openalex-a.yaml:8: from: openalex:A7 (retrieved 2026-11-30)",
    ]
    g.edges["person:a", "pub:1", "r"]["evidence"] = [
        "/cvs/s2-a.yaml:12: - from: s2:99 (retrieved 2026-12-01, match 0.90: x)"
    ]
    shown = Provenance.of(
        [
            {"id": "src:1", "path": "/cvs/cv.txt", "kind": "profile"},
            {"id": "src:2", "path": "/cvs/openalex-a.yaml", "kind": "enrichment"},
            {"id": "src:3", "path": "/cvs/s2-a.yaml", "kind": "enrichment"},
        ]
    )
    page = render(g, tmp_path / "p.html", title="t", provenance=shown)
    [tip] = [str(n["title"]) for n in nodes_of(page) if n["id"] == "person:a"]
    assert "(retrieved 2026-11-30) — OpenAlex, retrieved 2026-11-30</li>" in tip
    assert "(retrieved 2020-01-01)</li>" in tip  # the user's own line: no API
    assert "0.90: x) — Semantic Scholar, retrieved 2026-12-01" in page.read_text("utf-8")  # edge


def test_search_looks_in_aliases_and_native_names_and_the_font_has_cjk_fallbacks(
    tmp_path: Path,
) -> None:
    g = graph()
    g.nodes["person:a"].update(name="Hong Xu", native_name="徐宏", aliases=["H. Xu"])
    page = render(g, tmp_path / "p.html", title="t")
    [person] = [n for n in nodes_of(page) if n["id"] == "person:a"]
    assert {"徐宏", "h. xu", "hong xu"} <= set(str(person["search"]).split("\n"))
    assert "'Noto Sans CJK SC'" in page.read_text("utf-8") and "serif;" not in FONT


def test_a_big_page_labels_only_its_best_connected_nodes(tmp_path: Path) -> None:
    drawn = nodes_of(render(coauthors(LABEL_ALL_UP_TO + 1), tmp_path / "l.html", title="t"))
    labelled = [n["id"] for n in drawn if n["label"]]
    assert len(labelled) == LABELLED and "p0" in labelled  # the hub, who wrote with all
    assert all(n["hover"] for n in drawn)  # the others show theirs on hover
    small = nodes_of(render(coauthors(5), tmp_path / "s.html", title="t"))
    assert all(n["label"] == n["hover"] for n in small)


def test_labels_are_ranked_people_asked_about_first_then_by_degree(tmp_path: Path) -> None:
    drawn = nodes_of(
        render(coauthors(LABEL_ALL_UP_TO + 1), tmp_path / "r.html", title="t", highlight=["p9"])
    )
    ranked = sorted((n for n in drawn if "rank" in n), key=lambda n: n["rank"])  # type: ignore[arg-type, return-value]
    assert [n["id"] for n in ranked[:2]] == ["p9", "p0"] and len(ranked) == LABELLED + 1
    assert all(n["label"] == "" for n in drawn if "rank" not in n)


def two_cliques() -> nx.MultiDiGraph:
    """Two groups of six people who all wrote with each other, one tie between them."""
    g = nx.MultiDiGraph()
    for team in ("a", "b"):
        people = [f"{team}{i}" for i in range(6)]
        g.add_nodes_from(people, labels=["Person"])
        g.add_edges_from((u, v) for u in people for v in people if u < v)
    g.add_edge("a0", "b0")
    return g


def test_a_grouped_layout_puts_each_community_on_a_disc_of_its_own() -> None:
    positions, discs = community_layout(two_cliques())
    assert len(discs) == 2
    (ax, ay, ar), (bx, by, br) = discs
    assert math.hypot(ax - bx, ay - by) >= ar + br - 1e-6  # the discs do not overlap
    for team, (cx, cy, r) in zip("ab", discs, strict=True):
        assert all(
            math.hypot(x - cx, y - cy) <= r for n, (x, y) in positions.items() if n[0] == team
        )
    assert community_layout(two_cliques()) == (positions, discs)  # drawn alike every time


def test_a_grouped_page_is_laid_out_here_with_its_discs(tmp_path: Path) -> None:
    page = render(two_cliques(), tmp_path / "g.html", title="t", grouped=True)
    assert all(n["physics"] is False for n in nodes_of(page))
    text = page.read_text("utf-8")
    discs = json.loads(re.search(r"var discs = (\[.*?\]);", text).group(1))  # type: ignore[union-attr]
    assert len(discs) == 2 and all(d["r"] > 0 for d in discs)
    assert '"enabled": false' in text  # options.physics


def test_long_titles_are_shortened_with_the_year() -> None:
    data = {"labels": ["Publication"], "title": "x" * 80, "year": 2020}
    assert display_text(data).endswith("… (2020)") or len(display_text(data)) <= 48


def test_queried_people_are_highlighted_and_shapes_follow_labels(tmp_path: Path) -> None:
    page = render(graph(), tmp_path / "p.html", title="t", highlight=["person:a"])
    text = page.read_text("utf-8")
    assert text.count('"borderWidth": 4') == 1 and '"background": "#e15759"' in text
    assert '"shape": "square"' in text  # publications


def coauthors(n: int) -> nx.MultiDiGraph:
    """A ring of n people with a hub who wrote with everyone (joint papers on edges)."""
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"p{i}", labels=["Person"], name=f"P {i}")
        g.add_edge(f"p{i}", f"p{(i + 1) % n}", type="COAUTHOR", papers=1)
        if i:
            g.add_edge("p0", f"p{i}", type="COAUTHOR", papers=4)
    return g


def nodes_of(page: Path) -> list[dict[str, object]]:
    text = page.read_text("utf-8")
    m = re.search(r"var rawNodes = (\[.*?\]);\n", text, re.S)
    assert m
    return json.loads(m.group(1))  # type: ignore[no-any-return]


def test_big_graphs_are_laid_out_here_with_the_browsers_physics_off(tmp_path: Path) -> None:
    page = render(coauthors(LAYOUT_IN_PYTHON_ABOVE + 1), tmp_path / "big.html", title="t")
    drawn = nodes_of(page)
    assert len(drawn) == LAYOUT_IN_PYTHON_ABOVE + 1
    assert all(n["physics"] is False and isinstance(n["x"], float) for n in drawn)
    assert '"enabled": false' in page.read_text("utf-8")  # options.physics
    again = render(coauthors(LAYOUT_IN_PYTHON_ABOVE + 1), tmp_path / "again.html", title="t")
    assert nodes_of(again) == drawn  # the same graph is drawn alike


def test_past_the_cap_the_best_connected_and_asked_for_nodes_are_drawn(tmp_path: Path) -> None:
    page = render(coauthors(50), tmp_path / "cap.html", title="t", highlight=["p7"], max_nodes=10)
    ids = {n["id"] for n in nodes_of(page)}
    assert len(ids) == 10 and {"p0", "p7"} <= ids
    assert "the 10 best-connected of 50 nodes" in page.read_text("utf-8")


def test_edges_are_wider_the_more_joint_papers(tmp_path: Path) -> None:
    text = render(coauthors(5), tmp_path / "w.html", title="t").read_text("utf-8")
    widths = {float(w) for w in re.findall(r'"width": ([0-9.]+)', text)}
    assert widths == {1.0, 4.0}  # 1 paper: 1; 4 papers: 1 + 1.5 * log2(4)


def test_min_papers_keeps_only_strong_ties_and_the_people_asked_about(tmp_path: Path) -> None:
    page = render(coauthors(6), tmp_path / "s.html", title="t", highlight=["p3"], min_papers=2)
    assert {n["id"] for n in nodes_of(page)} == {"p0", "p1", "p2", "p3", "p4", "p5"}
    text = page.read_text("utf-8")
    assert "ties of at least 2 joint papers" in text
    assert {float(w) for w in re.findall(r'"width": ([0-9.]+)', text)} == {4.0}  # 1-paper ties gone
    lone = coauthors(6)
    lone.add_node("p9", labels=["Person"], name="P 9")
    lone.add_edge("p9", "p1", type="COAUTHOR", papers=1)
    lone.add_node("w", labels=["Publication"], title="only p9's")
    lone.add_edge("p9", "w", type="AUTHORED")
    ids = {n["id"] for n in nodes_of(render(lone, tmp_path / "l.html", title="t", min_papers=2))}
    assert "p9" not in ids and "w" not in ids


def test_coauthor_ties_are_drawn_without_arrows(tmp_path: Path) -> None:
    text = render(coauthors(3), tmp_path / "a.html", title="t").read_text("utf-8")
    edges = json.loads(re.search(r"var rawEdges = (\[.*?\]);\n", text, re.S).group(1))  # type: ignore[union-attr]
    assert edges and all(e["arrows"] == "" and e["dashes"] is True for e in edges)


def test_a_hierarchical_page_is_drawn_top_down_without_physics(tmp_path: Path) -> None:
    text = render(graph(), tmp_path / "h.html", title="t", hierarchical=True).read_text("utf-8")
    assert '"hierarchical": {"enabled": true, "direction": "UD"' in text
    assert '"physics": {"enabled": false' in text
