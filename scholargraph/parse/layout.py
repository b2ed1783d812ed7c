"""A page as the text reader sees it: lines, sections and publication entries.

``document_lines`` turns a document (Markdown, plain text, HTML, LaTeX) into
Markdown-like lines that keep their source line numbers; ``sections`` cuts them by
their headings (``headings.yaml``); a section under a heading not listed, or under
none, is a publication list when its entries read as co-authored citations
(``cited_sections``, ``table_sections``); ``publication_entries`` cuts a list into
entries (bullets, paragraphs, or runs parted by wider gaps).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

import yaml

from scholargraph.ids import fold
from scholargraph.parse.citations import Citation, parse_authors, parse_citation, words
from scholargraph.parse.documents import Document
from scholargraph.parse.htmltext import html_rows, markdown_rows
from scholargraph.parse.latextext import latex_lines
from scholargraph.parse.markup import bold_spans, bullet_of, plain

# Folded heading text -> (section kind, status) and the words that keep a list under an
# unknown heading from being taken for publications: the data file ``headings.yaml``.
HEADING_DATA = yaml.safe_load(
    resources.files("scholargraph.parse").joinpath("headings.yaml").read_text("utf-8")
)
HEADINGS: dict[str, tuple[str, str | None]] = {
    str(h): (kind.split("/")[0], kind.split("/")[1] if "/" in kind else None)
    for kind, headings in HEADING_DATA["sections"].items()
    for h in headings
}
_NOT_PUBLICATIONS = frozenset(HEADING_DATA["not_publications"])
NOT_NAMES = frozenset(HEADING_DATA["not_names"])
NOT_TITLES = tuple(fold(w) for w in HEADING_DATA["not_titles"])
_ATTRIBUTES = re.compile(r"\s*\{[#:.][^}]*\}\s*$")
_DECOR = re.compile(r"^[^\w(（]+|[^\w)）]+$")
_HEADING_INLINE = re.compile(r"^(?P<head>[^:：]{2,30})[:：]\s*(?P<rest>.+)$")

RECORD_HEAD = re.compile(
    r"^(?P<status>preprint|published|accepted|journal[- ]article|article|conference[- ]paper|"
    r"proceedings[- ]article)\s*(?P<year>(?:19|20)\d\d)\s*(?P<venue>.*)$",
    re.IGNORECASE,
)


@dataclass
class Line:
    no: int
    raw: str
    table: int | None = None  # the HTML table whose row the line is part of
    follows_break: bool = True  # something between it and the line before (see _lines)
    indent: int = 0  # leading blanks of its source line (a nested bullet is indented)

    @cached_property
    def text(self) -> str:
        return plain(self.raw)

    @property
    def bullet(self) -> bool:
        return bool(bullet_of(self.raw).strip())

    @property
    def level(self) -> int:
        """The Markdown heading level of the line (``## X`` -> 2), 0 for others."""
        m = re.match(r"^(#{1,6})\s", self.raw)
        return len(m.group(1)) if m else 0

    @property
    def head(self) -> bool:
        """A bullet that is only a bold label (``- **Peking University**``)."""
        spans = bold_spans(self.raw)
        return bool(spans) and len(self.text) <= len(spans[0]) + 1


@dataclass
class Section:
    kind: str
    status: str | None = None
    lines: list[Line] = field(default_factory=list)


@dataclass
class Entry:
    """A publication entry: its first line number and its lines (Markdown kept)."""

    line: int
    lines: list[str]
    status: str
    citation: Citation | None = None
    indent: int = 0  # of its first line
    tag: str | None = None  # a venue tag set apart from the title (see _titled_entry)


def heading(text: str) -> tuple[str, str | None, str] | None:
    """(section kind, status, inline content) when ``text`` is a heading
    (``## Selected Publications (* equal contribution)`` included)."""
    t = _ATTRIBUTES.sub("", fold(text))  # kramdown's "# News {#news}"
    t = " ".join(re.sub(r"\([^)]*\)|（[^）]*）", "", t).split()).strip(" #*:：")
    t = _DECOR.sub("", t)  # "📝 Publications", "Publications ✍"
    for form in (t, t[:-1] if t.endswith("s") else t):  # "Educations", "Experiences"
        if form in HEADINGS:
            return (*HEADINGS[form], "")
    # "Selected Publication:" (not a link label "[Paper]," alone on its line)
    if HEADINGS.get(f"{t}s", ("",))[0] == "publications" and not re.search(r"[.,;]\s*$", text):
        return (*HEADINGS[f"{t}s"], "")
    if m := _HEADING_INLINE.match(text):
        head = fold(m.group("head")).strip(" #*")
        if head in HEADINGS:
            return (*HEADINGS[head], m.group("rest"))
    kind = _head_noun_kind(_DECOR.sub("", text.strip(" #*")))
    return (kind, None, "") if kind else None


_HEAD_NOUNS: dict[str, str] = {
    str(word): str(kind) for kind, words in HEADING_DATA["head_nouns"].items() for word in words
}
_SMALL_WORDS = frozenset(HEADING_DATA["head_small_words"])


def _head_noun_kind(text: str) -> str | None:
    """The kind of section a heading the table does not know names by its last word
    (see ``head_nouns``), when the line is written as a heading."""
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"\d|[.,;:!?]$", text):
        return None
    capitalised = all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
    if not (capitalised or text.isupper()):
        return None
    for part in re.split(r"\s+(?:and|&)\s+", text.lower()):
        if kind := _HEAD_NOUNS.get(part.split()[-1] if part.split() else ""):
            return kind
    return None


def _front_matter(raw: list[str]) -> tuple[int, list[tuple[int, str]]]:
    """(lines the front matter takes, lines it gives the reader): its ``title`` as a
    heading, or a whole publication when it describes one (a Jekyll collection
    item with ``title``, ``authors``, ``venue``, ``date``)."""
    if not raw or raw[0].strip() != "---":
        return 0, []
    ends = [i for i, ln in enumerate(raw[1:], 2) if ln.strip() == "---"]
    if not ends:
        return 0, []
    try:
        meta = yaml.safe_load("\n".join(raw[1 : ends[0] - 1]))
    except yaml.YAMLError:
        return ends[0], []
    if not isinstance(meta, dict) or not isinstance(meta.get("title"), str):
        return ends[0], []

    def at(key: str) -> int:
        return next((i for i, ln in enumerate(raw[: ends[0]], 1) if ln.startswith(f"{key}:")), 1)

    title = meta["title"].strip()
    for key in ("display_name", "display_title"):  # al-folio's page owner, not "About"
        if isinstance(shown := meta.get(key), str) and shown.strip():
            return ends[0], [(at(key), f"# {shown.strip()}")]
    authors, venue = meta.get("authors"), meta.get("venue")
    if meta.get("collection") == "publications" or (authors and venue):
        venue = ", ".join(map(str, venue)) if isinstance(venue, list) else venue
        year = str(meta.get("date") or meta.get("year") or "")[:4]
        out = [(at("title"), "# Publications"), (at("title"), f"- **{title}**")]
        if isinstance(authors, (str, list)):
            names = authors if isinstance(authors, str) else ", ".join(map(str, authors))
            out.append((at("authors"), names))
        if venue or year:
            text = f"*{venue}*" if venue else ""
            if year.isdigit() and year not in str(venue or ""):
                text = f"{text}, {year}" if text else year
            out.append((at("venue" if venue else "date"), text))
        return ends[0], out
    return ends[0], [(at("title"), f"# {title}")]


def document_lines(doc: Document) -> list[Line]:
    """Non-blank lines as the reader sees them: HTML (a page, or blocks inside
    Markdown) and LaTeX turned into Markdown-like lines that keep their source line
    numbers; front matter read for a title or a publication; comments skipped."""
    local = doc.source.location or doc.path  # doc.path may be the URL a page came from
    suffix = local.rsplit(".", 1)[-1].lower() if "." in local else ""
    raw = doc.text.splitlines()
    if suffix in ("tex", "ltx"):
        # LaTeX source indentation means nothing (an \item indented deeper than the
        # one before is no sub-item): the lines keep no indent
        return _breaks(raw, [Line(no, text) for no, text in latex_lines(doc.text)], indents=False)
    start, front = _front_matter(raw)
    head = [Line(no, text) for no, text in front]
    if suffix in ("html", "htm", "xhtml"):  # a Jekyll page may open with front matter
        text = "\n" * start + "\n".join(raw[start:]) if start else doc.text
        return _breaks(raw, [*head, *(Line(r.no, r.text, r.table) for r in html_rows(text))])
    if "<" not in doc.text:  # no HTML: the lines as written
        body = [Line(i, ln) for i, ln in enumerate(raw, 1) if i > start and ln.strip()]
    else:
        body = [Line(r.no, r.text, r.table) for r in markdown_rows(doc.text)]
    return _breaks(raw, [*head, *_markdown_lines(body)])


_SOFT = re.compile(r"^\s*(?:<br\s*/?>\s*)+$", re.IGNORECASE)  # a line break alone on its line
_DETAILS = re.compile(r"<(/?)details\b", re.IGNORECASE)


def _folded(raw: list[str]) -> set[int]:
    """The numbers of the lines inside ``<details>`` blocks: text folded away on the
    page (an abstract, a BibTeX entry), read as part of nothing."""
    out, depth = set(), 0
    for no, text in enumerate(raw, 1):
        opened = depth > 0
        for m in _DETAILS.finditer(text):
            depth = max(0, depth + (-1 if m.group(1) else 1))
        if opened or depth > 0:
            out.add(no)
    return out


def _breaks(raw: list[str], lines: list[Line], *, indents: bool = True) -> list[Line]:
    """The lines outside folded blocks (see ``_folded``), each marked when a blank
    line or markup (``</div>``) parts it from the line before; a ``<br>`` alone on
    its line, or a folded block, parts nothing."""
    folded = _folded(raw) if "<details" in "\n".join(raw).lower() else set()
    kept = [ln for ln in lines if ln.no not in folded]
    for ln in kept if indents else ():
        source = raw[ln.no - 1] if 0 < ln.no <= len(raw) else ""
        ln.indent = len(source) - len(source.lstrip(" \t"))
    for prev, ln in itertools.pairwise(kept):
        between = range(prev.no + 1, ln.no)
        ln.follows_break = any(n not in folded and not _SOFT.match(raw[n - 1]) for n in between)
    return kept


_SETEXT = re.compile(r"^ {0,3}(?:(=)=+|-{3,})\s*$")
_HARD_BREAK = re.compile(r"\\{1,2}\s*$")  # kramdown writes it "\\\\"


def _markdown_lines(lines: list[Line]) -> list[Line]:
    """Markdown's other ways of writing a heading and a line break: a setext
    heading (a line underlined by ``===`` or ``---``) becomes ``# Heading`` or
    ``## Heading``; the backslash ending a hard-broken line is dropped."""
    out: list[Line] = []
    for ln in lines:
        if ln.table is None and _HARD_BREAK.search(ln.raw):
            ln = Line(ln.no, _HARD_BREAK.sub("", ln.raw).rstrip(), ln.table)
        m = _SETEXT.match(ln.raw) if ln.table is None else None
        prev = out[-1] if out else None
        if m and prev and prev.no == ln.no - 1 and prev.table is None:
            if not (prev.level or prev.bullet) and len(prev.text) <= 60:
                out[-1] = Line(prev.no, ("# " if m.group(1) else "## ") + prev.raw)
            continue
        out.append(ln)
    return out


def sections(lines: list[Line]) -> list[Section]:
    """Sections by their headings. An unknown heading (``# Research Grants``) as high
    as the heading that opened a publication list ends the list; deeper ones
    (``## Earlier Research``) stay in it."""
    out = [Section("top")]
    level = 0  # the Markdown level of the heading that opened the current section
    for ln in lines:
        head = None if ln.bullet or len(ln.text) > 60 else heading(ln.text)
        if head is None:
            if ln.level and (ln.level <= level or not level):  # deeper: a sub-heading
                # kept as the section's first line: what it says (``## PhD Students``)
                # is context for the lines under it
                out.append(Section("unknown"))
                out[-1].lines.append(ln)
                level = ln.level
                continue
            out[-1].lines.append(ln)
            continue
        kind, status, inline = head
        if status and not ln.level and out[-1].kind == "unknown" and _not_publications(out[-1]):
            out[-1].lines.append(ln)  # "**Submitted**" under "## Invited Talks": its sub-list
            continue
        if not (status and out[-1].kind == "publications" and ln.level > level > 0):
            level = ln.level
        out.append(Section(kind, status))
        if inline:
            out[-1].lines.append(Line(ln.no, inline))
        elif kind == "other":  # kept, as an unknown heading is: "Students Advised" says
            out[-1].lines.append(ln)  # whom the list under it names
    return out


def _citation(entry: Entry) -> Citation | None:
    """The entry's citation when it reads as one: a title of two words or more, an
    author, and a year or a venue."""
    c = parse_citation(entry.lines, default_status=entry.status)
    ok = c and words(c.title) >= 2 and c.authors and (c.year or c.venue or c.venue_full)
    return c if ok else None


def _citation_list(lines: list[Line]) -> bool:
    """Lines that are a list of citations (two or more entries, two thirds of them
    read as a citation): the rows of an HTML table, a section under any heading."""
    entries = publication_entries(Section("publications", lines=lines))
    entries = [e for e in entries if len(plain(" ".join(e.lines)).split()) >= 4]
    cited = [c for e in entries if (c := _citation(e))]
    teams = sum(len(c.authors) >= 2 for c in cited)  # an entry naming a place reads as
    # a one-author citation now and then; a list of papers is mostly co-authored
    return len(entries) >= 2 and 3 * len(cited) >= 2 * len(entries) and 2 * teams >= len(cited)


def table_sections(sections: list[Section]) -> list[Section]:
    """An HTML table of citations outside a publication list is one: its rows are
    cut out of their section into a publication list of their own."""
    out: list[Section] = []
    for s in sections:
        if s.kind == "publications" or not any(ln.table for ln in s.lines):
            out.append(s)
            continue
        runs: list[list[Line]] = []
        for ln in s.lines:
            if runs and runs[-1][0].table == ln.table:
                runs[-1].append(ln)
            else:
                runs.append([ln])
        rest = Section(s.kind, s.status)
        out.append(rest)
        for run in runs:
            if run[0].table is not None and _citation_list(run):
                out.append(Section("publications", None, run))
                rest = Section(s.kind, s.status)
                out.append(rest)
            else:
                rest.lines += run
    return [s for s in out if s.lines or s.kind != "other"]


def cited_sections(sections: list[Section]) -> list[Section]:
    """A section under a heading not known (``# Research``, ``## Recent Work``), or
    under none, whose entries read as citations is a publication list."""
    return [
        Section("publications", None, s.lines)
        if s.kind in ("top", "unknown") and not _not_publications(s) and _citation_list(s.lines)
        else s
        for s in sections
    ]


def _not_publications(section: Section) -> bool:
    """Does the section's heading say its list is something else (``# Invited Talks``,
    ``## International Meetings``: see ``not_publications``)?"""
    head = section.lines[0] if section.lines and section.lines[0].level else None
    return head is not None and bool(_NOT_PUBLICATIONS & set(re.findall(r"\w+", fold(head.text))))


_DATED_LINE = re.compile(r"^\W{0,3}(?:19|20)\d\d(?:\s*[–—-]+\s*(?:(?:19|20)\d\d|present))?\b")


def _paragraph_starts(lines: list[Line]) -> set[int]:
    """Where entries start in a list without bullets whose entries are paragraphs
    (runs of lines with blank lines between them, most runs longer than one line;
    or, when every line stands apart, runs parted by the wider gaps); empty when the
    list is one entry a line. The lines are given by ``id``: the lines one LaTeX macro
    gives share their source line's number."""
    starts = {id(ln) for i, ln in enumerate(lines) if i == 0 or ln.follows_break}
    if len(lines) > 3 and 5 * len(starts) >= 4 * len(lines):  # (nearly) every line apart:
        gaps = {id(b): b.no - a.no for a, b in itertools.pairwise(lines) if b.follows_break}
        if gaps and min(gaps.values()) < max(gaps.values()):  # entries parted by wider gaps
            starts = {id(lines[0])} | {k for k, g in gaps.items() if g > min(gaps.values())}
    multi = len(lines) - len(starts)  # lines that continue a run
    return starts if len(starts) > 1 and multi >= len(starts) else set()


def publication_entries(section: Section) -> list[Entry]:
    entries: list[Entry] = []
    body = [ln for ln in section.lines if not ln.level]
    # a list of bullets (not one stray "* equal contribution" note under plain lines)
    has_bullets = sum(ln.bullet for ln in body) >= 2 or bool(body and body[0].bullet)
    dated = {id(ln) for ln in body if _DATED_LINE.match(ln.text)}
    if len(dated) >= 2 and 3 * len(dated) >= 2 * len(body):
        paragraphs, has_bullets = dated, False  # a CV's dated list: each year opens an entry
    else:
        paragraphs = set() if has_bullets else _paragraph_starts(body)
    status = section.status or "published"
    in_record = False  # a profile-page record runs on over its title and abstract
    titled = False  # an entry whose title is a heading runs on to the next heading
    for i, ln in enumerate(section.lines):
        if ln.level and (entry := _titled_entry(ln, section.lines[i + 1 : i + 2], status)):
            entries.append(entry)
            titled = True
            continue
        if ln.level:  # a sub-heading (## Journal, ### 2018) is no entry and ends one
            in_record = titled = False
            if entries and has_bullets:
                entries.append(Entry(ln.no, [], status))
            continue
        record = RECORD_HEAD.match(ln.text) is not None
        own_line = not (has_bullets or in_record or paragraphs)
        # a bullet under an entry ("   - Featured by Nature: …") is part of it
        nested = (
            bool(entries and entries[-1].lines)
            and bool(bullet_of(entries[-1].lines[0]).strip())
            and ln.indent > entries[-1].indent
        )
        starts = (ln.bullet and not nested) or record or own_line or id(ln) in paragraphs
        if not entries or (starts and not titled):
            entries.append(Entry(ln.no, [ln.raw], status, indent=ln.indent))
            in_record = record
        else:
            entries[-1].lines.append(ln.raw)
            if titled and len(entries[-1].lines) == 2 and entries[-1].tag:
                entries[-1].lines.append(entries[-1].tag)  # the venue after the authors
    return entries


_TRAILING_TAG = re.compile(r"\s*[\[(](?P<tag>[^\[\]()]{2,40}\d{2}[^\[\]()]{0,10})[\])]\s*$")


def _titled_entry(ln: Line, after: list[Line], status: str) -> Entry | None:
    """A paper whose title is a heading (``### A Title [NeurIPS 2020]``) with its
    authors on the line under it: an entry, the heading's venue tag kept for after the
    authors."""
    text = ln.text.strip(" #")
    if not after or after[0].level or heading(text) is not None:
        return None
    m = _TRAILING_TAG.search(text)
    title = text[: m.start()] if m else text
    if len(title.split()) < 3:  # (a title may read as a name: "Globally-Robust Neural Networks")
        return None
    named = parse_authors(after[0].raw)
    if named is None or not (len(named[0]) > 1 or named[0][0].marked):
        return None
    return Entry(ln.no, [f"**{title}**"], status, indent=ln.indent, tag=m["tag"] if m else None)
