"""Turn facts found in one document into records that cite it.

Parsers call these methods with what they found and the line they found it on;
the builder makes the stable ids, the provenance and the relationships, so each
parser stays a plain function over its input format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from scholargraph import ids
from scholargraph.normalize.names import display_name, has_cjk, is_initials_only, nickname_aliases
from scholargraph.normalize.topics import MENTIONED, STATED, vocabulary
from scholargraph.normalize.venues import IDENTIFIERS as VENUE_IDS
from scholargraph.normalize.venues import known_venue
from scholargraph.parse.documents import Document
from scholargraph.parse.positions import Advisor, Position
from scholargraph.records import (
    About,
    Advised,
    AffiliatedWith,
    Authored,
    InterestedIn,
    Mentored,
    Organization,
    Person,
    Publication,
    PublishedIn,
    RecordSet,
    Topic,
    Venue,
    rel_id,
)

PUBLICATION_STATUSES = ("published", "accepted", "preprint")
ADVISING_KINDS = ("phd", "masters", "undergrad", "postdoc", "supervisor")


class Provenance(TypedDict):
    sources: list[str]
    evidence: list[str]


@dataclass(frozen=True)
class Note:
    """Where and why: an entry left out, or a warning about one (both reported in the
    ingest summary)."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass
class Extraction:
    """What one document yielded."""

    kind: str
    records: RecordSet
    skipped: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    entries: int = 0  # publications, affiliations, advisors … read (kept or skipped)


class GraphBuilder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out = Extraction(doc.source.kind, RecordSet([doc.source]))

    def _prov(self, line: int | None) -> Provenance:
        return {
            "sources": [self.doc.source.id],
            "evidence": [self.doc.evidence(line)] if line else [],
        }

    def skip(self, line: int | None, reason: str) -> None:
        self.out.entries += 1
        self.out.skipped.append(Note(self.doc.path, line, reason))

    def warn(self, line: int | None, reason: str) -> None:
        self.out.warnings.append(Note(self.doc.path, line, reason))

    def person(
        self,
        written: str,
        line: int | None,
        *,
        native_name: str | None = None,
        aliases: list[str] | tuple[str, ...] = (),
        email: str | None = None,
        homepage: str | None = None,
        orcid: str | None = None,
        openalex_id: str | None = None,
        s2_id: str | None = None,
        dblp_pid: str | None = None,
    ) -> str:
        """Add a person as written (``Last, First``, titles and nicknames allowed).

        Names made only of initials are scoped to this document: ``X. Liu`` here
        is not assumed to be ``X. Liu`` elsewhere (identity resolution decides).
        """
        name = display_name(written)
        if has_cjk(name) and not native_name:
            native_name = name
        scope = self.doc.source.id if is_initials_only(name) else None
        pid = ids.person_id(name, scope=scope)
        alias_list = [a for a in [*nickname_aliases(written), *aliases] if a != name]
        self.out.records.add(
            Person(
                id=pid,
                name=name,
                native_name=native_name,
                aliases=alias_list,
                email=email,
                homepage=homepage,
                orcid=orcid,
                openalex_id=openalex_id,
                s2_id=s2_id,
                dblp_pid=dblp_pid,
                **self._prov(line),
            )
        )
        return pid

    def publication(
        self,
        title: str,
        line: int | None,
        *,
        authors: list[str],
        authors_complete: bool = True,
        year: int | None = None,
        status: str = "published",
        venue: str | None = None,
        venue_full: str | None = None,
        venue_ids: Mapping[str, str] | None = None,
        doi: str | None = None,
        arxiv: str | None = None,
        abstract: str | None = None,
        title_is_system_name: bool = False,
        short_name: str | None = None,
    ) -> str:
        """Add a publication, its authors and its venue. When the source lists only
        some authors (``authors_complete=False``) their positions are unknown. The
        venue is the vocabulary's when it has an entry for it (see ``venue``)."""
        self.out.entries += 1
        arxiv_id = ids.normalize_arxiv(arxiv)
        doi_id = ids.normalize_doi(doi)
        wid = ids.publication_id(title=title, doi=doi_id, arxiv=arxiv_id)
        self.out.records.add(
            Publication(
                id=wid,
                title=" ".join(title.split()),
                year=year,
                status=status,
                doi=doi_id,
                arxiv=arxiv_id,
                abstract=abstract,
                title_is_system_name=title_is_system_name,
                short_name=short_name,
                **self._prov(line),
            )
        )
        for position, written in enumerate(authors, start=1):
            pid = self.person(written, line)
            self.out.records.add(
                Authored(
                    id=rel_id(Authored, pid, wid),
                    from_id=pid,
                    to_id=wid,
                    position=position if authors_complete else None,
                    **self._prov(line),
                )
            )
        if venue:
            vid = self.venue(venue, line, full_name=venue_full, identifiers=venue_ids or {})
            self.out.records.add(
                PublishedIn(
                    id=rel_id(PublishedIn, wid, vid),
                    from_id=wid,
                    to_id=vid,
                    **self._prov(line),
                )
            )
        return wid

    def venue(
        self,
        written: str,
        line: int | None,
        *,
        full_name: str | None = None,
        identifiers: Mapping[str, str],
    ) -> str:
        """Add a venue as written; one the vocabulary knows (by an identifier or a
        name) gets its id, kind, full name and identifiers, and every name it is
        written by here is kept as an alias (resolution keeps only the others)."""
        known = known_venue(written, identifiers)
        vid = ids.named_id("venue", known.short if known else written)
        vocabulary = {k: getattr(known, k) for k in VENUE_IDS} if known else {}
        self.out.records.add(
            Venue(
                id=vid,
                name=written,
                full_name=full_name or (known.full_name if known else None),
                aliases=[n for n in (written, full_name) if n],
                kind=known.kind if known else None,
                **{k: identifiers.get(k) or vocabulary.get(k) for k in VENUE_IDS},
                **self._prov(line),
            )
        )
        return vid

    def organization(self, name: str, line: int | None, *, kind: str | None = None) -> str:
        oid = ids.named_id("org", name)
        self.out.records.add(
            Organization(id=oid, name=" ".join(name.split()), kind=kind, **self._prov(line))
        )
        return oid

    def affiliation(
        self,
        person: str,
        organization: str,
        line: int | None,
        *,
        role: str,
        degree: str | None = None,
        field: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> None:
        self.out.entries += 1
        oid = self.organization(organization, line)
        self.out.records.add(
            AffiliatedWith(
                id=rel_id(AffiliatedWith, person, oid, role=role, degree=degree, start=start),
                from_id=person,
                to_id=oid,
                role=role,
                degree=degree,
                field=field,
                start=start,
                end=end,
                **self._prov(line),
            )
        )

    def position(self, person: str, pos: Position) -> None:
        """``person`` held ``pos`` (a degree or a job)."""
        self.affiliation(
            person,
            pos.organization,
            pos.line,
            role=pos.role,
            degree=pos.degree,
            field=pos.field,
            start=pos.start,
            end=pos.end,
        )

    def advisor(
        self, adv: Advisor, person: str, *, organization: str | None, written: str | None = None
    ) -> str:
        """``adv`` advised (or, kind ``mentor``, mentored at ``organization``) ``person``.
        ``written`` overrides the spelling (a romanised form of a Chinese name, which
        is then kept as the native name)."""
        native = adv.written if has_cjk(adv.written) else None
        name = written or adv.written
        if adv.kind == "mentor":
            return self.mentored(name, person, adv.line, organization=organization)
        return self.advised(
            name, person, adv.line, kind=adv.kind, native_name=native, organization=organization
        )

    def advised(
        self,
        advisor: str,
        student: str,
        line: int | None,
        *,
        kind: str,
        native_name: str | None = None,
        organization: str | None = None,
    ) -> str:
        """``advisor`` (a written name) advised ``student`` (a person id), at
        ``organization`` when the document says where."""
        self.out.entries += 1
        aid = self.person(advisor, line, native_name=native_name)
        self.out.records.add(
            Advised(
                id=rel_id(Advised, aid, student, kind=kind),
                from_id=aid,
                to_id=student,
                kind=kind,
                organization=organization,
                **self._prov(line),
            )
        )
        return aid

    def mentored(
        self, mentor: str, mentee: str, line: int | None, *, organization: str | None
    ) -> str:
        self.out.entries += 1
        mid = self.person(mentor, line)
        self.out.records.add(
            Mentored(
                id=rel_id(Mentored, mid, mentee, organization=organization),
                from_id=mid,
                to_id=mentee,
                organization=organization,
                **self._prov(line),
            )
        )
        return mid

    def _written_topic(self, name: str, line: int | None) -> str:
        tid = ids.named_id("topic", name)
        self.out.records.add(Topic(id=tid, name=" ".join(name.split()), **self._prov(line)))
        return tid

    def interest(self, person: str, topic: str, line: int | None) -> None:
        """A topic the person states an interest in: the canonical topics it names,
        else the topic as written."""
        self._topic_link(InterestedIn, person, topic, line, STATED)

    def statement(self, person: str, text: str, line: int | None) -> None:
        """Prose about the person's work (a CV bullet, a bio sentence): the
        canonical topics it names, as weaker stated interests."""
        for key in vocabulary().find(text):
            self._link(InterestedIn, person, self._canonical(key, line), line, MENTIONED)

    def about(self, publication: str, topic: str, line: int | None) -> None:
        """A topic the document gives a publication (canonical when it names one)."""
        self._topic_link(About, publication, topic, line, 1.0)

    def _canonical(self, key: str, line: int | None, written: str | None = None) -> str:
        concept = vocabulary().concepts[key]
        tid, name = concept.id, concept.name
        aliases = [written] if written and written.casefold() != name.casefold() else []
        self.out.records.add(Topic(id=tid, name=name, aliases=aliases, **self._prov(line)))
        return tid

    def _topic_link(
        self,
        cls: type[InterestedIn] | type[About],
        from_id: str,
        topic: str,
        line: int | None,
        score: float,
    ) -> None:
        written = " ".join(topic.split())
        keys = list(vocabulary().find(written))
        tids = [self._canonical(k, line, written) for k in keys] or [
            self._written_topic(written, line)
        ]
        for tid in tids:
            self._link(cls, from_id, tid, line, score)

    def _link(
        self,
        cls: type[InterestedIn] | type[About],
        from_id: str,
        tid: str,
        line: int | None,
        score: float,
    ) -> None:
        rid = rel_id(cls, from_id, tid)
        old = self.out.records.of(cls).get(rid)
        strongest = max(score, old.score if old else 0.0)  # stated twice
        self.out.records.add(cls(id=rid, from_id=from_id, to_id=tid, **self._prov(line)))
        link = self.out.records.of(cls)[rid]
        link.score = strongest
        if isinstance(link, InterestedIn):
            link.stated = strongest
