"""Villages and groups (区划管理): the township's places, changed through app.places.

Every change runs on the write lane; the tree reloads when it is done. On a
new register this page is the first day's second step (after the township):
it says so, and leads on to the first roster import.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app import places
from app.excel import place_list
from ui.context import UiContext
from ui.operations import WriteOp

_ID = Qt.ItemDataRole.UserRole
_LEVEL = Qt.ItemDataRole.UserRole + 1


class VillageDialog(QDialog):
    """A new village: name, 12-digit code, its groups."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("village-dialog")
        self.setWindowTitle(self.tr("Add a village"))
        form = QFormLayout(self)
        township = places.township(ctx.ui_db)
        self.name = QLineEdit()
        self.name.setObjectName("village-name")
        self.name.setPlaceholderText(self.tr("e.g. 新华村"))
        self.code = QLineEdit(township["code"])
        self.code.setObjectName("village-code")
        self.code.setPlaceholderText(self.tr("12 digits, e.g. {code}201").format(
            code=township["code"]))
        self.groups = QLineEdit()
        self.groups.setObjectName("village-groups")
        self.groups.setPlaceholderText(self.tr("e.g. 一组,二组,三组 (optional)"))
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #c0392b;")
        self.errors.setWordWrap(True)
        form.addRow(self.tr("Village name"), self.name)
        form.addRow(self.tr("Statistical code"), self.code)
        form.addRow(self.tr("Groups"), self.groups)
        form.addRow(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        self.errors.setText("")
        (WriteOp(self, places.add_village, self.ctx.operator_id, name=self.name.text(),
                 code=self.code.text(), groups=self.groups.text())
         .success(lambda _v: self.accept())
         .failure(self.errors.setText)
         .run(self.ctx.ops))


class PlacesPage(QWidget):
    """The tree of villages and groups with the changes the township makes to them."""

    changed = Signal()
    import_roster_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("places-page")
        layout = QVBoxLayout(self)
        township = places.township(ctx.ui_db)
        title = QLabel(self.tr("Villages and groups of {township}").format(
            township=township["name"]))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        self.banner = QLabel()
        self.banner.setObjectName("first-day")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #eaf6f1; padding: 10px; font-size: 14px;")
        layout.addWidget(self.banner)
        self.next_button = QPushButton(self.tr("Next: import the first roster…"))
        self.next_button.setObjectName("import-roster")
        self.next_button.clicked.connect(self._import_roster)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)

        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
                ("add-village", self.tr("Add a village…"), self.add_village),
                ("add-groups", self.tr("Add groups…"), self.add_groups),
                ("import-list", self.tr("Import the village list…"), self.import_list),
                ("rename", self.tr("Rename…"), self.rename),
                ("merge", self.tr("Merge into…"), self.merge),
                ("move", self.tr("Move group to…"), self.move_group),
                ("retire", self.tr("Retire…"), self.retire)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.show_retired = QCheckBox(self.tr("Show retired"))
        self.show_retired.toggled.connect(self.reload)
        row.addWidget(self.show_retired)
        layout.addLayout(row)
        self.tree = QTreeWidget()
        self.tree.setObjectName("places")
        self.tree.setHeaderLabels([self.tr("Place"), self.tr("Code"), self.tr("Households"),
                                   self.tr("Organizations")])
        self.tree.setColumnWidth(0, 260)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.reload()

    # -- reading
    def reload(self) -> None:
        current = self.selected()
        self.tree.clear()
        villages = places.tree(self.ctx.ui_db, retired=self.show_retired.isChecked())
        for v in villages:
            mark = self.tr(" (retired)") if v["retired_at"] else ""
            item = QTreeWidgetItem([v["name"] + mark, v["code"], str(v["households"]),
                                    str(v["organizations"])])
            item.setData(0, _ID, v["id"])
            item.setData(0, _LEVEL, "village")
            self.tree.addTopLevelItem(item)
            for g in v["groups"]:
                gmark = self.tr(" (retired)") if g["retired_at"] else ""
                child = QTreeWidgetItem(item, [g["name"] + gmark, "", str(g["households"]), ""])
                child.setData(0, _ID, g["id"])
                child.setData(0, _LEVEL, "village_group")
            item.setExpanded(True)
        self._first_day(villages)
        if current:
            self.select(current[0])
        self._enable()

    def _first_day(self, villages: list[dict]) -> None:
        households = sum(v["households"] for v in villages)
        if not villages:
            self.banner.setText(self.tr(
                "First day, step 2 of 3: add your villages and their groups. Type them one by "
                "one (Add a village), or import the list the county gave you (Import the "
                "village list)."))
        elif not households:
            self.banner.setText(self.tr(
                "First day, step 3 of 3: {n} villages are in the register. Now import your "
                "first roster: the village and group are taken from its columns, title rows, "
                "sheet names or file name.").format(n=len(villages)))
        self.banner.setVisible(not households)
        self.next_button.setVisible(bool(villages) and not households)

    def selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.data(0, _ID), item.data(0, _LEVEL)

    def select(self, place_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for item in [top] + [top.child(j) for j in range(top.childCount())]:
                if item.data(0, _ID) == place_id:
                    self.tree.setCurrentItem(item)
                    return

    def _enable(self) -> None:
        chosen = self.selected()
        level = chosen[1] if chosen else None
        for key in ("rename", "merge", "retire"):
            self.buttons[key].setEnabled(level is not None)
        self.buttons["add-groups"].setEnabled(level == "village")
        self.buttons["move"].setEnabled(level == "village_group")

    # -- changing
    def _run(self, fn, *args, done: str = "", **kwargs) -> None:
        def finished(_result) -> None:
            self.reload()
            self.status.setText(done)
            self.changed.emit()
        self.status.setText(self.tr("Saving…"))
        (WriteOp(self, fn, self.ctx.operator_id, *args, **kwargs)
         .success(finished)
         .failure(self.status.setText)
         .run(self.ctx.ops))

    def add_village(self) -> None:
        dialog = VillageDialog(self.ctx, self)
        if dialog.exec():
            self.reload()
            self.status.setText(self.tr("Saved: {name}.").format(name=dialog.name.text()))
            self.changed.emit()

    def add_groups(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[1] != "village":
            return
        text, ok = QInputDialog.getText(self, self.tr("Add groups"), self.tr(
            "Group names, separated by commas (e.g. 四组,五组):"))
        if ok and text.strip():
            self._run(places.add_groups, chosen[0], text, done=self.tr("Saved: groups added."))

    def rename(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        row = places.place(self.ctx.ui_db, chosen[0])
        text, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name:"),
                                        text=row["name"])
        if ok and text.strip() and text.strip() != row["name"]:
            self._run(places.rename, chosen[0], text,
                      done=self.tr("Saved: {old} is now {new}.").format(old=row["name"],
                                                                      new=text.strip()))

    def _choose(self, title: str, label: str, level: str, exclude: str) -> str | None:
        options = []
        for v in places.tree(self.ctx.ui_db):
            if level == "village" and v["id"] != exclude:
                options.append((v["name"], v["id"]))
            elif level == "village_group":
                options += [(f"{v['name']} {g['name']}", g["id"]) for g in v["groups"]
                            if g["id"] != exclude]
        if not options:
            self.status.setText(self.tr("There is no other place to choose."))
            return None
        text, ok = QInputDialog.getItem(self, title, label, [o[0] for o in options], 0, False)
        return dict(options).get(text) if ok else None

    def merge(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        source = places.place(self.ctx.ui_db, chosen[0])
        target = self._choose(self.tr("Merge into"), self.tr(
            "Merge {name} into:").format(name=source["name"]), chosen[1], chosen[0])
        if not target:
            return
        name = places.place(self.ctx.ui_db, target)["name"]
        if QMessageBox.question(self, self.tr("Merge"), self.tr(
                "Merge {source} into {target}? Its households move to {target} and {source} "
                "is retired. This cannot be undone here.").format(
                source=source["name"], target=name)) != QMessageBox.StandardButton.Yes:
            return
        self._run(places.merge, chosen[0], target, done=self.tr(
            "Saved: {source} merged into {target}.").format(source=source["name"], target=name))

    def move_group(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[1] != "village_group":
            return
        group = places.place(self.ctx.ui_db, chosen[0])
        target = self._choose(self.tr("Move group"), self.tr("Move {name} to:").format(
            name=group["name"]), "village", group["parent_id"])
        if target:
            self._run(places.move_group, chosen[0], target, done=self.tr(
                "Saved: {name} moved with its households.").format(name=group["name"]))

    def retire(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        row = places.place(self.ctx.ui_db, chosen[0])
        if QMessageBox.question(self, self.tr("Retire"), self.tr(
                "Retire {name}? It is no longer offered in forms and imports, and stays in "
                "the history.").format(name=row["name"])) != QMessageBox.StandardButton.Yes:
            return
        self._run(places.retire, chosen[0], done=self.tr("Saved: {name} is retired.").format(
            name=row["name"]))

    def import_list(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import the village list"), "",
                self.tr("Spreadsheets (*.xlsx *.xls *.ods)"))
        if not path:
            return

        def done(result: place_list.PlaceImport) -> None:
            self.reload()
            if result.problems:
                self.status.setText("\n".join(
                    self.tr("Sheet {sheet}, row {row}: {message}").format(**p)
                    for p in result.problems[:10]) + "\n" + self.tr(
                    "Nothing was imported: correct these rows and import again."))
                return
            self.status.setText(self.tr("Saved: {v} villages and {g} groups added.").format(
                v=len(result.villages_new), g=len(result.groups_new)
                + sum(len(v["groups"]) for v in result.villages_new)))
            self.changed.emit()
        self.status.setText(self.tr("Importing…"))
        (WriteOp(self, place_list.import_places, self.ctx.operator_id, path)
         .success(done)
         .failure(self.status.setText)
         .run(self.ctx.ops))

    def _import_roster(self) -> None:
        window = self.window()
        if hasattr(window, "show_area"):
            window.show_area("excel")
        self.import_roster_requested.emit()

