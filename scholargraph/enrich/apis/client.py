"""What every API client shares: one ``Http`` session, built from the settings,
and one protocol (``Client``) that enrichment talks to whichever API it asks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Protocol, Self

from scholargraph.config import ApiSettings
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork, WorkIds
from scholargraph.http import Http

TITLE_HITS = 10  # hits of a title search read (they come best first)


class Client(Protocol):
    """What enrichment asks of an API: works by identifier in batches and, where
    the API keeps author records (``has_authors``), authors by id and by name
    (by id only where ``by_id_only``: an iD learned in the run is asked by too)."""

    api: ClassVar[str]
    has_authors: ClassVar[bool]
    by_id_only: ClassVar[bool]
    http: Http

    def works_by_ids(self, keys: Sequence[WorkIds]) -> dict[WorkIds, ApiWork]:
        """The work each key names, for the keys the API knows."""
        ...

    def author_works(self, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
        """An author record and their works (None and no works when unknown)."""
        ...

    def search_authors(self, name: str) -> list[ApiAuthor]:
        """Authors whose names fit ``name``, best first."""
        ...

    def search_works(self, title: str) -> list[ApiWork]:
        """Works whose titles fit ``title``, best first (the first ``TITLE_HITS``)."""
        ...


class ApiClient:
    """A thin client of one API (``api``, a key of ``config.APIS``) over one session.
    Subclasses say which query parameters and headers every request carries, and
    implement what of ``Client`` their API offers (by default: no author records,
    no lookup by identifier)."""

    api: ClassVar[str]
    has_authors: ClassVar[bool] = False
    by_id_only: ClassVar[bool] = False

    def __init__(self, http: Http) -> None:
        self.http = http

    @classmethod
    def from_settings(cls, settings: ApiSettings, **http_options: Any) -> Self:
        """A client with its own session; ``http_options`` go to ``Http`` (tests
        pass ``sleep`` and ``clock``)."""
        return cls(
            Http(
                cls.api,
                settings,
                params=cls.params(settings),
                headers=cls.headers(settings),
                **http_options,
            )
        )

    @staticmethod
    def params(settings: ApiSettings) -> dict[str, str]:
        return {}

    @staticmethod
    def headers(settings: ApiSettings) -> dict[str, str]:
        return {}

    def works_by_ids(self, keys: Sequence[WorkIds]) -> dict[WorkIds, ApiWork]:
        return {}

    def author_works(self, author_id: str) -> tuple[ApiAuthor | None, list[ApiWork]]:
        return None, []

    def search_authors(self, name: str) -> list[ApiAuthor]:
        return []

    def search_works(self, title: str) -> list[ApiWork]:
        return []


def paired(keys: Iterable[WorkIds], works: Iterable[ApiWork]) -> dict[WorkIds, ApiWork]:
    """Each key with the work of the same DOI, else of the same arXiv id.

    >>> w = ApiWork(source="arxiv", id="2401.1", title="T", arxiv="2401.1")
    >>> found = paired([WorkIds(doi="10.1/x", arxiv="2401.1"), WorkIds(doi="10.1/y")], [w])
    >>> [(k.doi, w.id) for k, w in found.items()]
    [('10.1/x', '2401.1')]
    """
    works = list(works)
    by_doi = {w.doi: w for w in works if w.doi}
    by_arxiv = {w.arxiv: w for w in works if w.arxiv}
    return {
        k: w
        for k in keys
        if (w := (by_doi.get(k.doi) if k.doi else None) or by_arxiv.get(k.arxiv or ""))
    }
