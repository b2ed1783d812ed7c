"""Person names as written in CVs and citations.

>>> display_name("Wang, X.")
'X. Wang'
>>> display_name("Prof. Zhongfei (Mark) Zhang")
'Zhongfei Zhang'
>>> nickname_aliases("Zhongfei (Mark) Zhang")
['Mark Zhang', 'Zhongfei (Mark) Zhang']
>>> is_initials_only("X. Wang"), is_initials_only("Xin Tan"), is_initials_only("徐宏")
(True, False, False)
"""

from __future__ import annotations

import re

_TITLES = re.compile(
    r"^(?:(?:prof|professor|dr|mr|ms|mrs|assoc|assistant|associate)\.?\s+)+", re.IGNORECASE
)
_NICK = re.compile(r"\s*\(([^)]+)\)\s*")
_MARKERS = re.compile(r"[*†‡§¶#✉]+|\^\{?[\w,]*\}?")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def clean(raw: str) -> str:
    """Markdown emphasis, footnote markers and titles removed, spaces collapsed."""
    text = raw.replace("**", "").replace("__", "").strip(" \t*_`")
    text = _MARKERS.sub("", text)
    text = _TITLES.sub("", " ".join(text.split()))
    return text.strip(" ,;")


def display_name(raw: str) -> str:
    """``First Last`` from ``Last, First`` or ``First Last``, nickname dropped."""
    text = _NICK.sub(" ", clean(raw)).strip()
    if "," in text:
        last, _, first = text.partition(",")
        text = f"{first.strip()} {last.strip()}"
    return " ".join(text.split())


def nickname_aliases(raw: str) -> list[str]:
    """Other names the person goes by: ``Zhongfei (Mark) Zhang`` gives ``Mark Zhang``
    and the written form."""
    text = clean(raw)
    m = _NICK.search(text)
    if not m:
        return []
    last = text[m.end() :].strip()
    return [f"{m.group(1).strip()} {last}".strip(), text]


def is_initials_only(name: str) -> bool:
    """True when every given name is an initial (``X. Wang``, ``J Pei``): too
    little to tell two people apart without other evidence."""
    if has_cjk(name):
        return False
    parts = name.replace(".", ". ").split()
    return len(parts) >= 2 and all(len(p.strip(".-")) <= 1 for p in parts[:-1])
