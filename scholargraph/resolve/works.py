"""Publication resolution: one Publication per real paper.

The same paper often arrives twice: as an arXiv preprint and as the venue
version, or from two profiles, one with a DOI and one without. Versions with the
same normalized title are folded together when nothing contradicts it: no two
different DOIs (or arXiv ids), years at most ``YEAR_WINDOW`` apart, and at least
one author in common when both list authors. The folded record keeps both
identifiers, the venue version's status and year, and says what it folded.

A paper a news item names only by its system (``RLBoost``, ``title_is_system_name``)
is folded into a titled version that names the same system (its ``short_name``,
or the few words before its title's colon) when they share an author: the paper
then has the full title, the system's name as ``short_name``, and the titled
version's DOI.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from scholargraph.ids import title_key
from scholargraph.records import Publication

YEAR_WINDOW = 2
MIN_TITLE_WORDS = 4  # shorter titles ("Introduction") need a shared author
_STATUS_RANK = {"published": 0, "accepted": 1, "preprint": 2}
SYSTEM_WORDS = 3  # a title's words before its colon that can be a system's name
_BEFORE_COLON = re.compile(r"^([^:]+):\s*\S")


def is_arxiv_doi(doi: str | None) -> bool:
    return bool(doi and doi.startswith("10.48550/arxiv."))


def _venue_doi(p: Publication) -> str | None:
    return None if is_arxiv_doi(p.doi) else p.doi


def system_key(p: Publication) -> str | None:
    """The system a titled paper is the paper of, as a title key: its short name,
    else the words before its title's colon (at most ``SYSTEM_WORDS``).

    >>> system_key(Publication(id="w", title="RLBoost: Harvesting Preemptible Resources"))
    'rlboost'
    >>> system_key(Publication(id="w", title="A Study of Many Things: Why")) is None
    True
    """
    if p.short_name:
        return title_key(p.short_name)
    m = _BEFORE_COLON.match(p.title)
    named = title_key(m.group(1)) if m else ""
    return named if named and len(named.split()) <= SYSTEM_WORDS else None


def same_work(a: Publication, b: Publication, authors_a: set[str], authors_b: set[str]) -> bool:
    """Could ``a`` and ``b`` (same normalized title, or one named by the system
    the other's title names) be versions of one paper? A version named only by
    its system needs an author in common.

    ``authors_*`` are comparable author keys (see ``names.NameForm.block_key``).
    """
    if (da := _venue_doi(a)) and (db := _venue_doi(b)) and da != db:
        return False
    if a.arxiv and b.arxiv and a.arxiv != b.arxiv:
        return False
    if a.year and b.year and abs(a.year - b.year) > YEAR_WINDOW:
        return False
    shared = authors_a & authors_b
    if authors_a and authors_b and not shared:
        return False
    if a.title_is_system_name or b.title_is_system_name:
        return bool(shared)
    return bool(shared) or len(title_key(a.title).split()) >= MIN_TITLE_WORDS


def preference(p: Publication) -> tuple[int, int, int, str]:
    """Sort key, best version first: published, with a venue DOI, with a year."""
    return (_STATUS_RANK.get(p.status, 3), _venue_doi(p) is None, p.year is None, p.id)


def canonical_id(ids: Iterable[str]) -> str:
    """The id a folded paper keeps: a venue DOI, else an arXiv id, else the title hash."""

    def rank(i: str) -> tuple[int, str]:
        kind = 1 if i.startswith(("arxiv:", "doi:10.48550/")) else 0 if i.startswith("doi:") else 2
        return kind, i

    return min(ids, key=rank)


def resolve_publications(
    pubs: Mapping[str, Publication], authors: Mapping[str, set[str]]
) -> dict[str, list[str]]:
    """Clusters of publication ids that are one paper: canonical id -> members.

    >>> a = Publication(id="arxiv:2301.00001", title="A Study of Graph Things", year=2023,
    ...                 status="preprint", arxiv="2301.00001")
    >>> b = Publication(id="doi:10.1/x", title="A study of graph things.", year=2024, doi="10.1/x")
    >>> resolve_publications({p.id: p for p in (a, b)}, {})
    {'doi:10.1/x': ['doi:10.1/x', 'arxiv:2301.00001']}
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    naming: dict[str, str] = {}  # a system's key -> the block of the first title naming it
    for pid in sorted(pubs):
        if not pubs[pid].title_is_system_name:
            key = title_key(pubs[pid].title)
            blocks[key].append(pid)
            if system := system_key(pubs[pid]):
                naming.setdefault(system, key)
    for pid in sorted(pubs):  # a system's name joins the block of a title naming it
        named = naming.get(title_key(pubs[pid].title))
        if pubs[pid].title_is_system_name and named:
            blocks[named].append(pid)
    clusters: dict[str, list[str]] = {pid: [pid] for pid in pubs}
    for block in blocks.values():
        members = {pid: [pid] for pid in block}  # each id -> its (shared) member list
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                ca, cb = members[a], members[b]
                if ca is cb or not all(
                    same_work(pubs[x], pubs[y], authors.get(x, set()), authors.get(y, set()))
                    for x in ca
                    for y in cb
                ):
                    continue
                ca.extend(cb)
                for x in cb:
                    members[x] = ca
        for group in {id(m): m for m in members.values()}.values():
            if len(group) > 1:
                for pid in group:
                    del clusters[pid]
                ordered = sorted(group, key=lambda i: preference(pubs[i]))
                clusters[canonical_id(group)] = ordered
    return {k: clusters[k] for k in sorted(clusters)}


def fold_versions(versions: list[Publication], canonical: str) -> Publication:
    """One record from the versions (best first): the best version's scalars win,
    identifiers from every version are kept, and the fold is recorded. The
    caller orders versions an API gave after the documents' own. A full title
    wins over a system's name, which is kept as the paper's ``short_name``."""
    best = versions[0]
    titled = [v for v in versions if not v.title_is_system_name]
    out = Publication(id=canonical, title=(titled or versions)[0].title)
    out.title_is_system_name = not titled
    for v in reversed(versions):
        for name in ("sources", "evidence", "merge_evidence", "conflicts"):
            getattr(out, name).extend(x for x in getattr(v, name) if x not in getattr(out, name))
        for name in ("status", "abstract"):
            if getattr(v, name) is not None:
                setattr(out, name, getattr(v, name))
    named = [v.title for v in versions if v.title_is_system_name]
    out.short_name = next((v.short_name for v in versions if v.short_name), None)
    if titled and named:
        out.short_name = out.short_name or named[0]
        out.merge_evidence.append(
            f"system name {named[0]}: the paper {out.title!r} (its title names the system, "
            "an author in common)"
        )
    out.doi = _venue_doi(best) or next((v.doi for v in versions if v.doi), None)
    out.arxiv = next((v.arxiv for v in versions if v.arxiv), None)
    out.year = next((v.year for v in versions if v.year), None)
    if len(versions) > 1:
        out.merge_evidence.append(
            "same paper: "
            + "; ".join(f"{v.id} ({v.status}, {v.year or 'no year'})" for v in versions)
        )
    return out
