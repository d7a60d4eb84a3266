"""The hq CLI: migrate twice, key creation, one-line errors."""

import os
import subprocess
import sys
from pathlib import Path

HQ = str(Path(sys.executable).parent / "hq")


def run(url, *args):
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([HQ, *args], capture_output=True, text=True, env=env)


def test_migrate_twice_and_keys(db_url):
    assert run(db_url, "migrate").returncode == 0
    second = run(db_url, "migrate")
    assert second.returncode == 0 and "none pending" in second.stdout
    created = run(db_url, "keys", "create", "--scope", "ingest", "--name", "ci")
    assert created.returncode == 0
    key = created.stdout.strip()
    assert key.startswith("hq_ingest_") and "\n" not in key
    import psycopg
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT api.verify_api_key(%s, 'ingest')", (key,)).fetchone()[0] is not None
        assert conn.execute("SELECT api.verify_api_key(%s, 'query')", (key,)).fetchone()[0] is None
        assert conn.execute("SELECT count(*) FROM reference.api_keys WHERE key_hash = convert_to(%s, 'UTF8')", (key,)).fetchone()[0] == 0


def test_errors_are_one_line(db_url):
    bad = run(db_url, "keys", "create", "--scope", "root")
    assert bad.returncode != 0
    assert bad.stderr.strip().count("\n") == 0 and "invalid scope" in bad.stderr
