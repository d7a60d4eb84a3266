"""`hq serve` with DATABASE_URL unset: a project-local cluster is created,
migrated and served; GET /health reports the migration version."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from hq.localpg import free_port

HQ = str(Path(sys.executable).parent / "hq")


def test_serve_without_database_url_starts_a_local_cluster():
    tmp = Path(tempfile.mkdtemp(prefix="hq-serve-"))
    os.chmod(tmp, 0o755)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HQ_LOCAL_PGDATA"] = str(tmp / "pg")
    port = free_port()
    server = subprocess.Popen([HQ, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        health = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    health = json.load(r)
                    break
            except OSError:
                time.sleep(0.5)
        assert health is not None, server.stdout.read() if server.poll() is not None else "no answer in 90 s"
        assert health["database"] == "ok"
        migrations = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "db" / "migrations").glob("0*"))
        assert health["migration_version"] == migrations[-1]
    finally:
        server.terminate()
        server.wait(timeout=30)
        subprocess.run([HQ, "db", "stop"], env=env, capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
