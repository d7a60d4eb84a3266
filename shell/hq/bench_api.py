"""`hq bench api`: the HTTP shell's cost, measured against the same SQL call
made straight over database sessions in the same run.

A scratch database beside DATABASE_URL's is created, migrated and loaded with
N people (the set-up of `hq bench leads`), then `hq serve` is started on it.
Two calls are measured, each at concurrency 1, 16 and 32 (leads: 1 and 16):

- webhook: POST /ingest/clay-person-profile with a person profile built like
  tests/fixtures/clay-person-profile.json (a new person each call), against
  `SELECT api.ingest('clay-person-profile', payload)` as hq_ingest;
- leads: POST /api/leads with a filter (functions, seniorities, company
  country), against `SELECT api.leads(filters, 50, NULL)` as hq_api.

Each line prints p50/p95/p99 and throughput through HTTP and direct, the p50
difference (the shell's overhead per call) and the throughput ratio. A last
line times GET /health while a webhook waits on a row lock another session
holds, against GET /health with nothing waiting. The
client runs on the same machine as the server and the database, so on a small
machine the ratios include the client's own CPU. The scratch database is
dropped at the end.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import httpx
import psycopg
from psycopg import sql
from urllib.parse import urlsplit, urlunsplit
from psycopg.types.json import Jsonb

from hq.bench import _person_payload, _setup
from hq.localpg import free_port

LEADS_BODY = {"job_functions": ["Engineering", "Data"], "seniorities": ["VP", "Director", "Head"],
              "company_countries": ["Germany"], "limit": 50}


def _percentiles(lat: list[float]) -> tuple[float, float, float]:
    if len(lat) < 2:
        v = lat[0] * 1000 if lat else 0.0
        return v, v, v
    q = statistics.quantiles(lat, n=100, method="inclusive")
    return q[49] * 1000, q[94] * 1000, q[98] * 1000


def _load(n: int, conc: int, make_worker) -> tuple[list[float], float]:
    """Run n calls over `conc` threads, each with its own client made by
    make_worker() -> (call(i), close()); return (latencies s, wall time s).
    Clients are set up before the clock starts."""
    lat: list[float] = []
    counter = iter(range(n))
    lock = threading.Lock()
    barrier = threading.Barrier(conc + 1)
    errors: list[BaseException] = []

    def run():
        call, close = make_worker()
        try:
            barrier.wait()
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                call(i)
                lat.append(time.perf_counter() - t0)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            close()

    threads = [threading.Thread(target=run) for _ in range(conc)]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise RuntimeError(f"bench call failed: {errors[0]}") from errors[0]
    return lat, wall


class _Server:
    """`hq serve` on the scratch database (its request log discarded)."""

    def __init__(self, url: str, workers: int):
        self.port = free_port()
        self.err = tempfile.TemporaryFile()
        env = {**os.environ, "DATABASE_URL": url, "HQ_RATE_LIMIT": "0", "HQ_POOL_SIZE": "32"}
        env.pop("HQ_APP_DATABASE_URL", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "hq.cli", "serve", "--port", str(self.port),
                                      "--workers", str(workers)], env=env,
                                     stdout=subprocess.DEVNULL, stderr=self.err)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.err.seek(0)
                raise RuntimeError(f"hq serve exited: {self.err.read().decode()[-500:]}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("hq serve did not answer /health in 120 s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _scratch_url(url: str) -> tuple[str, str]:
    """A new database name beside DATABASE_URL's, and its URL."""
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'hq'}_bench_api_{uuid.uuid4().hex[:6]}"
    return name, urlunsplit(parts._replace(path="/" + name))


def bench_api(url: str, people: int, requests: int, out, workers: int = 1) -> list[dict]:
    from hq.deploy import migrate

    name, scratch = _scratch_url(url)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        t0 = time.perf_counter()
        migrate(scratch)
        with psycopg.connect(scratch) as conn:
            with conn.transaction():
                _setup(conn, people, 0, out)
            keys = {s: conn.execute("SELECT api.create_api_key(%s, 'bench-api')", (s,)).fetchone()[0]
                    for s in ("ingest", "query")}
            conn.commit()
        out.print(f"scratch database {name} migrated and loaded in {time.perf_counter() - t0:.1f} s", highlight=False)
        server = _Server(scratch, workers)
        try:
            return _measure(scratch, server.port, keys, requests, out, workers)
        finally:
            server.stop()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _measure(scratch: str, port: int, keys: dict, requests: int, out, workers: int) -> list[dict]:
    from hq.models import Filters

    base = f"http://127.0.0.1:{port}"
    filters = Filters(**LEADS_BODY).sql_filters()
    serial = iter(range(10**9))
    lock = threading.Lock()

    def next_person(tag: str) -> dict:
        with lock:
            i = next(serial)
        return _person_payload(i, f"api{tag}")

    def http_worker(path: str, scope: str, body):
        def make():
            client = httpx.Client(base_url=base, timeout=120, headers={"X-API-Key": keys[scope]})

            def call(_i):
                r = client.post(path, json=body())
                if r.status_code >= 300:
                    raise RuntimeError(f"{path}: {r.status_code} {r.text[:200]}")
            return call, client.close
        return make

    def sql_worker(role: str, query: str, params):
        def make():
            conn = psycopg.connect(scratch, autocommit=True)
            conn.execute(f"SET ROLE {role}")  # constant role names; the server's pools do the same

            def call(_i):
                conn.execute(query, params()).fetchone()
            return call, conn.close
        return make

    cases = [
        ("webhook", (1, 16, 32),
         http_worker("/ingest/clay-person-profile", "ingest", lambda: next_person("h")),
         sql_worker("hq_ingest", "SELECT api.ingest('clay-person-profile', %s, NULL, NULL)",
                    lambda: (Jsonb(next_person("d")),))),
        ("leads", (1, 16),
         http_worker("/api/leads", "query", lambda: LEADS_BODY),
         sql_worker("hq_api", "SELECT api.leads(%s, 50, NULL)", lambda: (filters,))),
    ]
    out.print(f"{requests} calls per line; server: {workers} worker(s); times in ms", highlight=False)
    metrics = []
    for name, levels, http_make, sql_make in cases:
        for conc in levels:
            d_lat, d_wall = _load(requests, conc, sql_make)
            h_lat, h_wall = _load(requests, conc, http_make)
            h, d = _percentiles(h_lat), _percentiles(d_lat)
            h_rate, d_rate = requests / h_wall, requests / d_wall
            out.print(
                f"{name} c={conc}: http p50 {h[0]:.2f} p95 {h[1]:.2f} p99 {h[2]:.2f}, {h_rate:.0f}/s | "
                f"direct p50 {d[0]:.2f} p95 {d[1]:.2f} p99 {d[2]:.2f}, {d_rate:.0f}/s | "
                f"overhead p50 {h[0] - d[0]:+.2f} ms, p50 ratio {h[0] / d[0]:.2f}x, "
                f"throughput http/direct {h_rate / d_rate:.2f}", highlight=False)
            metrics.append({"metric": f"api: {name} over HTTP vs direct sessions at c={conc}", "value": h_rate,
                            "baseline": d_rate, "ratio": h_rate / d_rate, "unit": "calls/s"})
    metrics.append(_health_under_lock(scratch, base, keys, requests))
    m = metrics[-1]
    out.print(f"health while a webhook waits on a lock: p50 {m['p50']:.2f} p95 {m['value']:.2f} max {m['max']:.2f} | "
              f"unlocked p50 {m['unlocked_p50']:.2f} p95 {m['baseline']:.2f}", highlight=False)
    return metrics


def _health_under_lock(scratch: str, base: str, keys: dict, requests: int) -> dict:
    """GET /health while a webhook waits on a row lock another session holds
    (the reliability issue's check), against GET /health with nothing
    waiting, both over one client. The p95 is the metric."""
    n = max(20, min(requests, 200))
    who = _person_payload(10**8, "lock")
    with httpx.Client(base_url=base, timeout=120) as client:
        first = client.post("/ingest/clay-person-profile", json=who, headers={"X-API-Key": keys["ingest"]})
        if first.status_code >= 300:
            raise RuntimeError(f"lock set-up webhook: {first.status_code} {first.text[:200]}")

        def timed() -> list[float]:
            lat = []
            for _ in range(n):
                t0 = time.perf_counter()
                if client.get("/health").status_code != 200:
                    raise RuntimeError("GET /health did not answer 200")
                lat.append(time.perf_counter() - t0)
            return lat

        unlocked = timed()
        with psycopg.connect(scratch) as locker, psycopg.connect(scratch, autocommit=True) as watcher:
            locker.execute("SELECT 1 FROM core.person_job_titles WHERE linkedin_url = %s FOR UPDATE",
                           (who["url"],)).fetchall()
            result: dict = {}
            blocked = threading.Thread(target=lambda: result.update(r=httpx.post(
                f"{base}/ingest/clay-person-profile", json={**who, "title": "VP of Engineering"},
                headers={"X-API-Key": keys["ingest"]}, timeout=120)))
            blocked.start()
            deadline = time.monotonic() + 30
            while watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND datname = current_database()").fetchone()[0] < 1:
                if time.monotonic() > deadline:
                    raise RuntimeError("the webhook never waited on the lock")
                time.sleep(0.02)
            locked = timed()
            still_waiting = blocked.is_alive()
            locker.rollback()
            blocked.join(timeout=120)
        answer = result.get("r")  # absent when the request itself raised (the thread printed why)
        if not still_waiting or answer is None or answer.status_code >= 300:
            raise RuntimeError("the locked webhook did not wait for the lock, or failed after it")
    lp, up = _percentiles(locked), _percentiles(unlocked)
    return {"metric": "api: GET /health while a webhook waits on a lock vs unlocked (p95)", "value": lp[1],
            "baseline": up[1], "ratio": lp[1] / up[1] if up[1] else None, "unit": "ms",
            "p50": lp[0], "max": max(locked) * 1000, "unlocked_p50": up[0]}
