"""A session in the real window says nothing on stderr: no Qt warnings, no worker tracebacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtTest import QTest

from museum.gui.workers import run_task

SESSION = r"""
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from museum.core.catalogue import Catalogue
from museum.gui.app import create_application
from museum.gui.main_window import MainWindow

app = create_application([])
window = MainWindow(Catalogue.open(Path(sys.argv[1])))
window.auto_backup = False
window.show()
QTest.qWaitForWindowExposed(window)
grid = window.library.grid
QTest.qWait(200)  # the grid lays out its cards in batches
card = grid.visualRect(window.library.model.index(0, 0)).center()
QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=card)
QTest.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=card)
editor = window.editors[0]
QTest.qWaitForWindowExposed(editor)
QTest.keyClicks(editor.focusWidget(), " (signed)")
save = editor.buttons.button(editor.buttons.StandardButton.Save)
QTest.mouseClick(save, Qt.MouseButton.LeftButton, pos=save.rect().center())
for word in ("world ", "cup ", "final"):
    QTest.keyClicks(window.search, word)
    QTest.qWait(250)
window.close()
print("closed", flush=True)
"""


def test_open_edit_search_and_close_leaves_stderr_quiet(tmp_path: Path, _demo_template: Path):
    folder = tmp_path / "demo"
    shutil.copytree(_demo_template, folder, ignore=shutil.ignore_patterns("museum.lock"))
    done = subprocess.run([sys.executable, "-c", SESSION, str(folder)], capture_output=True,
                          text=True, timeout=120, env=_env())
    assert "closed" in done.stdout, done.stderr
    assert "[*]" not in done.stderr
    assert "Traceback" not in done.stderr and "Signal source" not in done.stderr


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                         env.get("PYTHONPATH", "")])
    return env


def test_a_task_whose_starter_lets_go_still_reports(qtbot, capfd):
    """A caller that keeps no reference (a newer search replaced it) still gets its answer."""
    answers: list[int] = []
    for number in range(4):
        run_task(lambda number=number: (time.sleep(0.02), number)[1], on_done=answers.append)
    qtbot.waitUntil(lambda: len(answers) == 4, timeout=3000)
    QTest.qWait(50)
    assert sorted(answers) == [0, 1, 2, 3]
    assert "Signal source" not in capfd.readouterr().err
