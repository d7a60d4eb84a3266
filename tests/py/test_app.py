"""The HTTP shell against a real migrated database."""

import re

from fastapi.testclient import TestClient

from hq.app import create_app


def test_health_reports_migration_version(db_url):
    with TestClient(create_app(db_url)) as client:
        r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert re.match(r"^\d{4}_", body["migration_version"])  # helpers' migration ranges go past 00xx


def test_unknown_route_is_404_in_the_error_shape(db_url):
    with TestClient(create_app(db_url)) as client:
        r = client.get("/nope")
    assert r.status_code == 404
    assert r.json() == {"error": {"code": "not_found", "message": "no route GET /nope; the routes are listed at /docs"}}
