"""Concurrent webhooks and large mixed statements against a real database."""

import json
import threading

import psycopg

SOURCES = [("raw.company_payloads", "companyenrich-company", "domain", {"employees": "51-200", "type": "private"}),
           ("raw.company_payloads", "crunchbase-company", "website", {"number_employees": "c_00011_00050"}),
           ("raw.company_discovery", "clay-find-companies", "domain", {"size": "2-10 employees", "country": "US"}),
           ("raw.company_payloads", "clay-company-firmographics", "website", {"size": "11-50 employees"})]


def test_eight_sessions_overlapping_domains_no_deadlock_no_lost_update(db_url):
    domains = [f"overlap{i}.example" for i in range(40)]
    errors: list[str] = []

    def worker(n: int) -> None:
        table, slug, key, extra = SOURCES[n % len(SOURCES)]
        order = domains if n % 2 == 0 else list(reversed(domains))  # opposite orders provoke deadlocks
        try:
            with psycopg.connect(db_url) as conn:
                for start in range(0, len(order), 10):
                    chunk = order[start:start + 10]
                    rows = [json.dumps({key: d, "name": f"{d} by {slug}", **extra}) for d in chunk]
                    conn.execute(f"INSERT INTO {table} (workflow_slug, raw_payload) "
                                 "SELECT %s, p::jsonb FROM unnest(%s::text[]) AS p", (slug, rows))
                    conn.commit()
        except psycopg.Error as exc:  # a deadlock or any other failure fails the test
            errors.append(f"session {n}: {exc}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with psycopg.connect(db_url) as conn:
        # every source's row for every domain is there (no lost update) and golden rows exist
        per_source = conn.execute("SELECT source, count(DISTINCT domain) FROM core.company_names "
                                  "WHERE domain LIKE 'overlap%' GROUP BY source ORDER BY source").fetchall()
        assert per_source == [("clay", 40), ("companyenrich", 40), ("crunchbase", 40), ("linkedin", 40)]
        assert conn.execute("SELECT count(*) FROM core.companies_full WHERE domain LIKE 'overlap%' "
                            "AND sources->>'name' = 'crunchbase'").fetchone()[0] == 40
        assert conn.execute("SELECT count(*) FROM raw.company_payloads WHERE extraction_status <> 'extracted' "
                            "AND company_domain LIKE 'overlap%' AND extraction_status <> 'skipped'").fetchone()[0] == 0


def test_ten_thousand_mixed_rows_in_one_insert_select(db_url):
    with psycopg.connect(db_url) as conn:
        conn.execute("""
            INSERT INTO raw.company_payloads (workflow_slug, raw_payload)
            SELECT 'companyenrich-company',
                   CASE i % 5
                     WHEN 0 THEN jsonb_build_object('domain', 'bad' || i || '.example', 'employees', 123)
                     WHEN 1 THEN jsonb_build_object('domain', 'not a domain ' || i)
                     ELSE jsonb_build_object('domain', 'good' || i || '.example', 'name', 'Good ' || i,
                                             'employees', '1K-5K', 'industries', jsonb_build_array('Software Development'))
                   END
            FROM generate_series(1, 10000) AS i""")
        conn.commit()
        counts = dict(conn.execute("SELECT extraction_status, count(*) FROM raw.company_payloads GROUP BY 1").fetchall())
        assert counts == {"extracted": 6000, "failed": 4000}
        bad = conn.execute("SELECT count(*) FROM raw.company_payloads WHERE extraction_status = 'failed' "
                           "AND (extraction_error LIKE 'field size (employees): expected string, got number%' "
                           "OR extraction_error LIKE '%is not a domain')").fetchone()[0]
        assert bad == 4000
        assert conn.execute("SELECT count(*) FROM core.companies_full WHERE domain LIKE 'good%' "
                            "AND employee_range = '1001-5000' AND industry = 'Software Development'").fetchone()[0] == 6000
