"""Canonical topics: what a piece of text is about, by a vocabulary shipped with
the package (``topics.yaml``), so that "LLM serving", "serving large language
models" and "LLM inference" meet, acronyms (MoE, RLHF, KV cache, DiT) are kept,
and English inside Chinese text is read too.

>>> v = vocabulary()
>>> sorted(v.find("Serving Large Language Models with Dynamic Input Lengths"))
['llm-serving']
>>> sorted(v.find("ReLibra: Load Balancing for MoE Training in Reinforcement Learning"))
['llm-training', 'mixture-of-experts', 'resource-management', 'rl-post-training']
>>> sorted(v.find("面向大规模 RLHF/Agentic RL 后训练集群"))
['llm-agents', 'rl-post-training']
>>> v.name("kv-cache")
'KV cache'
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from scholargraph.normalize.names import has_cjk

STATED = 1.0  # an interest the person lists
MENTIONED = 0.5  # a topic named in prose about their work (a CV bullet, a bio)
WINDOW = 9  # a `near` match spans at most this many words
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]])[.!?;:]\s+|[。；！？;\n]|\s[–—-]\s")

Words = tuple[str, ...]


def words(text: str) -> list[str]:
    """Lower-cased, accent-folded words, hyphens and slashes splitting, plural -s
    dropped.

    >>> words("Mixture-of-Experts LLMs on TPUs/GPUs")
    ['mixture', 'of', 'expert', 'llm', 'on', 'tpu', 'gpu']
    """
    folded = text
    if not text.isascii():  # nothing to fold in plain ASCII (and a long text stays fast)
        folded = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [_singular(w) for w in re.findall(r"[a-z0-9]+", folded.lower())]


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Concept:
    """One canonical topic: its id (``llm-serving``), display name and the
    phrases that name it."""

    key: str
    name: str
    phrases: tuple[Words, ...]
    near: tuple[tuple[tuple[Words, ...], ...], ...]
    zh: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"topic:{self.key}"


def _phrases(values: Any, where: str) -> tuple[Words, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"topics.yaml: {where} must be a list of strings")
    return tuple(tuple(words(v)) for v in values if words(v))


def _concept(key: str, spec: Any) -> Concept:
    if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
        raise ValueError(f"topics.yaml: {key} needs a name")
    near = tuple(
        tuple(_phrases(group, f"{key}.near") for group in groups) for groups in spec.get("near", [])
    )
    zh = spec.get("zh", [])
    return Concept(key, spec["name"], _phrases(spec.get("phrases", []), key), near, tuple(zh))


class Vocabulary:
    """Canonical topics and a matcher over them (one pass over a text's words)."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = {c.key: c for c in concepts}
        # first word -> (phrase, concept key, group index or -1 for an outright phrase)
        self._index: dict[str, list[tuple[Words, str, int, int]]] = {}
        for c in concepts:
            for p in c.phrases:
                self._index.setdefault(p[0], []).append((p, c.key, -1, -1))
            for n, groups in enumerate(c.near):
                for g, group in enumerate(groups):
                    for p in group:
                        self._index.setdefault(p[0], []).append((p, c.key, n, g))

    def name(self, key: str) -> str:
        return self.concepts[key].name

    def find(self, text: str) -> dict[str, str]:
        """Canonical topics ``text`` names: key -> the words that named it (the
        first occurrence), in order of first occurrence."""
        found: dict[str, str] = {}
        for sentence in _SENTENCE.split(text):
            for key, phrase in self._sentence(sentence):
                found.setdefault(key, phrase)
        if has_cjk(text):
            lowered = text.lower()
            for c in self.concepts.values():
                for z in c.zh:
                    if z.lower() in lowered:
                        found.setdefault(c.key, z)
                        break
        return found

    def _sentence(self, sentence: str) -> Iterator[tuple[str, str]]:
        ws = words(sentence)
        # (concept, near rule) -> group -> [(start, end)]
        spans: dict[tuple[str, int], dict[int, list[tuple[int, int]]]] = {}
        for i, w in enumerate(ws):
            for phrase, key, n, g in self._index.get(w, ()):
                if tuple(ws[i : i + len(phrase)]) != phrase:
                    continue
                if n < 0:
                    yield key, " ".join(phrase)
                else:
                    spans.setdefault((key, n), {}).setdefault(g, []).append((i, i + len(phrase)))
        for (key, n), groups in spans.items():
            if len(groups) == len(self.concepts[key].near[n]):
                hit = _within(list(groups.values()))
                if hit:
                    yield key, " ".join(ws[hit[0] : hit[1]])


def _within(groups: list[list[tuple[int, int]]]) -> tuple[int, int] | None:
    """A span of at most ``WINDOW`` words holding one occurrence of every group."""

    def pick(i: int, lo: int, hi: int) -> tuple[int, int] | None:
        if hi - lo > WINDOW:
            return None
        if i == len(groups):
            return lo, hi
        for s, e in groups[i]:
            if found := pick(i + 1, min(lo, s), max(hi, e)):
                return found
        return None

    return pick(0, sys.maxsize, -1)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (read once)."""
    text = resources.files("scholargraph.normalize").joinpath("topics.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Vocabulary([_concept(str(k), v) for k, v in data.items()])
