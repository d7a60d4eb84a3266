"""HQ_READ_DATABASE_URL: query routes read from a real streaming replica
(pg_basebackup -R of a primary on a free port) while ingest writes to the
primary; when the replica is down, reads fall back to the primary with a
log line saying so."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from hq.deploy import migrate
from hq.localpg import LocalCluster
from live import start_server

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def primary_and_standby():
    tmp = Path(tempfile.mkdtemp(prefix="hq-replica-"))
    os.chmod(tmp, 0o755)
    primary = LocalCluster(tmp / "primary", dbname="hq")
    standby = None
    try:
        primary.start(fast=True)
        migrate(primary.url())
        standby = primary.create_standby(tmp / "standby")
        standby.start(fast=True)
        yield primary, standby
    finally:
        for cluster in (standby, primary):
            if cluster is not None:
                cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def wait_for_replay(primary: LocalCluster, standby: LocalCluster, timeout: float = 30) -> None:
    with psycopg.connect(primary.url(), autocommit=True) as p:
        target = p.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    deadline = time.monotonic() + timeout
    with psycopg.connect(standby.url("hq"), autocommit=True) as s:
        while time.monotonic() < deadline:
            if s.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()[0]:
                return
            time.sleep(0.1)
    raise AssertionError("the standby did not replay the primary's WAL in time")


def company_payload(domain: str) -> dict:
    payload = json.loads((FIXTURES / "companyenrich-company.json").read_text())
    payload["domain"] = domain
    return payload


def companies(server, domain: str) -> list:
    r = server.post("/api/companies", key="query", json={"company_domains": [domain]})
    assert r.status_code == 200, r.text
    return [row["domain"] for row in r.json()["data"]]


def test_query_routes_read_the_replica_and_fall_back_to_the_primary(primary_and_standby):
    primary, standby = primary_and_standby
    with psycopg.connect(standby.url("hq")) as s:
        assert s.execute("SELECT pg_is_in_recovery()").fetchone()[0], "a real standby"
    server = start_server(primary.url(), env={"HQ_READ_DATABASE_URL": standby.url("hq")})
    try:
        r = server.post("/ingest/companyenrich-company", key="ingest", json=company_payload("replica-one.example"))
        assert r.status_code == 202, r.text
        wait_for_replay(primary, standby)
        assert companies(server, "replica-one.example") == ["replica-one.example"]

        # replay paused: what the primary has and the standby has not yet is not read
        with psycopg.connect(standby.url("hq"), autocommit=True) as s:
            s.execute("SELECT pg_wal_replay_pause()")
        r = server.post("/ingest/companyenrich-company", key="ingest", json=company_payload("replica-two.example"))
        assert r.status_code == 202, r.text
        assert companies(server, "replica-two.example") == [], "query routes read the replica, not the primary"
        with psycopg.connect(standby.url("hq"), autocommit=True) as s:
            s.execute("SELECT pg_wal_replay_resume()")
        wait_for_replay(primary, standby)
        assert companies(server, "replica-two.example") == ["replica-two.example"]

        # the replica goes away: reads fall back to the primary, and the log says so
        standby.stop()
        assert companies(server, "replica-two.example") == ["replica-two.example"]
        assert server.get("/health").status_code == 200
    finally:
        server.stop()
    log = server.log()
    assert "read replica unavailable" in log and "reading from the primary" in log, log[-2000:]
