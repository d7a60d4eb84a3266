"""`hq ingest FILE --workflow SLUG`: a 100,000-row Sales Navigator export
streamed through COPY in one command (TSV with a BOM, quoted newlines, bad
rows kept as failed), with flat memory, in parallel sessions; and a comma CSV
read the same way."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import psycopg

HQ = str(Path(sys.executable).parent / "hq")
HEADERS = ["First name", "Last name", "Email", "Phone number", "Profile headline", "Profile summary", "Job title",
           "Job description", "Job started on", "LinkedIn URL (user profile)", "Location", "Company",
           "LinkedIn company profile URN", "LinkedIn URL (company)", "Company website", "Company description",
           "Company headcount", "Company industries", "Company registered address", "Matching filters",
           "LinkedIn user profile URN"]
TITLES = ["VP of Marketing", "Head of Finance", "Director of Engineering", "Account Executive", "CFO", "Data Scientist"]
PLACES = ["Austin, Texas, United States", "Toronto, Ontario, Canada", "London, England, United Kingdom", "Berlin, Germany"]


def export_row(i: int) -> list[str]:
    """A Sales Navigator export row as in shared/fixtures/salesnav-export.csv;
    every 100th has a profile URL that is not one (kept as failed)."""
    url = "not a profile url" if i % 100 == 0 else f"https://www.linkedin.com/in/sn-bulk-{i}"
    c = i % 20000
    return [f"First{i}", f"Last{i}", "", "", f"{TITLES[i % 6]} at SN Co {c}",
            f"Summary of {i}.\nSecond line, with a comma" if i % 10 == 0 else f"Summary of {i}.",
            TITLES[i % 6], "", f"{1 + i % 12:02d}-{2015 + i % 10}", url, PLACES[i % 4], f"SN Co {c}",
            f"urn:li:fs_salesCompany:{c}", f"https://www.linkedin.com/company/sn-co-{c}/", f"http://snco{c}.example",
            "", "51-200", "Software Development", PLACES[(i + 1) % 4], "true", ""]


def write_export(path: Path, n: int, delimiter: str, bom: bool) -> None:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(HEADERS)
        for i in range(1, n + 1):
            w.writerow(export_row(i))


def hq_ingest(url: str, path: Path, *args: str) -> tuple[subprocess.CompletedProcess, int]:
    """Run `hq ingest` in a child of a fresh Python; returns the result and the
    hq process's peak resident memory in kB (RUSAGE_CHILDREN of that Python)."""
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr); "
             "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    proc = subprocess.run([sys.executable, "-c", probe, HQ, "ingest", str(path), "--workflow", "salesnav-export", *args],
                          capture_output=True, text=True, env={**os.environ, "DATABASE_URL": url})
    rss = int(proc.stdout.rsplit("MAXRSS", 1)[1].split()[0]) if "MAXRSS" in proc.stdout else -1
    return proc, rss


def test_hq_ingest_streams_100k_export_rows_in_parallel_sessions(db_url, tmp_path):
    path = tmp_path / "export.tsv"
    write_export(path, 100_000, "\t", bom=True)
    size_kb = path.stat().st_size // 1024
    proc, rss = hq_ingest(db_url, path, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "loaded 100000 rows: 99000 extracted, 1000 failed" in proc.stdout, proc.stdout
    assert "100000 rows" in proc.stdout  # the progress bar's last count
    # streamed: the file (about 32 MB, some 300 MB as Python rows) is never
    # held; each session has one batch of 5,000 rows filling, one queued, one in COPY
    assert 0 < rss < 160_000, f"peak RSS {rss} kB for a {size_kb} kB file"
    with psycopg.connect(db_url) as conn:
        counts = conn.execute("""SELECT count(*), count(*) FILTER (WHERE extraction_status = 'extracted'),
                                        count(*) FILTER (WHERE extraction_error LIKE '%is not a LinkedIn profile URL')
                                 FROM raw.salesnav_scrapes""").fetchone()
        assert counts == (100_000, 99_000, 1_000)
        # a quoted newline stays inside its field, the BOM never reaches the first header
        row = conn.execute("SELECT first_name, profile_summary, raw_payload ->> 'First name' FROM raw.salesnav_scrapes "
                           "WHERE linkedin_url_user_profile = 'https://www.linkedin.com/in/sn-bulk-10'").fetchone()
        assert row == ("First10", "Summary of 10.\nSecond line, with a comma", "First10")
        people = conn.execute("SELECT count(*), count(*) FILTER (WHERE company_domain IS NOT NULL AND job_start_date IS NOT NULL) "
                              "FROM core.people_full WHERE linkedin_url LIKE '%/in/sn-bulk-%'").fetchone()
        assert people == (99_000, 99_000)
        assert conn.execute("SELECT job_start_date FROM core.people_full "
                            "WHERE linkedin_url = 'https://www.linkedin.com/in/sn-bulk-7'").fetchone()[0].isoformat() == "2022-08-01"
        # 20,000 companies, less the 200 whose every row is a failed one (i % 100 == 0)
        assert conn.execute("SELECT count(*) FROM core.companies WHERE domain LIKE 'snco%.example'").fetchone()[0] == 19_800


def test_hq_ingest_comma_csv_without_bom_one_session(db_url, tmp_path):
    path = tmp_path / "export.csv"
    write_export(path, 30, ",", bom=False)
    proc, _ = hq_ingest(db_url, path)
    assert proc.returncode == 0, proc.stderr
    assert "loaded 30 rows: 30 extracted, 0 failed" in proc.stdout, proc.stdout
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT profile_summary FROM raw.salesnav_scrapes "
                            "WHERE linkedin_url_user_profile LIKE '%/sn-bulk-20'").fetchone()[0] == "Summary of 20.\nSecond line, with a comma"
        assert conn.execute("SELECT count(*) FROM core.people_full WHERE linkedin_url LIKE '%/in/sn-bulk-%'").fetchone()[0] == 30


def test_hq_ingest_empty_file_loads_nothing(db_url, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    proc, _ = hq_ingest(db_url, path, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "loaded 0 rows: 0 extracted, 0 failed" in proc.stdout, proc.stdout
