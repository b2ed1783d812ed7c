"""Semantic Scholar Graph API: author search, an author's papers, papers in batches.

``/paper/batch`` takes up to 500 ids a request (S2 ids, ``DOI:``, ``ARXIV:``,
``CorpusId:`` …) and answers in the same order, ``null`` for an unknown id.
A key (``S2_API_KEY``) goes in the ``x-api-key`` header.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import requests

from scholargraph import ids
from scholargraph.config import ApiSettings
from scholargraph.enrich.apis.client import TITLE_HITS, ApiClient
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork, WorkAuthor, WorkIds
from scholargraph.errors import ApiError
from scholargraph.http import json_body

BATCH = 500  # ids per /paper/batch request, the documented maximum
PAGE = 1000  # papers per /author/{id}/papers page, the documented maximum
MAX_PAGES = 1000  # pages of one list at most: more is a server gone wrong
PAPER_FIELDS = "title,year,venue,externalIds,abstract,authors"
AUTHOR_FIELDS = "name,aliases,affiliations,paperCount,externalIds"


def parse_author(data: dict[str, Any]) -> ApiAuthor:
    external = data.get("externalIds") or {}
    orcid = external.get("ORCID")
    return ApiAuthor(
        source="s2",
        id=str(data["authorId"]),
        name=data.get("name") or "",
        orcid=str(orcid) if orcid else None,
        aliases=[a for a in data.get("aliases") or [] if a != data.get("name")],
        affiliations=list(data.get("affiliations") or []),
        works_count=data.get("paperCount"),
    )


def parse_paper(data: dict[str, Any]) -> ApiWork:
    external = {k: str(v) for k, v in (data.get("externalIds") or {}).items() if v is not None}
    return ApiWork(
        source="s2",
        id=str(data["paperId"]),
        title=data.get("title") or "",
        year=data.get("year"),
        doi=ids.normalize_doi(external.get("DOI")),
        arxiv=ids.normalize_arxiv(external.get("ArXiv")),
        venue=data.get("venue") or None,
        abstract=data.get("abstract"),
        authors=[
            WorkAuthor(name=a.get("name") or "", position=n, id=a.get("authorId"))
            for n, a in enumerate(data.get("authors") or [], start=1)
        ],
        external_ids={k: v for k, v in external.items() if k in ("DBLP", "CorpusId", "MAG")},
    )


def paper_key(key: str) -> str:
    """The batch id for a DOI URL, an arXiv id or an S2 id (a bare DOI, which S2
    also takes, and prefixed ids pass as they are).

    >>> paper_key("https://doi.org/10.1145/3600006.3613165"), paper_key("arXiv:2401.00001v2")
    ('DOI:10.1145/3600006.3613165', 'ARXIV:2401.00001')
    """
    if key.lower().startswith(("http", "doi:")) and (doi := ids.normalize_doi(key)):
        return f"DOI:{doi}"
    if key.lower().startswith("arxiv:") and (arxiv := ids.normalize_arxiv(key)):
        return f"ARXIV:{arxiv}"
    return key


class SemanticScholar(ApiClient):
    api = "s2"
    has_authors = True

    @staticmethod
    def headers(settings: ApiSettings) -> dict[str, str]:
        return {"x-api-key": settings.s2_api_key} if settings.s2_api_key else {}

    def search_authors(self, name: str, limit: int = 100) -> list[ApiAuthor]:
        found: list[ApiAuthor] | None = self.http.get_json(
            "/author/search",
            {"query": name, "fields": AUTHOR_FIELDS, "offset": 0, "limit": limit},
            shape=lambda data: [parse_author(a) for a in (data or {}).get("data") or []],
        )
        return found or []

    def search_works(self, title: str) -> list[ApiWork]:
        """Papers whose titles fit ``title``, most relevant first."""
        found: list[ApiWork] | None = self.http.get_json(
            "/paper/search",
            {"query": title, "fields": PAPER_FIELDS, "offset": 0, "limit": TITLE_HITS},
            shape=lambda data: [parse_paper(p) for p in (data or {}).get("data") or []],
        )
        return found or []

    def author(self, author_id: str) -> ApiAuthor | None:
        author: ApiAuthor | None = self.http.get_json(
            f"/author/{author_id}",
            {"fields": AUTHOR_FIELDS},
            shape=lambda data: parse_author(data) if data else None,
        )
        return author

    def author_works(self, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
        author = self.author(author_id)
        return author, list(self.author_papers(author_id)) if author else []

    def works_by_ids(self, keys: Sequence[WorkIds]) -> dict[WorkIds, ApiWork]:
        """Each key's paper (by DOI, else arXiv id), 500 a request."""
        keys = [k for k in keys if k.doi or k.arxiv]
        asked = [f"DOI:{k.doi}" if k.doi else f"ARXIV:{k.arxiv}" for k in keys]
        return {k: w for k, w in zip(keys, self.papers(asked), strict=True) if w}

    def author_papers(self, author_id: str) -> Iterator[ApiWork]:
        """Every paper of an author, following ``next`` page by page; a ``next`` that
        does not move forward (a server paging in a circle) or more than MAX_PAGES
        pages stop it with an ApiError, and the list's pages are dropped from the
        cache (the next run asks again)."""
        path = f"/author/{author_id}/papers"
        offset: int | None = 0
        asked: list[dict[str, str | int]] = []
        while offset is not None:
            params: dict[str, str | int] = {"fields": PAPER_FIELDS, "offset": offset, "limit": PAGE}
            asked.append(params)
            page: tuple[list[ApiWork], int | None] | None = self.http.get_json(
                path, params, shape=_paper_page
            )
            if not page:
                return
            papers, following = page
            yield from papers
            if following is not None and (following <= offset or len(asked) >= MAX_PAGES):
                why = "too many pages" if following > offset else f"next={following} repeats"
                for each in asked:
                    self.http.forget(path, each)
                raise ApiError(
                    f"{self.api}: {self.http.shown(path, params)}:"
                    f" {why} after {len(asked)} page(s); stopped paging, not cached",
                    hint="the server pages in a circle; try again later",
                )
            offset = following

    def paper(self, key: str) -> ApiWork | None:
        paper: ApiWork | None = self.http.get_json(
            f"/paper/{paper_key(key)}",
            {"fields": PAPER_FIELDS},
            shape=lambda data: parse_paper(data) if data else None,
        )
        return paper

    def papers(self, keys: Iterable[str]) -> list[ApiWork | None]:
        """Papers for DOIs, arXiv ids (``arXiv:…``) or S2 ids, in order, 500 a request;
        None where S2 knows none."""
        wanted = [paper_key(k) for k in keys]
        found: list[ApiWork | None] = []
        for start in range(0, len(wanted), BATCH):
            chunk = wanted[start : start + BATCH]
            rows = self.http.fetch(
                "/paper/batch",
                {"fields": PAPER_FIELDS},
                parse=_batch,
                method="POST",
                json={"ids": chunk},
            )
            found += rows if rows is not None else [None] * len(chunk)
        return found


def _batch(response: requests.Response) -> list[ApiWork | None]:
    rows = json_body(response)
    if not isinstance(rows, list):
        raise TypeError(f"a batch answer is a list, not {type(rows).__name__}")
    return [parse_paper(r) if r else None for r in rows]


def _paper_page(page: dict[str, Any] | None) -> tuple[list[ApiWork], int | None] | None:
    """A page of an author's papers and the offset of the next (None at the end)."""
    if not page:
        return None
    following = page.get("next")
    if following is not None and not isinstance(following, int):
        raise TypeError(f"next is {type(following).__name__}")
    return [parse_paper(p) for p in page.get("data") or []], following
