"""Small text helpers shared by the extractors: slugs for ids, Dutch dates."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}
# A month name as it may stand in text, longest first so "september" wins over "sep".
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
# "18 september 2023", "1 mei", "4 oktober jl.": day, month, optional year. Use with re.IGNORECASE.
DATE_PATTERN = rf"(?P<day>[0-3]?\d)\s+(?P<month>{MONTH_PATTERN})\.?(?:\s+(?P<year>(?:19|20)\d\d))?\b"
DATE = re.compile(DATE_PATTERN, re.IGNORECASE)


def iso_date(day: str | int, month: str | int, year: str | int | None) -> str | None:
    """An ISO date from Dutch parts ("18", "september", "2023"), or None when it is no real date."""
    if year is None:
        return None
    month_no = month if isinstance(month, int) else MONTHS.get(month.lower().rstrip("."))
    if month_no is None:
        return None
    try:
        return dt.date(int(year), month_no, int(day)).isoformat()
    except ValueError:
        return None


def fold(text: str) -> str:
    """Lower case without diacritics, one kind of dash, single spaces: for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def slugify(text: str) -> str:
    """An id fragment: folded, with runs of anything but letters and digits as one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def person_id(surname: str) -> str:
    """The document-level id of a person, from the surname with tussenvoegsel ("van der Burg")."""
    return f"person:{slugify(surname)}"
