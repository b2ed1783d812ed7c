"""The named queries: one ``NAME.cypher`` file each, in Neo4j 5 Cypher.

A file starts with its documentation as ``//`` comments: what it answers, then one
``// param NAME: TYPE [= DEFAULT] - meaning`` line per parameter, and optionally
``// sort: col, col`` (for UNION queries, whose order Cypher leaves open),
``// lists: col, col+col`` (columns holding a ``collect()``, whose order Cypher also
leaves open: ``run`` sorts each, and a ``+`` group as parallel lists by its first) and
``// draw: TYPE, TYPE`` (the relationship types its rendered page shows) and
``// layout: hierarchical`` (its page drawn top-down). Where
LadybugDB's dialect differs (list comprehensions, ``relationships()``,
``allShortestPaths``), ``NAME.ladybug.cypher`` holds the smallest override.

Files named ``_NAME.cypher`` are the library's own helpers (resolving names),
not listed for users.

Parameter types: ``person`` (a name, alias, native-script name or id, resolved to
one person), ``group`` (an organization, or an advisor and their students,
resolved to person ids), ``topic`` (words naming a topic, resolved to topic ids
by the vocabulary and by topic names), ``int`` and ``text``.

>>> q = QUERIES["shared-collaborators"]
>>> [(p.name, p.type, p.default) for p in q.params]
[('person', 'person', None), ('other', 'person', None), ('limit', 'int', 50)]
>>> "allShortestPaths" in QUERIES["connection"].text("neo4j")
True
>>> "ALL SHORTEST" in QUERIES["connection"].text("ladybug")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

PARAM_TYPES = ("person", "group", "topic", "int", "text")
_PARAM = re.compile(r"^param (?P<name>\w+): (?P<type>\w+)(?: = (?P<default>\S+))? - (?P<help>.+)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    help: str
    default: int | str | None = None


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    params: tuple[Param, ...]
    texts: dict[str, str] = field(default_factory=dict)  # dialect -> Cypher
    sort: tuple[str, ...] = ()
    lists: tuple[tuple[str, ...], ...] = ()  # collected columns; a group sorts together
    draw: tuple[str, ...] = ()  # relationship types its page draws (all when empty)
    layout: str = ""  # "hierarchical": its page is drawn top-down (advisor above student)

    def text(self, dialect: str) -> str:
        """The Cypher to run on a store of this dialect (the Neo4j text unless
        an override exists)."""
        return self.texts.get(dialect, self.texts["neo4j"])

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse(name: str, text: str, overrides: dict[str, str] | None = None) -> Query:
    """A Query from a ``.cypher`` file's text; a file without a description or
    with an undocumented ``$parameter`` is an error."""
    doc: list[str] = []
    params: list[Param] = []
    sort: tuple[str, ...] = ()
    lists: tuple[tuple[str, ...], ...] = ()
    draw: tuple[str, ...] = ()
    layout = ""
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("//") and not body:
            comment = line[2:].strip()
            if m := _PARAM.match(comment):
                if m.group("type") not in PARAM_TYPES:
                    raise ValueError(f"{name}: parameter type {m.group('type')!r} unknown")
                default: int | str | None = m.group("default")
                if default is not None and m.group("type") == "int":
                    default = int(default)
                params.append(Param(m.group("name"), m.group("type"), m.group("help"), default))
            elif comment.startswith("sort:"):
                sort = tuple(c.strip() for c in comment[5:].split(","))
            elif comment.startswith("lists:"):
                lists = tuple(
                    tuple(c.strip() for c in group.split("+")) for group in comment[6:].split(",")
                )
            elif comment.startswith("draw:"):
                draw = tuple(c.strip() for c in comment[5:].split(","))
            elif comment.startswith("layout:"):
                layout = comment[7:].strip()
            elif not params:
                doc.append(comment)
        elif line.strip() and not line.startswith("//"):
            body.append(line)
    cypher = "\n".join(body)
    texts = {"neo4j": cypher, **(overrides or {})}
    used = {u for t in texts.values() for u in re.findall(r"\$(\w+)", t)}
    documented = {p.name for p in params}
    if not doc or used != documented:
        raise ValueError(
            f"{name}: needs a description and one '// param' line per parameter "
            f"(used {sorted(used)}, documented {sorted(documented)})"
        )
    return Query(name, " ".join(doc), tuple(params), texts, sort, lists, draw, layout)


def load() -> dict[str, Query]:
    """Every query shipped in ``scholargraph/queries/cypher``."""
    folder = resources.files("scholargraph.queries") / "cypher"
    files = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir()}
    out = {}
    for fname, text in sorted(files.items()):
        if fname.count(".") != 1 or not fname.endswith(".cypher"):
            continue
        name = fname.removesuffix(".cypher")
        overrides = {
            f.split(".")[1]: "\n".join(
                ln for ln in t.splitlines() if ln.strip() and not ln.startswith("//")
            )
            for f, t in files.items()
            if f.startswith(f"{name}.") and f.count(".") == 2
        }
        out[name] = parse(name, text, overrides)
    return out


QUERIES = load()
