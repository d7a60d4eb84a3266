"""Running a pgTAP file with psql and reporting it to pytest: each assertion
a subtest; the file fails when psql errors, an assertion fails, or the plan
and the number of assertions run disagree. Shared by the pgTAP runs on the
system PostgreSQL (test_pgtap) and on the newest supported major
(test_embedded_postgres)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from hq.localpg import find_bindir

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
FILES = sorted(SQL_DIR.glob("*.sql"))
TAP_LINE = re.compile(r"^(not ok|ok) (\d+)(?: - (.*))?$")


FIXTURES_DIR = SQL_DIR.parent / "fixtures"


def fixtures_dir() -> Path:
    """The payload fixtures kept in the repository (tests/fixtures)."""
    return FIXTURES_DIR


def run_tap(url: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(find_bindir() / "psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
         "-d", url, "-f", str(path)],
        capture_output=True, text=True, cwd=str(SQL_DIR.parent.parent),
        env={**os.environ, "HQ_FIXTURES": str(fixtures_dir())},
    )


def parse_tap(output: str) -> tuple[int | None, list[tuple[bool, int, str, list[str]]]]:
    plan = None
    results: list[tuple[bool, int, str, list[str]]] = []
    for line in output.splitlines():
        m = re.match(r"^1\.\.(\d+)$", line)
        if m:
            plan = int(m.group(1))
            continue
        m = TAP_LINE.match(line)
        if m:
            results.append((m.group(1) == "ok", int(m.group(2)), m.group(3) or "", []))
        elif line.startswith("#") and results:
            results[-1][3].append(line)
    return plan, results


def check_tap_file(url: str, path: Path, subtests, label: str = "") -> None:
    """Run one pgTAP file against the database at url; every assertion a subtest."""
    proc = run_tap(url, path)
    plan, results = parse_tap(proc.stdout)
    for ok, num, desc, diag in results:
        with subtests.test(msg=f"{label}{path.stem} #{num} {desc}"[:200]):
            assert ok, "\n".join(diag) or desc
    assert proc.returncode == 0, f"psql failed on {path.name}: {proc.stderr.strip()[-2000:]}"
    assert results, f"{path.name} ran no assertions"
    assert plan == len(results), f"{path.name}: planned {plan}, ran {len(results)}"
