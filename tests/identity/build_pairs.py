"""Build the identity benchmark's labelled pairs.

    python tests/identity/build_pairs.py                 # -> pairs.csv (committed)
    python tests/identity/build_pairs.py PATH/TO/CSrankings [COMMIT]   # -> pairs-full.csv

Without arguments: the OpenAlex pairs only (MIT-licensed recordings), which is the
file the repository keeps. With a checkout (or a bare mirror) of
github.com/emeryberger/CSrankings: those plus the DBLP homonyms and aliases CSRankings
keeps, into pairs-full.csv, which is never committed (CSRankings is CC BY-NC-ND 4.0:
no derived file may be redistributed), for the figures in docs/identity.md.

Everything is read with ``git show COMMIT:FILE`` (default: the commit named in
PROVENANCE.md), so the output is the same wherever it is run. Nothing here decides
a label: DBLP does. Hard negatives are two DBLP persons whose names differ only by
DBLP's homonym number (``Wei Wang 0002`` / ``Wei Wang 0028``); positives are a DBLP
person and one of the other names DBLP files under that person (dblp-aliases.csv).
Each mention's context is the affiliation CSRankings lists for the person.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

COMMIT = "e8a1a32f73963ca6bd7e3ef145ed3feaad0891b2"
HOMONYM = re.compile(r"^(.*\S) (\d{4})$")
PER_GROUP = 4  # homonym pairs per DBLP name, so a few very common names do not dominate
PER_KIND = {  # alias pairs kept per kind (all of the rarer kinds)
    "initials": 70,
    "middle": 70,
    "transliteration": 50,
    "spacing": 30,
    "nickname": 60,
    "typo": 60,
    "order": 30,
    "compound": 40,
    "other": 30,
}
NICK = {  # only used to *describe* a pair's kind, never to label it
    line.split()[0]: set(line.split()[1:])
    for line in (Path(__file__).parents[2] / "scholargraph/normalize/nicknames.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
}


def show(repo: str, commit: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", repo, "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout.decode("utf-8-sig")


def base(name: str) -> str:
    m = HOMONYM.match(name)
    return m.group(1) if m else name


def plain(text: str) -> str:
    d = unicodedata.normalize("NFKD", text)
    return "".join(c for c in d if not unicodedata.combining(c)).casefold()


def kind_of(a: str, b: str) -> str:
    """What makes two names of one person differ (descriptive only)."""
    a, b = base(a), base(b)
    if plain(a) == plain(b) or a.casefold() == b.casefold():
        return "transliteration"
    squash = [re.sub(r"[\s.\-\u2010]", "", plain(x)) for x in (a, b)]
    if squash[0] == squash[1]:
        return "spacing"
    ta, tb = (re.findall(r"[^\s.]+", plain(x).replace("-", " ")) for x in (a, b))
    if sorted(ta) == sorted(tb):
        return "order"
    if ta[-1] != tb[-1]:
        if set(ta) & set(tb) and (ta[-1] in tb or tb[-1] in ta):
            return "compound"
        return "other"
    ga, gb = ta[:-1], tb[:-1]
    if not ga or not gb:
        return "other"
    x, y = ga[0], gb[0]
    if x != y and len(x) > 1 and len(y) > 1:
        if any({x, y} <= {f, *n} for f, n in NICK.items()):
            return "nickname"
        if x[0] == y[0] and _distance(x, y) == 1:
            return "typo"
        return "other"
    if (len(x) == 1) != (len(y) == 1) or x != y:
        return "initials"
    return "middle"


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


OPENALEX = {  # MIT-licensed recordings kept in tests/fixtures/api/openalex (see PROVENANCE.md)
    "works_page_search_ml_public_health.json": "anapaulagomes/peneira@9991d93ab2ce:"
    "tests/sources/fixtures/works.json",
    "work_W2741809807.json": "b-vitamins/openalex-python@9833923a5efb:"
    "tests/fixtures/data/W2741809807.json",
}


def openalex_rows() -> list[tuple[object, ...]]:
    """An author as the paper wrote them (OpenAlex ``raw_author_name``) and as the
    OpenAlex author profile it was attributed to names them, both on that paper at
    that position: positives labelled by OpenAlex's attribution."""
    fixtures = Path(__file__).parents[1] / "fixtures/api/openalex"
    rows: list[tuple[object, ...]] = []
    for file, source in OPENALEX.items():
        data = json.loads((fixtures / file).read_text(encoding="utf-8"))
        for work in data.get("results", [data]):
            ships = work.get("authorships", [])
            raw = [a.get("raw_author_name") or a["author"]["display_name"] for a in ships]
            shown = [a["author"]["display_name"] for a in ships]
            for i, a in enumerate(ships):
                if not a["author"].get("id"):
                    continue
                wid = work["id"].rsplit("/", 1)[-1]
                paper = {"paper": work["title"], "position": i + 1}
                ca = {"doc": f"{wid}/paper", **paper, "coauthors": raw[:i] + raw[i + 1 :]}
                cb = {"doc": f"{wid}/openalex", **paper, "coauthors": shown[:i] + shown[i + 1 :]}
                kind = "openalex-same-name" if raw[i] == shown[i] else "openalex-variant"
                entity = a["author"]["id"].rsplit("/", 1)[-1]
                rows.append((raw[i], ca, shown[i], cb, True, kind, source, entity, entity))
    return rows


def stable(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def main(repo: str | None = None, commit: str = COMMIT) -> None:
    rows = csrankings_rows(repo, commit) if repo else []
    rows += openalex_rows()
    out = Path(__file__).with_name("pairs-full.csv" if repo else "pairs.csv")
    write(out, rows, commit)
    print(f"{len(rows)} pairs -> {out}")


def csrankings_rows(repo: str, commit: str) -> list[tuple[Any, ...]]:
    people = list(csv.DictReader(io.StringIO(show(repo, commit, "csrankings.csv"))))
    org = {p["name"]: p["affiliation"] for p in people}
    rows = []
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(org):
        if HOMONYM.match(name):
            groups[base(name)].append(name)
    for name, members in sorted(groups.items()):
        pairs = sorted(combinations(sorted(set(members)), 2), key=lambda p: stable(*p))
        for x, y in pairs[:PER_GROUP]:
            same_org = org[x] == org[y]
            rows.append(
                (
                    name,
                    {"org": org[x]},
                    name,
                    {"org": org[y]},
                    False,
                    "homonym-same-org" if same_org else "homonym",
                    "csrankings.csv",
                    x,
                    y,
                )
            )
    aliases = list(csv.DictReader(io.StringIO(show(repo, commit, "dblp-aliases.csv"))))
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in aliases:
        if a["name"] in org and base(a["alias"]) != base(a["name"]):
            by_kind[kind_of(a["alias"], a["name"])].append((a["alias"], a["name"]))
    for kind, found in sorted(by_kind.items()):
        for alias, name in sorted(found, key=lambda p: stable(*p))[: PER_KIND[kind]]:
            context = {"org": org[name]}
            rows.append(
                (
                    base(alias),
                    context,
                    base(name),
                    context,
                    True,
                    kind,
                    "dblp-aliases.csv+csrankings.csv",
                    name,
                    name,
                )
            )
    return rows


def write(out: Path, rows: list[tuple[Any, ...]], commit: str) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            [
                "name_a",
                "context_a",
                "name_b",
                "context_b",
                "same",
                "kind",
                "source",
                "entity_a",
                "entity_b",
            ]
        )
        for na, ca, nb, cb, same, kind, source, ea, eb in rows:
            w.writerow(
                [
                    na,
                    json.dumps(ca, ensure_ascii=False),
                    nb,
                    json.dumps(cb, ensure_ascii=False),
                    str(same).lower(),
                    kind,
                    source if "@" in source else f"emeryberger/CSrankings@{commit[:12]}:{source}",
                    ea,
                    eb,
                ]
            )


if __name__ == "__main__":
    main(*sys.argv[1:])
