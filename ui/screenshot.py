"""Render a view of the app offscreen into a PNG (``credit-desk screenshot``)."""

from __future__ import annotations

import os
from pathlib import Path

from app.i18n import DEFAULT_LANGUAGE, current_language
from app.paths import DataDir

REGISTER_VIEWS = ("households", "organizations", "household-detail", "organization-detail",
                  "welcome", "login")
AREA_VIEWS = ("home", "places", "rating", "letters", "records", "excel", "sync", "settings")
VIEWS = REGISTER_VIEWS + AREA_VIEWS


def render(data: DataDir, view: str, out: Path, size: tuple[int, int] = (1280, 800),
           language: str | None = None, operator_id: str | None = None) -> Path:
    """Draw ``view`` with the register in ``data`` and save it as ``out``, as the
    user ``operator_id`` sees it (the built-in account when None)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.app import apply_language, application, open_context, stored_language

    if view not in VIEWS:
        raise ValueError(view)
    app = application()
    apply_language(app, language or stored_language(data) or current_language()
                   or DEFAULT_LANGUAGE)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if view == "login":
        from ui.accounts.login import LoginWindow

        widget = LoginWindow(data)
        widget.resize(*size)
        _grab(app, widget, out)
        widget.close()
        return out
    if view == "welcome":
        from ui.welcome import WelcomeWindow

        widget = WelcomeWindow(data)
        widget.resize(*size)
        _grab(app, widget, out)
        widget.close()
        return out

    from ui.main_window import MainWindow

    window = MainWindow(open_context(data, operator_id))
    window.resize(*size)
    dialog = None
    try:
        if view in ("households", "organizations", "household-detail", "organization-detail"):
            page = window.show_area("register")
            if view.startswith("organization"):
                page.tabs.setCurrentWidget(page.organizations)
            window.show()
            lst = page.households if view.startswith("household") else page.organizations
            lst.model.wait_loaded()
            app.processEvents()
            if view.endswith("-detail"):
                lst.view.selectRow(0)
                subject = lst.model.subject_id_at(0)
                if subject:
                    dialog = lst.open_subject(subject)
                    app.processEvents()
                    _grab(app, dialog, out)
                    return out
        else:
            window.show_area(view)
            window.show()
            # Pages that compute in the background (the dashboard) are drawn
            # with their figures, not with "computing".
            for _ in range(3):
                window.ctx.ops.wait_idle(120)
                app.processEvents()
        app.processEvents()
        _grab(app, window, out)
        return out
    finally:
        if dialog is not None:
            dialog.close()
        window.close()
        # A picture is not a working session: no backup of a register nobody changed.
        window.close_context(back_up=False)
        QApplication.processEvents()


def _grab(app, widget, out: Path) -> None:
    widget.show()
    for _ in range(3):
        app.processEvents()
    if not widget.grab().save(str(out)):
        raise OSError(f"could not write {out}")
