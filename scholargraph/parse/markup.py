"""Markdown and HTML left in scraped text: read past it, but keep what it marks.

CVs converted from PDF or scraped from web pages keep emphasis, links and tags.
Parsers read the plain text (``plain``) and ask which spans were emphasised or
self-linked (``marked_spans``): a CV's owner is usually the author set in bold.

>>> plain("- [SOSP'25] **Ann Lee**, [Bo Chen](#), <u>Cy Wu</u>. *A Title*.")
"[SOSP'25] Ann Lee, Bo Chen, Cy Wu. A Title."
>>> marked_spans("**Wang, X.**, Li, Y. and [Xin Tan](#)")
['Wang, X.', 'Xin Tan']
>>> bullet_of("- [3] Foo"), bullet_of("Foo")
('- [3] ', '')
"""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_ANCHOR = re.compile(r"<a\b[^>]*>(.+?)</a>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|<(?:b|strong)>(.+?)</(?:b|strong)>|<u>(.+?)</u>")
_SELF_LINK = re.compile(r"\[([^\]]+)\]\((?:#[^)]*|/?|\s*)\)")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)([^*]+?)\*(?![*\w])|(?<![_\w])_(?!_)([^_]+?)_(?![_\w])")
# a mark set in math after a name or title (``Ann Lee$^{\star}$``, ``$^{*}$``, ``$^1$``)
MATH_MARK = re.compile(r"\$\^\{?[^${}\s]{1,10}\}?\$")
_BULLET = re.compile(r"^\s*(?:[-*•·●▪◦–]\s+|\d{1,3}[.)]\s+)?(?:\[\d{1,3}\]\s*)?")


def plain(text: str) -> str:
    """The text a reader sees: links reduced to their label, tags and emphasis
    markers removed, bullet markers dropped, entities decoded, spaces collapsed."""
    text = _LINK.sub(lambda m: m.group(1), text).replace("\\*", "*").replace("\\_", "_")
    text = MATH_MARK.sub("", _TAG.sub("", text))
    text = text.replace("**", "").replace("__", "")
    text = _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
    text = html.unescape(text)
    text = text[len(bullet_of(text)) :]
    return " ".join(text.split())


def strip_tags(text: str) -> str:
    """HTML tags removed (their text kept); Markdown left as it is."""
    return html.unescape(_TAG.sub("", text))


def marked_spans(text: str) -> list[str]:
    """Spans set apart from their neighbours: bold, underlined, or linked to the
    page itself (``[Name](#)``), in order of appearance."""
    found: list[tuple[int, str]] = []
    for m in _BOLD.finditer(text):
        found.append((m.start(), next(g for g in m.groups() if g)))
    for m in _SELF_LINK.finditer(text):
        found.append((m.start(), m.group(1)))
    return [plain(s) for _, s in sorted(found)]


def italic_spans(text: str) -> list[str]:
    """``*single-star*`` or ``_underscore_`` emphasis (titles in many CVs)."""
    return [plain(m.group(1) or m.group(2)) for m in _ITALIC.finditer(text.replace("**", "\0"))]


def link_spans(text: str) -> list[str]:
    """The labels of links (not images): ``[Title](url)`` or ``<a href=url>Title</a>``
    -> ``Title``, in order of appearance."""
    found = [(m.start(), m.group(1)) for m in _LINK.finditer(text) if m.group(0)[0] != "!"]
    found += [(m.start(), m.group(1)) for m in _ANCHOR.finditer(text)]
    return [plain(label) for _, label in sorted(found)]


def bold_spans(text: str) -> list[str]:
    return [plain(next(g for g in m.groups() if g)) for m in _BOLD.finditer(text)]


def bullet_of(text: str) -> str:
    """The list marker a line starts with (``- ``, ``1. ``, ``[3]``), or ''."""
    m = _BULLET.match(text)
    return m.group(0) if m else ""
