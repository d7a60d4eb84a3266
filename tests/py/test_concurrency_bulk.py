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


def test_people_and_companies_concurrently_share_companies(db_url):
    """Person profiles (whose work histories add companies) and company payloads
    for the same domains, from eight sessions in opposite orders: no deadlock,
    every person and company stored once, survivorship decides the names."""
    domains = [f"shared{i}.example" for i in range(30)]
    errors: list[str] = []

    def person(n: int, i: int) -> str:
        jobs = [{"company": f"Shared {d} (clay)", "company_domain": d, "title": "Engineer",
                 "start_date": f"{2015 + j}-01", "is_current": j == 0}
                for j, d in enumerate([domains[i], domains[(i + 7) % 30], domains[(i + 13) % 30]])]
        return json.dumps({"url": f"https://www.linkedin.com/in/shared-{n}-{i}", "name": f"Person {n} {i}",
                           "title": "Software Engineer", "location_name": "Austin, Texas, United States",
                           "experience": jobs})

    def worker(n: int) -> None:
        order = list(range(30)) if n % 2 == 0 else list(reversed(range(30)))
        try:
            with psycopg.connect(db_url) as conn:
                for start in range(0, 30, 6):
                    chunk = order[start:start + 6]
                    if n % 4 < 2:
                        rows = [person(n, i) for i in chunk]
                        conn.execute("INSERT INTO raw.person_payloads (workflow_slug, raw_payload) "
                                     "SELECT 'clay-person-profile', p::jsonb FROM unnest(%s::text[]) AS p", (rows,))
                    else:
                        rows = [json.dumps({"domain": domains[i], "name": f"Shared {i}", "employees": "11-50",
                                            "location": {"country": {"name": "Germany"}}}) for i in chunk]
                        conn.execute("INSERT INTO raw.company_payloads (workflow_slug, raw_payload) "
                                     "SELECT 'companyenrich-company', p::jsonb FROM unnest(%s::text[]) AS p", (rows,))
                    conn.commit()
        except psycopg.Error as exc:
            errors.append(f"session {n}: {exc}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with psycopg.connect(db_url) as conn:
        one = conn.execute("""SELECT (SELECT count(*) FROM core.people WHERE linkedin_url LIKE '%%/in/shared-%%'),
                                     (SELECT count(*) FROM core.person_work_history WHERE linkedin_url LIKE '%%/in/shared-%%'),
                                     (SELECT count(*) FROM core.companies WHERE domain LIKE 'shared%%'),
                                     (SELECT count(*) FROM core.companies_full WHERE domain LIKE 'shared%%'
                                        AND name = 'Shared ' || split_part(substr(domain, 7), '.', 1)
                                        AND sources ->> 'name' = 'companyenrich' AND country = 'Germany')""").fetchone()
        # 4 person sessions x 30 people, 3 jobs each; 30 companies, named by companyenrich (priority 3) over clay (4)
        assert one == (120, 360, 30, 30), one
        assert conn.execute("SELECT count(*) FROM core.leads WHERE linkedin_url LIKE '%%/in/shared-%%'").fetchone()[0] == 120
