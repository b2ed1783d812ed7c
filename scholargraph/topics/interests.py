"""Topics derived from the resolved graph: what each publication is about (from
its title, abstract and venue) and what each person works on (what they state,
plus their papers).

Runs after identity resolution, so a paper listed in two documents, or a person
known from three, is scored once.

>>> from scholargraph.records import Authored, Person, Publication, RecordSet
>>> rs = RecordSet([
...     Person(id="person:ann", name="Ann Lee"),
...     Publication(id="w:1", title="Serving Large Language Models on Spot Instances"),
...     Authored(id="a1", from_id="person:ann", to_id="w:1", position=1),
... ])
>>> derive_topics(rs)
>>> sorted((r.to_id, r.score) for r in rs.rels[About].values())
[('topic:elastic-cloud', 1.0), ('topic:llm-serving', 1.0)]
>>> [(r.to_id, r.score, r.papers) for r in rs.rels[InterestedIn].values()][:1]
[('topic:elastic-cloud', 1.0, 1)]
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from dataclasses import dataclass, field

from scholargraph.normalize.topics import vocabulary
from scholargraph.records import (
    About,
    Authored,
    InterestedIn,
    Publication,
    PublishedIn,
    RecordSet,
    Topic,
    Venue,
    rel_id,
)

TITLE, ABSTRACT, VENUE = 1.0, 0.6, 0.3  # how strongly each part of a paper says what it is about
EVIDENCE_PAPERS = 5  # papers named in an INTERESTED_IN's evidence (the count says the rest)


def _venue_text(records: RecordSet) -> dict[str, str]:
    venues = records.of(Venue)
    out: dict[str, str] = {}
    for r in records.rels[PublishedIn].values():
        v = venues.get(r.to_id)
        if v is not None:
            out[r.from_id] = v.full_name or v.name
    return out


def publication_topics(records: RecordSet) -> None:
    """Adds ABOUT each publication's canonical topics, scored by where they are
    named (title 1.0, abstract 0.6, venue 0.3; topics a document gave it keep theirs)."""
    vocab = vocabulary()
    venue = _venue_text(records)
    about = records.of(About)
    for pub in sorted(records.of(Publication).values(), key=lambda p: p.id):
        scores: dict[str, tuple[float, str]] = {}
        parts = [
            ("" if pub.title_is_system_name else pub.title, TITLE, "title"),
            (pub.abstract or "", ABSTRACT, "abstract"),
            (venue.get(pub.id, ""), VENUE, "venue"),
        ]
        for text, weight, part in parts:
            for key, phrase in vocab.find(text).items():
                if weight > scores.get(key, (0.0, ""))[0]:
                    scores[key] = (weight, f"{part}: {phrase}")
        for key, (score, why) in scores.items():
            tid = vocab.concepts[key].id
            records.add(Topic(id=tid, name=vocab.name(key), sources=list(pub.sources)))
            rid = rel_id(About, pub.id, tid)
            old = about.get(rid)
            if old is not None and old.score >= score:
                continue
            about[rid] = About(
                id=rid,
                from_id=pub.id,
                to_id=tid,
                score=score,
                sources=list(pub.sources),
                evidence=[*(old.evidence if old else []), why],
            )


@dataclass(slots=True)
class TopicPapers:
    """One person's papers on one topic, as INTERESTED_IN needs them, added one at a
    time without holding them all: their number, summed ABOUT score, the best few
    titles and the sources that name them (each at its best paper's rank).

    >>> t = TopicPapers()
    >>> t.add(0.6, Publication(id="w:2", title="Two", sources=["src:b"]))
    >>> t.add(1.0, Publication(id="w:1", title="One", sources=["src:a", "src:b"]))
    >>> t.count, t.score, t.titles(), t.source_ids()
    (2, 1.6, ['One', 'Two'], ['src:a', 'src:b'])
    """

    count: int = 0
    score: float = 0.0
    best: list[tuple[float, str, str]] = field(default_factory=list)  # (-score, id, title)
    sources: dict[str, tuple[float, str, int]] = field(default_factory=dict)  # -> first place

    def add(self, score: float, pub: Publication) -> None:
        self.count += 1
        self.score += score
        insort(self.best, (-score, pub.id, pub.title))
        del self.best[EVIDENCE_PAPERS:]
        for i, s in enumerate(pub.sources):  # the place it has in the papers, best first
            place = (-score, pub.id, i)
            if s not in self.sources or place < self.sources[s]:
                self.sources[s] = place

    def titles(self) -> list[str]:
        return [title for _, _, title in self.best]

    def source_ids(self) -> list[str]:
        return sorted(self.sources, key=self.sources.__getitem__)


def paper_tally(records: RecordSet) -> dict[tuple[str, str], TopicPapers]:
    """(person, topic) -> their papers on it, over the records' AUTHORED and ABOUT."""
    about: dict[str, list[About]] = defaultdict(list)
    for a in records.of(About).values():
        about[a.from_id].append(a)
    pubs = records.of(Publication)
    tally: dict[tuple[str, str], TopicPapers] = defaultdict(TopicPapers)
    for au in records.rels[Authored].values():
        pub = pubs[au.to_id]
        for a in about.get(au.to_id, ()):
            tally[(au.from_id, a.to_id)].add(a.score, pub)
    return tally


def interest(
    person: str, topic: str, own: InterestedIn | None, papers: TopicPapers | None
) -> InterestedIn:
    """The INTERESTED_IN of ``person`` in ``topic``: ``score`` = stated strength + the
    ABOUT scores of their papers on it, with the statement's lines and the papers
    as evidence."""
    papers = papers or TopicPapers()
    strength = own.stated if own else 0.0
    evidence = list(own.evidence) if own else []
    evidence += [f"paper: {title}" for title in papers.titles()]
    if papers.count > EVIDENCE_PAPERS:
        evidence.append(f"and {papers.count - EVIDENCE_PAPERS} more papers")
    sources = list(own.sources) if own else []
    sources += [s for s in papers.source_ids() if s not in sources]
    return InterestedIn(
        id=own.id if own else rel_id(InterestedIn, person, topic),
        from_id=person,
        to_id=topic,
        score=round(strength + papers.score, 3),
        stated=strength,
        papers=papers.count,
        sources=sources,
        evidence=evidence,
    )


def person_topics(records: RecordSet) -> None:
    """Sets INTERESTED_IN (``interest``) for every person with a stated interest or a
    paper about a topic."""
    tally = paper_tally(records)
    interests = records.of(InterestedIn)
    stated = {(r.from_id, r.to_id): r for r in interests.values()}
    for person, topic in sorted(set(tally) | set(stated)):
        r = interest(person, topic, stated.get((person, topic)), tally.get((person, topic)))
        interests[r.id] = r


def derive_topics(records: RecordSet) -> None:
    """Publication topics, then people's topics over them (added to ``records``)."""
    publication_topics(records)
    person_topics(records)
