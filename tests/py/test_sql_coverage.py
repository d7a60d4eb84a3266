"""Every api.* and reference.* function is named in at least one pgTAP
assertion of tests/sql (checked from the catalog of a migrated database
against the text of the test files)."""

import re

import psycopg

from tap import FILES

SCHEMAS = ("api", "reference")
# a pgTAP call that reports a result (the plan, diagnostics and set-up are not assertions)
ASSERTION = re.compile(r"\b(ok|is|isnt|matches|imatches|alike|unalike|cmp_ok|pass|fail|results_eq|results_ne|set_eq|"
                       r"set_has|bag_eq|bag_has|row_eq|is_empty|isnt_empty|throws_ok|throws_like|throws_matching|"
                       r"lives_ok|performs_ok|has_function|function_returns|is_definer|isnt_definer|"
                       r"function_privs_are|has_trigger|trigger_is|col_is_pk|has_column|has_table)\s*\(", re.I)


def assertion_statements() -> list[str]:
    """Every statement of tests/sql that makes a pgTAP assertion, lower-cased."""
    statements: list[str] = []
    for path in FILES:
        text = re.sub(r"--[^\n]*", "", path.read_text())
        statements += [s.lower() for s in re.split(r";\s*\n", text) if ASSERTION.search(s)]
    return statements


def named_in(statements: list[str], schema: str, name: str) -> bool:
    qualified = re.compile(rf"\b{schema}\.{name}\s*\(")
    by_parts = re.compile(rf"'{schema}'\s*,\s*'{name}'")
    return any(qualified.search(s) or by_parts.search(s) for s in statements)


def test_every_api_and_reference_function_is_asserted(make_db):
    with psycopg.connect(make_db()) as conn:
        functions = conn.execute(
            "SELECT DISTINCT n.nspname, p.proname FROM pg_catalog.pg_proc p "
            "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
            "WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1, 2", (list(SCHEMAS),)).fetchall()
    assert len(functions) > 20, "the catalog query found too few functions to be checking anything"
    statements = assertion_statements()
    missing = [f"{s}.{n}" for s, n in functions if not named_in(statements, s, n)]
    assert not missing, ("named in no pgTAP assertion under tests/sql (add one to the stage's file, "
                         "e.g. tests/sql/api_functions.sql): " + ", ".join(missing))


def test_a_function_named_only_outside_assertions_is_missing():
    statements = ["select plan(1)", "select is(api.health(), 'ok', 'health')"]
    assert named_in(statements, "api", "health")
    assert not named_in(statements, "api", "replay")
    assert named_in(["select has_function('api', 'replay', 'exists')"], "api", "replay")
