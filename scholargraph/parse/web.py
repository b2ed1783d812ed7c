"""Pages on the web as inputs: ``scholargraph ingest https://…``.

A URL is fetched through the same polite HTTP session as the API clients (the
contact address in the User-Agent, one request a second by default, retries with
backoff, answers cached on disk so a re-run sends nothing, ``--offline`` answering
from the cache only) and kept as a file under the cache folder, named after the URL,
with the suffix its path or content type says. The file is then read like any other,
and its facts cite the URL.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import requests

from scholargraph.config import URL_SCHEMES, ApiSettings
from scholargraph.errors import ApiError, InputError
from scholargraph.http import Http

WEB = "web"  # the HTTP session's name (its cache file)
RATE = 1.0  # requests a second to one site, unless configured
SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt", ".bib", ".tex", ".pdf", ".json")
SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/plain": ".txt",
    "application/x-bibtex": ".bib",
    "text/x-bibtex": ".bib",
    "application/pdf": ".pdf",
    "application/json": ".json",
    "application/yaml": ".yaml",
    "text/yaml": ".yaml",
}


def _body(response: requests.Response) -> tuple[bytes, str]:
    return response.content, response.headers.get("Content-Type", "")


def download(url: str, settings: ApiSettings) -> Path:
    """The page at ``url`` as a file in the cache folder; an InputError naming the URL
    when it cannot be had (not found, refused, offline and not cached)."""
    http = Http(
        WEB,
        replace(
            settings,
            base_urls={**settings.base_urls, WEB: ""},
            rates={WEB: RATE, **settings.rates},
        ),
    )
    try:
        answer = http.fetch(url, parse=_body)
    except ApiError as exc:
        raise InputError(url, exc.message.removeprefix(f"{WEB}: "), hint=exc.hint) from exc
    finally:
        http.close()
    if answer is None:
        raise InputError(url, "not found (HTTP 404)")
    body, content_type = answer
    suffix = Path(urlsplit(url).path).suffix.lower()
    if suffix not in SUFFIXES:
        suffix = SUFFIX_OF_TYPE.get(content_type.split(";")[0].strip().lower(), ".html")
    folder = Path(settings.cache_dir) / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(url.encode()).hexdigest()[:16]}{suffix}"
    path.write_bytes(body)
    return path


def fetched(
    paths: list[str | Path], settings: ApiSettings
) -> tuple[list[str | Path], dict[str, str]]:
    """``paths`` with every URL replaced by the file it was fetched into, and each such
    file's URL (to name it by in provenance)."""
    out: list[str | Path] = []
    names: dict[str, str] = {}
    for p in paths:
        if isinstance(p, str) and p.startswith(URL_SCHEMES):
            local = download(p, settings)
            names[local.as_posix()] = p
            out.append(local)
        else:
            out.append(p)
    return out, names
