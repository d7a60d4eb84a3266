"""`hq demo load`: a deterministic, realistic demo data set in the providers'
own payload formats (those of tests/fixtures/), loaded through the real
ingest path: COPY into the raw tables in batches, one transaction each, so
the ingest triggers extract, match and coalesce exactly as for a real
delivery.

Everything is generated on the fly from (seed, index): company i and person j
can be rebuilt from their index alone, so the generator never holds the set
in memory. What makes it realistic: company sizes skewed (a few large
companies employ most people), titles drawn from a large vocabulary with
abbreviations and typos (some match no rule and land on the unmatched values
work list), locations written in many formats and countries, two to four
sources per company that disagree in format, deliveries spread over 30 days,
and a few malformed deliveries that the pipeline keeps as failed.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterator

import psycopg
from psycopg import sql

SEED = 20260128
BATCH = 1000

WORD_A = ["Acme", "Nimbus", "Quantum", "Blue", "Iron", "Bright", "North", "Silver", "Atlas", "Vertex", "Cedar",
          "Lumen", "Nova", "Polar", "Summit", "Harbor", "Cobalt", "Echo", "Falcon", "Granite", "Helix", "Indigo",
          "Juniper", "Kite", "Lattice", "Maple", "Orbit", "Pioneer", "Radiant", "Sable", "Tidal", "Umber"]
WORD_B = ["Labs", "Systems", "Robotics", "Health", "Analytics", "Cloud", "Logistics", "Energy", "Security", "Bio",
          "Payments", "Networks", "Foods", "Works", "AI", "Data", "Capital", "Mobility", "Media", "Software"]
TLDS = [".com", ".com", ".com", ".io", ".ai", ".co", ".de", ".co.uk", ".fr", ".in"]
INDUSTRIES = ["Software Development", "IT Services and IT Consulting", "Hospitals and Health Care", "Financial Services",
              "Biotechnology Research", "Robotics Engineering", "Retail", "Truck Transportation", "Renewable Energy Power Generation",
              "Computer and Network Security", "Food and Beverage Manufacturing", "Advertising Services", "Banking", "Insurance"]
# (rank cutoff as a share of companies, clay size, companyenrich employees, crunchbase number_employees, count)
SIZES = [(0.01, "10,001+ employees", "10K+", "10001+", 25000), (0.04, "5,001-10,000 employees", "5K-10K", "5001-10000", 7000),
         (0.10, "1,001-5,000 employees", "1K-5K", "1001-5000", 2400), (0.25, "501-1,000 employees", "501-1000", "501-1000", 700),
         (0.45, "201-500 employees", "201-500", "251-500", 320), (0.70, "51-200 employees", "51-200", "101-250", 120),
         (0.90, "11-50 employees", "11-50", "11-50", 30), (1.01, "2-10 employees", "1-10", "1-10", 6)]
REVENUE = ["<$1M", "$1M-$5M", "1m-10m", "$10M - $25M", "25M-50M", "$50M to $100M", "100M-250M", "$250M-$500M", "500M-1B", "1B-10B", "$10B+"]
FUNDING = ["$1M - $5M", "$5M - $10M", "$10M - $25M", "$25M - $50M", "$100M - $250M", "Funding unknown", ""]
TYPES = [("Privately Held", "private", "Private Company"), ("Public Company", "public", "Public Company"),
         ("Nonprofit", "nonprofit", "Nonprofit"), ("Self-Employed", "self-owned", "Self-Employed")]
# (city, region, region abbreviation, country, country code): written many ways below
PLACES = [("San Francisco", "California", "CA", "United States", "US"), ("New York", "New York", "NY", "United States", "US"),
          ("Austin", "Texas", "TX", "United States", "US"), ("Boston", "Massachusetts", "MA", "United States", "US"),
          ("Seattle", "Washington", "WA", "United States", "US"), ("Chicago", "Illinois", "IL", "United States", "US"),
          ("London", "England", "", "United Kingdom", "GB"), ("Manchester", "England", "", "United Kingdom", "GB"),
          ("Berlin", "Berlin", "", "Germany", "DE"), ("Munich", "Bavaria", "", "Germany", "DE"),
          ("Paris", "Île-de-France", "", "France", "FR"), ("Toronto", "Ontario", "ON", "Canada", "CA"),
          ("Bengaluru", "Karnataka", "", "India", "IN"), ("Sydney", "New South Wales", "NSW", "Australia", "AU"),
          ("Amsterdam", "North Holland", "", "Netherlands", "NL"), ("São Paulo", "São Paulo", "SP", "Brazil", "BR"),
          ("Stockholm", "Stockholm", "", "Sweden", "SE"), ("Singapore", "", "", "Singapore", "SG")]
FIRST = ["Sam", "Priya", "Jane", "Lucas", "Mei", "Omar", "Elena", "Kwame", "Sofia", "Hiroshi", "Anna", "David", "Fatima",
         "Liam", "Chloe", "Mateo", "Aisha", "Noah", "Ingrid", "Ravi", "Zoe", "Tomás", "Yuki", "Ben", "Nadia", "Jonas"]
LAST = ["Rivera", "Nair", "Doe", "Schmidt", "Chen", "Haddad", "Rossi", "Mensah", "García", "Tanaka", "Kowalski", "Cohen",
        "Okafor", "Murphy", "Dubois", "Silva", "Khan", "Andersson", "Patel", "Novak", "Müller", "Smith", "Kim", "Larsen"]
AREAS = ["Sales", "Marketing", "Engineering", "Product", "Finance", "Operations", "Customer Success", "Human Resources",
         "Data", "Security", "Design", "Business Development", "Legal", "IT"]
AREA_ABBR = {"Engineering": "Eng", "Marketing": "Mktg", "Operations": "Ops", "Human Resources": "HR",
             "Business Development": "BD", "Customer Success": "CS", "Product": "Product", "Sales": "Sales"}
TYPOS = {"Engineering": "Enginering", "Marketing": "Markting", "Manager": "Manger", "Director": "Dirctor",
         "Software": "Sofware", "Operations": "Operatons"}
SENIOR_FORMS = ["VP of {a}", "Vice President, {a}", "VP {a}", "Head of {a}", "Director of {a}", "{a} Director",
                "Dir. {ab}", "Senior {a} Manager", "{a} Manager", "Mgr, {ab}", "Sr. {a} Manager", "{a} Lead",
                "Senior Director, {a}", "Associate Director of {a}"]
IC_FORMS = ["Software Engineer", "Senior Software Engineer", "Sr Software Engineer", "Account Executive", "Acct Exec",
            "SDR", "Sales Development Representative", "Data Scientist", "Product Designer", "Financial Analyst",
            "Customer Success Manager", "Recruiter", "Staff Engineer", "Marketing Specialist", "Intern, Marketing"]
CHIEFS = ["CEO", "Chief Executive Officer", "Founder & CEO", "Co-Founder", "CTO", "Chief Technology Officer", "CFO",
          "CMO", "COO", "Chief Revenue Officer", "CISO", "President", "Managing Director"]
# titles no rule understands: they stay unmatched until someone maps them on /quality
ODD = ["Growth Ninja", "Chief Happiness Wizard", "Revenue Rockstar", "Code Wrangler", "Pipeline Jedi"]
INVESTORS = [("Framework Ventures", "framework.ventures"), ("General Catalyst", "generalcatalyst.com"),
             ("Y Combinator", "ycombinator.com"), ("Sequoia Capital", "sequoiacap.com"), ("Index Ventures", "indexventures.com")]


def _days_ago(rng: random.Random, now: datetime, days: int = 30) -> str:
    # deliveries lean toward recent days, as a growing pipeline's do
    return (now - timedelta(days=days * rng.random() ** 1.7, seconds=rng.randrange(86400))).isoformat()


class Demo:
    """Company i and person j as pure functions of (seed, index)."""

    def __init__(self, people: int, seed: int = SEED):
        self.people, self.seed = people, seed
        self.companies = max(12, people // 10)
        self.now = datetime.now(timezone.utc)

    def _rng(self, kind: int, i: int) -> random.Random:
        return random.Random(self.seed * 7919 + kind * 1_000_003 + i)

    # -- companies ----------------------------------------------------------
    def company(self, i: int) -> dict:
        rng = self._rng(1, i)
        a, b = WORD_A[i % len(WORD_A)], WORD_B[(i // len(WORD_A)) % len(WORD_B)]
        n = i // (len(WORD_A) * len(WORD_B))
        name = f"{a} {b}" + (f" {n + 1}" if n else "")
        domain = (a + b + (str(n + 1) if n else "")).lower() + TLDS[rng.randrange(len(TLDS))]
        share = (i + 1) / self.companies
        size = next(s for s in SIZES if share <= s[0])
        place = PLACES[rng.randrange(len(PLACES))] if rng.random() < 0.93 else None
        return {"i": i, "name": name, "domain": domain, "slug": domain.split(".")[0], "size": size, "place": place,
                "industry": INDUSTRIES[rng.randrange(len(INDUSTRIES))], "type": TYPES[0 if rng.random() < 0.8 else rng.randrange(len(TYPES))],
                "revenue": REVENUE[min(len(REVENUE) - 1, max(0, len(REVENUE) - 1 - int(share * 10) + rng.randrange(-1, 2)))],
                "funding": FUNDING[rng.randrange(len(FUNDING))], "sources": rng.random(),
                "investors": rng.sample(INVESTORS, rng.randrange(1, 3)) if rng.random() < 0.25 else []}

    def company_payloads(self, i: int) -> Iterator[tuple[str, str, dict, str]]:
        """(raw table, workflow, payload, created_at) of every delivery about company i."""
        c, rng = self.company(i), self._rng(2, i)
        p = c["place"]
        city, region, abbr, country, code = p if p else ("", "", "", "", "")
        loc_forms = [f"{city}, {abbr or region}", f"{city}, {region}, {country}", f"{city}, {country}", country]
        clay_loc = loc_forms[rng.randrange(len(loc_forms))] if p else None
        yield "raw.company_discovery", "clay-find-companies", {
            "name": c["name"], "size": c["size"][1], "type": c["type"][0], "domain": c["domain"],
            "country": country or None, "industry": c["industry"], "location": clay_loc, "industries": [c["industry"]],
            "description": f"{c['name']} builds {c['industry'].lower()} products for modern teams.",
            "linkedin_url": f"https://www.linkedin.com/company/{c['slug']}", "annual_revenue": c["revenue"],
            "clay_company_id": 1_000_000 + i, "total_funding_amount_range_usd": c["funding"]}, _days_ago(rng, self.now)
        if c["sources"] < 0.65:
            yield "raw.company_payloads", "companyenrich-company", {
                "id": f"ce-{i}", "name": c["name"] if rng.random() < 0.8 else c["name"] + ", Inc.", "domain": c["domain"],
                "website": f"https://{c['domain']}", "type": c["type"][1], "industry": c["industry"],
                "industries": [c["industry"]], "employees": c["size"][2], "revenue": c["revenue"],
                "description": f"{c['name']}: {c['industry']}.", "seo_description": f"{c['name']} for {c['industry'].lower()}",
                "keywords": [c["industry"].split()[0].lower(), "b2b"], "technologies": ["HubSpot", "Cloudflare"][: rng.randrange(3)],
                "location": {"country": {"name": country, "code": code} if p else None, "state": {"name": region} if region else None,
                             "city": {"name": city} if p else None, "address": f"{city}, {abbr or country}" if p else None},
                "financial": {"total_funding": rng.randrange(1, 300) * 1_000_000, "funding": []},
                "socials": {"linkedin_url": f"https://www.linkedin.com/company/{c['slug']}/"}}, _days_ago(rng, self.now)
        if c["sources"] < 0.35:
            yield "raw.company_payloads", "crunchbase-company", {
                "name": c["name"].upper() if rng.random() < 0.3 else c["name"], "website": f"https://www.{c['domain']}",
                "operating_status": "active", "full_description": f"{c['name']} is a {c['industry'].lower()} company.",
                "short_description": c["industry"], "city": city or None, "state": region or None,
                "country": country or None, "number_employees": c["size"][3], "revenue_range": c["revenue"],
                "total_funding_usd": None, "linkedin_url": f"https://www.linkedin.com/company/{c['slug']}/"}, _days_ago(rng, self.now)
        if c["sources"] > 0.8:
            yield "raw.company_payloads", "clay-company-firmographics", {
                "url": f"https://www.linkedin.com/company/{c['slug']}/", "slug": c["slug"], "name": c["name"],
                "website": f"https://{c['domain']}", "type": c["type"][0], "industry": c["industry"], "size": c["size"][1],
                "employee_count": c["size"][4] + rng.randrange(-c["size"][4] // 5, c["size"][4] // 5 + 1),
                "country": code or None, "locality": f"{city}, {region}" if p else None}, _days_ago(rng, self.now)
        for firm, firm_domain in c["investors"]:
            yield "raw.vc_portfolio_companies", "vc-portfolio", {
                "vc_firm_name": firm, "vc_firm_domain": firm_domain, "company_name": c["name"], "website_domain": c["domain"],
                "status": "active", "country": country or None, "employee_count": c["size"][2],
                "linkedin_url": f"https://www.linkedin.com/company/{c['slug']}", "investors": [firm]}, _days_ago(rng, self.now)
        if rng.random() < 0.15 and self.companies > 5:
            others = [self.company(rng.randrange(self.companies)) for _ in range(rng.randrange(2, 5))]
            yield "raw.company_customer_claygent_payloads", "claygent-customers", {
                "origin_company_domain": c["domain"], "origin_company_name": c["name"],
                "customers": [{"url": f"https://{c['domain']}/customers/{o['slug']}", "companyName": o["name"],
                               "hasCaseStudy": rng.random() < 0.5} for o in others if o["i"] != i]}, _days_ago(rng, self.now)

    # -- people -------------------------------------------------------------
    def employer(self, rng: random.Random) -> int:
        # skewed: u**2.2 piles people onto the first (largest) companies
        return min(self.companies - 1, int(self.companies * rng.random() ** 2.2))

    def title(self, rng: random.Random) -> str:
        r = rng.random()
        if r < 0.04:
            t = ODD[rng.randrange(len(ODD))]
        elif r < 0.14:
            t = CHIEFS[rng.randrange(len(CHIEFS))]
        elif r < 0.62:
            area = AREAS[rng.randrange(len(AREAS))]
            t = SENIOR_FORMS[rng.randrange(len(SENIOR_FORMS))].format(a=area, ab=AREA_ABBR.get(area, area))
        else:
            t = IC_FORMS[rng.randrange(len(IC_FORMS))]
        if rng.random() < 0.06:  # a typo in one word
            t = " ".join(TYPOS.get(w, w) for w in t.split())
        return t if rng.random() > 0.05 else t.lower()

    def person_payloads(self, j: int) -> Iterator[tuple[str, str, dict, str]]:
        rng = self._rng(3, j)
        first, last = FIRST[rng.randrange(len(FIRST))], LAST[rng.randrange(len(LAST))]
        slug = f"{first}-{last}-{j:x}".lower().replace("ü", "u").replace("í", "i").replace("á", "a")
        url = f"https://www.linkedin.com/in/{slug}"
        cur = self.company(self.employer(rng))
        past = self.company(self.employer(rng))
        title = self.title(rng)
        place = PLACES[rng.randrange(len(PLACES))] if rng.random() < 0.9 else None
        city, region, abbr, country, _ = place or ("", "", "", "", "")
        forms = [f"{city}, {region}, {country}", f"{city}, {abbr or region}", f"Greater {city} Area", f"{city}, {country}", country]
        loc = forms[rng.randrange(len(forms))].strip(", ") if place else None
        start = date.today() - timedelta(days=int(1100 * rng.random() ** 1.5))
        promoted = rng.random() < 0.15
        exp = [{"url": f"https://www.linkedin.com/company/{cur['slug']}", "title": title, "company": cur["name"],
                "company_domain": cur["domain"], "start_date": start.isoformat(), "end_date": None, "is_current": True}]
        if promoted:  # an earlier, junior role at the same company
            exp.append({"url": f"https://www.linkedin.com/company/{cur['slug']}", "title": IC_FORMS[rng.randrange(len(IC_FORMS))],
                        "company": cur["name"], "company_domain": cur["domain"],
                        "start_date": (start - timedelta(days=700)).isoformat(), "end_date": start.isoformat(), "is_current": False})
        if past["i"] != cur["i"]:
            p_end = start - timedelta(days=(760 if promoted else 30))
            exp.append({"url": f"https://www.linkedin.com/company/{past['slug']}", "title": self.title(rng), "company": past["name"],
                        "company_domain": past["domain"], "start_date": (p_end - timedelta(days=900)).isoformat(),
                        "end_date": p_end.isoformat(), "is_current": False})
        profile = {"url": url if rng.random() < 0.8 else url + "/", "slug": slug, "name": f"{first} {last}",
                   "first_name": first, "last_name": last, "title": title, "headline": f"{title} at {cur['name']}",
                   "country": country or None, "location_name": loc, "experience": exp,
                   "education": [], "last_refresh": self.now.isoformat()}
        if rng.random() < 0.004:  # a malformed delivery: experience sent as text
            profile["experience"] = f"{title} at {cur['name']} since {start.year}"
        yield "raw.person_payloads", "clay-person-profile", profile, _days_ago(rng, self.now)
        if rng.random() < 0.45:
            yield "raw.person_discovery", "clay-find-people", {
                "url": url, "first_name": first, "last_name": last, "name": f"{first} {last}",
                "location_name": f"{city}, {abbr or region}".strip(", ") if place else None, "domain": cur["domain"],
                "latest_experience_title": title if rng.random() < 0.7 else self.title(rng),
                "latest_experience_company": cur["name"], "latest_experience_start_date": start.strftime("%m-%Y")}, _days_ago(rng, self.now)
        if rng.random() < 0.003:  # a malformed delivery: a key that is no LinkedIn URL
            yield "raw.person_discovery", "clay-find-people", {"url": f"{first} {last} (no profile)", "name": f"{first} {last}"}, _days_ago(rng, self.now)

    def deliveries(self) -> Iterator[tuple[int, tuple[str, str, dict, str]]]:
        """(entity number, delivery) of every delivery: companies first (so
        people find their employer complete), then people."""
        for i in range(self.companies):
            for d in self.company_payloads(i):
                yield i, d
        for j in range(self.people):
            for d in self.person_payloads(j):
                yield self.companies + j, d


def _copy(conn: psycopg.Connection, table: str, rows: list[tuple[str, dict, str]]) -> None:
    schema, name = table.split(".")
    stmt = sql.SQL("COPY {}.{} (workflow_slug, raw_payload, created_at) FROM STDIN").format(
        sql.Identifier(schema), sql.Identifier(name))
    with conn.cursor() as cur, cur.copy(stmt) as copy:
        for slug, payload, created in rows:
            copy.write_row([slug, json.dumps(payload), created])
    conn.commit()


def load(conn: psycopg.Connection, people: int, *, on_progress: Callable[[int, int], None] | None = None,
         batch: int = BATCH) -> dict:
    """Stream the demo set into the raw tables (one COPY and commit per
    batch of one table); returns {deliveries, companies, people}. At most one
    batch per raw table is in memory. on_progress(entities done, total)."""
    demo = Demo(people)
    total = demo.companies + people
    pending: dict[str, list] = {}
    sent, in_people = 0, False

    def flush(tables) -> None:
        for t in tables:
            if pending.get(t):
                _copy(conn, t, pending[t])
                pending[t] = []

    for entity, (table, slug, payload, created) in demo.deliveries():
        if not in_people and entity >= demo.companies:
            in_people = True
            flush(list(pending))  # every company delivery is in before the first person's
        rows = pending.setdefault(table, [])
        rows.append((slug, payload, created))
        sent += 1
        if len(rows) >= batch:
            flush([table])
        if on_progress and sent % 250 == 0:
            on_progress(entity, total)
    flush(list(pending))
    if on_progress:
        on_progress(total, total)
    return {"deliveries": sent, "companies": demo.companies, "people": people}


def is_empty(conn: psycopg.Connection) -> bool:
    """True when the warehouse holds no company and no person yet."""
    row = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM core.companies) AND NOT EXISTS (SELECT 1 FROM core.people)").fetchone()
    return bool(row[0] if not isinstance(row, dict) else next(iter(row.values())))
