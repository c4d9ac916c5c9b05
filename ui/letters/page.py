"""Commitment letters screen: print, collect, fulfil, templates, village overview.

One class per tab: ``ui.letters.collect.CollectTab`` (print and collect),
``ui.letters.villages.VillagesTab``, ``ui.letters.templates_tab.TemplatesTab``.
Every action is an ``app.letters`` function run as an operation
(``ui.operations``): changes on the write lane, a reprint of a letter as it
was on the background lane. Printing a batch stays on the write lane: it
numbers and marks the letters in the same transaction that writes the PDF.
Reads of a page of rows use ``ctx.ui_db``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from app.letters import templates as tpl
from ui.letters.collect import CollectTab
from ui.letters.templates_tab import TemplatesTab
from ui.letters.villages import VillagesTab
from ui.operations import WriteOp

translate = QCoreApplication.translate


class LettersPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("letters-page")
        self.temp = Path(tempfile.mkdtemp(prefix="credit-desk-letters-"))
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.collect = CollectTab(self)
        self.villages = VillagesTab(self)
        self.templates = TemplatesTab(self)
        self.tabs.addTab(self.collect, translate("LettersPage", "Print and collect"))
        self.tabs.addTab(self.villages, translate("LettersPage", "Villages"))
        self.tabs.addTab(self.templates, translate("LettersPage", "Templates"))
        WriteOp(self, tpl.ensure_templates, ctx.operator_id).success(
            lambda _: self.templates_changed()).run(ctx.ops)

    def templates_changed(self) -> None:
        """Show the templates (and their versions) in the print choice and the editor."""
        combo, listing = self.collect.template, self.templates.template_list
        combo.clear()
        listing.clear()
        for t in tpl.templates(self.ctx.ui_db):
            version = translate("LettersPage", "version {n}").format(n=t["template_version"])
            combo.addItem(f"{t['title']}（{t['name']}，{version}）", t["name"])
            item = QListWidgetItem(f"{t['title']}\n{t['name']} · {version}")
            item.setData(Qt.ItemDataRole.UserRole, t["name"])
            listing.addItem(item)
        if listing.count():
            listing.setCurrentRow(0)

    def close_page(self) -> None:
        self.collect.cancel()
        self.templates.close_tab()
        shutil.rmtree(self.temp, ignore_errors=True)
