"""Which API author is this person, and which API works are their papers?

A person in the graph is known by name, co-authors, organizations and paper
titles (``Known``). An author an API offers (``ApiAuthor`` with their works) is
scored on the same four: each agreeing piece of evidence removes part of the
doubt that remains, so that

- a name alone (0.3) is never enough,
- a name with two of the person's paper titles (0.79) is a match,
- and a name with one title and one shared co-author (0.69) goes to review.

Matches at or above ``ACCEPT`` are taken; those between ``REVIEW`` and
``ACCEPT`` are offered to the user with their evidence, never merged silently.
Works are matched to papers by DOI, then arXiv id, then normalized title with
years at most two apart; a paper a profile names only by its system name
(``RLBoost`` in a news item) by a title that starts with that name and a colon
or dash (``RLBoost: …``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from scholargraph import ids
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork
from scholargraph.resolve.identity import NAME_TEXT, forms_of, name_match
from scholargraph.resolve.works import YEAR_WINDOW

ACCEPT = 0.75
REVIEW = 0.45
NAME_WEIGHT = {"native": 0.3, "full": 0.3, "pinyin": 0.3, "swapped": 0.25, "initials": 0.15}
TITLE_WEIGHT = 0.45  # each of the person's papers among the author's works (three count)
COAUTHOR_WEIGHT = 0.2  # each shared co-author (four count)
ORGANIZATION_WEIGHT = 0.25  # an organization in common
_STOP = {"of", "the", "and", "for", "at", "in", "de", "university", "institute", "school"}


@dataclass(frozen=True)
class Paper:
    """One of the person's papers as the graph has it."""

    id: str
    title: str
    year: int | None = None
    doi: str | None = None
    arxiv: str | None = None
    position: int | None = None  # the person's place on its author list, when known
    system_name: bool = False  # the title is only the system's name (a news item's)


@dataclass
class Known:
    """What the graph says of a person: the evidence a match is judged on."""

    id: str
    name: str
    native_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    external: dict[str, str] = field(default_factory=dict)  # api -> the id the graph has
    organizations: list[str] = field(default_factory=list)
    coauthors: list[str] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # ids of the user's documents naming them


@dataclass
class Match:
    """An API author judged against a person: the score and why."""

    person: str
    author: ApiAuthor
    score: float
    evidence: list[str]
    works: list[tuple[Paper, ApiWork]] = field(default_factory=list)  # their papers, found

    @property
    def accepted(self) -> bool:
        return self.score >= ACCEPT

    def describe(self) -> str:
        return f"{self.author.source}:{self.author.id} {self.score:.2f}: " + "; ".join(
            self.evidence
        )


def _blocks(name: str) -> set[str]:
    return {f.block_key for f in forms_of(name, None)}


def _words(name: str) -> set[str]:
    return {w for w in ids.title_key(name).split() if w not in _STOP and len(w) > 2}


def name_agreement(known: Known, name: str) -> str | None:
    """How ``name`` agrees with the person's name or an alias (a NAME_TEXT key).

    >>> name_agreement(Known(id="p", name="Hong Xu", native_name="徐宏"), "H. Xu")
    'initials'
    >>> name_agreement(Known(id="p", name="Hong Xu"), "Hui Xu") is None
    True
    """
    best = None
    for mine in [(known.name, known.native_name), *((a, None) for a in known.aliases)]:
        how = name_match(mine, (name, None))
        if how and (best is None or NAME_WEIGHT[how] > NAME_WEIGHT[best]):
            best = how
    return best


def same_organization(a: str, b: str) -> bool:
    """Names whose significant words (not "university", "of" …) are all in the
    other's, or share three. Loose on purpose: it is one weak piece of evidence.

    >>> same_organization("University of Michigan", "University of Michigan–Ann Arbor")
    True
    >>> same_organization("Tsinghua University", "Peking University")
    False
    """
    wa, wb = _words(a), _words(b)
    shared = wa & wb
    return bool(shared) and (len(shared) >= 3 or shared in (wa, wb))


def names_system(system: str, title: str) -> bool:
    """Whether ``title`` is the paper of the system named ``system``: it starts
    with the name and a colon or a dash.

    >>> names_system("RLBoost", "RLBoost: Spare Cycles"), names_system("LTE", "LTE Networks")
    (True, False)
    """
    return (
        re.match(re.escape(ids.fold(system).strip()) + r"\s*[:\-\u2013\u2014]", ids.fold(title))
        is not None
    )


def pair_works(papers: Iterable[Paper], works: Iterable[ApiWork]) -> list[tuple[Paper, ApiWork]]:
    """Each paper with the work that is it: same DOI, same arXiv id, or same
    normalized title (for a system name, a title naming that system) with years
    at most two apart.

    >>> p = Paper(id="w1", title="On Joins.", year=2023)
    >>> w = ApiWork(source="openalex", id="W9", title="On joins", year=2024)
    >>> [(a.id, b.id) for a, b in pair_works([p], [w])]
    [('w1', 'W9')]
    """
    works = list(works)
    by_doi = {w.doi: w for w in works if w.doi}
    by_arxiv = {w.arxiv: w for w in works if w.arxiv}
    by_title: dict[str, list[ApiWork]] = {}
    for w in works:
        by_title.setdefault(ids.title_key(w.title), []).append(w)
    pairs = []
    for p in papers:
        found = (p.doi and by_doi.get(p.doi)) or (p.arxiv and by_arxiv.get(p.arxiv)) or None
        if found is None:
            titled = (
                [w for w in works if names_system(p.title, w.title)]
                if p.system_name
                else by_title.get(ids.title_key(p.title), [])
            )
            found = next(
                (
                    w
                    for w in titled
                    if not (p.year and w.year and abs(p.year - w.year) > YEAR_WINDOW)
                ),
                None,
            )
        if found is not None:
            pairs.append((p, found))
    return pairs


def judge(known: Known, author: ApiAuthor, works: list[ApiWork]) -> Match:
    """Score ``author`` (with their ``works``) as the person ``known``."""
    how = name_agreement(known, author.name)
    if how is None:
        return Match(known.id, author, 0.0, [f"name {author.name!r} does not fit {known.name!r}"])
    doubt = 1 - NAME_WEIGHT[how]
    evidence = [f"{NAME_TEXT[how]} ({author.name})"]
    pairs = pair_works(known.papers, works)
    if pairs:
        doubt *= (1 - TITLE_WEIGHT) ** min(len(pairs), 3)
        evidence.append(f"{len(pairs)} of {len(known.papers)} papers")
    theirs = {b for w in works for a in w.authors for b in _blocks(a.name)}
    shared = [c for c in known.coauthors if _blocks(c) & theirs]
    if shared:
        doubt *= (1 - COAUTHOR_WEIGHT) ** min(len(shared), 4)
        evidence.append("co-authors " + ", ".join(shared[:4]))
    orgs = [
        o
        for o in known.organizations
        if any(len(_words(o) & _words(a)) >= 1 for a in author.affiliations) and _words(o)
    ]
    if orgs:
        doubt *= 1 - ORGANIZATION_WEIGHT
        evidence.append("organization " + orgs[0])
    return Match(known.id, author, round(1 - doubt, 2), evidence, pairs)


def best_match(known: Known, judged: Iterable[Match]) -> Match | None:
    """The best-scored candidate, or None when none reaches ``REVIEW``."""
    ranked = sorted(judged, key=lambda m: (-m.score, m.author.id))
    return ranked[0] if ranked and ranked[0].score >= REVIEW else None
