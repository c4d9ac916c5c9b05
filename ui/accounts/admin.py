"""Administrators' window: user accounts and the review (审查) of the query and use log.

Every button calls the app/accounts function that does the work, so the
rules (last administrator, permissions, password length) are the command
line's; refusals show in the window's message line.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from app.accounts import audit, auth
from app.accounts import policy as access_policy
from app.accounts.permissions import role_label
from app.errors import UserError
from ui.operations import BackgroundOp
from ui.sizing import fit_to_screen

_HIGHLIGHT = QBrush(QColor("#fde2dc"))


class AccountsWindow(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("accounts-window")
        self.setWindowTitle(self.tr("Users and review"))
        fit_to_screen(self, 900, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.message = QLabel()
        self.message.setObjectName("accounts-message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.tabs.addTab(self._users_tab(), self.tr("Users"))
        self.tabs.addTab(self._review_tab(), self.tr("Review of the query and use log"))
        self.refresh_users()

    # -- users
    def _users_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.users = QTableWidget(0, 5)
        self.users.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"),
                                              self.tr("Role"), self.tr("Villages"),
                                              self.tr("State")])
        self.users.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.users.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.users)
        form = QHBoxLayout()
        self.new_username = QLineEdit()
        self.new_username.setPlaceholderText(self.tr("user name"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("full name"))
        self.new_role = QComboBox()
        for role in access_policy.ROLES:
            self.new_role.addItem(role_label(role, self.ctx.ui_db), role)
        self.new_role.setCurrentIndex(self.new_role.findData("official"))
        self.new_password = QLineEdit()
        self.new_password.setPlaceholderText(self.tr("temporary password"))
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add user"))
        add.setObjectName("add-user")
        add.clicked.connect(self.add_user)
        for w in (self.new_username, self.new_name, self.new_role, self.new_password, add):
            form.addWidget(w)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        for text, name, slot in (
                (self.tr("Disable"), "disable-user", lambda: self._selected(auth.set_active,
                                                                            False)),
                (self.tr("Enable"), "enable-user", lambda: self._selected(auth.set_active, True)),
                (self.tr("Make role as chosen above"), "set-role",
                 lambda: self._selected(auth.set_role, self.new_role.currentData())),
                (self.tr("Reset password to the temporary one above"), "reset-password",
                 lambda: self._selected(auth.reset_password, self.new_password.text()))):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def refresh_users(self) -> None:
        rows = auth.list_users(self.ctx.ui_db)
        self.users.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = [] if r["active"] else [self.tr("disabled")]
            if r["must_change_password"]:
                state.append(self.tr("must change password"))
            if not r["can_sign_in"]:
                state.append(self.tr("no password"))
            for j, value in enumerate((r["username"], r["display_name"], r["role_label"],
                                       r["villages"] or "", "、".join(state))):
                self.users.setItem(i, j, QTableWidgetItem(value))
        self.users.resizeColumnsToContents()

    def _run(self, fn, *args) -> bool:
        try:
            fn(self.ctx.ui_db, self.ctx.operator_id, *args)
        except UserError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(self.tr("Done."))
        self.refresh_users()
        return True

    def add_user(self) -> None:
        if self._run(auth.create_user, self.new_username.text(), self.new_name.text(),
                     self.new_role.currentData(), self.new_password.text()):
            self.new_username.clear()
            self.new_name.clear()
            self.new_password.clear()

    def _selected(self, fn, value) -> None:
        row = self.users.currentRow()
        if row < 0:
            self.message.setText(self.tr("Choose a user in the list first."))
            return
        self._run(fn, self.users.item(row, 0).text(), value)

    # -- review
    def _review_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QFormLayout()
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        row.addRow(self.tr("From"), self.since)
        row.addRow(self.tr("To"), self.until)
        layout.addLayout(row)
        show = QPushButton(self.tr("Show"))
        show.setObjectName("review-show")
        show.clicked.connect(self.show_review)
        layout.addWidget(show, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.review_table = QTableWidget(0, 5)
        self.review_table.setObjectName("review-table")
        self.review_table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"),
                                                     self.tr("Action"), self.tr("Purpose"),
                                                     self.tr("Why highlighted")])
        self.review_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.review_table)
        sign = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("finding of the review, e.g. 无异常"))
        sign_button = QPushButton(self.tr("Sign the review"))
        sign_button.setObjectName("review-sign")
        sign_button.clicked.connect(self.sign_review)
        sign.addWidget(self.note, 1)
        sign.addWidget(sign_button)
        layout.addLayout(sign)
        self.result = None
        return tab

    def _period(self) -> tuple[str, str]:
        return (self.since.date().toString("yyyy-MM-dd"),
                self.until.date().toString("yyyy-MM-dd"))

    def show_review(self) -> None:
        """Read the period on the background lane: a long period of a big log takes a while."""
        since, until = self._period()
        self.result = None
        self.summary.setText(self.tr("Reading the log…"))
        (BackgroundOp(self, audit.review, self.ctx.operator_id, since, until)
         .success(self._show_result).failure(self.message.setText).run(self.ctx.ops))

    def _show_result(self, result) -> None:
        self.result = r = result
        lines = [self.tr("{entries} entries; full-number disclosures: {full}; outside office "
                         "hours ({hours}): {late}; unusual volumes: {unusual}.").format(
            entries=r["entries"], full=len(r["full_disclosures"]), hours=r["office_hours"],
            late=len(r["after_hours"]), unusual=len(r["unusual"]))]
        lines += [self.tr("{user}: {uses} uses, {subjects} subjects").format(**u)
                  for u in r["per_user"]]
        lines += [self.tr("{user} on {day}: {count} subjects").format(**u) for u in r["unusual"]]
        self.summary.setText("\n".join(lines))
        flagged: dict[int, tuple[dict, list[str]]] = {}
        for row in r["full_disclosures"]:
            flagged.setdefault(row["seq"], (row, []))[1].append(self.tr("full numbers"))
        for row in r["after_hours"]:
            flagged.setdefault(row["seq"], (row, []))[1].append(self.tr("outside office hours"))
        self.review_table.setRowCount(len(flagged))
        for i, (row, why) in enumerate(flagged[k] for k in sorted(flagged)):
            local = dt.datetime.strptime(row["at"][:19], "%Y-%m-%dT%H:%M:%S").replace(
                tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
            for j, value in enumerate((local, row["user"], row["action"], row["purpose"] or "",
                                       "、".join(why))):
                item = QTableWidgetItem(value)
                item.setBackground(_HIGHLIGHT)
                self.review_table.setItem(i, j, item)
        self.review_table.resizeColumnsToContents()

    def sign_review(self) -> None:
        if self.result is None:
            self.message.setText(self.tr("Show the period first, then sign."))
            return
        if not self.note.text().strip():
            self.message.setText(self.tr("Write the finding of the review before signing."))
            return
        since, until = self._period()
        try:
            audit.sign_review(self.ctx.ui_db, self.ctx.operator_id, since, until,
                              self.note.text().strip(), self.result)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Review signed and entered in the account log."))
