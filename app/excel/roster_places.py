"""Which village and group a roster's rows belong to when it has no such column.

Rosters as township staff send them often say the village only in the title
rows ("青山镇新华村农户信用信息采集表（一组）"), in the sheet name or in the
file name, and the group in the sheet name (一组, 1组, 第一村民小组). For a
sheet without a village (group) column the place is taken from the first of:
the title rows, the sheet name, the file name - and otherwise from the
official's choice. Which one was used is kept on the sheet's plan and shown
in the dry run, so a wrong guess is seen before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlite_utils import Database

from app import places
from app.excel.mapping import SheetPlan
from app.excel.reader import Sheet
from app.i18n import translate

_GROUP_IN_TEXT = re.compile(r"第?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*"
                            r"(?:村民小组|居民小组|小组|组|社|队)")
_VILLAGE_IN_TEXT = re.compile(r"(?:镇|乡|街道)([\u4e00-\u9fff]{1,6}?(?:村|社区))")


def source_label(source: str) -> str:
    return {
        "column": translate("Excel", "from its column"),
        "title": translate("Excel", "from the title rows"),
        "sheet": translate("Excel", "from the sheet name"),
        "file": translate("Excel", "from the file name"),
        "chosen": translate("Excel", "chosen for the import"),
    }.get(source, source)


class PlaceFinder:
    """The register's active villages, to be found in free text."""

    def __init__(self, db: Database):
        self.db = db
        self.villages = [(pid, name, places.village_key(name)) for pid, name in db.execute(
            "SELECT id, name FROM place WHERE level = 'village' AND retired_at IS NULL")]

    def village_in(self, text: str) -> tuple[str, str] | None:
        """The village whose name (or name without 村/社区) the text contains;
        the longest match wins; None when two match equally."""
        hits = []
        for pid, name, key in self.villages:
            if name and name in text:
                hits.append((len(name), pid, name))
            elif len(key) >= 2 and key in text:
                hits.append((len(key), pid, name))
        if not hits:
            return None
        hits.sort(reverse=True)
        if len(hits) > 1 and hits[0][0] == hits[1][0] and hits[0][1] != hits[1][1]:
            return None
        return hits[0][1], hits[0][2]

    def group_in(self, text: str, village_id: str) -> tuple[str | None, str]:
        """(group id or None, the group text found) for a group named in the text."""
        match = _GROUP_IN_TEXT.search(text)
        if not match:
            return None, ""
        found = match.group(0)
        return places.match_group(self.db, village_id, found), found


def _title_text(sheet: Sheet, plan: SheetPlan) -> str:
    top = min(plan.header_rows) if plan.header_rows else 0
    parts = []
    for row in sheet.rows[:top]:
        parts += [str(v) for v in row if isinstance(v, str) and v.strip()]
    return " ".join(parts)


def detect(finder: PlaceFinder, sheet: Sheet, plan: SheetPlan, path: Path | str) -> None:
    """Fill the plan's village and group (and their source) where it has no column."""
    if plan.kind not in ("households", "organizations"):
        return
    columns = plan.field_columns()
    texts = [("title", _title_text(sheet, plan)), ("sheet", sheet.name),
             ("file", Path(path).stem)]
    if "village" in columns:
        plan.village_source = "column"
    else:
        for source, text in texts:
            found = finder.village_in(text) if text else None
            if found:
                plan.village_id, plan.village_name = found
                plan.village_source = source
                break
        else:
            named = next((m.group(1) for _, t in texts for m in [_VILLAGE_IN_TEXT.search(t)]
                          if m), None)
            if named:
                plan.place_note = translate(
                    "Excel", "The roster names {village}, which is not in the register: add the "
                             "village under Places, or choose the village.").format(
                    village=named)
    if plan.kind != "households":
        return
    if "group" in columns:
        plan.group_source = "column"
        return
    if not plan.village_id:
        return
    for source, text in texts:
        group_id, found = finder.group_in(text, plan.village_id)
        if group_id:
            plan.group_id, plan.group_source = group_id, source
            plan.group_name = places.place(finder.db, group_id)["name"]
            return
        if found:
            plan.place_note = translate(
                "Excel", "{village} has no group {group} (named in the {where}): add the group "
                         "under Places first.").format(
                village=plan.village_name, group=found, where={
                    "title": translate("Excel", "title rows"),
                    "sheet": translate("Excel", "sheet name"),
                    "file": translate("Excel", "file name")}[source])
            return


def choose_village(db: Database, plan: SheetPlan, village_id: str) -> None:
    """The official's choice, for a sheet whose rows found no village elsewhere."""
    if plan.village_source in ("column", "title", "sheet", "file"):
        return
    plan.village_id = village_id
    plan.village_name = places.place(db, village_id)["name"]
    plan.village_source = "chosen"


def describe(plan: SheetPlan) -> str:
    """'新华村 (from the title rows), 一组 (from the sheet name)' for the dry run."""
    if plan.kind not in ("households", "organizations"):
        return ""
    parts = []
    if plan.village_source == "column":
        parts.append(translate("Excel", "village from its column"))
    elif plan.village_id:
        parts.append(f"{plan.village_name}（{source_label(plan.village_source)}）")
    else:
        parts.append(translate("Excel", "village not found: choose it"))
    if plan.group_source == "column":
        parts.append(translate("Excel", "group from its column"))
    elif plan.group_id:
        parts.append(f"{plan.group_name}（{source_label(plan.group_source)}）")
    return "，".join(parts)

