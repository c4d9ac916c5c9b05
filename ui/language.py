"""The interface language: Qt translators for every area catalogue, and the stored choice."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from app import settings
from app.i18n import LANGUAGES, qm_paths, set_language
from app.paths import DataDir
from app.store import open_reader

log = logging.getLogger("credit_desk.ui")

LANGUAGE_SETTING = "ui.language"
_translators: list[QTranslator] = []


def apply_language(app: QApplication, language: str) -> int:
    """Use ``language`` for app/ messages and install one QTranslator per area catalogue.

    Returns how many catalogues were loaded (0 for English, the source language).
    """
    set_language(language)
    while _translators:
        app.removeTranslator(_translators.pop())
    if language == "en":
        return 0
    for path in qm_paths(language):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.warning("could not load translation %s", path)
    # Qt's own texts (OK/Cancel of standard buttons, file dialogs, Copy/Paste menus), shipped
    # with PySide6 and in the bundle; not counted, the program works without them.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
        return len(_translators) - 1
    return len(_translators)


def stored_language(data: DataDir) -> str | None:
    if not data.exists():
        return None
    try:
        db = open_reader(data)
    except Exception:  # noqa: BLE001 - the window will report a broken register itself
        return None
    try:
        value = settings.get(db, LANGUAGE_SETTING)
    except Exception:  # noqa: BLE001 - an old file without the setting table
        value = None
    finally:
        db.close()
    return value if value in LANGUAGES else None


def save_language(db, language: str) -> None:
    """Remember the choice in the register (an operation on the write lane)."""
    settings.put(db, LANGUAGE_SETTING, language)
