from __future__ import annotations

from museum.gui.main_window import MainWindow


def test_main_window_opens_on_a_catalogue_and_counts_its_items(qtbot, demo_catalogue):
    window = MainWindow(demo_catalogue)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert demo_catalogue.root.name in window.windowTitle()
    assert window.statusBar().currentMessage() == "47 items"
