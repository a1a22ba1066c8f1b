"""A season offered from the date, for competitions that run by season."""

from __future__ import annotations

import pytest

from museum.core import items
from museum.core.seasons import offer_season, runs_by_season, season_of_date


@pytest.mark.parametrize(("date", "competition", "season"), [
    ("2022-05-28", "UEFA Champions League", "2021/22"),
    ("2022-05-28", "Champions League", "2021/22"),
    ("2021-08-14", "Premier League", "2021/22"),
    ("2022-07-30", "Community Shield", "2022/23"),  # a July curtain-raiser opens the season
    ("2024-02-25", "Carabao Cup", "2023/24"),
    ("2023-04", "Copa del Rey", "2022/23"),
    ("2022-12-18", "FIFA World Cup", "2022"),
    ("2022-12-18", "world cup", "2022"),
    ("2024-07-14", "UEFA Euro 2024", "2024"),
    ("2021-07-10", "Copa América", "2021"),
    ("2018-12-09", "Copa Libertadores", "2018"),
    ("2022", "FIFA World Cup", "2022"),
    ("2022", "Premier League", None),  # the end of 2021/22 or the start of 2022/23?
    ("2022-05-28", "Testimonial", None),  # a name that says nothing
    ("2022-05-28", "", None),
    ("", "Premier League", None),
    ("28 May", "Premier League", None),
])
def test_the_season_offered_follows_how_the_competition_runs(catalogue, date, competition,
                                                              season):
    assert offer_season(catalogue, date=date, competition=competition) == season


def test_the_catalogues_own_items_decide_before_the_name(catalogue):
    # Named like a calendar-year tournament, but this collector's items say otherwise...
    for season in ("2019/20", "2020/21"):
        items.add_item(catalogue, fields=dict(title="Medal", kind="medal",
                                              competition="Gold Cup", season=season))
    assert runs_by_season(catalogue, competition="gold cup") is True
    assert offer_season(catalogue, date="2022-05-28", competition="Gold Cup") == "2021/22"
    # ...and a name that says nothing is learnt from its items.
    items.add_item(catalogue, fields=dict(title="Plate", kind="trophy",
                                          competition="Testimonial", season="2019"))
    assert offer_season(catalogue, date="2022-05-28", competition="Testimonial") == "2022"


def test_season_of_date_needs_a_month_only_for_seasons():
    assert season_of_date("1999-12-31", by_season=True) == "1999/00"
    assert season_of_date("2000-01", by_season=True) == "1999/00"
    assert season_of_date("2022", by_season=False) == "2022"
    assert season_of_date("", by_season=True) is None
