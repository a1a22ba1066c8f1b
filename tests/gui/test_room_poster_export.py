"""Saving a poster from the room page: drawn a band at a time (the page keeps answering),
cancellable, and a poster that cannot be written says why and leaves nothing behind."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from museum.gui.room.poster import BAND_ROWS
from museum.gui.room.room_page import RoomPage
from tests.gui.room_support import shown_room_page


def _page(qtbot, catalogue) -> RoomPage:
    return shown_room_page(qtbot, catalogue, width=1000, height=700)


def test_a_poster_is_drawn_a_band_per_turn_of_the_event_loop(qtbot, tmp_path, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    out = tmp_path / "room.png"
    export = page.export_poster(out, width=4000)
    bands = -(-export.image.height() // BAND_ROWS)
    assert bands > 3
    seen = set()
    watcher = QTimer(interval=0)
    watcher.timeout.connect(lambda: seen.add(export.bands_drawn))
    watcher.start()
    with qtbot.waitSignal(export.finished, timeout=60_000) as ended:
        pass
    watcher.stop()
    assert {1, 2, 3} <= seen  # other work had turns between the bands
    assert ended.args == [True, f"Saved the poster as {out}."]  # where to find it
    assert out.read_bytes().startswith(b"\x89PNG")


def test_a_cancelled_poster_writes_nothing(qtbot, tmp_path, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    folder = tmp_path / "posters"
    folder.mkdir()
    out = folder / "room.png"
    export = page.export_poster(out, width=4000)
    with qtbot.waitSignal(export.finished) as ended:
        QTimer.singleShot(0, export.dialog.canceled.emit)  # its Cancel button, mid-way
    assert ended.args == [False, "The poster was not saved."]
    qtbot.wait(300)
    assert list(folder.iterdir()) == []


def test_a_poster_that_cannot_be_written_says_why(qtbot, tmp_path, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the folder should be")
    export = page.export_poster(blocker / "room.png", width=800)
    with qtbot.waitSignal(export.finished, timeout=60_000) as ended:
        pass
    saved, message = ended.args
    assert saved is False and message.startswith("The poster could not be saved in")
    assert page.last_message == message
    assert blocker.read_text() == "a file where the folder should be"


def test_a_poster_too_wide_or_of_an_unknown_cabinet_is_refused_at_once(qtbot, tmp_path,
                                                                      demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    folder = tmp_path / "posters"
    folder.mkdir()
    assert page.export_poster(folder / "x.png", width=50_000) is None
    assert "pixels wide" in page.last_message
    assert page.export_poster(folder / "x.png", cabinet="No such cabinet") is None
    assert page.last_message == "There is no cabinet called 'No such cabinet'."
    assert list(folder.iterdir()) == []
