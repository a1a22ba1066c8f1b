from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from museum.core.auto_backup import list_backups
from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue
from museum.core.items import count_items, update_item
from museum.gui.safety_actions import (
    CheckDialog, ReadOnlyBanner, back_up_now, open_catalogue_or_explain, restore_from_file,
    run_auto_backup_on_close,
)
from tests.core.safety_support import add_photo


def _parent(qtbot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def test_back_up_now_writes_a_backup_and_says_where(qtbot, plain_demo_catalogue):
    parent = _parent(qtbot)
    result = back_up_now(parent, plain_demo_catalogue)
    assert result is not None and list_backups(plain_demo_catalogue.backups_dir) == [result.path]
    box = parent.findChild(QMessageBox)
    assert box is not None and str(result.path) in box.text()


def test_a_failing_backup_shows_one_sentence(qtbot, plain_demo_catalogue, tmp_path):
    parent = _parent(qtbot)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    assert back_up_now(parent, plain_demo_catalogue, destination=blocker / "b.zip") is None
    box = parent.findChild(QMessageBox)
    assert box.icon() == QMessageBox.Icon.Critical and "could not be written" in box.text()


def test_restore_from_file_restores_into_a_new_folder(qtbot, plain_demo_catalogue, tmp_path):
    archive = create_backup(plain_demo_catalogue).path
    restored = restore_from_file(_parent(qtbot), plain_demo_catalogue.root, archive=archive)
    assert restored is not None and restored != plain_demo_catalogue.root
    with Catalogue.open(restored) as catalogue:
        assert count_items(catalogue) == 47


def test_the_check_dialog_lists_problems_and_repairs(qtbot, plain_demo_catalogue):
    add_photo(plain_demo_catalogue, item_id=1, seed=1)
    with plain_demo_catalogue.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM item_fts")
    dialog = CheckDialog(plain_demo_catalogue)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    assert "Found 1 problem" in dialog.status.text() and dialog.repair_button.isEnabled()
    assert "search index" in dialog.findings.item(0).text()
    dialog.grab().save("/tmp/safety_check_dialog.png")
    first = dialog.report
    dialog.repair_button.click()
    qtbot.waitUntil(lambda: dialog.report is not first, timeout=5000)
    assert dialog.report.ok and dialog.status.text().startswith("All is well")
    assert dialog.findings.item(0).text().startswith("Repaired: Rebuilt the search index")


def test_auto_backup_on_close_only_after_changes(qtbot, plain_demo_catalogue):
    parent = _parent(qtbot)
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    with Catalogue.open(root) as unchanged:
        assert run_auto_backup_on_close(parent, unchanged) is None
    with Catalogue.open(root) as changed:
        update_item(changed, 1, fields={"notes": "new"})
        assert run_auto_backup_on_close(parent, changed) is not None
    assert len(list_backups(root / "backups")) == 1


def test_the_read_only_banner_says_why(qtbot):
    banner = ReadOnlyBanner("The catalogue folder cannot be written to, so it is open read-only.")
    qtbot.addWidget(banner)
    banner.resize(700, 40)
    banner.show()
    banner.grab().save("/tmp/safety_banner.png")
    assert "cannot be written" in banner.text() and "Changes cannot be saved" in banner.text()


def test_a_damaged_catalogue_offers_the_newest_backup_and_opens_the_restored_copy(
        qtbot, plain_demo_catalogue):
    create_backup(plain_demo_catalogue)
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    (root / "museum.db").write_bytes(b"\x00" * 8192)
    questions: list[str] = []

    def ask(title: str, text: str, choices: list[str]) -> str:
        questions.append(text)
        return choices[0]

    opened = open_catalogue_or_explain(_parent(qtbot), root, ask=ask)
    assert opened is not None
    try:
        assert "left untouched" in questions[0] and "newest good backup" in questions[0]
        assert opened.root != root and count_items(opened) == 47
        assert (root / "museum.db").read_bytes() == b"\x00" * 8192
    finally:
        opened.close()


def test_a_locked_catalogue_offers_a_read_only_view(qtbot, plain_demo_catalogue):
    import subprocess
    import sys
    import textwrap

    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from museum.core.catalogue import Catalogue
        c = Catalogue.open({str(root)!r}); print("open", flush=True); time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout.readline().strip() == "open"
        opened = open_catalogue_or_explain(_parent(qtbot), root,
                                           ask=lambda title, text, choices: choices[0])
        assert opened is not None and opened.read_only
        opened.close()
    finally:
        holder.kill()
        holder.wait()
