"""`scholargraph enrich` end to end: the CLI, pointed through its base URLs at a
replay server on 127.0.0.1 serving real OpenAlex records, finds the person's
author record, fills what the profile left open, keeps what it said, and can be
run again for free."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import RECORDED, shared
from replay import Answer, Replay

from scholargraph.cli import main
from scholargraph.config import APIS, ApiSettings, Settings
from scholargraph.enrich import find_author, works_by_id
from scholargraph.enrich.apis import Arxiv, Dblp
from scholargraph.enrich.matching import Known, Paper
from scholargraph.pipeline import EXAMPLES
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


# -- a person known only by initials: one node, re-runs for free, one venue a paper --

WANG = """\
person: {name: X. Wang}
affiliations: [{organization: Simon Fraser University, role: PhD student}]
publications:
  - {title: "Smart Initial Basis Selection for Linear Programs",
     authors: [Z. Fan, X. Wang, O. Yakovenko], venue: ICML, year: 2023}
  - {title: "Efficiently Serving Large Multimodal Models Using EPD Disaggregation",
     authors: [G. Singh, X. Wang, Y. Hu], venue: ICML, year: 2025, arxiv: "2501.05460"}
  - {title: "Towards Human-aligned Evaluation for Linear Programming Word Problems",
     authors: [L. Xing, X. Wang, Y. Feng], venue: COLING, year: 2024}
"""
S2 = "https://api.semanticscholar.org/graph/v1"
# (OpenAlex id, title, year, DOI, venue as OpenAlex names it, authors)
ICML, COLING = (
    "International Conference on Machine Learning",
    "International Conference on Computational Linguistics",
)
WANG_WORKS = [
    ("W1", "Smart Initial Basis Selection for Linear Programs", 2023, "10.5555/icml.2023.1",
     ICML, ["Zhenan Fan", "Xinglu Wang", "Oleksandr Yakovenko"]),
    ("W2", "Efficiently Serving Large Multimodal Models Using EPD Disaggregation", 2025, None,
     "arXiv (Cornell University)", ["Gursimran Singh", "Xinglu Wang", "Yifan Hu"]),
    ("W3", "Towards Human-aligned Evaluation for Linear Programming Word Problems", 2024, None,
     COLING, ["Linzi Xing", "Xinglu Wang", "Yuxi Feng"]),
]  # fmt: skip


def openalex_work(wid: str, title: str, year: int, doi: str | None, venue: str,
                  authors: list[str], owner: str = "A100", owner_name: str = "Xinglu Wang",
                  arxiv: str | None = None) -> dict[str, object]:  # fmt: skip
    """A work as OpenAlex answers it; ``owner_name`` carries the author id ``owner``."""
    landing = f"https://arxiv.org/abs/{arxiv}" if arxiv else None
    return {
        "id": f"https://openalex.org/{wid}",
        "doi": f"https://doi.org/{doi}" if doi else None,
        "title": title,
        "publication_year": year,
        "primary_location": {"source": {"display_name": venue}, "landing_page_url": landing},
        "authorships": [
            {
                "raw_author_name": name,
                "author": {
                    "id": f"https://openalex.org/{owner if name == owner_name else 'A9' + str(n)}"
                },
            }
            for n, name in enumerate(authors)
        ],
    }


def serve_wang(replay: Replay) -> None:
    """OpenAlex and Semantic Scholar as they know the owner (full name Xinglu Wang),
    and a look-alike Xiao Wang with other works; DBLP, Crossref and arXiv know nothing."""
    xinglu = {"id": "https://openalex.org/A100", "display_name": "Xinglu Wang", "works_count": 3}
    xiao = {"id": "https://openalex.org/A200", "display_name": "Xiao Wang", "works_count": 1}
    replay.add("GET", f"{OA}/authors?search=X.+Wang", json.dumps({"results": [xiao, xinglu]}))
    replay.add("GET", f"{OA}/authors/A100", json.dumps(xinglu))
    replay.add("GET", f"{OA}/authors/A200", json.dumps(xiao))
    works = [openalex_work(*w) for w in WANG_WORKS]
    other = openalex_work(
        "W9", "Quantum Dots in Tissue", 2020, None, "Nature", ["Xiao Wang"], "A200", "Xiao Wang"
    )
    for author, found in (("A100", works), ("A200", [other])):
        page = {"meta": {"next_cursor": None}, "results": found}
        replay.add("GET", f"{OA}/works?filter=author.id:{author}&cursor=*", json.dumps(page))
    s2_author = {"authorId": "S100", "name": "Xinglu Wang", "paperCount": 3}
    replay.add(
        "GET", f"{S2}/author/search?query=X.+Wang&offset=0", json.dumps({"data": [s2_author]})
    )
    replay.add("GET", f"{S2}/author/S100", json.dumps(s2_author))
    papers = [
        {
            "paperId": f"P{n}",
            "title": title,
            "year": year,
            "venue": "ICML" if "Machine" in venue else "ArXiv" if "arXiv" in venue else venue,
            "externalIds": {"ArXiv": "2501.05460"} if n == 2 else {},
            "authors": [{"authorId": "S100" if "Wang" in a else None, "name": a} for a in authors],
        }
        for n, (_, title, year, _, venue, authors) in enumerate(WANG_WORKS, start=1)
    ]
    replay.add("GET", f"{S2}/author/S100/papers?offset=0", json.dumps({"data": papers}))


def wang_world(world: dict[str, str], replay: Replay, tmp_path: Path) -> None:
    serve_wang(replay)
    (tmp_path / "wang.yaml").write_text(WANG, encoding="utf-8")
    assert cli(world, "ingest", str(tmp_path / "wang.yaml"))[0] == 0


def test_an_owner_known_by_initials_becomes_one_node_with_every_api_id(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    wang_world(world, replay, tmp_path)
    code, out = enrich(world, tmp_path)
    assert code == 0, out
    with open_store(Settings.from_env(world)) as store:
        g = to_networkx(store)
    wangs = [
        d for _, d in g.nodes(data=True)
        if d["labels"] == ["Person"] and "X. Wang" in [d["name"], *d["aliases"]]
    ]  # fmt: skip
    (wang,) = wangs
    assert wang["name"] == "Xinglu Wang" and "X. Wang" in wang["aliases"]
    assert wang["openalex_id"] == "A100" and wang["s2_id"] == "S100"
    papers = [t for _, t, d in g.out_edges(wang["id"], data=True) if d["type"] == "AUTHORED"]
    assert len(papers) == 3
    names = {d["name"] for _, d in g.nodes(data=True) if d["labels"] == ["Person"]}
    assert "Xiao Wang" not in names  # the look-alike stays out
    (document,) = (tmp_path / "enriched").glob("openalex-x-wang-*.yaml")  # named as first met
    assert "aliases:\n  - Xinglu Wang\n  openalex_id: A100" in document.read_text("utf-8")


def test_api_venue_names_join_the_profile_venue_and_arxiv_is_no_second_venue(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    wang_world(world, replay, tmp_path)
    assert enrich(world, tmp_path)[0] == 0
    with open_store(Settings.from_env(world)) as store:
        g = to_networkx(store)
    venues = {n: d for n, d in g.nodes(data=True) if d["labels"] == ["Venue"]}
    assert sorted(d["name"] for d in venues.values()) == ["COLING", "ICML"]
    assert {d["name"]: d["full_name"] for d in venues.values()} == {"ICML": ICML, "COLING": COLING}
    for paper, data in g.nodes(data=True):
        if data["labels"] == ["Publication"]:
            published = [
                t for _, t, d in g.out_edges(paper, data=True) if d["type"] == "PUBLISHED_IN"
            ]
            assert len(published) == 1, data["title"]


def test_a_rerun_and_a_refresh_after_a_renaming_send_no_requests(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    wang_world(world, replay, tmp_path)
    assert enrich(world, tmp_path)[0] == 0
    first, before = len(replay.seen), graph(world)
    assert "person:xinglu-wang" in before  # renamed by the first run
    code, out = enrich(world, tmp_path)
    assert code == 0 and "enrich: 0 requests" in out and "5 already done" in out, out
    code, out = enrich(world, tmp_path, "--refresh")
    assert code == 0 and "enrich: 0 requests" in out, out
    assert len(replay.seen) == first
    after = graph(world)  # the documents are written anew (their Sources), nothing else is
    assert {n for n in after if not n.startswith("src:")} == {
        n for n in before if not n.startswith("src:")
    }


def test_without_a_network_enrich_stops_at_once_with_one_line_on_stderr(
    world: dict[str, str], tmp_path: Path, loopback: None
) -> None:
    assert cli(world, "ingest", str(tmp_path / "priem.yaml"))[0] == 0
    with socket.socket() as s:  # a port of 127.0.0.1 nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    offline = world | {f"SCHOLARGRAPH_{api.upper()}_URL": closed for api in APIS}
    result = CliRunner().invoke(main, ["enrich", "--enriched", str(tmp_path / "e")], env=offline)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    # DBLP, OpenAlex and S2 are asked for the person (the profile gives no paper ids)
    assert line.startswith("error: no connection to 3 APIs: openalex: cannot connect to 127.0.0.1:")
    assert "connection refused" in line and "--offline" in line
    assert "0 retries" in result.stdout and " 1 retries" not in result.stdout
    code, out = enrich(world, tmp_path)  # nothing was marked done: with a network, it runs
    assert code == 0 and "1 authors matched" in out


# -- the seed known only as X. Wang, end to end against APIs that know him well --

SEED = "x-wang-sfu.yaml"
FULL_NAMES = {  # co-authors as the APIs spell them
    "X. Wang": "Xinglu Wang",
    "Z. Fan": "Zhenan Fan",
    "Y. Zhang": "Yong Zhang",
    "Z. Zhou": "Zirui Zhou",
    "J. Pei": "Jian Pei",
    "L. Xing": "Linzi Xing",
    "Y. Li": "Yingming Li",
    "G. Singh": "Gursimran Singh",
}
OPENALEX_VENUES = {  # the profile's venue -> OpenAlex's name of where the work is
    "arXiv": "arXiv (Cornell University)",
    "ICML": ICML,
    "EJOR": "European Journal of Operational Research",
    "TechRxiv": "TechRxiv",
    "COLING": COLING,
    "ICLR": "International Conference on Learning Representations",
    "ICCV": "2023 IEEE/CVF International Conference on Computer Vision (ICCV)",
    "Neurocomputing": "Neurocomputing",
    "AAAI": "Proceedings of the AAAI Conference on Artificial Intelligence",
    "ICIP": "2021 IEEE International Conference on Image Processing (ICIP)",
}
S2_VENUES = {"arXiv": "arXiv.org", "ICCV": "IEEE International Conference on Computer Vision"}
EPD = "Efficiently serving large multimodal models using EPD disaggregation"
PLANTED = "Objects matter: Learning object relation graph for robust absolute pose regression"
SURVEY = "LLM inference scheduling: A survey of techniques, frameworks, and trade-offs"


def seed_works() -> list[dict[str, Any]]:
    """The seed's papers as the APIs have them: full author lists (the survey's too,
    which the profile cut short), the APIs' venue names, the accepted EPD paper
    filed under its arXiv version, and one planted disagreement (a year)."""
    profile = yaml.safe_load((EXAMPLES / SEED).read_text("utf-8"))
    works = []
    for pub in profile["publications"]:
        authors = [FULL_NAMES.get(a, a) for a in pub["authors"]]
        if pub["title"] == SURVEY:
            authors += ["Yong Zhang", "Zhenan Fan"]
        arxiv = pub.get("arxiv") or ("2501.05460" if pub["title"] == EPD else None)
        works.append(
            {
                "title": pub["title"],
                "year": pub["year"] - (pub["title"] == PLANTED),
                "doi": pub.get("doi"),
                "arxiv": arxiv,
                "venue": pub["venue"] if pub["title"] != EPD else "arXiv",
                "authors": authors,
            }
        )
    return works


def serve_seed(replay: Replay) -> None:
    """OpenAlex and Semantic Scholar answering for the seed owner (and, first in
    their searches, a look-alike Xiao Wang); DBLP, Crossref and arXiv know nothing."""
    works = seed_works()
    xinglu = {
        "id": "https://openalex.org/A100",
        "display_name": "Xinglu Wang",
        "works_count": len(works),
        "last_known_institutions": [{"display_name": "Simon Fraser University"}],
    }
    xiao = {"id": "https://openalex.org/A200", "display_name": "Xiao Wang", "works_count": 1}
    replay.add("GET", f"{OA}/authors?search=X.+Wang", json.dumps({"results": [xiao, xinglu]}))
    replay.add("GET", f"{OA}/authors/A100", json.dumps(xinglu))
    replay.add("GET", f"{OA}/authors/A200", json.dumps(xiao))
    oa_works = [
        openalex_work(
            f"W{n}", w["title"], w["year"], w["doi"], OPENALEX_VENUES[w["venue"]],
            w["authors"], arxiv=w["arxiv"],
        )
        for n, w in enumerate(works, start=1)
    ]  # fmt: skip
    other = openalex_work(
        "W99", "Quantum Dots in Tissue", 2020, None, "Nature", ["Xiao Wang"], "A200", "Xiao Wang"
    )
    for author, found in (("A100", oa_works), ("A200", [other])):
        page = {"meta": {"next_cursor": None}, "results": found}
        replay.add("GET", f"{OA}/works?filter=author.id:{author}&cursor=*", json.dumps(page))
    by_doi = [w for w in oa_works if w["doi"]]
    replay.add(
        "GET",
        f"{OA}/works?filter=doi:{'|'.join(str(w['doi'])[16:] for w in by_doi)}&cursor=*",
        json.dumps({"meta": {"next_cursor": None}, "results": by_doi}),
    )
    s2_lookalike = {"authorId": "S200", "name": "Xiao Wang", "paperCount": 1}
    s2_owner = {"authorId": "S100", "name": "Xinglu Wang", "paperCount": len(works)}
    replay.add(
        "GET",
        f"{S2}/author/search?query=X.+Wang&offset=0",
        json.dumps({"data": [s2_lookalike, s2_owner]}),
    )
    for author in (s2_lookalike, s2_owner):
        replay.add("GET", f"{S2}/author/{author['authorId']}", json.dumps(author))
    papers = [
        {
            "paperId": f"P{n}",
            "title": w["title"],
            "year": w["year"],
            "venue": S2_VENUES.get(w["venue"], OPENALEX_VENUES[w["venue"]]),
            "externalIds": {"ArXiv": w["arxiv"]} if w["arxiv"] else {},
            "authors": [
                {"authorId": "S100" if a == "Xinglu Wang" else None, "name": a}
                for a in w["authors"]
            ],
        }
        for n, w in enumerate(works, start=1)
    ]
    replay.add("GET", f"{S2}/author/S100/papers?offset=0", json.dumps({"data": papers}))
    quantum = {"paperId": "P99", "title": "Quantum Dots in Tissue", "year": 2020,
               "authors": [{"authorId": "S200", "name": "Xiao Wang"}]}  # fmt: skip
    replay.add("GET", f"{S2}/author/S200/papers?offset=0", json.dumps({"data": [quantum]}))


def published_in(g: Any) -> dict[str, list[str]]:
    """Each publication's title -> the names of its venues."""
    return {
        str(d["title"]): sorted(
            str(g.nodes[v]["name"])
            for _, v, r in g.out_edges(n, data=True)
            if r["type"] == "PUBLISHED_IN"
        )
        for n, d in g.nodes(data=True)
        if d["labels"] == ["Publication"]
    }


def test_the_initials_only_seed_converges_to_one_owner_one_venue_a_paper_and_free_reruns(
    world: dict[str, str], tmp_path: Path, replay: Replay
) -> None:
    serve_seed(replay)
    assert cli(world, "ingest", str(EXAMPLES / SEED))[0] == 0
    with open_store(Settings.from_env(world)) as store:
        venues_before = published_in(to_networkx(store))
    code, out = enrich(world, tmp_path)
    assert code == 0, out
    with open_store(Settings.from_env(world)) as store:
        g = to_networkx(store)
    owners = [
        (n, d) for n, d in g.nodes(data=True)
        if d["labels"] == ["Person"] and {"X. Wang", "Xinglu Wang"} & {d["name"], *d["aliases"]}
    ]  # fmt: skip
    ((owner, data),) = owners  # one node, holding every API id and every paper
    assert data["openalex_id"] == "A100" and data["s2_id"] == "S100"
    assert sum(1 for *_, r in g.out_edges(owner, data=True) if r["type"] == "AUTHORED") == 13
    people = {str(d["name"]) for _, d in g.nodes(data=True) if d["labels"] == ["Person"]}
    assert "Xiao Wang" not in people  # the look-alike and ...
    venues = published_in(g)
    assert "Quantum Dots in Tissue" not in venues and len(venues) == 13  # ... their work stay out
    assert venues == venues_before  # one venue a paper, the profile's: the API's joined it
    planted = next(d for _, d in g.nodes(data=True) if d.get("title") == PLANTED)
    assert planted["year"] == 2023 and any("says 2022" in c for c in planted["conflicts"])
    survey = next(n for n, d in g.nodes(data=True) if d.get("title") == SURVEY)
    order = {
        str(g.nodes[a]["name"]): r["position"]
        for a, _, r in g.in_edges(survey, data=True)
        if r["type"] == "AUTHORED"
    }
    assert sorted(order.values()) == [1, 2, 3, 4, 5, 6]  # the cut-short list, completed
    assert order["Xinglu Wang"] == 3
    sent, before = len(replay.seen), graph(world)
    for again in ((), ("--refresh",)):
        code, out = enrich(world, tmp_path, *again)
        assert code == 0 and "enrich: 0 requests" in out and "0 documents written" in out, out
        assert "wrote:" not in out  # the store holds the documents as they are: no ingest
    assert len(replay.seen) == sent and graph(world) == before
