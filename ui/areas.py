"""The product's areas in navigation order: key, title, page class.

Every page class takes ``(ctx, parent)``. A page that is renamed or missing
breaks this import, and with it the window and its tests, on purpose.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.dashboard import DashboardPage
from ui.excel.page import ExcelPage
from ui.letters.page import LettersPage
from ui.places_page import PlacesPage
from ui.rating.page import RatingPage
from ui.records.page import RecordsPage
from ui.register_page import RegisterPage
from ui.settings_page import SettingsPage
from ui.sync.page import SyncPage


class Area(NamedTuple):
    key: str
    title: str  # English source text, translated in the "Areas" context by ``area_title``
    page: type[QWidget]


AREAS: tuple[Area, ...] = (
    Area("home", "Home", DashboardPage),
    Area("register", "Register", RegisterPage),
    Area("places", "Villages and groups", PlacesPage),
    Area("rating", "Credit rating", RatingPage),
    Area("letters", "Commitment letters", LettersPage),
    Area("records", "Credit information and reports", RecordsPage),
    Area("excel", "Import and export", ExcelPage),
    Area("sync", "Sync", SyncPage),
    Area("settings", "Settings", SettingsPage),
)


def area_title(key: str) -> str:
    """The area's name in the current language."""
    titles = {
        # Spelled out so lupdate finds each string.
        "home": QCoreApplication.translate("Areas", "Home"),
        "register": QCoreApplication.translate("Areas", "Register"),
        "places": QCoreApplication.translate("Areas", "Villages and groups"),
        "rating": QCoreApplication.translate("Areas", "Credit rating"),
        "letters": QCoreApplication.translate("Areas", "Commitment letters"),
        "records": QCoreApplication.translate("Areas", "Credit information and reports"),
        "excel": QCoreApplication.translate("Areas", "Import and export"),
        "sync": QCoreApplication.translate("Areas", "Sync"),
        "settings": QCoreApplication.translate("Areas", "Settings"),
    }
    return titles[key]
