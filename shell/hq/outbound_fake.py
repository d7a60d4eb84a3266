"""A local HTTP server, started by a test or `hq bench jobs`, that answers like CompanyEnrich's
similar-companies endpoint (POST /companies/similar) and like a Clay
webhook (POST /clay/<anything>), with failures on demand: 429 with
Retry-After, 500, answers slower than the worker's timeout, a 4xx, and a
hook run before answering a chosen request (the tests kill the worker
there).

It counts what the worker actually received: an answer is counted only when
it was written to a live worker (not a timed-out request, not the request
during which the worker was killed)."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hq.localpg import free_port


def similar_items(domain: str, n: int = 3) -> list[dict]:
    """n similar companies in CompanyEnrich's company shape (domains derived from the queried one)."""
    base = domain.split(".")[0]
    return [{"domain": f"{base}-sim{i}.example", "website": f"https://{base}-sim{i}.example",
             "name": f"{base.title()} Sim {i}", "type": "private", "employees": "11-50",
             "industry": "Software Development",
             "location": {"country": {"name": "Germany", "code": "DE"}, "city": {"name": "Berlin"}},
             "socials": {"linkedin_url": f"https://www.linkedin.com/company/{base}-sim{i}"}}
            for i in range(n)]


class OutboundServer:
    def __init__(self, timeout_sleep: float = 1.5, similar_per_domain: int = 3):
        self.port = free_port()
        self.lock = threading.Lock()
        self.timeout_sleep = timeout_sleep
        self.similar_per_domain = similar_per_domain
        self.faults: dict[str, list[str]] = defaultdict(list)  # key -> actions, consumed in order
        self.fetched: Counter = Counter()      # similar: 200 answers received, per domain
        self.delivered: Counter = Counter()    # clay: 2xx answers received, per idempotency key
        self.requests: list[tuple[float, str, str]] = []  # (monotonic time, kind, key)
        self.bodies: dict[str, dict] = {}
        self.auth: set[str] = set()
        self.before_answer = None              # fn(n_request, kind, key) -> True when the worker is gone
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if self.path.rstrip("/") == "/companies/similar":
                    kind, key = "similar", body.get("domain", "")
                    server.auth.add(self.headers.get("Authorization", ""))
                elif self.path.startswith("/clay/"):
                    kind, key = "clay", self.headers.get("Idempotency-Key", "")
                else:
                    return self._answer(404, {"error": "no such endpoint"})
                with server.lock:
                    server.requests.append((time.monotonic(), kind, key))
                    n = len(server.requests)
                    action = server.faults[key].pop(0) if server.faults.get(key) else "ok"
                    hook = server.before_answer
                gone = bool(hook and hook(n, kind, key))
                if action.startswith("slow:"):  # answers, late but within the worker's timeout
                    time.sleep(float(action.split(":")[1]))
                if action == "timeout":
                    time.sleep(server.timeout_sleep)
                    return self._answer(504, {"error": "too late"})  # a worker with a longer timeout retries it too
                if action.startswith("429"):
                    return self._answer(429, {"error": "rate limited"}, {"Retry-After": action.split(":")[1] if ":" in action else "1"})
                if action == "nul":  # valid JSON that PostgreSQL's jsonb cannot hold
                    return self._answer(200, {"items": [], "note": "\u0000"})
                if action.isdigit():
                    return self._answer(int(action), {"error": f"injected {action}"})
                if kind == "similar":
                    ok = self._answer(200, {"items": similar_items(key, server.similar_per_domain), "page": 1, "totalPages": 1,
                                            "totalItems": server.similar_per_domain})
                else:
                    ok = self._answer(200, {"status": "ok"})
                if ok and not gone:
                    with server.lock:
                        (server.fetched if kind == "similar" else server.delivered)[key] += 1
                        if kind == "clay":
                            server.bodies[key] = body

            def _answer(self, status, obj, headers=None) -> bool:
                data = json.dumps(obj).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                    self.wfile.flush()
                    return True
                except OSError:
                    return False

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a killed worker resets its connections: expected here

        self.httpd = Server(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def times(self, kind: str) -> list[float]:
        with self.lock:
            return [t for t, k, _ in self.requests if k == kind]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
