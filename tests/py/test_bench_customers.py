"""hq bench customers: runs at toy size and reports precision and recall it
computed from the matches (never asserted on time); on the labelled real
names against a small synthetic background the matcher keeps precision
>= 97% and recall >= 85%."""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg

HQ = str(Path(sys.executable).parent / "hq")
LINE = re.compile(r"(labelled|synthetic|all): ([0-9,]+) names, ([0-9,]+) matched, ([0-9,]+) right of ([0-9,]+) "
                  r"findable: precision ([0-9.]+)%, recall ([0-9.]+)%")


def bench(url, *args) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "COLUMNS": "400"}
    done = subprocess.run([HQ, "bench", "customers", *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    parts = {m[0]: [int(x.replace(",", "")) for x in m[1:5]] + [float(m[5]), float(m[6])] for m in LINE.findall(text)}
    assert set(parts) == {"labelled", "synthetic", "all"}, text
    assert re.search(r"matched [0-9,]+ distinct names set-based in [0-9.]+ s", text), text
    return parts


def companies(url) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM core.companies").fetchone()[0]


def test_bench_customers_toy_size_computes_precision_and_recall(db_url):
    parts = bench(db_url, "--companies", "200", "--names", "560")
    for names, matched, right, findable, precision, recall in parts.values():
        assert right <= matched <= names and right <= findable <= names
        assert abs(precision - 100 * right / matched) < 0.06 and abs(recall - 100 * right / findable) < 0.06
    lab, syn, tot = parts["labelled"], parts["synthetic"], parts["all"]
    assert lab[0] == 498 and syn[0] > 0 and tot[0] == lab[0] + syn[0]
    assert [a + b for a, b in zip(lab[:4], syn[:4])] == tot[:4]
    assert companies(db_url) == 0, "the bench leaves the database as it found it"


def test_labelled_customer_names_precision_and_recall(db_url):
    lab = bench(db_url, "--companies", "5000", "--names", "498")["labelled"]
    names, matched, right, findable, precision, recall = lab
    assert (names, findable) == (498, 468)
    assert precision >= 97.0, lab
    assert recall >= 85.0, lab
