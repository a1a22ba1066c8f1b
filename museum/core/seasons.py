"""Which season a date falls in, for the competition it was won in.

Leagues and most domestic cups run by season (August to May: 2021/22); tournaments such as the
World Cup run within a calendar year (2022). The catalogue's own items decide first: if the
items of a competition carry seasons like 2023/24, it runs by season. Otherwise the
competition's name decides, from a short list of words.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from museum.core.catalogue import Catalogue
from museum.core.dates import parse_partial_date
from museum.core.errors import ValidationError
from museum.core.models import Item

SEASON_STARTS_IN_MONTH = 7  # a July pre-season belongs to the season it opens
# Tournaments held within a year, although some have "cup" in their names; checked first.
CALENDAR_YEAR_NAMES = (
    "world cup", "club world cup", "euro", "european championship", "nations league finals",
    "copa america", "copa américa", "africa cup of nations", "africa cup", "asian cup",
    "gold cup", "confederations cup", "olympic", "olympics", "libertadores", "sudamericana",
    "recopa", "mls", "brasileirao", "brasileirão", "j1 league", "j.league", "allsvenskan",
    "eliteserien", "veikkausliiga", "a-league women",
)
SEASON_NAMES = (
    "league", "liga", "ligue", "lega", "serie", "bundesliga", "eredivisie", "premiership",
    "championship", "division", "división", "primera", "cup", "copa", "coupe", "coppa", "pokal",
    "beker", "taça", "taca", "shield", "supercup", "super cup", "supercopa", "supercoppa",
    "trophy", "trofeo",
)
_SEASON_FORM = re.compile(r"^\d{4}/\d{2}$")
_YEAR_FORM = re.compile(r"^\d{4}$")


def season_of_date(date: str, *, by_season: bool) -> str | None:
    """The season a partial date falls in: '2021/22' for a competition run by season (None
    when the date has no month to tell), '2022' for one run within the calendar year."""
    stored = parse_partial_date(date)
    if stored is None:
        return None
    year = int(stored[:4])
    if not by_season:
        return f"{year:04d}"
    if len(stored) < 7:
        return None  # 2022 alone could be the end of 2021/22 or the start of 2022/23
    start = year if int(stored[5:7]) >= SEASON_STARTS_IN_MONTH else year - 1
    return f"{start:04d}/{(start + 1) % 100:02d}"


def runs_by_season(catalogue: Catalogue, *, competition: str) -> bool | None:
    """Whether a competition runs by season (True), within the calendar year (False), or
    cannot be told (None): from the seasons its items already carry, else from its name."""
    name = " ".join(competition.split()).casefold()
    if not name:
        return None
    with catalogue.session() as session:
        seasons = session.execute(
            select(Item.season).where(func.lower(Item.competition) == name,
                                      Item.season.is_not(None))).scalars().all()
    by_season = sum(1 for season in seasons if _SEASON_FORM.match(season))
    by_year = sum(1 for season in seasons if _YEAR_FORM.match(season))
    if by_season != by_year:
        return by_season > by_year
    return _runs_by_season_by_name(name)


def offer_season(catalogue: Catalogue, *, date: str | None, competition: str | None) -> str | None:
    """The season to offer for an item of this date and competition, or None when the date
    or the competition does not say (or the date is not a date)."""
    if not date or not competition:
        return None
    by_season = runs_by_season(catalogue, competition=competition)
    if by_season is None:
        return None
    try:
        return season_of_date(date, by_season=by_season)
    except ValidationError:
        return None


def _runs_by_season_by_name(name: str) -> bool | None:
    words = re.sub(r"[^\w.\-]+", " ", name)
    if any(_has_words(words, calendar) for calendar in CALENDAR_YEAR_NAMES):
        return False
    if any(_has_words(words, seasonal) for seasonal in SEASON_NAMES):
        return True
    return None


def _has_words(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None
