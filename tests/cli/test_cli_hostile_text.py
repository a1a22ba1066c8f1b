"""Text in the database that another program wrote badly: bytes that are not UTF-8, and
terminal control sequences. The CLI reads, prints and checks it without a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest



def write_raw(folder: Path, sql: str) -> None:
    """Change the database behind Museum's back, as another program could."""
    connection = sqlite3.connect(folder / "museum.db")
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


def stored_bytes(folder: Path, sql: str) -> bytes:
    connection = sqlite3.connect(folder / "museum.db")
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def bad_utf8(run):
    assert run("demo", "--items", "3", "--no-photos")[0] == 0
    # 'bad\xffbyte' and a lead byte cut short: neither is UTF-8.
    write_raw(run.folder, "UPDATE item SET title = CAST(X'626164ff62797465' AS TEXT), "
                          "competition = CAST(X'43757028c3' AS TEXT) WHERE id = 1")
    write_raw(run.folder, "UPDATE tag SET name = CAST(X'7369676e6564fe' AS TEXT) "
                          "WHERE id = (SELECT min(id) FROM tag)")
    return run


def test_text_that_is_not_utf8_reads_with_replacement_characters(bad_utf8):
    run = bad_utf8
    code, out, err = run("list")
    assert (code, err) == (0, "") and "bad\ufffdbyte" in out
    code, out, err = run("list", "--json")
    assert code == 0 and json.loads(out)[0]["id"] and "bad\ufffdbyte" in out
    code, out, err = run("show", "1")
    assert (code, err) == (0, "") and "Cup(\ufffd" in out
    code, out, err = run("room", "arrange", "--by", "competition")
    assert (code, err) == (0, ""), err


def test_check_finds_text_that_is_not_utf8_and_repair_replaces_it_keeping_a_note(bad_utf8):
    run = bad_utf8
    code, out, _ = run("check")
    assert code == 1, out
    assert "Problem: Item 1: its title holds bytes that are not UTF-8 text ('bad\\xffbyte')" in out
    assert "Problem: Item 1: its competition holds" in out
    assert "Problem: Tag " in out and "'signed\\xfe'" in out
    code, out, _ = run("check", "--repair")
    assert code == 0, out
    assert "Repaired: Replaced the bytes that are not UTF-8 in 3 text value(s)" in out
    title = stored_bytes(run.folder, "SELECT CAST(title AS BLOB) FROM item WHERE id = 1")
    assert title.decode("utf-8") == "bad\ufffdbyte"
    [note] = (run.folder / "lost-and-found").rglob("replaced-text.txt")
    assert "item 1, title: b'bad\\xffbyte'" in note.read_text(encoding="utf-8")
    assert run("check")[0] == 0
    assert "bad\ufffdbyte" in run("list", "--query", "bad")[1]


TERMINAL_TRICKS = {
    "title": "\x1b[31mRed\x1b[0m medal",          # colour
    "notes": "\x1b]0;pwned\x07",                 # OSC: retitles the terminal, then BEL
    "location": "Safe\x9b2J",                    # C1 CSI: clears the screen on some terminals
    "venue": "Wembley\rAnfield",                 # carriage return: hides what came before
    "team": "Reds\u202egnp.exe",                 # right-to-left override: reorders what shows
}
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\r", "\u202e")


@pytest.fixture
def tricky_item(run):
    options = [part for name, value in TERMINAL_TRICKS.items()
               for part in (f"--{name}", value)]
    code, out, err = run("add", "--kind", "medal", *options)
    assert (code, err) == (0, "")
    return int(out)


@pytest.mark.parametrize("command", [("list",), ("show", "1"), ("trash",)])
def test_plain_text_output_shows_control_characters_as_visible_escapes(run, tricky_item,
                                                                       command):
    if command == ("trash",):
        run("delete", str(tricky_item))
    code, out, err = run(*command)
    assert (code, err) == (0, "")
    assert not any(control in out for control in RAW_CONTROLS)
    assert "\\x1b[31mRed\\x1b[0m medal" in out
    if command == ("show", "1"):
        for shown in ("\\x1b]0;pwned\\x07", "Safe\\x9b2J", "Wembley\\x0dAnfield",
                      "Reds\\u202egnp.exe"):
            assert shown in out


def test_json_output_keeps_the_values_and_escapes_every_control_character(run, tricky_item):
    for command in (("list", "--json"), ("show", str(tricky_item), "--json")):
        code, out, err = run(*command)
        assert (code, err) == (0, "")
        assert not any(control in out for control in RAW_CONTROLS)
        data = json.loads(out)
        record = data[0] if isinstance(data, list) else data
        assert {name: record[name] for name in TERMINAL_TRICKS} == TERMINAL_TRICKS


def test_room_list_shows_a_cabinet_named_after_a_tricky_competition_harmlessly(run):
    code, _out, err = run("add", "--kind", "medal", "--title", "Medal",
                          "--competition", "\x1b[2JCup")
    assert (code, err) == (0, "")
    assert run("room", "arrange", "--by", "competition")[0] == 0
    code, out, err = run("room", "list")
    assert (code, err) == (0, "")
    assert "\x1b" not in out and "\\x1b[2JCup" in out
