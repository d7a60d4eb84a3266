"""The sync-contract pgTAP files (tests/sql/10_intake_workflow_sync.sql,
tests/sql/40_dimensions_sync.sql) fail when a step of docs/pipeline.md's
checklists is forgotten: a workflow registered without its field map, a
dimension named in a name map without its core table, a single-value
dimension left out of the survivorship field map."""

import psycopg

from tap import SQL_DIR, parse_tap, run_tap


def failed_assertions(url: str, name: str) -> list[str]:
    proc = run_tap(url, SQL_DIR / name)
    assert proc.returncode == 0, proc.stderr
    _plan, results = parse_tap(proc.stdout)
    assert results
    return [desc for ok, _num, desc, _diag in results if not ok]


def test_workflow_registered_without_field_map_fails_the_sync_test(make_db):
    url = make_db()
    assert failed_assertions(url, "10_intake_workflow_sync.sql") == []
    with psycopg.connect(url) as conn:
        conn.execute("INSERT INTO reference.enrichment_workflow_registry (workflow_slug, provider, platform, payload_type, "
                     "entity_type, source, raw_table, extracted_table, key_column, payload_key) VALUES "
                     "('acme-company', 'acme', 'acme', 'company', 'company', 'acme', 'raw.company_payloads', "
                     "'extracted.company_profile', 'company_domain', 'domain')")
    failed = failed_assertions(url, "10_intake_workflow_sync.sql")
    assert any("workflow_field_map" in d for d in failed), failed
    assert any("fixture" in d for d in failed), failed


def test_dimension_without_core_table_fails_the_sync_test(make_db):
    url = make_db()
    assert failed_assertions(url, "40_dimensions_sync.sql") == []
    with psycopg.connect(url) as conn:
        body = conn.execute("SELECT pg_get_functiondef('reference.list_dimensions()'::regprocedure)").fetchone()[0]
        conn.execute(body.replace("('social_urls', 'company_social_urls', 'url', true))",
                                  "('social_urls', 'company_social_urls', 'url', true), "
                                  "('awards', 'company_awards', 'award', false))"))
    failed = failed_assertions(url, "40_dimensions_sync.sql")
    assert any("list dimensions: the core table has" in d for d in failed), failed


def test_dimension_left_out_of_survivorship_fails_the_sync_test(make_db):
    url = make_db()
    with psycopg.connect(url) as conn:
        body = conn.execute("SELECT pg_get_functiondef('reference.golden_fields()'::regprocedure)").fetchone()[0]
        row = "('company', 'revenue_range', 'company_revenue', 'domain', '{matched_revenue_range}', '{revenue_range}', NULL, NULL, NULL),"
        assert row in body
        conn.execute(body.replace(row, ""))
    failed = failed_assertions(url, "40_dimensions_sync.sql")
    assert any("reference.golden_fields" in d for d in failed), failed
