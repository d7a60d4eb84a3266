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
    assert re.match(r"^[0-9]{4}_", body["migration_version"]), body  # 0001_... up to the newest, e.g. 0145_...


def test_unknown_route_is_404_json(db_url):
    with TestClient(create_app(db_url)) as client:
        r = client.get("/nope")
    assert r.status_code == 404
