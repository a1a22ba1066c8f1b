"""Partial dates (2022, 2022-12, 2022-12-18) and football seasons (2023/24)."""

from __future__ import annotations

import datetime as dt
import re

from museum.core.errors import ValidationError

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_SEASON = re.compile(r"^(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?$")


def parse_partial_date(text: str | None) -> str | None:
    """Return the date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (which sort as text), or None if blank.

    Raises ValidationError for anything that is not a real calendar date.
    """
    text = (text or "").strip()
    if not text:
        return None
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValidationError(
            f"'{text}' is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2022-12-18)."
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    if not 1800 <= year <= 2200:
        raise ValidationError(f"'{text}' has an unlikely year; use a year between 1800 and 2200.")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise ValidationError(f"'{text}' is not a date: there is no month {month}.")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValidationError(
            f"'{text}' is not a date: {year}-{month:02d} has no day {day}.") from None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_season(text: str | None) -> str | None:
    """Return a season as '2023/24' (or a calendar-year season as '2022'), or None if blank.

    '2023-24', '2023/2024' and '2023 - 2024' all become '2023/24'.
    """
    text = (text or "").strip()
    if not text:
        return None
    match = _SEASON.match(text)
    if not match:
        raise ValidationError(f"'{text}' is not a season; write it as 2023/24 (or a single year).")
    start, end = int(match.group(1)), match.group(2)
    if not 1800 <= start <= 2200:
        raise ValidationError(f"'{text}' has an unlikely year; use a year between 1800 and 2200.")
    if end is None:
        return f"{start:04d}"
    end_two_digits = int(end) % 100 if len(end) == 4 else int(end)
    if len(end) == 4 and int(end) != start + 1 or end_two_digits != (start + 1) % 100:
        raise ValidationError(
            f"'{text}' is not a season: the second year must follow the first (e.g. 2023/24)."
        )
    return f"{start:04d}/{end_two_digits:02d}"


def year_of(partial_date: str | None) -> int | None:
    """The year of a stored partial date, or None."""
    return int(partial_date[:4]) if partial_date else None


def format_partial_date(partial_date: str | None) -> str:
    """A partial date as a person reads it: '18 December 2022', 'December 2022', '2022'."""
    if not partial_date:
        return ""
    parts = [int(part) for part in partial_date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month_name = dt.date(parts[0], parts[1], 1).strftime("%B")
    if len(parts) == 2:
        return f"{month_name} {parts[0]}"
    return f"{parts[2]} {month_name} {parts[0]}"
