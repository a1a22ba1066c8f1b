"""Long writes (importing many photos) in the write pool, with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from museum.gui.workers import Task, run_task


def run_with_progress(
    parent: QWidget,
    label: str,
    fn: Callable[..., Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> Task:
    """Run fn(progress=, cancelled=) as a write; a dialog shows progress after a short moment."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setObjectName("progress")
    dialog.setWindowTitle("Museum")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish without a flash of a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(f"{label} ({done} of {total})")

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        callback(value)

    task = run_task(fn, writes=True, on_progress=progressed,
                    on_done=lambda result: finish(on_done, result),
                    on_error=lambda message: finish(on_error, message))
    dialog.canceled.connect(task.cancel)
    task.dialog = dialog  # keeps the dialog alive as long as the task is referenced
    return task
