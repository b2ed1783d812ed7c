"""Hostile and unlucky input files: each ends in one line naming the file, or is read
right, in bounded time and memory, and the rest of the batch is still read.

Every test runs under ``hang_guard``: a hang fails the test instead of holding the
suite (the figures measured for these inputs are in docs/reliability.md).
"""

from __future__ import annotations

import os
import signal
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from scholargraph.errors import InputError
from scholargraph.parse import PARSERS, extract_file, read_files
from scholargraph.parse.documents import decode
from scholargraph.records import Advised, Person, Publication

GOOD_BIB = "@article{good, title={A Good Paper}, author={Ann Lee and Bo Chen}, year=2020}\n"


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """A hang fails the test after 60 s (each input here is read in a few seconds)."""

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError("input not handled within 60 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def failure(path: Path) -> str:
    """The one line reading ``path`` on its own ends in."""
    with pytest.raises(InputError) as caught:
        extract_file(path)
    line = caught.value.one_line()
    assert "\n" not in line and line.startswith(path.as_posix())
    return line


# --- what is read at all -------------------------------------------------------------


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "refs.bib"
    os.mkfifo(fifo)
    assert "is not a regular file" in failure(fifo)


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(InputError, match="/dev/zero: is not a regular file"):
        extract_file("/dev/zero")


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCHOLARGRAPH_MAX_FILE_MB", "1")
    big = write(tmp_path, "cv.md", "# Ann Lee\n" + "word " * 300_000)
    line = failure(big)
    assert "larger than the limit of 1 MB per file" in line
    assert "SCHOLARGRAPH_MAX_FILE_MB" in line


def test_a_bad_size_limit_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from scholargraph.errors import ScholargraphError
    from scholargraph.parse.documents import file_limit

    monkeypatch.setenv("SCHOLARGRAPH_MAX_FILE_MB", "lots")
    with pytest.raises(ScholargraphError, match="SCHOLARGRAPH_MAX_FILE_MB must be a positive"):
        file_limit()


# --- encodings -----------------------------------------------------------------------

LATIN = "@article{m, author={Müller, Jürgen and François Dupré}, title={Über Graphen}, year=2020}\n"


LATIN_NAMES = {"Jürgen Müller", "François Dupré"}
GBK = "@article{c, author={张三 and 李四}, title={图神经网络的研究}, year=2020}\n"


@pytest.mark.parametrize(
    ("encoding", "text", "names", "title"),
    [
        ("latin-1", LATIN, LATIN_NAMES, "Über Graphen"),
        (
            "cp1252",
            LATIN.replace("Über", "“Smart” — naïve"),
            LATIN_NAMES,
            "“Smart” — naïve Graphen",
        ),
        ("utf-16-le", LATIN, LATIN_NAMES, "Über Graphen"),  # no byte order mark
        ("utf-16-be", LATIN, LATIN_NAMES, "Über Graphen"),
        ("utf-16", LATIN, LATIN_NAMES, "Über Graphen"),  # with one
        ("utf-8-sig", LATIN, LATIN_NAMES, "Über Graphen"),
        ("gbk", GBK, {"张三", "李四"}, "图神经网络的研究"),
        ("gb18030", GBK, {"张三", "李四"}, "图神经网络的研究"),
    ],
)
def test_legacy_and_utf16_encodings_are_told_apart(
    tmp_path: Path, encoding: str, text: str, names: set[str], title: str
) -> None:
    records = extract_file(write(tmp_path, "refs.bib", text.encode(encoding))).records
    assert {p.name for p in records.of(Person).values()} == names
    assert [p.title for p in records.of(Publication).values()] == [title]


def test_latin1_is_not_read_as_chinese_mojibake() -> None:
    assert decode("Müller and Conceição".encode("latin-1"), "a.bib") == "Müller and Conceição"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,  # binary, NULs at both parities
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "東京大学 山田太郎 論文".encode("shift_jis"),  # an encoding not told here
        bytes(range(1, 256)) * 40,  # no NULs, fits no encoding
    ],
)
def test_text_whose_encoding_cannot_be_told_is_refused_with_its_name(
    tmp_path: Path, data: bytes
) -> None:
    line = failure(write(tmp_path, "cv.txt", data))
    assert "encoding that can be told with confidence" in line and "re-save it as UTF-8" in line


# --- one file fails, the batch goes on -----------------------------------------------


def test_broken_links_folders_fifos_and_crashing_readers_fail_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path, "good.bib", GOOD_BIB)
    (tmp_path / "dangling.bib").symlink_to(tmp_path / "nowhere.bib")
    (tmp_path / "loop1.bib").symlink_to(tmp_path / "loop2.bib")
    (tmp_path / "loop2.bib").symlink_to(tmp_path / "loop1.bib")
    (tmp_path / "empty").mkdir()
    os.mkfifo(tmp_path / "fifo.bib")
    crash = write(tmp_path, "crash.json", '{"basics": {"name": "Ann"}, "work": []}')
    monkeypatch.setitem(PARSERS, "jsonresume", lambda doc: {}["a reader's bug"])
    given = ["dangling.bib", "loop1.bib", "empty", "fifo.bib", crash.name, "good.bib"]
    docs, files = read_files([tmp_path / name for name in given])
    errors = {Path(f.path).name: f.error.one_line() for f in files if f.error}
    assert errors == {
        "dangling.bib": f"{tmp_path.as_posix()}/dangling.bib: is a broken symbolic link",
        "loop1.bib": f"{tmp_path.as_posix()}/loop1.bib: is a symbolic link that loops",
        "empty": f"{tmp_path.as_posix()}/empty: a folder with no file to read "
        "(hint: pass the files inside it)",
        "fifo.bib": f"{tmp_path.as_posix()}/fifo.bib: is not a regular file "
        "(a FIFO, device or socket)",
        "crash.json": f'{crash.as_posix()}: could not be read (KeyError: "a reader\'s bug")',
    }
    assert [f.path for f in files if not f.error] == [good.as_posix()]
    assert len(docs) == 1 and len(docs[0].nodes[Publication]) == 1


# --- nesting and aliases -------------------------------------------------------------

ALIAS_BOMB = "lol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)
)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "profile.yaml",
            ALIAS_BOMB + "person:\n  name: Ann Lee\n  aliases: *a8\n",
            "shared parts expand it to more than 1000000 values",
        ),
        (
            "profile.yaml",
            ALIAS_BOMB + "person:\n  name: Ann Lee\n  interests: *a8\n",
            "shared parts expand it to more than 1000000 values",
        ),
        ("cv.yml", "person:\n  aliases: " + "- " * 20_000 + "x\n", "invalid YAML"),
        ("pubs.yml", "pubs: " + "[" * 20_000 + "]" * 20_000 + "\n", "nested deeper than 100"),
        ("pubs.yml", "- &a [x, *a]\n", "a part of it contains itself"),
        ("data.json", "[" * 100_000 + "]" * 100_000, "nested deeper than 100 levels"),
        ("data.json", '{"a":' * 100_000 + "1" + "}" * 100_000, "nested deeper than 100 levels"),
        (
            "data.js",
            "const a0 = ['x','x','x','x','x','x','x','x','x','x'];\n"
            + "".join(f"const a{i} = [{','.join([f'a{i - 1}'] * 10)}];\n" for i in range(1, 9))
            + "const publications = [{title: 'T', authors: a8, year: 2020}];\n",
            "shared parts expand it to more than 1000000 values",
        ),
    ],
)
def test_deep_nesting_and_alias_bombs_are_refused_in_one_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    assert message in failure(write(tmp_path, name, text))


def test_yaml_aliases_that_expand_a_little_still_work(tmp_path: Path) -> None:
    text = (
        "defaults: &me {name: Ann Lee}\n"
        "publications:\n"
        "  - {title: One Paper, authors: [*me, Bo Chen], year: 2020}\n"
        "  - {title: Two Papers, authors: [*me], year: 2021}\n"
    )
    records = extract_file(write(tmp_path, "publications.yml", text)).records
    assert len(records.nodes[Publication]) == 2


# --- BibTeX: long fields, long author lists, LaTeX only where it is ------------------


def test_a_3mb_title_skips_its_entry_naming_the_limit_and_the_rest_ingest(tmp_path: Path) -> None:
    bib = write(
        tmp_path, "refs.bib", "@article{t, title={" + "\\'e" * 1_000_000 + "}}\n" + GOOD_BIB
    )
    ex = extract_file(bib)
    assert [p.title for p in ex.records.of(Publication).values()] == ["A Good Paper"]
    (note,) = ex.skipped
    assert "field 'title' has 3000000 characters, over the limit of 500000 per field" in (
        note.reason
    )
    assert "SCHOLARGRAPH_MAX_FIELD_CHARS" in note.reason


def test_a_long_plain_title_is_not_run_through_the_latex_decoder(tmp_path: Path) -> None:
    title = "word " * 80_000  # 400,000 characters: under the field limit, no LaTeX in it
    ex = extract_file(write(tmp_path, "refs.bib", "@article{t, title={" + title + "}}\n"))
    (pub,) = ex.records.of(Publication).values()
    assert pub.title == title.strip()


def test_latex_is_still_decoded_where_a_field_holds_it(tmp_path: Path) -> None:
    text = '@article{t, title={{BERT} for G{\\"o}del--Escher}, author={M{\\"u}ller, J}}\n'
    ex = extract_file(write(tmp_path, "refs.bib", text))
    (pub,) = ex.records.of(Publication).values()
    assert pub.title == "BERT for Gödel–Escher"
    assert [p.name for p in ex.records.of(Person).values()] == ["J Müller"]


def test_a_5000_author_entry_is_read_in_bounded_memory(tmp_path: Path) -> None:
    authors = " and ".join(f'M{{\\"u}}ller{i:04d}, Jo' for i in range(5000))
    bib = write(
        tmp_path, "big.bib", f"@article{{big, title={{Big Collab}}, author={{{authors}}}}}\n"
    )
    tracemalloc.start()
    try:
        ex = extract_file(bib)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    names = [p.name for p in ex.records.of(Person).values()]
    assert len(names) == 5000 and names[0] == "Jo Müller0000"
    assert peak < 300 * 2**20  # measured ~60 MiB; each author quoting the whole line took 1.3 GiB


def test_a_page_with_a_10mb_word_is_read_in_linear_time(tmp_path: Path) -> None:
    word = "ab" * 5_000_000  # no space for 10 MB: once quadratic in the news and e-mail scans
    page = write(
        tmp_path,
        "about.md",
        f"# Ann Lee\n\nI am advised by Bo Wu.\n\n## News\n\n- {word} accepted to OSDI'24\n\n"
        "## Publications\n\n- Ann Lee, Bo Wu. Scheduling Graph Workloads. OSDI 2024.\n",
    )
    ex = extract_file(page)  # the hang guard fails it past 60 s; ~10 s measured
    assert [p.title for p in ex.records.of(Publication).values()] == ["Scheduling Graph Workloads"]
    assert {p.name for p in ex.records.of(Person).values()} == {"Ann Lee", "Bo Wu"}


def test_a_tex_file_of_unclosed_groups_is_read_in_linear_time(tmp_path: Path) -> None:
    # each unclosed "\textbf{" was once searched again to the end of the text: 80 KB of
    # them took 27 s, so a 1 MB file never ended
    cv = "\\begin{document}\n\\section*{Ann Lee}\n\\section{Education}\nPh.D., advised by Bo Wu.\n"
    cv += "\\section{Publications}\n" + "\\textbf{x " * 100_000 + "\n"
    ex = extract_file(write(tmp_path, "cv.tex", cv))  # the hang guard fails it past 60 s
    assert {p.name for p in ex.records.of(Person).values()} == {"Ann Lee", "Bo Wu"}
    assert len(ex.records.of(Advised)) == 1
