"""BibTeX through bibtexparser v2: a pipeline of its middlewares, then our records.

LaTeX is decoded (``{\\"u}`` -> ü) in the fields that hold it (a command, a special
character, a TeX ligature; braces alone are just dropped), field keys are
lower-cased, author lists are split into name parts (``Last, First`` and ``and
others`` handled), duplicate keys and unparseable blocks are reported with their
line. An entry without a title, or with a field longer than ``field_limit``
(checked before anything decodes it), is skipped; every other entry still ingests.

A big file is parsed a chunk of entries at a time (``chunks``), so bibtexparser's
model of only one chunk is held at once; ``@string`` definitions and entry keys are
carried from chunk to chunk, so macros resolve and duplicate keys are reported as in
one pass.
"""

from __future__ import annotations

import re

from bibtexparser import middlewares as mw
from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares.middleware import Middleware
from bibtexparser.model import Block, Entry, ParsingFailedBlock

from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse.builder import Extraction, GraphBuilder
from scholargraph.parse.documents import MAX_FIELD_CHARS, Document, field_limit

FORMAT = "bibtex"
_PREPRINT_TYPES = {"misc", "unpublished", "techreport"}
_ARXIV_IN_TEXT = re.compile(r"arxiv[:\s]*(\d{4}\.\d{4,5}|[a-z\-]+/\d{7})", re.IGNORECASE)
_LATEX = re.compile(r"[\\~%&$]|--|``|''")  # what LaTeX decoding would change, braces aside
_SPECIAL = re.compile(r"[\\~%&$]|--|``|''|[!?]`")  # …in a word of a string that holds LaTeX
_WHOLE = re.compile(r"[$%]|\\(?:(?:begin|end|verb)(?![^\W\d_])|[(\[]|$)")  # decoded only whole
_WORD_MARK = re.compile(r"\\.|[{}\[\]]|\s+", re.DOTALL)  # a command's first letter, brackets, space
_OPEN_END = re.compile(r"\\(?:[^\W\d_]*|.)$|[}\]]$", re.DOTALL)  # a command or argument ends it
_DECODED_KEPT = 50_000  # decoded words remembered per file
_OVERSIZED = "oversized"  # an entry's parser metadata: (field, characters) over the limit
CHUNK_CHARS = 1_000_000  # of BibTeX parsed at once (~2,000 entries)
_ESCAPED_BRACE = re.compile(r"\\[{}]")
_BREAK = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines ends a line
_LINE = re.compile(f"[^{_BREAK}]*(?:\r\n|[{_BREAK}])?")  # a line with its end (last: empty)
_OPENS_BLOCK = re.compile(r"\s*@")


class _FieldLimit(mw.BlockMiddleware):
    """Empties each field longer than ``limit`` characters before anything reads it,
    noting the first in the entry's parser metadata (``_OVERSIZED``)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def transform_entry(self, entry: Entry, library: Library) -> Entry:
        for f in entry.fields:
            if isinstance(f.value, str) and len(f.value) > self.limit:
                if entry.get_parser_metadata(_OVERSIZED) is None:
                    entry.set_parser_metadata(_OVERSIZED, (f.key, len(f.value)))
                f.value = ""
        return entry


class _LatexWhereHeld(mw.LatexDecodingMiddleware):
    """pylatexenc only on the words that hold LaTeX: a long plain title costs nothing,
    and an author list with one accented name decodes that name alone (remembered:
    a name recurs). Words are cut at whitespace outside braces and brackets; a word
    ending in a command or in an argument of one keeps the word after it (the command
    may read it); a string with math, a comment or an environment is decoded whole."""

    def __init__(self) -> None:
        super().__init__()
        self._decoded: dict[str, tuple[str, str]] = {}

    def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
        if not _LATEX.search(python_string):
            return _unbraced(python_string), ""
        pieces = _latex_pieces(python_string)
        if pieces is None:
            return super()._transform_python_value_string(python_string)
        out = []
        for i, piece in enumerate(pieces):
            if i % 2 or not _SPECIAL.search(piece):  # whitespace between, or plain
                out.append(_unbraced(piece))
                continue
            if piece not in self._decoded:
                if len(self._decoded) >= _DECODED_KEPT:
                    self._decoded.clear()
                self._decoded[piece] = super()._transform_python_value_string(piece)
            text, error = self._decoded[piece]
            if error:  # as the whole string's decoding says it
                return super()._transform_python_value_string(python_string)
            out.append(text)
        return "".join(out), ""


def _unbraced(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def _latex_pieces(text: str) -> list[str] | None:
    r"""``text`` as words and the whitespace between them (even and odd places), a word
    that may pass LaTeX state to the next joined with it; None when ``text`` is to
    be decoded whole (math, a comment, an environment, unbalanced braces).

    >>> _latex_pieces(r"Jos{\'e} Wu and {Bo Li} \ss x")
    ["Jos{\\'e} Wu", ' ', 'and', ' ', '{Bo Li}', ' ', '\\ss x']
    >>> _latex_pieces("$a b$"), _latex_pieces("{a"), _latex_pieces("a}")
    (None, None, None)
    """
    if _WHOLE.search(text):
        return None
    words = []
    depth = at = square = 0  # braces open, square brackets open (an optional argument)
    for m in _WORD_MARK.finditer(text):
        mark = m.group()
        if mark in "{}":
            depth += 1 if mark == "{" else -1
            if depth < 0:
                return None
        elif mark in "[]":
            square = square + 1 if mark == "[" else max(0, square - 1)
        elif depth == square == 0 and not mark.startswith("\\"):  # whitespace outside
            words += [text[at : m.start()], mark]
            at = m.end()
    if depth:
        return None
    words.append(text[at:])
    pieces = [words[0]]
    for space, word in zip(words[1::2], words[2::2], strict=True):
        if _SPECIAL.search(pieces[-1]) and _OPEN_END.search(pieces[-1]):
            pieces[-1] += space + word
        else:
            pieces += [space, word]
    return pieces


def _one_line(reason: str, most: int = 300) -> str:
    """bibtexparser's message on one line, cut after ``most`` characters (it may quote a
    whole author list).

    >>> _one_line("Cannot split `A,\\n B, C`"), _one_line("x" * 400)[-3:]
    ('Cannot split `A, B, C`', 'xx…')
    """
    text = " ".join(reason.split())
    return f"{text[:most]}…" if len(text) > most else text


def _field(entry: Entry, key: str) -> str | None:
    f = entry.fields_dict.get(key)
    if f is None or f.value is None:
        return None
    text = " ".join(str(f.value).replace("{", "").replace("}", "").split())
    return text or None


def _split_raw_authors(text: str) -> list[str]:
    """Fallback when bibtexparser cannot split a list: ``and``-separated, else a
    comma-separated list of ``First Last`` names (as some CV exports write)."""
    text = text.replace("{", "").replace("}", "")
    pieces = [p for p in re.split(r"\s+and\s+", text) if p.strip()]
    if len(pieces) == 1 and text.count(",") > 1:
        pieces = text.split(",")
    return [p.strip(" ,#*") for p in pieces if p.strip(" ,#*")]


def _authors(entry: Entry) -> tuple[list[str], bool]:
    """Display names in order, and whether the list is complete (no ``and others``)."""
    f = entry.fields_dict.get("author")
    if f is None or f.value is None:
        return [], False
    values: list[mw.NameParts | str] = []
    for value in f.value if isinstance(f.value, list) else [f.value]:
        if isinstance(value, mw.NameParts):
            values.append(value)
        else:  # a list bibtexparser could not split into name parts
            values.extend(_split_raw_authors(str(value)))
    names, complete = [], True
    for parts in values:
        if isinstance(parts, mw.NameParts):
            written = " ".join([*parts.first, *parts.von, *parts.last, *parts.jr])
        else:
            written = str(parts)
        written = " ".join(written.replace("{", "").replace("}", "").split())
        if written.casefold() in ("others", "et al", "et al."):
            complete = False
        elif written:
            names.append(written)
    return names, complete


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int, int]]:
    """Where to cut ``text`` into pieces of about ``size`` characters: each piece's
    number of lines before it, its start and its end; cut only before a line that
    opens a block (``@``) outside every brace, so no entry is split (a file whose
    braces never balance stays whole). Lines end as ``str.splitlines`` ends them.

    >>> text = "@a{k1, t={x\\n@not}}\\n@b{k2}\\n@c{k3}\\n"
    >>> [(no, text[start:end]) for no, start, end in chunks(text, size=5)]
    [(0, '@a{k1, t={x\\n@not}}\\n'), (2, '@b{k2}\\n'), (3, '@c{k3}\\n')]
    """
    out: list[tuple[int, int, int]] = []
    start = start_no = depth = 0
    for no, line in enumerate(_LINE.finditer(text)):
        at = line.start()
        if at == len(text):
            break
        if depth == 0 and at - start >= size and _OPENS_BLOCK.match(line.group()):
            out.append((start_no, start, at))
            start, start_no = at, no
        bare = _ESCAPED_BRACE.sub("", line.group())
        depth = max(0, depth + bare.count("{") - bare.count("}"))
    return [*out, (start_no, start, len(text))] if start < len(text) or not out else out


def parse_bibtex(doc: Document) -> Extraction:
    limit = field_limit()
    middleware = _middleware(limit)
    b = GraphBuilder(doc)
    first_line: dict[str, int] = {}  # entry key -> its line, over the chunks read so far
    strings: list[Block] = []  # @string definitions so far, for the next chunks
    for before, start, end in chunks(doc.text, CHUNK_CHARS):
        library = _parse(doc.text[start:end], strings, middleware)
        _chunk(b, library, before, first_line, strings, (limit, middleware))
        strings = list(library.strings)
    return b.out


def _middleware(limit: int) -> list[Middleware]:
    """What bibtexparser runs on each block after its own (one list for a whole file)."""
    return [
        _FieldLimit(limit),
        mw.NormalizeFieldKeys(),
        _LatexWhereHeld(),
        mw.SeparateCoAuthors(),
        mw.SplitNameParts(),
    ]


def _parse(text: str, strings: list[Block], middleware: list[Middleware]) -> Library:
    """``text`` through bibtexparser and ``middleware``, ``strings`` defined before it."""
    return parse_string(text, append_middleware=middleware, library=Library(strings))


def _chunk(
    b: GraphBuilder,
    library: Library,
    before: int,
    first_line: dict[str, int],
    strings: list[Block],
    reading: tuple[int, list[Middleware]],
) -> None:
    """The entries and failed blocks of one chunk in file order, its first line
    ``before + 1``; ``reading``: the field limit and the middleware."""
    limit, middleware = reading
    own = {e.key: before + (e.start_line or 0) + 1 for e in library.entries}
    earlier = {key: first_line[key] for key in own if key in first_line}
    first_line.update({key: line for key, line in own.items() if key not in earlier})
    blocks = sorted([*library.failed_blocks, *library.entries], key=lambda x: x.start_line or 0)
    for block in blocks:
        line = before + (block.start_line or 0) + 1
        if isinstance(block, Entry):
            if block.key in earlier:  # a key an earlier chunk had: as bibtexparser says it
                b.warn(
                    line,
                    f"Duplicate entry key '{block.key}' (first at line {earlier[block.key]}); "
                    "entry ingested as read",
                )
            _entry(b, block, line, limit)
            continue
        entry = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else None
        reason = _one_line(str(getattr(block, "error", type(block).__name__)).split(". ")[0])
        if isinstance(entry, Entry):
            # duplicate key, duplicate field, unsplittable names: the entry is still usable
            if "Duplicate entry key" in reason:
                reason = f"{reason} (first at line {first_line.get(entry.key)})"
                # bibtexparser runs no middleware on it: read alone, it is decoded too
                entry = next(iter(_parse(entry.raw or "", strings, middleware).entries), entry)
            b.warn(line, f"{reason}; entry ingested as read")
            _entry(b, entry, line, limit)
        else:
            b.skip(line, f"unparseable BibTeX block: {reason}")


def _entry(b: GraphBuilder, entry: Entry, line: int, limit: int) -> None:
    if oversized := entry.get_parser_metadata(_OVERSIZED):
        key, size = oversized
        b.skip(
            line,
            f"entry {entry.key!r}: field {key!r} has {size} characters, over the limit of "
            f"{limit} per field ({MAX_FIELD_CHARS})",
        )
        return
    title = _field(entry, "title")
    if not title:
        b.skip(line, f"entry {entry.key!r} has no title")
        return
    authors, complete = _authors(entry)
    venue_text = _field(entry, "booktitle") or _field(entry, "journal")
    archive = (_field(entry, "archiveprefix") or "").casefold()
    eprint = _field(entry, "eprint")
    arxiv = (
        eprint
        if archive == "arxiv" or (eprint and "arxiv" in (venue_text or "").casefold())
        else None
    )
    if not arxiv:
        m = _ARXIV_IN_TEXT.search(" ".join(filter(None, [venue_text, _field(entry, "url")])))
        arxiv = m.group(1) if m else None
    venue, venue_year = normalize_venue(venue_text) if venue_text else (None, None)
    if venue is None and arxiv:
        venue = "arXiv"
    preprint = venue == "arXiv" or (entry.entry_type.lower() in _PREPRINT_TYPES and not venue)
    b.publication(
        title,
        line,
        authors=authors,
        authors_complete=complete,
        year=year_in(_field(entry, "year") or "") or venue_year,
        status="preprint" if preprint else "published",
        venue=venue,
        venue_full=venue_text if venue_text and venue_text != venue else None,
        doi=_field(entry, "doi"),
        arxiv=arxiv,
        abstract=_field(entry, "abstract"),
    )
