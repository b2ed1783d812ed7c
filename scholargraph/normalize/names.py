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

import itertools
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib.resources import files

from anyascii import anyascii
from nameparser.config import CONSTANTS as NAMEPARSER
from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict
from rapidfuzz.distance import OSA

from scholargraph.ids import fold

_TITLES = re.compile(  # "Prof. Dr.", "Dr. rer. nat.", "Dr.-Ing."
    r"^(?:(?:prof|professor|dr|mr|ms|mrs|assoc|assistant|associate)\.?(?:-ing\.)?\s+"
    r"(?:(?:rer|phil|med|habil|sc|techn)\.\s*(?:nat|pol|soc|oec|hum|med)?\.?\s+)*)+",
    re.IGNORECASE,
)
_DEGREES = re.compile(  # "Jane Doe, PhD", "Jane Doe, Ph.D., MD"
    r"(?:,?\s+(?:Ph\.?\s?D|M\.?D|D\.?Phil|M\.?Sc|Dr\.?\s?rer\.?\s?nat|MBA)\.?)+$"
)
_NICK = re.compile(r"\s*\(([^)]+)\)\s*")
_MARKERS = re.compile(r"[*†‡§¶#✉]+|\^\{?[\w,]*\}?")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_TITLES = re.compile(
    r"\s*(?:长聘|特聘|终身|荣誉)?(?:副|助理)?(?:教授|研究员|老师|博士|院士|讲师|博导)+\s*$"
)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al"}
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]?\.|[A-Z]\.?-?[A-Z]?\.?|[A-Z][a-z'’\-]*[a-z]|\w+(?:[-'’]\w+)*)$"
)  # Pons-Moll, O'Neil, Jean-Loup as well as initials
_INITIALS = re.compile(r"^[B-DF-HJ-NP-TV-Z]{2,3}$")  # ZM, JP: capitals with no vowel
_SUFFIXES = frozenset(  # Jr., III, Esq.: never a given or family name
    s for s in NAMEPARSER.suffix_not_acronyms if s.isascii() and s.isalpha() and len(s) > 1
)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,3}·[\u3400-\u9fff]{1,6}$")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def clean(raw: str) -> str:
    """Markdown emphasis, footnote markers and titles removed, spaces collapsed."""
    text = raw.replace("**", "").replace("__", "").strip(" \t*_`")
    text = _MARKERS.sub("", text)
    text = _DEGREES.sub("", _TITLES.sub("", " ".join(text.split())))
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


def _is_initial(word: str) -> bool:
    """``X.``, ``X``, ``J.-P.``, or two or three capitals with no vowel (``ZM``,
    ``JP``): letters that stand for given names."""
    return len(word.strip(".-")) <= 1 or bool(_INITIALS.match(word.strip(".")))


def is_initials_only(name: str) -> bool:
    """True when every given name is an initial (``X. Wang``, ``J Pei``, ``ZM
    Mao``): too little to tell two people apart without other evidence."""
    if has_cjk(name):
        return False
    parts = name.replace(".", ". ").split()
    return len(parts) >= 2 and all(_is_initial(p) for p in parts[:-1])


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
    syllables = _syllables(word)
    return None if syllables is None else list(syllables)


@lru_cache(maxsize=1 << 16)  # bounded: a long-running serve sees ever new names
def _syllables(word: str) -> tuple[str, ...] | None:
    """``pinyin_syllables``, worked out once per word (names repeat)."""
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
    return tuple(out)


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
        syllables = [_syllables(g) or (g,) for g in self.given]
        return {words, "".join(s[0] for parts in syllables for s in parts)}


@cache
def _zh_surnames() -> frozenset[str]:
    """Chinese family names, from ``zh_surnames.txt``."""
    text = files("scholargraph.normalize").joinpath("zh_surnames.txt").read_text(encoding="utf-8")
    return frozenset(w for ln in text.splitlines() if (w := ln.split("#", 1)[0].strip()))


def is_chinese_name(text: str) -> bool:
    """Two to four Chinese characters opening with a family name (see ``zh_surnames.txt``).

    >>> is_chinese_name("郑华伟"), is_chinese_name("欧阳修"), is_chinese_name("动态")
    (True, True, False)
    """
    if not re.fullmatch(r"[\u3400-\u9fff]{2,4}", text):
        return False
    return text[:1] in _zh_surnames() or (len(text) > 2 and text[:2] in _zh_surnames())


# Vietnamese and Korean family names, written first at home and last abroad
# (``Nguyen Van Anh`` / ``Anh Van Nguyen``, ``Kim Jong-un`` / ``Jong-un Kim``)
_VIETNAMESE = {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang"}
_VIETNAMESE |= {"bui", "do", "ho", "ngo", "duong", "ly", "dinh", "trinh", "truong", "lam"}
_KOREAN = {"kim", "lee", "park", "choi", "jung", "chung", "kang", "cho", "yoon", "jang"}
_KOREAN |= {"lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo", "ryu"}
_SURNAME_FIRST = frozenset(_VIETNAMESE | _KOREAN)
# readings of ``Family, Given`` in spoken order that a comma does not rule out
_SPOKEN = frozenset({"latin", "compound", "paternal"})


@lru_cache(maxsize=1 << 16)  # bounded: a long-running serve sees ever new names
def fold_name(text: str) -> str:
    """``fold`` and then transliterated (anyascii), so ``Søren``, ``Łukasz``,
    ``Đorđe`` and ``Oßwald`` meet ``Soren``, ``Lukasz``, ``Dorde``, ``Osswald``;
    Chinese characters are kept (they are compared as written or through pinyin).

    >>> fold_name("Søren Łukasz Đorđe Oßwald Müller 徐宏")
    'soren lukasz dorde osswald muller 徐宏'
    """
    return "".join(c if _CJK.match(c) else anyascii(c) for c in fold(text)).casefold()


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Folded given name -> the formal names it may stand for (``sam`` ->
    ``samuel``; a formal name stands for itself), from ``nicknames.txt``."""
    out: dict[str, set[str]] = {}
    text = files("scholargraph.normalize").joinpath("nicknames.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        names = [fold_name(n) for n in line.split("#", 1)[0].split()]
        for n in names:
            out.setdefault(n, set()).add(names[0])
    return {k: frozenset(v) for k, v in out.items()}


def same_given_name(a: str, b: str) -> bool:
    """Could ``a`` and ``b`` be one given name: equal, or a nickname of the same
    formal name (``Sam`` ~ ``Samuel``, ``Bill`` ~ ``William``, ``Liz`` ~
    ``Elizabeth``; never ``Patricia`` ~ ``Patrick``)."""
    a, b = fold_name(a), fold_name(b)
    table = _nicknames()
    return a == b or bool(table.get(a, {a}) & table.get(b, {b}))


def _pinyin_name(word: str) -> bool:
    """A Chinese given name in pinyin: one or two syllables (``Xiaoli``, ``Yu``)."""
    syllables = _syllables(word)
    return syllables is not None and len(syllables) <= 2


def is_typo(a: str, b: str) -> bool:
    """One letter (or two swapped) apart in a long given name (``Zhiquang`` / ``Zhiguang``,
    ``Kevni`` / ``Kevin``): same first letter, at least five letters, and not two
    different pinyin names (``Xiaoli`` / ``Xiaoyi`` are two names, not a typo)."""
    if a[:1] != b[:1] or min(len(a), len(b)) < 4 or max(len(a), len(b)) < 5:
        return False
    if _pinyin_name(a) and _pinyin_name(b):
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1  # a swap of two letters is one


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _has_vowel(word: str) -> bool:
    return bool(re.search(r"[aeiouy]", fold_name(word)))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", text) if w.strip("'’-")]


def _family(words: list[str]) -> str:
    return "".join(re.sub(r"[-'’]", "", fold_name(w)) for w in words)


def _given(words: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for w in words:
        if _INITIALS.match(w):  # ZM -> z, m
            out += list(fold_name(w))
        else:
            out += [g for g in re.split(r"[-'’]", fold_name(w)) if g]
    return tuple(out)


def _latin_forms(name: str) -> list[NameForm]:
    """Readings of a name in Latin script, the likeliest first: ``Family, Given``;
    ``FAMILY Given``; ``Given [particles] Family`` (``van Dam``, ``Pons-Moll``);
    for three or more words also a double family name (``Márquez Ortega``, how
    ``compound``) and the first of it alone (``paternal``: ``Raúl Izquierdo
    Castanedo`` as ``Raúl Izquierdo``, ``David Castro-Pérez`` as ``David Castro``);
    and Vancouver ``Family AB`` (``Mao ZM``),
    the only reading when the last word can only be initials, else an extra one
    (``Bo LI`` is a full name first)."""
    text = _NICK.sub(" ", clean(name)).strip()
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        family, given = _words(last), _words(first)
        if family and given and not all(fold_name(g) in _SUFFIXES for g in given):
            comma = NameForm(_family(family), _given(given))
            # the same words given name first, where one source splits them
            # otherwise: ``Ovesdotter Alm, Cecilia`` / ``Alm, Cecilia Ovesdotter``,
            # ``Ramírez-Sánchez, Gema`` / ``Ramírez, Gema``
            # (not ``Hajič jr., Jan``: a suffix there tells him from ``Hajič, Jan``)
            if any(fold_name(w) in _SUFFIXES for w in family):
                return [comma]
            spoken = _latin_forms(f"{first.strip()} {last.strip()}")
            return [comma, *(f for f in spoken if f.how in _SPOKEN and f != comma)]
    words = _words(text.replace(",", " "))
    while len(words) > 2 and fold_name(words[-1]) in _SUFFIXES:  # Harry J. Gray Jr.
        words.pop()
    if not words:
        return []
    if len(words) == 1:
        return [NameForm(_family(words), ())]
    raw_last = text.replace(",", " ").split()[-1] if text.split() else ""
    mixed = [w for w in words if not _is_caps(w)]
    # Konrad L.D., Smith J. A.: two initials or more, dotted, after the family name
    dotted = len(list(itertools.takewhile(lambda w: len(w) == 1 and w.isupper(), words[::-1])))
    if dotted >= 2 and "." in text and len(mixed) == len(words) - dotted:
        return [NameForm(_family(words[:-dotted]), _given(words[-dotted:]), "vancouver")]
    if _is_caps(words[-1]) and len(words[-1]) <= 3 and mixed and len(mixed) == len(words) - 1:
        vancouver = NameForm(_family(words[:-1]), tuple(fold_name(words[-1])), "vancouver")
        if "." in raw_last or len(words[-1]) == 1 or not _has_vowel(words[-1]):
            return [vancouver]  # Mao ZM, Smith J.
        vancouver_extra = [vancouver]
    else:
        vancouver_extra = []
    if (
        _is_caps(words[0])
        and len(words[0]) >= 2
        and _has_vowel(words[0])
        and mixed
        and len(mixed) == len(words) - 1
        and not vancouver_extra
    ):  # MAO Zhuoqing
        return [NameForm(_family(words[:1]), _given(words[1:]))]
    first = words[0]
    family = [words.pop()]
    while (
        len(words) > 1
        and fold_name(words[-1]) in _PARTICLES  # van Dam; not Di Xu
        and not {fold_name(family[-1]), fold_name(first)} & _VIETNAMESE  # Anh Van Nguyen
    ):
        family.insert(0, words.pop())
    forms = [NameForm(_family(family), _given(words))]
    if fold_name(first) in _SURNAME_FIRST and fold_name(family[-1]) not in _SURNAME_FIRST:
        forms.append(NameForm(_family([first]), _given([*words[1:], *family]), "swapped"))
    halves = family[0].split("-") if len(family) == 1 else []
    if len(halves) == 2 and all(len(h) > 1 and h[:1].isupper() for h in halves):
        forms.append(NameForm(_family(halves[:1]), _given(words), "paternal"))  # Castro-Pérez
    if len(family) == 1 and len(words) >= 2 and len(words[-1].strip("'’-")) > 1:
        rest = words[:-1]
        if fold_name(words[-1]) not in _PARTICLES and not all(_is_initial(w) for w in rest[:1]):
            forms.append(NameForm(_family([words[-1], *family]), _given(rest), "compound"))
            forms.append(NameForm(_family([words[-1]]), _given(rest), "paternal"))
    return forms + vancouver_extra


def name_forms(name: str, native_name: str | None = None) -> list[NameForm]:
    """Every reading of a person's name worth comparing: as written, family name
    first when both words are pinyin (``Qi Jianpeng``), the pinyin of a Chinese
    name (``徐宏`` -> family ``xu``, given ``hong``), the formal given name of a
    nickname (``Bill`` -> ``william``), and the readings of ``_latin_forms``.

    >>> [(f.family, f.given, f.how) for f in name_forms("Qi Jianpeng")]
    [('jianpeng', ('qi',), 'latin'), ('qi', ('jianpeng',), 'swapped')]
    >>> [(f.family, f.given, f.how) for f in name_forms("Hong Xu", "徐宏")]
    [('xu', ('hong',), 'latin'), ('hong', ('xu',), 'swapped'), ('xu', ('hong',), 'hanzi')]
    >>> [(f.family, f.given) for f in name_forms("Maria de la Cruz")[:1] + name_forms("Di Xu")[:1]]
    [('delacruz', ('maria',)), ('xu', ('di',))]
    >>> [(f.family, f.given, f.how) for f in name_forms("Bill Gates")]
    [('gates', ('bill',), 'latin'), ('gates', ('william',), 'nickname')]
    """
    forms: list[NameForm] = []
    if not has_cjk(name):
        forms += _latin_forms(name)
        latin = forms[0] if forms and forms[0].how == "latin" else None
        if (
            latin
            and len(latin.given) == 1
            and _syllables(latin.family)
            and _syllables(latin.given[0])
        ):
            forms.insert(1, NameForm(latin.given[0], (latin.family,), "swapped"))
        if latin and latin.given:
            for formal in sorted(_nicknames().get(latin.given[0], ())):
                if formal[0] != latin.given[0][0]:  # Bill -> William: another block
                    forms.append(NameForm(latin.family, (formal, *latin.given[1:]), "nickname"))
    native = native_name or (name if has_cjk(name) else None)
    if native and len(chars := re.sub(r"[\s·]", "", native)) >= 2:
        cut = 2 if chars[:2] in _zh_surnames() and len(chars) > 2 else 1
        family, given = lazy_pinyin(chars[:cut]), lazy_pinyin(chars[cut:])
        if all(s.isascii() and s.isalpha() for s in (*family, *given)):
            forms.append(NameForm("".join(family), ("".join(given),), "hanzi"))
    return forms


def _token(x: str, y: str) -> str | None:
    """How two given names agree: ``eq``, ``init`` (one is the other's initial),
    ``nick`` (nicknames of one name), ``typo`` (one letter apart), or None."""
    if x == y:
        return "eq"
    if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return "init"
    if len(x) > 1 and len(y) > 1:
        if same_given_name(x, y):
            return "nick"
        if is_typo(x, y):
            return "typo"
    return None


def _given_match(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """Given names spelled out on both sides, compared name by name: the first
    must agree; a middle name may be abbreviated or missing on one side (not for
    pinyin names: ``Xin Wang`` and ``Xin Yu Wang`` are two names)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    kinds = [_token(short[0], long[0])]
    rest = list(long[1:])
    for g in short[1:]:
        while rest and _token(g, rest[0]) is None and rest[0] != g:
            rest.pop(0)
            kinds.append("missing")
        if not rest:
            return None
        kinds.append(_token(g, rest.pop(0)))
    kinds += ["missing"] * len(rest)
    if None in kinds:
        return None
    if "missing" in kinds and all(_pinyin_name(g) for g in long if len(g) > 1):
        return None
    if "nick" in kinds or "typo" in kinds:
        return "variant"
    return "middle" if kinds[0] == "eq" else "initials"


_WEAKER = {"full": "variant", "middle": "variant"}  # a nickname or one surname only


def match_forms(a: NameForm, b: NameForm) -> str | None:
    """How two readings agree: ``full`` (the same given names, however hyphenated
    or spaced), ``middle`` (the same first given name, a middle name abbreviated
    or missing on one side), ``initials`` (one abbreviates the other), ``variant``
    (a nickname, a one-letter typo, or one of two family names), or None."""
    if a.family != b.family or not a.given or not b.given:
        return None
    how = _match_given(a, b)
    if how and {"paternal", "nickname"} & {a.how, b.how}:
        return _WEAKER.get(how, how)
    return how


def _match_given(a: NameForm, b: NameForm) -> str | None:
    if a.full_key is not None and a.full_key == b.full_key:
        return "full"
    if a.full_key is not None and b.full_key is not None:
        return _given_match(a.given, b.given)
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
    for initial otherwise (``X. Wang`` ~ ``Xin Wang``; ``Xin Tan`` !~ ``Xin Wang``),
    a middle name abbreviated or left out, a nickname or a one-letter typo.

    >>> compatible("Given Márquez Ortega", "G. Márquez Ortega")
    True
    >>> compatible("Márquez Ortega, G.", "Given Márquez Ortega")
    True
    >>> compatible("ZM Mao", "Z. Morley Mao"), compatible("Sam Smith", "Samuel Smith")
    (True, True)
    >>> compatible("Søren Hauberg", "Soren Hauberg"), compatible("Bo LI", "Bo Li")
    (True, True)
    """
    return any(match_forms(x, y) for x in name_forms(a) for y in name_forms(b))


# How many people a written name could denote, among the world's researchers: a
# name whose expected namesakes stay below ``DISTINCTIVE_BELOW`` is one person's
# (``expected_namesakes``). Shares are per million people.
RESEARCHERS = 10_000_000  # about 9 million full-time researchers (UNESCO, 2021)
COMMON_SOMEWHERE = 5_000.0  # a name some country lists among its most common
UNLISTED_FAMILY = 1.0  # below every family name the tables keep
UNLISTED_GIVEN = 100.0  # a given name no table lists: common somewhere unmeasured
DISTINCTIVE_BELOW = 1.0


@cache
def _shares(file: str) -> dict[str, float]:
    """Folded name -> share per million (``family_names.tsv`` or ``given_names.tsv``,
    built by ``tools/build-name-frequencies``): its US census share, raised to
    ``COMMON_SOMEWHERE`` when a country lists it among its most common."""
    out: dict[str, float] = {}
    for line in files("scholargraph.normalize").joinpath(file).read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, share, countries = line.split("\t")
            out[name] = max(float(share), COMMON_SOMEWHERE if int(countries) else 0.0)
    return out


def _east_asian(form: NameForm) -> bool:
    """Romanised Chinese (both names pinyin), Korean or Vietnamese: syllables that
    many people share, so the written name tells little about who is meant."""
    words = (form.family, form.given[0])
    return bool(set(words) & _SURNAME_FIRST) or all(_syllables(w) for w in words)


@lru_cache(maxsize=1 << 16)  # bounded: a long-running serve sees ever new names
def expected_namesakes(name: str) -> float | None:
    """How many researchers are expected to write ``name`` as it is written (as
    given name first and family name share of the population, independently, times
    ``RESEARCHERS``), or None when the name cannot tell people apart at all: an
    initial for a given name, Chinese characters, or a romanised Chinese, Korean or
    Vietnamese name.

    >>> round(expected_namesakes("Eneko Agirre"), 4), round(expected_namesakes("Bill Byrne"))
    (0.001, 28)
    >>> expected_namesakes("J. Smith"), expected_namesakes("Yang Liu"), expected_namesakes("徐宏")
    (None, None, None)
    """
    forms = [f for f in name_forms(name) if f.how == "latin"] if not has_cjk(name) else []
    if not forms or forms[0].initials_only or len(forms[0].given[0]) < 2:
        return None
    form = forms[0]
    if _east_asian(form):
        return None
    family = _shares("family_names.tsv").get(form.family, UNLISTED_FAMILY)
    given = _shares("given_names.tsv").get(form.given[0], UNLISTED_GIVEN)
    return RESEARCHERS * family * given / 1e12


def is_distinctive(name: str) -> bool:
    """Is ``name`` so rare that it names one researcher on its own
    (``expected_namesakes`` below ``DISTINCTIVE_BELOW``)?

    >>> [is_distinctive(n) for n in ("Eneko Agirre", "Bill Byrne", "Harshit Kumar")]
    [True, False, False]
    """
    namesakes = expected_namesakes(name)
    return namesakes is not None and namesakes < DISTINCTIVE_BELOW


def pinyin_forms(native: str) -> list[str]:
    """Romanised forms of a Chinese name, given name first then family name first
    (most common readings; ``徐宏`` -> ``Hong Xu``, ``Xu Hong``)."""
    syllables = lazy_pinyin(native)
    if len(syllables) < 2:
        return []
    family, given = syllables[0].capitalize(), "".join(syllables[1:]).capitalize()
    return [f"{given} {family}", f"{family} {given}"]
