"""The relationship routes over a socket against a real `hq serve`: leads at
a VC firm's portfolio (firm by name or domain) and leads fitting a stored ICP."""

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def ingest(server, slug: str, payload: dict) -> None:
    r = server.post(f"/ingest/{slug}", key="ingest", json=payload)
    assert r.status_code == 202 and r.json()["extraction_status"] == "extracted", r.text


def names(r) -> list[str]:
    assert r.status_code == 200, r.text
    return [row["full_name"] for row in r.json()["data"]]


def test_leads_at_vc_portfolio_by_firm_name_or_domain(live_server):
    ingest(live_server, "companyenrich-company", fixture("companyenrich-company.json"))
    ingest(live_server, "vc-portfolio", fixture("vc-portfolio.json"))
    ingest(live_server, "crunchbase-portfolio", fixture("crunchbase-portfolio.json"))
    ingest(live_server, "clay-person-profile", fixture("clay-person-profile.json"))
    post = lambda body: live_server.post("/api/leads/at-vc-portfolio", key="query", json=body)  # noqa: E731
    assert names(post({"firms": ["Framework Ventures"]})) == ["Sam Rivera"]
    assert names(post({"firms": ["framework ventures llc"]})) == ["Sam Rivera"]
    assert names(post({"firms": ["https://framework.ventures"]})) == ["Sam Rivera"]
    assert names(post({"firms": ["Andreessen Horowitz"]})) == []
    assert names(post({"firms": ["Framework Ventures"], "seniorities": ["Director"]})) == ["Sam Rivera"]
    assert names(post({"firms": ["Framework Ventures"], "seniorities": ["VP"]})) == []
    assert names(post({})) == ["Sam Rivera"]
    bad = post({"firms": "Framework Ventures"})
    assert bad.status_code == 422 and "error" in bad.json(), bad.text


def test_icp_leads_route(live_server):
    ingest(live_server, "companyenrich-company", fixture("companyenrich-company.json"))
    ingest(live_server, "clay-person-profile", fixture("clay-person-profile.json"))
    second = fixture("clay-person-profile.json") | {"url": "https://www.linkedin.com/in/kim-lee", "name": "Kim Lee",
                                                    "title": "VP Engineering"}
    second["experience"] = [dict(second["experience"][0], title="VP Engineering")]
    ingest(live_server, "clay-person-profile", second)
    icp = fixture("icp-generation.json") | {"domain": "zluri.com"}
    icp["company_criteria"] = {"industries": ["Software Development"], "countries": ["United States"], "founded_min": 2015}
    icp["person_criteria"] = {"title_contains_any": ["engineering"], "seniority": ["VP", "Director"]}
    ingest(live_server, "icp-generation", icp)

    r = live_server.post("/api/icp/zluri.com/leads", key="query", json={})
    assert sorted(names(r)) == ["Kim Lee", "Sam Rivera"]
    first = live_server.post("/api/icp/www.zluri.com/leads", key="query", json={"limit": 1})
    assert len(names(first)) == 1 and first.json()["next_cursor"]
    rest = live_server.post("/api/icp/zluri.com/leads", key="query", json={"limit": 1, "cursor": first.json()["next_cursor"]})
    assert names(first) + names(rest) == names(r) and rest.json()["next_cursor"] is None  # keyset order: linkedin_url

    missing = live_server.post("/api/icp/nobody.example/leads", key="query", json={})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found", missing.text
    assert live_server.post("/api/icp/zluri.com/leads", json={}).status_code == 401
    bad = live_server.post("/api/icp/zluri.com/leads", key="query", json={"limit": 0})
    assert bad.status_code == 422 and "error" in bad.json(), bad.text
    extra = live_server.post("/api/icp/zluri.com/leads", key="query", json={"industries": ["X"]})
    assert extra.status_code == 422, extra.text
