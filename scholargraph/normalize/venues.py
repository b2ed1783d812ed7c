"""Venue names as written in CVs, BibTeX and API answers, reduced to their short
names through a table of well-known venues (``venues.yaml``: short name, full
name, the patterns that recognise it), so a profile's ``ICPP`` and an API's
``International Conference on Parallel Processing`` are one venue.

>>> normalize_venue("ASPLOS'26, CCF-A"), normalize_venue("ACM BCB'24")
(('ASPLOS', 2026), ('BCB', 2024))
>>> normalize_venue("Proceedings of the 40th International Conference on Machine Learning (ICML)")
('ICML', None)
>>> normalize_venue("12th USENIX Symposium on Operating Systems Design and Implementation")
('OSDI', None)
>>> normalize_venue("USENIX Symposium on Networked Systems Design and Implementation (NSDI 2026)")
('NSDI', 2026)
>>> normalize_venue("ACM International Conference on Parallel Processing")
('ICPP', None)
>>> normalize_venue("New Journal of Physics")
('New Journal of Physics', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class KnownVenue:
    """A venue of the table: its short name, full name and the patterns it is written by."""

    short: str
    full_name: str
    written: tuple[re.Pattern[str], ...]
    preprint: bool = False  # a preprint server: a version of a paper, not where it appeared


@cache
def known_venues() -> tuple[KnownVenue, ...]:
    """The table of well-known venues (``venues.yaml``), in its order."""
    text = resources.files("scholargraph.normalize").joinpath("venues.yaml").read_text("utf-8")
    table = yaml.safe_load(text)
    return tuple(
        KnownVenue(
            short=str(short),
            full_name=str(entry["full_name"]),
            written=tuple(re.compile(str(p)) for p in entry["written"]),
            preprint=bool(entry.get("preprint")),
        )
        for short, entry in table.items()
    )


# (pattern, short name) of every well-known venue, for readers that want the names.
KNOWN: tuple[tuple[str, str], ...] = tuple(
    (p.pattern, v.short) for v in known_venues() for p in v.written
)


def is_preprint_server(venue: str) -> bool:
    """Whether ``venue`` (as written, short or long) is a preprint server.

    >>> is_preprint_server("arXiv (Cornell University)"), is_preprint_server("CoRR")
    (True, True)
    >>> is_preprint_server("ICML")
    False
    """
    short = normalize_venue(venue)[0]
    return any(v.preprint and v.short == short for v in known_venues())


def full_name(short: str) -> str | None:
    """The full name of a well-known venue by its short name.

    >>> full_name("ICPP"), full_name("Nature")
    ('International Conference on Parallel Processing', None)
    """
    return next((v.full_name for v in known_venues() if v.short == short), None)


_RANK_TAGS = re.compile(r"\b(?:CCF|CORE)[- ]?[A-C]\*?\b|\bTH-CPL[- ]?[A-C]\b", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"^([A-Za-z][\w&/.+-]*(?: [A-Z][\w&/.+-]*)?)\s*['\u2019`](\d{2})$")
_ACRONYM = re.compile(
    r"\(\s*(?:\{?)([A-Z][A-Za-z]*[A-Z][\w-]*)\}?(?:[\s'\u2019]+(\d{2}|\d{4}))?\s*\)"
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def _year(two_or_four: str | None) -> int | None:
    if not two_or_four:
        return None
    return int(two_or_four) if len(two_or_four) == 4 else 2000 + int(two_or_four)


def normalize_venue(written: str) -> tuple[str, int | None]:
    """(short name, year if the text states one); the text itself when unknown."""
    text = " ".join(_RANK_TAGS.sub("", written.replace("{", "").replace("}", "")).split())
    text = text.strip(" ,;[]")
    if m := _SHORT_YEAR.match(text):  # ASPLOS'26, ACM BCB'24
        return re.sub(r"^(?:ACM|IEEE|USENIX)\s+", "", m.group(1)), _year(m.group(2))
    m = _ACRONYM.search(text)
    year = _year(m.group(2)) if m and m.group(2) else None
    folded = text.casefold()
    for venue in known_venues():
        if any(p.search(folded) for p in venue.written):
            return venue.short, year
    if m:
        return m.group(1), year
    return text, year


def year_in(text: str) -> int | None:
    """The first plausible year written in ``text``."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None
