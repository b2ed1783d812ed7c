"""The advisor grammar (scholargraph.parse.advisors): labelled sentences in our own
words for each pattern family, English and Chinese, negatives included; then two
small pages read end to end through ``extract``."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from scholargraph.parse.advisors import (
    ADVISOR,
    COADVISOR,
    STUDENT,
    flatten,
    phrases,
    read,
    statements,
)
from scholargraph.pipeline import extract
from scholargraph.records import Advised, Mentored, Person

# (sentence, context, [(names, kind, owner)])
CASES: list[tuple[str, str | None, list[tuple[tuple[str, ...], str, str]]]] = [
    # passive "by"
    (
        "I am a PhD student advised by Prof. Ann Lee and Prof. Bo Wu",
        None,
        [(("Ann Lee", "Bo Wu"), "phd", STUDENT)],
    ),
    (
        "I am fortunate to be advised by Prof. Ann Lee and Prof. Bo Wu (great advisors!).",
        "PhD student",
        [(("Ann Lee", "Bo Wu"), "phd", STUDENT)],
    ),
    ("I am co-advised by Dr. Rosa Diaz.", "Ph.D. candidate", [(("Rosa Diaz",), "phd", STUDENT)]),
    (
        "He received an M.S. degree from Eastvale, supervised by Prof. Lu Tan.",
        None,
        [(("Lu Tan",), "masters", STUDENT)],
    ),
    (
        "I received my B.E. (2016) and Ph.D. (2023) from Westvale University, advised by "
        "Prof. Kai Sun (孙凯).",
        None,
        [(("Kai Sun",), "phd", STUDENT)],
    ),
    (
        "Hi! I'm a PhD student @ Northfield University, advised by prof. Ana Ruiz & Li Wei.",
        None,
        [(("Ana Ruiz", "Li Wei"), "phd", STUDENT)],
    ),
    (
        "During my internship at Acme Labs I was mentored by Dr. Ivy Hu.",
        None,
        [(("Ivy Hu",), "intern", STUDENT)],
    ),
    (
        "Research intern at Acme, supervised by Tom Reed and Joan Park.",
        None,
        [(("Tom Reed", "Joan Park"), "intern", STUDENT)],
    ),
    (
        "I was a visiting scholar at Lakeview University in 2022, advised by Assoc. Prof. Bo Liu.",
        None,
        [(("Bo Liu",), "mentor", STUDENT)],
    ),
    (
        "Jointly supervised by prof. Cora Ng and dr. Eli Moss at the Genetics Unit, and "
        "prof. Luis de Vega at the Physics group.",
        "PhD",
        [(("Cora Ng", "Eli Moss", "Luis de Vega"), "phd", STUDENT)],
    ),
    (
        "- Supervised **Prof. Yan Li**, and **Prof. Mark Zhu**",
        "masters",
        [(("Yan Li", "Mark Zhu"), "masters", STUDENT)],
    ),
    # "under the supervision / guidance of"
    (
        "I did my PhD under the supervision of Ada Moreau and Ben Okafor.",
        None,
        [(("Ada Moreau", "Ben Okafor"), "phd", STUDENT)],
    ),
    (
        "I now continue my study under the guidance of Prof. Mei Dai.",
        None,
        [(("Mei Dai",), "supervisor", STUDENT)],
    ),
    (
        "Bachelor's thesis under supervision of prof. Greta Stone: chaos in worms.",
        None,
        [(("Greta Stone",), "undergrad", STUDENT)],
    ),
    (
        "Under the mentorship of Dr. Omar Haddad, I built a compiler.",
        None,
        [(("Omar Haddad",), "mentor", STUDENT)],
    ),
    # "under Dr. X's lab", "working with"
    ("I am a PhD student under Dr. Nia Cole's lab.", None, [(("Nia Cole",), "phd", STUDENT)]),
    (
        "I am a Ph.D. student at Westvale University working with Dr. Ina Berg (Berg Lab) and "
        "Dr. Ali Khan.",
        None,
        [(("Ina Berg", "Ali Khan"), "phd", STUDENT)],
    ),
    (
        "Before that, I spent a year working at Acme's AI Laboratory with Yoon Park (Acme AI) "
        "and Jie Chen.",
        "PhD student",
        [(("Yoon Park", "Jie Chen"), "mentor", STUDENT)],
    ),
    (
        "I am working as a research assistant for Dr. Fu Lin on point clouds.",
        None,
        [(("Fu Lin",), "supervisor", STUDENT)],
    ),
    (  # a plural title before a list, and the years a CV line ends with
        "Research Assistant for Profs. Mei Jia Barr, Lu Hanh, and Dai Zhou 2023-Present",
        None,
        [(("Mei Jia Barr", "Lu Hanh", "Dai Zhou"), "supervisor", STUDENT)],
    ),
    # labels
    ("Advisor: Prof. Yu Jeon", "M.S. in Computer Science", [(("Yu Jeon",), "masters", STUDENT)]),
    ("Supervisor: Toru Naka", None, [(("Toru Naka",), "supervisor", STUDENT)]),
    ("Thesis advisor: Dr. Hana Ito", "PhD", [(("Hana Ito",), "phd", STUDENT)]),
    (
        "Advisors: Helen Cho, Marco Silva",
        None,
        [(("Helen Cho", "Marco Silva"), "supervisor", STUDENT)],
    ),
    (
        "**Supervisors:** Chris Pont & Ava Kham (Institute of Genetics and Cancer), Lu Del Deb",
        "PhD",
        [(("Chris Pont", "Ava Kham", "Lu Del Deb"), "phd", STUDENT)],
    ),
    ("Mentor: [Dr. Ken Ito](https://ken.example)", None, [(("Ken Ito",), "mentor", STUDENT)]),
    ("Postdoc advisor: Prof. Eva Stone", None, [(("Eva Stone",), "postdoc", STUDENT)]),
    ("My advisor is Prof. Sam Hill.", "PhD", [(("Sam Hill",), "phd", STUDENT)]),
    # Chinese
    ("我是某大学硕士研究生，导师是王明研究员。", None, [(("王明",), "masters", STUDENT)]),
    ("博士研究生，导师为李华副教授。", None, [(("李华",), "phd", STUDENT)]),
    ("导师：张伟 教授", "博士", [(("张伟",), "phd", STUDENT)]),
    (
        "导师为 [梁平](https://x.example) 教授；同时在某公司实习。",
        "博士研究生",
        [(("梁平",), "phd", STUDENT)],
    ),
    (
        "我于某大学获得工学博士学位，师从周明教授和鲁文教授。",
        None,
        [(("周明", "鲁文"), "phd", STUDENT)],
    ),
    ("本科期间在陈刚教授指导下完成毕业设计。", None, [(("陈刚",), "undergrad", STUDENT)]),
    (
        "我由某大学电子系的[李勇教授](https://a)、某学院的宫顺教授与尹龙教授共同指导。",
        "博士",
        [(("李勇", "宫顺", "尹龙"), "phd", STUDENT)],
    ),
    ("博士后研究员，合作导师为刘远教授。", None, [(("刘远",), "postdoc", STUDENT)]),
    (
        "比赛战队（指导教师：秦勇教授，队长：齐杰）获得冠军。",
        None,
        [(("秦勇",), "mentor", STUDENT)],
    ),
    (
        "于2023年在某大学[吴青教授](https://b)课题组做博士后研究。",
        None,
        [(("吴青",), "postdoc", STUDENT)],
    ),
    (
        "导师：<a href='https://x.example'>冯朝</a>、<a href='https://y.example'>常远</a>",
        "实习",
        [(("冯朝", "常远"), "intern", STUDENT)],
    ),
    # the owner is the advisor
    (
        "I supervise the following students: Kim Park, Lee Chan and Ray Moss.",
        None,
        [(("Kim Park", "Lee Chan", "Ray Moss"), "supervisor", ADVISOR)],
    ),
    (
        "I have advised PhD students Ana Lima and Bo Tran.",
        None,
        [(("Ana Lima", "Bo Tran"), "phd", ADVISOR)],
    ),
    (
        "Student Mentoring: Yeon Choi, Undergraduate Student, 2026",
        None,
        [(("Yeon Choi",), "mentor", ADVISOR)],
    ),
    ("指导学生：王小明、李小红", "硕士", [(("王小明", "李小红"), "masters", ADVISOR)]),
    # negatives
    ("I enjoy collaborating with Prof. Ann Lee on graphs.", None, []),
    ("I am an advisor at a startup.", None, []),
    ("See Prof. Ann Lee's lab website for details.", None, []),
    ("He advised the government on AI policy.", None, []),
    ("I supervised the data pipeline.", None, []),
    ("I am working with Prof. Ann Lee on a new project.", None, []),
    ("Mentored undergraduate students on their theses.", None, []),
    ("Our paper on semi-supervised learning was accepted.", None, []),
    ("Invited talk at NVIDIA (host: Boris Gin).", None, []),
    ("感谢所有合作者和导师的支持与指导！", None, []),
    ("张三，教授，博士生导师。", None, []),
    ("Teaching assistant for Prof. Ann Lee, CS101.", None, []),
    (
        "Students advised: Lina Kim, Data Science Oct 2024 - Present",
        None,
        [(("Lina Kim",), "supervisor", "advisor")],
    ),
]


@pytest.mark.parametrize(("sentence", "context", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentences(
    sentence: str, context: str | None, expected: list[tuple[tuple[str, ...], str, str]]
) -> None:
    found = [(s.names, s.kind, s.owner) for s in statements(sentence, context=context)]
    assert found == expected


def test_at_least_forty_labelled_sentences_in_both_languages() -> None:
    assert len(CASES) >= 40
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", c[0])) for c in CASES) >= 10


def test_organisation_is_kept_when_the_sentence_names_one() -> None:
    (st,) = statements("Ph.D. in Physics at the University of Westvale, advised by Prof. Q. Park.")
    assert (st.names, st.organization) == (("Q. Park",), "University of Westvale")
    (zh,) = statements("博士毕业于北京某某大学计算机学院，导师为[周文教授](https://a)。")
    assert (zh.names, zh.organization, zh.kind) == (("周文",), "北京某某大学", "phd")


def test_a_sentence_across_lines_and_the_kind_from_the_paragraph() -> None:
    lines = [
        (3, "I am a 5th year PhD Candidate at Boulder University advised by"),
        (4, "[James H. Martin](https://x.example)."),
        (5, "I also work on parsing. My mentor: Dr. Ruth Lake"),
    ]
    found = [(s.names, s.kind, s.line) for s in read(lines)]
    assert found == [(("James H. Martin",), "phd", 3), (("Ruth Lake",), "mentor", 5)]


def test_a_heading_then_a_list_of_the_owners_students() -> None:
    lines = [
        (1, "**Students Supervised**"),
        (2, "- Ada Park, M.S. student, 2024"),
        (3, "- Bo Li, 2023"),
    ]
    found = [(s.names, s.kind, s.owner) for s in read(lines)]
    assert found == [(("Ada Park",), "masters", ADVISOR), (("Bo Li",), "supervisor", ADVISOR)]


def test_a_students_list_with_kind_lines_and_labelled_names() -> None:
    lines = [
        (1, "### Mentoring"),
        (2, ""),
        (3, "`2021` __PhD student (1 total)__<br/>"),
        (4, "_Students:_ Nia Neal.<br/>"),
        (5, "`2021` __NSF-REU (1 total)__<br/>"),
        (6, "_Students:_ Alt Koca.<br/>"),
        (7, "`2009-2017` __Undergraduate students (2 total)__<br/>"),
        (8, "_Students:_ Ana Silva, Jo Marcelli."),
    ]
    found = [(s.names, s.kind, s.owner) for s in read(lines)]
    assert found == [
        (("Nia Neal",), "phd", ADVISOR),
        (("Alt Koca",), "mentor", ADVISOR),
        (("Ana Silva", "Jo Marcelli"), "undergrad", ADVISOR),
    ]


def test_a_group_head_after_pi_is_read_linked_or_ending_the_line() -> None:
    for line in (
        "Department of Chemical Engineering, University of Washington, PI: Eliza Nance",
        "Department of Chemical Engineering, PI: [Eliza Nance](https://x.org)",
    ):
        assert [(s.names, s.owner) for s in read([(1, line)])] == [(("Eliza Nance",), STUDENT)]
    # a grant's title after "PI:" is no person
    assert read([(1, "PI: Graph Learning at Scale, NSF, 2021-2024")]) == []


def test_phrases_live_in_the_data_file() -> None:
    p = phrases()
    assert (
        "advised" in p["student"]["by"]["supervisor"]
        and "导师" in p["student"]["zh_label"]["supervisor"]
    )
    assert "、" in p["joiners"]["zh"] and "教授" in p["titles"]["after"]


def test_patterns_are_linear_on_long_adversarial_text() -> None:
    nasty = "advised by " + "Prof. A " * 4000 + "在" * 4000 + "导师：" + "、" * 4000
    start = time.perf_counter()
    statements(nasty)
    statements("under the supervision of " + "and " * 5000)
    assert time.perf_counter() - start < 2.0


# --- end to end ----------------------------------------------------------------------

STUDENT_PAGE = """\
# Nora Quist

I am a third-year PhD student at Westvale University, advised by
[Prof. Ada Moreau](https://ada.example) and Dr. Ben Okafor (great advisors!).
Before that I spent a summer working at Acme Robotics with Dr. Ivy Hu.

## Experience

**Research Intern**, Beta Labs — Summer 2023
- Mentored by Dr. Ken Ito on query planning.

I enjoy collaborating with Prof. Omar Haddad.
"""

CHINESE_PAGE = """\
# Lan Ma

我是某某大学计算机学院的硕士研究生，导师为[李明](https://li.example)副教授。
本科期间在王刚教授指导下完成毕业设计。

## 指导学生

- 赵一, 本科生, 2024
"""


def _edges(
    tmp_path: Path, name: str, text: str
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = extract([path]).records
    people = r.of(Person)
    advised = {
        (people[a.from_id].name, people[a.to_id].name, a.kind) for a in r.of(Advised).values()
    }
    mentored = {(people[m.from_id].name, people[m.to_id].name) for m in r.rels[Mentored].values()}
    return advised, mentored


def test_end_to_end_student_page(tmp_path: Path) -> None:
    advised, mentored = _edges(tmp_path, "about.md", STUDENT_PAGE)
    assert advised == {("Ada Moreau", "Nora Quist", "phd"), ("Ben Okafor", "Nora Quist", "phd")}
    assert mentored == {("Ivy Hu", "Nora Quist"), ("Ken Ito", "Nora Quist")}


def test_end_to_end_chinese_page(tmp_path: Path) -> None:
    advised, _ = _edges(tmp_path, "about_zh.md", CHINESE_PAGE)
    assert ("Ming Li", "Lan Ma", "masters") in advised or ("李明", "Lan Ma", "masters") in advised
    assert ("王刚", "Lan Ma", "undergrad") in advised


def test_headings_over_lists_of_students_give_the_kind_and_the_co_supervisors() -> None:
    lines = [
        (1, "## Current Students"),
        (2, "### PhD"),
        (3, " * [Ada Park](https://x.org/ada), Some University, 2023-"),
        (4, " * Bo Li, Some University, 2019- (with Dr. Cara Diaz)"),
        (5, "(Dan Moe starts next year)"),
        (6, "### Master's (Thesis-only)"),
        (7, " * Eli Fox, 2021-2023, co-supervised with Prof. Gil Roy and Dr. Hal Kim"),
        (8, "## Alumni"),
        (9, "### Undergraduate Scholars (Honours Only)"),
        (10, " * Ivy Ng, Honour's Thesis, Fall 2020 (as postdoc with Dr. Jo Lam)"),
        (11, "## Teaching"),
        (12, " * Kai Orr, teaching assistant"),
    ]
    found = [(s.names, s.kind, s.owner, s.student, s.line) for s in read(lines)]
    assert found == [
        (("Ada Park",), "phd", ADVISOR, None, 3),
        (("Bo Li",), "phd", ADVISOR, None, 4),
        (("Cara Diaz",), "phd", COADVISOR, "Bo Li", 4),
        (("Eli Fox",), "masters", ADVISOR, None, 7),
        (("Gil Roy", "Hal Kim"), "masters", COADVISOR, "Eli Fox", 7),
        (("Ivy Ng",), "undergrad", ADVISOR, None, 10),  # the heading's kind, not "postdoc"
        (("Jo Lam",), "undergrad", COADVISOR, "Ivy Ng", 10),
    ]


def test_a_kind_heading_outside_a_list_of_students_is_no_list() -> None:
    lines = [(1, "## Education"), (2, "### PhD"), (3, " * Some University, 2015-2019")]
    assert read(lines) == []


STUDENTS_PAGE = """\
# Rosa Vidal

## Research Students

### PhD

* Tom Beck, 2020- (with Dr. Una Ward)

### Masters

* Lea Park, 2019-2021
"""


def test_end_to_end_students_page_gives_owner_and_co_supervisor_edges(tmp_path: Path) -> None:
    advised, _ = _edges(tmp_path, "students.md", STUDENTS_PAGE)
    assert advised == {
        ("Rosa Vidal", "Tom Beck", "phd"),
        ("Una Ward", "Tom Beck", "phd"),
        ("Rosa Vidal", "Lea Park", "masters"),
    }


def test_supervised_by_with_a_colon_in_a_cv_entry() -> None:
    lines = [(1, "BSc, **Applied Mathematics**"), (2, "Supervised by: Dana Whitfield (ULB)")]
    found = [(s.names, s.kind) for s in read(lines, default_kind="undergrad")]
    assert found == [(("Dana Whitfield",), "undergrad")]


def test_a_reference_list_says_who_advised_the_owner_after_their_name() -> None:
    lines = [
        (1, "- **Prof. Dr. Mira Osei**, Email: [m@uni.example](mailto:m@uni.example)"),
        (2, "Ph.D. advisor, Department of Physics, Example University"),
        (3, "- **Prof. Tao Lin**, Undergraduate Advisor, Example College"),
        (4, "- **Dr. Sam Reyes**, Collaborator, Example Lab"),
        (5, "- Served as advisor to the robotics club"),
    ]
    found = [(s.names, s.kind, s.owner) for s in read(lines)]
    assert found == [(("Mira Osei",), "phd", "student"), (("Tao Lin",), "undergrad", "student")]


def test_an_advisor_named_in_parentheses_after_a_role_is_read() -> None:
    found = statements(
        flatten("Research Intern (advisor: Prof. Noor Aziz), Jun 2025 -- Nov 2025"), flat=True
    )
    assert [(s.names, s.kind) for s in found] == [(("Noor Aziz",), "intern")]


def test_a_bold_label_within_a_line_ends_the_list_before_it() -> None:
    # a PDF CV's education entry run together: the examiners are no supervisors, and
    # the last supervisor before them is still one
    line = (
        "**Thesis**: *‘Models of sediment geochemistry’* **Supervisors**: Dr Gareth Roberts, "
        "Dr Oliver Shorttle (University of Cambridge) **Examiners**: Pieter Vermeesch (external)"
    )
    found = statements(flatten(line), flat=True)
    assert [s.names for s in found] == [("Gareth Roberts", "Oliver Shorttle")]


def test_a_title_after_a_chinese_colon_does_not_end_the_sentence() -> None:
    line = "联合培养博士生。导师：<a href='https://x.example'>Prof. Mei Ling Tan</a>。"
    found = read([(1, line)])
    assert [(s.names, s.kind) for s in found] == [(("Mei Ling Tan",), "phd")]
