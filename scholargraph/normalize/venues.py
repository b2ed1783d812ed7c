"""Venue names as written in CVs and BibTeX, reduced to their short names.

>>> normalize_venue("ASPLOS'26, CCF-A"), normalize_venue("ACM BCB'24")
(('ASPLOS', 2026), ('BCB', 2024))
>>> normalize_venue("Proceedings of the 40th International Conference on Machine Learning (ICML)")
('ICML', None)
>>> normalize_venue("12th USENIX Symposium on Operating Systems Design and Implementation")
('OSDI', None)
>>> normalize_venue("USENIX Symposium on Networked Systems Design and Implementation (NSDI 2026)")
('NSDI', 2026)
>>> normalize_venue("New Journal of Physics")
('New Journal of Physics', None)
"""

from __future__ import annotations

import re

# Full-name patterns of well-known venues -> short name (folded, whitespace-collapsed text).
KNOWN: tuple[tuple[str, str], ...] = (
    (r"operating systems design and implementation", "OSDI"),
    (r"symposium on operating systems principles", "SOSP"),
    (r"networked systems design and implementation", "NSDI"),
    (r"architectural support for programming languages", "ASPLOS"),
    (r"special interest group on data communication|\bsigcomm\b", "SIGCOMM"),
    (r"international conference on machine learning", "ICML"),
    (r"neural information processing systems", "NeurIPS"),
    (r"international conference on learning representations", "ICLR"),
    (r"computer vision and pattern recognition", "CVPR"),
    (r"international conference on computer vision", "ICCV"),
    (r"european conference on computer vision", "ECCV"),
    (r"aaai conference on artificial intelligence", "AAAI"),
    (r"international joint conference on artificial intelligence", "IJCAI"),
    (r"empirical methods in natural language processing", "EMNLP"),
    (r"association for computational linguistics", "ACL"),
    (r"international conference on computational linguistics", "COLING"),
    (r"conference on language modeling", "COLM"),
    (r"international conference on image processing", "ICIP"),
    (r"international conference on parallel processing", "ICPP"),
    (r"symposium on quality of service", "IWQoS"),
    (r"european conference on computer systems|\beurosys\b", "EuroSys"),
    (r"usenix annual technical conference", "ATC"),
    (r"file and storage technologies", "FAST"),
    (r"very large data bases|vldb endowment", "VLDB"),
    (r"international conference on management of data", "SIGMOD"),
    (r"knowledge discovery and data mining", "KDD"),
    (r"the web conference|world wide web conference", "WWW"),
    (r"european journal of operational research", "EJOR"),
    (r"cloud computing.*socc|symposium on cloud computing", "SoCC"),
    (r"supercomputing|high performance computing, networking, storage", "SC"),
    (r"\barxiv\b", "arXiv"),
)
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
    for pattern, short in KNOWN:
        if re.search(pattern, folded):
            return short, year
    if m:
        return m.group(1), year
    return text, year


def year_in(text: str) -> int | None:
    """The first plausible year written in ``text``."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None
