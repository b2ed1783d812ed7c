"""al-folio cv.yml and JSON Resume: owner, positions, supervisors, template leftovers,
comments in JSON, and errors with their line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared
from test_text_ingest import advisors, affiliations, people, pubs, topics, write

from scholargraph.errors import InputError
from scholargraph.parse import extract_file

ALFOLIO = """\
- title: General Information
  type: map
  contents:
    - name: Full Name
      value: Lena Ortiz 欧丽娜
    - name: Email
      value: lena@example.org

- title: Education
  type: time_table
  contents:
    - title: Doctor of Philosophy
      institution: Harbor University
      year: Sep. 2019 - Jun. 2024
      description:
        - "Major: Computer Engineering"
        - "Supervisor: Prof. Omar Diaz"

- title: Experience
  type: time_table
  contents:
    - title: Lecturer of Alchemy
      institution: Old College
      year: 1700 - 1710
      description:
        - Description 1.
        - Description 2.
    - title: Visiting Alchemist
      institution: Other College
      year: 1711
      description:
        - Description 1.

- title: Academic Interests
  type: nested_list
  contents:
    - title: Stream processing
      items: [a, b]
    - title: Topic 2.
      items: [c]
"""


def test_alfolio_owner_degree_supervisor_and_interests(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, ALFOLIO, "cv.yml")).records
    owner = people(r)["person:lena-ortiz"]
    assert (owner.native_name, owner.email) == ("欧丽娜", "lena@example.org")
    assert advisors(r) == {("Omar Diaz", "Lena Ortiz", "phd")}
    assert affiliations(r) == [
        ("Harbor University", "student", "Doctor of Philosophy", "2019-09", "2024-06")
    ]
    assert topics(r) == {"Stream processing"}


def test_alfolio_theme_sample_sections_are_skipped_with_a_warning(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, ALFOLIO, "cv.yml"))
    assert [s.line for s in ex.skipped] == [22, 28]
    assert any("sample content" in w.reason for w in ex.warnings)


JSONC = """\
{
  // a comment before the basics
  "basics": {
    "name": "Rui Tanaka",
    "email": "rui@example.org", /* inline */
    "url": "https://rui.example.org",
  },
  "education": [
    {"institution": "Lakeside University, School of CS", "studyType": "PhD",
     "area": "Databases", "startDate": "2018-09-01", "endDate": "2023-06-30"},
  ],
  "work": [
    {"name": "Delta Labs", "position": "Researcher", "startDate": "2023-07", "endDate": "Now"}
  ],
  "publications": [
    {"name": "Index Tuning // Without Comments", "publisher": "SIGMOD", "releaseDate": "2022-06-01"}
  ],
  "interests": [{"name": "query processing"}]
}
"""


def test_json_resume_with_comments_and_trailing_commas(tmp_path: Path) -> None:
    r = extract_file(write(tmp_path, JSONC, "resume.json")).records
    owner = people(r)["person:rui-tanaka"]
    assert owner.homepage == "https://rui.example.org"
    assert affiliations(r) == [
        ("Delta Labs", "Researcher", None, "2023-07", None),
        ("Lakeside University", "student", "PhD", "2018-09", "2023-06"),
    ]
    (pub,) = pubs(r).values()
    assert (pub.title, pub.year) == ("Index Tuning // Without Comments", 2022)
    assert pub.evidence == [
        f"{tmp_path.as_posix()}/resume.json:16: " + JSONC.splitlines()[15].strip()
    ]
    assert topics(r) == {"query processing"}


def test_invalid_json_resume_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        extract_file(write(tmp_path, '{"basics": {"name": "A B"},\n  "work": [}\n', "r.json"))
    assert err.value.line == 2 and "r.json:2" in err.value.one_line()


def test_real_json_resume_fixture_in_place() -> None:
    path = shared("fixtures/cv/zh_qijianpeng/resume.jsonresume.jsonc")
    r = extract_file(path).records
    assert people(r)["person:齐建鹏"].email == "qijianpeng@qust.edu.cn"
    assert ("中国海洋大学", "博士后", None, "2023-07", "2026-01") in affiliations(r)
