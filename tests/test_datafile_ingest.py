"""Publications and people in data files and front matter: Jekyll _data YAML, JSON,
TOML front matter, Hugo author pages, JavaScript data, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_text_ingest import advisors, people, pubs

from scholargraph.errors import InputError
from scholargraph.parse import detect_kind, extract_file
from scholargraph.parse.datafile import FORMAT, parse_js, vocabulary
from scholargraph.records import Advised, Authored, Person, Publication, RecordSet


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def authors(r: RecordSet, title_start: str) -> list[str]:
    pub = next(p for p in pubs(r).values() if p.title.startswith(title_start))
    ps = people(r)
    rows = sorted(
        (a.position or 0, ps[a.from_id].name)
        for a in r.rels[Authored].values()
        if a.to_id == pub.id
    )
    return [name for _, name in rows]


def pub(r: RecordSet, title_start: str) -> Publication:
    return next(p for p in pubs(r).values() if p.title.startswith(title_start))


JEKYLL_DATA = """\
# Publications, newest first
- title: "Fast Things: A Study"
  authors: "Ann Lee<sup>*</sup>, <b>Bo Chen</b><sup>*</sup> and Cy Wu"
  venue: "NeurIPS 2024 (Spotlight); see <a href='https://x.org'>the talk</a>"
  year: 2024
  url: "https://arxiv.org/abs/2401.01234"
- title: "<i>Slow</i> Things"
  authors: "<strong>Bo Chen</strong>, Dee Ng et al."
  venue: "arXiv preprint, 2023"
- title: "Talk at the Lab"
  authors: "Bo Chen"
  type: talk
"""


def test_jekyll_data_with_html_in_values_gives_ordered_authors_and_the_bold_owner(
    tmp_path: Path,
) -> None:
    ex = extract_file(write(tmp_path, "_data/publications.yml", JEKYLL_DATA))
    r = ex.records
    assert ex.kind == FORMAT
    assert authors(r, "Fast Things") == ["Ann Lee", "Bo Chen", "Cy Wu"]
    fast = pub(r, "Fast Things")
    assert (fast.year, fast.arxiv) == (2024, "2401.01234")
    slow = pub(r, "Slow Things")
    assert slow.status == "preprint" and slow.year == 2023
    positions = [a.position for a in r.rels[Authored].values() if a.to_id == slow.id]
    assert positions == [None, None]  # "et al.": positions unknown
    assert not any(p.title.startswith("Talk") for p in pubs(r).values())
    assert any("type 'talk'" in s.reason for s in ex.skipped)
    assert any("'Bo Chen'" in w.reason and "set apart" in w.reason for w in ex.warnings)
    evidence = fast.evidence[0]
    assert evidence.endswith(':2: - title: "Fast Things: A Study"')


def test_json_list_with_author_as_one_string(tmp_path: Path) -> None:
    data = """[
      {"title": "Graphs at Scale", "author": "Mia Park, Leo Kim and Zoe Ray",
       "journal": "Proceedings of the VLDB Endowment", "date": "2022-05-01",
       "doi": "https://doi.org/10.1234/ABC.5"},
    ]"""
    r = extract_file(write(tmp_path, "papers.json", data)).records
    assert authors(r, "Graphs at Scale") == ["Mia Park", "Leo Kim", "Zoe Ray"]
    p = pub(r, "Graphs at Scale")
    assert (p.year, p.doi) == (2022, "10.1234/abc.5")


HUGO_PUBLICATION = """\
+++
title = "Robust Widgets"
date = 2021-06-01
authors = ["admin", "Robert Ford"]
publication = "*Journal of Widgets*, 3(1)"
doi = "10.5555/widgets.1"
+++

We study widgets that do not break.
"""


def test_toml_front_matter_hugo_publication_maps_the_user_name_to_the_owner(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "content/publication/widgets/index.md", HUGO_PUBLICATION)
    r = extract_file(path, owner="Jane Roe").records
    assert authors(r, "Robust Widgets") == ["Jane Roe", "Robert Ford"]
    p = pub(r, "Robust Widgets")
    assert (p.year, p.doi) == (2021, "10.5555/widgets.1")
    assert p.evidence[0].endswith(':2: title = "Robust Widgets"')
    # without an owner the user name is left out, not made a person
    r = extract_file(path).records
    assert "admin" not in {p.name for p in people(r).values()}


HUGO_AUTHOR = """\
---
# Display name
title: Carla Mendes
superuser: true
role: Professor of Computing
interests:
- Storage systems
currentphds:
- "[Ana Silva](https://example.org/ana)"
# - "[Not Counted](https://example.org)"
graduatedmss:
  courses:
  - course: "[Rui Costa](https://example.org/rui)"
    year: "2019 ([thesis](https://example.org/t))"
advisors:
- name: Paulo Reis
  degree: PhD
researchers:
- "[Staff Member](https://example.org)"
---

Carla Mendes leads the storage lab.
"""


def test_hugo_author_page_student_lists_give_advised_edges_from_the_owner(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "content/authors/carla/_index.md", HUGO_AUTHOR)
    assert detect_kind(path.as_posix(), HUGO_AUTHOR) == FORMAT
    ex = extract_file(path)
    assert advisors(ex.records) == {
        ("Carla Mendes", "Ana Silva", "phd"),
        ("Carla Mendes", "Rui Costa", "masters"),
        ("Paulo Reis", "Carla Mendes", "phd"),
    }
    names = {p.name for p in people(ex.records).values()}
    assert "Not Counted" not in names and "Staff Member" not in names
    ana = next(p for p in people(ex.records).values() if p.name == "Ana Silva")
    assert ana.evidence[0].endswith(':9: - "[Ana Silva](https://example.org/ana)"')


def test_a_short_summary_that_names_a_supervisor_is_read(tmp_path: Path) -> None:
    short = "- area: MS Physics\n  summary: Supervised by Prof. Omar Haddad.\n"
    page = HUGO_AUTHOR.replace("researchers:", f"education:\n{short}researchers:")
    ex = extract_file(write(tmp_path, "content/authors/carla/_index.md", page))
    assert ("Omar Haddad", "Carla Mendes") in {(a, s) for a, s, _ in advisors(ex.records)}


DATA_JS = """\
function pub(paper) { let s = ""; return `<b>${paper.name}</b>`; }
// people
let me = {"name": "An Li", "name_zh": "李安", "is_me": "Yes"};
let person = {
  bo: {name: 'Bo Wu', link: "https://bo.example.org"},
};
const journal = {tip: {name: "IEEE Transactions on Image Processing", short_name: "TIP"}};
let paper = {
  seg: {
    name: "Segments All the Way Down",
    author: [me, person.bo],
    pub: journal.tip,
    year: 2022,
    link: "https://arxiv.org/abs/2012.10217v2",
  },
  tool: {name: "A Thesis Template", author: [me], type: "code", year: 2025},
};
let selected = [paper.seg];
var html = pub(paper.seg) + "<br>";
"""


def test_js_data_resolves_references_and_never_runs_code(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, "data.js", DATA_JS))
    r = ex.records
    assert [p.title for p in pubs(r).values()] == ["Segments All the Way Down"]
    assert authors(r, "Segments") == ["An Li", "Bo Wu"]
    seg = pub(r, "Segments")
    assert (seg.year, seg.arxiv) == (2022, "2012.10217")
    owner = next(p for p in people(r).values() if p.name == "An Li")
    assert owner.native_name == "李安"
    assert not ex.warnings  # the owner is stated (is_me), not guessed
    scope = parse_js(DATA_JS)
    assert scope["selected"][0] is scope["paper"]["seg"]
    assert "html" not in scope  # an expression, not a literal: skipped


def test_unrecognised_yaml_is_one_clear_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "_data/navigation.yml", "main:\n  - title: Home\n    url: /\n")
    with pytest.raises(InputError) as err:
        extract_file(path)
    assert (
        err.value.one_line()
        == f"{path.as_posix()}: no publications or people found in navigation.yml"
    )


def test_blog_post_front_matter_stays_prose(tmp_path: Path) -> None:
    text = "---\ntitle: My Summer\ndate: 2020-07-01\nauthor: Jo Doe\n---\n\nI went hiking.\n"
    path = write(tmp_path, "_posts/2020-07-01-summer.md", text)
    assert detect_kind(path.as_posix(), text) == "text"


def test_academicpages_front_matter_with_underlined_owner_and_venue_list(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Music and Images"\ncollection: publications\n'
        'authors: "Kim Avra, <u>Sam Stone</u>, Shri Nara"\n'
        "date: 2023-06-04\n"
        'venue: ["To appear at: International Conference on Acoustics, Speech, and Signal'
        ' Processing (ICASSP), 2024"]\n---\n'
    )
    ex = extract_file(write(tmp_path, "_publications/music.md", text))
    r = ex.records
    assert authors(r, "Music and Images") == ["Kim Avra", "Sam Stone", "Shri Nara"]
    p = pub(r, "Music and Images")
    assert (p.year, p.status) == (2024, "accepted")
    assert isinstance(next(iter(people(r).values())), Person)


BIO_JS = """\
let me = {"name": "An Li", "name_zh": "李安", "is_me": "Yes"};
let person = {
  bo: {name: 'Bo Wu'},
  cy: {name: 'Cai Yun', name_zh: '蔡云'},
};
let paper = {
  seg: {name: "Segments All the Way Down", author: [me, person.bo], year: 2022, pub: "TIP"},
};
let about = [
  [`I am a postdoctoral fellow at Some University,`, `supervised by Prof. ${person.bo.name}.`],
  [`I also play chess with friends every weekend, mostly online these days.`],
];
let about_zh = [
  [`我于某某大学获得博士学位，`, `师从${person.cy.name_zh}教授。`],
];
let title = "Supervised by nobody in particular";
"""


def test_prose_values_of_a_data_file_are_read_for_advisors(tmp_path: Path) -> None:
    ex = extract_file(write(tmp_path, "data.js", BIO_JS))
    r = ex.records
    assert advisors(r) == {("Bo Wu", "An Li", "postdoc"), ("蔡云", "An Li", "phd")}
    bo = next(a for a in r.rels[Advised].values() if people(r)[a.from_id].name == "Bo Wu")
    assert bo.evidence[0].split(": ", 1)[0].endswith("data.js:10")  # its paragraph's line
    cy = next(a for a in r.rels[Advised].values() if people(r)[a.from_id].name == "蔡云")
    assert cy.evidence[0].split(": ", 1)[0].endswith("data.js:14")


def test_prose_keys_are_data_not_code() -> None:
    vocab = vocabulary()
    assert vocab.is_prose("about_zh") and vocab.is_prose("Bio") and vocab.is_prose("description")
    assert not vocab.is_prose("title") and not vocab.is_prose("abstract_zh")
