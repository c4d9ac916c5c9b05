"""Joint reward and punishment (联合奖惩) beside every field where an identity is typed.

``IdentityBanner.watch(line_edit)`` makes the banner follow what is typed:
once the text is a whole ID number or USCC the banner says whether the
subject is on a red or black list and every measure that implies
(``app.list_status.identity_status``); while the number is incomplete it is
hidden. An incomplete number costs no database read at all and a whole one a
few index reads on the UI thread's connection (well under a millisecond), so
the banner follows each keystroke at once, and no timer is left to fire after
its form has closed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.accounts.permissions import has
from app.list_status import identity_status
from app.records import measures
from ui.context import UiContext

STYLES = {
    "black": "color: #b3261e; font-weight: bold;",
    "red": "color: #1b6e3a; font-weight: bold;",
    "attention": "color: #a15c00; font-weight: bold;",
    "none": "color: #445;",
}


class IdentityBanner(QWidget):
    """The list status and measures of the identity typed in a watched field."""

    status_changed = Signal(object)  # the identity_status dict, or None

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 name: str = "identity-status"):
        super().__init__(parent)
        self.ctx = ctx
        self.status: dict | None = None
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName(f"{name}-text")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        # Recording that a measure was applied: for whoever may record credit information.
        self.apply_button = QPushButton(self.tr("Record a measure applied…"))
        self.apply_button.setObjectName(f"{name}-apply")
        self.apply_button.clicked.connect(self.record_measure)
        self.apply_button.setVisible(False)
        self._may_record = has(ctx.ui_db, ctx.operator_id, "records.edit")
        layout.addWidget(self.apply_button)
        self.dialog = None
        self._text = ""
        self.setVisible(False)

    def watch(self, editor: QLineEdit) -> "IdentityBanner":
        editor.textChanged.connect(self.set_text)
        return self

    def set_text(self, text: str) -> None:
        self._text = text or ""
        self.refresh()

    def show_now(self, text: str) -> dict | None:
        self.set_text(text)
        return self.status

    def refresh(self) -> None:
        status = identity_status(self.ctx.ui_db, self._text)
        self.status = status
        if status is None:
            self.label.clear()
            self.setVisible(False)
        else:
            self.label.setText(status["message"])
            self.label.setToolTip("\n".join(
                f"{e['label']}：{e.get('basis') or ''}（{e.get('deciding_body') or ''}，"
                f"{e['listed_on']}）" for e in status["entries"]))
            self.label.setStyleSheet(STYLES[status["level"]])
            self.setVisible(True)
        self.apply_button.setVisible(bool(status and measures.applicable(status)
                                          and self._may_record))
        self.status_changed.emit(status)

    def record_measure(self):
        """Open the form that records a measure of these lists as applied."""
        from ui.records.dialogs import MeasureDialog

        if not self.status or not measures.applicable(self.status):
            return None
        self.dialog = MeasureDialog(self.ctx, self.status, self.window(),
                                    on_saved=self._recorded)
        self.dialog.open()
        return self.dialog

    def _recorded(self, row: dict) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr(
                "Recorded: {measure} ({matter}); it goes to the county with the next batch.")
                .format(measure=row["measure"], matter=row["matter"]), 8000)

    def message(self) -> str:
        return "" if self.isHidden() else self.label.text()
