"""Structured CVs: the al-folio theme's ``_data/cv.yml`` and JSON Resume.

Both hold the same facts in fields: the owner (``Full Name`` / ``basics.name``),
education and work entries (organisation, title or degree, dates, free-text
details that may name a supervisor or a major), interests, and for JSON Resume
publications without author lists. Template leftovers that al-folio ships with
(``Description 1.``, Einstein's career) are recognised and skipped with a warning.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from scholargraph.errors import InputError
from scholargraph.normalize import dates
from scholargraph.normalize.names import has_cjk
from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse import advisors
from scholargraph.parse.builder import Extraction, GraphBuilder
from scholargraph.parse.documents import Document
from scholargraph.parse.markup import plain
from scholargraph.parse.positions import (
    Advisor,
    Position,
    degree_kind,
    merge_positions,
)
from scholargraph.parse.yaml_lines import LineDict, load, scalar_text

ALFOLIO = "alfolio"
JSONRESUME = "jsonresume"
_PLACEHOLDER = re.compile(r"^(?:sub-)?(?:description|topic|hobby|item)\s*\d+\.?$", re.I)
_MAJOR = re.compile(r"^(?:major|field|area|专业|研究方向)\s*[:：]\s*(.+)$", re.IGNORECASE)
_BARE_FIELD = re.compile(r"^[^:：\d<>]{2,40}$")
_SECTIONS = {
    "education": ("education", "教育背景", "教育经历"),
    "experience": ("experience", "work experience", "employment", "positions", "工作经历"),
    "interests": ("academic interests", "research interests", "interests", "研究兴趣"),
    "general": ("general information", "basics", "基本信息"),
}


@dataclass
class Item:
    """One education or work entry, as read from either format."""

    organization: str
    line: int
    title: str | None  # degree or job title
    when: str | None = None  # "Sep. 2017 - Dec. 2022" or start/end below
    start: str | None = None
    end: str | None = None
    details: list[str] = field(default_factory=list)

    def position(self, section: str) -> Position:
        span = dates.date_range(self.when or "") if self.when else None
        start, end = span if span else (self.start, self.end)
        if self.when and not span:
            start = end = dates.date_point(self.when)
        major = next((m.group(1) for d in self.details if (m := _MAJOR.match(d))), None)
        if major is None and section == "education":  # a bare first line: the field
            major = next((d for d in self.details[:1] if _BARE_FIELD.match(d)), None)
        if section == "education":
            return Position(self.organization, self.line, "student", self.title, major, start, end)
        return Position(
            self.organization, self.line, self.title or "member", None, major, start, end
        )


def _owner_name(full: str) -> tuple[str, str | None]:
    """``Qizhen Weng 翁祈桢`` -> (``Qizhen Weng``, ``翁祈桢``)."""
    latin = re.sub(r"[\u3400-\u9fff]+", " ", full).strip()
    native = "".join(re.findall(r"[\u3400-\u9fff]+", full)) or None
    return (latin, native) if latin and not has_cjk(latin) else (full.strip(), None)


def _is_placeholder(item: Item) -> bool:
    """An entry the theme ships with: only placeholder details, or none at all."""
    return bool(item.details) and all(_PLACEHOLDER.match(d) for d in item.details)


def _advisor(b: GraphBuilder, owner: str, adv: Advisor, organization: str | None) -> None:
    b.advisor(adv, owner, organization=organization)


def _add_items(
    b: GraphBuilder, owner: str, owner_name: str, items: list[Item], section: str
) -> None:
    described = [i for i in items if i.details]
    if described and all(_is_placeholder(i) for i in described):
        for i in items:
            b.skip(i.line, f"{section} entry {i.organization!r} is theme sample content")
        b.warn(items[0].line, f"{section} section is the theme's sample content; skipped")
        return
    found = []
    for item in items:
        pos = item.position(section)
        found.append(pos)
        kind = degree_kind(item.title or "") if section == "education" else None
        for detail in item.details:
            if _PLACEHOLDER.match(detail):
                continue
            for st in advisors.read([(item.line, detail)], default_kind=kind):
                advisors.add_statement(
                    b,
                    st,
                    owner,
                    owner_name,
                    organization=item.organization,
                    advisor=functools.partial(_advisor, b, owner),
                )
    for pos in merge_positions(found):
        b.position(owner, pos)


def _section_kind(title: str) -> str | None:
    t = " ".join(title.casefold().split())
    return next((k for k, names in _SECTIONS.items() if t in names), None)


def _entries(value: Any) -> list[Any]:
    """The items of a list-valued field; anything else (a number, a mapping) holds none."""
    return value if isinstance(value, list) else []


def _details(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [plain(value)]
    if isinstance(value, list):
        out = []
        for v in value:
            if isinstance(v, dict):
                out += _details(v.get("title")) + _details(v.get("contents"))
            else:
                out += _details(v)
        return out
    return [str(value)]


# --- al-folio ---------------------------------------------------------------


def looks_like_alfolio(text: str) -> bool:
    return bool(re.search(r"^- title:.*\n\s+type:", text, re.MULTILINE))


def parse_alfolio(doc: Document) -> Extraction:
    data = load(doc.text, doc.path)
    if not isinstance(data, list) or not all(isinstance(s, LineDict) for s in data):
        raise InputError(doc.path, "not an al-folio cv.yml (a list of sections)", line=1)
    b = GraphBuilder(doc)
    sections = {k: s for s in data if (k := _section_kind(str(s.get("title", ""))))}
    general = sections.get("general")
    info = {
        (scalar_text(c.get("name")) or "").casefold(): (scalar_text(c.get("value")) or "", c.line)
        for c in _entries((general or {}).get("contents"))
        if isinstance(c, LineDict)
    }
    full = info.get("full name") or info.get("name")
    if not full:
        raise InputError(
            doc.path,
            "no 'Full Name' in the General Information section",
            line=general.line if general else 1,
        )
    name, native = _owner_name(full[0])
    email = info.get("email", (None, 0))[0]
    owner = b.person(name, full[1], native_name=native, email=email)
    for kind in ("education", "experience"):
        if kind in sections:
            items = [
                Item(
                    plain(institution),
                    c.line,
                    plain(scalar_text(c.get("title")) or "") or None,
                    when=scalar_text(c.get("year")),
                    details=_details(c.get("description")),
                )
                for c in _entries(sections[kind].get("contents"))
                if isinstance(c, LineDict) and (institution := scalar_text(c.get("institution")))
            ]
            if items:
                _add_items(b, owner, name, items, kind)
    if "interests" in sections:
        for c in _entries(sections["interests"].get("contents")):
            title = scalar_text(c.get("title")) if isinstance(c, LineDict) else None
            topic = plain(title or "").strip(" .")
            if topic and not _PLACEHOLDER.match(topic):
                b.interest(owner, topic, c.line)
    return b.out


# --- JSON Resume --------------------------------------------------------------


def strip_jsonc(text: str) -> str:
    """JSON with ``//`` and ``/* */`` comments and trailing commas made strict,
    keeping every newline so error line numbers still point into the file.

    >>> json.loads(strip_jsonc('{"a": "http://x", // note\\n "b": [1, 2,],}'))
    {'a': 'http://x', 'b': [1, 2]}
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        else:
            out.append(c)
            i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def looks_like_jsonresume(text: str) -> bool:
    return '"basics"' in text


class _Lines:
    """Line numbers of JSON values, found in file order."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def of(self, value: str | None) -> int:
        if not value:
            return self.text.count("\n", 0, self.at) + 1
        found = self.text.find(json.dumps(value, ensure_ascii=False), self.at)
        if found >= 0:
            self.at = found
        return self.text.count("\n", 0, self.at) + 1


def parse_jsonresume(doc: Document) -> Extraction:
    try:
        data = json.loads(strip_jsonc(doc.text))
    except json.JSONDecodeError as exc:
        raise InputError(doc.path, f"invalid JSON: {exc.msg}", line=exc.lineno) from exc
    basics = data.get("basics") if isinstance(data, dict) else None
    full = scalar_text(basics.get("name")) if isinstance(basics, dict) else None
    if not isinstance(basics, dict) or not full:
        raise InputError(doc.path, "JSON Resume without basics.name", line=1)
    b = GraphBuilder(doc)
    lines = _Lines(doc.text)
    name, native = _owner_name(full)
    owner = b.person(
        name,
        lines.of(full),
        native_name=native,
        email=scalar_text(basics.get("email")),
        homepage=scalar_text(basics.get("url")),
    )
    for kind, key, org_key, title_key in (
        ("education", "education", "institution", "studyType"),
        ("experience", "work", "name", "position"),
    ):
        items = []
        for e in _entries(data.get(key)):
            written = scalar_text(e.get(org_key)) if isinstance(e, dict) else None
            if not isinstance(e, dict) or not written:
                continue
            area = scalar_text(e.get("area"))
            items.append(
                Item(
                    re.split(r"[,，]", written)[0].strip(),
                    lines.of(written),
                    scalar_text(e.get(title_key)),
                    start=dates.date_point(scalar_text(e.get("startDate")) or ""),
                    end=dates.date_point(scalar_text(e.get("endDate")) or ""),
                    details=[f"major: {area}"] if kind == "education" and area else [],
                )
            )
        if items:
            _add_items(b, owner, name, items, kind)
    for pub in _entries(data.get("publications")):
        title = scalar_text(pub.get("name")) if isinstance(pub, dict) else None
        if isinstance(pub, dict) and title:
            publisher = scalar_text(pub.get("publisher"))
            b.publication(
                title,
                lines.of(title),
                authors=[name],
                authors_complete=False,
                year=year_in(scalar_text(pub.get("releaseDate")) or ""),
                venue=normalize_venue(publisher)[0] if publisher else None,
                venue_full=publisher,
            )
    for interest in _entries(data.get("interests")):
        topic = scalar_text(interest.get("name")) if isinstance(interest, dict) else None
        if topic:
            b.interest(owner, topic, lines.of(topic))
    return b.out
