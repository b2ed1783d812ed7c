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
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import igraph as ig
import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from scholargraph import config
from scholargraph.render.provenance import Provenance

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
# Sans-serif, then fonts that have Chinese, Japanese and Korean: a page never shows boxes
# where the system's default font lacks them (CSS and the canvas labels alike).
FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', "
    "'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
    "'WenQuanYi Micro Hei', sans-serif"
)
LABEL_ALL_UP_TO = 60  # nodes; a larger page labels its best-connected, the others on hover
LABELLED = 25  # nodes labelled on a larger page (and the people asked about)
LAYOUT_IN_PYTHON_ABOVE = 300  # nodes; larger graphs get a precomputed layout and no physics
COMMUNITY_SPACING = 90.0  # layout units between neighbouring nodes of a community, on average
MAX_NODES = config.MAX_NODES  # nodes drawn at most; a larger graph keeps its best-connected
# Faint fills of the community discs, in turn (the node colours, at 7 % opacity).
DISC_FILLS = (
    "rgba(78,121,167,0.07)",
    "rgba(89,161,79,0.07)",
    "rgba(176,122,161,0.07)",
    "rgba(237,201,72,0.09)",
    "rgba(118,183,178,0.08)",
    "rgba(242,142,43,0.07)",
)
_TEMPLATES = Path(__file__).parent / "templates"
_NAME_KEYS = ("name", "title", "path")
_SEARCHED_KEYS = ("name", "native_name", "aliases", "title", "path")


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


def cited(line: str, enriched: dict[str, dict[str, str]]) -> str:
    """An evidence line; one from an enrichment document (``Provenance.enriched``)
    with the API and the day it was retrieved.

    >>> cited("oa.yaml:8: from: openalex:A7", {"oa.yaml:8: from: openalex:A7":
    ...     {"api": "OpenAlex", "date": "2026-11-30"}})
    'oa.yaml:8: from: openalex:A7 — OpenAlex, retrieved 2026-11-30'
    """
    found = enriched.get(line)
    return f"{line} — {found['api']}, retrieved {found['date']}" if found else line


def tooltip(data: dict[str, Any], provenance: Provenance) -> str:
    """Escaped HTML: every property, then where the fact came from (the sources as
    ``provenance`` shows them; evidence from an enrichment document with its API and
    day)."""
    rows = []
    for key, value in data.items():
        if key in ("labels", "sources", "evidence", "type") or value in (None, [], ""):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        rows.append(f"<b>{html.escape(key)}</b>: {html.escape(shown)}")
    head = html.escape(str(data.get("type") or _label_of(data)))
    files = [provenance.sources.get(s, s) for s in data.get("sources") or []]
    enriched = provenance.enriched(data)
    prov = "".join(
        f"<li>{html.escape(cited(e, enriched))}</li>" for e in (data.get("evidence") or [])[:5]
    )
    out = f"<b>{head}</b><br>" + "<br>".join(rows)
    if files:
        out += "<br><i>sources</i>: " + html.escape(", ".join(files))
    if prov:
        out += f"<ul>{prov}</ul>"
    return out


def searched_text(data: dict[str, Any]) -> str:
    """What a page's search looks in: names in every script, aliases, title, path.

    >>> searched_text({"name": "Hong Xu", "native_name": "徐宏", "aliases": ["H. Xu"]}).split()
    ['hong', 'xu', '徐宏', 'h.', 'xu']
    """
    values = [data.get(k) for k in _SEARCHED_KEYS]
    flat = [v for value in values for v in (value if isinstance(value, list) else [value])]
    return "\n".join(str(v).casefold() for v in flat if v)


def vis_node(
    node: Any,
    data: dict[str, Any],
    degree: int,
    provenance: Provenance,
    marked: bool,
    *,
    rank: int | None = 0,
) -> dict[str, Any]:
    """A node as vis-network draws it: its label's group and shape, the short text
    (kept in ``hover``; drawn as its label only if it has a ``rank``, the page's
    script showing the best-ranked labels that do not overlap, the others on
    hover), the tooltip, the text search looks in, a size growing with its
    ``degree``; ``marked`` ones larger and red."""
    group = _label_of(data)
    text = display_text(data)
    out: dict[str, Any] = {
        "id": str(node),
        "label": text if rank is not None else "",
        "hover": text,
        "search": searched_text(data),
        "title": tooltip(data, provenance),
        "group": group,
        "shape": GROUPS.get(group, {}).get("shape", "dot"),
        "size": 12 + 4 * math.sqrt(degree) + (10 if marked else 0),
    }
    if rank is not None:
        out["rank"] = rank
    if marked:
        out.update(color=HIGHLIGHT, borderWidth=4)
    return out


def vis_edge(
    u: Any, v: Any, key: Any, data: dict[str, Any], provenance: Provenance
) -> dict[str, Any]:
    """A relationship as vis-network draws it: an arrow, or for a co-author tie (which
    is symmetric) a dashed line as wide as the joint papers it stands for."""
    tie = data.get("type") == "COAUTHOR"
    return {
        "id": str(key),
        "from": str(u),
        "to": str(v),
        "title": tooltip(data, provenance),
        "label": "",
        "arrows": "" if tie else "to",
        "dashes": tie,
        "width": 1 + 1.5 * math.log2(data["papers"]) if data.get("papers") else 1,
    }


def python_layout(g: nx.MultiDiGraph, *, scale: float = 2000.0) -> dict[str, tuple[float, float]]:
    """Positions for a graph too big for the browser to lay out: Fruchterman-Reingold
    in igraph (C, grid-accelerated: a 5k-node graph in well under a second), from
    seeded start positions over nodes in id order, so a graph is always drawn alike.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> pos = python_layout(g)
    >>> sorted(pos) == ["a", "b", "c"] and pos == python_layout(g)
    True
    """
    nodes = sorted(g.nodes, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in g.edges() if u != v})
    rng = random.Random(7)
    half = math.sqrt(len(nodes)) / 2  # igraph's own spread: its grid then keeps cells sparse
    start = [[rng.uniform(-half, half), rng.uniform(-half, half)] for _ in nodes]
    ig.set_random_number_generator(rng)  # igraph's layout draws from it too
    try:
        layout = ig.Graph(n=len(nodes), edges=edges).layout_fruchterman_reingold(
            seed=start, grid="auto", niter=500
        )
    finally:
        ig.set_random_number_generator(random)
    coords = layout.coords
    span = max((abs(c) for xy in coords for c in xy), default=1.0) or 1.0
    return {
        n: (scale * x / span, scale * y / span) for n, (x, y) in zip(nodes, coords, strict=True)
    }


def communities(g: nx.MultiDiGraph) -> list[list[Any]]:
    """Louvain communities of ``g``'s ties (direction and repeats ignored, seeded),
    largest first, each in id order; the nodes with no tie at all together, last.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> g.add_node("lone")
    >>> communities(g)
    [['a', 'b', 'c'], ['x', 'y'], ['lone']]
    """
    ties = nx.Graph()
    ties.add_nodes_from(g)
    ties.add_edges_from((u, v) for u, v in g.edges() if u != v)
    found = [sorted(c, key=str) for c in nx.community.louvain_communities(ties, seed=7)]
    groups = sorted((c for c in found if len(c) > 1), key=lambda c: (-len(c), str(c[0])))
    lone = sorted((c[0] for c in found if len(c) == 1), key=str)
    return groups + ([lone] if lone else [])


Disc = tuple[float, float, float]  # centre x, centre y, radius


def _free_spot(placed: list[Disc], radius: float, aspect: float) -> tuple[float, float]:
    """The centre nearest the origin (distances across stretched by ``aspect``) of a
    disc of ``radius`` touching one of ``placed`` and overlapping none."""
    if not placed:
        return 0.0, 0.0
    spots = [
        (x + (r + radius) * math.cos(a), y + (r + radius) * math.sin(a))
        for x, y, r in placed
        for a in (math.tau * k / 36 for k in range(36))
    ]
    free = [
        (sx, sy)
        for sx, sy in spots
        if all(math.hypot(sx - x, sy - y) >= r + radius - 1e-6 for x, y, r in placed)
    ]
    return min(free, key=lambda xy: ((xy[0] / aspect) ** 2 + xy[1] ** 2, xy))


def _spread(
    local: dict[Any, tuple[float, float]], radius: float
) -> list[tuple[Any, tuple[float, float]]]:
    """``local`` positions evened out over a disc of ``radius`` around the origin:
    each keeps its direction from their centre and its rank by distance, the k-th
    of n nearest put at ``radius * sqrt((k + 0.5) / n)`` (so a dense core is
    opened up and no node sits far out alone).

    >>> [round(math.hypot(*xy), 2) for _, xy in _spread({"a": (0, 0), "b": (3, 4)}, 10)]
    [5.0, 8.66]
    """
    mx = sum(x for x, _ in local.values()) / len(local)
    my = sum(y for _, y in local.values()) / len(local)
    order = sorted(local, key=lambda n: (math.hypot(local[n][0] - mx, local[n][1] - my), str(n)))
    out = []
    for k, n in enumerate(order):
        angle = math.atan2(local[n][1] - my, local[n][0] - mx)
        r = radius * math.sqrt((k + 0.5) / len(order))
        out.append((n, (r * math.cos(angle), r * math.sin(angle))))
    return out


def community_layout(
    g: nx.MultiDiGraph, *, spacing: float = COMMUNITY_SPACING, aspect: float = 1.6
) -> tuple[dict[Any, tuple[float, float]], list[Disc]]:
    """Positions that group ``g`` by ``communities``: each laid out on its own (as
    ``python_layout``), then evened out (``_spread``) over a disc whose area grows
    with its nodes (``spacing`` apart on average), the discs packed around the
    largest into a shape ``aspect`` times wider than high (a screen's); returns the
    positions and the discs.

    >>> pos, discs = community_layout(nx.MultiDiGraph([("a", "b"), ("c", "d")]))
    >>> sorted(pos) == ["a", "b", "c", "d"] and len(discs) == 2
    True
    """
    positions: dict[Any, tuple[float, float]] = {}
    discs: list[Disc] = []
    for group in communities(g):
        radius = spacing * max(1.0, math.sqrt(len(group) / math.pi))
        cx, cy = _free_spot(discs, radius + spacing / 2, aspect)
        positions.update(
            (n, (cx + x, cy + y)) for n, (x, y) in _spread(python_layout(g.subgraph(group)), radius)
        )
        discs.append((cx, cy, radius + spacing / 2))
    return positions, discs


def keep_best_connected(
    g: nx.MultiDiGraph, limit: int, keep: Iterable[str] = ()
) -> nx.MultiDiGraph:
    """At most ``limit`` nodes: the ``keep`` ones, then the highest-degree ones."""
    if g.number_of_nodes() <= limit:
        return g
    first = [n for n in keep if n in g]
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), str(n)))
    chosen = list(dict.fromkeys([*first, *ranked]))[:limit]
    return g.subgraph(chosen).copy()


def label_ranks(g: nx.MultiDiGraph, marked: Iterable[Any] = ()) -> dict[Any, int]:
    """The nodes a page may label, numbered best first: the ``marked`` ones, then by
    degree; all of a small graph, else the ``LABELLED`` best-connected (the rest
    show their label on hover).

    >>> label_ranks(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    {'b': 0, 'a': 1, 'c': 2}
    """
    first = set(marked)
    ranked = sorted(g.nodes, key=lambda n: (n not in first, -g.degree(n), str(n)))
    if len(ranked) > LABEL_ALL_UP_TO:
        ranked = ranked[: LABELLED + len(first & set(ranked))]
    return {n: i for i, n in enumerate(ranked)}


def keep_strong_ties(
    g: nx.MultiDiGraph, min_papers: int, keep: Iterable[str] = ()
) -> nx.MultiDiGraph:
    """Only ties of at least ``min_papers`` joint papers: weaker edges that carry a
    ``papers`` count are dropped, then the people left with no such tie (the ``keep``
    ones excepted), then papers none of whose authors is left.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["ann", "bo", "cy"], labels=["Person"])
    >>> g.add_node("w1", labels=["Publication"])
    >>> _ = g.add_edge("ann", "bo", type="COAUTHOR", papers=3)
    >>> _ = g.add_edge("ann", "cy", type="COAUTHOR", papers=1)
    >>> _ = g.add_edge("cy", "w1", type="AUTHORED")
    >>> sorted(keep_strong_ties(g, 2))
    ['ann', 'bo']
    """
    if min_papers <= 1:
        return g
    kept = set(keep)
    strong: set[str] = set()
    for u, v, papers in g.edges(data="papers"):
        if papers is not None and papers >= min_papers:
            strong.update((u, v))
    people = {n for n, labels in g.nodes(data="labels") if labels == ["Person"]}
    gone = (people - strong) - kept
    gone |= {
        n
        for n, labels in g.nodes(data="labels")
        if labels == ["Publication"] and all(a in gone for a in g.predecessors(n) if a in people)
    }
    out = g.subgraph(n for n in g if n not in gone).copy()
    out.remove_edges_from(
        [(u, v, k) for u, v, k, p in out.edges(keys=True, data="papers") if p and p < min_papers]
    )
    return out


def render(
    g: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str,
    highlight: Iterable[str] = (),
    provenance: Provenance | None = None,
    max_nodes: int = MAX_NODES,
    min_papers: int = 1,
    hierarchical: bool = False,
    grouped: bool = False,
) -> Path:
    """Write ``g`` as an interactive page at ``path`` (UTF-8, works offline).

    ``provenance`` shows the sources and evidence of the tooltips relative to the
    ingest folder (never as absolute paths); ``highlight`` names node ids drawn
    larger and in red. Labels keep one size on screen at any zoom; the page draws
    those of the people asked about, then of the best-connected nodes, leaving out
    any that would overlap one already drawn (above ``LABEL_ALL_UP_TO`` nodes only
    the ``LABELLED`` best-connected are candidates); the others show on hover. Above
    ``LAYOUT_IN_PYTHON_ABOVE``
    nodes the layout is computed here and the browser's physics is off; above
    ``max_nodes`` only the best-connected nodes are drawn (the title says so).
    An edge with a ``papers`` count is drawn wider the more papers it stands for;
    ``min_papers`` above 1 keeps only ties that strong (see ``keep_strong_ties``).
    ``hierarchical`` draws the graph top-down along its edges (advisor above
    student), without physics. ``grouped`` lays the graph out by community
    (``community_layout``), each community on a faint disc of its own.
    """
    shown = provenance or Provenance()
    marked = set(highlight)
    g = keep_strong_ties(g, min_papers, marked)
    if min_papers > 1:
        title = f"{title} (ties of at least {min_papers} joint papers)"
    total = g.number_of_nodes()
    g = keep_best_connected(g, max_nodes, marked)
    if g.number_of_nodes() < total:
        title = f"{title} (the {g.number_of_nodes()} best-connected of {total} nodes)"
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
    net.templateEnv.globals["font"] = FONT
    net.path = "scholargraph.html"
    positions: dict[Any, tuple[float, float]] = {}
    discs: list[Disc] = []
    if grouped and not hierarchical:
        positions, discs = community_layout(g)
    elif g.number_of_nodes() > LAYOUT_IN_PYTHON_ABOVE and not hierarchical:
        positions = python_layout(g)
    net.templateEnv.globals["discs"] = [
        {"x": x, "y": y, "r": r, "fill": DISC_FILLS[i % len(DISC_FILLS)]}
        for i, (x, y, r) in enumerate(discs)
    ]
    ranks = label_ranks(g, marked)
    for node, data in sorted(g.nodes(data=True), key=lambda kv: str(kv[0])):
        drawn = vis_node(
            node,
            shown.fact(data),
            g.degree(node),
            shown,
            node in marked,
            rank=ranks.get(node),
        )
        if node in positions:
            drawn.update(x=positions[node][0], y=positions[node][1], physics=False)
        net.add_node(drawn["id"], group=drawn["group"])  # with a group: no default colour
        net.node_map[str(node)].update(drawn)  # pyvis drops a colour and an empty label
    for u, v, key, data in g.edges(keys=True, data=True):
        drawn = vis_edge(u, v, key, shown.fact(data), shown)
        del drawn["id"]
        net.add_edge(drawn.pop("from"), drawn.pop("to"), **drawn)
    net.options = {
        "groups": GROUPS,
        "nodes": {"font": {"size": 14, "face": FONT, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"color": {"color": "#9aa5b1", "highlight": "#e15759"}, "smooth": False},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150},
        "physics": {
            "enabled": not (positions or hierarchical),
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
        },
    }
    if hierarchical:
        net.options["layout"] = {
            "hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed"}
        }
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(net.generate_html(name=out.name), encoding="utf-8")
    return out
