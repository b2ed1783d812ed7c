"""The shared HTTP layer survives what public APIs do: throttling, errors, stalls,
cut-off and unreadable bodies; it caches, works offline and keeps keys private."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import RECORDED
from replay import Answer, Replay

from scholargraph.config import ApiSettings
from scholargraph.errors import ApiError, NotCachedError
from scholargraph.ingest.apis.http import Http

WORK = "https://api.openalex.org/works/W2741809807"
PATH = "/api.openalex.org/works/W2741809807"


def http(settings: ApiSettings, naps: list[float] | None = None) -> Http:
    sleep = naps.append if naps is not None else (lambda _: None)
    return Http("openalex", settings, params={"api_key": "SECRET-KEY"}, sleep=sleep)


@pytest.fixture
def recorded(replay: Replay) -> Replay:
    replay.add_file(WORK, RECORDED / "openalex" / "work_W2741809807.json")
    return replay


def title_of(client: Http) -> str:
    return str(client.get_json("/works/W2741809807")["title"])


def test_a_429_is_retried_after_the_wait_retry_after_asks(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script(PATH, Answer(429, b"slow down", {"Retry-After": "3"}))
    naps: list[float] = []
    client = http(api_settings, naps)
    assert title_of(client).startswith("The state of OA")
    assert 3.0 in naps and client.counts["retries"] == 1


def test_server_errors_are_retried_with_growing_waits(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script(PATH, Answer(500), Answer(503))
    naps: list[float] = []
    client = http(api_settings, naps)
    assert title_of(client).startswith("The state of OA")
    assert [n for n in naps if n >= 1] == [1.0, 2.0] and client.counts["requests"] == 3


def test_a_stalled_answer_times_out_and_is_retried(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script(PATH, Answer(200, b"{}", delay=1.5))
    client = http(replace(api_settings, timeout=0.3))
    assert title_of(client).startswith("The state of OA") and client.counts["retries"] == 1


@pytest.mark.parametrize(
    "bad",
    [Answer(200, b'{"id": "https://openalex.org/W27', cut=True), Answer(200, b'{"id": "W1", ')],
    ids=["cut-off transfer", "malformed json"],
)
def test_a_cut_off_or_unreadable_body_is_asked_again_and_not_cached(
    recorded: Replay, api_settings: ApiSettings, bad: Answer
) -> None:
    recorded.script(PATH, bad)
    assert title_of(http(api_settings)).startswith("The state of OA")
    again = http(api_settings)
    assert title_of(again).startswith("The state of OA") and again.counts["cache_hits"] == 1


def test_failing_for_good_is_one_line_without_the_key(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script(PATH, Answer(500), Answer(502), Answer(500))
    with pytest.raises(ApiError) as err:
        title_of(http(api_settings))
    line = err.value.one_line()
    assert line.startswith("openalex: http://127.0.0.1:") and "HTTP 500 after 3 tries" in line
    assert "SECRET-KEY" not in line and "hint:" in line


def test_a_refusal_is_not_retried(recorded: Replay, api_settings: ApiSettings) -> None:
    recorded.script(PATH, Answer(403, b"no key"))
    with pytest.raises(ApiError, match="HTTP 403") as err:
        title_of(http(api_settings))
    assert "OPENALEX_API_KEY" in err.value.one_line() and len(recorded.seen) == 1


def test_not_found_is_none(replay: Replay, api_settings: ApiSettings) -> None:
    assert http(api_settings).get_json("/works/W0") is None


def test_a_rerun_is_answered_from_the_cache_and_offline_too(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    title_of(http(api_settings))
    rerun = http(api_settings)
    title_of(rerun)
    offline = http(replace(api_settings, offline=True))
    title_of(offline)
    assert len(recorded.seen) == 1
    assert rerun.counts == {"cache_hits": 1} and offline.counts == {"cache_hits": 1}
    with pytest.raises(NotCachedError, match="is not cached"):
        offline.get_json("/works/W1")
    assert len(recorded.seen) == 1  # a miss offline sends nothing


def test_the_key_never_reaches_the_cache_and_the_agent_names_a_contact(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    title_of(http(api_settings))
    assert recorded.headers[0]["User-Agent"] == "scholargraph (mailto:tests@example.org)"
    assert "api_key=SECRET-KEY" in recorded.seen[0]
    cache = Path(api_settings.cache_dir) / "openalex.sqlite"
    with sqlite3.connect(cache) as db:
        stored = b"".join(bytes(row[0]) for row in db.execute("SELECT value FROM responses"))
    assert stored and b"SECRET-KEY" not in stored


def test_requests_keep_to_the_rate(recorded: Replay, api_settings: ApiSettings) -> None:
    naps: list[float] = []
    ticks = iter([0.0, 0.0, 0.1, 0.5])  # seconds on the clock at each look
    client = Http(
        "openalex",
        replace(api_settings, rates={**api_settings.rates, "openalex": 2.0}),
        sleep=naps.append,
        clock=lambda: next(ticks),
    )
    client.get_json("/works/W2741809807")
    client.get_json("/works/W0")
    assert naps == [pytest.approx(0.4)]  # 0.5 s apart at 2 a second; 0.1 s had passed
