"""Resolutions kept on disk, so an ingest resolves again only the parts it changed.

Person resolution splits the mentions into independent parts (see
``identity.parts``): a part is resolved from its own mentions alone, so its
outcome is a function of its content. ``KeptResolutions`` keeps each part's
outcome (who was merged with whom, why, the pairs listed for review, and the
person ids) in a folder, one JSON file of plain rows per part, named by the
part's fingerprint (a digest of everything the outcome depends on). The next ingest looks each part
up: a part that no document of the change touched has the same fingerprint and
is not resolved again; a touched part has a new one and is, and only its file is
written. Each file names the code that wrote it (see ``parse.cache.code_version``)
and a format version; a file that does not fit counts as no entry.
``prune_unused`` deletes the parts this ingest did not use.

>>> import tempfile
>>> from scholargraph.resolve.identity import Mention, parts, resolve_part
>>> kept = KeptResolutions(Path(tempfile.mkdtemp()))
>>> ms = [Mention("s/1", "Ann Lee", None, "a.bib"), Mention("t/1", "Ann Lee", None, "b.bib")]
>>> (part,), _ = parts(ms, [], [])
>>> kept.get(part) is None
True
>>> kept.put(part, resolve_part(part))
>>> clusters, decisions, person_ids = KeptResolutions(kept.folder).get(part)
>>> [[m.key for m in c.members] for c in clusters], [d for _, d in decisions]
([['s/1'], ['t/1']], ['uncertain'])
>>> person_ids
{'s/1': 'person:ann-lee', 't/1': 'person:ann-lee@t'}
>>> kept.prune_unused()
0
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scholargraph.parse.cache import KeptFiles, code_version
from scholargraph.resolve.identity import Candidate, Cluster, Outcome, Part

VERSION = 1  # of a file's layout


def _rows(outcome: Outcome) -> dict[str, Any]:
    clusters, decisions, person_ids = outcome
    return {
        "version": VERSION,
        "code": code_version(),
        "clusters": [
            [[m.key for m in c.members], c.links, c.weakest, person_ids[c.members[0].key]]
            for c in clusters
        ],
        "decisions": [
            [c.a.key, c.b.key, c.score, list(c.evidence), c.conflict, d] for c, d in decisions
        ],
    }


def _outcome(part: Part, rows: dict[str, Any]) -> Outcome:
    """The outcome ``rows`` hold for ``part``; ValueError when they hold none."""
    if rows.get("version") != VERSION or rows.get("code") != code_version():
        raise ValueError("kept by other code")
    of = {m.key: m for m in part.mentions}
    try:
        clusters = [
            Cluster([of[k] for k in keys], list(links), weakest)
            for keys, links, weakest, _ in rows["clusters"]
        ]
        person_ids = {k: str(pid) for keys, *_, pid in rows["clusters"] for k in keys}
        decisions = [
            (Candidate(of[a], of[b], score, tuple(evidence), conflict), decision)
            for a, b, score, evidence, conflict, decision in rows["decisions"]
        ]
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a kept outcome: {exc}") from exc
    return clusters, decisions, person_ids


class KeptResolutions(KeptFiles):
    """Part outcomes in ``folder``, one file each, named by fingerprint."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, ".part.json")

    def get(self, part: Part) -> Outcome | None:
        """The outcome kept for ``part``, or None (also when its file cannot be
        read back: then the part is resolved again)."""
        text = self.read(part.fingerprint)
        try:
            return None if text is None else _outcome(part, json.loads(text))
        except ValueError:  # not JSON, or not an outcome
            return None

    def put(self, part: Part, outcome: Outcome) -> None:
        """Keep ``part``'s ``outcome`` (written whole or not at all)."""
        self.write(part.fingerprint, json.dumps(_rows(outcome), ensure_ascii=False))
