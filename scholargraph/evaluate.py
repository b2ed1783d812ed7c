"""How well the parsers do on real documents: the extraction evaluator.

A corpus (``tests/corpus/{dev,test}``, layout and truth format in
``tests/corpus/TRUTH-FORMAT.md``) holds one folder per document: the files as
published plus a hand-made ``truth.yaml``. Each folder's files are given together
to ``scholargraph.parse.extract``, as a new user would give them (parsed and
identities resolved, no store), and what comes out is compared with the truth:

- **publications**: extracted titles matched one-to-one to the truth's, best first,
  on normalised titles (``normalized_title``) with rapidfuzz ``fuzz.ratio`` of at
  least ``TITLE_THRESHOLD``; recall and precision;
- **author lists**: of the matched papers whose truth lists authors, how many have the
  same ordered list (every position's names ``compatible``);
- **advisors**: truth (advisor, student) edges found among the ADVISED / MENTORED
  relationships, and the extracted edges the truth does not have;
- **owner as one node**: exactly one person with the owner's name carries facts.

``scholargraph eval tests/corpus/dev [--json] [--verbose]`` prints a table per document,
per shape and overall (``--verbose``: what was missed).

>>> normalized_title("Ayo: Towards End-to-End   Optimization (Extended)")
'ayotowardsendtoendoptimizationextended'
>>> normalized_title("Über Café-Graphs — 图 学习!")
'ubercafegraphs图学习'
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from scholargraph.errors import InputError
from scholargraph.ids import fold
from scholargraph.normalize.names import compatible
from scholargraph.pipeline import extract
from scholargraph.records import (
    Advised,
    AffiliatedWith,
    Authored,
    Mentored,
    Person,
    Publication,
    RecordSet,
)

TRUTH = "truth.yaml"
TITLE_THRESHOLD = 90.0  # fuzz.ratio of normalised titles for a publication to match
OTHERS = ("others", "et al", "et al.")  # a truth author list's last element when truncated


class TruthError(ValueError):
    """A truth.yaml that cannot be read as the truth format says."""


# --- the truth ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TruthPublication:
    title: str
    authors: tuple[str, ...] = ()  # as written; may end with "others"
    year: int | None = None
    venue: str | None = None

    @property
    def truncated(self) -> bool:
        """The document says "et al." / "and others" after the named authors."""
        return bool(self.authors) and self.authors[-1].strip().casefold() in OTHERS

    @property
    def named(self) -> tuple[str, ...]:
        return self.authors[:-1] if self.truncated else self.authors


@dataclass(frozen=True)
class AdvisorEdge:
    advisor: str
    student: str
    kind: str | None = None

    def __str__(self) -> str:
        return f"{self.advisor} -> {self.student}" + (f" ({self.kind})" if self.kind else "")


@dataclass(frozen=True)
class Truth:
    id: str
    shape: str
    owner: str
    owner_aliases: tuple[str, ...] = ()
    language: str | None = None
    publications: tuple[TruthPublication, ...] = ()
    advisors: tuple[AdvisorEdge, ...] = ()

    @property
    def owner_names(self) -> tuple[str, ...]:
        return (self.owner, *self.owner_aliases)


def _text(value: Any, what: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise TruthError(f"{what} is missing")
        return None
    if isinstance(value, dict | list):
        raise TruthError(f"{what} should be text, not {type(value).__name__}")
    return " ".join(str(value).split())


def _items(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TruthError(f"{what} should be a list")
    return value


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TruthError(f"{what} should be a mapping")
    return value


def load_truth(path: Path) -> Truth:
    """Read a truth.yaml; a TruthError names what is wrong with it."""
    try:
        data = _mapping(yaml.safe_load(path.read_text(encoding="utf-8")), "truth.yaml")
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TruthError(f"unreadable: {' '.join(str(exc).split())}") from exc
    owner = _text(data.get("owner"), "owner", required=True)
    assert owner is not None
    pubs = []
    for i, raw in enumerate(_items(data.get("publications"), "publications"), start=1):
        entry = _mapping(raw, f"publications[{i}]")
        year = entry.get("year")
        pubs.append(
            TruthPublication(
                title=_text(entry.get("title"), f"publications[{i}].title", required=True) or "",
                authors=tuple(
                    a
                    for a in (
                        _text(x, f"publications[{i}].authors")
                        for x in _items(entry.get("authors"), f"publications[{i}].authors")
                    )
                    if a
                ),
                year=year if isinstance(year, int) else None,
                venue=_text(entry.get("venue"), f"publications[{i}].venue"),
            )
        )
    advisors = []
    for i, raw in enumerate(_items(data.get("advisors"), "advisors"), start=1):
        entry = _mapping(raw, f"advisors[{i}]")
        advisors.append(
            AdvisorEdge(
                advisor=_text(entry.get("advisor"), f"advisors[{i}].advisor", required=True) or "",
                student=_text(entry.get("student"), f"advisors[{i}].student") or owner,
                kind=_text(entry.get("kind"), f"advisors[{i}].kind"),
            )
        )
    aliases = (
        _text(a, "owner_aliases") for a in _items(data.get("owner_aliases"), "owner_aliases")
    )
    return Truth(
        id=_text(data.get("id"), "id") or path.parent.name,
        shape=_text(data.get("shape"), "shape") or "unknown",
        owner=owner,
        owner_aliases=tuple(a for a in aliases if a),
        language=_text(data.get("language"), "language"),
        publications=tuple(pubs),
        advisors=tuple(advisors),
    )


# --- scores ---------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Counts:
    """What is counted per document; documents and shapes add up (micro-averaging)."""

    docs: int = 0
    truth_pubs: int = 0
    extracted_pubs: int = 0
    matched_pubs: int = 0
    author_lists: int = 0  # matched publications whose truth lists authors
    authors_exact: int = 0
    truth_advisors: int = 0
    found_advisors: int = 0
    extracted_advisors: int = 0  # distinct (advisor, student) person pairs
    correct_advisors: int = 0  # extracted pairs that match a truth edge
    owner_one_node: int = 0  # documents whose owner is exactly one person with facts
    refused_files: int = 0  # files the project refused (InputError)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched_pubs, self.truth_pubs)

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched_pubs, self.extracted_pubs)

    @property
    def authors_exact_rate(self) -> float | None:
        return _ratio(self.authors_exact, self.author_lists)

    @property
    def advisor_recall(self) -> float | None:
        return _ratio(self.found_advisors, self.truth_advisors)

    @property
    def advisor_precision(self) -> float | None:
        return _ratio(self.correct_advisors, self.extracted_advisors)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = asdict(self)
        for name in ("recall", "precision", "authors_exact_rate", "advisor_recall"):
            out[name] = getattr(self, name)
        out["advisor_precision"] = self.advisor_precision
        return out


@dataclass
class AuthorCheck:
    """One matched publication's author list: the truth's and the extracted one."""

    title: str
    truth: list[str]
    extracted: list[str]
    truncated: bool  # the records say the extracted list is partial (positions unknown)
    exact: bool


@dataclass
class DocScore:
    id: str
    shape: str
    folder: str
    owner: str
    counts: Counts
    owner_nodes: int  # people compatible with the owner that carry a fact
    files: list[str] = field(default_factory=list)  # given to extract, relative to the folder
    errors: list[str] = field(default_factory=list)  # files refused (InputError), crashes
    missed_publications: list[str] = field(default_factory=list)  # truth titles not found
    extra_publications: list[str] = field(default_factory=list)  # extracted, not in truth
    author_mismatches: list[AuthorCheck] = field(default_factory=list)
    missed_advisors: list[AdvisorEdge] = field(default_factory=list)
    extra_advisors: list[AdvisorEdge] = field(default_factory=list)  # extracted, not in truth

    @property
    def recall(self) -> float | None:
        """matched / truth publications (None when the truth lists none)."""
        return self.counts.recall

    @property
    def precision(self) -> float | None:
        """matched / extracted; with nothing extracted 1.0 if the truth is empty too,
        else None (counted as 0 in the macro figures)."""
        if self.counts.extracted_pubs == 0:
            return 1.0 if self.counts.truth_pubs == 0 else None
        return self.counts.precision

    @property
    def owner_one_node(self) -> bool:
        return self.owner_nodes == 1

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["counts"] = self.counts.as_dict()
        out["recall"], out["precision"] = self.recall, self.precision
        out["owner_one_node"] = self.owner_one_node
        return out


@dataclass
class Pooled:
    """Documents added up: micro figures from the summed ``counts``, and macro
    means of the per-document publication figures (a None precision counts as 0)."""

    counts: Counts
    macro_recall: float | None
    macro_precision: float | None

    @classmethod
    def of(cls, docs: Sequence[DocScore]) -> Pooled:
        counts = sum((d.counts for d in docs), Counts())
        recalls = [d.recall for d in docs if d.recall is not None]
        precisions = [d.precision or 0.0 for d in docs]
        return cls(
            counts,
            sum(recalls) / len(recalls) if recalls else None,
            sum(precisions) / len(precisions) if precisions else None,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts.as_dict(),
            "macro_recall": self.macro_recall,
            "macro_precision": self.macro_precision,
        }


@dataclass
class CorpusReport:
    corpus: str
    documents: list[DocScore]
    shapes: dict[str, Pooled]
    overall: Pooled
    notes: list[str] = field(default_factory=list)  # folders skipped, and why

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "documents": [d.as_dict() for d in self.documents],
            "shapes": {k: v.as_dict() for k, v in self.shapes.items()},
            "overall": self.overall.as_dict(),
            "notes": self.notes,
        }


# --- comparing ------------------------------------------------------------------------------


def normalized_title(title: str) -> str:
    """Case folded, accents folded, punctuation and whitespace removed (CJK kept)."""
    return "".join(c for c in fold(title) if c.isalnum())


def match_titles(truth: Sequence[str], extracted: Sequence[str]) -> list[tuple[int, int]]:
    """(truth index, extracted index) pairs: one-to-one, greedily best first, each
    with ``fuzz.ratio`` of the normalised titles at least ``TITLE_THRESHOLD``.

    >>> match_titles(["Graph Queries", "Other Paper"], ["Other paper.", "graph queries!"])
    [(0, 1), (1, 0)]
    """
    a, b = [normalized_title(t) for t in truth], [normalized_title(t) for t in extracted]
    candidates = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x and y:
                score = fuzz.ratio(x, y, score_cutoff=TITLE_THRESHOLD)
                if score:
                    candidates.append((-score, i, j))
    pairs, used_a, used_b = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def person_names(person: Person) -> list[str]:
    """Every name a person record goes by."""
    return [person.name, *person.aliases, *([person.native_name] if person.native_name else [])]


_VANCOUVER = re.compile(r"^(?P<family>[^\s,]+(?: [^\s,]+)*) (?P<initials>[A-Z]{1,3})$")


def readings(written: str) -> list[str]:
    """A truth name as written, and, when it has the Vancouver shape ``Surname AB``
    (which the name matcher cannot tell from a two-letter family name), also as
    ``A. B. Surname``.

    >>> readings("Shypula A"), readings("Katabuchi MT"), readings("Bo Li")
    (['Shypula A', 'A. Shypula'], ['Katabuchi MT', 'M. T. Katabuchi'], ['Bo Li'])
    """
    m = _VANCOUVER.match(written.strip())
    if not m:
        return [written]
    initials = " ".join(f"{c}." for c in m.group("initials"))
    return [written, f"{initials} {m.group('family')}"]


def is_compatible(person: Person, written: Iterable[str]) -> bool:
    """Any of the person's names could be any of the written ones (in any reading)."""
    names = person_names(person)
    return any(compatible(r, n) for w in written for r in readings(w) for n in names)


def author_list(records: RecordSet, publication_id: str) -> tuple[list[Person], bool]:
    """The publication's authors in order, and whether the list is partial (some
    AUTHORED relationship has no position: the source said "et al.")."""
    people = records.of(Person)
    rels = [
        r
        for r in records.of(Authored).values()
        if r.to_id == publication_id and r.from_id in people
    ]
    ordered = sorted((r for r in rels if r.position is not None), key=lambda r: r.position or 0)
    partial = [r for r in rels if r.position is None]
    return [people[r.from_id] for r in [*ordered, *partial]], bool(partial)


def check_authors(truth: TruthPublication, authors: list[Person], truncated: bool) -> bool:
    """Same length and every position compatible; when the truth ends with "others",
    a list the records mark partial must hold exactly the named authors, and a
    complete one must start with them."""
    named = truth.named
    if truth.truncated and not truncated:
        if len(authors) < len(named):
            return False
        authors = authors[: len(named)]
    return len(authors) == len(named) and all(
        is_compatible(p, [t]) for p, t in zip(authors, named, strict=True)
    )


def student_names(truth: Truth, edge: AdvisorEdge) -> tuple[str, ...]:
    """The names the edge's student goes by: all the owner's when the student is the owner."""
    if edge.student in truth.owner_names or any(
        compatible(edge.student, n) for n in truth.owner_names
    ):
        return truth.owner_names
    return (edge.student,)


def owner_nodes(records: RecordSet, truth: Truth) -> int:
    """People compatible with the owner (any name either side) that carry a fact:
    an authored paper, an affiliation, an advisor or mentor, or students or mentees
    (a professor's page is about whom they advise)."""
    with_facts = {r.from_id for r in records.rels[Authored].values()}
    with_facts |= {r.from_id for r in records.rels[AffiliatedWith].values()}
    for rel_type in (Advised, Mentored):
        with_facts |= {end for r in records.rels[rel_type].values() for end in (r.from_id, r.to_id)}
    people = records.of(Person)
    return sum(
        1 for pid in with_facts if pid in people and is_compatible(people[pid], truth.owner_names)
    )


def score(
    truth: Truth,
    records: RecordSet,
    *,
    folder: str = "",
    files: Sequence[str] = (),
    errors: Sequence[str] = (),
) -> DocScore:
    """Compare extracted records with a document's truth."""
    pubs = list(records.of(Publication).values())
    pairs = match_titles([t.title for t in truth.publications], [p.title for p in pubs])
    counts = Counts(
        docs=1,
        truth_pubs=len(truth.publications),
        extracted_pubs=len(pubs),
        matched_pubs=len(pairs),
        refused_files=len(errors),
    )
    matched_truth, matched_pubs = {i for i, _ in pairs}, {j for _, j in pairs}
    doc = DocScore(
        id=truth.id,
        shape=truth.shape,
        folder=folder,
        owner=truth.owner,
        counts=counts,
        owner_nodes=owner_nodes(records, truth),
        files=list(files),
        errors=list(errors),
        missed_publications=[
            t.title for i, t in enumerate(truth.publications) if i not in matched_truth
        ],
        extra_publications=[p.title for j, p in enumerate(pubs) if j not in matched_pubs],
    )
    for i, j in pairs:
        t = truth.publications[i]
        if not t.authors:
            continue
        authors, truncated = author_list(records, pubs[j].id)
        exact = check_authors(t, authors, truncated)
        counts.author_lists += 1
        counts.authors_exact += exact
        if not exact:
            doc.author_mismatches.append(
                AuthorCheck(t.title, list(t.authors), [p.name for p in authors], truncated, exact)
            )
    _score_advisors(truth, records, doc)
    counts.owner_one_node = int(doc.owner_one_node)
    return doc


def _score_advisors(truth: Truth, records: RecordSet, doc: DocScore) -> None:
    people = records.of(Person)
    pairs = {
        (r.from_id, r.to_id)
        for rel_type in (Advised, Mentored)
        for r in records.rels[rel_type].values()
        if r.from_id in people and r.to_id in people
    }

    def fits(pair: tuple[str, str], edge: AdvisorEdge) -> bool:
        advisor, student = people[pair[0]], people[pair[1]]
        return is_compatible(advisor, [edge.advisor]) and is_compatible(
            student, student_names(truth, edge)
        )

    doc.counts.truth_advisors = len(truth.advisors)
    doc.counts.extracted_advisors = len(pairs)
    for edge in truth.advisors:
        if any(fits(pair, edge) for pair in pairs):
            doc.counts.found_advisors += 1
        else:
            doc.missed_advisors.append(edge)
    for pair in sorted(pairs):
        if any(fits(pair, edge) for edge in truth.advisors):
            doc.counts.correct_advisors += 1
        else:
            doc.extra_advisors.append(AdvisorEdge(people[pair[0]].name, people[pair[1]].name))


# --- running --------------------------------------------------------------------------------


SOURCE = "built-from"  # what a document was built from (a PDF's LaTeX): never read


def document_files(folder: Path) -> list[Path]:
    """Every file under the folder but its truth.yaml and its ``built-from/`` folder (the
    text a built document, e.g. a PDF CV, was made from: see tools/build-corpus-pdfs),
    in a stable order."""
    truth = folder / TRUTH
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p != truth and p.relative_to(folder).parts[0] != SOURCE
    )


def run_extraction(folder: Path, files: Sequence[Path]) -> tuple[RecordSet, list[str]]:
    """The project's own extraction over the files as one site (a copy of the folder
    without its truth, given as a directory, as ``scholargraph ingest DIR`` would read
    a homepage repository), and the files it refused (each counts as extracting
    nothing)."""
    with tempfile.TemporaryDirectory(prefix="scholargraph-eval-") as tmp:
        site = Path(tmp) / folder.name
        for f in files:
            (site / f.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, site / f.relative_to(folder))
        try:
            result = extract([site])
        except InputError as exc:  # e.g. nothing in the folder that could be read
            return RecordSet(), [exc.one_line()]
        return result.records, [e.one_line().replace(tmp + "/", "") for e in result.errors]


def _evaluate_folder(folder: Path, *, contain_crashes: bool) -> DocScore:
    truth = load_truth(folder / TRUTH)
    files = document_files(folder)
    try:
        records, errors = run_extraction(folder, files)
    except Exception as exc:
        if not contain_crashes:
            raise
        records, errors = RecordSet(), [f"extraction crashed: {type(exc).__name__}: {exc}"]
    return score(
        truth,
        records,
        folder=folder.as_posix(),
        files=[f.relative_to(folder).as_posix() for f in files],
        errors=errors,
    )


def evaluate_document(folder: Path) -> DocScore:
    """Extract everything in a document folder (except truth.yaml) as a new user
    would, and score it against the folder's truth.yaml."""
    return _evaluate_folder(folder, contain_crashes=False)


def document_folders(corpus: Path, notes: list[str]) -> list[Path]:
    """Folders holding a truth.yaml, at any depth (``corpus`` itself, its documents,
    or ``dev/``/``test/`` above them); a folder with files but no truth.yaml and no
    document below it is a document being written: skipped, with a note."""
    if (corpus / TRUTH).is_file():
        return [corpus]
    out: list[Path] = []
    for child in sorted(p for p in corpus.iterdir() if p.is_dir()):
        if (child / TRUTH).is_file():
            out.append(child)
        elif any(child.rglob(TRUTH)):
            out += document_folders(child, notes)
        elif any(p.is_file() for p in child.rglob("*")):
            notes.append(f"{child.as_posix()}: no {TRUTH} yet, skipped")
    return out


def evaluate(corpus: Path) -> CorpusReport:
    """Every document folder under ``corpus``, scored, pooled per shape and overall.
    A document whose truth is unreadable is skipped with a note; one whose
    extraction crashes scores as extracting nothing, with the crash in its errors."""
    notes: list[str] = []
    docs = []
    for folder in document_folders(corpus, notes):
        try:
            docs.append(_evaluate_folder(folder, contain_crashes=True))
        except TruthError as exc:
            notes.append(f"{(folder / TRUTH).as_posix()}: {exc}, skipped")
    by_shape: dict[str, list[DocScore]] = defaultdict(list)
    for d in docs:
        by_shape[d.shape].append(d)
    return CorpusReport(
        corpus=corpus.as_posix(),
        documents=docs,
        shapes={shape: Pooled.of(ds) for shape, ds in sorted(by_shape.items())},
        overall=Pooled.of(docs),
        notes=notes,
    )


# --- output ---------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], *, left: int = 1) -> list[str]:
    """Columns padded to their widest cell: the first ``left`` aligned left, the others right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def row(cells: Sequence[str]) -> str:
        padded = (
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    return [row(header), "  ".join("-" * w for w in widths), *(row(r) for r in rows)]


def _counts_cells(c: Counts) -> list[str]:
    return [
        f"{c.matched_pubs}/{c.truth_pubs}/{c.extracted_pubs}",
        _pct(c.recall),
        _pct(c.precision),
        f"{c.authors_exact}/{c.author_lists}",
        f"{c.found_advisors}/{c.truth_advisors}",
        f"{c.correct_advisors}/{c.extracted_advisors}",
    ]


_COLUMNS = ["pubs m/t/x", "recall", "precision", "authors exact", "adv found/t", "adv ok/x"]


def format_report(report: CorpusReport, *, verbose: bool = False) -> str:
    """The report as plain text tables: per document, per shape, overall (m/t/x:
    matched / in truth / extracted; ok/x: extracted advisor edges in the truth / all)."""
    doc_rows = [
        [
            d.id,
            d.shape,
            *_counts_cells(d.counts),
            f"{d.owner_nodes}{'' if d.owner_one_node else ' !'}",
            str(d.counts.refused_files),
        ]
        for d in report.documents
    ]
    lines = [f"corpus: {report.corpus}", ""]
    lines += _table(["document", "shape", *_COLUMNS, "owner nodes", "refused"], doc_rows, left=2)
    pooled_rows = [
        [
            name,
            str(p.counts.docs),
            *_counts_cells(p.counts),
            _pct(p.macro_recall),
            _pct(p.macro_precision),
            f"{p.counts.owner_one_node}/{p.counts.docs}",
            str(p.counts.refused_files),
        ]
        for name, p in [*report.shapes.items(), ("OVERALL", report.overall)]
    ]
    header = ["shape", "docs", *_COLUMNS, "macro R", "macro P", "owner 1 node", "refused"]
    lines += ["", *_table(header, pooled_rows)]
    if verbose:
        for d in report.documents:
            lines += ["", *_misses(d)]
    if report.notes:
        lines += ["", "notes:", *(f"  {n}" for n in report.notes)]
    return "\n".join(lines)


def _misses(d: DocScore) -> list[str]:
    out = [f"== {d.id} ({d.folder}; owner {d.owner}: {d.owner_nodes} node(s) with facts)"]
    out += [f"  refused: {e}" for e in d.errors]
    out += [f"  missed publication: {t}" for t in d.missed_publications]
    out += [f"  extra publication: {t}" for t in d.extra_publications]
    for a in d.author_mismatches:
        partial = " (partial)" if a.truncated else ""
        out.append(f"  authors differ: {a.title}")
        out.append(f"      truth:     {', '.join(a.truth)}")
        out.append(f"      extracted: {', '.join(a.extracted)}{partial}")
    out += [f"  missed advisor edge: {e}" for e in d.missed_advisors]
    out += [f"  extra advisor edge: {e}" for e in d.extra_advisors]
    return out
