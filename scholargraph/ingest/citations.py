"""One publication entry of a CV or web page, in any of the usual citation shapes.

Shapes read (the entry's lines joined, Markdown kept so emphasis can be seen):

- author-year: ``Li, H., **Wang, X.**, and Fan, Z. 2026. Title. arXiv preprint ...``
- title set apart: ``A. Lee, [B. Chen](#). *Title*. Venue.`` (italic, bold or quoted)
- title first: ``**Title**`` then an author line, then a venue line
- a tag first: ``[ASPLOS'26, CCF-A] authors. *Title*. venue`` (venue and year from the tag)

>>> c = parse_citation(["[ICML'26, CCF-A] Ann Lee, [Bo Chen](#). *Fast Things*. Proc. ICML."])
>>> c.title, [a.name for a in c.authors], [a.marked for a in c.authors], c.venue, c.year
('Fast Things', ['Ann Lee', 'Bo Chen'], [False, True], 'ICML', 2026)
>>> c = parse_citation(["Li, H., **Wang, X.**, and Fan, Z. 2026. Fast recovery. arXiv:2602.21140."])
>>> c.title, [a.name for a in c.authors], c.year, c.status, c.arxiv
('Fast recovery', ['H. Li', 'X. Wang', 'Z. Fan'], 2026, 'preprint', '2602.21140')
>>> c = parse_citation(["[C2] A. B. Lee, Bo Chen and C. Wu. Deep Joins. In SIGMOD, 2021."])
>>> c.title, [a.name for a in c.authors], c.venue, c.year
('Deep Joins', ['A. B. Lee', 'Bo Chen', 'C. Wu'], 'SIGMOD', 2021)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scholargraph import ids
from scholargraph.ingest.markup import bold_spans, italic_spans, marked_spans, plain
from scholargraph.ingest.names import display_name, looks_like_name
from scholargraph.ingest.venues import normalize_venue, year_in

_TAG = re.compile(r"^\s*\[([^\]]*[A-Za-z][^\]]*)\]\s*")
_APA = re.compile(
    r"^(?P<authors>.+?[.)])\s+\(?(?P<year>(?:19|20)\d\d)[a-z]?\)?\.\s+"
    r"(?P<title>.+?[.?!])(?:\s+(?P<venue>.*))?$"
)
_ENTRY_NUMBER = re.compile(r"^[A-Z]{1,2}\.?\s?\d{1,3}$")
_QUOTED = re.compile(r"[\"“]([^\"”]{8,}?)[,.]?[\"”]")
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?-?)+$")
_ET_AL = re.compile(r",?\s*\b(?:et\s+al\.?|and\s+others)", re.IGNORECASE)
_LINK_TAGS = re.compile(
    r"\[(?:pdf|code|preprint|publication|slides|video|website|doi|arxiv|"
    r"bib|html|abs|project|poster|talk|artifact)[^\]]*\]",
    re.IGNORECASE,
)
_PREPRINT = re.compile(
    r"\b(?:arxiv|preprint|techrxiv|biorxiv|medrxiv|ssrn|under review|"
    r"submitted|manuscript|in submission)\b|预印",
    re.IGNORECASE,
)
_ACCEPTED = re.compile(r"\b(?:accepted|to appear|forthcoming|in press)\b|录用|接收", re.I)
_VENUE_NOISE = re.compile(
    r"^(?:(?:submitted|under review)\s+(?:to|at)\s+)?(?:in\s+)?"
    r"(?:(?:proceedings|proc\.)\s+(?:of\s+)?(?:the\s+)?)?|\(pp\.[^)]*\)|\bpp\.\s*[\d–-]+|"
    r"\bdoi:\s*\S+|\barxiv(?: preprint)?\s*(?:arxiv)?:\s*\S+",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """An author as written in an entry; ``marked`` when set apart (bold, self-link)."""

    written: str
    marked: bool = False

    @property
    def name(self) -> str:
        return display_name(self.written)


@dataclass
class Citation:
    title: str
    authors: list[Mention] = field(default_factory=list)
    authors_complete: bool = True
    venue: str | None = None
    venue_full: str | None = None
    year: int | None = None
    status: str = "published"
    doi: str | None = None
    arxiv: str | None = None
    abstract: str | None = None


def parse_authors(text: str) -> tuple[list[Mention], bool] | None:
    """Authors in order and whether the list is complete, or None when ``text``
    is not an author list."""
    marked = {plain(s) for s in marked_spans(text)}
    flat = plain(text).strip(" .")
    flat = re.sub(r"\((?:\*|†)?\s*equal contributions?\)", "", flat, flags=re.IGNORECASE)
    complete = not _ET_AL.search(flat)
    flat = _ET_AL.sub("", flat).strip(" ,.")
    pieces = [p.strip() for p in re.split(r",|;|\band\b|&|、", flat)]
    pieces = [p for p in pieces if p]
    # "Li, H., Wang, X." : a family name followed by its initials
    if len(pieces) >= 2 and all(_INITIALS.match(p) for p in pieces[1::2]) and len(pieces) % 2 == 0:
        pieces = [
            f"{last}, {first if first.endswith('.') or len(first) > 1 else first + '.'}"
            for last, first in zip(pieces[::2], pieces[1::2], strict=True)
        ]
    if not pieces or not all(looks_like_name(p) for p in pieces):
        return None
    flags = [p.strip(" *†‡") in marked or any(p in m for m in marked) for p in pieces]
    return [Mention(p.strip(" *†‡"), f) for p, f in zip(pieces, flags, strict=True)], complete


def _venue(text: str) -> tuple[str | None, str | None, int | None]:
    """(short name, full text, year) of a venue string."""
    spans = italic_spans(text)
    text = plain(spans[0] if spans else text)
    text = _LINK_TAGS.sub("", text)
    text = _VENUE_NOISE.sub(" ", text)
    text = re.sub(r",?\s*\d+\s*\(\d+\)\s*,?.*$|,\s*\d+\s*,\s*[\d–-]+\s*\.?$", "", text)
    text = " ".join(text.split()).strip(" .,;")
    trailing = re.search(r"[,\s]+((?:19|20)\d\d)$", text)  # "SIGMOD, 2021"
    if trailing:
        text = text[: trailing.start()]
    if not text or len(text) < 2:
        return None, None, int(trailing.group(1)) if trailing else None
    short, year = normalize_venue(text)
    return (
        short,
        (text if text != short else None),
        year or (int(trailing.group(1)) if trailing else None),
    )


def _split_title_first(lines: list[str]) -> tuple[str, str, str] | None:
    """``**Title**`` on its own line, authors on the next, the venue after."""
    first = lines[0]
    spans = bold_spans(first) or italic_spans(first)
    if len(lines) < 2 or not spans or len(plain(first)) > len(spans[0]) + 3:
        return None
    return spans[0], lines[1], " ".join(lines[2:])


def _split_title_marked(text: str) -> tuple[str, str, str] | None:
    """``authors. *Title*. venue`` or ``authors, "Title," venue``."""
    for title in [*italic_spans(text), *(m.group(1) for m in _QUOTED.finditer(plain(text)))]:
        if len(title.split()) < 2:
            continue
        raw_at = text.find(title)
        at = raw_at if raw_at >= 0 else plain(text).find(title)
        source = text if raw_at >= 0 else plain(text)
        before, after = source[:at].rstrip(' *_"“,.'), source[at + len(title) :].lstrip(' *_"”,.')
        if parse_authors(before) is not None:
            return title, before, after
    return None


_LEAD = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[\d{1,3}\]\s*)?")
_ARXIV_REF = re.compile(r"arxiv[^\d]{0,20}\d{4}\.\d{4,5}", re.IGNORECASE)


def _split(lines: list[str]) -> tuple[str, str, str, int | None] | None:
    """(title, authors text, venue text, year) by the first shape that fits."""
    text = " ".join(lines)
    split = _split_title_first(lines) if len(lines) > 1 else None
    if split := split or _split_title_marked(text):
        return (*split, None)
    if m := _APA.match(plain(text)):
        year = m.group("year")
        authors = text[: text.find(year)] if year in text else m.group("authors")
        return m.group("title").rstrip("."), authors, m.group("venue") or "", int(year)
    return _split_plain(text)


def _split_plain(text: str) -> tuple[str, str, str, int | None] | None:
    """``Authors. Title. Venue, year.`` with nothing set apart: the shortest prefix
    ending in ``. `` that is a whole author list, then the title up to the next
    sentence end (initials such as ``X.`` in the list are not taken for its end)."""
    flat = plain(text)
    for m in re.finditer(r"\.\s+", flat):
        authors, rest = flat[: m.start()], flat[m.end() :]
        if parse_authors(authors) is None:
            continue
        end = re.search(r"(?<=[\w)])[.?!](?:\s+|$)", rest)
        title = rest[: end.start() + 1].rstrip(".") if end else rest
        if len(title.split()) < 2:
            return None
        return title, authors, rest[end.end() :] if end else "", None
    return None


def _status(default: str, flat: str, venue_text: str, tagged_venue: str | None) -> str:
    if default == "preprint":
        return "preprint"
    if _PREPRINT.search(plain(venue_text)) and tagged_venue in (None, "arXiv"):
        return "preprint"
    return "accepted" if _ACCEPTED.search(flat) else default


def parse_citation(lines: list[str], *, default_status: str = "published") -> Citation | None:
    """The publication in an entry's lines (Markdown kept), or None when no title
    can be told apart from the authors and venue."""
    lines = [
        _LEAD.sub("", ln, count=1) if i == 0 else ln.strip()
        for i, ln in enumerate(x for x in (ln.strip() for ln in lines) if x)
    ]
    if not lines:
        return None
    tag: tuple[str, int | None] | None = None
    if m := _TAG.match(lines[0]):  # [ASPLOS'26, CCF-A]; [C3] only numbers the entry
        if not _ENTRY_NUMBER.match(m.group(1)):
            tag = normalize_venue(m.group(1))
        lines[0] = lines[0][m.end() :]
    split = _split(lines)
    if split is None:
        return None
    title, authors_text, venue_text, year = split
    parsed = parse_authors(authors_text)
    authors, complete = parsed if parsed else ([], False)
    short, full, venue_year = _venue(venue_text)
    if tag:
        full = full or (short if short != tag[0] else None)
        short, venue_year = tag[0], tag[1] or venue_year
    flat = plain(" ".join(lines))
    arxiv = ids.normalize_arxiv(m.group(0)) if (m := _ARXIV_REF.search(flat)) else None
    status = _status(default_status, flat, venue_text, tag[0] if tag else None)
    if short and short != "arXiv" and _PREPRINT.search(short):  # "TechRxiv Preprint"
        short = re.sub(r"\s*\bpreprint\b\s*", "", short, flags=re.IGNORECASE) or None
    if status == "preprint" and arxiv and not short:
        short = "arXiv"
    return Citation(
        title=plain(title).strip(" ."),
        authors=authors,
        authors_complete=complete,
        venue=short,
        venue_full=full,
        year=year or venue_year or year_in(plain(venue_text)),
        status=status,
        doi=ids.normalize_doi(flat),
        arxiv=arxiv,
    )
