"""Small record sets for tests."""

from __future__ import annotations

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
    Source,
    Topic,
    Venue,
)


def one_of_each() -> RecordSet:
    """One record of every node and relationship type, all properties set."""
    src = "src:t"
    prov = {"sources": [src], "evidence": ["t.yaml:1: x"]}
    return RecordSet(
        [
            Source(
                id=src,
                path="t.yaml",
                sha256="0" * 64,
                kind="profile",
                ingested_at="2026-01-01T00:00:00+00:00",
                sources=[src],
            ),
            Person(
                id="person:a",
                name="A",
                native_name="甲",
                aliases=["Al"],
                orcid="0000-0001",
                openalex_id="A1",
                dblp_pid="1/1",
                s2_id="1",
                email="a@x.org",
                homepage="https://a.example",
                **prov,
            ),
            Person(id="person:b", name="B", **prov),
            Publication(
                id="pub:1",
                title="T",
                year=2024,
                status="accepted",
                doi="10.1/x",
                arxiv="2401.00001",
                abstract="...",
                **prov,
            ),
            Venue(id="venue:v", name="V", full_name="Venue", **prov),
            Organization(id="org:o", name="O", kind="university", **prov),
            Topic(id="topic:t", name="t", **prov),
            Authored(id="r1", from_id="person:a", to_id="pub:1", position=1, **prov),
            PublishedIn(id="r2", from_id="pub:1", to_id="venue:v", **prov),
            Advised(id="r3", from_id="person:b", to_id="person:a", kind="phd", **prov),
            Mentored(id="r4", from_id="person:b", to_id="person:a", organization="O", **prov),
            AffiliatedWith(
                id="r5",
                from_id="person:a",
                to_id="org:o",
                role="PhD student",
                degree="PhD",
                field="CS",
                start="2020-09",
                end="2024-06",
                **prov,
            ),
            About(id="r6", from_id="pub:1", to_id="topic:t", score=0.5, **prov),
            InterestedIn(id="r7", from_id="person:a", to_id="topic:t", score=1.0, **prov),
        ]
    )
