"""Regenerate schemas/1.0/codelists/country.csv from pycountry.

The file lists every officially assigned ISO 3166-1 alpha-2 code, sorted by
code, with its English short name (``common_name`` when pycountry has one,
else ``name``) and its Spanish name from the iso-codes gettext catalogue that
pycountry bundles (the translation of the same English name, so that "South
Korea" pairs with "Corea del Sur"). ``SPANISH_FIXES`` corrects the few catalogue
entries that are misspelt or left untranslated.

pycountry is only needed to run this script; it is not a dependency of the
library. Usage (from the repository root)::

    pip install pycountry
    python tasks/gen_countries.py
"""

from __future__ import annotations

import csv
import gettext
import sys
from pathlib import Path

import pycountry  # type: ignore[import-not-found, unused-ignore]

HEADER = ["code", "title_en", "title_es", "description_en", "description_es"]
EXPECTED_COUNT = 249
# Catalogue entries that are misspelt or untranslated in the iso-codes Spanish
# catalogue shipped with pycountry; checked against the catalogue on each run.
SPANISH_FIXES = {
    "AX": ("Islas Äland", "Islas Åland"),
    "BF": ("Burquina Faso", "Burkina Faso"),
    "CI": ("Costa de Marfíl", "Costa de Marfil"),
    "DZ": ("Algeria", "Argelia"),
    "KM": ("Comores, Islas", "Comoras"),
    "NE": ("Niger", "Níger"),
    "SR": ("Surinám", "Surinam"),
    "TN": ("Tunez", "Túnez"),
    "VI": ("Islas Vírgenes, de EEUU.", "Islas Vírgenes de los Estados Unidos"),
}
OUTPUT = Path(__file__).resolve().parent.parent / "schemas" / "1.0" / "codelists" / "country.csv"


def rows() -> list[list[str]]:
    """Return one CSV row per country, sorted by alpha-2 code."""
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    result = []
    for country in pycountry.countries:
        title_en = getattr(country, "common_name", None) or country.name
        title_es = spanish.gettext(title_en)
        if country.alpha_2 in SPANISH_FIXES:
            wrong, right = SPANISH_FIXES[country.alpha_2]
            if title_es == wrong:
                title_es = right
            else:
                print(
                    f"note: {country.alpha_2} is now {title_es!r} in the catalogue; fix not applied",
                    file=sys.stderr,
                )
        result.append([country.alpha_2, title_en, title_es, "", ""])
    result.sort(key=lambda row: row[0])
    return result


def main() -> int:
    """Write country.csv and return the process exit status."""
    data = rows()
    if len(data) != EXPECTED_COUNT:
        print(f"expected {EXPECTED_COUNT} codes, pycountry has {len(data)}", file=sys.stderr)
        return 1
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(data)
    print(f"wrote {len(data)} rows to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
