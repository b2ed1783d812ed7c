"""Each API client, run against real recorded responses served on 127.0.0.1
through its configurable base URL (no test reaches the network)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import RECORDED, shared
from replay import Answer, Replay

from scholargraph.config import ApiSettings
from scholargraph.enrich.apis import Arxiv, Crossref, Dblp, OpenAlex, Orcid, SemanticScholar
from scholargraph.enrich.apis.dblp import parse_author_hits, parse_publication_hits

OA = "https://api.openalex.org"
NO_WAIT = {"sleep": lambda _: None}


def queries(replay: Replay, path: str) -> list[dict[str, list[str]]]:
    """The query parameters of each request the server saw for ``path``."""
    return [
        parse_qs(urlsplit(s.split(" ", 1)[1]).query)
        for s in replay.seen
        if urlsplit(s.split(" ", 1)[1]).path == path
    ]


# OpenAlex


def test_openalex_reads_a_work_with_authors_in_order_venue_abstract_and_topics(
    replay: Replay, api_settings: ApiSettings
) -> None:
    replay.add_file(f"{OA}/works/W2741809807", RECORDED / "openalex" / "work_W2741809807.json")
    work = OpenAlex.from_settings(api_settings).work("W2741809807")
    assert work is not None
    assert (work.id, work.year, work.doi, work.venue) == (
        "W2741809807",
        2018,
        "10.7717/peerj.4375",
        "PeerJ",
    )
    assert [(a.position, a.name, a.id) for a in work.authors[:2]] == [
        (1, "Heather Piwowar", "A5048491430"),
        (2, "Jason Priem", "A5023888391"),
    ]
    assert work.abstract and work.abstract.startswith("Despite growing interest in Open Access")
    assert "Academic Publishing and Open Access" in work.topics
    sent = queries(replay, "/api.openalex.org/works/W2741809807")[0]
    assert sent["api_key"] == ["SECRET-KEY"] and "authorships" in sent["select"][0]


def test_openalex_reads_an_author_and_treats_a_deleted_one_as_gone(
    replay: Replay, api_settings: ApiSettings
) -> None:
    folder = RECORDED / "openalex"
    replay.add_file(f"{OA}/authors/A5023888391", folder / "author_A5023888391_jason_priem.json")
    replay.add_file(f"{OA}/authors/A5317838346", folder / "author_A5317838346_deleted.json")
    client = OpenAlex.from_settings(api_settings)
    author = client.author("A5023888391")
    assert author is not None and author.name == "Jason Priem"
    assert author.orcid == "0000-0001-6187-6610" and author.affiliations[0] == "OurResearch"
    assert "Priem Jason" in author.aliases and author.merged_from is None
    assert client.author("A5317838346") is None


def test_openalex_follows_a_merged_id_and_reports_both(
    replay: Replay, api_settings: ApiSettings
) -> None:
    replay.add_file(
        f"{OA}/authors/A5023888391", RECORDED / "openalex" / "author_A5023888391_jason_priem.json"
    )
    moved = {"Location": f"{replay.base('api.openalex.org')}/authors/A5023888391"}
    replay.script("/api.openalex.org/authors/A1", Answer(301, b"", moved))
    author = OpenAlex.from_settings(api_settings).author("https://openalex.org/A1")
    assert author is not None and (author.id, author.merged_from) == ("A5023888391", "A1")


def test_openalex_ors_50_ids_a_request_at_the_largest_page_and_refetches_cut_author_lists(
    replay: Replay, api_settings: ApiSettings
) -> None:
    page = json.loads(
        (RECORDED / "openalex" / "works_page_search_ml_public_health.json").read_text()
    )
    whole = dict(page["results"][0])
    page["results"][0] = {**whole, "is_authors_truncated": True, "authorships": []}
    body = json.dumps(page).encode()
    replay.script("/api.openalex.org/works", *[Answer(200, body)] * 4)
    wid = whole["id"].rsplit("/", 1)[-1]
    replay.add("GET", f"{OA}/works/{wid}", json.dumps(whole))
    dois = [f"https://doi.org/10.1000/{i}" for i in range(120)]
    works = list(OpenAlex.from_settings(api_settings).works([*dois, "W1", "W2"]))
    sent = queries(replay, "/api.openalex.org/works")
    filters = [q["filter"][0] for q in sent]
    assert [f.split(":", 1)[0] for f in filters] == ["doi", "doi", "doi", "openalex"]
    assert [len(f.split("|")) for f in filters] == [50, 50, 20, 2]
    assert all(q["per_page"] == ["200"] and q["cursor"] == ["*"] for q in sent)
    assert len(works) == 4 * 49
    refetched = [w for w in works if w.id == wid]
    assert refetched and all(len(w.authors) == len(whole["authorships"]) > 0 for w in refetched)
    assert not replay.misses


def test_openalex_pages_by_cursor_until_the_last_page(
    replay: Replay, api_settings: ApiSettings
) -> None:
    first = shared("fixtures/api/openalex/works_cursor_page1_filter_openalex_ids_next_cursor.json")
    last = shared("fixtures/api/openalex/works_cursor_page2_last_next_cursor_null.json")
    replay.script("/api.openalex.org/works", Answer(200, first.read_bytes()))
    replay.script("/api.openalex.org/works", Answer(200, last.read_bytes()))
    works = list(OpenAlex.from_settings(api_settings).works_of("A5023888391"))
    cursors = [q["cursor"][0] for q in queries(replay, "/api.openalex.org/works")]
    assert cursors == ["*", json.loads(first.read_text())["meta"]["next_cursor"]]
    assert len(works) == 2 and "W2741809807" in {w.id for w in works}


def test_openalex_title_search_reads_a_search_page_of_works(
    replay: Replay, api_settings: ApiSettings
) -> None:
    page = RECORDED / "openalex" / "works_page_search_ml_public_health.json"
    replay.add_file(f"{OA}/works?search=machine+learning+public+health", page)
    found = OpenAlex.from_settings(api_settings).search_works("machine learning public health")
    assert len(found) == 49 and found[0].title.startswith("Redefining climate regions")
    authors = [a.name for a in found[0].authors]
    assert authors == ["Alexander Liss", "Magaly Koch", "Elena N. Naumova"]
    (sent,) = queries(replay, "/api.openalex.org/works")
    assert sent["per_page"] == ["10"] and "authorships" in sent["select"][0]


def test_openalex_search_with_no_hits_is_empty(replay: Replay, api_settings: ApiSettings) -> None:
    empty = b'{"meta": {"count": 0}, "results": []}'
    replay.script("/api.openalex.org/authors", Answer(200, empty))
    assert OpenAlex.from_settings(api_settings).search_authors("Nobody Atall") == []


# Semantic Scholar


@pytest.fixture
def s2(replay: Replay, api_settings: ApiSettings) -> SemanticScholar:
    for cassette in sorted((RECORDED / "s2").glob("*.yaml")):
        replay.add_cassette(cassette)
    return SemanticScholar.from_settings(api_settings, **NO_WAIT)


def test_s2_finds_authors_and_reads_every_page_of_their_papers(
    s2: SemanticScholar, replay: Replay
) -> None:
    found = s2.search_authors("turing")
    assert len(found) == 59 and (found[0].id, found[0].name) == ("2262347", "A. Turing")
    papers = list(s2.author_papers("1723755"))
    offsets = [
        q["offset"][0]
        for q in queries(replay, "/api.semanticscholar.org/graph/v1/author/1723755/papers")
    ]
    assert offsets == [str(100 * i) for i in range(9)]
    assert len(papers) == len({p.id for p in papers}) > 800
    assert not replay.misses


def test_s2_title_search_reads_the_first_page_of_papers(s2: SemanticScholar) -> None:
    found = s2.search_works("turing")  # the recording asked for titles only
    assert len(found) == 100 and found[4].title == "Neural Turing Machines"
    assert found[4].id == "c1126fbffd6b8547a44c58b192b36b08b18299de"


def test_s2_batch_answers_in_order_with_none_for_unknown_ids(s2: SemanticScholar) -> None:
    keys = ["CorpusId:470667", "10.2139/ssrn.2250500", "0f40b1f08821e22e859c6050916cec3667778613"]
    papers = s2.papers(keys)
    assert len(papers) == 3 and all(papers)
    assert [a.name for a in papers[0].authors] == [
        "Marianne Bertrand",
        "E. Duflo",
        "S. Mullainathan",
    ]  # type: ignore[union-attr]
    again = s2.papers(["CorpusId:211530585", *keys])
    assert again[0] is None and again[1] is not None and again[1].doi == "10.2139/ssrn.288970"


def test_s2_sends_at_most_500_ids_a_batch(s2: SemanticScholar, replay: Replay) -> None:
    path = "/api.semanticscholar.org/graph/v1/paper/batch"
    replay.script(path, *(Answer(200, json.dumps([None] * n).encode()) for n in (500, 500, 200)))
    assert s2.papers([f"CorpusId:{i}" for i in range(1200)]) == [None] * 1200
    assert len(queries(replay, path)) == 3


def test_s2_unknown_paper_or_author_is_none(s2: SemanticScholar) -> None:
    assert s2.paper("0") is None and s2.author("0") is None


# Crossref


@pytest.fixture
def crossref(replay: Replay, api_settings: ApiSettings) -> Crossref:
    replay.add_cassette(RECORDED / "crossref" / "cassettes" / "test_works_with_many_ids.yaml")
    return Crossref.from_settings(api_settings, **NO_WAIT)


def test_crossref_reads_a_work_by_doi(crossref: Crossref, replay: Replay) -> None:
    work = crossref.work("https://doi.org/10.1038/srep16696")
    assert work is not None and (work.year, work.venue) == (2015, "Scientific Reports")
    assert work.title.startswith("Single-molecule FRET studies on alpha-synuclein")
    assert [a.name for a in work.authors[:2]] == ["Laura Tosatto", "Mathew H. Horrocks"]
    assert work.abstract and work.abstract.startswith("Oligomers of alpha-synuclein")
    assert "<jats" not in work.abstract
    assert queries(replay, "/api.crossref.org/works/10.1038/srep16696")[0]["mailto"] == [
        "tests@example.org"
    ]


def test_crossref_asks_for_50_dois_a_request_and_slows_to_its_rate_headers(
    crossref: Crossref, replay: Replay
) -> None:
    body = (RECORDED / "crossref" / "works_query_ecology_rows2.json").read_bytes()
    limits = {"X-Rate-Limit-Limit": "5", "X-Rate-Limit-Interval": "1s"}
    replay.script("/api.crossref.org/works", *[Answer(200, body, limits)] * 3)
    works = list(crossref.works(f"10.1000/{i}" for i in range(120)))
    sent = [q["filter"][0].split(",") for q in queries(replay, "/api.crossref.org/works")]
    assert [len(f) for f in sent] == [50, 50, 20] and sent[0][0].startswith("doi:10.1000/")
    assert len(works) == 6 and all(w.title for w in works)
    assert crossref.http.interval == pytest.approx(0.2)


def test_crossref_title_search_asks_a_bibliographic_query(
    crossref: Crossref, replay: Replay
) -> None:
    body = RECORDED / "crossref" / "works_query_ecology_rows2.json"
    replay.add_file("https://api.crossref.org/works?query.bibliographic=ecology", body)
    found = crossref.search_works("ecology")
    assert [w.title for w in found] == ["Communicating Ecology", "Chemical Ecology"]
    assert queries(replay, "/api.crossref.org/works")[0]["rows"] == ["10"]


def test_crossref_unknown_doi_is_none(crossref: Crossref) -> None:
    assert crossref.work("10.9999/none") is None


# arXiv


@pytest.fixture
def arxiv(replay: Replay, api_settings: ApiSettings) -> Arxiv:
    for recording in sorted((RECORDED / "arxiv" / "recorded_json").glob("*.json")):
        replay.add_recorded_json(recording)
    return Arxiv.from_settings(api_settings, **NO_WAIT)


def test_arxiv_reads_papers_by_id_with_authors_and_abstract(arxiv: Arxiv, replay: Replay) -> None:
    (paper,) = arxiv.papers(["arXiv:1707.08567v1"])
    assert paper.arxiv == "1707.08567" and paper.title and paper.abstract and paper.authors
    assert paper.year and paper.year >= 2017
    assert arxiv.papers(["0000.0000"]) == []  # an empty feed
    assert not replay.misses


def test_arxiv_search_reads_a_page_of_results(arxiv: Arxiv) -> None:
    found = arxiv.search("testing", max_results=10)
    assert len(found) == 10 and all(p.arxiv and p.title for p in found)


def test_arxiv_reads_the_older_feed_format(replay: Replay, api_settings: ApiSettings) -> None:
    old = RECORDED / "arxiv" / "atom_2016_id_list_1111.2011v2.xml"
    replay.script("/export.arxiv.org/api/query", Answer(200, old.read_bytes()))
    (paper,) = Arxiv.from_settings(api_settings, **NO_WAIT).papers(["1111.2011v2"])
    assert paper.title.startswith("Quantum Criticality for Extended Nodes on a Bethe Lattice")
    assert paper.year == 2011 and len(paper.authors) >= 2


# DBLP


def test_dblp_reads_a_person_with_coauthor_pids(replay: Replay, api_settings: ApiSettings) -> None:
    xml = shared("fixtures/api/dblp/person_95-7448-1_Di_Xu_0001.xml")
    replay.add_file("https://dblp.org/pid/95/7448-1.xml", xml)
    found = Dblp.from_settings(api_settings, **NO_WAIT).person("95/7448-1")
    assert found is not None
    person, works = found
    assert (person.id, person.name, person.works_count) == ("95/7448-1", "Di Xu", 8)
    assert person.affiliations[0].startswith("University of British Columbia")
    assert len(works) == 8
    first = next(w for w in works if w.id == "conf/3dtv/Coria-MendozaXN12")
    assert [(a.position, a.name, a.id) for a in first.authors] == [
        (1, "Lino Coria-Mendoza", "32/5783"),
        (2, "Di Xu", "95/7448-1"),
        (3, "Panos Nasiopoulos", "55/3871"),
    ]
    assert first.doi == "10.1109/3dtv.2012.6365428" and first.year == 2012


def test_dblp_title_search_asks_the_publication_search_for_ten_hits(
    replay: Replay, api_settings: ApiSettings
) -> None:
    """Constructed (no recorded DBLP search response exists): one hit, shaped as
    DBLP's search API documents it."""
    hit = {"info": {"key": "conf/x/A1", "title": "On Joins.", "year": "2020", "authors": {
        "author": {"@pid": "1/2", "text": "Ann Lee 0002"}}}}  # fmt: skip
    answer = {"result": {"hits": {"hit": hit}}}
    replay.add(
        "GET", "https://dblp.org/search/publ/api?q=On+Joins&format=json&h=10", json.dumps(answer)
    )
    (work,) = Dblp.from_settings(api_settings, **NO_WAIT).search_works("On Joins")
    assert (work.id, work.title, [a.name for a in work.authors]) == (
        "conf/x/A1",
        "On Joins",
        ["Ann Lee"],
    )
    assert not replay.misses


def test_dblp_search_hits_read_one_or_many_authors() -> None:
    """No recorded DBLP search response exists (see the shared PROVENANCE); these
    are shaped as DBLP's search API documents them: one item bare, several a list."""
    authors = parse_author_hits(
        {
            "result": {
                "hits": {
                    "hit": {
                        "info": {
                            "author": "Di Xu 0001",
                            "url": "https://dblp.org/pid/95/7448-1",
                            "notes": {"note": {"@type": "affiliation", "text": "UBC"}},
                        }
                    }
                }
            }
        }
    )
    assert [(a.id, a.name, a.affiliations) for a in authors] == [("95/7448-1", "Di Xu", ["UBC"])]
    works = parse_publication_hits(
        {
            "result": {
                "hits": {
                    "hit": [
                        {
                            "info": {
                                "key": "conf/x/A1",
                                "title": "On Joins.",
                                "year": "2020",
                                "authors": {
                                    "author": [
                                        {"@pid": "1/2", "text": "Ann Lee 0002"},
                                        {"@pid": "3/4", "text": "Bo Chen"},
                                    ]
                                },
                            }
                        }
                    ]
                }
            }
        }
    )
    assert [(w.title, w.year, [a.name for a in w.authors]) for w in works] == [
        ("On Joins", 2020, ["Ann Lee", "Bo Chen"])
    ]


# ORCID

BINFIELD = "0000-0002-9341-7985"


@pytest.fixture
def orcid(replay: Replay, api_settings: ApiSettings) -> Orcid:
    for part in ("person", "works"):
        body = RECORDED / "orcid" / f"{part}_{BINFIELD}.json"
        replay.add_file(f"https://pub.orcid.org/v3.0/{BINFIELD}/{part}", body)
    return Orcid.from_settings(api_settings, **NO_WAIT)


def test_orcid_reads_a_record_owner_and_their_works_by_id_asking_for_json(
    orcid: Orcid, replay: Replay
) -> None:
    author, works = orcid.author_works(f"https://orcid.org/{BINFIELD}")
    assert author is not None and (author.id, author.name, author.orcid) == (
        BINFIELD,
        "Peter Binfield",
        BINFIELD,
    )
    assert len(works) == 8 and all(w.source == "orcid" and not w.authors for w in works)
    academic = next(w for w in works if w.title == "Academic journal publishing")
    assert (academic.id, academic.year, academic.doi) == (
        f"{BINFIELD}/work/15536014",
        2008,
        "10.1080/03615260801973992",
    )
    assert sum(1 for w in works if w.doi) == 4  # Scopus ids (eid) are no DOI
    assert all(h.get("Accept") == "application/json" for h in replay.headers)
    assert not replay.misses


def test_orcid_unknown_or_malformed_id_is_none(orcid: Orcid, replay: Replay) -> None:
    assert orcid.author_works("0000-0001-0000-0000") == (None, [])
    assert orcid.author_works("not an orcid") == (None, [])
    assert len(replay.seen) == 1  # the malformed one is never sent


def test_orcid_shows_the_credit_name_keeps_the_full_name_and_reads_journals_as_venues(
    replay: Replay, api_settings: ApiSettings
) -> None:
    orcid = "0000-0003-1444-9135"
    for part in ("person", "works"):
        body = shared(f"fixtures/api/orcid/{part}_{orcid}.json")
        replay.add_file(f"https://pub.orcid.org/v3.0/{orcid}/{part}", body)
    author, works = Orcid.from_settings(api_settings, **NO_WAIT).author_works(orcid)
    assert author is not None
    assert (author.name, author.aliases) == ("Scott A Chamberlain", ["Scott Chamberlain"])
    assert len(works) == 111 and sum(1 for w in works if w.doi) == 97
    first = next(w for w in works if w.id == f"{orcid}/work/44924450")
    assert (first.title, first.year, first.venue) == (
        "Phylogeny Based Biodiversity Data Queries",
        2018,
        "Biodiversity Information Science and Standards",
    )
