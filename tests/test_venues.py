"""Venues as entities: the vocabulary makes every spelling of a venue one node,
the user's documents decide a paper's venue (an API's other one is a recorded
conflict), and a preprint server is a version of a paper, not a second venue.
Each test ingests a profile and what an API said (an enrichment document, as
`scholargraph enrich` writes them) into each store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import RECORDED, shared

from scholargraph.enrich.apis import crossref, dblp, openalex
from scholargraph.normalize.venues import KINDS, known_venue, known_venues
from scholargraph.pipeline import EXAMPLES, ingest_into
from scholargraph.store.export import to_networkx
from scholargraph.store.store import Store

TITLE = "Scheduling Parallel Loops on Many Cores"
PROFILE = f"""\
person: {{name: Ann Lee}}
publications:
  - {{title: "{TITLE}", authors: [Ann Lee, Bo Chen], venue: ICPP, year: 2024}}
"""


def api_document(venue: str, venue_ids: str = "") -> str:
    """What OpenAlex said of the paper, as an enrichment document."""
    ids = f"\n    venue_ids: {{{venue_ids}}}" if venue_ids else ""
    return f"""\
enrichment: {{api: openalex, retrieved: '2026-12-03', person: person:ann-lee}}
person:
  from: openalex:A1 (retrieved 2026-12-03)
  name: Ann Lee
publications:
  - from: openalex:W1 (retrieved 2026-12-03)
    title: "{TITLE}"
    authors: [Ann Lee, Bo Chen]
    year: 2024
    venue: "{venue}"{ids}
"""


def ingested(store: Store, tmp_path: Path, **documents: str) -> Any:
    """Write ``documents`` (file stem -> text), ingest them, return the graph."""
    paths = []
    for stem, text in documents.items():
        paths.append(tmp_path / f"{stem}.yaml")
        paths[-1].write_text(text, encoding="utf-8")
    report = ingest_into(store, paths)
    assert not report.errors, report.errors
    return to_networkx(store)


def venues(g: Any) -> dict[str, dict[str, Any]]:
    return {str(n): d for n, d in g.nodes(data=True) if d["labels"] == ["Venue"]}


def published_in(g: Any) -> dict[str, list[str]]:
    """Each paper's title -> its venues' ids."""
    return {
        str(d["title"]): sorted(
            str(v) for _, v, r in g.out_edges(n, data=True) if r["type"] == "PUBLISHED_IN"
        )
        for n, d in g.nodes(data=True)
        if d["labels"] == ["Publication"]
    }


def paper(g: Any) -> dict[str, Any]:
    (found,) = [d for _, d in g.nodes(data=True) if d["labels"] == ["Publication"]]
    return dict(found)


def test_a_short_name_and_an_api_s_full_name_are_one_venue_with_the_api_s_name_an_alias(
    store: Store, tmp_path: Path
) -> None:
    full = "ACM International Conference on Parallel Processing"
    g = ingested(
        store,
        tmp_path,
        lee=PROFILE,
        api=api_document(full, "openalex_id: S4363608, issn: 0190-3918"),
    )
    (venue,) = venues(g).values()
    assert venue["id"] == "venue:icpp" and venue["name"] == "ICPP"  # the profile's name wins
    assert venue["full_name"] == "International Conference on Parallel Processing"
    assert venue["aliases"] == [full]  # the API's name
    assert venue["kind"] == "conference" and venue["dblp_key"] == "conf/icpp"  # the vocabulary's
    assert (venue["openalex_id"], venue["issn"]) == ("S4363608", "0190-3918")  # the API's
    assert published_in(g) == {TITLE: ["venue:icpp"]} and not paper(g)["conflicts"]


def test_an_api_naming_another_venue_is_recorded_as_a_conflict_not_a_second_venue(
    store: Store, tmp_path: Path
) -> None:
    g = ingested(store, tmp_path, lee=PROFILE, api=api_document("Euro-Par"))
    assert published_in(g) == {TITLE: ["venue:icpp"]}
    assert list(venues(g)) == ["venue:icpp"]  # the API's venue is no node of its own
    (conflict,) = paper(g)["conflicts"]
    assert conflict.startswith(f"venue: ICPP kept; {tmp_path / 'api.yaml'}:")
    assert "- from: openalex:W1 (retrieved 2026-12-03)" in conflict
    assert conflict.endswith("says Euro-Par")


def test_an_api_s_name_of_the_same_venue_joins_it_by_a_name_the_profile_gives(
    store: Store, tmp_path: Path
) -> None:
    profile = PROFILE.replace("venue: ICPP", "venue: FAISys, venue_full: Frontier AI Systems")
    g = ingested(store, tmp_path, lee=profile, api=api_document("Frontier AI Systems"))
    (venue,) = venues(g).values()
    assert venue["name"] == "FAISys" and venue["full_name"] == "Frontier AI Systems"
    assert not paper(g)["conflicts"]


def test_an_accepted_paper_and_its_arxiv_version_have_one_venue_and_keep_the_arxiv_id(
    store: Store, tmp_path: Path
) -> None:
    profile = f"""\
person: {{name: Ann Lee}}
publications:
  - {{title: "{TITLE}", authors: [Ann Lee, Bo Chen], venue: SIGCOMM, year: 2025}}
  - {{title: "{TITLE}", authors: [Ann Lee, Bo Chen], venue: arXiv, year: 2024,
     status: preprint, arxiv: "2401.00001"}}
  - {{title: "A Preprint Only", authors: [Ann Lee], venue: CoRR, year: 2024}}
"""
    bib = """@article{lee23, title = {Another Preprint}, author = {Lee, Ann},
  journal = {arXiv (Cornell University)}, year = {2023}}
"""
    (tmp_path / "lee.bib").write_text(bib, encoding="utf-8")
    ingest_into(store, [tmp_path / "lee.bib"])
    g = ingested(store, tmp_path, lee=profile)
    assert published_in(g) == {
        TITLE: ["venue:sigcomm"],  # no second venue: arXiv is a version
        "A Preprint Only": ["venue:arxiv"],  # a preprint's only venue stays, and the
        "Another Preprint": ["venue:arxiv"],  # server is one node however it is written
    }
    accepted = next(d for _, d in g.nodes(data=True) if d.get("title") == TITLE)
    assert accepted["arxiv"] == "2401.00001" and accepted["status"] == "published"
    arxiv = venues(g)["venue:arxiv"]
    written = {arxiv["name"], arxiv["full_name"], *arxiv["aliases"]}
    assert arxiv["kind"] == "preprint" and written == {
        "arXiv",
        "CoRR",
        "arXiv (Cornell University)",
    }


def test_venue_ids_are_the_same_on_every_ingest_and_in_every_order(
    store: Store, tmp_path: Path
) -> None:
    documents = {"lee": PROFILE, "api": api_document("ACM ICPP", "dblp_key: conf/icpp")}
    first = ingested(store, tmp_path, **documents)
    again = ingested(store, tmp_path, **documents)  # a re-ingest: a repeatable MERGE
    assert venues(again) == venues(first) and published_in(again) == published_in(first)
    reversed_order = dict(reversed(documents.items()))
    other = tmp_path / "other"
    other.mkdir()
    assert list(venues(ingested(store, other, **reversed_order))) == ["venue:icpp"]


def test_the_vocabulary_knows_every_venue_the_examples_name() -> None:
    import yaml

    named = {
        pub["venue"]
        for path in EXAMPLES.glob("*.yaml")
        for pub in yaml.safe_load(path.read_text("utf-8"))["publications"]
        if pub.get("venue")
    }
    workshops = {"FAISys", "PACMI"}  # named by their full names beside them, not in the table
    assert {v for v in named if known_venue(v) is None} == workshops
    assert all(v.kind in KINDS for v in known_venues())


@pytest.mark.parametrize(
    ("written", "identifiers", "short"),
    [
        ("arXiv (Cornell University)", {}, "arXiv"),
        ("CoRR", {}, "arXiv"),
        ("NIPS", {}, "NeurIPS"),
        ("IEEE Trans. Vis. Comput. Graph.", {}, "TVCG"),  # DBLP's (recorded answer)
        ("A Journal", {"openalex_id": "S1983995261"}, "PeerJ"),  # OpenAlex's (recorded)
        ("Scientific Reports", {"issn": "2045-2322"}, "Scientific Reports"),  # Crossref's
        ("ICIP", {"dblp_key": "conf/icip"}, "ICIP"),
    ],
)
def test_a_venue_is_known_by_its_names_and_the_apis_identifiers(
    written: str, identifiers: dict[str, str], short: str
) -> None:
    known = known_venue(written, identifiers)
    assert known is not None and known.short == short


def test_the_apis_recorded_answers_give_the_venue_s_identifiers_and_meet_the_vocabulary() -> None:
    peerj = openalex.parse_work(
        json.loads((RECORDED / "openalex/work_W2741809807.json").read_text())
    )
    assert peerj.venue_ids == {"openalex_id": "S1983995261", "issn": "2167-8359"}
    reports = json.loads((RECORDED / "crossref/work_10.1038_srep16696.json").read_text())
    nature = crossref.parse_work(reports["message"])
    assert nature.venue_ids == {"issn": "2045-2322"}
    xml = shared("fixtures/api/dblp/person_95-7448-1_Di_Xu_0001.xml").read_text("utf-8")
    icip = [w for w in dblp.parse_person(xml)[1] if w.venue == "ICIP"]
    assert len(icip) == 2 and all(w.venue_ids == {"dblp_key": "conf/icip"} for w in icip)
    met = [known_venue(w.venue, w.venue_ids) for w in (peerj, nature, icip[0])]
    assert [v.short if v else None for v in met] == ["PeerJ", "Scientific Reports", "ICIP"]
