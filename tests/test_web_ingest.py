"""A page given by URL is fetched politely through the project's HTTP session (from a
local server here), read like a saved page, and its facts cite the URL."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from replay import Replay

from scholargraph.cli import main
from scholargraph.store.export import to_networkx
from scholargraph.store.ladybug_store import LadybugStore

PAGE = """<html><body>
<h1>Jane Roe</h1>
<p>I am a PhD student at Example University, advised by Prof. Alan Turing.</p>
<h2>Publications</h2>
<ul>
<li><b>Jane Roe</b>, Ada Lovelace. <i>Sparse Graphs for Everyone</i>. NeurIPS 2023.</li>
</ul>
</body></html>
"""


def env(tmp_path: Path) -> dict[str, str]:
    return {
        "SCHOLARGRAPH_STORE": str(tmp_path / "g"),
        "SCHOLARGRAPH_CACHE": str(tmp_path / "cache"),
        "SCHOLARGRAPH_MAILTO": "tests@example.org",
    }


def test_a_page_given_by_url_is_read_and_cited_by_its_url_and_fetched_once(
    replay: Replay, tmp_path: Path
) -> None:
    replay.add("GET", "https://jane.example.org/~jane/", PAGE)
    url = replay.base("jane.example.org") + "/~jane/"
    result = CliRunner().invoke(main, ["ingest", url], env=env(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 file(s), ") and "0 file(s) failed" in result.stdout
    with LadybugStore(str(tmp_path / "g")) as store:
        g = to_networkx(store)
    (paper,) = [d for _, d in g.nodes(data=True) if d["labels"] == ["Publication"]]
    assert paper["title"] == "Sparse Graphs for Everyone"
    assert all(e.startswith(f"{url}:") for e in paper["evidence"])
    (source,) = [d for _, d in g.nodes(data=True) if d["labels"] == ["Source"]]
    assert source["path"] == url
    assert any(d.get("type") == "ADVISED" for *_, d in g.edges(data=True))
    assert "tests@example.org" in replay.headers[0]["User-Agent"]
    sent = len(replay.seen)
    assert CliRunner().invoke(main, ["ingest", url], env=env(tmp_path)).exit_code == 0
    assert len(replay.seen) == sent  # answered from the cache


def test_a_page_that_is_not_there_is_one_line_naming_the_url(
    replay: Replay, tmp_path: Path
) -> None:
    url = replay.base("jane.example.org") + "/missing.html"
    result = CliRunner().invoke(main, ["ingest", url], env=env(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {url}: not found (HTTP 404)"
