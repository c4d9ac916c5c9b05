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
