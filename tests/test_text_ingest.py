"""CV and web-page text: each document shape pinned with a small input in our own
words, then the five seed documents and the CV fixtures read in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED, shared

from scholargraph.parse import detect_kind, extract_file
from scholargraph.parse.builder import Extraction
from scholargraph.pipeline import extract
from scholargraph.records import (
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
    Topic,
    Venue,
)


def write(tmp_path: Path, text: str, name: str = "cv.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def people(r: RecordSet) -> dict[str, Person]:
    return r.of(Person)


def pubs(r: RecordSet) -> dict[str, Publication]:
    return r.of(Publication)


def authors_of(r: RecordSet, title_start: str) -> list[tuple[str, int | None]]:
    pub = next(p for p in pubs(r).values() if p.title.startswith(title_start))
    rels = [a for a in r.of(Authored).values() if a.to_id == pub.id]
    rels.sort(key=lambda a: a.position or 0)
    return [(people(r)[a.from_id].name, a.position) for a in rels]


def advisors(r: RecordSet) -> set[tuple[str, str, str]]:
    p = people(r)
    return {(p[a.from_id].name, p[a.to_id].name, a.kind) for a in r.of(Advised).values()}


def mentors(r: RecordSet) -> set[tuple[str, str, str | None]]:
    p = people(r)
    return {(p[m.from_id].name, p[m.to_id].name, m.organization) for m in r.of(Mentored).values()}


def affiliations(r: RecordSet) -> list[tuple[str, str, str | None, str | None, str | None]]:
    orgs = r.of(Organization)
    return sorted(
        (orgs[a.to_id].name, a.role, a.degree, a.start, a.end)
        for a in r.of(AffiliatedWith).values()
    )


def topics(r: RecordSet) -> set[str]:
    """Listed interests in the words the document used (a canonical topic keeps
    them as aliases)."""
    t = r.of(Topic)
    listed = r.of(InterestedIn).values()
    return {w for i in listed if i.stated >= 1 for w in t[i.to_id].aliases or [t[i.to_id].name]}


def venue_of(r: RecordSet, pub_id: str) -> str | None:
    venues = r.of(Venue)
    return next(
        (venues[v.to_id].name for v in r.rels[PublishedIn].values() if v.from_id == pub_id),
        None,
    )


# --- a CV that never states its owner's name ----------------------------------

UNNAMED_CV = """\
Education

Northfield University

Vancouver, Canada

DATA SCIENCE, PH.D.

Sep. 2020 - May 2025

- Supervised by **Prof. Ada Moreau** and **Dr. Ben (Benny) Okafor**

Internships

Graph Engine Project

Jan 2023–Jun 2023

WESTLAKE SYSTEMS LABORATORY, TORONTO

Research Intern, Summer

- Built a thing, published in **KDD 2024**.

Follow-up Project

Jun 2023–Dec 2023

WESTLAKE SYSTEMS LABORATORY, TORONTO

Research Intern, Summer

- Extended the thing.

Publications

[1] Moreau, A., **Quist, R.**, and Okafor, B. 2024. Sparse joins for graph engines. In *Proceedings of the 30th ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD)* (pp. 1–9).

[2] **Quist, R.**, Chen, K., et al. 2025. Learned caches, revisited. arXiv preprint arXiv:2501.01234.
"""  # noqa: E501


def test_unnamed_owner_is_inferred_from_the_bold_author_and_reported(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, UNNAMED_CV))
    assert any("owner not named" in w.reason and "'R. Quist'" in w.reason for w in ex.warnings)
    assert authors_of(ex.records, "Sparse joins") == [
        ("A. Moreau", 1),
        ("R. Quist", 2),
        ("B. Okafor", 3),
    ]


def test_et_al_leaves_positions_unknown_and_arxiv_makes_a_preprint(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, UNNAMED_CV)).records
    assert authors_of(r, "Learned caches") == [("R. Quist", None), ("K. Chen", None)]
    pre = pubs(r)["arxiv:2501.01234"]
    assert (pre.status, pre.year, venue_of(r, pre.id)) == ("preprint", 2025, "arXiv")
    kdd = next(p for p in pubs(r).values() if p.title.startswith("Sparse"))
    assert (kdd.year, venue_of(r, kdd.id)) == (2024, "KDD")


def test_supervisors_get_the_degree_kind_titles_stripped_and_nicknames_kept(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, UNNAMED_CV)).records
    assert advisors(r) == {("Ada Moreau", "R. Quist", "phd"), ("Ben Okafor", "R. Quist", "phd")}
    ben = next(p for p in people(r).values() if p.name == "Ben Okafor")
    assert "Benny Okafor" in ben.aliases


def test_education_and_touching_internship_entries_become_positions(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, UNNAMED_CV)).records
    assert affiliations(r) == [
        ("Northfield University", "student", "Ph.D.", "2020-09", "2025-05"),
        ("Westlake Systems Laboratory", "Research Intern", None, "2023-01", "2023-12"),
    ]
    aff = next(iter(r.rels[AffiliatedWith].values()))
    assert aff.evidence and aff.evidence[0].startswith(f"{tmp_path.as_posix()}/cv.md:")


def test_initials_only_coauthors_are_not_merged_with_full_names_elsewhere(tmp_path: Path) -> None:
    other = write(
        tmp_path, "Kai Chen\n\nPublications\n\n- Kai Chen, Mo Li. *On Caches*. ICML 2024.\n", "b.md"
    )
    r = extract([write(tmp_path, UNNAMED_CV), other]).records
    chens = sorted(p.id for p in people(r).values() if p.name in ("K. Chen", "Kai Chen"))
    assert len(chens) == 2 and "@src:" in chens[0] + chens[1]


# --- a Chinese CV -------------------------------------------------------------

CHINESE_CV = """\
研究兴趣：数据库系统

教育背景

清华大学, 计算机科学与技术, 博士研究生 2021.9 - 2026.6 (预计)

- 导师: 李明 长聘副教授

论文发表

预印版

- Wei Zhang, [Lan Ma](#), Ming Li. *Streaming Joins at Scale*. [Preprint]

正式出版

- [VLDB'25, CCF-A] [Lan Ma](#), Wei Zhang, Ming Li. *Vector Search in Practice*. \
Proceedings of the VLDB Endowment. [Code]
- [SoCC'24] [Lan Ma](#), Ming Li. *Elastic Caches*. ACM Symposium on Cloud Computing.

实习经历

某某科技 | 存储组, 研究实习生

2024.3-2024.9
"""


def test_chinese_cv_owner_sections_and_status_subheadings(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, CHINESE_CV))
    r = ex.records
    assert any("'Lan Ma'" in w.reason for w in ex.warnings)
    by_title = {p.title: p for p in pubs(r).values()}
    assert by_title["Streaming Joins at Scale"].status == "preprint"
    vec = by_title["Vector Search in Practice"]
    assert (vec.status, vec.year, venue_of(r, vec.id)) == ("published", 2025, "VLDB")
    assert authors_of(r, "Vector Search") == [("Lan Ma", 1), ("Wei Zhang", 2), ("Ming Li", 3)]
    assert topics(r) == {"数据库系统"}


def test_chinese_advisor_meets_the_romanised_coauthor_of_the_same_cv(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, CHINESE_CV)).records
    assert advisors(r) == {("Ming Li", "Lan Ma", "phd")}
    assert people(r)["person:ming-li"].native_name == "李明"


def test_chinese_positions_with_dates_fields_and_pipes(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, CHINESE_CV)).records
    assert affiliations(r) == [
        ("某某科技", "研究实习生", None, "2024-03", "2024-09"),
        ("清华大学", "student", "博士研究生", "2021-09", "2026-06"),
    ]
    phd = next(a for a in r.of(AffiliatedWith).values() if a.degree)
    assert phd.field == "计算机科学与技术"


# --- a profile page: records with abstracts and no author lists -----------------

PROFILE_PAGE = """\
Researcher profile

Mira Holt

Mira Holt works on compilers.

Published work

2 published item(s)

preprint2025arXiv

Tile$.$IR: Fast Kernels Everywhere

We present Tile$.$IR, which is 2-3$\\times$ faster than the baseline.

journal-article2024Computing Surveys

A Survey of Kernel Fusion

Kernel fusion is reviewed.
"""


def test_profile_page_records_keep_abstracts_without_latex_and_unknown_positions(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, PROFILE_PAGE, "page.txt")).records
    tile = next(p for p in pubs(r).values() if p.title.startswith("Tile"))
    assert tile.title == "Tile.IR: Fast Kernels Everywhere"
    assert tile.abstract == "We present Tile.IR, which is 2-3× faster than the baseline."
    assert (tile.status, tile.year, venue_of(r, tile.id)) == ("preprint", 2025, "arXiv")
    assert authors_of(r, "A Survey") == [("Mira Holt", None)]
    assert len(pubs(r)) == 2


# --- a scraped site whose bullets lost their headings -------------------------

SCRAPED = """\
- Joining a trading firm for the summer.
SITE-BANNER 2.0
Lab Console
Tomas Reyes
托马斯
I build elastic systems.
- Ph.D. in Computer Science at the University of Westvale, advised by Prof. Q. Lena Park.
- B.S. in Physics at Eastvale University.
- Mentored undergraduate students on their theses.
- Wrapped up the internship around the Skyline OSDI'25 acceptance.
03 Mar 2026 PUB Gearbox paper and code release Proud to share Gearbox! \
02 Jan 2025 PUB Skyline accepted to OSDI'25 Very happy. \
01 Oct 2024 CONF Tidepool was presented as an Oral at ACM MOBICOM'24 Fun. \
00 Aug 2024 TALK Talk on Our work at the Summit.
"""


def test_news_items_become_system_name_publications_once(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, SCRAPED, "site.txt")).records
    found = {
        (p.title, p.year, p.status, venue_of(r, p.id), p.title_is_system_name)
        for p in pubs(r).values()
    }
    assert found == {
        ("Gearbox", 2026, "preprint", None, True),
        ("Skyline", 2025, "accepted", "OSDI", True),
        ("Tidepool", 2024, "published", "MOBICOM", True),
    }
    assert authors_of(r, "Skyline") == [("Tomas Reyes", None)]


def test_degree_sentences_and_advisors_without_headings(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, SCRAPED, "site.txt")).records
    owner = people(r)["person:tomas-reyes"]
    assert owner.native_name == "托马斯"
    assert advisors(r) == {("Q. Lena Park", "Tomas Reyes", "phd")}
    assert not r.rels[Mentored]  # "Mentored students": the owner mentors, nobody mentored them
    assert affiliations(r) == [
        ("Eastvale University", "student", "B.S.", None, None),
        ("University of Westvale", "student", "Ph.D.", None, None),
    ]


# --- a CV with titles first, authors and venue on their own lines ---------------

TITLE_FIRST = """\
Dana Fox

Email: dana@example.edu

GitHub: danafox

RESEARCH INTEREST

My research interests include query optimization (mostly cost models), and storage engines.

PUBLICATIONS

- **Cost Models That Learn**

Dana Fox, Eli Grant*, Ivy Hu (*Equal Contribution)

International Conference on Very Large Data Bases (VLDB 2026)

EXPERIENCE

- **Acme Cloud**

Research Intern

May 2024 – Present

Mentor: Eli Grant

- **Beta Labs**

Research Intern

Feb 2022 – Sep 2022

Mentor: Ivy Hu
"""


def test_title_first_entries_contact_interests_and_mentors(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, TITLE_FIRST)).records
    assert authors_of(r, "Cost Models") == [("Dana Fox", 1), ("Eli Grant", 2), ("Ivy Hu", 3)]
    pub = next(iter(pubs(r).values()))
    assert (pub.year, venue_of(r, pub.id)) == (2026, "VLDB")
    owner = people(r)["person:dana-fox"]
    assert (owner.email, owner.homepage) == ("dana@example.edu", "https://github.com/danafox")
    assert topics(r) == {"query optimization", "storage engines"}
    assert mentors(r) == {
        ("Eli Grant", "Dana Fox", "Acme Cloud"),
        ("Ivy Hu", "Dana Fox", "Beta Labs"),
    }
    assert ("Acme Cloud", "Research Intern", None, "2024-05", None) in affiliations(r)


# --- a Markdown CV with numbered, quoted and plain citations ---------------------

NUMBERED = """\
# Priya Raman

priya.raman@example.edu | https://priya.example.edu

## Education

**Ph.D. in Electrical Engineering**, Lakeview University, 2019 – 2024
Advisors: Prof. Helen Cho and Prof. Marco Silva

**B.Tech. in Electronics**, Indian Institute of Technology Madras, 2015 – 2019

## Selected Publications (* equal contribution)

### Conference Papers

[C3] **P. Raman**, H. Cho, and M. Silva, "Low-Power Accelerators for Sparse Attention," \
in *Proc. ISCA*, 2024.

[C2] J. Park\\*, **P. Raman**\\*, H. Cho. "Dataflow Mapping with Learned Costs." MICRO 2023.

[C1] **Priya Raman**, Helen Cho. Compiler Support for Systolic Arrays. In DAC, 2022.

### Under Review

- **P. Raman**, L. Wu, H. Cho. "Near-Memory Sorting." Submitted to HPCA 2025.

## Experience

**Research Intern**, NVIDIA Research, Santa Clara — Summer 2022
Mentor: Dr. Ken Ito
"""


def test_numbered_quoted_and_plain_citations_with_escaped_markers(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, NUMBERED)).records
    found = {(p.title, p.year, p.status, venue_of(r, p.id)) for p in pubs(r).values()}
    assert found == {
        ("Low-Power Accelerators for Sparse Attention", 2024, "published", "ISCA"),
        ("Dataflow Mapping with Learned Costs", 2023, "published", "MICRO"),
        ("Compiler Support for Systolic Arrays", 2022, "published", "DAC"),
        ("Near-Memory Sorting", 2025, "preprint", "HPCA"),
    }
    assert authors_of(r, "Dataflow") == [("J. Park", 1), ("Priya Raman", 2), ("H. Cho", 3)]


def test_degree_first_education_lines_and_title_first_job_lines(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, NUMBERED)).records
    assert affiliations(r) == [
        ("Indian Institute of Technology Madras", "student", "B.Tech.", "2015", "2019"),
        ("Lakeview University", "student", "Ph.D.", "2019", "2024"),
        ("NVIDIA Research", "Research Intern", None, "2022", "2022"),
    ]
    assert advisors(r) == {
        ("Helen Cho", "Priya Raman", "phd"),
        ("Marco Silva", "Priya Raman", "phd"),
    }
    assert mentors(r) == {("Ken Ito", "Priya Raman", "NVIDIA Research")}


# --- pages that never name their owner ------------------------------------------

ABOUT = "I am a PhD student advised by <a href='https://x.org'>Prof. Ana Ruiz</a>. Hi.\n"


def test_facts_about_an_unnamed_owner_are_skipped_with_reasons(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, ABOUT, "about.md"))
    assert not ex.records.rels[Advised]
    assert [s.reason for s in ex.skipped] == ["advisor 'Ana Ruiz' of an unnamed owner"]
    assert any("owner's name not found" in w.reason for w in ex.warnings)


def test_owner_given_by_the_user_receives_the_facts(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, ABOUT, "about.md"), owner="Leo Sato")
    assert advisors(ex.records) == {("Ana Ruiz", "Leo Sato", "phd")}


def test_chinese_group_phrases_name_phd_and_postdoc_advisors(tmp_path: Path) -> None:
    text = "博士毕业于某大学，导师为[周文教授](https://a)。于2023年在某大学[吴青教授](https://b)课题组做博士后研究。\n"
    ex = extract_file(write(tmp_path, text, "zh.md"), owner="Jia Lu")
    assert advisors(ex.records) == {("周文", "Jia Lu", "phd"), ("吴青", "Jia Lu", "postdoc")}


def test_chinese_degree_and_postdoc_sentences_place_the_owner_and_the_advisor(
    tmp_path: Path,
) -> None:
    text = (
        "博士毕业于北京科技大学计算机学院，导师为[周文教授](https://a)。"
        "于2023年在中国海洋大学[吴青教授](https://b)课题组做博士后研究。\n"
    )
    ex = extract_file(write(tmp_path, text, "zh.md"), owner="Jia Lu")
    places = {(r.to_id, r.role, r.degree) for r in ex.records.of(AffiliatedWith).values()}
    assert places == {
        ("org:北京科技大学", "student", "博士"),
        ("org:中国海洋大学", "postdoc", None),
    }
    where = {r.from_id: r.organization for r in ex.records.of(Advised).values()}
    assert where == {"person:周文": "北京科技大学", "person:吴青": "中国海洋大学"}


# --- the seeds, read in place ---------------------------------------------------


def seed(prefix: str) -> Extraction:
    return extract_file(next(shared("seeds").glob(f"{prefix}_*.txt")))


def test_seed_cv_without_a_name() -> None:
    ex = seed("000")
    r = ex.records
    assert len(pubs(r)) == 13
    assert any("'X. Wang'" in w.reason for w in ex.warnings)
    assert ("Zhongfei Zhang", "X. Wang", "masters") in advisors(r)
    assert {("Jian Pei", "X. Wang", "phd"), ("Jiannan Wang", "X. Wang", "phd")} <= advisors(r)
    assert authors_of(r, "Smart initial basis")[:2] == [("Z. Fan", 1), ("X. Wang", 2)]
    assert pubs(r)["doi:10.36227/techrxiv.176238087.79673350"].status == "preprint"


def test_seed_chinese_cv() -> None:
    r = seed("001").records
    assert len(pubs(r)) == 10
    assert advisors(r) == {("Hong Xu", "Xin Tan", "phd")}
    dsv = next(p for p in pubs(r).values() if p.title.startswith("DSV"))
    assert (dsv.year, venue_of(r, dsv.id)) == (2026, "ASPLOS")
    assert len(authors_of(r, "DSV")) == 9


def test_seed_profile_page() -> None:
    r = seed("002").records
    assert sorted(p.title.split(":")[0] for p in pubs(r).values()) == ["Agent.xpu", "ReLibra"]
    assert all(p.abstract and "$" not in p.abstract for p in pubs(r).values())


def test_seed_scraped_site() -> None:
    r = seed("003").records
    names = {p.title for p in pubs(r).values() if p.title_is_system_name}
    assert names == {"RLBoost", "Foundry", "Plato", "CAKE", "LTE", "mm2-gb"}
    assert advisors(r) == {("Z. Morley Mao", "Xueshen Liu", "phd")}


def test_seed_cv_with_mentors() -> None:
    r = seed("004").records
    assert len(pubs(r)) == 4
    assert advisors(r) == {("Xin Jin", "Yuxing Xiang", "phd")}
    assert {m[0] for m in mentors(r)} == {"Liang Zhao", "Hao Cao", "Kun Qian", "Mengqi Liu"}
    alibaba = [a for a in affiliations(r) if a[0] == "Alibaba Cloud"]
    assert len(alibaba) == 2  # two separate stints stay two


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (SHARED / "fixtures/cv").rglob("*") if p.is_file() and p.suffix != ".md")
    + sorted((SHARED / "fixtures/cv").rglob("about*.md")),
    ids=lambda p: p.name,
)
def test_every_cv_fixture_ingests_or_says_why(path: Path) -> None:
    result = extract([path]).files[0]
    assert result.error is None
    assert result.counts.get("Source") == 1
    assert all(s.line or "owner" in s.reason for s in result.skipped)


SETEXT_PAGE = """Hi, I am Lena! I work on parsing.

Published papers
======
Sparse Attention for Table Layouts. \\\\
**Lena Ortiz**, Tom Becker\\\\
*ACL 2023.* \\\\
[Code](https://example.org/code).

Grammar Induction from Receipts \\
**Lena Ortiz** \\
**COLING 2022**

Posters
-------
Robust Parsing of Noisy Scanned Forms.\\\\
*Poster at a summer school 2023.*
"""


def test_setext_headings_and_hard_line_breaks_cut_a_literal_publication_list(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, SETEXT_PAGE, "publications.md")).records
    found = {p.title: (p.year, p.status) for p in pubs(r).values()}
    assert found == {
        "Sparse Attention for Table Layouts": (2023, "published"),
        "Grammar Induction from Receipts": (2022, "published"),
    }
    assert [a for a, _ in authors_of(r, "Sparse Attention for Table Layouts")] == [
        "Lena Ortiz",
        "Tom Becker",
    ]


def test_news_items_naming_a_paper_by_its_quoted_title(tmp_path: Path) -> None:
    text = """# Mara Quinn

## Latest News

* **September 2025** Our paper "Sparse Routing for Tiny Experts" was accepted to **ICLR 2026**.
* **2025** I defended my thesis: "On Many Things and Others".
* **May 2024** New paper "Diffusion Priors for Tabular Data" accepted to **TMLR**.
* **2024** Our paper "Sparse Routing for Tiny Experts" is presented at ICLR 2026.
"""
    r = extract_file(write(tmp_path, text, "about.md")).records
    found = {
        (p.title, p.year, p.status, venue_of(r, p.id), p.title_is_system_name)
        for p in pubs(r).values()
    }
    assert found == {
        ("Sparse Routing for Tiny Experts", 2026, "accepted", "ICLR", False),
        ("Diffusion Priors for Tabular Data", 2024, "accepted", "TMLR", False),
    }


UNHEADED_LIST = """# Mei Tan

I work on compilers.

# Research
**Fusing Loops for Sparse Tensors** <br>
Ravi Iyer, **Mei Tan**, Olga Petrova <br>
*PLDI ’25*
<details><summary>Abstract</summary>
Sparse tensors are everywhere. We fuse loops.
</details>

**Typed Schedules for Accelerators** <br>
**Mei Tan**, Jonas Berg <br>
*ASPLOS 2024*

# Invited Talks
**Fusing Loops for Sparse Tensors** <br>
Mei Tan <br>
*Compiler Day 2025*

**Typed Schedules, Explained** <br>
Mei Tan, Jonas Berg <br>
*Systems Seminar 2024*
"""


def test_a_list_of_citations_under_an_unknown_heading_is_read_as_publications(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, UNHEADED_LIST, "about.md")).records
    assert {p.title for p in pubs(r).values()} == {
        "Fusing Loops for Sparse Tensors",
        "Typed Schedules for Accelerators",
    }  # the talks cite like papers but their heading says what they are
    assert authors_of(r, "Fusing") == [("Ravi Iyer", 1), ("Mei Tan", 2), ("Olga Petrova", 3)]


LATEX_MACROS = r"""\documentclass{article}
\newcommand{\venue}[1]{\colorbox{gray}{\textbf{#1}}}
\newcommand{\me}{\underline{Lin Zhou}}
\newcommand{\entry}[2]{\textit{\small#1} & \textit{\small #2} \\}
\begin{document}
\section*{Lin Zhou}
Advisor: Dr.\ Park, J.

\section*{Education}
\entry
  {Ph.D., Example University. Advisor: Prof. Ines Duarte}
  {Boston, USA}

\section*{Research Output}

\venue{STOC 2025} Lower Bounds for Tiny Circuits. [[Full Version]](https://example.org/1)

Ana Costa (MIT), \me, Bo Han (ETH)

\vspace{1em}

\venue{FOCS 2024} Pseudorandomness from Hard Functions.

\me, Ana Costa (MIT)

\vspace{1em}

\venue{CCC 2023} Catalytic Space and Randomness.

Bo Han (ETH), \me
\end{document}
"""


def test_latex_macros_of_the_document_are_expanded_and_wide_gaps_part_entries(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, LATEX_MACROS, "cv.tex")).records
    found = {(p.title, venue_of(r, p.id), p.year) for p in pubs(r).values()}
    assert found == {
        ("Lower Bounds for Tiny Circuits", "STOC", 2025),
        ("Pseudorandomness from Hard Functions", "FOCS", 2024),
        ("Catalytic Space and Randomness", "CCC", 2023),
    }
    assert authors_of(r, "Lower Bounds") == [("Ana Costa", 1), ("Lin Zhou", 2), ("Bo Han", 3)]
    advisors = {people(r)[a.from_id].name for a in r.of(Advised).values()}
    assert advisors == {"J. Park", "Ines Duarte"}  # the second from a macro's arguments


def test_a_chinese_name_heading_names_the_owner_but_a_chinese_section_word_does_not(
    tmp_path: Path,
) -> None:
    page = "# 项目\n\n- 图计算系统\n\n# 郑华伟\n\n我的导师是[邓达臻](https://x)教授。\n"
    r = extract_file(write(tmp_path, page, "about_zh.md")).records
    (adv,) = r.rels[Advised].values()
    assert people(r)[adv.to_id].native_name == "郑华伟"


def test_a_name_heading_in_capitals_names_the_owner(tmp_path: Path) -> None:
    page = "# ROSA DELGADO\n\nLima | rosa@example.org\n\n## Education\n"
    page += "- Ph.D., supervised by Tomas Berg\n"
    r = extract_file(write(tmp_path, page, "cv.md")).records
    (adv,) = r.rels[Advised].values()
    assert people(r)[adv.to_id].name == "Rosa Delgado"


PLAIN_CV = """Rosa Delgado
Lima, Peru

Refereed Journal Articles
R. Delgado, T. Berg. Rent control and household mobility. Journal of Urban Economics, 2024.
I. Mora, R. Delgado. Housing vouchers and school choice. Economic Inquiry, 2022.

Teaching Assistant Experience
Lecturer, Example University. Urban Economics, 2021 - 2022.
Tutor, Example University. Housing Markets, 2020 - 2021.
"""


def test_a_heading_the_table_does_not_know_is_read_by_its_last_word(tmp_path: Path) -> None:
    # "Refereed Journal Articles" opens a publication list and "Teaching Assistant
    # Experience" ends it, though neither is in headings.yaml's table
    r = extract_file(write(tmp_path, PLAIN_CV, "cv.txt")).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Housing vouchers and school choice",
        "Rent control and household mobility",
    ]


TITLED_PAGE = """# Rosa Delgado

# Papers

### Rent Control and Household Mobility [JUE 2024]

**Rosa Delgado**, Tomas Berg

Check the [paper](https://example.org/rent.pdf)

*We study rent control in mid-sized cities.*

### Globally-Robust Housing Markets

Ines Mora, **Rosa Delgado**

# Software

```
@misc{tool, title={A Tool}, author={Rosa Delgado}}
```
"""


def test_papers_titled_by_headings_and_a_quoted_bibtex_entry_keep_a_page_a_page(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, TITLED_PAGE, "index.md")
    assert detect_kind(str(path), TITLED_PAGE) == "text"
    r = extract_file(path).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Globally-Robust Housing Markets",
        "Rent Control and Household Mobility",
    ]
    assert authors_of(r, "Rent") == [("Rosa Delgado", 1), ("Tomas Berg", 2)]


DATED_CV = """Rosa Delgado

Publications
2024 R. Delgado, T. Berg. 2024. Rent control and household mobility. J. Urban Econ.
2022 I. Mora, R. Delgado. 2022. Housing vouchers and school choice. Econ. Inquiry.
2021 R. Delgado. 2021. Zoning and the price of land in Lima. Reg. Sci. Urban Econ.
* equal contribution
"""


def test_a_dated_list_without_blank_lines_is_one_entry_a_year(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, DATED_CV, "cv.txt")).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Housing vouchers and school choice",
        "Rent control and household mobility",
        "Zoning and the price of land in Lima",
    ]


ECON_CV = """# Rosa Delgado

## Education
**Ph.D. in Economics**, Example University 2021 – 2026
- Committee: Tomas Berg (Supervisor), Ines Mora, Paul Ruiz

## Job Market Paper
- **Rent Control and Household Mobility in Mid-Sized Cities**
with Tomas Berg

## Working Papers
“Credit Supply Shocks and Small Firm Hiring” (with Ines Mora and Paul Ruiz)

## Selected Publications
- **Measuring Informal Labour with Satellite Data** — Journal of Development Studies 2024.
  *Authors:* **R. Delgado**, K. Osei, et al.
  *Notes:* A short summary.
"""


def test_papers_listed_by_title_with_their_co_authors_and_labelled_author_lines(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, ECON_CV)).records
    assert authors_of(r, "Rent Control") == [("Rosa Delgado", 1), ("Tomas Berg", 2)]
    assert authors_of(r, "Credit Supply") == [
        ("Rosa Delgado", 1),
        ("Ines Mora", 2),
        ("Paul Ruiz", 3),
    ]
    assert [a for a, _ in authors_of(r, "Measuring")] == ["Rosa Delgado", "K. Osei"]
    assert ("Tomas Berg", "Rosa Delgado", "phd") in advisors(r)


NESTED = """# Ivo Lind

## Research Experience
### Graduate Student Researcher
Department of Physics, Example University, PI: [Mara Quist](https://quist.example.org)

## Publications
1. **I. Lind**, M. Quist. Counting Photons in Noisy Detectors. *arXiv* (2024).
   - Featured by *Nature*: "Noise, counted" (2024).
1. A. Berg, **I. Lind**. Sparse Readout for Photon Counters. *NIST Journal* (2023).
"""


def test_a_bullet_nested_under_an_entry_and_a_linked_pi(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, NESTED, "cv.md")).records
    assert {p.title for p in pubs(r).values()} == {
        "Counting Photons in Noisy Detectors",
        "Sparse Readout for Photon Counters",
    }  # "Featured by Nature" is part of the first entry, not a paper
    assert ("Mara Quist", "Ivo Lind") in {(a, s) for a, s, _ in advisors(r)}


def test_a_paper_titled_by_a_heading_keeps_its_venue_tag_with_nothing_under_its_authors(
    tmp_path: Path,
) -> None:
    page = "# Ann Lee\n\n# Papers\n\n### Fast Things for Slow Computers [OSDI 2024]\n\n"
    page += "**Ann Lee**, Bo Chen\n"
    r = extract_file(write(tmp_path, page, "index.md")).records
    assert [(p.title, p.year) for p in pubs(r).values()] == [
        ("Fast Things for Slow Computers", 2024)
    ]
    assert [v.name for v in r.of(Venue).values()] == ["OSDI"]


def test_an_owner_heading_with_titles_and_degrees_names_the_owner(tmp_path: Path) -> None:
    for heading in (
        "# Dr. rer. nat. Rosa Delgado",
        "# Rosa Delgado, PhD",
        "# Prof. Dr. Rosa Delgado",
    ):
        page = f"{heading}\n\n## Education\n- Ph.D., supervised by Tomas Berg\n"
        r = extract_file(write(tmp_path, page, "cv.md")).records
        assert advisors(r) == {("Tomas Berg", "Rosa Delgado", "phd")}, heading


def test_authors_labelled_inside_the_title_line_and_escaped_quotes(tmp_path: Path) -> None:
    page = """# Ann Lee

## Selected Publications

- **Token Games in Small Models** — NeurIPS workshop 2025. *Authors*: A. Zur, **A. Lee**, et al.
- **Saliency Maps for Odd Predictions** — ICLR 2024. *Authors*: **A. Lee**, B. Roe.
- Lee, A., Roe, B. (2021). &quot;Planck Cold Clumps at High Latitude.&quot; <i>ApJ</i>, 920, 103.
"""
    r = extract_file(write(tmp_path, page)).records
    assert [n for n, _ in authors_of(r, "Token Games")] == ["A. Zur", "Ann Lee"]  # et al.
    assert authors_of(r, "Saliency Maps") == [("Ann Lee", 1), ("B. Roe", 2)]
    assert authors_of(r, "Planck Cold Clumps at High Latitude") == [("Ann Lee", 1), ("B. Roe", 2)]


def test_a_title_that_reads_like_names_yields_to_the_line_naming_the_owner(tmp_path: Path) -> None:
    # "Range Avoidance, Remote Point, and Hard Tables" parses as three names; only the
    # next line names the page's owner, so that line is the author list
    page = """# Ann Lee

## Publications

- Range Avoidance, Remote Point, and Hard Tables.
  [Conference Version] [Full Version]
  Rahul Ilango (MIT), Ann Lee, Ryan Williams (MIT). STOC 2023.
- Catalytic Space and Time.
  Ann Lee, Bo Chen. FOCS 2024.
"""
    r = extract_file(write(tmp_path, page)).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Catalytic Space and Time",
        "Range Avoidance, Remote Point, and Hard Tables",
    ]
    assert [n for n, _ in authors_of(r, "Range")] == ["Rahul Ilango", "Ann Lee", "Ryan Williams"]


def test_a_year_line_opening_an_entry_and_a_chinese_list_closed_by_deng(tmp_path: Path) -> None:
    page = """# 史佳睿

出版物
======
- **2026年**
  **机器学习在内陆水色遥感中的应用综述**
  史佳睿，李祖传，刘阁等
  *Journal of Hydrology*
- **2025年**
  **基于GOCI II的有害藻华实时监测**
  史佳睿，秦河
  *Environmental Research Letters*
"""
    r = extract_file(write(tmp_path, page)).records
    (first,) = [p for p in pubs(r).values() if p.title.startswith("机器学习")]
    assert first.year == 2026
    assert [n for n, _ in authors_of(r, "机器学习")] == ["史佳睿", "李祖传", "刘阁"]
    assert [n for n, _ in authors_of(r, "基于GOCI")] == ["史佳睿", "秦河"]


LATEX_ECON_CV_LAYOUT = r"""\documentclass{article}
\newcommand{\resumeSubItem}[2]{\item\textbf{#1}: #2}
\begin{document}
\begin{tabular}{l r}
  \textbf{{\LARGE Rosa Delgado}} & Email: rosa@example.org \\
\end{tabular}
\section{Publications}
\begin{itemize}
{rent}
{vouchers}
\end{itemize}
\end{document}
"""

LATEX_ECON_CV = LATEX_ECON_CV_LAYOUT.replace(
    "{rent}",
    r"\resumeSubItem{Rent Control and Household Mobility (joint with Tomas Berg and Ines Mora),"
    r" 2024}{Journal of Urban Economics, Vol. 140.}",
).replace(
    "{vouchers}",
    r"\resumeSubItem{Housing Vouchers and School Choice (joint with Ines Mora), 2022}"
    r"{Economic Inquiry, Vol. 60.}",
)


def test_a_name_set_large_names_the_owner_and_joint_with_lists_her_co_authors(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, LATEX_ECON_CV, "cv.tex")).records
    assert [n for n, _ in authors_of(r, "Rent Control")] == [
        "Rosa Delgado",
        "Tomas Berg",
        "Ines Mora",
    ]
    assert [n for n, _ in authors_of(r, "Housing Vouchers")] == ["Rosa Delgado", "Ines Mora"]
    assert sorted(p.title for p in pubs(r).values()) == [
        "Housing Vouchers and School Choice",
        "Rent Control and Household Mobility",
    ]
    assert sorted(v.name for v in r.of(Venue).values()) == [
        "Economic Inquiry",
        "Journal of Urban Economics",
    ]


def test_an_author_year_entry_whose_year_has_no_period_after_it(tmp_path: Path) -> None:
    page = """# Ann Lee

## Publications

- Elias-Warren, A., J.C. Bennett, ... **A. Lee**, ... H.Y. Chu. (2025) {title} (Submitted, *JID*)
""".format(title="**Metapneumovirus in a Community Setting, Seattle, WA, USA.**")
    r = extract_file(write(tmp_path, page)).records
    (pub,) = pubs(r).values()
    assert pub.title == "Metapneumovirus in a Community Setting, Seattle, WA, USA"
    assert pub.year == 2025
    assert [n for n, _ in authors_of(r, "Metapneumovirus")] == [
        "A. Elias-Warren",
        "J.C. Bennett",
        "Ann Lee",
        "H.Y. Chu",
    ]


def test_initials_after_a_whole_initials_first_name_start_the_next_name(tmp_path: Path) -> None:
    # "Porto, A." makes the list family-first there, but "H. Sebastiao, A. Hubbe" is
    # two initials-first names, not "Sebastiao, H. A."
    page = """# Arthur Porto

## Publications

`2022` __Porto, A.__, H. Sebastiao, A. Hubbe, J.M. Cheverud, and G. Marroig. The road less \
traveled: developmental innovation as a driver of morphological diversification. (draft)
"""
    r = extract_file(write(tmp_path, page)).records
    (pub,) = pubs(r).values()
    assert pub.title.startswith("The road less traveled")
    assert [n for n, _ in authors_of(r, "The road")] == [
        "Arthur Porto",
        "H. Sebastiao",
        "A. Hubbe",
        "J.M. Cheverud",
        "G. Marroig",
    ]


LATEX_SUBSECTIONS = r"""\documentclass{article}
\begin{document}
\section*{Rosa Delgado}
\section*{Publications and Abstracts}
\subsection*{Manuscripts in Preparation}
\begin{itemize}
  \item \textbf{Delgado, R.} \textit{Split Alignment beyond Case in Behbahani}.
    Manuscript in preparation.

    \item \textbf{Delgado, R.} \textit{The Syntax of Stem Alternation in Kurdish}.
    Manuscript in preparation.
\end{itemize}
\subsection*{Peer-reviewed Abstracts}
\begin{itemize}
    \item \textbf{Delgado, R.}, \& Berg, T. (2025). Introducing Behbahani Case.
    \textit{LSA Annual Meeting Program}.
\end{itemize}
\section*{Teaching}
\subsection*{Stony Brook University}
Syntax I, Teaching Assistant (2023)
\end{document}
"""


def test_a_latex_subsection_stays_inside_its_section_and_an_indented_item_is_no_sub_item(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, LATEX_SUBSECTIONS, "cv.tex")).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Introducing Behbahani Case",
        "Split Alignment beyond Case in Behbahani",
        "The Syntax of Stem Alternation in Kurdish",
    ]


SOLE_AUTHOR_CV = """# Rosa Delgado

## Papers

1. Diachromatic shifts in motivic homotopy theory. In preparation.
2. Periodic phenomena in stable homotopy theory. Submitted. Available at arXiv.
3. Toric double varieties, joint with Tomas Berg, Ines Mora, and Owen
   McGrath. Communications in Algebra 49 (2020), 3085-3104.

## Teaching

1. Calculus I, fall 2021. Taught twice.
"""


def test_a_list_naming_no_authors_holds_the_owners_papers_and_wrapped_co_authors_are_read(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, SOLE_AUTHOR_CV)).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Diachromatic shifts in motivic homotopy theory",
        "Periodic phenomena in stable homotopy theory",
        "Toric double varieties",
    ]
    assert [n for n, _ in authors_of(r, "Toric double")] == [
        "Rosa Delgado",
        "Tomas Berg",
        "Ines Mora",
        "Owen McGrath",
    ]
    assert [n for n, _ in authors_of(r, "Periodic phenomena")] == ["Rosa Delgado"]


SINGULAR_HEADING = """# Rosa Delgado

## Publications, Talks & Awards

### Selected Publication:

1. (2024) Delgado R., Berg T.: *Variational Inference with Censored Regressors*, July 2024, ICML.
2. (2021) Delgado R., Mora I.; *How to Reward Your Drug Agent*, December 2021, NeurIPS Workshop.

### Selected Invited Talks

- AI UK (2022)

## Preprints

Stochastic Gradient Descent for Deep Networks.\\\\
**Rosa Delgado**, Tomas Berg\\\\
[Paper](https://arxiv.org/abs/2404.06549),
[Code](https://github.com/rd/vsgd).

Posterior Collapse in Hierarchical Autoencoders.\\\\
**Rosa Delgado**, Ines Mora\\\\
[Paper](https://arxiv.org/abs/2302.09976).
"""


def test_a_singular_publication_heading_opens_a_list_and_a_paper_link_alone_is_no_heading(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, SINGULAR_HEADING)).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "How to Reward Your Drug Agent",
        "Posterior Collapse in Hierarchical Autoencoders",
        "Stochastic Gradient Descent for Deep Networks",
        "Variational Inference with Censored Regressors",
    ]


BRITISH_CV = """# Dr Rosa G. Delgado

Imperial College London

## Education

PhD, Geochemistry, 2018 – 2022
Imperial College London

## Publications

1. Zheng, D., Delgado, R. G., Valdes, P., and Mills, B. ‘Long-term stability of Earth’s
   temperature over the Phanerozoic Eon’ Under Review at Nature Geoscience
2. Delgado, R. G. & Dobson, B. ‘Infiltration drives a heavy-tailed distribution of spill
   durations’ Environmental Research Letters (2024)
"""


def test_a_title_in_single_quotes_is_read_and_an_institution_is_never_the_owner(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, BRITISH_CV)).records
    assert [n for n, _ in authors_of(r, "Long-term stability")] == [
        "D. Zheng",
        "Rosa G. Delgado",
        "P. Valdes",
        "B. Mills",
    ]
    assert [n for n, _ in authors_of(r, "Infiltration drives")] == ["Rosa G. Delgado", "B. Dobson"]


LATEX_RULED = r"""\documentclass{article}
\begin{document}
\section*{Publications}
{\color{gray!40}\noindent\rule{0.98\textwidth}{0.3pt}}

\textbf{EmbodMocap: In-the-Wild Human-Scene Reconstruction for Embodied Agents.}

\small\textbf{Rosa Delgado}, Liang Pan, Taku Komura. CVPR 2026.

{\color{gray!40}\noindent\rule{0.98\textwidth}{0.3pt}}

\textbf{Simulating Stylized Human Scene Interaction with Script Generation.}

\small Liang Pan, \textbf{Rosa Delgado}, Jingbo Wang. ICCV 2025.
\end{document}
"""


def test_a_rule_drawn_between_latex_entries_is_no_text(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, LATEX_RULED, "cv.tex")).records
    assert [n for n, _ in authors_of(r, "EmbodMocap")] == [
        "Rosa Delgado",
        "Liang Pan",
        "Taku Komura",
    ]
    assert [n for n, _ in authors_of(r, "Simulating Stylized")] == [
        "Liang Pan",
        "Rosa Delgado",
        "Jingbo Wang",
    ]


LATEX_FONT_SWITCHES = r"""\documentclass{article}
\begin{document}
\section*{Research Papers}
\begin{itemize}
  \item[Jan. 2024] Kornev M.I.\\ {\it Coset Groups and Their Dynamics}\\ Mathematical Notes,
    Volume 116 (2024), 66--76
  \item[Sep. 2023] Kornev M.I., {\bf Rosa Delgado}\\ {\it Homology Spheres of Small Genus}\\
    Transactions of the Moscow Mathematical Society, Volume 84 (2023)
\end{itemize}
\end{document}
"""


def test_a_font_switched_on_in_a_latex_group_sets_the_group_like_the_command_form(
    tmp_path: Path,
) -> None:
    # "{\it Title}" is "\textit{Title}": the italic title parts the authors from the venue
    r = extract_file(write(tmp_path, LATEX_FONT_SWITCHES, "cv.tex")).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "Coset Groups and Their Dynamics",
        "Homology Spheres of Small Genus",
    ]
    assert [n for n, _ in authors_of(r, "Homology Spheres")] == ["Kornev M.I", "Rosa Delgado"]


LATEX_CVENTRY = r"""\documentclass{awesome-cv}
\begin{document}
\cvsection{Publications}
\begin{cventries}
  \cventry
  {\textbf{Rosa Delgado}, Bo Liang, Jingyu Li}
  {RetroLiDAR: A Fiducial Marker System for Embodied Perception}
  {ACM SenSys}
  {2025}
  {
    \begin{cvitems}
      \item {A long-range fiducial marker system using LiDAR and liquid crystals.}
    \end{cvitems}
  }

  \cventry
  {Chenren Xu, \textbf{Rosa Delgado}, Lilei Feng}
  {RetroV2X: A New Paradigm with Visible Light Backscatter}
  {Fundamental Research}
  {2023}
  {
    \begin{cvitems}
      \item {A practical vehicle-to-everything communication system.}
    \end{cvitems}
  }
\end{cventries}
\end{document}
"""


def test_a_cv_entry_macro_with_the_authors_first_is_one_paper_and_its_items_describe_it(
    tmp_path: Path,
) -> None:
    r = extract_file(write(tmp_path, LATEX_CVENTRY, "cv.tex")).records
    assert sorted(p.title for p in pubs(r).values()) == [
        "RetroLiDAR: A Fiducial Marker System for Embodied Perception",
        "RetroV2X: A New Paradigm with Visible Light Backscatter",
    ]
    assert [n for n, _ in authors_of(r, "RetroV2X")] == ["Chenren Xu", "Rosa Delgado", "Lilei Feng"]
