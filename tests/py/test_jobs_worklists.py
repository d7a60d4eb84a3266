"""Work lists: the priority companies (hq priority load, POST/GET
/api/priority-companies) and "one field from a lead" (GET
/api/enrichment/worklist, hq worklist export), over a live `hq serve` and
the `hq` command, on data ingested through the webhook route."""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
from pathlib import Path

import psycopg

from jobs_helpers import HQ, serve

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def hq(db_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([HQ, *args], env={**os.environ, "DATABASE_URL": db_url, "COLUMNS": "200"},
                          capture_output=True, text=True)


def person(slug: str, title: str, company: str = "antimetal.com", country: bool = True) -> dict:
    p = json.loads((FIXTURES / "clay-person-profile.json").read_text())
    p["url"], p["slug"], p["title"] = f"https://www.linkedin.com/in/{slug}", slug, title
    current = copy.deepcopy(p["experience"][0])
    current.update(title=title, company_domain=company, company=company.split(".")[0].title())
    p["experience"] = [current]
    if not country:
        for k in ("country", "location_name"):
            p.pop(k, None)
        current["locality"] = None
    return p


def test_priority_list_load_is_normalized_idempotent_and_shows_what_hq_knows(db_url, tmp_path):
    f = tmp_path / "top_priority_companies.csv"
    with f.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["company_name", "domain", "company_linkedin_url"])
        w.writerow(["Antimetal", "https://WWW.Antimetal.com/about", "linkedin.com/company/Antimetal/"])
        w.writerow(["Globex", "globex.example", ""])
        w.writerow(["Globex Corp", "GLOBEX.example", "https://www.linkedin.com/company/globex"])  # same domain: last wins
        w.writerow(["Nobody", "not a domain", ""])
    first = hq(db_url, "priority", "load", str(f))
    assert first.returncode == 0, first.stderr
    assert "4 rows: 2 new, 0 updated, 0 unchanged, 1 refused" in first.stdout
    assert "row 4: no valid domain: not a domain" in first.stdout
    again = hq(db_url, "priority", "load", str(f))
    assert "4 rows: 0 new, 0 updated, 2 unchanged, 1 refused" in again.stdout, again.stdout
    with psycopg.connect(db_url, autocommit=True) as conn:
        rows = conn.execute("SELECT domain, name, linkedin_url, source, updated_at = loaded_at "
                            "FROM core.priority_companies ORDER BY domain").fetchall()
    assert rows == [("antimetal.com", "Antimetal", "https://www.linkedin.com/company/antimetal", "manual", True),
                    ("globex.example", "Globex Corp", "https://www.linkedin.com/company/globex", "manual", True)]
    assert hq(db_url, "priority", "load", str(tmp_path / "missing.csv")).returncode != 0

    server = serve(db_url)
    try:
        r = server.post("/ingest/companyenrich-company", key="ingest",
                        content=(FIXTURES / "companyenrich-company.json").read_bytes())
        assert r.status_code == 202, r.text
        r = server.post("/api/priority-companies", key="ingest",
                        json={"companies": [{"domain": "initech.example", "name": "Initech"},
                                            {"domain": "globex.example", "name": "Globex Corp",
                                             "linkedin_url": "https://www.linkedin.com/company/globex"}]})
        assert r.status_code == 200 and r.json()["inserted"] == 1 and r.json()["unchanged"] == 1, r.text
        assert server.post("/api/priority-companies", key="ingest", json={"companies": []}).status_code == 422
        assert server.post("/api/priority-companies", key="query", json={"companies": [{"domain": "a.com"}]}).status_code == 403
        page = server.get("/api/priority-companies?limit=2", key="query").json()
        assert [c["domain"] for c in page["data"]] == ["antimetal.com", "globex.example"]
        rest = server.get(f"/api/priority-companies?limit=2&cursor={page['next_cursor']}", key="query").json()
        assert [c["domain"] for c in rest["data"]] == ["initech.example"] and rest["next_cursor"] is None
    finally:
        server.stop()
    anti, globex = page["data"]
    assert anti["in_hq"] and anti["last_workflow"] == "companyenrich-company" and anti["last_enriched_at"]
    assert {"name", "country", "industry"} <= set(anti["golden_fields_present"])
    assert "funding_range" in anti["golden_fields_missing"]
    assert not globex["in_hq"] and globex["golden_fields_present"] == [] and globex["last_workflow"] is None


def test_worklist_lists_people_one_field_from_a_lead(db_url, tmp_path):
    server = serve(db_url)
    try:
        def ingest(slug, payload):
            r = server.post(f"/ingest/{slug}", key="ingest", json=payload)
            assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text

        ingest("companyenrich-company", json.loads((FIXTURES / "companyenrich-company.json").read_text()))
        ingest("clay-find-companies", {"domain": "nocountry.example", "name": "NoCountry"})
        ingest("clay-person-profile", person("lead-complete", "Director of Engineering"))
        for i in range(3):
            ingest("clay-person-profile", person(f"needs-seniority-{i}", "Marketing"))
        ingest("clay-person-profile", person("needs-function", "Director"))
        ingest("clay-person-profile", person("needs-country", "Director of Engineering", country=False))
        ingest("clay-person-profile", person("needs-company-country", "Director of Engineering", "nocountry.example"))
        ingest("clay-person-profile", person("two-missing", "Wizard", country=False))

        def worklist(query):
            r = server.get(f"/api/enrichment/worklist?{query}", key="query")
            assert r.status_code == 200, r.text
            return r.json()

        def slugs(body):
            return [row["linkedin_url"].rsplit("/", 1)[1] for row in body["data"]]

        first = worklist("missing=seniority&limit=2")
        assert slugs(first) == ["needs-seniority-0", "needs-seniority-1"] and first["next_cursor"]
        second = worklist(f"missing=seniority&limit=2&cursor={first['next_cursor']}")
        assert slugs(second) == ["needs-seniority-2"] and second["next_cursor"] is None
        assert first["data"][0]["job_function"] == "Marketing" and first["data"][0]["company_name"] == "Antimetal"
        assert slugs(worklist("entity=person&missing=job_function")) == ["needs-function"]
        assert slugs(worklist("missing=person_country")) == ["needs-country"]
        assert slugs(worklist("missing=company_country")) == ["needs-company-country"]
        assert worklist("missing=company_name")["data"] == []
        companies = worklist("entity=company&missing=company_country")["data"]
        assert [(c["domain"], c["people_waiting"]) for c in companies] == [("nocountry.example", 1)]
        for bad in ("missing=email", "entity=company&missing=seniority", "entity=robot&missing=seniority"):
            r = server.get(f"/api/enrichment/worklist?{bad}", key="query")
            assert r.status_code == 422 and "must be" in r.json()["error"]["message"], (bad, r.text)
        leads = server.post("/api/leads", key="query", json={}).json()["data"]
        assert [lead["linkedin_url"].rsplit("/", 1)[1] for lead in leads] == ["lead-complete"]
    finally:
        server.stop()

    out = tmp_path / "seniority.csv"
    r = hq(db_url, "worklist", "export", "--missing", "seniority", "--output", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.open()))
    assert [row["full_name"] for row in rows] == ["Sam Rivera"] * 3
    assert rows[0]["linkedin_url"].endswith("/needs-seniority-0") and rows[0]["company_domain"] == "antimetal.com"
    stdout = hq(db_url, "worklist", "export", "--missing", "company_country", "--entity", "company")
    assert stdout.stdout.splitlines() == ["domain,name,linkedin_url,country,people_waiting",
                                          "nocountry.example,NoCountry,,,1"]
    assert hq(db_url, "worklist", "export", "--missing", "email").returncode == 1
