"""Crossref REST API: works by DOI (one, or many in one filtered request) and by query.

``mailto`` puts requests in the polite pool; the ``X-Rate-Limit-*`` headers it
sends back slow the client down (see ``Http``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from scholargraph import ids
from scholargraph.config import ApiSettings
from scholargraph.enrich.apis.client import TITLE_HITS, ApiClient, paired
from scholargraph.enrich.apis.models import ApiWork, WorkAuthor, WorkIds

DOIS_PER_REQUEST = 50  # ``filter=doi:a,doi:b,…`` OR-s the DOIs
_TAG = re.compile(r"<[^>]+>")


def plain(text: str | None) -> str | None:
    """Crossref abstracts are JATS XML; the words only.

    >>> plain("<jats:title>Abstract</jats:title><jats:p>Oligomers &amp; cells</jats:p>")
    'Oligomers & cells'
    """
    if not text:
        return None
    words = " ".join(
        html.unescape(_TAG.sub(" ", re.sub(r"<jats:title>.*?</jats:title>", "", text))).split()
    )
    return words or None


def _year(item: dict[str, Any]) -> int | None:
    for key in ("issued", "published", "published-print", "published-online", "created"):
        parts = (item.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and parts[0][0]:
            return int(parts[0][0])
    return None


def _journal_issn(item: dict[str, Any]) -> dict[str, str]:
    """A journal article's journal ISSN (a proceedings paper's is its book series',
    shared by many conferences: not the venue's)."""
    if item.get("type") == "journal-article" and item.get("ISSN"):
        return {"issn": str(item["ISSN"][0])}
    return {}


def parse_work(item: dict[str, Any]) -> ApiWork:
    authors = [
        WorkAuthor(
            name=" ".join(p for p in (a.get("given"), a.get("family")) if p) or a.get("name") or "",
            position=n,
            orcid=(a.get("ORCID") or "").rstrip("/").rsplit("/", 1)[-1] or None,
            affiliations=[x["name"] for x in a.get("affiliation") or [] if x.get("name")],
        )
        for n, a in enumerate(item.get("author") or [], start=1)
    ]
    doi = ids.normalize_doi(item.get("DOI")) or ""
    return ApiWork(
        source="crossref",
        id=doi,
        title=" ".join((item.get("title") or [""])[0].split()),
        year=_year(item),
        doi=doi or None,
        venue=(item.get("container-title") or [None])[0],
        venue_ids=_journal_issn(item),
        abstract=plain(item.get("abstract")),
        authors=authors,
    )


class Crossref(ApiClient):
    api = "crossref"

    @staticmethod
    def params(settings: ApiSettings) -> dict[str, str]:
        return {"mailto": settings.mailto} if settings.mailto else {}

    def work(self, doi: str) -> ApiWork | None:
        """The work a DOI names; None when Crossref does not know it."""
        bare = ids.normalize_doi(doi)
        if not bare:
            return None
        work: ApiWork | None = self.http.get_json(
            f"/works/{bare}", shape=lambda data: parse_work(data["message"]) if data else None
        )
        return work

    def works(self, dois: Iterable[str]) -> Iterator[ApiWork]:
        """The works of many DOIs, 50 to a request (unknown DOIs are left out)."""
        wanted = sorted({d for x in dois if (d := ids.normalize_doi(x))})
        for start in range(0, len(wanted), DOIS_PER_REQUEST):
            chunk = wanted[start : start + DOIS_PER_REQUEST]
            found: list[ApiWork] | None = self.http.get_json(
                "/works",
                {"filter": ",".join(f"doi:{d}" for d in chunk), "rows": len(chunk)},
                shape=_items,
            )
            yield from found or []

    def works_by_ids(self, keys: Sequence[WorkIds]) -> dict[WorkIds, ApiWork]:
        """The works of the keys' DOIs, 50 to a request."""
        return paired(keys, self.works(sorted({k.doi for k in keys if k.doi})))

    def search_works(self, title: str) -> list[ApiWork]:
        """Works whose bibliographic data (title, authors, year) fit ``title``, best first."""
        found: list[ApiWork] | None = self.http.get_json(
            "/works", {"query.bibliographic": title, "rows": TITLE_HITS}, shape=_items
        )
        return found or []


def _items(data: dict[str, Any] | None) -> list[ApiWork]:
    """The works of a list answer."""
    return [parse_work(i) for i in ((data or {}).get("message") or {}).get("items") or []]
