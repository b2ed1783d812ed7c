"""Dates and date ranges as CVs write them, as ``YYYY`` or ``YYYY-MM``.

>>> date_range("Sep. 2021 - April 2026")
('2021-09', '2026-04')
>>> date_range("香港中文大学, 博士研究生 2022.8 - 2026.7 (预计)")
('2022-08', '2026-07')
>>> date_range("于2023年7月-2026年1月在中国海洋大学")
('2023-07', '2026-01')
>>> date_range("Nov 2025 – Present"), date_range("1917-1933"), date_range("no dates")
(('2025-11', None), ('1917', '1933'), None)
>>> date_point("2019-09-05"), date_point("Now")
('2019-09', None)
"""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
POINT = (
    rf"(?:(?P<{{p}}mon>{_MONTH})\s+)?(?P<{{p}}year>(?:19|20)\d\d)"
    r"(?:(?:[./-](?P<{p}num>\d{{1,2}})(?![\d]))|年(?P<{p}cjk>\d{{1,2}})月)?"
)
_OPEN = r"(?P<open>present|now|current|today|ongoing|至今|今)"
_RANGE = re.compile(
    POINT.format(p="a_") + r"\s*(?:-|–|—|~|to|至)\s*(?:" + POINT.format(p="b_") + "|" + _OPEN + ")",
    re.IGNORECASE,
)
_POINT = re.compile(POINT.format(p=""), re.IGNORECASE)


def _fmt(m: re.Match[str], p: str) -> str:
    year = m.group(f"{p}year")
    mon = m.group(f"{p}mon")
    num = m.group(f"{p}num") or m.group(f"{p}cjk")
    month = MONTHS[mon.lower()[:3]] if mon else 0
    if not month and num and 1 <= int(num) <= 12:
        month = int(num)
    return f"{year}-{month:02d}" if month else year


def date_range(text: str) -> tuple[str, str | None] | None:
    """``(start, end)`` of the first range in ``text``; end is None when open."""
    m = _RANGE.search(text)
    if not m:
        return None
    end = None if m.group("open") else _fmt(m, "b_")
    return _fmt(m, "a_"), end


def date_point(text: str) -> str | None:
    """The first single date in ``text``, or None (also for 'present')."""
    m = _POINT.search(text)
    return _fmt(m, "") if m else None


def strip_dates(text: str) -> str:
    """``text`` without its date range (and a trailing '(expected)' note)."""
    text = _RANGE.sub("", text)
    text = re.sub(r"\((?:预计|expected|exp\.?)\)", "", text, flags=re.IGNORECASE)
    return " ".join(text.split()).strip(" ,|")
