from __future__ import annotations

import pytest

from museum.core.dates import format_partial_date, parse_partial_date, parse_season
from museum.core.errors import ValidationError


@pytest.mark.parametrize(("text", "stored"), [
    ("2022", "2022"), ("2022-12", "2022-12"), ("2022-12-18", "2022-12-18"),
    ("2022-1-5", "2022-01-05"), ("2022/12/18", "2022-12-18"), (" 2024-02-29 ", "2024-02-29"),
    ("", None), (None, None),
])
def test_partial_dates_are_stored_in_a_form_that_sorts(text, stored):
    assert parse_partial_date(text) == stored


@pytest.mark.parametrize("text", ["2023-02-30", "2022-13", "2023-02-29", "18/12/2022",
                                  "yesterday", "22", "1066", "2022-12-18T10:00"])
def test_impossible_dates_are_refused_with_a_sentence(text):
    with pytest.raises(ValidationError, match=r"\.$"):
        parse_partial_date(text)


def test_stored_partial_dates_sort_from_coarse_to_fine():
    dates = ["2022-12-18", "2021", "2022", "2022-12", "2022-01-31"]
    assert sorted(parse_partial_date(d) for d in dates) == [
        "2021", "2022", "2022-01-31", "2022-12", "2022-12-18"]


@pytest.mark.parametrize(("text", "season"), [
    ("2023/24", "2023/24"), ("2023-24", "2023/24"), ("2023/2024", "2023/24"),
    ("2023 - 2024", "2023/24"), ("1999/00", "1999/00"), ("1999-2000", "1999/00"),
    ("2022", "2022"), ("", None),
])
def test_seasons_normalise(text, season):
    assert parse_season(text) == season


@pytest.mark.parametrize("text", ["2023/25", "2023-2025", "2023/2", "23/24", "season one",
                                  "2024/23"])
def test_malformed_seasons_are_refused(text):
    with pytest.raises(ValidationError, match="season"):
        parse_season(text)


def test_partial_dates_read_as_a_person_writes_them():
    assert format_partial_date("2022-12-18") == "18 December 2022"
    assert format_partial_date("2022-12") == "December 2022"
    assert format_partial_date("2022") == "2022"
