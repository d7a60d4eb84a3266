"""Shared by the job tests: a live `hq serve` that may call 127.0.0.1, and
`hq worker` processes pointed at a local fake provider/webhook."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from live import start_server

HQ = str(Path(sys.executable).parent / "hq")

# fast retries and stall detection, so failures and a killed worker play out in seconds
# (stalled after 8 missed heartbeats: a live worker slowed by a loaded machine is not taken for dead)
WORKER_ENV = {"HQ_JOB_BACKOFF_BASE": "0.2", "HQ_JOB_BACKOFF_MAX": "2", "HQ_OUTBOUND_TIMEOUT": "0.6",
              "HQ_WORKER_HEARTBEAT": "0.5", "HQ_WORKER_STALLED_AFTER": "4", "HQ_JOB_MAX_ATTEMPTS": "6",
              "HQ_LOG_LEVEL": "WARNING", "HQ_OUTBOUND_HOSTS": "127.0.0.1"}


def serve(db_url: str):
    return start_server(db_url, env={"HQ_OUTBOUND_HOSTS": "127.0.0.1"})


def start_worker(db_url: str, provider_url: str, *args: str, **env: str) -> subprocess.Popen:
    full = {**os.environ, **WORKER_ENV, "DATABASE_URL": db_url, "HQ_COMPANYENRICH_URL": provider_url,
            "HQ_COMPANYENRICH_KEY": "test-key", **env}
    return subprocess.Popen([HQ, "worker", *args], env=full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop_worker(proc: subprocess.Popen, timeout: float = 30) -> str:
    """SIGTERM, wait for the graceful exit, return what it printed."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise AssertionError("hq worker did not stop within 30 s of SIGTERM")
    return proc.stdout.read() if proc.stdout else ""


def wait_for(fn, timeout: float, what: str, interval: float = 0.25):
    """Poll fn() until it returns something truthy; fail after timeout."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}; last: {last!r}")


def scalar(db_url: str, query: str, params: tuple = ()):
    with psycopg.connect(db_url, autocommit=True) as conn:
        return conn.execute(query, params).fetchone()[0]
