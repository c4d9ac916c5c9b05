"""The product's areas in the navigation, and where their pages come from.

Areas built by other parts of the project provide ``ui/<area>/page.py`` with
``class Page(QWidget)`` taking ``(ctx, parent)``; until that module exists the
navigation shows a plain placeholder saying so.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

log = logging.getLogger("credit_desk.ui")

# (key, English name) in navigation order. "register" and "settings" are this package's own.
AREAS: list[tuple[str, str]] = [
    ("register", "Register"),
    ("rating", "Credit rating"),
    ("letters", "Commitment letters"),
    ("records", "Credit information and reports"),
    ("excel", "Import and export"),
    ("sync", "Sync"),
    ("settings", "Settings"),
]
EXTERNAL = ("rating", "letters", "records", "excel", "sync")


def area_title(key: str) -> str:
    names = {
        "register": QCoreApplication.translate("Areas", "Register"),
        "rating": QCoreApplication.translate("Areas", "Credit rating"),
        "letters": QCoreApplication.translate("Areas", "Commitment letters"),
        "records": QCoreApplication.translate("Areas", "Credit information and reports"),
        "excel": QCoreApplication.translate("Areas", "Import and export"),
        "sync": QCoreApplication.translate("Areas", "Sync"),
        "settings": QCoreApplication.translate("Areas", "Settings"),
    }
    return names.get(key, key)


def area_page_class(key: str):
    """``ui.<key>.page.Page`` if that module exists, else None."""
    name = f"ui.{key}.page"
    try:
        if importlib.util.find_spec(name) is None:
            return None
    except ModuleNotFoundError:
        return None
    return getattr(importlib.import_module(name), "Page", None)


class Placeholder(QWidget):
    def __init__(self, key: str, parent: QWidget | None = None, detail: str = ""):
        super().__init__(parent)
        self.setObjectName(f"placeholder-{key}")
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{area_title(key)}</h2>")
        text = QLabel(self.tr("This part of the program is not built yet. It will appear here "
                              "in a later version."))
        text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(text)
        if detail:
            extra = QLabel(detail)
            extra.setWordWrap(True)
            extra.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(extra)
        layout.addStretch(1)
        self.message = text.text()


def make_area_page(key: str, ctx, parent: QWidget | None = None) -> QWidget:
    """The page of an area built elsewhere, or a placeholder."""
    cls = area_page_class(key)
    if cls is None:
        return Placeholder(key, parent)
    try:
        return cls(ctx, parent)
    except Exception as exc:  # noqa: BLE001 - one broken page must not stop the window
        log.exception("page %s failed to open", key)
        return Placeholder(key, parent, detail=QCoreApplication.translate(
            "Areas", "This page could not be opened: {error}").format(error=exc))
