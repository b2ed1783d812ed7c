"""The shared HTTP layer survives what public APIs do: throttling, errors, stalls,
cut-off and unreadable bodies, and what hostile servers do: redirect loops and
redirects elsewhere, wrong-shaped answers, endless paging, dripping bodies, gzip
bombs and huge answers; it caches, works offline and keeps keys private."""

from __future__ import annotations

import gzip
import json
import sqlite3
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import RECORDED
from replay import Answer, Replay

from scholargraph.bench import local_server
from scholargraph.config import ApiSettings
from scholargraph.enrich.apis import OpenAlex, SemanticScholar
from scholargraph.errors import ApiError, NotCachedError
from scholargraph.http import Http, json_body

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


# -- hostile servers: each fault bounded, each failure one line without secrets ------

KEYS = (b"SECRET-KEY", b"S2-SECRET", b"BEARER-SECRET", b"tests@example.org")


def keyed(settings: ApiSettings, api: str = "openalex") -> Http:
    """A session carrying every kind of credential: key and mailto parameters and
    key and Authorization headers."""
    return Http(
        api,
        settings,
        params={"api_key": "SECRET-KEY", "mailto": "tests@example.org"},
        headers={"x-api-key": "S2-SECRET", "Authorization": "Bearer BEARER-SECRET"},
        sleep=lambda _: None,
    )


def loop_back(to: str, times: int) -> list[Answer]:
    return [Answer(301, headers={"Location": to}) for _ in range(times)]


def test_a_redirect_loop_stops_after_five_hops_as_one_line_without_secrets(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script(PATH, *loop_back(PATH, 20))
    with pytest.raises(ApiError, match="more than 5 redirects") as err:
        title_of(keyed(api_settings))
    line = err.value.one_line()
    assert line.startswith("openalex: http://127.0.0.1:") and "/works/W2741809807" in line
    assert not any(k.decode() in line for k in KEYS)
    assert len(recorded.seen) == 6  # the request and five hops, not retried


def test_a_redirect_on_the_same_origin_keeps_the_credentials_and_is_cached(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    merged = "/api.openalex.org/works/W1"  # OpenAlex answers a merged id with a 301
    recorded.script(merged, Answer(301, headers={"Location": PATH}))
    client = keyed(api_settings)
    assert client.get_json("/works/W1")["title"].startswith("The state of OA")
    assert "api_key=SECRET-KEY" in recorded.seen[1]
    assert recorded.headers[1]["x-api-key"] == "S2-SECRET"
    rerun = keyed(api_settings)
    assert rerun.get_json("/works/W1")["title"].startswith("The state of OA")
    assert len(recorded.seen) == 2 and rerun.counts == {"cache_hits": 1}


def test_a_redirect_to_another_origin_carries_no_credentials(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    body = (RECORDED / "openalex" / "work_W2741809807.json").read_bytes()
    targets: list[str] = []
    headers: list[dict[str, str]] = []

    def elsewhere(method: str, target: str, sent: bytes) -> Answer:
        targets.append(target)
        return Answer(200, body, {"Content-Type": "application/json"})

    with local_server.serving(elsewhere, seen=headers) as other:
        leaky = f"{other}/W2741809807?api_key=SECRET-KEY&mailto=tests@example.org&select=id"
        recorded.script(PATH, Answer(302, headers={"Location": leaky}))
        assert title_of(keyed(api_settings)).startswith("The state of OA")
    assert targets == ["/W2741809807?select=id"]
    assert not {k.lower() for k in headers[0]} & {"x-api-key", "authorization"}
    assert not any(k.decode() in str(headers) for k in KEYS)  # the contact address too
    assert "api_key=SECRET-KEY" in recorded.seen[0]  # the API itself still had it


def test_no_credential_is_ever_written_to_the_cache_folder(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script("/api.openalex.org/works/W1", Answer(301, headers={"Location": PATH}))
    recorded.script(
        "/api.openalex.org/works/W3",
        Answer(200, b'{"echo": "api_key=SECRET-KEY"}', {"Content-Type": "application/json"}),
    )
    for api in ("openalex", "s2", "crossref"):
        client = keyed(api_settings, api)
        for path in ("/works/W2741809807", "/works/W1", "/works/W0", "/works/W3"):
            client.get_json(path)
        client.fetch("/paper/batch", {"fields": "title"}, parse=json_body, method="POST", json={})
        client.close()
    again = keyed(api_settings)
    assert again.get_json("/works/W1") is not None and again.counts == {"cache_hits": 1}
    files = [p for p in Path(api_settings.cache_dir).rglob("*") if p.is_file()]
    assert files
    stored = b"".join(p.read_bytes() for p in files)
    assert [k for k in KEYS if k in stored] == []


def test_a_wrong_shaped_answer_is_one_line_and_not_cached(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    recorded.script(PATH, Answer(200, b'{"results": []}', {"Content-Type": "application/json"}))
    client = OpenAlex.from_settings(api_settings, sleep=lambda _: None)
    with pytest.raises(ApiError, match="unexpected answer") as err:
        client.work("W2741809807")
    line = err.value.one_line()
    assert line.startswith("openalex: http://127.0.0.1:") and "/works/W2741809807" in line
    assert "SECRET-KEY" not in line
    again = OpenAlex.from_settings(api_settings)
    work = again.work("W2741809807")
    assert work is not None and work.title.startswith("The state of OA")
    assert again.http.counts == {"requests": 1}  # asked again, not replayed from the cache


def test_a_cursor_that_never_moves_stops_paging_with_one_line(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    work = json.loads((RECORDED / "openalex" / "work_W2741809807.json").read_text())
    page = json.dumps({"meta": {"next_cursor": "SAME"}, "results": [work]}).encode()
    recorded.script("/api.openalex.org/works", *[Answer(200, page) for _ in range(50)])
    client = OpenAlex.from_settings(api_settings, sleep=lambda _: None)
    with pytest.raises(ApiError, match="same next_cursor came back") as err:
        list(client.works_of("A5023888391"))
    assert err.value.one_line().startswith("openalex: http://127.0.0.1:")
    assert "SECRET-KEY" not in err.value.one_line() and len(recorded.seen) == 2


def test_an_offset_that_never_moves_stops_paging_with_one_line(
    replay: Replay, api_settings: ApiSettings
) -> None:
    paper = {"paperId": "P1", "title": "A paper", "authors": []}
    page = json.dumps({"next": 0, "data": [paper]}).encode()
    replay.script("/api.semanticscholar.org/graph/v1/author/1/papers", *[Answer(200, page)] * 2)
    client = SemanticScholar.from_settings(replace(api_settings, s2_api_key="S2-SECRET"))
    with pytest.raises(ApiError, match="next=0 repeats") as err:
        list(client.author_papers("1"))
    assert err.value.one_line().startswith("s2: http://127.0.0.1:") and len(replay.seen) == 1
    with pytest.raises(ApiError, match="next=0 repeats"):  # asked again: nothing was kept
        list(SemanticScholar.from_settings(api_settings).author_papers("1"))
    assert len(replay.seen) == 2


def test_a_dripping_server_meets_the_deadline_and_is_not_cached(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    drip = Answer(200, b'{"id": "W1", "title": "slow"}' * 10, drip=0.05)
    recorded.script(PATH, drip, drip, drip)
    started = time.monotonic()
    with pytest.raises(ApiError, match=r"no whole answer within 0.4 s after 3 tries"):
        title_of(http(replace(api_settings, deadline=0.4)))
    assert time.monotonic() - started < 6  # three tries of 0.4 s (+ a read), not 15 s
    assert title_of(http(api_settings)).startswith("The state of OA")  # nothing cached


def bomb() -> bytes:
    return gzip.compress(b"\0" * (64 << 20), compresslevel=1)


@pytest.mark.parametrize(
    "big",
    [
        pytest.param(lambda: Answer(200, bomb(), {"Content-Encoding": "gzip"}), id="gzip bomb"),
        pytest.param(lambda: Answer(200, b" " * 3_000_000, length=False), id="no length"),
        pytest.param(lambda: Answer(200, b" " * 3_000_000), id="content-length"),
    ],
)
def test_a_body_past_the_size_limit_is_refused_bounded_and_not_cached(
    recorded: Replay, api_settings: ApiSettings, big: Callable[[], Answer]
) -> None:
    recorded.script(PATH, big())
    tracemalloc.start()
    try:
        with pytest.raises(ApiError, match="larger than 1000000 bytes") as err:
            title_of(http(replace(api_settings, max_bytes=1_000_000)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # never the whole (64 MiB decompressed) body
    assert "SECRET-KEY" not in err.value.one_line() and len(recorded.seen) == 1
    assert title_of(http(api_settings)).startswith("The state of OA")  # nothing cached


def test_a_gzipped_answer_within_the_limit_is_read_and_cached(
    recorded: Replay, api_settings: ApiSettings
) -> None:
    body = (RECORDED / "openalex" / "work_W2741809807.json").read_bytes()
    zipped = Answer(200, gzip.compress(body), {"Content-Encoding": "gzip"})
    recorded.script("/api.openalex.org/works/W1", zipped)
    assert http(api_settings).get_json("/works/W1")["title"].startswith("The state of OA")
    rerun = http(api_settings)
    assert rerun.get_json("/works/W1")["title"].startswith("The state of OA")
    assert rerun.counts == {"cache_hits": 1}
