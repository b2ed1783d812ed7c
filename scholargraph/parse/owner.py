"""Whom a page is about: the name heading it (in Latin or Chinese script, or both),
else the author its publication list sets apart (bold, underlined, linked)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from scholargraph.ids import fold
from scholargraph.normalize.names import (
    clean,
    has_cjk,
    is_chinese_name,
    looks_like_name,
    pinyin_forms,
)
from scholargraph.parse.layout import HEADING_DATA, HEADINGS, NOT_NAMES, Entry, Line

# Words that make a heading line something other than a person's name ("Research Profile")
_NOT_NAME_WORDS = frozenset(HEADING_DATA["not_name_words"])
_NATIVE_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}")  # 刘学深 under the Latin name
_BOTH_NAMES = re.compile(  # "田景泽 Jingze Tian", "Jingze Tian 田景泽", "Jingze Tian (田景泽)"
    r"^(?:(?P<n1>[\u4e00-\u9fff]{2,4})\s*[/|]?\s*(?P<l1>[^\u4e00-\u9fff]+)"
    r"|(?P<l2>[^\u4e00-\u9fff(（]+?)\s*[/|(（]?\s*(?P<n2>[\u4e00-\u9fff]{2,4})[)）]?)$"
)


def _names_of(text: str) -> tuple[str, str | None]:
    """(the Latin name, the native name) a heading writes, both or the Latin one."""
    if (m := _BOTH_NAMES.match(text.strip(" #"))) and looks_like_name(m["l1"] or m["l2"]):
        return (m["l1"] or m["l2"]).strip(), m["n1"] or m["n2"]
    return clean(text.strip(" #")), None  # "# Dr. Jane Doe, PhD": titles and degrees off


def _owner_candidates(lines: list[Line], body: str) -> Iterator[tuple[int, Line]]:
    for i, ln in enumerate(lines[:25]):
        text, native = _names_of(ln.text)
        if not ln.bullet and is_chinese_name(name := text.strip(" #")):  # "# 郑华伟"
            if name not in HEADINGS and name not in NOT_NAMES:  # 项目, 关于: 项 and 关
                yield 2 + (i < 5), ln  # are family names too
            continue
        if ln.bullet or not looks_like_name(text) or has_cjk(text) or "," in text:
            continue
        words = text.strip(" #").split()  # "# JANE DOE" is in capitals
        if any(w.lower().strip(".") in _NOT_NAME_WORDS for w in words):
            continue
        if not (  # all in capitals or none, an initial ("G.") aside
            all(w.isupper() for w in words)
            or not any(w.isupper() and len(w.strip(".")) > 1 for w in words)
        ):
            continue
        score = 3 * (body.count(text) > 1) + (i < 5)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        score += 2 * bool(native or _NATIVE_LINE.fullmatch(nxt))
        yield score, ln


def romanized(native: str, authors: list[str]) -> str | None:
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
                romanized(native, [a.name for a in authors])
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
