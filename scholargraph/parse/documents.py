"""Reading input files: bytes, digest, text, and the Source record for provenance.

Only regular files are read (a FIFO would block, a device never end), at most
``SCHOLARGRAPH_MAX_FILE_MB`` megabytes each (default 64), and their text decoded
only when its encoding can be told (see ``decode``).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

from scholargraph.config import _positive_int
from scholargraph.errors import InputError
from scholargraph.records import Source

EVIDENCE_CHARS = 1000  # of a line quoted as a fact's evidence


@dataclass(frozen=True)
class Document:
    """One input file as text, with the Source node every fact from it cites."""

    path: str
    text: str
    source: Source
    owner: str | None = None  # who the document is about, when the user says so

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def _evidence(self) -> dict[int, str]:
        return {}

    def evidence(self, line: int) -> str:
        """``path:line: text`` for a 1-based line number, the text cut after
        ``EVIDENCE_CHARS`` (a 5,000-author line is quoted once per author); made
        once per line.

        >>> source = Source(id="s", path="a.bib", sha256="", kind="bibtex")
        >>> doc = Document("a.bib", "x\\n  " + "y" * 2000, source)
        >>> doc.evidence(1), len(doc.evidence(2)), doc.evidence(2) is doc.evidence(2)
        ('a.bib:1: x', 1010, True)
        """
        if line not in self._evidence:
            lines = self.lines
            row = lines[line - 1] if 0 < line <= len(lines) else ""
            text = row.strip()
            cut = f"{text[:EVIDENCE_CHARS]}…" if len(text) > EVIDENCE_CHARS else text
            self._evidence[line] = f"{self.path}:{line}: {cut}"
        return self._evidence[line]


def decode(data: bytes, path: str) -> str:
    """The text of ``data``, its encoding told honestly, else an InputError naming it.

    A byte order mark is believed (UTF-8, UTF-16, UTF-32). Without one, NUL bytes at
    one parity only mean UTF-16 (the high bytes of ASCII characters; NULs anywhere
    else mean a binary file); valid UTF-8 is UTF-8 (legacy text almost never is);
    else the two legacy families this project meets are told apart by how their
    non-ASCII bytes fall: GBK/GB18030 Chinese writes each character as two high
    bytes, nearly always a common (GB2312) character in runs of its own, while
    Latin-1/CP1252 writes one high byte per accented letter, inside a word
    (``M\\xfcller``, which GB18030 would read as ``M黮ler``). A file that fits
    neither picture is refused rather than stored as mojibake.

    >>> decode("Müller".encode("latin-1"), "a.bib"), decode("张三".encode("gbk"), "cv.md")
    ('Müller', '张三')
    >>> decode("Jürgen\\n".encode("utf-16-be"), "cv.txt")
    'Jürgen\\n'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, path)
    if b"\x00" in data:
        return _strict(data, _utf16_order(data, path), path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_chinese(data):
        return _strict(data, "gb18030", path)
    if _looks_latin(data):
        return _strict(data, "cp1252", path)
    raise _undecodable(path)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark starts it
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # not in text: tab, newlines, form feed are
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_IN_WORD = re.compile(rb"(?<=[A-Za-z])[\x80-\xff]+(?=[A-Za-z])")


def _undecodable(path: str) -> InputError:
    return InputError(
        path,
        "is not text in an encoding that can be told with confidence "
        "(UTF-8, UTF-16, GBK/GB18030, Latin-1/CP1252)",
        hint="re-save it as UTF-8",
    )


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(path) from exc
    if _CONTROL.search(text):  # binary, or the wrong guess
        raise _undecodable(path)
    return text


def _utf16_order(data: bytes, path: str) -> str:
    """UTF-16 LE or BE when the NULs sit at odd or even offsets only (ASCII's high
    byte); NULs at both, or an odd length, mean a binary file."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 == 0 and (even == 0) != (odd == 0):
        return "utf-16-le" if odd else "utf-16-be"
    raise _undecodable(path)


def _looks_chinese(data: bytes) -> bool:
    """GBK/GB18030: every run of high bytes even-length, few of them wedged inside
    a Latin word, and nine in ten characters among the 7,000 common ones (GB2312)."""
    runs = [len(m) for m in _HIGH_RUN.findall(data)]
    if sum(n % 2 for n in runs) > len(runs) / 10 or len(_IN_WORD.findall(data)) > len(runs) / 2:
        return False
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    rare = text.encode("gb2312", errors="replace").count(b"?") - text.count("?")
    return rare <= wide / 10


def _looks_latin(data: bytes) -> bool:
    """Latin-1/CP1252: high bytes alone or in pairs (``é``, ``ção``, ``“``), nine
    runs in ten."""
    runs = [len(m) for m in _HIGH_RUN.findall(data)]
    return sum(n > 2 for n in runs) <= len(runs) / 10


MAX_FILE_MB = "SCHOLARGRAPH_MAX_FILE_MB"


def file_limit(env: Mapping[str, str] | None = None) -> int:
    """Bytes one input file may hold: ``SCHOLARGRAPH_MAX_FILE_MB`` megabytes (64)."""
    return _positive_int(os.environ if env is None else env, MAX_FILE_MB, 64) * 1_000_000


MAX_FIELD_CHARS = "SCHOLARGRAPH_MAX_FIELD_CHARS"


def field_limit(env: Mapping[str, str] | None = None) -> int:
    """Characters one field of an entry may hold before the entry is skipped:
    ``SCHOLARGRAPH_MAX_FIELD_CHARS`` (500,000: a 10,000-author list fits)."""
    return _positive_int(os.environ if env is None else env, MAX_FIELD_CHARS, 500_000)


def read_bytes(path: str | Path, shown: str) -> bytes:
    """The bytes of the regular file ``path``; anything else, or a file over
    ``file_limit``, is an InputError naming it (``shown``) in one line."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        broken = os.path.islink(path)
        raise InputError(shown, "is a broken symbolic link" if broken else "no such file") from exc
    except OSError as exc:
        looping = exc.errno == errno.ELOOP
        why = "is a symbolic link that loops" if looping else f"cannot be read: {exc.strerror}"
        raise InputError(shown, why) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(shown, "a folder with no file to read", hint="pass the files inside it")
    not_regular = InputError(shown, "is not a regular file (a FIFO, device or socket)")
    if not stat.S_ISREG(info.st_mode):
        raise not_regular
    limit = file_limit()
    too_big = InputError(
        shown,
        f"is larger than the limit of {limit // 1_000_000} MB per file",
        hint=f"set {MAX_FILE_MB} to raise it",
    )
    if info.st_size > limit:
        raise too_big
    try:
        # O_NONBLOCK: a file swapped for a FIFO since the stat cannot block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise not_regular
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(shown, f"cannot be read: {exc.strerror}") from exc
    if len(data) > limit:  # grew since the stat
        raise too_big
    return data


def read_document(
    path: str | Path,
    kind_of: Callable[[str, str], str],
    *,
    owner: str | None = None,
    shown: str | None = None,
) -> Document:
    """Read ``path`` (see ``read_bytes``, ``decode``) and name its format with
    ``kind_of(path, text)``. ``owner`` names the person a CV or page is about when
    the document itself never does; ``shown`` what to call the file in provenance
    and messages (the URL a fetched page came from)."""
    shown = shown or Path(path).as_posix()
    data = read_bytes(path, shown)
    if Path(path).suffix.lower() == ".pdf":  # its text layer, one line per line number
        from scholargraph.parse.pdftext import pdf_text

        text = pdf_text(data, shown)
    else:
        text = decode(data, shown)
    sha = hashlib.sha256(data).hexdigest()
    source_id = f"src:{sha[:16]}"
    source = Source(
        id=source_id,
        path=shown,
        sha256=sha,
        kind=kind_of(Path(path).as_posix(), text),
        ingested_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        sources=[source_id],
        location=str(Path(path).resolve()),
        owner=owner,
    )
    return Document(path=shown, text=text, source=source, owner=owner)
