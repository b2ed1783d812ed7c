"""arXiv API (Atom): papers by id list and by query. arXiv asks for one request
every three seconds (the default rate for ``arxiv``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from xml.etree import ElementTree

import requests

from scholargraph import ids
from scholargraph.enrich.apis.client import ApiClient, paired
from scholargraph.enrich.apis.models import ApiWork, WorkAuthor, WorkIds
from scholargraph.http import text_body

IDS_PER_REQUEST = 100
# Sent with every query, as arXiv's own examples do (and so one cache key per question).
EVERY_QUERY = {"search_query": "", "id_list": "", "sortBy": "relevance", "sortOrder": "descending"}
NS = {"a": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}


def _text(entry: ElementTree.Element, path: str) -> str | None:
    found = entry.find(path, NS)
    return " ".join(found.text.split()) if found is not None and found.text else None


def parse_feed(xml: str) -> list[ApiWork]:
    """The papers of an Atom feed (an error entry, as for a malformed id, is none).

    >>> parse_feed('<feed xmlns="http://www.w3.org/2005/Atom"/>')
    []
    """
    works = []
    for entry in ElementTree.fromstring(xml).findall("a:entry", NS):
        arxiv = ids.normalize_arxiv(_text(entry, "a:id"))
        title = _text(entry, "a:title")
        if not arxiv or not title or title == "Error":
            continue
        published = _text(entry, "a:published") or ""
        works.append(
            ApiWork(
                source="arxiv",
                id=arxiv,
                title=title,
                year=int(published[:4]) if published[:4].isdigit() else None,
                doi=ids.normalize_doi(_text(entry, "arxiv:doi")),
                arxiv=arxiv,
                venue=_text(entry, "arxiv:journal_ref"),
                abstract=_text(entry, "a:summary"),
                authors=[
                    WorkAuthor(
                        name=_text(a, "a:name") or "",
                        position=n,
                        affiliations=[
                            " ".join(x.text.split())
                            for x in a.findall("arxiv:affiliation", NS)
                            if x.text
                        ],
                    )
                    for n, a in enumerate(entry.findall("a:author", NS), start=1)
                ],
            )
        )
    return works


def feed(response: requests.Response) -> list[ApiWork]:
    return parse_feed(text_body(response))


class Arxiv(ApiClient):
    api = "arxiv"

    def papers(self, arxiv_ids: Iterable[str]) -> list[ApiWork]:
        """The papers of many arXiv ids, 100 to a request (unknown ids left out)."""
        wanted = list(dict.fromkeys(a for x in arxiv_ids if (a := ids.normalize_arxiv(x))))
        found: list[ApiWork] = []
        for start in range(0, len(wanted), IDS_PER_REQUEST):
            chunk = wanted[start : start + IDS_PER_REQUEST]
            found += self._query({"id_list": ",".join(chunk), "max_results": len(chunk)})
        return found

    def works_by_ids(self, keys: Sequence[WorkIds]) -> dict[WorkIds, ApiWork]:
        """The papers of the keys' arXiv ids, 100 to a request."""
        return paired(keys, self.papers(sorted({k.arxiv for k in keys if k.arxiv})))

    def search(self, query: str, max_results: int = 50) -> list[ApiWork]:
        """Papers fitting an arXiv query (``ti:"…" AND au:…``), most relevant first."""
        return self._query({"search_query": query, "max_results": max_results})

    def _query(self, params: dict[str, Any]) -> list[ApiWork]:
        asked = {**EVERY_QUERY, "start": 0, **params}
        return self.http.fetch("/query", asked, parse=feed) or []
