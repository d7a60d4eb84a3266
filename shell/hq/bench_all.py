"""``hq bench all --scale small|medium|large``: every benchmark in one run,
one table (metric, value, baseline, ratio), and a JSON record under
``bench-results/`` with the machine and the server settings it ran on."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import time
from pathlib import Path
from typing import Callable

from psycopg.rows import tuple_row

# Sizes per scale: small runs in under five minutes on a 2-core machine;
# large gives the 1,000,000-people figures of docs/benchmarks.md.
SCALES = {
    # smoke: seconds, so CI runs every bench and none of them rots; its figures mean nothing
    "smoke": {"titles": 2_000, "companies": 100, "people": 100, "round_trips": 30,
              "query_people": 400, "rematch_people": 400, "rematch_affected": 20, "leads_people": 400,
              "pages_people": 100, "webhook_sizes": [100, 400], "webhook_deliveries": 5, "api_people": 100,
              "api_requests": 20, "customer_companies": 200, "customer_names": 200, "legacy_companies": 50,
              "legacy_people": 100, "similar_domains": 10, "relay_rows": 50},
    "small": {"titles": 100_000, "companies": 5_000, "people": 5_000, "round_trips": 500,
              "query_people": 20_000, "rematch_people": 50_000, "rematch_affected": 1_000, "leads_people": 50_000,
              "pages_people": 5_000, "webhook_sizes": [1_000, 20_000], "webhook_deliveries": 30, "api_people": 2_000,
              "api_requests": 300, "customer_companies": 20_000, "customer_names": 2_000, "legacy_companies": 1_000,
              "legacy_people": 5_000, "similar_domains": 200, "relay_rows": 2_000},
    "medium": {"titles": 1_000_000, "companies": 20_000, "people": 20_000, "round_trips": 5_000,
               "query_people": 200_000, "rematch_people": 200_000, "rematch_affected": 10_000, "leads_people": 200_000,
               "pages_people": 20_000, "webhook_sizes": [1_000, 100_000], "webhook_deliveries": 30,
               "api_people": 20_000, "api_requests": 1_000, "customer_companies": 250_000, "customer_names": 10_000,
               "legacy_companies": 10_000, "legacy_people": 50_000, "similar_domains": 600, "relay_rows": 10_000},
    "large": {"titles": 1_000_000, "companies": 100_000, "people": 100_000, "round_trips": 5_000,
              "query_people": 1_000_000, "rematch_people": 1_000_000, "rematch_affected": 10_000,
              "leads_people": 1_000_000, "pages_people": 1_000_000, "webhook_sizes": [1_000, 1_000_000],
              "webhook_deliveries": 30, "api_people": 100_000, "api_requests": 1_000, "customer_companies": 250_000,
              "customer_names": 10_000, "legacy_companies": 100_000, "legacy_people": 100_000, "similar_domains": 600,
              "relay_rows": 10_000},
}


def _settings(conn) -> dict:
    rows = conn.cursor(row_factory=tuple_row).execute("SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name IN "
                        "('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', "
                        "'jit', 'server_version')").fetchall()
    return {r[0]: r[1] for r in rows}


def _machine() -> dict:
    mem = None
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        pass
    return {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
            "memory_bytes": mem}


def _customers(conn, companies: int, names: int, out) -> list[dict]:
    from hq.bench_customers import run

    r = run(conn, companies, names, out)
    n = r["all"]["names"]
    return [{"metric": "customers: names matched/s vs an exact key join", "value": n / r["seconds"],
             "baseline": n / r["baseline"] if r["baseline"] else None,
             "ratio": r["baseline"] / r["seconds"] if r["baseline"] else None, "unit": "names/s"},
            {"metric": "customers: precision (all names)", "value": r["all"]["precision"], "baseline": None,
             "ratio": None, "unit": "share"},
            {"metric": "customers: recall (all names)", "value": r["all"]["recall"], "baseline": None,
             "ratio": None, "unit": "share"}]


def _legacy(url: str, companies: int, people: int, out) -> list[dict]:
    from hq.legacy_bench import bench_import_legacy

    r = bench_import_legacy(url, companies, people, out)
    total = companies + people
    return [{"metric": "import-legacy: payloads/s vs hq ingest", "value": total / r["import_s"],
             "baseline": total / r["ingest_s"], "ratio": r["ratio"], "unit": "payloads/s"}]


def _jobs(url: str, domains: int, rows: int, out) -> list[dict]:
    """The job benches write batches and exports: they run in a scratch database
    (migrated here, dropped after), never in the one given."""
    import uuid

    import psycopg
    from psycopg import sql

    from hq.bench_jobs import bench_relay, bench_similar
    from hq.deploy import migrate

    name = f"hq_bench_jobs_{uuid.uuid4().hex[:8]}"
    scratch = f"{url.rpartition('/')[0]}/{name}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        migrate(scratch)
        return bench_similar(scratch, out, domains, 20, 8) + bench_relay(scratch, out, rows, 200, 8)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def benches(url: str, connect: Callable, size: dict) -> list[tuple[str, Callable]]:
    """(name, run(out) -> list of metric dicts), in the order they run."""
    from hq import bench, bench_api, bench_baselines, bench_pages

    def in_session(fn, *args):
        def run(out):
            with connect() as conn:
                return fn(conn, *args, out)
        return run

    return [
        ("matching", in_session(bench.bench_matching, size["titles"])),
        ("ingest", in_session(bench.bench_ingest, size["companies"], size["people"])),
        ("round-trips", lambda out: bench_baselines.bench_round_trips(url, size["round_trips"], out)),
        ("query", in_session(bench_baselines.bench_query, size["query_people"])),
        ("rematch", in_session(bench.bench_rematch, size["rematch_people"], size["rematch_affected"])),
        ("leads", in_session(bench.bench_leads, size["leads_people"])),
        ("pages", lambda out: bench_pages.bench_pages(url, size["pages_people"], 5, out)),
        ("webhook", lambda out: bench.bench_webhook(url, size["webhook_sizes"], size["webhook_deliveries"], out)),
        ("api", lambda out: bench_api.bench_api(url, size["api_people"], size["api_requests"], out)),
        ("customers", in_session(_customers, size["customer_companies"], size["customer_names"])),
        ("import-legacy", lambda out: _legacy(url, size["legacy_companies"], size["legacy_people"], out)),
        ("jobs", lambda out: _jobs(url, size["similar_domains"], size["relay_rows"], out)),
    ]


def bench_all(url: str, connect: Callable, scale: str, out, only: list[str] | None = None,
              results_dir: Path = Path("bench-results")) -> Path:
    from rich.table import Table

    size = SCALES[scale]
    started = dt.datetime.now(dt.timezone.utc)
    with connect() as conn:
        settings = _settings(conn)
    out.print(f"hq bench all --scale {scale}: " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())),
              highlight=False)
    metrics, timings = [], {}
    for name, run in benches(url, connect, size):
        if only and name not in only:
            continue
        out.rule(name)
        t0 = time.perf_counter()
        metrics += run(out) or []
        timings[name] = round(time.perf_counter() - t0, 1)
    table = Table("metric", "value", "baseline", "ratio", "unit", title=f"hq bench all --scale {scale}")
    for m in metrics:
        ratio = m.get("ratio")
        table.add_row(m["metric"], f"{m['value']:,.2f}", f"{m['baseline']:,.2f}" if m.get("baseline") is not None else "-",
                      f"{ratio:,.2f}" if ratio is not None else "-", m.get("unit", ""))
    out.print(table, width=max(out.width, 160))
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"bench-{scale}-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps({"scale": scale, "sizes": size, "started": started.isoformat(), "seconds": timings,
                                "machine": _machine(), "server": settings, "metrics": metrics}, indent=2, default=str))
    out.print(f"written {path} ({sum(timings.values()):.0f} s in all)", highlight=False)
    return path
