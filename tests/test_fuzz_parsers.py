"""Property-based tests over every parser entry point and the name functions (issue 22,
item 6): whatever text a file decodes to, a reader ends in its records or in the
project's own one-line ``InputError``; no other exception escapes, what it yields is
well typed and bounded by the size of its input, and the same input gives the same
output.

Inputs are drawn from each format's own shape (its keys and tokens, values of any
type where text goes) with arbitrary text spliced in, so both the deep paths and the
syntax errors are reached. The quick selection runs a modest, derandomised number of
examples (reproducible in CI); ``SCHOLARGRAPH_FUZZ=long`` runs the ``long`` profile
(more examples, a fresh seed each run). ``tools/fuzz-parsers`` runs the
coverage-guided fuzzer (atheris) on the same readers under a time budget.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scholargraph import ids
from scholargraph.errors import InputError
from scholargraph.normalize import dates, names
from scholargraph.parse import PARSERS, bibtex, datafile, detect_kind, freetext, profile, resume
from scholargraph.parse.builder import Extraction
from scholargraph.parse.cache import to_json
from scholargraph.parse.citations import parse_authors, parse_citation
from scholargraph.parse.documents import EVIDENCE_CHARS, Document
from scholargraph.parse.htmltext import html_lines, markdown_lines
from scholargraph.parse.latextext import latex_lines
from scholargraph.parse.yaml_lines import load
from scholargraph.records import (
    RECORD_TYPES,
    Organization,
    Person,
    Publication,
    Record,
    Source,
    Topic,
    Venue,
)

ROOT = Path(__file__).resolve().parent.parent
_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("quick", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=2000, **_COMMON)
FUZZ = settings.get_profile(os.environ.get("SCHOLARGRAPH_FUZZ", "quick"))

# --- what a decoded file can hold ----------------------------------------------------

# ``documents.decode`` refuses C0 controls other than tab, newlines and form feed
_REFUSED = [chr(c) for c in (*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F)]
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters=_REFUSED)
JUNK = st.text(CHARS, max_size=12)
NAMES = [
    "Ann Lee",
    "Lee, Ann",
    "Bo Chen and Cy Li",
    "X. Wang",
    "Zhongfei (Mark) Zhang",
    "徐宏",
    "王睿教授",
    "Prof. Jian Pei",
    "**Ann Lee**",
    "<b>Bo Wu</b>",
    "Müller, Jürgen",
    "van der Berg, Jan",
    "Harry J. Gray Jr.",
    "Mao ZM",
    "et al.",
    "others",
]
WORDS = [
    *NAMES,
    "A Study of Graph Workloads",
    "NeurIPS 2021",
    "In Proc. OSDI",
    "arXiv:2101.00001",
    "arXiv preprint arXiv:2305.12345",
    "10.1145/3600006.3613165",
    "https://doi.org/10.1/x",
    "2020",
    "2020-09",
    "Sep. 2017 - Dec. 2022",
    "2019 – Present",
    "phd",
    "masters",
    "published",
    "preprint",
    "supervised by Prof. Bo Wu",
    "advised by Dr. X. Wang and Y. Li",
    "师从王睿教授",
    "major: Computer Science",
    "Description 1.",
    "General Information",
    "Education",
    "Experience",
    "Full Name",
    "Interests",
    "Publications",
    "talk",
    "",
    " ",
]
TEXT = st.one_of(st.sampled_from(WORDS), JUNK)
SCALAR = st.one_of(
    TEXT,
    st.integers(-5, 3000),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
)


def values(keys: list[str]) -> st.SearchStrategy[Any]:
    """Any tree of values: text, numbers, lists and mappings keyed by ``keys``."""
    return st.recursive(
        SCALAR,
        lambda kids: (
            st.lists(kids, max_size=4)
            | st.dictionaries(st.sampled_from(keys) | JUNK, kids, max_size=5)
        ),
        max_leaves=20,
    )


def shaped(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping with any of ``fields`` (each its own strategy)."""
    return st.fixed_dictionaries({}, optional=fields)


def items_of(fields: dict[str, st.SearchStrategy[Any]], anything: Any) -> Any:
    """A list of mappings shaped by ``fields``, or any other value where it goes."""
    return st.lists(shaped(fields), max_size=4) | anything


def spliced(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``text`` as drawn, or with arbitrary text put in somewhere (a syntax error)."""

    @st.composite
    def splice(draw: st.DrawFn) -> str:
        whole = draw(text)
        if not draw(st.booleans()):
            return whole
        at = draw(st.integers(0, len(whole)))
        cut = draw(st.integers(0, 3))
        return whole[:at] + draw(JUNK) + whole[at + cut :]

    return splice()


def pieces(tokens: list[str]) -> st.SearchStrategy[str]:
    """Text made of a format's tokens and arbitrary text."""
    return st.lists(st.sampled_from(tokens) | JUNK, max_size=60).map("".join)


def dumped(tree: st.SearchStrategy[Any], how: str) -> st.SearchStrategy[str]:
    if how == "yaml":
        return tree.map(lambda t: yaml.safe_dump(t, allow_unicode=True, sort_keys=False))
    if how == "json":
        return tree.map(lambda t: json.dumps(t, ensure_ascii=False, indent=1))
    return tree.map(lambda t: f"const data = {json.dumps(t, ensure_ascii=False)};\n")


# --- each format's shape -------------------------------------------------------------

BIB_TOKENS = [
    "@article{",
    "@inproceedings{k,",
    "@misc{",
    "@string{",
    "@comment{",
    "@preamble{",
    "}",
    "{",
    ",",
    "=",
    '"',
    "#",
    "\n",
    " and ",
    " and others",
    "title=",
    "author=",
    "year=",
    "booktitle=",
    "journal=",
    "eprint=",
    "archiveprefix=",
    "doi=",
    "url=",
    "abstract=",
    "\\'e",
    '{\\"u}',
    "\\c{c}",
    "\\",
    "~",
    "%",
    "$",
    "--",
    "``",
    "''",
    "\\&",
    *WORDS,
]
_BIB_FIELD = st.tuples(
    st.sampled_from(["title", "author", "year", "booktitle", "journal", "eprint", "doi", "url"])
    | JUNK,
    pieces(BIB_TOKENS[9:]),
    st.sampled_from(["{}", '""', ""]),
)
BIB_ENTRY = st.tuples(
    st.sampled_from(["article", "inproceedings", "misc", "techreport", "string"]) | JUNK,
    JUNK,
    st.lists(_BIB_FIELD, max_size=6),
).map(
    lambda e: (
        f"@{e[0]}{{{e[1]},\n" + "".join(f"  {k} = {q[:1]}{v}{q[1:]},\n" for k, v, q in e[2]) + "}\n"
    )
)
BIBTEX = spliced(st.lists(BIB_ENTRY, max_size=4).map("".join) | pieces(BIB_TOKENS))

PROFILE_KEYS = ["person", "name", "aliases", "interests", "affiliations", "publications"]
ANY = values([*PROFILE_KEYS, "title", "authors", "organization", "advisors", "kind", "year"])
PERSON = shaped({k: TEXT | ANY for k in ["name", "native_name", "email", "homepage", "orcid"]})
ADVISOR = shaped({"name": TEXT | ANY, "kind": st.sampled_from(["phd", "postdoc", "x"]) | ANY})
AFFILIATION = shaped(
    {
        "organization": TEXT | ANY,
        "role": TEXT | ANY,
        "start": TEXT | ANY,
        "advisors": items_of({"name": TEXT, "kind": TEXT | ANY}, ANY) | st.lists(ADVISOR),
        "mentors": items_of({"name": TEXT | ANY}, ANY),
    }
)
PUBLICATION = shaped(
    {
        "title": TEXT | ANY,
        "authors": st.lists(TEXT | ANY, max_size=4) | ANY,
        "authors_complete": SCALAR,
        "year": SCALAR,
        "venue": TEXT | ANY,
        "status": st.sampled_from(["published", "preprint", "odd"]) | ANY,
        "doi": TEXT | ANY,
        "topics": st.lists(TEXT, max_size=3) | ANY,
        "system_name": SCALAR,
    }
)
PROFILE_TREE = shaped(
    {
        "person": PERSON | ANY,
        "interests": st.lists(TEXT | ANY, max_size=3) | ANY,
        "affiliations": st.lists(AFFILIATION, max_size=3) | ANY,
        "publications": st.lists(PUBLICATION, max_size=3) | ANY,
        "enrichment": ANY,
    }
)
PROFILE_TEXT = spliced(dumped(PROFILE_TREE, "yaml"))

RESUME_ANY = values(["name", "institution", "basics", "work", "publications"])
JSON_RESUME_TREE = shaped(
    {
        "basics": shaped({k: TEXT | RESUME_ANY for k in ["name", "email", "url"]}) | RESUME_ANY,
        "education": items_of(
            {
                k: TEXT | RESUME_ANY
                for k in ["institution", "studyType", "startDate", "endDate", "area"]
            },
            RESUME_ANY,
        ),
        "work": items_of(
            {k: TEXT | RESUME_ANY for k in ["name", "position", "startDate", "endDate"]},
            RESUME_ANY,
        ),
        "publications": items_of(
            {k: TEXT | RESUME_ANY for k in ["name", "publisher", "releaseDate"]}, RESUME_ANY
        ),
        "interests": items_of({"name": TEXT | RESUME_ANY}, RESUME_ANY),
    }
)
JSON_RESUME_TEXT = spliced(
    dumped(JSON_RESUME_TREE, "json") | pieces(['"basics"', "{", "}", "[", "]", ":", ",", "//"])
)

ALFOLIO_CONTENT = shaped(
    {k: TEXT | RESUME_ANY for k in ["name", "value", "institution", "title", "year"]}
    | {"description": st.lists(TEXT, max_size=3) | RESUME_ANY}
)
ALFOLIO_TREE = st.lists(
    shaped(
        {
            "title": st.sampled_from(["General Information", "Education", "Experience"]) | TEXT,
            "type": TEXT,
            "contents": st.lists(ALFOLIO_CONTENT, max_size=4) | RESUME_ANY,
        }
    ),
    max_size=4,
)
ALFOLIO_TEXT = spliced(dumped(ALFOLIO_TREE, "yaml"))

DATA_KEYS = ["title", "authors", "venue", "year", "date", "citation", "doi", "arxiv", "url"]
DATA_ANY = values([*DATA_KEYS, "name", "is_me", "publications", "students", "bio", "me"])
DATA_AUTHOR = TEXT | shaped({"name": TEXT, "is_me": SCALAR, "first": TEXT, "last": TEXT})
DATA_PUB = shaped(
    {k: TEXT | DATA_ANY for k in DATA_KEYS}
    | {"authors": st.lists(DATA_AUTHOR, max_size=4) | TEXT | DATA_ANY}
    | {"type": st.sampled_from(["talk", "paper"]) | DATA_ANY}
)
DATA_TREE = shaped(
    {
        "publications": st.lists(DATA_PUB, max_size=4) | DATA_ANY,
        "papers": st.lists(DATA_PUB, max_size=2),
        "currentphds": st.lists(DATA_AUTHOR | DATA_ANY, max_size=3),
        "phd_advisors": st.lists(DATA_AUTHOR, max_size=2),
        "bio": TEXT | st.lists(TEXT, max_size=3),
        "me": TEXT,
    }
) | st.lists(DATA_PUB, max_size=4)
TOML_TOKENS = ["[[publications]]\n", "title = ", "authors = ", "year = ", '"', "'", "[", "]"]
DATA_FILES = st.one_of(
    st.tuples(st.just("publications.yml"), dumped(DATA_TREE, "yaml")),
    st.tuples(st.just("data.json"), dumped(DATA_TREE, "json")),
    st.tuples(st.just("pubs.js"), dumped(DATA_TREE, "js")),
    st.tuples(st.just("papers.toml"), pieces([*TOML_TOKENS, "\n", "=", *WORDS])),
    st.tuples(
        st.just("paper.md"),
        dumped(DATA_TREE, "yaml").map(lambda fm: f"---\n{fm}---\n\n# Ann Lee\n\nSome text.\n"),
    ),
)
DATA_TEXT = st.tuples(DATA_FILES.map(lambda f: f[0]), spliced(DATA_FILES.map(lambda f: f[1])))

TEXT_TOKENS = [
    "# Ann Lee\n",
    "## Publications\n",
    "## Education\n",
    "## News\n",
    "- ",
    "1. ",
    "**",
    "*",
    "[",
    "](https://x.org)",
    "<b>",
    "</b>",
    "<li>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<details>",
    "\\section{Publications}",
    "\\item ",
    "\\textbf{",
    "\\newcommand{\\me}{Ann Lee}",
    "\\begin{document}",
    "}",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "---\n",
    "I am advised by ",
    "PhD student at MIT",
    *WORDS,
]
PAGE = st.tuples(
    st.sampled_from(["cv.md", "cv.txt", "index.html", "cv.tex"]), spliced(pieces(TEXT_TOKENS))
)

# --- what every reader's outcome must satisfy ----------------------------------------


def document(text: str, path: str, kind: str) -> Document:
    source = Source(id="src:fuzz", path=path, sha256="", kind=kind, location=path)
    return Document(path, text, source)


_HINTS = {t: typing.get_type_hints(t) for t in RECORD_TYPES}


def _well_typed(value: object, hint: object) -> bool:
    """Does ``value`` fit a record field's type (``str``, ``int | None``, ``list[str]`` …)?"""
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        return isinstance(value, hint)
    args = typing.get_args(hint)
    if typing.get_origin(hint) is list:
        return isinstance(value, list) and all(_well_typed(v, args[0]) for v in value)
    return any(_well_typed(value, a) for a in args)  # a union


def badly_typed(record: Record) -> list[str]:
    """The fields of ``record`` whose value does not fit their declared type."""
    hints = _HINTS[type(record)]
    return [
        f"{type(record).__name__}.{f.name} = {getattr(record, f.name)!r}"
        for f in dataclasses.fields(record)
        if not _well_typed(getattr(record, f.name), hints[f.name])
    ]


def _strings(record: Record) -> list[str]:
    out: list[str] = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        out += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return out


def outcome(parse: Callable[[Document], Extraction], doc: Document) -> str:
    """Parse ``doc`` twice and check the properties every reader owes its caller; the
    output as JSON (or the error line), for comparing runs."""
    try:
        ex = parse(doc)
    except InputError as exc:
        line = exc.one_line()
        assert "\n" not in line and line.startswith(doc.path), line
        with pytest.raises(InputError) as again:
            parse(doc)
        assert again.value.one_line() == line  # deterministic
        return line
    records = list(ex.records)
    assert [bad for r in records for bad in badly_typed(r)] == []
    # bounded: nothing comes from nothing, and no text is longer than the input's (an
    # evidence line is cut at EVIDENCE_CHARS, after the path and line number)
    size = len(doc.text)
    assert len(records) <= 1 + 2 * size, (len(records), size)
    longest = size + len(doc.path) + 32 + EVIDENCE_CHARS
    assert max(map(len, (s for r in records for s in _strings(r))), default=0) <= longest
    assert len(ex.skipped) + len(ex.warnings) <= 1 + size
    assert all("\n" not in n.reason for n in [*ex.skipped, *ex.warnings])
    kept = to_json(ex)
    assert to_json(parse(doc)) == kept  # deterministic
    return kept


# --- the readers, one document each --------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "path", "kind", "texts"),
    [
        (bibtex.parse_bibtex, "refs.bib", bibtex.FORMAT, BIBTEX),
        (profile.parse_profile, "profile.yaml", profile.FORMAT, PROFILE_TEXT),
        (resume.parse_jsonresume, "resume.json", resume.JSONRESUME, JSON_RESUME_TEXT),
        (resume.parse_alfolio, "cv.yml", resume.ALFOLIO, ALFOLIO_TEXT),
    ],
    ids=["bibtex", "profile", "jsonresume", "alfolio"],
)
@FUZZ
@given(data=st.data())
def test_each_structured_format_ends_in_records_or_one_line(
    parse: Callable[[Document], Extraction],
    path: str,
    kind: str,
    texts: st.SearchStrategy[str],
    data: st.DataObject,
) -> None:
    outcome(parse, document(data.draw(texts), path, kind))


@FUZZ
@given(DATA_TEXT)
def test_data_files_end_in_records_or_one_line(named: tuple[str, str]) -> None:
    path, text = named
    outcome(datafile.parse_datafile, document(text, path, datafile.FORMAT))


@FUZZ
@given(PAGE)
def test_pages_and_cvs_end_in_records_or_one_line(named: tuple[str, str]) -> None:
    path, text = named
    outcome(freetext.parse_text, document(text, path, freetext.FORMAT))


@FUZZ
@given(
    st.sampled_from(["a.bib", "a.yml", "a.yaml", "a.json", "a.js", "a.toml", "a.md", "a.x"]),
    st.one_of(PROFILE_TEXT, JSON_RESUME_TEXT, ALFOLIO_TEXT, BIBTEX, pieces(TEXT_TOKENS)),
)
def test_any_file_is_given_a_reader_or_refused_in_one_line(path: str, text: str) -> None:
    """Whatever ``detect_kind`` names, that reader holds to the same properties."""
    try:
        kind = detect_kind(path, text)
    except InputError as exc:
        assert "\n" not in exc.one_line() and exc.one_line().startswith(path)
        return
    outcome(PARSERS[kind], document(text, path, kind))


# --- the text readers under the parsers ----------------------------------------------


@FUZZ
@given(spliced(pieces(TEXT_TOKENS)))
def test_markup_readers_keep_line_numbers_within_the_text(text: str) -> None:
    rows = len(text.split("\n"))
    for read in (html_lines, markdown_lines, latex_lines):
        lines = read(text)
        assert all(1 <= no <= rows and "\n" not in line for no, line in lines), read
        # bounded: LaTeX macros may grow a text a few times over (latextext._GROWTH)
        assert sum(len(line) for _, line in lines) <= 8 * len(text) + 100, read
        assert read(text) == lines


@FUZZ
@given(spliced(pieces(["&a ", "*a", "[", "]", "{", "}", "- ", ": ", "\n", "  ", *WORDS])))
def test_yaml_with_lines_loads_or_fails_in_one_line(text: str) -> None:
    try:
        load(text, "f.yml")
    except InputError as exc:
        assert exc.one_line().startswith("f.yml") and "\n" not in exc.one_line()


@FUZZ
@given(spliced(pieces(["const ", "let ", "x", " = ", "{", "}", "[", "]", ":", ",", "'", '"'])))
def test_javascript_data_loads_or_fails_in_one_line(text: str) -> None:
    try:
        datafile.parse_js(text, "d.js")
    except InputError as exc:
        assert exc.one_line().startswith("d.js") and "\n" not in exc.one_line()


# --- citations and names -------------------------------------------------------------


CITATION = st.lists(spliced(pieces(TEXT_TOKENS[4:])), min_size=1, max_size=4)


@FUZZ
@given(CITATION)
def test_a_citation_is_read_or_not_never_raises(lines: list[str]) -> None:
    cited = parse_citation(lines)
    assert cited == parse_citation(lines)
    if cited is not None:
        size = sum(map(len, lines))
        assert len(cited.title) <= size and len(cited.authors) <= size
        assert cited.year is None or isinstance(cited.year, int)


@FUZZ
@given(spliced(pieces([", ", " and ", "; ", "&", "*", "†", "et al.", *NAMES])))
def test_an_author_list_is_read_or_not_never_raises(text: str) -> None:
    read = parse_authors(text)
    assert read == parse_authors(text)
    if read is not None:
        mentions, _ = read
        assert 1 <= len(mentions) <= len(text)
        assert all(0 < len(m.name) <= len(text) for m in mentions)


NAME = spliced(pieces([" ", ".", ",", "-", "(", ")", "'", *NAMES])) | JUNK


@FUZZ
@given(NAME, NAME)
def test_name_functions_never_raise_and_stay_bounded(a: str, b: str) -> None:
    assert len(names.display_name(a)) <= len(a)
    assert len(names.clean(a)) <= len(a)
    assert all(n for n in names.split_names(a))
    assert len(names.split_names(a)) <= len(a)
    names.looks_like_name(a)
    names.is_initials_only(a)
    names.strip_titles(a)
    names.nickname_aliases(a)
    names.pinyin_forms(a)
    assert names.compatible(a, b) == names.compatible(b, a)
    for form in names.name_forms(a, b if names.has_cjk(b) else None):
        assert names.match_forms(form, form) in (None, "full", "middle", "initials", "variant")
    assert dates.date_range(a) == dates.date_range(a)


@FUZZ
@given(st.text(CHARS, max_size=40))
def test_fold_is_idempotent_and_slug_has_only_word_characters(text: str) -> None:
    folded = ids.fold(text)
    assert ids.fold(folded) == folded
    assert names.fold_name(folded) == names.fold_name(text)
    slug = ids.slug(text)
    assert slug == ids.slug(slug) and "--" not in slug and not slug.startswith("-")


# --- what the fuzzing found, pinned ---------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "path", "kind"),
    [
        (profile.parse_profile, "profile.yaml", profile.FORMAT),
        (resume.parse_alfolio, "cv.yml", resume.ALFOLIO),
        (datafile.parse_datafile, "publications.yml", datafile.FORMAT),
    ],
)
def test_yaml_with_a_c1_control_character_fails_in_one_line_naming_it(
    parse: Callable[[Document], Extraction], path: str, kind: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse(document("person:\n  name: Ann\x85\n  email: \x9f\n", path, kind))
    assert caught.value.one_line() == f"{path}:3: invalid YAML: character U+009F is not allowed"


def test_json_resume_keeps_text_fields_and_drops_lists_and_objects_where_text_goes() -> None:
    text = json.dumps(
        {
            "basics": {"name": "Ann Lee", "email": {"a": 1}, "url": [1, 2]},
            "education": [{"institution": "MIT", "studyType": {"a": 1}, "area": [1]}],
            "work": 5,
            "publications": [{"name": "A Paper", "publisher": ["x"], "releaseDate": 2020}],
            "interests": [{"name": {"n": 1}}, {"name": "Graphs"}],
        }
    )
    ex = resume.parse_jsonresume(document(text, "resume.json", resume.JSONRESUME))
    assert [bad for r in ex.records for bad in badly_typed(r)] == []
    (person,) = ex.records.of(Person).values()
    assert (person.name, person.email, person.homepage) == ("Ann Lee", None, None)
    (paper,) = ex.records.of(Publication).values()
    assert (paper.title, paper.year) == ("A Paper", 2020)
    assert [t.name for t in ex.records.of(Topic).values()] == ["Graphs"]
    assert [o.name for o in ex.records.of(Organization).values()] == ["MIT"]


def test_profile_leaves_out_lists_and_mappings_where_text_goes_and_a_yes_no_year() -> None:
    text = (
        "person: {name: Ann Lee, email: {a: 1}, aliases: [{x: 1}, Annie Lee]}\n"
        "publications:\n"
        "  - {title: [T], authors: [Ann Lee]}\n"
        "  - {title: One, year: no, authors: [Ann Lee]}\n"
        "  - {title: Two, year: 2020, authors: [{a: b}, Ann Lee], venue: {v: 1}}\n"
    )
    ex = profile.parse_profile(document(text, "profile.yaml", profile.FORMAT))
    assert [bad for r in ex.records for bad in badly_typed(r)] == []
    (person,) = ex.records.of(Person).values()
    assert (person.email, person.aliases) == (None, ["Annie Lee"])
    assert [p.title for p in ex.records.of(Publication).values()] == ["Two"]
    assert ex.records.of(Venue) == {}
    assert [(n.line, n.reason.split(" ")[0]) for n in ex.skipped] == [
        (3, "publication"),
        (4, "publication"),
    ]


def test_javascript_data_that_ends_after_a_key_fails_in_one_line() -> None:
    with pytest.raises(
        InputError, match=r"d\.js:1: invalid JSON or JavaScript data: unexpected end"
    ):
        datafile.parse_js("{const :", "d.js")


def test_a_bibtex_warning_quoting_a_long_author_list_is_one_short_line() -> None:
    authors = ",\n ".join(f"A{i}, B{i}" for i in range(200))
    text = f"@article{{k,\n  author = {{{authors}}},\n  title = {{T}},\n}}\n"
    ex = bibtex.parse_bibtex(document(text, "refs.bib", bibtex.FORMAT))
    (warning,) = ex.warnings
    assert "\n" not in warning.reason and len(warning.reason) < 400


def test_an_entry_with_a_duplicate_key_is_latex_decoded_like_the_others() -> None:
    text = (
        "@article{k, title={First}, author={Sergio Verd{\\'u}}}\n"
        "@article{k, title={Second}, author={Sergio Verd\\'u}}\n"
    )
    ex = bibtex.parse_bibtex(document(text, "refs.bib", bibtex.FORMAT))
    assert [p.name for p in ex.records.of(Person).values()] == ["Sergio Verdú"]
    assert [w.reason for w in ex.warnings] == [
        "Duplicate entry key 'k' (first at line 1); entry ingested as read"
    ]


def test_a_bibtex_read_in_chunks_gives_what_one_pass_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "@string{osdi = {Proc. OSDI}}\n"
        + "".join(
            f'@inproceedings{{k{i},\n  title = {{Paper {i} on G{{\\"o}}del}},\n'
            f"  author = {{Ann Lee and Bo Chen{i % 3}}},\n  booktitle = osdi,\n  year = 2020,\n}}\n"
            for i in range(30)
        )
        + "@article{k3, title={Again}, author={Ann Lee}}\n@article{broken, title={x}\n"
    )
    doc = document(text, "refs.bib", bibtex.FORMAT)
    whole = bibtex.parse_bibtex(doc)
    monkeypatch.setattr(bibtex, "CHUNK_CHARS", 200)
    assert len(bibtex.chunks(text, bibtex.CHUNK_CHARS)) > 10
    chunked = bibtex.parse_bibtex(doc)
    assert to_json(chunked) == to_json(whole)
    pubs = list(chunked.records.of(Publication).values())
    assert len(pubs) == 31 and pubs[0].title == "Paper 0 on Gödel"
    assert {v.name for v in chunked.records.of(Venue).values()} == {"Proc. OSDI"}  # @string
    assert [w.reason for w in chunked.warnings] == [
        "Duplicate entry key 'k3' (first at line 20); entry ingested as read"
    ]
    assert [(n.line, n.reason[:24]) for n in chunked.skipped] == [(183, "unparseable BibTeX block")]


# --- the same output in another process ----------------------------------------------

_IN_ANOTHER_PROCESS = """
import sys
from hypothesis import Phase, given, settings
import test_fuzz_parsers as t

out = []

@settings(t.FUZZ, max_examples=15, derandomize=True, phases=[Phase.generate])
@given(t.BIBTEX, t.PROFILE_TEXT, t.DATA_TEXT, t.PAGE)
def run(bib, prof, data, page):
    for parse, doc in (
        (t.bibtex.parse_bibtex, t.document(bib, "refs.bib", "bibtex")),
        (t.profile.parse_profile, t.document(prof, "p.yaml", "profile")),
        (t.datafile.parse_datafile, t.document(data[1], data[0], "datafile")),
        (t.freetext.parse_text, t.document(page[1], page[0], "text")),
    ):
        out.append(t.ids.digest(t.outcome(parse, doc)))

run()
print(len(out), t.ids.digest(*out))
"""


def test_the_same_inputs_give_the_same_records_under_another_hash_seed() -> None:
    """Set and dict orders that follow string hashes would differ between processes."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", _IN_ANOTHER_PROCESS],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "tests")},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1] and int(runs[0].split()[0]) >= 40


# --- the coverage-guided fuzzer --------------------------------------------------------


@pytest.mark.slow
def test_the_coverage_guided_fuzzer_runs_every_reader_without_a_failure(tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris has wheels for Linux x86-64 only")
    done = subprocess.run(
        [sys.executable, ROOT / "tools" / "fuzz-parsers", "--seconds", "2", "--out", tmp_path],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    lines = done.stdout.splitlines()[1:]
    assert done.returncode == 0, done.stdout
    assert len(lines) == 13 and all(line.endswith("no failure") for line in lines), lines
