"""The pipeline module loads what an ingest needs, and the rest when a command asks."""

from __future__ import annotations

import subprocess
import sys

LATER = ("scholargraph.enrich", "scholargraph.queries", "scholargraph.render")


def test_importing_the_pipeline_leaves_enrich_queries_render_and_export_unloaded() -> None:
    code = "import sys, scholargraph.pipeline; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "scholargraph.resolve" in loaded and "scholargraph.store.sync" in loaded
    later = {m for m in loaded if m.startswith(LATER) or m == "scholargraph.store.export"}
    assert later == set() and not {"pyvis", "igraph"} & loaded
