"""Every route of /openapi.json was called over HTTP by some test of the
suite (issue #16: a route is done when a test calls it on a running server).

Tests record every request they send to a live `hq serve` (tests/py/live.py:
`LiveServer.request`, `LiveServer.client()`, and test_http_routes.py's Api
wrapper on top of them) in `live.CALLED`; this file is named to sort last, so
its one test runs after all the others and reads what they sent. It needs the
whole suite: with a subset of files or a -k/-m/--deselect selection the
calls of the other tests were not made, and it skips saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

import live
from test_http_routes import route_regex

HERE = Path(__file__).resolve().parent


def _whole_suite(request) -> str | None:
    """None when every test file of tests/py was collected with no filter, else why not."""
    opt = request.config.option
    for name in ("keyword", "markexpr"):
        if getattr(opt, name, None):
            return f"-{name[0]} {getattr(opt, name)!r} selects a subset"
    if getattr(opt, "deselect", None):
        return f"--deselect {opt.deselect} removes tests"
    files = {p.name for p in HERE.glob("test_*.py")}
    ran = {Path(str(i.fspath)).name for i in request.session.items}
    if files - ran:
        return f"not selected: {sorted(files - ran)}"
    return None


def test_every_openapi_route_was_called_over_http_by_the_suite(request):
    why = _whole_suite(request)
    if why:
        pytest.skip(f"needs the whole suite (pytest tests/py); {why}: the other tests' HTTP calls were not made")
    from hq.app import create_app

    spec = create_app("postgresql://unused/unused").openapi()  # the paths only; the pools are not opened
    missing = []
    for path, ops in spec["paths"].items():
        pattern = route_regex(path)
        for method in ops:
            if not any(m == method.upper() and pattern.match(p) for m, p in live.CALLED):
                missing.append(f"{method.upper()} {path}")
    assert live.CALLED, "no test recorded an HTTP call (tests/py/live.py)"
    assert not missing, f"routes no test called over HTTP: {missing}"
