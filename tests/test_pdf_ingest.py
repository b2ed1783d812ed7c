"""PDF CVs: the text layer read into the text reader's lines (``pdftext``).

The PDFs are made at run time from HTML written here, by Debian's headless Chromium
(``--print-to-pdf``); the tests that need one skip, saying why, where it is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scholargraph.errors import InputError
from scholargraph.evaluate import document_files
from scholargraph.parse import detect_kind, extract_file, freetext
from scholargraph.parse.pdftext import _join, _Line, _Word, pdf_lines, pdf_text
from scholargraph.records import Advised, Authored, Person, Publication, RecordSet

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")

STYLE = """
<style>
  @page { size: A4; margin: 20mm; }
  body { font-family: serif; font-size: 11pt; margin: 0; }
  h1 { font-size: 22pt; margin: 0 0 4pt; }
  h2 { font-size: 15pt; margin: 12pt 0 4pt; }
  p, li { margin: 0 0 3pt; }
  .cols { column-count: 2; column-gap: 40pt; }
  .footer { position: fixed; bottom: 0; left: 0; font-size: 9pt; }
  .header { position: fixed; top: 0; right: 0; font-size: 9pt; }
  .page { break-after: page; padding-top: 18pt; }
</style>
"""


def print_pdf(tmp_path: Path, name: str, body: str) -> Path:
    assert CHROMIUM is not None
    page = tmp_path / f"{name}.html"
    page.write_text(f"<!doctype html><meta charset=utf-8>{STYLE}<body>{body}</body>", "utf-8")
    out = tmp_path / f"{name}.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


PUBS = [
    ("Fast Things for Slow Computers", "Ann Lee, Bo Chen, Carol Wu", "OSDI", 2024),
    ("Another Paper on Things", "Bo Chen, Ann Lee", "SOSP", 2023),
    ("Graphs All the Way Down", "Ann Lee, Dan Roe", "NSDI", 2022),
    ("Caching the Uncacheable", "Eve Park, Ann Lee", "EuroSys", 2021),
]


def _pub_item(title: str, authors: str, venue: str, year: int) -> str:
    names = ", ".join(f"<b>{a}</b>" if a == "Ann Lee" else a for a in authors.split(", "))
    return f"<li>{names}. {title}. <i>{venue}</i>, {year}.</li>"


@pytest.fixture(scope="module")
def cv_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page CV: a name over two columns, a running header and footer."""
    if CHROMIUM is None:
        pytest.skip("needs Debian's chromium")
    filler = " ".join(
        f"Sentence {i} of the research statement, about systems and graphs." for i in range(12)
    )
    body = f"""
    <div class=header>Ann Lee, curriculum vitae</div>
    <div class=footer>Updated January 2026</div>
    <div class=page>
      <h1>Ann Lee</h1>
      <div class=cols>
        <h2>Education</h2>
        <p><b>Example University</b>, Ph.D. in Computer Science, 2020 to now.</p>
        <p>I am a PhD student advised by Prof. Carol Wu.</p>
        <h2>Research</h2>
        <p>{filler}</p>
        <h2 style="break-before: column">Teaching</h2>
        <p>Right column text that follows the left column in reading order.</p>
        <ul>{"".join(f"<li>Course {i}: Systems, Spring 202{i}</li>" for i in range(8))}</ul>
      </div>
    </div>
    <div class=page>
      <h2>Publications</h2>
      <ul>{"".join(_pub_item(*p) for p in PUBS)}</ul>
    </div>
    """
    return print_pdf(tmp_path_factory.mktemp("pdf"), "cv", body)


@needs_chromium
def test_lines_in_reading_order_with_headings_and_cues(cv_pdf: Path) -> None:
    lines = pdf_lines(cv_pdf.read_bytes(), "cv.pdf")
    texts = [t for _, t in lines]
    assert texts[0] == "# Ann Lee"  # the largest size: the top heading
    assert "## Education" in texts and "## Publications" in texts
    # two columns: all the left column (ends mid-statement) before the right one's end
    research = next(i for i, t in enumerate(texts) if t.startswith("Sentence 0"))
    right = next(i for i, t in enumerate(texts) if t.startswith("Right column"))
    assert texts.index("## Education") < research < right
    # a wrapped paragraph is one line: the whole statement in one
    assert "Sentence 11 of the research statement" in texts[research]
    # bold kept as a cue; list items start an entry
    pubs = [t for t in texts if "Things" in t or "Graphs" in t or "Caching" in t]
    assert (
        pubs[0] == "- **Ann Lee**, Bo Chen, Carol Wu. Fast Things for Slow Computers. *OSDI*, 2024."
    )
    assert all(t.startswith("- ") for t in pubs)


@needs_chromium
def test_running_header_and_footer_dropped(cv_pdf: Path) -> None:
    texts = [t for _, t in pdf_lines(cv_pdf.read_bytes(), "cv.pdf")]
    assert not any("curriculum vitae" in t or "Updated January" in t for t in texts)


@needs_chromium
def test_line_numbers_say_page_and_line(cv_pdf: Path) -> None:
    lines = dict(pdf_lines(cv_pdf.read_bytes(), "cv.pdf"))
    assert lines[1001] == "# Ann Lee"  # page 1, line 1
    assert any(no // 1000 == 2 and text == "## Publications" for no, text in lines.items())
    text = pdf_text(cv_pdf.read_bytes(), "cv.pdf").splitlines()
    assert all(text[no - 1] == line for no, line in lines.items())  # line no == text line


@needs_chromium
def test_pdf_cv_extracts_owner_publications_and_advisor(cv_pdf: Path) -> None:
    ex = extract_file(cv_pdf)
    assert ex.kind == freetext.FORMAT
    records = ex.records
    people = {i: p.name for i, p in records.of(Person).items()}
    titles = {p.title for p in records.of(Publication).values()}
    assert titles == {t for t, *_ in PUBS}
    advised = list(records.rels[Advised].values())
    assert [(people[a.from_id], people[a.to_id]) for a in advised] == [("Carol Wu", "Ann Lee")]
    first = next(r for r in records.rels[Authored].values() if people[r.from_id] == "Bo Chen")
    assert any(e.startswith(f"{cv_pdf.as_posix()}:2") for e in first.evidence)  # page 2


@needs_chromium
def test_scanned_pdf_is_one_clear_error(tmp_path: Path) -> None:
    body = "<div style='width:300px;height:200px;background:#333'></div>"
    pdf = print_pdf(tmp_path, "scan", body)
    with pytest.raises(InputError, match=r"has no text layer \(scanned\?\)"):
        extract_file(pdf)


def test_not_a_pdf_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    with pytest.raises(InputError, match=r"cv\.pdf"):
        extract_file(bad)


def test_pdf_is_read_as_text_format() -> None:
    assert detect_kind("cv.pdf", "") == freetext.FORMAT
    assert detect_kind("CV.PDF", "@article{x,") == freetext.FORMAT


def _line(text: str, x0: float = 0.0) -> _Line:
    word = _Word(text, x0, x0 + 10 * len(text), 0.0, 10.0, 10.0, False, False)
    return _Line([word], 1, text=text, plain=text)


def test_hyphen_breaking_a_word_is_mended() -> None:
    head = _line("Towards opti-")
    _join(head, _line("mization of things"))
    assert head.text == "Towards optimization of things"
    compound = _line("Self-")
    _join(compound, _line("Supervised Learning"))
    assert compound.text == "Self-Supervised Learning"
    bold = _line("**Best Long**")
    _join(bold, _line("**Paper Award**"))
    assert bold.text == "**Best Long Paper Award**"


def test_evaluator_never_reads_a_documents_source(tmp_path: Path) -> None:
    (tmp_path / "built-from" / "files").mkdir(parents=True)
    (tmp_path / "built-from" / "files" / "cv.tex").write_text("\\section{X}", "utf-8")
    (tmp_path / "truth.yaml").write_text("id: x\n", "utf-8")
    (tmp_path / "cv.pdf").write_bytes(b"%PDF")
    assert document_files(tmp_path) == [tmp_path / "cv.pdf"]


@needs_chromium
def test_a_column_of_years_starts_an_entry_at_each_year(tmp_path: Path) -> None:
    # a CV's dated list: the year in a column of its own, the entry wrapping beside it
    rows = "".join(
        f"<tr><td style='width:40pt;vertical-align:top'>{y}</td><td>{a}. {t}. <i>{v}</i>.</td></tr>"
        for t, a, v, y in PUBS
    )
    body = f"<h1>Ann Lee</h1><h2>Publications</h2><table>{rows}</table>"
    r = extract_file(print_pdf(tmp_path, "dated", body)).records
    assert sorted(p.title for p in r.of(Publication).values()) == sorted(t for t, *_ in PUBS)


@needs_chromium
def test_entries_set_apart_by_gaps_run_on_across_a_page_break(tmp_path: Path) -> None:
    # title, a line of links, then the authors: entries parted only by a gap, a list
    # long enough to go on to a second page that opens with no heading; the links line
    # meets the bottom margin of both pages, and is no running footer for that
    papers = [
        (
            f"Range Avoidance, Remote Point, and Hard Tables {i}",
            "Rahul Ilango, Ann Lee, Ryan Williams",
        )
        for i in range(40)
    ]
    entries = "".join(
        f"<p style='margin:0 0 12pt;break-inside:avoid'>{t}.<br>[Conference Version] "
        f"[Full Version]<br>{a}. <i>STOC</i>, 2023.</p>"
        for t, a in papers
    )
    body = f"<h1>Ann Lee</h1><h2>Publications</h2>{entries}"
    r = extract_file(print_pdf(tmp_path, "gaps", body)).records
    found = {p.title: p for p in r.of(Publication).values()}
    assert sorted(found) == sorted(t for t, _ in papers)
    people = r.of(Person)
    for title, authors in papers:
        pid = found[title].id
        written = sorted(
            (a.position, people[a.from_id].name) for a in r.of(Authored).values() if a.to_id == pid
        )
        assert [n for _, n in written] == authors.split(", ")


@needs_chromium
def test_numbered_entries_set_in_bold_with_joint_with_co_authors(tmp_path: Path) -> None:
    # a CV printed all in bold: "**2. Title, joint with A and B. Venue**"; the number
    # opens each entry though a cue stands before it, the co-authors follow the owner
    items = [
        "2. Diachromatic blueshift, joint with Kyle Ormsby. In preparation.",
        "1. Toric Double Determinantal Varieties, joint with Alexander Blose and Owen "
        "McGrath. Communications in Algebra 49 (2020).",
    ]
    body = "<h1>Jackson Morris</h1><h2>Publications</h2>" + "".join(
        f"<p><b>{t}</b></p>" for t in items
    )
    r = extract_file(print_pdf(tmp_path, "bold", body)).records
    assert sorted(p.title for p in r.of(Publication).values()) == [
        "Diachromatic blueshift",
        "Toric Double Determinantal Varieties",
    ]
    assert authors_in_order(r, "Toric Double Determinantal Varieties") == [
        "Jackson Morris",
        "Alexander Blose",
        "Owen McGrath",
    ]


def authors_in_order(r: RecordSet, title: str) -> list[str]:
    """The names on the author list of the paper titled ``title``, in order."""
    paper = next(p.id for p in r.of(Publication).values() if p.title == title)
    people = r.of(Person)
    written = sorted(
        (a.position or 0, people[a.from_id].name)
        for a in r.of(Authored).values()
        if a.to_id == paper
    )
    return [n for _, n in written]


@needs_chromium
def test_a_co_first_authors_star_printed_in_the_pdf_is_text_not_emphasis(tmp_path: Path) -> None:
    # "Moraitou, M.*, Forsythe, A.*, …": two stars on one line read as Markdown italics
    # around the names in between, and the title came out as "Forsythe, A"
    items = [
        "Moraitou, M.*, Forsythe, A.*, Fellows Yates, J. A., &amp; Guschanski, K. (2022). "
        "Dental calculus metagenomics suggest that ecology shapes the oral microbiome. "
        "<i>MBE</i>.",
        "Forsythe, A., Vanderwolf, K. J., &amp; Xu, J. (2021). Landscape genetic connectivity "
        "in the north american population. <i>Scientific Reports</i>.",
    ]
    body = "<h1>Adrian Forsythe</h1><h2>Publications</h2><ul>" + "".join(
        f"<li>{t}</li>" for t in items
    )
    r = extract_file(print_pdf(tmp_path, "stars", body)).records
    assert sorted(p.title for p in r.of(Publication).values()) == [
        "Dental calculus metagenomics suggest that ecology shapes the oral microbiome",
        "Landscape genetic connectivity in the north american population",
    ]
    assert authors_in_order(
        r, "Dental calculus metagenomics suggest that ecology shapes the oral microbiome"
    ) == ["M. Moraitou", "Adrian Forsythe", "J. A. Fellows Yates", "K. Guschanski"]
