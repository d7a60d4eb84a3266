"""The HTTP shell against a real migrated database."""

from pathlib import Path

from fastapi.testclient import TestClient

from hq.app import create_app

MIGRATIONS = Path(__file__).resolve().parents[2] / "db" / "migrations"


def test_health_reports_migration_version(db_url):
    with TestClient(create_app(db_url)) as client:
        r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    newest = max(p.stem for p in MIGRATIONS.glob("[0-9]*_*.*"))
    assert body["migration_version"] == newest


def test_unknown_route_is_404_in_the_error_shape(db_url):
    with TestClient(create_app(db_url)) as client:
        r = client.get("/nope")
    assert r.status_code == 404
    assert r.json() == {"error": {"code": "not_found", "message": "no route GET /nope; the routes are listed at /docs"}}
