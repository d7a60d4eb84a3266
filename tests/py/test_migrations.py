"""Migrations: from zero, twice (identical schema), and upgrading a database with data."""

import subprocess

import psycopg
import pytest

from hq.deploy import DeployError, apply_repeatable, migrate
from hq.localpg import find_bindir


def schema_dump(url: str) -> str:
    proc = subprocess.run(
        [str(find_bindir() / "pg_dump"), "--schema-only", "--no-owner", "--restrict-key=hqfixedkey", "-d", url],
        capture_output=True, text=True)
    if proc.returncode != 0 and "restrict-key" in proc.stderr:  # pg_dump before the \restrict fix
        proc = subprocess.run([str(find_bindir() / "pg_dump"), "--schema-only", "--no-owner", "-d", url],
                              capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_migrate_from_zero_then_again_is_identical(make_db):
    url = make_db(template=None)
    first = migrate(url)
    assert first["applied"], "a fresh database applies every migration"
    before = schema_dump(url)
    second = migrate(url)
    assert second["applied"] == []
    assert second["version"] == first["version"]
    assert schema_dump(url) == before


def test_migrate_keeps_existing_data(db_url):
    with psycopg.connect(db_url) as conn:
        conn.execute("INSERT INTO reference.job_title_lookup (raw_title, job_function, seniority) "
                     "VALUES ('Chief Vibes Officer', 'Operations', 'C-Suite')")
        conn.execute("INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload) "
                     "VALUES ('keep.example.com', 'clay-find-companies', '{\"name\": \"Keep\", \"domain\": \"keep.example.com\"}')")
        counts = conn.execute("SELECT (SELECT count(*) FROM raw.company_discovery), "
                              "(SELECT count(*) FROM reference.job_title_lookup)").fetchone()
    migrate(db_url)
    with psycopg.connect(db_url) as conn:
        after = conn.execute("SELECT (SELECT count(*) FROM raw.company_discovery), "
                             "(SELECT count(*) FROM reference.job_title_lookup)").fetchone()
        assert after == counts
        assert conn.execute("SELECT raw_title FROM reference.job_title_lookup WHERE raw_title = 'chief vibes officer'").fetchone()


def test_failing_object_names_its_file_and_rolls_back(db_url, tmp_path, monkeypatch):
    import hq.deploy as deploy

    bad = tmp_path / "functions"
    bad.mkdir()
    (bad / "zz_broken.sql").write_text("CREATE FUNCTION core.broken( RETURNS int LANGUAGE sql AS 'SELECT 1';")
    real_files = deploy.repeatable_files()
    monkeypatch.setattr(deploy, "repeatable_files", lambda: real_files[:3] + [bad / "zz_broken.sql"])
    monkeypatch.setattr(deploy, "project_root", lambda: tmp_path)
    with psycopg.connect(db_url) as conn:
        n_before = conn.execute("SELECT count(*) FROM pg_proc").fetchone()[0]
        with pytest.raises(DeployError, match="zz_broken.sql"):
            apply_repeatable(conn)
        assert conn.execute("SELECT count(*) FROM pg_proc").fetchone()[0] == n_before
