"""The bulk path: ``export --format neo4j-import`` writes what Neo4j's own import tool
loads, with the command that loads it; the imported database answers as the store it
came from."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j_server import PASSWORD, USER, admin, running

from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.pipeline import EXAMPLES, ingest
from scholargraph.queries import run
from scholargraph.store.export import stats
from scholargraph.store.store import open_store

pytestmark = pytest.mark.neo4j


def import_command(folder: Path) -> list[str]:
    """The neo4j-admin arguments import.sh runs, for the database ``neo4j``."""
    script = (folder / "import.sh").read_text(encoding="utf-8")
    (line,) = [x for x in script.splitlines() if " exec neo4j-admin " in x]
    words = shlex.split(line.split(" exec ", 1)[1])
    assert words[:5] == ["neo4j-admin", "database", "import", "full", "$db"]
    assert words[-1] == "$@"
    return ["database", "import", "full", "neo4j", *words[5:-1]]


def test_an_export_round_trips_through_neo4j_admin_import(
    neo4j_target: Settings, tmp_path: Path, loopback: None
) -> None:
    embedded = Settings(store=str(tmp_path / "graph.lbug"))
    ingest(sorted(EXAMPLES.glob("*.yaml")), embedded)
    out = CliRunner().invoke(
        main,
        [
            "--store",
            embedded.store,
            "export",
            "--format",
            "neo4j-import",
            "-o",
            str(tmp_path / "csv"),
        ],
    )
    assert out.exit_code == 0, out.stderr

    done = admin(tmp_path / "home", *import_command(tmp_path / "csv"), cwd=tmp_path / "csv")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "IMPORT DONE" in done.stdout

    with running(tmp_path / "home") as server, open_store(embedded) as source:
        imported = Settings(store=server.uri, neo4j_user=USER, neo4j_password=PASSWORD)
        with open_store(imported) as target:
            assert stats(target) == stats(source)
            for name, args in [
                ("coauthors", {"person": "Xin Tan"}),
                ("lineage", {"person": "Hong Xu"}),
                ("shared-collaborators", {"person": "Yimin Jiang", "other": "Yibo Zhu"}),
            ]:
                assert run(target, name, **args).rows == run(source, name, **args).rows
            (person,) = target.query(
                "MATCH (p:Person {id: 'person:hong-xu'}) RETURN p.native_name AS native, "
                "p.aliases AS aliases, p.evidence AS evidence"
            )
            (original,) = source.query(
                "MATCH (p:Person {id: 'person:hong-xu'}) RETURN p.native_name AS native, "
                "p.aliases AS aliases, p.evidence AS evidence"
            )
            # lists split back; an empty one arrives absent (the import tool has no [])
            assert person == {k: v or None for k, v in original.items()}
            assert len(person["evidence"]) > 1 and original["aliases"] == []
