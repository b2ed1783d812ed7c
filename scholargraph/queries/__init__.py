"""Named Cypher queries and their interactive pyvis renders.

``run(store, "shared-collaborators", person="Yimin Jiang", other="Yibo Zhu")`` runs a
query from the library (``scholargraph/queries/cypher``) and returns an Answer
whose rows are dicts; ``answer_graph(store, answer)`` is the part of the graph the
answer is about, for rendering.
"""

from scholargraph.queries.answers import (
    Answer,
    add_coauthor_ties,
    answer_graph,
    list_queries,
    resolve_group,
    resolve_person,
    run,
)
from scholargraph.queries.library import QUERIES, Param, Query

__all__ = [
    "QUERIES",
    "Answer",
    "Param",
    "Query",
    "add_coauthor_ties",
    "answer_graph",
    "list_queries",
    "resolve_group",
    "resolve_person",
    "run",
]
