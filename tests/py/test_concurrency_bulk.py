"""Concurrent webhooks and large mixed statements against a real database."""

import json
import threading

import psycopg
import pytest

SOURCES = [("raw.company_payloads", "companyenrich-company", "domain", {"employees": "51-200", "type": "private"}),
           ("raw.company_payloads", "crunchbase-company", "website", {"number_employees": "c_00011_00050"}),
           ("raw.company_discovery", "clay-find-companies", "domain", {"size": "2-10 employees", "country": "US"}),
           ("raw.company_payloads", "clay-company-firmographics", "website", {"size": "11-50 employees"})]


def in_sessions(worker, n: int = 8) -> list[str]:
    """Run worker(0) … worker(n-1) at once, one thread (and session) each;
    returns one line per session that failed (a deadlock, a lost row's
    constraint, anything psycopg raised)."""
    errors: list[str] = []

    def run(k: int) -> None:
        try:
            worker(k)
        except psycopg.Error as exc:
            errors.append(f"session {k}: {exc}")

    threads = [threading.Thread(target=run, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_eight_sessions_overlapping_domains_no_deadlock_no_lost_update(db_url):
    domains = [f"overlap{i}.example" for i in range(40)]

    def worker(n: int) -> None:
        table, slug, key, extra = SOURCES[n % len(SOURCES)]
        order = domains if n % 2 == 0 else list(reversed(domains))  # opposite orders provoke deadlocks
        with psycopg.connect(db_url) as conn:
            for start in range(0, len(order), 10):
                chunk = order[start:start + 10]
                rows = [json.dumps({key: d, "name": f"{d} by {slug}", **extra}) for d in chunk]
                conn.execute(f"INSERT INTO {table} (workflow_slug, raw_payload) "
                             "SELECT %s, p::jsonb FROM unnest(%s::text[]) AS p", (slug, rows))
                conn.commit()

    errors = in_sessions(worker)  # a deadlock or any other failure fails the test
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

    def person(n: int, i: int) -> str:
        jobs = [{"company": f"Shared {d} (clay)", "company_domain": d, "title": "Engineer",
                 "start_date": f"{2015 + j}-01", "is_current": j == 0}
                for j, d in enumerate([domains[i], domains[(i + 7) % 30], domains[(i + 13) % 30]])]
        return json.dumps({"url": f"https://www.linkedin.com/in/shared-{n}-{i}", "name": f"Person {n} {i}",
                           "title": "Software Engineer", "location_name": "Austin, Texas, United States",
                           "experience": jobs})

    def worker(n: int) -> None:
        order = list(range(30)) if n % 2 == 0 else list(reversed(range(30)))
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

    errors = in_sessions(worker)
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


SLOW_COMMIT = """
CREATE FUNCTION public.hq_test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- once per transaction, at commit: the batch is done and holds its locks
  IF current_setting('hq_test.slept', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('hq_test.slept', 'on', true);
    PERFORM pg_sleep(1.5);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER hq_test_slow_commit AFTER INSERT ON {table}
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.hq_test_slow_commit();
"""


def wait_for_sleeping_commit(conn: psycopg.Connection, what: str) -> None:
    """Return once a session sleeps in hq_test_slow_commit (its batch is
    processed and it holds its locks); conn is left outside a transaction."""
    for _ in range(100):
        sleeping = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'").fetchone()[0]
        conn.rollback()
        if sleeping:
            return
        threading.Event().wait(0.05)
    raise AssertionError(f"{what} never reached its commit")


@pytest.mark.parametrize("slow", ["person", "company"])
def test_a_batch_slow_to_commit_does_not_lose_a_lead(db_url, slow):
    """The lost-lead race, made deterministic. One batch is done and slow to
    commit; the other runs meanwhile. person: the person batch derived no lead
    (the golden company has no country yet), then the company payload gives
    the company its country and refreshes the leads of the people it can see
    there. company: the company batch gave the country and refreshed leads,
    then the person batch derives the person's lead from the golden company
    it can see. Without core.lock_companies each batch misses the other's
    uncommitted rows and the lead is never written (this test fails when
    lock_companies does nothing); with it the second batch waits for the
    first's commit, then sees its rows."""
    company = {"domain": "racecorp.example", "name": "Race Corp"}
    person = {"url": "https://www.linkedin.com/in/race-person", "name": "Rae Race", "title": "VP of Engineering",
              "location_name": "Austin, Texas, United States",
              "experience": [{"company": "Race Corp", "company_domain": "racecorp.example", "title": "VP of Engineering",
                              "start_date": "2024-01-01", "is_current": True}]}
    person_sql = ("INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile', %s)",
                  (json.dumps(person),))
    company_sql = ("INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('companyenrich-company', %s)",
                   (json.dumps({**company, "location": {"country": {"name": "Germany"}}}),))
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('companyenrich-company', %s)",
                     (json.dumps(company),))
        # a colleague first, so the person batch below writes no row of the
        # company itself (clay's company_names row exists) and never touches
        # its golden row: only core.lock_companies can order the two batches
        conn.execute("INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile', %s)",
                     (json.dumps({**person, "url": "https://www.linkedin.com/in/race-colleague", "name": "Col League"}),))
        assert conn.execute("SELECT country FROM core.companies_full WHERE domain = 'racecorp.example'").fetchone() == (None,)
        conn.execute(SLOW_COMMIT.format(table="raw.person_payloads" if slow == "person" else "raw.company_payloads"))
    first, second = (person_sql, company_sql) if slow == "person" else (company_sql, person_sql)
    errors: list[str] = []

    def slow_batch() -> None:
        try:
            with psycopg.connect(db_url) as conn:
                conn.execute(*first)
                conn.commit()  # sleeps 1.5 s in the deferred trigger, holding the batch's locks
        except psycopg.Error as exc:
            errors.append(f"{slow} batch: {exc}")

    t = threading.Thread(target=slow_batch)
    t.start()
    with psycopg.connect(db_url) as conn:
        wait_for_sleeping_commit(conn, f"the {slow} batch")
        conn.execute(*second)
        conn.commit()
    t.join()
    assert not errors, errors
    with psycopg.connect(db_url) as conn:
        lead = conn.execute("SELECT company_country, job_function, seniority FROM core.leads "
                            "WHERE linkedin_url = 'https://www.linkedin.com/in/race-person'").fetchone()
    assert lead == ("Germany", "Engineering", "VP"), lead


def test_batches_without_a_company_in_common_do_not_wait_for_each_other(db_url):
    """Bulk loads in parallel: while a 300-company batch sits in its commit
    holding its locks, other sessions ingest 300 other companies and people
    working elsewhere without waiting on any lock (lock_timeout would raise
    55P03). Company locks are row locks, so only batches that share a company
    serialize (advisory stripes of the domain hash made every large batch
    wait for every other)."""
    def companies(tag: str) -> list[str]:
        return [json.dumps({"domain": f"{tag}{i}.example", "name": f"{tag} {i}", "employees": "11-50"}) for i in range(300)]

    people = [json.dumps({"url": f"https://www.linkedin.com/in/par-{i}", "name": f"Par {i}", "title": "CFO",
                          "experience": [{"company": f"Else {i}", "company_domain": f"else{i}.example", "title": "CFO",
                                          "start_date": "2020-01", "is_current": True}]}) for i in range(50)]
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(SLOW_COMMIT.format(table="raw.company_payloads"))
        # companies that already exist take row locks (new ones are the batch's own uncommitted rows)
        conn.execute("INSERT INTO core.companies (domain) SELECT 'slow' || i || '.example' FROM generate_series(0, 299) i")
    errors: list[str] = []

    def slow_batch() -> None:
        try:
            with psycopg.connect(db_url) as conn:
                conn.execute("INSERT INTO raw.company_payloads (workflow_slug, raw_payload) "
                             "SELECT 'companyenrich-company', p::jsonb FROM unnest(%s::text[]) AS p", (companies("slow"),))
                conn.commit()  # sleeps 1.5 s in the deferred trigger, holding its locks
        except psycopg.Error as exc:
            errors.append(f"slow batch: {exc}")

    t = threading.Thread(target=slow_batch)
    t.start()
    with psycopg.connect(db_url) as conn:
        wait_for_sleeping_commit(conn, "the slow batch")
        conn.execute("SET lock_timeout = '1s'")
        conn.execute("SET hq_test.slept = 'on'")  # this session's own commits do not sleep
        conn.execute("INSERT INTO raw.company_payloads (workflow_slug, raw_payload) "
                     "SELECT 'companyenrich-company', p::jsonb FROM unnest(%s::text[]) AS p", (companies("fast"),))
        conn.execute("INSERT INTO raw.person_payloads (workflow_slug, raw_payload) "
                     "SELECT 'clay-person-profile', p::jsonb FROM unnest(%s::text[]) AS p", (people,))
        conn.commit()
        still_sleeping = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'").fetchone()[0]
    t.join()
    assert not errors, errors
    assert still_sleeping == 1, "the other session finished only after the slow batch had committed"
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM core.companies_full WHERE domain ~ '^(slow|fast)[0-9]+\\.example$' "
                            "AND employee_range = '11-50'").fetchone()[0] == 600
        assert conn.execute("SELECT count(*) FROM core.people_full WHERE linkedin_url LIKE '%/in/par-%'").fetchone()[0] == 50
