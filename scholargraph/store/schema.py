"""The graph model as the stores see it, derived from ``scholargraph.records``.

Table declarations (Ladybug), constraints (Neo4j) and the batched upsert and
read statements are generated here from the record dataclasses. Labels and
property names come only from those dataclasses, never from user input; every
value travels as a ``$parameter``.

The two dialects differ in three places, each kept to one small function below:
Ladybug needs declared tables, needs ``CAST`` where a batch column may be all
null, and has no list comprehension (its ``list_filter`` lambda does the same
order-preserving union).

>>> from scholargraph.records import Organization
>>> print(upsert_statement(Organization, "neo4j"))  # doctest: +NORMALIZE_WHITESPACE
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
ON CREATE SET n.`sources` = [], n.`evidence` = []
SET n.`sources` = coalesce(n.`sources`, [])
      + [x IN row.`sources` WHERE NOT x IN coalesce(n.`sources`, [])],
    n.`evidence` = coalesce(n.`evidence`, [])
      + [x IN row.`evidence` WHERE NOT x IN coalesce(n.`evidence`, [])],
    n.`name` = coalesce(row.`name`, n.`name`),
    n.`kind` = coalesce(row.`kind`, n.`kind`)
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass

from scholargraph.records import NODE_TYPES, RECORD_TYPES, REL_TYPES, Node, Rel

DIALECTS = ("neo4j", "ladybug")
_LADYBUG_TYPES = {str: "STRING", int: "INT64", float: "DOUBLE", bool: "BOOLEAN"}
_REL_ENDPOINTS = ("from_id", "to_id")


@dataclass(frozen=True)
class Prop:
    name: str
    ladybug_type: str  # STRING, INT64, DOUBLE, BOOLEAN or STRING[]
    on_create: bool = False

    @property
    def is_list(self) -> bool:
        return self.ladybug_type.endswith("[]")


def properties(cls: type[Node] | type[Rel]) -> tuple[Prop, ...]:
    """Stored properties of a record type, ``id`` first (endpoints excluded)."""
    hints = typing.get_type_hints(cls)
    props = []
    for f in dataclasses.fields(cls):
        if f.name in _REL_ENDPOINTS:
            continue
        py = hints[f.name]
        args = [a for a in typing.get_args(py) if a is not type(None)]
        if typing.get_origin(py) is list:
            lb = "STRING[]"
        else:
            lb = _LADYBUG_TYPES[args[0] if args else py]
        props.append(Prop(f.name, lb, bool(f.metadata.get("on_create"))))
    return tuple(props)


def type_name(cls: type[Node] | type[Rel]) -> str:
    """The label of a node type or the type of a relationship type."""
    return cls.LABEL if issubclass(cls, Node) else cls.TYPE


def _q(name: str) -> str:
    return f"`{name}`"


def ladybug_ddl() -> list[str]:
    """Idempotent table declarations, then columns added since a store was made."""
    stmts = []
    for n in NODE_TYPES:
        cols = ", ".join(
            f"{_q(p.name)} {p.ladybug_type}" + (" PRIMARY KEY" if p.name == "id" else "")
            for p in properties(n)
        )
        stmts.append(f"CREATE NODE TABLE IF NOT EXISTS {n.LABEL}({cols})")
    for r in REL_TYPES:
        cols = ", ".join(f"{_q(p.name)} {p.ladybug_type}" for p in properties(r))
        ends = f"FROM {r.START.LABEL} TO {r.END.LABEL}"
        stmts.append(f"CREATE REL TABLE IF NOT EXISTS {r.TYPE}({ends}, {cols})")
    for t in RECORD_TYPES:
        stmts += [
            f"ALTER TABLE {type_name(t)} ADD IF NOT EXISTS {_q(p.name)} {p.ladybug_type}"
            for p in properties(t)
            if p.name != "id"
        ]
    return stmts


def _neo4j_name(cls: type[Node] | type[Rel]) -> str:
    return f"{type_name(cls).lower()}_id"


def neo4j_names() -> list[str]:
    """The names of the constraints and indexes ``neo4j_ddl`` declares."""
    return [_neo4j_name(t) for t in RECORD_TYPES]


# A uniqueness constraint's index has the constraint's name.
NEO4J_SCHEMA_NAMES = "SHOW INDEXES YIELD name RETURN name"


def neo4j_ddl() -> list[str]:
    """Uniqueness constraints (nodes) and lookup indexes (relationship ids)."""
    stmts = [
        f"CREATE CONSTRAINT {_neo4j_name(n)} IF NOT EXISTS FOR (n:{n.LABEL}) REQUIRE n.id IS UNIQUE"
        for n in NODE_TYPES
    ]
    stmts += [
        f"CREATE INDEX {_neo4j_name(r)} IF NOT EXISTS FOR ()-[r:{r.TYPE}]-() ON (r.id)"
        for r in REL_TYPES
    ]
    return stmts


def _union(var: str, p: Prop, dialect: str) -> str:
    old, new = f"coalesce({var}.{_q(p.name)}, [])", f"row.{_q(p.name)}"
    if dialect == "ladybug":
        return f"{old}\n      + list_filter({new}, x -> NOT list_contains({old}, x))"
    return f"{old}\n      + [x IN {new} WHERE NOT x IN {old}]"


def _value(p: Prop, dialect: str) -> str:
    if dialect == "ladybug" and p.ladybug_type not in ("STRING", "STRING[]"):
        return f"CAST(row.{_q(p.name)} AS {p.ladybug_type})"
    return f"row.{_q(p.name)}"


def _assignments(var: str, cls: type[Node] | type[Rel], dialect: str, replace: bool) -> str:
    props = [p for p in properties(cls) if p.name != "id"]
    on_create = [f"{var}.{_q(p.name)} = []" for p in props if p.is_list]
    on_create += [f"{var}.{_q(p.name)} = {_value(p, dialect)}" for p in props if p.on_create]
    if replace:
        updates = [f"{var}.{_q(p.name)} = {_value(p, dialect)}" for p in props if not p.on_create]
    else:
        updates = [f"{var}.{_q(p.name)} = {_union(var, p, dialect)}" for p in props if p.is_list]
        updates += [
            f"{var}.{_q(p.name)} = coalesce({_value(p, dialect)}, {var}.{_q(p.name)})"
            for p in props
            if not p.is_list and not p.on_create
        ]
    sep = ",\n    "
    return f"ON CREATE SET {', '.join(on_create)}\nSET {sep.join(updates)}"


def upsert_statement(cls: type[Node] | type[Rel], dialect: str, *, replace: bool = False) -> str:
    """``UNWIND $rows`` upsert: MERGE on id, union list properties, keep old
    scalars where the new row has none, set ``on_create`` fields once. With
    ``replace``, the row's values replace the stored ones (the row is the whole
    truth about the record)."""
    if issubclass(cls, Node):
        head = f"UNWIND $rows AS row\nMERGE (n:{cls.LABEL} {{id: row.id}})"
        return f"{head}\n{_assignments('n', cls, dialect, replace)}"
    head = (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{cls.START.LABEL} {{id: row.from_id}}), (b:{cls.END.LABEL} {{id: row.to_id}})\n"
        f"MERGE (a)-[r:{cls.TYPE} {{id: row.id}}]->(b)"
    )
    return f"{head}\n{_assignments('r', cls, dialect, replace)}"


def ids_statement(cls: type[Node] | type[Rel]) -> str:
    """The ids of every record of one type (both dialects)."""
    if issubclass(cls, Node):
        return f"MATCH (n:{cls.LABEL}) RETURN n.id AS id"
    return f"MATCH (:{cls.START.LABEL})-[r:{cls.TYPE}]->(:{cls.END.LABEL}) RETURN r.id AS id"


def delete_statement(cls: type[Node] | type[Rel]) -> str:
    """Delete the records of one type whose id is in ``$ids`` (a node with its
    relationships; both dialects)."""
    if issubclass(cls, Node):
        return f"MATCH (n:{cls.LABEL}) WHERE n.id IN $ids DETACH DELETE n"
    return (
        f"MATCH (:{cls.START.LABEL})-[r:{cls.TYPE}]->(:{cls.END.LABEL}) WHERE r.id IN $ids DELETE r"
    )


def read_statement(cls: type[Node] | type[Rel]) -> str:
    """Every record of one type with all its properties, in id order (both dialects;
    a part of the graph: ``queries.answers.subgraph``)."""
    if issubclass(cls, Node):
        cols = ", ".join(f"n.{_q(p.name)} AS {_q(p.name)}" for p in properties(cls))
        return f"MATCH (n:{cls.LABEL}) RETURN {cols} ORDER BY `id`"
    cols = ", ".join(f"r.{_q(p.name)} AS {_q(p.name)}" for p in properties(cls))
    return (
        f"MATCH (a:{cls.START.LABEL})-[r:{cls.TYPE}]->(b:{cls.END.LABEL}) "
        f"RETURN a.id AS from_id, b.id AS to_id, {cols} ORDER BY `id`"
    )


def count_statement(cls: type[Node] | type[Rel]) -> str:
    if issubclass(cls, Node):
        return f"MATCH (n:{cls.LABEL}) RETURN count(n) AS n"
    return f"MATCH (:{cls.START.LABEL})-[r:{cls.TYPE}]->(:{cls.END.LABEL}) RETURN count(r) AS n"


def faults_statement(cls: type[Node] | type[Rel]) -> str:
    """What ``scholargraph check`` counts for one type (both dialects): ``unnamed``,
    records without an id, or edges with an end without one; ``repeated``, records
    whose id another of the type holds too; ``total``, every record of the type
    (for relationships, whatever their ends: more than ``count_statement`` counts
    are edges between nodes of other labels than the type joins)."""
    if issubclass(cls, Node):
        match, loose = f"MATCH (n:{cls.LABEL}) WITH n.id AS id, ", "0"
    else:
        match = f"MATCH (a)-[r:{cls.TYPE}]->(b) WITH r.id AS id, "
        loose = "sum(CASE WHEN a.id IS NULL OR b.id IS NULL THEN 1 ELSE 0 END)"
    return (
        f"{match}count(*) AS c, {loose} AS loose "
        "RETURN sum(CASE WHEN id IS NULL THEN c ELSE loose END) AS unnamed, "
        "sum(CASE WHEN id IS NOT NULL AND c > 1 THEN c ELSE 0 END) AS repeated, "
        "sum(c) AS total"
    )


def all_statements(dialect: str) -> list[str]:
    """Every generated statement of a dialect (for the parser checks)."""
    ddl = neo4j_ddl() if dialect == "neo4j" else ladybug_ddl()
    return (
        ddl
        + [upsert_statement(t, dialect, replace=r) for t in RECORD_TYPES for r in (False, True)]
        + [read_statement(t) for t in RECORD_TYPES]
        + [ids_statement(t) for t in RECORD_TYPES]
        + [delete_statement(t) for t in RECORD_TYPES]
        + [count_statement(t) for t in RECORD_TYPES]
        + [faults_statement(t) for t in RECORD_TYPES]
        + ([NEO4J_SCHEMA_NAMES] if dialect == "neo4j" else [])
    )
