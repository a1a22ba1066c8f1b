"""The photo viewer: one photo at a time, with zoom, pan, fit, next/previous and full screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPainter, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QDialog, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout,
)

ZOOM_STEP = 1.25


class PhotoCanvas(QGraphicsView):
    """A pannable, zoomable picture; the wheel zooms around the pointer."""

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

    def actual_size(self) -> None:
        self.fitting = False
        self.resetTransform()

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

    def __init__(self, thumbnails, photos: list, start_photo_id: int, *, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("viewer")
        self.setWindowTitle(title)
        self.thumbnails = thumbnails
        self.photos = photos
        self.position = next((number for number, photo in enumerate(photos) if photo.id == start_photo_id), 0)
        self.canvas = PhotoCanvas()
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
                           ((Qt.Key.Key_Plus, Qt.Key.Key_Equal), lambda: self.canvas.zoom(ZOOM_STEP)),
                           ((Qt.Key.Key_Minus,), lambda: self.canvas.zoom(1 / ZOOM_STEP)),
                           ((Qt.Key.Key_0,), self.canvas.fit), ((Qt.Key.Key_1,), self.canvas.actual_size),
                           ((Qt.Key.Key_F11, Qt.Key.Key_F), self.toggle_full_screen)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

    def show_current(self) -> None:
        if not self.photos:
            self.caption.setText("This item has no photos.")
            return
        photo = self.photos[self.position]
        pixmap = self.thumbnails.pixmap(photo.id, "preview") or self.thumbnails.pixmap(photo.id, "grid")
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

    def _on_thumbnail_loaded(self, photo_id: int, size: str) -> None:
        if photo_id == self.current_photo_id():
            pixmap = self.thumbnails.pixmap(photo_id, "preview")
            if size == "preview" or pixmap is None:
                pixmap = pixmap or self.thumbnails.pixmap(photo_id, "grid")
                fitting = self.canvas.fitting
                self.canvas.set_pixmap(pixmap or QPixmap())
                self.canvas.fitting = fitting
