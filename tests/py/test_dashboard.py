"""The dashboard over HTTP against a real `hq serve`: sign-in and sessions
(cookie flags, expiry, revocation, a secret shared by every server on the
database), CSRF and the admin-only writes, the streamed CSV export, and
`hq demo load` itself."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import time

import httpx
import psycopg
import pytest

from live import HQ, start_server


def _sign_in(server, key: str, client: httpx.Client | None = None) -> httpx.Client:
    c = client or httpx.Client(base_url=server.base_url, timeout=60)
    form = c.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    r = c.post("/login", data={"api_key": key, "csrf": token})
    assert r.status_code == 303 and r.headers["location"] == "/leads", r.text[:500]
    return c


def _csrf(page_html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page_html).group(1)


@pytest.fixture
def demo_db(db_url):
    r = subprocess.run([HQ, "demo", "load", "--people", "2500"], env={"DATABASE_URL": db_url, "PATH": "/usr/bin:/bin"},
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert re.search(r"loaded \d+ deliveries: 250 companies, 2500 people", r.stdout), r.stdout
    return db_url


def test_sign_in_sessions_and_csrf(db_url):
    server = start_server(db_url, env={"HQ_SESSION_HOURS": "0.0015"})  # 5 s sessions
    try:
        anon = httpx.Client(base_url=server.base_url, timeout=60)
        assert anon.get("/").headers["location"] == "/login"
        assert anon.get("/leads").headers["location"] == "/login"
        assert anon.get("/quality").headers["location"] == "/login"
        form = anon.get("/login")
        assert form.status_code == 200 and 'type="password"' in form.text
        # the sign-in form itself needs its CSRF token
        assert anon.post("/login", data={"api_key": server.keys["admin"]}).status_code == 400
        # ingest keys cannot read the dashboard; unknown keys are refused
        token = _csrf(anon.get("/login").text)
        r = anon.post("/login", data={"api_key": server.keys["ingest"], "csrf": token})
        assert r.status_code == 401 and "query or admin" in r.text
        token = _csrf(anon.get("/login").text)
        assert anon.post("/login", data={"api_key": "hq_query_nope", "csrf": token}).status_code == 401

        c = _sign_in(server, server.keys["query"])
        r = httpx.Client(base_url=server.base_url).post("/login", data={"api_key": server.keys["query"], "csrf": "x"})
        assert r.status_code == 400
        raw = _raw_set_cookie(server, server.keys["query"])
        assert "HttpOnly" in raw and "SameSite=lax" in raw.replace("Lax", "lax") and "Max-Age=" in raw
        assert server.keys["query"] not in raw
        assert c.get("/leads").status_code == 200
        # a query key reads but may not write: no map form, and the write is refused
        q = c.get("/quality")
        assert q.status_code == 200 and "map-form" not in q.text and "Replay" not in q.text
        r = c.post("/quality/map", data={"csrf": _csrf(q.text), "kind": "title", "raw_value": "x", "job_function": "Sales"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"

        admin = _sign_in(server, server.keys["admin"])
        page = admin.get("/quality")
        assert "map-form" in page.text
        # a write without the session's token (a forged cross-site form) is refused
        r = admin.post("/quality/map", data={"kind": "title", "raw_value": "x", "job_function": "Sales"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "csrf"
        r = admin.post("/quality/map", data={"csrf": _csrf(q.text), "kind": "title", "raw_value": "x"})
        assert r.status_code == 403  # another session's token
        r = admin.post("/quality/map", data={"csrf": _csrf(page.text), "kind": "title", "raw_value": "Chief Vibes Officer",
                                             "job_function": "Marketing", "seniority": "C-Suite"})
        assert r.status_code == 200 and 'id="map-result"' in r.text
        r = admin.post("/quality/map", data={"csrf": _csrf(page.text), "kind": "title", "raw_value": "x", "job_function": "Astrology"})
        assert r.status_code == 422 and "Could not map" in r.text  # a non-canonical value: 4xx, shown on the page
        r = admin.post("/logout", data={"csrf": "wrong"})
        assert r.status_code == 403

        # a tampered cookie is no session
        t = httpx.Client(base_url=server.base_url, cookies={"hq_session": "eyJrIjoiMSJ9.forged.sig"})
        assert t.get("/leads").headers["location"] == "/login"
        # sessions expire (HQ_SESSION_HOURS)
        e = _sign_in(server, server.keys["query"])
        assert e.get("/leads").status_code == 200
        time.sleep(6.5)
        assert e.get("/leads").headers["location"] == "/login"

        # revoking the key ends its sessions at once
        admin = _sign_in(server, server.keys["admin"])
        with psycopg.connect(db_url, autocommit=True) as conn:
            conn.execute("UPDATE reference.api_keys SET revoked_at = now() WHERE key_hash = sha256(convert_to(%s, 'UTF8'))",
                         (server.keys["admin"],))
        assert admin.get("/leads").headers["location"] == "/login"
    finally:
        server.stop()
    log = server.log()
    assert "POST /login" in log or '"method": "POST", "route": "/login"' in log  # uvicorn's or hq's request log
    for key in server.keys.values():
        assert key not in log, "an API key reached the server log"
    with psycopg.connect(db_url) as conn:  # the request log names the key of a signed-in page's session, by id
        query_id = str(conn.execute("SELECT id FROM reference.api_keys WHERE key_hash = sha256(convert_to(%s, 'UTF8'))",
                                    (server.keys["query"],)).fetchone()[0])
    assert re.search(r'"route": "/leads", "status": 200, "duration_ms": [\d.]+, "key_id": "' + query_id, log)


def _raw_set_cookie(server, key: str) -> str:
    c = httpx.Client(base_url=server.base_url)
    token = _csrf(c.get("/login").text)
    r = c.post("/login", data={"api_key": key, "csrf": token})
    return next(v for k, v in r.headers.multi_items() if k.lower() == "set-cookie" and v.startswith("hq_session="))


def test_session_secret_shared_by_servers_on_one_database(db_url):
    """The secret lives in the database: a cookie from one server works on
    another; HQ_SESSION_SECRET overrides it (and then the cookie does not)."""
    a = start_server(db_url)
    b = start_server(db_url)
    c = start_server(db_url, env={"HQ_SESSION_SECRET": "another-secret-of-at-least-thirty-two-chars"})
    try:
        client = _sign_in(a, a.keys["query"])
        cookie = client.cookies["hq_session"]
        assert httpx.get(f"{b.base_url}/leads", cookies={"hq_session": cookie}).status_code == 200
        assert httpx.get(f"{c.base_url}/leads", cookies={"hq_session": cookie}).headers["location"] == "/login"
    finally:
        for s in (a, b, c):
            s.stop()


def test_csv_export_streams_every_page(demo_db):
    server = start_server(demo_db)
    try:
        c = _sign_in(server, server.keys["query"])
        with psycopg.connect(demo_db) as conn:
            total = conn.execute("SELECT count(*) FROM core.leads").fetchone()[0]
            managers = conn.execute("SELECT count(*) FROM core.leads WHERE seniority = 'Manager'").fetchone()[0]
        assert total > 1000, "more than one 1,000-row page"
        with c.stream("GET", "/leads.csv") as r:
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
            assert "content-length" not in r.headers  # streamed
            body = "".join(r.iter_text())
        rows = list(csv.DictReader(io.StringIO(body)))
        assert len(rows) == total and len({r["linkedin_url"] for r in rows}) == total
        rows = list(csv.DictReader(io.StringIO(c.get("/leads.csv?seniorities=Manager").text)))
        assert len(rows) == managers and {r["seniority"] for r in rows} == {"Manager"}
        # a bad filter answers 4xx before any CSV is sent
        r = c.get("/leads.csv?seniorities=Wizard")
        assert r.status_code == 422 and "Wizard" in r.json()["error"]["message"]
        # the leads page shows the same error on the page
        assert "Wizard" in c.get("/leads?seniorities=Wizard").text
    finally:
        server.stop()


def test_demo_load_is_deterministic_and_realistic(demo_db, make_db):
    other = make_db()
    r = subprocess.run([HQ, "demo", "load", "--people", "2500"], env={"DATABASE_URL": other, "PATH": "/usr/bin:/bin"},
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    q = """SELECT (SELECT count(*) FROM core.leads), (SELECT count(*) FROM core.people_full),
                  (SELECT md5(string_agg(linkedin_url || coalesce(cleaned_title, '') || coalesce(country, ''), ',' ORDER BY linkedin_url)) FROM core.people_full),
                  (SELECT count(*) FROM raw.person_payloads WHERE extraction_status = 'failed'),
                  (SELECT count(DISTINCT country) FROM core.people_full),
                  (SELECT count(DISTINCT raw_title) FROM core.person_job_titles),
                  (SELECT count(*) FROM reference.unmatched_values WHERE kind = 'title'),
                  (SELECT max(n) FROM (SELECT count(*) AS n FROM core.people_full GROUP BY company_domain) s),
                  (SELECT count(*) FROM (SELECT domain FROM core.company_names GROUP BY domain HAVING count(*) >= 2) s)"""
    with psycopg.connect(demo_db) as a, psycopg.connect(other) as b:
        ra, rb = a.execute(q).fetchone(), b.execute(q).fetchone()
    assert ra == rb, "the same --people gives the same data"
    leads, people, _, failed, countries, titles, unmatched, biggest, multi_source = ra
    assert people >= 2450 and 0.5 * people < leads < people
    assert failed >= 1  # malformed deliveries are kept as failed
    assert countries >= 10 and titles >= 150 and unmatched >= 5
    assert biggest > 10 * people / 250  # skewed: the largest company far above the mean
    assert multi_source >= 50


def test_bench_pages_times_every_page(db_url):
    """hq bench pages at toy size: the demo set goes into a scratch database
    (the warehouse pointed at is untouched), every page answers 200 through
    the real stack. Timings are printed, never asserted."""
    env = {"DATABASE_URL": db_url, "PATH": "/usr/bin:/bin", "COLUMNS": "400"}
    done = subprocess.run([HQ, "bench", "pages", "--people", "120", "--repeat", "1"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    out = " ".join(done.stdout.split())
    assert "demo set of 120 people loaded" in out
    for label in ("baseline GET /health", "leads, first page", "leads, title contains", "leads, new in role",
                  "leads, load more rows", "company, largest", "person", "company search", "data quality"):
        assert re.search(re.escape(label) + r" 200 best +[\d.]+ ms median +[\d.]+ ms x *[\d.]+", out), (label, out)
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM core.people").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM reference.api_keys").fetchone()[0] == 0


def test_bench_pages_on_a_synthetic_warehouse(db_url):
    """--synthetic fills the scratch warehouse set-based (the set-up of hq
    bench leads) and every page still answers 200 on it."""
    env = {"DATABASE_URL": db_url, "PATH": "/usr/bin:/bin", "COLUMNS": "400"}
    done = subprocess.run([HQ, "bench", "pages", "--people", "200", "--repeat", "1", "--synthetic"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    out = " ".join(done.stdout.split())
    assert "synthetic warehouse of 200 people set up" in out and "200 people, 50 companies" in out, out
    for label in ("leads, first page", "leads, 2 filters", "leads, title contains", "company, largest", "person",
                  "company search", "data quality"):
        assert re.search(re.escape(label) + r" 200 best +[\d.]+ ms", out), (label, out)
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM core.people").fetchone()[0] == 0
