"""Opening: one writer, stale locks, read-only views, damaged databases, a full disk."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event

from museum.core.catalogue import Catalogue
from museum.core.errors import CatalogueError, DamagedDatabaseError, LockedError
from museum.core.items import add_item, count_items, get_item, update_item
from tests.core.safety_support import file_digest

REPO = Path(__file__).resolve().parents[2]


def _hold_lock(root: Path) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys, time
        from museum.core.catalogue import Catalogue
        catalogue = Catalogue.open({str(root)!r})
        print("open", flush=True)
        time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                               cwd=REPO)
    assert process.stdout.readline().strip() == "open"
    return process


def test_a_second_writer_process_gets_a_clear_message_naming_the_first(plain_demo_catalogue):
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    holder = _hold_lock(root)
    try:
        with pytest.raises(LockedError, match=f"open in another Museum \\(pid {holder.pid} on "):
            Catalogue.open(root)
        with Catalogue.open(root, read_only=True) as reader:  # readers may run beside it
            assert count_items(reader) == 47
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_killed_process_clears_itself(plain_demo_catalogue):
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    holder = _hold_lock(root)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert f"pid {holder.pid}" in (root / "museum.lock").read_text()
    with Catalogue.open(root) as catalogue:
        add_item(catalogue, fields={"title": "After the crash", "kind": "cap"})
        assert f"pid {os.getpid()}" in (root / "museum.lock").read_text()


def test_opening_twice_in_one_process_shares_the_lock(catalogue):
    with Catalogue.open(catalogue.root) as again:
        add_item(again, fields={"title": "Twice", "kind": "cap"})
    add_item(catalogue, fields={"title": "Still writable", "kind": "cap"})
    assert count_items(catalogue) == 2


def test_a_read_only_catalogue_refuses_writes_with_a_sentence(plain_demo_catalogue):
    with Catalogue.open(plain_demo_catalogue.root, read_only=True) as reader:
        assert reader.read_only
        with pytest.raises(CatalogueError, match="read-only"):
            update_item(reader, 1, fields={"title": "nope"})
    assert get_item(plain_demo_catalogue, 1).title != "nope"


def _run_on_read_only_mount(folder: Path, code: str) -> subprocess.CompletedProcess:
    """Run code where folder is a read-only filesystem (a bind mount in a user namespace).

    Permission bits do not bind root, and a read-only mount is what a user meets on a locked
    share or a write-protected card anyway.
    """
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare for a read-only mount")
    script = ('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && '
              'exec "$2" -c "$3"')
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(folder),
                             sys.executable, code], capture_output=True, text=True, cwd=REPO)
    if "mount:" in result.stderr or "unshare:" in result.stderr:
        pytest.skip(f"cannot make a read-only mount here: {result.stderr.strip()}")
    return result


def test_a_read_only_folder_opens_read_only_with_a_reason(tmp_path):
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        add_item(catalogue, fields={"title": "Locked away", "kind": "medal"})
    code = textwrap.dedent(f"""
        from museum.core.catalogue import Catalogue
        from museum.core.items import count_items, add_item
        from museum.core.errors import CatalogueError
        catalogue = Catalogue.open({str(tmp_path / 'cat')!r})
        print(catalogue.read_only_reason)
        print(count_items(catalogue))
        try:
            add_item(catalogue, fields={{"title": "x", "kind": "cap"}})
        except CatalogueError as error:
            print(error)
    """)
    result = _run_on_read_only_mount(tmp_path / "cat", code)
    assert result.stdout.splitlines() == [
        "The catalogue folder cannot be written to, so it is open read-only.", "1",
        "This catalogue is open read-only, so changes cannot be saved."], result.stderr


def _damage(db: Path, how: str) -> None:
    data = db.read_bytes()
    if how == "truncated":
        db.write_bytes(data[: len(data) // 3])
    elif how == "random bytes":
        db.write_bytes(os.urandom(len(data)))
    elif how == "not SQLite at all":
        db.write_text("These are my shopping notes, not a database.\n" * 50)
    elif how == "header kept, body random":
        db.write_bytes(data[:100] + os.urandom(len(data) - 100))
    elif how == "cut to half a page":
        db.write_bytes(data[:2000])


DAMAGE = ["truncated", "random bytes", "not SQLite at all", "header kept, body random",
          "cut to half a page"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_database_is_reported_and_never_touched(plain_demo_catalogue, how):
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    Catalogue.open(root).close()  # a clean close: everything is in museum.db, no WAL left
    _damage(root / "museum.db", how)
    before = file_digest(root / "museum.db")
    names_before = sorted(p.name for p in root.iterdir())
    for read_only in (False, True):
        with pytest.raises(DamagedDatabaseError) as raised:
            Catalogue.open(root, read_only=read_only)
        assert "left untouched" in str(raised.value)
        assert raised.value.catalogue_root == root
    assert file_digest(root / "museum.db") == before
    assert set(names_before) <= {p.name for p in root.iterdir()}  # nothing removed


def test_a_full_disk_during_a_save_loses_nothing_saved_before(plain_demo_catalogue):
    update_item(plain_demo_catalogue, 1, fields={"notes": "saved before the disk filled"})

    @event.listens_for(plain_demo_catalogue.engine, "connect")
    def _tiny_disk(dbapi_connection, _record):  # SQLite's own "disk full" path, for real
        page_count = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {page_count}")

    plain_demo_catalogue.engine.dispose()
    with pytest.raises(CatalogueError, match="disk is full"):
        add_item(plain_demo_catalogue, fields={"title": "Too big", "kind": "ball",
                                         "description": "x" * 200_000})
    event.remove(plain_demo_catalogue.engine, "connect", _tiny_disk)
    plain_demo_catalogue.engine.dispose()
    assert get_item(plain_demo_catalogue, 1).notes == "saved before the disk filled"
    assert count_items(plain_demo_catalogue) == 47
