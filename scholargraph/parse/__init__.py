"""The parse stage: one document in, its records with provenance out.

Each input format is a plain function ``Document -> Extraction``; ``detect_kind``
chooses one from the file name and a look at its text. ``read_files`` reads many,
a folder as one site with one owner (see ``site``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from scholargraph.errors import InputError
from scholargraph.parse import bibtex, datafile, freetext, profile, resume, site
from scholargraph.parse.builder import Extraction, Note
from scholargraph.parse.cache import ParseCache
from scholargraph.parse.documents import Document, read_bytes, read_document
from scholargraph.records import RecordSet

PARSERS: dict[str, Callable[[Document], Extraction]] = {
    profile.FORMAT: profile.parse_profile,
    profile.ENRICHMENT: profile.parse_profile,
    bibtex.FORMAT: bibtex.parse_bibtex,
    freetext.FORMAT: freetext.parse_text,
    resume.ALFOLIO: resume.parse_alfolio,
    resume.JSONRESUME: resume.parse_jsonresume,
    datafile.FORMAT: datafile.parse_datafile,
}
SUPPORTED = (
    "scholargraph profile YAML (see README), BibTeX (.bib), CV or web page text (.txt, .md), "
    "al-folio cv.yml, JSON Resume (.json, .jsonc), publication and people lists in data files "
    "(.yml, .json, .toml, .js) and in page front matter (.md, .html)"
)


def detect_kind(path: str, text: str) -> str:
    """The input format of a file, or an InputError saying which are supported."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":  # its text layer, read by ``pdftext`` as the text reader's lines
        return freetext.FORMAT
    if suffix in (".yaml", ".yml") and "\nperson:" in f"\n{text}":
        return profile.ENRICHMENT if "\nenrichment:" in f"\n{text}" else profile.FORMAT
    if suffix in (".yaml", ".yml") and resume.looks_like_alfolio(text):
        return resume.ALFOLIO
    if suffix in (".json", ".jsonc") and resume.looks_like_jsonresume(text):
        return resume.JSONRESUME
    if suffix in datafile.DATA_SUFFIXES:
        if datafile.recognises(path, text):
            return datafile.FORMAT
        raise InputError(path, f"no publications or people found in {Path(path).name}")
    if suffix in datafile.PAGE_SUFFIXES and datafile.recognises(path, text):
        return datafile.FORMAT
    page = suffix in (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".tex")
    # a page quoting a BibTeX entry ("Cite: @misc{…}") is a page; only one that opens
    # with an entry (after comments) is a bibliography
    entry = re.match(r"(?:\s*%[^\n]*\n)*\s*@\w+\s*\{", text) if page else None
    if (
        suffix in (".bib", ".bibtex")
        or entry
        or (not page and re.search(r"^\s*@\w+\s*\{", text, re.MULTILINE))
    ):
        return bibtex.FORMAT
    if page:
        return freetext.FORMAT
    raise InputError(path, "unrecognised input format", hint=f"supported: {SUPPORTED}")


@dataclass
class FileResult:
    path: str
    kind: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    entries: int = 0
    skipped: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    error: InputError | None = None


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """All paths as given, a folder replaced by its site's files (see ``site``),
    failing on the first that does not exist (before anything is parsed or written);
    a broken link or a folder with nothing to read stays, to fail alone when read."""
    return [p for p, _ in _with_sites(paths)]


def _with_sites(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """Each file with the folder (site) it was found in, or None when given itself."""
    out: list[tuple[Path, Path | None]] = []
    for p in map(Path, paths):
        if not p.exists() and not p.is_symlink():
            raise InputError(p.as_posix(), "no such file")
        if p.is_dir():
            out += [(f, p) for f in site.site_files(p)] or [(p, None)]
        else:
            out.append((p, None))
    return out


def extract_file(
    path: str | Path, *, owner: str | None = None, shown: str | None = None
) -> Extraction:
    """Parse one file. ``owner``: whom a CV or web page is about, for pages that
    never say (used by the text format; structured formats name their owner);
    ``shown``: what provenance calls the file (the URL a fetched page came from)."""
    doc = read_document(path, detect_kind, owner=owner, shown=shown)
    return PARSERS[doc.source.kind](doc)


def _read(
    path: Path, owner: str | None, shown: str | None, cache: ParseCache | None
) -> tuple[Extraction | None, FileResult]:
    """One file's extraction (None when it failed) and what to report of it; from
    ``cache`` when it holds this file's, else parsed (and kept there)."""
    result = FileResult(shown or path.as_posix())
    key = hit = None
    if cache is not None:
        with contextlib.suppress(InputError):  # unreadable: extract_file says why
            key = cache.key(read_bytes(path, result.path), path, owner=owner, shown=shown)
            hit = cache.get(key)
    try:
        ex = hit or extract_file(path, owner=owner, shown=shown)
    except InputError as exc:
        result.error = exc
        return None, result
    except Exception as exc:  # a reader's failure on hostile input: this file fails alone
        why = " ".join(str(exc).split())[:200]
        result.error = InputError(result.path, f"could not be read ({type(exc).__name__}: {why})")
        return None, result
    if cache is not None and key is not None and hit is None:
        cache.put(key, ex)
    result.kind, result.counts = ex.kind, ex.records.counts()
    result.entries, result.skipped, result.warnings = ex.entries, ex.skipped, ex.warnings
    return ex, result


def read_files(
    paths: Iterable[str | Path],
    *,
    on_file: Callable[[FileResult], None] | None = None,
    owner: str | None = None,
    owners: Mapping[str, str | None] | None = None,
    names: Mapping[str, str] | None = None,
    cache: ParseCache | None = None,
) -> tuple[list[RecordSet], list[FileResult]]:
    """Parse every file (a folder: its site's files, whose owner is one person: see
    ``site``): the records of each file read, and what to report of every file; a
    file that fails is reported and the others still count. ``owners`` gives some
    paths an owner of their own instead of ``owner``; ``names``: what provenance
    calls some files (a fetched page's URL, see ``web.fetched``); ``cache``: earlier
    extractions of unchanged files (see ``cache``)."""
    names = names or {}
    read = []
    for path, folder in _with_sites(paths):
        given = (owners or {}).get(path.as_posix(), owner)
        read.append((path, folder, _read(path, given, names.get(path.as_posix()), cache)))
        if on_file:
            on_file(read[-1][2][1])
    for folder in dict.fromkeys(f for _, f, _ in read if f is not None):
        in_site = [i for i, (_, f, _) in enumerate(read) if f == folder]
        docs = [ex.records for i in in_site if (ex := read[i][2][0]) is not None]
        name = site.site_owner(docs, owner or site.configured_owner(folder))
        if name is None:
            continue
        for i in in_site:  # pages read again knowing whom the site is about
            path, _, (ex, _) = read[i]
            if ex is not None and ex.kind in site.PAGE_KINDS and not owner:
                read[i] = (path, folder, _read(path, name, names.get(path.as_posix()), cache))
        docs = [ex.records for i in in_site if (ex := read[i][2][0]) is not None]
        site.claim_owner(docs, name, folder.resolve().as_uri())
    documents = [ex.records for _, _, (ex, _) in read if ex is not None]
    return documents, [result for _, _, (_, result) in read]
