"""Papers that news items name without listing them: by their system
(``RLBoost accepted to NSDI'26``) or by their quoted title (``Our paper "A Title"
was accepted to ICLR 2026``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from scholargraph.ids import fold
from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse.layout import HEADING_DATA, Line

_NEWS_SPLIT = re.compile(
    r"(?=\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_V = r"(?P<venue>(?:(?:ACM|IEEE|USENIX)\s)?[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s?['’]\d{2})"
# a system name starts a word and is short: matching from inside a long token, or
# along all of it, would make a scan quadratic in the token's length
_N = r"(?<![\w.+-])(?P<name>[A-Za-z][\w.+-]{0,40}[\w+])"
_NOT_SYSTEM = frozenset(HEADING_DATA["not_systems"])  # words before "accepted" that name no system
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


def system_papers(lines: list[Line], titles: list[str]) -> dict[str, SystemPaper]:
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


def titled_papers(lines: list[Line], titles: list[str]) -> list[SystemPaper]:
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
