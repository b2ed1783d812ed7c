"""scholargraph: researchers' profiles and bibliographies in, who worked with whom,
who trained whom and who works on what out, as a graph with provenance.

>>> import scholargraph
>>> with scholargraph.open(str(getfixture("tmp_path") / "graph")) as g:
...     report = g.ingest(sorted(scholargraph.EXAMPLES.glob("xin-tan.yaml")))
...     [row["name"] for row in g.query("advisors", person="Xin Tan").rows]
['Hong Xu']

``open`` gives a ``Graph`` whose methods are the commands of the ``scholargraph``
command line; ``Settings`` configures it, the record types (``Person``,
``Publication``, …) are the graph model, and every error the library raises on
purpose is a ``ScholargraphError``. Names are imported when first used, so importing
the package is quick.
"""

from __future__ import annotations

from importlib import import_module, metadata
from typing import TYPE_CHECKING, Any

from scholargraph.config import Settings
from scholargraph.errors import ScholargraphError

if TYPE_CHECKING:
    from scholargraph.api import Graph, open
    from scholargraph.pipeline import EXAMPLES
    from scholargraph.records import (
        Advised,
        AffiliatedWith,
        Authored,
        Cluster,
        Mentored,
        Organization,
        Person,
        Publication,
        RecordSet,
        Source,
        Topic,
        Venue,
    )

try:
    __version__ = metadata.version("scholargraph")
except metadata.PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"

_RECORDS = (
    "Advised", "AffiliatedWith", "Authored", "Cluster", "Mentored", "Organization", "Person",
    "Publication", "RecordSet", "Source", "Topic", "Venue",
)  # fmt: skip
_LAZY = {
    "Graph": "scholargraph.api",
    "open": "scholargraph.api",
    "EXAMPLES": "scholargraph.pipeline",
    **dict.fromkeys(_RECORDS, "scholargraph.records"),
}
__all__ = [
    "EXAMPLES", "Advised", "AffiliatedWith", "Authored", "Cluster", "Graph", "Mentored",
    "Organization", "Person", "Publication", "RecordSet", "ScholargraphError", "Settings",
    "Source", "Topic", "Venue", "__version__", "open",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'scholargraph' has no attribute {name!r}")
