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
middle name            0.5     ``Madhav V. Marathe`` and ``Madhav Marathe``
variant                0.3     ``Sam Lee`` / ``Samuel Lee``, ``Zhiquang`` / ``Zhiguang``
initials only          0.2     ``X. Liu`` and ``Xueshen Liu``
distinctive name       +0.2    ``Eneko Agirre`` in two documents (full or middle)
same identifier        +1.0    ORCID, OpenAlex, DBLP, Semantic Scholar, e-mail
same publication       +0.5    one paper, same (or unknown) author position
shared co-authors      +0.2    each, at most three (+0.1 if written as initials)
same document          +0.2    ``J. Pei`` in a CV's papers, ``Jian Pei`` as its advisor
advisor position       +0.3    A advised S, or S advised A; B works with S
same organization      +0.2
shared topics          +0.1
=====================  ======  ==============================================

Pairs at or above ``MERGE_AT`` are merged, best first, unless something forbids
it: conflicting identifiers or native names, both on one author list of one
document, different places on one paper's author list, a ``not_same_as``
override, or a name in one cluster incompatible with a name in the other (so
``X. Wang`` cannot join ``Xin Wang`` to ``Xiao Wang``). A name alone reaches
``MERGE_AT`` only across documents and only when it is distinctive: a full
given name and a family name so rare together that fewer than one other
researcher is expected to bear them (``names.expected_namesakes``, from census
and by-country name frequencies); never an initial, Chinese characters or a
romanised Chinese, Korean or Vietnamese name, and never against a conflict.
Pairs from ``REVIEW_AT`` are listed by ``scholargraph review``; in a block too big
to compare all-pairs (a common name), only pairs sharing some context (or a
distinctive name) are scored. Everything is sorted by content-derived keys, so the
result does not depend on the order files were given in.

The mentions are resolved in independent parts (``parts``): mentions that share a
block, the slug of a written name, or a ``same_as`` rule are in one part, so no
candidate pair, group kept apart or contested person id spans two, and resolving each
part alone (``resolve_part``) gives what resolving all at once would. A part's
``fingerprint`` names everything its outcome depends on, so an ingest can keep
outcomes and resolve again only the parts a change touched (``resolve.kept``).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache, cached_property, lru_cache
from itertools import combinations
from pathlib import Path
from typing import NamedTuple, Protocol

from scholargraph import ids
from scholargraph.normalize.names import (
    NameForm,
    has_cjk,
    is_distinctive,
    is_initials_only,
    match_forms,
    name_forms,
)
from scholargraph.resolve.overrides import Overrides, Ref, Rule

MERGE_AT = 0.7
REVIEW_AT = 0.4
SMALL_BLOCK = 64  # blocks up to this size are compared all-pairs
COMMON_CONTEXT = 200  # context shared by more mentions of a block does not pair them
NAME_SCORES = {
    "native": 0.6,
    "full": 0.5,
    "pinyin": 0.5,
    "middle": 0.5,
    "swapped": 0.4,
    "variant": 0.3,
    "initials": 0.2,
}
NAME_TEXT = {
    "native": "same native name",
    "full": "same full name",
    "pinyin": "pinyin of the native name",
    "swapped": "same name, family name first",
    "middle": "same given name, a middle name abbreviated or left out",
    "variant": "a nickname, a one-letter typo or one of two family names",
    "initials": "initials agree",
}
DISTINCTIVE = 0.2  # with a full name, merges across documents on its own
ALONE = frozenset({"full", "middle"})  # name agreements a distinctive name merges on
IDENTIFIERS = {
    "orcid": "ORCID",
    "openalex_id": "OpenAlex id",
    "dblp_pid": "DBLP pid",
    "s2_id": "Semantic Scholar id",
}
CONTACTS = {"email": "e-mail", "homepage": "homepage"}
LABELS = IDENTIFIERS | CONTACTS


@cache
def forms_of(name: str, native: str | None) -> tuple[NameForm, ...]:
    return tuple(name_forms(name, native))


def _squash(native: str) -> str:
    return re.sub(r"[\s·]", "", native)


@cache
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
    # canonical publication id -> (title, author position or None)
    pubs: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    coauthors: dict[str, str] = field(default_factory=dict)  # name key -> name
    orgs: dict[str, str] = field(default_factory=dict)  # organization id -> name
    topics: dict[str, str] = field(default_factory=dict)
    advisors: dict[str, str] = field(default_factory=dict)  # name key -> name
    students: dict[str, str] = field(default_factory=dict)

    @cached_property
    def source(self) -> str:
        return self.key.split("/", 1)[0]

    @cached_property
    def own_keys(self) -> frozenset[str]:
        return name_keys(self.name, self.native)

    @cached_property
    def works_with(self) -> dict[str, str]:
        """Everyone the mention wrote with, advised or was advised by (read once the
        context is complete)."""
        return {**self.coauthors, **self.students, **self.advisors}

    @property
    def names(self) -> list[str]:
        return [self.name, *([self.native] if self.native else []), *self.aliases]

    @property
    def label(self) -> str:
        return f"{self.name} ({_file_name(self.path)})"

    @property
    def ref(self) -> str:
        """How an overrides file names this mention."""
        return f"{self.name} @ {_file_name(self.path)}"


@lru_cache(maxsize=1 << 12)
def _file_name(path: str) -> str:
    return Path(path).name


@cache
def block_keys(name: str, native: str | None = None) -> frozenset[str]:
    """The blocks a name is compared in: ``family|initial`` of every reading."""
    return frozenset(f.block_key for f in forms_of(name, native))


@cache
def name_keys(name: str, native: str | None = None) -> frozenset[str]:
    """Comparable keys of a name: full keys where given names are spelled out,
    else ``family|initial`` (``Hong Xu`` and ``徐宏`` share ``xu|hong``)."""
    return frozenset(f.full_key or f.block_key for f in forms_of(name, native))


class Candidate(NamedTuple):
    """Two mentions that may be one person, with the score and why (a named tuple:
    hundreds of thousands are made, and most are dropped)."""

    a: Mention
    b: Mention
    score: float
    evidence: tuple[str, ...]
    conflict: str | None = None  # why they can never be merged

    def __str__(self) -> str:
        return f"{self.a.label} = {self.b.label}: {self.score:.2f} ({'; '.join(self.evidence)})"


def _shared(a: dict[str, str], b: dict[str, str], limit: int = 3) -> list[str]:
    if not a or not b:
        return []
    return sorted({a[k] for k in a.keys() & b.keys()})[:limit]


def _spelled_out(key: str) -> bool:
    return len(key.partition("|")[2]) > 1


def _lineage(a: Mention, b: Mention, counted: set[str]) -> str | None:
    """Advisor-position evidence: ``a`` advised someone ``b`` works with, or ``a``'s
    advisor works with (or also advised) ``b``; people ``counted`` as shared
    co-authors already do not count again."""
    if not a.students and not a.advisors:
        return None
    if students := set(_shared(a.students, b.works_with, 3)) - counted:
        return f"advised {min(students)}, who works with the other"
    if advisors := set(_shared(a.advisors, b.works_with, 3)) - counted:
        return f"advised by {min(advisors)}, who works with the other"
    return None


def compare(a: Mention, b: Mention, how: str) -> Candidate:
    """Score a pair whose names agree as ``how`` (``name_match``; a pair whose
    names cannot be one person's is never scored)."""
    score, evidence, conflict = NAME_SCORES[how], [NAME_TEXT[how]], None
    for attr, label in LABELS.items() if a.identifiers and b.identifiers else ():
        x, y = a.identifiers.get(attr), b.identifiers.get(attr)
        if x and y and x == y:
            score += 1.0
            evidence.append(f"same {label} {x}")
        elif x and y and attr in IDENTIFIERS:
            conflict = f"different {label}s {min(x, y)} and {max(x, y)}"
    if a.source == b.source:  # and, being candidates, never on one author list
        score += 0.2
        evidence.append("same document")
    elif a.pubs and b.pubs and (both := a.pubs.keys() & b.pubs.keys()):
        papers = [(a.pubs[p], b.pubs[p][1]) for p in sorted(both)]
        if moved := [(t, i, j) for (t, i), j in papers if i and j and i != j]:
            conflict = "authors {1} and {2} of '{0}'".format(*moved[0])
        else:
            score += 0.5
            evidence.append(f"both authors of '{papers[0][0][0]}'")
    names: list[str] = []
    if a.coauthors and b.coauthors and (common := a.coauthors.keys() & b.coauthors.keys()):
        shared: dict[str, bool] = {}  # co-author (as b writes them) -> spelled out?
        for k in common - (a.own_keys | b.own_keys):
            shared[b.coauthors[k]] = shared.get(b.coauthors[k], False) or _spelled_out(k)
        if names := sorted(shared)[:3]:  # one per person, however many keys
            score += sum(0.2 if shared[n] else 0.1 for n in names)  # initials tell half
            evidence.append("co-authors " + ", ".join(names))
    if (a.students or a.advisors or b.students or b.advisors) and (
        lineage := _lineage(a, b, set(names)) or _lineage(b, a, set(names))
    ):
        score += 0.3
        evidence.append(lineage)
    if a.orgs and b.orgs and (orgs := _shared(a.orgs, b.orgs, 1)):
        score += 0.2
        evidence.append(f"both at {orgs[0]}")
    if a.topics and b.topics and (topics := _shared(a.topics, b.topics, 2)):
        score += 0.1
        evidence.append("topics " + ", ".join(topics))
    if how in ALONE and a.source != b.source and _distinctive(a, b):
        score += DISTINCTIVE
        evidence.append("a name few researchers share")
    return Candidate(a, b, round(min(score, 1.0), 2), tuple(evidence), conflict)


def _distinctive(a: Mention, b: Mention) -> bool:
    """Both written names are distinctive (``names.is_distinctive``), and neither
    mention has a native name (Chinese characters: many people share a pinyin)."""
    return not a.native and not b.native and is_distinctive(a.name) and is_distinctive(b.name)


def _context(m: Mention) -> set[str]:
    """What a mention could share with another of the same person."""
    out = {f"d:{m.source}"}
    out.update(f"p:{p}" for p in m.pubs)
    out.update(f"n:{k}" for k in (*m.coauthors, *m.advisors, *m.students))
    out.update(f"o:{o}" for o in m.orgs)
    out.update(f"i:{a}={v}" for a, v in m.identifiers.items())
    if not m.native and is_distinctive(m.name):  # a name that merges on its own
        out.update(f"k:{k}" for k in m.own_keys)
    return out


def _pairs(
    block: list[int], mentions: list[Mention], context: dict[int, set[str]]
) -> Iterable[tuple[int, int]]:
    """Pairs of a block worth scoring. A small block is compared all-pairs; in a
    big one (a common name), only pairs sharing some context (or a distinctive
    name, which merges alone) are; others are not listed for review either."""
    if len(block) <= SMALL_BLOCK:
        return combinations(block, 2)
    index: dict[str, list[int]] = defaultdict(list)
    for i in block:
        if i not in context:  # worked out once, and only for mentions in big blocks
            context[i] = _context(mentions[i])
        for feature in context[i]:
            index[feature].append(i)
    pairs: set[tuple[int, int]] = set()
    for shared in index.values():
        if len(shared) <= COMMON_CONTEXT:  # a very common co-author name tells little
            pairs.update(combinations(shared, 2))
    return pairs


def _rank(c: Candidate) -> tuple[float, str, str]:
    """Best first, ties in key order."""
    return -c.score, c.a.key, c.b.key


def candidates(mentions: list[Mention]) -> list[Candidate]:
    """Scored pairs that share a block, in no particular order (see ``_rank``).
    A pair is scored once, however many blocks it shares; how two written names
    agree is worked out once per pair of names, and pairs whose names cannot be
    one person's are not scored."""
    blocks: dict[str, list[int]] = defaultdict(list)
    written: dict[tuple[str, str | None], int] = {}  # (name, native) -> its number
    name_of = []
    for i, m in enumerate(mentions):
        name_of.append(written.setdefault((m.name, m.native), len(written)))
        for k in block_keys(m.name, m.native):
            blocks[k].append(i)  # in index order
    names, n, size = list(written), len(written), len(mentions)
    hows: dict[int, str | None] = {}
    context: dict[int, set[str]] = {}
    seen: set[int] = set()
    out = []
    for block in blocks.values():
        for i, j in _pairs(block, mentions, context):
            if (pair := i * size + j) in seen:
                continue
            seen.add(pair)
            x, y = name_of[i], name_of[j]
            if (key := x * n + y) not in hows:
                hows[key] = name_match(names[x], names[y])
            if how := hows[key]:
                out.append(compare(mentions[i], mentions[j], how))
    return out


@dataclass
class Cluster:
    """Mentions taken to be one person, and what any further merge must agree with."""

    members: list[Mention]
    links: list[str] = field(default_factory=list)  # why each member joined
    weakest: float | None = None  # the lowest score that joined two parts
    apart: set[int] = field(default_factory=set)  # groups of its members (no two one person)
    names: set[tuple[str, str | None]] = field(default_factory=set)
    natives: set[str] = field(default_factory=set)
    identifiers: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, m: Mention) -> Cluster:
        return cls(
            [m],
            names={(m.name, m.native)},
            natives={_squash(m.native)} if m.native else set(),
            identifiers={a: {v} for a, v in m.identifiers.items() if a in IDENTIFIERS},
        )

    def absorb(self, other: Cluster, link: str, score: float | None) -> None:
        self.members += other.members
        self.links += [link, *other.links]
        scores = [s for s in (self.weakest, other.weakest, score) if s is not None]
        self.weakest = min(scores) if scores else None
        self.apart |= other.apart
        self.names |= other.names
        self.natives |= other.natives
        for attr, values in other.identifiers.items():
            self.identifiers.setdefault(attr, set()).update(values)


@dataclass
class Resolution:
    """People found among the mentions, and every pair worth a human look."""

    clusters: list[Cluster]
    decisions: list[tuple[Candidate, str]]  # (pair, "merged" | "uncertain" | "held apart: …")
    unmatched_rules: list[Rule]
    person_ids: dict[str, str]  # mention key -> person id (see ``person_ids``)


def _written(name: tuple[str, str | None]) -> tuple[str, str]:
    return name[0], name[1] or ""


class _Clusters:
    def __init__(self, mentions: list[Mention]) -> None:
        self.of = {m.key: Cluster.of(m) for m in mentions}
        self.groups = 0

    def keep_apart(self, keys: Iterable[str]) -> None:
        """No two of ``keys`` are one person: each joins a new group, and two
        clusters with a group in common never join (linear in the group's size)."""
        self.groups += 1
        for k in keys:
            self.of[k].apart.add(self.groups)

    def why_not(self, x: Cluster, y: Cluster) -> str | None:
        """Why the two clusters cannot be one person, or None."""
        if not x.apart.isdisjoint(y.apart):
            return "listed apart (one author list, or not_same_as)"
        if len(x.natives | y.natives) > 1:
            return "different native names " + ", ".join(sorted(x.natives | y.natives))
        for attr, label in IDENTIFIERS.items():
            if len(x.identifiers.get(attr, set()) | y.identifiers.get(attr, set())) > 1:
                return f"different {label}s"
        for p in sorted(x.names, key=_written):  # sorted: the same reason on every run
            for q in sorted(y.names, key=_written):
                if name_match(p, q) is None:
                    return f"names {p[0]} and {q[0]} cannot be one person"
        return None

    def join(self, x: Cluster, y: Cluster, link: str, score: float | None) -> None:
        if len(x.members) < len(y.members):
            x, y = y, x
        x.absorb(y, link, score)
        for m in y.members:
            self.of[m.key] = x

    def all(self) -> list[Cluster]:
        unique = {id(c): c for c in self.of.values()}.values()
        return sorted(unique, key=lambda c: min(m.key for m in c.members))


def _matching(ref: Ref, mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if ref.matches(m.names, m.path)]


def reach_keys(m: Mention) -> set[str]:
    """What ties a mention's resolution to others': its blocks (every candidate
    pair shares one, and a block's size decides how it is paired) and the slugs
    of its written names (the person ids two people could both claim)."""
    return {*block_keys(m.name, m.native), *(_slug_key(n) for n in m.names)}


@lru_cache(maxsize=1 << 16)
def _slug_key(name: str) -> str:
    return "slug:" + ids.slug(name)


def components(mentions: list[Mention], joined: Iterable[Iterable[int]] = ()) -> list[list[int]]:
    """Indices of ``mentions`` grouped so that no group's resolution bears on
    another's: two mentions are in one group when they share a ``reach_keys`` key
    or a group of ``joined`` (the mentions a same_as rule names). Each group is in
    index order, the groups in order of their first index.

    >>> ms = [Mention(f"s/{i}", n, None, "a.bib") for i, n in enumerate(
    ...     ["Ann Lee", "Bo Wu", "A. Lee", "Lee Ann"])]
    >>> components(ms)
    [[0, 2, 3], [1]]
    """
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = i = parent[parent[i]]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)

    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for k in reach_keys(m):
            union(i, first.setdefault(k, i))
    for group in joined:
        group = list(group)
        for j in group[1:]:
            union(group[0], j)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        out[root(i)].append(i)
    return list(out.values())


_FIELDS = tuple(f.name for f in fields(Mention))
# a part's people, decisions and person ids (mention key -> person id)
Outcome = tuple[list[Cluster], list[tuple[Candidate, str]], dict[str, str]]


@dataclass
class Part:
    """One component's mentions (in key order) and what binds them: the groups of
    them known apart, and the override rules' pairs among them, in the order
    they apply (``(rule, a, b)``)."""

    mentions: list[Mention]
    apart: list[list[str]]
    rules: list[tuple[Rule, Mention, Mention]]

    @cached_property
    def fingerprint(self) -> str:
        """A digest of everything the part's resolution depends on: every field of
        its mentions (as ``repr`` writes them: a document read again gives them
        in the same order), its groups apart and its rules."""
        rows = [[getattr(m, name) for name in _FIELDS] for m in self.mentions]
        apart = sorted(sorted(group) for group in self.apart)
        rules = [(r.same, r.path, r.line, a.key, b.key) for r, a, b in self.rules]
        return hashlib.blake2b(repr((rows, apart, rules)).encode(), digest_size=20).hexdigest()


def parts(
    mentions: list[Mention], apart: Iterable[Iterable[str]], rules: Iterable[Rule]
) -> tuple[list[Part], list[Rule]]:
    """``mentions`` split into independent parts (see ``components``), each with
    its share of ``apart`` and of the rules, and the rules that match no one."""
    mentions = sorted(mentions, key=lambda m: m.key)
    unmatched: list[Rule] = []
    pairs: list[tuple[Rule, Mention, Mention]] = []
    joined: list[list[int]] = []
    index = {m.key: i for i, m in enumerate(mentions)}
    for rule in sorted(rules, key=lambda r: r.same):  # not_same_as before same_as
        left, right = _matching(rule.a, mentions), _matching(rule.b, mentions)
        if not left or not right:
            unmatched.append(rule)
            continue
        pairs += [(rule, a, b) for a in left for b in right if a is not b]
        if rule.same:
            joined.append([index[m.key] for m in (*left, *right)])
    groups = components(mentions, joined)
    part_of: dict[str, int] = {}
    out = []
    for n, group in enumerate(groups):
        out.append(Part([mentions[i] for i in group], [], []))
        part_of.update((mentions[i].key, n) for i in group)
    for keys in apart:
        split: dict[int, list[str]] = defaultdict(list)
        for k in keys:
            split[part_of[k]].append(k)
        for n, share in split.items():
            if len(share) > 1:
                out[n].apart.append(share)
    for rule, a, b in pairs:
        if part_of[a.key] == part_of[b.key]:  # not_same_as across parts: never candidates
            out[part_of[a.key]].rules.append((rule, a, b))
    return out, unmatched


def resolve_part(part: Part) -> Outcome:
    """One part's people and decisions (see ``resolve_people``)."""
    state = _Clusters(part.mentions)
    for group in part.apart:
        state.keep_apart(group)
    for rule, a, b in part.rules:
        if not rule.same:
            state.keep_apart((a.key, b.key))
        elif (x := state.of[a.key]) is not (y := state.of[b.key]):
            where = f"{Path(rule.path).name}:{rule.line}"
            state.join(x, y, f"{a.label} = {b.label}: same_as in {where}", None)
    scored = candidates(part.mentions)
    decisions = []
    for c in sorted((c for c in scored if c.score >= MERGE_AT), key=_rank):
        x, y = state.of[c.a.key], state.of[c.b.key]
        if x is y:
            decisions.append((c, "merged"))
        elif reason := c.conflict or state.why_not(x, y):
            decisions.append((c, f"held apart: {reason}"))
        else:
            state.join(x, y, str(c), c.score)
            decisions.append((c, "merged"))
    # every merge is done: a weaker pair is only told apart by the people it ends in
    weaker = [
        c
        for c in scored
        if c.score < MERGE_AT and (c.score >= REVIEW_AT or state.of[c.a.key] is state.of[c.b.key])
    ]
    for c in sorted(weaker, key=_rank):
        decisions.append((c, "merged" if state.of[c.a.key] is state.of[c.b.key] else "uncertain"))
    clusters = state.all()
    return clusters, _one_per_question(decisions, state), person_ids(clusters)


def person_ids(clusters: list[Cluster]) -> dict[str, str]:
    """Mention key -> person id, for the people of one part (see
    ``identity.parts``: two people who could be given one id are always in one).
    A person is ``person:<name slug>``; initials-only names and the second person
    of a name are scoped by their first source. Assigned part by part, a part's
    ids do not depend on any other part."""
    out: dict[str, str] = {}
    taken: set[str] = set()

    def weight(c: Cluster) -> tuple[int, int, str]:  # the best-documented person first
        facts = sum(
            len(m.pubs) + len(m.orgs) + len(m.advisors) + len(m.students) for m in c.members
        )
        return -len(c.members), -facts, c.members[0].key

    for c in sorted(clusters, key=weight):
        name = representative(c)[0]
        first = min(m.key for m in c.members)
        pid = ids.person_id(name)
        if is_initials_only(name) or pid in taken:
            pid = ids.person_id(name, scope=first.split("/", 1)[0])
        while pid in taken:
            pid = ids.person_id(name, scope=ids.digest(first, pid))
        taken.add(pid)
        out.update((m.key, pid) for m in c.members)
    return out


class Kept(Protocol):
    """Parts resolved before, by fingerprint (``resolve.kept.KeptResolutions``)."""

    def get(self, part: Part) -> Outcome | None: ...

    def put(self, part: Part, outcome: Outcome) -> None: ...


def resolve_people(
    mentions: list[Mention],
    apart: Iterable[Iterable[str]] = (),
    overrides: Overrides | None = None,
    kept: Kept | None = None,
) -> Resolution:
    """Cluster mentions into people: overrides first, then scored pairs best first.
    ``apart``: groups of mention keys known to be different people (the names on
    one author list of one document; a pair is a group of two). The mentions are
    resolved in independent parts (see ``parts``), each alone; ``kept`` answers
    for the parts it has seen, and keeps the others."""
    split, unmatched = parts(mentions, apart, overrides.rules if overrides else ())
    clusters: list[Cluster] = []
    decisions: list[tuple[Candidate, str]] = []
    person_map: dict[str, str] = {}
    for part in split:
        found = kept.get(part) if kept is not None else None
        if found is None:
            found = resolve_part(part)
            if kept is not None:
                kept.put(part, found)
        clusters += found[0]
        decisions += found[1]
        person_map.update(found[2])
    decisions.sort(key=lambda d: _rank(d[0]))
    clusters.sort(key=lambda c: min(m.key for m in c.members))
    return Resolution(clusters, decisions, unmatched, person_map)


def _one_per_question(
    decisions: list[tuple[Candidate, str]], state: _Clusters
) -> list[tuple[Candidate, str]]:
    """Open pairs between the same two final people ask one question: keep the best."""
    asked: set[frozenset[int]] = set()
    out = []
    for c, decision in decisions:
        if decision != "merged":
            question = frozenset((id(state.of[c.a.key]), id(state.of[c.b.key])))
            if question in asked:
                continue
            asked.add(question)
        out.append((c, decision))
    return out


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
