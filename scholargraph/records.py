"""Plain records: what every stage of the pipeline passes to the next.

The dataclasses below *are* the graph model. ``store.schema`` reads their fields
to declare Ladybug tables, Neo4j constraints and the batched write statements,
so adding a property here adds it everywhere.

Every record carries ``sources`` (Source ids) and ``evidence`` (``path:line: text``
strings), so each fact in the graph can say where it came from.

>>> rs = RecordSet()
>>> rs.add(Person(id="person:ada", name="Ada", sources=["src:1"]))
>>> rs.add(Person(id="person:ada", name="Ada", aliases=["A. L."], sources=["src:2"]))
>>> p = rs.of(Person)["person:ada"]
>>> p.sources, p.aliases
(['src:1', 'src:2'], ['A. L.'])
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar, cast

from scholargraph import ids

# Field metadata: set once when the record is created, never updated (keeps re-ingest idempotent).
ON_CREATE = {"on_create": True}


@dataclass(kw_only=True)
class Node:
    LABEL: ClassVar[str] = ""
    id: str
    sources: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Person(Node):
    LABEL: ClassVar[str] = "Person"
    name: str
    native_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    orcid: str | None = None
    openalex_id: str | None = None
    dblp_pid: str | None = None
    s2_id: str | None = None
    email: str | None = None
    homepage: str | None = None
    merge_score: float | None = None  # weakest accepted link when mentions were merged
    merge_evidence: list[str] = field(default_factory=list)  # why, one line per merge
    conflicts: list[str] = field(default_factory=list)  # what an API said that the profile does not


@dataclass(kw_only=True)
class Publication(Node):
    LABEL: ClassVar[str] = "Publication"
    title: str
    year: int | None = None
    status: str = "published"  # published | accepted | preprint
    doi: str | None = None
    arxiv: str | None = None
    abstract: str | None = None
    title_is_system_name: bool = False  # a news item named the system, not the paper title
    short_name: str | None = None  # the system's name, when a document named the paper by it
    merge_evidence: list[str] = field(default_factory=list)  # versions folded into this one
    conflicts: list[str] = field(default_factory=list)  # what an API said that the profile does not


@dataclass(kw_only=True)
class Venue(Node):
    LABEL: ClassVar[str] = "Venue"
    name: str  # as the user's documents write it (e.g. ICML)
    full_name: str | None = None
    aliases: list[str] = field(default_factory=list)  # other names it is written by (an API's)
    kind: str | None = None  # conference | journal | preprint (the vocabulary's)
    dblp_key: str | None = None  # DBLP's stream, conf/icml
    issn: str | None = None
    openalex_id: str | None = None  # an OpenAlex source, S…


@dataclass(kw_only=True)
class Organization(Node):
    LABEL: ClassVar[str] = "Organization"
    name: str
    kind: str | None = None


@dataclass(kw_only=True)
class Topic(Node):
    """A canonical topic of the shipped vocabulary (``topic:llm-serving``), or a
    stated interest it has no entry for, under the words it was stated in."""

    LABEL: ClassVar[str] = "Topic"
    name: str
    aliases: list[str] = field(default_factory=list)  # how people stated it, when not its name


@dataclass(kw_only=True)
class Cluster(Node):
    """A group of topics that occur together, found by community detection."""

    LABEL: ClassVar[str] = "Cluster"
    name: str  # its top topics, most central first
    size: int = 0  # topics in it
    topics: list[str] = field(default_factory=list)  # their names, most central first
    top_people: list[str] = field(default_factory=list)  # names, most engaged first
    top_papers: list[str] = field(default_factory=list)  # titles, most on-topic first


@dataclass(kw_only=True)
class Source(Node):
    LABEL: ClassVar[str] = "Source"
    path: str
    sha256: str
    kind: str
    ingested_at: str = field(default="", metadata=ON_CREATE)
    location: str | None = None  # absolute path, to read the file again
    owner: str | None = None  # whom the user said the document is about (--owner)


@dataclass(kw_only=True)
class Rel:
    TYPE: ClassVar[str] = ""
    START: ClassVar[type[Node]]
    END: ClassVar[type[Node]]
    KEY: ClassVar[tuple[str, ...]] = ()  # properties that tell parallel edges apart
    id: str
    from_id: str
    to_id: str
    sources: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Authored(Rel):
    TYPE: ClassVar[str] = "AUTHORED"
    START: ClassVar[type[Node]] = Person
    END: ClassVar[type[Node]] = Publication
    position: int | None = None  # 1-based author order; None when the source gives no list


@dataclass(kw_only=True)
class PublishedIn(Rel):
    TYPE: ClassVar[str] = "PUBLISHED_IN"
    START: ClassVar[type[Node]] = Publication
    END: ClassVar[type[Node]] = Venue


@dataclass(kw_only=True)
class Advised(Rel):
    """advisor -> student."""

    TYPE: ClassVar[str] = "ADVISED"
    START: ClassVar[type[Node]] = Person
    END: ClassVar[type[Node]] = Person
    KEY: ClassVar[tuple[str, ...]] = ("kind",)
    kind: str = "supervisor"  # phd | masters | undergrad | postdoc | supervisor
    organization: str | None = None  # where, when the document says


@dataclass(kw_only=True)
class Mentored(Rel):
    """mentor -> mentee (internships, industry)."""

    TYPE: ClassVar[str] = "MENTORED"
    START: ClassVar[type[Node]] = Person
    END: ClassVar[type[Node]] = Person
    KEY: ClassVar[tuple[str, ...]] = ("organization",)
    organization: str | None = None


@dataclass(kw_only=True)
class AffiliatedWith(Rel):
    TYPE: ClassVar[str] = "AFFILIATED_WITH"
    START: ClassVar[type[Node]] = Person
    END: ClassVar[type[Node]] = Organization
    KEY: ClassVar[tuple[str, ...]] = ("role", "degree", "start")  # two degrees at one place
    role: str
    degree: str | None = None
    field: str | None = None
    start: str | None = None  # "YYYY" or "YYYY-MM"
    end: str | None = None  # None while current


@dataclass(kw_only=True)
class About(Rel):
    TYPE: ClassVar[str] = "ABOUT"
    START: ClassVar[type[Node]] = Publication
    END: ClassVar[type[Node]] = Topic
    score: float = 1.0


@dataclass(kw_only=True)
class InterestedIn(Rel):
    """A person works on a topic: they say so (``stated``: 1.0 in an interests
    section, 0.5 in other prose about their work) and/or their papers are about
    it (``papers``); ``score`` is the statement plus the papers' ABOUT scores."""

    TYPE: ClassVar[str] = "INTERESTED_IN"
    START: ClassVar[type[Node]] = Person
    END: ClassVar[type[Node]] = Topic
    score: float = 1.0
    stated: float = 0.0
    papers: int = 0


@dataclass(kw_only=True)
class InCluster(Rel):
    """topic -> its cluster; ``score``: the topic's share of the cluster's weight."""

    TYPE: ClassVar[str] = "IN_CLUSTER"
    START: ClassVar[type[Node]] = Topic
    END: ClassVar[type[Node]] = Cluster
    score: float = 0.0


@dataclass(kw_only=True)
class MemberOf(Rel):
    """person -> a cluster they work in; ``score``: their interest in its topics."""

    TYPE: ClassVar[str] = "MEMBER_OF"
    START: ClassVar[type[Node]] = Person
    END: ClassVar[type[Node]] = Cluster
    score: float = 0.0


NODE_TYPES: tuple[type[Node], ...] = (
    Source,
    Person,
    Publication,
    Venue,
    Organization,
    Topic,
    Cluster,
)
REL_TYPES: tuple[type[Rel], ...] = (
    Authored,
    PublishedIn,
    Advised,
    Mentored,
    AffiliatedWith,
    About,
    InterestedIn,
    InCluster,
    MemberOf,
)
RECORD_TYPES: tuple[type[Node] | type[Rel], ...] = (*NODE_TYPES, *REL_TYPES)
Record = Node | Rel
R = TypeVar("R", bound=Node | Rel)


def rel_id(rel_type: type[Rel], from_id: str, to_id: str, **props: Any) -> str:
    """The stable id of a relationship: its type, endpoints and ``KEY`` properties."""
    return ids.rel_id(
        rel_type.TYPE, from_id, to_id, *(str(props.get(k) or "") for k in rel_type.KEY)
    )


def rekeyed(rel: Rel, from_id: str, to_id: str) -> Rel:
    """A copy of ``rel`` moved onto new endpoints, with the id that belongs to them."""
    out = copied(rel)
    if (from_id, to_id) == (rel.from_id, rel.to_id):
        return out
    out.id = rel_id(type(rel), from_id, to_id, **{k: getattr(rel, k) for k in rel.KEY})
    out.from_id, out.to_id = from_id, to_id
    return out


def copied(record: R) -> R:
    """A copy of ``record`` whose lists can be extended without touching the original."""
    out = copy.copy(record)
    for name, value in vars(record).items():
        if isinstance(value, list):
            setattr(out, name, list(value))
    return out


def merge_into(old: Record, new: Record) -> None:
    """Fold ``new`` into ``old`` (same id): lists are unioned in order, and a
    non-empty new scalar replaces the old one, as the store's upsert does."""
    _fold(old, new, None)


# Scalars where a secondary source (an API) disagreeing with a document is worth telling.
CHECKED = ("year", "doi", "arxiv", "orcid", "openalex_id", "dblp_pid", "s2_id", "position")


def note_conflict(notes: list[str], name: str, kept: Any, said_by: str, said: Any) -> None:
    """Add ``name: KEPT kept; SAID_BY says SAID`` to ``notes`` (once)."""
    note = f"{name}: {kept} kept; {said_by} says {said}"
    if note not in notes:
        notes.append(note)


def fill_into(old: Record, new: Record, said_by: str) -> None:
    """Fold ``new``, from a secondary source (an API, named by ``said_by``), into
    ``old``: lists are unioned, a scalar is taken only where ``old`` has none, and a
    different value is kept out but noted in ``old.conflicts`` (where it has them).

    >>> old = Publication(id="w", title="T", year=2023)
    >>> fill_into(old, Publication(id="w", title="T", year=2024, doi="10.1/x"), "openalex:W1")
    >>> old.year, old.doi, old.conflicts
    (2023, '10.1/x', ['year: 2023 kept; openalex:W1 says 2024'])
    """
    _fold(old, new, said_by)


def _fold(old: Record, new: Record, said_by: str | None) -> None:
    for f in dataclasses.fields(old):
        if f.name == "id" or f.metadata.get("on_create"):
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if isinstance(a, list):
            a.extend(x for x in b if x not in a)
        elif b is None or b == f.default:
            continue
        elif said_by is None or a is None or a == f.default:
            setattr(old, f.name, b)
        elif a != b and f.name in CHECKED and hasattr(old, "conflicts"):
            note_conflict(old.conflicts, f.name, a, said_by, b)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(record_type: type[Node] | type[Rel]) -> tuple[str, ...]:
    """The record type's fields, in declaration order (looked up once per type)."""
    if record_type not in _FIELD_NAMES:
        _FIELD_NAMES[record_type] = tuple(f.name for f in dataclasses.fields(record_type))
    return _FIELD_NAMES[record_type]


def as_row(record: Record) -> dict[str, Any]:
    """The parameter row the batched writer sends for this record."""
    return {name: getattr(record, name) for name in field_names(type(record))}


class RecordSet:
    """Records keyed by type and id; adding an id twice merges the two."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self.nodes: dict[type[Node], dict[str, Node]] = {t: {} for t in NODE_TYPES}
        self.rels: dict[type[Rel], dict[str, Rel]] = {t: {} for t in REL_TYPES}
        for r in records:
            self.add(r)

    def of(self, kind: type[R]) -> dict[str, R]:
        """The records of one node or relationship type, by id, typed as that type
        (``nodes[Person]`` holds the same dict, typed only as ``Node``).

        >>> rs = RecordSet([Person(id="person:ada", name="Ada")])
        >>> rs.of(Person)["person:ada"].name
        'Ada'
        >>> rs.of(Authored)
        {}
        """
        table = self.nodes[kind] if issubclass(kind, Node) else self.rels[kind]
        return cast("dict[str, R]", table)

    def add(self, record: Record, *, said_by: str | None = None) -> None:
        """Add ``record``, merging it into one already here with its id; ``said_by``
        marks a secondary source (an API), whose values only fill gaps (``fill_into``)."""
        table = self.of(type(record))
        if record.id not in table:
            table[record.id] = record
        elif said_by:
            fill_into(table[record.id], record, said_by)
        else:
            merge_into(table[record.id], record)

    def update(self, other: RecordSet) -> None:
        for r in other:
            self.add(r)

    def __iter__(self) -> Iterator[Record]:
        for nodes in self.nodes.values():
            yield from nodes.values()
        for rels in self.rels.values():
            yield from rels.values()

    def __len__(self) -> int:
        return sum(len(t) for t in self.nodes.values()) + sum(len(t) for t in self.rels.values())

    def counts(self) -> dict[str, int]:
        """Records per label / relationship type (empty ones left out)."""
        out = {t.LABEL: len(v) for t, v in self.nodes.items() if v}
        out.update({t.TYPE: len(v) for t, v in self.rels.items() if v})
        return out

    def dangling(self) -> list[Rel]:
        """Relationships whose endpoints are not in this set (a bug in a parser)."""
        return [
            r
            for t, rels in self.rels.items()
            for r in rels.values()
            if r.from_id not in self.nodes[t.START] or r.to_id not in self.nodes[t.END]
        ]
