"""The photo viewer's full-resolution zoom, and the editor after a partial photo import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from museum.core import items
from museum.gui import window_actions
from tests.gui.test_item_editor_gui import open_new_editor, write_photo

photos = pytest.importorskip("museum.core.photos")


def _item_with_photo(catalogue, path: Path) -> tuple[int, int]:
    item_id = items.add_item(catalogue,
                             fields={"title": "Big photo", "kind": "trophy"}).created_ids[0]
    report = photos.import_photos(catalogue, item_id=item_id, paths=[path])
    return item_id, report.photo_ids[0]


def test_zooming_past_the_preview_swaps_in_the_original_at_the_same_place(
    window, qtbot, demo_catalogue, tmp_path,
):
    big = write_photo(tmp_path / "in", "big.jpg", (200, 160, 40), size=(3200, 2400))
    item_id, photo_id = _item_with_photo(demo_catalogue, big)
    viewer = window_actions.open_viewer(window, item_id, None)
    qtbot.waitExposed(viewer)
    # the preview
    qtbot.waitUntil(lambda: viewer.canvas.item.pixmap().width() == 1600, timeout=10000)
    canvas = viewer.canvas
    canvas.fit()
    canvas.zoom(1.25)
    assert viewer.original_id is None  # still below the preview's own pixels
    canvas.actual_size()
    canvas.zoom(1.25)
    qtbot.wait(20)  # let the scroll bars appear before reading where the view is
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    on_screen = canvas.zoom_level() * canvas.item.pixmap().width()
    qtbot.waitUntil(lambda: viewer.original_id == photo_id, timeout=10000)
    assert canvas.item.pixmap().width() == 3200
    assert canvas.zoom_level() * 3200 == pytest.approx(on_screen)  # the picture keeps its size
    now = canvas.mapToScene(canvas.viewport().rect().center())
    assert (now - QPointF(centre.x() * 2, centre.y() * 2)).manhattanLength() < 4  # and its place
    viewer.close()


def test_an_original_qt_cannot_read_keeps_the_preview(window, qtbot, demo_catalogue, tmp_path):
    big = write_photo(tmp_path / "in", "big.jpg", (20, 160, 240), size=(3200, 2400))
    item_id, photo_id = _item_with_photo(demo_catalogue, big)
    original = photos.original_path(demo_catalogue, photo_id=photo_id)
    viewer = window_actions.open_viewer(window, item_id, None)
    qtbot.waitUntil(lambda: viewer.canvas.item.pixmap().width() == 1600, timeout=10000)
    original.chmod(0o644)
    original.write_bytes(b"not an image any more")  # as Qt sees a HEIC without its plugin
    viewer.canvas.actual_size()
    viewer.canvas.zoom(1.25)
    qtbot.waitUntil(lambda: photo_id in viewer._unreadable, timeout=10000)
    assert viewer.canvas.item.pixmap().width() == 1600 and viewer.original_id is None
    viewer.close()


def test_after_a_partial_photo_import_only_the_photos_left_out_are_unsaved(
    window, qtbot, dialogs, demo_catalogue, tmp_path,
):
    good = write_photo(tmp_path / "in", "good.jpg", (200, 30, 30))
    bad = tmp_path / "in" / "bad.jpg"
    bad.write_bytes(b"this is no photo")
    editor = open_new_editor(window)
    qtbot.keyClicks(editor.form.editors["title"], "Winners medal")
    editor.photos.add_paths([good, bad])
    editor.save()
    qtbot.waitUntil(lambda: not editor.busy and editor.message.isVisible(), timeout=10000)
    assert (editor.isVisible() and "bad.jpg" in editor.message.text()
            and "was saved" in editor.message.text())
    stored = photos.list_photos(demo_catalogue, item_id=editor.item_id)
    assert [photo.filename for photo in stored] == ["good.jpg"]
    entries = editor.photos.entries()
    assert [(entry.photo_id, entry.path) for entry in entries] == [(stored[0].id, None),
                                                                   (None, bad)]
    assert window.library.current_id() == editor.item_id  # the saved item is shown
    editor.photos.list.setCurrentRow(1)
    editor.photos.remove_current()  # dropping the file that failed leaves nothing unsaved
    assert not editor.is_dirty()
    editor.reject()
    assert not editor.isVisible() and dialogs.asked_unsaved == 0
    assert items.count_items(demo_catalogue) == 48  # saved once, not twice
