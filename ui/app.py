"""Starting the desktop app: translators, logging, welcome or main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app import settings
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, qm_paths, set_language
from app.logs import setup_logging
from app.paths import DataDir
from app.store import open_data_dir, open_reader
from app.users import default_operator_id
from ui.context import UiContext
from ui.errors import install_excepthook
from ui.jobs import JobRunner

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


def open_context(data: DataDir) -> UiContext:
    """Open (creating and migrating) the register and start the write worker."""
    reader = open_data_dir(data)
    runner = JobRunner(lambda: open_reader(data))
    return UiContext(data=data, reader=reader, runner=runner,
                     operator_id=default_operator_id(reader))


def close_context(ctx: UiContext) -> None:
    ctx.runner.shutdown()
    ctx.reader.close()


def _fonts(app: QApplication) -> None:
    """The bundled CJK font, so Chinese shows even where the system has none (CI, minimal
    Linux); a system Chinese UI font is preferred where there is one."""
    from PySide6.QtGui import QFont, QFontDatabase

    from app.resources import resource_path

    if app.property("credit_desk_fonts"):
        return
    app.setProperty("credit_desk_fonts", True)
    families = []
    for name in ("wqy-microhei.ttc", "HanaMinA-rare.ttf", "HanaMinB.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(app.font())
    # Rare characters of names (CJK Extension A/B) fall back to HanaMin.
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
                      "Noto Sans CJK SC", "WenQuanYi Micro Hei", *families, *font.families()])
    app.setFont(font)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    _fonts(app)
    app.setApplicationName("credit-desk")
    app.setApplicationDisplayName(QApplication.translate("App", "Township Credit Desk"))
    return app


class Launcher:
    """Shows the welcome screen or the main window, and swaps between them."""

    def __init__(self, data: DataDir):
        self.data = data
        self.window = None
        self.welcome = None

    def start(self) -> None:
        if self.data.exists():
            self.open_main(self.data)
        else:
            from ui.welcome import WelcomeWindow

            self.welcome = WelcomeWindow(self.data)
            self.welcome.register_ready.connect(self.open_main)
            self.welcome.show()

    def open_main(self, data: DataDir) -> None:
        from ui.main_window import MainWindow

        if data != self.data:
            setup_logging(data)
            self.data = data
        self.window = MainWindow(open_context(data))
        self.window.show()
        # After the first paint: the sync client's imports are not needed to start.
        QTimer.singleShot(2000, self.window.start_auto_sync)
        if self.welcome is not None:
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None


def run_gui(data: DataDir, lang: str | None = None) -> int:
    setup_logging(data)
    app = application()
    install_excepthook()
    apply_language(app, lang or stored_language(data) or DEFAULT_LANGUAGE)
    app.setApplicationDisplayName(QApplication.translate("App", "Township Credit Desk"))
    log.info("starting with %s", data.root)
    launcher = Launcher(data)
    launcher.start()
    code = app.exec()
    if launcher.window is not None:
        launcher.window.close_context()
    return code
