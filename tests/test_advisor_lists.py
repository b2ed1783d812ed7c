"""Lists of the owner's students and lists of the owner's mentors, as CVs print them
(scholargraph.parse.advisors.read): supervision sections with sub-headings, items that
open with years or with the student's kind, co-supervisors on the line under an item,
sub-headings of people the owner did not advise, references whose relationship line
says mentor. Labelled lines in our own words, English and Chinese, negatives included."""

from __future__ import annotations

from scholargraph.parse.advisors import ADVISOR, COADVISOR, STUDENT, read, statements
from scholargraph.parse.latextext import latex_lines


def _found(lines: list[tuple[int, str]]) -> list[tuple[tuple[str, ...], str, str, str | None]]:
    return [(s.names, s.kind, s.owner, s.student) for s in read(lines)]


def test_a_supervision_section_read_through_its_sub_headings_as_a_pdf_prints_it() -> None:
    lines = [
        (1, "## Supervision"),
        (2, "### Postdoctoral researchers"),
        (3, "2015-2018 **Lena Koskinen**, *Department of Geosciences, Example University*."),
        (4, "### Doctoral students"),
        (5, "- 2021-present **Mia Hakala**, *Department of Geosciences, Example University*."),
        (6, "Co-supervised with Jon Powell and Pia Holm (GTK)"),
        (7, "### Supervisory committee"),
        (8, "- 2020-present **Ola Nurmi**, *Doctoral student, Example University*."),
        (9, "### Undergraduate interns"),
        (10, "2019 **Eva Brand**, *Example University*. 2006–2008 **Carl Speth**, *Tech U*."),
        (11, "## Teaching"),
        (12, "- Geodynamics (with Ilkka Kallio), 2019"),
    ]
    assert _found(lines) == [
        (("Lena Koskinen",), "postdoc", ADVISOR, None),
        (("Mia Hakala",), "phd", ADVISOR, None),
        (("Jon Powell", "Pia Holm"), "phd", COADVISOR, "Mia Hakala"),
        (("Eva Brand",), "undergrad", ADVISOR, None),
        (("Carl Speth",), "undergrad", ADVISOR, None),
    ]


def test_kind_sub_headings_under_student_supervision_and_a_name_with_its_chinese_form() -> None:
    lines = [
        (1, "## Student supervision"),
        (2, "**PhD theses (current)**"),
        (3, "- **Lia Schuster** (ACINN, co-supervised): Working on glacier mass balance"),
        (4, "**Visiting PhD students**"),
        (5, "- **Li Fei 李斐** (Plateau Institute, China, 2020-2021): working on ice volume"),
        (6, "**25 completed master and bachelor theses.** For a full list, visit my website."),
    ]
    assert _found(lines) == [
        (("Lia Schuster",), "phd", ADVISOR, None),
        (("Li Fei",), "phd", ADVISOR, None),
    ]


def test_items_that_open_with_the_students_kind_under_mentoring_experience() -> None:
    lines = [
        (1, "Mentoring experience"),
        (2, "Master — Juan Pérez Arias — Simulations of massive star collisions — 2023"),
        (3, "Bachelor — Alberto Casado — Mass transfer in binaries — 2024"),
    ]
    assert _found(lines) == [
        (("Juan Pérez Arias",), "mentor", ADVISOR, None),
        (("Alberto Casado",), "mentor", ADVISOR, None),
    ]


def test_a_chinese_students_heading_with_kind_labels() -> None:
    lines = [(1, "## 指导学生"), (2, "- 博士生：张明远（2021级）"), (3, "- 硕士生：王思雨")]
    assert _found(lines) == [
        (("张明远",), "phd", ADVISOR, None),
        (("王思雨",), "masters", ADVISOR, None),
    ]


def test_a_label_qualified_by_its_students_names_them() -> None:
    lines = [
        (1, "### Student Mentoring"),
        (2, "Graduate Rotation Students: Mina Oh, Chemical Biology Sep 2024 - Nov 2024"),
    ]
    assert _found(lines) == [(("Mina Oh",), "mentor", ADVISOR, None)]


def test_a_teaching_and_mentoring_section_of_courses_names_no_students() -> None:
    lines = [
        (1, "## Teaching and Mentoring"),
        (2, "- Introduction to Programming, Fall 2021"),
        (3, "- Directed Reading Mentor, Example University"),
    ]
    assert _found(lines) == []


def test_a_references_list_in_bold_pdf_lines_says_mentor_on_a_relationship_line() -> None:
    lines = [
        (1, "## REFERENCES"),
        (2, "- **Mara Behn**"),
        (3, "**Professor of Mathematics**"),
        (4, "**Relationship: Research mentor**"),
        (5, "- **Karl Orm**"),
        (6, "**Relationship: PhD advisor and research collaborator**"),
        (7, "- **Jo D. Quill jdq9x@uni.example.edu**"),
        (8, "**Relationship: Research mentor; Program supervisor at PCMI**"),
        (9, "- **Sam Reyes**"),
        (10, "**Relationship: Collaborator**"),
    ]
    assert [(s.names, s.kind, s.owner) for s in read(lines)] == [
        (("Mara Behn",), "mentor", STUDENT),
        (("Karl Orm",), "phd", STUDENT),
        (("Jo D. Quill",), "mentor", STUDENT),
    ]


def test_an_advisor_label_qualified_by_the_degrees_it_covers() -> None:
    found = statements("Supervisor for all degrees: Prof. Dr. Pedro da Silva Peixoto")
    assert [(s.names, s.owner) for s in found] == [(("Pedro da Silva Peixoto",), STUDENT)]
    assert statements("Thanks for all the support: the whole group") == []


def test_a_group_head_after_pi_with_a_degree_after_the_name() -> None:
    found = read([(1, "Postdoctoral Associate, Example Lab; PI: Huda Y. Zorn, M.D.")])
    assert [(s.names, s.kind) for s in found] == [(("Huda Y. Zorn",), "postdoc")]


def test_a_field_assistant_to_a_person_was_supervised_by_them() -> None:
    found = statements("2017 Field assistant to Paul Hoffer: Stratigraphy and mapping")
    assert [(s.names, s.owner) for s in found] == [(("Paul Hoffer",), STUDENT)]


def test_a_latex_cv_class_names_its_owner_and_parts_a_macros_arguments() -> None:
    tex = (
        "\\documentclass{yaac-another-awesome-cv}\n\\name{Erika}{Kolb}\n\\begin{document}\n"
        "\\supervisorsingleline{Master}{Juan Pérez Arias}{A Title}{2023}\n\\end{document}\n"
    )
    assert latex_lines(tex) == [
        (2, "# Erika Kolb"),
        (4, "Master — Juan Pérez Arias — A Title — 2023"),
    ]


def test_former_students_as_plain_lines_with_their_kind_and_years() -> None:
    lines = [
        (1, "FORMER STUDENTS"),
        (2, "Jane Dorsey (PhD, 2019–2023), now at Example University"),
        (3, "M.Sc.: Alan Brook, Bea Carter and Cy Dunn"),
        (4, "Thesis topics ranged over glacier dynamics and ice modelling in the Alps and beyond."),
        (5, "Kim Lund (PhD, 2020)"),
    ]
    assert _found(lines) == [
        (("Jane Dorsey",), "phd", ADVISOR, None),
        (("Alan Brook", "Bea Carter", "Cy Dunn"), "masters", ADVISOR, None),
    ]


def test_an_internship_host_and_a_manager_are_the_owners_mentors() -> None:
    found = read(
        [
            (1, "Research Intern, Example Labs (Host: Dr. Nora Patel), Summer 2023"),
            (2, "Software Engineering Intern. Manager: Owen Price"),
        ]
    )
    assert [(s.names, s.kind, s.owner) for s in found] == [
        (("Nora Patel",), "mentor", STUDENT),
        (("Owen Price",), "mentor", STUDENT),
    ]


def test_co_authors_in_a_publication_line_are_no_advisors() -> None:
    line = (
        "- A. Lee, **B. Owner**, C. Diaz. Mentoring graphs. In *NeurIPS*, 2021. (student co-author)"
    )
    assert read([(1, "## Publications"), (2, line)]) == []


def test_a_bulleted_kind_line_then_a_labelled_line_of_students_as_a_pdf_prints_it() -> None:
    lines = [
        (1, "### Mentoring"),
        (2, "- 2021 **PhD student (1 total)**"),
        (3, "*Students*: Nia Neal."),
        (4, "2009-2017 **Undergraduate students (2 total)**"),
        (5, "*Students*: Ana Silva, Jo Marcelli."),
    ]
    assert _found(lines) == [
        (("Nia Neal",), "phd", ADVISOR, None),
        (("Ana Silva", "Jo Marcelli"), "undergrad", ADVISOR, None),
    ]


def test_an_appointments_principal_investigator_is_read_as_written() -> None:
    lines = [
        (1, "- **University of Basel** & Basel, CH"),
        (2, "*Postdoc in International Economics* & *11.23 -- Current*"),
        (3, "*Principal Investigator: Andrea Moll.*"),
    ]
    assert [(s.names, s.kind, s.owner) for s in read(lines)] == [
        (("Andrea Moll",), "supervisor", STUDENT)
    ]
    assert read([(1, "Principal Investigator: Graph Learning at Scale")]) == []
