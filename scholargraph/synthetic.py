"""A seeded generator of co-authorship graphs that look like real ones, at any scale.

Research groups of 5-40 people, each led by a PI at an organization, write papers
with teams of 1-15 (mostly 3-5, a long tail) drawn from the group and now and then
a neighbouring one. Some people write far more than others (Pareto activity), the
PI is usually last author, and every paper goes to one of the group's venues and is
about one or two of the group's topics (topics have Zipf popularity). PIs advise
their group's students and were themselves advised by an earlier group's PI, so
lineages run several generations deep. Names clash at a realistic rate: they are
drawn from common surname and given-name pools, and many Chinese names also carry
their hanzi as ``native_name``.

The output is the normalized records ingest produces, so it goes through the same
writer, resolver and queries as real data.

>>> records = synthetic(authorships=400, seed=1)
>>> counts = records.counts()
>>> counts["AUTHORED"] >= 400, counts["Person"] < counts["AUTHORED"]
(True, True)
>>> sorted(k for k in counts if k.isupper())  # every relationship type appears
['ABOUT', 'ADVISED', 'AFFILIATED_WITH', 'AUTHORED', 'INTERESTED_IN', 'PUBLISHED_IN']
>>> synthetic(authorships=400, seed=1).counts() == counts  # same seed, same graph
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from scholargraph.records import (
    About,
    Advised,
    AffiliatedWith,
    Authored,
    InterestedIn,
    Organization,
    Person,
    Publication,
    PublishedIn,
    RecordSet,
    Topic,
    Venue,
)

SOURCE = "src:synthetic"
SRC = [SOURCE]
# (pinyin, hanzi): the most common Chinese surnames and given names
CHINESE_SURNAMES = (
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
    ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
    ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"), ("Hu", "胡"),
    ("Guo", "郭"), ("He", "何"), ("Lin", "林"), ("Gao", "高"), ("Luo", "罗"),
)  # fmt: skip
CHINESE_GIVEN = (
    ("Wei", "伟"), ("Fang", "芳"), ("Min", "敏"), ("Jing", "静"), ("Qiang", "强"),
    ("Lei", "磊"), ("Jun", "军"), ("Yang", "洋"), ("Yong", "勇"), ("Jie", "杰"),
    ("Tao", "涛"), ("Ming", "明"), ("Chao", "超"), ("Hua", "华"), ("Hui", "辉"),
    ("Xin", "鑫"), ("Yu", "宇"), ("Hao", "浩"), ("Kai", "凯"), ("Bo", "博"),
    ("Xinyu", "欣雨"), ("Zihan", "子涵"), ("Haoran", "浩然"), ("Yuxuan", "宇轩"),
    ("Yiming", "一鸣"), ("Siyuan", "思远"), ("Jiahao", "家豪"), ("Ruoxi", "若曦"),
)  # fmt: skip
OTHER_SURNAMES = (
    "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Müller", "Schmidt", "Kim", "Lee",
    "Park", "Nguyen", "Tanaka", "Sato", "Rossi", "Silva", "Kumar", "Singh", "Cohen", "Martin",
    "Dubois", "Novak", "Ivanov", "Costa",
)  # fmt: skip
OTHER_GIVEN = (
    "James", "Mary", "Anna", "David", "Maria", "Daniel", "Sarah", "Michael", "Laura", "Thomas",
    "Elena", "Ali", "Priya", "Hiroshi", "Yuki", "Marco", "Sofia", "Lucas", "Emma", "Noah",
    "Olga", "Jan", "Rahul", "Ana",
)  # fmt: skip
TOPICS = (
    "LLM serving", "mixture of experts", "KV cache", "RLHF", "distributed training",
    "graph neural networks", "data center networking", "congestion control", "query optimization",
    "stream processing", "diffusion models", "federated learning", "program synthesis",
    "compilers for ML", "storage systems", "serverless computing", "GPU scheduling",
    "network verification", "recommender systems", "data cleaning", "vector databases",
    "speculative decoding", "model compression", "edge computing", "privacy",
    "fault tolerance", "time series", "knowledge graphs", "entity resolution", "RL post-training",
)  # fmt: skip
VENUES = (
    "NSDI", "OSDI", "SOSP", "EuroSys", "ATC", "SIGCOMM", "MLSys", "ICML", "NeurIPS", "ICLR",
    "VLDB", "SIGMOD", "KDD", "WWW", "CVPR", "ACL",
)  # fmt: skip
ROLES = ("PhD student", "PhD student", "PhD student", "Master student", "Postdoc")
KINDS = {"PhD student": "phd", "Master student": "masters", "Postdoc": "postdoc"}


@dataclass
class _Group:
    members: list[int]
    org: int
    topics: list[int]
    venues: list[int]
    cum_weights: list[float]  # Pareto activity of the members, for choices()


def _name(rng: random.Random) -> tuple[str, str | None]:
    """A display name and, for some Chinese names, the hanzi."""
    if rng.random() < 0.6:
        (sur, sur_h), (given, given_h) = rng.choice(CHINESE_SURNAMES), rng.choice(CHINESE_GIVEN)
        return f"{given} {sur}", (sur_h + given_h if rng.random() < 0.3 else None)
    return f"{rng.choice(OTHER_GIVEN)} {rng.choice(OTHER_SURNAMES)}", None


def _team_size(rng: random.Random) -> int:
    return min(15, max(1, round(rng.lognormvariate(1.3, 0.45))))


def _groups(rng: random.Random, people: int) -> list[_Group]:
    topic_weights = [1 / (rank + 1) for rank in range(len(TOPICS))]  # Zipf popularity
    groups: list[_Group] = []
    first = 0
    while first < people:
        members = list(range(first, min(people, first + rng.randint(5, 40))))
        first += len(members)
        activity = [8.0] + [rng.paretovariate(1.5) for _ in members[1:]]  # the PI writes most
        groups.append(
            _Group(
                members=members,
                org=len(groups) // 4,
                topics=sorted(set(rng.choices(range(len(TOPICS)), topic_weights, k=3))),
                venues=rng.sample(range(len(VENUES)), 3),
                cum_weights=list(accumulate(activity)),
            )
        )
    return groups


def synthetic(authorships: int, *, seed: int = 0) -> RecordSet:
    """A co-author graph with at least ``authorships`` AUTHORED edges; people are
    ``person:s0``, ``person:s1`` … and papers ``pub:s0`` …, so runs can name them."""
    rng = random.Random(seed)
    out = RecordSet()
    people = max(10, authorships // 8)
    groups = _groups(rng, people)
    for i, name in enumerate(TOPICS):
        out.add(Topic(id=f"topic:s{i}", name=name, sources=SRC))
    for i, name in enumerate(VENUES):
        out.add(Venue(id=f"venue:s{i}", name=name, sources=SRC))
    for g, group in enumerate(groups):
        _add_group(out, rng, g, group, groups)
    # some groups publish far more than others (80/20), so their PIs are hubs
    group_weights = list(accumulate(rng.paretovariate(1.16) for _ in groups))
    edges = 0
    while edges < authorships:
        (g,) = rng.choices(range(len(groups)), cum_weights=group_weights)
        edges += _add_paper(out, rng, f"pub:s{len(out.nodes[Publication])}", groups, g)
    return out


def _add_group(
    out: RecordSet, rng: random.Random, g: int, group: _Group, groups: list[_Group]
) -> None:
    org = f"org:s{group.org}"  # four groups share one; adding it again merges
    out.add(Organization(id=org, name=f"University {group.org}", sources=SRC))
    pi = group.members[0]
    since = rng.randint(1985, 2015)
    for member in group.members:
        name, hanzi = _name(rng)
        pid = f"person:s{member}"
        out.add(Person(id=pid, name=name, native_name=hanzi, sources=SRC))
        role = "Professor" if member == pi else rng.choice(ROLES)
        start = since if member == pi else rng.randint(since, 2024)
        end = None if member == pi else min(2026, start + rng.randint(2, 6))
        out.add(
            AffiliatedWith(
                id=f"aff:s{member}",
                from_id=pid,
                to_id=org,
                role=role,
                start=str(start),
                end=str(end) if end else None,
                sources=SRC,
            )
        )
        if member != pi and rng.random() < 0.8:
            out.add(
                Advised(
                    id=f"adv:s{member}",
                    from_id=f"person:s{pi}",
                    to_id=pid,
                    kind=KINDS.get(role, "supervisor"),
                    sources=SRC,
                )
            )
        topic = group.topics[0] if member == pi else rng.choice(group.topics)
        out.add(
            InterestedIn(id=f"int:s{member}", from_id=pid, to_id=f"topic:s{topic}", sources=SRC)
        )
    if g and rng.random() < 0.7:  # the PI was trained by an earlier group's PI
        mentor = groups[rng.randrange(g)].members[0]
        out.add(
            Advised(
                id=f"adv:s{pi}",
                from_id=f"person:s{mentor}",
                to_id=f"person:s{pi}",
                kind="phd",
                sources=SRC,
            )
        )


def _add_paper(out: RecordSet, rng: random.Random, wid: str, groups: list[_Group], g: int) -> int:
    """One paper of group ``g``; returns its number of authors."""
    group = groups[g]
    pool, weights = group.members, group.cum_weights
    if rng.random() < 0.2:  # with a neighbouring group
        other = groups[(g + 1) % len(groups)]
        pool = pool + other.members
        weights = weights + [weights[-1] + w for w in other.cum_weights]
    size = min(len(pool), _team_size(rng))
    team = list(dict.fromkeys(rng.choices(pool, cum_weights=weights, k=3 * size)))[:size]
    pi = group.members[0]
    if pi in team:  # the PI goes last, as in CS author lists
        team.remove(pi)
        team.append(pi)
    title = f"Synthetic Paper {wid.removeprefix('pub:s')}"
    out.add(Publication(id=wid, title=title, year=rng.randint(2000, 2025), sources=SRC))
    out.add(
        PublishedIn(
            id=f"{wid}:venue", from_id=wid, to_id=f"venue:s{rng.choice(group.venues)}", sources=SRC
        )
    )
    for t in rng.sample(group.topics, min(len(group.topics), rng.randint(1, 2))):
        out.add(About(id=f"{wid}:t{t}", from_id=wid, to_id=f"topic:s{t}", sources=SRC))
    for pos, p in enumerate(team, 1):
        out.add(
            Authored(
                id=f"{wid}:a{pos}", from_id=f"person:s{p}", to_id=wid, position=pos, sources=SRC
            )
        )
    return len(team)
