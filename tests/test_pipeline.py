"""The pipeline module loads what an ingest needs, and the rest when a command asks;
the documents it parsed are handed to resolution, not copied there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scholargraph.parse import read_files
from scholargraph.records import Organization, Publication, as_row
from scholargraph.resolve import resolve

LATER = ("scholargraph.enrich", "scholargraph.queries", "scholargraph.render")


def test_importing_the_pipeline_leaves_enrich_queries_render_and_export_unloaded() -> None:
    code = "import sys, scholargraph.pipeline; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "scholargraph.resolve" in loaded and "scholargraph.store.sync" in loaded
    later = {m for m in loaded if m.startswith(LATER) or m == "scholargraph.store.export"}
    assert later == set() and not {"pyvis", "igraph"} & loaded


def test_resolving_handed_over_documents_gives_what_copying_them_gives(tmp_path: Path) -> None:
    # one paper (one DOI) titled two ways, by people two files write differently
    paper = "{{title: {}, doi: 10.1145/3600006.3613139, year: 2020, authors: [{}]}}"
    texts = {
        "a.yaml": ("Ann Lee", paper.format("Fast Graph Layouts", "Ann Lee, Bo Wu")),
        "b.yaml": ("Bo Wu", paper.format("Fast graph layouts at scale", "A. Lee, Bo Wu")),
    }
    for name, (owner, pub) in texts.items():
        text = f"person: {{name: {owner}}}\naffiliations: [{{organization: MIT}}]\n"
        text += f"publications: [{pub}]\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = sorted(tmp_path.glob("*.yaml"))
    copying = resolve(read_files(paths)[0]).records
    taking = resolve(read_files(paths)[0], handed_over=True).records
    assert [as_row(r) for r in taking] == [as_row(r) for r in copying]
    assert len(copying.of(Publication)) == 1 and copying.of(Organization)
