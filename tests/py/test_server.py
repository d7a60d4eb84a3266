"""The server side of the HTTP API, over a socket against a real `hq serve`:
concurrency (a lock wait never blocks other routes), request ids and JSON
logs, keys checked before the body, body limits and timeouts, rate limit,
CORS, signed webhooks."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest

from live import start_server

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PROFILE = json.loads((FIXTURES / "clay-person-profile.json").read_text())


def person(i: int | str) -> dict:
    p = copy.deepcopy(PROFILE)
    p["url"] = f"https://www.linkedin.com/in/server-test-{i}"
    p["slug"] = f"server-test-{i}"
    return p


def wait_until(pred, timeout: float = 20, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_webhook_waiting_on_a_lock_does_not_block_other_routes(live_server, db_url):
    first = live_server.post("/ingest/clay-person-profile", key="ingest", json=person(1))
    assert first.status_code == 202, first.text
    with psycopg.connect(db_url) as locker:
        locker.execute("SELECT 1 FROM core.person_job_titles WHERE linkedin_url = %s FOR UPDATE", (person(1)["url"],)).fetchone()
        with ThreadPoolExecutor(1) as pool:
            blocked = pool.submit(live_server.post, "/ingest/clay-person-profile", key="ingest",
                                  json={**person(1), "title": "VP of Engineering"})
            with psycopg.connect(db_url, autocommit=True) as watcher:
                wait_until(lambda: watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                ).fetchone()[0] >= 1, what="the webhook to wait on the row lock")
            # the webhook is blocked in the database; every other route answers meanwhile
            for _ in range(3):
                assert live_server.get("/health").status_code == 200
                r = live_server.post("/api/leads", key="query", json={"limit": 5})
                assert r.status_code == 200, r.text
                assert live_server.get("/api/filters/seniorities", key="query").status_code == 200
                assert not blocked.done(), "the webhook should still be waiting on the lock"
            locker.rollback()
            assert blocked.result(timeout=60).status_code == 202


def _log_lines(server) -> list[dict]:
    server.stop()
    lines = []
    for line in server.log().splitlines():
        line = line.strip()
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def test_one_json_log_line_per_request_with_request_id_and_no_secrets(db_url):
    server = start_server(db_url)
    try:
        marker = "payload-marker-" + uuid.uuid4().hex
        body = {**person(2), "summary": marker}
        r = server.post("/ingest/clay-person-profile", key="ingest", json=body,
                        headers={"X-Request-Id": "clay-row-42"})
        assert r.status_code == 202 and r.headers["X-Request-Id"] == "clay-row-42"
        r2 = server.post("/api/leads", key="query", json={"limit": 1},
                         headers={"X-Request-Id": "bad id with spaces\x7f"})
        generated = r2.headers["X-Request-Id"]
        assert generated != "bad id with spaces\x7f" and len(generated) >= 16
        assert server.get("/no/such/route").status_code == 404
        assert server.post("/api/leads", json={"limit": 1}).status_code == 401
        with psycopg.connect(db_url) as conn:
            ingest_id = conn.execute("SELECT api.verify_api_key(%s, 'ingest')", (server.keys["ingest"],)).fetchone()[0]
    finally:
        lines = _log_lines(server)
    out = "\n".join(json.dumps(x) for x in lines)
    by_id = {x["request_id"]: x for x in lines}
    hook = by_id["clay-row-42"]
    assert hook["method"] == "POST" and hook["route"] == "/ingest/{workflow_slug}" and hook["status"] == 202
    assert hook["key_id"] == str(ingest_id) and hook["duration_ms"] > 0
    assert by_id[generated]["route"] == "/api/leads" and by_id[generated]["status"] == 200
    assert any(x["status"] == 404 and x["route"] is None for x in lines)
    assert any(x["status"] == 401 and x["key_id"] is None for x in lines)
    for secret in server.keys.values():
        assert secret not in out
    assert marker not in out and "sam-rivera" not in out


def raw_request(port: int, head: str, body: bytes = b"", timeout: float = 15) -> tuple[int, dict, bytes, float]:
    """Send a request over a bare socket; return (status, headers, body, seconds to the answer)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    t0 = time.monotonic()
    try:
        s.sendall(head.encode() + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        elapsed = time.monotonic() - t0
        head_raw, _, rest = data.partition(b"\r\n\r\n")
        lines = head_raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
        want = int(headers.get("content-length", "0"))
        while len(rest) < want:
            chunk = s.recv(65536)
            if not chunk:
                break
            rest += chunk
        return status, headers, rest, elapsed
    finally:
        s.close()


def test_keys_are_checked_before_the_body_is_read(live_server):
    port = live_server.port
    huge = 300 * 1024 * 1024
    boundary = "x" * 16
    # a multipart upload announcing 300 MB, none of it sent: answered from the headers alone
    head = (f"POST /ingest/salesnav/export HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {huge}\r\n\r\n")
    status, headers, body, _ = raw_request(port, head)
    assert status == 401 and json.loads(body)["error"]["code"] == "unauthorized"
    assert headers.get("connection") == "close"
    status, _, body, _ = raw_request(port, head.replace("Host: x\r\n", "Host: x\r\nX-API-Key: hq_ingest_nope\r\n"))
    assert status == 403 and json.loads(body)["error"]["code"] == "forbidden"
    # a query key is not an ingest key, refused before the body too
    status, _, body, _ = raw_request(port, head.replace("Host: x\r\n", f"Host: x\r\nX-API-Key: {live_server.keys['query']}\r\n"))
    assert status == 403
    # the JSON webhook route the same way
    head = (f"POST /ingest/clay-person-profile HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {huge}\r\n\r\n")
    status, _, body, _ = raw_request(port, head)
    assert status == 401
    # and a query route with a body
    status, _, body, _ = raw_request(port, head.replace("/ingest/clay-person-profile", "/api/leads"))
    assert status == 401


def test_body_limits_answer_413_in_the_error_shape(db_url):
    server = start_server(db_url, env={"HQ_MAX_BODY_BYTES": "20000", "HQ_MAX_UPLOAD_BYTES": "50000"})
    try:
        port, key = server.port, server.keys["ingest"]
        # announced too large: refused from Content-Length, nothing read
        head = (f"POST /ingest/clay-person-profile HTTP/1.1\r\nHost: x\r\nX-API-Key: {key}\r\n"
                f"Content-Type: application/json\r\nContent-Length: 20001\r\n\r\n")
        status, headers, body, _ = raw_request(port, head)
        assert status == 413, body
        err = json.loads(body)["error"]
        assert err["code"] == "payload_too_large" and "HQ_MAX_BODY_BYTES" in err["message"]
        # chunked, no length: cut off once it goes over
        big = json.dumps({**person(3), "summary": "x" * 30000}).encode()
        r = server.post("/ingest/clay-person-profile", key="ingest", content=iter([big[:10000], big[10000:]]),
                        headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
        # under the limit: accepted
        assert server.post("/ingest/clay-person-profile", key="ingest", json=person(3)).status_code == 202
        # uploads have their own, larger limit: 30 KB passes the upload limit though over the JSON one
        csv_text = (FIXTURES / "salesnav-export.csv").read_text()
        pad = csv_text + "\n" * max(0, 30000 - len(csv_text))
        r = server.post("/ingest/salesnav/export", key="ingest", files={"file": ("s.csv", pad, "text/csv")})
        assert r.status_code == 202, r.text
        r = server.post("/ingest/salesnav/export", key="ingest",
                        files={"file": ("s.csv", csv_text + "\n" * 60000, "text/csv")})
        assert r.status_code == 413 and "HQ_MAX_UPLOAD_BYTES" in r.json()["error"]["message"]
        # the JSON query routes take the JSON limit
        r = server.post("/api/leads", key="query", content=b'{"limit": 5, "x": "' + b"y" * 30000 + b'"}',
                        headers={"Content-Type": "application/json"})
        assert r.status_code == 413
    finally:
        server.stop()


def test_slow_clients_are_cut_off(db_url):
    server = start_server(db_url, env={"HQ_HEADER_TIMEOUT": "1", "HQ_BODY_TIMEOUT": "1.5"})
    try:
        port, key = server.port, server.keys["ingest"]
        # headers that never finish: the connection is closed
        s = socket.create_connection(("127.0.0.1", port), timeout=20)
        t0 = time.monotonic()
        s.sendall(b"POST /ingest/clay-person-profile HTTP/1.1\r\nHost: x\r\n")
        assert s.recv(1024) == b""  # closed by the server
        assert time.monotonic() - t0 < 15
        s.close()
        # a connection that sends nothing at all
        s = socket.create_connection(("127.0.0.1", port), timeout=20)
        assert s.recv(1024) == b""
        s.close()
        # a body that stalls: 408 in the error shape, then closed
        s = socket.create_connection(("127.0.0.1", port), timeout=20)
        s.sendall((f"POST /ingest/clay-person-profile HTTP/1.1\r\nHost: x\r\nX-API-Key: {key}\r\n"
                   "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"url\": ").encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        assert data.startswith(b"HTTP/1.1 408"), data[:200]
        assert b'"request_timeout"' in data
        # the server still serves
        assert server.get("/health").status_code == 200
    finally:
        server.stop()
