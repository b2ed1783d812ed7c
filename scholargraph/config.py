"""One settings object, read from the environment.

>>> s = Settings.from_env({"SCHOLARGRAPH_STORE": "bolt://db:7687", "NEO4J_AUTH": "neo4j/pw"})
>>> s.store, s.neo4j_user, s.neo4j_password
('bolt://db:7687', 'neo4j', 'pw')
>>> Settings.from_env({"SCHOLARGRAPH_BATCH_SIZE": "0"})
Traceback (most recent call last):
...
scholargraph.errors.ScholargraphError: SCHOLARGRAPH_BATCH_SIZE must be a positive integer, not '0'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from scholargraph.errors import ScholargraphError

DEFAULT_STORE = "./scholargraph-data"
DEFAULT_OVERRIDES = "scholargraph-overrides.yaml"
DEFAULT_ENRICHED = "scholargraph-enriched"  # what enrich writes: documents, progress, doubts
URL_SCHEMES = ("http://", "https://")  # an input that starts so is fetched (ingest.web)
# Choices the command line offers, kept here so that it starts without the library.
EXPORT_FORMATS = ("node-link", "graphml", "csv", "neo4j-import")
ANSWER_FORMATS = ("table", "json", "csv")
MAX_NODES = 5000  # nodes a page draws at most; a larger graph keeps its best-connected ones
DEFAULT_CACHE = "./scholargraph-cache"  # HTTP responses of the public APIs, so re-runs cost nothing
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def _positive_int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key) or str(default)
    if not raw.isdigit() or int(raw) < 1:
        raise ScholargraphError(f"{key} must be a positive integer, not {raw!r}")
    return int(raw)


def _positive_float(env: Mapping[str, str], key: str, default: float) -> float:
    raw = env.get(key) or str(default)
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise ScholargraphError(f"{key} must be a positive number, not {raw!r}")
    return value


# Each public API: its default base URL and how many requests a second it is sent
# (OpenAlex and Crossref's polite pools allow 10; Semantic Scholar 1 with a key;
# DBLP throttles hard; arXiv asks for one request every 3 seconds; ORCID's public
# API allows 24 a second).
APIS: dict[str, tuple[str, float]] = {
    "openalex": ("https://api.openalex.org", 10.0),
    "s2": ("https://api.semanticscholar.org/graph/v1", 1.0),
    "dblp": ("https://dblp.org", 0.5),
    "crossref": ("https://api.crossref.org", 10.0),
    "arxiv": ("https://export.arxiv.org/api", 1 / 3),
    "orcid": ("https://pub.orcid.org/v3.0", 10.0),
}


@dataclass(frozen=True)
class ApiSettings:
    """How the enrichment clients reach the public APIs.

    Every base URL can be replaced (``SCHOLARGRAPH_OPENALEX_URL`` …) to point at
    a mirror or a local replay server; ``SCHOLARGRAPH_<API>_RATE`` is requests a
    second. ``SCHOLARGRAPH_HTTP_TIMEOUT`` bounds each connection or read (seconds),
    ``SCHOLARGRAPH_HTTP_DEADLINE`` one whole answer (seconds, however slowly it
    trickles in; retried like a timeout), ``SCHOLARGRAPH_HTTP_MAX_BYTES`` its
    body, decompressed (a larger one is refused and never cached), and
    ``SCHOLARGRAPH_HTTP_RUN_DEADLINE`` the requests one API is sent in one run
    (seconds; after it that API is asked nothing more until the next run).

    >>> a = ApiSettings.from_env({"SCHOLARGRAPH_S2_URL": "http://127.0.0.1:8000/s2/",
    ...                           "SCHOLARGRAPH_MAILTO": "me@example.org"})
    >>> a.base_urls["s2"], a.base_urls["arxiv"]
    ('http://127.0.0.1:8000/s2', 'https://export.arxiv.org/api')
    >>> a.user_agent
    'scholargraph (mailto:me@example.org)'
    """

    base_urls: dict[str, str] = field(default_factory=lambda: {k: v[0] for k, v in APIS.items()})
    rates: dict[str, float] = field(default_factory=lambda: {k: v[1] for k, v in APIS.items()})
    mailto: str | None = None
    openalex_api_key: str | None = None
    s2_api_key: str | None = None
    cache_dir: str = DEFAULT_CACHE
    offline: bool = False  # answer from the cache only; a miss is an error, never a request
    timeout: float = 30.0  # seconds for a connection or a read
    deadline: float = 120.0  # seconds for a whole answer (checked while its body streams in)
    max_bytes: int = 50_000_000  # an answer's body at most, decompressed
    run_deadline: float = 3600.0  # seconds one session (an API in a run) may send requests
    retries: int = 4  # further tries after a 429, a 5xx, a timeout or a cut-off body

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ApiSettings:
        env = os.environ if env is None else env
        return cls(
            base_urls={
                api: (env.get(f"SCHOLARGRAPH_{api.upper()}_URL") or url).rstrip("/")
                for api, (url, _) in APIS.items()
            },
            rates={
                api: _positive_float(env, f"SCHOLARGRAPH_{api.upper()}_RATE", rate)
                for api, (_, rate) in APIS.items()
            },
            mailto=env.get("SCHOLARGRAPH_MAILTO") or None,
            openalex_api_key=env.get("OPENALEX_API_KEY") or None,
            s2_api_key=env.get("S2_API_KEY") or None,
            cache_dir=env.get("SCHOLARGRAPH_CACHE") or DEFAULT_CACHE,
            offline=(env.get("SCHOLARGRAPH_OFFLINE") or "").lower() in ("1", "true", "yes"),
            timeout=_positive_float(env, "SCHOLARGRAPH_HTTP_TIMEOUT", 30.0),
            deadline=_positive_float(env, "SCHOLARGRAPH_HTTP_DEADLINE", 120.0),
            max_bytes=_positive_int(env, "SCHOLARGRAPH_HTTP_MAX_BYTES", 50_000_000),
            run_deadline=_positive_float(env, "SCHOLARGRAPH_HTTP_RUN_DEADLINE", 3600.0),
        )

    @property
    def user_agent(self) -> str:
        """Names the project and, when configured, whom to contact."""
        return f"scholargraph (mailto:{self.mailto})" if self.mailto else "scholargraph"


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how to reach it.

    ``store`` is a filesystem path (embedded LadybugDB) or a Bolt URI (Neo4j 5).
    """

    store: str = DEFAULT_STORE
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    batch_size: int = 2000
    neo4j_pool_size: int = 100  # Bolt connections the driver keeps at most
    neo4j_wait: float = 60.0  # seconds to wait for a free connection
    neo4j_retry: float = 30.0  # seconds a transaction is retried after transient errors
    overrides: str = DEFAULT_OVERRIDES  # same_as / not_same_as decisions; optional if default
    apis: ApiSettings = field(default_factory=ApiSettings)  # the enrichment clients'

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        user, password = "neo4j", None
        if "NEO4J_AUTH" in env and "/" in env["NEO4J_AUTH"]:
            user, password = env["NEO4J_AUTH"].split("/", 1)
        return cls(
            store=env.get("SCHOLARGRAPH_STORE") or DEFAULT_STORE,
            neo4j_user=env.get("NEO4J_USER") or user,
            neo4j_password=env.get("NEO4J_PASSWORD") or password,
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            batch_size=_positive_int(env, "SCHOLARGRAPH_BATCH_SIZE", 2000),
            neo4j_pool_size=_positive_int(env, "SCHOLARGRAPH_NEO4J_POOL_SIZE", 100),
            neo4j_wait=_positive_float(env, "SCHOLARGRAPH_NEO4J_WAIT", 60.0),
            neo4j_retry=_positive_float(env, "SCHOLARGRAPH_NEO4J_RETRY", 30.0),
            overrides=env.get("SCHOLARGRAPH_OVERRIDES") or DEFAULT_OVERRIDES,
            apis=ApiSettings.from_env(env),
        )

    def with_store(self, store: str | None) -> Settings:
        """A copy pointing at ``store`` (unchanged when ``store`` is None)."""
        return self if store is None else replace(self, store=store)

    def with_overrides(self, overrides: str | None) -> Settings:
        """A copy reading identity decisions from ``overrides`` (unchanged when None)."""
        return self if overrides is None else replace(self, overrides=overrides)

    @property
    def is_bolt(self) -> bool:
        return self.store.startswith(BOLT_SCHEMES)
