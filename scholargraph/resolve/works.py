"""Publication resolution: one Publication per real paper.

The same paper often arrives twice: as an arXiv preprint and as the venue
version, or from two profiles, one with a DOI and one without. Versions with the
same normalized title are folded together when nothing contradicts it: no two
different DOIs (or arXiv ids), years at most ``YEAR_WINDOW`` apart, and at least
one author in common when both list authors. The folded record keeps both
identifiers, the venue version's status and year, and says what it folded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from scholargraph.ids import title_key
from scholargraph.records import Publication

YEAR_WINDOW = 2
MIN_TITLE_WORDS = 4  # shorter titles ("Introduction") need a shared author
_STATUS_RANK = {"published": 0, "accepted": 1, "preprint": 2}


def is_arxiv_doi(doi: str | None) -> bool:
    return bool(doi and doi.startswith("10.48550/arxiv."))


def _venue_doi(p: Publication) -> str | None:
    return None if is_arxiv_doi(p.doi) else p.doi


def same_work(a: Publication, b: Publication, authors_a: set[str], authors_b: set[str]) -> bool:
    """Could ``a`` and ``b`` (same normalized title) be versions of one paper?

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
    for pid in sorted(pubs):
        if not pubs[pid].title_is_system_name:
            blocks[title_key(pubs[pid].title)].append(pid)
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
    caller orders versions an API gave after the documents' own."""
    best = versions[0]
    out = Publication(id=canonical, title=best.title)
    for v in reversed(versions):
        for name in ("sources", "evidence", "merge_evidence", "conflicts"):
            getattr(out, name).extend(x for x in getattr(v, name) if x not in getattr(out, name))
        for name in ("title", "status", "abstract"):
            if getattr(v, name) is not None:
                setattr(out, name, getattr(v, name))
        if v.title is not None:  # the title kept says whether it names only the system
            out.title_is_system_name = v.title_is_system_name
    out.doi = _venue_doi(best) or next((v.doi for v in versions if v.doi), None)
    out.arxiv = next((v.arxiv for v in versions if v.arxiv), None)
    out.year = next((v.year for v in versions if v.year), None)
    if len(versions) > 1:
        out.merge_evidence.append(
            "same paper: "
            + "; ".join(f"{v.id} ({v.status}, {v.year or 'no year'})" for v in versions)
        )
    return out
