"""Database outages under a running `hq serve`: a stopped PostgreSQL is a
prompt 503 in the error shape with Retry-After, and once it is back the very
first requests succeed; a write whose connection breaks mid-call says its
outcome is unknown and to retry with the Idempotency-Key."""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from hq.localpg import LocalCluster
from live import start_server

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PROFILE = json.loads((FIXTURES / "clay-person-profile.json").read_text())


def person(i) -> dict:
    p = copy.deepcopy(PROFILE)
    p["url"] = f"https://www.linkedin.com/in/outage-test-{i}"
    return p


@pytest.fixture
def own_cluster():
    """A cluster of its own, so stopping it disturbs no other test."""
    tmp = Path(tempfile.mkdtemp(prefix="hq-outage-pg-"))
    os.chmod(tmp, 0o755)
    cluster = LocalCluster(tmp / "data", dbname="hq_outage")
    try:
        cluster.start(fast=True)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def restart_on_same_port(cluster: LocalCluster) -> None:
    port = cluster.port
    cluster._run([str(cluster.bindir / "pg_ctl"), "-D", str(cluster.datadir), "-o",
                  f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off",
                  "-l", str(cluster.datadir / "server.log"), "-w", "-t", "60", "start"])


def test_outage_is_503_then_the_first_requests_after_recovery_succeed(own_cluster):
    url = own_cluster.url()
    server = start_server(url, env={"HQ_POOL_TIMEOUT": "2", "HQ_CONNECT_TIMEOUT": "2"}, wait=180)
    try:
        for i in range(3):  # warm every pool
            assert server.post("/ingest/clay-person-profile", key="ingest", json=person(i)).status_code == 202
            assert server.post("/api/leads", key="query", json={"limit": 1}).status_code == 200
        own_cluster.stop()

        for path, key, body in (("/api/leads", "query", {"limit": 1}),
                                ("/ingest/clay-person-profile", "ingest", person(10))):
            t0 = time.monotonic()
            r = server.post(path, key=key, json=body)
            assert time.monotonic() - t0 < 20, "an outage is answered, not hung"
            assert r.status_code == 503, r.text
            assert r.headers["content-type"].startswith("application/json")
            assert r.json()["error"]["code"] == "database_unavailable"
            assert int(r.headers["Retry-After"]) >= 1
        assert server.get("/health").status_code == 503

        restart_on_same_port(own_cluster)
        # no failed first request: stale pooled connections are replaced before use
        r = server.post("/api/leads", key="query", json={"limit": 1})
        assert r.status_code == 200, r.text
        r = server.post("/ingest/clay-person-profile", key="ingest", json=person(11))
        assert r.status_code == 202, r.text
        assert server.get("/health").status_code == 200
        with psycopg.connect(url) as conn:
            n = conn.execute("SELECT count(*) FROM raw.person_payloads WHERE linkedin_url LIKE '%outage-test-1_'").fetchone()[0]
        assert n == 1  # the refused one was not stored, the one after recovery was
    finally:
        server.stop()


def test_a_write_whose_connection_breaks_says_retry_with_the_idempotency_key(live_server, db_url):
    assert live_server.post("/ingest/clay-person-profile", key="ingest", json=person(20)).status_code == 202
    with psycopg.connect(db_url) as locker, psycopg.connect(db_url, autocommit=True) as admin:
        locker.execute("SELECT 1 FROM core.person_job_titles WHERE linkedin_url = %s FOR UPDATE", (person(20)["url"],))
        with ThreadPoolExecutor(1) as pool:
            fut = pool.submit(live_server.post, "/ingest/clay-person-profile", key="ingest",
                              json={**person(20), "title": "Chief Executive Officer"},
                              headers={"Idempotency-Key": "retry-me-1"})
            deadline = time.monotonic() + 20
            pid = None
            while pid is None and time.monotonic() < deadline:
                row = admin.execute("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                    "AND usename = 'hq_app' AND datname = current_database()").fetchone()
                pid = row and row[0]
                time.sleep(0.05)
            assert pid, "the webhook should be waiting on the lock"
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            r = fut.result(timeout=60)
        locker.rollback()
    assert r.status_code == 503, r.text
    err = r.json()["error"]
    assert err["code"] == "outcome_unknown" and "Idempotency-Key" in err["message"]
    assert r.headers["Retry-After"]
    # the retry the answer asks for: stored once
    r = live_server.post("/ingest/clay-person-profile", key="ingest", json={**person(20), "title": "Chief Executive Officer"},
                         headers={"Idempotency-Key": "retry-me-1"})
    assert r.status_code == 202, r.text
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM raw.person_payloads WHERE idempotency_key = 'retry-me-1'").fetchone()[0] == 1


def test_a_recently_used_connection_ended_by_the_server_is_replaced_before_a_webhook_gets_it(live_server, db_url):
    # A pooled connection used a moment ago is handed out without a round trip
    # only while nothing waits on its socket; a terminated backend's FATAL
    # message and closed socket make it readable, so it is checked, found
    # broken and replaced. Handed out as it was, the webhook's key check would
    # run on it and fail as a lost write (503 outcome_unknown).
    for i in range(3):
        assert live_server.post("/ingest/clay-person-profile", key="ingest", json=person(40 + i)).status_code == 202
    backends = "SELECT count(*) FROM pg_stat_activity WHERE usename = 'hq_app' AND datname = current_database()"
    with psycopg.connect(db_url, autocommit=True) as admin:
        ended = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                              "WHERE usename = 'hq_app' AND datname = current_database()").fetchone()[0]
        assert ended >= 1
        deadline = time.monotonic() + 20
        while admin.execute(backends).fetchone()[0] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert admin.execute(backends).fetchone()[0] == 0, "the terminated backends should be gone"
    r = live_server.post("/ingest/clay-person-profile", key="ingest", json=person(43))
    assert r.status_code == 202, r.text
    r = live_server.post("/api/leads", key="query", json={"limit": 1})
    assert r.status_code == 200, r.text


def test_the_pool_hands_out_the_connection_returned_last(db_url):
    from hq.http import _pool
    from hq.roles import app_database_url

    pool = _pool(app_database_url(db_url), "hq_api", 3)
    pool.open(wait=True)
    try:
        with pool.connection() as a, pool.connection() as b, pool.connection() as c:
            pids = [x.info.backend_pid for x in (a, b, c)]
        # returned c, b, a: a came back last, so it goes out next, then again
        for _ in range(3):
            with pool.connection() as again:
                assert again.info.backend_pid == pids[0]
        with pool.connection() as first, pool.connection() as second:
            assert [first.info.backend_pid, second.info.backend_pid] == [pids[0], pids[1]]
    finally:
        pool.close()
