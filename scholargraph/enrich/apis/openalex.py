"""OpenAlex: authors, works, institutions and topics (https://docs.openalex.org).

Lists are read with ``per_page`` at its maximum (200) and cursor paging; many
works are fetched in one call by OR-ing ids (``doi:a|b``, at most 50 to a
filter); ``select`` trims payloads to the fields we read. A list result cuts
author lists at 100 (``is_authors_truncated``): such works are fetched again
one by one. A merged author or work answers with a 301 to the id it now has;
the client follows it and reports both ids. Since 2026 the API wants a key
(``OPENALEX_API_KEY``), sent as ``api_key``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from scholargraph import ids
from scholargraph.config import ApiSettings
from scholargraph.enrich.apis.client import TITLE_HITS, ApiClient, paired
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork, WorkAuthor, WorkIds
from scholargraph.errors import ApiError

PER_PAGE = 200  # the documented maximum
OR_LIMIT = 50  # ids OR-ed in one filter at most
MAX_PAGES = 1000  # pages of one list at most (200,000 works): more is a server gone wrong
WORK_FIELDS = (
    "id,doi,title,display_name,publication_year,ids,primary_location,authorships,"
    "is_authors_truncated,topics,abstract_inverted_index"
)
DELETED = "Deleted Author"  # the stub OpenAlex keeps at a removed author id
_WORK_ID = re.compile(r"W\d+")
AUTHOR_FIELDS = (
    "id,display_name,display_name_alternatives,orcid,works_count,affiliations,"
    "last_known_institutions"
)


def short_id(url_or_id: str) -> str:
    """``https://openalex.org/W123`` -> ``W123``.

    >>> short_id("https://openalex.org/A5023888391"), short_id("w12")
    ('A5023888391', 'W12')
    """
    return url_or_id.rstrip("/").rsplit("/", 1)[-1].upper()


def abstract_text(inverted: dict[str, list[int]] | None) -> str | None:
    """The abstract from OpenAlex's inverted index (word -> positions).

    >>> abstract_text({"graphs": [1], "Big": [0], "matter": [2]})
    'Big graphs matter'
    """
    if not inverted:
        return None
    at = {i: word for word, places in inverted.items() for i in places}
    return " ".join(at[i] for i in sorted(at))


def parse_author(data: dict[str, Any]) -> ApiAuthor:
    recent = [i["display_name"] for i in data.get("last_known_institutions") or []]
    past = [a["institution"]["display_name"] for a in data.get("affiliations") or []]
    return ApiAuthor(
        source="openalex",
        id=short_id(data["id"]),
        name=data.get("display_name") or "",
        orcid=_orcid(data.get("orcid")),
        aliases=[
            n for n in data.get("display_name_alternatives") or [] if n != data.get("display_name")
        ],
        affiliations=list(dict.fromkeys(n for n in [*recent, *past] if n)),
        works_count=data.get("works_count"),
    )


def parse_work(data: dict[str, Any]) -> ApiWork:
    external = data.get("ids") or {}
    location = data.get("primary_location") or {}
    source = location.get("source") or {}
    venue_ids = {"openalex_id": short_id(source["id"])} if source.get("id") else {}
    if source.get("issn_l") and source.get("type") == "journal":  # not a book series'
        venue_ids["issn"] = str(source["issn_l"])
    authors = [
        WorkAuthor(
            name=a.get("raw_author_name") or (a.get("author") or {}).get("display_name") or "",
            position=n,
            id=short_id(a["author"]["id"]) if (a.get("author") or {}).get("id") else None,
            orcid=_orcid((a.get("author") or {}).get("orcid")),
            affiliations=[
                i["display_name"] for i in a.get("institutions") or [] if i.get("display_name")
            ],
        )
        for n, a in enumerate(data.get("authorships") or [], start=1)
    ]
    landing = location.get("landing_page_url") or ""
    return ApiWork(
        source="openalex",
        id=short_id(data["id"]),
        title=data.get("title") or data.get("display_name") or "",
        year=data.get("publication_year"),
        doi=ids.normalize_doi(data.get("doi") or external.get("doi")),
        arxiv=ids.normalize_arxiv(landing) if "arxiv.org" in landing else None,
        venue=source.get("display_name"),
        venue_ids=venue_ids,
        abstract=abstract_text(data.get("abstract_inverted_index")),
        authors=authors,
        authors_truncated=bool(data.get("is_authors_truncated")),
        topics=[t["display_name"] for t in data.get("topics") or [] if t.get("display_name")],
        external_ids={k: str(v) for k, v in external.items() if k in ("mag", "pmid")},
    )


def _living_author(data: dict[str, Any]) -> ApiAuthor | None:
    """The author of an answer; None for the stub OpenAlex keeps of a deleted one."""
    if data.get("display_name") == DELETED and not data.get("works_count"):
        return None
    return parse_author(data)


def _work_page(page: dict[str, Any] | None) -> tuple[list[ApiWork], str | None] | None:
    """A page of a works list: its works and the next cursor (None at the end)."""
    if not page:
        return None
    cursor = (page.get("meta") or {}).get("next_cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise TypeError(f"next_cursor is {type(cursor).__name__}")
    return [parse_work(w) for w in page.get("results") or []], cursor


def _orcid(value: str | None) -> str | None:
    return value.rstrip("/").rsplit("/", 1)[-1] if value else None


class OpenAlex(ApiClient):
    """A thin client over one ``Http`` session."""

    api = "openalex"
    has_authors = True

    @staticmethod
    def params(settings: ApiSettings) -> dict[str, str]:
        params = {"api_key": settings.openalex_api_key} if settings.openalex_api_key else {}
        return params | ({"mailto": settings.mailto} if settings.mailto else {})

    def author(self, author_id: str) -> ApiAuthor | None:
        """One author by OpenAlex id or ORCID; a merged id comes back as the id it
        was merged into, with ``merged_from`` set; a deleted one is None."""
        asked = short_id(author_id) if not author_id.startswith("orcid:") else author_id
        author: ApiAuthor | None = self.http.get_json(
            f"/authors/{asked}", {"select": AUTHOR_FIELDS}, shape=_living_author
        )
        if author is None:
            return None
        if author.id != asked and not asked.startswith("orcid:"):
            author.merged_from = asked
        return author

    def author_works(self, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
        """An author and their works (a merged id comes back as its new id)."""
        author = self.author(author_id)
        return author, list(self.works_of(author.id)) if author else []

    def works_by_ids(self, keys: Sequence[WorkIds]) -> dict[WorkIds, ApiWork]:
        """The works of the keys' DOIs, 50 to a request."""
        return paired(keys, self.works(sorted({k.doi for k in keys if k.doi})))

    def search_authors(self, name: str, limit: int = 25) -> list[ApiAuthor]:
        """Authors whose names fit ``name``, most works first."""
        found: list[ApiAuthor] | None = self.http.get_json(
            "/authors",
            {"search": name, "per_page": min(limit, PER_PAGE), "select": AUTHOR_FIELDS},
            shape=lambda data: [parse_author(a) for a in (data or {}).get("results") or []],
        )
        return found or []

    def search_works(self, title: str) -> list[ApiWork]:
        """Works whose text fits ``title``, most relevant first."""
        found: list[ApiWork] | None = self.http.get_json(
            "/works",
            {"search": title, "per_page": TITLE_HITS, "select": WORK_FIELDS},
            shape=lambda data: [parse_work(w) for w in (data or {}).get("results") or []],
        )
        return found or []

    def work(self, work_id: str) -> ApiWork | None:
        """One work by OpenAlex id or DOI (``doi:10.…``), with its whole author list."""
        work: ApiWork | None = self.http.get_json(
            f"/works/{work_id}", {"select": WORK_FIELDS}, shape=parse_work
        )
        return work

    def works_of(self, author_id: str) -> Iterator[ApiWork]:
        """Every work of an author, 200 a page by cursor."""
        yield from self._complete(self._pages({"filter": f"author.id:{short_id(author_id)}"}))

    def works(self, keys: Iterable[str]) -> Iterator[ApiWork]:
        """The works named by ``keys`` (DOIs or OpenAlex work ids), 50 to a request;
        keys OpenAlex does not know are left out."""
        dois, wids = set(), set()
        for key in keys:
            if doi := ids.normalize_doi(key):
                dois.add(doi)
            elif _WORK_ID.fullmatch(short_id(key)):
                wids.add(short_id(key))
        for field_name, found in (("doi", dois), ("openalex", wids)):
            values = sorted(found)
            for start in range(0, len(values), OR_LIMIT):
                chunk = "|".join(values[start : start + OR_LIMIT])
                yield from self._complete(self._pages({"filter": f"{field_name}:{chunk}"}))

    def _pages(self, params: dict[str, str]) -> Iterator[ApiWork]:
        """The works of a list, page by page; a cursor that comes back (a server
        paging in a circle) or more than MAX_PAGES pages stop it with an ApiError,
        and the list's pages are dropped from the cache (the next run asks again)."""
        cursor: str | None = "*"
        seen: list[str] = []
        while cursor:
            if cursor in seen or len(seen) >= MAX_PAGES:
                why = "the same next_cursor came back" if cursor in seen else "too many pages"
                for asked in seen:
                    self.http.forget("/works", self._page(params, asked))
                raise ApiError(
                    f"{self.api}: {self.http.shown('/works', params)}: {why}"
                    f" after {len(seen)} page(s); stopped paging, not cached",
                    hint="the server pages in a circle; try again later",
                )
            seen.append(cursor)
            page: tuple[list[ApiWork], str | None] | None = self.http.get_json(
                "/works", self._page(params, cursor), shape=_work_page
            )
            if not page:
                return
            works, cursor = page
            yield from works
            if not works:
                return

    @staticmethod
    def _page(params: dict[str, str], cursor: str) -> dict[str, str | int]:
        return {**params, "per_page": PER_PAGE, "cursor": cursor, "select": WORK_FIELDS}

    def _complete(self, works: Iterable[ApiWork]) -> Iterator[ApiWork]:
        """Works whose author list a list result cut short, fetched again whole."""
        for work in works:
            yield (self.work(work.id) or work) if work.authors_truncated else work
