"""The OpenAPI 3.1 description of the app's JSON API, built from the query library:
one path per named query for its rows (``/api/query/NAME``) and one for its graph
(``/api/graph/NAME``, with the view's filters), each parameter with its type and limits.

>>> doc = openapi([{"name": "coauthors", "description": "Co-authors.",
...     "params": [{"name": "person", "type": "person", "default": None, "help": "whose"}]}])
>>> sorted(doc["paths"])[:3]
['/api/facts', '/api/graph/coauthors', '/api/groups']
>>> doc["paths"]["/api/query/coauthors"]["get"]["parameters"][0]["required"]
True
"""

from __future__ import annotations

from typing import Any

from scholargraph.serve.explorer import MAX_INT, MAX_TEXT, MAX_YEAR, View

_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": r"\S"}
_VIEW = (  # the help and highest value of each of View.NAMES
    ("only ties of at least this many joint papers", MAX_INT),
    ("only papers from this year", MAX_YEAR),
    ("only papers up to this year", MAX_YEAR),
)


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}


_ERRORS = {
    "400": {"description": "a bad parameter, with a message", "content": _json("Error")},
    "404": {"description": "no such query, person or path", "content": _json("Error")},
}


def _param(name: str, schema: dict[str, Any], help: str, required: bool) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": help,
        "schema": schema,
    }


def _number(high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": 1, "maximum": high}


def _get(summary: str, params: list[dict[str, Any]], schema: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": {"description": "the answer", "content": _json(schema)},
                **_ERRORS,
            },
        }
    }


def openapi(queries: list[dict[str, Any]]) -> dict[str, Any]:
    """The API of an app whose named queries are ``queries`` (``Explorer.queries``)."""
    view = [
        _param(name, _number(high), help, False)
        for name, (help, high) in zip(View.NAMES, _VIEW, strict=True)
    ]
    person = _param("person", _TEXT, "a name, alias, native-script name or id", True)
    other = _param("other", _TEXT, "the second person", True)
    paths: dict[str, Any] = {
        "/api/groups": _get("each node label's shape and colour", [], "Object"),
        "/api/queries": _get("every named query and its parameters", [], "Rows"),
        "/api/search": _get(
            "people by name, alias or native name, then papers by title",
            [
                _param("q", _TEXT, "a part of a name or title", True),
                _param("limit", _number(50), "at most this many of each", False),
            ],
            "Rows",
        ),
        "/api/person": _get("a person's papers, advisors, students, topics", [person], "Object"),
        "/api/pair": _get("what links two people", [person, other], "Object"),
        "/api/facts": _get(
            "a drawn node's whole fact (every property, where it was read), or two nodes' "
            "and the relationships between them: each id's tooltip",
            [
                _param("id", _TEXT, "a node's id", True),
                _param("other", _TEXT, "another node's id: the relationships between", False),
            ],
            "Facts",
        ),
    }
    for q in queries:
        params = [
            _param(
                p["name"],
                _number(MAX_INT) if p["type"] == "int" else _TEXT,
                p["help"],
                p["default"] is None,
            )
            for p in q["params"]
        ]
        paths[f"/api/query/{q['name']}"] = _get(q["description"], params, "Rows")
        paths[f"/api/graph/{q['name']}"] = _get(q["description"], params + view, "Graph")
    return {
        "openapi": "3.1.0",
        "info": {"title": "scholargraph serve", "version": "1"},
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}},
                    "required": ["error"],
                },
                "Rows": {"type": "array", "items": {"type": "object"}},
                "Object": {"type": "object"},
                "Facts": {
                    "type": "object",
                    "properties": {
                        "nodes": {"type": "array", "items": {"type": "object"}},
                        "edges": {"type": "array", "items": {"type": "object"}},
                    },
                    "required": ["nodes", "edges"],
                },
                "Graph": {
                    "type": "object",
                    "properties": {
                        "focus": {"type": "array", "items": {"type": "string"}},
                        "total": {"type": "integer"},
                        "nodes": {"type": "array", "items": {"type": "object"}},
                        "edges": {"type": "array", "items": {"type": "object"}},
                    },
                    "required": ["focus", "total", "nodes", "edges"],
                },
            }
        },
    }
