"""The About box: version, where the data is, and the licences of what is bundled."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app import __version__
from app.paths import DataDir
from app.resources import resource_path
from ui.help import app_icon

NOTICES = ("licenses", "THIRD-PARTY-NOTICES.txt")


def notices_text() -> str:
    try:
        return resource_path(*NOTICES).read_text(encoding="utf-8")
    except OSError:
        return ""


def licence_summary(text: str) -> list[str]:
    """The "Summary" lines of the notices file: one line per library and font group."""
    lines = text.splitlines()
    if "Summary" not in lines:
        return []
    start = lines.index("Summary") + 2
    summary = []
    for line in lines[start:]:
        if not line.strip():
            break
        summary.append(line.strip())
    return summary


def font_licences() -> list[str]:
    """The table rows of resources/fonts/LICENSES.md as "file: licence"."""
    try:
        text = resource_path("fonts", "LICENSES.md").read_text(encoding="utf-8")
    except OSError:
        return []
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and "." in cells[0] and not cells[0].startswith("---"):
            rows.append(f"{cells[0]}: {cells[-1]}")
    return rows


class AboutDialog(QDialog):
    def __init__(self, data: DataDir, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("About Township Credit Desk"))
        self.data = data
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(self.tr("<h2>Township Credit Desk</h2>Version {version}").format(
            version=__version__))
        self.title.setObjectName("about-version")
        head.addWidget(self.title, 1)
        layout.addLayout(head)

        self.folder = QLabel(self.tr("Data folder: {path}").format(path=data.root))
        self.folder.setObjectName("about-data-folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        layout.addWidget(self.folder)
        runtime = QLabel(self.tr("Python {python}, Qt {qt}, PySide6 {pyside}, {system}").format(
            python=platform.python_version(), qt=qVersion(), pyside=pyside_version,
            system=platform.platform(terse=True)))
        runtime.setWordWrap(True)
        layout.addWidget(runtime)

        layout.addWidget(QLabel(self.tr("Fonts and libraries in this program, and their licences:")))
        text = notices_text()
        self.licences = QPlainTextEdit("\n".join([*font_licences(), *licence_summary(text)]))
        self.licences.setObjectName("about-licences")
        self.licences.setReadOnly(True)
        self.licences.setMinimumSize(600, 220)
        layout.addWidget(self.licences)

        buttons = QDialogButtonBox()
        buttons.addButton(QPushButton(self.tr("Close")), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_folder = QPushButton(self.tr("Open data folder"))
        self.full_notices = QPushButton(self.tr("Full licence texts"))
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.full_notices, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data.root))))
        self.full_notices.clicked.connect(lambda: self.licences.setPlainText(text))
        self.full_notices.setEnabled(bool(text))
        layout.addWidget(buttons)
