"""HTML, and HTML blocks inside Markdown, as the text reader's line stream.

The text reader (``freetext``) works on Markdown-like lines; this module turns
HTML into such lines while keeping the cues a reader needs and the source line
each output line came from (for provenance):

- headings stay headings (``<h2>Publications</h2>`` -> ``## Publications``);
- list items, table rows, ``<article>`` and paper boxes (an element whose class
  names a paper or publication entry) start an entry (``- ``); lists nested inside
  an entry stay part of it;
- a table cell holding only a year (``<th>2023</th>``, a heading row ``2023``) is
  taken out of the row and carried down: it ends every row below it that states no
  year of its own (``…, SIGMOD, 2023``) until the next year cell, so a publication
  table grouped by year gives whole citations; the lines of a table's rows know
  their table (``HtmlLine.table``), so a reader can tell a table of citations;
- ``<b>``/``<strong>`` -> ``**bold**``, ``<u>`` kept, ``<em>``/``<i>`` -> ``*italic*``,
  links kept as ``<a href=u>t</a>`` (readers see their label), ``<br>`` ends a
  line; a badge (class with ``badge`` or ``venue``) -> ``[ICLR 2025]``, the venue
  tag citations read;
- scripts, styles, navigation, ``<sup>`` marks and comments are dropped.

The stdlib tokenizer (``html.parser``) is used rather than a tree builder because
it reports the source position of every tag and text run, which is what maps the
output back to the file's lines.

>>> [t for _, t in html_lines("<h2>Papers</h2><ul><li><b>Ann Lee</b>, Bo Chen.<br>"
...                           "<a href='/p'>A Title</a><sup>1</sup></li></ul>")]
['## Papers', '- **Ann Lee**, Bo Chen.', '<a href="/p">A Title</a>']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import NamedTuple

_DROP = frozenset(
    ["script", "style", "head", "nav", "noscript", "template", "svg", "button", "sup", "select"]
)
_VOID = frozenset(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"])
_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "header",
        "footer",
        "main",
        "aside",
        "table",
        "thead",
        "tbody",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "figure",
        "figcaption",
        "pre",
        "hr",
        "body",
        "html",
        "center",
        "form",
        "details",
        "summary",
        "td",
        "th",
    ]
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_ENTRY_TAGS = frozenset(["li", "tr", "article"])
_ENTRY_CLASS = re.compile(r"paper|publication|\bpub\b|pub-item|bib-?item|\bentry\b", re.I)
_LISTS = frozenset(["ul", "ol", "dl", "table", "tbody", "section"])  # hold entries, whatever
# their class says (``<ul class="publications">``)
_NOT_ENTRY_CLASS = re.compile(r"list|container|links?\b|section|header|icon|image|text", re.I)
_BADGE_CLASS = re.compile(r"badge|venue|conf-tag|\btag\b", re.I)
_MARKS = {"b": "**", "strong": "**", "em": "*", "i": "*", "cite": "*", "u": "<u>", "ins": "<u>"}
_CLOSE = {"<u>": "</u>"}
_MD_BULLET = re.compile(r"^\s*(?:[-*+•]\s|\d{1,3}[.)]\s)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_YEAR_CELL = re.compile(r"^[\W_]*((?:19|20)\d\d)[\W_]*$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class HtmlLine(NamedTuple):
    """One line a reader sees: its source line, its Markdown-like text, and the table
    (numbered in document order) whose row it belongs to, if any."""

    no: int
    text: str
    table: int | None = None


@dataclass
class _Table:
    """An open ``<table>``: the year carried down its rows, and the row being read."""

    id: int
    year: str | None = None
    row_at: int | None = None  # output lines before the open row
    row_year: str | None = None
    cell_at: int = 0  # output lines before the open cell


class _Out:
    """One output line: the source line of its first text, a prefix, its text."""

    def __init__(self, prefix: str = "") -> None:
        self.no: int | None = None
        self.prefix = prefix
        self.text = ""
        self.table: int | None = None


class _Converter(HTMLParser):
    def __init__(self, markdown_lines: set[int] | None) -> None:
        super().__init__(convert_charrefs=True)
        # In a Markdown file: the source lines outside HTML blocks, where a newline
        # ends a line; elsewhere (HTML) whitespace runs collapse.
        self.markdown_lines = markdown_lines
        self.lines: list[_Out] = []
        self.cur = _Out()
        self.stack: list[tuple[str, str]] = []  # (tag, role)
        self.drop = 0
        self.entry_depth = 0
        self.entry_at = 0  # output lines before the open entry
        self.badge = 0
        self.marks: list[tuple[str, int]] = []  # (marker, text length when opened)
        self.links: list[tuple[str, int]] = []  # (href, text length when opened)
        self.tables: list[_Table] = []
        self.table_count = 0

    # --- output -------------------------------------------------------------

    def _break(self, prefix: str = "") -> None:
        if self.cur.text.strip():
            self.lines.append(self.cur)
            self.cur = _Out(prefix)
        elif prefix.startswith("#") or not self.cur.prefix:
            self.cur.prefix = prefix  # a heading wins over an empty item's bullet
        self.marks, self.links = [], []

    def _write(self, text: str, line: int) -> None:
        if not text:
            return
        if not self.cur.text.strip():
            if not text.strip():
                return
            text = text.lstrip()
            self.cur.no = line
            if self.cur.prefix.startswith("- ") and _MD_BULLET.match(text):
                self.cur.prefix = ""  # Markdown's own bullet inside an HTML entry
        elif self.cur.text.endswith(" ") and text.startswith(" "):
            text = text.lstrip()
        self.cur.text += text

    # --- events ------------------------------------------------------------

    def _markdown(self, line: int) -> bool:
        return self.markdown_lines is not None and line in self.markdown_lines

    def handle_data(self, data: str) -> None:
        if self.drop:
            return
        line, _ = self.getpos()
        parts = data.split("\n")
        for k, part in enumerate(parts):
            if k:
                if self._markdown(line + k - 1) and self._markdown(line + k):
                    self._break(self.cur.prefix if not self.cur.text.strip() else "")
                else:
                    self._write(" ", line + k)
            self._write(part if self._markdown(line + k) else re.sub(r"\s+", " ", part), line + k)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = " ".join(v or "" for k, v in attrs if k == "class")
        if tag in _VOID:
            if tag in ("br", "hr") and not self.drop:
                self._break()
            return
        role = ""
        if self.drop or tag in _DROP:
            role = "drop"
            self.drop += 1
        elif self.badge:
            role = "inline"
            self._write(" ", self.getpos()[0])
        elif _BADGE_CLASS.search(cls) and not _NOT_ENTRY_CLASS.search(cls):
            role = "badge"
            self.badge += 1
            if tag in _BLOCK:
                self._break()
            self._write(" [", self.getpos()[0])
        elif tag in _HEADINGS:
            role = "heading"
            if self.entry_depth and (self.cur.text.strip() or len(self.lines) > self.entry_at):
                self._break()
                self.marks.append(("**", len(self.cur.text)))
                self.cur.text += "**"
                self.cur.no = self.getpos()[0]
                role = "bold-heading"
            else:
                self._break("#" * _HEADINGS[tag] + " ")
        elif tag in _ENTRY_TAGS or (
            tag not in _LISTS and _ENTRY_CLASS.search(cls) and not _NOT_ENTRY_CLASS.search(cls)
        ):
            role = "entry"
            self._break("- " if not self.entry_depth else "")
            if not self.entry_depth:
                self.entry_at = len(self.lines)  # a heading after this is the entry's title
            self.entry_depth += 1
            if tag == "tr" and self.tables and self.tables[-1].row_at is None:
                role = "row"
                self.tables[-1].row_at, self.tables[-1].row_year = len(self.lines), None
        elif tag == "table":
            role = "table"
            self._break()
            self.table_count += 1
            self.tables.append(_Table(self.table_count))
        elif tag in ("td", "th") and self.tables and self.tables[-1].row_at is not None:
            role = "cell"
            self._break()
            self.tables[-1].cell_at = len(self.lines)
        elif tag in _BLOCK:
            role = "block"
            self._break()
        elif tag in _MARKS:
            role = "mark"
            self.marks.append((_MARKS[tag], len(self.cur.text)))
            self.cur.text += _MARKS[tag]
            self.cur.no = self.cur.no or self.getpos()[0]
        elif tag == "a":
            role = "link"
            href = next((v for k, v in attrs if k == "href" and v), "")
            opening = f'<a href="{href.replace(chr(34), "%22")}">'
            self._write(" " + opening if self.cur.text.endswith(" ") else opening, self.getpos()[0])
            self.links.append((opening, len(self.cur.text)))
        self.stack.append((tag, role))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.drop:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag not in {t for t, _ in self.stack}:
            return
        while self.stack:
            open_tag, role = self.stack.pop()
            self._close(role)
            if open_tag == tag:
                break

    def _close(self, role: str) -> None:
        if role == "drop":
            self.drop -= 1
        elif role == "badge":
            self.badge -= 1
            at = self.cur.text.rfind("[")
            label = " ".join(self.cur.text[at + 1 :].split()) if at >= 0 else ""
            self.cur.text = self.cur.text[: max(at, 0)] + (f"[{label}] " if label else "")
        elif role in ("mark", "bold-heading") and self.marks:
            marker, at = self.marks.pop()
            if not self.cur.text[at + len(marker) :].strip():
                self.cur.text = self.cur.text[:at]
            else:
                body = self.cur.text[at + len(marker) :]
                trail = body[len(body.rstrip()) :]
                self.cur.text = self.cur.text[: at + len(marker)] + body.rstrip()
                self.cur.text += _CLOSE.get(marker, marker) + trail
            if role == "bold-heading":
                self._break()
        elif role == "link" and self.links:
            opening, at = self.links.pop()
            label = self.cur.text[at:].strip()
            if not label:
                self.cur.text = self.cur.text[: at - len(opening)].rstrip()
                if self.cur.text:
                    self.cur.text += " "
            else:
                self.cur.text = self.cur.text[:at] + label + "</a>"
        elif role in ("heading", "block"):
            self._break()
        elif role == "cell":
            self._close_cell()
        elif role == "row":
            self._close_row()
        elif role == "table":
            self.tables.pop()
            self._break()
        elif role == "entry":
            self.entry_depth -= 1
            self._break()

    def _close_cell(self) -> None:
        """A cell holding only a year leaves the row: the year is the row's."""
        table = self.tables[-1]
        produced = [*self.lines[table.cell_at :], self.cur]
        text = " ".join(ln.text.replace("<u>", "").replace("</u>", "") for ln in produced)
        if m := _YEAR_CELL.match(text.strip()):
            table.row_year = m.group(1)
            prefix = produced[0].prefix
            del self.lines[table.cell_at :]
            self.cur = _Out(prefix if prefix.startswith("- ") else self.cur.prefix)
            self.marks, self.links = [], []
        self._break()

    def _close_row(self) -> None:
        """A row's lines know their table; a row without a year of its own ends with
        the year carried down from the last year cell above it."""
        self.entry_depth -= 1
        self._break()
        table = self.tables[-1]
        at = table.row_at if table.row_at is not None else len(self.lines)
        table.row_at = None
        table.year = table.row_year or table.year
        rows = self.lines[at:]
        if not rows:
            if self.cur.prefix.startswith("- ") and not self.cur.text.strip():
                self.cur.prefix = ""  # a year-only (heading) row gives no entry
            return
        year = table.row_year or table.year
        if year and not any(_YEAR.search(ln.text) for ln in rows):
            last = rows[-1]
            last.text = last.text.rstrip()
            last.text += (" " if last.text.endswith((".", ",", ";", ":")) else ", ") + year
        for ln in rows:
            ln.table = table.id

    def finish(self) -> list[HtmlLine]:
        self.close()
        while self.stack:
            self._close(self.stack.pop()[1])
        self._break()
        return [
            HtmlLine(ln.no or 1, ln.prefix + ln.text.strip(), ln.table)
            for ln in self.lines
            if ln.text.strip()
        ]


def html_rows(text: str, markdown_lines: set[int] | None = None) -> list[HtmlLine]:
    """Each line a reader sees, with its source line and table (see ``HtmlLine``).
    ``markdown_lines``: the lines of a Markdown file outside its HTML blocks
    (there a newline ends a line and the text is kept as written)."""
    conv = _Converter(markdown_lines)
    conv.feed(_AUTOLINK.sub(r"\1", text) if markdown_lines is not None else text)
    return conv.finish()


def html_lines(text: str, markdown_lines: set[int] | None = None) -> list[tuple[int, str]]:
    """(1-based source line, Markdown-like text) for each line a reader sees."""
    return [(ln.no, ln.text) for ln in html_rows(text, markdown_lines)]


def markdown_lines(text: str) -> list[tuple[int, str]]:
    """A Markdown file's lines with its HTML blocks and inline HTML read as HTML
    (markdown-it-py tells the HTML blocks apart), front matter left out."""
    return [(ln.no, ln.text) for ln in markdown_rows(text)]


def markdown_rows(text: str) -> list[HtmlLine]:
    """``markdown_lines`` with the table of each line (see ``HtmlLine``)."""
    from markdown_it import MarkdownIt

    raw = text.split("\n")
    blank_front = list(raw)
    if raw and raw[0].strip() == "---":
        ends = [i for i, ln in enumerate(raw[1:], 1) if ln.strip() == "---"]
        if ends:
            blank_front[: ends[0] + 1] = [""] * (ends[0] + 1)
    body = "\n".join(blank_front)
    html_block_rows: set[int] = set()
    for tok in MarkdownIt("commonmark").parse(body):
        if tok.type == "html_block" and tok.map:
            html_block_rows.update(range(tok.map[0] + 1, tok.map[1] + 1))
    md_rows = {i for i in range(1, len(raw) + 2) if i not in html_block_rows}
    return html_rows(body, md_rows)
