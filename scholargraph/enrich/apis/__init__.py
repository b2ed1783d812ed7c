"""Clients of the public bibliographic APIs, one class per API over one shared
``Http`` session each: OpenAlex, Semantic Scholar, DBLP, Crossref, arXiv and ORCID.

Each returns the same plain records (``ApiAuthor``, ``ApiWork``) whichever API
answered, through one protocol (``Client``), so matching and enrichment need not
know which did.
"""

from scholargraph.enrich.apis.arxiv import Arxiv
from scholargraph.enrich.apis.client import Client
from scholargraph.enrich.apis.crossref import Crossref
from scholargraph.enrich.apis.dblp import Dblp
from scholargraph.enrich.apis.models import ApiAuthor, ApiWork, WorkAuthor, WorkIds
from scholargraph.enrich.apis.openalex import OpenAlex
from scholargraph.enrich.apis.orcid import Orcid
from scholargraph.enrich.apis.semanticscholar import SemanticScholar
from scholargraph.http import Http

__all__ = [
    "ApiAuthor",
    "ApiWork",
    "Arxiv",
    "Client",
    "Crossref",
    "Dblp",
    "Http",
    "OpenAlex",
    "Orcid",
    "SemanticScholar",
    "WorkAuthor",
    "WorkIds",
]
