"""What the web app shows, as plain data: named queries run with checked parameters,
their answers drawn for vis-network, type-ahead search, a person's panel, what links
two people, and the current view as a page or GraphML. Nothing here knows about HTTP
(see ``app``).

An answer is drawn from an outline of its part of the graph (two statements: names,
titles, years, ties' joint papers; ``answer_graph(outline=True)``), so a click to
expand stays quick on thousands of nodes; each node's and edge's whole fact, every
property and its evidence, comes from ``facts`` when the page asks (on hover).

Every text a caller gets has the ingest folder taken out of its paths (``Provenance``),
and a person's panel and the tooltips name, for each evidence line of a document
``scholargraph enrich`` wrote, the API and the day it was retrieved
(``Provenance.enriched``);
values are not HTML-escaped here but where they become HTML (the tooltips, escaped by
``render.pages.tooltip``; the app's script sets every other value as text).
"""

from __future__ import annotations

import io
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from scholargraph.errors import QueryError
from scholargraph.queries import (
    QUERIES,
    Answer,
    add_coauthor_ties,
    answer_graph,
    list_queries,
    resolve_person,
    run,
)
from scholargraph.queries.answers import COAUTHOR, subgraph
from scholargraph.queries.library import Param, Query
from scholargraph.records import Source
from scholargraph.render.pages import (
    keep_best_connected,
    keep_strong_ties,
    label_ranks,
    render,
    tooltip,
    vis_edge,
    vis_node,
)
from scholargraph.render.provenance import Provenance
from scholargraph.store.export import flat_value
from scholargraph.store.schema import read_statement
from scholargraph.store.store import Store

MAX_INT = 1000  # the largest whole-number parameter the app accepts (limits, depths)
MAX_TEXT = 200  # the longest text parameter, in characters
MAX_DRAWN = 500  # nodes one answer draws at most: the people asked about, then the best-connected
MAX_YEAR = 9999
PANEL_PARTS = ("papers", "advisors", "students", "coauthors", "topics")
T = TypeVar("T")


def whole_number(name: str, text: str, high: int = MAX_INT) -> int:
    """``text`` as a whole number from 1 to ``high``, else a QueryError.

    >>> whole_number("limit", "25")
    25
    >>> whole_number("limit", "²")
    Traceback (most recent call last):
    ...
    scholargraph.errors.QueryError: limit must be a whole number from 1 to 1000, not '²'
    """
    digits = text.strip()
    number = int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 9 else 0
    if not 1 <= number <= high:
        raise QueryError(f"{name} must be a whole number from 1 to {high}, not {text!r}")
    return number


def checked_text(name: str, text: str) -> str:
    """``text`` when it has 1 to ``MAX_TEXT`` characters, else a QueryError."""
    if not text.strip() or len(text) > MAX_TEXT:
        raise QueryError(f"{name} must be a text of 1 to {MAX_TEXT} characters")
    return text.strip()


def checked(query: Query, given: Mapping[str, str]) -> dict[str, Any]:
    """The arguments of ``query`` from a request's parameters: unknown names, whole
    numbers out of 1..MAX_INT and texts longer than MAX_TEXT are a QueryError (people,
    groups and topics are resolved by ``run``)."""
    unknown = set(given) - {p.name for p in query.params}
    if unknown:
        raise QueryError(
            f"{query.name} takes no {', '.join(sorted(unknown))}",
            hint=f"it takes: {', '.join(p.name for p in query.params) or 'nothing'}",
        )
    return {p.name: _value(p, given[p.name]) for p in query.params if p.name in given}


def _value(p: Param, text: str) -> int | str:
    return whole_number(p.name, text) if p.type == "int" else checked_text(p.name, text)


@dataclass(frozen=True)
class View:
    """How an answer is drawn: ties of at least ``min_papers`` joint papers, papers of
    ``year_from``..``year_to`` only (undated ones too once a year is given; people
    stay)."""

    min_papers: int = 1
    year_from: int = 1
    year_to: int = MAX_YEAR

    NAMES = ("min_papers", "year_from", "year_to")

    @classmethod
    def split(cls, given: Mapping[str, str]) -> tuple[View, dict[str, str]]:
        """The view a request's parameters ask for, and the query's own parameters."""
        view = cls(
            min_papers=whole_number("min_papers", given.get("min_papers", "1")),
            year_from=whole_number("year_from", given.get("year_from", "1"), MAX_YEAR),
            year_to=whole_number("year_to", given.get("year_to", str(MAX_YEAR)), MAX_YEAR),
        )
        return view, {k: v for k, v in given.items() if k not in cls.NAMES}

    def apply(self, g: nx.MultiDiGraph, keep: list[str]) -> nx.MultiDiGraph:
        """``g`` without the papers outside the years and the ties too weak."""
        ranged = (self.year_from, self.year_to) != (1, MAX_YEAR)
        outside = {
            n
            for n, d in g.nodes(data=True)
            if d.get("labels") == ["Publication"]
            and ranged
            and not self.year_from <= int(d.get("year") or 0) <= self.year_to
        }
        if outside:
            g = g.subgraph(n for n in g if n not in outside).copy()
        return keep_strong_ties(g, self.min_papers, keep)


class Explorer:
    """One store, read by one request at a time (the embedded store is one connection)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()

    def _locked(self, fn: Callable[[], T]) -> T:
        with self._lock:
            return fn()

    @cached_property
    def _sources(self) -> list[dict[str, Any]]:
        return self._locked(lambda: self.store.query(read_statement(Source)))

    @cached_property
    def provenance(self) -> Provenance:
        return Provenance.of(self._sources)

    def _cited(self, fact: dict[str, Any]) -> dict[str, Any]:
        """``fact`` and, when some of its evidence is from enrichment documents, those
        lines' APIs and days (``enriched``: evidence line -> ``{api, date}``)."""
        enriched = self.provenance.enriched(fact)
        return fact | {"enriched": enriched} if enriched else fact

    def queries(self) -> list[dict[str, Any]]:
        """Every named query with its description and parameters."""
        return [
            {
                "name": q.name,
                "description": q.description,
                "params": [
                    {"name": p.name, "type": p.type, "default": p.default, "help": p.help}
                    for p in q.params
                ],
            }
            for q in (QUERIES[name] for name in list_queries())
        ]

    def query(self, name: str, given: Mapping[str, str]) -> list[dict[str, Any]]:
        """The rows of the named query, paths in them relative."""
        answer = self._answer(name, given)
        return [self.provenance.fact(row) for row in answer.rows]

    def graph(self, name: str, given: Mapping[str, str]) -> dict[str, Any]:
        """The part of the graph the named query's answer is about, for vis-network,
        drawn as the view parameters (``View``) among ``given`` ask."""
        view, arguments = View.split(given)
        answer = self._answer(name, arguments)
        g = self._locked(lambda: answer_graph(self.store, answer, outline=True))
        return self._drawn(view.apply(g, answer.focus), answer.focus)

    def facts(self, node: str, other: str | None = None) -> dict[str, Any]:
        """The whole fact behind a drawn node (its tooltip: every property, the files
        and lines it was read from), or with ``other`` behind the two nodes and each
        relationship between them: ``nodes`` and ``edges``, each ``{id, title}``."""
        ends = [("id", node)] + ([("other", other)] if other is not None else [])
        ids = [checked_text(name, text) for name, text in ends]
        g = self._locked(lambda: subgraph(self.store, ids))
        return {
            "nodes": [{"id": n, "title": self._tooltip(d)} for n, d in g.nodes(data=True)],
            "edges": [
                {"id": k, "title": self._tooltip(d)} for *_, k, d in g.edges(keys=True, data=True)
            ],
        }

    def _tooltip(self, data: dict[str, Any]) -> str:
        return tooltip(self.provenance.fact(data), self.provenance)

    def search(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        """People whose name, alias or native-script name, then papers whose title,
        contain ``text``: id, label, name and what else matched."""
        params = {"text": checked_text("q", text), "limit": limit}
        dialect = self.store.dialect
        people, papers = self._locked(
            lambda: (
                self.store.query(QUERIES["_search-people"].text(dialect), params),
                self.store.query(QUERIES["_search-papers"].text(dialect), params),
            )
        )
        return [
            {
                "id": p["id"],
                "label": "Person",
                "name": p["name"],
                "also": [n for n in [p["native_name"], *(p["aliases"] or [])] if n],
            }
            for p in people
        ] + [
            {
                "id": w["id"],
                "label": "Publication",
                "name": w["title"],
                "year": w["year"],
                "author_ids": sorted(w["author_ids"]),
            }
            for w in papers
        ]

    def person(self, text: str) -> dict[str, Any]:
        """A person's panel: their properties and evidence, papers, advisors, students,
        co-authors and topics, and the files they were read from; evidence from an
        enrichment document with its API and day (``_cited``)."""
        pid = self._locked(lambda: resolve_person(self.store, checked_text("person", text)))
        g = self._locked(lambda: subgraph(self.store, [pid]))  # the node, with no edges
        node = dict(g.nodes[pid])
        panel: dict[str, Any] = {"person": self._cited(self.provenance.fact(node))}
        for part in PANEL_PARTS:
            panel[part] = [self._cited(row) for row in self.query(part, {"person": pid})]
        panel["sources"] = [self.provenance.sources.get(s, s) for s in node.get("sources") or []]
        return panel

    def pair(self, person: str, other: str) -> dict[str, Any]:
        """What links two people: the shortest chains (each step with its label and
        year), their shared collaborators and topics, and the graph of both answers."""
        given = {"person": person, "other": other}
        chains = self._answer("connection", given)
        shared = self._answer("shared-collaborators", given)
        topics = self.query("topic-overlap", given)
        g = self._locked(lambda: answer_graph(self.store, chains, outline=True))
        g = nx.compose(g, self._locked(lambda: answer_graph(self.store, shared, outline=True)))
        paths = [
            [
                {
                    "id": n,
                    "name": name,
                    "label": str((g.nodes[n].get("labels") or ["?"])[0]) if n in g else "?",
                    "year": g.nodes[n].get("year") if n in g else None,
                }
                for n, name in zip(row["ids"], row["names"], strict=True)
            ]
            for row in chains.rows
        ]
        return {
            "ids": chains.focus,
            "paths": paths,
            "shared": [self.provenance.fact(r) for r in shared.rows],
            "topics": topics,
            "graph": self._drawn(g, chains.focus),
        }

    def view(self, ids: list[str], focus: list[str]) -> nx.MultiDiGraph:
        """The graph among ``ids`` (a view the app drew), co-author ties added, the
        ingest folder taken out of every text."""
        if not 1 <= len(ids) <= MAX_DRAWN:
            raise QueryError(f"a view has 1 to {MAX_DRAWN} node ids, not {len(ids)}")
        g = self._locked(lambda: add_coauthor_ties(self.store, subgraph(self.store, ids)))
        shown = nx.MultiDiGraph()
        shown.add_nodes_from((n, self.provenance.fact(d)) for n, d in g.nodes(data=True))
        shown.add_edges_from(
            (u, v, k, self.provenance.fact(d)) for u, v, k, d in g.edges(keys=True, data=True)
        )
        return shown

    def page(self, ids: list[str], focus: list[str], title: str) -> str:
        """A view as a standalone page, by the same offline renderer as ``render``."""
        g = self.view(ids, focus)
        with tempfile.TemporaryDirectory() as folder:
            path = render(
                g,
                Path(folder) / "view.html",
                title=checked_text("title", title),
                highlight=focus,
                provenance=replace(self.provenance, root=""),  # paths shown already
            )
            return path.read_text("utf-8")

    def graphml(self, ids: list[str], focus: list[str]) -> str:
        """A view as GraphML (lists joined by `` | ``, as ``scholargraph export``)."""
        g, flat = self.view(ids, focus), nx.MultiDiGraph()
        for n, d in g.nodes(data=True):
            flat.add_node(n, **_flat(d), focus=n in focus)
        for u, v, k, d in g.edges(keys=True, data=True):
            flat.add_edge(u, v, key=k, **_flat(d))
        out = io.BytesIO()
        nx.write_graphml(flat, out, encoding="utf-8")
        return out.getvalue().decode("utf-8")

    def _answer(self, name: str, given: Mapping[str, str]) -> Answer:
        if name not in list_queries():
            raise UnknownQuery(name)
        arguments = checked(QUERIES[name], given)
        return self._locked(lambda: run(self.store, name, **arguments))

    def _drawn(self, g: nx.MultiDiGraph, focus: list[str]) -> dict[str, Any]:
        """An outline graph (``answer_graph(outline=True)``) for vis-network; ``more``
        marks the nodes and edges whose whole fact is at ``facts`` (all but co-author
        ties, which the store does not hold: their joint papers are all there is)."""
        total = g.number_of_nodes()
        g = keep_best_connected(g, MAX_DRAWN, focus)
        ranks = label_ranks(g, focus)
        return {
            "focus": focus,
            "total": total,
            "nodes": [
                vis_node(
                    n,
                    self.provenance.fact(g.nodes[n]),
                    g.degree(n),
                    self.provenance,
                    n in focus,
                    rank=ranks.get(n),
                )
                | {"more": True}
                for n in sorted(g.nodes, key=str)
            ],
            "edges": [
                vis_edge(u, v, k, self.provenance.fact(d), self.provenance)
                | {"more": d["type"] != COAUTHOR}
                for u, v, k, d in g.edges(keys=True, data=True)
            ],
        }


def _flat(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: flat_value(v) for k, v in data.items() if v is not None}


class UnknownQuery(QueryError):
    """A query name the library does not have (a 404, where other bad input is a 400)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no query named {name!r}", hint="see /api/queries")
