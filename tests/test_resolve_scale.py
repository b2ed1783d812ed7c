"""Identity resolution at collaboration scale: a paper with thousands of authors is
resolved in memory that grows with its author list, not with the list's square,
and its authors still never merge with one another."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from scholargraph.parse import extract_file
from scholargraph.records import Publication
from scholargraph.resolve import CO_AUTHOR_REACH, mentions_of, resolve


def _entry(tmp_path: Path, authors: list[str]) -> Path:
    path = tmp_path / "collab.bib"
    path.write_text(
        f"@article{{big, title={{Big Collab}}, author={{{' and '.join(authors)}}}}}\n",
        encoding="utf-8",
    )
    return path


def test_a_5000_author_entry_is_resolved_in_bounded_memory(tmp_path: Path) -> None:
    doc = extract_file(_entry(tmp_path, [f"Müller{i:04d}, Jo" for i in range(5000)])).records
    tracemalloc.start()
    try:
        resolved = resolve([doc])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(resolved.people.clusters) == 5000
    assert peak < 300 * 2**20  # measured ~110 MiB; every pair of co-authors took 9 GB


def test_a_long_author_list_keeps_the_nearest_co_authors_and_a_short_one_everyone(
    tmp_path: Path,
) -> None:
    width = 2 * CO_AUTHOR_REACH  # co-authors kept per author
    for count in (width + 1, 3 * width):
        names = [f"Family{i:04d}, Given{i:04d}" for i in range(count)]
        doc = extract_file(_entry(tmp_path, names)).records
        ms, apart = mentions_of(doc, {p: p for p in doc.nodes[Publication]})
        kept = {m.name: set(m.coauthors.values()) for m in ms.values()}
        assert {len(names) for names in kept.values()} == {width}  # the short list: everyone
        assert kept["Given0000 Family0000"] == {
            f"Given{i:04d} Family{i:04d}" for i in range(1, width + 1)
        }
        assert [sorted(group) for group in apart] == [sorted(m.key for m in ms.values())]


def test_two_names_of_one_person_on_a_long_author_list_stay_two_people(tmp_path: Path) -> None:
    names = [f"Family{i:04d}, Given{i:04d}" for i in range(400)]
    names[200], names[202] = "Smith, John", "Smith, J."  # near: nearly all co-authors shared
    resolved = resolve([extract_file(_entry(tmp_path, names)).records])
    assert len(resolved.people.clusters) == 400
    ((pair, decision),) = [
        (c, d)
        for c, d in resolved.people.decisions
        if {c.a.name, c.b.name} == {"John Smith", "J. Smith"}
    ]
    assert pair.score >= 0.7
    assert decision.startswith("held apart: listed apart")
