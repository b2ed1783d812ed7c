"""A seeded generator of co-authorship graphs that look like real ones, at any scale.

Research groups of 5-40 people, each led by a PI at an organization, write papers
with teams of 1-15 (mostly 3-5, a long tail) drawn from the group and now and then
a neighbouring one. Some people write far more than others (Pareto activity), the
PI is usually last author, and every paper goes to one of the group's venues and is
about one or two of the group's topics (topics have Zipf popularity). PIs advise
their group's students and were themselves advised by an earlier group's PI, so
lineages run several generations deep. Names clash at a realistic rate: they are
drawn from common surname and given-name pools, and many Chinese names also carry
their hanzi as ``native_name``.

The output is the normalized records ingest produces, so it goes through the same
writer, resolver and queries as real data.

>>> records = synthetic(authorships=400, seed=1)
>>> counts = records.counts()
>>> counts["AUTHORED"] >= 400, counts["Person"] < counts["AUTHORED"]
(True, True)
>>> print(*sorted(k for k in counts if k.isupper()))  # every relationship type appears
ABOUT ADVISED AFFILIATED_WITH AUTHORED INTERESTED_IN IN_CLUSTER MEMBER_OF PUBLISHED_IN
>>> synthetic(authorships=400, seed=1).counts() == counts  # same seed, same graph
True
"""

from __future__ import annotations

import dataclasses
import random
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, chain

from scholargraph import ids
from scholargraph.normalize import samples
from scholargraph.normalize.names import is_initials_only, pinyin_syllables
from scholargraph.records import (
    About,
    Advised,
    AffiliatedWith,
    Authored,
    InterestedIn,
    Organization,
    Person,
    Publication,
    PublishedIn,
    Record,
    RecordSet,
    Rel,
    Source,
    Topic,
    Venue,
    rel_id,
)
from scholargraph.store.writer import batched
from scholargraph.topics.clusters import TopicPairs, clusters, stated_topics
from scholargraph.topics.interests import TopicPapers, interest

SOURCE = "src:synthetic"
SRC = [SOURCE]
TOPICS = samples.topics()
VENUES = samples.venues()
ROLES = ("PhD student", "PhD student", "PhD student", "Master student", "Postdoc")
KINDS = {"PhD student": "phd", "Master student": "masters", "Postdoc": "postdoc"}


@dataclass
class _Group:
    members: list[int]
    org: int
    topics: list[int]
    venues: list[int]
    cum_weights: list[float]  # Pareto activity of the members, for choices()


def _team_size(rng: random.Random) -> int:
    return min(15, max(1, round(rng.lognormvariate(1.3, 0.45))))


def _groups(rng: random.Random, people: int) -> list[_Group]:
    topic_weights = [1 / (rank + 1) for rank in range(len(TOPICS))]  # Zipf popularity
    groups: list[_Group] = []
    first = 0
    while first < people:
        members = list(range(first, min(people, first + rng.randint(5, 40))))
        first += len(members)
        activity = [8.0] + [rng.paretovariate(1.5) for _ in members[1:]]  # the PI writes most
        groups.append(
            _Group(
                members=members,
                org=len(groups) // 4,
                topics=sorted(set(rng.choices(range(len(TOPICS)), topic_weights, k=3))),
                venues=rng.sample(range(len(VENUES)), 3),
                cum_weights=list(accumulate(activity)),
            )
        )
    return groups


def synthetic(authorships: int, *, seed: int = 0) -> RecordSet:
    """A co-author graph with at least ``authorships`` AUTHORED edges, whole: the
    union of ``synthetic_chunks``. People are ``person:s0``, ``person:s1`` … and
    papers ``pub:s0`` …, so runs can name them."""
    out = RecordSet()
    for chunk in synthetic_chunks(authorships, seed=seed):
        out.update(chunk)
    return out


def synthetic_chunks(authorships: int, *, seed: int = 0, size: int = 20_000) -> Iterator[RecordSet]:
    """The graph ``synthetic`` gives, as a stream of chunks of about ``size`` records
    for ``store.writer.write_records``: people and their groups first, then papers,
    then what ingest derives from them (people's topics, topic clusters). Every id
    is in one chunk only, and nodes come before the relationships that need them.

    What is kept between chunks is per person or per topic, never per paper or
    authorship (see ``_Tally``), except five bytes per ABOUT for the clusters'
    top papers.

    >>> chunks = list(synthetic_chunks(400, seed=1, size=100))
    >>> max(len(c) for c in chunks) < 200
    True
    >>> sum(len(c) for c in chunks) == len(synthetic(400, seed=1))  # no id in two chunks
    True
    """
    rng = random.Random(seed)
    people = max(10, authorships // 8)
    groups = _groups(rng, people)
    tally = _Tally(people)
    chunk = RecordSet(
        [
            *(Topic(id=_topic_id(i), name=name, sources=SRC) for i, name in enumerate(TOPICS)),
            *(Venue(id=f"venue:s{i}", name=name, sources=SRC) for i, name in enumerate(VENUES)),
        ]
    )
    for g, group in enumerate(groups):
        _add_group(chunk, rng, g, group, groups, tally)
        if len(chunk) >= size:
            yield chunk
            chunk = RecordSet()
    # some groups publish far more than others (80/20), so their PIs are hubs
    group_weights = list(accumulate(rng.paretovariate(1.16) for _ in groups))
    edges = papers = 0
    while edges < authorships:
        (g,) = rng.choices(range(len(groups)), cum_weights=group_weights)
        edges += _add_paper(chunk, rng, papers, groups, g, tally)
        papers += 1
        if len(chunk) >= size:
            yield chunk
            chunk = RecordSet()
    for part in batched(chain(chunk, tally.derived()), size):
        yield RecordSet(part)


class _Tally:
    """What ingest derives from the whole graph (``interests.person_topics``,
    ``clusters.topic_clusters``), gathered paper by paper as the graph is made:
    each person's papers per topic, topic pairs, people's names and stated topic,
    and each paper's topics in two compact arrays."""

    def __init__(self, people: int) -> None:
        self.names: list[str] = [""] * people
        self.stated = array("b", [-1]) * people  # topic each person states, -1 none
        self.papers: dict[tuple[int, int], TopicPapers] = defaultdict(TopicPapers)
        self.pairs = TopicPairs()
        self.about_pub, self.about_topic = array("i"), array("b")

    def paper(self, pub: Publication, n: int, topics: list[int], team: list[int]) -> None:
        about = {_topic_id(t): 1.0 for t in topics}  # About's default score
        self.pairs.add(about)
        for t in topics:
            self.about_pub.append(n)
            self.about_topic.append(t)
            for p in team:
                self.papers[(p, t)].add(1.0, pub)

    def stated_interest(self, p: int) -> InterestedIn:
        """Person ``p``'s stated interest, as a document would give it."""
        return InterestedIn(id=f"int:s{p}", from_id=_person_id(p),
                            to_id=_topic_id(self.stated[p]), stated=1.0, sources=SRC)  # fmt: skip

    def interests(self) -> Iterator[InterestedIn]:
        stated = {(p, t) for p, t in enumerate(self.stated) if t >= 0}
        for p, t in sorted(stated | set(self.papers)):
            own = self.stated_interest(p) if (p, t) in stated else None
            yield interest(_person_id(p), _topic_id(t), own, self.papers.get((p, t)))

    def derived(self) -> Iterator[Record]:
        """People's topics, then the clusters (nodes before their relationships)."""
        yield from self.interests()
        said = (self.stated_interest(p) for p, t in enumerate(self.stated) if t >= 0)
        for group in stated_topics(said).values():
            self.pairs.add(group)
        topics = {_topic_id(i): Topic(id=_topic_id(i), name=name) for i, name in enumerate(TOPICS)}
        yield from clusters(
            self.pairs.graph(),
            topics,
            interests=self.interests(),
            about=map(_about, self.about_pub, self.about_topic),
            name_of=self.name_of,
        )

    def name_of(self, node_id: str) -> str | None:
        if node_id.startswith("person:s"):
            return self.names[int(node_id.removeprefix("person:s"))]
        return _title(int(node_id.removeprefix("pub:s")))


def _person_id(p: int) -> str:
    return f"person:s{p}"


def _topic_id(t: int) -> str:
    return f"topic:s{t}"


def _title(n: int) -> str:
    return f"Synthetic Paper {n}"


def _about(n: int, t: int) -> About:
    return About(id=f"pub:s{n}:t{t}", from_id=f"pub:s{n}", to_id=_topic_id(t), sources=SRC)


def _add_group(
    out: RecordSet, rng: random.Random, g: int, group: _Group, groups: list[_Group], tally: _Tally
) -> None:
    org = f"org:s{group.org}"
    if g % 4 == 0:  # four groups share one organization
        out.add(Organization(id=org, name=f"University {group.org}", sources=SRC))
    pi = group.members[0]
    since = rng.randint(1985, 2015)
    for member in group.members:
        name, hanzi = samples.sample_name(rng)
        pid = _person_id(member)
        out.add(Person(id=pid, name=name, native_name=hanzi, sources=SRC))
        tally.names[member] = name
        role = "Professor" if member == pi else rng.choice(ROLES)
        start = since if member == pi else rng.randint(since, 2024)
        end = None if member == pi else min(2026, start + rng.randint(2, 6))
        out.add(
            AffiliatedWith(
                id=f"aff:s{member}",
                from_id=pid,
                to_id=org,
                role=role,
                start=str(start),
                end=str(end) if end else None,
                sources=SRC,
            )
        )
        if member != pi and rng.random() < 0.8:
            out.add(
                Advised(
                    id=f"adv:s{member}",
                    from_id=_person_id(pi),
                    to_id=pid,
                    kind=KINDS.get(role, "supervisor"),
                    sources=SRC,
                )
            )
        tally.stated[member] = group.topics[0] if member == pi else rng.choice(group.topics)
    if g and rng.random() < 0.7:  # the PI was trained by an earlier group's PI
        mentor = groups[rng.randrange(g)].members[0]
        out.add(
            Advised(
                id=f"adv:s{pi}",
                from_id=_person_id(mentor),
                to_id=_person_id(pi),
                kind="phd",
                sources=SRC,
            )
        )


def _add_paper(
    out: RecordSet, rng: random.Random, n: int, groups: list[_Group], g: int, tally: _Tally
) -> int:
    """Paper ``pub:s<n>`` of group ``g``; returns its number of authors."""
    group = groups[g]
    pool, weights = group.members, group.cum_weights
    if rng.random() < 0.2:  # with a neighbouring group
        other = groups[(g + 1) % len(groups)]
        pool = pool + other.members
        weights = weights + [weights[-1] + w for w in other.cum_weights]
    size = min(len(pool), _team_size(rng))
    team = list(dict.fromkeys(rng.choices(pool, cum_weights=weights, k=3 * size)))[:size]
    pi = group.members[0]
    if pi in team:  # the PI goes last, as in CS author lists
        team.remove(pi)
        team.append(pi)
    wid = f"pub:s{n}"
    pub = Publication(id=wid, title=_title(n), year=rng.randint(2000, 2025), sources=SRC)
    out.add(pub)
    out.add(
        PublishedIn(
            id=f"{wid}:venue", from_id=wid, to_id=f"venue:s{rng.choice(group.venues)}", sources=SRC
        )
    )
    topics = rng.sample(group.topics, min(len(group.topics), rng.randint(1, 2)))
    for t in topics:
        out.add(_about(n, t))
    for pos, p in enumerate(team, 1):
        out.add(
            Authored(
                id=f"{wid}:a{pos}", from_id=_person_id(p), to_id=wid, position=pos, sources=SRC
            )
        )
    tally.paper(pub, n, topics, team)
    return len(team)


def _as_written(rng: random.Random, person: Person) -> tuple[str, str | None]:
    """How one document writes ``person``: mostly as is, sometimes with initials,
    family name first, a hyphenated given name, or in hanzi."""
    given, family = person.name.rsplit(" ", 1)
    chinese = pinyin_syllables(given) is not None and pinyin_syllables(family) is not None
    r = rng.random()
    if person.native_name and r < 0.1:
        return person.native_name, person.native_name
    if r < 0.25:
        return f"{given[0]}. {family}", None
    if chinese and r < 0.3:
        return f"{family} {given}", None
    if chinese and r < 0.35 and len(syllables := pinyin_syllables(given) or []) == 2:
        return f"{syllables[0].capitalize()}-{syllables[1].capitalize()} {family}", None
    return person.name, person.native_name


class _Profile(RecordSet):
    """One synthetic document: each person gets one written form in it."""

    def __init__(
        self, src: str, rng: random.Random, people: dict[str, Person], truth: dict[str, str]
    ) -> None:
        super().__init__([Source(id=src, path=f"synthetic/{src[4:]}.yaml", sha256="", kind="x")])
        self.src, self.rng, self.people, self.truth = src, rng, people, truth
        self.written: dict[str, str] = {}
        self.ambiguous: set[str] = set()

    def mention(self, pid: str) -> str:
        """The person id, in this document, of synthetic person ``pid``. A form another
        person already has here is not used (a real document would not write two
        people alike); when even the full names clash, the mention is left out of the
        truth, as no resolver could tell them apart."""
        if pid not in self.written:
            person = self.people[pid]
            name, native = _as_written(self.rng, person)
            local = ids.person_id(name, scope=self.src if is_initials_only(name) else None)
            if f"{self.src}/{local}" in self.truth:
                name, native = person.name, person.native_name
                local = ids.person_id(name)
            key = f"{self.src}/{local}"
            if self.truth.setdefault(key, pid) != pid:
                self.ambiguous.add(key)
            self.add(Person(id=local, name=name, native_name=native, sources=[self.src]))
            self.written[pid] = local
        return self.written[pid]


def profile_documents(mentions: int, *, seed: int = 0) -> tuple[list[RecordSet], dict[str, str]]:
    """Documents about random people of a synthetic graph, as ingest would read them,
    until they hold ``mentions`` person mentions: each lists its owner's papers with
    the authors written as that document writes them (see ``_as_written``), the
    owner's affiliations and advisors. Returns the documents and the truth: mention
    key (``<source id>/<person id in the document>``) -> synthetic person id.

    >>> docs, truth = profile_documents(500, seed=1)
    >>> len(truth) >= 500, len(set(truth.values())) < len(truth)
    (True, True)
    """
    rng = random.Random(seed)
    graph = synthetic(2 * mentions, seed=seed)
    people = graph.of(Person)
    papers: dict[str, list[Authored]] = {}
    authorships = list(graph.of(Authored).values())
    for authorship in authorships:
        papers.setdefault(authorship.from_id, []).append(authorship)
    teams: dict[str, list[str]] = {}
    for authorship in sorted(authorships, key=lambda r: (r.to_id, r.position or 0)):
        teams.setdefault(authorship.to_id, []).append(authorship.from_id)
    links: dict[str, list[Rel]] = {}
    for rel_type in (AffiliatedWith, Advised):
        for r in graph.rels[rel_type].values():
            links.setdefault(r.to_id if rel_type is Advised else r.from_id, []).append(r)
    owners = [p for p in people if p in papers]
    rng.shuffle(owners)
    docs: list[RecordSet] = []
    truth: dict[str, str] = {}
    for owner in owners:
        if len(truth) >= mentions:
            break
        src = f"src:syn{len(docs)}"
        doc = _Profile(src, rng, people, truth)
        for authored in papers[owner]:
            doc.add(dataclasses.replace(graph.of(Publication)[authored.to_id], sources=[src]))
            for pos, author in enumerate(teams[authored.to_id], 1):
                local = doc.mention(author)
                doc.add(Authored(id=rel_id(Authored, local, authored.to_id), from_id=local,
                                 to_id=authored.to_id, position=pos, sources=[src]))  # fmt: skip
        org_name = None
        for r in links.get(owner, []):
            if isinstance(r, AffiliatedWith):
                org = graph.of(Organization)[r.to_id]
                org_name = org.name
                doc.add(dataclasses.replace(org, sources=[src]))
                doc.add(dataclasses.replace(r, from_id=doc.mention(owner), sources=[src]))
        for r in links.get(owner, []):
            if isinstance(r, Advised):
                adv, me = doc.mention(r.from_id), doc.mention(owner)
                doc.add(Advised(id=rel_id(Advised, adv, me, kind=r.kind), from_id=adv, to_id=me,
                                kind=r.kind, organization=org_name, sources=[src]))  # fmt: skip
        docs.append(doc)
        for key in doc.ambiguous:
            del truth[key]
    return docs, truth


def to_bibtex(records: RecordSet) -> str:
    """The publications of a synthetic graph as BibTeX (``Family, Given`` authors in
    order, venue as booktitle when the records have one: a ``profile_documents``
    document has none), for end-to-end runs through the BibTeX parser.

    >>> text = to_bibtex(synthetic(50, seed=1))
    >>> text.startswith("@inproceedings{s"), "author = {" in text
    (True, True)
    """
    people = records.of(Person)
    teams: dict[str, list[tuple[int, str]]] = {}
    for a in records.of(Authored).values():
        teams.setdefault(a.to_id, []).append((a.position or 0, a.from_id))
    venues = {r.from_id: r.to_id for r in records.rels[PublishedIn].values()}
    entries = []
    for pid, pub in records.of(Publication).items():
        authors = " and ".join(
            ", ".join(reversed(people[p].name.rsplit(" ", 1))) for _, p in sorted(teams[pid])
        )
        venue = records.of(Venue)[venues[pid]].name if pid in venues else ""
        entries.append(
            f"@inproceedings{{{pid.removeprefix('pub:')},\n"
            f"  title = {{{pub.title}}},\n  author = {{{authors}}},\n"
            + (f"  booktitle = {{{venue}}},\n" if venue else "")
            + f"  year = {{{pub.year}}}\n}}\n"
        )
    return "\n".join(entries)
