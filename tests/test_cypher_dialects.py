"""Every statement the project sends parses in the dialect it is sent to."""

from __future__ import annotations

import pytest
from cypher_lint import neo4j_errors
from records_factory import one_of_each

from scholargraph.records import RECORD_TYPES, Person
from scholargraph.store import schema
from scholargraph.store.ladybug_store import LadybugStore
from scholargraph.store.writer import write_records


@pytest.mark.lint
def test_generated_neo4j_statements_pass_neo4j_parser() -> None:
    statements = schema.all_statements("neo4j")
    errors = neo4j_errors(statements)
    bad = {s: e for s, e in zip(statements, errors, strict=True) if e}
    assert bad == {}


@pytest.mark.lint
def test_neo4j_parser_check_catches_ladybug_only_syntax() -> None:
    # guards the check itself: a Ladybug-only form must be reported
    (errors,) = neo4j_errors([schema.upsert_statement(Person, "ladybug")])
    assert errors


def test_generated_ladybug_statements_run_on_ladybug(embedded: LadybugStore) -> None:
    records = one_of_each()
    write_records(embedded, records)  # every upsert, with the DDL before it
    for cls in RECORD_TYPES:
        expected = len(records.of(cls))
        assert len(embedded.query(schema.read_statement(cls))) == expected, cls
        assert embedded.query(schema.count_statement(cls)) == [{"n": expected}]
