"""Topics: the vocabulary, what people and papers are about, clusters, and the
topic questions asked of the five seed profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared

from scholargraph.normalize.topics import vocabulary
from scholargraph.pipeline import extract
from scholargraph.queries import answer_graph, run
from scholargraph.records import (
    Cluster,
    InCluster,
    InterestedIn,
    MemberOf,
    Person,
    RecordSet,
    Topic,
)
from scholargraph.store.export import stats
from scholargraph.store.store import Store
from scholargraph.store.writer import write_records

OWNERS = {"X. Wang", "Xin Tan", "Xinming Wei", "Xueshen Liu", "Yuxing Xiang"}


def seeds() -> list[Path]:
    return sorted(shared("seeds").glob("*.txt"))


@pytest.mark.parametrize(
    "text",
    [
        "LLM serving",
        "serving large language models",
        "LLM inference serving",
        "Arlo: Serving Transformer-based Language Models with Dynamic Input Lengths",
        "机器学习负载的推理系统设计与优化",
    ],
)
def test_wordings_of_llm_serving_meet_on_one_topic(text: str) -> None:
    assert "llm-serving" in vocabulary().find(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ReviveMoE: fast recovery for MoE LLM deployment", "mixture-of-experts"),
        ("Mixture-of-Experts layers", "mixture-of-experts"),
        ("scaling RLHF", "rl-post-training"),
        ("KV-cache reuse for reasoning models", "kv-cache"),
        ("Accelerating Video DiT Training", "diffusion-models"),
        ("面向大规模 RLHF/Agentic RL 后训练集群", "rl-post-training"),
    ],
)
def test_acronyms_and_english_inside_chinese_are_recognised(text: str, key: str) -> None:
    assert key in vocabulary().find(text)


def test_words_far_apart_or_in_another_sentence_do_not_make_a_topic() -> None:
    text = "We study formal verification. Later, reinforcement learning (RL)."
    assert "rl-post-training" not in vocabulary().find(text)
    assert "llm-serving" not in vocabulary().find(
        "LLM quality is judged by people who rarely run inference"
    )


def people_on(rs: RecordSet, key: str) -> set[str]:
    people = rs.of(Person)
    return {
        people[r.from_id].name for r in rs.rels[InterestedIn].values() if r.to_id == f"topic:{key}"
    }


@pytest.fixture(scope="module")
def seed_records() -> RecordSet:
    return extract(seeds()).records


def test_llm_serving_is_shared_by_all_five_seed_researchers(seed_records: RecordSet) -> None:
    assert people_on(seed_records, "llm-serving") >= OWNERS


def test_rl_post_training_is_shared_by_three_seed_researchers(seed_records: RecordSet) -> None:
    assert people_on(seed_records, "rl-post-training") & OWNERS == {
        "Xin Tan",
        "Xinming Wei",
        "Xueshen Liu",
    }


def test_mixture_of_experts_is_shared_by_three_seed_researchers(seed_records: RecordSet) -> None:
    assert people_on(seed_records, "mixture-of-experts") & OWNERS == {
        "X. Wang",
        "Xinming Wei",
        "Xueshen Liu",
    }


def test_interest_scores_say_whether_stated_or_from_papers(seed_records: RecordSet) -> None:
    by = {
        (seed_records.of(Person)[r.from_id].name, r.to_id): r
        for r in seed_records.of(InterestedIn).values()
    }
    listed = by[("Xin Tan", "topic:llm-training")]  # 分布式机器学习系统, in 研究兴趣
    assert listed.stated == 1.0
    bullet = by[("Xueshen Liu", "topic:mixture-of-experts")]  # "Disaggregates MoE models ..."
    assert (bullet.stated, bullet.papers) == (0.5, 0)
    assert any("Disaggregates MoE models" in e for e in bullet.evidence)
    papers = by[("Yuxing Xiang", "topic:llm-serving")]
    assert papers.papers == 2
    assert "paper: Aegaeon: Effective GPU Pooling for Concurrent LLM Serving on the Market" in (
        papers.evidence
    )
    assert papers.score == papers.stated + 2.0


def test_a_profile_pages_interface_text_states_no_interest(seed_records: RecordSet) -> None:
    # 002 is a scraped profile page: "Verification L1", "topics", "Research graph" ...
    people = seed_records.of(Person)
    stated = [
        r
        for r in seed_records.of(InterestedIn).values()
        if r.stated and people[r.from_id].name == "Xinming Wei"
    ]
    assert stated == []


def cluster_facts(rs: RecordSet) -> list[tuple[str, ...]]:
    out = [(c.id, c.name, *c.topics, *c.top_people, *c.top_papers) for c in rs.of(Cluster).values()]
    out += [(r.from_id, r.to_id, str(r.score)) for r in rs.of(InCluster).values()]
    out += [(r.from_id, r.to_id, str(r.score)) for r in rs.of(MemberOf).values()]
    return sorted(out)


def test_clusters_are_the_same_whatever_the_ingest_order(seed_records: RecordSet) -> None:
    reordered = extract([*reversed(seeds())]).records
    assert cluster_facts(reordered) == cluster_facts(seed_records)
    assert cluster_facts(extract(seeds()).records) == cluster_facts(seed_records)


def test_every_topic_is_in_one_cluster_labelled_by_its_topics(seed_records: RecordSet) -> None:
    clustered = [r.from_id for r in seed_records.rels[InCluster].values()]
    assert sorted(clustered) == sorted(seed_records.nodes[Topic])
    for c in seed_records.of(Cluster).values():
        assert c.size == len(c.topics) and c.name.split(" · ")[0] == c.topics[0]


def test_topic_questions_on_the_seed_graph(store: Store) -> None:
    write_records(store, extract(seeds()).records)
    serving = run(store, "people-by-topic", topic="serving large language models").rows
    assert {r["name"] for r in serving} >= OWNERS
    overlap = run(store, "topic-overlap", person="Xin Tan", other="Xueshen Liu").rows
    assert {"LLM serving", "RL post-training systems"} <= {r["topic"] for r in overlap}
    similar = run(store, "similar-people", person="Xin Tan", limit=50).rows
    assert all(0 < r["similarity"] <= 1 and r["shared"] for r in similar)
    assert [r["similarity"] for r in similar] == sorted(
        (r["similarity"] for r in similar), reverse=True
    )
    answer = run(store, "topic-clusters")
    clusters = answer.rows
    drawn = {t for *_, t in answer_graph(store, answer).edges(data="type")}
    assert drawn == {"IN_CLUSTER", "MEMBER_OF"}  # the query's '// draw:' line
    assert sum(r["size"] for r in clusters) == stats(store)["Topic"]
    mine = run(store, "topics", person="Xueshen Liu").rows
    assert "Mixture of experts (MoE)" in {r["topic"] for r in mine}


def test_a_topic_listed_and_also_named_in_prose_keeps_the_stronger_statement(
    tmp_path: Path,
) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Ada Quinn\n\n- Built a KV cache manager for LLM serving.\n\n"
        "## Research interests\n\nKV cache\n",
        encoding="utf-8",
    )
    rs = extract([cv]).records
    (kv,) = [r for r in rs.of(InterestedIn).values() if r.to_id == "topic:kv-cache"]
    assert kv.stated == 1.0
    assert len(kv.evidence) == 2
