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


def test_rate_limit_per_key_holds_across_workers_and_answers_429(db_url):
    server = start_server(db_url, "--workers", "2", env={"HQ_RATE_LIMIT": "6"})
    try:
        with psycopg.connect(db_url, autocommit=True) as conn:
            pids = {r[0] for r in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE usename = 'hq_app' AND datname = current_database()")}
        codes = []
        with server.client() as c:
            for _ in range(10):
                r = c.post("/api/leads", json={"limit": 1}, headers={"X-API-Key": server.keys["query"], "Connection": "close"})
                codes.append(r.status_code)
                if r.status_code == 429:
                    limited = r
        assert codes[:6] == [200] * 6 and set(codes[6:]) == {429}, codes
        assert int(limited.headers["Retry-After"]) >= 1
        err = limited.json()["error"]
        assert err["code"] == "rate_limited" and "6 requests per minute" in err["message"]
        # another key has its own budget; GET routes count too
        assert server.get("/api/filters/seniorities", key="admin").status_code == 200
        assert server.get("/api/filters/seniorities", key="query").status_code == 429
        assert pids, "the server's pools connect as hq_app"
    finally:
        server.stop()


def test_the_server_connects_as_hq_app_never_a_superuser(live_server, db_url):
    assert live_server.post("/api/leads", key="query", json={"limit": 1}).status_code == 200
    with psycopg.connect(db_url, autocommit=True) as conn:
        users = {r[0] for r in conn.execute(
            "SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'hq-serve' AND datname = current_database()")}
        su = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'hq_app'").fetchone()[0]
    assert users == {"hq_app"} and su is False


def test_cors_origins_from_the_environment(db_url):
    server = start_server(db_url, env={"HQ_CORS_ORIGINS": "https://app.example.com, https://clay.example.com"})
    try:
        r = server.request("OPTIONS", "/api/leads", headers={
            "Origin": "https://clay.example.com", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key, content-type"})
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == "https://clay.example.com"
        assert "x-api-key" in r.headers["access-control-allow-headers"].lower()
        r = server.post("/api/leads", key="query", json={"limit": 1}, headers={"Origin": "https://app.example.com"})
        assert r.headers["access-control-allow-origin"] == "https://app.example.com"
        assert "X-Request-Id" in r.headers["access-control-expose-headers"]
        r = server.post("/api/leads", key="query", json={"limit": 1}, headers={"Origin": "https://evil.example.net"})
        assert "access-control-allow-origin" not in r.headers
    finally:
        server.stop()


def sign(secret: str, msg_id: str, ts: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def test_signed_webhooks_per_workflow(live_server, db_url):
    from live import HQ
    import subprocess

    env = {"DATABASE_URL": db_url, "PATH": str(Path(HQ).parent)}
    proc = subprocess.run([HQ, "workflows", "secret", "clay-person-profile"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    secret = proc.stdout.strip()
    assert secret.startswith("whsec_") and "shown once" in proc.stderr
    body = json.dumps(person(7)).encode()
    url = "/ingest/clay-person-profile"
    hdr = {"Content-Type": "application/json"}
    # unsigned: refused, naming the headers
    r = live_server.post(url, key="ingest", content=body, headers=hdr)
    assert r.status_code == 401 and r.json()["error"]["code"] == "signature_required"
    assert "webhook-signature" in r.json()["error"]["message"]
    # signed: stored
    now = int(time.time())
    signed = {**hdr, "webhook-id": "msg_1", "webhook-timestamp": str(now), "webhook-signature": sign(secret, "msg_1", now, body)}
    r = live_server.post(url, key="ingest", content=body, headers=signed)
    assert r.status_code == 202, r.text
    # the same delivery replayed: refused, stored once
    r = live_server.post(url, key="ingest", content=body, headers=signed)
    assert r.status_code == 409 and r.json()["error"]["code"] == "webhook_replayed"
    # tampered body, wrong secret, stale timestamp: refused
    r = live_server.post(url, key="ingest", content=body.replace(b"Sam", b"Pam"),
                         headers={**signed, "webhook-id": "msg_2", "webhook-signature": sign(secret, "msg_2", now, body)})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_signature"
    other = "whsec_" + base64.b64encode(b"k" * 32).decode()
    r = live_server.post(url, key="ingest", content=body,
                         headers={**signed, "webhook-id": "msg_3", "webhook-signature": sign(other, "msg_3", now, body)})
    assert r.status_code == 401
    old = now - 6 * 60
    r = live_server.post(url, key="ingest", content=body, headers={
        **signed, "webhook-id": "msg_4", "webhook-timestamp": str(old), "webhook-signature": sign(secret, "msg_4", old, body)})
    assert r.status_code == 401 and "too old" in r.json()["error"]["message"]
    # garbage in the signature header is a 401, never a 500
    r = live_server.post(url, key="ingest", content=body, headers={**signed, "webhook-id": "msg_5", "webhook-signature": "v1"})
    assert r.status_code == 401
    # other workflows are unaffected
    company = json.loads((FIXTURES / "clay-find-companies.json").read_text())
    assert live_server.post("/ingest/clay-find-companies", key="ingest", json=company).status_code == 202
    # rotation: the old secret still works during the grace, the new one at once
    proc = subprocess.run([HQ, "workflows", "secret", "clay-person-profile"], env=env, capture_output=True, text=True)
    new = proc.stdout.strip()
    assert new != secret
    for i, s in enumerate((secret, new)):
        mid = f"msg_rot_{i}"
        r = live_server.post(url, key="ingest", content=body, headers={
            **hdr, "webhook-id": mid, "webhook-timestamp": str(now), "webhook-signature": sign(s, mid, now, body)})
        assert r.status_code == 202, r.text
    # rotation with no grace cuts the previous secret off
    proc = subprocess.run([HQ, "workflows", "secret", "clay-person-profile", "--grace", "0"], env=env, capture_output=True, text=True)
    newest = proc.stdout.strip()
    r = live_server.post(url, key="ingest", content=body, headers={
        **hdr, "webhook-id": "msg_cut", "webhook-timestamp": str(now), "webhook-signature": sign(new, "msg_cut", now, body)})
    assert r.status_code == 401
    with psycopg.connect(db_url) as conn:
        n = conn.execute("SELECT count(*) FROM raw.person_payloads WHERE linkedin_url = %s", (person(7)["url"],)).fetchone()[0]
        ids = conn.execute("SELECT count(*) FROM reference.webhook_deliveries WHERE workflow_slug = 'clay-person-profile'").fetchone()[0]
    assert n == 3 and ids == 3
    # removing the secret accepts unsigned webhooks again
    proc = subprocess.run([HQ, "workflows", "secret", "clay-person-profile", "--remove"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0 and newest
    assert live_server.post(url, key="ingest", content=body, headers=hdr).status_code == 202


def hq(db_url: str, *args: str):
    import subprocess

    from live import HQ

    return subprocess.run([HQ, *args], env={"DATABASE_URL": db_url, "PATH": str(Path(HQ).parent)},
                          capture_output=True, text=True)


def test_keys_create_list_revoke_from_the_cli(live_server, db_url):
    made = hq(db_url, "keys", "create", "--scope", "query", "--name", "clay table A")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert key.startswith("hq_query_") and "\n" not in key  # the key alone on stdout
    key_id = made.stderr.strip().removeprefix("id ")
    assert uuid.UUID(key_id)
    as_json = json.loads(hq(db_url, "keys", "create", "--scope", "ingest", "--json").stdout)
    assert set(as_json) >= {"id", "key"} and as_json["key"].startswith("hq_ingest_")
    # last use is recorded when the key is used
    assert live_server.post("/api/leads", key=key, json={"limit": 1}).status_code == 200
    listed = [json.loads(x) for x in hq(db_url, "keys", "list", "--json").stdout.splitlines()]
    mine = next(x for x in listed if x["id"] == key_id)
    assert mine["scope"] == "query" and mine["name"] == "clay table A"
    assert mine["created_at"] and mine["last_used_at"] and mine["revoked_at"] is None
    assert all(key not in json.dumps(x) and "key_hash" not in x for x in listed)
    table = hq(db_url, "keys", "list")
    assert table.returncode == 0 and key_id in table.stdout and "last used" in table.stdout
    # an ambiguous prefix is a clear error and revokes nothing
    with psycopg.connect(db_url) as conn:
        conn.execute("INSERT INTO reference.api_keys (id, scope, key_prefix, key_hash) VALUES "
                     "('eeee1111-0000-4000-8000-000000000001', 'query', 'x', '\\x01'),"
                     "('eeee1111-0000-4000-8000-000000000002', 'query', 'y', '\\x02')")
    amb = hq(db_url, "keys", "revoke", "eeee1111")
    assert amb.returncode == 1 and "ambiguous" in amb.stderr and amb.stderr.count("\n") == 1
    # a unique prefix revokes that key; it then no longer authenticates
    done = hq(db_url, "keys", "revoke", key_id[:8])
    assert done.returncode == 0, done.stderr
    assert live_server.post("/api/leads", key=key, json={"limit": 1}).status_code == 403
    again = hq(db_url, "keys", "revoke", key_id)
    assert again.returncode == 1 and "no active API key" in again.stderr
    listed = [json.loads(x) for x in hq(db_url, "keys", "list", "--json").stdout.splitlines()]
    assert next(x for x in listed if x["id"] == key_id)["revoked_at"]


def test_a_busy_pool_answers_503_after_its_timeout_not_a_hang(db_url):
    server = start_server(db_url, env={"HQ_POOL_SIZE": "1", "HQ_POOL_TIMEOUT": "1"})
    try:
        assert server.post("/ingest/clay-person-profile", key="ingest", json=person(30)).status_code == 202
        with psycopg.connect(db_url) as locker:
            locker.execute("SELECT 1 FROM core.person_job_titles WHERE linkedin_url = %s FOR UPDATE", (person(30)["url"],))
            with ThreadPoolExecutor(1) as pool:
                blocked = pool.submit(server.post, "/ingest/clay-person-profile", key="ingest",
                                      json={**person(30), "title": "Head of Data"})
                with psycopg.connect(db_url, autocommit=True) as watcher:
                    wait_until(lambda: watcher.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    ).fetchone()[0] >= 1, what="the webhook to hold the only ingest connection")
                # the only ingest connection is taken: the next webhook is refused, promptly
                r = server.post("/ingest/clay-person-profile", key="ingest", json=person(31))
                assert r.status_code == 503, r.text
                assert r.json()["error"]["code"] == "database_unavailable" and r.headers["Retry-After"]
                # the query pool is separate and still serves
                assert server.post("/api/leads", key="query", json={"limit": 1}).status_code == 200
                locker.rollback()
                assert blocked.result(timeout=60).status_code == 202
        assert server.post("/ingest/clay-person-profile", key="ingest", json=person(31)).status_code == 202
    finally:
        server.stop()


def test_serve_refuses_to_connect_as_a_superuser(db_url):
    import subprocess

    from live import HQ

    proc = subprocess.run([HQ, "serve", "--port", "1"], capture_output=True, text=True, timeout=120,
                          env={"DATABASE_URL": db_url, "HQ_APP_DATABASE_URL": db_url, "PATH": str(Path(HQ).parent)})
    assert proc.returncode == 1 and "superuser" in proc.stderr and proc.stderr.count("\n") == 1
