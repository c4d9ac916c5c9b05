"""The place tree (township → village → group) that filters the lists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem

from app.subject_lists import place_tree

_ID = Qt.ItemDataRole.UserRole
_LEVEL = Qt.ItemDataRole.UserRole + 1


class PlaceTree(QTreeWidget):
    """A few hundred places at most: a QTreeWidget is the right size here."""

    place_selected = Signal(object, object)  # place id or None, level or None

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.setObjectName("place-tree")
        self.setHeaderHidden(True)
        self.setMinimumWidth(150)
        self._db = db
        self.reload()
        self.currentItemChanged.connect(self._changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def context_actions(self, item) -> list[tuple[str, str]]:
        """(key, text) of the menu for ``item``: the place changes of the places page."""
        level = item.data(0, _LEVEL) if item is not None else None
        actions = [("add-village", self.tr("Add a village…"))]
        if level == "village":
            actions.append(("add-groups", self.tr("Add groups…")))
        if level in ("village", "village_group"):
            actions += [("rename", self.tr("Rename…")), ("merge", self.tr("Merge into…"))]
        if level == "village_group":
            actions.append(("move", self.tr("Move group to…")))
        if level in ("village", "village_group"):
            actions.append(("retire", self.tr("Retire…")))
        actions.append(("manage", self.tr("Manage villages and groups…")))
        return actions

    def run_action(self, key: str, place_id: str | None) -> None:
        """Open the places page at ``place_id`` and start the change there."""
        window = self.window()
        if not hasattr(window, "show_area"):
            return
        page = window.show_area("places")
        if place_id:
            page.select(place_id)
        slot = {"add-village": page.add_village, "add-groups": page.add_groups,
                "rename": page.rename, "merge": page.merge, "move": page.move_group,
                "retire": page.retire}.get(key)
        if slot is not None:
            slot()

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        menu = QMenu(self)
        for key, text in self.context_actions(item):
            action = menu.addAction(text)
            action.setData(key)
        chosen = menu.exec(self.viewport().mapToGlobal(pos))
        if chosen is not None:
            self.run_action(chosen.data(), item.data(0, _ID) if item is not None else None)

    def reload(self) -> None:
        self.clear()
        items: dict[str, QTreeWidgetItem] = {}
        top = QTreeWidgetItem([self.tr("All places")])
        top.setData(0, _ID, None)
        top.setData(0, _LEVEL, None)
        self.addTopLevelItem(top)
        for place in place_tree(self._db):
            if place["level"] == "county":
                continue  # the register is one township; the county adds nothing here
            parent = items.get(place["parent_id"], top)
            item = QTreeWidgetItem(parent, [place["name"]])
            item.setData(0, _ID, place["id"])
            item.setData(0, _LEVEL, place["level"])
            item.setToolTip(0, place["code"])
            items[place["id"]] = item
        top.setExpanded(True)
        for item in items.values():
            if item.data(0, _LEVEL) == "township":
                item.setExpanded(True)

    def select_place(self, place_id: str | None) -> None:
        for item in self._walk(self.invisibleRootItem()):
            if item.data(0, _ID) == place_id:
                self.setCurrentItem(item)
                return

    def _walk(self, item):
        for i in range(item.childCount()):
            child = item.child(i)
            yield child
            yield from self._walk(child)

    def _changed(self, current, _previous) -> None:
        if current is None:
            self.place_selected.emit(None, None)
        else:
            self.place_selected.emit(current.data(0, _ID), current.data(0, _LEVEL))
