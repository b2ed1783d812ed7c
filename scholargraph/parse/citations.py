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

import html
import re
from dataclasses import dataclass, field
from typing import Any

from scholargraph import ids
from scholargraph.normalize.names import compatible, display_name, looks_like_name
from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse.markup import (
    MATH_MARK,
    bold_spans,
    italic_spans,
    link_spans,
    marked_spans,
    plain,
)

# a venue tag opening an entry, also in bold or underlined: [ASPLOS'26], `AAAI 2026`
_TAG = re.compile(
    r"^\s*(?:\*\*|__|<u>|<b>)?"
    r"(?:\[([^\]]*[A-Za-z][^\]]*)\](?!\()|`([^`]*[A-Za-z][^`]*)`)"
    r"(?:\*\*|__|</u>|</b>)?\s*"
)
_APA = re.compile(
    r"^(?P<authors>.+?[.)])\s+\(?(?P<year>(?:19|20)\d\d)[a-z]?(?:\)\.?|\.)\s+"
    r"(?P<title>.+?[.?!])(?:\s+(?P<venue>.*))?$"
)
_TRAILING_LABELS = re.compile(  # "Title. [PDF] [[Full Version]](url)": link labels after it
    r"(?:\s*\[?\[[^\[\]]{1,30}\]\]?(?:\([^)\s]*\))?)+\s*$"
)
# a line of link labels only ("[PDF] [Code]", "[[Full Version]](url)"): no title, no author
_LINKS_ONLY = re.compile(r"(?:\s*\[?\[[^\[\]]{1,40}\]\]?(?:\([^)\s]*\))?[\s,;|·/]*)+")
_LEAD_VENUE = re.compile(  # an acronym and a year opening a line, a title after them
    r"^\s*(?:\*\*)?([A-Z][A-Za-z]*[A-Z][A-Za-z]*\s+(?:19|20)\d\d)(?:\*\*)?[\s:.-]+"
    r"(?=[A-Z\"“*\[][^\s]*(?:\s+\S+){2})"
)
_ENTRY_NUMBER = re.compile(r"^[A-Z]{1,2}\.?\s?\d{1,3}$")
# what closes a title before its venue: quotes, punctuation, the title's own emphasis
# (a "*" followed by a space), but not the "*" that opens an italic venue
_AFTER_TITLE = re.compile(r"^[\s\"”’,.]*(?:[*_]+(?=[\s,.\"”’]|$))?[\s\"”’,.]*")
# a title in double quotes, or in single ones as British styles set it ('Earth’s' keeps
# its apostrophe: a closing quote is followed by no letter)
_QUOTED = re.compile(r"[\"“]([^\"”]{8,}?)[,.]?[\"”]|‘(.{8,}?)[,.]?’(?![^\W\d_])")
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?-?)+$")
_INITIALS_FIRST = re.compile(r"^(?:[A-Z]\.\s?-?)+\s*[A-Z][a-z]")  # "J.M. Cheverud"
_ET_AL = re.compile(  # "刘阁等": 等 closing a Chinese list is its "et al."
    r",?\s*(?:\b(?:et\s+al\.?|and\s+others)|\.\.\.|…|(?<=[\u4e00-\u9fff])等人?(?=\s*$|[,，.。;；]))",
    re.IGNORECASE,
)
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


def work_of(c: Citation) -> dict[str, Any]:
    """What a citation says of the work itself (not its authors), as the keyword
    arguments ``GraphBuilder.publication`` takes."""
    return {
        "year": c.year,
        "status": c.status,
        "venue": c.venue,
        "venue_full": c.venue_full,
        "doi": c.doi,
        "arxiv": c.arxiv,
        "abstract": c.abstract,
    }


_SURNAME_INITIALS = re.compile(
    r"^(?P<family>[^\W\d][\w'’-]+(?:\s+[^\W\d][\w'’-]+)?)\s+(?P<given>(?:[A-Z]\.\s?-?){1,3}|[A-Z])$"
)
_AUTHOR_NOISE = re.compile(
    rf"!\[[^\]]*\]\([^)]*\)|<sup>.*?</sup>|{MATH_MARK.pattern}|\^\{{?[\w,*†‡]*\}}?|"
    r"\((?:[*†‡]+\s*:?\s*)?(?:equal contributions?|co-?first(?: authors?)?|"
    r"corresponding(?: authors?)?)[^)]*\)|\((?:[*†‡#]+)\s*:[^)]*\)",
    re.IGNORECASE,
)


def _dotted(initials: str) -> str:
    """``M`` -> ``M.``, ``J.L.`` kept."""
    return initials if initials.endswith(".") or len(initials) > 1 else f"{initials}."


def _group(pieces: list[str]) -> list[str]:
    """Family names joined to the initials after them (``Li``, ``H.`` -> ``Li, H.``)
    and ``Katabuchi M.`` turned to ``M. Katabuchi``, in lists that mix the forms."""

    def before_initials(i: int) -> bool:  # not after "H. Sebastiao": a whole name already
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        return (
            nxt is not None
            and bool(_INITIALS.match(nxt))
            and not _INITIALS.match(pieces[i])
            and not _INITIALS_FIRST.match(pieces[i])
        )

    # "Li, H." somewhere makes "Le Bagousse-Pinguet, Y." a family name too; without
    # one, "Bo Chen, C. Wu" cut at "C." is not "C. Bo Chen"
    comma_form = any(before_initials(i) and " " not in p for i, p in enumerate(pieces))
    out: list[str] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is not None and before_initials(i) and (comma_form or " " not in p):
            out.append(f"{p}, {_dotted(nxt.strip())}")
            i += 2
            continue
        if (m := _SURNAME_INITIALS.match(p)) and not _INITIALS.match(m.group("family")):
            out.append(f"{_dotted(m.group('given').strip())} {m.group('family')}")
        else:
            out.append(p)
        i += 1
    return out


def _name_only(piece: str) -> str:
    """A name without affiliation or contribution marks (``*``, ``†``, ``$``, ``1``, ``✉``)."""
    piece = re.sub(r"[*†‡§¶#$✉︎\u2709\ufe0e\d]+", " ", piece)
    return " ".join(piece.split()).strip(" ,.;:") if piece.strip() else ""


def _name_key(name: str) -> frozenset[str]:
    """The words of a name, however ordered or dotted (``Wang, X.`` ~ ``X. Wang``)."""
    return frozenset(re.findall(r"\w+", ids.fold(name)))


def parse_authors(text: str) -> tuple[list[Mention], bool] | None:
    """Authors in order and whether the list is complete, or None when ``text``
    is not an author list. Names come out as names: ``Surname, A.``, ``Surname A.``
    and ``A. Surname`` (mixed in one list too), marks and ``et al.`` removed."""
    text = _AUTHOR_NOISE.sub("", text)
    marked = [_name_only(plain(s)) for s in marked_spans(text)]
    flat = plain(text).strip(" .")
    flat = re.sub(r"\s*\([^()]{1,80}\)", "", flat)  # (equal contribution), (MIT), (Jax)
    complete = not _ET_AL.search(flat)
    flat = _ET_AL.sub(",", flat).strip(" ,.")  # "A, ... B": the gap parts two names
    pieces = [p.strip() for p in re.split(r",|;|\band\b|&|、|，", flat)]
    pieces = [p for p in (_name_only(x) if not _INITIALS.match(x.strip()) else x for x in pieces)]
    pieces = _group([p for p in pieces if p])
    if not pieces or not all(looks_like_name(p.replace("-", " ")) for p in pieces):
        return None
    keys = [_name_key(m) for m in marked if m]
    flags = [
        any(_name_key(p) == k or p in m for k, m in zip(keys, marked, strict=False)) for p in pieces
    ]
    return [Mention(p, f) for p, f in zip(pieces, flags, strict=True)], complete


def words(title: str) -> int:
    """How many words a title has; Chinese and Japanese, written without spaces, count
    a word for each two characters (``机器学习综述``: 3)."""
    count = 0
    for w in title.split():
        cjk = len(_CJK_CHAR.findall(w))
        count += max(1, cjk // 2) if cjk else 1
    return count


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _names(text: str, person: str) -> bool:
    """Is ``text`` an author list that names ``person``?"""
    parsed = parse_authors(text)
    return parsed is not None and any(compatible(m.name, person) for m in parsed[0])


def read_venue(text: str) -> tuple[str | None, str | None, int | None]:
    """(short name, full text, year) of a venue string."""
    spans = italic_spans(text)
    text = plain(spans[0] if spans else text)
    text = _LINK_TAGS.sub("", text)
    text = _VENUE_NOISE.sub(" ", text)
    text = re.sub(r",?\s*\d+\s*\(\d+\)\s*,?.*$|,\s*\d+\s*,\s*[\d–-]+\s*\.?$", "", text)
    text = re.sub(r",?\s*\b(?:vol|volume|no|issue)\.?\s*\d+.*$", "", text, flags=re.I)  # Vol. 3
    # "SIGMOD: 447-462." and "SIGGRAPH Asia: 10 pages.": pages after a colon
    text = re.sub(
        r"\s*:\s*\d+\s*(?:[–-]\s*\d+|pages?)?\s*\.?(?=[,\s]*(?:(?:19|20)\d\d)?$)", "", text
    )
    text = " ".join(text.split()).strip(" .,;:")
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


def _authors_after(lines: list[str]) -> tuple[str, str] | None:
    """(authors text, venue text) when the first one to three lines are an author
    list (a list may wrap); the venue is the line after it."""
    for k in (1, 2, 3):
        if k > len(lines):
            break
        authors = " ".join(lines[:k])
        wraps = re.search(r"(?:,|\band)\s*$", plain(authors)) and k < len(lines)
        if not wraps and parse_authors(authors) is not None:
            return authors, " ".join(lines[k : k + 1])
    return _authors_then_venue(lines[0])


def _authors_then_venue(line: str) -> tuple[str, str] | None:
    """(authors text, venue text) of a line that runs from an author list into the
    venue (``A. Lee, Bo Wu, and Cy Li, IEEE Trans. Signal Process. 71 (2023)``): the
    longest run of comma-separated parts that reads as authors, two names at least."""
    cuts = [m.start() for m in re.finditer(r",|(?<!\b[A-Z])\.\s", line)]  # not "J. Lee"
    for at in reversed(cuts):
        head, rest = line[:at], line[at + 1 :].strip()
        named = parse_authors(head)
        if named and len(named[0]) >= 2 and rest and parse_authors(rest) is None:
            return head, rest
    return None


def _split_title_first(lines: list[str]) -> tuple[str, str, str] | None:
    """``**Title**`` (or ``[Title](url)``, ``*Title*``) on its own line, authors on
    the next (wrapped over up to three lines), the venue after."""
    first = lines[0]
    spans = bold_spans(first) or italic_spans(first) or link_spans(first)
    if len(lines) < 2 or not spans or len(plain(first)) > len(spans[0]) + 3:
        return None
    if found := _authors_after(lines[1:]):
        return spans[0], *found
    return spans[0], lines[1], " ".join(lines[2:])


def _split_title_plain_first(lines: list[str]) -> tuple[str, str, str] | None:
    """A plain title line, then an author list on the next line(s), then the venue."""
    title = plain(lines[0]).strip(" .")
    if len(lines) < 2 or words(title) < 2:
        return None
    if (apa := _APA.match(title + ".")) and parse_authors(apa["authors"]) is not None:
        return None  # "Lee, A., & Wu, B. (2025). Title." opens the entry: no title alone
    if (named := parse_authors(lines[0])) and (len(named[0]) > 1 or len(title.split()) <= 2):
        return None  # a name list, not a title ("Flexible Wearable Devices" may look like one)
    if found := _authors_after(lines[1:]):
        return title, *found
    return None


def _split_title_lead(lines: list[str]) -> tuple[str, str, str] | None:
    """``[Title](url). Authors`` or ``**Title**, Authors``: a title set apart that
    opens the line, the authors after it on the same line."""
    first = lines[0].strip()
    m = re.match(
        r"^(?:<a\b[^>]*>(.+?)</a>|\[([^\]]+)\]\([^)]*\)|\*\*(.+?)\*\*|\*([^*]+)\*|[\"“]([^\"”]+)[\"”])",
        first,
    )
    if not m:
        return None
    title = plain(next(g for g in m.groups() if g)).strip(" .,")
    rest = plain(first[m.end() :]).lstrip(" .,:;-–—")
    # a name set apart (bold, or linked and followed by a comma) opens an author list
    listed = m.group(3) or m.group(4) or re.match(r"\s*(?:[,，、&]|and\b)", first[m.end() :])
    if words(title) < 2 or not rest or (listed and parse_authors(title) is not None):
        return None
    raw_rest = first[m.end() :].lstrip(" .,:;-–—")
    if parse_authors(raw_rest) is not None:
        return title, raw_rest, " ".join(lines[1:])
    cut = re.search(r"\.\s+(?=\S)", rest)  # "Authors. Venue, 2021."
    if cut and parse_authors(rest[: cut.start()]) is not None:
        return title, rest[: cut.start()], " ".join([rest[cut.end() :], *lines[1:]])
    return None


def _split_authors_first(lines: list[str]) -> tuple[str, str, str] | None:
    """An author list alone on the first line (two names at least, or the owner set
    apart), the title alone on the next, neither with a year, the venue after (a CV
    class's entry macro, ``\\cventry{authors}{title}{venue}{year}``)."""
    named = parse_authors(lines[0]) if len(lines) > 1 and not year_in(lines[0]) else None
    if named is None or not (len(named[0]) > 1 or named[0][0].marked):
        return None
    title = plain(lines[1]).strip(" .")
    if words(title) < 3 or year_in(title) or parse_authors(lines[1]) is not None:
        return None  # (a line with a year is a venue, or authors and venue run on)
    return title, lines[0], " ".join(lines[2:])


def _split_title_marked(text: str) -> tuple[str, str, str] | None:
    """``authors. *Title*. venue`` or ``authors, "Title," venue``."""
    quoted = [m.group(1) or m.group(2) for m in _QUOTED.finditer(plain(text))]
    for title in [*italic_spans(text), *quoted]:
        if words(title) < 2 or _ET_AL.fullmatch(title.strip(" ,.")):  # "*et al.*"
            continue
        raw_at = text.find(title)
        at = raw_at if raw_at >= 0 else plain(text).find(title)
        source = text if raw_at >= 0 else plain(text)
        # a title linked inside its quotes: “[Title](url).”
        before = source[:at].rstrip(' *_"“‘,.[')
        after = re.sub(r"^\]\([^)\s]*\)", "", source[at + len(title) :])
        after = _AFTER_TITLE.sub("", after)
        if parse_authors(before) is not None:
            return title, before, after
    return None


_LEAD = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[\d{1,3}\]\s*)?")
_ARXIV_REF = re.compile(r"arxiv[^\d]{0,20}\d{4}\.\d{4,5}", re.IGNORECASE)


def _split_labelled(lines: list[str]) -> tuple[str, str, str] | None:
    """An entry that labels its authors (``*Authors:* A. Lee, B. Wu``): the title is
    the first line's set-apart text (or the first line up to a dash), the venue the
    rest of that line."""
    labelled = [m for ln in lines[1:] if (m := _AUTHORS_LABEL.match(ln))]
    inline = _AUTHORS_INLINE.search(lines[0])  # "**Title** — Venue. *Authors*: A, B"
    if not labelled and inline and inline.start() > 0:
        return _split_labelled([lines[0][: inline.start()], lines[0][inline.start() :]])
    if not labelled:
        return None
    first = lines[0]
    spans = bold_spans(first) or link_spans(first) or italic_spans(first)
    head = plain(first)
    title = spans[0] if spans else re.split(r"\s+[—–-]\s+", head, maxsplit=1)[0]
    rest = head[head.find(plain(title)) + len(plain(title)) :] if plain(title) in head else ""
    return title, labelled[0].group("authors"), rest.lstrip(" —–-:,.")


_AUTHORS_INLINE = re.compile(r"(?<=[\s.;,])[*_]*(?:authors?|作者)[*_\s]*[:：]", re.IGNORECASE)
_AUTHORS_LABEL = re.compile(  # "*Authors:* A. Lee, **B. Wu**": the names keep their marks
    r"^[\W_]*(?:authors?|作者)[*_\s]*[:：][*_\s]*(?P<authors>.+)$", re.IGNORECASE
)


def _split(lines: list[str]) -> tuple[str, str, str, int | None] | None:
    """(title, authors text, venue text, year) by the first shape that fits."""
    if len(lines) > 1 and (labelled := _split_labelled(lines)):
        return (*labelled, None)
    text = " ".join(lines)
    split = _split_title_first(lines) if len(lines) > 1 else None
    split = split or _split_title_lead(lines)
    split = split or _split_title_marked(text) or _split_authors_first(lines)
    if split := split or _split_title_plain_first(lines):
        return (*split, None)
    if m := _APA.match(plain(text)):
        year = m.group("year")
        authors = text[: text.find(year)].rstrip(" (") if year in text else m.group("authors")
        return m.group("title").rstrip("."), authors, m.group("venue") or "", int(year)
    return _split_plain(text)


def _split_plain(text: str) -> tuple[str, str, str, int | None] | None:
    """``Authors. Title. Venue, year.`` with nothing set apart: the shortest prefix
    ending in ``. `` that is a whole author list, then the title up to the next
    sentence end (initials such as ``X.`` in the list are not taken for its end).
    DBLP's ``Authors: Title. Venue`` too, where two names at least end in the colon."""
    flat = plain(text)
    colon = re.search(r":\s+", flat)
    named = parse_authors(text[: text.find(":")]) if colon else None
    if colon and named and len(named[0]) >= 2:  # unless a list ends before it ("J. Li. Sys: …")
        ends = (m for m in re.finditer(r"(?<!\b[A-Z])\.\s+", flat[: colon.start()]))
        colon = None if any(parse_authors(flat[: m.start()]) for m in ends) else colon
    else:
        colon = None
    cuts = [colon] if colon else re.finditer(r"(?<!\.\.)\.\s+", flat)  # not "A, ... B"
    for m in cuts:
        authors, rest = flat[: m.start()], flat[m.end() :]
        if m is not colon and parse_authors(authors) is None:
            continue
        dated = _YEAR_FIRST.match(rest)  # "Authors. 2016. Title. Venue."
        rest = rest[dated.end() :] if dated else rest
        end = re.search(r"(?<=[\w)])[.?!](?:\s+|$)", rest)
        title = rest[: end.start() + 1].rstrip(".") if end else rest
        if words(title) < 2:
            return None
        return title, authors, rest[end.end() :] if end else "", int(dated[1]) if dated else None
    return None


_YEAR_LINE = re.compile(r"\s*((?:19|20)\d\d)\s*年?\s*[.:]?\s*")
_YEAR_SET_APART = re.compile(r"\s*(?:\*\*|`)((?:19|20)\d\d)\s*年?(?:\*\*|`)\s*(?=\S)")
_YEAR_FIRST = re.compile(r"\(?((?:19|20)\d\d)[a-z]?\)?[.,:]\s+")


def _status(default: str, flat: str, venue_text: str, tagged_venue: str | None) -> str:
    if default == "preprint":
        return "preprint"
    if _PREPRINT.search(plain(venue_text)) and tagged_venue in (None, "arXiv"):
        return "preprint"
    return "accepted" if _ACCEPTED.search(flat) else default


def parse_citation(
    lines: list[str], *, default_status: str = "published", owner: str | None = None
) -> Citation | None:
    """The publication in an entry's lines (Markdown kept), or None when no title
    can be told apart from the authors and venue. Given the document's ``owner``, a
    reading whose "title" is a name list naming the owner and whose "authors" do not
    is turned round: a title in capitals with commas reads like names, but only the
    author list names the owner."""
    lines = [  # "&quot;Title.&quot;": the quotes a page escaped are quotes
        _LEAD.sub("", ln, count=1) if i == 0 else ln.strip()
        for i, ln in enumerate(x for x in (html.unescape(ln).strip() for ln in lines) if x)
    ]
    if not lines:
        return None
    tag: tuple[str, int | None] | None = None
    if m := _TAG.match(lines[0]) or _LEAD_VENUE.match(lines[0]):  # [ASPLOS'26, CCF-A],
        # or "STOC 2026 Title" (a venue and year set before the title); [C3] numbers it
        written = m.group(1) or m.group(2) or ""
        if not _ENTRY_NUMBER.match(written):
            named, tag_year = normalize_venue(written)  # "CVPR 2024" -> CVPR, 2024
            tag = (re.sub(r"\s*\b(?:19|20)\d\d$", "", named) or named, tag_year or year_in(written))
        lines[0] = lines[0][m.end() :]
        lines = [ln for ln in lines if ln.strip()]
        if not lines:
            return None
    dated = None
    if len(lines) > 1 and (m := _YEAR_LINE.fullmatch(plain(lines[0]))):  # "**2026年**"
        lines, dated = lines[1:], int(m.group(1))
    elif m := _YEAR_SET_APART.match(lines[0]):  # "**2026年** **Title**", "`2023` Title"
        lines, dated = [lines[0][m.end() :], *lines[1:]], int(m.group(1))
    every = lines  # identifiers may sit in the links
    lines = [lines[0], *(ln for ln in lines[1:] if not _LINKS_ONLY.fullmatch(plain(ln)))]
    split = _split(lines)
    if split is None:
        return None
    title, authors_text, venue_text, year = split
    if owner and _names(title, owner) and not _names(authors_text, owner):
        title, authors_text = plain(authors_text), title
    parsed = parse_authors(authors_text)
    authors, complete = parsed if parsed else ([], False)
    short, full, venue_year = read_venue(venue_text)
    if tag:
        full = full or (short if short != tag[0] else None)
        short, venue_year = tag[0], tag[1] or venue_year
    flat = plain(" ".join(every))
    arxiv = ids.normalize_arxiv(m.group(0)) if (m := _ARXIV_REF.search(flat)) else None
    status = _status(default_status, flat, venue_text, tag[0] if tag else None)
    if short and short != "arXiv" and _PREPRINT.search(short):  # "TechRxiv Preprint"
        short = re.sub(r"\s*\bpreprint\b\s*", "", short, flags=re.IGNORECASE) or None
    if status == "preprint" and arxiv and not short:
        short = "arXiv"
    return Citation(
        title=_TRAILING_LABELS.sub("", plain(title)).strip(' .,"“”'),
        authors=authors,
        authors_complete=complete,
        venue=short,
        venue_full=full,
        year=year or venue_year or dated or year_in(plain(venue_text)),
        status=status,
        doi=ids.normalize_doi(flat),
        arxiv=arxiv,
    )
