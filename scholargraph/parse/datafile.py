"""Publications and people kept in data files and front matter.

Personal sites keep their publication lists in data: Jekyll ``_data/*.yml``, JSON or
TOML files, a JavaScript file that assigns object literals to variables (``let paper
= {…}``), academicpages ``_publications/*.md`` and Hugo ``content/publication/*``
front matter, a Hugo author page (``content/authors/<user>/_index.md``) listing the
owner's students. No layout is assumed: the file is loaded into a tree (YAML with
line numbers through ``yaml_lines``; JSON and JavaScript through a small lenient
literal reader below that never evaluates code; TOML through ``tomllib``) and
walked. What the keys mean lives in ``datafile_keys.yaml``, not in code:

- a mapping with a title key and a publication cue (authors, venue, citation, DOI …;
  a year or date is enough inside a list whose key, file or folder says
  *publications*) is a publication: ordered authors (a string ``A, B and C`` or a
  list of names or of person mappings, JS references resolved), venue, year,
  DOI / arXiv id, HTML and Markdown in values read as text;
- a list under a key such as ``currentphds``, ``graduatedmss``, ``students`` or
  ``advisors`` is a list of people: ADVISED edges from the owner to each student
  (or from each advisor to the owner), with the kind the key or entry states;
- prose under a key such as ``bio``, ``about`` or ``about_zh`` (a string, or a list
  of sentences or of paragraphs) is read for advisor statements by the same grammar
  as a page (``advisors``: ``supervised by Prof. X``, ``师从X教授``), about the owner,
  each citing the line its paragraph starts on.

The owner: ``--owner`` when given, else a name the file states (a ``me:`` key, an
author flagged ``is_me``, the title of an author page), else the author most often
set apart (bold, underlined, self-linked) across the file's publications, with a
warning. Names are never invented: without an owner, people lists are skipped.

A Markdown or HTML page whose front matter is a publication or an author page is
read here; when it also has a body, the body is read by the prose reader
(``freetext``) as before, with the front matter blanked out (line numbers kept) and
the owner found here passed on, and both extractions are merged into one. That keeps
one reader per concern and the prose reader unaware of front matter formats.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from scholargraph.errors import InputError
from scholargraph.normalize.names import compatible, display_name, looks_like_name
from scholargraph.normalize.venues import normalize_venue, year_in
from scholargraph.parse import advisors, freetext
from scholargraph.parse.builder import PUBLICATION_STATUSES, Extraction, GraphBuilder
from scholargraph.parse.citations import Citation, parse_authors, parse_citation, work_of
from scholargraph.parse.documents import Document
from scholargraph.parse.markup import marked_spans, plain
from scholargraph.parse.positions import Advisor
from scholargraph.parse.yaml_lines import MAX_DEPTH, LineDict, load, tree_problem

FORMAT = "datafile"
DATA_SUFFIXES = (".yml", ".yaml", ".json", ".jsonc", ".toml", ".js", ".mjs")
PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
ADVISING = ("phd", "masters", "undergrad", "postdoc", "supervisor", "mentor")


def fold_key(key: object) -> str:
    """``user_groups`` / ``User Groups`` -> ``usergroups``."""
    return re.sub(r"[\s_.\-]+", "", str(key)).casefold()


# --- the key vocabulary -----------------------------------------------------------


@dataclass(frozen=True)
class PeopleRule:
    pattern: re.Pattern[str]
    kind: str | None
    advisees: bool  # the owner advised them (else they advised the owner)


@dataclass(frozen=True)
class Vocabulary:
    fields: dict[str, tuple[str, ...]]
    cues: dict[str, frozenset[str]]
    contexts: dict[str, frozenset[str]]
    skip_types: frozenset[str]
    author_page: dict[str, tuple[str, ...]]
    people: tuple[PeopleRule, ...]
    person_keys: dict[str, tuple[str, ...]]
    kinds: dict[str, frozenset[str]]
    prose: frozenset[str] = frozenset()
    prose_languages: tuple[str, ...] = ()
    prose_min_length: int = 40
    prose_min_length_cjk: int = 12
    prose_advising: tuple[str, ...] = ()

    def is_prose(self, key: str) -> bool:
        """Is ``key`` one whose value is prose about the owner (``bio``, ``about_zh``)?"""
        folded = fold_key(key)
        if folded in self.prose:
            return True
        return any(
            folded.endswith(lang) and folded[: -len(lang)] in self.prose
            for lang in self.prose_languages
        )

    def people_rule(self, key: str) -> PeopleRule | None:
        folded = fold_key(key)
        return next((r for r in self.people if r.pattern.search(folded)), None)

    def kind_in(self, text: str) -> str | None:
        """The advising kind a word of ``text`` names (``PhD``, ``M.Sc.``, ``mss``)."""
        words = [fold_key(w) for w in re.split(r"[\s,;/()]+", text) if w]
        for kind, names in self.kinds.items():
            if any(w in names or w.rstrip("s") in names for w in words):
                return kind
        return None


def _words(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"datafile_keys.yaml: expected a list of words, got {value!r}")
    return tuple(fold_key(v) for v in value)


@cache
def vocabulary() -> Vocabulary:
    """The shipped ``datafile_keys.yaml``."""
    text = resources.files("scholargraph.parse").joinpath("datafile_keys.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    people = data["people"]
    rules = tuple(
        PeopleRule(re.compile(r["key"]), r.get("kind"), side == "advisees")
        for side in ("advisees", "advisors")
        for r in people[side]
    )
    return Vocabulary(
        fields={k: _words(v) for k, v in data["fields"].items()},
        cues={k: frozenset(v) for k, v in data["cues"].items()},
        contexts={k: frozenset(_words(v)) for k, v in data["contexts"].items() if k != "keys"},
        skip_types=frozenset(_words(data["skip_types"])),
        author_page={k: _words(v) for k, v in data["author_page"].items()}
        | {"context_keys": _words(data["contexts"]["keys"])},
        people=rules,
        person_keys={
            k: _words(people[k]) for k in ("name", "native_name", "given", "family", "kind")
        },
        kinds={k: frozenset(_words(v)) for k, v in people["kinds"].items()},
        prose=frozenset(_words(data["prose"]["keys"])),
        prose_languages=_words(data["prose"]["languages"]),
        prose_min_length=int(data["prose"]["min_length"]),
        prose_min_length_cjk=int(data["prose"]["min_length_cjk"]),
        prose_advising=tuple(data["prose"]["advising"]),
    )


# --- loading: YAML, JSON, TOML, JavaScript literals, front matter ------------------


@dataclass
class Loaded:
    data: Any
    front_matter: bool = False
    body_start: int = 0  # 0-based index of the first body line (front matter only)
    context: str | None = None  # publications / not_publications, from the path
    scope: bool = False  # the root maps variable names to values (JavaScript), not a record


_FRONT = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(``yaml`` | ``toml``, the front matter with earlier lines blanked so that line
    numbers stay the file's, index of the first body line), or None."""
    lines = text.splitlines()
    if not lines or lines[0].strip() not in _FRONT:
        return None
    kind, ends = _FRONT[lines[0].strip()]
    end = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() in ends), None)
    if end is None:
        return None
    return kind, "\n" * 1 + "\n".join(lines[1:end]), end + 1


def _toml(text: str, path: str) -> Any:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"invalid TOML: {exc}") from exc
    return _with_lines(data, text.splitlines())


def _with_lines(data: Any, lines: list[str], start: int = 0) -> Any:
    """Mappings from a parser that keeps no positions, given the line their keys are
    written on (searched in order from ``start``)."""
    if isinstance(data, list):
        return [_with_lines(v, lines, start) for v in data]
    if not isinstance(data, dict):
        return data
    out = LineDict()
    out.key_lines = {}
    cursor = start
    for key, value in data.items():
        rx = re.compile(rf"^\s*[\"']?{re.escape(str(key))}[\"']?\s*[=:]|^\s*\[+\s*{re.escape(key)}")
        found = next((i for i in range(cursor, len(lines)) if rx.search(lines[i])), None)
        if found is not None:
            out.key_lines[str(key)] = found + 1
            cursor = found
        out[str(key)] = _with_lines(value, lines, cursor)
    out.line = min(out.key_lines.values(), default=start + 1)
    return out


def _context_of(path: str) -> str | None:
    """``_publications/x.md`` and ``_data/papers.yml`` say what they hold."""
    vocab = vocabulary()
    for part in reversed([*Path(path).parent.parts, Path(path).stem]):
        ctx = _context_word(part, vocab)
        if ctx:
            return ctx
    return None


def _context_word(word: object, vocab: Vocabulary) -> str | None:
    folded = fold_key(word)
    for name, words in vocab.contexts.items():
        if folded in words:
            return name
    return None


@lru_cache(maxsize=16)
def load_data(path: str, text: str) -> Loaded | None:
    """The file's data tree, or None for a page without front matter. A data file
    that does not parse is an InputError with its line."""
    suffix = Path(path).suffix.lower()
    context = _context_of(path)
    if suffix in (".yml", ".yaml"):
        return Loaded(load(text, path), context=context)
    if suffix == ".toml":
        return Loaded(_toml(text, path), context=context)
    if suffix in (".json", ".jsonc", ".js", ".mjs"):
        data = parse_js(text, path)
        return Loaded(data, context=context, scope=isinstance(data, _Scope))
    front = split_front_matter(text)
    if front is None:
        return None
    kind, fm, body = front
    try:
        data = load(fm, path) if kind == "yaml" else _toml(fm, path)
    except InputError:
        return None  # a page whose front matter is broken is still a page
    return Loaded(data, front_matter=True, body_start=body, context=context)


# --- the JavaScript / JSON literal reader -----------------------------------------


class _JsError(ValueError):
    pass


_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"-?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)")
_DECL = re.compile(
    r"(?:export\s+)?(?:let|var|const)\s+([A-Za-z_$][\w$]*)\s*=(?![=>])\s*"
    r"|(?:window|globalThis|self)\.([A-Za-z_$][\w$]*)\s*=(?![=>])\s*"
    r"|(module\.exports|export\s+default)\s*=?\s*"
)
_KEYWORDS = {"true": True, "false": False, "null": None, "undefined": None}


class _Scope(LineDict):
    """The variables a JavaScript file assigns, by name."""


class _Js:
    """Object and array literals, strings, numbers and references to earlier
    top-level variables; anything else (calls, operators) is skipped, never run."""

    def __init__(self, text: str) -> None:
        self.t, self.i, self.n, self.depth = text, 0, len(text), 0
        self.env: dict[str, Any] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        lo, hi = 0, len(self._line_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self._line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1

    def ws(self) -> None:
        t = self.t
        while self.i < self.n:
            c = t[self.i]
            if c.isspace():
                self.i += 1
            elif t.startswith("//", self.i):
                j = t.find("\n", self.i)
                self.i = self.n if j < 0 else j
            elif t.startswith("/*", self.i):
                j = t.find("*/", self.i + 2)
                self.i = self.n if j < 0 else j + 2
            else:
                return

    def peek(self) -> str:
        self.ws()
        return self.t[self.i] if self.i < self.n else ""

    def value(self) -> Any:
        c = self.peek()
        if c and c in "{[":
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise _JsError(
                        f"nested deeper than {MAX_DEPTH} levels on line {self.line(self.i)}"
                    )
                return self.obj() if c == "{" else self.arr()
            finally:
                self.depth -= 1
        if c and c in "\"'":  # ("" is in every string: the text has ended)
            return self.string()
        if c == "`":
            return self.template()
        if m := _NUMBER.match(self.t, self.i):
            self.i = m.end()
            num = m.group(0)
            return int(num, 0) if re.fullmatch(r"-?\d+|0[xX][0-9a-fA-F]+", num) else float(num)
        if _IDENT.match(self.t, self.i):
            return self.reference()
        raise _JsError(f"unexpected {repr(c) if c else 'end'} on line {self.line(self.i)}")

    def obj(self) -> LineDict:
        out = LineDict()
        out.line, out.key_lines = self.line(self.i), {}
        self.i += 1
        while (c := self.peek()) != "}":
            if not c:
                raise _JsError("unclosed object")
            at = self.i
            if self.t.startswith("...", self.i):
                self.i += 3
                spread = self.value()
                if isinstance(spread, dict):
                    out.update(spread)
            else:
                if c in "\"'":
                    key = self.string()
                elif m := (_IDENT.match(self.t, self.i) or _NUMBER.match(self.t, self.i)):
                    key, self.i = m.group(0), m.end()
                else:
                    raise _JsError(f"bad key on line {self.line(at)}")
                if self.peek() == ":":
                    self.i += 1
                    out[key] = self.value()
                else:  # shorthand {me}
                    out[key] = self.env.get(key)
                out.key_lines[key] = self.line(at)
            if self.peek() == ",":
                self.i += 1
            elif self.peek() != "}":
                raise _JsError(f"expected ',' or '}}' on line {self.line(self.i)}")
        self.i += 1
        return out

    def arr(self) -> list[Any]:
        out: list[Any] = []
        self.i += 1
        while (c := self.peek()) != "]":
            if not c:
                raise _JsError("unclosed array")
            out.append(self.value())
            if self.peek() == ",":
                self.i += 1
            elif self.peek() != "]":
                raise _JsError(f"expected ',' or ']' on line {self.line(self.i)}")
        self.i += 1
        return out

    def _string_end(self, quote: str) -> int:
        j = self.i + 1
        while j < self.n and self.t[j] != quote:
            j += 2 if self.t[j] == "\\" else 1
        if j >= self.n:
            raise _JsError("unclosed string")
        return j

    def string(self) -> str:
        quote = self.t[self.i]
        j = self._string_end(quote)
        raw = self.t[self.i + 1 : j]
        self.i = j + 1
        if quote == '"':
            try:
                return str(json.loads(f'"{raw}"'))
            except json.JSONDecodeError:
                pass
        return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), raw)

    def template(self) -> str:
        """A template literal, its ``${…}`` replaced by the name of the variable it
        refers to (``${href(person.jian_yang)}`` -> ``Jian Yang``), else dropped."""
        out: list[str] = []
        j = self.i + 1
        while j < self.n and self.t[j] != "`":
            if self.t[j] == "\\":
                out.append(self.t[j + 1 : j + 2])
                j += 2
            elif self.t.startswith("${", j):
                depth, k = 1, j + 2
                while k < self.n and depth:
                    depth += {"{": 1, "}": -1}.get(self.t[k], 0)
                    k += 1
                out.append(self._substitute(self.t[j + 2 : k - 1]))
                j = k
            else:
                out.append(self.t[j])
                j += 1
        self.i = j + 1
        return "".join(out)

    def _substitute(self, expr: str) -> str:
        for m in re.finditer(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*", expr):
            found = self._resolve(m.group(0).split("."))
            if isinstance(found, str | int):
                return str(found)
            if isinstance(found, dict) and isinstance(found.get("name"), str):
                return str(found["name"])
        return ""

    def _resolve(self, path: list[str]) -> Any:
        if path[0] not in self.env:
            return None
        node = self.env[path[0]]
        for part in path[1:]:
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def reference(self) -> Any:
        m = _IDENT.match(self.t, self.i)
        assert m
        self.i = m.end()
        if m.group(0) in _KEYWORDS:
            return _KEYWORDS[m.group(0)]
        path = [m.group(0)]
        while True:
            if self.t.startswith(".", self.i) and (m := _IDENT.match(self.t, self.i + 1)):
                path.append(m.group(0))
                self.i = m.end()
            elif self.t.startswith("[", self.i) and self.t[self.i + 1 : self.i + 2] in "\"'":
                self.i += 1
                path.append(self.string())
                if self.peek() != "]":
                    raise _JsError("bad index")
                self.i += 1
            else:
                break
        if self.peek() == "(":
            raise _JsError(f"a call on line {self.line(self.i)}")
        return self._resolve(path)

    def skip_token(self) -> int:
        """Step over one token; the change in bracket depth."""
        c = self.t[self.i]
        if c in "\"'":
            self.i = self._string_end(c) + 1
        elif c == "`":
            self.template()
        else:
            self.i += 1
            return {"{": 1, "[": 1, "(": 1, "}": -1, "]": -1, ")": -1}.get(c, 0)
        return 0

    def program(self) -> _Scope:
        """Top-level ``let/var/const NAME = literal`` (and ``module.exports =``,
        ``export default``, or a bare JSON value) as a mapping NAME -> value."""
        out = _Scope()
        out.line, out.key_lines = 1, {}
        depth = 0
        first = True
        while self.peek():
            start = self.i
            m = _DECL.match(self.t, self.i) if depth == 0 else None
            bare = first and self.peek() in "{["
            first = False
            if m or bare:
                name = (m.group(1) or m.group(2) or "default") if m else "default"
                self.i = m.end() if m else self.i
                try:
                    value = self.value()
                except (_JsError, RecursionError):
                    if bare:
                        raise
                    self.i = m.end() if m else start + 1
                    continue
                if bare or self.peek() not in ".+-*/%?:([&|=<>":
                    self.env[name] = out[name] = value
                    out.key_lines[name] = self.line(start)
                continue
            try:
                depth = max(0, depth + self.skip_token())
            except _JsError:
                break
        return out


def parse_js(text: str, path: str = "<string>") -> Any:
    """A JSON file (comments and trailing commas allowed) or the literals a
    JavaScript file assigns: a tree of LineDicts and lists, references to earlier
    variables resolved. Never evaluates anything."""
    js = _Js(text)
    try:
        prog = js.program()
    except (_JsError, RecursionError) as exc:
        raise InputError(path, f"invalid JSON or JavaScript data: {exc}", line=1) from exc
    if problem := tree_problem(prog):
        raise InputError(path, f"invalid JSON or JavaScript data: {problem}", line=1)
    if list(prog) == ["default"]:
        return prog["default"]
    return prog


# --- finding publications and people ------------------------------------------------


@dataclass
class Found:
    publications: list[tuple[LineDict, str | None]] = field(default_factory=list)
    people: list[tuple[str, Any, PeopleRule, int]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    owner: tuple[str, int] | None = None  # stated by the file: me:, an author page
    author_page: bool = False
    interests: list[tuple[str, int]] = field(default_factory=list)
    prose: list[tuple[str, Any, int]] = field(default_factory=list)  # (key, value, line)

    def __bool__(self) -> bool:
        return bool(self.publications or self.people or self.author_page)


def _get(m: dict[str, Any], name: str) -> tuple[str, Any] | None:
    """(key, value) of the first key of field ``name`` present with a value."""
    vocab = vocabulary()
    by_key = {fold_key(k): k for k in m}
    for k in vocab.fields.get(name, ()):
        if k in by_key and m[by_key[k]] not in (None, "", [], {}):
            return by_key[k], m[by_key[k]]
    return None


def _title(m: dict[str, Any]) -> tuple[str, Any] | None:
    got = _get(m, "title")
    if got is None and _get(m, "authors"):
        got = _get(m, "title_alias")
    if got and isinstance(got[1], str) and plain(got[1]):
        return got
    return None


def is_publication(m: dict[str, Any], context: str | None, *, front_matter: bool) -> bool:
    if context == "not_publications" or _title(m) is None:
        return False
    vocab = vocabulary()
    present = {
        f for f in ("authors", "venue", "citation", "doi", "arxiv", "year", "date") if _get(m, f)
    }
    if context == "publications" and present & vocab.cues["weak"]:
        return True
    return bool(present & vocab.cues["front_matter" if front_matter else "strong"])


def _author_page(m: dict[str, Any]) -> tuple[str, int] | None:
    vocab = vocabulary()
    folded = {fold_key(k): k for k in m}
    if sum(c in folded for c in vocab.author_page["cues"]) < 2:
        return None
    for k in vocab.author_page["name"]:
        if k in folded and isinstance(m[folded[k]], str) and looks_like_name(m[folded[k]]):
            return plain(m[folded[k]]), m.line_of(folded[k]) if isinstance(m, LineDict) else 1
    return None


def find(loaded: Loaded) -> Found:
    """Publications and people lists anywhere in the tree, in document order."""
    vocab = vocabulary()
    found = Found()
    data = loaded.data
    context = loaded.context
    if isinstance(data, dict) and loaded.front_matter:
        for k in vocab.author_page["context_keys"]:
            key = next((x for x in data if fold_key(x) == k), None)
            if key is not None and (ctx := _context_word(data[key], vocab)):
                context = ctx
        if page := _author_page(data):
            found.owner, found.author_page = page, True
            for k, v in data.items():
                if fold_key(k) in vocab.author_page["interests"] and isinstance(v, list):
                    line = data.line_of(k) if isinstance(data, LineDict) else 1
                    found.interests += [(plain(str(t)), line) for t in v if isinstance(t, str)]
    seen: set[int] = set()

    def walk(node: Any, ctx: str | None, line: int) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, ctx, line)
            return
        if not isinstance(node, dict) or id(node) in seen:
            return
        seen.add(id(node))
        line = node.line if isinstance(node, LineDict) and node.line else line
        if not (loaded.scope and node is data) and is_publication(
            node, ctx, front_matter=loaded.front_matter and node is data
        ):
            found.publications.append((_as_linedict(node, line), ctx))
            return
        for key, value in node.items():
            key_line = node.line_of(key) if isinstance(node, LineDict) else line
            if ctx != "publications" and vocab.is_prose(str(key)) and _is_prose(value):
                found.prose.append((str(key), value, key_line))
                continue
            if not isinstance(value, list | dict):
                if node is data and (owner := _stated_owner(key, value)) and not found.owner:
                    found.owner = (owner, key_line)
                continue
            rule = vocab.people_rule(key)
            if rule is not None and ctx != "publications":
                found.people.append((str(key), value, rule, key_line))
                continue
            walk(value, _context_word(key, vocab) or ctx, key_line)

    walk(data, context, 1)
    return found


def _is_prose(value: Any) -> bool:
    """A string, or a list of strings or of lists of strings (sentences, paragraphs)."""
    if isinstance(value, str):
        return True
    return isinstance(value, list) and bool(value) and all(_is_prose(v) for v in value)


def _paragraphs(value: Any) -> Iterator[tuple[str, str]]:
    """(paragraph, its first piece) of a prose value: a string, a list of sentences
    joined (without spaces between Chinese ones), each inner list of a list of lists."""
    if isinstance(value, str):
        yield value, value
    elif all(isinstance(v, str) for v in value):
        text = ""
        for piece in (v.strip() for v in value):
            cjk = bool(re.match(r"[\u3000-\u9fff\uff00-\uffef]", piece)) and bool(
                re.search(r"[\u3000-\u9fff\uff00-\uffef]$", text)
            )
            text += piece if not text or cjk else " " + piece
        yield text, value[0]
    else:
        for v in value:
            yield from _paragraphs(v)


def _as_linedict(m: dict[str, Any], line: int) -> LineDict:
    if isinstance(m, LineDict):
        return m
    out = LineDict(m)
    out.line, out.key_lines = line, {}
    return out


def _stated_owner(key: str, value: Any) -> str | None:
    if fold_key(key) in vocabulary().fields["owner"] and isinstance(value, str):
        text = plain(value)
        return text if looks_like_name(text) else None
    return None


def recognises(path: str, text: str) -> bool:
    """Does the walker find publications, people or an author page in this file?"""
    try:
        loaded = load_data(path, text)
    except InputError:
        return Path(path).suffix.lower() in DATA_SUFFIXES  # let the parser report it
    return loaded is not None and bool(find(loaded))


# --- reading the entries ---------------------------------------------------------


@dataclass
class Author:
    written: str
    marked: bool = False  # set apart: bold, underlined, flagged as the owner
    native: str | None = None
    flagged: bool = False  # the file says this author is the owner (is_me: yes)


@dataclass
class Entry:
    work: Citation  # what the entry says of the work: title, venue, year, ids (not authors)
    line: int
    authors: list[Author]
    complete: bool = True
    owner: str | None = None  # a me: key on the entry


_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_QUOTES = "\"'\u201c\u201d\u2018\u2019「」«» "


def _text(value: Any) -> str:
    """A value as the page shows it: HTML and Markdown removed, lists joined."""
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):
        got = _get(value, "title") or _get(value, "title_alias")
        name = value.get("short_name") or value.get("name") or (got[1] if got else "")
        return _text(name)
    if value is None:
        return ""
    return plain(_SUP.sub("", str(value)))


def _person(value: Any) -> Author | None:
    """An author given as a mapping (``{name, is_me}``, ``{first, last}``) or a string."""
    vocab = vocabulary()
    if isinstance(value, str):
        text = plain(_SUP.sub("", value)).strip(" *†‡")
        marked = bool(marked_spans(value))
        return Author(text, marked) if text else None
    if not isinstance(value, dict):
        return None
    folded = {fold_key(k): v for k, v in value.items()}
    name = next((folded[k] for k in vocab.person_keys["name"] if folded.get(k)), None)
    if name is None:
        given = next((folded[k] for k in vocab.person_keys["given"] if folded.get(k)), None)
        family = next((folded[k] for k in vocab.person_keys["family"] if folded.get(k)), None)
        name = " ".join(str(p) for p in (given, family) if p) or None
    if not isinstance(name, str) or not plain(name):
        return None
    native = next((folded[k] for k in vocab.person_keys["native_name"] if folded.get(k)), None)
    flag = any(_truthy(folded.get(k)) for k in vocab.fields["owner_flag"])
    author = _person(name)
    if author is None:
        return None
    author.marked = author.marked or flag
    author.flagged = flag
    author.native = str(native) if native else None
    return author


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().casefold() in ("yes", "true", "y", "1")
    return value is True


def _authors(value: Any) -> tuple[list[Author], bool]:
    if isinstance(value, str):
        text = _SUP.sub("", value)
        parsed = parse_authors(text)
        if parsed is not None:
            return [Author(m.written, m.marked) for m in parsed[0]], parsed[1]
        flat = plain(text)
        complete = not re.search(r"\bet\s+al\b|\band others\b", flat, re.IGNORECASE)
        flat = re.sub(r"\bet\s+al\b\.?|\band others\b", "", flat, flags=re.IGNORECASE)
        parts = [p.strip(" .*†‡") for p in re.split(r",|;|\band\b|&", flat)]
        marked = {plain(s) for s in marked_spans(text)}
        return [Author(p, p in marked) for p in parts if p], complete
    if isinstance(value, list):
        out = [a for a in (_person(v) for v in value) if a]
        complete = not any(fold_key(a.written) in ("others", "etal", "etal.") for a in out)
        return [a for a in out if fold_key(a.written) not in ("others", "etal")], complete
    if isinstance(value, dict):
        one = _person(value)
        return ([one], True) if one else ([], True)
    return [], True


_VENUE_LEAD = re.compile(
    r"^(?:to appear (?:at|in)|accepted (?:at|to|in|by)|published in|in)\s*:?\s+", re.IGNORECASE
)
_URL_DOI = re.compile(r"(?:doi\.org/|doi:\s*)(10\.\d{4,9}/\S+)", re.IGNORECASE)
_URL_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/([\w./-]+?)(?:v\d+)?(?:\.pdf)?$", re.IGNORECASE)


def _urls(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _urls(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _urls(v)


def _entry(m: LineDict) -> Entry | str:
    """The publication a mapping describes, or why it is not one."""
    vocab = vocabulary()
    got = _title(m)
    assert got is not None
    title = _text(got[1]).strip(_QUOTES).rstrip(".").strip(_QUOTES)
    if title.startswith("[") and title.endswith("]"):  # "[Title]": a link without its URL
        title = title[1:-1].strip()
    if (t := _get(m, "type")) and any(fold_key(x) in vocab.skip_types for x in _flat(t[1])):
        return f"{title!r} is of type {_text(t[1])!r}, not a publication"
    authors: list[Author] = []
    complete = True
    if a := _get(m, "authors"):
        authors, complete = _authors(a[1])
    cite = None
    if (c := _get(m, "citation")) and isinstance(c[1], str):
        cite = parse_citation([c[1]])
        if cite and not authors:
            authors = [Author(x.written, x.marked) for x in cite.authors]
            complete = cite.authors_complete
    venue = venue_full = None
    year: int | None = None
    if v := _get(m, "venue"):
        venue_full = _VENUE_LEAD.sub("", _text(v[1]).split(";")[0]).strip(" ,.") or None
        if venue_full:
            venue, year = normalize_venue(venue_full)
            year = year or year_in(venue_full)
            venue_full = re.sub(r",?\s*(?:19|20)\d{2}$", "", venue_full).strip(" ,") or venue_full
    elif cite:
        venue, venue_full = cite.venue, cite.venue_full
    if y := _get(m, "year"):
        year = year_in(str(y[1])) or year
    if year is None and (d := _get(m, "date")):
        year = year_in(str(d[1]))
    if year is None and cite:
        year = cite.year
    s = _get(m, "status")
    status = str(s[1]).strip().casefold() if s else ""
    if status not in PUBLICATION_STATUSES:
        raw = " ".join(str(x[1]) for x in (v, s) if x) if v or s else ""
        status = (
            "preprint"
            if re.search(r"arxiv|preprint|submitted|under review", raw, re.I)
            else "accepted"
            if re.search(r"to appear|accepted|forthcoming|in press", raw, re.I)
            else "published"
        )
    doi = str(d2[1]) if (d2 := _get(m, "doi")) else None
    arxiv = str(x2[1]) if (x2 := _get(m, "arxiv")) else None
    if u := _get(m, "urls"):
        for url in _urls(u[1]):
            if doi is None and (md := _URL_DOI.search(url)):
                doi = md.group(1)
            if arxiv is None and (ma := _URL_ARXIV.search(url.strip())):
                arxiv = ma.group(1)
    abstract = _text(ab[1]) if (ab := _get(m, "abstract")) and isinstance(ab[1], str) else None
    owner = next(
        (o for k, val in m.items() if not isinstance(val, dict) and (o := _stated_owner(k, val))),
        None,
    )
    work = Citation(
        title,
        venue=venue,
        venue_full=venue_full if venue_full != venue else None,
        year=year,
        status=status,
        doi=doi,
        arxiv=arxiv,
        abstract=abstract or None,
    )
    return Entry(work, m.line, authors, complete, owner)


def _flat(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


# --- people lists ---------------------------------------------------------------


@dataclass
class PersonItem:
    name: str
    line: int
    kind: str | None


def _people_items(
    value: Any, line: int, lines: list[str]
) -> Iterator[PersonItem | tuple[int, str]]:
    """The people a list holds (a Hugo ``{courses: [...]}`` wrapper looked into)."""
    vocab = vocabulary()
    if isinstance(value, dict) and not any(fold_key(k) in vocab.person_keys["name"] for k in value):
        for v in value.values():
            if isinstance(v, list):
                yield from _people_items(v, line, lines)
        return
    items = value if isinstance(value, list) else [value]
    cursor = line
    for item in items:
        if isinstance(item, dict):
            at = item.line if isinstance(item, LineDict) else cursor
            person = _person(item)
            folded = {fold_key(k): v for k, v in item.items()}
            kind_text = " ".join(
                str(folded[k]) for k in vocab.person_keys["kind"] if isinstance(folded.get(k), str)
            )
            kind = vocab.kind_in(kind_text) if kind_text else None
        elif isinstance(item, str):
            at = _line_of(lines, item, cursor)
            first = plain(item).split(",")[0]
            person = Author(re.sub(r"\s*\(with\b.*$", "", first).strip())
            kind = None
        else:
            continue
        cursor = at
        name = person.written if person else ""
        if not name or not looks_like_name(name):
            yield at, f"people list entry {plain(str(item))[:60]!r} is not a name"
            continue
        yield PersonItem(name, at, kind)


def _line_of(lines: list[str], raw: str, start: int) -> int:
    """The line at or after ``start`` that holds ``raw`` (its first 40 characters)."""
    needle = raw.strip()[:40]
    for i in range(max(start - 1, 0), len(lines)):
        if needle and needle in lines[i]:
            return i + 1
    return start


# --- the parser ---------------------------------------------------------------------


def parse_datafile(doc: Document) -> Extraction:
    loaded = load_data(doc.source.location or doc.path, doc.text)
    found = find(loaded) if loaded else Found()
    if not found:
        raise InputError(doc.path, f"no publications or people found in {Path(doc.path).name}")
    assert loaded is not None
    b = GraphBuilder(doc)
    entries: list[Entry] = []
    for m, _ctx in found.publications:
        e = _entry(m)
        if isinstance(e, str):
            b.skip(m.line, e)
        else:
            entries.append(e)
    owner = _owner(doc, found, entries, b)
    owner_id = None
    if owner:
        native = next((a.native for e in entries for a in e.authors if a.marked and a.native), None)
        owner_id = b.person(owner[0], owner[1], native_name=native)
        for topic, line in found.interests:
            b.interest(owner_id, topic, line)
    for e in entries:
        _add_publication(b, e, owner[0] if owner else None)
    lines = doc.lines
    for key, value, rule, line in found.people:
        for item in _people_items(value, line, lines):
            if isinstance(item, tuple):
                b.skip(*item)
                continue
            if owner is None or owner_id is None:
                b.skip(item.line, f"{key}: {item.name!r} of an unnamed owner")
                continue
            kind = item.kind or rule.kind or vocabulary().kind_in(key) or "supervisor"
            if rule.advisees:
                student = b.person(item.name, item.line)
                if kind == "mentor":
                    b.mentored(owner[0], student, item.line, organization=None)
                else:
                    b.advised(owner[0], student, item.line, kind=kind)
            elif kind == "mentor":
                b.mentored(item.name, owner_id, item.line, organization=None)
            else:
                b.advised(item.name, owner_id, item.line, kind=kind)
    _prose_advisors(b, found, lines, owner, owner_id)
    out = b.out
    if loaded.front_matter:
        out = _with_body(doc, loaded, out, owner[0] if owner else None)
    return out


def _prose_advisors(
    b: GraphBuilder,
    found: Found,
    lines: list[str],
    owner: tuple[str, int] | None,
    owner_id: str | None,
) -> None:
    """Advisor statements in the file's prose values (a bio, an about text), about the
    owner, each citing the line its paragraph starts on."""
    vocab = vocabulary()
    for _key, value, key_line in found.prose:
        cursor = key_line
        for text, first in _paragraphs(value):
            flat = plain(text)
            cjk = len(re.findall(r"[\u3400-\u9fff]", flat)) * 2 > len(flat)
            short = len(flat) < (vocab.prose_min_length_cjk if cjk else vocab.prose_min_length)
            if short and not any(w in flat.casefold() for w in vocab.prose_advising):
                continue
            line = _prose_line(lines, first, cursor)
            cursor = line
            for st in advisors.read([(line, text)]):
                if owner is None or owner_id is None:
                    for name in st.names:
                        b.skip(st.line, f"{st.owner_role_word} {name!r} of an unnamed owner")
                    continue
                advisors.add_statement(
                    b, st, owner_id, owner[0], organization=None, advisor=_advisor_of(b, owner_id)
                )


def _prose_line(lines: list[str], piece: str, start: int) -> int:
    """The line at or after ``start`` a prose piece starts on: found by its opening
    words, fewer when a template's substitution (``${…}``) cut them short."""
    head = piece.strip().split("\n", 1)[0]
    for size in (40, 20, 10, 4):
        needle = head[:size].strip()
        if len(needle) < min(size, 4):
            break
        for i in range(max(start - 1, 0), len(lines)):
            if needle in lines[i]:
                return i + 1
    return start


def _advisor_of(b: GraphBuilder, owner_id: str) -> Callable[[Advisor, str | None], None]:
    """The hook ``advisors.add_statement`` records the owner's advisors through."""

    def add(adv: Advisor, organization: str | None) -> None:
        b.advisor(adv, owner_id, organization=organization)

    return add


def _owner(
    doc: Document, found: Found, entries: list[Entry], b: GraphBuilder
) -> tuple[str, int] | None:
    """Who the file is about: --owner, a name the file states, else the author set
    apart most often (reported)."""
    if doc.owner:
        line = next((i for i, ln in enumerate(doc.lines, 1) if doc.owner in ln), 1)
        return doc.owner, line
    if found.owner:
        return found.owner
    stated = Counter(e.owner for e in entries if e.owner)
    for e in entries:
        stated.update(display_name(a.written) for a in e.authors if a.flagged)
    if stated:
        name = stated.most_common(1)[0][0]
        return name, min(
            e.line
            for e in entries
            if e.owner == name or any(display_name(a.written) == name for a in e.authors)
        )
    marked: Counter[str] = Counter()
    first: dict[str, int] = {}
    with_authors = [e for e in entries if e.authors]
    for e in with_authors:
        for a in e.authors:
            if a.marked:
                name = display_name(a.written)
                marked[name] += 1
                first.setdefault(name, e.line)
    if not marked:
        return None
    name, count = marked.most_common(1)[0]
    if count * 2 < len(with_authors):
        return None
    b.warn(
        first[name],
        f"owner not named in the file; taken to be {name!r}, the author set apart "
        f"in {count} of {len(with_authors)} publications",
    )
    return name, first[name]


_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]*$")  # Hugo: authors: [admin, Jane Doe]


def _add_publication(b: GraphBuilder, e: Entry, owner: str | None) -> None:
    written: list[str] = []
    complete = e.complete
    taken = False
    for a in e.authors:
        name = display_name(a.written)
        if _USERNAME.match(a.written):  # the site's user name, not a person's name
            if owner and not taken:
                written.append(owner)
                taken = True
            else:
                complete = False
                b.warn(
                    e.line,
                    f"author {a.written!r} is not a name (a user name or placeholder); "
                    f"left out of {e.work.title!r}",
                )
            continue
        said = e.owner or owner
        if owner and not taken and (a.marked or (said and compatible(name, said))):
            written.append(owner)
            taken = True
        else:
            written.append(a.written)
        if a.native:
            b.person(written[-1], e.line, native_name=a.native)
    b.publication(
        e.work.title, e.line, authors=written, authors_complete=complete, **work_of(e.work)
    )


def _with_body(doc: Document, loaded: Loaded, out: Extraction, owner: str | None) -> Extraction:
    """A page's body read as prose too (front matter blanked, line numbers kept)."""
    lines = doc.text.splitlines()
    body = "\n".join(lines[loaded.body_start :])
    prose = re.sub(r"<!--.*?-->|\{%.*?%\}|\{\{.*?\}\}|<[^>]+>", " ", body, flags=re.DOTALL)
    if not re.search(r"\w{3,}", prose):
        return out
    text = "\n" * loaded.body_start + body
    page = Document(doc.path, text, doc.source, owner=owner or doc.owner)
    extra = freetext.parse_text(page)
    out.records.update(extra.records)
    out.skipped += extra.skipped
    out.warnings += extra.warnings
    out.entries += extra.entries
    return out
