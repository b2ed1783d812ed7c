"""A site is one person: a homepage repository (or any folder) given as a directory.

``site_files(folder)`` lists the files of a site worth reading, leaving out what site
generators keep beside the content (themes, layouts, built output, assets). After its
files are parsed, ``site_owner`` finds whom the site is about; its pages that take an
owner are read again knowing it (a page that never names its owner then keeps its
advisor sentences), and ``claim_owner`` marks that person in every file's records
with the site as their homepage, so that identity resolution joins them into one
person (the same homepage is evidence: see ``identity``) whatever each file calls
them: the about page's "Jane Doe", the bibliography's "Doe, J.", a data file's
bolded "J Doe".

Whom a site is about, in order: the ``--owner`` the user gave; the name its generator's
configuration states (``_config.yml`` ``name``/``author``, Hugo ``params.author``); the
person the site's pages state most facts about (affiliations, stated interests,
advisors or students: the owner of a page); the author on most of the site's papers.
Only people whose name is compatible with it are marked, so an advisor or co-author of
the same family name stays apart.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from scholargraph.normalize.names import compatible, has_cjk
from scholargraph.records import (
    Advised,
    AffiliatedWith,
    Authored,
    InterestedIn,
    Mentored,
    Person,
    RecordSet,
)

# Formats whose reader takes an owner (pages, data files): read again with the site's.
PAGE_KINDS = frozenset({"text", "datafile"})
# What a site keeps beside its content; its folders are never read.
SKIPPED_FOLDERS = frozenset(
    {
        ".git", ".github", "node_modules", "_site", "public", "resources", "themes",
        "_layouts", "_includes", "_sass", "assets", "static", "vendor", "_plugins",
        "layouts", "archetypes", ".jekyll-cache", "__pycache__", "scholargraph-data",
    }
)  # fmt: skip
# ... of which these hold no document even when nothing else is there
_NEVER_READ = frozenset({".git", "node_modules", "__pycache__", "scholargraph-data", "_site"})
READ_SUFFIXES = frozenset(
    {
        ".md", ".markdown", ".txt", ".text", ".html", ".htm", ".bib", ".bibtex", ".tex",
        ".yml", ".yaml", ".json", ".jsonc", ".toml", ".pdf",
    }
)  # fmt: skip
CONFIGS = ("_config.yml", "_config.yaml", "config.toml", "hugo.toml", "config.yaml", "hugo.yaml")
# Files a site generator reads that say nothing about people or papers.
SKIPPED_FILES = frozenset(
    {"Gemfile", "package.json", "package-lock.json", "_config.yml", "_config.yaml", "config.toml",
     "hugo.toml", "config.yaml", "hugo.yaml", "README.md", "LICENSE.md", "CHANGELOG.md",
     "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "navigation.yml", "ui-text.yml"}
)  # fmt: skip


def site_files(folder: Path, *, skipping: frozenset[str] = SKIPPED_FOLDERS) -> list[Path]:
    """The files of a site worth reading, in a stable order: its content, and the
    Jekyll includes (``_includes/``) that its content includes. A folder whose only
    readable files sit in what generators keep beside content (a CV in ``public/``,
    ``static/`` or ``assets/``) is read there."""
    out = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p in skipping or p.startswith(".") for p in parts[:-1]):
            continue
        readable = path.is_file() and (
            path.suffix.lower() in READ_SUFFIXES or _data_script(path.relative_to(folder))
        )
        if readable and path.name not in SKIPPED_FILES and not path.name.startswith("."):
            out.append(path)
    if not out and skipping != _NEVER_READ:
        return site_files(folder, skipping=_NEVER_READ)
    return sorted([*out, *_included(folder, out)])


_INCLUDE = re.compile(r"\{%-?\s*include\s+([\w./-]+)")


def _included(folder: Path, pages: list[Path]) -> list[Path]:
    """The files of ``_includes/`` that a page includes (``{% include pubs.html %}``)."""
    names = set()
    for page in pages:
        if page.suffix.lower() in (".md", ".markdown", ".html", ".htm"):
            with contextlib.suppress(OSError), page.open(encoding="utf-8", errors="ignore") as f:
                names.update(_INCLUDE.findall(f.read(_INCLUDE_SCAN)))
    includes = (folder / "_includes").resolve()
    found = [folder / "_includes" / name for name in sorted(names)]
    return [  # never a file outside _includes/ ("{% include ../../x %}")
        p for p in found
        if p.resolve().is_relative_to(includes) and p.is_file()
        and p.suffix.lower() in READ_SUFFIXES
    ]  # fmt: skip


_INCLUDE_SCAN = 1_000_000  # characters of a page looked at for includes


def _data_script(path: Path) -> bool:
    """A JavaScript file that holds a site's data (``_data/*.js``, ``data.js``), not code."""
    if path.suffix.lower() not in (".js", ".mjs"):
        return False
    return "data" in path.stem.lower() or any(p.strip("_").lower() == "data" for p in path.parts)


def configured_owner(folder: Path) -> str | None:
    """The person a site generator's configuration names, if any."""
    for name in CONFIGS:
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text) if name.endswith(".toml") else yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, tomllib.TOMLDecodeError):
            continue
        if isinstance(data, dict):
            found = _name_in(data)
            if found:
                return found
    return None


def _name_in(config: dict[str, Any]) -> str | None:
    first, last = config.get("first_name"), config.get("last_name")  # al-folio
    if isinstance(first, str) and isinstance(last, str) and first.strip() and last.strip():
        return f"{first.strip()} {last.strip()}"
    params = config.get("params")
    for holder in (config, params if isinstance(params, dict) else {}):
        for key in ("author", "name"):
            value = holder.get(key)
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, str):
                # "Xiaojie Niu | 牛晓杰": the name in Latin letters, its native form beside it
                value = next((v for v in _BESIDE.split(value) if v and not has_cjk(v)), value)
            if isinstance(value, str) and 1 < len(value.split()) <= 5:
                return value.strip()
    return None


_BESIDE = re.compile(r"\s*[|\uff5c/]\s*|\s*[(（][^)）]*[)）]\s*")


def _described(doc: RecordSet) -> Iterator[Person]:
    """The people a document describes, once for each fact about them: an affiliation,
    a stated interest, an advisor or a student (so the page's owner, who has most of
    them, comes first by count whether they were advised or advise others)."""
    people = doc.nodes[Person]
    ids = [r.from_id for r in doc.rels[AffiliatedWith].values()]
    ids += [r.from_id for r in doc.rels[InterestedIn].values() if getattr(r, "stated", 0)]
    ids += [
        end
        for t in (Advised, Mentored)
        for r in doc.rels[t].values()
        for end in (r.from_id, r.to_id)
    ]
    for pid in ids:
        person = people.get(pid)
        if isinstance(person, Person):
            yield person


def _authors(doc: RecordSet) -> Iterator[Person]:
    people = doc.nodes[Person]
    for r in doc.rels[Authored].values():
        person = people.get(r.from_id)
        if isinstance(person, Person):
            yield person


def site_owner(docs: Iterable[RecordSet], said: str | None = None) -> str | None:
    """Whom the site is about: ``said`` (``--owner`` or the configuration), else the
    person its pages state most facts about, then who wrote most of its papers (so an
    advisor named once loses to the owner), else its most frequent author."""
    if said:
        return said
    docs = list(docs)
    described = Counter(p.name for d in docs for p in _described(d))
    authored = Counter(p.name for d in docs for p in _authors(d))

    def weight(counts: Counter[str], name: str) -> int:
        # one person written several ways counts once per way: group compatible names
        return sum(c for m, c in counts.items() if compatible(name, m))

    names = described or authored
    if not names:
        return None
    return max(names, key=lambda n: (weight(described, n), weight(authored, n), len(n), n))


def claim_owner(docs: Iterable[RecordSet], owner: str, key: str) -> int:
    """Mark the site owner in every document (homepage ``key`` where none is known):
    the people described or authoring whose name is compatible with ``owner``. Returns
    how many person records were marked."""
    marked = 0
    for doc in docs:
        described = {p.id for p in _described(doc)}
        candidates = {p.id: p for p in [*_described(doc), *_authors(doc)]}  # each once
        for person in candidates.values():
            # a page's own person keeps no homepage of its own (the GitHub profile it
            # links to is the site's); a co-author with one may be someone else
            free = person.homepage in (None, key) or person.id in described
            if free and _is_owner(person, owner):
                person.homepage = key
                marked += 1
    return marked


def _is_owner(person: Person, owner: str) -> bool:
    names = [person.name, *(person.aliases or []), person.native_name]
    return any(n and compatible(n, owner) for n in names)
