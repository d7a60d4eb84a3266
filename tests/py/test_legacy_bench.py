"""`hq bench import-legacy` at toy size: both paths load the same payloads
into their own fresh databases and end with the same people and companies."""

import os
import re
import subprocess

import psycopg

from live import HQ


def test_bench_import_legacy_toy(db_url):
    proc = subprocess.run([HQ, "bench", "import-legacy", "--companies", "20", "--people", "40"],
                          env={**os.environ, "DATABASE_URL": db_url, "COLUMNS": "200"},
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"import-legacy runs at [0-9.]+x the speed of hq ingest", proc.stdout), proc.stdout
    counts = re.search(r"ingest \((\d+), (\d+), (\d+)\), import-legacy \((\d+), (\d+), (\d+)\)", proc.stdout).groups()
    assert counts[:3] == counts[3:] and counts[0] == "40"
    with psycopg.connect(db_url) as conn:  # every database it made is gone
        assert conn.execute("SELECT count(*) FROM pg_database WHERE datname LIKE 'hq_bench_%'").fetchone()[0] == 0
