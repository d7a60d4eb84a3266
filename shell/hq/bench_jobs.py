"""``hq bench jobs``: a similar-companies batch and/or a Clay relay export run
by real ``hq worker`` processes against the local stand-in server
(hq.outbound_fake), with the worker SIGKILLed halfway and restarted.

Prints, per run: elapsed time, the achieved request rate against the
configured one (the baseline of the same run), how many items were
answered more than once, and whether every item ended settled and marked
once. The database is DATABASE_URL (use a scratch database: the run adds a
batch, an export and their companies/people)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
from psycopg.rows import dict_row

from hq.outbound_fake import OutboundServer

HQ = str(Path(sys.executable).parent / "hq")
FAST = {"HQ_JOB_BACKOFF_BASE": "0.5", "HQ_JOB_BACKOFF_MAX": "5", "HQ_OUTBOUND_TIMEOUT": "2",
        "HQ_WORKER_HEARTBEAT": "1", "HQ_WORKER_STALLED_AFTER": "3", "HQ_LOG_LEVEL": "ERROR",
        "HQ_OUTBOUND_HOSTS": "127.0.0.1"}


class _Workers:
    """The worker processes of one run: the latest is SIGKILLed once, at the kill-th request."""

    def __init__(self, url: str, provider: str, concurrency: int, env: dict):
        self.args = [HQ, "worker", "--concurrency", str(concurrency)]
        self.env = {**os.environ, **FAST, "DATABASE_URL": url, "HQ_COMPANYENRICH_URL": provider,
                    "HQ_COMPANYENRICH_KEY": "bench", **env}
        self.procs: list[subprocess.Popen] = []
        self.killed = threading.Event()

    def start(self) -> None:
        self.procs.append(subprocess.Popen(self.args, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

    def hook(self, at: int):
        def before_answer(n, kind, key):
            if n == at and not self.killed.is_set():
                self.procs[-1].kill()
                self.procs[-1].wait()
                self.killed.set()
                return True
            return False
        return before_answer

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    p.kill()


def _wait(conn, query: str, params: tuple, workers: _Workers, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if workers.killed.is_set() and workers.procs[-1].poll() is not None:
            time.sleep(0.5)
            workers.start()  # restart after the kill
        s = conn.execute(query, params).fetchone()["s"]
        if s["pending"] == 0:
            return s
        time.sleep(0.5)
    raise RuntimeError(f"not finished within {timeout:.0f} s: {s}")


def _rate(times: list[float]) -> tuple[float, float]:
    """(overall rate, highest rate over any 20 consecutive requests)."""
    times = sorted(times)
    if len(times) < 2:
        return 0.0, 0.0
    k = min(20, len(times) - 1)
    peak = max(k / max(times[i + k] - times[i], 1e-9) for i in range(len(times) - k))
    return (len(times) - 1) / (times[-1] - times[0]), peak


def bench_similar(url: str, out, domains: int, rate: float, concurrency: int) -> list[dict]:
    with OutboundServer(timeout_sleep=3) as fake, psycopg.connect(url, autocommit=True, row_factory=dict_row) as conn:
        names = [f"bench{time.time_ns() % 10**9}-{i}.example" for i in range(domains)]
        # 500s and timeouts only: a 429's Retry-After holds back every request, which is not what a rate figure measures
        for d in names[:: max(1, domains // 20)]:
            fake.faults[d] = ["500"]
        for d in names[3:: max(1, domains // 20)]:
            fake.faults[d] = ["timeout"]
        batch = conn.execute("SELECT api.similar_batch_create(%s) AS s", (names,)).fetchone()["s"]
        workers = _Workers(url, fake.url, concurrency, {"HQ_COMPANYENRICH_RATE": str(rate)})
        fake.before_answer = workers.hook(domains // 2)
        t0 = time.monotonic()
        workers.start()
        try:
            s = _wait(conn, "SELECT api.similar_batch_status(%s) AS s", (batch["batch_id"],), workers, 30 + 4 * domains / rate)
        finally:
            workers.stop()
        elapsed = time.monotonic() - t0
        twice = sum(1 for d in names if fake.fetched[d] > 1)
        golden = conn.execute("SELECT count(*) AS n FROM extracted.company_enrich_similar x JOIN core.companies_full f "
                              "ON f.domain = x.similar_domain WHERE x.source_domain = ANY(%s)", (names,)).fetchone()["n"]
    achieved, peak = _rate(fake.times("similar"))
    out.print(f"similar: {domains} domains in {elapsed:.1f} s, killed once at {domains // 2}; done {s['done']}, "
              f"failed {s['failed']}; requests {len(fake.times('similar'))} (500/timeout injected on "
              f"{2 * len(names[::max(1, domains // 20)])}); fetched twice {twice}; golden similar companies {golden}",
              highlight=False)
    out.print(f"similar: request rate {achieved:.1f}/s overall, {peak:.1f}/s at most over 20 requests, vs configured "
              f"{rate:g}/s: ratios {achieved / rate:.3f} and {peak / rate:.3f}", highlight=False)
    return [{"metric": "jobs: similar-companies request rate vs configured", "value": achieved, "baseline": rate,
             "ratio": achieved / rate, "unit": "requests/s"}]


def bench_relay(url: str, out, rows: int, rate: float, concurrency: int) -> list[dict]:
    from hq.bulk import ingest_stream

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["First name", "Last name", "Job title", "LinkedIn URL (user profile)", "Location", "Company"])
    tag = time.time_ns() % 10**9
    for i in range(rows):
        w.writerow([f"F{i}", f"L{i}", "Head of Sales", f"https://www.linkedin.com/in/bench-{tag}-{i}", "Berlin, Germany", "Acme"])
    with OutboundServer() as fake, psycopg.connect(url, autocommit=False, row_factory=dict_row) as conn:
        loaded = ingest_stream(conn, io.BytesIO(buf.getvalue().encode()), "salesnav-export")
        export = conn.execute("SELECT api.ingest_salesnav_export(%s, %s, 'bench', NULL, NULL, %s::numeric) AS s",
                              (loaded["batch_id"], f"{fake.url}/clay/bench", rate)).fetchone()["s"]
        conn.commit()
        conn.autocommit = True
        for i in range(1, rows + 1, max(1, rows // 20)):
            fake.faults[f"{export['id']}:{i}"] = ["500"]
        workers = _Workers(url, fake.url, concurrency, {})
        fake.before_answer = workers.hook(rows // 2)
        t0 = time.monotonic()
        workers.start()
        try:
            s = _wait(conn, "SELECT api.salesnav_export_status(%s) AS s", (export["id"],), workers, 60 + 3 * rows / rate)
        finally:
            workers.stop()
        elapsed = time.monotonic() - t0
        marked = conn.execute("SELECT count(*) AS n FROM raw.salesnav_clay_outbox WHERE export_id = %s "
                              "AND sent_to_clay_at IS NOT NULL", (export["id"],)).fetchone()["n"]
    keys = [f"{export['id']}:{i}" for i in range(1, rows + 1)]
    missing = sum(1 for k in keys if fake.delivered[k] == 0)
    extra = sum(max(0, fake.delivered[k] - 1) for k in keys)
    achieved, peak = _rate(fake.times("clay"))
    out.print(f"relay: {rows} rows in {elapsed:.1f} s, killed once at {rows // 2}; sent {s['sent']}, marked {marked}, "
              f"failed {s['failed']}; never delivered {missing}; redelivered {extra}", highlight=False)
    out.print(f"relay: request rate {achieved:.1f}/s overall, {peak:.1f}/s at most over 20 requests, vs configured "
              f"{rate:g}/s: ratios {achieved / rate:.3f} and {peak / rate:.3f}", highlight=False)
    return [{"metric": "jobs: Sales Navigator relay request rate vs configured", "value": achieved, "baseline": rate,
             "ratio": achieved / rate, "unit": "requests/s"}]
