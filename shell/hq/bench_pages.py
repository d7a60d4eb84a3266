"""`hq bench pages`: the server time of each dashboard page.

Loads the demo set of N people into a scratch database (created, migrated
and dropped here, so the warehouse it was pointed at is untouched), runs the
real app on it under uvicorn in this process (a thread, a free loopback
port), signs in with a query key, and times each page over HTTP: best and
median of several requests after one warm-up. The baseline, from the same
run, is GET /health (one trivial database call through the same stack); each
page prints its ratio to it. Loopback adds well under a millisecond, so the
times are the server's.
"""

from __future__ import annotations

import re
import statistics
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import psycopg
from psycopg.rows import dict_row


def _opener() -> urllib.request.OpenerDirector:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect)


def _get(opener, url: str) -> tuple[int, bytes, float]:
    t = time.perf_counter()
    try:
        with opener.open(url, timeout=120) as r:
            body, status = r.read(), r.status
    except urllib.error.HTTPError as e:  # 3xx/4xx arrive here without redirects
        body, status = e.read(), e.code
    return status, body, time.perf_counter() - t


def _serve(url: str):
    import uvicorn

    from hq.app import create_app
    from hq.localpg import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the bench server did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def bench_pages(url: str, people: int, repeat: int, out, progress: bool = False, synthetic: bool = False) -> list[dict]:
    """Returns one metric per page for `hq bench all`: best ms, baseline /health ms, ratio.
    synthetic: the warehouse is filled set-based straight into core (the
    set-up of `hq bench leads`: people, jobs, titles, places, golden rows and
    leads at people/4 companies) instead of the demo set through the ingest
    path, which at 1,000,000 people takes longer than the measurement."""
    from hq.bench import _setup
    from hq.bench_baselines import scratch_database
    from hq.demo import load

    with scratch_database(url, out) as db:
        with psycopg.connect(db) as conn:
            t0 = time.perf_counter()
            if synthetic:
                with conn.transaction():
                    _setup(conn, people, 0, out)
                out.print(f"synthetic warehouse of {people:,} people set up ({time.perf_counter() - t0:.1f} s)",
                          highlight=False)
                return _measure(db, repeat, out)
            if progress:
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

                with Progress(TextColumn("[bold]demo data"), BarColumn(), MofNCompleteColumn()) as bar:
                    task = bar.add_task("demo", total=None)
                    load(conn, people, on_progress=lambda d, t: bar.update(task, completed=d, total=t))
            else:
                load(conn, people)
            out.print(f"demo set of {people:,} people loaded ({time.perf_counter() - t0:.1f} s)", highlight=False)
        return _measure(db, repeat, out)


def _measure(url: str, repeat: int, out) -> list[dict]:
    with psycopg.connect(url, row_factory=dict_row, autocommit=True) as conn:
        size = conn.execute("""SELECT (SELECT count(*) FROM core.people_full) AS people,
                                      (SELECT count(*) FROM core.companies_full) AS companies,
                                      (SELECT count(*) FROM core.leads) AS leads""").fetchone()
        big = conn.execute("SELECT company_domain AS d FROM core.leads GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
        person = conn.execute("SELECT linkedin_url AS u FROM core.leads ORDER BY linkedin_url LIMIT 1").fetchone()
        key = conn.execute("SELECT api.create_api_key('query', 'bench pages') AS k").fetchone()["k"]
    server, thread, base = _serve(url)
    try:
        op = _opener()
        status, body, _ = _get(op, base + "/login")
        token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
        data = urllib.parse.urlencode({"api_key": key, "csrf": token}).encode()
        try:
            op.open(urllib.request.Request(base + "/login", data=data), timeout=60)
        except urllib.error.HTTPError as e:
            if e.code != 303:
                raise
        first = _get(op, base + "/leads")[1]
        cursor = re.search(rb'/leads\?signal=all&amp;cursor=([^"&]+)"', first)
        slug = person["u"].rsplit("/in/", 1)[1] if person else "nobody"
        pages = [("baseline GET /health", "/health"), ("/login, signed in", "/login"), ("leads, first page", "/leads"),
                 ("leads, 2 filters", "/leads?job_functions=Engineering&seniorities=Manager"),
                 ("leads, title contains", "/leads?title=director"),
                 ("leads, new in role", "/leads?signal=new-in-role&days=90"),
                 ("leads, load more rows", "/leads/rows?signal=all&cursor=" + (cursor.group(1).decode() if cursor else "")),
                 ("company, largest", f"/companies/{big['d'] if big else 'none.example'}"),
                 ("person", f"/people/{slug}"), ("company search", "/companies?q=acme"), ("data quality", "/quality")]
        results = []
        for label, path in pages:
            status, _, _ = _get(op, base + path)  # warm-up
            times = [_get(op, base + path)[2] for _ in range(repeat)]
            results.append({"page": label, "path": path, "status": status, "best_ms": min(times) * 1000,
                            "median_ms": statistics.median(times) * 1000})
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    base_ms = results[0]["best_ms"]
    out.print(f"{size['people']:,} people, {size['companies']:,} companies, {size['leads']:,} leads; "
              f"best and median of {repeat} after a warm-up", highlight=False)
    for r in results:
        out.print(f"  {r['page']:<24} {r['status']}  best {r['best_ms']:7.1f} ms  median {r['median_ms']:7.1f} ms  "
                  f"x{r['best_ms'] / base_ms:5.1f}", highlight=False, soft_wrap=True)
    return [{"metric": f"page: {r['page']}", "value": r["best_ms"], "baseline": base_ms,
             "ratio": r["best_ms"] / base_ms, "unit": f"ms best of {repeat} at {size['people']:,} people; baseline = GET /health"}
            for r in results[1:]]
