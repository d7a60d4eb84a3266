"""Batch maintenance: `hq replay` after a fixed mapping bug, CALL
core.rederive_dimension and CALL core.delete_companies_without_location
(procedures that COMMIT per batch, so they run here on autocommit
connections rather than inside a pgTAP transaction)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg

HQ = str(Path(sys.executable).parent / "hq")
SLUG = "companyenrich-company"


def company(domain, with_location=True, revenue="1m-10m"):
    p = {"domain": domain, "name": domain.split(".")[0].title(), "revenue": revenue, "employees": "51-200"}
    if with_location:
        p["location"] = {"city": {"name": "Austin"}, "state": {"name": "Texas"}, "country": {"name": "United States"}}
    return json.dumps(p)


def ingest(conn, payloads):
    conn.execute("INSERT INTO raw.company_payloads (workflow_slug, raw_payload) SELECT %s, p::jsonb FROM unnest(%s::text[]) p",
                 (SLUG, payloads))


def notices(conn):
    seen = []
    conn.add_notice_handler(lambda d: seen.append(d.message_primary))
    return seen


def test_hq_replay_after_a_fixed_mapping_bug(db_url):
    with psycopg.connect(db_url, autocommit=True) as conn:
        # the bug: the field map expects a number where providers send a string
        conn.execute("UPDATE reference.workflow_field_map SET expected_type = 'number' WHERE workflow_slug = %s AND target = 'name'", (SLUG,))
        ingest(conn, [company(f"replay{i}.example") for i in range(25)])
        failed = conn.execute("SELECT count(*), min(extraction_error) FROM raw.company_payloads WHERE extraction_status = 'failed'").fetchone()
        assert failed[0] == 25 and "field name (name): expected number, got string" in failed[1]
        assert conn.execute("SELECT count(*) FROM core.companies WHERE domain LIKE 'replay%'").fetchone()[0] == 0
        # the fix, then the replay through the CLI in batches of 10
        conn.execute("UPDATE reference.workflow_field_map SET expected_type = 'string' WHERE workflow_slug = %s AND target = 'name'", (SLUG,))
    proc = subprocess.run([HQ, "replay", "--workflow", SLUG, "--batch-size", "10"], capture_output=True, text=True,
                          env={**os.environ, "DATABASE_URL": db_url})
    assert proc.returncode == 0, proc.stderr
    assert "replayed 25 raw rows" in proc.stdout
    with psycopg.connect(db_url, autocommit=True) as conn:
        status = dict(conn.execute("SELECT extraction_status, count(*) FROM raw.company_payloads GROUP BY 1").fetchall())
        assert status == {"extracted": 25}
        assert conn.execute("SELECT count(*), count(DISTINCT domain) FROM core.companies_full WHERE domain LIKE 'replay%'").fetchone() == (25, 25)
        assert conn.execute("SELECT count(*), count(DISTINCT (domain, source)) FROM core.company_names WHERE domain LIKE 'replay%'").fetchone() == (25, 25)
    # a second replay of everything changes nothing in core
    again = subprocess.run([HQ, "replay", "--workflow", SLUG, "--all"], capture_output=True, text=True,
                           env={**os.environ, "DATABASE_URL": db_url})
    assert again.returncode == 0, again.stderr
    with psycopg.connect(db_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM core.company_names WHERE domain LIKE 'replay%'").fetchone()[0] == 25


def test_rederive_dimension_rematches_every_row_in_committed_batches(db_url):
    with psycopg.connect(db_url, autocommit=True) as conn:
        ingest(conn, [company("re1.example", revenue="1m-10m"), company("re2.example", revenue="10m-50m"),
                      company("re3.example", revenue="1m-10m")])
        want = dict(conn.execute("SELECT domain, matched_revenue_range FROM core.company_revenue").fetchall())
        assert all(want.values())
        # stale matches (as after a bug in a match function), golden rows following them
        conn.execute("UPDATE core.company_revenue SET matched_revenue_range = NULL")
        assert conn.execute("SELECT count(revenue_range) FROM core.companies_full").fetchone()[0] == 0
        seen = notices(conn)
        conn.execute("CALL core.rederive_dimension('revenue_range', 1)")
        assert dict(conn.execute("SELECT domain, matched_revenue_range FROM core.company_revenue").fetchall()) == want
        assert dict(conn.execute("SELECT domain, revenue_range FROM core.companies_full").fetchall()) == want
        batches = [m for m in seen if m.startswith("rederive revenue_range: 1 raw values")]
        assert len(batches) == 2, seen  # two distinct raw values, one per committed batch
        assert seen[-1] == "rederive revenue_range finished: 2 raw values, 3 rows changed"
        # a re-run rewrites nothing
        seen.clear()
        conn.execute("CALL core.rederive_dimension('revenue_range', 100)")
        assert seen[-1] == "rederive revenue_range finished: 2 raw values, 0 rows changed"
        try:
            conn.execute("CALL core.rederive_dimension('shoe_size')")
            raise AssertionError("an unknown dimension must fail")
        except psycopg.errors.InvalidParameterValue as e:
            assert "unknown dimension 'shoe_size'" in str(e)


def test_delete_companies_without_location_dry_run_then_batches(db_url):
    with psycopg.connect(db_url, autocommit=True) as conn:
        ingest(conn, [company("kept.example")] + [company(f"noloc{i}.example", with_location=False) for i in range(5)])
        before = conn.execute("SELECT count(*) FROM core.companies").fetchone()[0]
        assert before == 6
        seen = notices(conn)
        conn.execute("CALL core.delete_companies_without_location()")  # dry run by default
        assert any(m.startswith("dry run: 5 companies have no location data") for m in seen), seen
        assert conn.execute("SELECT count(*) FROM core.companies").fetchone()[0] == 6
        conn.execute("CALL core.delete_companies_without_location(2, NULL)")  # NULL is no licence to delete
        assert conn.execute("SELECT count(*) FROM core.companies").fetchone()[0] == 6
        seen.clear()
        conn.execute("CALL core.delete_companies_without_location(2, false)")
        assert len([m for m in seen if m.startswith("deleted ")]) == 3, seen  # 2 + 2 + 1
        assert conn.execute("SELECT array_agg(domain) FROM core.companies").fetchone()[0] == ["kept.example"]
        for table in ("company_names", "company_revenue", "company_employee_ranges", "companies_full"):
            assert conn.execute(f"SELECT count(*) FROM core.{table} WHERE domain LIKE 'noloc%%'").fetchone()[0] == 0, table
        # raw is never lost
        assert conn.execute("SELECT count(*) FROM raw.company_payloads").fetchone()[0] == 6


def test_ingest_reanalyzes_a_table_whose_statistics_fell_behind(db_url):
    """core.analyze_stale_tables, run by the ingest trigger: a table analyzed
    while empty but still many pages long (rows deleted, not vacuumed) is
    planned as empty however much it grows; the next ingest re-analyzes it
    once it holds more than twice (and over 1,000) the rows its statistics
    say, unless hq.auto_analyze is off."""
    def stats(conn):
        return conn.execute("SELECT reltuples::bigint, pg_stat_get_live_tuples(oid) FROM pg_class "
                            "WHERE oid = 'core.company_names'::regclass").fetchone()

    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE core.company_names SET (autovacuum_enabled = false)")  # no race with autovacuum
        ingest(conn, [company(f"stale{i}.example") for i in range(3000)])
        conn.execute("DELETE FROM core.company_names")
        # publish the insert and delete counts before ANALYZE resets them (a backend
        # flushes at most once a second: a delete published after the ANALYZE took
        # its 3,000 off the live count the test reads below)
        conn.execute("SELECT pg_stat_force_next_flush()")
        conn.execute("ANALYZE core.company_names")  # empty, but 3,000 rows' pages long
        with conn.transaction():
            ingest(conn, [company(f"grown{i}.example") for i in range(3000)])
            conn.execute("SELECT pg_stat_force_next_flush()")  # the live-row count is published at commit
        assert stats(conn) == (0, 3000)
        with conn.transaction():
            conn.execute("SET LOCAL hq.auto_analyze = 'off'")
            ingest(conn, [company("one.example")])
        assert stats(conn)[0] == 0, "hq.auto_analyze = off leaves the statistics alone"
        ingest(conn, [company("two.example")])
        assert stats(conn)[0] >= 3000, "the next ingest re-analyzed core.company_names"
