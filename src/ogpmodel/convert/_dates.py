"""
Dates as trackers give them: a partial-date string, a YAML date, a year as a number, or words.

`date_in_words` reads the free-text deadlines of bilingual trackers when they name a month or a
year and nothing else ("By March 2025", "D'ici mars 2025", "2024", "By the end of 2023"); a season,
a fiscal year, a range or two dates ("Fall 2025", "2023-24", "By June 2022 and June 2023") are not
read: those stay notes, and no date is made up for them.
"""

import datetime
import re
import unicodedata

from ogpmodel.errors import InvalidValue
from ogpmodel.values import PartialDate

__all__ = ["date_in_words", "partial_date"]


def partial_date(value: object) -> PartialDate | None:
    """
    The partial date of a source value, or `None` when it is not one.

    >>> partial_date(" 2023-12 "), partial_date(2024), partial_date("Dec 2023")
    (PartialDate('2023-12'), PartialDate('2024'), None)
    """
    if isinstance(value, datetime.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value.strip())
        except InvalidValue:
            return None
    return None


_MONTHS = {
    "en": [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    "fr": [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ],
}
#: The words before a deadline's month or year that keep it a month or a year: "by" it, or
#: "by the end of" it.
_LEADS = {
    "en": r"(?:by\s+)?(?:(?:the\s+)?end\s+of\s+)?",
    "fr": r"(?:d'ici\s+)?(?:(?:la\s+)?fin\s+(?:de\s+|d')?)?(?:(?:en|le)\s+)?",
}


def _plain(text: str) -> str:
    """*text* in lower case, without accents, with straight apostrophes and single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.lower().split()).rstrip(".")


def date_in_words(text: str, language: str) -> PartialDate | None:
    """
    The month or year a deadline names, when it names one and nothing else.

    *language* is ``"en"`` or ``"fr"`` (another language reads nothing).

    >>> date_in_words("By March 2025", "en"), date_in_words("D'ici la fin de 2023", "fr")
    (PartialDate('2025-03'), PartialDate('2023'))
    >>> date_in_words("Fall 2025", "en") is None
    True
    """
    months = _MONTHS.get(language)
    if months is None:
        return None
    pattern = _LEADS[language] + r"(?:(?P<month>[a-z]+)\s+)?(?P<year>\d{4})"
    found = re.fullmatch(pattern, _plain(text))
    if found is None:
        return None
    year = int(found["year"])
    if found["month"] is None:
        return PartialDate(year) if year >= 1 else None
    if found["month"] not in months:
        return None
    return PartialDate(year, months.index(found["month"]) + 1)
