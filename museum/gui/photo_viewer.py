"""The photo viewer: one photo at a time, with zoom, pan, fit, next/previous and full screen.

It shows the ~1600 px preview; zoomed in past the preview's own pixels, it reads the original in
a worker and swaps it in at the same place and size on screen (a format Qt cannot read, such as
HEIC without its plugin, keeps the preview).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QImage, QImageReader, QKeySequence, QPainter, QPixmap, QShortcut, QTransform, QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout,
)

from museum.gui.workers import run_task

ZOOM_STEP = 1.25
ORIGINAL_ALLOCATION_LIMIT_MB = 1024  # a 200-megapixel photo still opens; a bomb does not


def read_original(catalogue, photo_id: int) -> QImage:
    """In a worker: the photo's original, upright; OSError when Qt cannot read its format."""
    from museum.core.photos import original_path

    reader = QImageReader(str(original_path(catalogue, photo_id=photo_id)))
    reader.setAutoTransform(True)
    reader.setAllocationLimit(ORIGINAL_ALLOCATION_LIMIT_MB)
    image = reader.read()
    if image.isNull():
        raise OSError(f"Cannot read the original of photo {photo_id}: {reader.errorString()}")
    return image


class PhotoCanvas(QGraphicsView):
    """A pannable, zoomable picture; the wheel zooms around the pointer."""

    zoomed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setBackgroundBrush(Qt.GlobalColor.black)
        self.fitting = True

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.item.setPixmap(pixmap)
        self.scene().setSceneRect(self.item.boundingRect())
        if self.fitting:
            self.fit()

    def fit(self) -> None:
        self.fitting = True
        if not self.item.pixmap().isNull():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self.fitting = False
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 20:
            self.scale(factor, factor)
            self.zoomed.emit()

    def actual_size(self) -> None:
        self.fitting = False
        self.resetTransform()
        self.zoomed.emit()

    def swap_pixmap(self, pixmap: QPixmap) -> None:
        """Show a sharper copy of the same picture where and as large as the old one was."""
        old_width = self.item.pixmap().width()
        if old_width <= 0 or self.fitting:
            self.set_pixmap(pixmap)
            return
        # Same size on screen: scene coordinates grow by `ratio` while the scale shrinks by it,
        # so the scroll bars keep their values and every pixel stays where it was.
        scale = self.transform().m11() * old_width / pixmap.width()
        scroll = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.item.setPixmap(pixmap)
        self.scene().setSceneRect(self.item.boundingRect())
        self.setTransform(QTransform.fromScale(scale, scale))
        self.horizontalScrollBar().setValue(scroll[0])
        self.verticalScrollBar().setValue(scroll[1])
        self.setTransformationAnchor(anchor)

    def zoom_level(self) -> float:
        return self.transform().m11()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()


class PhotoViewer(QDialog):
    """Shows the photos of one item; keys: ←/→, +/−, 0 fit, 1 actual size, F11, Esc."""

    def __init__(
        self, thumbnails, photos: list, start_photo_id: int, *, title: str, parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("viewer")
        self.setWindowTitle(title)
        self.thumbnails = thumbnails
        self.photos = photos
        self.position = next((number for number, photo in enumerate(photos)
                              if photo.id == start_photo_id), 0)
        self.canvas = PhotoCanvas()
        self.canvas.zoomed.connect(self._on_zoomed)
        self.original_id: int | None = None  # the photo whose original is shown
        self._original_wanted: int | None = None
        self._unreadable: set[int] = set()
        self._original_task = None
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(self._controls())
        self._shortcuts()
        thumbnails.loaded.connect(self._on_thumbnail_loaded)
        self.resize(1100, 800)
        self.show_current()

    def _controls(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 8)
        for text, slot, tip in (("◀", self.previous, "Previous (←)"), ("▶", self.next, "Next (→)"),
                                ("−", lambda: self.canvas.zoom(1 / ZOOM_STEP), "Zoom out (−)"),
                                ("+", lambda: self.canvas.zoom(ZOOM_STEP), "Zoom in (+)"),
                                ("Fit", self.canvas.fit, "Fit in window (0)"),
                                ("Full screen", self.toggle_full_screen, "Full screen (F11)")):
            button = QPushButton(text, toolTip=tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
            if text == "▶":
                bar.addWidget(self.caption, 1)
        return bar

    def _shortcuts(self) -> None:
        for keys, slot in (((Qt.Key.Key_Right, Qt.Key.Key_Space), self.next),
                           ((Qt.Key.Key_Left, Qt.Key.Key_Backspace), self.previous),
                           ((Qt.Key.Key_Plus, Qt.Key.Key_Equal),
                            lambda: self.canvas.zoom(ZOOM_STEP)),
                           ((Qt.Key.Key_Minus,), lambda: self.canvas.zoom(1 / ZOOM_STEP)),
                           ((Qt.Key.Key_0,), self.canvas.fit),
                           ((Qt.Key.Key_1,), self.canvas.actual_size),
                           ((Qt.Key.Key_F11, Qt.Key.Key_F), self.toggle_full_screen)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

    def show_current(self) -> None:
        if not self.photos:
            self.caption.setText("This item has no photos.")
            return
        photo = self.photos[self.position]
        pixmap = (self.thumbnails.pixmap(photo.id, "preview")
                  or self.thumbnails.pixmap(photo.id, "grid"))
        self.original_id = None
        self.canvas.fitting = True
        self.canvas.set_pixmap(pixmap or QPixmap())
        words = [f"{self.position + 1} of {len(self.photos)}"]
        if photo.caption:
            words.insert(0, photo.caption)
        self.caption.setText("  ·  ".join(words))

    def current_photo_id(self) -> int | None:
        return self.photos[self.position].id if self.photos else None

    def next(self) -> None:
        if self.photos:
            self.position = (self.position + 1) % len(self.photos)
            self.show_current()

    def previous(self) -> None:
        if self.photos:
            self.position = (self.position - 1) % len(self.photos)
            self.show_current()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- the original, when zoomed past the preview ----------------------------------------------
    def _on_zoomed(self) -> None:
        photo = self.photos[self.position] if self.photos else None
        shown = self.canvas.item.pixmap().width()
        if (photo is None or self.original_id == photo.id or photo.id in self._unreadable
                or shown <= 0 or shown >= photo.width):
            return
        if self.canvas.zoom_level() > 1.0 and self._original_wanted != photo.id:
            self._original_wanted = photo.id
            catalogue = self.thumbnails.catalogue
            self._original_task = run_task(
                lambda photo_id=photo.id: read_original(catalogue, photo_id),
                on_done=lambda image, photo_id=photo.id: self._on_original_read(photo_id, image),
                on_error=lambda _message, photo_id=photo.id: self._on_original_failed(photo_id))

    def _on_original_read(self, photo_id: int, image: QImage) -> None:
        if self._original_wanted == photo_id:
            self._original_wanted = None
        if photo_id != self.current_photo_id():
            return  # the user has moved on; the original is not kept
        self.original_id = photo_id
        self.canvas.swap_pixmap(QPixmap.fromImage(image))

    def _on_original_failed(self, photo_id: int) -> None:
        # HEIC without Qt's plugin, or a damaged file (`check` says which): the preview stays.
        if self._original_wanted == photo_id:
            self._original_wanted = None
        self._unreadable.add(photo_id)

    def _on_thumbnail_loaded(self, photo_id: int, size: str) -> None:
        if photo_id == self.original_id:
            return  # the original is sharper than any thumbnail
        if photo_id == self.current_photo_id():
            pixmap = self.thumbnails.pixmap(photo_id, "preview")
            if size == "preview" or pixmap is None:
                pixmap = pixmap or self.thumbnails.pixmap(photo_id, "grid")
                fitting = self.canvas.fitting
                self.canvas.set_pixmap(pixmap or QPixmap())
                self.canvas.fitting = fitting
