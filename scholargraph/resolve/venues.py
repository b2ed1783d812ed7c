"""Venue resolution: one venue a paper, the one the user's documents name.

Venue nodes are already one per venue of the vocabulary (``normalize.venues``:
``ICPP`` and ``ACM International Conference on Parallel Processing`` are both
``venue:icpp``). What is left is deciding, per paper, between what the user's
documents say and what an API (an enrichment document) says:

- the venue a document names is kept; an API's other venue is the same one when
  the two share a name or an identifier (its names become aliases, its
  identifiers fill the venue's), else it is left out and recorded in the paper's
  ``conflicts``;
- where no document names one, the first venue the APIs name is kept (the others
  recorded as conflicts);
- a preprint server (``kind: preprint``) is a version of a paper, never a second
  venue of a paper that has a real one: that link is dropped (the paper keeps its
  arXiv id);
- a venue no paper is published in any more goes, and each venue's aliases are
  the names it is written by other than its name and full name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from scholargraph import ids
from scholargraph.normalize.venues import IDENTIFIERS
from scholargraph.records import Publication, PublishedIn, RecordSet, Venue, note_conflict


def _stated(rel: PublishedIn, secondary: Mapping[str, str]) -> bool:
    """Whether one of the user's documents (not only an API) states ``rel``."""
    return any(s not in secondary for s in rel.sources)


def _names(v: Venue) -> set[str]:
    return {ids.fold(n) for n in (v.name, v.full_name, *v.aliases) if n}


def same_venue(a: Venue, b: Venue) -> bool:
    """Two venue nodes that are one venue: a name or an identifier in common.

    >>> a = Venue(id="venue:faisys", name="FAISys", full_name="Frontier AI Systems Workshop")
    >>> same_venue(a, Venue(id="venue:x", name="Frontier AI Systems Workshop"))
    True
    >>> same_venue(a, Venue(id="venue:y", name="FAISys 2", issn="1234-5678"))
    False
    """
    shared_id = any(getattr(a, k) and getattr(a, k) == getattr(b, k) for k in IDENTIFIERS)
    return shared_id or bool(_names(a) & _names(b))


def _absorb(kept: Venue, other: Venue) -> None:
    """``other``'s names as aliases of ``kept``, its identifiers where ``kept`` has none."""
    kept.aliases.extend(n for n in (other.name, other.full_name, *other.aliases) if n)
    for k in IDENTIFIERS:
        if getattr(kept, k) is None:
            setattr(kept, k, getattr(other, k))
    kept.sources.extend(s for s in other.sources if s not in kept.sources)
    kept.evidence.extend(e for e in other.evidence if e not in kept.evidence)


def settle_venues(records: RecordSet, secondary: Mapping[str, str]) -> None:
    """Leave each paper of ``records`` its venues as the module says; ``secondary``
    holds the ids of the sources an API's facts came from."""
    venues, pubs = records.of(Venue), records.of(Publication)
    links = records.of(PublishedIn)
    by_paper: dict[str, list[PublishedIn]] = defaultdict(list)
    for rel in links.values():
        by_paper[rel.from_id].append(rel)
    for paper, rels in by_paper.items():
        stated = [r for r in rels if _stated(r, secondary)]
        said = sorted(
            (r for r in rels if not _stated(r, secondary)),
            key=lambda r: (venues[r.to_id].kind == "preprint", r.id),
        )
        keep, others = (stated, said) if stated else (said[:1], said[1:])
        for rel in others:
            del links[rel.id]
            theirs = venues[rel.to_id]
            same = next(
                (venues[k.to_id] for k in keep if same_venue(venues[k.to_id], theirs)), None
            )
            if same is not None:
                _absorb(same, theirs)
            elif theirs.kind != "preprint":
                kept = " / ".join(sorted(venues[k.to_id].name for k in keep))
                said_by = rel.evidence[0] if rel.evidence else rel.sources[0]
                note_conflict(pubs[paper].conflicts, "venue", kept, said_by, theirs.name)
        if any(venues[r.to_id].kind != "preprint" for r in keep):
            for rel in keep:
                if venues[rel.to_id].kind == "preprint":
                    del links[rel.id]
    published = {r.to_id for r in links.values()}
    for vid in [v for v in venues if v not in published]:
        del venues[vid]
    for venue in venues.values():
        shown = {venue.name, venue.full_name}
        venue.aliases = [a for a in dict.fromkeys(venue.aliases) if a not in shown]
