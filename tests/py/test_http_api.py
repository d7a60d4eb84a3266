"""The HTTP API end to end against a real `hq serve` on a migrated database
(live_server): auth, ingest, idempotency, bulk upload, queries, lookups,
admin writes, 4xx for bad input. tests/py/test_http_routes.py covers every
route and the error shape in depth."""

import io
import json
import random
import string
from pathlib import Path

import psycopg
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def api(live_server):
    """(client, keys, db_url): the client is the live server (httpx calls over a socket)."""
    yield live_server, live_server.keys, live_server.db_url


def h(key):
    return {"X-API-Key": key}


def test_ingest_requires_a_key_with_the_ingest_scope(api):
    client, keys, _ = api
    body = json.loads((FIXTURES / "clay-find-people.json").read_text())
    assert client.post("/ingest/clay-find-people", json=body).status_code == 401
    r = client.post("/ingest/clay-find-people", json=body, headers=h(keys["query"]))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert client.post("/ingest/clay-find-people", json=body, headers=h("hq_ingest_" + "0" * 64)).status_code == 403


def test_ingest_is_processed_and_idempotent(api):
    client, keys, db_url = api
    body = json.loads((FIXTURES / "clay-person-profile.json").read_text())
    hdr = {**h(keys["ingest"]), "Idempotency-Key": "delivery-1"}
    r1 = client.post("/ingest/clay-person-profile", json=body, headers=hdr)
    r2 = client.post("/ingest/clay-person-profile", json=body, headers=hdr)
    assert r1.status_code == 202 and r2.status_code == 202
    assert r1.json()["extraction_status"] == "extracted"
    assert r1.json()["raw_id"] == r2.json()["raw_id"]
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM raw.person_payloads").fetchone()[0] == 1
        assert conn.execute("SELECT full_name FROM core.people_full").fetchone()[0] == "Sam Rivera"


def test_ingest_bad_input_is_4xx_never_500(api):
    client, keys, _ = api
    r = client.post("/ingest/no-such-workflow", json={"domain": "x.com"}, headers=h(keys["ingest"]))
    assert r.status_code == 404 and "no-such-workflow" in r.json()["error"]["message"]
    assert r.json()["error"]["code"] == "unknown_workflow"
    r = client.post("/ingest/clay-find-companies", content=b"{not json", headers=h(keys["ingest"]))
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"
    # a payload that cannot be processed is kept and flagged, not refused
    r = client.post("/ingest/clay-find-companies", json={"domain": "not a domain"}, headers=h(keys["ingest"]))
    assert r.status_code == 202 and r.json()["extraction_status"] == "failed"
    assert "not a domain" in r.json()["extraction_error"]


def test_hostile_input_is_4xx_or_kept_never_500(api):
    """Inputs found by fuzzing a running server: each was a 500 before."""
    client, keys, db_url = api
    ing, qry, adm = h(keys["ingest"]), h(keys["query"]), h(keys["admin"])
    # 6,000 random letters: more than a btree entry holds even compressed
    huge = "".join(random.Random(7).choice(string.ascii_letters) for _ in range(6000))

    def refused(r, code="invalid_value", text=""):
        assert r.status_code == (400 if code == "invalid_json" else 422), r.text
        err = r.json()["error"]
        assert err["code"] == code and text in err["message"], err

    # JSON PostgreSQL cannot hold, and JSON only Python accepts
    refused(client.post("/ingest/clay-find-companies", content=b'{"domain": "a.com", "name": "\\u0000"}', headers=ing),
            text="\\u0000 cannot be converted to text")
    refused(client.post("/ingest/clay-find-companies", content=b'{"domain": "a.com", "x": NaN}', headers=ing),
            "invalid_json", "NaN is not JSON")
    refused(client.post("/ingest/clay-find-companies", content=b'{"x": ' + b"[" * 5000 + b"]" * 5000 + b"}", headers=ing),
            "invalid_json", "nested too deeply")
    refused(client.post("/ingest/clay-find-companies", content=b'{"domain": "bad\xff.com"}', headers=ing), "invalid_json")
    # NUL characters in parameters, refused by the driver before the server
    refused(client.post("/ingest/clay-find-companies?key=%00", json={"name": "x"}, headers=ing), text="NUL")
    refused(client.post("/api/leads/by-past-employer", json={"domains": ["x\u0000.com"]}, headers=qry), text="NUL")
    refused(client.post("/api/lookup/job-title", json={"job_title": "\u0000"}, headers=qry), text="NUL")
    # an idempotency key too long to index
    refused(client.post("/ingest/clay-find-companies", json={"domain": "idem.com"},
                        headers={**ing, "Idempotency-Key": huge}), text="at most 255")
    # oversized keys are payloads like any other: kept and flagged, with a short message
    for slug, body, params in (("clay-find-companies", {"domain": huge}, {}),
                               ("clay-find-companies", {"name": "x"}, {"key": huge}),
                               ("clay-person-profile", {"url": "https://www.linkedin.com/in/" + huge.lower()}, {})):
        r = client.post(f"/ingest/{slug}", json=body, params=params, headers=ing)
        assert r.status_code == 202 and r.json()["extraction_status"] == "failed", r.text
        assert "(6" in r.json()["extraction_error"] and len(r.json()["extraction_error"]) < 400, r.json()
    # a payload is stored as sent: numbers keep every digit
    r = client.post("/ingest/clay-find-companies", headers=ing,
                    content=b'\xef\xbb\xbf{"domain": "digits.com", "pi": 3.14159265358979323846264338, "big": 1e400}')
    assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text
    with psycopg.connect(db_url) as conn:
        pi, big = conn.execute("SELECT raw_payload ->> 'pi', raw_payload -> 'big' = '1e400'::jsonb FROM raw.company_discovery "
                               "WHERE company_domain = 'digits.com'").fetchone()
    assert pi == "3.14159265358979323846264338" and big
    # reference strings too long for the lookup's key
    refused(client.post("/api/reference/job-title", json={"raw_title": huge}, headers=adm), text="at most 500")
    # nothing refused as not JSON was lost: each is in the dead-letter table
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM raw.rejected_requests WHERE status = 400").fetchone()[0] == 3


def test_raw_key_over_a_btree_entry_does_not_fail_its_statement(db_url):
    """A COPY or INSERT … SELECT holding one oversized key loads every row;
    that one is kept as failed (raw key indexes are hash indexes)."""
    with psycopg.connect(db_url) as conn:
        conn.execute("""INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload)
                        SELECT CASE WHEN i = 2 THEN (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 188) g)
                                    ELSE 'ok' || i || '.com' END,  -- 6,016 hex digits: too long for a btree entry even compressed
                               'companyenrich-company', jsonb_build_object('name', 'Co ' || i)
                        FROM generate_series(1, 3) i""")
        rows = conn.execute("SELECT length(company_domain), extraction_status FROM raw.company_payloads "
                            "ORDER BY length(company_domain)").fetchall()
        assert rows == [(7, "extracted"), (7, "extracted"), (6016, "failed")]
        assert conn.execute("SELECT count(*) FROM core.companies WHERE domain LIKE 'ok_.com'").fetchone()[0] == 2


def test_salesnav_upload_bulk_loads_with_copy(api):
    client, keys, db_url = api
    data = b"\xef\xbb\xbf" + (FIXTURES / "salesnav-export.csv").read_bytes()  # with a BOM
    r = client.post("/ingest/salesnav/export", files={"file": ("export.csv", io.BytesIO(data), "text/csv")},
                    headers=h(keys["ingest"]))
    assert r.status_code == 202, r.text
    assert r.json()["loaded"] == 2 and r.json()["extracted"] == 2 and r.json()["failed"] == 0
    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT first_name, job_started_on, raw_payload ->> 'LinkedIn URL (user profile)' "
                           "FROM raw.salesnav_scrapes WHERE last_name = 'Lanier'").fetchone()
    assert row[0] == "Matthew" and row[1] == "08-2024" and "/in/ACwAA" in row[2]


def test_queries_filters_and_pagination(api):
    client, keys, _ = api
    for name in ("crunchbase-company", "clay-person-profile"):
        body = json.loads((FIXTURES / f"{name}.json").read_text())
        assert client.post(f"/ingest/{name}", json=body, headers=h(keys["ingest"])).status_code == 202
    q = h(keys["query"])
    assert client.post("/api/leads", json={}, headers=h(keys["ingest"])).status_code == 403
    r = client.post("/api/companies", json={"limit": 1}, headers=q)
    assert r.status_code == 200 and len(r.json()["data"]) == 1 and "next_cursor" in r.json()
    r = client.post("/api/leads", json={"bogus": ["x"]}, headers=q)
    assert r.status_code == 422 and r.json()["error"]["field"] == "bogus"
    r = client.post("/api/leads", json={"limit": 0}, headers=q)
    assert r.status_code == 422
    r = client.get("/api/filters/seniorities", headers=q)
    assert r.json()["values"][0] == "Owner"
    assert client.get("/api/filters/nope", headers=q).status_code == 422
    r = client.post("/api/enrichment/status", json={"entity_type": "company", "entity_key": "https://www.antimetal.com"},
                    headers=q)
    assert r.status_code == 200 and r.json()["entity_key"] == "antimetal.com"
    assert client.post("/api/enrichment/status", json={"entity_type": "planet", "entity_key": "x"},
                       headers=q).status_code == 422
    assert client.get("/api/enrichment/gaps", headers=q).status_code == 200


def test_lookups_and_admin_reference_writes_trigger_rematch(api):
    client, keys, _ = api
    q = h(keys["query"])
    r = client.post("/api/lookup/job-title", json={"job_title": "VP of Marketing"}, headers=q)
    assert r.json() == {"match_status": "matched", "cleaned_title": "VP of Marketing", "job_function": "Marketing", "seniority": "VP"}
    r = client.post("/api/lookup/location", json={"location": "Mountain View, CA", "country": "United States"}, headers=q)
    assert r.json()["state"] == "California" and r.json()["match_status"] == "matched"
    body = json.loads((FIXTURES / "clay-find-people.json").read_text())
    body["latest_experience_title"] = "Chief Vibes Wrangler"
    client.post("/ingest/clay-find-people", json=body, headers=h(keys["ingest"]))
    ref = {"raw_title": "Chief Vibes Wrangler", "cleaned_title": "Chief Vibes Wrangler",
           "job_function": "Human Resources", "seniority": "C-Suite"}
    assert client.post("/api/reference/job-title", json=ref, headers=q).status_code == 403
    r = client.post("/api/reference/job-title", json=ref, headers=h(keys["admin"]))
    assert r.status_code == 201 and r.json()["dimension_rows"] == 1
    r = client.post("/api/reference/job-title", json={**ref, "job_function": "Astrology"}, headers=h(keys["admin"]))
    assert r.status_code == 422


def test_ingest_retries_a_deadlocked_call_then_answers_503(api):
    """Two webhooks on the same entities can deadlock; the loser's call rolled
    back, so the shell retries it. Here a trigger makes every other attempt
    (or every attempt) fail with deadlock_detected."""
    client, keys, db_url = api
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("""
            CREATE SEQUENCE public.t_attempts;
            CREATE TABLE public.t_mode (always boolean);
            INSERT INTO public.t_mode VALUES (false);
            CREATE FUNCTION public.t_deadlock() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
            BEGIN
              IF nextval('public.t_attempts') % 2 = 1 OR (SELECT always FROM public.t_mode) THEN
                RAISE EXCEPTION 'deadlock detected (simulated)' USING ERRCODE = '40P01';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER t_deadlock BEFORE INSERT ON raw.company_discovery FOR EACH ROW EXECUTE FUNCTION public.t_deadlock();""")
    r = client.post("/ingest/clay-find-companies", json={"domain": "retry.example", "name": "Retry"}, headers=h(keys["ingest"]))
    assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text
    with psycopg.connect(db_url, autocommit=True) as conn:
        assert conn.execute("SELECT last_value FROM public.t_attempts").fetchone()[0] == 2  # failed once, then went in
        conn.execute("UPDATE public.t_mode SET always = true")
    r = client.post("/ingest/clay-find-companies", json={"domain": "busy.example"}, headers=h(keys["ingest"]))
    assert r.status_code == 503 and r.json()["error"]["code"] == "busy", r.text
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM raw.company_discovery").fetchone()[0] == 1
