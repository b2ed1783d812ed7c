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
...                venue="International Conference on Machine Learning",
...                authors=[WorkAuthor("Ann Lee", 1, id="A7"), WorkAuthor("Bo Chen", 2)])
>>> paper = Paper(id="pub:on-joins", title="On joins")
>>> author = ApiAuthor("openalex", "A7", "Ann Lee", orcid="0000-0001")
>>> text = document(Known(id="person:ann-lee", name="A. Lee"), "openalex", "2026-12-02",
...                 works=[(paper, work)], author=author)
>>> print(text.split("\\n", 4)[4])
enrichment:
  api: openalex
  retrieved: '2026-12-02'
  person: person:ann-lee
person:
  from: openalex:A7 (retrieved 2026-12-02)
  name: A. Lee
  aliases:
  - Ann Lee
  orcid: 0000-0001
  openalex_id: A7
publications:
- from: openalex:W1 (retrieved 2026-12-02)
  title: On Joins
  authors:
  - A. Lee
  - Bo Chen
  year: 2024
  doi: 10.1/j
  venue: ICML
  venue_full: International Conference on Machine Learning
<BLANKLINE>
"""

from __future__ import annotations

from typing import Any

import yaml

from scholargraph.enrich.apis.models import ApiAuthor, ApiWork
from scholargraph.enrich.apis.orcid import orcid_id
from scholargraph.enrich.matching import Known, Match, Paper, name_agreement
from scholargraph.normalize.venues import known_venue

ID_FIELDS = {"openalex": "openalex_id", "s2": "s2_id", "dblp": "dblp_pid", "orcid": "orcid"}
HEADER = (
    "# Written by `scholargraph enrich`: what {api} says about {name}.\n"
    "# Ingested like any profile; its facts only fill what your own documents leave\n"
    "# open. Edit or delete it as you like; `scholargraph enrich --refresh` rewrites it.\n"
)


def _from(api: str, thing: str, retrieved: str, extra: str = "") -> str:
    return f"{api}:{thing} (retrieved {retrieved}{extra})"


def _owner_place(known: Known, paper: Paper, work: ApiWork, author: ApiAuthor | None) -> int | None:
    """Where on ``work``'s author list the person is: the API's own author id, else
    the one name that fits theirs, else among several such names the place the
    graph gives them (``X. Wang`` fits both ``Xinglu Wang`` and ``Xiao Wang``)."""
    if author:
        by_id = [a.position for a in work.authors if a.id and a.id == author.id]
        if len(by_id) == 1:
            return by_id[0]
    fits = [a.position for a in work.authors if name_agreement(known, a.name)]
    if len(fits) == 1:
        return fits[0]
    return paper.position if paper.position in fits else None


def _venue(work: ApiWork) -> dict[str, Any]:
    """The venue lines for ``work``: the venue under the vocabulary's short name
    when it has an entry for it (the API's name beside it), the API's identifiers
    of it, and nothing when the API names a preprint server (the arXiv id says
    that). Whether it is the paper's venue is resolution's to decide: where the
    user's documents name another, theirs is kept and this one recorded as a
    conflict (``resolve.venues``).

    >>> _venue(ApiWork(source="s2", id="1", title="T", venue="ACM ICPP"))
    {'venue': 'ICPP', 'venue_full': 'ACM ICPP'}
    >>> _venue(ApiWork(source="openalex", id="W1", title="T", venue="arXiv (Cornell University)"))
    {}
    """
    if not work.venue:
        return {}
    known = known_venue(work.venue, work.venue_ids)
    if known and known.preprint:
        return {}
    lines: dict[str, Any] = {"venue": known.short if known else work.venue}
    if work.venue != lines["venue"]:
        lines["venue_full"] = work.venue
    if work.venue_ids:
        lines["venue_ids"] = dict(sorted(work.venue_ids.items()))
    return lines


def _publication(
    known: Known, paper: Paper, work: ApiWork, retrieved: str, author: ApiAuthor | None
) -> tuple[dict[str, Any], str | None]:
    """The entry for ``work`` (the person written at their place as the document
    names them) and the API's spelling of their name there. A paper the graph
    knows only by its system name gets the work's full title, with the system's
    name as its ``short_name`` and why the work is it on its ``from`` line (shown
    by ``scholargraph review``): resolution folds the two into one paper."""
    place = _owner_place(known, paper, work, author) if work.authors else None
    why = ""
    if paper.system_name:
        at = f"{known.name} author {place} of {len(work.authors)}" if place else "an author fits"
        why = f", title names the system {paper.title}: {at}"
    entry: dict[str, Any] = {"from": _from(work.source, work.id, retrieved, why)}
    entry["title"] = work.title
    if paper.system_name:
        entry["short_name"] = paper.title
    spelled = None
    if work.authors:
        names = []
        for a in sorted(work.authors, key=lambda a: a.position):
            if a.position == place:
                spelled = a.name
            names.append(known.name if a.position == place else a.name)
        entry["authors"] = names
        if work.authors_truncated:
            entry["authors_complete"] = False
    elif author:  # a work of the author's own record that lists no authors (ORCID's)
        entry["authors"], entry["authors_complete"] = [known.name], False
    for key in ("year", "doi", "arxiv", "abstract"):
        if getattr(work, key):
            entry[key] = getattr(work, key)
    entry |= _venue(work)
    if work.topics:
        entry["topics"] = list(work.topics)
    return entry, spelled


def document(
    known: Known,
    api: str,
    retrieved: str,
    *,
    works: list[tuple[Paper, ApiWork]],
    author: ApiAuthor | None = None,
    match: Match | None = None,
) -> str:
    """The YAML document for ``known`` from ``api``: the person (by the id and
    name ``known`` gives: see ``Progress.as_first_met``; the API's spellings of
    their name as aliases, its identifiers when its author was matched), the
    author's organizations, and ``works`` (the person's papers as the API has
    them, each with the paper it is). The person is written at their place on
    every author list under the document's name for them, so the document has
    one mention of them, holding the papers.
    """
    how = f", match {match.score:.2f}: {'; '.join(match.evidence)}" if match else ""
    if author and author.merged_from:
        how += f", merged from {author.merged_from}"
    publications, spellings = [], [author.name] if author else []
    for paper, work in {w.id: (p, w) for p, w in reversed(works)}.values():
        entry, spelled = _publication(known, paper, work, retrieved, author)
        publications.append(entry)
        spellings += [spelled] if spelled else []
    person: dict[str, Any] = {"from": _from(api, author.id if author else "works", retrieved, how)}
    person["name"] = known.name
    if known.native_name:
        person["native_name"] = known.native_name
    aliases = sorted({n for n in spellings if n != known.name and n not in known.aliases})
    if aliases:
        person["aliases"] = aliases
    if author:
        if author.orcid:  # as the graph writes it when it is the same iD (a URL, say)
            mine = known.external.get("orcid")
            person["orcid"] = mine if orcid_id(mine) == author.orcid else author.orcid
        if api in ID_FIELDS:
            person.setdefault(ID_FIELDS[api], author.id)
    data: dict[str, Any] = {
        "enrichment": {"api": api, "retrieved": retrieved, "person": known.id},
        "person": person,
    }
    if author and author.affiliations:
        data["affiliations"] = [
            {"from": _from(api, author.id, retrieved), "organization": o, "role": "affiliated"}
            for o in author.affiliations[:5]
        ]
    data["publications"] = sorted(publications, key=lambda e: str(e["from"]))
    # One scalar a line, so the line a fact cites names its API, id and date whole.
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)
    return HEADER.format(api=api, name=known.name) + "\n" + body
