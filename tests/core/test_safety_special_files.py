"""A catalogue file replaced by something that is not a regular file (a named pipe would block
every reader for ever) is refused with one sentence, by every command, at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from museum.core.catalogue import Catalogue
from museum.core.items import add_item
from tests.core.safety_support import add_photo

REPO = Path(__file__).resolve().parents[2]
PATIENCE = 20  # seconds; the red team's hang was killed after 75


def _museum(root: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "museum", "--catalogue", str(root), *command],
                          capture_output=True, text=True, cwd=REPO, timeout=PATIENCE)


def _made(tmp_path: Path) -> Path:
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        add_item(catalogue, fields={"title": "Medal", "kind": "medal"})
        add_photo(catalogue, item_id=1, seed=5)
    return tmp_path / "cat"


@pytest.mark.parametrize("name", ["museum.db", "museum.db-wal", "museum.db-journal"])
def test_a_named_pipe_in_place_of_a_database_file_is_refused_by_every_command(tmp_path, name):
    root = _made(tmp_path)
    (root / name).unlink(missing_ok=True)
    os.mkfifo(root / name)
    for command in (["list"], ["add", "--title", "x", "--kind", "cap"], ["check"], ["backup"],
                    ["show", "1"]):
        result = _museum(root, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
        assert "named pipe" in result.stderr and name in result.stderr
    assert (root / name).is_fifo()


def test_a_named_pipe_in_place_of_an_original_is_refused_when_thumbnailed(tmp_path):
    root = _made(tmp_path)
    original = next((root / "photos").rglob("*.png"))
    original.unlink()
    os.mkfifo(original)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from museum.core.catalogue import Catalogue
        from museum.core.errors import PhotoError
        from museum.core.photos import thumbnail_path
        with Catalogue.open({str(root)!r}, create=True) as catalogue:
            try:
                thumbnail_path(catalogue, photo_id=1, size="grid")
            except PhotoError as error:
                print(error)
    """)], capture_output=True, text=True, cwd=REPO, timeout=PATIENCE)
    assert "not a regular file" in result.stdout, result.stderr
    assert _museum(root, "check").returncode == 1  # listed as a problem, without hanging
