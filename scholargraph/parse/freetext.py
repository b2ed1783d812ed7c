"""CVs and web pages as text (Markdown, plain text, text scraped from HTML or PDF).

No fixed layout is assumed. The document is cut into sections by their headings
(English or Chinese: *Education*, *教育背景*, *Publications*, *论文发表* …, listed in
``headings.yaml``); a section under a heading not listed, or under none, is a
publication list when its entries read as co-authored citations (unless its heading
says talks, posters or media). Each section is cut into entries (bullets, paragraphs,
or runs parted by wider gaps); each entry is read for what it can hold. Sentences
anywhere are read for advisors (``advised by``, ``导师：``), degrees
(``Ph.D. in X at Y``), research interests and news items that name a paper
(``RLBoost accepted to NSDI'26``), so pages whose headings were lost still give
their facts.

The owner is the name at the top of the page; when the page never states it, the
author the publication list sets apart (bold, underlined, linked to the page
itself) is taken, and a warning says so.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

import yaml

from scholargraph.ids import fold
from scholargraph.normalize import dates
from scholargraph.normalize.names import (
    compatible,
    has_cjk,
    is_chinese_name,
    looks_like_name,
    pinyin_forms,
)
from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse import advisors, citemodel
from scholargraph.parse.builder import Extraction, GraphBuilder
from scholargraph.parse.citations import (
    Citation,
    Mention,
    parse_authors,
    parse_citation,
    work_of,
)
from scholargraph.parse.documents import Document
from scholargraph.parse.htmltext import html_rows, markdown_rows
from scholargraph.parse.latextext import latex_lines
from scholargraph.parse.markup import bold_spans, bullet_of, plain
from scholargraph.parse.positions import (
    DEGREE,
    Advisor,
    Position,
    degree_kind,
    degree_name,
    is_organization,
    merge_positions,
    sentences,
    study_field,
    titlecase,
)

FORMAT = "text"

# Folded heading text -> (section kind, status) and the words that keep a list under an
# unknown heading from being taken for publications: the data file ``headings.yaml``.
_HEADING_DATA = yaml.safe_load(
    resources.files("scholargraph.parse").joinpath("headings.yaml").read_text("utf-8")
)
HEADINGS: dict[str, tuple[str, str | None]] = {
    str(h): (kind.split("/")[0], kind.split("/")[1] if "/" in kind else None)
    for kind, headings in _HEADING_DATA["sections"].items()
    for h in headings
}
_NOT_PUBLICATIONS = frozenset(_HEADING_DATA["not_publications"])
_NOT_NAMES = frozenset(_HEADING_DATA["not_names"])
_NOT_TITLES = tuple(fold(w) for w in _HEADING_DATA["not_titles"])
_ATTRIBUTES = re.compile(r"\s*\{[#:.][^}]*\}\s*$")
_DECOR = re.compile(r"^[^\w(（]+|[^\w)）]+$")
_HEADING_INLINE = re.compile(r"^(?P<head>[^:：]{2,30})[:：]\s*(?P<rest>.+)$")
_ROLE = re.compile(
    r"\b(?:intern|researcher|engineer|scientist|professor|lecturer|fellow|student|assistant|"
    r"postdoc|developer|thesis|director|manager|consultant|instructor|member)\b|"
    r"实习生|工程师|研究员|博士后|教授|讲师|助理",
    re.IGNORECASE,
)
_DEGREE_SENTENCE = re.compile(
    r"^(?P<degree>[^,]{2,40}?)\s+(?:in|of)\s+(?P<field>[^,]+?)\s+(?:at|from)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][^,.;]+)"
)
_ZH_ORG = r"[\u4e00-\u9fff]{2,20}?(?:大学|学院|研究院|研究所|科学院)"
_ZH_DEGREE_SENTENCE = re.compile(
    rf"(?P<degree>博士后|博士|硕士|本科|学士)(?:研究生)?(?:毕业|就读)于(?P<org>{_ZH_ORG})"
    rf"|在(?P<lab>{_ZH_ORG}).{{0,40}}?做(?P<postdoc>博士后)"
)
_INTEREST = re.compile(
    r"(?:research interests?|interests?) (?:include|includes|are|lie in|span|cover)\s*:?\s*"
    r"|(?:i am|i'm) (?:broadly )?interested in\s+|(?:研究兴趣|研究方向|研究领域|主要研究领域)"
    r"(?:主要)?(?:为|是|包括|[:：])\s*",
    re.IGNORECASE,
)
_NATIVE_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}")  # 刘学深 under the Latin name
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")  # linear
# a GitHub profile (github.com/ann, "GitHub: ann"), not one of its repositories
_GITHUB = re.compile(
    r"github(?:\.com/|\s*[:：]\s*)([A-Za-z0-9-]{2,39})(?![\w-]|/[\w.-])", re.IGNORECASE
)
_HOMEPAGE = re.compile(r"(?:homepage|website|web)\s*[:：]\s*(https?://\S+)", re.IGNORECASE)
_RECORD_HEAD = re.compile(
    r"^(?P<status>preprint|published|accepted|journal[- ]article|article|conference[- ]paper|"
    r"proceedings[- ]article)\s*(?P<year>(?:19|20)\d\d)\s*(?P<venue>.*)$",
    re.IGNORECASE,
)
_NEWS_SPLIT = re.compile(
    r"(?=\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_V = r"(?P<venue>(?:(?:ACM|IEEE|USENIX)\s)?[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s?['’]\d{2})"
# a system name starts a word and is short: matching from inside a long token, or
# along all of it, would make a scan quadratic in the token's length
_N = r"(?<![\w.+-])(?P<name>[A-Za-z][\w.+-]{0,40}[\w+])"
_SYSTEM_NEWS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"{_N}(?: paper)? (?:has been |was |is |got |been )*(?:conditionally )?"
            rf"accepted (?:to|at|in|by|for) (?:the )?{_V}"
        ),
        "accepted",
    ),
    (
        re.compile(
            rf"{_N} (?:was |is |has been )*(?:presented|selected|featured|published)"
            rf"(?: as an? [\w -]{{0,25}}?)? (?:at|in|on|to|by) (?:the )?{_V}"
        ),
        "published",
    ),
    (
        re.compile(rf"(?:[Pp]resent(?:ed|ing)?|talk on) {_N} (?:at|on|in) (?:the )?{_V}"),
        "published",
    ),
    (re.compile(rf"{_N} {_V} (?:acceptance|paper)"), "accepted"),
    (re.compile(rf"\b{_N} paper (?:and code )?(?:release|is out|is online|on arxiv)"), "preprint"),
)
_NOT_SYSTEM = frozenset(
    [
        "our",
        "the",
        "this",
        "that",
        "paper",
        "work",
        "it",
        "we",
        "my",
        "best",
        "position",
        "short",
        "full",
        "workshop",
        "journal",
        "conference",
        "student",
        "research",
        "a",
        "an",
        "one",
        "two",
        "present",
        "excited",
        "happy",
        "honored",
        "survey",
        "new",
        "first",
        "papers",
        "talk",
    ]
)
_NOT_NAME_WORDS = frozenset(
    [
        "research",
        "researcher",
        "profile",
        "runtime",
        "university",
        "institute",
        "laboratory",
        "lab",
        "school",
        "department",
        "curriculum",
        "vitae",
        "resume",
        "cv",
        "home",
        "about",
        "news",
        "page",
        "contact",
        "publications",
        "education",
        "experience",
        "projects",
        "teaching",
        "services",
        "awards",
        "skills",
        "interests",
        "welcome",
        "biography",
        "bio",
        "namespace",
        "location",
        "mode",
        "driver",
        "version",
        "menu",
        "blog",
        "blogs",
        "posts",
        "search",
        "login",
        "follow",
        "quick",
        "trust",
        "actions",
        "google",
        "scholar",
        "github",
        "email",
        "phone",
        "address",
        "office",
        "intern",
        "student",
        "professor",
        "engineer",
        "computer",
        "science",
        "systems",
        "system",
        "learning",
        "machine",
        "network",
        "networks",
    ]
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


def _heading(text: str) -> tuple[str, str | None, str] | None:
    """(section kind, status, inline content) when ``text`` is a heading
    (``## Selected Publications (* equal contribution)`` included)."""
    t = _ATTRIBUTES.sub("", fold(text))  # kramdown's "# News {#news}"
    t = " ".join(re.sub(r"\([^)]*\)|（[^）]*）", "", t).split()).strip(" #*:：")
    t = _DECOR.sub("", t)  # "📝 Publications", "Publications ✍"
    for form in (t, t[:-1] if t.endswith("s") else t):  # "Educations", "Experiences"
        if form in HEADINGS:
            return (*HEADINGS[form], "")
    if m := _HEADING_INLINE.match(text):
        head = fold(m.group("head")).strip(" #*")
        if head in HEADINGS:
            return (*HEADINGS[head], m.group("rest"))
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


def _lines(doc: Document) -> list[Line]:
    """Non-blank lines as the reader sees them: HTML (a page, or blocks inside
    Markdown) and LaTeX turned into Markdown-like lines that keep their source line
    numbers; front matter read for a title or a publication; comments skipped."""
    local = doc.source.location or doc.path  # doc.path may be the URL a page came from
    suffix = local.rsplit(".", 1)[-1].lower() if "." in local else ""
    raw = doc.text.splitlines()
    if suffix in ("tex", "ltx"):
        return _breaks(raw, [Line(no, text) for no, text in latex_lines(doc.text)])
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


def _breaks(raw: list[str], lines: list[Line]) -> list[Line]:
    """The lines outside folded blocks (see ``_folded``), each marked when a blank
    line or markup (``</div>``) parts it from the line before; a ``<br>`` alone on
    its line, or a folded block, parts nothing."""
    folded = _folded(raw) if "<details" in "\n".join(raw).lower() else set()
    kept = [ln for ln in lines if ln.no not in folded]
    for ln in kept:
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


def _sections(lines: list[Line]) -> list[Section]:
    """Sections by their headings. An unknown heading (``# Research Grants``) as high
    as the heading that opened a publication list ends the list; deeper ones
    (``## Earlier Research``) stay in it."""
    out = [Section("top")]
    level = 0  # the Markdown level of the heading that opened the current section
    for ln in lines:
        head = None if ln.bullet or len(ln.text) > 60 else _heading(ln.text)
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
    return out


def _citation(entry: Entry) -> Citation | None:
    """The entry's citation when it reads as one: a title of two words or more, an
    author, and a year or a venue."""
    c = parse_citation(entry.lines, default_status=entry.status)
    ok = c and len(c.title.split()) >= 2 and c.authors and (c.year or c.venue or c.venue_full)
    return c if ok else None


def _citation_list(lines: list[Line]) -> bool:
    """Lines that are a list of citations (two or more entries, two thirds of them
    read as a citation): the rows of an HTML table, a section under any heading."""
    entries = _publication_entries(Section("publications", lines=lines))
    entries = [e for e in entries if len(plain(" ".join(e.lines)).split()) >= 4]
    cited = [c for e in entries if (c := _citation(e))]
    teams = sum(len(c.authors) >= 2 for c in cited)  # an entry naming a place reads as
    # a one-author citation now and then; a list of papers is mostly co-authored
    return len(entries) >= 2 and 3 * len(cited) >= 2 * len(entries) and 2 * teams >= len(cited)


def _table_sections(sections: list[Section]) -> list[Section]:
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


def _cited_sections(sections: list[Section]) -> list[Section]:
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


# --- owner -----------------------------------------------------------------


_BOTH_NAMES = re.compile(  # "田景泽 Jingze Tian", "Jingze Tian 田景泽", "Jingze Tian (田景泽)"
    r"^(?:(?P<n1>[\u4e00-\u9fff]{2,4})\s*[/|]?\s*(?P<l1>[^\u4e00-\u9fff]+)"
    r"|(?P<l2>[^\u4e00-\u9fff(（]+?)\s*[/|(（]?\s*(?P<n2>[\u4e00-\u9fff]{2,4})[)）]?)$"
)


def _names_of(text: str) -> tuple[str, str | None]:
    """(the Latin name, the native name) a heading writes, both or the Latin one."""
    if (m := _BOTH_NAMES.match(text.strip(" #"))) and looks_like_name(m["l1"] or m["l2"]):
        return (m["l1"] or m["l2"]).strip(), m["n1"] or m["n2"]
    return text, None


def _owner_candidates(lines: list[Line], body: str) -> Iterator[tuple[int, Line]]:
    for i, ln in enumerate(lines[:25]):
        text, native = _names_of(ln.text)
        if not ln.bullet and is_chinese_name(name := text.strip(" #")):  # "# 郑华伟"
            if name not in HEADINGS and name not in _NOT_NAMES:  # 项目, 关于: 项 and 关
                yield 2 + (i < 5), ln  # are family names too
            continue
        if ln.bullet or not looks_like_name(text) or has_cjk(text) or "," in text:
            continue
        words = text.split()
        if any(w.lower().strip(".") in _NOT_NAME_WORDS for w in words):
            continue
        if not (
            all(w.isupper() for w in words) or not any(w.isupper() and len(w) > 1 for w in words)
        ):
            continue
        score = 3 * (body.count(text) > 1) + (i < 5)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        score += 2 * bool(native or _NATIVE_LINE.fullmatch(nxt))
        yield score, ln


def _romanized(native: str, authors: list[str]) -> str | None:
    """The co-author spelling of a Chinese name, when one of ``authors`` matches."""
    forms = {fold(f) for f in pinyin_forms(native)}
    return next((a for a in authors if fold(a) in forms), None)


@dataclass
class Owner:
    written: str
    line: int
    native_name: str | None = None
    inferred: str | None = None  # why, when the name was not stated


def find_owner(lines: list[Line], entries: list[Entry]) -> Owner | None:
    """The person the document is about: the name heading the page, else the
    author most often set apart in the publication list."""
    body = "\n".join(ln.text for ln in lines)
    best = max(_owner_candidates(lines, body), key=lambda c: c[0], default=None)
    if best and (best[0] >= 2 or best[1].no == lines[0].no):
        ln = best[1]
        idx = lines.index(ln)
        nxt = lines[idx + 1].text if idx + 1 < len(lines) else ""
        written, native = _names_of(ln.text)
        native = native or (nxt if _NATIVE_LINE.fullmatch(nxt) else None)
        if is_chinese_name(written.strip(" #")):  # a Chinese name alone: its
            native = written.strip(" #")  # co-author spelling, when the papers have it
            authors = [a for e in entries if e.citation for a in e.citation.authors]
            apart = Counter(a.name for a in authors if a.marked).most_common(1)
            written = (  # else the one set apart (靓: jing or liang, and the form may not say)
                _romanized(native, [a.name for a in authors])
                or (apart[0][0] if apart and apart[0][1] >= 2 else native)
            )
        written = written.title() if written.isupper() else written  # "ANN LEE" heading a CV
        return Owner(written, ln.no, native)
    marked: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    with_authors = [e for e in entries if e.citation and e.citation.authors]
    for e in with_authors:
        assert e.citation is not None
        for a in e.citation.authors:
            if a.marked:
                marked[a.name] += 1
                first_line.setdefault(a.name, e.line)
    if not marked:
        return None
    name, count = marked.most_common(1)[0]
    if count < max(2, len(with_authors) // 2):
        return None
    why = (
        f"owner not named in the document; taken to be {name!r}, the author set apart "
        f"in {count} of {len(with_authors)} publications"
    )
    return Owner(name, first_line[name], inferred=why)


# --- publications ------------------------------------------------------------


def _paragraph_starts(lines: list[Line]) -> set[int]:
    """Where entries start in a list without bullets whose entries are paragraphs
    (runs of lines with blank lines between them, most runs longer than one line;
    or, when every line stands apart, runs parted by the wider gaps); empty when the
    list is one entry a line."""
    starts = {ln.no for i, ln in enumerate(lines) if i == 0 or ln.follows_break}
    if len(lines) > 3 and 5 * len(starts) >= 4 * len(lines):  # (nearly) every line apart:
        gaps = {b.no: b.no - a.no for a, b in itertools.pairwise(lines) if b.follows_break}
        if gaps and min(gaps.values()) < max(gaps.values()):  # entries parted by wider gaps
            starts = {lines[0].no} | {no for no, g in gaps.items() if g > min(gaps.values())}
    multi = len(lines) - len(starts)  # lines that continue a run
    return starts if len(starts) > 1 and multi >= len(starts) else set()


def _publication_entries(section: Section) -> list[Entry]:
    entries: list[Entry] = []
    has_bullets = any(ln.bullet for ln in section.lines)
    paragraphs = (
        set() if has_bullets else _paragraph_starts([ln for ln in section.lines if not ln.level])
    )
    status = section.status or "published"
    in_record = False  # a profile-page record runs on over its title and abstract
    for ln in section.lines:
        if ln.level:  # a sub-heading (## Journal, ### 2018) is no entry and ends one
            in_record = False
            if entries and has_bullets:
                entries.append(Entry(ln.no, [], status))
            continue
        record = _RECORD_HEAD.match(ln.text) is not None
        own_line = not (has_bullets or in_record or paragraphs)
        # a bullet under an entry ("   - Featured by Nature: …") is part of it
        nested = (
            bool(entries and entries[-1].lines)
            and bool(bullet_of(entries[-1].lines[0]).strip())
            and ln.indent > entries[-1].indent
        )
        if (ln.bullet and not nested) or record or not entries or own_line or ln.no in paragraphs:
            entries.append(Entry(ln.no, [ln.raw], status, indent=ln.indent))
            in_record = record
        else:
            entries[-1].lines.append(ln.raw)
    return entries


_WITH = re.compile(r"^[\s(（]*(?:joint\s+)?with\s+(?P<names>[^)）]+)", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"[\"“](?P<title>[^\"“”]{10,300}?)[,.]?[\"”]")


def _owners_paper(entry: Entry, owner: str) -> Citation | None:
    """A paper listed by its title alone in the owner's list, co-authors after it
    (``“Title” (with A and B)``, ``**Title**`` then ``with A``), as economists'
    CVs list working papers: the owner first, then the co-authors."""
    first = entry.lines[0]
    flat = plain(first)
    quoted = _QUOTED_TITLE.search(flat)
    title = (bold_spans(first) or [quoted.group("title") if quoted else ""])[0].strip(" .,")
    folded = fold(title)
    if len(title.split()) < 3 or title.startswith("(") or any(w in folded for w in _NOT_TITLES):
        return None
    after = flat[flat.find(title) + len(title) :].lstrip(' .,”"*')
    texts = [after, *map(plain, entry.lines[1:2])]
    said = next((m for text in texts if (m := _WITH.match(text))), None)
    parsed = parse_authors(said.group("names").strip(" .")) if said else None
    named = parsed[0] if parsed else None
    return Citation(
        title=title,
        authors=[Mention(owner, marked=True), *(named or [])],
        authors_complete=said is None or named is not None,
        year=year_in(after),
        status=entry.status,
    )


def _delatex(text: str) -> str:
    """Leftovers of LaTeX math in scraped titles and abstracts (``Agent$.$xpu``)."""
    text = re.sub(r"\$\\times\$", "×", text)
    text = re.sub(r"\$([^$]{0,3})\$", r"\1", text)
    return text.replace("$", "")


def _record_citation(entry: Entry) -> Citation | None:
    """A profile-page record: ``preprint2026arXiv`` then the title, then the abstract."""
    m = _RECORD_HEAD.match(plain(entry.lines[0]))
    if not m or len(entry.lines) < 2:
        return None
    status = m.group("status").lower()
    venue = m.group("venue").strip() or None
    short = normalize_venue(venue)[0] if venue else None
    abstract = " ".join(_delatex(plain(x)) for x in entry.lines[2:]) or None
    return Citation(
        title=_delatex(plain(entry.lines[1])),
        authors_complete=False,
        venue=short,
        year=int(m.group("year")),
        status=status if status in ("preprint", "accepted") else "published",
        abstract=abstract,
    )


# --- education and experience -------------------------------------------------


def _entries(lines: list[Line]) -> list[list[Line]]:
    """Cut an education or experience section into entries: a bold label, or a
    plain line after a run of bullets, or a second organisation line, starts one."""
    out: list[list[Line]] = []
    after_bullets = False
    for ln in lines:
        org_line = not ln.bullet and bool(is_organization(ln.text))
        has_org = any(not x.bullet and is_organization(x.text) for x in out[-1]) if out else False
        starts = ln.head or (not ln.bullet and after_bullets) or (org_line and has_org)
        if starts or not out:
            out.append([])
        out[-1].append(ln)
        after_bullets = ln.bullet and not ln.head
    return out


def _position(entry: list[Line], section: str) -> Position | None:
    """The owner's position an education or experience entry describes: the
    organisation (a name with University, Institute, 大学 …, a bold label, the
    left of ``Org | Group, Role``, or what a job title line names beside the
    title), degree and field or job title, and the dates."""
    heads = [ln for ln in entry if not ln.bullet or ln.head]
    span = next((r for ln in entry if (r := dates.date_range(ln.text))), None)
    if span is None and (
        point := next((p for ln in heads if (p := dates.date_point(ln.text))), None)
    ):
        span = (point, point)
    org = role = degree = fld = None
    org_line = entry[0].no
    for ln in heads:
        text = dates.strip_dates(ln.text)
        if "|" in text and org is None:
            left, _, right = text.partition("|")
            org, org_line = left.strip(), ln.no
            role = re.split(r"[,，]", right)[-1].strip() or None
            continue
        parts = [p.strip() for p in re.split(r"[,，—–]", text) if p.strip()]
        for p in parts:
            if org is None and (is_organization(p) or (ln.head and not _ROLE.search(p))):
                org, org_line = titlecase(p), ln.no
        if section == "education" and degree is None and (dm := DEGREE.search(text)):
            degree = degree_name(dm.group(0))
            fld = study_field(parts, dm.group(0)) or fld
        titles = [p for p in parts if _ROLE.search(p) and not is_organization(p)]
        if section == "experience" and role is None and titles:
            rest = [p for p in parts if p not in titles and not dates.date_point(p)]
            role = text if not rest else ", ".join(titles)
            if org is None and rest:
                org, org_line = titlecase(rest[0]), ln.no
    if org is None:
        return None
    if section == "education":
        role = "student"
    start, end = span if span else (None, None)
    return Position(org, org_line, role or "member", degree, fld, start, end)


# --- advisors ---------------------------------------------------------------


# --- interests and news --------------------------------------------------------


def _topics(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)|（[^）]*）", "", plain(text))
    text = re.split(r"(?<=[a-z]{2})\.\s|[。；;]", text)[0].strip(" .。")
    parts = [p.strip() for p in re.split(r",|、|，", text) if p.strip()]
    if len(parts) > 1:
        parts[-1:] = re.split(r"\s+and\s+|和|及", re.sub(r"^(?:and|or)\s+", "", parts[-1]))
    parts = [re.sub(r"^(?:and|or|as well as|e\.g\.)\s+", "", p).strip(" .") for p in parts]
    return [p for p in parts if 2 <= len(p) <= 60 and len(p.split()) <= 8]


def _interests(section: Section) -> list[tuple[str, int]]:
    """Topics of an interests section: the bold labels of its bullets when it has
    them (the prose around them introduces), else its sentences and short lines."""
    out: list[tuple[str, int]] = []
    labelled = any(ln.bullet and bold_spans(ln.raw) for ln in section.lines)
    for i, ln in enumerate(section.lines):
        spans = bold_spans(ln.raw)
        if spans and ln.bullet:
            out += [(t, ln.no) for t in _topics(spans[0])]
        elif labelled and i > 0:
            continue
        elif (m := _INTEREST.search(ln.text)) is not None:
            out += [(t, ln.no) for t in _topics(ln.text[m.end() :])]
        elif len(ln.text) <= 40 and not re.search(r"[.。]$", ln.text):
            out += [(t, ln.no) for t in _topics(ln.text)]
    return out


@dataclass
class SystemPaper:
    """A paper a news item names only by its system (``RLBoost accepted to NSDI'26``)."""

    name: str
    line: int
    status: str
    venue: str | None
    year: int | None


_STATUS_RANK = {"preprint": 0, "accepted": 1, "published": 2}


def _mentions(item: str) -> Iterator[tuple[str, str, str | None]]:
    """(system name, status, venue as written) for each paper a news item names."""
    for pattern, status in _SYSTEM_NEWS:
        for m in pattern.finditer(item):
            name = m.group("name").strip(".")
            # a system name has a capital, a digit or a hyphen (RLBoost, mm2-gb)
            if name.lower() not in _NOT_SYSTEM and any(
                c.isupper() or c.isdigit() or c == "-" for c in name
            ):
                yield name, status, m.groupdict().get("venue")


def _system_papers(lines: list[Line], titles: list[str]) -> dict[str, SystemPaper]:
    """Papers news items name by system, once each (the most advanced status wins),
    leaving out systems already in a listed title."""
    known = " ".join(titles)
    found: dict[str, SystemPaper] = {}
    for ln in lines:
        for item in _NEWS_SPLIT.split(ln.text):
            for name, status, written_venue in _mentions(item):
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", known, re.I):
                    continue
                venue, year = normalize_venue(written_venue) if written_venue else (None, None)
                old = found.get(name.casefold())
                if old is None or _STATUS_RANK[status] > _STATUS_RANK[old.status]:
                    found[name.casefold()] = SystemPaper(
                        name, ln.no, status, venue, year or year_in(item)
                    )
    return found


_TITLED_NEWS = re.compile(
    r"\b(?:paper|papers|work|article|preprint)\s+(?:(?:titled|entitled|called|on)\s+)?"
    r"[\"“](?P<title>[^\"“”]{10,300}?)[\"”],?\s+(?:(?:has\s+)?been\s+|was\s+|is\s+|got\s+)*"
    r"(?:(?:conditionally\s+)?accepted|published|presented)\s+(?:to|at|in|by|for)\s+(?:the\s+)?"
    r"(?P<venue>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,5}(?:\s*['’]?\d{2,4})?)"
)


def _titled_papers(lines: list[Line], titles: list[str]) -> list[SystemPaper]:
    """Papers news items name by their quoted title (``Our paper "A Title" was
    accepted to ICLR 2026``), leaving out titles already listed; the year is the
    venue's, else the one the item is dated."""
    known = {fold(t).strip(" .") for t in titles}
    found: dict[str, SystemPaper] = {}
    for ln in lines:
        for item in _NEWS_SPLIT.split(ln.text):
            for m in _TITLED_NEWS.finditer(item):
                title = m.group("title").strip(" .,")
                key = fold(title).strip(" .")
                if len(title.split()) < 2 or key in known or key in found:
                    continue
                written, stated = m.group("venue"), None
                if y := re.search(r"\s+((?:19|20)\d\d)$", written):  # "ICLR 2026"
                    written, stated = written[: y.start()], int(y.group(1))
                venue, year = normalize_venue(written)
                year = stated or year
                status = "accepted" if "accepted" in m.group(0) else "published"
                found[key] = SystemPaper(title, ln.no, status, venue, year or year_in(item))
    return list(found.values())


# --- the parser -----------------------------------------------------------------


def parse_text(doc: Document) -> Extraction:
    lines = _lines(doc)
    sections = _cited_sections(_table_sections(_sections(lines)))
    entries = [e for s in sections if s.kind == "publications" for e in _publication_entries(s)]
    entries = [e for e in entries if len(plain(" ".join(e.lines)).split()) >= 4]
    unsure: list[tuple[int, citemodel.ParsedCitation]] = []
    for e in entries:
        if (record := _record_citation(e)) is not None:
            e.citation = record
            continue
        # where the rules find no title or no author list, the learned reader stands in
        # when confident; a reading it is unsure of is kept as a warning to review
        e.citation, low = citemodel.second_opinion(
            e.lines, parse_citation(e.lines, default_status=e.status), default_status=e.status
        )
        if low is not None:
            unsure.append((e.line, low))
    owner = find_owner(lines, entries)
    if doc.owner:
        said = next((ln.no for ln in lines if doc.owner in ln.text), lines[0].no if lines else 1)
        owner = Owner(doc.owner, said)
    for e in entries:  # a title alone (and no venue): the owner's paper, "with" co-authors
        if owner and (e.citation is None or not (e.citation.authors or e.citation.venue)):
            e.citation = _owners_paper(e, owner.written) or e.citation
    b = GraphBuilder(doc)
    for line, low in unsure:
        b.warn(line, citemodel.review_note(low))
    return _Reader(b, owner, sections, entries, lines).read()


class _Reader:
    def __init__(
        self,
        b: GraphBuilder,
        owner: Owner | None,
        sections: list[Section],
        entries: list[Entry],
        lines: list[Line],
    ) -> None:
        self.b, self.owner, self.sections, self.entries, self.lines = (
            b,
            owner,
            sections,
            entries,
            lines,
        )
        self.owner_id: str | None = None
        self.authors: list[str] = [
            a.name for e in entries if e.citation for a in e.citation.authors
        ]

    def read(self) -> Extraction:
        self._owner()
        self._publications()
        for section in self.sections:
            if section.kind in ("education", "experience"):
                self._positions(section)
            elif section.kind == "interests":
                self._add_interests(_interests(section))
        for section in self.sections:
            if section.kind not in ("education", "experience", "publications", "other"):
                self._loose(section)
            elif section.kind == "other":  # advisors stated under any heading
                self._advisors(section.lines, None, None)
        self._news()
        self._statements()
        return self.b.out

    def _owner(self) -> None:
        o, b = self.owner, self.b
        if o is None:
            b.warn(
                None,
                "owner's name not found (no name heading the page, no author set "
                "apart in the publications); facts about the owner are skipped",
            )
            return
        if o.inferred:
            b.warn(o.line, o.inferred)
        head = "\n".join(ln.raw for ln in self.lines[:40])
        email = m.group(0) if (m := _EMAIL.search(head)) else None
        homepage = (m.group(1) if (m := _HOMEPAGE.search(head)) else None) or (
            f"https://github.com/{m.group(1)}" if (m := _GITHUB.search(head)) else None
        )
        self.owner_id = b.person(
            o.written, o.line, native_name=o.native_name, email=email, homepage=homepage
        )

    def _author(self, mention: Mention, taken: bool) -> tuple[str, bool]:
        """The owner's name for the author who is the owner, else the name as written."""
        o = self.owner
        if o and not taken and (mention.marked or compatible(mention.name, o.written)):
            return o.written, True
        return mention.written, taken

    def _publications(self) -> None:
        for e in self.entries:
            c = e.citation
            if c is None:
                self.b.skip(
                    e.line, "publication entry: no title could be told from the authors and venue"
                )
                continue
            authors: list[str] = []
            taken = False
            for mention in c.authors:
                written, taken = self._author(mention, taken)
                authors.append(written)
            complete = c.authors_complete
            if not authors and self.owner:
                authors, complete = [self.owner.written], False
            self.b.publication(
                c.title, e.line, authors=authors, authors_complete=complete, **work_of(c)
            )

    def _advisor(self, adv: Advisor, organization: str | None) -> None:
        if self.owner_id is None:
            self.b.skip(adv.line, f"advisor {adv.written!r} of an unnamed owner")
            return
        romanized = _romanized(adv.written, self.authors) if has_cjk(adv.written) else None
        self.b.advisor(adv, self.owner_id, organization=organization, written=romanized)

    def _advisors(self, lines: list[Line], kind: str | None, organization: str | None) -> None:
        """Advisor, mentor and student statements in these lines (``advisors.read``), at
        ``organization`` when given, else where their sentence says."""
        for st in advisors.read([(ln.no, ln.raw) for ln in lines], default_kind=kind):
            if self.owner_id is None or self.owner is None:
                for name in st.names:
                    self.b.skip(st.line, f"{st.owner_role_word} {name!r} of an unnamed owner")
                continue
            advisors.add_statement(
                self.b,
                st,
                self.owner_id,
                self.owner.written,
                organization=organization,
                advisor=self._advisor,
            )

    def _positions(self, section: Section) -> None:
        found: list[Position] = []
        for entry in _entries(section.lines):
            pos = _position(entry, section.kind)
            if pos:
                found.append(pos)
            default_kind = degree_kind(pos.degree or "") if pos else None
            self._advisors(entry, default_kind, pos.organization if pos else None)
        for pos in merge_positions(found):
            if self.owner_id is None:
                self.b.skip(pos.line, f"position at {pos.organization!r} of an unnamed owner")
                continue
            self.b.position(self.owner_id, pos)

    def _loose(self, section: Section) -> None:
        """Sentences outside the structured sections: degrees, advisors (at the
        organization their sentence names), interests."""
        for ln in section.lines:
            for sentence in sentences(ln.raw):
                self._sentence_position(plain(sentence).strip(), ln.no)
            if section.kind != "interests" and (m := _INTEREST.search(ln.text)):
                self._add_interests([(t, ln.no) for t in _topics(ln.text[m.end() :])])
        self._advisors(section.lines, None, None)

    def _sentence_position(self, sentence: str, line: int) -> str | None:
        """The owner's degree or postdoc a sentence states (``Ph.D. in X at Y``,
        ``博士毕业于Y``, ``在Y…做博士后``), added as an affiliation; its organization."""
        if m := _DEGREE_SENTENCE.match(sentence):
            if not DEGREE.fullmatch(m.group("degree").strip()):
                return None
            org, degree, field = m.group("org"), m.group("degree"), m.group("field")
        elif m := _ZH_DEGREE_SENTENCE.search(sentence):
            org, degree = m.group("org") or m.group("lab"), m.group("degree") or m.group("postdoc")
            field = None
        else:
            return None
        if self.owner_id:
            role = "postdoc" if degree_kind(degree) == "postdoc" else "student"
            self.b.affiliation(
                self.owner_id,
                org.strip(),
                line,
                role=role,
                degree=degree.strip() if role == "student" else None,
                field=field.strip() if field else None,
            )
        return org.strip()

    def _add_interests(self, topics: list[tuple[str, int]]) -> None:
        if self.owner_id is None:
            return
        for topic, line in topics:
            self.b.interest(self.owner_id, topic, line)

    def _statements(self) -> None:
        """Topics named anywhere in the document outside its publication list (a
        bio, CV bullets, project blurbs, news), as the owner's weaker interests."""
        if self.owner_id is None:
            return
        for section in self.sections:
            if section.kind != "publications":
                for ln in section.lines:
                    self.b.statement(self.owner_id, plain(ln.raw), ln.no)

    def _news(self) -> None:
        titles = [e.citation.title for e in self.entries if e.citation]
        loose = [ln for s in self.sections if s.kind != "publications" for ln in s.lines]
        named = [(p, True) for p in _system_papers(loose, titles).values()]
        named += [(p, False) for p in _titled_papers(loose, titles)]
        for paper, system_name in named:  # news naming a paper by its system or its title
            self.b.publication(
                paper.name,
                paper.line,
                authors=[self.owner.written] if self.owner else [],
                authors_complete=False,
                year=paper.year,
                status=paper.status,
                venue=paper.venue,
                title_is_system_name=system_name,
            )
