"""A real `hq serve` process (uvicorn) on a free port, against a given
database, for tests that go through the door users use: HTTP over a socket.

`LiveServer.get/post/...` are thin httpx calls on its base URL; `keys` holds
one fresh API key per scope. Every request sent through `LiveServer.request`
or a client from `LiveServer.client()` is recorded in `CALLED` as (method,
path): tests/py/test_zz_route_coverage.py checks, after the whole suite, that
every route of /openapi.json was called over HTTP by some test."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

from hq.localpg import free_port

HQ = str(Path(sys.executable).parent / "hq")

# (METHOD, path without the query) of every request any test sent to a live server
CALLED: set[tuple[str, str]] = set()


def _record(request: httpx.Request) -> None:
    CALLED.add((request.method.upper(), request.url.path))


@dataclass
class LiveServer:
    db_url: str
    port: int
    proc: subprocess.Popen
    keys: dict[str, str] = field(default_factory=dict)
    _out: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # drain the server's output as it comes (one log line per request
        # would otherwise fill the pipe and block the server)
        def drain() -> None:
            for line in self.proc.stdout:
                self._out.append(line)

        if self.proc.stdout:
            self._reader = threading.Thread(target=drain, daemon=True)
            self._reader.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, **kw) -> httpx.Client:
        """An httpx client on the server whose requests are recorded (CALLED)."""
        hooks = dict(kw.pop("event_hooks", None) or {})
        hooks["request"] = [*hooks.get("request", []), _record]
        return httpx.Client(base_url=self.base_url, timeout=kw.pop("timeout", 60), event_hooks=hooks, **kw)

    def request(self, method: str, path: str, *, key: str | None = None, **kw) -> httpx.Response:
        headers = dict(kw.pop("headers", None) or {})
        if key:
            headers["X-API-Key"] = self.keys.get(key, key)
        with self.client() as c:
            return c.request(method, path, headers=headers, **kw)

    def get(self, path: str, **kw) -> httpx.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw) -> httpx.Response:
        return self.request("POST", path, **kw)

    def log(self) -> str:
        """What the server printed so far (all of it after stop())."""
        if self.proc.poll() is not None and getattr(self, "_reader", None):
            self._reader.join(timeout=10)
        return "".join(self._out)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_server(db_url: str, *args: str, env: dict | None = None, wait: float = 60) -> LiveServer:
    """Start `hq serve --port P [args]` with DATABASE_URL=db_url; return once
    /health answers. The server migrates first (a no-op on a migrated clone)."""
    port = free_port()
    full_env = {**os.environ, "DATABASE_URL": db_url, **(env or {})}
    proc = subprocess.Popen([HQ, "serve", "--port", str(port), *args], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server = LiveServer(db_url, port, proc)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"hq serve exited {proc.returncode}: {server.log()[-3000:]}")
        try:
            if httpx.get(f"{server.base_url}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    else:
        server.stop()
        raise AssertionError(f"hq serve did not answer /health in {wait} s: {server.log()[-3000:]}")
    with psycopg.connect(db_url, autocommit=True) as conn:
        server.keys = {s: conn.execute("SELECT api.create_api_key(%s, 'live-test')", (s,)).fetchone()[0]
                       for s in ("ingest", "query", "admin")}
    return server
