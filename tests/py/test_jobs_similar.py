"""Similar-companies batches end to end: `hq serve` takes the batch, `hq
worker` (a real subprocess) calls a local server that answers like
CompanyEnrich, with 429s (Retry-After), 500s, timeouts, 404s and a SIGKILL
of the worker mid-batch followed by a restart."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time

import psycopg

from jobs_helpers import HQ, scalar, serve, start_worker, stop_worker, wait_for
from hq.outbound_fake import OutboundServer

N_DOMAINS = 60


def test_similar_batch_survives_failures_and_a_killed_worker(db_url):
    domains = [f"company{i:03d}.com" for i in range(N_DOMAINS)]
    # messy input: URLs, case, duplicates and junk normalize to the same 60 domains (+1 refused)
    posted = [f"https://WWW.{d}/about" if i % 7 == 0 else d for i, d in enumerate(domains)] + [domains[3], "not a domain"]
    with OutboundServer(timeout_sleep=1.2) as provider:
        for d in domains[5:10]:
            provider.faults[d] = ["429:1"]
        for d in domains[10:15]:
            provider.faults[d] = ["500", "503"]
        for d in domains[15:18]:
            provider.faults[d] = ["timeout"]
        for d in domains[18:20]:
            provider.faults[d] = ["404"]
        server = serve(db_url)
        workers: list[subprocess.Popen] = []
        killed = threading.Event()

        def kill_mid_batch(n, kind, key):
            if n == 30 and not killed.is_set():
                workers[-1].kill()  # SIGKILL while the worker waits for this answer
                workers[-1].wait()
                killed.set()
                return True
            return False

        provider.before_answer = kill_mid_batch
        try:
            r = server.post("/api/companies/similar", key="ingest", json={"domains": posted})
            assert r.status_code == 202, r.text
            batch = r.json()
            assert batch["total"] == N_DOMAINS + 1 and batch["queued"] == N_DOMAINS and batch["invalid"] == 1
            status = lambda: server.get(f"/api/companies/similar/{batch['batch_id']}", key="query").json()  # noqa: E731
            assert status()["status"] == "queued" and status()["pending"] == N_DOMAINS

            workers.append(start_worker(db_url, provider.url, "--concurrency", "1", HQ_COMPANYENRICH_RATE="40"))
            wait_for(killed.is_set, 60, "the worker to be killed mid-batch")
            mid = status()
            assert mid["status"] == "running" and 0 < mid["done"] < N_DOMAINS and mid["pending"] > 0, mid
            workers.append(start_worker(db_url, provider.url, "--concurrency", "1", HQ_COMPANYENRICH_RATE="40"))
            progress = []
            final = wait_for(lambda: (progress.append(status()) or progress[-1])["status"] == "completed" and progress[-1],
                             90, "the batch to complete")
            stop_worker(workers[-1])
        finally:
            for w in workers:
                if w.poll() is None:
                    w.kill()
            server.stop()

    good = [d for d in domains if d not in domains[18:20]]
    # every domain was fetched (answered to a live worker) exactly once, the killed request included
    assert {d: provider.fetched[d] for d in good} == {d: 1 for d in good}
    assert provider.auth == {"Bearer test-key"}
    assert final["done"] == len(good) and final["failed"] == 3 and final["pending"] == 0
    reasons = {f["domain"]: f["error"] for f in final["failures"]}
    assert reasons["not a domain"] == "not a domain"
    assert all(reasons[d].startswith("HTTP 404") for d in domains[18:20]), reasons
    assert final["eta_seconds"] == 0 and final["rate_per_second"] > 0
    assert all(p["eta_seconds"] is not None for p in progress if p["pending"] > 0)
    assert [p["done"] for p in progress] == sorted(p["done"] for p in progress)

    with psycopg.connect(db_url, autocommit=True) as conn:
        # one raw row per fetched domain; each similar company is a golden company
        assert conn.execute("SELECT count(*), count(DISTINCT domain) FROM raw.company_enrich_similar_raw").fetchone() == (len(good), len(good))
        assert conn.execute("SELECT count(*) FROM raw.company_enrich_similar_raw WHERE extraction_status <> 'extracted'").fetchone()[0] == 0
        golden = conn.execute(
            "SELECT count(*) FROM extracted.company_enrich_similar x JOIN core.companies_full f ON f.domain = x.similar_domain "
            "WHERE f.name IS NOT NULL AND f.country = 'Germany' AND f.sources ->> 'name' = 'companyenrich'").fetchone()[0]
        assert golden == 3 * len(good)
        runs = conn.execute("SELECT count(*) FROM reference.enrichment_runs WHERE workflow_slug = 'company-enrich-similar-company'").fetchone()[0]
        assert runs == 3 * len(good)
        retried = conn.execute("SELECT job_id FROM raw.company_enrich_similar_batch_items WHERE domain = %s", (domains[5],)).fetchone()[0]

    # the 429's job: two attempts, the error and the Retry-After delay recorded
    server = serve(db_url)
    try:
        job = server.get(f"/api/jobs/{retried}", key="query").json()
        assert job["status"] == "succeeded" and job["attempts"] == 2, job
        assert job["errors"][0]["http_status"] == 429 and job["errors"][0]["retry_in_seconds"] == 1
        types = [e["type"] for e in job["events"]]
        assert types[:2] == ["deferred", "started"] and "deferred_for_retry" in types and types[-1] == "succeeded"
        assert server.get("/api/jobs/999999999", key="query").status_code == 404
        assert server.get("/api/companies/similar/not-a-uuid", key="query").json()["error"]["field"] == "batch_id"

        # the same domains again: answered from the stored responses, only the failed ones are queued
        again = server.post("/api/companies/similar", key="ingest", json={"domains": domains}).json()
        assert again["reused"] == len(good) and again["queued"] == 2
        refetch = server.post("/api/companies/similar", key="ingest", json={"domains": domains[:2], "refetch": True}).json()
        assert refetch["queued"] == 2 and refetch["reused"] == 0
        assert server.post("/api/companies/similar", key="ingest", json={"domains": []}).status_code == 422
        too_many = server.post("/api/companies/similar", key="ingest", json={"domains": ["a.com"] * 10_001})
        assert too_many.status_code == 422 and too_many.json()["error"]["field"] == "domains"
    finally:
        server.stop()

    out = subprocess.run([HQ, "jobs", "--status", "todo"], env={**os.environ, "DATABASE_URL": db_url, "COLUMNS": "200"},
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "hq.similar_fetch succeeded: " in out.stdout and "hq.similar_fetch todo: 4" in out.stdout
    one = subprocess.run([HQ, "jobs", str(retried)], env={**os.environ, "DATABASE_URL": db_url}, capture_output=True, text=True)
    assert one.returncode == 0 and json.loads(one.stdout)["errors"][0]["http_status"] == 429
    assert scalar(db_url, "SELECT count(*) FROM procrastinate.procrastinate_jobs WHERE status = 'doing'") == 0


def test_an_answer_the_database_cannot_store_fails_its_domain_after_the_last_attempt(db_url):
    with OutboundServer() as provider:
        provider.faults["nul.example"] = ["nul", "nul"]
        server = serve(db_url)
        worker = None
        try:
            batch = server.post("/api/companies/similar", key="ingest", json={"domains": ["nul.example", "fine.example"]}).json()
            worker = start_worker(db_url, provider.url, HQ_JOB_MAX_ATTEMPTS="2")
            final = wait_for(lambda: (s := server.get(f"/api/companies/similar/{batch['batch_id']}", key="query").json())["status"] == "completed" and s,
                             60, "the batch to settle")
            stop_worker(worker)
        finally:
            if worker and worker.poll() is None:
                worker.kill()
            server.stop()
    assert (final["done"], final["failed"]) == (1, 1)
    failure = final["failures"][0]
    assert failure["domain"] == "nul.example" and "\\u0000" in failure["error"], failure
    job_id = scalar(db_url, "SELECT job_id FROM raw.company_enrich_similar_batch_items WHERE domain = 'nul.example'")
    assert scalar(db_url, "SELECT status::text FROM procrastinate.procrastinate_jobs WHERE id = %s", (job_id,)) == "failed"
    assert scalar(db_url, "SELECT count(*) FROM core.job_errors WHERE job_id = %s", (job_id,)) == 2
