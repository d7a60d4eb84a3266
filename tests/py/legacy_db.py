"""A legacy database (the existing system's layout, tests/fixtures/legacy/schema.sql)
on the test cluster, filled with rows built from tests/fixtures: variants of
every provider payload, malformed payloads, workflow slugs HQ does not know,
curated lookups with values outside HQ's canonical lists, priority companies,
company customers with and without a payload behind them, client leads."""

from __future__ import annotations

import copy
import csv
import json
import re
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psycopg
from psycopg import sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
T0 = datetime(2025, 3, 1, tzinfo=timezone.utc)


def _fx(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def _snake(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


class _Clock:
    """Deliveries one minute apart, oldest first."""

    def __init__(self):
        self.n = 0

    def __call__(self) -> datetime:
        self.n += 1
        return T0 + timedelta(minutes=self.n)


def create_legacy_db(server_url: str) -> str:
    name = f"legacy_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = server_url.rpartition("/")[0] + "/" + name
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute((FIXTURES / "legacy" / "schema.sql").read_text())
    return url


def person_payload(i: int) -> dict:
    p = _fx("clay-person-profile.json")
    p["url"] = f"https://www.linkedin.com/in/legacy-person-{i}"
    p["slug"] = f"legacy-person-{i}"
    p["name"] = f"Legacy Person {i}"
    p["first_name"], p["last_name"] = "Legacy", f"Person {i}"
    return p


def company_payload(i: int) -> dict:
    c = _fx("companyenrich-company.json")
    c["domain"] = f"legacy-co-{i}.example"
    c["website"] = f"https://legacy-co-{i}.example"
    c["name"] = f"Legacy Co {i}"
    return c


def apollo_payload(i: int) -> dict:
    a = _fx("apollo-person.json")
    a["id"] = f"apollo-{i}"
    a["linkedin_url"] = f"http://www.linkedin.com/in/apollo-person-{i}"
    a["name"], a["first_name"], a["last_name"] = f"Apollo Person {i}", "Apollo", f"Person {i}"
    return a


def fill(url: str, people: int = 300, companies: int = 100, apollo: int = 12) -> dict:
    """Insert the rows; return what a correct import must show."""
    clock = _Clock()
    rows = {"raw.company_payloads": [], "raw.company_discovery": [], "raw.person_payloads": [],
            "raw.person_discovery": []}

    def add(table, key, slug, payload, provider="clay"):
        rows[table].append((uuid.uuid4(), key, slug, provider, provider, "payload", json.dumps(payload), clock()))

    ce = _fx("companyenrich-company.json")
    add("raw.company_payloads", ce["domain"], "companyenrich-company", ce, "companyenrich")
    cb = _fx("crunchbase-company.json")
    add("raw.company_payloads", "ge.com", "crunchbase-company", cb, "crunchbase")
    li = _fx("clay-company-firmographics.json")
    add("raw.company_payloads", "ironcladapp.com", "clay-company-firmographics", li)
    for i in range(companies):
        c = company_payload(i)
        add("raw.company_payloads", c["domain"], "companyenrich-company", c, "companyenrich")
    for i in range(5):  # a provider HQ does not ship
        add("raw.company_payloads", f"legacy-co-{i}.example", "leadmagic-company-emails", {"emails": [f"a{i}@x.example"]}, "leadmagic")
    add("raw.company_payloads", "broken-1.example", "companyenrich-company", "not an object")  # malformed
    add("raw.company_payloads", "not a domain", "companyenrich-company", company_payload(9999))
    fc = _fx("clay-find-companies.json")
    add("raw.company_discovery", fc["domain"], "clay-find-companies", fc)
    for i in range(20):
        d = copy.deepcopy(fc)
        d["domain"], d["name"] = f"found-{i}.example", f"Found {i}"
        add("raw.company_discovery", d["domain"], "clay-find-companies", d)
    pp = _fx("clay-person-profile.json")
    add("raw.person_payloads", pp["url"], "clay-person-profile", pp)
    for i in range(people):
        p = person_payload(i)
        add("raw.person_payloads", p["url"], "clay-person-profile", p)
    for i in range(apollo):
        a = apollo_payload(i)
        add("raw.person_payloads", a["linkedin_url"], "apollo-person-search", a, "apollo")
    bad = person_payload(7777)
    bad["experience"] = "not a list"  # wrong type for a mapped field
    add("raw.person_payloads", bad["url"], "clay-person-profile", bad)
    fp = _fx("clay-find-people.json")
    add("raw.person_discovery", fp["url"], "clay-find-people", fp)

    with psycopg.connect(url) as conn:
        for table, rs in rows.items():
            key = "linkedin_url" if "person" in table else "company_domain"
            with conn.cursor().copy(sql.SQL("COPY {} (id, {}, workflow_slug, provider, platform, payload_type, raw_payload, created_at) "
                                            "FROM STDIN").format(sql.SQL(table), sql.Identifier(key))) as cp:
                for r in rs:
                    cp.write_row(r)
        _small_tables(conn, clock)
    return {"legacy_rows": {t: len(r) for t, r in rows.items()}, "apollo": apollo,
            "people": people + 2, "companies": companies + 3}


def _small_tables(conn: psycopg.Connection, clock: _Clock) -> None:
    for name, slug in (("claygent-customers.string.json", "claygent-customers"),
                       ("claygent-customers.structured.json", "claygent-customers"),
                       ("claygent-customers.v2-empty.json", "claygent-customers")):
        p = _fx(name)
        conn.execute("INSERT INTO raw.company_customer_claygent_payloads (created_at, origin_company_domain, origin_company_name, "
                     "workflow_slug, provider, platform, payload_type, raw_payload) VALUES (%s, %s, %s, %s, 'clay', 'claygent', "
                     "'company_customers', %s)", (clock(), p["origin_company_domain"], p["origin_company_name"], slug, json.dumps(p)))
    m = _fx("manual-company-customers.json")
    conn.execute("INSERT INTO raw.manual_company_customers (origin_company_domain, origin_company_name, origin_company_linkedin_url, "
                 "company_customer_name, company_customer_domain, company_customer_linkedin_url, case_study_url, has_case_study, "
                 "source_notes, created_at) VALUES (%(origin_company_domain)s, %(origin_company_name)s, %(origin_company_linkedin_url)s, "
                 "%(company_customer_name)s, %(company_customer_domain)s, %(company_customer_linkedin_url)s, %(case_study_url)s, "
                 "%(has_case_study)s, %(source_notes)s, %(ts)s)", {**m, "ts": clock()})
    cs = _fx("case-study-extraction.json")
    conn.execute("INSERT INTO raw.case_study_extraction_payloads (created_at, case_study_url, origin_company_domain, origin_company_name, "
                 "company_customer_name, workflow_slug, provider, platform, payload_type, raw_payload, has_case_study_url) "
                 "VALUES (%s, %s, %s, %s, %s, 'case-study-extraction', 'clay', 'claygent', 'case_study', %s, true)",
                 (clock(), cs["case_study_url"], cs["origin_company_domain"], cs["origin_company_name"], cs["company_customer_name"],
                  json.dumps({k: v for k, v in cs.items() if k not in ("case_study_url", "company_customer_name")})))
    icp = _fx("icp-generation.json")
    conn.execute("INSERT INTO raw.icp_payloads (domain, workflow_slug, provider, platform, payload_type, raw_payload, created_at) "
                 "VALUES (%s, 'icp-generation', 'openai', 'openai', 'icp', %s, %s)", (icp["domain"], json.dumps(icp), clock()))
    vc = _fx("vc-portfolio.json")
    firm = conn.execute("INSERT INTO raw.vc_firms (name, domain, created_at) VALUES (%s, %s, %s) RETURNING id",
                        (vc["vc_firm_name"], vc["vc_firm_domain"], clock())).fetchone()[0]
    conn.execute("INSERT INTO raw.vc_portfolio_companies (upload_id, vc_firm_id, company_name, website_domain, crunchbase_url, status, "
                 "founded_date, description_short, city, state, country, employee_count, linkedin_url, revenue_range, funding_total, "
                 "categories, investors, created_at) VALUES (gen_random_uuid(), %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                 "%s, %s, %s)", (firm, vc["company_name"], vc["website_domain"], vc["crunchbase_url"], vc["status"], vc["founded_date"],
                                 vc["description_short"], vc["city"], vc["state"], vc["country"], vc["employee_count"], vc["linkedin_url"],
                                 vc["revenue_range"], vc["funding_total"], json.dumps(vc.get("categories")),
                                 json.dumps(vc.get("investors")), clock()))
    conn.execute("INSERT INTO raw.vc_crunchbase_portfolios (vc_name, vc_domain, website, name, operating_status, city, state, country, "
                 "number_employees, linkedin_url, short_description, created_at) VALUES ('Framework Ventures', 'framework.ventures', "
                 "'https://www.graphiant.com', 'Graphiant', 'active', 'San Jose', 'California', 'United States', '51-100', "
                 "'https://www.linkedin.com/company/graphiant', 'Network as a service', %s)", (clock(),))
    conn.execute("INSERT INTO raw.email_waterfall_jobs (status, total_records, sent_count, failed_count, clay_webhook_url) "
                 "VALUES ('completed', 10, 9, 1, 'https://api.clay.example/hook')")
    with (FIXTURES / "salesnav-export.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            cols = {_snake(h): (v or None) for h, v in row.items()}
            cols["matching_filters"] = {"true": True, "false": False}.get((cols.get("matching_filters") or "").lower())
            cols.update(upload_id=uuid.uuid4(), created_at=clock(), export_title="Q1 2026 Leads")
            names = list(cols)
            conn.execute(sql.SQL("INSERT INTO raw.salesnav_scrapes ({}) VALUES ({})").format(
                sql.SQL(", ").join(map(sql.Identifier, names)), sql.SQL(", ").join(sql.Placeholder() * len(names))),
                [cols[n] for n in names])
    conn.execute("""INSERT INTO reference.job_title_lookup VALUES
      ('Senior Sales Engineer', 'Sales Engineer', 'Senior', 'Sales Engineering'),
      ('Chief Revenue Officer', 'Chief Revenue Officer', 'c-suite', 'Sales'),
      ('Growth Ninja', 'Growth Ninja', 'Ninja', 'Marketing'),
      ('Head of People Ops', 'Head of People Operations', 'Head', 'Human Resources')""")
    conn.execute("""INSERT INTO reference.location_lookup VALUES
      ('Greater Austin Area', 'Austin', 'Texas', 'United States', true, true, true),
      ('SF Bay Area', 'San Francisco', 'California', 'USA', true, true, true),
      ('Atlantis City', 'Atlantis', NULL, 'Atlantis', true, false, true)""")
    conn.execute("""INSERT INTO public.top_priority_companies VALUES
      ('Antimetal', 'https://www.antimetal.com/', 'https://www.linkedin.com/company/antimetal'),
      ('Ironclad', 'ironcladapp.com', NULL), ('Nameless', 'not a domain', NULL)""")
    conn.execute("""INSERT INTO core.company_customers (origin_company_domain, customer_name, customer_domain, source) VALUES
      ('securitypal.com', 'Figma', 'figma.com', 'manual'),
      ('securitypal.com', 'Notion', 'notion.so', 'scraped')""")
    conn.execute("""INSERT INTO client.leads (client_domain, client_form_id, client_form_title, first_name, last_name, email, linkedin_url,
      company_domain, created_at) VALUES
      ('acme.com', 'demo', 'Demo request', 'Sam', 'Rivera', 'sam@antimetal.com', 'https://www.linkedin.com/in/sam-rivera-88a1b2',
       'antimetal.com', '2025-01-05'),
      ('beta.io', 'webinar', 'Webinar', 'Lee', 'Park', 'lee@example.org', NULL, NULL, '2025-01-06')""")
    conn.execute("INSERT INTO core.leads (linkedin_url) SELECT 'https://www.linkedin.com/in/x' || g FROM generate_series(1, 250) g")
