"""The SQLSTATE -> HTTP table (hq.http.SQLSTATE_ERRORS) is the one documented
in docs/http-api.md, and constraint errors raised by a real database are
reworded from their parts: field named, no driver text."""

import re
from pathlib import Path

import psycopg
import pytest

from hq.http import SQLSTATE_ERRORS, ApiError, client_error

DOC = Path(__file__).resolve().parents[2] / "docs" / "http-api.md"


def test_documented_sqlstate_table_is_the_code_table():
    text = DOC.read_text()
    section = text[text.index("### Database errors, by SQLSTATE"):text.index("## Webhook ingest")]
    rows = re.findall(r"^\| `([0-9A-Z]{2,5})` \| (\d{3}) \| `([a-z_]+)` \| (.+?) \|$", section, re.M)
    assert {k: (int(s), c, d) for k, s, c, d in rows} == SQLSTATE_ERRORS


def _mapped(db_url: str, statement: str) -> ApiError:
    """The ApiError a real database error of `statement` maps to."""
    with psycopg.connect(db_url) as conn:
        with pytest.raises(psycopg.errors.Error) as info:
            conn.execute(statement)
    with pytest.raises(ApiError) as mapped:
        client_error(info.value)
    return mapped.value


def test_constraint_errors_name_the_field_without_driver_text(db_url):
    fk = _mapped(db_url, "INSERT INTO reference.job_title_lookup (raw_title, job_function) VALUES ('x', 'Astrology')")
    assert (fk.status, fk.code, fk.field) == (422, "unknown_reference", "job_function")
    assert fk.message == "job_function 'Astrology' is not one of the allowed values (the rows of reference.job_functions)"
    dup = _mapped(db_url, "INSERT INTO reference.job_functions (name, sort_order) VALUES ('Sales', 99)")
    assert (dup.status, dup.code, dup.field, dup.message) == (409, "conflict", "name", "name 'Sales' already exists")
    nn = _mapped(db_url, "INSERT INTO reference.job_functions (name) VALUES ('Astrology')")
    assert (nn.status, nn.code, nn.field, nn.message) == (422, "missing_value", "sort_order", "sort_order is required")
    for e in (fk, dup, nn):
        assert "violates" not in e.message and "constraint" not in e.message
    # our own RAISE: message, detail and hint, and the COLUMN as the field
    own = _mapped(db_url, "SELECT api.ingest('nope', '{}')")
    assert (own.status, own.code, own.field) == (404, "unknown_workflow", "workflow_slug")
    assert "registered workflows: case-study-extraction" in own.message


def test_a_sqlstate_not_in_the_table_is_ours(db_url):
    with psycopg.connect(db_url) as conn:
        with pytest.raises(psycopg.errors.Error) as info:
            conn.execute("SELECT 1/0")
    assert info.value.sqlstate == "22012" and "22012" not in SQLSTATE_ERRORS
    with pytest.raises(psycopg.errors.DivisionByZero):
        client_error(info.value)
