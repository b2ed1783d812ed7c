"""Venue names as written in CVs, BibTeX and API answers, reduced to their short
names through the venue vocabulary (``venues.yaml``: short name, full name, the
patterns that recognise it, aliases, identifiers and kind), so a profile's
``ICPP`` and an API's ``International Conference on Parallel Processing`` are one
venue.

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

The table is the venue vocabulary: ``known_venue`` finds a written venue's entry
(by an identifier an API gave, the full name's patterns, the short name or an
alias), whose short name gives the Venue node its id, so every spelling of one
venue is one node:

>>> known_venue("ACM BCB").short, known_venue("Foo Workshop", {"dblp_key": "conf/icml"}).short
('BCB', 'ICML')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from scholargraph import ids

IDENTIFIERS = ("openalex_id", "issn", "dblp_key")  # what identifies a venue across APIs
KINDS = ("conference", "journal", "preprint")


@dataclass(frozen=True)
class KnownVenue:
    """A venue of the vocabulary: its short name, full name, the patterns it is
    written by, other names, identifiers and kind (``KINDS``)."""

    short: str
    full_name: str
    written: tuple[re.Pattern[str], ...]
    kind: str = "conference"
    aliases: tuple[str, ...] = ()
    dblp_key: str | None = None
    issn: str | None = None
    openalex_id: str | None = None

    @property
    def preprint(self) -> bool:
        """A preprint server: a version of a paper, not where it appeared."""
        return self.kind == "preprint"


@cache
def known_venues() -> tuple[KnownVenue, ...]:
    """The venue vocabulary (``venues.yaml``), in its order."""
    text = resources.files("scholargraph.normalize").joinpath("venues.yaml").read_text("utf-8")
    table = yaml.safe_load(text)
    out = []
    for short, entry in table.items():
        kind = str(entry.get("kind", "conference"))
        if kind not in KINDS:
            raise ValueError(f"venues.yaml: {short}: kind {kind!r} is not one of {KINDS}")
        out.append(
            KnownVenue(
                short=str(short),
                full_name=str(entry["full_name"]),
                written=tuple(re.compile(str(p)) for p in entry["written"]),
                kind=kind,
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                **{k: str(entry[k]) for k in IDENTIFIERS if entry.get(k)},
            )
        )
    return tuple(out)


# (pattern, short name) of every well-known venue, for readers that want the names.
KNOWN: tuple[tuple[str, str], ...] = tuple(
    (p.pattern, v.short) for v in known_venues() for p in v.written
)


_PUBLISHER = re.compile(r"^(?:ACM|IEEE|USENIX|IEEE/ACM|ACM/IEEE)\s+")


def known_venue(
    written: str | None, identifiers: Mapping[str, str] | None = None
) -> KnownVenue | None:
    """The vocabulary's entry for a venue: by an identifier (``IDENTIFIERS``: an
    API's source id, ISSN or DBLP stream), else by how it is written (a full
    name's pattern, the short name or an alias, a publisher's prefix aside).

    >>> known_venue("arXiv (Cornell University)").short, known_venue("CoRR").short
    ('arXiv', 'arXiv')
    >>> known_venue("PeerJ Preprints", {"openalex_id": "S1983995261"}).short
    'PeerJ'
    >>> known_venue("Journal of Things") is None
    True
    """
    by_id = _index()[1]
    for key, value in (identifiers or {}).items():
        if value and (key, value) in by_id:
            return by_id[key, value]
    return _written_entry(written) if written else None


@lru_cache(maxsize=65536)  # a bibliography writes its venues again and again
def _written_entry(written: str) -> KnownVenue | None:
    return _index()[0].get(ids.fold(_PUBLISHER.sub("", normalize_venue(written)[0])))


@cache
def _index() -> tuple[dict[str, KnownVenue], dict[tuple[str, str], KnownVenue]]:
    """The vocabulary by folded short name and alias, and by (identifier, value)."""
    by_name: dict[str, KnownVenue] = {}
    by_id: dict[tuple[str, str], KnownVenue] = {}
    for venue in known_venues():
        for name in (venue.short, *venue.aliases):
            by_name.setdefault(ids.fold(name), venue)
        for key in IDENTIFIERS:
            if value := getattr(venue, key):
                by_id.setdefault((key, value), venue)
    return by_name, by_id


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
