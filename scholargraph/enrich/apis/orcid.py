"""ORCID public API v3.0 (https://pub.orcid.org/v3.0): a person's record by their
ORCID iD, read from ``/{orcid}/person`` (names, other names) and ``/{orcid}/works``
(every work they list, grouped by what each source said of it).

ORCID is asked by iD only: a person the user's documents give an ORCID, or whose
ORCID an author record matched in the same run gave. Its work summaries carry
no author lists (only the record's owner is known to be an author); of each
group of summaries (one a source) the first is read, with the first DOI and arXiv
id any of them gives. Answers are asked for as ``application/json``.
"""

from __future__ import annotations

import re
from typing import Any

from scholargraph import ids
from scholargraph.config import ApiSettings
from scholargraph.enrich.apis.client import ApiClient
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork

_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def orcid_id(text: str | None) -> str | None:
    """The bare iD of an ORCID as written (a URL, ``orcid:…``, lower-case x).

    >>> orcid_id("https://orcid.org/0000-0002-1694-233x"), orcid_id("not one")
    ('0000-0002-1694-233X', None)
    """
    found = _ORCID.search((text or "").upper())
    return found.group(0) if found else None


def _value(data: dict[str, Any] | None, *path: str) -> str | None:
    """The ``value`` at the end of ``path`` (ORCID wraps every scalar in one)."""
    for key in path:
        data = (data or {}).get(key)
    value = (data or {}).get("value")
    if value is None:
        return None
    return " ".join(str(value).split()) or None


def parse_person(orcid: str, data: dict[str, Any]) -> ApiAuthor:
    """The record's owner: the credit name, else given and family names."""
    name = data.get("name") or {}
    given, family = _value(name, "given-names"), _value(name, "family-name")
    full = " ".join(n for n in (given, family) if n)
    shown = _value(name, "credit-name") or full
    others = [
        n
        for o in (data.get("other-names") or {}).get("other-name") or []
        if (n := _value(o, "content"))
    ]
    return ApiAuthor(
        source="orcid",
        id=orcid,
        name=shown,
        orcid=orcid,
        aliases=list(dict.fromkeys(n for n in (full, *others) if n and n != shown)),
    )


def _external(summaries: list[dict[str, Any]], kind: str) -> str | None:
    """The first ``kind`` (``doi``, ``arxiv``) identifier among a group's summaries."""
    for summary in summaries:
        for ext in (summary.get("external-ids") or {}).get("external-id") or []:
            if ext.get("external-id-type") == kind and ext.get("external-id-value"):
                return str(ext["external-id-value"])
    return None


def parse_works(orcid: str, data: dict[str, Any]) -> list[ApiWork]:
    """The works of a ``/works`` answer, one a group (a summary without a title is none)."""
    works = []
    for group in data.get("group") or []:
        summaries = group.get("work-summary") or []
        if not summaries:
            continue
        shown = summaries[0]
        title = _value(shown, "title", "title")
        if not title:
            continue
        year = _value(shown, "publication-date", "year")
        works.append(
            ApiWork(
                source="orcid",
                id=f"{orcid}/work/{shown['put-code']}",
                title=title,
                year=int(year) if year and year.isdigit() else None,
                doi=ids.normalize_doi(_external(summaries, "doi")),
                arxiv=ids.normalize_arxiv(_external(summaries, "arxiv")),
                venue=_value(shown, "journal-title"),
            )
        )
    return works


class Orcid(ApiClient):
    """A thin client over one ``Http`` session."""

    api = "orcid"
    has_authors = True
    by_id_only = True

    @staticmethod
    def headers(settings: ApiSettings) -> dict[str, str]:
        return {"Accept": "application/json"}

    def person(self, orcid: str) -> ApiAuthor | None:
        """The owner of an ORCID record (None when ORCID has no such iD)."""
        bare = orcid_id(orcid)
        if not bare:
            return None
        author: ApiAuthor | None = self.http.get_json(
            f"/{bare}/person", shape=lambda data: parse_person(bare, data) if data else None
        )
        return author

    def works_of(self, orcid: str) -> list[ApiWork]:
        """The works an ORCID record lists."""
        bare = orcid_id(orcid)
        if not bare:
            return []
        works: list[ApiWork] | None = self.http.get_json(
            f"/{bare}/works", shape=lambda data: parse_works(bare, data or {})
        )
        return works or []

    def author_works(self, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
        author = self.person(author_id)
        return author, self.works_of(author.id) if author else []
