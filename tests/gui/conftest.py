"""GUI fixtures: a main window whose questions are answered from a script, never by a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from museum.gui.dialogs import Dialogs


class ScriptedDialogs(Dialogs):
    """Answers from lists the test fills; records every message it was shown."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.confirm_answers: list[bool] = []
        self.unsaved_answers: list[str] = []
        self.photo_choices: list[list[Path]] = []
        self.folder_choices: list[Path | None] = []
        self.backup_choices: list[Path | None] = []
        self.save_choices: list[Path | None] = []
        self.save_starts: list[Path] = []  # where each save dialog would have opened
        self.choice_answers: list[str | None] = []
        self.questions: list[str] = []
        self.asked_unsaved = 0

    def error(self, parent, text, *, title="Museum") -> None:
        self.errors.append(text)

    def info(self, parent, text, *, title="Museum") -> None:
        self.infos.append(text)

    def confirm(self, parent, text, *, action, title="Museum") -> bool:
        return self.confirm_answers.pop(0)

    def ask_unsaved(self, parent, what) -> str:
        self.asked_unsaved += 1
        return self.unsaved_answers.pop(0)

    def open_photos(self, parent) -> list[Path]:
        return self.photo_choices.pop(0)

    def choose_folder(self, parent, title) -> Path | None:
        return self.folder_choices.pop(0)

    def choose_backup(self, parent, start) -> Path | None:
        return self.backup_choices.pop(0)

    def save_file(self, parent, title, start, file_filter) -> Path | None:
        self.save_starts.append(Path(start))
        return self.save_choices.pop(0)

    def choose(self, parent, title, text, choices) -> str | None:
        self.questions.append(text)
        return self.choice_answers.pop(0)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def window(qtbot, demo_catalogue, dialogs):
    from museum.gui.app import create_application
    from museum.gui.main_window import MainWindow

    create_application([])
    main = MainWindow(demo_catalogue, dialogs=dialogs)
    main.auto_backup = False  # tests of the backup on close turn it back on
    # Not qtbot.addWidget: qtbot would close the window before this fixture marks editors clean.
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for editor in list(main.editors):
        editor._saved_state = editor._state()  # let teardown close editors without asking
    main.close()
    QThreadPool.globalInstance().waitForDone(10000)  # no worker outlives its test's catalogue
    main.deleteLater()


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts from no saved settings. Qt fixes the settings file when the app starts,
    so the per-test HOME does not reach it: a view mode or geometry one test left would
    otherwise meet the next."""
    QSettings().clear()
    yield
    QSettings().clear()
