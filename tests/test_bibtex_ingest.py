"""BibTeX: LaTeX decoding (a word at a time), names, arXiv and venues, GBK, duplicates; real
fixtures in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibtexparser import middlewares as mw
from conftest import SHARED, shared
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from scholargraph.parse import bibtex, extract_file
from scholargraph.pipeline import extract
from scholargraph.records import Authored, Person, Publication, PublishedIn

BIB = r"""@inproceedings{k1,
  title = {Fast {GPU} Pooling for {LLM} Serving},
  author = {M{\"u}ller, J{\"o}rg and Xin Tan and others},
  booktitle = {Proceedings of the 40th International Conference on Machine Learning (ICML)},
  year = 2023,
  doi = {https://doi.org/10.1145/ABC.1}
}

@misc{k2,
  title = {A Preprint},
  author = {Ann Lee},
  eprint = {2602.21140v2},
  archivePrefix = {arXiv},
  year = {2026}
}

@article{k3,
  author = {Nobody}
}
"""


def bib(tmp_path: Path, text: str = BIB, name: str = "refs.bib") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_latex_is_decoded_and_last_first_names_are_turned(tmp_path: Path) -> None:
    ex = extract_file(bib(tmp_path))
    names = {p.name for p in ex.records.of(Person).values()}
    assert {"Jörg Müller", "Xin Tan", "Ann Lee"} <= names
    titles = {w.title for w in ex.records.of(Publication).values()}
    assert "Fast GPU Pooling for LLM Serving" in titles


def test_and_others_leaves_positions_unknown(tmp_path: Path) -> None:
    ex = extract_file(bib(tmp_path))
    positions = {a.from_id: a.position for a in ex.records.of(Authored).values()}
    assert positions["person:jorg-muller"] is None and positions["person:ann-lee"] == 1


def test_doi_arxiv_venue_and_status(tmp_path: Path) -> None:
    ex = extract_file(bib(tmp_path))
    pubs = ex.records.of(Publication)
    assert pubs["doi:10.1145/abc.1"].year == 2023
    preprint = pubs["arxiv:2602.21140"]
    assert (preprint.status, preprint.year) == ("preprint", 2026)
    venues = {r.from_id: r.to_id for r in ex.records.rels[PublishedIn].values()}
    assert venues == {"doi:10.1145/abc.1": "venue:icml", "arxiv:2602.21140": "venue:arxiv"}


def test_entry_without_title_is_skipped_with_its_line(tmp_path: Path) -> None:
    ex = extract_file(bib(tmp_path))
    assert [(s.line, s.reason) for s in ex.skipped] == [(17, "entry 'k3' has no title")]


def test_gbk_encoded_file_is_read() -> None:
    ex = extract_file(shared("fixtures/bibtex/messy/bibtexparser_gbk_encoded_chinese.bib"))
    assert any("\u4e00" <= ch <= "\u9fff" for p in ex.records.of(Person).values() for ch in p.name)


def test_duplicate_keys_are_reported_and_their_entries_kept() -> None:
    ex = extract_file(shared("fixtures/bibtex/messy/bibtexparser_arxiv_misc.bib"))
    assert ex.records.nodes[Publication]
    path = shared("fixtures/bibtex/alfolio/qijianpeng_ouc_qust_papers_zh.bib")
    ex = extract_file(path)
    assert any("Duplicate entry key 'topnoutlier2019zdh'" in w.reason for w in ex.warnings)
    # a comma-separated author list bibtexparser cannot split still yields people, in order
    assert any(p.name == "Qi Jianpeng" for p in ex.records.of(Person).values())


@pytest.mark.parametrize(
    "path", sorted((SHARED / "fixtures/bibtex").rglob("*.bib")), ids=lambda p: p.name
)
def test_every_bibtex_fixture_ingests(path: Path) -> None:
    result = extract([path])
    assert result.errors == []
    # publications, or (a file of title-less test entries) every entry skipped with a reason
    assert result.records.nodes[Publication] or len(result.skipped) == result.files[0].entries
    assert result.records.dangling() == []


# --- LaTeX decoded a word at a time ----------------------------------------------------

# words that pass LaTeX state to the next (a command, an argument, an unclosed bracket),
# math, comments and environments, among plain and accented words
LATEX_WORDS = [
    "Müller", "and", "Jo", "\\'e", "{\\'\\i}", "Garc{\\'\\i}a,", "\\ss", "\\ss{}", "\\oMüller",
    "\\\\", "\\\\*[", "[x", "y]", "]", "\\H", "\\c", "c", "{\\em b c}", "\\em", "\\textbf{d}",
    "\\href{u}", "{t}", "\\cite[p.", "3]{x}", "--", "~", "``", "''", "!`", "\\", "\\ ", "\\&",
    "$x", "y$", "%c", "\\begin{quote}", "\\end{quote}", "\\verb|a", "b|", "{", "}", "\\{", "é",
]  # fmt: skip
WHOLE = mw.LatexDecodingMiddleware()
BY_WORD = bibtex._LatexWhereHeld()


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(LATEX_WORDS), st.sampled_from(["", " ", "  ", "\n ", "\t"])),
        min_size=1,
        max_size=10,
    )
)
def test_latex_decoded_a_word_at_a_time_is_what_decoding_it_whole_gives(
    words: list[tuple[str, str]],
) -> None:
    text = "".join(word + space for word, space in words)
    if bibtex._LATEX.search(text):
        assert BY_WORD._transform_python_value_string(text) == (
            WHOLE._transform_python_value_string(text)
        )


def test_an_author_list_runs_only_its_accented_name_through_the_decoder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[str] = []
    latex_to_text = LatexNodes2Text.latex_to_text

    def counted(self: LatexNodes2Text, latex: str, **kwargs: object) -> str:
        decoded.append(latex)
        text: str = latex_to_text(self, latex, **kwargs)
        return text

    monkeypatch.setattr(LatexNodes2Text, "latex_to_text", counted)
    authors = " and ".join([*(f"Lee{i}, Ann" for i in range(2000)), 'M{\\"u}ller, Jo'])
    ex = extract_file(bib(tmp_path, f"@article{{k, title={{T}}, author={{{authors}}}}}\n"))
    assert decoded == ['M{\\"u}ller,']
    names = [p.name for p in ex.records.of(Person).values()]
    assert len(names) == 2001 and names[-1] == "Jo Müller"
