"""`--help` tells a newcomer what they need: that the app is `museum` alone, what an item's
kinds, dates and seasons look like, and an example for the commands that draw or fill."""

from __future__ import annotations

import pytest

from museum.cli import main
from museum.core.models import KINDS


def _help(capsys, *command: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # as one line, whatever the wrapping


def test_the_main_help_says_that_no_command_opens_the_app(capsys):
    text = _help(capsys)
    assert "`museum` alone, with no command, opens the app" in text
    assert "No command opens it" in text and "museum init" in text


def test_add_help_lists_the_kinds_the_date_and_season_forms_and_an_example(capsys):
    text = _help(capsys, "add")
    assert all(kind in text for kind in KINDS)
    assert "2022, 2022-12 or 2022-12-18" in text and "2023/24" in text
    assert "example: museum add --title" in text


@pytest.mark.parametrize("command, words", [
    (("room", "poster"), ["No window opens", "200 to 20000", "museum room poster --out"]),
    (("demo",), ["makes the catalogue", "--no-photos", "museum --catalogue /tmp/demo demo"]),
])
def test_poster_and_demo_help_say_what_they_do_with_examples(capsys, command, words):
    text = _help(capsys, *command)
    assert all(word in text for word in words), text
