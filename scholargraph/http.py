"""One HTTP session per public API: etiquette, limits, retries and a disk cache.

Every client talks through an ``Http``, which

- names the project and a contact in its User-Agent, sends API keys, ``mailto``
  and that contact to the API's own origin only (a redirect elsewhere goes without
  them) and never stores them: the cache keys, the stored requests and the stored
  answers hold no key, no credential header and no ``api_key``/``mailto`` (so keyed
  and unkeyed runs share answers);
- follows redirects itself, at most ``MAX_REDIRECTS`` of them;
- keeps to the API's rate (``SCHOLARGRAPH_<API>_RATE`` requests a second, slowed
  further when the server's ``X-Rate-Limit-*`` headers ask for it);
- fails at once, with an ``UnreachableError``, when no connection can be made
  (a host name that does not resolve, a refused port: a network that is not
  there is not waited for), and sends nothing more once the session has been
  sending for ``SCHOLARGRAPH_HTTP_RUN_DEADLINE`` seconds (an ``OutOfTimeError``);
- retries a 429, a 5xx, a timeout, a dropped connection or an answer cut off,
  unreadable or not whole within the deadline (``SCHOLARGRAPH_HTTP_DEADLINE``:
  a watchdog cuts the connection, whether the server drips its headers or its
  body), waiting ``Retry-After`` when given, else doubling from one second;
- reads a body streamed and refuses it past ``SCHOLARGRAPH_HTTP_MAX_BYTES`` (also
  when decompressed: a gzip bomb stops there);
- keeps 200 and 404 answers in an SQLite cache (requests-cache's), only once the
  client's ``parse`` has accepted them, so a re-run costs no requests, a
  wrong-shaped answer is asked again next time, and offline answers from that
  cache alone.

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
import socket
import threading
import time
import weakref
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from requests_cache.backends.sqlite import SQLiteCache
from requests_cache.cache_keys import create_key
from requests_cache.models.request import CachedRequest
from requests_cache.models.response import CachedResponse
from urllib3.connection import HTTPConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from scholargraph.config import ApiSettings
from scholargraph.errors import ApiError, NotCachedError, UnreachableError

T = TypeVar("T")
KEEP_FOR = timedelta(days=30)  # cached answers older than this are asked again (online)
MAX_WAIT = 300.0  # seconds: a longer Retry-After is an error, not a wait
MAX_REDIRECTS = 5  # hops followed for one request; more is an error (a loop, most likely)
CHUNK = 64 * 1024  # bytes read (or decompressed) at a time
SECRET_PARAMS = ("api_key", "mailto", "x-api-key")
SECRET_HEADERS = ("x-api-key", "authorization")
REDIRECTS = (301, 302, 303, 307, 308)
STORED = (200, 404)  # the answers kept in the cache
# Response headers kept with a cached answer (the body is stored decoded and whole).
KEPT_HEADERS = ("content-type", "x-rate-limit-limit", "x-rate-limit-interval", "last-modified")
RETRYABLE = (
    requests.Timeout,
    requests.ConnectionError,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)
WRONG_SHAPE = (LookupError, TypeError, AttributeError)  # a parse meeting an unexpected structure


class _TooLarge(Exception):
    """A body past the size limit (not retried, never cached)."""


class _Deadline(requests.Timeout):
    """An answer not whole within the deadline (retried like a timeout)."""


class OutOfTimeError(UnreachableError):
    """The session's time for the run is used up: like an API that cannot be
    reached, it is asked nothing more in this run (and nothing is marked done)."""


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


def origin(url: str) -> tuple[str, str]:
    """Scheme and host:port, what decides whether credentials may go along.

    >>> origin("https://api.openalex.org/works/W1?x=1") == origin("https://API.openalex.org:443/")
    True
    >>> origin("https://api.openalex.org/") == origin("http://api.openalex.org/")
    False
    """
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return parts.scheme.lower(), f"{(parts.hostname or '').lower()}:{parts.port or default}"


class Http:
    """The one session a client of ``api`` (a key of ``config.APIS``) uses.

    ``counts`` tallies ``requests`` sent, ``cache_hits`` and ``retries``.
    ``sleep`` and ``clock`` are replaceable so tests need not wait (the deadline
    of a request runs on the real clock).
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
        self.deadline = settings.deadline
        self.max_bytes = settings.max_bytes
        self.run_deadline = settings.run_deadline
        self._run_ends = time.monotonic() + settings.run_deadline
        self.retries = settings.retries
        self.offline = settings.offline
        self.params = dict(params or {})
        self.counts: Counter[str] = Counter()
        self._sleep = sleep
        self._clock = clock
        self._last_sent = float("-inf")
        headers = dict(headers or {})
        self._secret_headers = {k: v for k, v in headers.items() if k.lower() in SECRET_HEADERS}
        self._secrets = [
            v
            for v in [
                *self._secret_headers.values(),
                *(v for k, v in self.params.items() if k.lower() in SECRET_PARAMS),
            ]
            if v
        ]
        Path(settings.cache_dir).mkdir(parents=True, exist_ok=True)
        self.cache = SQLiteCache(str(Path(settings.cache_dir) / api))
        self.session = requests.Session()
        self._adapter = _WatchedAdapter()
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, self._adapter)
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.headers["Accept-Encoding"] = "gzip, deflate"  # what _Decoder reads
        self.session.headers.update(
            {k: v for k, v in headers.items() if k.lower() not in SECRET_HEADERS}
        )

    def close(self) -> None:
        self.session.close()
        self.cache.close()  # type: ignore[no-untyped-call]

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.base_url + path

    def shown(self, path: str, params: Mapping[str, Any] | None = None) -> str:
        """The URL of ``path`` with ``params``, as messages name it (no secrets)."""
        request = requests.Request("GET", self.url(path), params=dict(params or {})).prepare()
        return _without_secrets(request.url or path)

    def get_json(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        shape: Callable[[Any], Any] | None = None,
    ) -> Any:
        """The JSON answer to GET ``path``, through ``shape`` when given (None for a
        404). An answer ``shape`` fails on (a KeyError, TypeError …) is an ApiError
        and is not cached."""
        if shape is None:
            return self.fetch(path, params, parse=json_body)
        check = shape
        return self.fetch(path, params, parse=lambda r: check(json_body(r)))

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
        are used up, on any other 4xx, on a redirect loop, on a body past the size
        limit, or when ``parse`` finds the answer wrong-shaped.
        """
        request, clean, key = self._prepare(method, path, params, json)
        shown = clean.url or path
        cached = self._cached(key)
        if self.offline and cached is None:
            raise NotCachedError(
                f"{self.api}: offline, and {shown} is not cached",
                hint="run once online (without --offline) to fill the cache",
            )
        for attempt in range(self.retries + 1):
            wait: float | None = None
            try:
                if cached is not None:
                    response: requests.Response = cached
                    self.counts["cache_hits"] += 1
                else:
                    response = self._send(request, shown)
                status = response.status_code
                if status == 404:
                    if cached is None:
                        self._store(key, clean, response)
                    return None
                if status == 429 or status >= 500:
                    problem = f"HTTP {status}"
                    wait = retry_after(response.headers.get("Retry-After"))
                    if wait is not None and wait > MAX_WAIT:
                        raise ApiError(
                            f"{self.api}: {shown}: asked to wait {wait:.0f} s",
                            hint="try again later; answers so far are cached",
                        )
                elif status >= 300:
                    raise ApiError(
                        f"{self.api}: {shown}: HTTP {status} {response.reason}",
                        hint=_hint_for(status),
                    )
                else:
                    self._follow_rate_headers(response.headers)
                    try:
                        value = parse(response)
                    except (ValueError, ParseError, UnicodeDecodeError) as err:
                        problem = f"unreadable body ({type(err).__name__})"
                    except WRONG_SHAPE as err:
                        self.cache.delete(key)
                        raise ApiError(
                            f"{self.api}: {shown}: unexpected answer"
                            f" ({type(err).__name__}: {_short(str(err))}); not cached",
                            hint="the API's answer was not what this client reads; "
                            "try again later, report it if it persists",
                        ) from None
                    else:
                        if cached is None:
                            self._store(key, clean, response)
                        return value
                    self.cache.delete(key)
            except _TooLarge:
                raise ApiError(
                    f"{self.api}: {shown}: answer larger than {self.max_bytes} bytes, refused",
                    hint="raise SCHOLARGRAPH_HTTP_MAX_BYTES if so large an answer is expected",
                ) from None
            except RETRYABLE as err:
                if _no_connection(err):
                    raise UnreachableError(
                        f"{self.api}: cannot connect to {origin(shown)[1]}"
                        f" ({_connection_failure(err)})",
                        hint="check the network (or SCHOLARGRAPH_<API>_URL), "
                        "or answer from the cache with --offline",
                    ) from None
                problem = str(err) if isinstance(err, _Deadline) else type(err).__name__
            if attempt == self.retries or self.offline:
                break
            self.counts["retries"] += 1
            self._sleep(wait if wait is not None else min(60.0, 2.0**attempt))
            cached = None
        raise ApiError(
            f"{self.api}: {shown}: {problem} after {attempt + 1} tries",
            hint="try again later; answers so far are cached",
        )

    def forget(
        self, path: str, params: Mapping[str, Any] | None = None, *, method: str = "GET"
    ) -> None:
        """Drop the cached answer to ``method path``: one the client found wrong
        only later (a page of a list that goes in a circle)."""
        self.cache.delete(self._prepare(method, path, params, None)[2])

    def _prepare(
        self, method: str, path: str, params: Mapping[str, Any] | None, json: Any
    ) -> tuple[requests.PreparedRequest, requests.PreparedRequest, str]:
        """The request to send, the same as it is stored (no secrets) and its cache key."""
        request = requests.Request(
            method, self.url(path), params={**self.params, **(params or {})}, json=json
        ).prepare()
        clean = self._clean(request)
        return request, clean, create_key(clean, serializer=self.cache.responses.serializer)

    # -- sending -------------------------------------------------------------------

    def _send(self, request: requests.PreparedRequest, shown: str) -> requests.Response:
        """The answer to ``request``, redirects followed (credentials only to the
        first origin), its body read whole within the size limit, all of it within
        the deadline (a watchdog cuts the connection past it)."""
        if time.monotonic() > self._run_ends:
            raise OutOfTimeError(
                f"{self.api}: {shown} not asked: this run has sent requests for"
                f" {self.run_deadline:g} s, its limit",
                hint="run again to continue; raise SCHOLARGRAPH_HTTP_RUN_DEADLINE for longer runs",
            )
        fired = threading.Event()

        def expire() -> None:
            fired.set()
            self._adapter.cut()

        watchdog = threading.Timer(self.deadline, expire)
        watchdog.daemon = True
        watchdog.start()
        late = _Deadline(f"no whole answer within {self.deadline:g} s")
        try:
            response = self._hops(request, shown, time.monotonic() + self.deadline)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError):
            if fired.is_set():
                raise late from None
            raise
        finally:
            watchdog.cancel()
        if fired.is_set():  # cut while a body without a length was read: not whole
            raise late
        return response

    def _hops(
        self, request: requests.PreparedRequest, shown: str, ends: float
    ) -> requests.Response:
        home = origin(request.url or "")
        method, url, body = request.method or "GET", request.url or "", request.body
        for _ in range(MAX_REDIRECTS + 1):
            same = origin(url) == home
            prepared = self.session.prepare_request(
                requests.Request(
                    method,
                    url if same else _without_secrets(url),
                    data=body,
                    headers={
                        **(self._secret_headers if same else {}),
                        **({"Content-Type": "application/json"} if body else {}),
                    },
                )
            )
            if not same:  # nothing the session might add that authenticates or names
                for name in SECRET_HEADERS:
                    prepared.headers.pop(name, None)
                prepared.headers["User-Agent"] = ApiSettings().user_agent  # no contact
            self._keep_rate()
            response = self.session.send(
                prepared, timeout=self.timeout, stream=True, allow_redirects=False
            )
            self.counts["requests"] += 1
            location = response.headers.get("Location")
            if response.status_code not in REDIRECTS or not location:
                self._read(response, ends)
                return response
            response.close()
            url = urljoin(url, location)
            if origin(url) == home:
                url = _with_params(url, self.params)
            if response.status_code == 303 or (
                response.status_code in (301, 302) and method == "POST"
            ):
                method, body = "GET", None
        raise ApiError(
            f"{self.api}: {shown}: more than {MAX_REDIRECTS} redirects"
            f" (the last to {_without_secrets(url)})",
            hint="the server redirects in a loop; check the base URL (SCHOLARGRAPH_<API>_URL)",
        )

    def _read(self, response: requests.Response, ends: float) -> None:
        """Read ``response``'s body into it, decompressed, refusing it past
        ``max_bytes`` and giving up at ``ends`` (on the monotonic clock): a body
        dripping in after its connection was handed over to the response (which
        the watchdog no longer sees) is cut here."""
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            response.close()
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        try:
            decoder = _Decoder(response.headers.get("Content-Encoding", ""))
            while True:
                if time.monotonic() > ends:
                    raise _Deadline(f"no whole answer within {self.deadline:g} s")
                data = response.raw.read1(CHUNK, decode_content=False)
                out = decoder.feed(data, self.max_bytes - size) if data else decoder.end()
                size += len(out)
                if size > self.max_bytes:
                    raise _TooLarge
                chunks.append(out)
                if not data:
                    break
        except urllib3.exceptions.ReadTimeoutError as err:
            response.close()
            raise requests.exceptions.ReadTimeout(str(err)) from None
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.SSLError) as err:
            response.close()
            raise requests.exceptions.ChunkedEncodingError(str(err)) from None
        except zlib.error as err:
            response.close()
            raise requests.exceptions.ContentDecodingError(str(err)) from None
        except BaseException:
            response.close()
            raise
        response._content = b"".join(chunks)
        response._content_consumed = True  # type: ignore[attr-defined]
        response.raw.release_conn()

    # -- the cache -----------------------------------------------------------------

    def _clean(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        """``request`` as it is keyed and stored: no secret parameters, no headers."""
        clean = request.copy()
        clean.url = _without_secrets(request.url or "")
        clean.headers = CaseInsensitiveDict()
        if isinstance(clean.body, bytes) and self._leaks(clean.body):
            clean.body = None
        return clean

    def _cached(self, key: str) -> CachedResponse | None:
        """The stored answer to ``key``; offline an old one too, online a fresh one."""
        try:
            found: CachedResponse | None = self.cache.get_response(key)
        except Exception:  # an unreadable entry (another version's) is a miss
            found = None
        if found is None or (found.is_expired and not self.offline):
            return None
        return found

    def _store(
        self, key: str, clean: requests.PreparedRequest, response: requests.Response
    ) -> None:
        """Keep ``response`` under ``key``: the body, the headers in KEPT_HEADERS and
        the clean request; nothing at all when the body carries a secret."""
        if response.status_code not in STORED or self._leaks(response.content):
            return
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() in KEPT_HEADERS and not self._leaks(v.encode("utf-8", "replace"))
        }
        headers["Content-Length"] = str(len(response.content))
        url = clean.url or ""
        now = datetime.now(UTC)
        stored = CachedResponse(
            content=response.content,
            created_at=now,
            encoding=response.encoding or "",
            expires=now + KEEP_FOR,
            headers=CaseInsensitiveDict(headers),
            reason=response.reason,
            request=CachedRequest(method=clean.method or "GET", url=url, body=clean.body),
            status_code=response.status_code,
            url=url,
        )
        self.cache.responses[key] = stored

    def _leaks(self, data: bytes) -> bool:
        return any(s.encode("utf-8") in data for s in self._secrets)

    # -- pace ----------------------------------------------------------------------

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


class _WatchedPool(HTTPConnectionPool):
    """A connection pool that lists every connection it opens in ``watched``."""

    watched: weakref.WeakSet[Any]

    def _new_conn(self) -> Any:
        conn = super()._new_conn()
        self.watched.add(conn)
        return conn


class _WatchedTLSPool(_WatchedPool, HTTPSConnectionPool):
    pass


class _WatchedPools(urllib3.PoolManager):
    def __init__(self, watched: weakref.WeakSet[Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.watched = watched
        self.pool_classes_by_scheme = {"http": _WatchedPool, "https": _WatchedTLSPool}

    def _new_pool(
        self, scheme: str, host: str, port: int, request_context: dict[str, Any] | None = None
    ) -> HTTPConnectionPool:
        pool = super()._new_pool(scheme, host, port, request_context)
        if isinstance(pool, _WatchedPool):
            pool.watched = self.watched
        return pool


class _WatchedAdapter(HTTPAdapter):
    """A transport whose connections ``cut`` can shut from another thread: what a
    request is blocked on (a status line, a header, a body dripping in) ends at once."""

    def __init__(self) -> None:
        self.watched: weakref.WeakSet[HTTPConnection] = weakref.WeakSet()
        super().__init__()

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        self._pool_connections, self._pool_maxsize, self._pool_block = connections, maxsize, block
        self.poolmanager = _WatchedPools(
            self.watched, num_pools=connections, maxsize=maxsize, block=block, **pool_kwargs
        )

    def cut(self) -> None:
        for conn in list(self.watched):
            if conn.sock is not None:
                with suppress(OSError):
                    conn.sock.shutdown(socket.SHUT_RDWR)


class _Decoder:
    """Undoes a gzip or deflate Content-Encoding a chunk at a time, never producing
    more than it is allowed (so a gzip bomb costs no more than the size limit)."""

    def __init__(self, encoding: str) -> None:
        self.kind = encoding.strip().lower()
        if self.kind not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise requests.exceptions.ContentDecodingError(
                f"unsupported Content-Encoding {self.kind!r}"
            )
        self._raw_deflate = False
        self._obj = self._new()

    def _new(self) -> Any:
        if self.kind == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS | 16)

    def feed(self, data: bytes, room: int) -> bytes:
        """``data`` decoded, at most ``room + 1`` bytes of it (one more than allowed
        says "too large")."""
        if self.kind in ("", "identity"):
            return data
        out = b""
        while data and len(out) <= room:
            try:
                out += self._obj.decompress(data, room + 1 - len(out))
            except zlib.error:
                if self.kind != "deflate" or self._raw_deflate or out:
                    raise
                self._raw_deflate = True  # "deflate" sent without its zlib header
                self._obj = self._new()
                continue
            if self._obj.unconsumed_tail:  # out is full
                break
            data = self._obj.unused_data if self._obj.eof else b""
            if data:  # another gzip member follows
                self._obj = self._new()
        return out

    def end(self) -> bytes:
        return b"" if self.kind in ("", "identity") else bytes(self._obj.flush())


def _no_connection(err: Exception) -> bool:
    """Whether ``err`` is a connection that could not be made at all (refused, no
    route, a host name that does not resolve), not one dropped midway or timing out."""
    if not isinstance(err, requests.ConnectionError) or isinstance(err, requests.Timeout):
        return False
    reason = getattr(err.args[0], "reason", None) if err.args else None
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def _connection_failure(err: Exception) -> str:
    """What went wrong connecting, in a few words.

    >>> _connection_failure(requests.ConnectionError(urllib3.exceptions.MaxRetryError(
    ...     None, "/", urllib3.exceptions.NameResolutionError("h", None, OSError("x")))))
    'host name not resolved'
    """
    reason = getattr(err.args[0], "reason", None) if err.args else None
    if isinstance(reason, urllib3.exceptions.NameResolutionError):
        return "host name not resolved"
    return "connection refused" if "refused" in str(reason).lower() else "no connection"


def _with_params(url: str, params: Mapping[str, str]) -> str:
    """``url`` (a redirect on the first request's origin) carrying the credential
    parameters that request did, where it dropped them."""
    query = urlsplit(url).query
    names = {p.split("=", 1)[0].lower() for p in query.split("&") if p}
    extra = {
        k: v for k, v in params.items() if k.lower() in SECRET_PARAMS and k.lower() not in names
    }
    if not extra:
        return url
    return requests.Request("GET", url, params=extra).prepare().url or url


def _without_secrets(url: str) -> str:
    """``url`` with API keys and contact addresses left out (for messages)."""
    base, _, query = url.partition("?")
    kept = [p for p in query.split("&") if p and p.split("=", 1)[0].lower() not in SECRET_PARAMS]
    return base + ("?" + "&".join(kept) if kept else "")


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hint_for(status: int) -> str:
    if status in (401, 403):
        return "check the API key (OPENALEX_API_KEY, S2_API_KEY)"
    return "the request was refused; check the base URL (SCHOLARGRAPH_<API>_URL)"
