"""The extraction evaluator, pinned on small corpora written here: what each
score counts and when a document is skipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from scholargraph.cli import main as cli_main
from scholargraph.evaluate import (
    AdvisorEdge,
    evaluate,
    evaluate_document,
    format_report,
    match_titles,
)

PAGE = """\
# Jane Doe

I am a PhD student at Stanford University, advised by Prof. John Smith.

## Publications

- **Jane Doe**, Bob Smith, Carol Li. *Fast Graph Queries on Tiny Machines*. NeurIPS 2021.
- Bob Smith, **Jane Doe**. *Learning to Index Citation Graphs*. ICML 2022.
- **Jane Doe**, Bob Smith, et al. *Scaling Bibliometric Knowledge Graphs*. KDD 2023.
"""

PUBLICATIONS: list[dict[str, Any]] = [
    {
        "title": "Fast Graph Queries on Tiny Machines",
        "authors": ["Jane Doe", "Bob Smith", "Carol Li"],
        "year": 2021,
        "venue": "NeurIPS",
    },
    {
        "title": "Learning to Index Citation Graphs",
        "authors": ["Bob Smith", "Jane Doe"],
        "year": 2022,
        "venue": "ICML",
    },
    {
        "title": "Scaling Bibliometric Knowledge Graphs",
        "authors": ["Jane Doe", "Bob Smith", "others"],
        "year": 2023,
        "venue": "KDD",
    },
]
ADVISOR = {
    "advisor": "John Smith",
    "student": "Jane Doe",
    "kind": "phd",
    "text": "I am a PhD student at Stanford University, advised by Prof. John Smith.",
}


def truth(**changes: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": "markdown-cv-jane-doe",
        "shape": "markdown-cv",
        "language": "en",
        "owner": "Jane Doe",
        "owner_aliases": ["J. Doe"],
        "publications": PUBLICATIONS,
        "advisors": [ADVISOR],
    }
    out.update(changes)
    return out


def document(root: Path, name: str, files: dict[str, str], truth: dict[str, Any] | None) -> Path:
    folder = root / name
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    if truth is not None:
        text = yaml.safe_dump(truth, allow_unicode=True, sort_keys=False)
        (folder / "truth.yaml").write_text(text, encoding="utf-8")
    return folder


def test_markdown_page_scores_every_publication_author_list_advisor_and_owner(
    tmp_path: Path,
) -> None:
    score = evaluate_document(document(tmp_path, "doc", {"about.md": PAGE}, truth()))
    c = score.counts
    assert (c.truth_pubs, c.extracted_pubs, c.matched_pubs) == (3, 3, 3)
    assert (score.recall, score.precision) == (1.0, 1.0)
    assert (c.author_lists, c.authors_exact) == (3, 3)
    assert (c.truth_advisors, c.found_advisors) == (1, 1)
    assert (c.extracted_advisors, c.correct_advisors) == (1, 1)
    assert score.owner_nodes == 1 and score.owner_one_node
    assert score.files == ["about.md"] and score.errors == []
    assert score.missed_publications == score.extra_publications == []


def test_files_in_subfolders_are_extracted_together(tmp_path: Path) -> None:
    folder = document(tmp_path, "doc", {"_pages/about.md": PAGE}, truth())
    score = evaluate_document(folder)
    assert score.files == ["_pages/about.md"]
    assert score.counts.matched_pubs == 3


def test_publication_the_parser_cannot_find_lowers_recall_not_precision(
    tmp_path: Path,
) -> None:
    missing = {"title": "A Paper the Page Never Lists", "authors": ["Jane Doe"], "year": 2020}
    folder = document(
        tmp_path, "doc", {"about.md": PAGE}, truth(publications=[*PUBLICATIONS, missing])
    )
    score = evaluate_document(folder)
    assert (score.counts.truth_pubs, score.counts.matched_pubs) == (4, 3)
    assert score.recall == 0.75
    assert score.precision == 1.0
    assert score.missed_publications == ["A Paper the Page Never Lists"]


def test_extracted_publication_missing_from_truth_lowers_precision(tmp_path: Path) -> None:
    folder = document(tmp_path, "doc", {"about.md": PAGE}, truth(publications=PUBLICATIONS[:2]))
    score = evaluate_document(folder)
    assert (score.recall, score.precision) == (1.0, 2 / 3)
    assert score.extra_publications == ["Scaling Bibliometric Knowledge Graphs"]


def test_wrong_author_list_is_not_exact(tmp_path: Path) -> None:
    wrong = dict(PUBLICATIONS[1], authors=["Jane Doe", "Bob Smith"])  # order swapped
    short = dict(PUBLICATIONS[0], authors=["Jane Doe", "Bob Smith"])  # Carol Li left out
    folder = document(
        tmp_path, "doc", {"about.md": PAGE}, truth(publications=[short, wrong, PUBLICATIONS[2]])
    )
    score = evaluate_document(folder)
    assert (score.counts.author_lists, score.counts.authors_exact) == (3, 1)
    assert score.counts.matched_pubs == 3  # titles still match
    mismatches = {m.title: m for m in score.author_mismatches}
    assert set(mismatches) == {PUBLICATIONS[0]["title"], PUBLICATIONS[1]["title"]}
    assert mismatches[PUBLICATIONS[1]["title"]].extracted == ["Bob Smith", "Jane Doe"]


def test_author_names_compare_by_compatibility_not_spelling(tmp_path: Path) -> None:
    initials = dict(PUBLICATIONS[0], authors=["J. Doe", "B. Smith", "C. Li"])
    folder = document(
        tmp_path, "doc", {"about.md": PAGE}, truth(publications=[initials, *PUBLICATIONS[1:]])
    )
    assert evaluate_document(folder).counts.authors_exact == 3


def test_trailing_others_matches_a_list_the_parser_marks_partial(tmp_path: Path) -> None:
    score = evaluate_document(document(tmp_path, "doc", {"about.md": PAGE}, truth()))
    assert score.counts.authors_exact == 3  # "Jane Doe, Bob Smith, et al." ~ [.., others]
    named_only = dict(PUBLICATIONS[2], authors=["Jane Doe", "Bob Smith", "Carol Li", "others"])
    folder = document(
        tmp_path, "doc2", {"about.md": PAGE}, truth(publications=[*PUBLICATIONS[:2], named_only])
    )
    score = evaluate_document(folder)
    assert score.counts.authors_exact == 2
    assert score.author_mismatches[0].truncated is True


def test_empty_truth_author_list_is_not_scored(tmp_path: Path) -> None:
    bare = dict(PUBLICATIONS[0], authors=[])
    folder = document(
        tmp_path, "doc", {"about.md": PAGE}, truth(publications=[bare, *PUBLICATIONS[1:]])
    )
    score = evaluate_document(folder)
    assert (score.counts.author_lists, score.counts.authors_exact) == (2, 2)


def test_unrecognised_file_format_gives_recall_zero_and_keeps_the_error(tmp_path: Path) -> None:
    folder = document(tmp_path, "doc", {"cv.yaml": "- 1\n- 2\n"}, truth())
    score = evaluate_document(folder)
    assert score.counts.extracted_pubs == 0
    assert score.recall == 0.0
    assert score.precision is None  # nothing extracted, truth not empty
    assert score.counts.refused_files == 1
    assert len(score.errors) == 1 and score.errors[0].startswith("doc/cv.yaml: ")
    assert score.counts.found_advisors == 0 and score.owner_nodes == 0


def test_refused_file_does_not_stop_the_others(tmp_path: Path) -> None:
    folder = document(tmp_path, "doc", {"about.md": PAGE, "cv.yaml": "- 1\n"}, truth())
    score = evaluate_document(folder)
    assert score.counts.matched_pubs == 3 and score.counts.refused_files == 1


def test_nothing_extracted_and_nothing_true_has_precision_one(tmp_path: Path) -> None:
    folder = document(tmp_path, "doc", {"cv.yaml": "- 1\n"}, truth(publications=[], advisors=[]))
    score = evaluate_document(folder)
    assert score.precision == 1.0
    assert score.recall is None


def test_owner_split_over_two_nodes_is_not_one_node(tmp_path: Path) -> None:
    # the profile gives a homepage of its own, so the site's mark cannot join the two,
    # and the name is too common to join them alone
    profile = (
        "person: {name: John Smith, homepage: https://john.example.org}\n"
        "publications:\n"
        "  - title: Fast Graph Queries on Tiny Machines\n"
        "    authors: [John Smith, Bob Lee]\n"
    )
    bib = (
        "@inproceedings{doe2019,\n  title = {Quantum Tea Brewing at Scale},\n"
        "  author = {Smith, John and Zed, Alan},\n  booktitle = {CHI},\n  year = {2019}\n}\n"
    )
    pubs = [
        {"title": "Fast Graph Queries on Tiny Machines", "authors": ["John Smith", "Bob Lee"]},
        {"title": "Quantum Tea Brewing at Scale", "authors": ["John Smith", "Alan Zed"]},
    ]
    folder = document(
        tmp_path,
        "doc",
        {"profile.yaml": profile, "refs.bib": bib},
        truth(shape="other", owner="John Smith", owner_aliases=[], publications=pubs, advisors=[]),
    )
    score = evaluate_document(folder)
    assert score.owner_nodes == 2
    assert score.owner_one_node is False
    assert score.counts.owner_one_node == 0
    assert (score.counts.matched_pubs, score.counts.authors_exact) == (2, 2)


def test_advisor_edges_missing_and_extra_count_in_recall_and_precision(tmp_path: Path) -> None:
    page = PAGE.replace(
        "advised by Prof. John Smith.",
        "advised by Prof. John Smith. In 2022 I interned at Google Research, "
        "where I was mentored by Dr. Alice Wong.",
    )
    other = {"advisor": "Mary Major", "student": "Jane Doe", "kind": "masters"}
    folder = document(tmp_path, "doc", {"about.md": page}, truth(advisors=[ADVISOR, other]))
    score = evaluate_document(folder)
    c = score.counts
    assert (c.truth_advisors, c.found_advisors) == (2, 1)
    assert (c.extracted_advisors, c.correct_advisors) == (2, 1)  # Alice Wong is not in truth
    assert c.advisor_recall == 0.5 and c.advisor_precision == 0.5
    assert score.missed_advisors == [AdvisorEdge("Mary Major", "Jane Doe", "masters")]
    assert score.extra_advisors == [AdvisorEdge("Alice Wong", "Jane Doe")]


def test_advisor_student_named_by_an_owner_alias_is_the_owner(tmp_path: Path) -> None:
    edge = dict(ADVISOR, student="J. Doe")
    folder = document(tmp_path, "doc", {"about.md": PAGE}, truth(advisors=[edge]))
    assert evaluate_document(folder).counts.found_advisors == 1


def test_titles_match_fuzzily_one_to_one_best_first() -> None:
    truth_titles = ["Fast Graph Queries on Tiny Machines", "Fast Graph Queries on Tiny Machine"]
    extracted = ["fast graph-queries on tiny machines.", "Something Else Entirely"]
    assert match_titles(truth_titles, extracted) == [(0, 0)]  # exact beats the near one
    assert match_titles(["Über Café Graphs"], ["Uber cafe graphs!"]) == [(0, 0)]
    assert match_titles(["Graph Queries on Machines"], ["Graph Queues for Machines"]) == []


def test_corpus_pools_per_shape_and_overall_and_skips_folders_without_truth(
    tmp_path: Path,
) -> None:
    document(tmp_path, "markdown-cv-jane-doe", {"about.md": PAGE}, truth())
    document(
        tmp_path,
        "other-jane-doe",
        {"cv.rtf": "{\\rtf1}"},
        truth(id="other-jane-doe", shape="other"),
    )
    document(tmp_path, "html-half-written", {"index.md": PAGE}, None)
    report = evaluate(tmp_path)
    assert [d.id for d in report.documents] == ["markdown-cv-jane-doe", "other-jane-doe"]
    assert set(report.shapes) == {"markdown-cv", "other"}
    overall = report.overall.counts
    assert (overall.docs, overall.truth_pubs, overall.extracted_pubs) == (2, 6, 3)
    assert (overall.matched_pubs, overall.refused_files) == (3, 1)
    assert overall.recall == 0.5 and overall.precision == 1.0  # micro: counts summed
    assert report.overall.macro_precision == 0.5  # the None precision counts as 0
    assert report.overall.macro_recall == 0.5
    assert overall.owner_one_node == 1
    assert report.shapes["other"].counts.matched_pubs == 0
    assert len(report.notes) == 1 and "html-half-written" in report.notes[0]


def test_corpus_finds_documents_below_split_folders(tmp_path: Path) -> None:
    document(tmp_path / "dev", "markdown-cv-jane-doe", {"about.md": PAGE}, truth())
    document(tmp_path / "test", "other-jane-doe", {"about.md": PAGE}, truth(id="other-jane-doe"))
    assert len(evaluate(tmp_path).documents) == 2
    assert len(evaluate(tmp_path / "dev").documents) == 1


def test_unreadable_truth_is_skipped_with_a_note(tmp_path: Path) -> None:
    folder = document(tmp_path, "doc", {"about.md": PAGE}, None)
    (folder / "truth.yaml").write_text("id: doc\npublications: [\n", encoding="utf-8")
    document(tmp_path, "doc2", {"about.md": PAGE}, truth(owner=None))
    report = evaluate(tmp_path)
    assert report.documents == []
    assert len(report.notes) == 2
    assert "unreadable" in report.notes[0] and "owner is missing" in report.notes[1]


def test_table_and_verbose_misses(tmp_path: Path) -> None:
    missing = {"title": "A Paper the Page Never Lists", "authors": []}
    document(tmp_path, "doc", {"about.md": PAGE}, truth(publications=[*PUBLICATIONS, missing]))
    report = evaluate(tmp_path)
    text = format_report(report)
    row = next(line for line in text.splitlines() if line.startswith("markdown-cv-jane-doe"))
    cells = "markdown-cv-jane-doe markdown-cv 3/4/3 0.75 1.00 3/3 1/1 1/1 1 0"
    assert row.split() == cells.split()
    overall = next(line for line in text.splitlines() if line.startswith("OVERALL"))
    assert overall.split()[1:4] == ["1", "3/4/3", "0.75"]
    assert "missed publication" not in text
    verbose = format_report(report, verbose=True)
    assert "missed publication: A Paper the Page Never Lists" in verbose


def test_eval_command_prints_json(tmp_path: Path) -> None:
    document(tmp_path, "doc", {"about.md": PAGE}, truth())
    result = CliRunner().invoke(cli_main, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overall"]["counts"]["matched_pubs"] == 3
    assert data["documents"][0]["recall"] == 1.0
    assert data["documents"][0]["owner_one_node"] is True


def test_a_professor_who_only_advises_is_one_owner_node(tmp_path: Path) -> None:
    page = (
        "# Jane Doe\n\nProfessor at Example University.\n\n## Current Students\n\n"
        "### PhD\n\n- Bob Smith\n- Carol Li\n"
    )
    edges = [
        {"advisor": "Jane Doe", "student": s, "kind": "phd", "text": s}
        for s in ("Bob Smith", "Carol Li")
    ]
    folder = document(tmp_path, "doc", {"about.md": page}, truth(publications=[], advisors=edges))
    score = evaluate_document(folder)
    assert score.counts.found_advisors == 2
    assert score.owner_nodes == 1 and score.owner_one_node
