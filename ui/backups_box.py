"""The settings screen's backups section: list, back up now, restore, second copy, keep counts.

Everything runs through the operation lanes (ui/operations.py): listing and
checking a backup on the background lane, writing one on the write lane, so
the window never waits. Restoring replaces the register file: the window
closes its connections first and signs in again on the restored register
(``MainWindow.restore_backup``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from app import backup, settings
from app.accounts.permissions import has
from app.users import username_of
from ui.context import UiContext
from ui.operations import BackgroundOp, WriteOp


class BackupsBox(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(self.tr("Backups"), parent)
        self.ctx = ctx
        self.setObjectName("backups")
        self.backups: list[dict[str, Any]] = []
        self.allowed = has(ctx.ui_db, ctx.operator_id, "backups.manage")
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A checked, encrypted copy of the register is made when the program closes and "
            "once a day while it is open, in {folder}.").format(folder=ctx.data.backups))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Made"), self.tr("Size"), self.tr("Households"), self.tr("By"),
            self.tr("Why")])
        self.table = QTableView()
        self.table.setObjectName("backup-list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        layout.addWidget(self.table)

        row = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.setObjectName("backup-now")
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("backup-restore")
        self.restore_button.clicked.connect(self.ask_restore)
        row.addWidget(self.now_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("backup-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        form = QFormLayout()
        second = QHBoxLayout()
        self.second = QLineEdit(settings.get(ctx.ui_db, "backup.second_folder") or "")
        self.second.setObjectName("backup-second-folder")
        self.second.setReadOnly(True)
        self.second.setPlaceholderText(self.tr("none: choose a USB stick's folder"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_second)
        self.clear_button = QPushButton(self.tr("None"))
        self.clear_button.clicked.connect(lambda: self.save_second(None))
        second.addWidget(self.second, 1)
        second.addWidget(self.choose_button)
        second.addWidget(self.clear_button)
        form.addRow(self.tr("Second copy to"), second)
        keep = QHBoxLayout()
        daily, weekly = backup.keep_rule(ctx.ui_db)
        self.daily = QSpinBox()
        self.daily.setObjectName("backup-keep-daily")
        self.daily.setRange(1, 366)
        self.daily.setValue(daily)
        self.weekly = QSpinBox()
        self.weekly.setObjectName("backup-keep-weekly")
        self.weekly.setRange(0, 520)
        self.weekly.setValue(weekly)
        self.keep_button = QPushButton(self.tr("Save"))
        self.keep_button.setObjectName("backup-keep-save")
        self.keep_button.clicked.connect(self.save_keep)
        keep.addWidget(QLabel(self.tr("daily")))
        keep.addWidget(self.daily)
        keep.addWidget(QLabel(self.tr("weekly")))
        keep.addWidget(self.weekly)
        keep.addWidget(self.keep_button)
        keep.addStretch(1)
        form.addRow(self.tr("Keep"), keep)
        layout.addLayout(form)

        for widget in (self.now_button, self.restore_button, self.choose_button,
                       self.clear_button, self.keep_button, self.daily, self.weekly):
            widget.setEnabled(self.allowed)
        if not self.allowed:
            self.status.setText(self.tr("Only a user allowed to make and restore backups can "
                                        "change these."))
        self.refresh()

    # -- the list
    def refresh(self) -> None:
        BackgroundOp(self, lambda db, folder: backup.list_backups(folder, db),
                     self.ctx.data.backups).success(self._show).run(self.ctx.ops)

    def _show(self, found: list[dict[str, Any]]) -> None:
        self.backups = found
        self.model.removeRows(0, self.model.rowCount())
        reasons = {"auto": self.tr("automatic"), "manual": self.tr("by hand")}
        for meta in found:
            counts = meta.get("counts") or {}
            cells = [meta["made_at"].replace("T", " "), _size(meta["size"]),
                     str(counts.get("households", "—")), meta.get("by_name") or "—",
                     reasons.get(meta.get("reason"), meta.get("reason") or "—")]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(meta["path"], Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        if found:
            self.table.selectRow(0)

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    # -- back up now
    def back_up_now(self) -> None:
        self.now_button.setEnabled(False)
        self.status.setText(self.tr("Backing up and checking the copy…"))
        by = username_of(self.ctx.ui_db, self.ctx.operator_id)
        (WriteOp(self, backup.make_backup, self.ctx.data, reason="manual", by=by)
         .success(self._made).failure(self.status.setText)
         .finally_(lambda: self.now_button.setEnabled(self.allowed)).run(self.ctx.ops))

    def _made(self, meta: dict[str, Any]) -> None:
        text = self.tr("Backup written and checked: {file} ({size}).").format(
            file=meta["file"], size=_size(meta["size"]))
        if meta.get("second_copy"):
            text += " " + self.tr("Second copy: {path}.").format(path=meta["second_copy"])
        self.status.setText(text)
        self.refresh()

    # -- restore
    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.status.setText(self.tr("Choose a backup in the list first."))
            return
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Checking the backup…"))
        (BackgroundOp(self, lambda _db, data, path: backup.restore_preview(data, path),
                      self.ctx.data, Path(chosen["path"]))
         .success(lambda preview: self._confirm_restore(chosen, preview))
         .failure(self.status.setText)
         .finally_(lambda: self.restore_button.setEnabled(self.allowed)).run(self.ctx.ops))

    def restore_question(self, chosen: dict[str, Any], preview: dict[str, Any]) -> str:
        labels = backup.count_labels()
        held = "、".join(f"{labels[k]} {v}" for k, v in preview["counts"].items() if k in labels)
        lost = "、".join(f"{labels[k]} {v}" for k, v in preview["lost"].items() if k in labels)
        text = self.tr("Restore the backup made {when}?\n\nIt holds: {held}.").format(
            when=chosen["made_at"].replace("T", " "), held=held)
        if preview.get("last_change"):
            text += "\n" + self.tr("Its last change: {when}.").format(
                when=preview["last_change"].replace("T", " ")[:19])
        if lost:
            text += "\n\n" + self.tr("Work done since then would be lost: {lost}.").format(
                lost=lost)
        else:
            text += "\n\n" + self.tr("Changes made since then would be lost.")
        text += "\n\n" + self.tr("The current register is kept in the backups folder, and "
                                 "everyone signs in again.")
        return text

    def _confirm_restore(self, chosen: dict[str, Any], preview: dict[str, Any]) -> None:
        self.status.clear()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"),
                          self.restore_question(chosen, preview),
                          QMessageBox.StandardButton.Cancel, self)
        go = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        box.buttonClicked.connect(
            lambda button: self._restore(chosen) if button is go else None)
        box.open()

    def _restore(self, chosen: dict[str, Any]) -> None:
        window = self.window()
        if hasattr(window, "restore_backup"):
            window.restore_backup(Path(chosen["path"]))

    # -- second copy and keep counts
    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the second copy"),
                                                  self.second.text() or str(Path.home()))
        if folder:
            self.save_second(folder)

    def save_second(self, folder: str | None) -> None:
        (WriteOp(self, backup.set_second_folder, self.ctx.operator_id, folder)
         .success(lambda saved: (self.second.setText(saved or ""), self.status.setText(
             self.tr("Each backup is also copied to {folder} when it is plugged in.")
             .format(folder=saved) if saved else self.tr("No second copy."))))
         .failure(self.status.setText).run(self.ctx.ops))

    def save_keep(self) -> None:
        (WriteOp(self, backup.set_keep, self.ctx.operator_id, self.daily.value(),
                 self.weekly.value())
         .success(lambda kept: self.status.setText(
             self.tr("Kept from now on: the last {daily} daily and {weekly} weekly backups.")
             .format(daily=kept[0], weekly=kept[1])))
         .failure(self.status.setText).run(self.ctx.ops))


def _size(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(size, 1024) // 1024} KB"
