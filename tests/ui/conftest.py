"""A main window on the shared ``ctx`` (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(ctx, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    for page in list(win._pages.values()):
        closer = getattr(page, "close_page", None)
        if callable(closer):
            closer()
