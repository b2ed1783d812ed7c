"""BibTeX through bibtexparser v2: a pipeline of its middlewares, then our records.

LaTeX is decoded (``{\\"u}`` -> ü) in the fields that hold it (a command, a special
character, a TeX ligature; braces alone are just dropped), field keys are
lower-cased, author lists are split into name parts (``Last, First`` and ``and
others`` handled), duplicate keys and unparseable blocks are reported with their
line. An entry without a title, or with a field longer than ``field_limit``
(checked before anything decodes it), is skipped; every other entry still ingests.
"""

from __future__ import annotations

import re

from bibtexparser import middlewares as mw
from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, ParsingFailedBlock

from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse.builder import Extraction, GraphBuilder
from scholargraph.parse.documents import MAX_FIELD_CHARS, Document, field_limit

FORMAT = "bibtex"
_PREPRINT_TYPES = {"misc", "unpublished", "techreport"}
_ARXIV_IN_TEXT = re.compile(r"arxiv[:\s]*(\d{4}\.\d{4,5}|[a-z\-]+/\d{7})", re.IGNORECASE)
_LATEX = re.compile(r"[\\~%&$]|--|``|''")  # what LaTeX decoding would change, braces aside
_OVERSIZED = "oversized"  # an entry's parser metadata: (field, characters) over the limit


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
    """pylatexenc only on strings that hold LaTeX: a long plain title costs nothing."""

    def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
        if _LATEX.search(python_string):
            return super()._transform_python_value_string(python_string)
        return python_string.replace("{", "").replace("}", ""), ""


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


def parse_bibtex(doc: Document) -> Extraction:
    limit = field_limit()
    library = parse_string(
        doc.text,
        append_middleware=[
            _FieldLimit(limit),
            mw.NormalizeFieldKeys(),
            _LatexWhereHeld(),
            mw.SeparateCoAuthors(),
            mw.SplitNameParts(),
        ],
    )
    b = GraphBuilder(doc)
    first_line = {e.key: (e.start_line or 0) + 1 for e in library.entries}
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        entry = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else None
        reason = str(getattr(block, "error", type(block).__name__)).split(". ")[0]
        if isinstance(entry, Entry):
            # duplicate key, duplicate field, unsplittable names: the entry is still usable
            if "Duplicate entry key" in reason:
                reason = f"{reason} (first at line {first_line.get(entry.key)})"
            b.warn(line, f"{reason}; entry ingested as read")
            _entry(b, entry, line, limit)
        else:
            b.skip(line, f"unparseable BibTeX block: {reason}")
    for entry in library.entries:
        _entry(b, entry, (entry.start_line or 0) + 1, limit)
    return b.out


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
