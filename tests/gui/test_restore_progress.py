"""File → Restore… says how far it has got: 'n of N files' in its progress dialog."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from museum.core.backup import create_backup
from museum.gui.safety_actions import restore_from_file
from tests.core.safety_support import add_photo


def test_the_restore_dialog_counts_the_files(qtbot, plain_demo_catalogue):
    for seed in range(300):
        add_photo(plain_demo_catalogue, item_id=1 + seed % 40, seed=seed)
    archive = create_backup(plain_demo_catalogue).path
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def look() -> None:
        seen.extend(dialog.labelText() for dialog in parent.findChildren(QProgressDialog))

    watcher = QTimer(interval=5)
    watcher.timeout.connect(look)
    watcher.start()
    try:
        restored = restore_from_file(parent, plain_demo_catalogue.root, archive=archive)
    finally:
        watcher.stop()
    assert restored is not None
    counts = [label.splitlines()[-1] for label in seen if " of 301 files" in label]
    assert counts, set(seen)
    done = [int(count.split()[0].replace(",", "")) for count in counts]
    assert done == sorted(done) and all(1 <= number <= 301 for number in done)
