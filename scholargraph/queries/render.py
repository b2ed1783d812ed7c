"""Interactive pages: a networkx graph of the store in, a self-contained HTML file out.

Pages need no network: vis-network is inlined from the pyvis package, and our
own template replaces pyvis's (which links Bootstrap from a CDN). Colour and
shape follow the node label, size follows degree, tooltips list each fact's
properties and provenance, queried people are highlighted.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

GROUPS: dict[str, dict[str, Any]] = {
    "Person": {"shape": "dot", "color": {"background": "#4e79a7", "border": "#2e4a6b"}},
    "Publication": {"shape": "square", "color": {"background": "#f28e2b", "border": "#a85f14"}},
    "Venue": {"shape": "diamond", "color": {"background": "#59a14f", "border": "#356b2f"}},
    "Organization": {"shape": "triangle", "color": {"background": "#b07aa1", "border": "#6e4a65"}},
    "Topic": {"shape": "hexagon", "color": {"background": "#edc948", "border": "#a08520"}},
    "Cluster": {"shape": "star", "color": {"background": "#76b7b2", "border": "#3f6e6a"}},
    "Source": {"shape": "box", "color": {"background": "#bab0ac", "border": "#7a726e"}},
}
HIGHLIGHT = {"background": "#e15759", "border": "#8c1c1e"}
LAYOUT_IN_PYTHON_ABOVE = 300  # nodes; larger graphs get a precomputed layout and no physics
_TEMPLATES = Path(__file__).parent / "templates"
_NAME_KEYS = ("name", "title", "path")


def script_json(value: Any) -> Markup:
    """JSON safe inside <script>, keeping non-ASCII text as UTF-8 (readable Chinese)."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return Markup(text)


def _label_of(data: dict[str, Any]) -> str:
    return str((data.get("labels") or ["?"])[0])


def display_text(data: dict[str, Any], limit: int = 48) -> str:
    """The short text drawn on a node."""
    text = next((str(data[k]) for k in _NAME_KEYS if data.get(k)), str(data.get("id", "")))
    if _label_of(data) == "Publication" and data.get("year"):
        text = f"{text} ({data['year']})"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tooltip(data: dict[str, Any], sources: dict[str, str]) -> str:
    """Escaped HTML: every property, then where the fact came from."""
    rows = []
    for key, value in data.items():
        if key in ("labels", "sources", "evidence", "type") or value in (None, [], ""):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        rows.append(f"<b>{html.escape(key)}</b>: {html.escape(shown)}")
    head = html.escape(str(data.get("type") or _label_of(data)))
    files = [sources.get(s, s) for s in data.get("sources") or []]
    prov = "".join(f"<li>{html.escape(e)}</li>" for e in (data.get("evidence") or [])[:5])
    out = f"<b>{head}</b><br>" + "<br>".join(rows)
    if files:
        out += "<br><i>sources</i>: " + html.escape(", ".join(files))
    if prov:
        out += f"<ul>{prov}</ul>"
    return out


def render(
    g: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str,
    highlight: Iterable[str] = (),
    sources: dict[str, str] | None = None,
) -> Path:
    """Write ``g`` as an interactive page at ``path`` (UTF-8, works offline).

    ``sources`` maps Source ids to file paths for the tooltips; ``highlight``
    names node ids drawn larger and in red.
    """
    sources = sources or {}
    marked = set(highlight)
    net = Network(
        height="85vh", width="100%", directed=True, heading=title, cdn_resources="in_line"
    )
    net.templateEnv = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(_TEMPLATES),
                FileSystemLoader(Path(pyvis.__file__).parent / "templates"),
            ]
        ),
        autoescape=True,
    )
    net.templateEnv.filters["script_json"] = script_json
    net.path = "scholargraph.html"
    big = g.number_of_nodes() > LAYOUT_IN_PYTHON_ABOVE
    positions = nx.spring_layout(nx.Graph(g), seed=7, iterations=60, scale=2000) if big else {}
    for node, data in sorted(g.nodes(data=True), key=lambda kv: str(kv[0])):
        group = _label_of(data)
        extra: dict[str, Any] = {}
        if node in positions:
            extra.update(x=float(positions[node][0]), y=float(positions[node][1]), physics=False)
        net.add_node(
            str(node),
            label=display_text(data),
            title=tooltip(data, sources),
            group=group,
            shape=GROUPS.get(group, {}).get("shape", "dot"),
            size=12 + 4 * math.sqrt(g.degree(node)) + (10 if node in marked else 0),
            **extra,
        )
        if node in marked:  # pyvis drops a colour passed with a group: set it afterwards
            net.node_map[str(node)].update(color=HIGHLIGHT, borderWidth=4)
    for u, v, data in g.edges(data=True):
        net.add_edge(str(u), str(v), title=tooltip(data, sources), label="", arrows="to")
    net.options = {
        "groups": GROUPS,
        "nodes": {"font": {"size": 14}},
        "edges": {"color": {"color": "#9aa5b1", "highlight": "#e15759"}, "smooth": False},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150},
        "physics": {
            "enabled": not big,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
        },
    }
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(net.generate_html(name=out.name), encoding="utf-8")
    return out
