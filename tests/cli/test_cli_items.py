from __future__ import annotations

import json
import subprocess
import sys

import pytest

from museum import __version__
from museum.cli import main


def add_medal(run) -> int:
    code, out, _ = run("add", "--title", "World Cup winner's medal", "--kind", "medal",
                       "--date", "2022-12-18", "--season", "2022", "--competition",
                       "FIFA World Cup", "--stage", "Final", "--team", "Argentina",
                       "--opponent", "France", "--score", "3-3", "--venue", "Lusail Stadium",
                       "--achievement", "Winner", "--location", "Safe", "--tag", "favourite",
                       "--tag", "gold", "--value", "25000", "--currency", "EUR",
                       "--notes", "Every day")
    assert code == 0
    return int(out.strip())


def test_version(run):
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"museum {__version__}"


def test_add_then_show_as_json_keeps_every_field(run):
    item_id = add_medal(run)
    code, out, _ = run("show", str(item_id), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["id"] == item_id and data["kind"] == "medal" and data["date"] == "2022-12-18"
    assert data["tags"] == ["favourite", "gold"] and data["value"] == 25000.0
    assert (data["currency"], data["team"], data["venue"]) == ("EUR", "Argentina", "Lusail Stadium")
    for key in ("season", "competition", "stage", "opponent", "score", "achievement",
                "location", "notes", "created", "updated"):
        assert data[key]


def test_show_as_text_reads_like_a_label(run):
    item_id = add_medal(run)
    code, out, _ = run("show", str(item_id))
    assert code == 0
    assert "18 December 2022" in out and "25,000.00 EUR" in out and "favourite, gold" in out


def test_list_with_query_sort_and_json(run):
    add_medal(run)
    run("add", "--title", "Carabao Cup winner's medal", "--kind", "medal", "--date", "2024-02-25")
    run("add", "--title", "Match ball", "--kind", "ball", "--date", "2017")
    newest_first = ["Carabao Cup winner's medal", "World Cup winner's medal", "Match ball"]
    for sort_args in (("--sort=-date",), ("--sort", "date", "--desc")):
        code, out, _ = run("list", *sort_args, "--json")
        assert code == 0
        assert [row["title"] for row in json.loads(out)] == newest_first
    code, out, _ = run("list", "--query", "kind:medal -carabao")
    assert code == 0 and "World Cup winner's medal" in out and "Match ball" not in out
    assert out.strip().endswith("1 item")


def test_edit_delete_restore_and_empty_trash(run):
    item_id = add_medal(run)
    assert run("edit", str(item_id), "--location", "Cabinet 1 / shelf 2", "--tag", "signed")[0] == 0
    data = json.loads(run("show", str(item_id), "--json")[1])
    assert data["location"] == "Cabinet 1 / shelf 2" and data["tags"] == ["signed"]
    assert run("delete", str(item_id))[0] == 0
    assert json.loads(run("list", "--json")[1]) == []
    code, out, _ = run("trash", "--json")
    assert code == 0 and [row["id"] for row in json.loads(out)] == [item_id]
    assert run("restore", str(item_id))[0] == 0
    assert [row["id"] for row in json.loads(run("list", "--json")[1])] == [item_id]
    run("delete", str(item_id))
    code, out, _ = run("trash", "--empty")
    assert code == 0 and "Deleted 1 item for good" in out
    assert run("show", str(item_id))[0] == 2


def test_demo_fills_an_empty_catalogue_and_refuses_a_full_one(run):
    code, out, _ = run("demo", "--items", "25", "--no-photos")
    assert code == 0 and "32 items" in out
    titles = [row["title"] for row in json.loads(run("list", "--json")[1])]
    assert "FIFA World Cup winner's medal" in titles and "Carabao Cup winner's medal" in titles
    medal = json.loads(run("list", "--query", "world cup winner medal", "--json")[1])[0]
    assert (medal["opponent"], medal["date"]) == ("France", "2022-12-18")
    code, _, err = run("demo")
    assert code == 2 and "already has 32 items" in err


@pytest.mark.parametrize(("args", "message"), [
    (("add", "--title", "", "--kind", "medal"), "needs a title"),
    (("add", "--title", "Cup", "--kind", "spaceship"), "not a kind"),
    (("add", "--title", "Cup", "--kind", "medal", "--date", "2023-02-30"), "no day 30"),
    (("add", "--title", "Cup", "--kind", "medal", "--season", "2023/27"), "season"),
    (("add", "--title", "Cup", "--kind", "medal", "--value", "lots", "--currency", "EUR"),
     "not a number"),
    (("add", "--kind", "medal"), "required"),
    (("show", "999"), "no item with id 999"),
    (("show", "99999999999999999999"), "is too large"),
    (("show", "one"), "is not a whole number"),
    (("edit", "1", "--colour", "gold"), "Unrecognized arguments: --colour"),
    (("delete", "999"), "no item with id 999"),
    (("restore", "999"), "no item with id 999"),
    (("list", "--query", '"world cup'), "closing one"),
    (("list", "--query", "colour:gold"), "not a filter"),
    (("list", "--sort", "colour"), "Cannot sort by"),
    (("frobnicate",), "invalid choice"),
    # Bytes that are not UTF-8 reach Python as surrogates ('\udcff' for the byte 0xff).
    (("add", "--title", "bad\udcffbyte", "--kind", "medal"),
     "The --title value 'bad\\xffbyte' is not valid UTF-8 text"),
    (("edit", "1", "--tag", "ok", "--tag", "x\udcc3"), "The --tag value 'x\\xc3'"),
    (("list", "--query", "caf\udce9"), "The --query value"),
])
def test_bad_input_is_one_sentence_exit_2_and_changes_nothing(run, args, message):
    item_id = add_medal(run)
    before = run("show", str(item_id), "--json")[1]
    code, out, err = run(*args)
    assert code == 2, err
    assert message in err and "Traceback" not in err
    assert err.startswith("museum: ") and err.count("\n") == 1
    assert run("show", str(item_id), "--json")[1] == before
    assert len(json.loads(run("list", "--json")[1])) == 1


def test_catalogue_paths_that_are_not_catalogues(tmp_path, capsys):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert main(["--catalogue", str(a_file), "list"]) == 2
    assert "is a file, not a catalogue folder" in capsys.readouterr().err
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "museum.db").write_bytes(b"not sqlite" * 50)
    assert main(["--catalogue", str(folder), "list"]) == 2
    assert "not an SQLite file" in capsys.readouterr().err
    assert (folder / "museum.db").read_bytes() == b"not sqlite" * 50


def test_the_installed_command_prints_no_traceback(tmp_path):
    assert main(["--catalogue", str(tmp_path / "c"), "init"]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "museum", "--catalogue", str(tmp_path / "c"), "add", "--title",
         "Cup", "--kind", "medal", "--date", "2023-02-30"],
        capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "museum: '2023-02-30' is not a date: 2023-02 has no day 30.")
    assert result.stdout == ""


def test_bytes_that_are_not_utf8_on_the_command_line_are_one_sentence(tmp_path):
    folder = tmp_path / "c"
    result = subprocess.run(
        [sys.executable, "-m", "museum", "--catalogue", str(folder), "add", "--title",
         b"bad\xffbyte", "--kind", "medal"], capture_output=True)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "museum: The --title value 'bad\\xffbyte' is not valid UTF-8 text; "
        "retype it, or set your terminal to UTF-8.\n")
    # A folder name in any bytes is a path, not text: it is used as it is.
    odd_folder = tmp_path.as_posix().encode() + b"/caf\xe9"
    subprocess.run([sys.executable, "-m", "museum", "init", odd_folder], check=True)
    made = subprocess.run([sys.executable, "-m", "museum", "--catalogue", odd_folder, "add",
                           "--title", "Cup", "--kind", "trophy"], capture_output=True)
    assert (made.returncode, made.stderr) == (0, b"")


def test_the_environment_variable_chooses_the_catalogue(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MUSEUM_CATALOGUE", str(tmp_path / "from-env"))
    assert main(["init"]) == 0
    assert main(["add", "--title", "Cap", "--kind", "cap"]) == 0
    assert (tmp_path / "from-env" / "museum.db").exists()


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    folder = str(tmp_path / "c")
    subprocess.run([sys.executable, "-m", "museum", "--catalogue", folder, "demo", "--items",
                    "2000", "--no-photos"], check=True, capture_output=True)
    result = subprocess.run(
        f"{sys.executable} -m museum --catalogue {folder} list --json | head -c 10",
        shell=True, capture_output=True, text=True)
    assert result.stdout.startswith("[") and result.stderr == ""


def test_list_suggests_the_catalogues_own_words_when_nothing_matches(run):
    add_medal(run)
    code, out, err = run("list", "--query", "wolrd cup")
    assert code == 0 and "0 items" in out
    assert "Did you mean world cup?" in err
    code, out, err = run("list", "--query", "kind:medals")
    assert code == 2 and "Did you mean kind:medal?" in err
    code, out, err = run("list", "--query", "world cup")
    assert code == 0 and "1 item" in out and err == ""
