"""Dialogs sized for their content and for the screen they open on.

Township laptops often have 1366×768 screens with a taskbar: a dialog asks
for the size its content wants, never more than the screen can show, and is
wide enough for its own title (a letter number in the title bar must not be
cut to "记录承诺书 5106…").
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.92  # of the available screen, leaving the window frame room


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width``×``height``, within the screen and not below the content's minimum."""
    screen = (widget.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    least = widget.minimumSizeHint()
    widget.resize(max(least.width(), min(width, int(screen.width() * SCREEN_SHARE))),
                  max(least.height(), min(height, int(screen.height() * SCREEN_SHARE))))


def wide_enough_for_title(widget: QWidget, extra: int = 140) -> None:
    """A minimum width that shows the whole window title (plus the frame's buttons)."""
    width = widget.fontMetrics().horizontalAdvance(widget.windowTitle()) + extra
    widget.setMinimumWidth(max(widget.minimumWidth(), width))


def fit_columns(view, sample: int = 40, widest: int = 260) -> None:
    """Column widths from the header and the first ``sample`` rows, once.

    ``QHeaderView.ResizeToContents`` asks the model for every cell of a thousand rows at
    every layout and selection; a village of five thousand ratings froze the window for
    seconds. Tables call this when their model is reset and keep the header Interactive.
    """
    from PySide6.QtCore import Qt

    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    rows = min(model.rowCount(), sample)
    for column in range(model.columnCount()):
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.data(model.index(row, column)) or "") for row in range(rows)]
        width = max(metrics.horizontalAdvance(t) for t in texts) + 18
        header.resizeSection(column, min(width, widest))
