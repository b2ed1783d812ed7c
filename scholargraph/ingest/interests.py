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

from collections import defaultdict

from scholargraph.ingest.topics import vocabulary
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
    venues = records.nodes[Venue]
    out: dict[str, str] = {}
    for r in records.rels[PublishedIn].values():
        v = venues.get(r.to_id)
        if isinstance(v, Venue):
            out[r.from_id] = v.full_name or v.name
    return out


def publication_topics(records: RecordSet) -> None:
    """Adds ABOUT each publication's canonical topics, scored by where they are
    named (title 1.0, abstract 0.6, venue 0.3; topics a document gave it keep theirs)."""
    vocab = vocabulary()
    venue = _venue_text(records)
    about = records.rels[About]
    for pub in sorted(records.nodes[Publication].values(), key=lambda p: p.id):
        assert isinstance(pub, Publication)
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
            if isinstance(old, About) and old.score >= score:
                continue
            about[rid] = About(
                id=rid,
                from_id=pub.id,
                to_id=tid,
                score=score,
                sources=list(pub.sources),
                evidence=[*(old.evidence if old else []), why],
            )


def person_topics(records: RecordSet) -> None:
    """Sets INTERESTED_IN for every person with a stated interest or a paper about a
    topic: ``score`` = stated strength + the ABOUT scores of their papers on it,
    with the statement's lines and the papers as evidence."""
    about: dict[str, list[About]] = defaultdict(list)
    for a in records.rels[About].values():
        assert isinstance(a, About)
        about[a.from_id].append(a)
    pubs = records.nodes[Publication]
    papers: dict[tuple[str, str], list[tuple[float, Publication]]] = defaultdict(list)
    for au in records.rels[Authored].values():
        assert isinstance(au, Authored)
        pub = pubs.get(au.to_id)
        for a in about.get(au.to_id, ()):
            papers[(au.from_id, a.to_id)].append((a.score, pub))  # type: ignore[arg-type]
    interests = records.rels[InterestedIn]
    stated = {(r.from_id, r.to_id): r for r in interests.values()}
    for person, topic in sorted(set(papers) | set(stated)):
        own = stated.get((person, topic))
        on_topic = sorted(papers.get((person, topic), []), key=lambda sp: (-sp[0], sp[1].id))
        strength = own.stated if isinstance(own, InterestedIn) else 0.0
        evidence = list(own.evidence) if own else []
        evidence += [f"paper: {p.title}" for _, p in on_topic[:EVIDENCE_PAPERS]]
        if len(on_topic) > EVIDENCE_PAPERS:
            evidence.append(f"and {len(on_topic) - EVIDENCE_PAPERS} more papers")
        sources = list(own.sources) if own else []
        sources += [s for _, p in on_topic for s in p.sources if s not in sources]
        rid = own.id if own else rel_id(InterestedIn, person, topic)
        interests[rid] = InterestedIn(
            id=rid,
            from_id=person,
            to_id=topic,
            score=round(strength + sum(s for s, _ in on_topic), 3),
            stated=strength,
            papers=len(on_topic),
            sources=sources,
            evidence=evidence,
        )


def derive_topics(records: RecordSet) -> None:
    """Publication topics, then people's topics over them (added to ``records``)."""
    publication_topics(records)
    person_topics(records)
