"""Every route of the HTTP API over a socket, against a real `hq serve` on a
migrated database filled through the webhooks with the fixtures
(tests/fixtures): the data each route returns, the error shape, the dead
letters, idempotency, the Clay envelope and legacy routes, offline docs.

One server serves the whole module (tests use distinct entities and keys,
so their order does not matter), and every call goes through `call`, which
records (method, path): the last test fails when a route of /openapi.json
was called neither here nor by the module CALLED_ELSEWHERE names (the
session-wide check is tests/py/test_zz_route_coverage.py)."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import sql

from live import start_server

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HQ = str(Path(sys.executable).parent / "hq")
CALLED: set[tuple[str, str]] = set()


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def route_regex(path: str) -> re.Pattern:
    """The paths a route template matches; {domain} and {linkedin} take slashes (`:path`)."""
    return re.compile("^" + re.sub(r"\{([^}]+)\}", lambda m: ".+" if m[1] in ("domain", "linkedin") else "[^/]+", path) + "$")


def _response_models() -> list:
    """(path regex, method, 2xx model) of every route, from the app's OpenAPI
    document: the component a 2xx answer refers to is a model of hq.schemas."""
    from hq import schemas
    from hq.app import create_app

    out = []
    spec = create_app("postgresql://unused/unused").openapi()  # the pools are not opened
    for path, ops in spec["paths"].items():
        regex = route_regex(path)
        for method, op in ops.items():
            ok = next(v for k, v in op["responses"].items() if k.startswith("2"))
            ref = ok.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
            # a route without a response model is caught by test_docs_are_served_offline
            if ref and hasattr(schemas, ref.rsplit("/", 1)[1]):
                out.append((regex, method.upper(), getattr(schemas, ref.rsplit("/", 1)[1])))
    return out


MODELS = _response_models()


class Api:
    """The module's server; every request is recorded for the coverage test,
    and every 2xx JSON answer is validated against the response model its
    route documents in /openapi.json."""

    def __init__(self, server):
        self.server = server
        self.db_url = server.db_url

    def call(self, method: str, path: str, **kw) -> httpx.Response:
        bare = path.split("?", 1)[0]
        CALLED.add((method.upper(), bare))
        r = self.server.request(method, path, **kw)
        if 200 <= r.status_code < 300 and r.headers.get("content-type", "").startswith("application/json"):
            for regex, m, model in MODELS:
                if m == method.upper() and regex.match(bare):
                    model.model_validate(r.json())  # raises on a shape the docs do not describe
                    break
            else:
                if bare != "/openapi.json":
                    raise AssertionError(f"{method} {bare} answered {r.status_code} JSON with no documented model")
        return r

    def get(self, path: str, **kw) -> httpx.Response:
        return self.call("GET", path, **kw)

    def post(self, path: str, **kw) -> httpx.Response:
        return self.call("POST", path, **kw)

    def sql(self, query: str, params: tuple = ()):
        with psycopg.connect(self.db_url, autocommit=True) as conn:
            cur = conn.execute(query, params)
            return cur.fetchall() if cur.description else None


def error(r: httpx.Response, status: int, code: str, field: str | None = None) -> dict:
    """Assert the error shape, status, code and field; return the error."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    assert body["error"]["code"] == code, body
    if field is not None:
        assert body["error"].get("field") == field, body
    return body["error"]


# a lead at a customer of zluri.com, built from the fixtures' shapes
BAMBOO_COMPANY = {**fixture("clay-find-companies"), "name": "BambooHR", "domain": "bamboohr.com", "location": "Lindon, UT",
                  "linkedin_url": "https://www.linkedin.com/company/bamboohr", "size": "1,001-5,000 employees",
                  "type": "Privately Held", "annual_revenue": "100M-250M", "clay_company_id": 1,
                  "resolved_domain": {"resolved_domain": "bamboohr.com"}, "total_funding_amount_range_usd": None}
BAMBOO_PERSON = {**fixture("clay-find-people"), "url": "https://www.linkedin.com/in/alex-chen-bamboo/",
                 "name": "Alex Chen", "first_name": "Alex", "last_name": "Chen", "domain": "bamboohr.com",
                 "location_name": "Lindon, Utah, United States", "latest_experience_title": "Director of IT",
                 "latest_experience_company": "BambooHR", "latest_experience_start_date": "2024-02-01"}


@pytest.fixture(scope="module")
def api(server_url, template_db):
    name = f"hq_routes_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template_db)))
    server = start_server(server_url.rpartition("/")[0] + "/" + name)
    try:
        a = Api(server)
        load_fixtures(a)
        yield a
    finally:
        server.stop()
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def load_fixtures(a: Api) -> None:
    """Every fixture through its webhook (and the CSV through the upload): each is extracted."""
    registered = {w["workflow_slug"] for w in a.get("/api/workflows", key="query").json()["data"]}
    for f in sorted(FIXTURES.glob("*.json")):
        slug = f.stem.split(".")[0]
        if slug not in registered:  # a sample for `hq workflows add` (apollo-person), not a shipped workflow
            continue
        r = a.post(f"/ingest/{slug}", key="ingest", content=f.read_bytes(), headers={"Content-Type": "application/json"})
        assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", (f.name, r.text)
    for slug, body in (("clay-find-companies", BAMBOO_COMPANY), ("clay-find-people", BAMBOO_PERSON)):
        r = a.post(f"/ingest/{slug}", key="ingest", json=body)
        assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text
    r = a.post("/ingest/salesnav/export", key="ingest",
               files={"file": ("export.csv", (FIXTURES / "salesnav-export.csv").read_bytes(), "text/csv")})
    assert r.status_code == 202 and r.json()["loaded"] == 2 and r.json()["failed"] == 0, r.text


def urls(r: httpx.Response) -> list[str]:
    assert r.status_code == 200, r.text
    return [row["linkedin_url"] for row in r.json()["data"]]


JANE = "https://www.linkedin.com/in/jane-doe-4b1a2c"
SAM = "https://www.linkedin.com/in/sam-rivera-88a1b2"
ALEX = "https://www.linkedin.com/in/alex-chen-bamboo"
PRIYA = "https://www.linkedin.com/in/priya-nair-7c2d1e"
MATTHEW = "https://www.linkedin.com/in/ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ"  # Sales Navigator id only


# --- lead routes and companies -------------------------------------------------------------------------------

def test_leads_and_companies_return_the_ingested_rows(api):
    r = api.post("/api/leads", key="query", json={})
    assert urls(r) == [MATTHEW, ALEX, JANE, PRIYA, SAM]  # by linkedin_url; the CSV's two people are leads too
    jane = r.json()["data"][2]
    assert (jane["seniority"], jane["job_function"], jane["company_name"], jane["company_country"]) == \
        ("VP", "Marketing", "Ironclad", "United States")
    # canonical values match whatever the case; countries is the company's country, ISO codes work
    assert urls(api.post("/api/leads", key="query", json={"seniorities": ["vp"], "countries": ["us"]})) == [JANE]
    assert urls(api.post("/api/leads", key="query", json={"job_functions": ["ENGINEERING"]})) == [SAM]
    assert urls(api.post("/api/leads", key="query", json={"person_countries": ["United States"],
                                                          "company_domains": ["https://WWW.ironcladapp.com/"]})) == [JANE]
    # keyset pagination
    p1 = api.post("/api/leads", key="query", json={"limit": 3})
    assert urls(p1) == [MATTHEW, ALEX, JANE] and p1.json()["next_cursor"] == JANE
    p2 = api.post("/api/leads", key="query", json={"limit": 3, "cursor": p1.json()["next_cursor"]})
    assert urls(p2) == [PRIYA, SAM] and p2.json()["next_cursor"] is None
    assert urls(api.post("/api/leads", key="query", json={"person_countries": ["canada"]})) == [PRIYA]

    r = api.post("/api/companies", key="query", json={"countries": ["united states"], "industries": ["software development"]})
    assert r.status_code == 200, r.text
    domains = [c["domain"] for c in r.json()["data"]]
    # the US software companies the fixtures deliver, the similar-companies answer's among them
    similar = [c["domain"] for c in fixture("company-enrich-similar")["items"]
               if c.get("industry") == "Software Development" and c["location"]["country"]["name"] == "United States"]
    assert domains == sorted(["antimetal.com", "bamboohr.com", "google.com", "ironcladapp.com", *similar])
    antimetal = r.json()["data"][0]
    assert antimetal["revenue_range"] == "$5M-$10M" and antimetal["sources"]["revenue_range"] == "companyenrich"
    r = api.post("/api/companies", key="query", json={"company_types": ["public company"]})
    assert [c["domain"] for c in r.json()["data"]] == ["google.com"]


def test_signal_routes_take_their_own_parameters(api):
    since_jane = (date.today() - date(2025, 9, 1)).days + 1  # Jane's job started 2025-09-01, Sam's 2025-06-01
    assert urls(api.post("/api/leads/new-in-role", key="query", json={"days": since_jane})) == [JANE]
    assert urls(api.post("/api/leads/new-in-role", key="query", json={"days": 3650, "seniorities": ["director"]})) == [ALEX, SAM]
    assert urls(api.post("/api/leads/new-in-role", key="query", json={})) == []  # default 90 days
    # Sam: Senior Software Engineer, then Director of Engineering at Antimetal
    assert urls(api.post("/api/leads/recently-promoted", key="query", json={"days": 3650})) == [SAM]
    assert urls(api.post("/api/leads/recently-promoted", key="query", json={"days": 1})) == []
    # Antimetal is in Framework Ventures' portfolio (vc-portfolio and companyenrich fixtures)
    assert urls(api.post("/api/leads/at-vc-portfolio", key="query", json={})) == [SAM]
    assert urls(api.post("/api/leads/at-vc-portfolio", key="query", json={"firms": ["framework ventures"]})) == [SAM]
    assert urls(api.post("/api/leads/at-vc-portfolio", key="query", json={"firms": ["No Such Capital"]})) == []
    assert urls(api.post("/api/leads/by-past-employer", key="query", json={"domains": ["datadoghq.com"]})) == [SAM]
    assert urls(api.post("/api/leads/by-past-employer", key="query",
                         json={"domains": ["datadoghq.com"], "seniorities": ["VP"]})) == []
    # BambooHR is a customer of Zluri (case-study and claygent fixtures)
    assert urls(api.post("/api/leads/by-company-customers", key="query", json={"company_domain": "www.zluri.com"})) == [ALEX]
    assert urls(api.post("/api/leads/by-company-customers", key="query",
                         json={"company_domain": "zluri.com", "job_functions": ["information technology"]})) == [ALEX]
    # the route's own parameters are required where they must be, and checked
    error(api.post("/api/leads/by-past-employer", key="query", json={}), 422, "missing_value", "domains")
    error(api.post("/api/leads/by-company-customers", key="query", json={}), 422, "missing_value", "company_domain")
    error(api.post("/api/leads/new-in-role", key="query", json={"days": 0}), 422, "invalid_value", "days")


def test_filter_values_are_checked_in_sql(api):
    e = error(api.post("/api/leads", key="query", json={"seniorities": ["vp", "Vice"]}), 422, "invalid_value", "seniorities")
    assert "'Vice'" in e["message"] and "Owner, Founder, C-Suite" in e["message"]
    e = error(api.post("/api/leads", key="query", json={"job_functions": ["Marketingg"]}), 422, "invalid_value", "job_functions")
    assert "Marketing, Business Development" in e["message"]
    # a long list: the closest values and where to find them all
    e = error(api.post("/api/companies", key="query", json={"industries": ["Sofware Development"]}), 422, "invalid_value", "industries")
    assert "Software Development" in e["message"] and "/api/filters/industries" in e["message"]
    error(api.post("/api/companies", key="query", json={"person_countries": ["US"]}), 422, "invalid_value", "person_countries")
    error(api.post("/api/leads", key="query", json={"bogus": ["x"]}), 422, "invalid_value", "bogus")
    error(api.post("/api/leads", key="query", json={"seniorities": "VP"}), 422, "invalid_value", "seniorities")
    error(api.post("/api/leads", key="query", json={"limit": 0}), 422, "invalid_value", "limit")
    r = api.get("/api/filters/seniorities", key="query")
    assert r.status_code == 200 and r.json()["values"][:3] == ["Owner", "Founder", "C-Suite"]
    r = api.get("/api/filters/countries", key="query")
    assert "United States" in r.json()["values"] and len(r.json()["values"]) > 200
    error(api.get("/api/filters/nope", key="query"), 422, "invalid_value", "name")


def test_enrichment_status_and_gaps(api):
    r = api.post("/api/enrichment/status", key="query", json={"entity_type": "company", "entity_key": "https://www.antimetal.com"})
    assert r.status_code == 200 and r.json()["entity_key"] == "antimetal.com"
    done = {e["workflow_slug"] for e in r.json()["enrichments"] if e["status"] == "completed"}
    assert {"companyenrich-company", "vc-portfolio"} <= done
    error(api.post("/api/enrichment/status", key="query", json={"entity_type": "planet", "entity_key": "x"}),
          422, "invalid_value", "entity_type")
    r = api.get("/api/enrichment/gaps", key="query")
    gaps = {g["workflow_slug"]: g for g in r.json()["data"]}
    assert gaps["clay-person-profile"]["entities_in_core"] >= 1 and gaps["clay-person-profile"]["gap"] == 0


# --- entity routes ----------------------------------------------------------------------------------------------

def test_company_detail_in_any_domain_form(api):
    for form in ("antimetal.com", "WWW.Antimetal.com", "https://www.antimetal.com/about", "https%3A%2F%2Fantimetal.com%2F"):
        r = api.get(f"/api/companies/{form}", key="query")
        assert r.status_code == 200, (form, r.text)
    c = r.json()
    assert c["domain"] == "antimetal.com"
    assert c["golden"]["name"] == {"value": "Antimetal", "source": "companyenrich"}
    assert c["golden"]["revenue_range"] == {"value": "$5M-$10M", "source": "companyenrich"}
    # every source's raw and matched value side by side, the winner first
    rev = c["dimensions"]["revenue_range"]
    assert rev[0]["source"] == "companyenrich" and rev[0]["raw_revenue_range"] == "1m-10m" \
        and rev[0]["matched_revenue_range"] == "$5M-$10M" and rev[0]["wins"] == ["revenue_range"]
    assert {d["source"] for d in c["dimensions"]["name"]} >= {"companyenrich", "vc_portfolio"}
    assert [d["wins"] for d in c["dimensions"]["name"] if d["source"] == "vc_portfolio"] == [[]]
    assert {"investor_name": "Framework Ventures", "investor_domain": "framework.ventures", "source": "vc_portfolio"} in c["investors"]
    assert c["people_count"] == 1 and c["leads_count"] == 1
    z = api.get("/api/companies/zluri.com", key="query").json()
    assert {"BambooHR", "monday.com", "Tipalti"} <= {x["customer_name"] for x in z["customers"]}
    assert api.get("/api/companies/bamboohr.com", key="query").json()["customer_of"] == ["zluri.com"]
    error(api.get("/api/companies/no-such-company.example", key="query"), 404, "not_found", "domain")
    error(api.get("/api/companies/antimetal.com"), 401, "unauthorized")


def test_person_detail_by_slug_or_url(api):
    for form in ("sam-rivera-88a1b2", "Sam-Rivera-88a1b2", "https://uk.linkedin.com/in/Sam-Rivera-88a1b2/",
                 "linkedin.com/in/sam-rivera-88a1b2?trk=x"):
        r = api.get(f"/api/people/{form}", key="query")
        assert r.status_code == 200, (form, r.text)
    p = r.json()
    assert p["linkedin_url"] == SAM and p["linkedin_slug"] == "sam-rivera-88a1b2"
    assert p["golden"]["seniority"] == {"value": "Director", "source": "clay"}
    assert [w["title"] for w in p["work_history"]] == ["Director of Engineering", "Senior Software Engineer", "Software Engineer"]
    assert p["work_history"][0]["is_current"] is True
    assert p["past_employers"] == [{"company_domain": "datadoghq.com", "company_name": "Datadog", "source": "clay"}]
    assert p["identifiers"]["public_url"] == SAM and p["lead"] == {"is_lead": True, "missing": []}
    assert p["dimensions"]["job_title"][0]["raw_title"] == "Director of Engineering"
    # a person known only by a Sales Navigator id (the CSV)
    r = api.get("/api/people/ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ", key="query")
    assert r.status_code == 200, r.text
    m = r.json()
    assert m["linkedin_url"] == MATTHEW and m["identifiers"]["salesnav_id"] == MATTHEW
    assert m["identifiers"]["public_url"] is None and m["lead"]["is_lead"] is True
    assert m["golden"]["full_name"] == {"value": "Matthew Lanier", "source": "salesnav"}
    # a public profile with a Sales Navigator id: found by either
    for form in ("priya-nair-7c2d1e", "ACwAAAXYZ", "https://www.linkedin.com/in/ACwAAAXYZ"):
        p = api.get(f"/api/people/{form}", key="query").json()
        assert p["linkedin_url"] == PRIYA, (form, p)
    assert p["identifiers"]["public_url"] == PRIYA and p["identifiers"]["salesnav_id"] == "https://www.linkedin.com/in/ACwAAAXYZ"
    assert {"type": "linkedin_urn", "identifier": "urn:li:fs_salesProfile:(ACwAAAXYZ)", "source": "salesnav"} \
        in p["identifiers"]["all"]
    error(api.get("/api/people/nobody-here-123", key="query"), 404, "not_found", "linkedin")


def test_person_not_a_lead_names_the_missing_fields(api):
    body = {**fixture("clay-find-people"), "url": "https://www.linkedin.com/in/pat-nolead", "name": "Pat Nolead",
            "location_name": None, "domain": "no-country.example", "latest_experience_company": "No Country Inc",
            "latest_experience_title": "Chief Vibes Wrangler"}
    r = api.post("/ingest/clay-find-people", key="ingest", json=body)
    assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text
    p = api.get("/api/people/pat-nolead", key="query").json()
    assert p["lead"]["is_lead"] is False
    assert {"person_country", "company_country", "job_function", "seniority"} <= set(p["lead"]["missing"])
    assert "company_domain" not in p["lead"]["missing"]


def test_company_search_ranks_by_name_and_domain(api):
    r = api.get("/api/companies/search?q=iron", key="query")
    assert r.status_code == 200 and r.json()["data"][0]["domain"] == "ironcladapp.com", r.text
    r = api.get("/api/companies/search", key="query", params={"q": "https://www.antimetal.com/"})
    assert r.json()["data"][0] == {**r.json()["data"][0], "domain": "antimetal.com", "score": 1.0}
    r = api.get("/api/companies/search", key="query", params={"q": "Gogle"})  # a typo: trigram similarity
    assert [c["domain"] for c in r.json()["data"]][:1] == ["google.com"]
    r = api.get("/api/companies/search", key="query", params={"q": "a", "limit": 2})
    assert len(r.json()["data"]) == 2
    error(api.get("/api/companies/search?q=", key="query"), 422, "invalid_value", "q")
    error(api.get("/api/companies/search?q=x&limit=1000", key="query"), 422, "invalid_value", "limit")


def test_workflows_count_raw_rows_by_status(api):
    r = api.get("/api/workflows", key="query")
    assert r.status_code == 200
    wf = {w["workflow_slug"]: w for w in r.json()["data"]}
    assert len(wf) >= 12
    assert wf["claygent-customers"]["by_status"]["extracted"] == 3 and wf["claygent-customers"]["raw_rows"] >= 3
    assert wf["salesnav-export"]["by_status"]["extracted"] == 2 and wf["salesnav-export"]["raw_table"] == "raw.salesnav_scrapes"
    assert set(wf["icp-generation"]["by_status"]) == {"pending", "extracted", "failed", "skipped"}


# --- errors ---------------------------------------------------------------------------------------------------

def test_routing_and_validation_errors_have_the_shape(api):
    r = api.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["migration_version"] >= "0113"
    e = error(api.get("/no/such/route"), 404, "not_found")
    assert "/no/such/route" in e["message"]
    r = api.call("DELETE", "/api/leads", key="query")
    e = error(r, 405, "method_not_allowed")
    assert "POST" in e["message"] and r.headers["allow"] == "POST"
    error(api.post("/api/leads", key="query"), 422, "missing_value", "body")
    error(api.post("/api/lookup/job-title", key="query", json={}), 422, "missing_value", "job_title")
    error(api.post("/api/leads", key="query", content=b"{nope", headers={"Content-Type": "application/json"}),
          400, "invalid_json", "body")
    error(api.post("/api/leads", json={}), 401, "unauthorized")
    error(api.post("/api/leads", key="ingest", json={}), 403, "forbidden")


def test_unknown_workflow_and_bad_json_are_kept_and_replayable(api):
    secret_headers = {"Authorization": "Bearer s3cret", "Cookie": "session=s3cret", "webhook-signature": "v1,s3cret",
                      "Idempotency-Key": "dead-letter-1", "X-Trace": "t-1", "Content-Type": "application/json"}
    body = json.dumps({**fixture("clay-find-companies"), "domain": "deadletter.example", "name": "Dead Letter"}).encode()
    e = error(api.post("/ingest/clay-find-companies-v2", key="ingest", content=body, headers=secret_headers),
              404, "unknown_workflow", "workflow_slug")
    assert "clay-find-companies, clay-find-people" in e["message"]
    e = error(api.post("/ingest/clay-find-companies", key="ingest", content=b'{"domain": "half.example",',
                       headers={"Content-Type": "application/json"}), 400, "invalid_json", "body")
    assert "Expecting" in e["message"]
    rows = api.sql("SELECT path, workflow_slug, headers, body, error, status, replayed_at FROM raw.rejected_requests "
                   "ORDER BY received_at")
    assert [(r[0], r[1], r[5]) for r in rows[-2:]] == [("/ingest/clay-find-companies-v2", "clay-find-companies-v2", 404),
                                                       ("/ingest/clay-find-companies", "clay-find-companies", 400)]
    headers = rows[-2][2]
    assert headers["x-trace"] == "t-1" and headers["idempotency-key"] == "dead-letter-1"
    assert not {"x-api-key", "authorization", "cookie", "webhook-signature"} & set(headers)
    assert "s3cret" not in json.dumps(headers) and api.server.keys["ingest"] not in json.dumps(headers)
    assert bytes(rows[-2][3]) == body and bytes(rows[-1][3]) == b'{"domain": "half.example",'
    # visible in hq status
    env = {"DATABASE_URL": api.db_url, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([HQ, "status"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "rejected requests" in out.stdout and "clay-find-companies-v2" in out.stdout
    # once the workflow is registered, the replay stores it (once)
    api.sql("INSERT INTO reference.enrichment_workflow_registry (workflow_slug, provider, platform, payload_type, entity_type, "
            "source, raw_table, extracted_table, core_tables, key_column, payload_key, description) "
            "SELECT 'clay-find-companies-v2', provider, platform, payload_type, entity_type, source, raw_table, "
            "extracted_table, core_tables, key_column, payload_key, 'v2' FROM reference.enrichment_workflow_registry "
            "WHERE workflow_slug = 'clay-find-companies'")
    api.sql("INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type) "
            "SELECT 'clay-find-companies-v2', target, json_path, expected_type FROM reference.workflow_field_map "
            "WHERE workflow_slug = 'clay-find-companies'")
    out = subprocess.run([HQ, "replay", "--rejected", "--workflow", "clay-find-companies-v2"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "replayed 1 rejected requests; 0 still rejected" in out.stdout, out.stdout + out.stderr
    (raw_id, replayed), = api.sql("SELECT raw_id, replayed_at FROM raw.rejected_requests "
                                  "WHERE workflow_slug = 'clay-find-companies-v2'")
    assert raw_id and replayed
    assert api.sql("SELECT company_domain, extraction_status, idempotency_key FROM raw.company_discovery WHERE id = %s",
                   (raw_id,)) == [("deadletter.example", "extracted", "dead-letter-1")]
    out = subprocess.run([HQ, "replay", "--rejected"], env=env, capture_output=True, text=True, timeout=120)
    assert "replayed 0 rejected requests; 1 still rejected" in out.stdout, out.stdout  # the half body stays
    assert api.sql("SELECT count(*) FROM raw.company_discovery WHERE company_domain = 'deadletter.example'") == [(1,)]


def test_idempotency_key_reused_for_another_body_is_refused(api):
    body = {**fixture("clay-find-companies"), "domain": "idem.example", "name": "Idem"}
    hdr = {"Idempotency-Key": "idem-http-1"}
    r1 = api.post("/ingest/clay-find-companies", key="ingest", json=body, headers=hdr)
    r2 = api.post("/ingest/clay-find-companies", key="ingest", content=json.dumps(body, indent=2).encode(), headers=hdr)
    assert r1.status_code == r2.status_code == 202 and r1.json() == r2.json(), (r1.text, r2.text)
    e = error(api.post("/ingest/clay-find-companies", key="ingest", json={**body, "name": "Other"}, headers=hdr),
              422, "idempotency_key_reused", "Idempotency-Key")
    assert r1.json()["raw_id"] in e["message"]
    # two workflows that share raw.company_payloads: the same key and body, another workflow
    ce = {**fixture("companyenrich-company"), "domain": "idem2.example"}
    assert api.post("/ingest/companyenrich-company", key="ingest", json=ce, headers={"Idempotency-Key": "idem-http-2"}).status_code == 202
    error(api.post("/ingest/crunchbase-company", key="ingest", json=ce, headers={"Idempotency-Key": "idem-http-2"}),
          422, "idempotency_key_reused")
    assert api.sql("SELECT count(*) FROM raw.company_payloads WHERE idempotency_key = 'idem-http-2'") == [(1,)]


def test_reference_writes_canonicalize_and_name_the_field(api):
    ref = {"raw_title": "Chief Vibes Wrangler", "cleaned_title": "Chief Vibes Wrangler", "job_function": "human resources",
           "seniority": "c-suite"}
    error(api.post("/api/reference/job-title", key="query", json=ref), 403, "forbidden")
    r = api.post("/api/reference/job-title", key="admin", json=ref)
    assert r.status_code == 201, r.text
    assert (r.json()["job_function"], r.json()["seniority"]) == ("Human Resources", "C-Suite")
    assert r.json()["dimension_rows"] >= 1  # Pat Nolead's title was re-matched
    assert api.get("/api/people/pat-nolead", key="query").json()["golden"]["job_function"]["value"] == "Human Resources"
    e = error(api.post("/api/reference/job-title", key="admin", json={**ref, "job_function": "Astrology"}),
              422, "invalid_value", "job_function")
    assert "Executive Leadership, Sales" in e["message"] and "foreign key" not in e["message"]
    error(api.post("/api/reference/job-title", key="admin", json={**ref, "seniority": "Boss"}), 422, "invalid_value", "seniority")
    r = api.post("/api/reference/location", key="admin", json={"raw_location": "Greater Springfield", "city": "Springfield",
                                                               "state": "Illinois", "country": "usa"})
    assert r.status_code == 201 and r.json()["country"] == "United States", r.text
    error(api.post("/api/reference/location", key="admin", json={"raw_location": "Atlantis", "country": "Atlantis"}),
          422, "invalid_value", "country")
    r = api.post("/api/lookup/job-title", key="query", json={"job_title": "VP of Marketing"})
    assert r.json() == {"match_status": "matched", "cleaned_title": "VP of Marketing", "job_function": "Marketing", "seniority": "VP"}
    r = api.post("/api/lookup/location", key="query", json={"location": "Greater Springfield"})
    assert (r.json()["city"], r.json()["state"], r.json()["country"]) == ("Springfield", "Illinois", "United States")


# --- the existing Clay calls ------------------------------------------------------------------------------------

def test_clay_envelope_is_unwrapped_in_sql(api):
    payload = {**fixture("clay-person-profile"), "url": "https://www.linkedin.com/in/riley-envelope", "slug": "riley-envelope",
               "name": "Riley Envelope"}
    env = {"linkedin_url": "https://www.linkedin.com/in/riley-envelope/", "workflow_slug": "clay-person-profile",
           "raw_payload": json.dumps(payload)}  # raw_payload as a JSON string, as some Clay tables send it
    r = api.post("/ingest/clay-person-profile", key="ingest", json=env)
    assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text
    (stored,), = api.sql("SELECT raw_payload FROM raw.person_payloads WHERE id = %s", (r.json()["raw_id"],))
    assert stored == payload  # the provider's payload, not the envelope
    p = api.get("/api/people/riley-envelope", key="query").json()
    assert p["golden"]["full_name"]["value"] == "Riley Envelope" and len(p["work_history"]) == 3
    # an object raw_payload and a company envelope keyed by company_domain
    comp = {"company_domain": "envelope-co.example", "workflow_slug": "companyenrich-company",
            "raw_payload": {**fixture("companyenrich-company"), "domain": None, "website": None, "name": "Envelope Co"}}
    r = api.post("/ingest/companyenrich-company", key="ingest", json=comp)
    assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text
    assert api.get("/api/companies/envelope-co.example", key="query").json()["golden"]["name"]["value"] == "Envelope Co"
    # the envelope's slug must be the path's
    e = error(api.post("/ingest/clay-find-people", key="ingest", json=env), 422, "invalid_value", "workflow_slug")
    assert "clay-person-profile" in e["message"]


def test_legacy_routes_answer_in_the_old_field_names(api):
    r = api.post("/run/people/db/person-job-title/lookup", key="query", json={"job_title": "VP of Marketing"})
    assert r.status_code == 200, r.text
    assert r.json() == {"job_title": "VP of Marketing", "match_status": True, "cleaned_job_title": "VP of Marketing",
                        "seniority_level": "VP", "job_function": "Marketing"}
    assert r.headers["deprecation"].startswith("@")
    assert r.headers["link"] == '</api/lookup/job-title>; rel="successor-version"'
    r = api.post("/run/people/db/person-job-title/lookup", key="query", json={"job_title": "Sales Whisperer"})
    assert r.json() == {"job_title": "Sales Whisperer", "match_status": False, "cleaned_job_title": "Sales Whisperer",
                        "seniority_level": None, "job_function": "Sales"}  # partial: Clay enriches, then updates
    r = api.post("/run/reference/job-title/update", key="admin",
                 json={"latest_title": "Sales Whisperer", "cleaned_job_title": "Sales Whisperer",
                       "seniority_level": "Senior", "job_function": "Sales Engineering"})  # an alias of Sales
    assert r.status_code == 200, r.text
    assert (r.json()["success"], r.json()["job_function"], r.json()["seniority_level"]) == (True, "Sales", "Senior")
    assert r.headers["link"] == '</api/reference/job-title>; rel="successor-version"'
    r = api.post("/run/people/db/person-job-title/lookup", key="query", json={"job_title": "sales  WHISPERER"})
    assert r.json() == {"job_title": "sales  WHISPERER", "match_status": True, "cleaned_job_title": "Sales Whisperer",
                        "seniority_level": "Senior", "job_function": "Sales"}
    # a function neither canonical nor aliased: 422 naming the allowed ones; an alias added as data makes it work
    upd = {"latest_title": "Growth Hacker", "cleaned_job_title": "Growth Hacker", "seniority_level": "Senior",
           "job_function": "Growth"}
    e = error(api.post("/run/reference/job-title/update", key="admin", json=upd), 422, "invalid_value", "job_function")
    assert "Marketing" in e["message"] and "job_function_aliases" in e["message"]
    api.sql("INSERT INTO reference.job_function_aliases (alias, job_function) VALUES ('Growth', 'Marketing')")
    r = api.post("/run/reference/job-title/update", key="admin", json=upd)
    assert r.status_code == 200 and r.json()["job_function"] == "Marketing", r.text

    r = api.post("/run/people/db/person-location/lookup", key="query", json={"location_name": "Mountain View, CA"})
    assert r.json() == {"location_name": "Mountain View, CA", "match_status": True, "city": "Mountain View",
                        "state": "California", "country": "United States", "has_city": True, "has_state": True,
                        "has_country": True}
    assert r.headers["link"] == '</api/lookup/location>; rel="successor-version"' and "deprecation" in r.headers
    r = api.post("/run/people/db/person-location/lookup", key="query", json={"location_name": "Nowhere Land Xyz"})
    assert r.json()["match_status"] is False and r.json()["has_city"] in (True, False)
    r = api.post("/run/reference/location/update", key="admin",
                 json={"location_name": "Bay Area", "city": "San Francisco", "state": "California", "country": "US"})
    assert r.status_code == 200 and r.json()["country"] == "United States" and r.json()["has_state"] is True, r.text
    assert r.headers["link"] == '</api/reference/location>; rel="successor-version"'
    r = api.post("/run/people/db/person-location/lookup", key="query", json={"location": "bay area"})
    assert (r.json()["match_status"], r.json()["city"]) == (True, "San Francisco")
    error(api.post("/run/reference/location/update", key="query", json={"location_name": "x"}), 403, "forbidden")


# --- docs -----------------------------------------------------------------------------------------------------

# POST routes that act on the resource of their path and take no body
BODYLESS_POSTS = {"/api/salesnav/exports/{export_id}/resume"}


def test_docs_are_served_offline(api):
    for page in ("/docs", "/redoc"):
        r = api.get(page)
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        assert not re.search(r"https?://", r.text), re.findall(r"https?://\S+", r.text)
        assets = re.findall(r'(?:src|href)="([^"]+)"', r.text) + re.findall(r"url: '([^']+)'", r.text)
        assert assets and all(a.startswith("/") for a in assets), assets
        for a in assets:
            ra = api.get(a)
            assert ra.status_code == 200 and len(ra.content) > 1000 or a.endswith("openapi.json"), (a, ra.status_code)
    spec = api.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["ApiKey"] == {
        "type": "apiKey", "in": "header", "name": "X-API-Key",
        "description": "An API key made by `hq keys create --scope ingest|query|admin`."}
    schemas = spec["components"]["schemas"]

    def resolve(s: dict) -> dict:
        return schemas[s["$ref"].rsplit("/", 1)[1]] if "$ref" in s else s

    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            where = f"{method.upper()} {path}"
            assert op.get("description") and op.get("summary"), where
            if path != "/health":
                assert op.get("security") == [{"ApiKey": []}], where
            ok = next(v for k, v in op["responses"].items() if k.startswith("2"))
            schema = resolve(ok["content"]["application/json"]["schema"])
            assert schema.get("examples"), where
            assert "4XX" in op["responses"] and "422" not in op["responses"], where  # no FastAPI default shape
            if method == "post" and path in BODYLESS_POSTS:
                assert "requestBody" not in op, where
            elif method == "post":
                body = op["requestBody"]["content"]
                media = body.get("application/json") or body.get("multipart/form-data")
                assert media.get("examples") or resolve(media["schema"]).get("examples") or \
                    "multipart/form-data" in body, where
    assert spec["paths"]["/run/people/db/person-job-title/lookup"]["post"]["deprecated"] is True
    assert "company's" in schemas["Filters"]["properties"]["countries"]["description"]
    assert spec["paths"]["/api/filters/{name}"]["get"]["parameters"][0]["schema"]["$ref"].endswith("FilterName")
    ingest = spec["paths"]["/ingest/{workflow_slug}"]["post"]
    assert set(ingest["requestBody"]["content"]["application/json"]["examples"]) == {"clay-find-companies", "clay-envelope"}
    assert "clay-person-profile" in ingest["parameters"][0]["description"]


# --- every route was called (keep last) ---------------------------------------------------------------------------

# Routes another area's test module calls over HTTP against its own live server (with the workers, fake
# providers or client-bound keys they need); tests/py/test_zz_route_coverage.py checks after the whole
# suite that each was called. Every other route must be called by this module.
CALLED_ELSEWHERE = {
    "POST /api/client/leads": "test_client_leads.py", "GET /api/client/leads": "test_client_leads.py",
    "POST /run/client/leads/ingest": "test_client_leads.py",
    "GET /api/jobs/{job_id}": "test_jobs_similar.py", "POST /api/companies/similar": "test_jobs_similar.py",
    "GET /api/companies/similar/{batch_id}": "test_jobs_similar.py",
    "POST /api/salesnav/exports": "test_jobs_relay.py", "POST /run/salesnav/export/to-clay": "test_jobs_relay.py",
    "GET /api/salesnav/exports/{export_id}": "test_jobs_relay.py",
    "POST /api/salesnav/exports/{export_id}/resume": "test_jobs_relay.py",
    "POST /api/priority-companies": "test_jobs_worklists.py", "GET /api/priority-companies": "test_jobs_worklists.py",
    "GET /api/enrichment/worklist": "test_jobs_worklists.py",
    "POST /api/icp/{domain}/leads": "test_relations_http.py",
}


def test_every_openapi_route_was_called_over_http(api, request):
    tests = {n for n in globals() if n.startswith("test_")}
    selected = {i.originalname for i in request.session.items if i.module is request.module}
    if selected != tests:  # a -k/-m subset: the calls of the other tests were not made
        pytest.skip(f"needs the whole module; not selected: {sorted(tests - selected)}")
    spec = api.get("/openapi.json").json()
    routes = {f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops}
    assert set(CALLED_ELSEWHERE) <= routes, f"no longer in /openapi.json: {sorted(set(CALLED_ELSEWHERE) - routes)}"
    missing = []
    for path, ops in spec["paths"].items():
        pattern = route_regex(path)
        for method in ops:
            if f"{method.upper()} {path}" in CALLED_ELSEWHERE:
                continue
            if not any(m == method.upper() and pattern.match(p) for m, p in CALLED):
                missing.append(f"{method.upper()} {path}")
    assert not missing, f"routes no test of this module called over HTTP: {missing}"
