"""hq bench, at toy sizes: each benchmark runs, measures what it says it
measures, and leaves the database as it found it (one rolled-back
transaction). Timings are printed, never asserted."""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg

HQ = str(Path(sys.executable).parent / "hq")

COUNTS = """SELECT (SELECT count(*) FROM raw.company_payloads), (SELECT count(*) FROM raw.person_payloads),
                   (SELECT count(*) FROM core.companies), (SELECT count(*) FROM core.people),
                   (SELECT count(*) FROM reference.job_title_lookup), (SELECT count(*) FROM reference.rematch_log)"""


def bench(url, *args) -> str:
    env = {**os.environ, "DATABASE_URL": url, "COLUMNS": "400"}
    done = subprocess.run([HQ, "bench", *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())  # rich may wrap lines


def counts(url) -> tuple:
    with psycopg.connect(url) as conn:
        return conn.execute(COUNTS).fetchone()


def test_bench_ingest_reports_work_and_rolls_back(db_url):
    before = counts(db_url)
    text = bench(db_url, "ingest", "--companies", "60", "--people", "25")
    assert re.search(r"company payloads: 60 end to end .* \(60 extracted\)", text), text
    assert re.search(r"person payloads: 25 end to end .* \(25 extracted\)", text), text
    # the work behind the ratio: many rows written per payload against the bare COPY's one
    per_payload = [float(x) for x in re.findall(r"per payload: ([0-9.]+) rows written", text)]
    assert len(per_payload) == 2 and all(x > 10 for x in per_payload), text
    assert text.count("bare COPY 1.0 row") == 2, text
    # the bare COPY is loaded before and after the end-to-end run; the ratio takes their mean time
    assert len(re.findall(r"\(the mean time of one COPY before it, at [0-9,]+/s, and one after, at [0-9,]+/s\)", text)) == 2, text
    # the floor: the rows the pipeline left, COPYed into untriggered copies of their tables
    floor = [(float(r), int(t)) for r, t in re.findall(r"floor: the ([0-9.]+) rows per payload the pipeline left in "
                                                       r"([0-9]+) tables", text)]
    assert len(floor) == 2, text
    for (rows, tables), written in zip(floor, per_payload):
        # every row it left was written once; the raw status update and replaced lists are writes that leave none
        assert written - 3 <= rows <= written and tables > 8, text
    assert text.count("of the floor") == 2, text
    assert counts(db_url) == before
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_class WHERE relname LIKE '%bench_floor'").fetchone()[0] == 0
    # concurrent sessions, each with entities of its own
    text = bench(db_url, "ingest", "--companies", "40", "--people", "10", "--sessions", "2")
    assert re.search(r"company payloads: 2 sessions x 40 end to end .* \(80 extracted\)", text), text
    assert re.search(r"person payloads: 2 sessions x 10 end to end .* \(20 extracted\)", text), text
    assert text.count("end-to-end is 1/") == 2, text
    assert counts(db_url) == before


def test_bench_rematch_and_leads(db_url):
    before = counts(db_url)
    text = bench(db_url, "rematch", "--people", "400", "--affected", "40")
    assert "40 titles re-matched, 40 golden rows, leads 360 -> 400" in text, text
    text = bench(db_url, "leads", "--people", "400")
    assert "400 leads; filtered page" in text and "Limit" in text, text
    text = bench(db_url, "matching", "--titles", "500")
    assert re.search(r"matched 500 titles \([0-9]+ distinct\)", text), text
    assert counts(db_url) == before


def test_bench_api_prints_http_and_direct_percentiles_and_drops_its_scratch_db(db_url):
    with psycopg.connect(db_url) as conn:
        before = conn.execute("SELECT count(*) FROM pg_database WHERE datname LIKE '%bench_api%'").fetchone()[0]
    text = bench(db_url, "api", "--people", "40", "--requests", "8")
    for line in ("webhook c=1:", "webhook c=16:", "webhook c=32:", "leads c=1:", "leads c=16:"):
        assert line in text, text
    assert re.search(r"health while a webhook waits on a lock: p50 [0-9.]+ p95 [0-9.]+ max [0-9.]+ \| "
                     r"unlocked p50 [0-9.]+ p95 [0-9.]+", " ".join(text.split())), text
    lines = re.findall(r"(?:webhook|leads) c=\d+: http p50 [0-9.]+ p95 [0-9.]+ p99 [0-9.]+, \d+/s \| "
                       r"direct p50 [0-9.]+ p95 [0-9.]+ p99 [0-9.]+, \d+/s \| overhead p50 [+-][0-9.]+ ms, "
                       r"p50 ratio [0-9.]+x, throughput http/direct [0-9.]+", text)
    assert len(lines) == 5, text
    with psycopg.connect(db_url) as conn:
        after = conn.execute("SELECT count(*) FROM pg_database WHERE datname LIKE '%bench_api%'").fetchone()[0]
    assert after == before


def test_bench_query_answers_every_question_both_ways_identically(db_url):
    before = counts(db_url)
    text = bench(db_url, "query", "--people", "400", "--runs", "1")
    questions = ["filtered leads page", "one company by domain", "company list, 1,000 domains", "signal: new in role",
                 "signal: by past employer", "signal: by company customers", "signal: at VC portfolio",
                 "signal: recently promoted"]
    for q in questions:
        assert re.search(re.escape(q) + r" [\d.]+ ms [\d.]+ ms \d+x \d+ \(identical\)", text), (q, text)
    assert counts(db_url) == before


def test_bench_round_trips_baseline_commits_in_a_scratch_database_only(db_url, server_url):
    before = counts(db_url)
    text = bench(db_url, "ingest", "--baseline", "round-trips", "--companies", "60")
    assert re.search(r"server: fsync=\w+, shared_buffers=\w+, synchronous_commit=\w+", text), text
    assert re.search(r"round-trip design: 60 payloads in [\d.]+ s = [\d,]+/s \(16 round trips per payload", text), text
    assert re.search(r"HQ, one payload per transaction \(api.ingest\): [\d,]+/s = [\d.]+x the round-trip design", text), text
    assert re.search(r"HQ, COPY in committed batches of 1,000: [\d,]+/s = [\d.]+x the round-trip design$", text), text
    assert counts(db_url) == before
    with psycopg.connect(server_url) as conn:
        left = conn.execute("SELECT count(*) FROM pg_database WHERE datname LIKE 'hq_bench_%'").fetchone()[0]
    assert left == 0, "the scratch database is dropped"


def test_bench_all_smoke_runs_every_bench_and_writes_one_record(db_url, tmp_path):
    import json

    before = counts(db_url)
    text = bench(db_url, "all", "--scale", "smoke", "--results-dir", str(tmp_path))
    records = list(tmp_path.glob("bench-smoke-*.json"))
    assert len(records) == 1, text
    record = json.loads(records[0].read_text())
    assert set(record["seconds"]) >= {"matching", "ingest", "round-trips", "query", "rematch", "leads", "pages", "webhook",
                                      "api", "customers", "import-legacy", "jobs"}
    assert {"fsync", "synchronous_commit", "shared_buffers"} <= set(record["server"])
    assert record["machine"]["cpus"] >= 1
    metrics = {m["metric"].split(" at ")[0] for m in record["metrics"]}
    for name in ("ingest: company payloads/s vs floor", "ingest: person payloads/s vs floor",
                 "ingest: HQ batched COPY vs round trips", "query: filtered leads page", "matching: job titles/s (set-based)",
                 "api: webhook over HTTP vs direct sessions", "webhook: one new person", "import-legacy: payloads/s vs hq ingest",
                 "customers: names matched/s vs an exact key join", "jobs: similar-companies request rate vs configured"):
        assert name in metrics, (name, metrics)
    assert all(m["value"] is not None for m in record["metrics"])
    assert counts(db_url) == before
