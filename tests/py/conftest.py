"""Test fixtures: a throwaway PostgreSQL cluster per run, a migrated template
database built once, and a fresh clone of it per test that needs one.

Set HQ_TEST_SERVER_URL (a superuser URL to a maintenance database) to use an
existing server instead of starting a cluster. A database that cannot be
reached is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from hq.deploy import migrate
from hq.localpg import LocalCluster



def _with_db(url: str, dbname: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{dbname}"


@pytest.fixture(scope="session")
def server_url():
    """Maintenance URL of the test server (started here unless given)."""
    given = os.environ.get("HQ_TEST_SERVER_URL")
    if given:
        yield given
        return
    tmp = Path(tempfile.mkdtemp(prefix="hq-test-pg-"))
    os.chmod(tmp, 0o755)
    cluster = LocalCluster(tmp / "data", dbname="postgres")
    try:
        cluster.start(fast=True)
        yield cluster.url("postgres")
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def template_db(server_url):
    """A database migrated once per run, with pgTAP and plpgsql_check; cloned by tests."""
    name = f"hq_template_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = _with_db(server_url, name)
    migrate(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pgtap")
        conn.execute("CREATE EXTENSION IF NOT EXISTS plpgsql_check")
    yield name
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def make_db(server_url, template_db):
    """Factory: a fresh database cloned from the template; dropped after the test."""
    created: list[str] = []

    def _make(template: str | None = template_db) -> str:
        name = f"hq_test_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(server_url, autocommit=True) as conn:
            if template:
                conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)))
            else:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return _with_db(server_url, name)

    yield _make
    with psycopg.connect(server_url, autocommit=True) as conn:
        for name in created:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def db_url(make_db):
    """URL of a fresh migrated database."""
    return make_db()


@pytest.fixture
def live_server(db_url):
    """`hq serve` running on a free port against a fresh migrated database,
    with `.keys` for each scope (tests/py/live.py)."""
    from live import start_server

    server = start_server(db_url)
    try:
        yield server
    finally:
        server.stop()
