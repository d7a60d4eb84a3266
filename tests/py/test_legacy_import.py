"""`hq import-legacy` against a legacy database built on the test cluster
(tests/py/legacy_db.py): dry run, an import killed after its first batches
and resumed, the report's side-by-side counts, golden records, lookups, and
a connection string whose password never shows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import psycopg

import legacy_db
from live import HQ

PASSWORD = "Legacy-S3cret-pw"


def _with_password(url: str) -> str:
    scheme, rest = url.split("://", 1)
    user, host = rest.split("@", 1)
    return f"{scheme}://{user}:{PASSWORD}@{host}"


def _hq(db_url: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([HQ, *args], env={**os.environ, "DATABASE_URL": db_url}, capture_output=True, text=True,
                          timeout=timeout)


def _legacy_fingerprint(url: str) -> list:
    with psycopg.connect(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables ORDER BY 1").fetchall()]
        return [(t, conn.execute(f"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {t} t").fetchone())
                for t in tables]


def test_import_legacy_interrupted_and_resumed(db_url, server_url, tmp_path):
    legacy = legacy_db.create_legacy_db(server_url)
    try:
        _run(db_url, legacy, tmp_path)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{legacy.rpartition("/")[2]}" WITH (FORCE)')


def _run(db_url: str, legacy: str, tmp_path) -> None:
    expected = legacy_db.fill(legacy, people=600, companies=150)
    before = _legacy_fingerprint(legacy)
    source = _with_password(legacy)

    # the plan, per table and workflow
    dry = _hq(db_url, "import-legacy", "--from", source, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "apollo-person-search" in dry.stdout and "skip: workflow_slug not registered in HQ" in dry.stdout
    assert "raw.person_payloads (import)" in dry.stdout
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM raw.person_payloads").fetchone()[0] == 0, "a dry run imports nothing"

    # killed after its first batches of people
    report = tmp_path / "report.json"
    proc = subprocess.Popen([HQ, "import-legacy", "--from", source, "--batch-size", "20", "--report", str(report)],
                            env={**os.environ, "DATABASE_URL": db_url}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    seen = 0
    deadline = time.monotonic() + 300
    with psycopg.connect(db_url, autocommit=True) as conn:
        while time.monotonic() < deadline and proc.poll() is None:
            row = conn.execute("SELECT rows_seen FROM reference.legacy_import_checkpoints "
                               "WHERE legacy_table = 'raw.person_payloads'").fetchone()
            seen = row[0] if row else 0
            if seen >= 60:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
    first_out = proc.communicate(timeout=60)[0]
    assert proc.returncode == -signal.SIGKILL, f"the import was not interrupted mid-way: {first_out[-2000:]}"
    total_people = expected["legacy_rows"]["raw.person_payloads"]
    with psycopg.connect(db_url) as conn:
        seen, partial = conn.execute(
            "SELECT c.rows_seen, (SELECT count(*) FROM raw.person_payloads WHERE starts_with(idempotency_key, 'legacy:')) "
            "FROM reference.legacy_import_checkpoints c WHERE c.legacy_table = 'raw.person_payloads'").fetchone()
    assert 60 <= seen < total_people and 0 < partial <= seen

    # resumed: the rest, nothing twice
    done = _hq(db_url, "import-legacy", "--from", source, "--batch-size", "20", "--report", str(report))
    assert done.returncode == 0, done.stderr
    for text in (first_out, done.stdout, done.stderr, dry.stdout, report.read_text()):
        assert PASSWORD not in text
    r = json.loads(report.read_text())
    tables = {t["legacy_table"]: t for t in r["tables"]}
    for name, n in expected["legacy_rows"].items():
        t = tables[name]
        assert t["legacy_rows"] == n and t["read"] == n, t
        assert t["imported"] + t["failed"] + t["skipped"] == n and t["unaccounted"] == 0, t
    # every legacy row is imported or listed with a reason, in every payload table
    assert all(t["unaccounted"] == 0 for t in r["tables"] if t["kind"] == "payload" and t["present"])
    pp, cp = tables["raw.person_payloads"], tables["raw.company_payloads"]
    assert (pp["imported"], pp["failed"], pp["skipped"]) == (601, 1, expected["apollo"])
    assert (cp["imported"], cp["failed"], cp["skipped"]) == (153, 2, 5)
    errors = {e["error"] for w in cp["workflows"] for e in w["errors"]}
    assert errors == {"company_domain: 'not a domain' is not a domain",
                      "raw_payload: a JSON string that does not contain valid JSON"}
    assert r["skipped_workflow_slugs"] == ["apollo-person-search", "leadmagic-company-emails"]
    assert "apollo-person-search, leadmagic-company-emails" in done.stdout
    assert r["leads"]["legacy"] == 250 and r["leads"]["hq"] >= 600
    assert tables["raw.email_waterfall_jobs"]["reason"].startswith("job tracking")

    with psycopg.connect(db_url) as conn:
        q = lambda sql, *a: conn.execute(sql, a or None).fetchall()  # noqa: E731
        # one raw row per legacy row, with its delivery time
        assert q("SELECT count(*), count(DISTINCT idempotency_key) FROM raw.person_payloads "
                 "WHERE starts_with(idempotency_key, 'legacy:')") == [(602, 602)]
        with psycopg.connect(legacy) as lg:
            lid, lts = lg.execute("SELECT id::text, created_at FROM raw.person_payloads "
                                  "WHERE linkedin_url LIKE '%legacy-person-5'").fetchone()
        assert q("SELECT created_at FROM raw.person_payloads WHERE idempotency_key = %s",
                 f"legacy:raw.person_payloads:{lid}") == [(lts,)]
        # golden records and leads, derived by HQ's own pipeline
        assert q("SELECT name, country, sources ->> 'name' FROM core.companies_full WHERE domain = 'antimetal.com'") == \
            [("Antimetal", "United States", "companyenrich")]
        assert q("SELECT full_name, company_domain, job_function, seniority FROM core.leads "
                 "WHERE linkedin_url = 'https://www.linkedin.com/in/legacy-person-5'") == \
            [("Legacy Person 5", "antimetal.com", "Engineering", "Director")]
        assert q("SELECT count(*) FROM core.people WHERE linkedin_url LIKE '%legacy-person-%'") == [(600,)]
        # curated lookups, canonical values only; the rest to review
        assert q("SELECT cleaned_title, job_function, seniority FROM reference.job_title_lookup "
                 "WHERE raw_title = 'chief revenue officer'") == [("Chief Revenue Officer", "Sales", "C-Suite")]
        assert sorted(q("SELECT field, legacy_value FROM reference.legacy_lookup_review")) == \
            [("country", "Atlantis"), ("job_function", "Sales Engineering"), ("seniority", "Ninja")]
        assert q("SELECT city, state, country FROM reference.location_lookup WHERE raw_location = 'sf bay area'") == \
            [("San Francisco", "California", "United States")]
        assert sorted(q("SELECT domain, source FROM core.priority_companies")) == \
            [("antimetal.com", "legacy"), ("ironcladapp.com", "legacy")]
        assert sorted(q("SELECT customer_name, source FROM core.company_customers WHERE origin_company_domain = 'securitypal.com'")) == \
            [("Figma", "manual"), ("Notion", "legacy")]
        # the existing system's client leads, linked to the person imported before them
        assert q("SELECT l.client_domain, p.linkedin_url FROM client.leads l LEFT JOIN core.people p ON p.id = l.person_id "
                 "ORDER BY 1") == [("acme.com", "https://www.linkedin.com/in/sam-rivera-88a1b2"), ("beta.io", None)]
        counts = q("SELECT (SELECT count(*) FROM raw.person_payloads), (SELECT count(*) FROM raw.company_payloads), "
                   "(SELECT count(*) FROM client.leads), (SELECT count(*) FROM core.company_customers)")

    again = _hq(db_url, "import-legacy", "--from", source, "--report", str(tmp_path / "again.json"))
    assert again.returncode == 0, again.stderr
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT (SELECT count(*) FROM raw.person_payloads), (SELECT count(*) FROM raw.company_payloads), "
                            "(SELECT count(*) FROM client.leads), (SELECT count(*) FROM core.company_customers)").fetchall() == counts
    assert _legacy_fingerprint(legacy) == before, "the legacy database was changed"


def test_import_legacy_never_prints_the_connection_string(db_url, tmp_path):
    from hq.localpg import free_port

    url = f"postgresql://legacy_user:{PASSWORD}@127.0.0.1:{free_port()}/legacy_db?sslmode=disable"
    for args in (["--dry-run"], []):
        proc = _hq(db_url, "import-legacy", "--from", url, *args, "--report", str(tmp_path / "r.json"))
        assert proc.returncode == 1
        assert PASSWORD not in proc.stdout + proc.stderr and url not in proc.stdout + proc.stderr
        assert "cannot connect to the legacy database 127.0.0.1:" in proc.stderr and "/legacy_db" in proc.stderr
    # and through the environment, so it is not in the process list either
    proc = subprocess.run([HQ, "import-legacy", "--dry-run"], env={**os.environ, "DATABASE_URL": db_url, "HQ_LEGACY_URL": url},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and PASSWORD not in proc.stdout + proc.stderr


def test_skipped_slugs_come_in_once_registered(db_url, server_url, tmp_path):
    legacy = legacy_db.create_legacy_db(server_url)
    try:
        legacy_db.fill(legacy, people=20, companies=10, apollo=12)
        first = _hq(db_url, "import-legacy", "--from", legacy, "--report", str(tmp_path / "1.json"))
        assert first.returncode == 0, first.stderr
        assert "apollo-person-search, leadmagic-company-emails" in first.stdout
        fixtures = legacy_db.FIXTURES
        reg = _hq(db_url, "workflows", "add", "apollo-person-search", "--entity", "person", "--raw-table", "raw.person_payloads",
                  "--key-column", "linkedin_url", "--source", "apollo", "--sample", str(fixtures / "apollo-person.json"), "--apply")
        assert reg.returncode == 0, reg.stderr
        second = _hq(db_url, "import-legacy", "--from", legacy, "--report", str(tmp_path / "2.json"))
        assert second.returncode == 0, second.stderr
        r = json.loads((tmp_path / "2.json").read_text())
        assert r["skipped_workflow_slugs"] == ["leadmagic-company-emails"]
        pp = next(t for t in r["tables"] if t["legacy_table"] == "raw.person_payloads")
        assert (pp["imported"], pp["failed"], pp["skipped"], pp["unaccounted"]) == (21 + 12, 1, 0, 0)
        with psycopg.connect(db_url) as conn:
            assert conn.execute("SELECT count(*) FROM core.leads WHERE linkedin_url LIKE '%apollo-person-%'").fetchone()[0] == 12
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{legacy.rpartition("/")[2]}" WITH (FORCE)')
