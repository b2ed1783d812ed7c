"""What an API said about one person, written as a profile document.

``scholargraph enrich`` does not write API facts into the store directly: it
writes one YAML document per person and API (the profile format, marked
``enrichment:``) and ingests it like any other input. So API facts go through
the same identity resolution as the user's documents (an API's "H. Piwowar" can
become the profile's Heather Piwowar), every fact cites the line it came from,
which names the API, its id and the day it was retrieved, and a later ingest
reads the document again instead of losing what enrichment added. The user can
read, edit or delete these files.

>>> from scholargraph.enrich.apis.models import ApiAuthor, ApiWork, WorkAuthor
>>> from scholargraph.enrich.matching import Known, Paper
>>> work = ApiWork(source="openalex", id="W1", title="On Joins", year=2024, doi="10.1/j",
...                authors=[WorkAuthor("Ann Lee", 1), WorkAuthor("Bo Chen", 2)])
>>> text = document(Known(id="person:ann-lee", name="Ann Lee"), "openalex", "2026-12-02",
...                 works=[work], author=ApiAuthor("openalex", "A7", "Ann Lee", orcid="0000-0001"))
>>> print(text.split("\\n", 4)[4])
enrichment:
  api: openalex
  retrieved: '2026-12-02'
  person: person:ann-lee
person:
  from: openalex:A7 (retrieved 2026-12-02)
  name: Ann Lee
  orcid: 0000-0001
  openalex_id: A7
publications:
- from: openalex:W1 (retrieved 2026-12-02)
  title: On Joins
  authors:
  - Ann Lee
  - Bo Chen
  year: 2024
  doi: 10.1/j
<BLANKLINE>
"""

from __future__ import annotations

from typing import Any

import yaml

from scholargraph.enrich.apis.models import ApiAuthor, ApiWork
from scholargraph.enrich.matching import Known, Match

ID_FIELDS = {"openalex": "openalex_id", "s2": "s2_id", "dblp": "dblp_pid"}
HEADER = (
    "# Written by `scholargraph enrich`: what {api} says about {name}.\n"
    "# Ingested like any profile; its facts only fill what your own documents leave\n"
    "# open. Edit or delete it as you like; `scholargraph enrich --refresh` rewrites it.\n"
)


def _from(api: str, thing: str, retrieved: str, extra: str = "") -> str:
    return f"{api}:{thing} (retrieved {retrieved}{extra})"


def _publication(work: ApiWork, retrieved: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"from": _from(work.source, work.id, retrieved), "title": work.title}
    if work.authors:
        entry["authors"] = [a.name for a in sorted(work.authors, key=lambda a: a.position)]
        if work.authors_truncated:
            entry["authors_complete"] = False
    for key in ("year", "venue", "doi", "arxiv", "abstract"):
        if getattr(work, key):
            entry[key] = getattr(work, key)
    if work.topics:
        entry["topics"] = list(work.topics)
    return entry


def document(
    known: Known,
    api: str,
    retrieved: str,
    *,
    works: list[ApiWork],
    author: ApiAuthor | None = None,
    match: Match | None = None,
) -> str:
    """The YAML document for ``known`` from ``api``: the person (as the graph
    names them, with the API's identifiers when its author was matched), the
    author's organizations, and ``works`` (the person's papers as the API has them).
    """
    how = f", match {match.score:.2f}: {'; '.join(match.evidence)}" if match else ""
    if author and author.merged_from:
        how += f", merged from {author.merged_from}"
    person: dict[str, Any] = {"from": _from(api, author.id if author else "works", retrieved, how)}
    person["name"] = known.name
    if known.native_name:
        person["native_name"] = known.native_name
    if author:
        if author.name != known.name:
            person["aliases"] = [author.name]
        if author.orcid:
            person["orcid"] = author.orcid
        if api in ID_FIELDS:
            person[ID_FIELDS[api]] = author.id
    data: dict[str, Any] = {
        "enrichment": {"api": api, "retrieved": retrieved, "person": known.id},
        "person": person,
    }
    if author and author.affiliations:
        data["affiliations"] = [
            {"from": _from(api, author.id, retrieved), "organization": o, "role": "affiliated"}
            for o in author.affiliations[:5]
        ]
    data["publications"] = [_publication(w, retrieved) for w in works]
    # One scalar a line, so the line a fact cites names its API, id and date whole.
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)
    return HEADER.format(api=api, name=known.name) + "\n" + body
