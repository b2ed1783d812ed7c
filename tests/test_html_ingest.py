"""HTML pages, HTML inside Markdown, LaTeX CVs and the publication-entry shapes of
real homepages (paper boxes, venue badges, title-first lists, mixed author forms).
Every example is written here for the shape it pins, not copied from a page."""

from __future__ import annotations

from pathlib import Path

from scholargraph.parse import detect_kind, extract_file
from scholargraph.parse.citations import parse_authors, parse_citation
from scholargraph.parse.htmltext import html_lines, markdown_lines
from scholargraph.parse.latextext import latex_lines
from scholargraph.records import Authored, Person, Publication, PublishedIn, RecordSet, Venue


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def authors_of(r: RecordSet, title_start: str) -> list[str]:
    pub = next(p for p in r.of(Publication).values() if p.title.startswith(title_start))
    people = r.of(Person)
    rels = [a for a in r.of(Authored).values() if a.to_id == pub.id]
    rels.sort(key=lambda a: a.position or 0)
    return [people[a.from_id].name for a in rels]


def venues(r: RecordSet) -> set[tuple[str, str | None, int | None]]:
    """(title, venue name, year) of every publication."""
    names = {k: v.name for k, v in r.of(Venue).items()}
    at = {x.from_id: names[x.to_id] for x in r.rels[PublishedIn].values()}
    return {(p.title, at.get(k), p.year) for k, p in r.of(Publication).items()}


# --- the line stream -----------------------------------------------------------

PAGE = """\
<!DOCTYPE html>
<html><head><title>Home</title><style>h1 {color: red}</style></head>
<body>
<nav><ul><li><a href="#pubs">Publications</a></li></ul></nav>
<h1>Ada Moreau</h1>
<p>PhD student advised by <a href="https://x.org">Prof. Ben Okafor</a>.</p>
<!-- <h2>Old</h2> -->
<h2>Publications</h2>
<ul>
  <li><span class="badge">CVPR 2024</span>
      <a href="https://p/1">Sparse Joins for Graph Engines</a><br>
      <b>Ada Moreau</b>, Cy Wu<sup>1</sup>, Bo Chen
  </li>
  <li><strong>Learned Caches Revisited</strong><br>
      Cy Wu, <u>Ada Moreau</u><br><em>NeurIPS</em>, 2021
      <ul><li>An aside under the entry.</li></ul>
  </li>
</ul>
<script>var x = "<li>not text</li>";</script>
</body></html>
"""


def test_html_becomes_lines_that_keep_headings_entries_and_emphasis() -> None:
    lines = html_lines(PAGE)
    texts = [t for _, t in lines]
    assert texts[0] == "# Ada Moreau"
    assert "## Publications" in texts
    assert "## Old" not in texts and not any("not text" in t for t in texts)
    assert not any(t.startswith("- [Publications") for t in texts)  # navigation dropped
    entry = texts.index('- [CVPR 2024] <a href="https://p/1">Sparse Joins for Graph Engines</a>')
    assert texts[entry + 1] == "**Ada Moreau**, Cy Wu, Bo Chen"  # <sup> marks dropped
    assert "Cy Wu, <u>Ada Moreau</u>" in texts
    assert "An aside under the entry." in texts  # a nested list stays inside its entry


def test_a_heading_inside_an_entry_after_its_badge_is_the_entry_title() -> None:
    page = (
        "<h2>Publications</h2><article class='publication-row'>"
        "<div class='venue-badge'><strong>USENIX Security</strong><span>2026</span></div>"
        "<div><h3><a href='/p'>Model Attacks Seen Through Cognition</a></h3>"
        "<p class='authors'><strong>Ann Lee*</strong>, Bo Chen*, Cy Wu<sup>†</sup></p>"
        "<ul><li><strong>Point:</strong> what it found.</li></ul></div></article>"
    )
    assert [t for _, t in html_lines(page)] == [
        "## Publications",
        "- [USENIX Security 2026]",
        '**<a href="/p">Model Attacks Seen Through Cognition</a>**',
        "**Ann Lee***, Bo Chen*, Cy Wu",
        "**Point:** what it found.",
    ]
    c = parse_citation([t for _, t in html_lines(page)][1:])
    assert c is not None
    assert (c.title, c.venue, c.year) == (
        "Model Attacks Seen Through Cognition",
        "USENIX Security",
        2026,
    )
    assert [(a.name, a.marked) for a in c.authors] == [
        ("Ann Lee", True),
        ("Bo Chen", False),
        ("Cy Wu", False),
    ]


def test_html_lines_point_back_to_their_source_lines() -> None:
    by_text = {t: no for no, t in html_lines(PAGE)}
    assert by_text["# Ada Moreau"] == 5
    assert by_text["## Publications"] == 8
    assert by_text["**Ada Moreau**, Cy Wu, Bo Chen"] == 12


def test_html_files_are_read_as_text_pages(tmp_path: Path) -> None:
    assert detect_kind("site/index.html", PAGE) == "text"
    assert detect_kind("site/index.htm", PAGE) == "text"
    r = extract_file(write(tmp_path, PAGE, "index.html")).records
    assert venues(r) == {
        ("Sparse Joins for Graph Engines", "CVPR", 2024),
        ("Learned Caches Revisited", "NeurIPS", 2021),
    }
    assert authors_of(r, "Sparse Joins") == ["Ada Moreau", "Cy Wu", "Bo Chen"]
    assert authors_of(r, "Learned Caches") == ["Cy Wu", "Ada Moreau"]


def test_markdown_keeps_its_lines_and_reads_its_html_blocks() -> None:
    text = (
        "---\ntitle: About\n---\n"
        "# Publications\n"
        "<div class='paper-box'><div class='badge'>ICML 2023</div>\n"
        "<div class='paper-box-text' markdown=\"1\">\n"
        "\n"
        "Fast Things\n"
        "\n"
        "**Ann Lee**, Bo Chen\n"
        "</div>\n"
        "</div>\n"
    )
    assert markdown_lines(text) == [
        (4, "# Publications"),
        (5, "- [ICML 2023]"),
        (8, "Fast Things"),
        (10, "**Ann Lee**, Bo Chen"),
    ]


# --- AcadHomepage-style pages ------------------------------------------------------

ACADHOMEPAGE = """\
---
permalink: /
title: ""
---

# 👋 About Me
I am Ann Lee.

# 📝 Publications
<div class='paper-box'><div class='paper-box-image'><div>
<div class="badge">IJCAI 2025</div><img src='a.png'></div></div>
<div class='paper-box-text' markdown="1">

Fast Things: Learning to Join Quickly

**Ann Lee**, [Bo Chen](https://b.example), Cy Wu<sup>✉︎</sup>

[**Code**](https://github.com/x/y)
</div>
</div>

- `AAAI 2026` [Slow Things Done Right](https://a.org/2). Dee Park\\*, **Ann Lee**\\*, Bo Chen ![Award](https://i.io/x)
- <span class="badge-inline">ACL 2024</span> [Middle Things](https://a.org/1). **Ann Lee**, Eve Ng

# Research Grants
- 2024-2026, PI, Some Science Foundation, General Program.

# 🎖 Honors and Awards
- 2023 Best Paper Award
"""


def test_paper_boxes_badges_and_code_tags_give_titles_venues_and_authors(
    tmp_path: Path,
) -> None:
    ex = extract_file(write(tmp_path, ACADHOMEPAGE, "_pages/about.md"))
    r = ex.records
    assert venues(r) == {
        ("Fast Things: Learning to Join Quickly", "IJCAI", 2025),
        ("Slow Things Done Right", "AAAI", 2026),
        ("Middle Things", "ACL", 2024),
    }
    assert authors_of(r, "Fast Things") == ["Ann Lee", "Bo Chen", "Cy Wu"]
    assert authors_of(r, "Slow Things") == ["Dee Park", "Ann Lee", "Bo Chen"]


def test_an_unknown_heading_as_high_as_publications_ends_the_list(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, ACADHOMEPAGE, "about.md")).records
    assert not any("Foundation" in p.title or "PI" in p.title for p in r.of(Publication).values())


# --- title first, authors next, venue after ------------------------------------------

HEXO = """\
---
title: Journal Publications
---

### 2018

* Flexible Wearable Nanophotonic Devices
  Qi Wang, Ann Lee, Yi Fan and Liang Dong
  *Applied Physics Letters, 108, 071110*, 2018
"""

PDF_TEXT = """\
ANN LEE

Publications

1. Intent-aware Fuzzing for Hardened Apps
Ann Lee, Minseong Choi, Haehyun Cho, and
Yuseok Jeon
ACM Conference on Computer and Communications Security 2025 (CCS’25)
"""


def test_a_page_title_in_front_matter_opens_its_section(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, HEXO, "index.md"), owner="Ann Lee").records
    assert venues(r) == {
        ("Flexible Wearable Nanophotonic Devices", "Applied Physics Letters", 2018)
    }
    assert authors_of(r, "Flexible") == ["Qi Wang", "Ann Lee", "Yi Fan", "Liang Dong"]


def test_title_line_then_an_author_list_wrapped_over_two_lines(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, PDF_TEXT, "cv.txt")).records
    assert venues(r) == {("Intent-aware Fuzzing for Hardened Apps", "CCS", 2025)}
    assert authors_of(r, "Intent-aware") == [
        "Ann Lee",
        "Minseong Choi",
        "Haehyun Cho",
        "Yuseok Jeon",
    ]


def test_a_publication_described_by_front_matter(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Visual Context for Music"\ncollection: publications\n'
        'authors: "Kai Avra, <u>Ann Lee</u>, Sri Nara"\ndate: 2023-06-04\n'
        'venue: ["International Conference on Acoustics, Speech, and Signal Processing"]\n---\n'
        "Abstract text.\n"
    )
    r = extract_file(write(tmp_path, text, "_publications/vcm.md")).records
    (pub,) = r.of(Publication).values()
    assert (pub.title, pub.year) == ("Visual Context for Music", 2023)
    assert authors_of(r, "Visual") == ["Kai Avra", "Ann Lee", "Sri Nara"]


# --- LaTeX --------------------------------------------------------------------------

LATEX = r"""\documentclass{article}
\usepackage{hyperref}
\begin{document}
\textbf{Ann Lee} \\
% a comment line
\section*{PUBLICATIONS}
C5. \href{https://arxiv.org/abs/1}{\textbf{Patch Things: Weight-Space
Compensation}} \\[1pt]
Bo Chen, \underline{Ann Lee}\textsuperscript{*}, Cy Wu. \\[3pt]
\venue{NeurIPS, 2026}

\begin{itemize}
\item \textbf{Other Things Entirely} \\ \underline{Ann Lee}, Dee Park \\ \emph{ICLR}, 2025
\end{itemize}
\section*{EXPERIENCE}
\end{document}
"""


def test_latex_cv_lines_keep_sections_items_and_emphasis() -> None:
    texts = [t for _, t in latex_lines(LATEX)]
    assert texts[:2] == ["**Ann Lee**", "# PUBLICATIONS"]
    assert texts[2] == ("- [**Patch Things: Weight-Space Compensation**](https://arxiv.org/abs/1)")
    assert "Bo Chen, <u>Ann Lee</u>, Cy Wu." in texts
    assert "- **Other Things Entirely**" in texts
    assert dict((t, no) for no, t in latex_lines(LATEX))["NeurIPS, 2026"] == 10


def test_latex_cv_publications_and_the_underlined_owner(tmp_path: Path) -> None:
    assert detect_kind("files/cv.tex", LATEX) == "text"
    r = extract_file(write(tmp_path, LATEX, "cv.tex")).records
    assert venues(r) == {
        ("Patch Things: Weight-Space Compensation", "NeurIPS", 2026),
        ("Other Things Entirely", "ICLR", 2025),
    }
    assert authors_of(r, "Patch") == ["Bo Chen", "Ann Lee", "Cy Wu"]


LATEX_PARAGRAPHS = r"""\documentclass{article}
\begin{document}
\section{Publications}

\noindent
\textbf{[OSDI 2026]} \textbf{Ann Lee}, Bo Chen, and Cy Wu.\\
\null\quad ``\textbf{Sparse Things: Compressing Graphs Without Losing}\\
\null\quad \textbf{the Plot}''\\
\null\quad \textit{USENIX Symposium on Operating Systems Design and Implementation}, 2026.

\vspace{0.6em}
\noindent
\textbf{[ATC 2025]} \textbf{Ann Lee} and Bo Chen.\\
\null\quad ``\textbf{Dense Things}''\\
\null\quad \textit{USENIX Annual Technical Conference}, 2025.
\end{document}
"""


def test_paragraph_entries_with_a_bold_venue_tag_and_tex_quotes(tmp_path: Path) -> None:
    """Entries without bullets, set apart by blank lines; a bold [VENUE YEAR] tag is no
    title; TeX's ``quotes'' mark the title, wrapped over two lines."""
    r = extract_file(write(tmp_path, LATEX_PARAGRAPHS, "cv.tex")).records
    assert venues(r) == {
        ("Sparse Things: Compressing Graphs Without Losing the Plot", "OSDI", 2026),
        ("Dense Things", "ATC", 2025),
    }
    assert authors_of(r, "Sparse") == ["Ann Lee", "Bo Chen", "Cy Wu"]


LATEX_MACRO_ENTRIES = r"""
\newcommand{\publication}[3]{\textbf{``#2''}\\#1\\#3}
\begin{document}
\section{Publications}
\publication{\emph{Ann Lee} and Bo Chen}{Fast Things for Slow Computers}{Phys. Rev. Lett. (2024)}

\publication{Cy Wu and \emph{Ann Lee}}{Slow Things for Fast Computers}{Phys. Rev. E (2023)}
\end{document}
"""


def test_a_latex_macro_entry_is_one_entry_though_its_lines_share_a_number(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, LATEX_MACRO_ENTRIES, "cv.tex")).records
    assert authors_of(r, "Fast") == ["Ann Lee", "Bo Chen"]
    assert authors_of(r, "Slow") == ["Cy Wu", "Ann Lee"]


# --- author lists ------------------------------------------------------------------


def names(text: str) -> list[tuple[str, bool]]:
    parsed = parse_authors(text)
    assert parsed is not None
    return [(m.name, m.marked) for m in parsed[0]]


def test_surname_then_initials_without_a_comma_is_turned_around() -> None:
    assert names("J.L.D. Osnas, **Moreau A.**, K. Kitajima, and J.W. Lichstein") == [
        ("J.L.D. Osnas", False),
        ("A. Moreau", True),
        ("K. Kitajima", False),
        ("J.W. Lichstein", False),
    ]


def test_surname_comma_initials_mixed_with_initials_first_in_one_list() -> None:
    assert [n for n, _ in names("Nakamura, A., C. J. Burwell, **A. Moreau**, and R. Kitching")] == [
        "A. Nakamura",
        "C. J. Burwell",
        "A. Moreau",
        "R. Kitching",
    ]
    assert [n for n, _ in names("Li, Y., de L. Dantas, V., Le Bagousse-Pinguet, Y.")] == [
        "Y. Li",
        "V. de L. Dantas",
        "Y. Le Bagousse-Pinguet",
    ]


def test_author_names_come_out_without_marks_or_affiliation_digits() -> None:
    assert names("Ann Lee*, Bo Chen†, Cy Wu<sup>1,2</sup>, **Dee Park**\\*, Eve Ng1 et al.") == [
        ("Ann Lee", False),
        ("Bo Chen", False),
        ("Cy Wu", False),
        ("Dee Park", True),
        ("Eve Ng", False),
    ]
    parsed = parse_authors("Ann Lee, Bo Chen, et al.")
    assert parsed is not None and parsed[1] is False  # "et al.": the list is partial


def test_marks_set_in_math_after_names_are_marks() -> None:
    # MathJax pages write equal contribution and corresponding author as $^{\star}$
    text = r"Jia Zhou$^{\star}$, **Yi Dang$^{\star}$**, En Yang, Gui Guo$^{\dagger}$, Xi Wang$^1$"
    assert names(text) == [
        ("Jia Zhou", False),
        ("Yi Dang", True),
        ("En Yang", False),
        ("Gui Guo", False),
        ("Xi Wang", False),
    ]


def test_dblp_authors_then_a_colon_then_the_title() -> None:
    c = parse_citation(
        ["Cy Qiao, Ken N. Brown, **Fan Zhu**, Zhi Tian: Adaptive Clustering: A Study. TKDE (2023)"]
    )
    assert c is not None and c.title == "Adaptive Clustering: A Study"
    assert [a.name for a in c.authors] == ["Cy Qiao", "Ken N. Brown", "Fan Zhu", "Zhi Tian"]
    # an author list that ends before a title holding a colon is not run on into it
    c = parse_citation(["B. Shi, L. Cui, J. Li. SyncSnap: Live Memory Snapshots. HPCC, 2014"])
    assert c is not None and c.title == "SyncSnap: Live Memory Snapshots"
    assert [a.name for a in c.authors] == ["B. Shi", "L. Cui", "J. Li"]


def test_an_ellipsis_in_an_author_list_parts_two_names_and_leaves_it_partial() -> None:
    c = parse_citation(
        ["Ann Hoff, Bo Hal, Cy Sch, ... **Dee Howe**. Snowballs in Africa. ESR, 2021"]
    )
    assert c is not None and c.title == "Snowballs in Africa"
    assert [a.name for a in c.authors] == ["Ann Hoff", "Bo Hal", "Cy Sch", "Dee Howe"]
    assert not c.authors_complete


def test_the_year_between_authors_and_title_and_a_dollar_mark() -> None:
    c = parse_citation(
        ["Porto, A., R. Schmel$, J.L. Vandeberg. 2016. Evolution of maps. Genetics."]
    )
    assert c is not None and c.title == "Evolution of maps" and c.year == 2016
    assert [a.name for a in c.authors] == ["A. Porto", "R. Schmel", "J.L. Vandeberg"]


def test_a_link_title_opening_the_line_with_authors_after_it() -> None:
    c = parse_citation(["- `CVPR 2024` [Deep Joins at Scale](https://x.org). Ann Lee, **Bo Chen**"])
    assert c is not None
    assert (c.title, c.venue, c.year) == ("Deep Joins at Scale", "CVPR", 2024)
    assert [(a.name, a.marked) for a in c.authors] == [("Ann Lee", False), ("Bo Chen", True)]


def test_a_bold_author_opening_the_line_is_not_taken_for_a_title() -> None:
    c = parse_citation(["**Quist, R.**, Chen, K., et al. 2025. Learned caches, revisited. arXiv."])
    assert c is not None and c.title == "Learned caches, revisited"


# --- tables of citations ----------------------------------------------------------

YEAR_TABLE = """\
---
layout: page
title: Mia Lund - Papers
---
<table>
  <tr><th>2022</th>
      <td>R Okoye and M Lund.
          &ldquo;Sparse Joins on Many Cores.&rdquo;
          <span class="bold">SIGMOD</span>: 1-12.</td></tr>
  <tr><th></th>
      <td>M Lund, T Berg.
          &ldquo;Cache-Aware Skyline Queries.&rdquo; ICDE: 3-14.</td></tr>
  <tr><th colspan="2"><b>2019</b></th></tr>
  <tr><td>P Ahn, M Lund.<br><i>Learned Bloom Filters Revisited</i>.<br>VLDB J</td></tr>
</table>
<p>Last updated in spring.</p>
"""


def test_a_year_cell_is_carried_down_the_rows_of_a_table() -> None:
    lines = html_lines(YEAR_TABLE.split("---\n", 2)[2])
    texts = [t for _, t in lines]
    assert texts[0].endswith("SIGMOD: 1-12. 2022")
    assert texts[1].endswith("ICDE: 3-14. 2022")  # an empty year cell: the year above
    assert texts[2:] == [
        "- P Ahn, M Lund.",
        "*Learned Bloom Filters Revisited*.",
        "VLDB J, 2019",  # a heading row's year, and no entry of its own
        "Last updated in spring.",
    ]


def test_a_table_of_citations_outside_a_publication_heading_is_read_as_entries(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, YEAR_TABLE, "papers.html")).records
    assert venues(r) == {
        ("Sparse Joins on Many Cores", "SIGMOD", 2022),
        ("Cache-Aware Skyline Queries", "ICDE", 2022),
        ("Learned Bloom Filters Revisited", "VLDB J", 2019),
    }
    assert authors_of(r, "Sparse Joins") == ["R Okoye", "M Lund"]
    assert authors_of(r, "Learned Bloom") == ["P Ahn", "M Lund"]


def test_a_table_that_is_not_citations_stays_text(tmp_path: Path) -> None:
    page = (
        "<h1>Mia Lund</h1><table><tr><th>2021</th><td>Best paper award</td></tr>"
        "<tr><th></th><td>Travel grant, Some Foundation</td></tr></table>"
    )
    r = extract_file(write(tmp_path, page, "awards.html")).records
    assert not r.of(Publication)
