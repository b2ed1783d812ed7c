"""Answers as text: an aligned table, JSON or CSV; and the query list.

>>> from scholargraph.queries.library import QUERIES
>>> answer = Answer(QUERIES["coauthors"], {}, [{"name": "Bo Chen", "papers": 2,
...     "paper_ids": ["pub:1", "pub:2"]}])
>>> print(as_table(answer))
name     papers
-------  ------
Bo Chen  2
>>> print(as_csv(answer), end="")
name,papers,paper_ids
Bo Chen,2,pub:1; pub:2
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from scholargraph.config import ANSWER_FORMATS
from scholargraph.queries.answers import Answer, list_queries
from scholargraph.queries.library import QUERIES
from scholargraph.store.export import spreadsheet_safe

FORMATS = ANSWER_FORMATS
MAX_CELL = 70


def _cell(value: Any, width: int | None = MAX_CELL) -> str:
    text = (
        "; ".join(map(str, value))
        if isinstance(value, list)
        else ""
        if value is None
        else str(value)
    )
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def as_table(answer: Answer) -> str:
    """Rows as aligned columns, long cells cut to fit, id lists kept for the graph
    left out, paths shown as ``A → B → C``; '(no rows)' when empty."""
    if not answer.rows:
        return "(no rows)"
    cols = [c for c in answer.columns if not c.endswith("_ids") and c != "ids"]
    cells = [
        [" → ".join(r[c]) if c == "names" else _cell(r.get(c)) for c in cols] for r in answer.rows
    ]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = [cols, ["-" * w for w in widths], *cells]
    return "\n".join(
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )


def as_json(answer: Answer) -> str:
    return json.dumps(answer.rows, ensure_ascii=False, indent=1)


def as_csv(answer: Answer) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(answer.columns)
    for r in answer.rows:
        writer.writerow([spreadsheet_safe(_cell(r.get(c), None)) for c in answer.columns])
    return out.getvalue()


def render_answer(answer: Answer, fmt: str) -> str:
    return {"table": as_table, "json": as_json, "csv": as_csv}[fmt](answer)


def describe_queries() -> str:
    """Every query with what it answers and its parameters (``query --list``)."""
    blocks = []
    for name in list_queries():
        q = QUERIES[name]
        params = [
            f"    --{p.name.replace('_', '-')} ({p.type}"
            + (f", default {p.default}" if p.default is not None else "")
            + f"): {p.help}"
            for p in q.params
        ]
        blocks.append("\n".join([f"{name}", f"    {q.description}", *params]))
    return "\n\n".join(blocks)
