"""DBLP: a person's record (XML, with every co-author's pid) and author and
publication search (JSON). DBLP throttles hard: the default rate is one request
every two seconds, and a 429's ``Retry-After`` is honoured (see ``Http``)."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

import requests

from scholargraph import ids
from scholargraph.enrich.apis.client import TITLE_HITS, ApiClient
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork, WorkAuthor
from scholargraph.http import text_body

RECORDS = (
    "article",
    "inproceedings",
    "proceedings",
    "book",
    "incollection",
    "phdthesis",
    "informal",
)
_HOMONYM = re.compile(r"\s+\d{4}$")


def plain_name(name: str) -> str:
    """DBLP tells namesakes apart by a number; the name without it.

    >>> plain_name("Di Xu 0001")
    'Di Xu'
    """
    return _HOMONYM.sub("", name.strip())


def stream(key: str) -> dict[str, str]:
    """The venue ids of a DBLP record key: its stream (``conf/nsdi``).

    >>> stream("conf/nsdi/LiuM26"), stream("homepages/95/7448-1")
    ({'dblp_key': 'conf/nsdi'}, {})
    """
    parts = key.split("/")
    return {"dblp_key": "/".join(parts[:2])} if parts[0] in ("conf", "journals") else {}


def _work(record: ElementTree.Element) -> ApiWork:
    def text(tag: str) -> str | None:
        found = record.find(tag)
        return " ".join("".join(found.itertext()).split()) if found is not None else None

    links = [e.text or "" for e in record.findall("ee")]
    year = text("year")
    return ApiWork(
        source="dblp",
        id=record.get("key", ""),
        title=(text("title") or "").rstrip("."),
        year=int(year) if year and year.isdigit() else None,
        doi=next((d for link in links if (d := ids.normalize_doi(link))), None),
        arxiv=next(
            (a for link in links if "arxiv.org" in link and (a := ids.normalize_arxiv(link))), None
        ),
        venue=text("booktitle") or text("journal"),
        venue_ids=stream(record.get("key", "")),
        authors=[
            WorkAuthor(name=plain_name(a.text or ""), position=n, id=a.get("pid"))
            for n, a in enumerate(record.findall("author"), start=1)
        ],
    )


def parse_person(xml: str) -> tuple[ApiAuthor, list[ApiWork]]:
    """A ``/pid/….xml`` record: the person and their publications."""
    root = ElementTree.fromstring(xml)
    person = root.find("person")
    notes = person.findall("note") if person is not None else []
    author = ApiAuthor(
        source="dblp",
        id=root.get("pid", ""),
        name=plain_name(root.get("name", "")),
        affiliations=[n.text or "" for n in notes if n.get("type") == "affiliation" and n.text],
        works_count=int(root.get("n", "0") or 0),
    )
    works = [_work(rec) for r in root.findall("r") for rec in r if rec.tag in RECORDS]
    return author, works


def _listed(value: Any) -> list[Any]:
    """DBLP's JSON gives one item bare and several as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _infos(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``info`` of each hit of a search answer."""
    hits = _listed(((data.get("result") or {}).get("hits") or {}).get("hit"))
    return [hit.get("info") or {} for hit in hits]


def parse_author_hits(data: dict[str, Any]) -> list[ApiAuthor]:
    found = []
    for info in _infos(data):
        notes = _listed((info.get("notes") or {}).get("note"))
        found.append(
            ApiAuthor(
                source="dblp",
                id=str(info.get("url", "")).split("/pid/", 1)[-1],
                name=plain_name(str(info.get("author", ""))),
                aliases=[
                    plain_name(str(a)) for a in _listed((info.get("aliases") or {}).get("alias"))
                ],
                affiliations=[
                    str(n.get("text"))
                    for n in notes
                    if isinstance(n, dict) and n.get("@type") == "affiliation"
                ],
            )
        )
    return found


def parse_publication_hits(data: dict[str, Any]) -> list[ApiWork]:
    works = []
    for info in _infos(data):
        authors = _listed((info.get("authors") or {}).get("author"))
        year = str(info.get("year", ""))
        works.append(
            ApiWork(
                source="dblp",
                id=str(info.get("key", "")),
                title=str(info.get("title", "")).rstrip("."),
                year=int(year) if year.isdigit() else None,
                doi=ids.normalize_doi(info.get("doi")),
                venue=str(info["venue"]) if info.get("venue") else None,
                venue_ids=stream(str(info.get("key", ""))),
                authors=[
                    WorkAuthor(
                        name=plain_name(str(a.get("text", "")) if isinstance(a, dict) else str(a)),
                        position=n,
                        id=a.get("@pid") if isinstance(a, dict) else None,
                    )
                    for n, a in enumerate(authors, start=1)
                ],
            )
        )
    return works


def person_xml(response: requests.Response) -> tuple[ApiAuthor, list[ApiWork]]:
    return parse_person(text_body(response))


class Dblp(ApiClient):
    api = "dblp"
    has_authors = True

    def person(self, pid: str) -> tuple[ApiAuthor, list[ApiWork]] | None:
        """A person by DBLP pid (``95/7448-1``) with every publication and co-author pid."""
        return self.http.fetch(f"/pid/{pid}.xml", parse=person_xml)

    def author_works(self, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
        return self.person(author_id) or (None, [])

    def search_authors(self, name: str, hits: int = 30) -> list[ApiAuthor]:
        found: list[ApiAuthor] | None = self.http.get_json(
            "/search/author/api",
            {"q": name, "format": "json", "h": hits},
            shape=lambda data: parse_author_hits(data or {}),
        )
        return found or []

    def search_works(self, title: str) -> list[ApiWork]:
        return self.search_publications(title, TITLE_HITS)

    def search_publications(self, query: str, hits: int = 100) -> list[ApiWork]:
        found: list[ApiWork] | None = self.http.get_json(
            "/search/publ/api",
            {"q": query, "format": "json", "h": hits},
            shape=lambda data: parse_publication_hits(data or {}),
        )
        return found or []
