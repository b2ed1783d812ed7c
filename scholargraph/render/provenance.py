"""Where facts came from, shown without the folders of the machine that ingested them.

A ``Source`` keeps the path a file was given as and its absolute location (to read it
again), and facts cite ``path:line: text``; a path given as absolute would print the
builder's home folder on every page and API answer that shows it. ``Provenance`` shows
each source relative to the ingest folder (the folder all ingested files share) and
takes that folder out of evidence lines.

>>> p = Provenance.of([
...     {"id": "src:1", "path": "/home/ann/cvs/a.yaml", "location": "/home/ann/cvs/a.yaml"},
...     {"id": "src:2", "path": "refs/b.bib", "location": "/home/ann/cvs/refs/b.bib"},
...     {"id": "src:3", "path": "https://x.example/cv", "location": None},
... ])
>>> p.root, p.sources
('/home/ann/cvs', {'src:1': 'a.yaml', 'src:2': 'refs/b.bib', 'src:3': 'https://x.example/cv'})
>>> p.text("/home/ann/cvs/a.yaml:3: name: Ann Lee")
'a.yaml:3: name: Ann Lee'

A document ``scholargraph enrich`` wrote (a ``Source`` of kind ``enrichment``) cites,
on each fact it holds, the API and the day it was retrieved; ``Provenance.enriched``
names them for the evidence lines of such documents only (a line of the user's own
that looks alike is not one).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scholargraph.parse.profile import ENRICHMENT
from scholargraph.records import Source
from scholargraph.store.schema import read_statement
from scholargraph.store.store import Store

API_NAMES = {
    "openalex": "OpenAlex",
    "s2": "Semantic Scholar",
    "dblp": "DBLP",
    "crossref": "Crossref",
    "arxiv": "arXiv",
    "orcid": "ORCID",
}
# What an enrichment document's facts cite: `from: openalex:W1 (retrieved 2026-12-02…)`.
RETRIEVED = re.compile(r"\bfrom: (?P<api>[\w-]+):.+? \(retrieved (?P<date>\d{4}-\d{2}-\d{2})\b")


def retrieval(line: str) -> dict[str, str] | None:
    """The API (by its name) and the day an evidence line from an enrichment document
    names, else None.

    >>> retrieval("openalex-ann-lee.yaml:8: from: openalex:A7 (retrieved 2026-11-30)")
    {'api': 'OpenAlex', 'date': '2026-11-30'}
    >>> retrieval("s2-ann-lee.yaml:9: - from: s2:12 (retrieved 2026-11-30, match 0.80: x)")
    {'api': 'Semantic Scholar', 'date': '2026-11-30'}
    >>> retrieval("ann-lee.yaml:2: name: Ann Lee") is None
    True
    """
    found = RETRIEVED.search(line)
    if not found:
        return None
    return {"api": API_NAMES.get(found["api"], found["api"]), "date": found["date"]}


@dataclass(frozen=True)
class Provenance:
    """Source ids -> shown paths, the ingest folder taken out of evidence, and the
    shown paths of the documents ``scholargraph enrich`` wrote (``enrichments``)."""

    root: str = ""
    sources: dict[str, str] = field(default_factory=dict)
    enrichments: tuple[str, ...] = ()

    @classmethod
    def of(cls, rows: Iterable[Mapping[str, Any]]) -> Provenance:
        """From ``Source`` rows (id, path, location, kind)."""
        rows = list(rows)
        files = [
            str(r.get("location") or r["path"])
            for r in rows
            if os.path.isabs(str(r.get("location") or r["path"]))
        ]
        root = os.path.commonpath([os.path.dirname(f) for f in files]) if files else ""
        shown = cls(root)
        sources = {str(r["id"]): shown.text(str(r.get("location") or r["path"])) for r in rows}
        enrichments = tuple(sources[str(r["id"])] for r in rows if r.get("kind") == ENRICHMENT)
        return cls(root, sources, enrichments)

    def enriched(self, fact: Mapping[str, Any]) -> dict[str, dict[str, str]]:
        """Each evidence line of ``fact`` (paths shown) that is from an enrichment
        document, with the API and day it names (``retrieval``).

        >>> p = Provenance(enrichments=("oa.yaml",))
        >>> p.enriched({"evidence": ["a.yaml:2: from: x:y (retrieved 2020-01-01)",
        ...     "oa.yaml:8: from: openalex:A7 (retrieved 2026-11-30)"]}).values()
        dict_values([{'api': 'OpenAlex', 'date': '2026-11-30'}])
        """
        starts = tuple(f"{path}:" for path in self.enrichments)
        return {
            line: found
            for line in fact.get("evidence") or []
            if line.startswith(starts) and (found := retrieval(line))
        }

    def text(self, text: str) -> str:
        """``text`` with the ingest folder taken out of every path in it (where a path
        starts: not inside a URL or another path).

        >>> Provenance("/").text("/home/a.md:1: see https://x.org/home/a.md")
        'home/a.md:1: see https://x.org/home/a.md'
        """
        if not self.root:
            return text
        prefix = self.root.rstrip(os.sep) + os.sep
        return re.sub(r"(?<![\w.:/\\-])" + re.escape(prefix), "", text)

    def fact(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """A node's or relationship's properties with the ingest folder taken out of
        every text in them (evidence lines, a Source's path and location).

        >>> Provenance("/home/ann").fact({"path": "/home/ann/a.md", "year": 2024,
        ...     "evidence": ["/home/ann/a.md:2: x"]})
        {'path': 'a.md', 'year': 2024, 'evidence': ['a.md:2: x']}
        """
        return {key: self._value(value) for key, value in data.items()}

    def _value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self._value(v) for v in value]
        return value


def provenance(store: Store) -> Provenance:
    """The store's sources, shown relative to the folder they were ingested from."""
    return Provenance.of(store.query(read_statement(Source)))
