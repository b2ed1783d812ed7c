"""Name rules, one case per rule: transliteration, initials however written, family
name first, Vancouver initials, compound and hyphenated family names, particles,
Vietnamese and Korean order, middle names, nicknames and one-letter typos; and the
cases that must stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from scholargraph.normalize.names import (
    compatible,
    expected_namesakes,
    fold_name,
    is_initials_only,
    is_typo,
    looks_like_name,
    same_given_name,
)
from scholargraph.pipeline import extract
from scholargraph.records import Authored, Person
from scholargraph.resolve.identity import name_match


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Søren", "soren"), ("Łukasz", "lukasz"), ("Đorđe", "dorde"), ("Oßwald", "osswald")],
)
def test_folding_transliterates_letters_that_do_not_decompose(written: str, folded: str) -> None:
    assert fold_name(written) == folded


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        # transliteration
        ("Søren Hauberg", "Soren Hauberg", "full"),
        ("Łukasz Kaiser", "Lukasz Kaiser", "full"),
        ("Achim Oßwald", "Achim Osswald", "full"),
        # initials with and without dots or spaces
        ("ZM Mao", "Z. Morley Mao", "initials"),
        ("Z.M. Mao", "Zhuoqing Morley Mao", "initials"),
        ("Z. Morley Mao", "Zhuoqing Morley Mao", "initials"),
        # Family, Given and FAMILY Given
        ("Mao, Zhuoqing", "Zhuoqing Mao", "full"),
        ("MAO Zhuoqing", "Zhuoqing Mao", "full"),
        # Vancouver: only initials, and only where nothing else makes sense
        ("Mao ZM", "Zhuoqing Morley Mao", "initials"),
        ("Konrad L.D.", "Lucas Darius Konrad", "initials"),  # dotted, as APA without commas
        ("Smith J. A.", "John A. Smith", "initials"),
        ("Bo LI", "Bo Li", "full"),  # a full name, not Bo with initials L. I.
        # compound, hyphenated and Spanish double family names
        ("Given Márquez Ortega", "G. Márquez Ortega", "initials"),
        ("Márquez Ortega, G.", "Given Márquez Ortega", "initials"),
        ("Ovesdotter Alm, Cecilia", "Alm, Cecilia Ovesdotter", "full"),  # split otherwise
        ("Ramírez-Sánchez, Gema", "Ramírez, Gema", "variant"),
        ("Hajič jr., Jan", "Hajič, Jan", None),  # the suffix tells the son from the father
        ("Gerard Pons-Moll", "G. Pons-Moll", "initials"),
        ("Raúl Izquierdo Castanedo", "Raúl Izquierdo", "variant"),  # one of two surnames
        ("David Castro-Pérez", "David Castro", "variant"),  # the first of a hyphenated pair
        # particles
        ("Andries van Dam", "A. van Dam", "initials"),
        ("Yann Le Cun", "Yann LeCun", "full"),
        # Vietnamese and Korean order
        ("Nguyen Van Anh", "Van Anh Nguyen", "swapped"),
        ("Anh Van Le", "Anh V. Le", "middle"),  # Van is a middle name here, not a particle
        ("Kim Jong-un", "Jong-un Kim", "swapped"),
        ("Jang-Won Lee", "Jangwon Lee", "full"),
        # middle names abbreviated or left out; suffixes
        ("Madhav Vinayak Marathe", "Madhav V. Marathe", "middle"),
        ("Brittany Fasy", "Brittany Terese Fasy", "middle"),
        ("Harry J. Gray", "Harry J. Gray Jr.", "full"),
        # nicknames and one-letter typos: a variant, never more
        ("Sam Smith", "Samuel Smith", "variant"),
        ("Bill Gates", "William Gates", "variant"),
        ("Liz Jones", "Elizabeth Jones", "variant"),
        ("Zhiquang Qin", "Zhiguang Qin", "variant"),
        ("Kevn J. Smith", "Kevin John Smith", "variant"),
        # apart
        ("Patricia Lee", "Patrick Lee", None),
        ("Xiaoli Wang", "Xiaoyi Wang", None),  # two pinyin names, not a typo
        ("Xin Wang", "Xin Yu Wang", None),  # pinyin names have no middle name
        ("J. P. Li", "Jian Li", None),
        ("Mao ZM", "Zhuoqing Mao", None),  # M. stands for a name Zhuoqing Mao lacks
        ("Smith J. A.", "Alan J. Smith", None),  # initials after the family name, in order
    ],
)
def test_name_rules(a: str, b: str, how: str | None) -> None:
    assert name_match((a, None), (b, None)) == how
    assert name_match((b, None), (a, None)) == how
    assert compatible(a, b) is (how is not None)


def test_nicknames_and_typos_are_table_and_distance_driven() -> None:
    assert same_given_name("Bob", "Robert") and same_given_name("Mike", "Michael")
    assert same_given_name("Alex", "Alexander") and not same_given_name("Alexander", "Alexandra")
    assert is_typo("zhiquang", "zhiguang") and not is_typo("jian", "jiang")


def test_shapes_of_names() -> None:
    assert looks_like_name("Gerard Pons-Moll") and looks_like_name("Jean-Loup Gailly")
    assert is_initials_only("ZM Mao") and is_initials_only("Z.M. Mao")
    assert not is_initials_only("Bo Li")


def test_a_nickname_first_author_is_matched_when_two_versions_fold(tmp_path: Path) -> None:
    authors = [
        "Samuel Madden and Ann Lee and Bo Wu",
        "Sam Madden and Ann Lee and Bo Wu",
    ]
    bib = tmp_path / "refs.bib"
    bib.write_text(
        f"@misc{{pre, title={{Fast Joins on Graphs at Scale}}, author={{{authors[0]}}},\n"
        "  year={2023}, eprint={2301.01234}, archivePrefix={arXiv}}\n"
        f"@inproceedings{{pub, title={{Fast joins on graphs at scale}}, author={{{authors[1]}}},\n"
        "  booktitle={SIGMOD}, year={2024}, doi={10.1145/1234.5678}}\n",
        encoding="utf-8",
    )
    other = tmp_path / "cv.yaml"
    other.write_text(
        "person: {name: Ann Lee}\npublications: [{title: Fast Joins on Graphs at Scale, "
        f"authors: [{authors[1].replace(' and ', ', ')}], year: 2024}}]\n",
        encoding="utf-8",
    )
    records = extract([bib, other]).records
    people = records.of(Person)
    (madden,) = [p for p in people.values() if "Madden" in p.name]
    assert len(people) == 3 and {madden.name, *madden.aliases} == {"Sam Madden", "Samuel Madden"}
    (paper,) = {r.to_id for r in records.rels[Authored].values()}
    assert len(records.rels[Authored]) == 3 and paper.startswith("doi:")


def test_one_coauthor_written_five_ways_in_one_file_is_one_person(tmp_path: Path) -> None:
    forms = ["K. Smith", "Kevin Smith", "Kevin J. Smith", "Kevin John Smith", "Kevni J. Smith"]
    entries = "".join(
        f"@article{{p{i}, title={{Paper number {i} about graphs and joins}}, "
        f"author={{Ann Lee and {form} and Bo Wu}}, journal={{J}}, year={{202{i}}}}}\n"
        for i, form in enumerate(forms)
    )
    bib = tmp_path / "refs.bib"
    bib.write_text(entries, encoding="utf-8")
    names = sorted(p.name for p in extract([bib]).records.of(Person).values())
    assert names == ["Ann Lee", "Bo Wu", "Kevin John Smith"]


def test_the_committed_identity_pairs_are_rebuilt_byte_for_byte_and_name_their_source(
    tmp_path: Path,
) -> None:
    import csv
    import importlib.util

    folder = Path(__file__).parent / "identity"
    spec = importlib.util.spec_from_file_location("build_pairs", folder / "build_pairs.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.write(tmp_path / "pairs.csv", build.openalex_rows(), build.COMMIT)
    assert (tmp_path / "pairs.csv").read_bytes() == (folder / "pairs.csv").read_bytes()
    with (folder / "pairs.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 150 and {r["kind"] for r in rows} == {
        "openalex-same-name",
        "openalex-variant",
    }
    assert all("@" in r["source"] and r["entity_a"] and r["entity_b"] for r in rows)


@pytest.mark.parametrize(
    ("name", "at_most", "at_least"),
    [
        ("Eneko Agirre", 0.01, 0.0),  # both names unlisted or rare
        ("Ljunglöf, Peter", 1.0, 0.0),  # "Family, Given", folded
        ("Alexander Rush", None, 1.0),  # common given name, US family name
        ("Yuji Matsumoto", None, 1.0),  # a family name common in Japan, not the US
        ("Harshit Kumar", None, 1.0),  # ... in India; the given name in no table
        ("John Miller", None, 100.0),
    ],
)
def test_namesakes_are_estimated_from_census_and_by_country_frequencies(
    name: str, at_most: float | None, at_least: float
) -> None:
    namesakes = expected_namesakes(name)
    assert namesakes is not None and namesakes >= at_least
    assert at_most is None or namesakes <= at_most


@pytest.mark.parametrize(
    "name", ["E. Agirre", "Yang Liu", "Anna Li", "Donghun Lee", "Huy Nguyen", "徐宏"]
)
def test_initials_and_east_asian_names_have_no_namesake_estimate(name: str) -> None:
    assert expected_namesakes(name) is None
