"""Running a named query: arguments resolved and checked, rows back, and the part
of the graph the answer is about (for rendering).

>>> from scholargraph.store.ladybug_store import LadybugStore
>>> from scholargraph.pipeline import extract
>>> from scholargraph.store.writer import write_records
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "p.yaml").write_text(
...     "person: {name: Ann Lee}\\n"
...     "publications: [{title: On Joins, authors: [Ann Lee, Bo Chen], year: 2024}]\\n")
>>> with LadybugStore(str(folder / "g.lbug")) as store:
...     _ = write_records(store, extract([folder / "p.yaml"]).records)
...     answer = run(store, "coauthors", person="ann lee")
...     g = answer_graph(store, answer)
>>> [(r["name"], r["papers"]) for r in answer.rows]
[('Bo Chen', 1)]
>>> sorted(d["labels"][0] for _, d in g.nodes(data=True))
['Person', 'Person', 'Publication']
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from scholargraph.errors import QueryError
from scholargraph.normalize.topics import vocabulary
from scholargraph.queries.library import QUERIES, Param, Query
from scholargraph.store.store import Store

ID_COLUMNS = (
    "id",
    "ids",
    "other_id",
    "advisor_id",
    "paper_ids",
    "other_paper_ids",
    "topic_ids",
    "people_ids",
)


@dataclass
class Answer:
    """Rows of a query run, the arguments as resolved, and the node ids the
    answer is about (the people asked for included)."""

    query: Query
    params: dict[str, Any]
    rows: list[dict[str, Any]]
    focus: list[str] = field(default_factory=list)  # the resolved people asked about

    @property
    def columns(self) -> list[str]:
        return list(self.rows[0]) if self.rows else []

    @property
    def node_ids(self) -> list[str]:
        ids = list(self.focus)
        for row in self.rows:
            for col in ID_COLUMNS:
                value = row.get(col)
                ids += value if isinstance(value, list) else [value] if value else []
        return list(dict.fromkeys(ids))


def _describe(candidate: dict[str, Any]) -> str:
    orgs = ", ".join(candidate["organizations"][:2]) or "no affiliation"
    paper = f"'{candidate['papers'][0]}'" if candidate["papers"] else "no papers"
    return f"{candidate['name']} [{candidate['id']}] ({orgs}; e.g. {paper})"


def resolve_person(store: Store, text: str) -> str:
    """The id of the one person ``text`` names (id, name in any case, native-script
    name or alias). Several matches or none are a QueryError listing the candidates
    or the closest names."""
    if text.startswith("person:") and (
        hit := store.query(QUERIES["_person-by-id"].text(store.dialect), {"text": text})
    ):
        return str(hit[0]["id"])
    found = store.query(QUERIES["_find-person"].text(store.dialect), {"text": text.strip()})
    if len(found) == 1:
        return str(found[0]["id"])
    if found:
        listed = "; ".join(_describe(c) for c in found[:8])
        raise QueryError(f"{text!r} is ambiguous: {listed}", hint="pass one of the ids in brackets")
    fragment = (text.split() or [text])[-1][:3]  # "Xin Tann" -> names containing "tan"
    names = [
        r["name"]
        for r in store.query(QUERIES["_names-like"].text(store.dialect), {"text": fragment})
    ]
    close = difflib.get_close_matches(text, names, n=5, cutoff=0.5)
    hint = f"did you mean: {', '.join(close)}?" if close else "check the spelling, or ingest them"
    raise QueryError(f"no person named {text!r} in the graph", hint=hint)


def resolve_group(store: Store, text: str) -> list[str]:
    """Person ids of a group: the members of the organization ``text`` names, else
    the person it names and everyone they advised."""
    members = store.query(
        QUERIES["_organization-members"].text(store.dialect), {"text": text.strip()}
    )
    if members:
        return [str(r["id"]) for r in members]
    advisor = resolve_person(store, text)
    students = store.query(QUERIES["students"].text(store.dialect), {"person": advisor})
    return [advisor, *(str(r["id"]) for r in students)]


def resolve_topic(store: Store, text: str) -> list[str]:
    """Ids of the topics ``text`` names: the canonical topics the vocabulary finds
    in it ("serving LLMs" is LLM serving), and every topic whose name or stated
    wording contains it (any case). None is a QueryError naming close topics."""
    topics = store.query(QUERIES["_topics"].text(store.dialect), {})
    vocab = vocabulary()
    wanted = {vocab.concepts[key].id for key in vocab.find(text)}
    needle = text.strip().casefold()
    found = [
        str(t["id"])
        for t in topics
        if t["id"] in wanted
        or any(needle in str(w).casefold() for w in [t["name"], *(t["aliases"] or [])])
    ]
    if found:
        return found
    close = difflib.get_close_matches(text, [str(t["name"]) for t in topics], n=5, cutoff=0.4)
    hint = (
        f"did you mean: {', '.join(close)}?" if close else "see: scholargraph query topic-clusters"
    )
    raise QueryError(f"no topic {text!r} in the graph", hint=hint)


def _argument(store: Store, query: Query, p: Param, value: Any) -> Any:
    if value is None:
        if p.default is None:
            raise QueryError(f"{query.name} needs --{p.name.replace('_', '-')}", hint=p.help)
        return p.default
    if p.type == "person":
        return resolve_person(store, str(value))
    if p.type == "group":
        return resolve_group(store, str(value))
    if p.type == "topic":
        return resolve_topic(store, str(value))
    if p.type == "int":
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = -1
        if number < 1:
            raise QueryError(f"--{p.name} must be a positive whole number, not {value!r}")
        return number
    return str(value)


def _sort_key(columns: tuple[str, ...]) -> Any:
    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            (row.get(c) is None, row.get(c) if row.get(c) is not None else "") for c in columns
        )

    return key


def _sort_lists(row: dict[str, Any], groups: tuple[tuple[str, ...], ...]) -> None:
    """Sort a row's collected lists in place; parallel lists follow their first."""
    for group in groups:
        lists = [row.get(c) or [] for c in group]
        if len({len(v) for v in lists}) > 1:
            raise ValueError(f"parallel lists {group} differ in length")
        order = sorted(range(len(lists[0])), key=lambda i: [str(v[i]) for v in lists])
        for column, values in zip(group, lists, strict=True):
            if row.get(column) is not None:
                row[column] = [values[i] for i in order]


def run(store: Store, name: str, **arguments: Any) -> Answer:
    """Run the query ``name`` with ``arguments`` (by parameter name; people by
    name, alias or id). Unknown queries and arguments are a QueryError."""
    query = QUERIES.get(name)
    if query is None or name.startswith("_"):
        close = difflib.get_close_matches(name, list_queries(), n=3)
        raise QueryError(
            f"no query named {name!r}",
            hint=f"did you mean {', '.join(close)}?" if close else "see: scholargraph query --list",
        )
    unknown = {k for k, v in arguments.items() if v is not None} - {p.name for p in query.params}
    if unknown:
        raise QueryError(
            f"{name} takes no {', '.join(sorted(unknown))}",
            hint=f"it takes: {', '.join(p.name for p in query.params)}",
        )
    params = {p.name: _argument(store, query, p, arguments.get(p.name)) for p in query.params}
    rows = store.query(query.text(store.dialect), params)
    for row in rows:
        _sort_lists(row, query.lists)
    if query.sort:
        rows.sort(key=_sort_key(query.sort))
    focus = [params[p.name] for p in query.params if p.type == "person"]
    return Answer(query, params, rows, focus)


def list_queries() -> list[str]:
    """The names users can run (the library's helpers left out)."""
    return [n for n in QUERIES if not n.startswith("_")]


COAUTHOR = "COAUTHOR"  # drawn only: people who wrote together, ``papers`` joint papers


def add_coauthor_ties(store: Store, g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Join every two people of ``g`` who wrote together by a ``COAUTHOR`` edge whose
    ``papers`` counts their joint papers in the whole store (drawn or not), so a
    page can draw ties wider the more papers they stand for. Returns ``g``."""
    people = sorted(str(n) for n, labels in g.nodes(data="labels") if labels == ["Person"])
    if len(people) > 1:
        for row in store.query(QUERIES["_joint-papers"].text(store.dialect), {"ids": people}):
            a, b, papers = str(row["a"]), str(row["b"]), int(row["papers"])
            g.add_edge(a, b, key=f"coauthor:{a}:{b}", type=COAUTHOR, papers=papers)
    return g


def subgraph(store: Store, ids: list[str], *, outline: bool = False) -> nx.MultiDiGraph:
    """The part of the graph among the nodes ``ids``, as ``to_networkx`` gives the
    whole: nodes keyed by id with a ``labels`` list and their properties, edges keyed
    by relationship id with a ``type``; read in two statements, whatever the labels
    and types (``_subgraph-nodes``, ``_subgraph-edges``). With ``outline``, only what
    drawing it needs: names, title and year; ends, type and joint papers
    (``_outline-nodes``, ``_outline-edges``).

    The edges statement names each far end by the ``key`` the nodes statement gives
    it (Neo4j: its id; Ladybug: its internal id, read far faster than a property), and
    may give relationships to nodes outside ``ids`` too: those are left out here."""
    g = nx.MultiDiGraph()
    if not ids:
        return g
    params = {"ids": list(dict.fromkeys(ids))}
    kind = "_outline" if outline else "_subgraph"
    nodes = store.query(QUERIES[f"{kind}-nodes"].text(store.dialect), params)
    edges = store.query(QUERIES[f"{kind}-edges"].text(store.dialect), params)
    named = {row["key"]: row["props"]["id"] for row in nodes}
    for row in sorted(nodes, key=lambda r: str(r["props"]["id"])):
        props = _properties(row["props"])
        g.add_node(props["id"], labels=[row["label"]], **props)
    inside = [row for row in edges if row["to_key"] in named]
    for row in sorted(inside, key=lambda r: (r["type"], str(r["props"]["id"]))):
        props = _properties(row["props"])
        g.add_edge(row["from_id"], named[row["to_key"]], key=props["id"], type=row["type"], **props)
    return g


def _properties(values: dict[str, Any]) -> dict[str, Any]:
    """A node's or relationship's properties as a map: those it has (the embedded
    store gives every column of every table, unset ones as None, and its own ``_``
    keys)."""
    return {k: v for k, v in values.items() if v is not None and not k.startswith("_")}


def answer_graph(store: Store, answer: Answer, *, outline: bool = False) -> nx.MultiDiGraph:
    """The graph among the nodes an answer is about: every node it names, every
    relationship between two of them (of the types the query draws, if it says),
    and co-author ties among its people (unless the query draws other types only);
    with ``outline``, only what drawing it needs (``subgraph``)."""
    g = subgraph(store, answer.node_ids, outline=outline)
    draw = answer.query.draw
    if draw:
        g.remove_edges_from(
            [(u, v, k) for u, v, k, t in g.edges(keys=True, data="type") if t not in draw]
        )
    if not draw or COAUTHOR in draw:
        add_coauthor_ties(store, g)
    return g
