"""The app's window is on screen before the catalogue and the main window's modules are
imported (issue 10: SQLAlchemy and sqlmodel took most of a second before any window), and the
main window then takes its place with the catalogue's items."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo
from museum.core.item_listing import list_items

REPO = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from museum.gui import app as gui_app

qt_app = gui_app.create_application([])
seen = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in seen:
            window = watched.window()
            seen["first_paint"] = {
                "window_visible": window.isVisible(),
                "window_title": window.windowTitle(),
                "texts": [w.text() for w in window.findChildren(QObject) if hasattr(w, "text")],
                "imported": sorted(m for m in ("museum.core.models", "museum.core.catalogue",
                                               "museum.gui.main_window", "sqlalchemy",
                                               "sqlmodel") if m in sys.modules),
            }
        return False


def when_loaded():
    windows = [w for w in QApplication.topLevelWidgets()
               if w.isVisible() and getattr(w, "loaded", False)]
    if not windows:
        return
    seen["main"] = {"title": windows[0].windowTitle(),
                    "rows": windows[0].library.model.rowCount(),
                    "visible": [type(w).__name__ for w in QApplication.topLevelWidgets()
                                if w.isVisible()]}
    print(json.dumps(seen), flush=True)
    QApplication.exit(0)


spy = FirstPaint()
qt_app.installEventFilter(spy)
poll = QTimer(interval=20)
poll.timeout.connect(when_loaded)
poll.start()
sys.exit(gui_app.main(catalogue_path=sys.argv[1]))
"""


def test_the_start_window_paints_before_the_catalogue_is_imported(tmp_path) -> None:
    root = tmp_path / "Trophies"
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=12, photos=False)
        items = len(list_items(catalogue))
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
                   "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", _CHILD, str(root)], capture_output=True,
                            text=True, env=environment, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    first = seen["first_paint"]
    assert first["window_visible"] and first["window_title"] == "Museum"
    assert "Opening your museum…" in first["texts"]
    assert first["imported"] == []
    # Then the main window stands alone, with every item of the catalogue.
    assert seen["main"]["title"] == "Museum — Trophies"
    assert seen["main"]["rows"] == items
    assert seen["main"]["visible"] == ["MainWindow"]
