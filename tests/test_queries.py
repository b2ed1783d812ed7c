"""The query library: every query answers right on a small graph built here, on
each store; every query is documented and passes Neo4j's parser; names resolve or
say why not; the seeds give the answers the issue names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import shared
from cypher_lint import neo4j_errors

from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.errors import QueryError
from scholargraph.pipeline import EXAMPLES, extract, ingest_into
from scholargraph.queries import QUERIES, answer_graph, list_queries, run
from scholargraph.queries.formats import render_answer
from scholargraph.queries.library import parse
from scholargraph.records import About, Authored, Person, Publication, RecordSet, Topic
from scholargraph.store.store import Store, open_store
from scholargraph.store.writer import write_records

# A small world: Dee advised Ann; Ann advised Bo and Cy; Bo advised Eve; Jay mentored
# Bo at Lab Y. Papers: P1 (Bo, Cy, Fay, 2020, graphs), P2 (Bo, Fay, 2022, joins),
# P3 (Cy, Gus, 2021), P4 (Gus, Hal, 2023). Bo and Ivy overlap at Uni X without a paper;
# Fay was there long before. As real profiles do, each lists its owner's own papers:
# that shared context (not the bare name) is what makes one person of two mentions.
PROFILES = {
    "ann.yaml": """
person: {name: Ann Moss}
affiliations:
  - {organization: Uni X, role: professor, start: "2010", advisors: [{name: Dee Park, kind: phd}]}
""",
    "bo.yaml": """
person: {name: Bo Lin, aliases: [Bobby Lin], native_name: 林波}
interests: [graphs]
affiliations:
  - organization: Uni X
    role: PhD student
    start: 2019-09
    end: 2023-06
    advisors: [{name: Ann Moss, kind: phd}]
  - {organization: Lab Y, role: intern, start: 2021-06, end: 2021-09, mentors: [{name: Jay Roy}]}
  - {organization: Uni Z, role: assistant professor, start: 2023-09}
publications:
  - {title: Graph Paper One, authors: [Bo Lin, Cy Wu, Fay Ode], year: 2020, topics: [graphs]}
  - {title: Join Paper Two, authors: [Bo Lin, Fay Ode], year: 2022, topics: [joins]}
""",
    "cy.yaml": """
person: {name: Cy Wu}
interests: [graphs, joins]
affiliations:
  - organization: Uni X
    role: PhD student
    start: 2018-09
    advisors: [{name: Ann Moss, kind: phd}]
publications:
  - {title: Graph Paper One, authors: [Bo Lin, Cy Wu, Fay Ode], year: 2020, topics: [graphs]}
  - {title: Third Paper, authors: [Cy Wu, Gus Hale], year: 2021}
""",
    "eve.yaml": """
person: {name: Eve Sato}
affiliations:
  - {organization: Uni Z, role: PhD student, start: "2024", advisors: [{name: Bo Lin, kind: phd}]}
""",
    "gus.yaml": """
person: {name: Gus Hale}
publications:
  - {title: Third Paper, authors: [Cy Wu, Gus Hale], year: 2021}
  - {title: Fourth Paper, authors: [Gus Hale, Hal Berg], year: 2023}
""",
    "ivy.yaml": """
person: {name: Ivy Chen}
affiliations:
  - {organization: Uni X, role: postdoc, start: 2020-01, end: 2021-12}
""",
    "fay.yaml": """
person: {name: Fay Ode}
affiliations:
  - {organization: Uni X, role: MSc student, start: 2010-09, end: 2012-06}
publications:
  - {title: Join Paper Two, authors: [Bo Lin, Fay Ode], year: 2022, topics: [joins]}
""",
    "twins.yaml": """
person: {name: Kim Lee}
affiliations: [{organization: Uni Q, role: student}]
publications:
  - {title: A Kim Lee Paper, authors: [Kim Lee], year: 2020}
""",
    "twins2.yaml": """
person: {name: Kim Li, aliases: [Kim Lee]}
""",
}


@pytest.fixture
def world(store: Store, tmp_path: Path) -> Store:
    paths = []
    for name, text in PROFILES.items():
        path = tmp_path / name
        path.write_text(text.lstrip(), encoding="utf-8")
        paths.append(path)
    write_records(store, extract(paths).records)
    return store


def names(rows: list[dict[str, Any]], col: str = "name") -> list[Any]:
    return [r[col] for r in rows]


def test_advisors_and_students_with_kinds_and_mentors(world: Store) -> None:
    rows = run(world, "advisors", person="Bo Lin").rows
    assert [(r["name"], r["kind"], r["organization"]) for r in rows] == [
        ("Jay Roy", "mentor", "Lab Y"),
        ("Ann Moss", "phd", None),
    ]
    assert rows[1]["evidence"][0].endswith("bo.yaml:8: advisors: [{name: Ann Moss, kind: phd}]")
    assert names(run(world, "students", person="Ann Moss").rows) == ["Bo Lin", "Cy Wu"]


def test_lineage_goes_up_and_down_to_the_depth(world: Store) -> None:
    rows = run(world, "lineage", person="Bo Lin").rows
    assert [(r["generation"], r["names"]) for r in rows] == [
        (-2, ["Dee Park", "Ann Moss", "Bo Lin"]),
        (-1, ["Ann Moss", "Bo Lin"]),
        (1, ["Bo Lin", "Eve Sato"]),
    ]
    shallow = run(world, "lineage", person="Bo Lin", depth=1).rows
    assert [r["generation"] for r in shallow] == [-1, 1]


def test_academic_siblings_share_an_advisor(world: Store) -> None:
    rows = run(world, "academic-siblings", person="Bo Lin").rows
    assert [(r["name"], r["advisor"]) for r in rows] == [("Cy Wu", "Ann Moss")]


def test_coauthors_ranked_with_a_timeline(world: Store) -> None:
    rows = run(world, "coauthors", person="Bo Lin").rows
    assert [(r["name"], r["papers"], r["first_year"], r["last_year"]) for r in rows] == [
        ("Fay Ode", 2, 2020, 2022),
        ("Cy Wu", 1, 2020, 2020),
    ]
    assert len(run(world, "coauthors", person="Bo Lin", limit=1).rows) == 1


def test_shared_collaborators_count_a_paper_all_three_wrote(world: Store) -> None:
    rows = run(world, "shared-collaborators", person="Cy Wu", other="Fay Ode").rows
    assert [(r["name"], r["papers_with_person"], r["papers_with_other"]) for r in rows] == [
        ("Bo Lin", 1, 2)
    ]
    assert rows[0]["with_person"] == ["Graph Paper One"]


def test_connection_and_k_paths_show_the_linking_papers(world: Store) -> None:
    rows = run(world, "connection", person="Bo Lin", other="Hal Berg").rows
    tail = ["Cy Wu", "Third Paper", "Gus Hale", "Fourth Paper", "Hal Berg"]
    assert [r["names"] for r in rows] == [  # through their advisor, or through a paper
        ["Bo Lin", "Ann Moss", *tail],
        ["Bo Lin", "Graph Paper One", *tail],
    ]
    paths = run(world, "k-paths", person="Bo Lin", other="Fay Ode", k=5).rows
    assert sorted(r["names"] for r in paths) == [  # nobody visited twice
        ["Bo Lin", "Ann Moss", "Cy Wu", "Graph Paper One", "Fay Ode"],
        ["Bo Lin", "Graph Paper One", "Fay Ode"],
        ["Bo Lin", "Join Paper Two", "Fay Ode"],
    ]
    assert [
        r["steps"] for r in run(world, "k-paths", person="Bo Lin", other="Fay Ode", k=2).rows
    ] == [2, 2]


def test_topic_overlap_and_people_by_topic(world: Store) -> None:
    # Bo states graphs and wrote P1 (graphs) and P2 (joins); Cy states both, wrote P1
    rows = run(world, "topic-overlap", person="Bo Lin", other="Cy Wu").rows
    assert [
        (r["topic"], r["score_person"], r["score_other"], r["papers_person"], r["papers_other"])
        for r in rows
    ] == [
        ("graphs", 2.0, 2.0, ["Graph Paper One"], ["Graph Paper One"]),
        ("joins", 1.0, 1.0, ["Join Paper Two"], []),
    ]
    ranked = run(world, "people-by-topic", topic="GRAPH").rows
    assert [(r["name"], r["score"], r["papers"], r["stated"]) for r in ranked] == [
        ("Bo Lin", 2.0, 1, 1.0),
        ("Cy Wu", 2.0, 1, 1.0),
        ("Fay Ode", 1.0, 1, 0.0),
    ]


def test_topics_of_a_person_strongest_first_with_evidence(world: Store) -> None:
    rows = run(world, "topics", person="Bo Lin").rows
    assert [(r["topic"], r["score"], r["stated"], r["papers"]) for r in rows] == [
        ("graphs", 2.0, 1.0, 1),
        ("joins", 1.0, 0.0, 1),
    ]
    graphs = rows[0]["evidence"]
    assert any(e.endswith("interests: [graphs]") for e in graphs)
    assert "paper: Graph Paper One" in graphs
    assert rows[0]["cluster"]


def test_similar_people_by_topic_profile_give_the_shared_topics(world: Store) -> None:
    rows = run(world, "similar-people", person="Bo Lin").rows
    # Cy's profile (graphs 2, joins 1) is Bo's exactly; Fay has one paper on each
    assert [(r["name"], r["similarity"], sorted(r["shared"])) for r in rows] == [
        ("Cy Wu", 1.0, ["graphs", "joins"]),
        ("Fay Ode", 0.949, ["graphs", "joins"]),
    ]


def test_topic_clusters_list_topics_people_and_papers(world: Store) -> None:
    (cluster,) = run(world, "topic-clusters").rows  # graphs and joins share Cy and Bo
    assert (cluster["size"], sorted(cluster["topics"])) == (2, ["graphs", "joins"])
    assert cluster["people"][:2] == ["Bo Lin", "Cy Wu"]
    assert set(cluster["papers"]) == {"Graph Paper One", "Join Paper Two"}
    assert len(cluster["people_ids"]) == len(cluster["people"])


def test_unknown_topic_is_one_error_with_close_names(world: Store) -> None:
    with pytest.raises(QueryError, match="no topic 'grahps'") as err:
        run(world, "people-by-topic", topic="grahps")
    assert "graphs" in (err.value.hint or "")


def test_colleagues_overlap_in_time_without_a_joint_paper(world: Store) -> None:
    rows = run(world, "colleagues", person="Bo Lin").rows
    assert [(r["name"], r["overlap_from"], r["overlap_to"]) for r in rows] == [
        ("Ann Moss", "2019-09", "2023-06"),
        ("Ivy Chen", "2020-01", "2021-12"),
        ("Eve Sato", "2024", None),  # his student, at Uni Z where he now teaches
    ]


def test_collaboration_between_an_organization_and_an_advisors_group(world: Store) -> None:
    rows = run(world, "collaboration-between", group_a="uni x", group_b="Gus Hale").rows
    assert [(r["name"], r["other"], r["papers"]) for r in rows] == [("Cy Wu", "Gus Hale", 1)]


def test_ego_lists_the_neighbourhood_by_distance(world: Store) -> None:
    rows = run(world, "ego", person="Gus Hale", depth=2).rows
    assert [(r["name"], r["distance"]) for r in rows] == [
        ("Fourth Paper", 1),
        ("Third Paper", 1),
        ("Cy Wu", 2),
        ("Hal Berg", 2),
    ]


def test_ego_walks_through_people_and_papers_but_stops_at_topics(store: Store) -> None:
    # Ann's paper and Bea's are both about graphs; only the topic links them
    write_records(
        store,
        RecordSet(
            [
                Person(id="person:ann", name="Ann"),
                Person(id="person:bea", name="Bea"),
                Publication(id="pub:a", title="A"),
                Publication(id="pub:b", title="B"),
                Topic(id="topic:g", name="graphs"),
                Authored(id="au:a", from_id="person:ann", to_id="pub:a"),
                Authored(id="au:b", from_id="person:bea", to_id="pub:b"),
                About(id="ab:a", from_id="pub:a", to_id="topic:g"),
                About(id="ab:b", from_id="pub:b", to_id="topic:g"),
            ]
        ),
    )
    rings = {
        depth: [(r["id"], r["distance"]) for r in run(store, "ego", person="Ann", depth=depth).rows]
        for depth in (1, 3)
    }
    assert rings == {1: [("pub:a", 1)], 3: [("pub:a", 1), ("topic:g", 2)]}


def test_answer_graph_holds_the_answer_its_links_and_joint_paper_ties(world: Store) -> None:
    answer = run(world, "connection", person="Bo Lin", other="Gus Hale")
    g = answer_graph(world, answer)
    assert set(g.nodes) == {i for r in answer.rows for i in r["ids"]}
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"AUTHORED", "ADVISED", "COAUTHOR"}
    ties = [(u, v, d["papers"]) for u, v, d in g.edges(data=True) if d["type"] == "COAUTHOR"]
    assert ties
    for u, v, papers in ties:  # counted over the whole store, as the coauthors query does
        assert {r["id"]: r["papers"] for r in run(world, "coauthors", person=u).rows}[v] == papers


def test_a_page_of_topics_only_draws_no_coauthor_ties(world: Store) -> None:
    g = answer_graph(world, run(world, "topic-clusters"))
    assert "COAUTHOR" not in {d["type"] for _, _, d in g.edges(data=True)}


def test_people_resolve_by_alias_native_name_id_and_any_case(world: Store) -> None:
    for written in ("Bobby Lin", "林波", "person:bo-lin", "bo lin"):
        assert run(world, "advisors", person=written).focus == ["person:bo-lin"]


def test_an_ambiguous_name_lists_the_candidates(world: Store) -> None:
    with pytest.raises(QueryError) as err:
        run(world, "advisors", person="Kim Lee")
    message = err.value.one_line()
    assert "ambiguous" in message and "[person:kim-lee] (Uni Q; e.g. 'A Kim Lee Paper')" in message
    assert "[person:kim-li] (no affiliation; e.g. no papers)" in message


def test_an_unknown_name_suggests_close_ones(world: Store) -> None:
    with pytest.raises(QueryError) as err:
        run(world, "advisors", person="Bo Linn")
    assert err.value.one_line().endswith("(hint: did you mean: Bo Lin?)")


def test_bad_arguments_are_query_errors(world: Store) -> None:
    with pytest.raises(QueryError, match="needs --other"):
        run(world, "shared-collaborators", person="Bo Lin")
    with pytest.raises(QueryError, match="positive whole number"):
        run(world, "coauthors", person="Bo Lin", limit=0)
    with pytest.raises(QueryError) as err:
        run(world, "co-authors", person="Bo Lin")
    assert "did you mean coauthors" in err.value.one_line()


def test_every_query_is_documented_and_parses_as_neo4j_cypher() -> None:
    for q in QUERIES.values():
        assert q.description and all(p.help for p in q.params), q.name
    errors = neo4j_errors([q.text("neo4j") for q in QUERIES.values()])
    assert dict(zip(QUERIES, errors, strict=True)) == {n: [] for n in QUERIES}


def test_a_query_with_an_undocumented_parameter_is_refused() -> None:
    with pytest.raises(ValueError, match="one '// param' line per parameter"):
        parse("bad", "// Says what it does.\nMATCH (p:Person {id: $person}) RETURN p.id")


def test_query_cli_lists_and_runs(world: Store, settings: Settings) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--list"]).stdout
    assert all(f"\n{name}\n" in f"\n{listed}\n" for name in list_queries())
    assert "_find-person" not in listed
    world.close()  # the CLI opens the same store
    env = {"NEO4J_USER": settings.neo4j_user, "NEO4J_PASSWORD": settings.neo4j_password or ""}
    store = ["--store", settings.store]
    out = runner.invoke(
        main, [*store, "query", "coauthors", "--person", "Bo Lin", "--format", "csv"], env=env
    )
    assert out.exit_code == 0
    assert out.stdout.splitlines()[:2] == [
        "id,name,papers,first_year,last_year,paper_ids",
        f"person:fay-ode,Fay Ode,2,2020,2022,{out.stdout.splitlines()[1].split(',')[-1]}",
    ]
    bad = runner.invoke(main, [*store, "query", "advisors", "--person", "Nobody Here"], env=env)
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: no person named 'Nobody Here'")


# --- the five seeds -------------------------------------------------------------


@pytest.fixture
def seeds(store: Store) -> Store:
    write_records(store, extract(sorted(shared("seeds").glob("*.txt"))).records)
    return store


def test_seed_advisor_of_xin_tan(seeds: Store) -> None:
    rows = run(seeds, "advisors", person="Xin Tan").rows
    assert [(r["name"], r["native_name"], r["kind"]) for r in rows] == [("Hong Xu", "徐宏", "phd")]
    assert run(seeds, "advisors", person="徐宏").focus == ["person:hong-xu"]


def test_seed_shared_collaborators_of_yimin_jiang_and_yibo_zhu(seeds: Store) -> None:
    found = names(run(seeds, "shared-collaborators", person="Yimin Jiang", other="Yibo Zhu").rows)
    assert {"Xin Tan", "Hong Xu"} <= set(found)


def test_seed_connection_between_coauthors_of_different_papers(seeds: Store) -> None:
    rows = run(seeds, "connection", person="Kaiwen Chen", other="Yu Zhou").rows
    assert rows and all(len(r["names"]) == 5 for r in rows)
    linking = {r["names"][1] for r in rows} | {r["names"][3] for r in rows}
    assert any(t.startswith("Libra") or t.startswith("MemShare") for t in linking)
    assert all(r["names"][2] in ("Xin Tan", "Hong Xu", "Jingzong Li") for r in rows)


@pytest.fixture(scope="module")
def examples_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(Settings(store=str(tmp_path_factory.mktemp("ex") / "graph.lbug")))
    ingest_into(store, sorted(EXAMPLES.glob("*.yaml")))
    yield store
    store.close()


EXAMPLE_ARGUMENTS: dict[str, dict[str, Any]] = {
    "collaboration-between": {"group_a": "Hong Xu", "group_b": "Xin Tan"},
    "people-by-topic": {"topic": "LLM serving"},
    "topic-clusters": {},
    "conflicts": {},
}


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("name", list_queries())
def test_every_query_answers_in_every_format(examples_graph: Store, name: str, fmt: str) -> None:
    params = {p.name for p in QUERIES[name].params}
    args = EXAMPLE_ARGUMENTS.get(name) or {
        k: v for k, v in {"person": "Xin Tan", "other": "Yibo Zhu"}.items() if k in params
    }
    answer = run(examples_graph, name, **args)
    text = render_answer(answer, fmt)
    if fmt == "json":
        assert len(json.loads(text)) == len(answer.rows)
    elif fmt == "csv":  # a header and a line per row (nothing for an empty answer)
        lines = [line for line in text.splitlines() if line]
        assert len(lines) == (len(answer.rows) + 1 if answer.rows else 0)
    else:
        assert text.strip()


def test_csv_answers_neutralise_spreadsheet_formulas(store: Store) -> None:
    evil = Person(id="person:evil", name='=HYPERLINK("http://x.example","y")')
    bob = Person(id="person:bob", name="Bob Lee")
    paper = Publication(id="pub:p", title="@SUM(A1:A9) and more", year=2020)
    write_records(
        store,
        RecordSet(
            [evil, bob, paper]
            + [
                Authored(id=f"au{i}", from_id=p.id, to_id="pub:p", position=i)
                for i, p in enumerate((evil, bob), 1)
            ]
        ),
    )
    rows = render_answer(run(store, "coauthors", person="person:bob"), "csv").splitlines()
    assert rows[1].startswith("person:evil,\"'=HYPERLINK(")
    shared = render_answer(run(store, "ego", person="person:bob", depth=1), "csv")
    assert "'@SUM(A1:A9)" in shared and ",@SUM" not in shared
