"""Pools of names, topics and venues to generate people and papers from
(``samples.yaml``): the synthetic generator and the citation model's training draw
from them. ``sample_name`` makes one person's name."""

from __future__ import annotations

import random
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _pools() -> dict[str, Any]:
    text = resources.files("scholargraph.normalize").joinpath("samples.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def chinese_surnames() -> list[tuple[str, str]]:
    """(pinyin, hanzi) of the most common Chinese surnames."""
    return [(p, h) for p, h in _pools()["chinese_surnames"]]


def chinese_given() -> list[tuple[str, str]]:
    """(pinyin, hanzi) of common Chinese given names, one-syllable ones first."""
    return [(p, h) for p, h in _pools()["chinese_given"]]


def topics() -> list[str]:
    return list(_pools()["topics"])


def venues() -> list[str]:
    return list(_pools()["venues"])


def sample_name(rng: random.Random) -> tuple[str, str | None]:
    """A display name and, for some Chinese names, the hanzi."""
    surnames, given_names = chinese_surnames(), chinese_given()
    if rng.random() < 0.6:
        (sur, sur_h), (given, given_h) = rng.choice(surnames), rng.choice(given_names)
        if rng.random() < 0.5:  # a two-character given name
            (second, second_h) = rng.choice(given_names[:20])
            given, given_h = given + second.lower(), given_h + second_h
        return f"{given} {sur}", (sur_h + given_h if rng.random() < 0.3 else None)
    middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.5 else ""
    pools = _pools()
    return f"{rng.choice(pools['other_given'])}{middle} {rng.choice(pools['other_surnames'])}", None
