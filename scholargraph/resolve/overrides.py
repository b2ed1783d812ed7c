"""Human decisions on identity, kept in a small YAML file and applied on every ingest.

A reference names a person as some document writes them, optionally narrowed to
one file (``Name @ file``; the file is matched by name or path suffix)::

    same_as:
      - [Jianpeng Qi, 齐建鹏]
    not_same_as:
      - [Rui Wang @ papers.bib, Rui Wang @ cv.yml]

>>> o = parse_overrides("same_as:\\n  - [Jianpeng Qi, 齐建鹏]\\n", "o.yaml")
>>> rule = o.rules[0]
>>> rule.same, rule.line, rule.a.matches(["Jianpeng Qi"], "x/papers.bib")
(True, 2, True)
>>> parse_ref("Rui Wang @ papers.bib", "o.yaml", 3).matches(["rui wang"], "cv.yml")
False
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from scholargraph.config import DEFAULT_OVERRIDES, Settings
from scholargraph.errors import InputError
from scholargraph.ids import fold

KEYS = {"same_as": True, "not_same_as": False}
EXAMPLE = (
    "same_as:\n  - [Jianpeng Qi, 齐建鹏]\nnot_same_as:\n  - [Rui Wang @ a.bib, Rui Wang @ b.bib]"
)


@dataclass(frozen=True)
class Ref:
    """A person as some document writes them (``name``), optionally in one ``file``."""

    written: str
    name: str
    file: str | None

    def matches(self, names: Iterable[str], path: str) -> bool:
        if self.file is not None and not (path == self.file or path.endswith("/" + self.file)):
            return False
        return any(" ".join(fold(n).split()) == self.name for n in names)


@dataclass(frozen=True)
class Rule:
    a: Ref
    b: Ref
    same: bool
    path: str
    line: int

    def __str__(self) -> str:
        verb = "same_as" if self.same else "not_same_as"
        return f"{verb} [{self.a.written}, {self.b.written}]"


@dataclass(frozen=True)
class Overrides:
    path: str
    rules: tuple[Rule, ...] = ()


def parse_ref(text: str, path: str, line: int) -> Ref:
    name, _, file = text.partition(" @ ")
    name = " ".join(fold(name).split())
    if not name:
        raise InputError(path, f"empty person reference {text!r}", line=line, hint=EXAMPLE)
    return Ref(text.strip(), name, file.strip() or None)


def parse_overrides(text: str, path: str) -> Overrides:
    """Rules from the YAML ``text`` of ``path``; anything else is an InputError with its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(
            path, f"invalid YAML: {exc.problem}", line=mark.line + 1 if mark else None
        ) from exc
    if root is None:
        return Overrides(path)
    if not isinstance(root, yaml.MappingNode):
        raise InputError(path, "expected same_as: and not_same_as: lists", line=1, hint=EXAMPLE)
    rules = []
    for key, value in root.value:
        line = key.start_mark.line + 1
        if key.value not in KEYS:
            raise InputError(path, f"unknown key {key.value!r}", line=line, hint=EXAMPLE)
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.SequenceNode):
            raise InputError(path, f"{key.value} must be a list of pairs", line=line, hint=EXAMPLE)
        for item in value.value:
            line = item.start_mark.line + 1
            pair = item.value if isinstance(item, yaml.SequenceNode) else []
            if len(pair) != 2 or not all(isinstance(p, yaml.ScalarNode) for p in pair):
                raise InputError(path, "expected a pair [name, name]", line=line, hint=EXAMPLE)
            a, b = (parse_ref(str(p.value), path, line) for p in pair)
            rules.append(Rule(a, b, KEYS[key.value], path, line))
    return Overrides(path, tuple(rules))


def load_overrides(path: str | Path) -> Overrides:
    shown = Path(path).as_posix()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(shown, "no such overrides file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(shown, f"cannot be read: {exc}") from exc
    return parse_overrides(text, shown)


def overrides_of(settings: Settings) -> Overrides | None:
    """The rules of the overrides file ``settings`` name; None when the default file
    does not exist (a file named explicitly must exist)."""
    if settings.overrides == DEFAULT_OVERRIDES and not Path(settings.overrides).exists():
        return None
    return load_overrides(settings.overrides)
