"""The folder tree is the pipeline: each stage imports only from the stages below it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scholargraph"
# Lowest first. A module may import from its own stage and any stage before it.
STAGES = (
    ("core", ("errors", "ids", "config", "records", "http")),
    ("normalize", ("normalize",)),
    ("parse", ("parse",)),
    ("resolve", ("resolve",)),
    ("topics", ("topics",)),
    ("store", ("store",)),
    ("queries", ("queries",)),
    ("render", ("render",)),
    ("serve", ("serve",)),
    ("enrich", ("enrich",)),
    ("bench", ("bench",)),
    ("face", ("pipeline", "evaluate", "api", "cli", "__init__", "__main__")),
)
RANK = {top: rank for rank, (_, tops) in enumerate(STAGES) for top in tops}


def _rank(module: str) -> int:
    top = module.split(".")[1] if module.count(".") else "__init__"
    return RANK[top]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names]
            found |= {n for n in names if n.startswith("scholargraph.")} or {node.module}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m.startswith("scholargraph.")}


def test_every_module_belongs_to_a_stage() -> None:
    unplaced = [
        p.name
        for p in PACKAGE.rglob("*.py")
        if _module(p).count(".") and _module(p).split(".")[1] not in RANK
    ]
    assert unplaced == []


def test_no_module_imports_from_a_stage_above_its_own() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module(path)
        for target in sorted(_imports(path)):
            if target.split(".")[1] in RANK and _rank(target) > _rank(here):
                upward.append(f"{here} -> {target}")
    assert upward == []
