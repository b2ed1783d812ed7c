"""Clients of the public bibliographic APIs, one class per API over one shared
``Http`` session each: OpenAlex, Semantic Scholar, DBLP, Crossref and arXiv.

Each returns the same plain records (``ApiAuthor``, ``ApiWork``) whichever API
answered, so matching and enrichment need not know which did.
"""

from scholargraph.ingest.apis.arxiv import Arxiv
from scholargraph.ingest.apis.crossref import Crossref
from scholargraph.ingest.apis.dblp import Dblp
from scholargraph.ingest.apis.http import Http
from scholargraph.ingest.apis.models import ApiAuthor, ApiWork, WorkAuthor
from scholargraph.ingest.apis.openalex import OpenAlex
from scholargraph.ingest.apis.semanticscholar import SemanticScholar

__all__ = [
    "ApiAuthor",
    "ApiWork",
    "Arxiv",
    "Crossref",
    "Dblp",
    "Http",
    "OpenAlex",
    "SemanticScholar",
    "WorkAuthor",
]
