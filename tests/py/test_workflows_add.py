"""`hq workflows add` / `hq workflows list`: an Apollo person payload shape,
which HQ does not ship, is registered from a sample by the command alone and
its people become leads; a company provider with a raw table of its own too."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import psycopg

import legacy_db
from live import HQ

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
APOLLO = ["apollo-person-search", "--entity", "person", "--raw-table", "raw.person_payloads", "--key-column", "linkedin_url",
          "--source", "apollo", "--sample", str(FIXTURES / "apollo-person.json")]


def _hq(db_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([HQ, *args], env={**os.environ, "DATABASE_URL": db_url}, capture_output=True, text=True, timeout=300)


def _ndjson(path: Path, payloads: list) -> Path:
    path.write_text("".join(json.dumps(p) + "\n" for p in payloads))
    return path


def test_apollo_people_become_leads(db_url, tmp_path):
    proposal = _hq(db_url, "workflows", "add", *APOLLO)
    assert proposal.returncode == 0, proposal.stderr
    for line in ("organization.primary_domain", "company_domain", "reference.match_job_title", "--apply"):
        assert line in proposal.stdout
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM reference.enrichment_workflow_registry "
                            "WHERE workflow_slug = 'apollo-person-search'").fetchone()[0] == 0, "a proposal registers nothing"

    applied = _hq(db_url, "workflows", "add", *APOLLO, "--apply")
    assert applied.returncode == 0, applied.stderr
    assert "registered apollo-person-search: 11 fields" in applied.stdout
    again = _hq(db_url, "workflows", "add", *APOLLO, "--apply")
    assert again.returncode == 1 and "already registered" in again.stderr

    # the company (its country) from a built-in workflow, then Apollo people, each by `hq ingest`
    company = json.loads((FIXTURES / "companyenrich-company.json").read_text())
    r = _hq(db_url, "ingest", str(_ndjson(tmp_path / "co.ndjson", [company])), "--workflow", "companyenrich-company")
    assert r.returncode == 0, r.stderr
    people = [legacy_db.apollo_payload(i) for i in range(3)]
    people[2]["title"] = ["not", "a", "string"]  # a payload of the wrong shape is kept, flagged
    r = _hq(db_url, "ingest", str(_ndjson(tmp_path / "apollo.ndjson", people)), "--workflow", "apollo-person-search")
    assert r.returncode == 0, r.stderr
    assert "3 rows: 2 extracted, 1 failed" in r.stdout and "field title (title): expected string, got array" in r.stdout

    with psycopg.connect(db_url) as conn:
        leads = conn.execute("SELECT linkedin_url, full_name, cleaned_title, job_function, seniority, person_country, company_domain, "
                             "company_name, company_country, employee_range FROM core.leads ORDER BY 1").fetchall()
        assert leads == [(f"https://www.linkedin.com/in/apollo-person-{i}", f"Apollo Person {i}", "Vice President of Sales", "Sales", "VP",
                          "United States", "antimetal.com", "Antimetal", "United States", "51-200") for i in range(2)]
        # coalesced with source priority as data: apollo's title row beside the match, the golden row says who won
        assert conn.execute("SELECT sources ->> 'job_function', sources ->> 'full_name' FROM core.people_full "
                            "WHERE linkedin_url = 'https://www.linkedin.com/in/apollo-person-0'").fetchone() == ("apollo", "apollo")
        assert conn.execute("SELECT priority FROM reference.source_priority WHERE field = '*' AND source = 'apollo'").fetchone() == (7,)

    listed = _hq(db_url, "workflows", "list")
    assert listed.returncode == 0
    row = next(line for line in listed.stdout.splitlines() if "apollo-person-search" in line)
    assert [c.strip() for c in row.strip("│ ").split("│")][4:9] == ["yes", "11", "3", "2", "1"]


def test_company_workflow_with_a_raw_table_of_its_own(db_url, tmp_path):
    sample = {"domain": "https://www.Pactos.ai/", "company_name": "Pactos", "employee_range": "11-50", "industry": "Legal Services",
              "headquarters": "Austin, Texas", "country": "United States", "ownership_status": "Private", "tagline": "Contracts, done",
              "technology_names": ["react", "stripe"], "unmapped": {"nested": True}}
    path = tmp_path / "zenrows.json"
    path.write_text(json.dumps(sample))
    r = _hq(db_url, "workflows", "add", "zenrows-company", "--entity", "company", "--raw-table", "raw.zenrows_payloads",
            "--key-column", "company_domain", "--source", "zenrows", "--sample", str(path), "--apply")
    assert r.returncode == 0, r.stderr
    assert "raw table raw.zenrows_payloads (created)" in r.stdout and "source zenrows priority 9" in r.stdout
    r = _hq(db_url, "ingest", str(_ndjson(tmp_path / "z.ndjson", [sample])), "--workflow", "zenrows-company")
    assert r.returncode == 0 and "1 extracted" in r.stdout, r.stdout + r.stderr
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT name, employee_range, company_type, city, state, country, industry, tagline, sources ->> 'name' "
                            "FROM core.companies_full WHERE domain = 'pactos.ai'").fetchone() == \
            ("Pactos", "11-50", "Private Company", "Austin", "Texas", "United States", "Legal Services", "Contracts, done", "zenrows")
        assert sorted(r[0] for r in conn.execute("SELECT technology FROM core.company_tech_on_site WHERE domain = 'pactos.ai'")) == \
            ["react", "stripe"]

    bad = _hq(db_url, "workflows", "add", "x-y", "--entity", "vehicle", "--raw-table", "raw.x", "--key-column", "k",
              "--source", "x", "--sample", str(path))
    assert bad.returncode == 1 and bad.stderr.startswith("hq: error: entity must be company or person")
