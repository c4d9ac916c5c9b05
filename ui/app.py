"""Starting the desktop app: translators, logging, welcome or main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.i18n import DEFAULT_LANGUAGE
from app.logs import setup_logging
from app.paths import DataDir
from app.store import open_data_dir, open_reader
from app.users import default_operator_id
from ui.context import UiContext
from ui.errors import install_excepthook
from ui.language import apply_language, stored_language
from ui.main_window import MainWindow
from ui.operations import Operations
from ui.welcome import WelcomeWindow

__all__ = ["application", "apply_language", "open_context", "run_gui", "stored_language"]

log = logging.getLogger("credit_desk.ui")


def open_context(data: DataDir, operator_id: str | None = None) -> UiContext:
    """Open (creating and migrating) the register and start the two operation lanes,
    each with its own connection. ``ctx.close()`` stops them. ``operator_id`` is
    the signed-in user (the built-in system account for screenshots and tests)."""
    ui_db = open_data_dir(data)
    # The background lane reads whole lists and sorts whole tables: pages it
    # will not read again, so a smaller cache (app/store.py, open_reader).
    ops = Operations(lambda: open_reader(data),
                     open_background=lambda: open_reader(data, cache_kib=16384))
    return UiContext(data=data, ui_db=ui_db, ops=ops,
                     operator_id=operator_id or default_operator_id(ui_db))


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
    """Shows the welcome screen, the login screen or the main window, and swaps
    between them (switching user closes the window and signs in again)."""

    def __init__(self, data: DataDir):
        self.data = data
        self.window = None
        self.welcome = None
        self.login = None

    def start(self) -> None:
        if self.data.exists():
            self.show_login(self.data)
        else:
            self.welcome = WelcomeWindow(self.data)
            self.welcome.register_ready.connect(self.show_login)
            self.welcome.show()

    def show_login(self, data: DataDir) -> None:
        from ui.accounts.login import LoginWindow

        if data != self.data:
            setup_logging(data)
            self.data = data
        self.login = LoginWindow(data)
        self.login.signed_in.connect(self.open_main)
        self.login.show()
        if self.welcome is not None:
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None

    def switch_user(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.session.stop()
            window.close()
            window.close_context()
            window.deleteLater()
        self.show_login(self.data)

    def open_main(self, actor) -> None:
        from ui.accounts.session import Session

        self.window = MainWindow(open_context(self.data, actor.id))
        self.window.back_up_on_close = True
        self.window.session = Session(self.window, self.window.ctx)
        self.window.session.switch_user.connect(self.switch_user)
        self.window.show()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        check_audit_chains(self.window)
        # After the first paint, so the window shows before the first county check.
        QTimer.singleShot(2000, self.window.start_auto_sync)
        if self.welcome is not None:
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None


def check_audit_chains(window) -> None:
    """Verify the logs' hash chains in the background; say so loudly if broken."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    from app.accounts import audit
    from ui.operations import BackgroundOp

    def report(result) -> None:
        if result["ok"]:
            return
        lines = [b.message() for b in result["breaks"]]
        if result["missing_triggers"]:
            lines.append(QApplication.translate("App", "Protective triggers are missing: {names}")
                         .format(names=", ".join(result["missing_triggers"])))
        text = QApplication.translate(
            "App", "The logs of this register were changed outside the program; the audit "
                   "trail can no longer be trusted. Tell the administrator and the county.")
        label = QLabel(QApplication.translate("App", "AUDIT CHAINS BROKEN"))
        label.setObjectName("audit-broken")
        label.setStyleSheet("background: #c0392b; color: white; font-weight: bold; padding: 2px;")
        window.statusBar().addPermanentWidget(label)
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QApplication.translate("App", "Audit chains broken"),
                          text + "\n\n" + "\n".join(lines), parent=window)
        box.setObjectName("audit-broken-dialog")
        box.open()

    BackgroundOp(window, audit.verify).success(report).run(window.ctx.ops)


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
