"""Person resolution: one Person per real person, and a reason for every merge.

Each document's people are *mentions* (``Rui Wang`` as ``cv.yml`` has him).
Mentions whose names could be one person's are compared when they share a block
(family name + first initial, in every reading of the name, pinyin included);
a pair scores its name agreement plus context evidence:

=====================  ======  ==============================================
evidence               score   example
=====================  ======  ==============================================
same native name       0.6     ``徐宏`` and ``徐宏``
same full name         0.5     ``Xin-Yu Li`` and ``Xinyu Li``
pinyin of the native   0.5     ``Hong Xu`` and ``徐宏``
family name first      0.4     ``Qi Jianpeng`` and ``Jianpeng Qi``
initials only          0.2     ``X. Liu`` and ``Xueshen Liu``
same identifier        +1.0    ORCID, OpenAlex, DBLP, Semantic Scholar, e-mail
same publication       +0.5    both authors of one paper, in two documents
same document          +0.2    ``J. Pei`` in a CV's papers, ``Jian Pei`` as its advisor
shared co-authors      +0.2    each, at most three
advisor position       +0.3    A advised S, or S advised A; B works with S
same organization      +0.2
shared topics          +0.1
=====================  ======  ==============================================

Pairs at or above ``MERGE_AT`` are merged, best first, unless something forbids
it: conflicting identifiers or native names, both on one author list of one
document, a ``not_same_as`` override, or a name in one cluster incompatible with
a name in the other (so ``X. Wang`` cannot join ``Xin Wang`` to ``Xiao Wang``).
A name alone never reaches ``MERGE_AT``. Pairs from ``REVIEW_AT`` are listed by
``scholargraph review``. Everything is sorted by content-derived keys, so the
result does not depend on the order files were given in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path

from scholargraph.ingest.names import NameForm, has_cjk, is_initials_only, match_forms, name_forms
from scholargraph.ingest.overrides import Overrides, Ref, Rule

MERGE_AT = 0.7
REVIEW_AT = 0.4
NAME_SCORES = {"native": 0.6, "full": 0.5, "pinyin": 0.5, "swapped": 0.4, "initials": 0.2}
NAME_TEXT = {
    "native": "same native name",
    "full": "same full name",
    "pinyin": "pinyin of the native name",
    "swapped": "same name, family name first",
    "initials": "initials agree",
}
IDENTIFIERS = {
    "orcid": "ORCID",
    "openalex_id": "OpenAlex id",
    "dblp_pid": "DBLP pid",
    "s2_id": "Semantic Scholar id",
}
CONTACTS = {"email": "e-mail", "homepage": "homepage"}


@cache
def forms_of(name: str, native: str | None) -> tuple[NameForm, ...]:
    return tuple(name_forms(name, native))


def _squash(native: str) -> str:
    return re.sub(r"[\s·]", "", native)


def name_match(a: tuple[str, str | None], b: tuple[str, str | None]) -> str | None:
    """How two ``(name, native name)`` pairs agree (a ``NAME_SCORES`` key), or None
    when they cannot be one person (different native names, incompatible names).

    >>> name_match(("Hong Xu", None), ("徐宏", "徐宏"))
    'pinyin'
    >>> name_match(("徐宏", "徐宏"), ("许宏", "许宏")) is None  # same pinyin, different people
    True
    """
    if a[1] and b[1]:
        return "native" if _squash(a[1]) == _squash(b[1]) else None
    best = None
    for x in forms_of(*a):
        for y in forms_of(*b):
            how = match_forms(x, y)
            if how == "full":
                hows = (x.how, y.how)
                how = "pinyin" if "hanzi" in hows else "swapped" if "swapped" in hows else "full"
            if how and (best is None or NAME_SCORES[how] > NAME_SCORES[best]):
                best = how
    return best


@dataclass
class Mention:
    """One person as one document has them, with the context they appear in.

    Context is kept as name keys (``family|given``), so two documents can agree on
    a co-author before that co-author is resolved.
    """

    key: str  # "<source id>/<person id in that document>": unique and content-derived
    name: str
    native: str | None
    path: str
    aliases: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)
    pubs: dict[str, str] = field(default_factory=dict)  # canonical publication id -> title
    coauthors: dict[str, str] = field(default_factory=dict)  # name key -> name
    orgs: dict[str, str] = field(default_factory=dict)  # organization id -> name
    topics: dict[str, str] = field(default_factory=dict)
    advisors: dict[str, str] = field(default_factory=dict)  # name key -> name
    students: dict[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def names(self) -> list[str]:
        return [self.name, *([self.native] if self.native else []), *self.aliases]

    @property
    def label(self) -> str:
        return f"{self.name} ({Path(self.path).name})"

    @property
    def ref(self) -> str:
        """How an overrides file names this mention."""
        return f"{self.name} @ {Path(self.path).name}"

    @property
    def forms(self) -> tuple[NameForm, ...]:
        return forms_of(self.name, self.native)


def name_keys(name: str, native: str | None = None) -> set[str]:
    """Comparable keys of a name: full keys where given names are spelled out,
    else ``family|initial`` (``Hong Xu`` and ``徐宏`` share ``xu|hong``)."""
    return {f.full_key or f.block_key for f in forms_of(name, native)}


@dataclass(frozen=True)
class Candidate:
    """Two mentions that may be one person, with the score and why."""

    a: Mention
    b: Mention
    score: float
    evidence: tuple[str, ...]
    conflict: str | None = None  # why they can never be merged

    def __str__(self) -> str:
        return f"{self.a.label} = {self.b.label}: {self.score:.2f} ({'; '.join(self.evidence)})"


def _shared(a: dict[str, str], b: dict[str, str], limit: int = 3) -> list[str]:
    return sorted({a[k] for k in a.keys() & b.keys()})[:limit]


def _lineage(a: Mention, b: Mention) -> str | None:
    """Advisor-position evidence: ``a`` advised someone ``b`` works with, or ``a``'s
    advisor works with (or also advised) ``b``."""
    if students := _shared(a.students, {**b.coauthors, **b.students}, 1):
        return f"advised {students[0]}, who works with the other"
    if advisors := _shared(a.advisors, {**b.coauthors, **b.advisors}, 1):
        return f"advised by {advisors[0]}, who works with the other"
    return None


def compare(a: Mention, b: Mention) -> Candidate | None:
    """Score the pair, or None when their names cannot be one person's."""
    how = name_match((a.name, a.native), (b.name, b.native))
    if how is None:
        return None
    score, evidence, conflict = NAME_SCORES[how], [NAME_TEXT[how]], None
    for attr, label in (IDENTIFIERS | CONTACTS).items():
        x, y = a.identifiers.get(attr), b.identifiers.get(attr)
        if x and y and x == y:
            score += 1.0
            evidence.append(f"same {label} {x}")
        elif x and y and attr in IDENTIFIERS:
            conflict = f"different {label}s {x} and {y}"
    if a.source == b.source:  # and, being candidates, never on one author list
        score += 0.2
        evidence.append("same document")
    elif papers := _shared(a.pubs, b.pubs, 1):
        score += 0.5
        evidence.append(f"both authors of '{papers[0]}'")
    own = name_keys(a.name, a.native) | name_keys(b.name, b.native)
    coauthors = _shared(
        {k: v for k, v in a.coauthors.items() if k not in own}, b.coauthors, limit=3
    )
    if coauthors:
        score += 0.2 * len(coauthors)
        evidence.append("co-authors " + ", ".join(coauthors))
    if lineage := _lineage(a, b) or _lineage(b, a):
        score += 0.3
        evidence.append(lineage)
    if orgs := _shared(a.orgs, b.orgs, 1):
        score += 0.2
        evidence.append(f"both at {orgs[0]}")
    if topics := _shared(a.topics, b.topics, 2):
        score += 0.1
        evidence.append("topics " + ", ".join(topics))
    return Candidate(a, b, round(min(score, 1.0), 2), tuple(evidence), conflict)


def candidates(mentions: list[Mention]) -> list[Candidate]:
    """Scored pairs that share a block, best first (ties in key order)."""
    blocks: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(mentions):
        for f in m.forms:
            blocks[f.block_key].add(i)
    seen: set[tuple[int, int]] = set()
    out = []
    for block in blocks.values():
        for i, j in combinations(sorted(block), 2):
            if (i, j) not in seen:
                seen.add((i, j))
                if c := compare(mentions[i], mentions[j]):
                    out.append(c)
    return sorted(out, key=lambda c: (-c.score, c.a.key, c.b.key))


@dataclass
class Cluster:
    members: list[Mention]
    links: list[str] = field(default_factory=list)  # why each member joined
    weakest: float | None = None  # the lowest score that joined two parts

    @property
    def natives(self) -> set[str]:
        return {_squash(m.native) for m in self.members if m.native}


@dataclass
class Resolution:
    """People found among the mentions, and every pair worth a human look."""

    clusters: list[Cluster]
    decisions: list[tuple[Candidate, str]]  # (pair, "merged" | "uncertain" | "held apart: …")
    unmatched_rules: list[Rule]

    @property
    def uncertain(self) -> list[tuple[Candidate, str]]:
        return [(c, d) for c, d in self.decisions if d != "merged"]


class _Clusters:
    def __init__(self, mentions: list[Mention]) -> None:
        self.of = {m.key: Cluster([m]) for m in mentions}
        self.apart: dict[str, set[str]] = defaultdict(set)

    def keep_apart(self, a: str, b: str) -> None:
        self.apart[a].add(b)
        self.apart[b].add(a)

    def why_not(self, x: Cluster, y: Cluster) -> str | None:
        """Why the two clusters cannot be one person, or None."""
        keys = {m.key for m in y.members}
        if any(self.apart[m.key] & keys for m in x.members):
            return "listed apart (one author list, or not_same_as)"
        if len(x.natives | y.natives) > 1:
            return "different native names " + ", ".join(sorted(x.natives | y.natives))
        for attr, label in IDENTIFIERS.items():
            if len({v for m in x.members + y.members if (v := m.identifiers.get(attr))}) > 1:
                return f"different {label}s"
        names_x = {(m.name, m.native) for m in x.members}
        names_y = {(m.name, m.native) for m in y.members}
        for p in names_x:
            for q in names_y:
                if name_match(p, q) is None:
                    return f"names {p[0]} and {q[0]} cannot be one person"
        return None

    def join(self, x: Cluster, y: Cluster, link: str, score: float | None) -> None:
        x.members += y.members
        x.links += [link, *y.links]
        scores = [s for s in (x.weakest, y.weakest, score) if s is not None]
        x.weakest = min(scores) if scores else None
        for m in y.members:
            self.of[m.key] = x

    def all(self) -> list[Cluster]:
        unique = {id(c): c for c in self.of.values()}.values()
        return sorted(unique, key=lambda c: min(m.key for m in c.members))


def _matching(ref: Ref, mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if ref.matches(m.names, m.path)]


def resolve_people(
    mentions: list[Mention],
    apart: Iterable[tuple[str, str]] = (),
    overrides: Overrides | None = None,
) -> Resolution:
    """Cluster mentions into people: overrides first, then scored pairs best first.
    ``apart``: pairs of mention keys known to be different people (two names on
    one author list of one document)."""
    mentions = sorted(mentions, key=lambda m: m.key)
    state = _Clusters(mentions)
    for x_key, y_key in apart:
        state.keep_apart(x_key, y_key)
    unmatched: list[Rule] = []
    rules = overrides.rules if overrides else ()
    for rule in sorted(rules, key=lambda r: r.same):  # not_same_as before same_as
        left, right = _matching(rule.a, mentions), _matching(rule.b, mentions)
        if not left or not right:
            unmatched.append(rule)
            continue
        for a in left:
            for b in right:
                if a is b:
                    continue
                if not rule.same:
                    state.keep_apart(a.key, b.key)
                elif (x := state.of[a.key]) is not (y := state.of[b.key]):
                    where = f"{Path(rule.path).name}:{rule.line}"
                    state.join(x, y, f"{a.label} = {b.label}: same_as in {where}", None)
    decisions = []
    for c in candidates(mentions):
        x, y = state.of[c.a.key], state.of[c.b.key]
        if x is y:
            decisions.append((c, "merged"))
        elif c.score < MERGE_AT:
            if c.score >= REVIEW_AT:
                decisions.append((c, "uncertain"))
        elif reason := c.conflict or state.why_not(x, y):
            decisions.append((c, f"held apart: {reason}"))
        else:
            state.join(x, y, str(c), c.score)
            decisions.append((c, "merged"))
    return Resolution(state.all(), decisions, unmatched)


def representative(cluster: Cluster) -> tuple[str, str | None, list[str]]:
    """The name a cluster is shown under (a spelled-out Latin name where there is
    one, given name first), its native name, and every other name as an alias."""
    natives = sorted({m.native for m in cluster.members if m.native})
    written = sorted({n for m in cluster.members for n in (m.name, *m.aliases)})
    counts = {n: sum(m.name == n for m in cluster.members) for n in written}
    latin = [n for n in written if not has_cjk(n)]
    family = {f.family for n in natives for f in forms_of(n, n) if f.how == "hanzi"}

    def rank(n: str) -> tuple[bool, bool, int, int, str]:
        form = next(iter(forms_of(n, None)), None)
        given_first = form is not None and (not family or form.family in family)
        return (not is_initials_only(n), given_first, counts[n], len(n), n)

    name = max(latin, key=rank) if latin else natives[0] if natives else written[0]
    aliases = [n for n in written if n != name and n not in natives]
    return name, (natives[0] if natives else None), aliases
