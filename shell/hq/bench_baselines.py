"""Benchmarks against the designs HQ replaces (``hq bench query``,
``hq bench ingest --baseline round-trips``).

- Golden reads vs on-the-fly coalescing: the same questions answered from the
  trigger-maintained golden tables and from views that compute the same
  survivorship from the dimension tables at read time (the existing system's
  plan, written as well as it can be: one indexed probe per field, no
  ``SELECT *``). Both answers must be identical; the bench checks it.
- Trigger path vs round trips: the existing system's ingest, one lookup query
  per matched field and one upsert per dimension, each its own transaction,
  against HQ's trigger path on the same payloads, in a scratch database so
  commits are real.
"""

from __future__ import annotations

import statistics
import time
import urllib.parse
import uuid
from contextlib import contextmanager

import psycopg
from psycopg import sql
from psycopg.rows import tuple_row

from hq.bench import COUNTRIES, FUNCTIONS, SENIORITIES, _company_payload

# --- golden reads vs on-the-fly coalescing ----------------------------------

# Dimension rows from two sources per field, so survivorship has work to do:
# p people at c companies; salesnav (priority 6) sometimes lacks a value that
# clay (priority 4) has, and sometimes disagrees with it.
QUERY_SETUP = [
    """INSERT INTO core.companies (domain) SELECT 'q' || i || '.example' FROM generate_series(1, %(c)s) i""",
    """INSERT INTO core.company_names (domain, source, raw_name, cleaned_name, linkedin_url)
       SELECT 'q' || i || '.example', s.source, 'Co ' || i || s.tag, 'Co ' || i || s.tag,
              CASE WHEN s.source = 'linkedin' THEN 'https://www.linkedin.com/company/q' || i END
       FROM generate_series(1, %(c)s) i, (VALUES ('companyenrich', ''), ('linkedin', ' Inc')) s(source, tag)""",
    """INSERT INTO core.company_locations (domain, source, raw_location, matched_city, matched_country)
       SELECT 'q' || i || '.example', s.source, 'x', 'City ' || (i %% 97),
              CASE WHEN s.source = 'companyenrich' OR i %% 3 = 0 THEN (%(countries)s::text[])[1 + abs(hashtext(s.source || i)) %% 10] END
       FROM generate_series(1, %(c)s) i, (VALUES ('companyenrich'), ('crunchbase')) s(source)""",
    """INSERT INTO core.company_industries (domain, source, raw_industry, matched_industry)
       SELECT 'q' || i || '.example', 'companyenrich', 'Software', 'Software Development' FROM generate_series(1, %(c)s) i""",
    """INSERT INTO core.company_employee_ranges (domain, source, raw_size, matched_employee_range)
       SELECT 'q' || i || '.example', s.source, 'x', (ARRAY['11-50', '51-200', '201-500'])[1 + abs(hashtext(s.source || i)) %% 3]
       FROM generate_series(1, %(c)s) i, (VALUES ('companyenrich'), ('clay')) s(source)""",
    """INSERT INTO core.people (linkedin_url, full_name)
       SELECT 'https://www.linkedin.com/in/q-' || i, 'P ' || i FROM generate_series(1, %(p)s) i""",
    """INSERT INTO core.person_names (linkedin_url, source, raw_name, cleaned_name)
       SELECT 'https://www.linkedin.com/in/q-' || i, s.source, 'P ' || i || s.tag, 'P ' || i || s.tag
       FROM generate_series(1, %(p)s) i, (VALUES ('clay', ''), ('salesnav', ' (SN)')) s(source, tag)""",
    """INSERT INTO core.person_job_titles (linkedin_url, source, raw_title, matched_cleaned_title, matched_job_function, matched_seniority)
       SELECT 'https://www.linkedin.com/in/q-' || i, s.source, 't', 'Title ' || (i %% 500),
              CASE WHEN s.source = 'salesnav' OR i %% 4 <> 0 THEN (%(functions)s::text[])[1 + abs(hashtext('f' || s.source || i)) %% 15] END,
              CASE WHEN s.source = 'salesnav' OR i %% 5 <> 0 THEN (%(seniorities)s::text[])[1 + abs(hashtext('s' || s.source || i)) %% 12] END
       FROM generate_series(1, %(p)s) i, (VALUES ('clay'), ('salesnav')) s(source)""",
    """INSERT INTO core.person_locations (linkedin_url, source, raw_location, matched_city, matched_country)
       SELECT 'https://www.linkedin.com/in/q-' || i, s.source, 'x', 'Town ' || (i %% 89),
              CASE WHEN s.source = 'salesnav' OR i %% 7 <> 0 THEN (%(countries)s::text[])[1 + abs(hashtext('p' || s.source || i)) %% 10] END
       FROM generate_series(1, %(p)s) i, (VALUES ('clay'), ('salesnav')) s(source)""",
    """INSERT INTO core.person_work_history (linkedin_url, company_domain, company_name, title, start_date, is_current, source)
       SELECT 'https://www.linkedin.com/in/q-' || i, 'q' || ((i * s.k) %% %(c)s + 1) || '.example', 'Co', 't',
              current_date - (abs(hashtext('d' || s.source || i)) %% 1500), s.source = 'clay' OR i %% 2 = 0, s.source
       FROM generate_series(1, %(p)s) i, (VALUES ('clay', 1), ('salesnav', 7)) s(source, k)""",
    """INSERT INTO core.person_past_employer (linkedin_url, company_domain, company_name, source)
       SELECT 'https://www.linkedin.com/in/q-' || i, 'q' || ((i * 13) %% %(c)s + 1) || '.example', 'Co', 'clay'
       FROM generate_series(1, %(p)s) i""",
    """INSERT INTO core.company_customers (origin_company_domain, customer_name, customer_domain, source)
       SELECT 'q1.example', 'Co ' || i, 'q' || i || '.example', 'claygent' FROM generate_series(2, least(%(c)s, 200)) i""",
    """INSERT INTO core.company_vc_investors (domain, investor_name, source)
       SELECT 'q' || i || '.example', 'Fund ' || (i %% 4), 'vc_portfolio' FROM generate_series(3, %(c)s, 3) i""",
]

RANK = """CREATE FUNCTION pg_temp.otf_rank(p_field text, p_source text) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT priority FROM reference.source_priority WHERE field = p_field AND source = p_source),
                  (SELECT priority FROM reference.source_priority WHERE field = '*' AND source = p_source), 1073741824)
$$"""


def _best(table: str, key: str, value: str, field: str, where: str = "") -> str:
    """One indexed probe: the winning value of one field for one entity."""
    cond = f"{value} IS NOT NULL" if not where else where
    return (f"(SELECT {value} FROM core.{table} t WHERE t.{key} = e.{key} AND {cond} "
            f"ORDER BY pg_temp.otf_rank('{field}', t.source), t.updated_at DESC LIMIT 1)")


OTF_VIEWS = [
    RANK,
    f"""CREATE TEMP VIEW otf_companies_full AS
    SELECT e.domain,
           {_best('company_names', 'domain', 't.cleaned_name', 'name')} AS name,
           {_best('company_employee_ranges', 'domain', 't.matched_employee_range', 'employee_range')} AS employee_range,
           l.matched_city AS city, l.matched_state AS state, l.matched_country AS country,
           {_best('company_industries', 'domain', 't.matched_industry', 'industry')} AS industry
    FROM core.companies e
    LEFT JOIN LATERAL (SELECT t.matched_city, t.matched_state, t.matched_country FROM core.company_locations t
                       WHERE t.domain = e.domain AND num_nonnulls(t.matched_city, t.matched_state, t.matched_country) > 0
                       ORDER BY pg_temp.otf_rank('location', t.source), t.updated_at DESC LIMIT 1) l ON true""",
    f"""CREATE TEMP VIEW otf_people_full AS
    SELECT e.linkedin_url,
           {_best('person_names', 'linkedin_url', 't.cleaned_name', 'full_name')} AS full_name,
           {_best('person_job_titles', 'linkedin_url', 't.matched_cleaned_title', 'cleaned_title')} AS cleaned_title,
           {_best('person_job_titles', 'linkedin_url', 't.matched_job_function', 'job_function')} AS job_function,
           {_best('person_job_titles', 'linkedin_url', 't.matched_seniority', 'seniority')} AS seniority,
           l.matched_country AS country, w.company_domain, w.company_name, w.start_date AS job_start_date
    FROM core.people e
    LEFT JOIN LATERAL (SELECT t.matched_country FROM core.person_locations t
                       WHERE t.linkedin_url = e.linkedin_url AND num_nonnulls(t.matched_city, t.matched_state, t.matched_country) > 0
                       ORDER BY pg_temp.otf_rank('location', t.source), t.updated_at DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT t.company_domain, t.company_name, t.start_date FROM core.person_work_history t
                       WHERE t.linkedin_url = e.linkedin_url AND t.is_current AND t.company_domain IS NOT NULL
                       ORDER BY pg_temp.otf_rank('company', t.source), t.start_date DESC NULLS LAST, t.updated_at DESC
                       LIMIT 1) w ON true""",
    """CREATE TEMP VIEW otf_leads AS
    SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority, p.country AS person_country,
           f.domain AS company_domain, f.name AS company_name, f.country AS company_country, p.job_start_date
    FROM otf_people_full p JOIN otf_companies_full f ON f.domain = p.company_domain
    WHERE f.name IS NOT NULL AND f.country IS NOT NULL AND p.country IS NOT NULL
      AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL""",
]

LEAD_COLS = "t.linkedin_url, t.full_name, t.cleaned_title, t.job_function, t.seniority, t.company_name, t.company_country"
DOMAINS_1000 = "ARRAY(SELECT 'q' || (i * 7 %% %(c)s + 1) || '.example' FROM generate_series(1, 1000) i)"

# (question, SQL with {leads} / {companies} standing for the relation read)
QUESTIONS = [
    ("filtered leads page", f"""SELECT {LEAD_COLS} FROM {{leads}} t
        WHERE t.job_function = ANY ('{{{{Engineering,Data}}}}') AND t.seniority = ANY ('{{{{VP,Director,Head}}}}')
          AND t.company_country = 'Germany' ORDER BY t.linkedin_url LIMIT 50"""),
    ("one company by domain", """SELECT t.domain, t.name, t.employee_range, t.city, t.state, t.country, t.industry
        FROM {companies} t WHERE t.domain = 'q4242.example'"""),
    ("company list, 1,000 domains", f"""SELECT t.domain, t.name, t.employee_range, t.country, t.industry
        FROM {{companies}} t WHERE t.domain = ANY ({DOMAINS_1000}) ORDER BY t.domain"""),
    ("signal: new in role", f"""SELECT {LEAD_COLS} FROM {{leads}} t
        WHERE t.job_start_date >= current_date - 90 ORDER BY t.linkedin_url LIMIT 50"""),
    ("signal: by past employer", f"""SELECT {LEAD_COLS} FROM {{leads}} t
        WHERE EXISTS (SELECT 1 FROM core.person_past_employer pe WHERE pe.linkedin_url = t.linkedin_url
                      AND pe.company_domain = ANY (ARRAY(SELECT 'q' || i || '.example' FROM generate_series(1, 200) i)))
        ORDER BY t.linkedin_url LIMIT 50"""),
    ("signal: by company customers", f"""SELECT {LEAD_COLS} FROM {{leads}} t
        WHERE t.company_domain IN (SELECT c.customer_domain FROM core.company_customers c WHERE c.origin_company_domain = 'q1.example')
           OR EXISTS (SELECT 1 FROM core.person_past_employer pe JOIN core.company_customers c
                      ON c.customer_domain = pe.company_domain AND c.origin_company_domain = 'q1.example'
                      WHERE pe.linkedin_url = t.linkedin_url)
        ORDER BY t.linkedin_url LIMIT 50"""),
    ("signal: at VC portfolio", f"""SELECT {LEAD_COLS} FROM {{leads}} t
        WHERE EXISTS (SELECT 1 FROM core.company_vc_investors v WHERE v.domain = t.company_domain
                      AND lower(v.investor_name) = 'fund 3')
        ORDER BY t.linkedin_url LIMIT 50"""),
    ("signal: recently promoted", f"""SELECT {LEAD_COLS} FROM {{leads}} t
        WHERE t.job_start_date >= current_date - 90 AND EXISTS (
          SELECT 1 FROM core.person_work_history w
          WHERE w.linkedin_url = t.linkedin_url AND w.company_domain = t.company_domain AND NOT w.is_current)
        ORDER BY t.linkedin_url LIMIT 50"""),
]


def _p50(conn, query: str, params: dict, runs: int) -> tuple[float, list]:
    times, rows = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = conn.execute(query, params).fetchall()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), rows


def bench_query(conn: psycopg.Connection, people: int, out, runs: int = 5) -> list[dict]:
    """Answer each question from the golden tables and from on-the-fly views
    over the same dimension rows; print p50 of each and the ratio; fail when
    the two answers differ. Rolled back: leaves the database as it was."""
    conn.row_factory = tuple_row
    companies = max(people // 4, 10)
    params = {"p": people, "c": companies, "functions": FUNCTIONS, "seniorities": SENIORITIES, "countries": COUNTRIES}
    results = []
    with conn.transaction(force_rollback=True):
        t0 = time.perf_counter()
        conn.execute("SET LOCAL hq.in_pipeline = 'on'")  # set-up straight into the dimensions; golden once below
        for stmt in QUERY_SETUP:
            conn.execute(stmt, params)
        conn.execute("SET LOCAL hq.in_pipeline = 'off'")
        conn.execute("SELECT core.refresh_companies_full(ARRAY(SELECT domain FROM core.companies WHERE domain LIKE 'q%%.example'))")
        conn.execute("SELECT core.refresh_people_full(ARRAY(SELECT linkedin_url FROM core.people "
                     "WHERE linkedin_url LIKE 'https://www.linkedin.com/in/q-%%'))")
        conn.execute("ANALYZE core.companies, core.company_names, core.company_locations, core.company_industries, "
                     "core.company_employee_ranges, core.people, core.person_names, core.person_job_titles, "
                     "core.person_locations, core.person_work_history, core.person_past_employer, core.companies_full, "
                     "core.people_full, core.leads, core.company_customers, core.company_vc_investors")
        leads = conn.execute("SELECT count(*) FROM core.leads").fetchone()[0]
        out.print(f"set-up: {people:,} people at {companies:,} companies, two sources per field, {leads:,} leads "
                  f"({time.perf_counter() - t0:.1f} s)", highlight=False)
        for stmt in OTF_VIEWS:
            conn.execute(stmt)
        out.print(f"{'question':<30} {'golden p50':>12} {'on the fly p50':>16} {'ratio':>8}  rows", highlight=False)
        for name, template in QUESTIONS:
            golden_sql = template.format(leads="core.leads", companies="core.companies_full")
            otf_sql = template.format(leads="otf_leads", companies="otf_companies_full")
            _p50(conn, golden_sql, params, 1)  # warm both
            _p50(conn, otf_sql, params, 1)
            g, g_rows = _p50(conn, golden_sql, params, runs)
            o, o_rows = _p50(conn, otf_sql, params, max(1, runs // 2 + 1))
            if g_rows != o_rows:
                raise RuntimeError(f"{name}: golden and on-the-fly answers differ "
                                   f"({len(g_rows)} vs {len(o_rows)} rows; first golden {g_rows[:1]}, on the fly {o_rows[:1]})")
            ratio = o / g if g else float("inf")
            out.print(f"{name:<30} {g * 1000:>10.2f} ms {o * 1000:>14.2f} ms {ratio:>7.0f}x  {len(g_rows)} (identical)",
                      highlight=False)
            results.append({"metric": f"query: {name} at {people:,} people", "value": g * 1000, "baseline": o * 1000,
                            "ratio": ratio, "unit": "ms p50; baseline = on-the-fly coalescing; ratio = speed-up"})
    return results


# --- trigger path vs round trips --------------------------------------------


@contextmanager
def scratch_database(url: str, out):
    """A migrated database of its own (created and dropped here), so a bench
    can commit for real without touching the warehouse it was pointed at."""
    from hq.deploy import migrate

    name = f"hq_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = urllib.parse.urlsplit(url)
    scratch = urllib.parse.urlunsplit(parts._replace(path="/" + name))
    try:
        t0 = time.perf_counter()
        migrate(scratch)
        out.print(f"scratch database {name} migrated ({time.perf_counter() - t0:.1f} s)", highlight=False)
        yield scratch
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


# The existing system's per-field round trips (existing-system-state.md): per
# payload, one lookup per matched field and one upsert per dimension, each its
# own transaction, into untriggered tables of the same shape as HQ's.
RT_TABLES = ["companies", "company_names", "company_employee_ranges", "company_types", "company_industries",
             "company_revenue", "company_locations", "company_keywords", "company_tech_on_site"]
RT_LOOKUPS = {
    "employees": "SELECT matched_value FROM reference.employee_range_lookup WHERE raw_value = reference.normalize_key(%s)",
    "type": "SELECT matched_value FROM reference.company_type_lookup WHERE raw_value = reference.normalize_key(%s)",
    "industry": "SELECT matched_value FROM reference.industry_lookup WHERE raw_value = reference.normalize_key(%s)",
    "revenue": "SELECT matched_value FROM reference.revenue_range_lookup WHERE raw_value = reference.normalize_key(%s)",
    "location": "SELECT city, state, country FROM reference.location_lookup WHERE raw_location = reference.normalize_key(%s)",
}


def _round_trip_payload(conn, p: dict) -> int:
    """One payload the existing system's way; returns the round trips it made."""
    d = p["domain"]
    loc = p["location"]
    place = f"{loc['city']['name']}, {loc['state']['name']}, {loc['country']['name']}"
    m = {k: conn.execute(q, (place if k == "location" else p[k],)).fetchone() for k, q in RT_LOOKUPS.items()}
    v = {k: (r[0] if r else None) for k, r in m.items()}
    loc_m = m["location"] or (None, None, None)
    ups = [
        ("INSERT INTO rt.companies (domain, name) VALUES (%s, %s) ON CONFLICT (domain) DO UPDATE SET name = excluded.name, updated_at = now()", (d, p["name"])),
        ("INSERT INTO rt.company_names (domain, source, raw_name, cleaned_name) VALUES (%s, 'companyenrich', %s, %s) "
         "ON CONFLICT (domain, source) DO UPDATE SET raw_name = excluded.raw_name, cleaned_name = excluded.cleaned_name, updated_at = now()", (d, p["name"], p["name"])),
        ("INSERT INTO rt.company_employee_ranges (domain, source, raw_size, matched_employee_range) VALUES (%s, 'companyenrich', %s, %s) "
         "ON CONFLICT (domain, source) DO UPDATE SET raw_size = excluded.raw_size, matched_employee_range = excluded.matched_employee_range, updated_at = now()", (d, p["employees"], v["employees"])),
        ("INSERT INTO rt.company_types (domain, source, raw_type, matched_type) VALUES (%s, 'companyenrich', %s, %s) "
         "ON CONFLICT (domain, source) DO UPDATE SET raw_type = excluded.raw_type, matched_type = excluded.matched_type, updated_at = now()", (d, p["type"], v["type"])),
        ("INSERT INTO rt.company_industries (domain, source, raw_industry, matched_industry) VALUES (%s, 'companyenrich', %s, %s) "
         "ON CONFLICT (domain, source) DO UPDATE SET raw_industry = excluded.raw_industry, matched_industry = excluded.matched_industry, updated_at = now()", (d, p["industry"], v["industry"])),
        ("INSERT INTO rt.company_revenue (domain, source, raw_revenue_range, matched_revenue_range) VALUES (%s, 'companyenrich', %s, %s) "
         "ON CONFLICT (domain, source) DO UPDATE SET raw_revenue_range = excluded.raw_revenue_range, matched_revenue_range = excluded.matched_revenue_range, updated_at = now()", (d, p["revenue"], v["revenue"])),
        ("INSERT INTO rt.company_locations (domain, source, raw_location, matched_city, matched_state, matched_country) VALUES (%s, 'companyenrich', %s, %s, %s, %s) "
         "ON CONFLICT (domain, source) DO UPDATE SET raw_location = excluded.raw_location, matched_city = excluded.matched_city, "
         "matched_state = excluded.matched_state, matched_country = excluded.matched_country, updated_at = now()", (d, place, *loc_m)),
    ]
    ups += [("INSERT INTO rt.company_keywords (domain, keyword, source) VALUES (%s, %s, 'companyenrich') ON CONFLICT DO NOTHING", (d, k))
            for k in p["keywords"]]
    ups += [("INSERT INTO rt.company_tech_on_site (domain, technology, source) VALUES (%s, %s, 'companyenrich') ON CONFLICT DO NOTHING", (d, t))
            for t in p["technologies"]]
    for q, args in ups:
        conn.execute(q, args)  # autocommit: each its own transaction, as the existing system's REST calls
    return len(RT_LOOKUPS) + len(ups)


def bench_round_trips(url: str, n: int, out) -> list[dict]:
    """HQ's trigger path against the existing system's round-trip design on the
    same n company payloads, both committing for real in a scratch database."""
    import json

    tag = uuid.uuid4().hex[:6]
    payloads = [_company_payload(i, tag) for i in range(n)]
    texts = [json.dumps(p) for p in payloads]
    with scratch_database(url, out) as db, psycopg.connect(db, autocommit=True) as conn:
        settings = dict(conn.execute("SELECT name, setting || coalesce(unit, '') FROM pg_settings "
                                     "WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers')").fetchall())
        out.print("server: " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())), highlight=False)
        conn.execute("CREATE SCHEMA rt")
        for t in RT_TABLES:
            conn.execute(sql.SQL("CREATE TABLE rt.{} (LIKE core.{} INCLUDING ALL)").format(sql.Identifier(t), sql.Identifier(t)))
        # HQ, as a webhook delivers: one payload per transaction through api.ingest
        t0 = time.perf_counter()
        for text in texts:
            conn.execute("SELECT api.ingest('companyenrich-company', %s::jsonb)", (text,))
        hq_one = time.perf_counter() - t0
        # HQ, as a bulk load delivers: COPY in committed batches of 1,000 (new entities, same shape)
        tag2 = uuid.uuid4().hex[:6]
        texts2 = [json.dumps(_company_payload(i, tag2)) for i in range(n)]
        t0 = time.perf_counter()
        for start in range(0, n, 1000):
            with conn.cursor().copy("COPY raw.company_payloads (workflow_slug, raw_payload) FROM STDIN") as cp:
                for text in texts2[start:start + 1000]:
                    cp.write_row(("companyenrich-company", text))
        hq_bulk = time.perf_counter() - t0
        failed = conn.execute("SELECT count(*) FROM raw.company_payloads WHERE extraction_status <> 'extracted'").fetchone()[0]
        t0 = time.perf_counter()
        trips = sum(_round_trip_payload(conn, p) for p in payloads)
        rt = time.perf_counter() - t0
    out.print(f"round-trip design: {n:,} payloads in {rt:.1f} s = {n / rt:,.0f}/s ({trips / n:g} round trips per payload, "
              f"each its own transaction)", highlight=False)
    out.print(f"HQ, one payload per transaction (api.ingest): {n / hq_one:,.0f}/s = {rt / hq_one:.1f}x the round-trip design",
              highlight=False)
    out.print(f"HQ, COPY in committed batches of 1,000: {n / hq_bulk:,.0f}/s = {rt / hq_bulk:.1f}x the round-trip design"
              + (f" ({failed} payloads not extracted)" if failed else ""), highlight=False)
    unit = "payloads/s; baseline = round-trip design; ratio = speed-up"
    return [{"metric": "ingest: HQ one payload per transaction vs round trips", "value": n / hq_one, "baseline": n / rt,
             "ratio": rt / hq_one, "unit": unit},
            {"metric": "ingest: HQ batched COPY vs round trips", "value": n / hq_bulk, "baseline": n / rt,
             "ratio": rt / hq_bulk, "unit": unit}]
