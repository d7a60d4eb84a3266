"""Load generated reference data (db/data/*.csv, from scripts/generate_reference.py) with COPY."""

from pathlib import Path

from yoyo import step

__depends__ = {"0003_reference_tables"}

DATA = Path(__file__).resolve().parents[1] / "data"

TABLES = [
    ("countries.csv", "reference.countries", "code2, code3, name, official_name, sort_order"),
    ("country_aliases.csv", "reference.country_aliases", "alias, country_code"),
    ("regions.csv", "reference.regions", "country_code, code, name, type"),
    ("region_aliases.csv", "reference.region_aliases", "country_code, alias, region_name"),
    ("cities.csv", "reference.cities", "geonameid, name, country_code, admin1_code, region_name, population"),
    ("industries.csv", "reference.company_industries", "linkedin_id, name, parent, top_level, sort_order"),
]


def load(conn):
    cur = conn.cursor()
    for filename, table, columns in TABLES:
        with open(DATA / filename, "rb") as f:
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, HEADER true, NULL '')") as copy:
                while chunk := f.read(1 << 16):
                    copy.write(chunk)
    cur.execute("UPDATE reference.regions r SET sort_order = s.n FROM (SELECT country_code, code, row_number() OVER (PARTITION BY country_code ORDER BY name) AS n FROM reference.regions) s WHERE s.country_code = r.country_code AND s.code = r.code")


steps = [step(load)]
