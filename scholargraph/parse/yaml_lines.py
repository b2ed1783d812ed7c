"""YAML with line numbers: every mapping remembers the line it starts on.

>>> doc = load("a: 1\\nb:\\n  - c: 2\\n")
>>> doc["b"][0].line, doc["b"][0]["c"]
(3, 2)

Hostile YAML is refused before it is built: nesting deeper than ``MAX_DEPTH``, and
aliases that would expand the document by more than ``MAX_EXPANSION`` values (the
"billion laughs", a few lines that become gigabytes once walked) or into itself.

>>> levels = [f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]" for i in range(1, 12)]
>>> try:
...     load("\\n".join(["l0: &l0 lol", *levels]), "b.yml")
... except InputError as exc:
...     print(exc.one_line())
b.yml:1: invalid YAML: its shared parts expand it to more than 1000000 values
"""

from __future__ import annotations

from typing import Any

import yaml

from scholargraph.errors import InputError


class LineDict(dict[str, Any]):
    """A mapping from YAML, with ``line`` = its 1-based first line and the line
    of each key (``line_of``)."""

    line: int = 0
    key_lines: dict[str, int] = {}  # noqa: RUF012 - replaced per instance on load

    def line_of(self, key: str) -> int:
        """The line ``key`` is on (the mapping's first line when it is absent)."""
        return self.key_lines.get(key, self.line)


MAX_DEPTH = 100  # mappings and lists inside each other
MAX_EXPANSION = 1_000_000  # values aliases may add to a document


class _Loader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_DEPTH} levels", mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def tree_problem(data: Any) -> str | None:
    """Why the tree ``data`` is too large or too deep to walk, or None: mappings and
    lists, a part shared through YAML aliases or JavaScript references counted each
    time it appears, as a walk meets it (each distinct part is visited once here)."""
    sizes: dict[int, tuple[int, int]] = {}  # node -> (values, depth) once expanded
    entered: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        kids = list(node.values()) if isinstance(node, dict) else node
        kids = kids if isinstance(kids, list) else []
        if done:
            sub = [sizes[id(k)] for k in kids]
            sizes[id(node)] = (1 + sum(n for n, _ in sub), 1 + max((d for _, d in sub), default=0))
        elif id(node) not in sizes:
            if id(node) in entered:
                return "a part of it contains itself"
            entered.add(id(node))
            stack += [(node, True), *((k, False) for k in kids)]
    values, depth = sizes[id(data)]
    if values > len(sizes) + MAX_EXPANSION:
        return f"its shared parts expand it to more than {MAX_EXPANSION} values"
    return f"its shared parts nest it deeper than {MAX_DEPTH} levels" if depth > MAX_DEPTH else None


def scalar_text(value: Any) -> str | None:
    """A value where text goes, as text: None when it is absent, blank, or a list or
    mapping (whose Python form would be stored as if someone had written it).

    >>> scalar_text(" Ann "), scalar_text(2020), scalar_text(["Ann"]), scalar_text({"a": 1})
    ('Ann', '2020', None, None)
    """
    if value is None or isinstance(value, list | dict):
        return None
    return str(value).strip() or None


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    out = LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    out.line = node.start_mark.line + 1
    out.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings: "2024-09" and "2024-09-01" mean what the author wrote.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str, path: str = "<string>") -> Any:
    """Parse ``text``; a syntax error is an InputError with the line it is on."""
    try:
        loader = _Loader(text)  # a SafeLoader subclass: no arbitrary objects
    except yaml.reader.ReaderError as exc:  # a character YAML never allows (a C1 control)
        why = f"invalid YAML: character U+{exc.character:04X} is not allowed"
        raise InputError(path, why, line=text.count("\n", 0, exc.position) + 1) from exc
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(path, f"invalid YAML: {exc.problem or exc.context}", line=line) from exc
    finally:
        loader.dispose()
    if problem := tree_problem(data):
        raise InputError(path, f"invalid YAML: {problem}", line=1)
    return data
