"""Recovery: a catalogue that SQLite itself can recover (a WAL beside a short file, a hot journal
left by a killed process, a disk that filled up) opens with every saved row; only real damage
is called damage."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


from museum.core.catalogue import Catalogue
from museum.core.errors import DamagedDatabaseError, MuseumError
from museum.core.items import add_item, count_items, list_items
from tests.core.safety_support import fill_disk, small_disk

REPO = Path(__file__).resolve().parents[2]
DESCRIPTION = "A long story about the match. " * 1400  # about 40 KB


def _header_and_file_pages(db_path: Path) -> tuple[int, int]:
    header = db_path.read_bytes()[:100]
    page_size = int.from_bytes(header[16:18], "big")
    return int.from_bytes(header[28:32], "big"), db_path.stat().st_size // page_size


def _integrity(db_path: Path) -> str:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_a_disk_that_filled_during_a_write_leaves_a_catalogue_that_opens(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        root = disk / "cat"
        with Catalogue.open(root, create=True) as catalogue:
            add_item(catalogue, fields={"title": "Before the disk filled", "kind": "medal"})
            filler = fill_disk(disk, leave=500 * 1024)
            saved = []
            for number in range(2):
                try:
                    add_item(catalogue, fields={"title": f"Long story {number}", "kind": "shirt",
                                                "description": DESCRIPTION})
                    saved.append(f"Long story {number}")
                except MuseumError:
                    pass
        filler.unlink()
        header_pages, file_pages = _header_and_file_pages(root / "museum.db")
        # The state the red team met: the checkpoint on close ran out of space part-way.
        assert header_pages > file_pages and (root / "museum.db-wal").stat().st_size > 0
        assert saved, "the disk filled before anything could be saved; adjust `leave`"
        expected = ["Before the disk filled", *saved]
        with Catalogue.open(root, read_only=True) as reader:
            assert [record.title for record in list_items(reader, sort="id")] == expected
        with Catalogue.open(root, create=True) as catalogue:
            assert [record.title for record in list_items(catalogue, sort="id")] == expected
            add_item(catalogue, fields={"title": "After", "kind": "cap"})
            assert count_items(catalogue) == len(expected) + 1
        assert _integrity(root / "museum.db") == "ok"


def test_a_full_disk_is_called_full_not_damage(tmp_path, capsys):
    from museum.cli import main
    from museum.core.demo import fill_demo

    with small_disk(tmp_path / "disk") as disk:
        root = disk / "cat"
        with Catalogue.open(root, create=True) as catalogue:
            fill_demo(catalogue, items=100, photos=False)
        filler = fill_disk(disk)
        for command in (["check", "--repair"], ["check"], ["list"]):
            assert main(["--catalogue", str(root), *command]) == 2
            error = capsys.readouterr().err
            assert "damaged" not in error and "disk holding" in error and " is full" in error
        filler.unlink()
        assert main(["--catalogue", str(root), "check", "--repair"]) == 0
        with Catalogue.open(root, read_only=True) as reader:
            assert count_items(reader) == 107


def test_a_restore_onto_a_full_disk_speaks_of_the_restore(tmp_path):
    from museum.core.backup import create_backup
    from museum.core.errors import BackupError
    from museum.core.restore import restore_backup
    from tests.core.safety_support import add_photo

    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        add_item(catalogue, fields={"title": "Medal", "kind": "medal"})
        for seed in range(40):
            add_photo(catalogue, item_id=1, seed=seed)
        archive = create_backup(catalogue, destination=tmp_path / "b.zip").path
    with small_disk(tmp_path / "disk") as disk:
        filler = fill_disk(disk, leave=64 * 1024)
        with pytest.raises(BackupError) as raised:
            restore_backup(archive, destination=disk / "restored")
        message = str(raised.value)
        assert "restore" in message and "for the backup" not in message
        assert "not enough disk space" in message and "nothing was restored" in message
        assert sorted(path.name for path in disk.iterdir()) == ["filler"]
        filler.unlink()
        restore_backup(archive, destination=disk / "restored")


def test_a_file_truly_cut_short_is_damage_even_with_a_wal_beside_it(plain_demo_catalogue,
                                                                    tmp_path):
    from tests.core.safety_support import file_digest

    source = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    Catalogue.open(source, create=True).close()  # a clean close: everything in museum.db
    writer = sqlite3.connect(source / "museum.db")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE item SET notes = 'late' WHERE id = 1")
    writer.commit()  # one commit in the WAL, the rest of the pages only in the file
    root = tmp_path / "copy"
    root.mkdir()
    for name in ("museum.db", "museum.db-wal"):
        (root / name).write_bytes((source / name).read_bytes())
    writer.close()
    data = (root / "museum.db").read_bytes()
    (root / "museum.db").write_bytes(data[: len(data) // 3 // 4096 * 4096])
    before = {name: file_digest(root / name) for name in ("museum.db", "museum.db-wal")}
    for read_only in (True, False):
        with pytest.raises(DamagedDatabaseError, match="left untouched"):
            Catalogue.open(root, read_only=read_only)
    assert {name: file_digest(root / name) for name in before} == before


_ADD_WITH_A_FILE_SIZE_LIMIT = """
    import resource, signal, sys
    from pathlib import Path
    from museum.core.catalogue import Catalogue
    from museum.core.errors import MuseumError
    from museum.core.items import add_item
    root = Path(sys.argv[1])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit a write fails (EFBIG)
    limit = (root / "museum.db").stat().st_size + 16 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    with Catalogue.open(root, create=True) as catalogue:
        for number in range(6):
            try:
                add_item(catalogue, fields={"title": f"Long story {number}", "kind": "shirt",
                                            "description": sys.argv[2]})
                print(f"Long story {number}", flush=True)
            except MuseumError:
                pass
"""


def test_a_file_size_limit_hit_while_checkpointing_leaves_a_catalogue_that_opens(tmp_path):
    # The same state as a full disk, for any user: the file may not grow past a limit, so the
    # checkpoint on close writes the new header, then fails to add the pages the WAL holds.
    from museum.core.demo import fill_demo

    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=1593, photos=False)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(_ADD_WITH_A_FILE_SIZE_LIMIT),
                             str(root), DESCRIPTION], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    saved = result.stdout.splitlines()
    header_pages, file_pages = _header_and_file_pages(root / "museum.db")
    assert saved and header_pages > file_pages and (root / "museum.db-wal").stat().st_size > 0
    with Catalogue.open(root, read_only=True) as reader:
        assert count_items(reader) == 1600 + len(saved)
    with Catalogue.open(root, create=True) as catalogue:
        titles = {record.title for record in list_items(catalogue, query="long story")}
        assert titles == set(saved)
    assert _integrity(root / "museum.db") == "ok"


def test_the_demo_on_a_full_disk_is_one_sentence_and_the_catalogue_still_opens(tmp_path, capsys):
    from museum.cli import main

    with small_disk(tmp_path / "disk") as disk:
        root = disk / "cat"
        assert main(["init", str(root)]) == 0
        filler = fill_disk(disk, leave=1000 * 1024)
        capsys.readouterr()
        assert main(["--catalogue", str(root), "demo", "--items", "10"]) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and "disk space" in error and "damaged" not in error
        filler.unlink()
        assert main(["--catalogue", str(root), "check", "--repair"]) == 0
        assert main(["--catalogue", str(root), "list"]) == 0
