"""The camera on the room: wheel and pinch zoom, drag to pan, fit-all, and smooth moves."""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve, QEvent, QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal,
)
from PySide6.QtGui import (
    QKeyEvent, QNativeGestureEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QPinchGesture, QWidget

from museum.gui.room import exact_cache, level_cache
from museum.gui.room.cabinet_item import FAR_SCALE
from museum.gui.room.curtain import OpeningCurtain
from museum.gui.room.scene import RoomScene

MAX_SCALE = 5.0
FIT_MARGIN = 0.96
SETTLE_MS = 150
"""While the camera moves, pictures are sampled nearest-pixel (half the cost of a frame, and no
one can tell in motion); this long after it stops, one smooth frame is painted."""


class RoomView(QGraphicsView):
    """A view of a RoomScene. `view_changed` fires after every zoom or pan (for level of detail)."""

    view_changed = Signal()

    def __init__(self, scene: RoomScene, parent: QWidget | None = None, *,
                 plans_walls: bool = False) -> None:
        super().__init__(scene, parent)
        self.plans_walls = plans_walls  # the room's own view hangs the walls to fit its shape
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.SmoothPixmapTransform |
                            QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        # No background cache: the camera zooms more often than it only scrolls, and then the
        # cache is painted in full and blitted again, a second pass over every pixel.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._animation: QVariantAnimation | None = None
        self.settle_ms = SETTLE_MS  # 0: every frame smooth, moving or not
        self.exact_at_rest = True  # False: a frame at rest scales every picture smoothly
        self._camera: tuple | None = None  # (transform, scroll x, scroll y) last painted
        self._settle = QTimer(self, singleShot=True)
        self._settle.timeout.connect(lambda: self._sample_smoothly(True))
        self.curtain = OpeningCurtain(self.viewport().update, self)
        self.horizontalScrollBar().valueChanged.connect(self.view_changed)
        self.verticalScrollBar().valueChanged.connect(self.view_changed)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def min_scale(self) -> float:
        rect = self.sceneRect()
        if rect.isEmpty():
            return 0.05
        return 0.5 * min(self.viewport().width() / rect.width(),
                         self.viewport().height() / rect.height())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by factor about `anchor` (viewport pixels; the centre when None), within limits."""
        target = max(self.min_scale(), min(MAX_SCALE, self.zoom * factor))
        if abs(target - self.zoom) < 1e-9:
            return
        point = anchor if anchor is not None else QPointF(self.viewport().rect().center())
        before = self.mapToScene(point.toPoint())
        self.resetTransform()
        self.scale(target, target)
        after = self.mapToScene(point.toPoint())
        self.centerOn(self.mapToScene(self.viewport().rect().center()) + (before - after))
        self.view_changed.emit()

    def show_rect(self, rect: QRectF, *, animated: bool = False, duration: int = 700) -> None:
        """Frame `rect` (scene units) in the view, moving the camera smoothly when animated."""
        if rect.isEmpty():
            return
        scale = FIT_MARGIN * min(self.viewport().width() / rect.width(),
                                 self.viewport().height() / rect.height())
        scale = max(0.01, min(MAX_SCALE, scale))
        if not animated:
            self._stop_animation()
            self._set_camera(rect.center(), scale)
            return
        self._animate_to(rect.center(), scale, duration)

    def fit_all(self, *, animated: bool = False) -> None:
        scene = self.scene()
        if scene is not None:
            self.show_rect(scene.sceneRect(), animated=animated)

    @property
    def animating(self) -> bool:
        return self._animation is not None

    def _camera_centre(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def _set_camera(self, centre: QPointF, scale: float) -> None:
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(centre)
        self.view_changed.emit()

    def _animate_to(self, centre: QPointF, scale: float, duration: int) -> None:
        self._stop_animation()
        start_centre, start_scale = self._camera_centre(), self.zoom
        distance = (centre - start_centre).manhattanLength()
        # A long move pulls the camera back mid-way, as a visitor steps back to look around.
        travel = self.viewport().width() / max(start_scale, scale)
        dip = min(1.0, 0.5 * distance / max(travel, 1.0)) * 0.45
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(duration)
        animation.setEasingCurve(QEasingCurve.Type.InOutCubic)

        def step(value: float) -> None:
            t = float(value)
            base = start_scale * (scale / start_scale) ** t
            zoom = base * (1 - dip * 4 * t * (1 - t))
            self._set_camera(start_centre + (centre - start_centre) * t, zoom)

        animation.valueChanged.connect(step)
        animation.finished.connect(self._stop_animation)
        self._animation = animation
        animation.start()

    def _stop_animation(self) -> None:
        if self._animation is not None:
            self._animation.stop()
            self._animation.deleteLater()
            self._animation = None

    @property
    def moving(self) -> bool:
        """Whether the camera moved in the last settle_ms (frames are then sampled fast)."""
        return self._settle.isActive()

    def paintEvent(self, event: QPaintEvent) -> None:
        scene = self.scene()
        if isinstance(scene, RoomScene):  # several views may share the scene: tell it which
            scene.view_about_to_paint(self, far=self.zoom < FAR_SCALE)
        camera = (self.transform(), self.horizontalScrollBar().value(),
                  self.verticalScrollBar().value())
        if camera != self._camera:
            self._camera = camera
            if self.settle_ms > 0:
                self._settle.start(self.settle_ms)
                self._sample_smoothly(False)
        if self.settle_ms <= 0:
            self._settle.stop()
            self._sample_smoothly(True)
        # At rest, pictures are copied at their exact size rather than scaled smoothly.
        exact_cache.settled = self.exact_at_rest and not self.moving
        if exact_cache.settled:
            exact_cache.repaint_when_made(self.viewport().update)
        level_cache.start_frame()
        try:
            if self.curtain.down:
                self.curtain.look((camera, self.viewport().size().toTuple()),
                                  lambda: super(RoomView, self).paintEvent(event))
                painter = QPainter(self.viewport())
                self.curtain.paint_closed(painter, self.viewport().rect())
                painter.end()
            else:
                super().paintEvent(event)
        finally:
            exact_cache.settled = False  # a poster or a grab paints the scene its own way

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if self.curtain.opacity > 0.0 and not self.curtain.down:
            painter.save()
            painter.resetTransform()
            self.curtain.paint_fade(painter, self.viewport().rect())
            painter.restore()

    def _sample_smoothly(self, smooth: bool) -> None:
        """Smooth or nearest-pixel sampling of every picture; a change repaints the view once
        more (when the camera stops, that is the one smooth frame)."""
        hint = QPainter.RenderHint.SmoothPixmapTransform
        if bool(self.renderHints() & hint) != smooth:
            self.setRenderHint(hint, smooth)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scene = self.scene()
        size = self.viewport().size()
        if self.plans_walls and isinstance(scene, RoomScene) and size.height() > 50:
            if scene.set_aspect(size.width() / size.height()):
                self.fit_all()

    # --- input ---------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self._stop_animation()
            self.zoom_by(1.0015 ** delta, event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + gesture.value(), gesture.position())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor(), pinch.centerPoint())
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit_all(animated=True)
        else:
            super().keyPressEvent(event)


