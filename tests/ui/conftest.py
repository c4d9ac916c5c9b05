"""Fixtures for the desktop app: a context on a copy of the demo register, a main window."""

from __future__ import annotations

import pytest

from app.i18n import DEFAULT_LANGUAGE


@pytest.fixture
def ui_app(qapp):
    """The QApplication with the bundled font and Chinese translators, as run_gui sets it up."""
    from ui.app import application, apply_language

    app = application()
    apply_language(app, DEFAULT_LANGUAGE)
    yield app
    apply_language(app, DEFAULT_LANGUAGE)


@pytest.fixture
def ctx(ui_app, demo_data):
    from ui.app import close_context, open_context

    context = open_context(demo_data)
    yield context
    close_context(context)


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


@pytest.fixture
def wait_idle(qtbot, ctx):
    """Call to wait until the write worker has finished everything submitted."""
    def wait(timeout: int = 10000) -> None:
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)
    return wait
