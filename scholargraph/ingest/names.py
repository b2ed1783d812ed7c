"""Person names as written in CVs and citations.

>>> display_name("Wang, X.")
'X. Wang'
>>> display_name("Prof. Zhongfei (Mark) Zhang")
'Zhongfei Zhang'
>>> nickname_aliases("Zhongfei (Mark) Zhang")
['Mark Zhang', 'Zhongfei (Mark) Zhang']
>>> is_initials_only("X. Wang"), is_initials_only("Xin Tan"), is_initials_only("徐宏")
(True, False, False)
>>> strip_titles("徐宏 长聘副教授"), strip_titles("王睿教授"), strip_titles("Prof. Z. Morley Mao.")
('徐宏', '王睿', 'Z. Morley Mao')
>>> looks_like_name("Zhongfei (Mark) Zhang"), looks_like_name("Wang, X.")
(True, True)
>>> looks_like_name("the system"), looks_like_name("徐宏"), looks_like_name("ICML 2023")
(False, True, False)
>>> split_names("Prof. Jian Pei and Prof. Jiannan Wang"), split_names("王睿、于彦伟")
(['Jian Pei', 'Jiannan Wang'], ['王睿', '于彦伟'])
>>> compatible("X. Wang", "Xin Wang"), compatible("Xin Tan", "Xin Wang")
(True, False)
>>> compatible("J. P. Li", "Jian Li"), compatible("Xin-Yu Li", "Xinyu Li")
(False, True)
>>> pinyin_forms("徐宏")
['Hong Xu', 'Xu Hong']
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from scholargraph.ids import fold

_TITLES = re.compile(
    r"^(?:(?:prof|professor|dr|mr|ms|mrs|assoc|assistant|associate)\.?\s+)+", re.IGNORECASE
)
_NICK = re.compile(r"\s*\(([^)]+)\)\s*")
_MARKERS = re.compile(r"[*†‡§¶#✉]+|\^\{?[\w,]*\}?")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_TITLES = re.compile(
    r"\s*(?:长聘|特聘|终身|荣誉)?(?:副|助理)?(?:教授|研究员|老师|博士|院士|讲师|博导)+\s*$"
)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]?\.|[A-Z]\.?-?[A-Z]?\.?|[A-Z][a-z'’\-]*[a-z]|\w+)$")
_CJK_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,3}·[\u3400-\u9fff]{1,6}$")


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


def strip_titles(written: str) -> str:
    """A name without academic titles before (``Prof.``) or after (``教授``) it."""
    text = clean(written).rstrip(".")
    return _CJK_TITLES.sub("", text).strip(" ,;")


def looks_like_name(text: str) -> bool:
    """Could ``text`` be a person's name as a CV writes it? (Shape only: two to
    five capitalised words or initials, or two to four Chinese characters.)"""
    text = _NICK.sub(" ", clean(text)).strip()
    if _CJK_NAME.match(text):
        return True
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        text = f"{first.strip()} {last.strip()}"
    words = text.replace(".", ". ").split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in text) or has_cjk(text):
        return False
    named = [w for w in words if w.lower() not in _PARTICLES]
    return all(
        _NAME_TOKEN.match(w) and w[0].isupper() and w[0].isalpha() for w in named
    ) and not all(len(w.strip(".-")) <= 1 for w in named)


def split_names(text: str) -> list[str]:
    """Names in a list such as ``A and B``, ``A, B, and C`` or ``甲、乙``, titles removed."""
    parts = re.split(r"\s*(?:,\s*and\s+|,|;|\band\b|&|、|，|和|及)\s*", clean(text))
    return [n for n in (strip_titles(p) for p in parts) if n]


def _given_and_last(name: str) -> tuple[list[str], str]:
    words = fold(display_name(name)).replace(".", " ").replace("-", " ").split()
    return words[:-1], words[-1] if words else ""


def compatible(a: str, b: str) -> bool:
    """Could two written names be the same person? Same family name and given
    names that agree letter for letter where both are spelled out and initial
    for initial otherwise (``X. Wang`` ~ ``Xin Wang``; ``Xin Tan`` !~ ``Xin Wang``)."""
    (ga, la), (gb, lb) = _given_and_last(a), _given_and_last(b)
    if la != lb or not ga or not gb:
        return la == lb and (not ga or not gb)
    if "".join(ga) == "".join(gb):  # Xin-Yu ~ Xinyu
        return True
    if len(ga) != len(gb):
        return False
    return all(
        x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(ga, gb, strict=True)
    )


def pinyin_forms(native: str) -> list[str]:
    """Romanised forms of a Chinese name, given name first then family name first
    (most common readings; ``徐宏`` -> ``Hong Xu``, ``Xu Hong``)."""
    syllables = lazy_pinyin(native)
    if len(syllables) < 2:
        return []
    family, given = syllables[0].capitalize(), "".join(syllables[1:]).capitalize()
    return [f"{given} {family}", f"{family} {given}"]
