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
from dataclasses import dataclass
from functools import cache, cached_property

from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

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


@cache
def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's dictionary), plus ``lv``/``nv``."""
    out = {"lv", "nv", "lve", "nve"}
    for readings in pinyin_dict.values():
        out.update(fold(r) for r in readings.split(","))
    return frozenset(s for s in out if re.search(r"[aeiouv]", s))


def pinyin_syllables(word: str) -> list[str] | None:
    """``word`` cut into pinyin syllables (``Xinyu`` -> ``['xin', 'yu']``), or None
    when it is not pinyin. Apostrophes mark a cut (``Xuan'er``)."""
    out: list[str] = []
    for part in re.split(r"['’]", fold(word)):
        best: list[list[str] | None] = [[]] + [None] * len(part)
        for end in range(1, len(part) + 1):
            for start in range(max(0, end - 6), end):
                prev, here = best[start], best[end]
                if (
                    prev is not None
                    and part[start:end] in _pinyin_syllables()
                    and (here is None or len(prev) + 1 < len(here))
                ):
                    best[end] = [*prev, part[start:end]]
        if not part or best[-1] is None:
            return None
        out += best[-1] or []
    return out


@dataclass(frozen=True)
class NameForm:
    """One reading of a name: a folded family name and given names, e.g. ``Xin-Yu
    Li`` -> family ``li``, given ``('xin', 'yu')``; ``how`` says where it came from
    (``latin``, ``swapped`` for family-name-first, ``hanzi`` for a pinyin reading)."""

    family: str
    given: tuple[str, ...]
    how: str = "latin"

    @cached_property
    def initials_only(self) -> bool:
        return all(len(g) == 1 for g in self.given)

    @cached_property
    def full_key(self) -> str | None:
        """``family|given`` with the given names run together; None for initials."""
        if not self.given or self.initials_only:
            return None
        return f"{self.family}|{''.join(self.given)}"

    @cached_property
    def block_key(self) -> str:
        """``family|first initial``: names that could match share one."""
        return f"{self.family}|{self.given[0][0] if self.given else ''}"

    def initials(self) -> set[str]:
        """The initials this form may be abbreviated to: one per given name, or one
        per pinyin syllable (``Xinyu`` -> ``x`` or ``xy``)."""
        words = "".join(g[0] for g in self.given)
        syllables = [pinyin_syllables(g) or [g] for g in self.given]
        return {words, "".join(s[0] for parts in syllables for s in parts)}


_COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容"}
_COMPOUND_SURNAMES |= {"令狐", "夏侯", "长孙", "宇文", "司徒", "澹台", "端木", "轩辕"}


def _latin_form(name: str) -> NameForm | None:
    words = fold(display_name(name)).replace(".", " ").replace("-", " ").split()
    words = [w.strip("'’") for w in words if w.strip("'’")]
    if not words:
        return None
    family = [words.pop()]
    while len(words) > 1 and words[-1] in _PARTICLES:  # van Dam, de la Cruz; not Di Xu
        family.insert(0, words.pop())
    given = tuple(g for w in words for g in re.split(r"['’]", w) if g)
    return NameForm("".join(family), given)


def name_forms(name: str, native_name: str | None = None) -> list[NameForm]:
    """Every reading of a person's name worth comparing: as written, family name
    first when both words are pinyin (``Qi Jianpeng``), and the pinyin of a Chinese
    name (``徐宏`` -> family ``xu``, given ``hong``).

    >>> [(f.family, f.given, f.how) for f in name_forms("Qi Jianpeng")]
    [('jianpeng', ('qi',), 'latin'), ('qi', ('jianpeng',), 'swapped')]
    >>> [(f.family, f.given, f.how) for f in name_forms("Hong Xu", "徐宏")]
    [('xu', ('hong',), 'latin'), ('hong', ('xu',), 'swapped'), ('xu', ('hong',), 'hanzi')]
    >>> [(f.family, f.given) for f in name_forms("Maria de la Cruz")[:1] + name_forms("Di Xu")[:1]]
    [('delacruz', ('maria',)), ('xu', ('di',))]
    """
    forms: list[NameForm] = []
    if not has_cjk(name) and (latin := _latin_form(name)):
        forms.append(latin)
        if (
            len(latin.given) == 1
            and pinyin_syllables(latin.family)
            and pinyin_syllables(latin.given[0])
        ):
            forms.append(NameForm(latin.given[0], (latin.family,), "swapped"))
    native = native_name or (name if has_cjk(name) else None)
    if native and len(chars := re.sub(r"[\s·]", "", native)) >= 2:
        cut = 2 if chars[:2] in _COMPOUND_SURNAMES and len(chars) > 2 else 1
        family, given = lazy_pinyin(chars[:cut]), lazy_pinyin(chars[cut:])
        if all(s.isascii() and s.isalpha() for s in (*family, *given)):
            forms.append(NameForm("".join(family), ("".join(given),), "hanzi"))
    return forms


def match_forms(a: NameForm, b: NameForm) -> str | None:
    """How two readings agree: ``full`` (the same given names, however hyphenated
    or spaced), ``initials`` (one abbreviates the other), or None."""
    if a.family != b.family or not a.given or not b.given:
        return None
    if a.full_key is not None and a.full_key == b.full_key:
        return "full"
    if a.full_key is not None and b.full_key is not None:
        return None
    if a.initials_only and b.initials_only:
        x, y = "".join(a.given), "".join(b.given)
        return "initials" if x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) else None
    short, long = (a, b) if a.initials_only else (b, a)
    letters = "".join(short.given)
    ok = any(letters == i or (len(letters) == 1 and letters == i[0]) for i in long.initials())
    return "initials" if ok else None


def compatible(a: str, b: str) -> bool:
    """Could two written names be the same person? Same family name and given
    names that agree letter for letter where both are spelled out and initial
    for initial otherwise (``X. Wang`` ~ ``Xin Wang``; ``Xin Tan`` !~ ``Xin Wang``)."""
    return any(match_forms(x, y) for x in name_forms(a) for y in name_forms(b))


def pinyin_forms(native: str) -> list[str]:
    """Romanised forms of a Chinese name, given name first then family name first
    (most common readings; ``徐宏`` -> ``Hong Xu``, ``Xu Hong``)."""
    syllables = lazy_pinyin(native)
    if len(syllables) < 2:
        return []
    family, given = syllables[0].capitalize(), "".join(syllables[1:]).capitalize()
    return [f"{given} {family}", f"{family} {given}"]
