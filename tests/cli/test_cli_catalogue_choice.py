"""Which catalogue a command opens, and when one is made: a mistyped path is reported, never
made into a new, empty catalogue; only `init`, `demo` and the default catalogue create."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from museum.cli import main
from museum.core.catalogue import Catalogue, default_catalogue_path
from museum.core.items import add_item

REPO = Path(__file__).resolve().parents[2]
READING_COMMANDS = [("list",), ("list", "--json"), ("show", "1"), ("trash",),
                    ("photo", "list", "1"), ("room", "list"), ("backup",), ("check",)]


def _made(root: Path) -> Path:
    with Catalogue.open(root, create=True) as catalogue:
        add_item(catalogue, fields={"title": "Medal", "kind": "medal"})
    return root


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_reading_command_on_a_mistyped_path_says_there_is_none_and_makes_nothing(
        tmp_path, capsys, command):
    typo = tmp_path / "Catalouge"
    assert main(["--catalogue", str(typo), *command]) == 2
    out, err = capsys.readouterr()
    assert f"There is no Museum catalogue at {typo}" in err and err.count("\n") == 1
    assert "0 items" not in out and not typo.exists()


@pytest.mark.parametrize("command", READING_COMMANDS[:3], ids=" ".join)
def test_the_environment_variable_is_not_made_into_a_catalogue_either(
        tmp_path, capsys, monkeypatch, command):
    typo = tmp_path / "typo"
    monkeypatch.setenv("MUSEUM_CATALOGUE", str(typo))
    assert main(list(command)) == 2
    assert "There is no Museum catalogue" in capsys.readouterr().err and not typo.exists()


def test_an_empty_folder_is_not_taken_for_a_catalogue_by_a_reader(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["--catalogue", str(tmp_path / "empty"), "list"]) == 2
    assert "There is no Museum catalogue" in capsys.readouterr().err
    assert list((tmp_path / "empty").iterdir()) == []


def test_a_write_command_on_a_missing_catalogue_points_to_init(tmp_path, capsys):
    typo = tmp_path / "typo"
    assert main(["--catalogue", str(typo), "add", "--title", "Cup", "--kind", "medal"]) == 2
    err = capsys.readouterr().err
    assert "There is no Museum catalogue" in err and f'museum init "{typo}"' in err
    assert not typo.exists()


def test_init_makes_an_empty_catalogue_once(tmp_path, capsys):
    root = tmp_path / "new"
    assert main(["init", str(root)]) == 0
    assert f"Made a new, empty catalogue at {root}" in capsys.readouterr().out
    assert main(["--catalogue", str(root), "list"]) == 0
    assert "0 items" in capsys.readouterr().out
    assert main(["init", str(root)]) == 2
    assert "There already is a Museum catalogue" in capsys.readouterr().err


def test_init_refuses_a_folder_of_someone_elses_hidden_files(tmp_path, capsys):
    (tmp_path / "project" / ".git").mkdir(parents=True)
    assert main(["init", str(tmp_path / "project")]) == 2
    assert "not a Museum catalogue" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "project").iterdir()] == [".git"]


def test_demo_still_makes_its_catalogue(tmp_path, capsys):
    root = tmp_path / "demo"
    assert main(["--catalogue", str(root), "demo", "--no-photos"]) == 0
    assert (root / "museum.db").is_file()


def test_the_default_catalogue_is_made_by_a_write_but_not_by_a_read(capsys):
    default = default_catalogue_path()
    assert main(["list"]) == 2
    assert f"There is no Museum catalogue at {default}" in capsys.readouterr().err
    assert not default.exists()
    assert main(["add", "--title", "Cup", "--kind", "medal"]) == 0
    assert (default / "museum.db").is_file()


# -- reading beside the app -------------------------------------------------------------------

def _holding_the_lock(root: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from museum.core.catalogue import Catalogue
        catalogue = Catalogue.open({str(root)!r})
        print("open", flush=True)
        time.sleep(600)  # killed by the test
    """)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_every_reading_command_runs_beside_a_writer(tmp_path, capsys):
    root = _made(tmp_path / "cat")
    holder = _holding_the_lock(root)  # another process, as the app would be
    try:
        for command in [*READING_COMMANDS, ("trash", "--json"),
                        ("room", "poster", "--out", str(tmp_path / "room.png"))]:
            code = main(["--catalogue", str(root), *command])
            err = capsys.readouterr().err
            assert "open in another Museum" not in err, (command, err)
            assert code in (0, 2) and "Traceback" not in err
        assert main(["--catalogue", str(root), "edit", "1", "--title", "x"]) == 2
        err = capsys.readouterr().err
        assert "open in another Museum" in err
        assert "read-only" not in err and "only read" in err
    finally:
        holder.kill()
        holder.wait()


def test_read_only_refuses_writes_and_lets_reads_through(tmp_path, capsys):
    root = _made(tmp_path / "cat")
    assert main(["--catalogue", str(root), "--read-only", "edit", "1", "--title", "x"]) == 2
    assert "--read-only" in capsys.readouterr().err
    assert main(["--catalogue", str(root), "--read-only", "list"]) == 0
    assert "Medal" in capsys.readouterr().out


def test_a_reading_command_brings_an_older_catalogue_up_to_date_first(tmp_path, capsys):
    from tests.core.safety_support import make_first_revision_catalogue

    folder = make_first_revision_catalogue(tmp_path / "old", items=3)
    assert main(["--catalogue", str(folder), "--read-only", "list"]) == 2
    assert "needs updating" in capsys.readouterr().err  # asked not to write: it says why
    assert main(["--catalogue", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") >= 3
    assert main(["--catalogue", str(folder), "--read-only", "trash"]) == 0  # now up to date
