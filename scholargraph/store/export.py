"""Read the whole graph back: counts, a networkx graph, and files.

Formats: networkx node-link JSON (each node with ``id``, ``labels`` and its
properties flat; each link with ``source``, ``target``, ``type`` and its
properties), GraphML (list properties joined with " | "), CSV (one file per label and
per relationship type in a folder; a cell a spreadsheet would run as a formula is
neutralised), and ``neo4j-import``: the CSV files of ``neo4j-admin database import
full`` (``:ID(Label)`` id spaces, ``:START_ID`` / ``:END_ID``, typed columns, lists as
``:string[]``; cells as they are, Neo4j runs no formula) with ``import.sh``, the exact
command, in the same folder.
"""

from __future__ import annotations

import csv
import json
import shlex
from pathlib import Path
from typing import Any

import networkx as nx

from scholargraph.config import EXPORT_FORMATS
from scholargraph.errors import ScholargraphError
from scholargraph.records import NODE_TYPES, RECORD_TYPES, REL_TYPES, Node, Rel
from scholargraph.store import schema
from scholargraph.store.store import Store

FORMATS = EXPORT_FORMATS
# neo4j-admin's column types for the schema's; lists split on the array delimiter
_IMPORT_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean"}
# ';' (Neo4j's default) unless a list element holds one; then the unit separator
_DELIMITERS = (";", "\x1f")


def stats(store: Store) -> dict[str, int]:
    """Nodes per label and relationships per type (zeros included)."""
    out: dict[str, int] = {}
    for t in RECORD_TYPES:
        out[schema.type_name(t)] = int(store.query(schema.count_statement(t))[0]["n"])
    return out


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The whole graph: nodes keyed by id with a ``labels`` list, edges keyed by
    relationship id with a ``type`` (a part of it: ``queries.answers.subgraph``)."""
    g = nx.MultiDiGraph()
    for node_type in NODE_TYPES:
        for row in store.query(schema.read_statement(node_type)):
            g.add_node(row["id"], labels=[node_type.LABEL], **_clean(row))
    for rel_type in REL_TYPES:
        for row in store.query(schema.read_statement(rel_type)):
            src, dst = row.pop("from_id"), row.pop("to_id")
            g.add_edge(src, dst, key=row["id"], type=rel_type.TYPE, **_clean(row))
    return g


def profile_owners(g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """(person id, name) of each person whose profile a source describes:
    the person with affiliations or stated interests, else the most prolific author.
    Documents written by ``scholargraph enrich`` describe no one new and are passed over."""
    owners: list[tuple[str, str]] = []
    people = [n for n, d in g.nodes(data=True) if d["labels"] == ["Person"]]
    for source, sdata in sorted(g.nodes(data=True), key=lambda kv: str(kv[0])):
        if sdata["labels"] != ["Source"] or sdata.get("kind") == "enrichment":
            continue
        cited = [p for p in people if source in g.nodes[p].get("sources", [])]

        def weight(p: str, source: str = source) -> tuple[int, int]:
            own = sum(
                1
                for _, _, d in g.out_edges(p, data=True)
                if (d["type"] == "AFFILIATED_WITH" or d.get("stated"))
                and source in d.get("sources", [])
            )
            return own, g.out_degree(p)

        if cited:
            best = max(cited, key=weight)
            if best not in {o for o, _ in owners}:
                owners.append((best, str(g.nodes[best]["name"])))
    return owners


def node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data, its edges under both ``edges`` and ``links``, in a
    stable order."""
    nodes = [dict(data) for _, data in sorted(g.nodes(data=True), key=lambda kv: str(kv[0]))]
    links = sorted(
        ({"source": u, "target": v, **data} for u, v, data in g.edges(data=True)),
        key=lambda link: (link["type"], link["id"]),
    )
    # networkx reads "edges" by default since 3.6 and "links" before (or with
    # edges="links"): both keys, so that either call loads the file
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": nodes,
        "edges": links,
        "links": links,
    }


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting with ``= + - @``, a tab or a
    carriage return gets a leading ``'`` (OWASP's advice against CSV injection); other
    values are left as they are.

    >>> spreadsheet_safe("=1+2"), spreadsheet_safe("Ada"), spreadsheet_safe(-1)
    ("'=1+2", 'Ada', -1)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def flat_value(value: Any) -> Any:
    """A property as GraphML and CSV cells hold it: a list joined with `` | ``."""
    return " | ".join(map(str, value)) if isinstance(value, list) else value


def export(store: Store, fmt: str, output: str | Path) -> Path:
    """Write the graph in ``fmt`` to ``output`` (a folder for csv)."""
    if fmt not in FORMATS:
        hint = f"one of {', '.join(FORMATS)}"
        raise ScholargraphError(f"unknown export format {fmt!r}", hint=hint)
    out = Path(output)
    g = to_networkx(store)
    try:
        if fmt == "node-link":
            out.write_text(json.dumps(node_link(g), ensure_ascii=False, indent=1), "utf-8")
        elif fmt == "graphml":
            flat = nx.MultiDiGraph()
            for n, data in g.nodes(data=True):
                flat.add_node(n, **{k: flat_value(v) for k, v in data.items()})
            for u, v, k, data in g.edges(keys=True, data=True):
                flat.add_edge(u, v, key=k, **{kk: flat_value(vv) for kk, vv in data.items()})
            nx.write_graphml(flat, out, encoding="utf-8")
        elif fmt == "csv":
            _write_csv(g, out)
        else:
            _write_neo4j_import(g, out)
    except OSError as exc:
        raise ScholargraphError(f"cannot write {out}: {exc.strerror}") from exc
    return out


def _write_csv(g: nx.MultiDiGraph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for node_type in NODE_TYPES:
        cols = [p.name for p in schema.properties(node_type)]
        rows = [d for _, d in g.nodes(data=True) if d["labels"] == [node_type.LABEL]]
        _csv(folder / f"{node_type.LABEL}.csv", cols, rows)
    for rel_type in REL_TYPES:
        cols = ["source", "target"] + [p.name for p in schema.properties(rel_type)]
        rows = [
            {"source": u, "target": v, **d}
            for u, v, d in g.edges(data=True)
            if d["type"] == rel_type.TYPE
        ]
        _csv(folder / f"{rel_type.TYPE}.csv", cols, rows)


def _import_header(cls: type[Node] | type[Rel]) -> list[str]:
    cols = []
    for p in schema.properties(cls):
        if p.name == "id" and issubclass(cls, Node):
            cols.append(f"id:ID({cls.LABEL})")
        elif p.is_list:
            cols.append(f"{p.name}:string[]")
        else:
            cols.append(f"{p.name}:{_IMPORT_TYPES[p.ladybug_type]}")
    if issubclass(cls, Rel):
        return [f":START_ID({cls.START.LABEL})", f":END_ID({cls.END.LABEL})", *cols, ":TYPE"]
    return [*cols, ":LABEL"]


def _write_neo4j_import(g: nx.MultiDiGraph, folder: Path) -> None:
    """The graph as neo4j-admin's import files, and ``import.sh`` to run it."""
    folder.mkdir(parents=True, exist_ok=True)
    values = [
        v
        for data in [*(d for _, d in g.nodes(data=True)), *(d for *_, d in g.edges(data=True))]
        for v in data.values()
    ]
    elements = [str(x) for v in values if isinstance(v, list) for x in v]
    delimiter = next(d for d in _DELIMITERS if not any(d in x for x in elements))
    multiline = any("\n" in x or "\r" in x for x in [*elements, *map(str, values)])
    args = []
    for node_type in NODE_TYPES:
        names = [p.name for p in schema.properties(node_type)]
        rows = [
            [*(_import_cell(d.get(n), delimiter) for n in names), node_type.LABEL]
            for _, d in sorted(g.nodes(data=True), key=lambda kv: str(kv[0]))
            if d["labels"] == [node_type.LABEL]
        ]
        _rows(folder / f"{node_type.LABEL}.csv", _import_header(node_type), rows)
        args.append(f"--nodes={node_type.LABEL}.csv")
    for rel_type in REL_TYPES:
        names = [p.name for p in schema.properties(rel_type)]
        rows = [
            [u, v, *(_import_cell(d.get(n), delimiter) for n in names), rel_type.TYPE]
            for u, v, d in sorted(g.edges(data=True), key=lambda e: str(e[2]["id"]))
            if d["type"] == rel_type.TYPE
        ]
        _rows(folder / f"{rel_type.TYPE}.csv", _import_header(rel_type), rows)
        args.append(f"--relationships={rel_type.TYPE}.csv")
    options = [f"--array-delimiter={'U+001F' if delimiter != ';' else ';'}"]
    options += ["--multiline-fields=true"] if multiline else []
    command = ["neo4j-admin", "database", "import", "full", *options, *args]
    (folder / "import.sh").write_text(
        "#!/bin/sh\n"
        "# Loads this folder into a new Neo4j database (default: neo4j), which must be\n"
        "# stopped or not exist yet: sh import.sh [DATABASE [--overwrite-destination …]]\n"
        'db="${1:-neo4j}"; [ $# -gt 0 ] && shift\n'
        'cd "$(dirname "$0")" && exec '
        + " ".join(shlex.quote(a) for a in command[:4])
        + ' "$db" '
        + " ".join(shlex.quote(a) for a in command[4:])
        + ' "$@"\n',
        encoding="utf-8",
    )


def _import_cell(value: Any, delimiter: str) -> Any:
    if isinstance(value, list):
        return delimiter.join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _rows(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def _csv(path: Path, cols: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for row in sorted(rows, key=lambda r: str(r.get("id"))):
            w.writerow({k: spreadsheet_safe(flat_value(v)) for k, v in row.items()})
