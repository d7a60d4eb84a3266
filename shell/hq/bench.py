"""Benchmarks (``hq bench …``): each prints a rate and its ratio to a baseline
measured in the same run. Everything happens in one transaction that is
rolled back, so a benchmark leaves the database as it found it. Never run
as timed tests."""

from __future__ import annotations

import json
import random
import time

import psycopg
from psycopg.rows import tuple_row

TITLES = ["VP of Marketing", "Sr. Software Engineer", "Director of Engineering", "Head of Finance", "CEO",
          "Co-Founder & CEO", "Account Executive", "Senior Product Manager", "Data Scientist", "CFO",
          "Customer Success Manager", "Marketing Manager", "IT Director", "General Counsel", "Recruiter",
          "Chief Information Security Officer", "Sales Development Representative", "Designer", "Intern"]


def _titles(n: int) -> list[str]:
    rnd = random.Random(7)
    # realistic repetition: a few thousand distinct strings (decorated variants) across n rows
    variants = [f"{t}{s}" for t in TITLES for s in ("", " II", " @ Acme", ", EMEA", " (Remote)", " - Platform")]
    variants += [f"{t} {i}" for t in TITLES for i in range(100)]
    return [rnd.choice(variants) for _ in range(n)]


def _timed(conn: psycopg.Connection, query: str, params=()) -> float:
    t0 = time.perf_counter()
    conn.execute(query, params).fetchall()
    return time.perf_counter() - t0


def bench_matching(conn: psycopg.Connection, n: int, out) -> list[dict]:
    conn.row_factory = tuple_row
    titles = _titles(n)
    with conn.transaction(force_rollback=True):
        conn.execute("CREATE TEMP TABLE bench_titles AS SELECT t FROM unnest(%s::text[]) AS t", (titles,))
        base = _timed(conn, "SELECT count(t) FROM (SELECT array_agg(t) a FROM bench_titles) s, unnest(s.a) t")
        took = _timed(conn, "SELECT count(*) FROM reference.match_job_titles((SELECT array_agg(t) FROM bench_titles))")
        matched = conn.execute("SELECT count(*) FILTER (WHERE job_function IS NOT NULL AND seniority IS NOT NULL), "
                               "count(*) FROM reference.match_job_titles((SELECT array_agg(DISTINCT t) FROM bench_titles))").fetchone()
    out.print(f"matched {n:,} titles ({matched[1]:,} distinct) in {took:.2f} s: {n / took:,.0f} titles/s")
    out.print(f"baseline (unnest of the same array): {n / base:,.0f} rows/s; ratio {took / base:.1f}x the baseline time")
    out.print(f"distinct titles with function and seniority: {matched[0]:,}/{matched[1]:,}")
    return [{"metric": "matching: job titles/s (set-based)", "value": n / took, "baseline": n / base,
             "ratio": took / base, "unit": "titles/s; ratio = time vs a bare unnest"}]


# provider values repeat across companies and people, as they do in real feeds
SIZES = ["1-10", "11-50", "51-200", "201-500", "501-1K", "1K-5K", "5K-10K", "over-10K"]
TYPES = ["private", "public", "nonprofit", "educational", "government", "partnership"]
INDUSTRIES = ["Software Development", "Financial Services", "Hospital & Health Care", "Retail",
              "IT Services and IT Consulting", "Marketing Services", "Biotechnology Research", "Manufacturing"]
REVENUES = ["under-1m", "1m-10m", "10m-50m", "50m-100m", "100m-500m", "over-1b"]
PLACES = [("Austin", "Texas", "United States"), ("San Francisco", "California", "United States"),
          ("New York", "New York", "United States"), ("London", "England", "United Kingdom"),
          ("Berlin", "Berlin", "Germany"), ("Toronto", "Ontario", "Canada"), ("Paris", "Ile-de-France", "France"),
          ("Boston", "Massachusetts", "United States"), ("Sydney", "New South Wales", "Australia")]


def _company_payload(i: int, tag: str) -> dict:
    rnd = random.Random(i)
    city, state, country = rnd.choice(PLACES)
    return {"domain": f"bench{tag}-{i}.example", "name": f"Bench {i}", "employees": rnd.choice(SIZES),
            "type": rnd.choice(TYPES), "industry": rnd.choice(INDUSTRIES), "revenue": rnd.choice(REVENUES),
            "location": {"city": {"name": city}, "state": {"name": state}, "country": {"name": country}},
            "keywords": ["saas", "b2b"], "technologies": ["react", "postgres"]}


def _person_payload(i: int, tag: str) -> dict:
    rnd = random.Random(i)
    city, state, country = rnd.choice(PLACES)
    # each job as Clay sends it (fixture clay-person-profile.json): the company's
    # LinkedIn page and the job's locality beside company, domain, title, dates
    jobs = [{"url": f"https://www.linkedin.com/company/co{tag}-{(i * 7 + j) % 50000}",
             "company": f"Co {i}-{j}", "company_domain": f"co{tag}-{(i * 7 + j) % 50000}.example",
             "title": rnd.choice(TITLES), "locality": f"{city}, {country}", "start_date": f"{2010 + j}-01-01",
             "end_date": None if j == 0 else f"{2011 + j}-01-01", "is_current": j == 0}
            for j in range(rnd.randint(3, 8))]
    return {"url": f"https://www.linkedin.com/in/bench{tag}-{i}", "name": f"Person {i}", "title": jobs[0]["title"],
            "location_name": f"{city}, {state}, {country}", "experience": jobs}


def _workloads(companies: int, people: int) -> list[tuple]:
    """What `hq bench ingest` loads: (kind, payloads, raw table, workflow, payload maker)."""
    return [("company", companies, "raw.company_payloads", "companyenrich-company", _company_payload),
            ("person", people, "raw.person_payloads", "clay-person-profile", _person_payload)]


def _copy_rate(conn, table: str, slug: str, payloads: list[str], batch: int) -> float:
    t0 = time.perf_counter()
    for start in range(0, len(payloads), batch):
        with conn.cursor().copy(f"COPY {table} (workflow_slug, raw_payload) FROM STDIN") as cp:
            for p in payloads[start:start + batch]:
                cp.write_row((slug, p))
    return time.perf_counter() - t0


WRITES = """SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint, pg_current_wal_insert_lsn()
FROM pg_stat_xact_user_tables WHERE schemaname IN ('raw', 'extracted', 'core', 'reference')"""


def _work(conn, before) -> tuple:
    """Rows written (inserted, updated or deleted in the warehouse schemas) and
    WAL bytes since `before`, a WRITES row taken earlier in the transaction."""
    rows, lsn = conn.execute(WRITES).fetchone()
    wal = conn.execute("SELECT pg_wal_lsn_diff(%s, %s)::bigint", (lsn, before[1])).fetchone()[0]
    return rows - before[0], wal, (rows, lsn)


WRITTEN = """SELECT schemaname, relname, n_tup_ins + n_tup_upd FROM pg_stat_xact_user_tables
WHERE schemaname IN ('raw', 'extracted', 'core', 'reference')"""


def _floor(conn, before: dict, after: dict, skip: list[str]) -> tuple[float, int, int]:
    """The floor under any pipeline: the rows the end-to-end run left in each
    table it wrote, COPYed out, then timed COPYing back into an untriggered
    copy of that table (LIKE … INCLUDING ALL: the same columns, defaults,
    constraints and indexes). Returns (seconds, rows, tables). The run's rows
    are those written by this transaction or its subtransactions (the ingest
    trigger's exception block; their ids follow this transaction's): xmin at
    or after this transaction's id (a benchmark runs alone)."""
    from psycopg import sql

    lo = conn.execute("SELECT pg_current_xact_id()::text::bigint % 4294967296").fetchone()[0]
    seconds, rows, tables = 0.0, 0, 0
    for (schema, name), n in sorted(after.items()):
        if n <= before.get((schema, name), 0) or f"{schema}.{name}" in skip:
            continue
        source, floor = sql.Identifier(schema, name), sql.Identifier(schema, f"{name}_bench_floor")
        cols = [r[0] for r in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
            (source.as_string(conn),)).fetchall()]
        collist = sql.SQL(", ").join(map(sql.Identifier, cols))
        conn.execute(sql.SQL("CREATE TABLE {} (LIKE {} INCLUDING ALL)").format(floor, source))
        chunks = []
        with conn.cursor().copy(sql.SQL("COPY (SELECT {} FROM {} WHERE xmin::text::bigint >= {}) TO STDOUT")
                                .format(collist, source, lo)) as cp:
            for chunk in cp:
                chunks.append(bytes(chunk))
        t0 = time.perf_counter()
        with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(floor, collist)) as cp:
            for chunk in chunks:
                cp.write(chunk)
        seconds += time.perf_counter() - t0
        rows += conn.execute(sql.SQL("SELECT count(*) FROM {}").format(floor)).fetchone()[0]
        tables += 1
    return seconds, rows, tables


def bench_ingest(conn: psycopg.Connection, companies: int, people: int, out, batch: int = 5000) -> list[dict]:
    conn.row_factory = tuple_row
    tag = str(int(time.time()))
    results = []
    for kind, n, table, slug, make in _workloads(companies, people):
        if not n:
            continue
        payloads = [json.dumps(make(i, tag)) for i in range(n)]
        with conn.transaction(force_rollback=True):
            # the baseline: a plain (logged) copy of the raw table with its defaults, constraints and
            # indexes, loaded once before and once after the end-to-end run (the ratio takes their
            # mean: a short COPY is at the mercy of the machine's I/O of the moment)
            bare_tables = [f"{table}_bench_bare", f"{table}_bench_bare_after"]
            for bare_table in bare_tables:
                conn.execute(f"CREATE TABLE {bare_table} (LIKE {table} INCLUDING ALL)")
            start = conn.execute(WRITES).fetchone()
            bare_before = _copy_rate(conn, bare_tables[0], slug, payloads, batch)
            bare_rows, bare_wal, mid = _work(conn, start)
            written = {(r[0], r[1]): r[2] for r in conn.execute(WRITTEN)}
            full = _copy_rate(conn, table, slug, payloads, batch)
            full_rows, full_wal, _ = _work(conn, mid)
            ok = conn.execute(f"SELECT count(*) FILTER (WHERE extraction_status = 'extracted'), count(*) FROM {table} "
                              "WHERE workflow_slug = %s AND created_at = now()", (slug,)).fetchone()
            after = {(r[0], r[1]): r[2] for r in conn.execute(WRITTEN)}
            bare_after = _copy_rate(conn, bare_tables[1], slug, payloads, batch)
            floor, floor_rows, floor_tables = _floor(conn, written, after, bare_tables)
        bare = (bare_before + bare_after) / 2
        out.print(f"{kind} payloads: {n:,} end to end in {full:.2f} s = {n / full:,.0f}/s "
                  f"({ok[0]:,} extracted); bare COPY into an untriggered copy of {table}: {n / bare:,.0f}/s "
                  f"(the mean time of one COPY before it, at {n / bare_before:,.0f}/s, and one after, at {n / bare_after:,.0f}/s); "
                  f"end-to-end is 1/{full / bare:.1f} of the bare rate")
        if max(bare_before, bare_after) > 1.3 * min(bare_before, bare_after):
            out.print("  note: the two bare COPYs differ by more than 30%: the machine's I/O rate moved during "
                      "the run; compare ratios from repeated runs")
        # why the ratio is what it is: the work done per payload, against the bare COPY's
        out.print(f"  per payload: {full_rows / n:.1f} rows written and {full_wal / n / 1024:.1f} kB of WAL end to end; "
                  f"bare COPY {bare_rows / n:.1f} row and {bare_wal / n / 1024:.1f} kB; "
                  f"time per row written: {full / full_rows * 1e6:.1f} µs end to end, {bare / bare_rows * 1e6:.1f} µs bare")
        # the floor under any implementation of the contract: storing its result rows, no logic at all
        out.print(f"  floor: the {floor_rows / n:.1f} rows per payload the pipeline left in {floor_tables} tables, COPYed "
                  f"into untriggered copies of those tables: {n / floor:,.0f}/s, 1/{floor / bare:.1f} of the bare rate; "
                  f"end-to-end is 1/{full / floor:.1f} of the floor")
        results += [{"metric": f"ingest: {kind} payloads/s vs bare COPY", "value": n / full, "baseline": n / bare,
                     "ratio": full / bare, "unit": "payloads/s; ratio = time vs the bare COPY"},
                    {"metric": f"ingest: {kind} payloads/s vs floor", "value": n / full, "baseline": n / floor,
                     "ratio": full / floor, "unit": "payloads/s; ratio = time vs the floor"}]
    return results


def bench_ingest_sessions(connect, companies: int, people: int, out, sessions: int, batch: int = 5000) -> None:
    """`hq bench ingest --sessions N`: N sessions each load their own payloads
    (entities disjoint between sessions) at the same time, first into their
    own untriggered copy of the raw table, then into the raw table; each in a
    transaction rolled back at the end. Rates are all sessions' payloads over
    the slowest session's time."""
    import threading

    tag = str(int(time.time()))
    for kind, n, table, slug, make in _workloads(companies, people):
        if not n:
            continue
        gate = threading.Barrier(sessions, timeout=3600)
        times: dict[int, tuple[float, float, int]] = {}
        errors: list[BaseException] = []

        def session(k: int) -> None:
            try:
                payloads = [json.dumps(make(i, f"{tag}s{k}")) for i in range(n)]
                with connect() as conn:
                    conn.row_factory = tuple_row
                    with conn.transaction(force_rollback=True):
                        bare_table = f"{table}_bench_bare_{k}"
                        conn.execute(f"CREATE TABLE {bare_table} (LIKE {table} INCLUDING ALL)")
                        gate.wait()
                        bare = _copy_rate(conn, bare_table, slug, payloads, batch)
                        gate.wait()
                        full = _copy_rate(conn, table, slug, payloads, batch)
                        ok = conn.execute(f"SELECT count(*) FROM {table} WHERE workflow_slug = %s AND created_at = now() "
                                          "AND extraction_status = 'extracted'", (slug,)).fetchone()[0]
                        times[k] = (bare, full, ok)
                        gate.wait()  # every session still holds its work until all are done
            except BaseException as exc:  # reported below; the other sessions are released
                errors.append(exc)
                gate.abort()

        threads = [threading.Thread(target=session, args=(k,)) for k in range(sessions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]
        total = n * sessions
        bare = max(v[0] for v in times.values())
        full = max(v[1] for v in times.values())
        out.print(f"{kind} payloads: {sessions} sessions x {n:,} end to end in {full:.2f} s = {total / full:,.0f}/s "
                  f"({sum(v[2] for v in times.values()):,} extracted); bare COPY in {sessions} sessions into untriggered "
                  f"copies of {table}: {total / bare:,.0f}/s; end-to-end is 1/{full / bare:.1f} of the bare rate")


# Set-up for the rematch and leads benchmarks, straight into core (no
# pipeline): p people at c = p/4 companies; the first a people hold an
# unmatched title; functions, seniorities and countries vary as in real data.
FUNCTIONS = ["Engineering", "Sales", "Marketing", "Product", "Finance", "Operations", "Data", "Design",
             "Customer Success", "Human Resources", "Information Technology", "Security", "Legal",
             "Business Development", "Executive Leadership"]
SENIORITIES = ["Individual Contributor", "Senior", "Manager", "Director", "VP", "Head", "C-Suite", "Entry",
               "Founder", "Owner", "Partner", "Intern"]
COUNTRIES = ["United States", "United States", "United States", "United Kingdom", "Germany", "France", "Canada",
             "India", "Australia", "Netherlands"]

SETUP = [
    """INSERT INTO core.companies (domain) SELECT 'rm' || i || '.example' FROM generate_series(1, %(c)s) i""",
    """INSERT INTO core.companies_full (domain, name, country)
            SELECT 'rm' || i || '.example', 'Co ' || i, (%(countries)s::text[])[1 + abs(hashtext('c' || i)) %% 10] FROM generate_series(1, %(c)s) i""",
    """INSERT INTO core.people (linkedin_url, full_name)
            SELECT 'https://www.linkedin.com/in/rm-' || i, 'P ' || i FROM generate_series(1, %(p)s) i""",
    """INSERT INTO core.person_names (linkedin_url, source, raw_name, cleaned_name)
            SELECT 'https://www.linkedin.com/in/rm-' || i, 'clay', 'P ' || i, 'P ' || i FROM generate_series(1, %(p)s) i""",
    """INSERT INTO core.person_job_titles (linkedin_url, source, raw_title, matched_cleaned_title, matched_job_function, matched_seniority)
            SELECT 'https://www.linkedin.com/in/rm-' || i, 'clay',
                   CASE WHEN i <= %(a)s THEN 'Chief Vibes Wrangler' ELSE 'Software Engineer ' || (i %% 5000) END, NULL,
                   CASE WHEN i > %(a)s THEN (%(functions)s::text[])[1 + abs(hashtext('f' || i)) %% 15] END,
                   CASE WHEN i > %(a)s THEN (%(seniorities)s::text[])[1 + abs(hashtext('s' || i)) %% 12] END
            FROM generate_series(1, %(p)s) i""",
    """INSERT INTO core.person_locations (linkedin_url, source, raw_location, matched_country)
            SELECT 'https://www.linkedin.com/in/rm-' || i, 'clay', c, c
            FROM generate_series(1, %(p)s) i, LATERAL (SELECT (%(countries)s::text[])[1 + abs(hashtext('p' || i)) %% 10] AS c) x""",
    """INSERT INTO core.person_work_history (linkedin_url, company_domain, company_name, title, is_current, source)
            SELECT 'https://www.linkedin.com/in/rm-' || i, 'rm' || (i %% %(c)s + 1) || '.example', 'Co', 'x', true, 'clay'
            FROM generate_series(1, %(p)s) i""",
    """INSERT INTO core.people_full (linkedin_url, full_name, job_function, seniority, country, company_domain, company_name)
            SELECT 'https://www.linkedin.com/in/rm-' || i, 'P ' || i,
                   CASE WHEN i > %(a)s THEN (%(functions)s::text[])[1 + abs(hashtext('f' || i)) %% 15] END,
                   CASE WHEN i > %(a)s THEN (%(seniorities)s::text[])[1 + abs(hashtext('s' || i)) %% 12] END,
                   (%(countries)s::text[])[1 + abs(hashtext('p' || i)) %% 10], 'rm' || (i %% %(c)s + 1) || '.example', 'Co'
            FROM generate_series(1, %(p)s) i""",
]


def _setup(conn: psycopg.Connection, people: int, affected: int, out) -> None:
    t0 = time.perf_counter()
    conn.execute("SET LOCAL hq.in_pipeline = 'on'")  # bulk set-up straight into core, no per-statement refresh
    params = {"p": people, "a": affected, "c": max(people // 4, 1), "functions": FUNCTIONS,
              "seniorities": SENIORITIES, "countries": COUNTRIES}
    for stmt in SETUP:
        conn.execute(stmt, params)
    conn.execute("SELECT core.refresh_leads(ARRAY(SELECT linkedin_url FROM core.people_full WHERE linkedin_url LIKE 'https://www.linkedin.com/in/rm-%%'))")
    conn.execute("SET LOCAL hq.in_pipeline = 'off'")
    conn.execute("ANALYZE core.person_names, core.person_job_titles, core.person_locations, core.person_work_history, "
                 "core.people, core.people_full, core.companies_full, core.leads")
    out.print(f"set-up: {people:,} people at {max(people // 4, 1):,} companies, {affected:,} holding an unmatched title "
              f"({time.perf_counter() - t0:.1f} s)")


def bench_rematch(conn: psycopg.Connection, people: int, affected: int, out) -> list[dict]:
    conn.row_factory = tuple_row
    with conn.transaction(force_rollback=True):
        _setup(conn, people, affected, out)
        leads_before = conn.execute("SELECT count(*) FROM core.leads").fetchone()[0]
        base = _timed(conn, "SELECT count(*) FROM core.person_job_titles WHERE reference.normalize_key(raw_title) = 'chief vibes wrangler'")
        t1 = time.perf_counter()
        conn.execute("INSERT INTO reference.job_title_lookup (raw_title, cleaned_title, job_function, seniority) "
                     "VALUES ('Chief Vibes Wrangler', 'Chief Vibes Wrangler', 'Human Resources', 'C-Suite')")
        took = time.perf_counter() - t1
        log = conn.execute("SELECT dimension_rows, golden_rows, duration_ms FROM reference.rematch_log ORDER BY id DESC LIMIT 1").fetchone()
        leads_after = conn.execute("SELECT count(*) FROM core.leads").fetchone()[0]
    out.print(f"one job_title_lookup INSERT: {took:.2f} s; {log[0]:,} titles re-matched, {log[1]:,} golden rows, "
              f"leads {leads_before:,} -> {leads_after:,}")
    out.print(f"baseline (indexed count of the affected rows): {base * 1000:.1f} ms")
    return [{"metric": f"rematch: one lookup INSERT, {affected:,} of {people:,} people", "value": took * 1000,
             "baseline": base * 1000, "ratio": took / base if base else None, "unit": "ms; baseline = indexed count"}]


LEADS_QUERY = """SELECT linkedin_url, full_name, cleaned_title, job_function, seniority, company_name, company_country
FROM core.leads WHERE job_function = ANY (%s) AND seniority = ANY (%s) AND company_country = %s
ORDER BY linkedin_url LIMIT 50"""


def bench_leads(conn: psycopg.Connection, people: int, out) -> list[dict]:
    conn.row_factory = tuple_row
    with conn.transaction(force_rollback=True):
        _setup(conn, people, 0, out)
        args = (["Engineering", "Data"], ["VP", "Director", "Head"], "Germany")
        conn.execute(LEADS_QUERY, args).fetchall()  # warm the cache
        plan = [r[0] for r in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + LEADS_QUERY, args).fetchall()]
        took = min(_timed(conn, LEADS_QUERY, args) for _ in range(5))
        base = min(_timed(conn, "SELECT linkedin_url FROM core.leads ORDER BY linkedin_url LIMIT 50") for _ in range(5))
        leads = conn.execute("SELECT count(*) FROM core.leads").fetchone()[0]
    out.print(f"{leads:,} leads; filtered page (functions Engineering/Data, seniorities VP/Director/Head, Germany): "
              f"{took * 1000:.1f} ms (best of 5); baseline unfiltered page: {base * 1000:.1f} ms")
    for line in plan:
        out.print("  " + line)
    return [{"metric": f"leads: filtered page at {people:,} people", "value": took * 1000, "baseline": base * 1000,
             "ratio": took / base if base else None, "unit": "ms; baseline = unfiltered page"}]




def load_warehouse(conn: psycopg.Connection, people: int, companies: int, tag: str, batch: int = 5000) -> float:
    """Fill a warehouse through the real ingest path: `companies` enriched
    companies (the first employers of the people), then `people` person
    profiles, COPYed into their raw tables in committed batches (the ingest
    trigger processes each), then ANALYZE. Returns the seconds it took."""
    t0 = time.perf_counter()

    def employer(i: int, tag: str) -> dict:  # the companies the people work at, enriched: they make leads
        return {**_company_payload(i, tag), "domain": f"co{tag}-{i}.example", "name": f"Co {i}"}

    for n, table, slug, make in ((companies, "raw.company_payloads", "companyenrich-company", employer),
                                 (people, "raw.person_payloads", "clay-person-profile", _person_payload)):
        for start in range(0, n, batch):
            with conn.cursor().copy(f"COPY {table} (workflow_slug, raw_payload) FROM STDIN") as cp:
                for i in range(start, min(n, start + batch)):
                    cp.write_row((slug, json.dumps(make(i, tag))))
            conn.commit()
    conn.execute("ANALYZE")
    conn.commit()
    return time.perf_counter() - t0


def _webhook_kinds(tag: str, people: int, companies: int) -> list[tuple[str, str, object]]:
    """The single deliveries `hq bench webhook` times: (label, workflow, payload for delivery k)."""
    def new_person(k: int) -> dict:
        p = _person_payload(people + k, tag)
        p["url"] = f"https://www.linkedin.com/in/bench{tag}-new-{k}"
        return p

    def known_person(k: int) -> dict:
        p = _person_payload((k * 7919) % people, tag)
        p["title"] = p["experience"][0]["title"] = TITLES[k % len(TITLES)]
        return p

    def known_company(k: int) -> dict:
        i = (k * 7919) % companies
        return {**_company_payload(i, tag), "domain": f"co{tag}-{i}.example", "employees": SIZES[k % len(SIZES)]}

    kinds = [("new person", "clay-person-profile", new_person), ("known person", "clay-person-profile", known_person),
             ("new company", "companyenrich-company", lambda k: _company_payload(companies + k, tag))]
    return kinds + ([("known company", "companyenrich-company", known_company)] if companies else [])


def bench_webhook(admin_url: str, sizes: list[int], deliveries: int, out) -> list[dict]:
    """`hq bench webhook`: for each size, a scratch database beside the given
    one (migrated, filled with `size` people and size/4 companies through the
    ingest path, analyzed), then `deliveries` single webhooks of each kind
    through api.ingest, each in its own transaction as the HTTP route runs
    them. Prints the median per kind and its ratio to the smallest size."""
    import statistics
    import uuid

    from psycopg import sql

    from hq.deploy import migrate

    base, _, _ = admin_url.rpartition("/")
    medians: dict[int, dict[str, float]] = {}
    for size in sizes:
        name = f"hq_bench_webhook_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            url = f"{base}/{name}"
            migrate(url)
            tag = str(int(time.time()))
            companies = max(size // 4, 1)
            with psycopg.connect(url) as conn:
                took = load_warehouse(conn, size, companies, tag)
            out.print(f"{size:,} people and {companies:,} companies loaded through the ingest path in {took:.1f} s")
            medians[size] = {}
            with psycopg.connect(url, autocommit=True) as conn:
                for label, slug, make in _webhook_kinds(tag, size, companies):
                    times = []
                    for k in range(deliveries):
                        payload = json.dumps(make(k))
                        t0 = time.perf_counter()
                        conn.execute("SELECT api.ingest(%s, %s::jsonb)", (slug, payload)).fetchone()
                        times.append(time.perf_counter() - t0)
                    medians[size][label] = statistics.median(times)
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    smallest = sizes[0]
    for size in sizes:
        cells = [f"{label} {ms * 1000:.1f} ms" + (f" ({ms / medians[smallest][label]:.2f}x)" if size != smallest else "")
                 for label, ms in medians[size].items()]
        out.print(f"at {size:,} people, median of {deliveries} single webhooks: " + "; ".join(cells))
    return [{"metric": f"webhook: one {label} at {size:,} vs {smallest:,} people", "value": ms * 1000,
             "baseline": medians[smallest][label] * 1000, "ratio": ms / medians[smallest][label], "unit": "ms"}
            for size in sizes[1:] for label, ms in medians[size].items()]
