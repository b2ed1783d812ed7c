"""The scholargraph profile format: facts, provenance lines, skipped entries, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from scholargraph.errors import InputError
from scholargraph.parse import extract_file
from scholargraph.pipeline import EXAMPLES, extract
from scholargraph.records import Advised, Authored, Mentored, Person, Publication

PROFILE = """\
person:
  name: Prof. Zhongfei (Mark) Zhang
  email: z@example.org
interests: [graph mining]
affiliations:
  - organization: Example University
    role: PhD student
    start: 2020-09
    advisors:
      - {name: 王老师, kind: phd}
    mentors:
      - {name: Ann Lee}
publications:
  - title: On Graphs
    authors: [Zhongfei Zhang, "Lee, Ann"]
    year: 2024
    venue: KDD
  - authors: [Nobody]
  - title: Bad Year
    year: soon
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_profile_owner_keeps_nickname_as_alias_and_loses_title(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, PROFILE))
    owner = ex.records.of(Person)["person:zhongfei-zhang"]
    assert owner.name == "Zhongfei Zhang"
    assert "Mark Zhang" in owner.aliases


def test_every_fact_cites_its_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, PROFILE)
    ex = extract_file(path)
    (pub,) = ex.records.nodes[Publication].values()
    assert pub.evidence == [f"{path.as_posix()}:14: - title: On Graphs"]
    (adv,) = ex.records.rels[Advised].values()
    assert adv.evidence[0].startswith(f"{path.as_posix()}:10: ")
    assert ex.records.of(Person)[adv.from_id].native_name == "王老师"
    (mentor,) = ex.records.of(Mentored).values()
    assert mentor.organization == "Example University"


def test_authors_keep_their_order_and_last_first_names_are_turned(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, PROFILE))
    order = sorted((a.position, a.from_id) for a in ex.records.of(Authored).values())
    assert order == [(1, "person:zhongfei-zhang"), (2, "person:ann-lee")]


def test_bad_entries_are_skipped_with_line_and_reason_and_the_rest_ingests(
    tmp_path: Path,
) -> None:
    ex = extract_file(write(tmp_path, PROFILE))
    assert [(s.line, s.reason.split(" ")[0]) for s in ex.skipped] == [
        (18, "publication"),
        (19, "publication"),
    ]
    assert len(ex.records.nodes[Publication]) == 1


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "person:\n  name: A\n  bad: [unclosed\n")
    with pytest.raises(InputError) as err:
        extract_file(path)
    assert err.value.path == path.as_posix() and err.value.line == 4


def test_unrecognised_file_is_reported_and_other_files_still_parse(tmp_path: Path) -> None:
    good = write(tmp_path, PROFILE)
    bad = write(tmp_path, "a,b\n1,2\n", "table.csv")
    result = extract([bad, good])
    assert [f.error is not None for f in result.files] == [True, False]
    assert "unrecognised input format" in result.errors[0].one_line()
    assert len(result.records.nodes[Publication]) == 1


def test_missing_file_stops_before_anything_is_parsed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        extract([write(tmp_path, PROFILE), tmp_path / "missing.yaml"])


def test_shipped_examples_parse_without_skips_or_dangling_edges() -> None:
    result = extract(sorted(EXAMPLES.glob("*.yaml")))
    assert result.errors == [] and result.skipped == []
    assert result.records.dangling() == []
    people = result.records.of(Person)
    assert people["person:hong-xu"].native_name == "徐宏"
    # an initials-only name is scoped to its document, so X. Wang is not merged blindly
    assert any(pid.startswith("person:x-wang@src:") for pid in people)
