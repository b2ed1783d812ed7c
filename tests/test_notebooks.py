"""The notebooks run top to bottom (nbclient, a real kernel) against each store, and
show what they promise."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from scholargraph.config import Settings

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(name: str, folder: Path) -> str:
    """Run a notebook in ``folder``; all its text outputs, joined."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", ""))
            texts += [str(v) for v in out.get("data", {}).values()]
    return "\n".join(texts)


def use_store(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel's environment names the store (the embedded one by default)."""
    if settings.is_bolt:
        monkeypatch.setenv("SCHOLARGRAPH_STORE", settings.store)
        monkeypatch.setenv("NEO4J_AUTH", f"{settings.neo4j_user}/{settings.neo4j_password}")
    else:
        monkeypatch.delenv("SCHOLARGRAPH_STORE", raising=False)


def test_exploration_notebook_answers_and_draws_inline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings, socket_enabled: None
) -> None:
    use_store(settings, monkeypatch)
    out = execute("explore.ipynb", tmp_path)
    assert "Person 105" in out  # the examples' graph was built
    assert "Kaiwen Chen" in out and "Xin Tan" in out  # query tables printed
    assert out.count("<iframe srcdoc=") == 2  # two answers drawn inline
    assert "LLM serving" in out  # the topic clusters


def test_neo4j_notebook_runs_on_neo4j_and_on_the_embedded_store_without_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings, socket_enabled: None
) -> None:
    use_store(settings, monkeypatch)
    out = execute("neo4j.ipynb", tmp_path)
    kind = "neo4j" if settings.is_bolt else "ladybug"
    assert f"{kind} store" in out and "MATCH (:Person {id: $person})" in out
