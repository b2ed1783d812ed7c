"""YAML with line numbers: every mapping remembers the line it starts on.

>>> doc = load("a: 1\\nb:\\n  - c: 2\\n")
>>> doc["b"][0].line, doc["b"][0]["c"]
(3, 2)
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


class _Loader(yaml.SafeLoader):
    pass


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
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(path, f"invalid YAML: {exc.problem or exc.context}", line=line) from exc
