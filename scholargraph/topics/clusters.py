"""Topic clusters: topics that occur together on papers and in people's stated
interests, grouped by Louvain community detection (networkx), seeded, over a
graph built in id order, so the clusters are the same on every run and in
whatever order the documents were ingested.

Each cluster is labelled by its most central topics and lists its top people and
papers; topics point to their cluster (IN_CLUSTER) and people to the clusters
they work in (MEMBER_OF).

>>> from scholargraph.records import About, Publication, RecordSet, Topic
>>> rs = RecordSet([Topic(id=f"topic:{t}", name=t.upper()) for t in "abcd"])
>>> for i, (x, y) in enumerate(["ab", "ab", "cd", "cd", "bc"]):
...     rs.add(Publication(id=f"w:{i}", title=f"Paper {i}"))
...     rs.add(About(id=f"{i}{x}", from_id=f"w:{i}", to_id=f"topic:{x}"))
...     rs.add(About(id=f"{i}{y}", from_id=f"w:{i}", to_id=f"topic:{y}"))
>>> for c in topic_clusters(rs).of(Cluster).values():
...     print(c.id, c.name, c.top_papers)
cluster:a A · B ['Paper 0', 'Paper 1', 'Paper 4']
cluster:c C · D ['Paper 2', 'Paper 3', 'Paper 4']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import combinations

import networkx as nx

from scholargraph.records import (
    About,
    Cluster,
    InCluster,
    InterestedIn,
    MemberOf,
    Person,
    Publication,
    RecordSet,
    Topic,
    rel_id,
)

SEED = 42
LABEL_TOPICS = 2  # topics named in a cluster's label
TOP = 5  # people and papers listed on a cluster
MIN_MEMBER = 1.0  # interest score in a cluster's topics that makes a person a member
STATED_PAIR = 0.5  # weight of two topics one person states, against one shared paper


class TopicPairs:
    """Topics joined by how often they occur together, added one group at a time (a
    paper's topics with their ABOUT scores, a person's stated interests): each
    group is shared out over its pairs (1 / (topics - 1)), so a long list of
    interests does not outweigh one focused paper.

    >>> pairs = TopicPairs()
    >>> pairs.add({"topic:a": 1.0, "topic:b": 0.6})
    >>> pairs.add({"topic:c": 1.0})
    >>> sorted(pairs.graph().edges(data="weight"))
    [('topic:a', 'topic:b', 0.6)]
    """

    def __init__(self) -> None:
        self.topics: set[str] = set()
        self.weights: dict[tuple[str, str], float] = defaultdict(float)

    def add(self, topics: dict[str, float]) -> None:
        self.topics.update(topics)
        share = 1 / max(1, len(topics) - 1)
        for x, y in combinations(sorted(topics), 2):
            self.weights[(x, y)] += share * min(topics[x], topics[y])

    def graph(self) -> nx.Graph:
        g = nx.Graph()
        g.add_nodes_from(sorted(self.topics))
        g.add_weighted_edges_from((x, y, w) for (x, y), w in sorted(self.weights.items()))
        return g


def topic_graph(records: RecordSet) -> nx.Graph:
    """The ``TopicPairs`` graph of the records: topics on one paper (with the ABOUT
    scores) and among one person's stated interests (``STATED_PAIR`` x strength)."""
    groups: dict[str, dict[str, float]] = defaultdict(dict)
    for a in records.of(About).values():
        groups[a.from_id][a.to_id] = a.score
    groups.update(stated_topics(records.of(InterestedIn).values()))
    pairs = TopicPairs()
    for owner in sorted(groups):
        pairs.add(groups[owner])
    return pairs.graph()


def stated_topics(interests: Iterable[InterestedIn]) -> dict[str, dict[str, float]]:
    """Each person's stated interests as one ``TopicPairs`` group, weighted
    ``STATED_PAIR`` x their strength against one shared paper."""
    groups: dict[str, dict[str, float]] = defaultdict(dict)
    for r in interests:
        if r.stated:
            groups[r.from_id][r.to_id] = STATED_PAIR * r.stated
    return groups


def topic_clusters(records: RecordSet, *, seed: int = SEED) -> RecordSet:
    """Cluster nodes, IN_CLUSTER and MEMBER_OF for the records' topics."""

    def name_of(node_id: str) -> str | None:
        if person := records.of(Person).get(node_id):
            return person.name
        pub = records.of(Publication).get(node_id)
        return pub.title if pub else None

    return clusters(
        topic_graph(records),
        records.of(Topic),
        interests=records.of(InterestedIn).values(),
        about=records.of(About).values(),
        name_of=name_of,
        seed=seed,
    )


def clusters(
    g: nx.Graph,
    topics: Mapping[str, Topic],
    *,
    interests: Iterable[InterestedIn],
    about: Iterable[About],
    name_of: Callable[[str], str | None],
    seed: int = SEED,
) -> RecordSet:
    """Louvain communities of the topic graph ``g`` as Cluster nodes, with IN_CLUSTER
    from their topics and MEMBER_OF from the people whose ``interests`` in them add
    up to ``MIN_MEMBER``; each cluster lists its top people and papers (``about``),
    named by ``name_of``. ``interests`` and ``about`` are read once, so they can be
    streams."""
    communities = nx.community.louvain_communities(g, weight="weight", seed=seed)
    ranked: dict[str, list[str]] = {}  # cluster id -> its topics, most central first
    strength: dict[str, float] = {}
    for community in communities:
        inner = g.subgraph(community)
        strength.update((t, inner.degree(t, weight="weight") or 1.0) for t in community)
        order = sorted(community, key=lambda t: (-strength[t], t))
        ranked["cluster:" + order[0].removeprefix("topic:")] = order
    cluster_of = {t: cid for cid, order in ranked.items() for t in order}
    people = _by_cluster(interests, cluster_of, MIN_MEMBER)
    papers = _by_cluster(about, cluster_of, 0.0)
    out = RecordSet()
    for cid, order in ranked.items():
        total = sum(strength[t] for t in order)
        for t in order:
            score = round(strength[t] / total, 3)
            out.add(InCluster(id=rel_id(InCluster, t, cid), from_id=t, to_id=cid, score=score))
        for pid, score in people[cid]:
            out.add(MemberOf(id=rel_id(MemberOf, pid, cid), from_id=pid, to_id=cid, score=score))
        out.add(
            Cluster(
                id=cid,
                name=" · ".join(_name(topics, t) for t in order[:LABEL_TOPICS]),
                size=len(order),
                topics=[_name(topics, t) for t in order],
                top_people=_names(people[cid], name_of),
                top_papers=_names(papers[cid], name_of),
            )
        )
    return RecordSet(sorted(out, key=lambda r: (type(r).__name__, r.id)))


def _name(topics: Mapping[str, Topic], tid: str) -> str:
    node = topics.get(tid)
    return node.name if node else tid


def _by_cluster(
    rels: Iterable[About | InterestedIn], cluster_of: dict[str, str], at_least: float
) -> dict[str, list[tuple[str, float]]]:
    """For each cluster, the start nodes of ABOUT / INTERESTED_IN relationships into
    its topics, by their summed score (at least ``at_least``), highest first; one
    pass over the relationships."""
    total: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in rels:
        if r.to_id in cluster_of:
            total[cluster_of[r.to_id]][r.from_id] += r.score
    return defaultdict(
        list,
        {
            cid: sorted(
                ((k, round(v, 3)) for k, v in scores.items() if v >= at_least),
                key=lambda kv: (-kv[1], kv[0]),
            )
            for cid, scores in total.items()
        },
    )


def _names(ranked: list[tuple[str, float]], name_of: Callable[[str], str | None]) -> list[str]:
    return [name for node_id, _ in ranked[:TOP] if (name := name_of(node_id)) is not None]
