"""Stable ids derived from the data, so every write is a repeatable MERGE.

Order of preference: DOI, then another external id, then a hash of normalized
content. Ids carry a prefix naming what they identify, so they are unique
across labels.

>>> publication_id(doi="https://doi.org/10.1145/ABC.123", title="x")
'doi:10.1145/abc.123'
>>> publication_id(arxiv="arXiv:2602.21140v2", title="x")
'arxiv:2602.21140'
>>> publication_id(title="Smart Initial Basis Selection for Linear Programs") == \\
...     publication_id(title="smart initial basis selection for linear programs.")
True
>>> slug("Zhongfei (Mark) Zhang")
'zhongfei-mark-zhang'
>>> slug("Jiří Čáp")
'jiri-cap'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?")
_ARXIV_OLD = re.compile(r"([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case, accents stripped, compatibility forms folded; CJK kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slug(text: str) -> str:
    """A readable, stable key: folded words joined by '-'."""
    return "-".join(re.findall(r"\w+", fold(text)))


def digest(*parts: str, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def normalize_doi(text: str | None) -> str | None:
    """The bare, lower-cased DOI inside ``text`` (a URL or ``doi:`` form), or None."""
    if not text:
        return None
    m = _DOI.search(text)
    return m.group(0).rstrip(".,;").lower() if m else None


def normalize_arxiv(text: str | None) -> str | None:
    """The arXiv id without version (``2602.21140``, ``quant-ph/0101001``), or None."""
    if not text:
        return None
    m = _ARXIV_NEW.search(text) or _ARXIV_OLD.search(text)
    return m.group(1).lower() if m else None


def title_key(title: str) -> str:
    """Titles compare equal when their folded words are equal."""
    return " ".join(re.findall(r"\w+", fold(title)))


def publication_id(*, title: str, doi: str | None = None, arxiv: str | None = None) -> str:
    if (d := normalize_doi(doi)) is not None:
        return f"doi:{d}"
    if (a := normalize_arxiv(arxiv)) is not None:
        return f"arxiv:{a}"
    return f"pub:{digest(title_key(title))}"


def person_id(name: str, *, scope: str | None = None) -> str:
    """A person keyed by name; ``scope`` (a source id) keeps ambiguous names
    such as initials-only forms from meeting people of other documents."""
    key = slug(name)
    return f"person:{key}@{scope}" if scope else f"person:{key}"


def named_id(prefix: str, name: str) -> str:
    """Venues, organizations and topics are identified by their folded name."""
    return f"{prefix}:{slug(name)}"


def rel_id(rel_type: str, from_id: str, to_id: str, *key: str) -> str:
    """Relationships are keyed by type, endpoints and the properties that tell
    two parallel edges apart (e.g. two degrees at one university)."""
    return digest(rel_type, from_id, to_id, *key)
