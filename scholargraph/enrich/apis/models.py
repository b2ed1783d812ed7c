"""What the public APIs say, in one shape whichever API said it.

Clients turn each API's JSON or XML into these plain records; matching and
enrichment read only these. ``source`` is the API (``openalex``, ``s2``, ``dblp``,
``crossref``, ``arxiv``) and ``id`` its identifier for the thing, so
``(source, id)`` names where every fact came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WorkIds:
    """The identifiers a work is looked up by."""

    doi: str | None = None
    arxiv: str | None = None


@dataclass
class ApiAuthor:
    """A person as an API knows them."""

    source: str
    id: str
    name: str
    orcid: str | None = None
    aliases: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)  # names, most recent first
    works_count: int | None = None
    merged_from: str | None = None  # the id asked for, when the API had merged it into ``id``


@dataclass
class WorkAuthor:
    """One author of a work, in author order (``position`` is 1-based)."""

    name: str
    position: int
    id: str | None = None  # the API's author id
    orcid: str | None = None
    affiliations: list[str] = field(default_factory=list)


@dataclass
class ApiWork:
    """A publication as an API knows it."""

    source: str
    id: str
    title: str
    year: int | None = None
    doi: str | None = None
    arxiv: str | None = None
    venue: str | None = None
    venue_ids: dict[str, str] = field(default_factory=dict)  # openalex_id, issn, dblp_key
    abstract: str | None = None
    authors: list[WorkAuthor] = field(default_factory=list)
    authors_truncated: bool = False  # the API cut the author list short
    topics: list[str] = field(default_factory=list)
    external_ids: dict[str, str] = field(default_factory=dict)  # other APIs' ids for it
