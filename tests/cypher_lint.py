"""Neo4j's own Cypher parser, run offline through Node (tools/cypher-lint)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "cypher-lint"


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is required in CI to check Cypher with Neo4j's parser")
        pytest.skip("node is not installed: cannot run Neo4j's Cypher parser")
    if not (TOOL / "node_modules" / "@neo4j-cypher").exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=TOOL,
            check=True,
            capture_output=True,
        )
    return node


def neo4j_errors(queries: list[str]) -> list[list[str]]:
    """For each query, Neo4j 5's parser and semantic errors (empty when valid)."""
    proc = subprocess.run(
        [_node(), str(TOOL / "lint.mjs")],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[list[str]] = json.loads(proc.stdout)
    return result
