"""A first open that upgrades an old catalogue may be killed at any moment; the next open must
succeed with every row (each migration commits with its version stamp; a hot journal left by
the kill is rolled back, not called damage)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.core.safety_support import (
    first_revision_rows_are_all_there, make_first_revision_catalogue,
)

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("MUSEUM_UPGRADE_KILLS", "10"))
ITEMS = int(os.environ.get("MUSEUM_UPGRADE_ITEMS", "20000"))

_OPEN = """
    import sys
    import alembic.command, alembic.config, alembic.script  # imported before the clock starts
    from museum.core.catalogue import Catalogue
    print("ready", flush=True)
    sys.stdin.readline()
    Catalogue.open(sys.argv[1], create=True).close()
    print("opened", flush=True)
"""

_KILL_AFTER_STATEMENT = """
    import os, signal, sys
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from museum.core.catalogue import Catalogue
    seen = 0
    def after(conn, cursor, statement, parameters, context, executemany):
        global seen
        if statement.lstrip().upper().startswith(("CREATE", "UPDATE", "INSERT", "DROP")):
            seen += 1
            print(seen, statement.split("(")[0].strip(), flush=True)
            if seen == int(sys.argv[2]):
                os.kill(os.getpid(), signal.SIGKILL)
    event.listen(Engine, "after_cursor_execute", after)
    Catalogue.open(sys.argv[1], create=True).close()
    print("opened", flush=True)
"""


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=REPO,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _open_then_kill(folder: Path, delay: float | None) -> float | None:
    """Open folder in a new process, SIGKILLed delay seconds into the open.

    Returns None if it was killed, else how long the open took (its start-up excluded).
    """
    process = _python(_OPEN, str(folder))
    try:
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
        started = time.monotonic()
        process.stdin.write("go\n")
        process.stdin.flush()
        if delay is not None:
            time.sleep(delay)
            os.kill(process.pid, signal.SIGKILL)
        finished = process.stdout.readline().strip() == "opened" and time.monotonic() - started
        process.wait(60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        errors = process.communicate()[1]
    if process.returncode == -signal.SIGKILL:
        return None
    assert process.returncode == 0 and finished, errors
    return finished


STATEMENT_ITEMS = 2000  # the kill points are statements here, so size matters less


@pytest.fixture(scope="module")
def old_catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("revision-0001")
    return {mode: make_first_revision_catalogue(base / mode, items=ITEMS, journal_mode=mode)
            for mode in ("delete", "wal")}


@pytest.fixture(scope="module")
def small_old_catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("small-revision-0001")
    return {mode: make_first_revision_catalogue(base / mode, items=STATEMENT_ITEMS,
                                                journal_mode=mode)
            for mode in ("delete", "wal")}


def _fresh_copy(old_catalogues: dict[str, Path], mode: str, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(old_catalogues[mode], target)
    return target


@pytest.mark.parametrize("mode", ["delete", "wal"])
def test_killed_after_any_statement_of_the_upgrade_the_next_open_succeeds(small_old_catalogues,
                                                                           tmp_path, mode):
    statement = 1
    while True:
        folder = _fresh_copy(small_old_catalogues, mode, tmp_path / f"kill-{statement}")
        process = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(_KILL_AFTER_STATEMENT), str(folder),
             str(statement)], cwd=REPO, capture_output=True, text=True, timeout=120)
        first_revision_rows_are_all_there(folder, items=STATEMENT_ITEMS)
        if process.returncode != -signal.SIGKILL:  # every statement has had its kill
            assert process.returncode == 0 and "opened" in process.stdout, process.stderr
            break
        statement += 1
    assert statement > 5  # the upgrade really wrote: tables, indexes and version stamps


def test_killed_at_random_moments_of_an_upgrade_the_next_open_succeeds(old_catalogues,
                                                                        tmp_path):
    timings = [_open_then_kill(_fresh_copy(old_catalogues, mode, tmp_path / "timed"), None)
               for mode in ("delete", "wal")]
    chances = random.Random(os.environ.get("MUSEUM_UPGRADE_SEED"))
    killed = 0
    for kill in range(KILLS):
        mode = ("delete", "wal")[kill % 2]
        folder = _fresh_copy(old_catalogues, mode, tmp_path / f"kill-{kill}")
        killed += _open_then_kill(folder, chances.uniform(0, max(timings))) is None
        first_revision_rows_are_all_there(folder, items=ITEMS)
    print(f"{killed} of {KILLS} opens killed part-way (an open takes {max(timings):.3f} s); "
          "every next open succeeded")
    assert killed >= KILLS // 2


_KILLED_MID_WRITE = """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1])
    connection.execute("PRAGMA cache_size = 8")  # small: changed pages spill into the file
    connection.execute("BEGIN")
    connection.execute("UPDATE item SET title = 'half-done ' || title")
    print("written", flush=True)
    time.sleep(60)
"""


def _kill_mid_write(db_path: Path) -> None:
    process = _python(_KILLED_MID_WRITE, str(db_path))
    try:
        assert process.stdout.readline().strip() == "written", process.stderr.read()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()
    assert Path(f"{db_path}-journal").stat().st_size > 0  # a hot journal, and a changed file


def test_a_hot_journal_left_in_an_old_catalogue_is_rolled_back_on_upgrade(tmp_path):
    folder = make_first_revision_catalogue(tmp_path / "old", items=3000, journal_mode="delete")
    _kill_mid_write(folder / "museum.db")
    first_revision_rows_are_all_there(folder, items=3000)


def test_a_hot_journal_is_rolled_back_for_a_reader_too(tmp_path):
    from museum.core.catalogue import Catalogue
    from museum.core.items import add_item, list_items

    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        for number in range(300):
            add_item(catalogue, fields={"title": f"Cap {number}", "kind": "cap",
                                        "description": "worn once " * 50})
    connection = sqlite3.connect(tmp_path / "cat" / "museum.db")
    connection.execute("PRAGMA journal_mode = delete")  # as a restored snapshot may be
    connection.close()
    _kill_mid_write(tmp_path / "cat" / "museum.db")
    with Catalogue.open(tmp_path / "cat", read_only=True) as reader:
        titles = [record.title for record in list_items(reader, sort="id")]
    assert titles == [f"Cap {number}" for number in range(300)]
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        assert len(list_items(catalogue, query="cap")) == 300
