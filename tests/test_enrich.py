"""`scholargraph enrich` end to end: the CLI, pointed through its base URLs at a
replay server on 127.0.0.1 serving real OpenAlex records, finds the person's
author record, fills what the profile left open, keeps what it said, and can be
run again for free."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RECORDED, shared
from replay import Answer, Replay

from scholargraph.cli import main
from scholargraph.config import APIS, ApiSettings, Settings
from scholargraph.enrich import find_author, works_by_id
from scholargraph.enrich.apis import Arxiv, Dblp
from scholargraph.enrich.matching import Known, Paper
from scholargraph.store.export import to_networkx
from scholargraph.store.store import open_store

OA = "https://api.openalex.org"
TITLE = (
    "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles"
)
PROFILE = f"""\
person: {{name: Jason Priem}}
affiliations:
  - {{organization: OurResearch, role: co-founder}}
publications:
  - {{title: "{TITLE}", authors: [H. Piwowar, Jason Priem], authors_complete: false, year: 2017}}
"""
HOSTS = {
    "openalex": "api.openalex.org",
    "s2": "api.semanticscholar.org/graph/v1",
    "dblp": "dblp.org",
    "crossref": "api.crossref.org",
    "arxiv": "export.arxiv.org/api",
}


def serve_openalex(replay: Replay) -> None:
    """Priem's author record and works as OpenAlex has them (real entities; the
    search and works lists are pages assembled from them)."""
    folder = RECORDED / "openalex"
    priem = json.loads((folder / "author_A5023888391_jason_priem.json").read_text())
    deleted = json.loads((folder / "author_A5317838346_deleted.json").read_text())
    work = json.loads((folder / "work_W2741809807.json").read_text())
    replay.add("GET", f"{OA}/authors?search=Jason+Priem", json.dumps({"results": [priem, deleted]}))
    replay.add("GET", f"{OA}/authors/A5023888391", json.dumps(priem))
    page = {"meta": {"next_cursor": None}, "results": [work]}
    replay.add("GET", f"{OA}/works?filter=author.id:A5023888391&cursor=*", json.dumps(page))


@pytest.fixture
def world(replay: Replay, tmp_path: Path, settings: Settings) -> dict[str, str]:
    """Environment for the CLI: a store (of each kind), a cache, an enrichment folder,
    and every API's base URL on the replay server."""
    serve_openalex(replay)
    (tmp_path / "priem.yaml").write_text(PROFILE, encoding="utf-8")
    env = {f"SCHOLARGRAPH_{api.upper()}_URL": replay.base(host) for api, host in HOSTS.items()}
    env |= {f"SCHOLARGRAPH_{api.upper()}_RATE": "1000" for api in APIS}
    env |= {
        "SCHOLARGRAPH_STORE": settings.store,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
        "SCHOLARGRAPH_CACHE": str(tmp_path / "cache"),
        "SCHOLARGRAPH_MAILTO": "tests@example.org",
        "OPENALEX_API_KEY": "SECRET-KEY",
    }
    return env


def cli(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def enrich(env: dict[str, str], tmp_path: Path, *args: str) -> tuple[int, str]:
    return cli(env, "enrich", "--enriched", str(tmp_path / "enriched"), *args)


def graph(env: dict[str, str]) -> dict[str, dict[str, object]]:
    with open_store(Settings.from_env(env)) as store:
        g = to_networkx(store)
    return {str(n): d for n, d in g.nodes(data=True)}


def test_enrich_fills_gaps_keeps_the_profile_and_cites_the_api(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    assert cli(world, "ingest", str(tmp_path / "priem.yaml"))[0] == 0
    code, out = enrich(world, tmp_path)
    assert code == 0, out
    assert "1 authors matched, 1 papers found, 1 documents written" in out
    nodes = graph(world)
    priem = nodes["person:jason-priem"]
    assert priem["openalex_id"] == "A5023888391" and priem["orcid"] == "0000-0001-6187-6610"
    (paper,) = [d for d in nodes.values() if d["labels"] == ["Publication"]]
    assert paper["doi"] == "10.7717/peerj.4375" and str(paper["abstract"]).startswith("Despite")
    assert paper["year"] == 2017  # the profile's, kept ...
    assert paper["conflicts"] == [  # ... and the API's other answer recorded
        f"year: 2017 kept; {tmp_path / 'enriched' / 'openalex-jason-priem.yaml'}:"
        f"{paper_line(tmp_path)}: - from: openalex:W2741809807 (retrieved {today()}) says 2018"
    ]
    with open_store(Settings.from_env(world)) as store:
        g = to_networkx(store)
    order = {
        g.nodes[a]["name"]: d["position"]
        for a, _, d in g.edges(data=True)
        if d["type"] == "AUTHORED"
    }
    assert order["Jason Priem"] == 2 and order["Stefanie Haustein"] == 9  # the order OpenAlex gives
    people = sorted(str(d["name"]) for d in nodes.values() if d["labels"] == ["Person"])
    assert len(people) == 9 and "Heather Piwowar" in people and "H. Piwowar" not in people
    assert "OurResearch" in {d.get("name") for d in nodes.values()}
    assert any("openalex:W2741809807 (retrieved" in e for e in paper["evidence"])  # type: ignore[union-attr]
    code, out = cli(world, "query", "conflicts", "--format", "json")
    assert code == 0 and json.loads(out)[0]["kind"] == "Publication"
    assert not replay.misses[:0] and "SECRET-KEY" not in out


def paper_line(tmp_path: Path) -> int:
    text = (tmp_path / "enriched" / "openalex-jason-priem.yaml").read_text("utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if "from: openalex:W" in line)


def today() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).date().isoformat()


def test_a_rerun_continues_and_a_refresh_costs_no_requests(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    assert cli(world, "ingest", str(tmp_path / "priem.yaml"))[0] == 0
    assert enrich(world, tmp_path)[0] == 0
    sent = len(replay.seen)
    code, out = enrich(world, tmp_path)
    assert code == 0 and "0 requests" in out and "5 already done" in out
    assert len(replay.seen) == sent
    # refreshed, the paper's new DOI is looked up too; offline, everything is cached
    assert enrich(world, tmp_path, "--refresh", "--sources", "openalex")[0] == 0
    refreshed, sent = graph(world), len(replay.seen)
    code, out = enrich(world, tmp_path, "--refresh", "--offline", "--sources", "openalex")
    assert code == 0 and "enrich: 0 requests" in out, out
    assert len(replay.seen) == sent and graph(world) == refreshed
    # a later ingest of the profile reads the enrichment document again: nothing is lost
    assert cli(world, "ingest", str(tmp_path / "priem.yaml"))[0] == 0
    assert graph(world) == refreshed


def test_a_weak_match_is_left_for_review_until_the_user_accepts_it(
    world: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "priem.yaml").write_text(
        "person: {name: Jason Priem}\n"
        "affiliations: [{organization: OurResearch, role: co-founder}]\n"
        "publications: [{title: A Paper OpenAlex Does Not Have, authors: [Jason Priem]}]\n",
        encoding="utf-8",
    )
    assert cli(world, "ingest", str(tmp_path / "priem.yaml"))[0] == 0
    code, out = enrich(world, tmp_path, "--sources", "openalex")
    assert code == 0 and "0 authors matched" in out
    assert "review: Jason Priem: openalex:A5023888391 0.48: same full name" in out
    assert "openalex_id" not in graph(world)["person:jason-priem"]
    code, out = enrich(world, tmp_path, "--sources", "openalex")
    assert "review: Jason Priem: openalex:A5023888391" in out  # still listed on a re-run
    code, out = cli(
        world, "review", str(tmp_path / "priem.yaml"), "--enriched", str(tmp_path / "enriched")
    )
    assert "0.48  uncertain author record: person:jason-priem = openalex:A5023888391" in out
    assert "scholargraph enrich --person person:jason-priem --accept openalex:A5023888391" in out
    code, out = enrich(
        world,
        tmp_path,
        "--sources",
        "openalex",
        "--person",
        "Jason Priem",
        "--accept",
        "openalex:A5023888391",
    )
    assert code == 0 and "1 authors matched" in out, out
    assert graph(world)["person:jason-priem"]["openalex_id"] == "A5023888391"


def test_an_api_that_keeps_failing_is_reported_and_retried_next_run(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    assert cli(world, "ingest", str(tmp_path / "priem.yaml"))[0] == 0
    replay.script("/api.openalex.org/authors", *[Answer(503, headers={"Retry-After": "0"})] * 5)
    code, out = enrich(world, tmp_path, "--sources", "openalex")
    assert code == 1 and "error: Jason Priem: openalex:" in out and "HTTP 503 after 5 tries" in out
    code, out = enrich(world, tmp_path, "--sources", "openalex")
    assert code == 0 and "1 authors matched" in out


def test_a_dblp_pid_in_the_graph_is_taken_and_judged_on_the_papers(
    replay: Replay, api_settings: ApiSettings
) -> None:
    xml = shared("fixtures/api/dblp/person_95-7448-1_Di_Xu_0001.xml")
    replay.add_file("https://dblp.org/pid/95/7448-1.xml", xml)
    known = Known(
        id="person:di-xu",
        name="Di Xu",
        external={"dblp": "95/7448-1"},
        coauthors=["Panos Nasiopoulos"],
        papers=[Paper(id="w1", title="Automatic Stereoscopic 3D Video Reframing", year=2012)],
    )
    match = find_author(Dblp.from_settings(api_settings), known)
    assert match is not None and match.accepted and match.author.id == "95/7448-1"
    assert match.evidence[:2] == ["id from the graph", "same full name (Di Xu)"]
    assert "co-authors Panos Nasiopoulos" in match.evidence
    ((paper, work),) = match.works
    assert paper.id == "w1" and work.doi == "10.1109/3dtv.2012.6365428"


def test_papers_are_looked_up_on_arxiv_by_id(replay: Replay, api_settings: ApiSettings) -> None:
    for recording in sorted((RECORDED / "arxiv" / "recorded_json").glob("*.json")):
        replay.add_recorded_json(recording)
    papers = [
        Paper(id="w1", title="?", arxiv="1707.08567"),
        Paper(id="w2", title="?", doi="10.1/x"),
    ]
    found = works_by_id(Arxiv.from_settings(api_settings), papers)
    assert list(found) == ["w1"] and found["w1"].authors and not replay.misses
