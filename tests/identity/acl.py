"""Person resolution measured on the ACL Anthology benchmark (``acl-papers.jsonl``,
``acl-pairs.csv``; built by ``tools/build-acl-identity``, provenance in PROVENANCE.md).

    python tests/identity/acl.py [--half dev|test|all] [--by-kind]

Each paper reaches the resolver as a one-entry bibliography would: one document
per paper, an author per position (``Family, Given`` as written; the Chinese
characters where the paper gives them), the paper with each author's position,
and the other authors as co-authors; the authors of one paper are known apart.
Every paper's mentions are resolved at once, as an ingest would, and a labelled
pair counts as merged when both of its mentions end in one person. Figures are
pairwise precision / recall over the labelled pairs, merges among the hard
negatives, and B³ over the mentions of the people in the pairs against the
Anthology's person ids, for the resolver and for one person per normalised name.

The people are split once into two halves by a hash of their family name
(``half``), so two people who share a name are in one half: rules are tuned on
``dev`` and reported on ``test``; a pair across halves counts in ``all`` only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parents[1]))  # run as a script from anywhere

from scholargraph import ids  # noqa: E402
from scholargraph.bench.harness import b_cubed  # noqa: E402
from scholargraph.normalize.names import display_name, fold_name  # noqa: E402
from scholargraph.resolve.identity import Mention, name_keys, resolve_people  # noqa: E402

HARD_NEGATIVE = ("homonym", "homonym-pinyin", "similar-name")  # one name, or nearly, two people


@dataclass(frozen=True)
class Pair:
    a: str  # mention key
    b: str
    same: bool
    kind: str
    half: str  # "dev", "test", or "" when the two people are in different halves


def half(family: str) -> str:
    """The half a person is in, from their family name as written (folded)."""
    digest = hashlib.blake2b(fold_name(family).encode(), digest_size=2).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def load(
    papers: Path = HERE / "acl-papers.jsonl", pairs: Path = HERE / "acl-pairs.csv"
) -> tuple[list[Mention], list[list[str]], dict[str, str], list[Pair]]:
    """The mentions (one document per paper), the groups known apart (each
    author list), each curated mention's person, and the labelled pairs."""
    mentions: list[Mention] = []
    apart: list[list[str]] = []
    person: dict[str, str] = {}
    family: dict[str, str] = {}
    key_of: dict[tuple[str, int], str] = {}
    for line in papers.read_text(encoding="utf-8").splitlines():
        paper = json.loads(line)
        doc, authors = ids.digest(paper["paper"]), paper["authors"]
        named = [
            dict.fromkeys(sorted(name_keys(a["name"], a.get("native"))), a["name"]) for a in authors
        ]
        team = []
        for i, a in enumerate(authors, 1):
            m = Mention(
                key=f"{doc}/{i}",
                name=a["name"],
                native=a.get("native"),
                path=f"acl/{paper['paper']}.bib",
            )
            m.pubs[f"pub:{doc}"] = (paper["title"], i)
            for j, keys in enumerate(named, 1):
                if j != i:
                    m.coauthors.update(keys)
            mentions.append(m)
            team.append(m.key)
            key_of[(paper["paper"], i)] = m.key
            if a.get("person") and a.get("basis") != "name":
                person[m.key] = a["person"]
                family[m.key] = a["name"].partition(",")[0]
        apart.append(team)
    labelled = []
    with pairs.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a = key_of[(row["paper_a"], int(row["position_a"]))]
            b = key_of[(row["paper_b"], int(row["position_b"]))]
            ha, hb = half(family[a]), half(family[b])
            labelled.append(Pair(a, b, row["same"] == "true", row["kind"], ha if ha == hb else ""))
    return mentions, apart, person, labelled


@dataclass
class Scores:
    precision: float
    recall: float
    hard_negative_merges: int
    b3: tuple[float, float, float]
    pairs: dict[str, int]  # kind -> pairs of that kind
    share: dict[str, float]  # kind -> share of its pairs judged one person


def score(pairs: list[Pair], truth: dict[str, str], cluster: dict[str, str]) -> Scores:
    """Pairwise figures over ``pairs``, B³ over the mentions of their people."""
    merged = [cluster[p.a] == cluster[p.b] for p in pairs]
    tp = sum(m and p.same for m, p in zip(merged, pairs, strict=True))
    fp = sum(m and not p.same for m, p in zip(merged, pairs, strict=True))
    fn = sum(not m and p.same for m, p in zip(merged, pairs, strict=True))
    people = {truth[k] for p in pairs for k in (p.a, p.b)}
    own = {k: v for k, v in truth.items() if v in people}
    kinds = Counter(p.kind for p in pairs)
    hits = Counter(p.kind for m, p in zip(merged, pairs, strict=True) if m)
    return Scores(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        hard_negative_merges=sum(
            m and p.kind in HARD_NEGATIVE for m, p in zip(merged, pairs, strict=True)
        ),
        b3=b_cubed({k: cluster[k] for k in own}, own),
        pairs=dict(sorted(kinds.items())),
        share={k: hits[k] / n for k, n in sorted(kinds.items())},
    )


def clusterings(mentions: list[Mention], apart: list[list[str]]) -> dict[str, dict[str, str]]:
    """Mention key -> cluster, for one person per normalised name and for the resolver."""
    naive = {m.key: ids.fold(display_name(m.name)) for m in mentions}
    resolution = resolve_people(mentions, apart)
    ours = {m.key: str(i) for i, c in enumerate(resolution.clusters) for m in c.members}
    return {"one person per name": naive, "resolver": ours}


def measure(which: str = "all") -> dict[str, Scores]:
    mentions, apart, truth, pairs = load()
    chosen: Callable[[Pair], bool] = (
        (lambda p: True) if which == "all" else (lambda p: p.half == which)
    )
    pairs = [p for p in pairs if chosen(p)]
    return {label: score(pairs, truth, c) for label, c in clusterings(mentions, apart).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--by-kind", action="store_true", help="share judged one person, per kind")
    args = parser.parse_args()
    results = measure(args.half)
    print(
        f"{'':22}{'precision':>10}{'recall':>8}{'hard-neg merges':>17}"
        f"{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}"
    )
    for label, s in results.items():
        print(
            f"{label:22}{s.precision:>10.3f}{s.recall:>8.3f}{s.hard_negative_merges:>17}"
            f"{s.b3[0]:>7.3f}{s.b3[1]:>7.3f}{s.b3[2]:>7.3f}"
        )
    if args.by_kind:
        naive, ours = results["one person per name"], results["resolver"]
        print(f"{'kind':24}{'pairs':>6}{'name':>8}{'resolver':>10}   (share judged one person)")
        for kind, n in naive.pairs.items():
            print(f"{kind:24}{n:>6}{naive.share[kind]:>8.2f}{ours.share[kind]:>10.2f}")


if __name__ == "__main__":
    main()
