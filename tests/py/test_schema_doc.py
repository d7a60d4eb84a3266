"""docs/schema.md is what `hq docs` writes from a freshly migrated database."""

import difflib
import os
import subprocess
import sys
from pathlib import Path

import psycopg

from hq.schemadoc import SCHEMA_DOC, render

HQ = str(Path(sys.executable).parent / "hq")
STALE = "docs/schema.md is out of date: run `hq docs` (it rewrites the file from a freshly migrated database) and commit it"


def test_committed_schema_doc_is_current(make_db):
    with psycopg.connect(make_db()) as conn:
        expected = render(conn)
    committed = SCHEMA_DOC.read_text() if SCHEMA_DOC.exists() else ""
    if committed != expected:
        diff = "".join(list(difflib.unified_diff(committed.splitlines(True), expected.splitlines(True),
                                                 "docs/schema.md (committed)", "hq docs"))[:40])
        raise AssertionError(f"{STALE}\n{diff}")


def test_schema_doc_names_every_commented_function(make_db):
    url = make_db()
    with psycopg.connect(url) as conn:
        conn.execute("CREATE FUNCTION core.doc_probe(p int) RETURNS int LANGUAGE sql AS 'SELECT p'")
        conn.execute("COMMENT ON FUNCTION core.doc_probe(int) IS 'probe | with a pipe'")
        text = render(conn)
    assert "| `core.doc_probe(p integer)` | integer | probe \\| with a pipe |" in text


def test_hq_docs_check_runs_against_a_scratch_database(server_url):
    proc = subprocess.run([HQ, "docs", "--check"], capture_output=True, text=True,
                          env={**os.environ, "DATABASE_URL": server_url})
    assert proc.returncode == 0, proc.stderr
    assert "docs/schema.md is current" in proc.stdout
    with psycopg.connect(server_url) as conn:
        assert not conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'hq_docs_%'").fetchall()
