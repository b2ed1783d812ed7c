"""A learned citation reader: a linear-chain CRF labels the tokens of one citation.

The rule-based reader (``citations.parse_citation``) knows the shapes someone wrote a
rule for; this one was trained on citations rendered through many CSL styles and
decorated the way homepages decorate them (see ``citetrain``, ``tools/train-citations``),
so shapes nobody wrote a rule for still split into authors, title, venue and date.

Tokens keep where they stand in the text and which markup they sit in (bold, italic,
link, quotes, brackets), so a field comes back as a slice of the original text with
its emphasis: ``parse_authors`` then sees who is set in bold.

>>> [t.text for t in tokenize("**Ann Lee**, B. Chen. *Fast Things*. In [ICML'26](#).")]
['Ann', 'Lee', ',', 'B.', 'Chen', '.', 'Fast', 'Things', '.', 'In', "ICML'26", '.']
>>> [sorted(t.cues) for t in tokenize("**Ann** *Fast* “Q”")]
[['bold'], ['italic'], [], ['quoted'], []]
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from scholargraph.normalize.names import pinyin_syllables
from scholargraph.normalize.venues import KNOWN, normalize_venue, year_in
from scholargraph.parse.citations import Citation, Mention, parse_authors, words
from scholargraph.parse.markup import plain

LABELS = ("AUTHOR", "TITLE", "VENUE", "DATE", "PAGES", "NOTE", "O")
MODEL_FILE = "citemodel.crfsuite"

# --- tokens ---------------------------------------------------------------------

_CUE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bold", re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.S)),
    ("bold", re.compile(r"<(?:b|strong)\b[^>]*>(.+?)</(?:b|strong)>", re.S | re.I)),
    ("underline", re.compile(r"<u\b[^>]*>(.+?)</u>", re.S | re.I)),
    ("italic", re.compile(r"<(?:i|em)\b[^>]*>(.+?)</(?:i|em)>", re.S | re.I)),
    ("link", re.compile(r"<a\b[^>]*>(.+?)</a>", re.S | re.I)),
    ("link", re.compile(r"(?<!!)\[([^\[\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")),
    ("code", re.compile(r"`([^`]+)`")),
)
_ITALIC = re.compile(
    r"(?<![*\w])\*(?!\*)([^*\n]+?)\*(?![*\w])|(?<![_\w])_(?!_)([^_\n]+?)_(?![_\w])"
)
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]|\u2018([^\u2018\u2019]+)\u2019|《([^》]+)》")
_BREAK = re.compile(r"<br\s*/?>|\n|\|", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_TOKEN = re.compile(
    r"https?://\S+|www\.\S+|\b10\.\d{4,}/\S+"
    r"|[\u3400-\u9fff\uf900-\ufaff]+"
    r"|[A-Z]\.(?:-?[A-Z]\.)*"
    r"|\d+[a-z]*"
    r"|[^\W\d_][\w'’]*(?:-[\w'’]+)*"
    r"|[^\w\s]"
)


@dataclass
class Token:
    text: str
    start: int
    end: int
    cues: frozenset[str] = frozenset()
    after_break: bool = False


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def tokenize(text: str) -> list[Token]:
    """The words, numbers and punctuation of ``text`` (HTML entities decoded first:
    offsets are into ``html.unescape(text)``) with the markup each sits in; the
    markup itself (``**``, ``<b>``, ``[..](url)``) gives no token."""
    text = html.unescape(text)
    chars = list(text)
    spans: list[tuple[str, int, int]] = []
    for m in _IMAGE.finditer(text):
        _blank(chars, m.start(), m.end())
    for cue, pattern in _CUE_PATTERNS:
        for m in pattern.finditer(text):
            g = next(i for i in range(1, len(m.groups()) + 1) if m.group(i) is not None)
            spans.append((cue, m.start(g), m.end(g)))
            _blank(chars, m.start(), m.start(g))
            _blank(chars, m.end(g), m.end())
    masked = "".join(chars)
    for m in _ITALIC.finditer(masked.replace("**", "\0\0")):
        g = 1 if m.group(1) is not None else 2
        spans.append(("italic", m.start(g), m.end(g)))
        _blank(chars, m.start(), m.start(g))
        _blank(chars, m.end(g), m.end())
    masked = "".join(chars)
    for m in _QUOTED.finditer(masked):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        spans.append(("quoted", m.start(g), m.end(g)))
    breaks = [m.start() for m in _BREAK.finditer(masked)]
    for m in _TAGS.finditer(masked):
        _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    tokens: list[Token] = []
    depth = {"(": 0, "[": 0}
    closing = {")": "(", "]": "[", "）": "(", "】": "["}
    last_end = 0
    bi = 0
    for m in _TOKEN.finditer(masked):
        s, e = m.start(), m.end()
        if m.group(0) == "|":
            continue
        cues = {cue for cue, a, b in spans if a <= s and e <= b}
        if depth["("] > 0:
            cues.add("parens")
        if depth["["] > 0:
            cues.add("brackets")
        broke = False
        while bi < len(breaks) and breaks[bi] < s:
            broke = broke or breaks[bi] >= last_end
            bi += 1
        tok = m.group(0)
        if tok in ("(", "（"):
            depth["("] += 1
        elif tok in ("[", "【"):
            depth["["] += 1
        elif tok in closing:
            depth[closing[tok]] = max(0, depth[closing[tok]] - 1)
        tokens.append(Token(tok, s, e, frozenset(cues), broke))
        last_end = e
    return tokens


# --- features -------------------------------------------------------------------

_VENUE_WORDS = frozenset(
    str.split(
        """proceedings proc conference conf symposium journal transactions trans workshop
    international annual acm ieee usenix siam springer elsevier letters review reviews
    advances arxiv preprint corr biorxiv medrxiv techrxiv ssrn findings companion
    lecture notes volume vol association society science nature communications
    computing systems intelligence learning research"""
    )
)
_NOTE_WORDS = frozenset(
    str.split(
        """pdf code slides video poster talk website project bib bibtex html abs artifact
    github demo oral spotlight best award paper dataset blog equal contribution
    corresponding author authors ccf core nominee highlight selected"""
    )
)
_STOP = frozenset(str.split("a an the of for in on with and to via from by at towards toward"))
_MONTHS = frozenset(
    str.split(
        "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april "
        "june july august september october november december"
    )
)


@cache
def _acronyms() -> frozenset[str]:
    from scholargraph.normalize.samples import venues

    shorts = {short.lower() for _, short in KNOWN}
    extra = """mlsys eurosys atc sigcomm vldb kdd www cvpr acl naacl emnlp icml iclr neurips nips
    aaai ijcai sosp osdi nsdi asplos isca micro hpca sc ppopp socc fast infocom mobicom
    sigir cikm wsdm icde sigmod pods chi uist tpami tkde tpds jmlr tog siggraph eccv iccv
    icra iros rss colm coling interspeech icassp tacl tmlr ton tocs jsac"""
    return frozenset(shorts | {v.lower() for v in venues()} | set(str.split(extra)))


def _shape(word: str) -> str:
    out = re.sub(r"[A-Z]", "X", word)
    out = re.sub(r"[a-z]", "x", out)
    out = re.sub(r"\d", "d", out)
    out = re.sub(r"[\u3400-\u9fff\uf900-\ufaff]", "C", out)
    return re.sub(r"(.)\1+", r"\1\1", out)


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[tuple[str, str | float], ...]:
    low = word.lower()
    f: list[tuple[str, str | float]] = [("w", low), ("shape", _shape(word))]
    if len(word) > 3:
        f.append(("suf3", low[-3:]))
    if word[0].isalpha() and not word[0].isascii() and re.match(r"[\u3400-\u9fff]", word):
        f.append(("cjk", "1"))
        f.append(("cjklen", str(min(len(word), 6))))
    elif word.isalpha():
        if word[0].isupper():
            f.append(("cap", "1"))
        if word.isupper() and len(word) > 1:
            f.append(("upper", "1"))
        if low in _STOP:
            f.append(("stop", "1"))
        if pinyin_syllables(word) is not None and word[0].isupper():
            f.append(("pinyin", "1"))
    if re.fullmatch(r"[A-Z]\.(?:-?[A-Z]\.)*|[A-Z]{1,2}", word):
        f.append(("initial", "1"))
    if re.fullmatch(r"(?:19|20)\d\d[a-z]?", word):
        f.append(("year", "1"))
    elif word.isdigit():
        f.append(("num", str(min(len(word), 5))))
    if low in _VENUE_WORDS:
        f.append(("venueword", "1"))
    if low in _acronyms():
        f.append(("venue", "1"))
    if low in _NOTE_WORDS:
        f.append(("noteword", "1"))
    if low in _MONTHS:
        f.append(("month", "1"))
    if re.match(r"https?://|www\.|10\.\d", low):
        f.append(("url", "1"))
    if not word[0].isalnum():
        f.append(("punct", word))
    return tuple(f)


def _token_features(tokens: Sequence[Token]) -> list[dict[str, Any]]:
    n = len(tokens)
    base: list[dict[str, Any]] = []
    dots = commas = 0
    seen_year = False
    for i, t in enumerate(tokens):
        f: dict[str, Any] = {"bias": 1.0}
        for k, v in _word_features(t.text):
            f[k] = v
        for cue in t.cues:
            f["in_" + cue] = 1.0
        if t.after_break:
            f["after_break"] = 1.0
        f["pos"] = str(min(9, 10 * i // max(n, 1)))
        f["dots"] = str(min(dots, 4))
        f["commas"] = str(min(commas, 6))
        f["seen_year"] = "1" if seen_year else "0"
        if i == 0:
            f["first"] = 1.0
        if i == n - 1:
            f["last"] = 1.0
        if i and t.start > tokens[i - 1].end:
            f["space_before"] = 1.0
        base.append(f)
        if t.text in (".", "。"):
            dots += 1
        elif t.text in (",", "，", "、", ";"):
            commas += 1
        if "year" in f:
            seen_year = True
    out: list[dict[str, Any]] = []
    keep = ("w", "shape", "punct", "cap", "initial", "year", "venue", "pinyin", "cjk", "noteword")
    cue_keys = ("in_bold", "in_italic", "in_link", "in_quoted", "in_brackets", "in_parens")
    for i, f in enumerate(base):
        g = dict(f)
        for off in (-2, -1, 1, 2):
            j = i + off
            if not 0 <= j < n:
                g[f"{off}:edge"] = 1.0
                continue
            for k in keep:
                if k in base[j]:
                    g[f"{off}:{k}"] = base[j][k]
            if abs(off) == 1:
                for k in cue_keys:
                    if k in base[j]:
                        g[f"{off}:{k}"] = 1.0
        if i + 1 < n:
            g["w+1pair"] = f"{f['w']}|{base[i + 1]['w']}"
        if i > 0:
            g["w-1pair"] = f"{base[i - 1]['w']}|{f['w']}"
        out.append(g)
    return out


def features(text: str) -> tuple[list[Token], list[dict[str, Any]]]:
    tokens = tokenize(text)
    return tokens, _token_features(tokens)


# --- the model ------------------------------------------------------------------


def model_path() -> Path:
    return Path(str(resources.files("scholargraph.parse").joinpath(MODEL_FILE)))


@cache
def _tagger(path: str | None = None) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path or str(model_path()))
    return tagger


def available() -> bool:
    """Whether the shipped model file is there."""
    return model_path().is_file()


def label(citation_text: str, *, model: str | Path | None = None) -> list[tuple[str, str, float]]:
    """(token, label, marginal probability of that label) for every token."""
    return [(t.text, lab, p) for t, lab, p in _label(citation_text, model)]


def _label(text: str, model: str | Path | None) -> list[tuple[Token, str, float]]:
    tokens, feats = features(text)
    if not tokens:
        return []
    tagger = _tagger(str(model) if model else None)
    tags: list[str] = tagger.tag(feats)
    return [
        (t, y, tagger.marginal(y, i)) for i, (t, y) in enumerate(zip(tokens, tags, strict=True))
    ]


def train(
    examples: Iterable[tuple[str, Sequence[str]]],
    path: str | Path,
    *,
    c1: float = 0.1,
    c2: float = 0.01,
    max_iterations: int = 100,
) -> None:
    """Fit the CRF on (citation text, one label per token of ``tokenize(text)``)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, labels in examples:
        tokens, feats = features(text)
        assert len(tokens) == len(labels), text
        trainer.append(feats, list(labels))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    trainer.train(str(path))
    _tagger.cache_clear()


# --- from labels to fields ------------------------------------------------------


@dataclass
class ParsedCitation:
    authors: list[Mention] = field(default_factory=list)
    title: str | None = None
    venue: str | None = None
    year: int | None = None
    confidence: float = 0.0
    authors_complete: bool = True
    venue_full: str | None = None


_EDGE = re.compile(r"^[\s*_`~]+|[\s*_`~]+$")
_TAG_EDGE = re.compile(
    r"^(?:\s*</?(?:b|strong|u|i|em|a)\b[^>]*>)+|(?:</?(?:b|strong|u|i|em|a)\b[^>]*>\s*)+$"
)


def _runs(labelled: list[tuple[Token, str, float]], want: str) -> list[list[int]]:
    """Index runs of tokens labelled ``want``, a run going on over O punctuation."""
    runs: list[list[int]] = []
    current: list[int] = []
    gap = 0
    for i, (t, lab, _) in enumerate(labelled):
        if lab == want:
            current.append(i)
            gap = 0
        elif current and lab == "O" and not t.text[0].isalnum() and gap < 1:
            gap += 1
        elif current:
            runs.append(current)
            current, gap = [], 0
    if current:
        runs.append(current)
    return runs


def _slice(text: str, labelled: list[tuple[Token, str, float]], run: list[int]) -> str:
    """The original text of a run, with the emphasis markers around its edges kept."""
    start, end = labelled[run[0]][0].start, labelled[run[-1]][0].end
    while start > 0 and text[start - 1] in "*_<>/bu[":
        if text[start - 1] == "[" and start >= 2 and text[start - 2] not in " ,;":
            break
        start -= 1
        if text[start] == ">":
            start = text.rfind("<", 0, start)
    while end < len(text) and text[end] in "*_<":
        if text[end] == "<":
            close = text.find(">", end)
            if close < 0 or not re.match(r"</?(?:b|strong|u)\b", text[end:]):
                break
            end = close + 1
        else:
            end += 1
    return text[max(0, start) : end]


_PROCEEDINGS = re.compile(
    r"^(?:in:?\s+)?(?:(?:proceedings|proc\.?)\s+(?:of\s+)?(?:the\s+)?)?(?=\S+$)", re.I
)
_BARE_INITIALS = re.compile(r"\b([^\W\d_][\w'’-]+) ([A-Z]{1,3})\b(?![.\w])")


def _dotted_initials(text: str) -> str:
    """``Tanaka ML`` (Vancouver) -> ``M. L. Tanaka``, a form ``parse_authors`` reads."""
    return _BARE_INITIALS.sub(lambda m: f"{'. '.join(m.group(2))}. {m.group(1)}", text)


def parse(citation_text: str, *, model: str | Path | None = None) -> ParsedCitation:
    """Authors, title, venue and year by the model; ``confidence`` is the lowest mean
    marginal over the fields found (title and authors always count: a field missing
    counts as 0)."""
    text = html.unescape(citation_text)
    labelled = _label(text, model)
    out = ParsedCitation()
    if not labelled:
        return out
    scores: list[float] = []

    def best(want: str) -> list[int] | None:
        runs = _runs(labelled, want)
        if not runs:
            return None
        run = max(runs, key=len)
        scores.append(sum(labelled[i][2] for i in run) / len(run))
        return run

    if run := best("TITLE"):
        title = plain(_slice(text, labelled, run)).strip(" .,;:“”\"'([")
        out.title = title or None
    else:
        scores.append(0.0)
    if run := best("AUTHOR"):
        written = _slice(text, labelled, run)
        parsed = parse_authors(_dotted_initials(written.strip(" ,;")))
        if parsed:
            out.authors, out.authors_complete = parsed
        else:
            scores[-1] = min(scores[-1], 0.3)
    else:
        scores.append(0.0)
    if runs := _runs(labelled, "VENUE"):
        run = runs[0]
        scores.append(sum(labelled[i][2] for i in run) / len(run))
        written = plain(_slice(text, labelled, run)).strip(" .,;:()[]")
        written = _PROCEEDINGS.sub("", written) or written
        if written:
            short, vyear = normalize_venue(written)
            short = re.sub(r"[\s'’,]*(?:19|20)?\d\d$", "", short).strip() or short
            out.venue = short
            out.venue_full = written if written != short else None
            out.year = vyear
    dates = [i for i, (_, lab, _) in enumerate(labelled) if lab == "DATE"]
    for i in dates:
        if y := year_in(labelled[i][0].text):
            out.year = y
            break
        if re.fullmatch(r"\d\d", labelled[i][0].text) and i and labelled[i - 1][0].text in "'’":
            out.year = 2000 + int(labelled[i][0].text)
            break
    out.confidence = min(scores) if scores else 0.0
    return out


# --- standing in for the rules ----------------------------------------------------

CONFIDENT = 0.8


def unsure(citation: Citation | None) -> bool:
    """Whether the rule-based reading needs a second opinion: no citation, no title
    of two words, or no author list."""
    return citation is None or words(citation.title) < 2 or not citation.authors


def second_opinion(
    lines: Sequence[str], citation: Citation | None, *, default_status: str = "published"
) -> tuple[Citation | None, ParsedCitation | None]:
    """(the citation to use, the model's low-confidence reading to review or None).
    The model's reading replaces the rules' only when they are unsure and it is
    confident; it never replaces a reading that has authors and a title."""
    if not unsure(citation) or not available():
        return citation, None
    got = parse("\n".join(x.strip() for x in lines if x.strip()))
    if not got.title or not got.authors or words(got.title) < 2:
        return citation, None
    if got.confidence < CONFIDENT:
        return citation, got
    status = default_status
    if got.venue == "arXiv" or re.search(r"\b(?:arxiv|preprint)\b", " ".join(lines), re.I):
        status = "preprint"
    return (
        Citation(
            title=got.title,
            authors=got.authors,
            authors_complete=got.authors_complete,
            venue=got.venue,
            venue_full=got.venue_full,
            year=got.year,
            status=status,
        ),
        None,
    )


def review_note(got: ParsedCitation) -> str:
    """A warning that keeps a low-confidence reading for review."""
    names = ", ".join(m.name for m in got.authors) or "?"
    return (
        f"citation not read by the rules; the model's reading (confidence "
        f"{got.confidence:.2f}) was not used: {got.title!r} by {names}"
        f"{f', {got.venue}' if got.venue else ''}{f', {got.year}' if got.year else ''}"
    )
