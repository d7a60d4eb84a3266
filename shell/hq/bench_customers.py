"""``hq bench customers``: customer names -> companies, set-based, with
precision and recall against known answers.

Loads N synthetic companies and the labelled real companies of
tests/data/customer_names.csv, then matches a mix of names in one call of
core.match_company_names: every labelled name (its expected domain written
in the file before the matcher ran), names derived from synthetic companies
the way customer pages write them (legal suffixes added or dropped, "The",
case, one-letter typos, the first word alone) and names of companies the
warehouse does not hold (which must stay unmatched). Everything runs in one
transaction that is rolled back."""

from __future__ import annotations

import csv
import random
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.rows import tuple_row

LABELLED = Path(__file__).resolve().parents[2] / "tests" / "data" / "customer_names.csv"

# brand words built from ~1,000 syllables, so their trigrams spread the way
# real names' do (a small syllable set makes every trigram common)
ONSETS = ["", "b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl",
          "qu", "r", "s", "sh", "sk", "st", "t", "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "y"]
CODAS = ["", "", "n", "r", "s", "x", "l", "m", "t", "nd", "rk", "ck"]
SYLLABLES = [o + v + c for o in ONSETS for v in VOWELS for c in CODAS]
WORDS = ["Analytics", "Labs", "Health", "Logistics", "Partners", "Systems", "Capital", "Foods", "Media", "Software",
         "Energy", "Robotics", "Security", "Bank", "Insurance", "Studios", "Consulting", "Networks", "Pharma",
         "Biotech", "Retail", "Group", "Solutions", "Technologies", "Ventures", "Cloud", "Data", "Motors",
         "Apparel", "Coffee", "Brewing", "Travel", "Realty", "Logic", "Dynamics", "Works", "Digital", "Mobile"]
SUFFIXES = ["", "", "", "Inc.", "LLC", "Ltd", "GmbH", "Corp.", "S.A.", "AG", "B.V."]
UNKNOWN_SYLLABLES = ["qwi", "xo", "pfl", "zyx", "kwa", "vro", "ghu", "ploo", "snar", "thwe", "yix", "oqu"]


@dataclass
class Name:
    text: str
    expected: str | None
    labelled: bool


def _pseudo(rnd: random.Random, syllables=SYLLABLES) -> str:
    return "".join(rnd.choice(syllables) for _ in range(rnd.randint(2, 3))).capitalize()


def synthetic_companies(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """(domain, name) for n synthetic companies; names repeat and resemble
    each other the way real names do."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        words = [_pseudo(rnd)] + ([rnd.choice(WORDS)] if rnd.random() < 0.7 else [])
        name = " ".join(words + ([s] if (s := rnd.choice(SUFFIXES)) else []))
        out.append((f"{'-'.join(w.lower() for w in words)}-{i:x}.example", name))
    return out


def _variant(rnd: random.Random, name: str) -> str:
    base = name
    for s in SUFFIXES:
        if s and base.endswith(" " + s):
            base = base[: -len(s) - 1]
    roll = rnd.random()
    if roll < 0.3:
        return name
    if roll < 0.5:
        return f"{base}, {rnd.choice(['Inc.', 'LLC', 'Ltd.', 'Limited', 'Corporation'])}"
    if roll < 0.6:
        return base.upper() if rnd.random() < 0.5 else f"The {base}"
    if roll < 0.85:  # one-letter typo inside the first word
        w = base.split(" ")
        i = rnd.randrange(1, len(w[0]))
        w[0] = w[0][:i] + w[0][i + 1:] if rnd.random() < 0.5 else w[0][:i] + w[0][i] + w[0][i:]
        return " ".join(w)
    return base.split(" ")[0]


def load_labelled(path: Path = LABELLED) -> list[dict]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def names_to_match(companies: list[tuple[str, str]], labelled: list[dict], total: int, seed: int = 5) -> list[Name]:
    rnd = random.Random(seed)
    names = [Name(r["customer_name"], r["expected_domain"] or None, True) for r in labelled][:total]
    unknown = max(0, (total - len(names)) // 7)
    while len(names) < total - unknown and companies:
        domain, name = rnd.choice(companies)
        names.append(Name(_variant(rnd, name), domain, False))
    while len(names) < total:
        names.append(Name(f"{_pseudo(rnd, UNKNOWN_SYLLABLES)} {rnd.choice(WORDS)}", None, False))
    return names


def score(names: list[Name], got: dict[str, str | None]) -> dict:
    """Precision = right matches / matches made; recall = right matches /
    names that have a company to find."""
    matched = [n for n in names if got.get(n.text)]
    right = [n for n in matched if got[n.text] == n.expected]
    findable = [n for n in names if n.expected]
    return {"names": len(names), "matched": len(matched), "right": len(right), "findable": len(findable),
            "precision": len(right) / len(matched) if matched else 1.0,
            "recall": len(right) / len(findable) if findable else 1.0}


def run(conn: psycopg.Connection, companies: int, total: int, out) -> dict:
    conn.row_factory = tuple_row
    labelled = load_labelled()
    background = synthetic_companies(companies)
    real = [(r["expected_domain"], r["company_name"]) for r in labelled if r["expected_domain"]]
    names = names_to_match(background, labelled, total)
    # a customer name written twice with different answers would be unscorable
    seen: dict[str, Name] = {}
    for n in names:
        seen.setdefault(n.text, n)
    names = list(seen.values())
    with conn.transaction(force_rollback=True):
        conn.execute("SET LOCAL hq.in_pipeline = on")  # no golden rows needed for matching
        conn.execute("CREATE TEMP TABLE bench_companies (domain text, name text) ON COMMIT DROP")
        with conn.cursor().copy("COPY bench_companies FROM STDIN") as cp:
            for row in {d: (d, nm) for d, nm in background + real}.values():
                cp.write_row(row)
        t0 = time.perf_counter()
        conn.execute("INSERT INTO core.companies (domain, name) SELECT domain, name FROM bench_companies "
                     "ON CONFLICT (domain) DO NOTHING")
        conn.execute("ANALYZE core.company_name_keys")
        load = time.perf_counter() - t0
        arr = [n.text for n in names]
        t0 = time.perf_counter()
        conn.execute("SELECT count(*) FROM core.company_name_keys k JOIN unnest(%s::text[]) AS u(n) "
                     "ON k.name_compact = replace(core.company_name_key(u.n), ' ', '')", (arr,)).fetchall()
        base = time.perf_counter() - t0
        t0 = time.perf_counter()
        rows = conn.execute("SELECT name, domain, method FROM core.match_company_names(%s)", (arr,)).fetchall()
        took = time.perf_counter() - t0
    if conn.autocommit:
        # the rolled-back companies leave dead entries in the trigram index that
        # slow every later search until autovacuum runs (docs/benchmarks.md)
        conn.execute("VACUUM core.companies, core.company_name_keys")
    got = {r[0]: r[1] for r in rows}
    methods: dict[str, int] = {}
    for r in rows:
        methods[r[2] or "none"] = methods.get(r[2] or "none", 0) + 1
    result = {"all": score(names, got), "labelled": score([n for n in names if n.labelled], got),
              "synthetic": score([n for n in names if not n.labelled], got), "seconds": took, "baseline": base}
    out.print(f"companies: {companies:,} synthetic + {len(real):,} labelled real ones, keyed in {load:.1f} s")
    out.print(f"matched {len(names):,} distinct names set-based in {took:.2f} s "
              f"({len(names) / took:,.0f} names/s); baseline (exact key join only) {base:.2f} s, "
              f"ratio {took / base if base else float('inf'):.1f}x")
    out.print("methods: " + ", ".join(f"{k} {v:,}" for k, v in sorted(methods.items())))
    for part in ("labelled", "synthetic", "all"):
        s = result[part]
        out.print(f"{part}: {s['names']:,} names, {s['matched']:,} matched, {s['right']:,} right of "
                  f"{s['findable']:,} findable: precision {s['precision']:.1%}, recall {s['recall']:.1%}")
    return result
