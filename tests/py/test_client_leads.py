"""Client leads over HTTP against a real `hq serve`: two keys bound to two
clients (made with `hq keys create --client`) see and write only their own
leads through every route; an unbound query key reads all."""

from __future__ import annotations

import os
import re
import subprocess

import psycopg

from live import HQ


def _key(db_url: str, scope: str, client: str | None = None) -> str:
    args = [HQ, "keys", "create", "--scope", scope, "--name", f"{scope}-{client}"]
    if client:
        args += ["--client", client]
    proc = subprocess.run(args, env={**os.environ, "DATABASE_URL": db_url}, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_two_client_keys_see_only_their_own_leads(live_server):
    s, url = live_server, live_server.db_url
    a_in, a_q = _key(url, "ingest", "acme.com"), _key(url, "query", "ACME.com")
    b_in, b_q = _key(url, "ingest", "beta.io"), _key(url, "query", "beta.io")

    # each client submits its own leads (new route and the existing system's route)
    for i in range(3):
        r = s.post("/api/client/leads", key=a_in, json={
            "client_domain": "acme.com", "client_form_id": "demo-request", "client_form_title": "Demo request",
            "first_name": f"Ann{i}", "last_name": "Lee", "email": f"ann{i}@initech.example",
            "linkedin_url": f"https://www.linkedin.com/in/ann-lee-{i}", "company_domain": "initech.example",
            "company_name": "Initech"})
        assert r.status_code == 202, r.text
        assert r.json()["lead"]["client_domain"] == "acme.com"
    r = s.post("/run/client/leads/ingest", key=b_in, json={
        "client_domain": "beta.io", "client_form_id": "form1", "first_name": "John", "company": "Globex",
        "company_website": "https://globex.example"})
    assert r.status_code == 200, r.text
    assert r.headers["Deprecation"] == "true" and r.json()["success"] is True
    assert r.json()["lead"]["company_domain"] == "globex.example"

    # neither may write for the other, through either route
    r = s.post("/api/client/leads", key=a_in, json={"client_domain": "beta.io", "first_name": "Mallory"})
    assert r.status_code == 403 and r.json()["error"]["field"] == "client_domain", r.text
    r = s.post("/run/client/leads/ingest", key=b_in, json={"client_domain": "acme.com", "first_name": "Mallory"})
    assert r.status_code == 403, r.text

    # reads: each sees only its own, whatever it asks for
    def names(key, **params):
        r = s.get("/api/client/leads", key=key, params=params)
        assert r.status_code == 200, r.text
        return sorted(x["first_name"] for x in r.json()["data"])

    assert names(a_q) == ["Ann0", "Ann1", "Ann2"]
    assert names(a_q, client_domain="beta.io") == []
    assert names(b_q) == ["John"]
    assert names(b_q, company_domain="initech.example") == []
    assert names(s.keys["query"]) == ["Ann0", "Ann1", "Ann2", "John"]
    assert names(s.keys["query"], client_domain="beta.io") == ["John"]

    # keyset pages stay inside the client
    r = s.get("/api/client/leads", key=a_q, params={"limit": 2})
    page1 = r.json()
    assert len(page1["data"]) == 2 and page1["next_cursor"]
    page2 = s.get("/api/client/leads", key=a_q, params={"limit": 2, "cursor": page1["next_cursor"]}).json()
    assert [x["first_name"] for x in page2["data"]] == ["Ann2"] and page2["next_cursor"] is None

    # a client-bound key opens no other route
    assert s.post("/api/leads", key=a_q, json={}).status_code == 403
    assert s.post("/ingest/clay-find-companies", key=a_in, json={"domain": "acme.com"}).status_code == 403
    # routes without a body (checked in the route, not before the body) and the dashboard refuse it too
    assert s.get("/api/filters/seniorities", key=a_q).status_code == 403
    assert s.get("/api/companies/search", key=a_q, params={"q": "acme"}).status_code == 403
    with s.client() as browser:
        csrf = re.search(r'name="csrf" value="([^"]+)"', browser.get("/login").text).group(1)
        r = browser.post("/login", data={"api_key": a_q, "csrf": csrf}, follow_redirects=False)
        assert "hq_session" not in r.cookies and r.status_code != 303, "a client-bound key signs in to nothing"
    # an ingest key cannot read, a query key cannot write
    assert s.get("/api/client/leads", key=a_in).status_code == 403
    assert s.post("/api/client/leads", key=a_q, json={"client_domain": "acme.com"}).status_code == 403

    # bad input is a 4xx in the error shape
    r = s.post("/api/client/leads", key=a_in, json={"first_name": "No client"})
    assert r.status_code == 422 and r.json()["error"]["field"] == "client_domain"
    assert s.get("/api/client/leads", key=a_q, params={"cursor": "x"}).status_code == 422
    assert s.get("/api/client/leads").status_code == 401

    # the people and companies arrive later: the leads are linked by trigger
    r = s.post("/ingest/clay-find-people", key="ingest", json={
        "url": "https://www.linkedin.com/in/ann-lee-1", "name": "Ann Lee", "domain": "initech.example",
        "latest_experience_title": "VP of Marketing", "latest_experience_company": "Initech"})
    assert r.status_code == 202, r.text
    r = s.get("/api/client/leads", key=a_q, params={"person_linked": "true"})
    assert [x["first_name"] for x in r.json()["data"]] == ["Ann1"]
    golden = r.json()["data"][0]["person"]
    assert (golden["cleaned_title"], golden["job_function"], golden["seniority"]) == ("VP of Marketing", "Marketing", "VP")
    assert r.json()["data"][0]["company"]["domain"] == "initech.example"
    assert all(x["company_id"] for x in s.get("/api/client/leads", key=a_q).json()["data"])
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM client.leads WHERE company_id IS NOT NULL").fetchone()[0] == 3
