"""Rendered pages are self-contained, UTF-8, and escape what they show."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from scholargraph.queries.render import display_text, render


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
    page = render(graph(), tmp_path / "p.html", title="t", sources={"src:1": "cv.txt"})
    text = page.read_text("utf-8")
    assert "<script>alert(1)</script>" not in text
    assert "cv.txt:14" in text  # provenance reaches the tooltip


def test_long_titles_are_shortened_with_the_year() -> None:
    data = {"labels": ["Publication"], "title": "x" * 80, "year": 2020}
    assert display_text(data).endswith("… (2020)") or len(display_text(data)) <= 48


def test_queried_people_are_highlighted_and_shapes_follow_labels(tmp_path: Path) -> None:
    page = render(graph(), tmp_path / "p.html", title="t", highlight=["person:a"])
    text = page.read_text("utf-8")
    assert text.count('"borderWidth": 4') == 1 and '"background": "#e15759"' in text
    assert '"shape": "square"' in text  # publications
