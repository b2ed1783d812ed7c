"""The learned citation reader: the shipped model on shapes no rule targets, a
seeded retrain that scores like the shipped model, and the model's size."""

from __future__ import annotations

from pathlib import Path

import pytest

from scholargraph.parse import citemodel
from scholargraph.parse.citations import parse_citation

# (citation, title, authors, venue, year): written for these tests, in shapes that
# parse_citation has no rule for
CASES = [
    (
        "Lee A., Chen B. (2019): “Sparse Attention for Long Documents,” Proc. of EMNLP.",
        "Sparse Attention for Long Documents",
        ["A. Lee", "B. Chen"],
        "EMNLP",
        2019,
    ),
    (
        "王伟，李明，张强. 面向大规模图数据的查询优化方法[J]. 软件学报, 2020, 31(4): 1-15.",
        "面向大规模图数据的查询优化方法",
        ["王伟", "李明", "张强"],
        "软件学报",
        2020,
    ),
    (
        "**Sparse Tables for Fast Joins** | Ann Lee, Bo Chen | SIGMOD 2022",
        "Sparse Tables for Fast Joins",
        ["Ann Lee", "Bo Chen"],
        "SIGMOD",
        2022,
    ),
]


@pytest.mark.parametrize(("text", "title", "authors", "venue", "year"), CASES)
def test_shipped_model_reads_unruled_shapes(
    text: str, title: str, authors: list[str], venue: str, year: int
) -> None:
    got = citemodel.parse(text)
    assert got.title == title
    assert [m.name for m in got.authors] == authors
    assert got.venue == venue
    assert got.year == year
    assert got.confidence > 0.5


def test_owner_emphasis_survives_and_labels_have_marginals() -> None:
    got = citemodel.parse(
        "Ann Lee and <u>Bo Chen</u> (2021). Learning index structures. In NeurIPS."
    )
    assert [(m.name, m.marked) for m in got.authors] == [("Ann Lee", False), ("Bo Chen", True)]
    labelled = citemodel.label("Ann Lee. A Title Here. ICML 2020.")
    assert [t for t, _, _ in labelled][:3] == ["Ann", "Lee", "."]
    assert {lab for _, lab, _ in labelled} <= set(citemodel.LABELS)
    assert all(0.0 <= p <= 1.0 for _, _, p in labelled)


def test_the_rules_do_not_read_these_shapes() -> None:
    """Keeps CASES honest: the rule-based reader gets at least one field wrong."""
    for text, title, authors, venue, year in CASES:
        c = parse_citation([text])
        assert c is None or (c.title, [a.name for a in c.authors], c.venue, c.year) != (
            title,
            authors,
            venue,
            year,
        )


def test_model_file_is_small() -> None:
    assert citemodel.available()
    assert citemodel.model_path().stat().st_size < 5_000_000


def test_seeded_retrain_scores_like_the_shipped_model(tmp_path: Path) -> None:
    citetrain = pytest.importorskip("scholargraph.parse.citetrain")
    pytest.importorskip("citeproc")
    held = citetrain.build(citetrain.records(4242, 60, []), seed=4243)
    train = citetrain.build(citetrain.records(11, 250, []), seed=12)
    path = tmp_path / "small.crfsuite"
    citemodel.train(((ex.text, ex.labels) for ex in train), path, max_iterations=40)
    small = citetrain.evaluate(held, path)
    shipped = citetrain.evaluate(held)
    assert small["token_accuracy"] > 0.9
    for key in ("token_accuracy", "title", "authors", "venue", "year"):
        assert small[key] >= shipped[key] - 0.2, (key, small, shipped)


def test_model_stands_in_only_where_the_rules_are_unsure() -> None:
    lines = ["`2021`", "__Learning Sparse Graphs From Few Samples__ (B. Chen, 2021)"]
    assert parse_citation(lines) is None
    got, low = citemodel.second_opinion(lines, None)
    assert low is None and got is not None
    assert (got.title, [a.name for a in got.authors], got.year) == (
        "Learning Sparse Graphs From Few Samples",
        ["B. Chen"],
        2021,
    )
    sure = parse_citation(["Ann Lee, Bo Chen. *Fast Joins*. SIGMOD 2022."])
    assert citemodel.second_opinion(["whatever"], sure) == (sure, None)
    unsure = citemodel.ParsedCitation(title="Some Title", confidence=0.4)
    assert "0.40" in citemodel.review_note(unsure)
