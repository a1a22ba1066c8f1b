from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtGui import QImage

from museum.cli import main
from museum.core import room
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo


def _demo(tmp_path):
    path = tmp_path / "demo"
    with Catalogue.open(path, create=True) as catalogue:
        fill_demo(catalogue, items=20)
    return path


def _run(path, *args) -> int:
    return main(["--catalogue", str(path), "room", *args])


def test_room_list_json_has_cabinets_shelves_items_and_storage(tmp_path, capsys):
    path = _demo(tmp_path)
    assert _run(path, "remove", "1") == 0
    capsys.readouterr()
    assert _run(path, "list", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["storage"] == [1]
    first = data["cabinets"][0]
    assert first["name"] == "FIFA World Cup"
    assert first["shelves"][0]["index"] == 1
    assert {"id", "title"} <= set(first["shelves"][0]["items"][0])
    shown = [i["id"] for c in data["cabinets"] for s in c["shelves"] for i in s["items"]]
    assert len(shown) == 26 and 1 not in shown


def test_arrange_place_and_remove(tmp_path, capsys):
    path = _demo(tmp_path)
    assert _run(path, "arrange", "--by", "kind") == 0
    assert "Arranged 27 items by kind" in capsys.readouterr().out
    assert _run(path, "cabinet", "add", "Favourites", "--shelves", "2", "--width", "3") == 0
    assert _run(path, "place", "1", "--cabinet", "favourites", "--shelf", "2") == 0
    assert "shelf 2 of 'Favourites'" in capsys.readouterr().out
    assert _run(path, "remove", "1") == 0
    with Catalogue.open(path) as catalogue:
        layout = room.room_layout(catalogue)
        assert layout.storage == (1,)
        assert layout.cabinets[0].name == "Medals"


def test_cabinet_commands(tmp_path, capsys):
    path = _demo(tmp_path)
    assert _run(path, "cabinet", "rename", "FIFA World Cup", "World Cups") == 0
    assert _run(path, "cabinet", "move", "World Cups", "--to", "3") == 0
    assert _run(path, "cabinet", "resize", "World Cups", "--shelves", "1", "--width", "2") == 0
    assert "went to storage" in capsys.readouterr().out
    with Catalogue.open(path) as catalogue:
        layout = room.room_layout(catalogue)
        cabinet = layout.cabinet("World Cups")
        assert cabinet.position == 2 and len(cabinet.shelves) == 1
        stored = len(layout.storage)
    assert _run(path, "cabinet", "remove", "World Cups") == 0
    with Catalogue.open(path) as catalogue:
        assert len(room.room_layout(catalogue).storage) == stored + 2


def test_mistakes_are_one_sentence_and_exit_code_2(tmp_path, capsys):
    path = _demo(tmp_path)
    capsys.readouterr()
    assert _run(path, "place", "1", "--cabinet", "Nowhere", "--shelf", "1") == 2
    assert capsys.readouterr().err.strip() == "museum: There is no cabinet called 'Nowhere'."
    assert _run(path, "place", "999", "--cabinet", "FIFA World Cup", "--shelf", "1") == 2
    assert "no item with id 999" in capsys.readouterr().err
    assert _run(path, "poster", "--out", str(tmp_path / "x.png"), "--width", "5") == 2
    assert "between" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_poster_writes_a_png_of_the_asked_width(tmp_path, capsys, qapp):
    path = _demo(tmp_path)
    out = tmp_path / "room.png"
    assert _run(path, "poster", "--out", str(out), "--width", "4000") == 0
    assert QImage(str(out)).width() == 4000
    cabinet = tmp_path / "cabinet.png"
    assert _run(path, "poster", "--out", str(cabinet), "--cabinet", "fifa world cup",
                "--width", "1200") == 0
    image = QImage(str(cabinet))
    assert image.width() == 1200 and image.height() > image.width() * 0.6


def test_poster_in_a_fresh_process_without_a_display(tmp_path):
    path = _demo(tmp_path)
    out = tmp_path / "alone.png"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "museum", "--catalogue", str(path), "room",
                             "poster", "--out", str(out), "--width", "4000"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
