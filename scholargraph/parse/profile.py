"""The scholargraph profile format: one researcher's facts in YAML.

This is the format the shipped examples use and the easiest way to hand-curate
a profile. Every fact cites the line it is on. Shape (all keys but
``person.name`` optional)::

    person: {name, native_name, aliases: [..], email, homepage, orcid,
             openalex_id, s2_id, dblp_pid}
    interests: [topic, ..]
    affiliations:
      - {organization, role, degree, field, start: "YYYY-MM", end: "YYYY-MM",
         advisors: [{name, native_name, kind: phd|masters|undergrad|postdoc|supervisor}],
         mentors: [{name}]}
    publications:
      - {title, authors: [..], authors_complete: false when only some authors are known,
         year, venue, venue_full, venue_ids: {openalex_id, issn, dblp_key},
         status: published|accepted|preprint, doi, arxiv, topics: [..],
         system_name: true when the title is only a system name,
         short_name: the system's name beside a full title}

An entry with a missing or malformed field is skipped with its line and reason;
the rest of the file still ingests.

``scholargraph enrich`` writes what public APIs say in this same format, marked
by a top-level ``enrichment: {api, retrieved, …}`` mapping (kind ``enrichment``);
its facts only fill what the user's own documents leave open.
"""

from __future__ import annotations

from typing import Any

from scholargraph.errors import InputError
from scholargraph.parse.builder import (
    ADVISING_KINDS,
    PUBLICATION_STATUSES,
    Extraction,
    GraphBuilder,
)
from scholargraph.parse.documents import Document
from scholargraph.parse.yaml_lines import LineDict, load, scalar_text

FORMAT = "profile"
ENRICHMENT = "enrichment"  # the same format, written by `scholargraph enrich`


def looks_like_profile(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("person"), dict)


def _line(item: Any, default: int) -> int:
    return item.line if isinstance(item, LineDict) else default


def _text(item: LineDict, key: str) -> str | None:
    return scalar_text(item.get(key))


def _list(item: LineDict, key: str) -> list[Any]:
    value = item.get(key) or []
    return value if isinstance(value, list) else [value]


def _texts(item: LineDict, key: str) -> list[str]:
    """The text items of a list (or of one value); lists and mappings in it left out."""
    return [t for t in map(scalar_text, _list(item, key)) if t]


def _identifiers(item: LineDict, key: str) -> dict[str, str]:
    """The text values of a mapping (``venue_ids: {issn: …}``); others left out."""
    value = item.get(key)
    if not isinstance(value, dict):
        return {}
    return {str(k): t for k, v in value.items() if (t := scalar_text(v))}


def parse_profile(doc: Document) -> Extraction:
    data = load(doc.text, doc.path)
    if not looks_like_profile(data):
        raise InputError(doc.path, "not a scholargraph profile (no 'person:' mapping)", line=1)
    b = GraphBuilder(doc)
    person = data["person"]
    name = _text(person, "name")
    if not name:
        raise InputError(doc.path, "person has no name", line=person.line)
    owner = b.person(
        name,
        person.line,
        native_name=_text(person, "native_name"),
        aliases=_texts(person, "aliases"),
        email=_text(person, "email"),
        homepage=_text(person, "homepage"),
        orcid=_text(person, "orcid"),
        openalex_id=_text(person, "openalex_id"),
        s2_id=_text(person, "s2_id"),
        dblp_pid=_text(person, "dblp_pid"),
    )
    interests_line = data.line_of("interests") if isinstance(data, LineDict) else 1
    for topic in _texts(data, "interests"):
        b.interest(owner, topic, interests_line)
    for aff in _list(data, "affiliations"):
        _affiliation(b, owner, aff)
    for pub in _list(data, "publications"):
        _publication(b, pub)
    return b.out


def _affiliation(b: GraphBuilder, owner: str, aff: Any) -> None:
    org = _text(aff, "organization") if isinstance(aff, LineDict) else None
    if not isinstance(aff, LineDict) or not org:
        b.skip(_line(aff, 0) or None, "affiliation without an organization")
        return
    b.affiliation(
        owner,
        org,
        aff.line,
        role=_text(aff, "role") or "member",
        degree=_text(aff, "degree"),
        field=_text(aff, "field"),
        start=_text(aff, "start"),
        end=_text(aff, "end"),
    )
    for adv in _list(aff, "advisors"):
        kind = (_text(adv, "kind") or "supervisor") if isinstance(adv, LineDict) else ""
        name = _text(adv, "name") if isinstance(adv, LineDict) else None
        if not isinstance(adv, LineDict) or not name or kind not in ADVISING_KINDS:
            b.skip(_line(adv, aff.line), f"advisor needs a name and a kind in {ADVISING_KINDS}")
            continue
        b.advised(
            name,
            owner,
            adv.line,
            kind=kind,
            native_name=_text(adv, "native_name"),
            organization=org,
        )
    for mentor in _list(aff, "mentors"):
        name = _text(mentor, "name") if isinstance(mentor, LineDict) else None
        if not isinstance(mentor, LineDict) or not name:
            b.skip(_line(mentor, aff.line), "mentor without a name")
            continue
        b.mentored(name, owner, mentor.line, organization=org)


def _publication(b: GraphBuilder, pub: Any) -> None:
    title = _text(pub, "title") if isinstance(pub, LineDict) else None
    if not isinstance(pub, LineDict) or not title:
        b.skip(_line(pub, 0) or None, "publication without a title")
        return
    status = _text(pub, "status") or "published"
    year = pub.get("year")
    numeric = isinstance(year, int) and not isinstance(year, bool)  # YAML's yes/no are bools
    if status not in PUBLICATION_STATUSES or not (year is None or numeric):
        b.skip(pub.line, f"publication needs status in {PUBLICATION_STATUSES} and a numeric year")
        return
    wid = b.publication(
        title,
        pub.line,
        authors=_texts(pub, "authors"),
        authors_complete=pub.get("authors_complete", True) is not False,
        year=year,
        status=status,
        venue=_text(pub, "venue"),
        venue_full=_text(pub, "venue_full"),
        venue_ids=_identifiers(pub, "venue_ids"),
        doi=_text(pub, "doi"),
        arxiv=_text(pub, "arxiv"),
        abstract=_text(pub, "abstract"),
        title_is_system_name=bool(pub.get("system_name")),
        short_name=_text(pub, "short_name"),
    )
    for topic in _texts(pub, "topics"):
        b.about(wid, topic, pub.line)
