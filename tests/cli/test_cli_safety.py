from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from museum.cli import main
from museum.core.auto_backup import list_backups
from museum.core.catalogue import Catalogue
from tests.core.safety_support import file_digest, small_catalogue_with_photo

REPO = Path(__file__).resolve().parents[2]


def test_backup_restore_and_check_round_trip(tmp_path, capsys):
    root = small_catalogue_with_photo(tmp_path)
    assert main(["--catalogue", str(root), "backup", "--to", str(tmp_path / "b.zip")]) == 0
    assert "Backed up 1 items and 1 photos" in capsys.readouterr().out
    assert main(["restore-backup", str(tmp_path / "b.zip"), "--to", str(tmp_path / "r")]) == 0
    assert "Verified and restored 1 items and 1 photos" in capsys.readouterr().out
    assert main(["--catalogue", str(tmp_path / "r"), "check"]) == 0
    assert "All is well" in capsys.readouterr().out


def test_backup_without_a_destination_goes_into_the_backups_folder(tmp_path, capsys):
    root = small_catalogue_with_photo(tmp_path)
    assert main(["--catalogue", str(root), "backup"]) == 0
    assert len(list_backups(root / "backups")) == 1


def test_check_exits_1_and_lists_each_problem(tmp_path, capsys):
    root = small_catalogue_with_photo(tmp_path)
    next((root / "photos").rglob("*.png")).unlink()
    with Catalogue.open(root) as catalogue:
        catalogue.engine.dispose()
        with catalogue.engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM item_fts")
    assert main(["--catalogue", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert out.count("Problem:") == 2 and "is missing" in out and "search index" in out
    assert main(["--catalogue", str(root), "check", "--repair"]) == 1  # a lost original stays lost
    out = capsys.readouterr().out
    assert "Repaired: Rebuilt the search index" in out and out.count("Problem:") == 1


def test_a_bad_archive_is_one_sentence_and_exit_2(tmp_path, capsys):
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04 not really")
    assert main(["restore-backup", str(tmp_path / "x.zip"), "--to", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a Museum backup" in err and not (tmp_path / "r").exists()


def test_a_damaged_database_names_the_newest_good_backup(tmp_path, capsys):
    root = small_catalogue_with_photo(tmp_path)
    assert main(["--catalogue", str(root), "backup"]) == 0
    newest = list_backups(root / "backups")[0]
    (root / "museum.db").write_bytes(b"garbage" * 1000)
    before = file_digest(root / "museum.db")
    assert main(["--catalogue", str(root), "list"]) == 2
    err = capsys.readouterr().err
    assert "left untouched" in err and f'museum restore-backup "{newest}" --to' in err
    assert file_digest(root / "museum.db") == before


def test_a_second_writer_is_refused_but_list_runs_beside_it(tmp_path):
    root = small_catalogue_with_photo(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from museum.core.catalogue import Catalogue
        catalogue = Catalogue.open({str(root)!r})
        print("open", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "open"
        command = [sys.executable, "-m", "museum", "--catalogue", str(root)]
        edit = subprocess.run([*command, "edit", "1", "--title", "x"], capture_output=True,
                              text=True, cwd=REPO)
        assert edit.returncode == 2 and f"open in another Museum (pid {holder.pid}" in edit.stderr
        listing = subprocess.run([*command, "list"], capture_output=True, text=True, cwd=REPO)
        assert listing.returncode == 0 and "Medal" in listing.stdout
        backup = subprocess.run([*command, "backup"], capture_output=True, text=True, cwd=REPO)
        assert backup.returncode == 0, backup.stderr
    finally:
        holder.kill()
        holder.wait()
