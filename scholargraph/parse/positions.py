"""Positions as CVs state them, shared by every CV format: the owner's place at an
organisation (a degree or a job), and the advisor record every reader hands the
builder (advisor statements themselves are read by ``advisors``).

>>> degree_kind("M.S. in Information Engineering"), degree_name("PH.D.")
('masters', 'Ph.D.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scholargraph.ids import fold

_ORG = re.compile(
    r"\b(?:university|universit[éä]t?|universidad|college|institute|institut|school|academy|"
    r"laborator(?:y|ies)|labs?|centre|center|inc|ltd|llc|corp(?:oration)?|company|"
    r"group|foundation|hospital|cloud)\b|大学|学院|研究院|研究所|实验室|公司|中心|集团",
    re.IGNORECASE,
)
_DEGREES: tuple[tuple[str, str], ...] = (
    ("postdoc", r"post-?doc(?:toral)?(?: fellow| researcher)?|博士后"),
    ("phd", r"ph\.?\s?d\.?|doctor(?:ate| of philosophy)|d\.?phil\.?|博士(?:研究生)?"),
    (
        "masters",
        r"m\.?s\.?c?\.?|m\.?eng\.?|m\.?\s?tech\.?|m\.?phil\.?|master(?:'s)?(?: of \w+)?|"
        r"硕士(?:研究生)?",
    ),
    (
        "undergrad",
        r"b\.?s\.?c?\.?|b\.?eng\.?|b\.?\s?tech\.?|b\.?a\.?|bachelor(?:'s)?(?: of \w+)?|"
        r"undergraduate|(?:工学|理学|文学|管理学|经济学|法学|医学|农学)?学士|本科",
    ),
)
DEGREE = re.compile(
    "|".join(rf"(?P<{k}>(?<![A-Za-z]){p}(?![A-Za-z]))" for k, p in _DEGREES), re.IGNORECASE
)
_SENTENCE = re.compile(
    r"(?<!\bProf)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bJr)(?<!\be\.g)"
    r"(?<=[A-Za-z]{2})\.\s+|[。！？；!?;]\s*"
)


def titlecase(text: str) -> str:
    """Words of an all-capitals line in title case (``SIMON FRASER UNIVERSITY``)."""
    if not text.isupper():
        return text
    small = {"of", "and", "for", "the", "in", "at", "on", "&"}
    words = [w.lower() if w.lower() in small else w.capitalize() for w in text.split()]
    return " ".join(words[:1] + words[1:]) if words else text


def is_organization(text: str) -> bool:
    """Does ``text`` name an institution (University, Institute, 大学, …)?"""
    return bool(_ORG.search(text))


def degree_kind(text: str) -> str | None:
    """The advising kind a degree implies: phd, masters, undergrad or postdoc."""
    m = DEGREE.search(text)
    return m.lastgroup if m else None


def degree_name(written: str) -> str:
    """``PH.D.`` -> ``Ph.D.``, ``B.ENG.`` -> ``B.Eng.``; other spellings kept."""
    written = written.strip()
    if written.upper() == "PHD":
        return "PhD"
    return re.sub(r"(?<=[A-Z])([A-Z]+)", lambda m: m.group(1).lower(), written)


def study_field(parts: list[str], degree: str) -> str | None:
    """The field of study on a degree line: the parts that are neither the
    institution nor the degree, or what follows ``in`` after the degree."""
    others = [p for p in parts if degree not in p and not _ORG.search(p)]
    if not others:
        rest = next(p for p in parts if degree in p).replace(degree, "").strip(" ,")
        others = [re.sub(r"^(?:in|of)\s+", "", rest, flags=re.IGNORECASE)] if rest else []
    return titlecase(", ".join(others)) if others else None


@dataclass
class Position:
    organization: str
    line: int
    role: str
    degree: str | None = None
    field: str | None = None
    start: str | None = None
    end: str | None = None


def _month(date: str | None) -> int | None:
    if not date:
        return None
    year, _, month = date.partition("-")
    return int(year) * 12 + int(month or 1) - 1


def merge_positions(positions: list[Position]) -> list[Position]:
    """Entries with the same organisation, role and degree whose dates touch or
    overlap become one position (a CV lists each internship project at one lab
    as its own entry); separate stints stay separate.

    >>> a = Position("Lab", 3, "Intern", start="2024-02", end="2024-12")
    >>> b = Position("Lab", 9, "Intern", start="2022-02", end="2024-02")
    >>> c = Position("Lab", 12, "Intern", start="2020-01", end="2020-06")
    >>> [(p.line, p.start, p.end) for p in merge_positions([a, b, c])]
    [(3, '2022-02', '2024-12'), (12, '2020-01', '2020-06')]
    """
    out: list[Position] = []
    for p in positions:
        key = (fold(p.organization), fold(p.role), fold(p.degree or ""))
        for m in out:
            if (fold(m.organization), fold(m.role), fold(m.degree or "")) != key:
                continue
            ms, me, ps, pe = _month(m.start), _month(m.end), _month(p.start), _month(p.end)
            if None in (ms, me, ps, pe) or not (ps <= me + 1 and ms <= pe + 1):  # type: ignore[operator]
                continue
            m.start, m.end = min(m.start, p.start), max(m.end, p.end)  # type: ignore[type-var]
            break
        else:
            out.append(p)
    return out


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s and s.strip()]


@dataclass
class Advisor:
    written: str
    line: int
    kind: str  # an ADVISED kind, or "mentor"
