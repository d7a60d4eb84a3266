"""The live-server fixture itself: a real `hq serve` answers over a socket."""


def test_live_server_serves_health_and_checks_keys(live_server):
    r = live_server.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert live_server.post("/api/leads", json={}).status_code == 401
    r = live_server.post("/api/leads", json={"limit": 5}, key="query")
    assert r.status_code == 200, r.text
    assert r.json()["data"] == []
