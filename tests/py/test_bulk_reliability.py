"""Bulk files that lose nothing and resume (issue #17): rows the database
cannot store as sent (a NUL byte, \\u0000, invalid UTF-8, a bare carriage
return, a broken record) are stored failed with their line number and
reason while the rest of their batch loads, through `hq ingest` and through
the HTTP upload; a loader killed mid-load and run again stores exactly the
missing rows. Each test ends with the same database check (integrity.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from integrity import assert_integrity

HQ = str(Path(sys.executable).parent / "hq")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def hq(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([HQ, *args], capture_output=True, text=True, env={**os.environ, "DATABASE_URL": url},
                          timeout=600)


def export_csv(rows: int, terminator: str = "\n") -> bytes:
    """A Sales Navigator export (the fixture's header and first row) with
    `rows` people, lines ending in `terminator`."""
    with (FIXTURES / "salesnav-export.csv").open(newline="") as fh:
        reader = csv.reader(fh)
        header, first = next(reader), next(reader)
    url = header.index("LinkedIn URL (user profile)")
    out = io.StringIO()
    w = csv.writer(out, lineterminator=terminator)
    w.writerow(header)
    for i in range(1, rows + 1):
        row = list(first)
        row[0], row[url] = f"Matthew{i}", f"https://www.linkedin.com/in/bad-bytes-{i}"
        w.writerow(row)
    return out.getvalue().encode()


def inject(data: bytes, line: int, old: bytes, new: bytes, sep: bytes = b"\n") -> bytes:
    """Replace `old` by `new` in the given (1-based) line."""
    lines = data.split(sep)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return sep.join(lines)


def bad_csv() -> bytes:
    data = export_csv(10)
    data = inject(data, 3, b"Matthew2", b"Matt\x00hew2")        # NUL byte
    data = inject(data, 6, b"Matthew5", b"Matthew5\rjunk")      # bare CR in an unquoted field
    data = inject(data, 9, b"Matthew8", b"Matt\xffhew8")         # invalid UTF-8
    return data


def rows_of(url: str, table: str) -> dict[int, tuple]:
    """line number -> (status, error) of the rows a file load stored."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(f"SELECT idempotency_key, extraction_status, extraction_error FROM {table} "
                            "WHERE idempotency_key LIKE 'file:%'").fetchall()
    return {int(k.rsplit(":", 1)[1]): (s, e) for k, s, e in rows}


def stored(url: str, table: str) -> int:
    """Raw rows stored by file loads."""
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE idempotency_key LIKE 'file:%'").fetchone()[0]


def check_bad_csv(url: str) -> None:
    rows = rows_of(url, "raw.salesnav_scrapes")
    assert sorted(rows) == list(range(2, 12)), rows  # lines 2..11: every row of the file, once
    failed = {n: e for n, (s, e) in rows.items() if s == "failed"}
    assert failed == {3: "line 3: NUL byte (0x00) in field 'First name'; kept as escaped text",
                      6: "line 6: bare carriage return (0x0D) in an unquoted field; kept as escaped text",
                      9: "line 9: invalid UTF-8 (byte 0xFF) in field 'First name'; kept as escaped text"}, failed
    assert all(s == "extracted" for n, (s, e) in rows.items() if n not in failed)
    with psycopg.connect(url) as conn:
        kept = conn.execute("SELECT raw_payload -> 'rejected_row' FROM raw.salesnav_scrapes "
                            "WHERE raw_payload -> 'rejected_row' ->> 'line' = '9'").fetchone()[0]
        assert kept["text"].startswith("Matt\\xffhew8,") and kept["reason"].startswith("line 9: invalid UTF-8")
        people = conn.execute("SELECT count(*) FROM core.people WHERE linkedin_url LIKE '%/in/bad-bytes-%'").fetchone()[0]
        assert people == 7  # the seven good rows; nothing of the junk after the bare CR


def test_bad_bytes_through_hq_ingest(db_url, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(bad_csv())
    proc = hq(db_url, "ingest", str(path), "--workflow", "salesnav-export")
    assert proc.returncode == 0, proc.stderr
    assert "loaded 10 rows: 7 extracted, 3 failed" in proc.stdout, proc.stdout
    check_bad_csv(db_url)

    # NDJSON: \u0000 in a string, an invalid UTF-8 byte, a broken record
    base = json.loads((FIXTURES / "clay-person-profile.json").read_text())
    lines = [json.dumps({**base, "url": f"https://www.linkedin.com/in/nd-bytes-{i}"}).encode() for i in range(1, 9)]
    lines[1] = lines[1].replace(b'"Sam Rivera"', b'"Sam\\u0000Rivera"')
    lines[3] = lines[3].replace(b'"Sam Rivera"', b'"Sam \xfe Rivera"')
    lines[5] = lines[5][:40]
    nd = tmp_path / "people.ndjson"
    nd.write_bytes(b"\n".join(lines) + b"\n")
    proc = hq(db_url, "ingest", str(nd), "--workflow", "clay-person-profile")
    assert proc.returncode == 0, proc.stderr
    assert "loaded 8 rows: 5 extracted, 3 failed" in proc.stdout, proc.stdout
    rows = rows_of(db_url, "raw.person_payloads")
    assert sorted(rows) == list(range(1, 9))
    failed = {n: e.split(";")[0] for n, (s, e) in rows.items() if s == "failed"}
    assert failed == {2: "line 2: NUL character (\\u0000) in a string", 4: "line 4: invalid UTF-8 (byte 0xFE)",
                      6: "line 6: not valid JSON (Unterminated string starting at: line 1 column 9 (char 8))"}, failed

    # lines ending in a bare CR throughout: the dialect's record terminator, every row loads
    cr = tmp_path / "export-cr.csv"
    cr.write_bytes(export_csv(5, "\r").replace(b"bad-bytes-", b"cr-only-"))
    proc = hq(db_url, "ingest", str(cr), "--workflow", "salesnav-export")
    assert proc.returncode == 0, proc.stderr
    assert "loaded 5 rows: 5 extracted, 0 failed" in proc.stdout, proc.stdout

    # the same file again stores nothing new; --force delivers it again on purpose
    proc = hq(db_url, "ingest", str(path), "--workflow", "salesnav-export")
    assert proc.returncode == 0 and "10 rows were already stored" in proc.stdout, proc.stdout
    assert stored(db_url, "raw.salesnav_scrapes") == 10 + 5
    proc = hq(db_url, "ingest", str(path), "--workflow", "salesnav-export", "--force")
    assert proc.returncode == 0 and "already stored" not in proc.stdout, proc.stdout
    assert stored(db_url, "raw.salesnav_scrapes") == 10 + 5 + 10

    digest_keys = [f"file:{__import__('hashlib').sha256(path.read_bytes()).hexdigest()}:{n}" for n in range(2, 12)]
    assert_integrity(db_url, idempotency_keys={"raw.salesnav_scrapes": digest_keys})


def test_bad_bytes_through_http_upload(live_server):
    files = {"file": ("export.csv", bad_csv(), "text/csv")}
    r = live_server.post("/ingest/salesnav/export", key="ingest", files=files)
    assert r.status_code == 202, r.text
    body = r.json()
    assert (body["loaded"], body["inserted"], body["extracted"], body["failed"], body["rejected"]) == (10, 10, 7, 3, 3), body
    check_bad_csv(live_server.db_url)
    # the same upload again: every row is already stored, none twice
    r = live_server.post("/ingest/salesnav/export", key="ingest", files=files)
    assert r.status_code == 202, r.text
    assert (r.json()["inserted"], r.json()["already_loaded"]) == (0, 10), r.json()
    assert stored(live_server.db_url, "raw.salesnav_scrapes") == 10
    assert_integrity(live_server.db_url)


def test_loader_killed_mid_load_resumes_with_exactly_the_missing_rows(db_url, tmp_path):
    n = 30_000
    base = json.loads((FIXTURES / "clay-find-companies.json").read_text())
    path = tmp_path / "companies.ndjson"
    with path.open("w") as fh:
        for i in range(1, n + 1):
            fh.write(json.dumps({**base, "domain": f"resume-{i}.example", "name": f"Resume {i}"}) + "\n")
    args = [HQ, "ingest", str(path), "--workflow", "clay-find-companies", "--batch-size", "1000"]
    loader = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "DATABASE_URL": db_url})
    count = "SELECT count(*) FROM raw.company_discovery WHERE idempotency_key LIKE 'file:%'"
    deadline = time.monotonic() + 300
    with psycopg.connect(db_url, autocommit=True) as conn:
        while conn.execute(count).fetchone()[0] < 3000:
            assert loader.poll() is None, "the loader ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.1)
        loader.send_signal(signal.SIGKILL)
        loader.wait()
        time.sleep(1)  # the server ends the killed session's transaction
        before = conn.execute(count).fetchone()[0]
    assert 3000 <= before < n, before
    proc = hq(db_url, "ingest", str(path), "--workflow", "clay-find-companies", "--batch-size", "1000")
    assert proc.returncode == 0, proc.stderr
    assert f"{before} rows were already stored" in proc.stdout, proc.stdout
    assert f"loaded {n} rows: {n} extracted, 0 failed" in proc.stdout, proc.stdout
    rows = rows_of(db_url, "raw.company_discovery")
    assert sorted(rows) == list(range(1, n + 1))  # every line exactly once
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM core.companies WHERE domain LIKE 'resume-%'").fetchone()[0] == n
    assert_integrity(db_url)
