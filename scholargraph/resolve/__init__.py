"""Identity resolution over everything one ingest read: publications, then people.

``resolve(documents)`` takes each document's records (person ids local to that
document), folds versions of one paper together, clusters person mentions into
people, and returns one RecordSet with every id and relationship rewritten. The
documents are processed in the order of their content-derived source ids, so the
result is the same whatever order the files were given in.

Documents written by ``scholargraph enrich`` (kind ``enrichment``: what a public
API said) come after the user's own documents and only fill gaps: where both
give a value, the document's stays and the API's is noted in ``conflicts``
(a paper's venue too: ``resolve.venues``).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from scholargraph import ids
from scholargraph.records import (
    Advised,
    AffiliatedWith,
    Authored,
    InterestedIn,
    Mentored,
    Organization,
    Person,
    Publication,
    RecordSet,
    Rel,
    Source,
    Topic,
    copied,
    fill_into,
    merge_into,
    note_conflict,
    rel_id,
)
from scholargraph.resolve.identity import (
    CONTACTS,
    IDENTIFIERS,
    Cluster,
    Kept,
    Mention,
    Resolution,
    block_keys,
    name_keys,
    representative,
    resolve_people,
)
from scholargraph.resolve.overrides import Overrides
from scholargraph.resolve.venues import settle_venues
from scholargraph.resolve.works import fold_versions, is_arxiv_doi, resolve_publications


@dataclass
class Resolved:
    """The resolved records, and how people and papers were resolved."""

    records: RecordSet
    people: Resolution
    mentions: int
    folded_publications: int

    def summary(self) -> str:
        merged = self.mentions - len(self.people.clusters)
        uncertain = sum(1 for _, d in self.people.decisions if d == "uncertain")
        return (
            f"identity: {self.mentions} person mentions -> {len(self.people.clusters)} people "
            f"({merged} merged, {uncertain} uncertain pair{'' if uncertain == 1 else 's'}: "
            "see `scholargraph review`); "
            f"{self.folded_publications} publication versions folded"
        )


SECONDARY_KINDS = ("enrichment",)  # sources that fill gaps and never overrule


def _source(doc: RecordSet) -> Source:
    (source,) = doc.nodes[Source].values()
    assert isinstance(source, Source)
    return source


def _said_by(record: Publication | Person, secondary: dict[str, str]) -> str | None:
    """Who said ``record``, when only secondary sources did: the line it came from."""
    if not record.sources or any(s not in secondary for s in record.sources):
        return None
    return record.evidence[0] if record.evidence else secondary[record.sources[0]]


def _note_conflicts(
    folded: Publication, versions: list[Publication], secondary: dict[str, str]
) -> None:
    for v in versions:
        said = _said_by(v, secondary)
        if said is None:
            continue
        for name in ("year", "doi", "arxiv"):
            a, b = getattr(folded, name), getattr(v, name)
            if a and b and a != b and not (name == "doi" and (is_arxiv_doi(a) or is_arxiv_doi(b))):
                note_conflict(folded.conflicts, name, a, said, b)


CO_AUTHOR_REACH = 50  # on a longer author list, co-authors this many places either side


def mentions_of(
    doc: RecordSet, pub_map: dict[str, str]
) -> tuple[dict[str, Mention], list[list[str]]]:
    """The document's people as mentions with their context, and the groups of
    them that are certainly different people (one author list, or advisor and
    student). On a collaboration paper's long author list each author's co-author
    evidence is the ``2 * CO_AUTHOR_REACH`` names nearest on the list (as many
    either side as the ends allow), so memory grows with the list, not its
    square; a list of up to ``2 * CO_AUTHOR_REACH + 1`` names counts everyone."""
    src = _source(doc)
    people: dict[str, Person] = doc.nodes[Person]  # type: ignore[assignment]
    ms = {
        pid: Mention(
            key=f"{src.id}/{pid}",
            name=p.name,
            native=p.native_name,
            path=src.path,
            aliases=list(p.aliases),
            identifiers={a: v for a in (*IDENTIFIERS, *CONTACTS) if (v := getattr(p, a))},
        )
        for pid, p in people.items()
    }
    named = {  # sorted: a set's order changes with the hash seed, and parts' fingerprints with it
        pid: dict.fromkeys(sorted(name_keys(p.name, p.native_name)), p.name)
        for pid, p in people.items()
    }
    titles = {pid: getattr(p, "title", "") for pid, p in doc.nodes[Publication].items()}
    authors: dict[str, list[str]] = defaultdict(list)
    for r in doc.rels[Authored].values():
        authors[r.to_id].append(r.from_id)
        ms[r.from_id].pubs[pub_map[r.to_id]] = (titles[r.to_id], r.position)  # type: ignore[attr-defined]
    apart = [[ms[a].key for a in team] for team in authors.values()]
    for team in authors.values():
        last = max(0, len(team) - 2 * CO_AUTHOR_REACH - 1)  # where the last window starts
        for i, a in enumerate(team):
            start = min(max(0, i - CO_AUTHOR_REACH), last)
            for b in team[start:i] + team[i + 1 : start + 2 * CO_AUTHOR_REACH + 1]:
                ms[a].coauthors.update(named[b])
    for rel_type in (Advised, Mentored):
        for r in doc.rels[rel_type].values():
            apart.append([ms[r.from_id].key, ms[r.to_id].key])  # nobody advises themselves
            ms[r.from_id].students.update(named[r.to_id])
            ms[r.to_id].advisors.update(named[r.from_id])
            if org := getattr(r, "organization", None):  # both were there then
                ms[r.from_id].orgs[ids.named_id("org", org)] = org
                ms[r.to_id].orgs[ids.named_id("org", org)] = org
    for link_type, target, attr in (
        (AffiliatedWith, Organization, "orgs"),
        (InterestedIn, Topic, "topics"),
    ):
        for r in doc.rels[link_type].values():
            getattr(ms[r.from_id], attr)[r.to_id] = doc.nodes[target][r.to_id].name  # type: ignore[attr-defined]
    return ms, apart


def person_record(
    pid: str, cluster: Cluster, records: dict[str, Person], secondary: dict[str, str] | None = None
) -> Person:
    """One Person from a cluster's mentions: shown name, native name, aliases,
    identifiers, provenance, and the merge score and evidence. Mentions from
    ``secondary`` sources (source id -> path) only fill identifiers the others lack."""
    secondary = secondary or {}
    name, native, aliases = representative(cluster)
    out = Person(id=pid, name=name, native_name=native, aliases=aliases)
    for m in sorted(cluster.members, key=lambda m: (m.key.split("/", 1)[0] in secondary, m.key)):
        p = records[m.key]
        out.sources.extend(s for s in p.sources if s not in out.sources)
        out.evidence.extend(e for e in p.evidence if e not in out.evidence)
        out.conflicts.extend(c for c in p.conflicts if c not in out.conflicts)
        said = _said_by(p, secondary)
        for attr in (*IDENTIFIERS, *CONTACTS):
            mine, theirs = getattr(out, attr), getattr(p, attr)
            if mine is None:
                setattr(out, attr, theirs)
            elif said and theirs is not None and theirs != mine:
                note_conflict(out.conflicts, attr, mine, said, theirs)
    if len(cluster.members) > 1:
        out.merge_score = cluster.weakest
        out.merge_evidence = sorted(cluster.links)
    return out


def _rel_id(rel: Rel, from_id: str, to_id: str) -> str:
    """The id ``rel`` has once moved onto new endpoints (see ``records.rekeyed``)."""
    return rel_id(type(rel), from_id, to_id, **{k: getattr(rel, k) for k in rel.KEY})


@contextmanager
def _no_collector_pauses() -> Iterator[None]:
    """Resolution makes millions of small objects and no reference cycles; the
    cycle collector, run every few hundred allocations, would walk the growing
    heap again and again (about 40 % of the time at 14k mentions). It waits until
    resolution is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def resolve(
    documents: Iterable[RecordSet],
    overrides: Overrides | None = None,
    kept: Kept | None = None,
    *,
    handed_over: bool = False,
) -> Resolved:
    """One RecordSet from each document's records: papers folded, people resolved
    (``kept``: parts of the people resolved before, see ``resolve.kept``). With
    ``handed_over`` the documents are the caller's no longer: their records become
    the result's (and are changed) instead of being copied."""
    with _no_collector_pauses():
        return _resolve(documents, overrides, kept, handed_over)


def _resolve(
    documents: Iterable[RecordSet],
    overrides: Overrides | None,
    kept: Kept | None,
    handed_over: bool,
) -> Resolved:
    """``handed_over``: the assembly keeps a document's record itself, not a copy;
    publications are copied either way (``mentions_of`` reads each document's own
    titles after they are merged)."""
    docs = sorted(documents, key=lambda d: (_source(d).kind in SECONDARY_KINDS, _source(d).id))
    secondary = {_source(d).id: _source(d).path for d in docs if _source(d).kind in SECONDARY_KINDS}
    pubs: dict[str, Publication] = {}
    authors: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for p in doc.nodes[Publication].values():
            assert isinstance(p, Publication)
            if p.id not in pubs:
                pubs[p.id] = copied(p)
            elif said := _said_by(p, secondary):
                fill_into(pubs[p.id], p, said)
            else:
                merge_into(pubs[p.id], p)
        people = doc.nodes[Person]
        for r in doc.rels[Authored].values():
            person = people[r.from_id]
            assert isinstance(person, Person)
            authors[r.to_id] |= block_keys(person.name, person.native_name)
    versions = resolve_publications(pubs, authors)
    pub_map = {member: canon for canon, members in versions.items() for member in members}

    mentions: dict[str, Mention] = {}
    records: dict[str, Person] = {}
    apart: list[list[str]] = []
    for doc in docs:
        ms, groups = mentions_of(doc, pub_map)
        apart += groups
        mentions.update((m.key, m) for m in ms.values())
        records.update((m.key, doc.nodes[Person][pid]) for pid, m in ms.items())  # type: ignore[misc]
    resolution = resolve_people(list(mentions.values()), apart, overrides, kept)
    person_map = resolution.person_ids

    out = RecordSet()
    for canon, members in versions.items():
        ordered = sorted(
            (pubs[m] for m in members), key=lambda p: _said_by(p, secondary) is not None
        )
        paper = fold_versions(ordered, canon)
        _note_conflicts(paper, ordered, secondary)
        out.add(paper)
    for cluster in resolution.clusters:
        pid = person_map[cluster.members[0].key]
        out.add(person_record(pid, cluster, records, secondary))
    for doc in docs:
        src = _source(doc).id
        said_by = secondary.get(src)

        def remap(label: type, node_id: str, src: str = src) -> str:
            if label is Person:
                return person_map[f"{src}/{node_id}"]
            return pub_map[node_id] if label is Publication else node_id

        # a record already there takes the new one's values (``RecordSet.add``), so
        # only a record not yet there is copied (unless handed over)
        for label, nodes in doc.nodes.items():
            if label not in (Person, Publication):
                table = out.nodes[label]
                for n in nodes.values():
                    out.add(n if handed_over or n.id in table else copied(n), said_by=said_by)
        for rel_type, rels in doc.rels.items():
            moved = out.rels[rel_type]
            for r in rels.values():
                start, end = remap(rel_type.START, r.from_id), remap(rel_type.END, r.to_id)
                if start == end:
                    continue
                rid = r.id if (start, end) == (r.from_id, r.to_id) else _rel_id(r, start, end)
                if (old := moved.get(rid)) is None:
                    moved[rid] = new = r if handed_over else copied(r)
                    new.id, new.from_id, new.to_id = rid, start, end
                    continue
                if said_by:
                    fill_into(old, r, said_by)
                else:
                    merge_into(old, r)
                old.from_id, old.to_id = start, end  # the resolved ends, not r's own
    settle_venues(out, secondary)
    folded = sum(len(m) - 1 for m in versions.values())
    return Resolved(out, resolution, len(mentions), folded)
