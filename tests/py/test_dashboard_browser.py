"""The dashboard in a real browser: Debian's Chromium (installed by
scripts/setup.sh), driven by Playwright with the system Chromium as its
executable (no browser download), against `hq serve --demo` on a free port.

One journey through every page: sign in, filter leads, load more, export
CSV, a company with two sources side by side, a person, map an unmatched
title and see the new lead appear, replay a failed row, sign out. Every page
is screenshotted into test-artifacts/dashboard/ (git-ignored; HQ_ARTIFACTS_DIR
overrides), and the test fails if any page asked for a URL outside the server.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import psycopg
import pytest

from live import start_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("HQ_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
DEMO_PEOPLE = "300"
FILTER_IDS = ["f-job_functions", "f-seniorities", "f-person_countries", "f-company_countries", "f-industries",
              "f-employee_ranges", "f-funding_ranges", "f-revenue_ranges", "title"]


@pytest.fixture(scope="module")
def artifacts() -> Path:
    d = Path(os.environ.get("HQ_ARTIFACTS_DIR") or ROOT / "test-artifacts") / "dashboard"
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def demo_server(db_url):
    server = start_server(db_url, "--demo", "--demo-people", DEMO_PEOPLE, wait=180)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser():
    assert CHROMIUM, "chromium is not installed: run scripts/setup.sh"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            yield b
        finally:
            b.close()


def _one(db_url: str, query: str, params: tuple = ()):
    with psycopg.connect(db_url) as conn:
        row = conn.execute(query, params).fetchone()
    return row[0] if row else None


def test_dashboard_journey(demo_server, browser, artifacts, db_url):
    base = demo_server.base_url
    outside: list[str] = []
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True, base_url=base)
    page = ctx.new_page()
    page.on("request", lambda req: req.url.startswith(base + "/") or req.url.startswith("data:") or outside.append(req.url))
    console_errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and console_errors.append(msg.text))
    page.set_default_timeout(20_000)

    def shot(name: str) -> None:
        page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
        if name in ("leads", "company"):  # what a laptop screen shows first (docs/screenshots/)
            page.screenshot(path=str(artifacts / f"{name}-screen.png"), full_page=True,
                            clip={"x": 0, "y": 0, "width": 1366, "height": 900 if name == "leads" else 1500})

    # -- sign in: / sends a stranger to /login; a wrong key is refused
    page.goto("/")
    assert page.url == base + "/login"
    page.fill("#api_key", "hq_admin_not_a_key")
    page.click("button[type=submit]")
    assert "not valid" in page.inner_text("[role=alert]")
    assert console_errors == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
    console_errors.clear()  # that 401 was the point; any later console error fails the test
    shot("login")
    page.fill("#api_key", demo_server.keys["admin"])
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/leads")
    cookie = next(c for c in ctx.cookies() if c["name"] == "hq_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["expires"] > 0
    assert demo_server.keys["admin"] not in cookie["value"]

    # -- leads: the first page, then "load more" appends the next one in place
    total = _one(db_url, "SELECT count(*) FROM core.leads")
    assert total > 100, "the demo set should give well over one page of leads"
    assert page.locator("#lead-rows tr").count() == 50
    shot("leads")
    page.click("#load-more")
    # a 51st row appears (a locator wait: a string predicate would be eval'd in the page, which
    # its Content-Security-Policy refuses in some Chromium builds)
    page.locator("#lead-rows tr").nth(50).wait_for()
    assert page.locator("#lead-rows tr").count() == min(100, total)

    # -- keyboard: the first Tab reaches "skip to content"; the filter
    # controls follow in reading order, each with its label
    page.goto("/leads")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#f-job_functions")
    order = []
    for _ in range(len(FILTER_IDS)):
        order.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    assert order == FILTER_IDS
    for fid in FILTER_IDS:
        assert page.locator(f"label[for='{fid}']").count() == 1

    # -- filter: one job function, as a form control
    page.select_option("#f-job_functions", ["Engineering"])
    page.click("button:has-text('Apply filters')")
    page.wait_for_url("**job_functions=Engineering**")
    functions = page.locator("#lead-rows tr td:nth-child(3)").all_inner_texts()
    expected = _one(db_url, "SELECT count(*) FROM core.leads WHERE job_function = 'Engineering'")
    assert functions and set(functions) == {"Engineering"}
    assert len(functions) == min(50, expected)
    shot("leads-filtered")

    # -- CSV export of the current filter: every page, not only the shown one
    with page.expect_download() as dl:
        page.click("text=Export CSV")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == expected and {r["job_function"] for r in rows} == {"Engineering"}

    # -- signal tab with its parameter
    page.click("nav.tabs >> text=New in role")
    page.fill("#days", "365")
    page.click("button:has-text('Apply filters')")
    page.wait_for_url("**signal=new-in-role**")
    new_in_role = _one(db_url, "SELECT count(*) FROM core.leads WHERE job_function = 'Engineering' "
                               "AND job_start_date >= current_date - 365")
    assert page.locator("#lead-rows tr").count() == min(50, new_in_role)

    # -- a company that two sources describe: their raw and matched values side by side
    domain = _one(db_url, """SELECT n.domain FROM core.company_names n JOIN core.leads l ON l.company_domain = n.domain
                             GROUP BY n.domain HAVING count(DISTINCT n.source) >= 3 ORDER BY count(*) DESC LIMIT 1""")
    assert domain, "the demo set should have companies with several sources"
    page.goto(f"/companies/{domain}")
    headers = page.locator("#dim-name thead th").all_inner_texts()[1:]
    assert len(headers) >= 2, headers
    assert any("★" in h for h in headers)
    assert page.locator("#dim-employee_range tbody tr").count() >= 2  # raw and matched rows
    assert "extracted" in page.inner_text("table.deliveries")
    shot("company")

    # -- a person from that company
    page.click("#people-h ~ table tbody tr:first-child a")
    page.wait_for_url("**/people/**")
    assert "Work history" in page.inner_text("main")
    shot("person")

    # -- map an unmatched title: a person whose title alone keeps them out of the leads
    raw, url = _lead_blocked_by_title(db_url)
    slug = url.rsplit("/in/", 1)[1]
    page.goto(f"/people/{slug}")
    assert "Not a lead" in page.inner_text("#lead-h")
    page.goto("/quality?kind=title")
    shot("quality")
    page.click(f"#unmatched tr:has(td:text-is('{raw}')) >> text=Map…")
    assert page.input_value("#m-raw") == raw
    page.fill("#m-cleaned", "Growth Lead")
    page.select_option("#m-function", "Marketing")
    page.select_option("#m-seniority", "Manager")
    page.click("button:has-text('Map and re-match')")
    note = page.locator("#map-result")
    before, after = int(note.get_attribute("data-leads-before")), int(note.get_attribute("data-leads-after"))
    assert after > before, note.inner_text()
    assert int(note.get_attribute("data-dimension-rows")) >= 1
    shot("quality-mapped")
    page.goto(f"/people/{slug}")
    assert page.inner_text("#lead-h") == "A lead"
    page.goto("/leads?title=Growth+Lead")
    assert slug in page.inner_html("#lead-rows")

    # -- replay a failed group (a malformed delivery fails again, and says so)
    page.goto("/quality")
    failed_before = page.locator("#failed tbody tr").count()
    assert failed_before >= 1 and "No failed rows" not in page.inner_text("#failed")
    page.click("#failed tbody tr:first-child button")
    assert "Replayed" in page.inner_text("#replay-result")
    shot("quality-replayed")

    # -- sign out: the session is gone
    page.click("button:has-text('Sign out')")
    page.wait_for_url(base + "/login")
    page.goto("/leads")
    assert page.url == base + "/login"

    assert outside == [], f"pages requested URLs outside the server: {outside}"
    assert console_errors == [], console_errors  # e.g. a Content-Security-Policy violation
    ctx.close()

    # `hq serve --demo` printed a fresh admin key that signs in
    demo_server.stop()
    log = demo_server.log()
    assert "demo data loaded: 30 companies, 300 people" in log
    printed = re.search(r"sign in with this admin key.*\n(hq_admin_\w+)", log).group(1)
    assert _one(db_url, "SELECT api.web_key_scope(%s, NULL) ->> 'scope'", (printed,)) == "admin"


def _lead_blocked_by_title(db_url: str) -> tuple[str, str]:
    """An unmatched raw title and a person it alone keeps out of the leads."""
    with psycopg.connect(db_url) as conn:
        row = conn.execute("""
            SELECT t.raw_title, p.linkedin_url
            FROM core.person_job_titles t
            JOIN core.people_full p ON p.linkedin_url = t.linkedin_url
            JOIN core.companies_full c ON c.domain = p.company_domain
            WHERE t.matched_job_function IS NULL AND t.matched_seniority IS NULL
              AND p.job_function IS NULL AND p.seniority IS NULL
              AND p.country IS NOT NULL AND c.name IS NOT NULL AND c.country IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM core.person_job_titles o
                              WHERE o.linkedin_url = t.linkedin_url AND o.raw_title <> t.raw_title)
            ORDER BY t.raw_title, p.linkedin_url LIMIT 1""").fetchone()
    assert row, "the demo set should have a complete person held back only by an unmatched title"
    return row[0], row[1]
