"""Advisor, co-advisor, mentor and internship-supervisor statements, English and Chinese.

One grammar, as plain functions over a sentence and the context that tells the degree:
a statement is who advised whom (the advisors' names in order), the kind (phd, masters,
undergrad, postdoc, intern, mentor, supervisor), the organisation when the sentence
names one, and whether the page's owner is the student (``advised by Prof. X``,
``导师为X教授``) or the advisor (``I supervise the following students: A, B``,
``指导学生：甲、乙``). The phrases (triggers, titles, kind words, joining words) are in
``advisor_phrases.yaml``; the patterns built from them are linear-time.

>>> s = statements("I am a PhD student advised by Prof. Ann Lee and Prof. Bo Wu")
>>> [(x.names, x.kind) for x in s]
[(('Ann Lee', 'Bo Wu'), 'phd')]
>>> s = statements("我由[李勇教授](https://x)、王明教授与赵平教授共同指导。", context="博士研究生")
>>> [(x.names, x.kind) for x in s]
[(('李勇', '王明', '赵平'), 'phd')]
>>> [(s.names, s.owner) for s in statements("Students supervised: Kim Park, Lee Chan")]
[(('Kim Park', 'Lee Chan'), 'advisor')]
>>> statements("He advised the government on AI policy")
[]
>>> lines = [(1, "## Current Students"), (2, "### PhD"), (3, "- Kim Park (with Dr. Lee Chan)")]
>>> [(s.names, s.kind, s.owner, s.student) for s in read(lines)]
[(('Kim Park',), 'phd', 'advisor', None), (('Lee Chan',), 'phd', 'coadvisor', 'Kim Park')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from scholargraph.normalize.names import compatible, has_cjk, looks_like_name, strip_titles
from scholargraph.parse.markup import bold_spans, bullet_of, link_spans, plain
from scholargraph.parse.positions import Advisor, is_organization

STUDENT, ADVISOR = "student", "advisor"  # who the owner is in a statement
COADVISOR = "coadvisor"  # the owner is neither: the names co-advised the owner's student
_OPEN, _CLOSE = "⟦", "⟧"  # a link's text, kept apart so that it delimits a name


@dataclass(frozen=True)
class Statement:
    """Who advised whom in one sentence. ``owner`` is ``student`` when the page's owner
    was advised by ``names``, ``advisor`` when the owner advised them, ``coadvisor``
    when ``names`` advised ``student`` (one of the owner's students) with the owner."""

    names: tuple[str, ...]
    kind: str
    owner: str = STUDENT
    organization: str | None = None
    line: int | None = None
    family: str = ""
    text: str = ""
    student: str | None = None  # a co-advisor statement's student

    @property
    def owner_role_word(self) -> str:
        """What the names are to the owner: ``advisor``, ``student`` or ``co-advisor``."""
        return {STUDENT: "advisor", COADVISOR: "co-advisor"}.get(self.owner, "student")

    def advisors(self) -> list[Advisor]:
        """The owner's advisors as ``Advisor`` records (internship supervisors become
        mentors: a MENTORED edge at the organisation)."""
        if self.owner != STUDENT:
            return []
        kind = "mentor" if self.kind in ("mentor", "intern") else self.kind
        return [Advisor(n, self.line or 0, kind) for n in self.names]


@dataclass(frozen=True)
class _Rule:
    family: str
    pattern: re.Pattern[str]
    kind: str  # the trigger's kind: "supervisor" means "say the context's"
    owner: str = STUDENT
    close: re.Pattern[str] | None = None  # zh_around: what ends the names


# --- the phrases ---------------------------------------------------------------------


@cache
def phrases() -> dict[str, Any]:
    """The data file ``advisor_phrases.yaml``."""
    text = resources.files("scholargraph.parse").joinpath("advisor_phrases.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _alt(words: Iterable[str]) -> str:
    """An alternation of literal phrases, longest first; a space matches any spaces."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


_I = re.IGNORECASE


@cache
def _rules() -> tuple[_Rule, ...]:
    s, a = phrases()["student"], phrases()["advisor"]
    out: list[_Rule] = []
    for kind, words in s["by"].items():
        out.append(
            _Rule("by", re.compile(rf"(?<![\w-])(?:{_alt(words)})\s+by(?:\s*[:：])?\s+", _I), kind)
        )
    titles = _alt(w for w in phrases()["titles"]["before"])
    titled = rf"(?=(?:the\s+)?{_OPEN}?(?:{titles})(?![\w]))"
    for kind, words in s["by"].items():  # CV shorthand: "Supervised Prof. X" (no "by")
        pat = rf"(?<![\w-])(?<!I )(?<!we )(?:{_alt(words)})\s+{titled}"
        out.append(_Rule("by", re.compile(pat, _I), kind))
    for kind, words in s["of"].items():
        out.append(_Rule("of", re.compile(rf"(?<![\w-])(?:{_alt(words)})\s+of\s+", _I), kind))
    for kind, words in s["label"].items():  # "Supervisor for all degrees: X"
        pat = rf"(?<![\w'’.-])(?:{_alt(words)})(?:\s+for(?:\s+[\w'’-]+){{1,4}})?\s*[:：]\s*"
        out.append(_Rule("label", re.compile(pat, _I), kind))
    for kind, words in s["my"].items():
        pat = (
            rf"(?<![\w-])my\s+(?:{_alt(words)})(?:\s*,|\s+(?:is|are|was|were|has been|"
            r"have been))?\s+"
        )
        out.append(_Rule("my", re.compile(pat, _I), kind))
    out.append(
        _Rule(
            "with",
            re.compile(
                rf"(?<![\w-])(?:{_alt(s['with'])})(?:\s+(?:at|in)\s+[^,.;:\n]{{1,80}}?)?"
                r"\s+with\s+",
                _I,
            ),
            "with",
        )
    )
    role = rf"(?<![\w-])(?:{_alt(s['role'])})\s+(?:for|to|with|under)\s+"
    out.append(_Rule("role", re.compile(role, _I), "supervisor"))
    under = rf"(?<![\w-])(?:{_alt(s['under'])})\s+{titled}"
    out.append(_Rule("under", re.compile(under, _I), "supervisor"))
    for kind, words in s["zh_label"].items():
        pat = rf"(?:{_alt(words)})\s*(?:为|是|[:：])\s*"
        out.append(_Rule("zh_label", re.compile(pat, _I), kind))
    out.append(_Rule("zh_before", re.compile(rf"(?:{_alt(s['zh_before'])})\s*"), "supervisor"))
    fill = _alt(s["zh_fillers"])
    for opener, closer in s["zh_around"]:
        out.append(
            _Rule(
                "zh_around",
                re.compile(re.escape(opener)),
                "supervisor",
                close=re.compile(
                    rf"^[^，,。；;！？!?\n]{{1,60}}?(?=(?:{fill})?{re.escape(closer)})"
                ),
            )
        )
    verbs = _alt(a["verbs"])
    out.append(
        _Rule(
            "verb",
            re.compile(
                rf"(?<![\w-])(?:I|we)\s+(?:(?:also|have|had)\s+){{0,2}}(?:{verbs})\b\s*", _I
            ),
            "supervisor",
            ADVISOR,
        )
    )
    for kind, words in a["label"].items():
        pat = rf"(?<![\w'’.-])(?:{_alt(words)})\s*[:：]\s*"
        out.append(_Rule("label", re.compile(pat, _I), kind, ADVISOR))
    zh = rf"(?:{_alt(a['zh'])})\s*(?:有|包括|为|是)?\s*[:：]?\s*"
    out.append(_Rule("zh_label", re.compile(zh), "supervisor", ADVISOR))
    return tuple(out)


@cache
def _kind_words() -> re.Pattern[str]:
    groups = [
        rf"(?P<{kind}>(?<![A-Za-z])(?:{'|'.join(words)})(?![A-Za-z]))"
        for kind, words in phrases()["kinds"].items()
    ]
    return re.compile("|".join(groups), _I)


@cache
def _joiners() -> re.Pattern[str]:
    j = phrases()["joiners"]
    words = sorted({*j["en"], *j["zh"]}, key=lambda w: -len(w.strip()))
    alts = [
        rf"\s+{re.escape(w.strip())}\s+"
        if w.strip().isalpha() and w.isascii()
        else rf"\s*{re.escape(w.strip())}\s*"
        for w in words
    ]
    return re.compile("|".join(alts), _I)


@cache
def _titles_before() -> re.Pattern[str]:
    words = [*phrases()["titles"]["before"], *phrases()["titles"]["before_a_list"]]
    return re.compile(rf"^(?:(?:{_alt(words)})(?![\w])\.?\s*)+", _I)


@cache
def _titles_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alt(phrases()['titles']['after'])})+\s*$")


@cache
def _group() -> re.Pattern[str]:
    after = _alt(phrases()["titles"]["after"])
    groups = _alt(phrases()["student"]["zh_group"])
    return re.compile(
        rf"(?:{_OPEN}(?P<link>[^{_CLOSE}]{{1,20}}){_CLOSE}|(?P<text>[\u4e00-\u9fff]{{2,12}}?))"
        rf"\s*(?:{after})\s*(?:的)?\s*(?:{groups})"
        rf"|{_OPEN}(?P<link2>[^{_CLOSE}]{{1,20}}){_CLOSE}\s*(?:的)?\s*(?:{groups})"
    )


@cache
def _list_head() -> re.Pattern[str]:
    """A line that heads a list of the owner's students (``Student Mentoring``,
    ``Supervision``)."""
    a = phrases()["advisor"]
    groups = [
        rf"(?P<{kind}>{_alt([*words, *a['list_heads'].get(kind, [])])})"
        for kind, words in a["label"].items()
    ]
    return re.compile(rf"^\s*(?:{'|'.join(groups)})\s*[:：]?\s*$", _I)


@cache
def _heading_parts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a heading over lists of the owner's students, a heading made only of kind and
    qualifying words, a group word) as patterns (see ``heading_groups``)."""
    a = phrases()["advisor"]
    kinds = "|".join(w for words in phrases()["kinds"].values() for w in words)
    groups = rf"(?<![\w-])(?:{_alt(a['heading_groups'])})(?![\w-])"
    words = (
        rf"(?<![\w-])(?:{_alt(a['heading_words'])})(?![\w-])|(?<![A-Za-z])(?:{kinds})(?![A-Za-z])"
    )
    listing = re.compile(rf"^(?:\s*(?:{groups}|{words})[\s,:：]*)+$", _I)
    kind_only = re.compile(rf"^(?:\s*(?:{words})[\s,:：]*)+$", _I)
    return listing, kind_only, re.compile(groups, _I)


@cache
def _co_advisors() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What introduces a listed student's co-supervisors: anywhere, inside parentheses."""
    a = phrases()["advisor"]
    anywhere = re.compile(rf"(?<![\w-])(?:{_alt(a['co_advisors'])})\s*[:：]?\s+", _I)
    inside = re.compile(rf"(?<![\w-])(?:{_alt(a['co_in_parens'])})\s+", _I)
    return anywhere, inside


_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_PARENS = re.compile(r"\([^()]*\)|（[^（）]*）")


def _heading_of(raw: str) -> tuple[int, str] | None:
    """(level, text) of a heading line: Markdown ``## X`` (its level), a line that is
    only bold text or a short label ending in a colon (level 7)."""
    if m := _HEADING.match(raw):
        return len(m.group(1)), plain(m.group(2)).strip()
    if bullet_of(raw).strip():
        return None
    text = plain(raw).strip()
    bold = re.fullmatch(r"\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:：]?\s*", raw)
    if (bold or re.search(r"[:：]$", text)) and 0 < len(text) <= 60:
        return 7, text
    return None


def _student_heading(text: str) -> tuple[bool, str | None] | None:
    """(whether it names a group of students, the kind it says) for a heading over a
    list of students (``Current Students``) or over one kind of them (``PhD``), else
    None."""
    listing, kind_only, group = _heading_parts()
    bare = _PARENS.sub(" ", text).strip(" :：")
    if not bare or len(bare) > 60:
        return None
    kind = _kind_at(bare, 0)
    if listing.match(bare) and group.search(bare):
        return True, kind
    if kind and kind_only.match(bare):
        return False, kind
    return None


_ROLE = re.compile(  # "Ph.D. advisor," "(Undergraduate Advisor)", "Relationship: Research
    # mentor": a role, not "advisor of"
    r"(?<![\w-])(?:co-)?(?:advisor|adviser|supervisor|(?P<mentor>mentor))s?\b"
    r"(?!\s+(?:of|to|for|at)\b|\s*[:：])",
    _I,  # "Advisors: X" labels the names after it, not the item's head
)


def _reference_items(lines: Sequence[tuple[int, str]]) -> list[Statement]:
    """List items that name a person, then say what they were to the owner (a CV's
    references: ``- **Prof. Ann Lee**, Email: …`` / ``Ph.D. advisor, University X``)."""
    items: list[list[tuple[int, str]]] = []
    for no, raw in lines:
        if bullet_of(raw).strip():
            items.append([(no, raw)])
        elif items and not _HEADING.match(raw):  # (a PDF sets every line bold)
            items[-1].append((no, raw))
    out = []
    for item in items:
        flat = flatten(" ".join(raw for _, raw in item)).lstrip(" -*•")
        head = (bold_spans(item[0][1]) or link_spans(item[0][1]) or [""])[0]  # the name is
        names = names_in(plain(head))[:1]  # set apart at the head of the item
        role = _ROLE.search(flat)
        if not names or role is None or flat.find(names[0]) > 20 or role.start() < len(names[0]):
            continue
        kind = _kind_at(flat, role.start()) or ("mentor" if role["mentor"] else "supervisor")
        out.append(
            Statement((names[0],), kind, STUDENT, None, item[0][0], "reference", plain(flat))
        )
    return out


_ROLE_ASIDE = re.compile(  # "Committee: Ann Lee (Supervisor), Bo Wu": the name, its role;
    # a name starts a word and its words are short (linear on a long token)
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’.-]{1,40}(?:\s+[A-Z][\w'’.-]{1,40}){1,3})\s*[(（]\s*"
    r"(?i:(?:main\s+|primary\s+)?(?:co-)?(?:advisor|adviser|supervisor))\s*[)）]"
)


_PI = re.compile(  # a grant's "PI: Title" is no person: a link, or a name that ends the line
    r"(?<![\w-])(?:PI|(?i:principal investigator))\s*[:：]\s*"
    rf"(?:{_OPEN}(?P<name>[^{_CLOSE}]+){_CLOSE}"
    r"|(?P<plain>[A-Z][a-z'’-]{1,30}(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]{1,30}){1,2})"
    r"(?:\s*,\s*(?:M\.D\.|Ph\.D\.|PhD|MD))?\.?\s*$)"  # "PI: Huda Y. Zoghbi, M.D."
)
# (pattern, whether it reads the links' marks, which of the names found, family)
_NAMED_ROLES = ((_ROLE_ASIDE, False, -1, "aside"), (_PI, True, 0, "group lead"))


def _named_roles(no: int, raw: str, default_kind: str | None) -> list[Statement]:
    """The owner's advisors named beside their role on one line: ``Ann Lee
    (Supervisor)``, or the group's head linked after ``PI:`` (``Department of X, PI:
    [Ann Lee](…)``); the kind a word of the line says, else the entry's."""
    flat = flatten(raw)
    bare = flat.replace(_OPEN, "").replace(_CLOSE, "")
    kind = _kind_at(flat, 0) or default_kind or "supervisor"
    out = []
    for pattern, linked, pick, family in _NAMED_ROLES:
        for m in pattern.finditer(flat if linked else bare):
            if names := names_in(m.group("name") or m.group("plain")):
                out.append(Statement((names[pick],), kind, STUDENT, None, no, family, plain(flat)))
    return out


def _leading(text: str, names: list[str]) -> list[str]:
    """The names that open ``text`` one after the other (``A, B and C``), up to the
    first that comes after other words (``A on the topic "X and Y"``)."""
    out: list[str] = []
    at = 0
    for name in names:
        found = text.find(name, at)
        if found < 0:
            break
        between = text[at:found].replace(_OPEN, "").replace(_CLOSE, "")  # links' marks
        if out and not _JOINED.fullmatch(between):
            break
        out.append(name)
        at = found + len(name)
    return out


_JOINED = re.compile(r"\s*(?:,|，|、|&|\band\b|,\s*and\b)\s*", _I)


@cache
def _item_verb() -> re.Pattern[str]:
    """A verb opening a list item of students (see ``item_verbs``)."""
    verbs = phrases()["advisor"]["item_verbs"]
    groups = [rf"(?P<{kind}>{_alt(words)})" for kind, words in verbs.items()]
    return re.compile(rf"^\s*(?:{'|'.join(groups)})\s+", _I)


@cache
def _names_label() -> re.Pattern[str]:
    """A line of a students list that labels its names ("Students: A, B", "Mentees: C",
    "Graduate Rotation Students: D")."""
    words = _alt(phrases()["advisor"]["names_labels"])
    return re.compile(rf"^\W*(?:[A-Za-z-]+\s+){{0,2}}(?:{words})\W*\s*[:：]\s*", _I)


@cache
def _kind_label() -> re.Pattern[str]:
    """A kind that opens an item of a students list ("Master - ", "M.Sc.: ", "PhD
    student: "; see ``kind_label_nouns``)."""
    kinds = "|".join(w for words in phrases()["kinds"].values() for w in words)
    nouns = _alt(phrases()["advisor"]["kind_label_nouns"])
    return re.compile(
        rf"^\W{{0,3}}(?<![A-Za-z])(?:{kinds})(?![A-Za-z])(?:\s*(?:{nouns}))?\s*(?:[:：|]|\s[-–—]+)\s*",
        _I,
    )


_DATES_FIRST = re.compile(  # "2019-present ", "2016–2018: ", "2021 "
    r"^\W{0,3}(?:19|20)\d\d(?:\s*[–—-]+\s*(?:(?:19|20)\d\d|present|now|current|ongoing|today)\b)?"
    r"\s*[,:：]?\s+(?=\W{0,3}[A-Z])",
    _I,
)


def _item_kind(flat: str) -> tuple[str, str | None]:
    """An item of a students list without the years and the kind that open it, and
    that kind."""
    flat = _DATES_FIRST.sub("", flat, count=1)
    if m := _kind_label().match(flat):
        return flat[m.end() :], _kind_at(m.group(0), 0)
    return flat, None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _opens_a_student(flat: str) -> bool:
    """A line that is no bullet but reads as an item of a students list (a PDF's list):
    a name first, then a year or a kind word on the line (``Ann Lee (PhD, 2019-2023)``),
    not the wrapped rest of an item above it."""
    rest, said = _item_kind(flat)
    names = names_in(rest)
    if not names or not rest.lstrip(" *_⟦").startswith(names[0]):
        return False
    after = rest[rest.find(names[0]) + len(names[0]) :]
    return bool(said or rest != flat or _YEAR.search(after) or kind_words(after))


def _listed(flat: str, no: int, kind: str, *, first: bool = False) -> list[Statement]:
    """A list item of the owner's students: the students it opens with (``Ann Lee``,
    ``Mentoring Ann Lee and Bo Wu on …``; the first only when ``first``), and any
    co-supervisors it names (``(with Dr. X)``, ``co-supervised with X``)."""
    if verb := _item_verb().match(flat):
        flat, kind = flat[verb.end() :], "mentor" if verb.lastgroup == "mentor" else kind
    anywhere, inside = _co_advisors()
    head = anywhere.split(flat, maxsplit=1)[0]
    names = _leading(head, names_in(head))[: 1 if first else None]
    if not names:
        return []
    student = names[0]
    org = organization_in(flat, 0)
    out = [Statement(tuple(names), kind, ADVISOR, org, no, "list", plain(flat))]
    rest = flat[flat.find(student) + len(student) :] if student in flat else flat
    spans = [rest]
    spans += [p[1:-1] for p in re.findall(r"\([^()]*\)|（[^（）]*）", rest)]
    co: list[str] = []
    for k, span in enumerate(spans):
        for pattern in (anywhere, inside) if k else (anywhere,):
            for m in pattern.finditer(span):
                co += [n for n in names_in(span[m.end() :]) if n not in co and n != student]
    if co:
        out.append(
            Statement(tuple(co), kind, COADVISOR, org, no, "list", plain(flat), student=student)
        )
    return out


def _co_named(line: str, student: str) -> list[str]:
    """The co-supervisors a line under a listed student names when it opens with them
    (``Co-supervised with Ann Lee and Bo Wu (GTK)``, a PDF's wrapped item)."""
    m = _co_advisors()[0].match(line.lstrip(" -*•(（"))
    return [n for n in names_in(line.lstrip(" -*•(（")[m.end() :]) if n != student] if m else []


# --- text ----------------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\([^)\s]{0,1000}(?:\s+\"[^\"]{0,300}\")?\)")
_A_TAG = re.compile(r"<a\b[^>]{0,1000}>([^<]{0,300})</a\s*>", _I)
# a period after these does not end a sentence ("Prof. X", "Profs. A and B", "et al.")
_ABBREV = frozenset(phrases()["abbreviations"])
_END = re.compile(r"[.!?。！？；;]")


def flatten(raw: str) -> str:
    """The text a reader sees, with each link's text set apart in ``⟦ ⟧``, and a
    labelled aside made a sentence of its own (``Intern (advisor: Prof. X), 2025`` ->
    ``Intern. advisor: Prof. X. 2025``)."""
    text = _A_TAG.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", raw)
    text = _MD_LINK.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}" if m.group(1) else "", text)
    text = _BOLD_LABEL.sub(r". \1", text)  # "… Shorttle **Examiners**: …": a new field
    return _LABELLED_ASIDE.sub(r". \1. ", plain(text))


# a bold label that opens a field within a line ("**Supervisors**: A, B **Examiners**: C")
_BOLD_LABEL = re.compile(r"(?<=\S)\s+(\*\*[^*\n]{2,30}\*\*\s*[:：])")


_LABELLED_ASIDE = re.compile(
    r"\s*[(（]\s*((?:co-)?(?:advisor|adviser|supervisor|mentor|host|manager)s?\s*[:：][^()（）]{2,120})"
    r"[)）][,.]?",
    _I,
)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence): a period after a title (``Prof.``), an initial (``H.``) or a
    dotted abbreviation (``Ph.D.``) does not end a sentence."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0) in ".!?;" and end < len(text) and not text[end].isspace():
            continue  # "e.g.", "(great advisors!)"
        if m.group(0) == ".":
            token = text[: end - 1].rsplit(None, 1)[-1] if text[: end - 1].strip() else ""
            token = re.split(r"[：:，,、（(⟦\[\"'“]", token)[-1].lower()  # "导师：Prof." -> prof
            if token in _ABBREV or len(token) <= 1 or "." in token:
                continue
        out.append((start, text[start:end]))
        start = end
    if text[start:].strip():
        out.append((start, text[start:]))
    return [(o + len(s) - len(s.lstrip()), s.strip()) for o, s in out if s.strip()]


def kind_words(text: str) -> list[tuple[int, str]]:
    """(offset, kind) of each kind word (``PhD``, ``硕士``, ``intern`` …) in the text."""
    out = []
    for m in _kind_words().finditer(text):
        if m.lastgroup:
            out.append((m.start(), m.lastgroup))
    return out


def _kind_at(text: str, at: int) -> str | None:
    """The kind word nearest before ``at``, else the nearest after it."""
    found = kind_words(text)
    before = [k for o, k in found if o < at]
    after = [k for o, k in found if o >= at]
    return before[-1] if before else after[0] if after else None


# --- names ---------------------------------------------------------------------------

_PAREN = re.compile(r"\((?![A-Z][a-z]+\)\s+[A-Z])[^()]{0,160}\)|（[^（）]{0,160}）")
_EN_TAIL = re.compile(
    r"['’]s?\b.*$|\s(?:at|in|from|where|on|with|since|during|for|of|who|whose|to|as|and|"
    r"via|through|@|is|are|was|were|has|have)\b.*$|\s*@.*$|\s+[-–—|•].*$",
    _I,
)
# the years a CV line ends with ("Dayin Zhang 2023-Present"); after a month ("Data
# Science Oct 2024") the words before are a description, not a name
_DATED = re.compile(
    r"\s+(?:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(?:19|20)\d\d\b.*$",
    _I,
)
_ZH_CUT = re.compile(r"^.*(?:的|长|任|系|院|所|室|校|司|组|学|心|授|员|在|于|：|:)")
_ZH_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,3}·[\u3400-\u9fff]{1,6}$")


def _strip(name: str) -> str:
    name = _titles_before().sub("", name.strip(" \t,;:.-–—*_`\"'“”"))
    name = _titles_after().sub("", name)
    return strip_titles(name).strip(" ,;:.\"'“”")


def _zh_name(part: str) -> str | None:
    links = re.findall(rf"{_OPEN}([^{_CLOSE}]*){_CLOSE}", part)
    for text in links:
        name = _strip(text)
        if _ZH_NAME.match(name):
            return name
    text = _strip(part.replace(_OPEN, "").replace(_CLOSE, ""))
    text = re.sub(r"\s+", "", text)
    if _ZH_NAME.match(text):
        return text
    cut = _ZH_CUT.sub("", text)
    return cut if _ZH_NAME.match(cut) else None


@cache
def _not_name_words() -> frozenset[str]:
    return frozenset(phrases()["not_name_words"])


def _en_name(part: str) -> str | None:
    part = part.strip()
    if part.startswith(_OPEN) or re.match(rf"^[\w. ]{{0,30}}{_OPEN}", part):
        inner = re.search(rf"{_OPEN}([^{_CLOSE}]*){_CLOSE}", part)
        if inner and (name := _en_name(inner.group(1))):
            return name
    text = _EMAIL.sub("", part.replace(_OPEN, "").replace(_CLOSE, ""))  # "J. Lee jl@x.org"
    text = _titles_before().sub("", text.strip())
    if (dated := _DATED.search(text)) and dated.group("month"):
        return None
    text = _EN_TAIL.sub("", _DATED.sub("", text))
    text = re.sub(r"\s+[\u3400-\u9fff]{2,4}$", "", text)  # "Li Fei 李斐": the name in English
    name = _strip(text)
    words = name.lower().replace(".", " ").split()
    shape = re.sub(r"-([A-Z])", lambda m: f"-{m.group(1).lower()}", name)  # Pons-Moll
    if not looks_like_name(shape) or is_organization(name) or _not_name_words() & set(words):
        return None
    return name


_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")


_INITIALS = re.compile(r"(?:[A-Z]\.?[\s-]*){1,3}")
_SURNAME = re.compile(r"(?:(?:Dr|Prof)\.?\s+)?[A-Z][a-z'’-]+")


def _inverted(parts: list[str]) -> list[str]:
    """Parts with each ``Surname`` followed by its initials (``Chen, S.``, ``Yu, T. H.``,
    cut apart at the comma) joined again as ``S. Chen``."""
    out: list[str] = []
    for part in parts:
        prev = out[-1].strip() if out else ""
        initials = _INITIALS.fullmatch(part.strip()) and ("." in part or len(part.strip()) == 1)
        if initials and _SURNAME.fullmatch(prev):  # (not "Massachusetts, USA")
            title, _, surname = prev.rpartition(" ")
            out[-1] = f"{title} {part.strip()} {surname}".strip()
        else:
            out.append(part)
    return out


def names_in(span: str, *, one_line: bool = False) -> list[str]:
    """The names a statement lists after its trigger, in order, titles removed; the list
    ends at the first part that is not a name (``Prof. A and Prof. B, working on …``)."""
    if one_line:
        span = span.lstrip().split("\n", 1)[0]
    span = " ".join(span.split())
    span = next(iter(split_sentences(_PAREN.sub(" ", span))), (0, ""))[1]
    cut = re.split(r"([;；。！？!?:：|•]|\s[-–—]\s)", span, maxsplit=1)
    span = _PAREN.sub(" ", cut[0])
    parts = _inverted([p for p in _joiners().split(span) if p.strip()])
    if len(cut) > 1 and cut[1] in ":：" and len(parts) > 1:
        parts.pop()  # "秦勇教授，队长：…": the last part is the next field's label
    out: list[str] = []
    skipped = 0
    for part in parts:
        zh = has_cjk(part.replace(_OPEN, "").replace(_CLOSE, "")[:6])
        name = _zh_name(part) if zh else _en_name(part)
        if name is None:
            if out or not zh or skipped >= 2:
                break
            skipped += 1  # 清华大学…研究院长聘副教授、副院长张超: a description before the name
            continue
        if name not in out:
            out.append(name)
    return out


# --- organisations -------------------------------------------------------------------

_EN_ORG = re.compile(
    r"(?:\bat|\bfrom|@|\bin|\bwithin|\bjoin(?:ed)?)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w&'’.-]*(?:\s+(?:of|and|for|the|de|&|[A-Z][\w&'’.-]*)){0,8})"
)
_ZH_ORG = re.compile(
    r"(?:毕业于|就读于|于|在)\s*(?P<org>[\u4e00-\u9fff]{2,20}?(?:大学|学院|研究院|研究所|科学院))"
)


def organization_in(sentence: str, at: int) -> str | None:
    """The organisation a sentence names (``at the University of X``, ``毕业于Y大学``),
    the one nearest before ``at`` first."""
    text = sentence.replace(_OPEN, "").replace(_CLOSE, "")
    found: list[tuple[int, str]] = []
    for m in _EN_ORG.finditer(text):
        org = re.sub(r"(?:\s+(?:of|and|for|the|de|&))+$", "", m.group("org")).strip(" .")
        if is_organization(org):
            found.append((m.start(), org))
    found += [(m.start(), m.group("org")) for m in _ZH_ORG.finditer(text)]
    before = [o for i, o in sorted(found) if i < at]
    after = [o for i, o in sorted(found) if i >= at]
    return before[-1] if before else after[0] if after else None


# --- statements ----------------------------------------------------------------------


def _kind(rule: _Rule, sentence: str, at: int, context: Sequence[str | None]) -> str | None:
    """The kind of a statement: a trigger that says it (``Mentor:``, ``合作导师``) wins, then
    the sentence's kind words, then the context's, then the trigger's default."""
    if rule.kind not in ("supervisor", "with"):
        if rule.kind == "mentor" and _kind_at(sentence, at) == "intern":
            return "intern"
        return rule.kind
    clause = re.split(r"[；;。]", sentence[at:], maxsplit=1)[0]
    found = kind_words(sentence[:at] + clause)
    before = [k for o, k in found if o < at]
    after = [k for o, k in found if o >= at]
    ctx = next((k for k in context if k), None)
    if rule.kind == "with":  # "working with X": a degree before it, else a mentor
        return before[-1] if before else "mentor" if (ctx or after) else None
    return before[-1] if before else after[0] if after else ctx or "supervisor"


def statements(
    sentence: str,
    line: int | None = None,
    *,
    context: str | Sequence[str | None] | None = None,
    flat: bool = False,
) -> list[Statement]:
    """The advisor statements of one sentence (Markdown or HTML allowed unless ``flat``).
    ``context``: text or kinds around it (the paragraph, the entry, the degree) that tell
    the kind when the sentence does not."""
    text = sentence if flat else flatten(sentence)
    if isinstance(context, str):
        ctx: list[str | None] = [k for _, k in reversed(kind_words(context))]
    else:
        ctx = list(context or [])
    found: list[tuple[int, Statement]] = []
    for rule in _rules():
        for m in rule.pattern.finditer(text):
            names, at = _rule_names(rule, text, m)
            if not names:
                continue
            kind = _kind(rule, text, m.start(), ctx)
            if kind is None:
                continue
            st = Statement(
                tuple(names),
                kind,
                rule.owner,
                organization_in(text, m.start()),
                line,
                rule.family,
                text.replace(_OPEN, "").replace(_CLOSE, ""),
            )
            found.append((at, st))
    for m in _group().finditer(text):
        raw = m.group("link") or m.group("link2") or m.group("text") or ""
        name = _zh_name(f"{_OPEN}{raw}{_CLOSE}") or _zh_name(raw)
        if name:
            kind = _kind(_Rule("zh_group", m.re, "supervisor"), text, m.start(), ctx) or ""
            org = organization_in(text, m.start())
            found.append((m.start(), Statement((name,), kind, STUDENT, org, line, "zh_group")))
    out: list[Statement] = []
    seen: set[tuple[str, str]] = set()
    for _, st in sorted(found, key=lambda f: f[0]):
        fresh = tuple(n for n in st.names if (n, st.owner) not in seen)
        if fresh:
            seen.update((n, st.owner) for n in fresh)
            out.append(Statement(fresh, *_rest(st)))
    return out


def _rest(st: Statement) -> tuple[str, str, str | None, int | None, str, str]:
    return st.kind, st.owner, st.organization, st.line, st.family, st.text


_OBJECT = re.compile(
    r"^(?:the\s+following\s+|several\s+|many\s+|these\s+|\d+\s+)?(?:[\w'’.-]+\s+){0,3}?"
    r"(?:students?|interns?|researchers?|postdocs?|mentees|advisees)\b\s*"
    r"(?:[:：,]|including|such as|named)?\s*",
    _I,
)


def _rule_names(rule: _Rule, text: str, m: re.Match[str]) -> tuple[list[str], int]:
    """The names a trigger introduces and where they start."""
    if rule.close is not None:  # 在 … 指导下, 由 … 共同指导
        rest = text[m.end() :]
        c = rule.close.match(rest)
        if not c:
            return [], m.end()
        span = c.group(0).rsplit(m.group(0), 1)[-1]
        return names_in(span), m.end()
    rest = text[m.end() :]
    if rule.family == "verb":
        o = _OBJECT.match(rest)
        if not o:
            return [], m.end()
        rest = rest[o.end() :]
    return names_in(rest, one_line=rule.family in ("label", "zh_label")), m.end()


# --- paragraphs ----------------------------------------------------------------------


def paragraphs(lines: Sequence[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Consecutive lines (numbers that follow on) run together; a bullet starts anew."""
    out: list[list[tuple[int, str]]] = []
    for no, raw in lines:
        joins = out and out[-1][-1][0] == no - 1 and not bullet_of(raw).strip()
        if not joins:
            out.append([])
        out[-1].append((no, raw))
    return out


@dataclass
class _Area:
    """Where a list of the owner's students is being read: under the heading at
    ``level`` (8 for a line that is no heading), opened by a heading that names a group
    of students (``bullets``: its items are bullets or lines that open with a student)
    or by one that names the activity (``Student Mentoring``, ``Supervision``: each line
    is read for a name, a short one for a kind, and prose ends it)."""

    level: int
    bullets: bool
    mentor: bool = False
    kind: str | None = None  # the kind the heading or a sub-heading says
    skipping: bool = False  # under a sub-heading of no students ("Supervisory committee")
    last: tuple[str, str, int] | None = None  # the last student read: name, kind, line
    wrapped: int | None = None  # the line a bulleted item runs on to, when it may


@cache
def _not_students() -> re.Pattern[str]:
    words = _alt(phrases()["advisor"]["not_students"])
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", _I)


_ITEM_BREAK = re.compile(  # "… Finland. 2006–2008 **Chris Spath**, …": a PDF line holding two
    r"(?<=[.)])\s+(?=(?:(?:19|20)\d\d\S{0,12}\s+)?(?:\*\*|__)[A-Z])"
)


def _students(
    lines: Sequence[tuple[int, str]], default_kind: str | None
) -> tuple[list[Statement], set[int]]:
    """The owner's students listed under a heading over them (``Current Students``,
    ``## Supervision`` then ``### Doctoral students``, ``Student Mentoring``), with their
    kinds and co-supervisors, and the lines such lists take; a sub-heading of no students
    (``Supervisory committee``) is passed over, a heading as high as the list's ends it."""
    out: list[Statement] = []
    area: _Area | None = None
    listed: set[int] = set()
    for no, whole in lines:
        for raw in _ITEM_BREAK.split(whole) if area else [whole]:
            area = _student_line(no, raw, area, default_kind, out)
        if area is not None:
            listed.add(no)
    return out, listed


def _student_line(
    no: int, raw: str, area: _Area | None, default_kind: str | None, out: list[Statement]
) -> _Area | None:
    """Read one line for ``_students``: the area of the list after it."""
    flat = flatten(raw)
    heading = _heading_of(raw)
    if heading and heading[0] == 7 and area and names_in(heading[1])[:1] == [heading[1]]:
        heading = None  # a name set in bold on its own line (a PDF's) heads nothing
    if heading is not None:
        level, text = heading
        found = _student_heading(text)
        head = _list_head().match(text)
        if found is not None and (found[0] or area is not None):
            if area is None or (found[0] and level <= area.level):
                return _Area(level, True, kind=found[1])
            area.kind, area.skipping = found[1], False
            return area
        if head is not None and (area is None or level <= area.level):
            return _Area(level, False, mentor=head.lastgroup == "mentor")
        if area is not None and level > area.level:
            area.skipping = bool(_not_students().search(text))
            area.kind = None if area.bullets else _kind_at(text, 0)
            return area
        if level < 7 or area is None or area.bullets:
            return None
    elif area is None:
        if head := _list_head().match(flat):  # "Student Mentoring" (no heading markup)
            return _Area(8, False, mentor=head.lastgroup == "mentor")
        return None
    if area.skipping:
        return area
    rest, said = _item_kind(flat)  # "2019-2023 Ann Lee", "Master - Ann Lee - Title (2023)"
    if area.last and (co := _co_named(rest, area.last[0])):  # "Co-supervised with X"
        student, kind, _ = area.last
        out.append(Statement(tuple(co), kind, COADVISOR, None, no, "list", rest, student))
        return area
    bullet = bool(bullet_of(raw).strip())
    label = _names_label().match(rest)  # "Students: A, B and C"
    if not (bullet or label or _opens_a_student(flat)) and area.wrapped == no:
        area.wrapped = no + 1  # the rest of a bulleted student's item
        return area
    area.wrapped = None
    if area.bullets:
        if bullet or _opens_a_student(flat):
            item_kind = area.kind or said or _kind_at(_PARENS.sub(" ", rest), 0) or default_kind
            _add_listed(out, _listed(rest, no, item_kind or "supervisor"), area, bullet)
        return area
    own = _co_advisors()[0].split(rest, maxsplit=1)[0]  # "Tom Bell cosupervised with X"
    names = names_in(rest[label.end() :]) if label else names_in(own)[: None if said else 1]
    if not names:
        # a short line ("PhD students (3 total)") says the kind of the names under it
        # (none: "NSF-REU (1 total)"); a blank one parts nothing; prose ends the list
        if len(rest) > 60:
            return None
        area.kind = _kind_at(rest, 0) if rest.strip() else area.kind
        return area
    kind = area.kind or (
        "mentor" if area.mentor else said or _kind_at(rest, 0) or default_kind or "supervisor"
    )
    if label:
        out.append(Statement(tuple(names), kind, ADVISOR, organization_in(rest, 0), no, "list"))
        area.last = None
    else:  # one student a line, unless the line opened with their kind ("M.Sc.: A, B")
        _add_listed(out, _listed(rest, no, kind, first=said is None), area, bullet)
    return area


def _add_listed(out: list[Statement], found: list[Statement], area: _Area, bullet: bool) -> None:
    """Keep an item's statements, and its student for the lines that may follow it."""
    out += found
    if found and found[0].owner == ADVISOR:
        area.last = (found[0].names[0], found[0].kind, found[0].line or 0)
        area.wrapped = (found[0].line or 0) + 1 if bullet else None


def read(
    lines: Sequence[tuple[int, str]],
    *,
    default_kind: str | None = None,
    context: str | None = None,
) -> list[Statement]:
    """The statements of some lines of a document (``(line number, raw text)``): each
    paragraph is cut into sentences, and a sentence's kind, when it does not say it, is
    the paragraph's before it, then ``default_kind``, then ``context``'s."""
    outer: list[str | None] = [default_kind]
    if context:
        outer += [k for _, k in reversed(kind_words(flatten(context)))]
    out, listed = _students(lines, default_kind)
    # a role beside a listed student's name is the owner's ("Ann Lee (main supervisor)")
    loose = [(no, raw) for no, raw in lines if no not in listed]
    out += _reference_items(loose)
    out += [st for no, raw in loose for st in _named_roles(no, raw, default_kind)]
    for para in paragraphs(lines):
        text, starts = "", []
        for no, raw in para:
            starts.append((len(text), no))
            text += flatten(raw) + "\n"
        earlier: list[str | None] = []
        for offset, sentence in split_sentences(text):
            line = max((no for at, no in starts if at <= offset), default=para[0][0])
            out += statements(sentence, line, context=[*earlier, *outer], flat=True)
            earlier = [*(k for _, k in reversed(kind_words(sentence))), *earlier]
    return out


def add_statement(
    builder: Any,
    st: Statement,
    owner_id: str,
    owner_name: str,
    *,
    organization: str | None,
    advisor: Callable[[Advisor, str | None], None],
) -> None:
    """Record a statement: the owner's advisors through ``advisor`` (the reader's own
    hook, which spells Chinese names), the owner's students as ADVISED / MENTORED edges
    from the owner. Names compatible with the owner's are left out."""
    org = organization or st.organization
    for adv in st.advisors():
        if not compatible(adv.written, owner_name):
            advisor(adv, org)
    if st.owner == COADVISOR and st.student and not compatible(st.student, owner_name):
        sid = builder.person(st.student, st.line)
        for name in st.names:
            if compatible(name, owner_name):
                continue
            if st.kind in ("mentor", "intern"):
                builder.mentored(name, sid, st.line, organization=org)
            else:
                builder.advised(name, sid, st.line, kind=st.kind, organization=org)
    if st.owner != ADVISOR:
        return
    for name in st.names:
        if compatible(name, owner_name):
            continue
        sid = builder.person(name, st.line)
        if st.kind in ("mentor", "intern"):
            builder.mentored(owner_name, sid, st.line, organization=org)
        else:
            builder.advised(owner_name, sid, st.line, kind=st.kind, organization=org)
