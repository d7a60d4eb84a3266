"""The Sales Navigator -> Clay relay end to end: the export is posted to a
live `hq serve`, a real `hq worker` delivers its rows to a local server that
answers like a Clay webhook (429 with Retry-After, 500, timeouts, a 400, a
SIGKILL of the worker mid-export)."""

from __future__ import annotations

import csv
import io
import subprocess
import threading
import time

import psycopg

from jobs_helpers import serve, start_worker, stop_worker, wait_for
from hq.outbound_fake import OutboundServer

HEADERS = ["First name", "Last name", "Job title", "LinkedIn URL (user profile)", "Location", "Company",
           "Company website"]


def export_csv(n: int) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADERS)
    for i in range(1, n + 1):
        w.writerow([f"First{i}", f"Last{i}", "Head of Sales", f"https://www.linkedin.com/in/relay-person-{i}",
                    "Berlin, Germany", f"Company {i % 17}", f"https://company{i % 17}.example"])
    return buf.getvalue().encode()


def post_export(server, path: str, n: int, webhook: str, **form) -> "httpx.Response":  # noqa: F821
    data = {"webhook_url": webhook, "export_title": "Q1 2026 Leads", "export_timestamp": "1/25/2026, 10:15 PM",
            "notes": "relay test", **form}
    return server.post(path, key="ingest", files={"file": ("export.csv", export_csv(n), "text/csv")}, data=data)


def sent_at(db_url: str, export_id: str) -> dict[int, object]:
    with psycopg.connect(db_url, autocommit=True) as conn:
        return dict(conn.execute("SELECT row_num, sent_to_clay_at FROM raw.salesnav_clay_outbox "
                                 "WHERE export_id = %s AND sent_to_clay_at IS NOT NULL", (export_id,)).fetchall())


def test_relay_holds_the_configured_rate(db_url):
    n, rate = 60, 10  # the default rate: the export is posted without rate_per_second
    with OutboundServer() as clay:
        server = serve(db_url)
        worker = None
        try:
            r = post_export(server, "/api/salesnav/exports", n, f"{clay.url}/clay/hook-1")
            assert r.status_code == 202, r.text
            export = r.json()
            assert export["rows"] == n and export["queued"] == n and export["loaded"] == n
            assert export["rate_per_second"] == rate
            worker = start_worker(db_url, clay.url, "--concurrency", "8")
            status = lambda: server.get(f"/api/salesnav/exports/{export['id']}", key="query").json()  # noqa: E731
            final = wait_for(lambda: (s := status())["status"] == "completed" and s, 60, "the export to be relayed")
            stop_worker(worker)
        finally:
            if worker and worker.poll() is None:
                worker.kill()
            server.stop()
    assert final["sent"] == n and final["pending"] == 0 and final["failed"] == 0
    times = sorted(clay.times("clay"))
    assert len(times) == n
    achieved = (n - 1) / (times[-1] - times[0])
    assert 0.9 * rate <= achieved <= 1.1 * rate, f"{achieved:.1f}/s for a configured {rate}/s"
    # no burst either: any 20 consecutive requests (a second's worth) span at least 90% of 20 slots
    assert min(times[i + 20] - times[i] for i in range(n - 20)) >= 0.9 * 20 / rate
    key = f"{export['id']}:7"
    assert clay.delivered[key] == 1
    body = clay.bodies[key]
    assert body["First name"] == "First7" and body["hq_idempotency_key"] == key
    assert body["export_title"] == "Q1 2026 Leads" and body["notes"] == "relay test"


def test_relay_delivers_every_row_and_marks_it_once_across_a_killed_worker(db_url):
    n = 300
    with OutboundServer(timeout_sleep=1.2) as clay:
        server = serve(db_url)
        workers: list[subprocess.Popen] = []
        killed = threading.Event()

        def kill_mid_export(count, kind, key):
            if count == 150 and not killed.is_set():
                workers[-1].kill()
                workers[-1].wait()
                killed.set()
                return True
            return False

        try:
            export = post_export(server, "/api/salesnav/exports", n, f"{clay.url}/clay/hook-2",
                                 rate_per_second="100").json()
            eid = export["id"]
            for i in range(10, 20):
                clay.faults[f"{eid}:{i}"] = ["429:1"]
            for i in range(100, 110):
                clay.faults[f"{eid}:{i}"] = ["500"]
            for i in range(200, 205):
                clay.faults[f"{eid}:{i}"] = ["timeout"]
            clay.before_answer = kill_mid_export
            workers.append(start_worker(db_url, clay.url, "--concurrency", "4"))
            wait_for(killed.is_set, 60, "the worker to be killed mid-export")
            before = sent_at(db_url, eid)
            mid = server.get(f"/api/salesnav/exports/{eid}", key="query").json()
            assert 0 < mid["sent"] < n and mid["pending"] > 0 and mid["status"] == "running", mid
            time.sleep(0.5)
            workers.append(start_worker(db_url, clay.url, "--concurrency", "4"))
            final = wait_for(lambda: (s := server.get(f"/api/salesnav/exports/{eid}", key="query").json())["pending"] == 0 and s,
                             90, "every row to be relayed")
            stop_worker(workers[-1])
        finally:
            for w in workers:
                if w.poll() is None:
                    w.kill()
            server.stop()

    keys = {f"{eid}:{i}" for i in range(1, n + 1)}
    assert set(clay.delivered) == keys, "every row reached the webhook at least once"
    assert final["status"] == "completed" and final["sent"] == n and final["failed"] == 0
    after = sent_at(db_url, eid)
    assert len(after) == n
    # marked once: a row marked before the kill keeps its first mark, redelivered or not
    assert {k: after[k] for k in before} == before
    # redeliveries are only the few rows in flight when the worker died, under the same key
    assert sum(c - 1 for c in clay.delivered.values()) <= 4


def test_relay_stops_on_a_refused_row_and_checks_the_webhook_host(db_url):
    with OutboundServer() as clay:
        server = serve(db_url)
        worker = None
        try:
            for bad in ("http://10.1.2.3/hook", "http://localhost:9/hook", "ftp://127.0.0.1/hook",
                        "http://user:pw@127.0.0.1/hook"):
                r = post_export(server, "/api/salesnav/exports", 3, bad)
                assert r.status_code == 422 and r.json()["error"]["field"] == "webhook_url", (bad, r.text)
            r = post_export(server, "/run/salesnav/export/to-clay", 20, f"{clay.url}/clay/hook-3")
            assert r.status_code == 202 and r.headers["Deprecation"] == "true", r.text
            export = r.json()
            assert export["row_count"] == 20
            clay.faults[f"{export['id']}:6"] = ["400"]
            worker = start_worker(db_url, clay.url, "--concurrency", "1")
            status = lambda: server.get(f"/api/salesnav/exports/{export['id']}", key="query").json()  # noqa: E731
            stopped = wait_for(lambda: (s := status())["status"] == "stopped" and s, 60, "the export to stop")
            delivered_at_stop = len(clay.delivered)
            time.sleep(1.0)
            assert status() == stopped, "nothing is sent after the stop"
            # the webhook is fixed (its one 400 was consumed): resume sends the 15 unsent rows, and only those
            resumed = server.post(f"/api/salesnav/exports/{export['id']}/resume", key="ingest").json()
            assert (resumed["status"], resumed["pending"], resumed["sent"], resumed["error_message"]) == ("queued", 15, 5, None)
            done = wait_for(lambda: (s := status())["status"] == "completed" and s, 60, "the resumed export")
            assert server.post(f"/api/salesnav/exports/{'0' * 8}-0000-0000-0000-{'0' * 12}/resume", key="ingest").status_code == 404
            stop_worker(worker)
        finally:
            if worker and worker.poll() is None:
                worker.kill()
            server.stop()
    assert stopped["sent"] == 5 and stopped["failed"] == 1 and stopped["pending"] == 14
    assert stopped["error_message"].startswith("row 6: HTTP 400"), stopped
    assert stopped["failures"] == [{"row_num": 6, "error": stopped["error_message"][len("row 6: "):], "http_status": 400}]
    assert delivered_at_stop == 5
    assert (done["sent"], done["pending"], done["failed"]) == (20, 0, 0)
    assert all(clay.delivered[f"{export['id']}:{i}"] == 1 for i in range(1, 21))


def test_sigterm_lets_the_job_in_flight_finish(db_url):
    with OutboundServer() as clay:
        server = serve(db_url)
        workers: list[subprocess.Popen] = []

        def terminate_during_first(count, kind, key):
            if count == 1:
                workers[-1].terminate()  # SIGTERM while the worker waits for this (slow) answer
            return False

        try:
            export = post_export(server, "/api/salesnav/exports", 3, f"{clay.url}/clay/hook-4").json()
            clay.faults[f"{export['id']}:1"] = ["slow:1.5"]
            clay.before_answer = terminate_during_first
            workers.append(start_worker(db_url, clay.url, "--concurrency", "1", HQ_OUTBOUND_TIMEOUT="5"))
            assert workers[-1].wait(timeout=30) == 0
            mid = server.get(f"/api/salesnav/exports/{export['id']}", key="query").json()
            clay.before_answer = None
            workers.append(start_worker(db_url, clay.url, "--concurrency", "1"))
            final = wait_for(lambda: (s := server.get(f"/api/salesnav/exports/{export['id']}", key="query").json())["pending"] == 0 and s,
                             30, "the rest of the export")
            stop_worker(workers[-1])
        finally:
            for w in workers:
                if w.poll() is None:
                    w.kill()
            server.stop()
    # the row in flight was answered, marked, and the worker took no new job after the signal
    assert (mid["sent"], mid["pending"]) == (1, 2), mid
    assert final["sent"] == 3 and all(clay.delivered[f"{export['id']}:{i}"] == 1 for i in (1, 2, 3))
