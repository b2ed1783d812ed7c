"""A PDF CV as the text reader's line stream (Markdown-like, page and line kept).

A PDF holds positioned glyphs, not lines; this module (on ``pdfplumber``, which
reports each word's box, font name and size) rebuilds what a reader sees:

- **reading order**: words are grouped into lines by their vertical overlap; a page
  whose words leave a vertical gutter in its middle third (two columns, or a sidebar
  beside the main text) is read column by column, band by band between the lines
  that span the gutter (a name or a heading across the whole page);
- **headings**: a short line set in a larger size than the body text becomes a
  Markdown heading (``# Publications``; the larger the size, the fewer ``#``), and so
  does a short bold or all-capitals line that names a known section
  (``EDUCATION``); bold words are kept as ``**bold**`` and italic ones as ``*italic*``
  (what the text reader reads owners, titles and venues by);
- **paragraphs**: a line that runs to the column's right edge is continued by the
  next (a wrapped publication is one line), a hyphen breaking a word there is
  dropped (``opti-`` + ``mization``); bullet glyphs and labels (``•``, ``[C5]``)
  start an entry (``- ``), and so does a run of lines set apart by a larger gap;
- **page furniture**: lines repeated at the top or bottom of several pages (running
  headers and footers) and bare page numbers (``3``, ``Page 3 of 5``, ``- 3 -``) are
  dropped; superscript marks (``Ann Lee*``, affiliations ``1``) are dropped.

Line numbers: the line ``l`` (counted in reading order, from 1) of page ``p`` (from
1) is line ``p * 1000 + l``: ``cv.pdf:2014`` is page 2, line 14. ``pdf_text`` returns
the document as text with each line at that line number (the lines between are
blank), so a fact's evidence (``path:line: text``) shows the line it was read from.

A PDF with no text at all (a scan) is an InputError: it has no text layer to read.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

from scholargraph.errors import InputError
from scholargraph.parse.layout import heading  # the text reader's own heading list

LINES_PER_PAGE = 1000  # line numbers are page * LINES_PER_PAGE + line on the page

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|-medi(?:ital)?$|cmbx|cmb\d|\bbx\b", re.I)
_ITALIC_FONT = re.compile(r"ital|obli|cmti|cmsl|cmbxti|cmbxsl|slant|-it$|-bi$|\+it", re.I)
_BULLET_GLYPH = re.compile(r"^(?:[•◦▪▸►●○■□∙·‣➢➤✓\uf0b7\uf0a7\uf076\uf0d8]|[-–—*])\s*")
_LABEL = re.compile(r"^(?:\[[A-Z]{0,3}\d{1,3}\]|[A-Z]{1,2}\d{1,3}\.)\s+")
_NUMBERED = re.compile(r"^\(?\d{1,3}[.)]\s")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,3}\s*(?:(?:/|of)\s*\d{1,3})?\s*[-–—)\]]?$", re.I
)
_WORD_CHAR = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


@dataclass
class _Line:
    words: list[_Word]
    page: int
    no: int = 0  # line number on its page, in reading order
    text: str = ""  # with Markdown cues
    plain: str = ""
    level: int = 0  # heading level, 0 for body lines
    column: int = 0  # 0: the page's width, 1: its left column, 2: its right one
    bullet: bool = False

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        sizes = Counter[float]()
        for w in self.words:
            sizes[round(w.size, 1)] += len(w.text)
        return sizes.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        letters = [w for w in self.words if _WORD_CHAR.search(w.text)]
        return bool(letters) and all(w.bold for w in letters)


# --- words and lines ---------------------------------------------------------------


def _words(page: Any) -> list[_Word]:
    raw = page.extract_words(
        x_tolerance_ratio=0.12, keep_blank_chars=False, extra_attrs=["fontname", "size"]
    )
    out = []
    for w in raw:
        font = str(w.get("fontname") or "")
        font = font.split("+", 1)[-1]  # "ABCDEF+CMBX10": the subset tag is no part of it
        out.append(
            _Word(
                w["text"],
                float(w["x0"]),
                float(w["x1"]),
                float(w["top"]),
                float(w["bottom"]),
                float(w["size"]),
                bool(_BOLD_FONT.search(font)),
                bool(_ITALIC_FONT.search(font)),
            )
        )
    return out


def _group_lines(words: Iterable[_Word], page: int) -> list[_Line]:
    """Words into lines by vertical overlap, top to bottom, each line left to right;
    small raised words (superscript marks) dropped."""
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        for ln in reversed(lines[-3:]):
            top, bottom = ln.top, ln.bottom
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap > 0.5 * min(bottom - top, w.bottom - w.top):
                ln.words.append(w)
                break
        else:
            lines.append(_Line([w], page))
    for ln in lines:
        ln.words.sort(key=lambda w: w.x0)
        size = ln.size
        base = median(w.bottom for w in ln.words if abs(w.size - size) < 0.5) if ln.words else 0
        kept = [
            w
            for w in ln.words
            if not (w.size < 0.8 * size and w.bottom < base - 0.2 * size and len(w.text) <= 4)
        ]
        ln.words = kept or ln.words
    return lines


def _gutter(words: Sequence[_Word], width: float) -> float | None:
    """The x of a vertical gap between two columns of text, if the page has one."""
    if len(words) < 40:
        return None
    lo, hi = int(width * 0.25), int(width * 0.75)
    allowed = max(2, len(words) // 50)
    best: tuple[int, int] | None = None
    start = None
    for x in range(lo, hi + 1):
        crossing = sum(1 for w in words if w.x0 < x < w.x1)
        if crossing <= allowed and x < hi:
            start = x if start is None else start
            continue
        if start is not None and (best is None or x - start > best[1] - best[0]):
            best = (start, x)
        start = None
    if best is None or best[1] - best[0] < 6:
        return None
    g = (best[0] + best[1]) / 2
    left = [w for w in words if w.x1 <= g]
    right = [w for w in words if w.x0 >= g]
    if min(len(left), len(right)) < 0.15 * len(words):
        return None
    # both sides must hold rows of text side by side, not one side's odd label
    rows_left = {round(w.top) // 4 for w in left}
    rows_right = {round(w.top) // 4 for w in right}
    if len(rows_left & rows_right) < 5 and min(len(rows_left), len(rows_right)) < 8:
        return None
    return g


def _marks(page: Any) -> list[tuple[float, float, float]]:
    """(x1, top, bottom) of small drawn shapes: list bullets a browser draws as discs
    or squares rather than as text."""
    out = []
    for shape in [*page.curves, *page.rects]:
        w, h = float(shape["x1"]) - float(shape["x0"]), float(shape["bottom"]) - float(shape["top"])
        if 1.5 <= w <= 7 and 1.5 <= h <= 7 and abs(w - h) < 1.5:
            out.append((float(shape["x1"]), float(shape["top"]), float(shape["bottom"])))
    return out


def _bulleted(lines: list[_Line], marks: list[tuple[float, float, float]]) -> None:
    """Lines with a drawn bullet just left of their first word get a bullet glyph."""
    for ln in lines:
        first = ln.words[0]
        for x1, top, bottom in marks:
            if first.x0 - 20 <= x1 <= first.x0 and first.top <= (top + bottom) / 2 <= first.bottom:
                ln.words.insert(
                    0, _Word("•", x1 - 3, x1, first.top, first.bottom, first.size, False, False)
                )
                break


def _page_lines(page: Any, number: int) -> list[_Line]:
    """A page's lines in reading order (columns read one after the other), a drawn
    list bullet turned into a bullet glyph."""
    lines = _ordered_lines(page, number)
    if marks := _marks(page):
        _bulleted(lines, marks)
    return lines


def _ordered_lines(page: Any, number: int) -> list[_Line]:
    words = _words(page)
    g = _gutter(words, float(page.width))
    if g is None:
        return _group_lines(words, number)
    spanning = _group_lines([w for w in words if w.x0 < g < w.x1], number)
    for ln in spanning:  # words beside a spanning word on its row belong to that line
        ln.words += [
            w
            for w in words
            if not (w.x0 < g < w.x1)
            and min(ln.bottom, w.bottom) - max(ln.top, w.top) > 0.5 * (w.bottom - w.top)
        ]
    taken = {id(w) for ln in spanning for w in ln.words}
    spanning = _group_lines([w for ln in spanning for w in ln.words], number)
    rest = [w for w in words if id(w) not in taken]
    out: list[_Line] = []
    cuts = [ln.top for ln in spanning] + [float("inf")]
    upper = float("-inf")
    for i, cut in enumerate(cuts):
        band = [w for w in rest if upper <= w.top < cut]
        for column, side in (
            (1, [w for w in band if w.x1 <= g]),
            (2, [w for w in band if w.x1 > g]),
        ):
            for ln in _group_lines(side, number):
                ln.column = column
                out.append(ln)
        if i < len(spanning):
            out.append(spanning[i])
        upper = cut
    return out


# --- text with cues ----------------------------------------------------------------


def _render(words: Sequence[_Word], whole_bold: bool) -> tuple[str, str]:
    """(text with ``**bold**``/``*italic*`` cues, plain text) of a line's words."""
    pieces: list[tuple[str, str, str]] = []  # (separator, style, text)
    prev: _Word | None = None
    for w in words:
        sep = "" if prev is None else (" " if w.x0 - prev.x1 > 0.1 * w.size else "")
        style = "" if whole_bold else ("**" if w.bold else ("*" if w.italic else ""))
        # a "*" the PDF prints (a co-first author's mark) is text, not Markdown emphasis
        pieces.append((sep, style, w.text.replace("*", r"\*")))
        prev = w
    plain = "".join(sep + text for sep, _, text in pieces).replace(r"\*", "*")
    out: list[str] = []
    i = 0
    while i < len(pieces):
        sep, style, text = pieces[i]
        j = i + 1
        while j < len(pieces) and pieces[j][1] == style:
            text += pieces[j][0] + pieces[j][2]
            j += 1
        if style and _WORD_CHAR.search(text):
            stripped = text.rstrip(",.;:")
            text = f"{style}{stripped}{style}{text[len(stripped) :]}"
        out.append(sep + text)
        i = j
    return "".join(out), plain


def _key(text: str) -> str:
    """A line's text with its digits blurred: running headers differ in page number."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[list[_Line]], heights: list[float]) -> list[list[_Line]]:
    """Running headers and footers (the same text in the top or bottom margin of
    several pages, and nowhere else) and bare page numbers there dropped."""

    def at_edge(ln: _Line, height: float) -> bool:
        return ln.top < 0.09 * height or ln.bottom > 0.91 * height

    edge: Counter[str] = Counter()
    body: set[str] = set()  # text also met away from the margins is content, not furniture
    for lines, height in zip(pages, heights, strict=True):
        for key in {_key(ln.plain) for ln in lines if at_edge(ln, height)}:
            edge[key] += 1
        body.update(_key(ln.plain) for ln in lines if not at_edge(ln, height))
    repeated = {k for k, n in edge.items() if n >= 2 and k not in body}
    return [
        [
            ln
            for ln in lines
            if not (
                at_edge(ln, height) and (_key(ln.plain) in repeated or _PAGE_NUMBER.match(ln.plain))
            )
        ]
        for lines, height in zip(pages, heights, strict=True)
    ]


def _heading_levels(lines: list[_Line], body: float) -> None:
    """Mark headings: a larger size than the body (the larger, the higher), or a
    short bold or capitalised line naming a known section."""
    big = sorted({ln.size for ln in lines if ln.size >= body + 1.0}, reverse=True)
    ranks = {size: min(i + 1, 3) for i, size in enumerate(big)}
    for ln in lines:
        short = len(ln.plain) <= 80 and _WORD_CHAR.search(ln.plain) is not None
        if not short or _BULLET_GLYPH.match(ln.plain) or _LABEL.match(ln.plain):
            continue
        if ln.size in ranks and len(ln.plain.split()) <= 10:
            ln.level = ranks[ln.size]
        elif (ln.bold or ln.plain.isupper()) and heading(ln.plain) is not None:
            ln.level = min(len(ranks) + 1, 3)


def _render_lines(lines: list[_Line]) -> None:
    for ln in lines:
        text, ln.plain = _render(ln.words, whole_bold=ln.level > 0)
        if ln.level:
            ln.text = f"{'#' * ln.level} {ln.plain}"
            continue
        if (m := _BULLET_GLYPH.match(ln.plain)) and (
            m.group(0).strip() not in "-–—*" or len(ln.plain) > len(m.group(0)) + 20
        ):
            ln.bullet = True
            ln.text = "- " + _drop_glyph(text, m.group(0).strip())
            continue
        if _LABEL.match(ln.plain):
            ln.bullet = True
            ln.text = "- " + text
            continue
        ln.bullet = _NUMBERED.match(ln.plain) is not None  # "3. Title": a bullet as it is
        # unless a cue opens the line before its number ("**3. Title**"): then marked
        ln.text = "- " + text if ln.bullet and not _NUMBERED.match(text) else text


def _drop_glyph(text: str, glyph: str) -> str:
    """``text`` without its leading bullet glyph (which may sit inside a cue:
    ``**• Title**``)."""
    at = text.find(glyph)
    return (text[:at] + text[at + len(glyph) :].lstrip()).strip()


# --- paragraphs --------------------------------------------------------------------


def _paragraphs(lines: list[_Line]) -> tuple[list[_Line], list[bool]]:
    """A page's wrapped lines joined to the line they continue, and for each line
    left whether it opens a run of lines set apart by a larger gap."""
    out: list[_Line] = []
    runs: list[bool] = []
    edges: dict[int, tuple[float, float]] = {}  # column -> (left, right) of its body
    for column in {ln.column for ln in lines}:
        body = [ln for ln in lines if not ln.level and ln.column == column]
        edges[column] = (
            min((ln.x0 for ln in body), default=0.0),
            max((ln.x1 for ln in body), default=0.0),
        )
    gaps = [
        b.top - a.bottom
        for a, b in pairwise(lines)
        if not a.level and not b.level and 0 <= b.top - a.bottom < 2 * a.size
    ]
    usual = median(gaps) if gaps else 2.0
    prev: _Line | None = None
    for ln in lines:
        gap = ln.top - prev.bottom if prev is not None else 99.0
        same_block = (
            prev is not None
            and prev.column == ln.column
            and -ln.size < gap <= usual + 0.35 * ln.size
        )
        if prev is not None and same_block and not (ln.level or prev.level or ln.bullet):
            left, right = edges[prev.column]
            width = max(right - left, 1.0)
            spaced = any(b.x0 - a.x1 > 2.5 * a.size for a, b in pairwise(prev.words))
            first = ln.words[0]
            room = right - prev.x1  # what was left on the line: the next word did not fit
            wrapped = room < 0.07 * width or room < (first.x1 - first.x0) + 0.3 * first.size
            label = _LABEL.match(ln.plain) or _date_label(ln)  # "[3] …", "2014   A. Lee, …"
            if wrapped and not spaced and ln.x0 >= prev.x0 - 2 and not label:
                _join(out[-1], ln)
                prev = ln
                continue
        out.append(ln)
        runs.append(not same_block or bool(prev and prev.level))
        prev = ln
    return out, runs


_CONTINUED = re.compile(r"(?:[-,;:&/(]|\band)\s*$")


def _entry_starts(pages: list[tuple[list[_Line], list[bool]]]) -> list[_Line]:
    """Every page's lines, one after the other, with entries marked: in a section
    (between headings, across page breaks) where some run after a gap holds two
    lines or more and nothing is bulleted already, every run starts an entry; in a
    column of years, every year does. A page's first line opens a run unless it
    visibly continues the last line of the page before."""
    out: list[_Line] = []
    runs: list[bool] = []
    for lines, page_runs in pages:
        if out and lines and not lines[0].level:
            first = lines[0].plain
            page_runs = [
                not (first[:1].islower() or _CONTINUED.search(out[-1].plain)),
                *page_runs[1:],
            ]
        out += lines
        runs += page_runs
    section: list[int] = []
    for i in range(len(out) + 1):
        if i < len(out) and not out[i].level:
            section.append(i)
            continue
        starts = [j for j in section if runs[j]]
        multi = any(j + 1 in section and not runs[j + 1] for j in starts)
        if multi and section[0] > 0 and not any(out[j].bullet for j in section):
            for j in starts:
                out[j].text, out[j].bullet = "- " + out[j].text, True
        dated = [j for j in section if _date_label(out[j])]
        for j in dated if len(dated) > 1 else []:  # a CV's column of years: each starts one
            if not out[j].bullet:
                out[j].text, out[j].bullet = "- " + out[j].text, True
        section = []
    return out


_DATE_LABEL = re.compile(
    r"(?:19|20)\d\d(?:\s*[–—-]+\s*(?:(?:19|20)\d\d|present|now|today|current))?\s*[–—-]*|"
    r"(?:19|20)\d\d\s*→",
    re.IGNORECASE,
)


def _date_label(ln: _Line) -> bool:
    """Does the line open with a date in a column of its own (``2014    A. Lee, …``)?"""
    for i, (a, b) in enumerate(pairwise(ln.words[:5])):
        if b.x0 - a.x1 > 0.8 * ln.size:
            return _DATE_LABEL.fullmatch(" ".join(w.text for w in ln.words[: i + 1])) is not None
    return False


def _join(head: _Line, ln: _Line) -> None:
    """``ln`` continues ``head``: its text appended, a word broken by a hyphen mended."""
    if re.search(r"[^\W\d_]-$", head.text) and re.match(r"^[a-z]", ln.plain):
        head.text = head.text[:-1] + ln.text
    elif head.text.endswith(("-", "/")):
        head.text += ln.text
    elif head.text.endswith("**") and ln.text.startswith("**"):  # one bold run
        head.text = head.text[:-2] + " " + ln.text[2:]
    else:
        head.text += " " + ln.text
    head.words = head.words + ln.words


# --- the document ------------------------------------------------------------------


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer's warnings about a font's odd metrics (``Could not get FontBBox``,
    once per glyph) kept off the user's terminal: the text is read all the same."""
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def pdf_lines(data: bytes, path: str) -> list[tuple[int, str]]:
    """(page * 1000 + line, Markdown-like text) for each line a reader sees."""
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise InputError(
            path, "reading PDF needs pdfplumber", hint="pip install pdfplumber"
        ) from exc
    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page, i) for i, page in enumerate(pdf.pages, 1)]
            heights = [float(page.height) for page in pdf.pages]
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"is not a readable PDF ({type(exc).__name__})") from exc
    except Exception as exc:
        if type(exc).__name__ in ("PdfminerException", "PSEOF", "PDFPasswordIncorrect"):
            raise InputError(path, f"is not a readable PDF ({exc})") from exc
        raise
    if not any(any(_WORD_CHAR.search(w.text) for ln in p for w in ln.words) for p in pages):
        raise InputError(
            path,
            "has no text layer (scanned?)",
            hint="run OCR on it first (e.g. ocrmypdf) or give the CV as text",
        )
    every = [ln for p in pages for ln in p]
    sizes: Counter[float] = Counter()
    for ln in every:
        for w in ln.words:
            sizes[round(w.size, 1)] += len(w.text)
    body = sizes.most_common(1)[0][0]
    for ln in every:
        ln.plain = _render(ln.words, whole_bold=False)[1]
    pages = _drop_furniture(pages, heights)
    _heading_levels([ln for lines in pages for ln in lines], body)
    joined = []
    for number, lines in enumerate(pages, 1):
        for i, ln in enumerate(lines, 1):
            ln.no = number * LINES_PER_PAGE + min(i, LINES_PER_PAGE - 1)
        _render_lines(lines)
        joined.append(_paragraphs(lines))
    return [(ln.no, ln.text) for ln in _entry_starts(joined) if ln.text.strip()]


def pdf_text(data: bytes, path: str) -> str:
    """The PDF as text, each line at its line number (``page * 1000 + line``)."""
    rows = pdf_lines(data, path)
    last = rows[-1][0] if rows else 0
    text = [""] * last
    for no, line in rows:
        text[no - 1] = line
    return "\n".join(text) + "\n"
