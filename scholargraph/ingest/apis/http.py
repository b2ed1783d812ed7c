"""One HTTP session per public API: etiquette, limits, retries and a disk cache.

Every client talks through an ``Http``, which

- names the project and a contact in its User-Agent, sends API keys and ``mailto``
  (the cache ignores them, so a key never lands on disk and keyed and unkeyed
  runs share answers);
- keeps to the API's rate (``SCHOLARGRAPH_<API>_RATE`` requests a second, slowed
  further when the server's ``X-Rate-Limit-*`` headers ask for it);
- retries a 429, a 5xx, a timeout, a dropped connection or a body cut off or
  unreadable, waiting ``Retry-After`` when given, else doubling from one second;
- keeps 200 and 404 answers in an SQLite cache (requests-cache), so a re-run costs
  no requests, and offline answers from that cache alone.

>>> from scholargraph.config import ApiSettings
>>> import tempfile
>>> http = Http("crossref", ApiSettings(cache_dir=tempfile.mkdtemp(), offline=True))
>>> http.get_json("/works/10.1000/none")
Traceback (most recent call last):
...
scholargraph.errors.NotCachedError: crossref: offline, and .../works/10.1000/none is not cached
"""

from __future__ import annotations

import email.utils
import time
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from xml.etree.ElementTree import ParseError

import requests
import requests_cache

from scholargraph.config import ApiSettings
from scholargraph.errors import ApiError, NotCachedError

T = TypeVar("T")
KEEP_FOR = timedelta(days=30)  # cached answers older than this are asked again (online)
MAX_WAIT = 300.0  # seconds: a longer Retry-After is an error, not a wait
SECRET_PARAMS = ("api_key", "mailto", "x-api-key")
RETRYABLE = (
    requests.Timeout,
    requests.ConnectionError,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date).

    >>> retry_after("7"), retry_after(None), retry_after("soon")
    (7.0, None, None)
    >>> retry_after("Wed, 02 Dec 2026 10:00:30 GMT", datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    30.0
    """
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def json_body(response: requests.Response) -> Any:
    """The body as JSON (a ValueError when it is not)."""
    return response.json()


def text_body(response: requests.Response) -> str:
    return response.content.decode("utf-8")


class Http:
    """The one session a client of ``api`` (a key of ``config.APIS``) uses.

    ``counts`` tallies ``requests`` sent, ``cache_hits`` and ``retries``.
    ``sleep`` and ``clock`` are replaceable so tests need not wait.
    """

    def __init__(
        self,
        api: str,
        settings: ApiSettings,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.api = api
        self.base_url = settings.base_urls[api]
        self.interval = 1.0 / settings.rates[api]
        self.timeout = settings.timeout
        self.retries = settings.retries
        self.offline = settings.offline
        self.params = dict(params or {})
        self.counts: Counter[str] = Counter()
        self._sleep = sleep
        self._clock = clock
        self._last_sent = float("-inf")
        Path(settings.cache_dir).mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(Path(settings.cache_dir) / api),
            backend="sqlite",
            expire_after=KEEP_FOR,
            allowable_codes=(200, 404),
            allowable_methods=("GET", "POST"),
            ignored_parameters=SECRET_PARAMS,
            only_if_cached=settings.offline,
        )
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.headers.update(headers or {})

    def close(self) -> None:
        self.session.close()  # type: ignore[no-untyped-call]

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.base_url + path

    def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """The JSON answer to GET ``path`` (None for a 404)."""
        return self.fetch(path, params, parse=json_body)

    def fetch(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        parse: Callable[[requests.Response], T],
        method: str = "GET",
        json: Any = None,
    ) -> T | None:
        """``parse`` of the answer to ``method path``; None for a 404.

        Raises NotCachedError offline on a cache miss, ApiError once the tries
        are used up or on any other 4xx.
        """
        request = self.session.prepare_request(
            requests.Request(
                method, self.url(path), params={**self.params, **(params or {})}, json=json
            )
        )
        shown = _without_secrets(request.url or path)
        cached = self.session.cache.contains(request=request)
        if self.offline and not cached:
            raise NotCachedError(
                f"{self.api}: offline, and {shown} is not cached",
                hint="run once online (without --offline) to fill the cache",
            )
        for attempt in range(self.retries + 1):
            wait: float | None = None
            try:
                if not cached:
                    self._keep_rate()
                response = self.session.send(request, timeout=self.timeout)
                self._count(response)
                status = response.status_code
                if status == 404:
                    return None
                if status == 429 or status >= 500:
                    problem = f"HTTP {status}"
                    wait = retry_after(response.headers.get("Retry-After"))
                    if wait is not None and wait > MAX_WAIT:
                        raise ApiError(
                            f"{self.api}: {shown}: asked to wait {wait:.0f} s",
                            hint="try again later; answers so far are cached",
                        )
                elif status >= 400:
                    raise ApiError(
                        f"{self.api}: {shown}: HTTP {status} {response.reason}",
                        hint=_hint_for(status),
                    )
                else:
                    self._follow_rate_headers(response.headers)
                    try:
                        return parse(response)
                    except (ValueError, ParseError, UnicodeDecodeError) as err:
                        self.session.cache.delete(requests=[request])
                        problem = f"unreadable body ({type(err).__name__})"
            except RETRYABLE as err:
                problem = type(err).__name__
            if attempt == self.retries:
                break
            self.counts["retries"] += 1
            self._sleep(wait if wait is not None else min(60.0, 2.0**attempt))
            cached = False
        raise ApiError(
            f"{self.api}: {shown}: {problem} after {self.retries + 1} tries",
            hint="try again later; answers so far are cached",
        )

    def _count(self, response: requests.Response) -> None:
        if getattr(response, "from_cache", False):
            self.counts["cache_hits"] += 1
        else:
            self.counts["requests"] += 1

    def _keep_rate(self) -> None:
        gap = self._last_sent + self.interval - self._clock()
        if gap > 0:
            self._sleep(gap)
        self._last_sent = self._clock()

    def _follow_rate_headers(self, headers: Mapping[str, str]) -> None:
        """Slow down to what ``X-Rate-Limit-Limit`` per ``X-Rate-Limit-Interval`` allow
        (Crossref sends them)."""
        limit, interval = headers.get("X-Rate-Limit-Limit"), headers.get("X-Rate-Limit-Interval")
        if limit and interval and limit.isdigit() and int(limit) > 0:
            seconds = interval.rstrip("s")
            if seconds.replace(".", "", 1).isdigit():
                self.interval = max(self.interval, float(seconds) / int(limit))


def _without_secrets(url: str) -> str:
    """``url`` with API keys and contact addresses left out (for messages)."""
    base, _, query = url.partition("?")
    kept = [p for p in query.split("&") if p and p.split("=", 1)[0].lower() not in SECRET_PARAMS]
    return base + ("?" + "&".join(kept) if kept else "")


def _hint_for(status: int) -> str:
    if status in (401, 403):
        return "check the API key (OPENALEX_API_KEY, S2_API_KEY)"
    return "the request was refused; check the base URL (SCHOLARGRAPH_<API>_URL)"
