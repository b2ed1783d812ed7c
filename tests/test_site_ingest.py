"""A folder is a site about one person: its files are read together, the owner is one
person whatever each file calls them, and what a site generator keeps beside the
content is not read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scholargraph.cli import main
from scholargraph.parse.site import configured_owner, site_files
from scholargraph.pipeline import extract
from scholargraph.records import Advised, Authored, Person, RecordSet

ABOUT = """\
# Jane Doe

I am a PhD student at Example University, advised by Prof. Alan Turing.
"""
BIB = """\
@inproceedings{doe2023,
  title = {Sparse Graphs for Everyone},
  author = {Doe, J. and Doe, John and Lovelace, Ada},
  booktitle = {NeurIPS},
  year = {2023}
}
@article{doe2024,
  title = {Dense Graphs for No One},
  author = {Lovelace, Ada and Doe, J.},
  journal = {JMLR},
  year = {2024}
}
"""


def write_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def people_named(records: RecordSet, *names: str) -> list[Person]:
    return [p for p in records.of(Person).values() if p.name in names]


def test_the_owner_of_a_site_is_one_person_across_its_page_and_bibliography(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "site", {"_pages/about.md": ABOUT, "_bibliography/papers.bib": BIB}
    )
    records = extract([site]).records
    (owner,) = people_named(records, "Jane Doe", "J. Doe")
    papers = [r for r in records.rels[Authored].values() if r.from_id == owner.id]
    assert len(papers) == 2  # the bibliography's "Doe, J." is the page's Jane Doe
    advised = [r for r in records.rels[Advised].values() if r.to_id == owner.id]
    assert len(advised) == 1
    # a co-author of the same family name stays someone else
    (john,) = people_named(records, "John Doe")
    assert john.id != owner.id and john.homepage is None


def test_files_given_one_by_one_are_not_a_site(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"about.md": ABOUT, "papers.bib": BIB})
    records = extract([site / "about.md", site / "papers.bib"]).records
    assert len(people_named(records, "Jane Doe", "J. Doe")) == 2  # nothing says they are one


def test_a_site_generators_configuration_names_the_owner(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {"_config.yml": "first_name: Ada\nlast_name: Lovelace\n", "papers.bib": BIB},
    )
    assert configured_owner(site) == "Ada Lovelace"
    records = extract([site]).records
    (ada,) = people_named(records, "Ada Lovelace")
    assert ada.homepage == site.resolve().as_uri()
    hugo = write_site(tmp_path / "hugo", {"config.toml": '[params]\nauthor = "Grace Hopper"\n'})
    assert configured_owner(hugo) == "Grace Hopper"


def test_a_configured_name_with_its_native_form_beside_it_names_the_owner(tmp_path: Path) -> None:
    for i, written in enumerate(
        ["Xiaojie Niu | 牛晓杰", "Xiaojie Niu (牛晓杰)", "Xiaojie Niu / 牛晓杰"]
    ):
        site = write_site(tmp_path / f"s{i}", {"_config.yml": f'author:\n  name: "{written}"\n'})
        assert configured_owner(site) == "Xiaojie Niu"


def test_themes_layouts_built_output_and_assets_are_not_read(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "_pages/about.md": ABOUT,
            "_site/index.html": "<p>built</p>",
            "themes/academic/README.md": "a theme",
            "node_modules/x/readme.md": "a package",
            "assets/css/main.css": "body {}",
            "_layouts/default.html": "<html></html>",
            "README.md": "how to build this site",
            "_config.yml": "name: Jane Doe\n",
            "photo.jpg": "not text",
        },
    )
    assert [p.relative_to(site).as_posix() for p in site_files(site)] == ["_pages/about.md"]


def test_a_site_whose_only_document_sits_in_public_is_read_there(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {"public/files/cv.md": ABOUT, "node_modules/x/readme.md": "a package"},
    )
    assert [p.relative_to(site).as_posix() for p in site_files(site)] == ["public/files/cv.md"]


def test_ingest_takes_a_folder_on_the_command_line(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"about.md": ABOUT, "papers.bib": BIB})
    store = str(tmp_path / "graph.lbug")
    result = CliRunner().invoke(main, ["--store", store, "ingest", str(site)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("2 file(s), ")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["--store", store, "ingest", str(empty)])
    assert result.exit_code == 1 and "a folder with no file to read" in result.stderr


def test_pages_bring_their_jekyll_includes_but_nothing_outside_includes(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "index.md": "{% include pubs.html %}\n{% include ../../outside.md %}\n",
            "_includes/pubs.html": "<ul><li>A paper</li></ul>",
            "_includes/unused.html": "<p>never included</p>",
        },
    )
    (tmp_path / "outside.md").write_text("# Not of the site\n", encoding="utf-8")
    assert [p.relative_to(site).as_posix() for p in site_files(site)] == [
        "_includes/pubs.html",
        "index.md",
    ]
