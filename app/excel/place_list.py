"""Importing a county's list of villages and groups (区划) from a spreadsheet.

A sheet with the village name (村名), its 12-digit code (统计代码/区划代码)
and its groups, as counties hand them out: one row per village with the
groups in one cell ("一组、二组、三组"), or one row per group with the village
repeated or merged down. What is new is added through ``app.places``' checks;
the list goes in whole or not at all.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import places
from app.accounts.permissions import require
from app.errors import FieldError, UserError, ValidationFailed
from app.excel.reader import read_workbook
from app.i18n import translate
from app.journal import changes, new_id
from app.places import check_village_code, group_key, match_group, split_names
from app.rules import fields as place_rules

_NAME_HEADERS = ("村", "村名", "村名称", "行政村", "村（社区）", "村(社区)", "村社区", "村居",
                 "社区", "村委会", "名称", "行政村名称", "村级名称")
_CODE_HEADERS = ("代码", "统计代码", "区划代码", "统计用区划代码", "行政区划代码", "村代码",
                 "编码", "统计用区划代码和城乡划分代码")
_GROUP_HEADERS = ("组", "村民小组", "小组", "组名", "村民小组名称", "所辖村民小组", "下辖村民小组",
                  "组别", "社")


@dataclass
class PlaceImport:
    """What an import of a village and group list would do (or did)."""
    villages_new: list[dict] = field(default_factory=list)
    groups_new: list[tuple[str, str]] = field(default_factory=list)  # village name, group
    unchanged: int = 0
    problems: list[dict] = field(default_factory=list)  # sheet, row, message

    def as_dict(self) -> dict[str, Any]:
        return {"villages_created": len(self.villages_new),
                "groups_created": len(self.groups_new),
                "villages": [{"name": v["name"], "code": v["code"], "groups": v["groups"]}
                             for v in self.villages_new],
                "groups": [{"village": v, "group": g} for v, g in self.groups_new],
                "unchanged": self.unchanged, "problems": self.problems}


def _header_index(row: list[Any], names: tuple[str, ...]) -> int | None:
    wanted = {n.replace("（", "(").replace("）", ")") for n in names}
    for i, cell in enumerate(row):
        text = "".join(unicodedata.normalize("NFKC", str(cell or "")).split())
        if text in wanted:
            return i
    return None


def read_place_list(path: str | Path) -> list[dict[str, Any]]:
    """Rows of (sheet, row, village, code, groups) from a county's village list.

    One row per village with its groups in one cell ("一组、二组、三组"), or one
    row per group with the village repeated (or left blank under the first,
    as merged cells read): both shapes are what counties hand out.
    """
    out = []
    book = read_workbook(path)
    for sheet in book.sheets:
        if not sheet.visible:
            continue
        header = None
        for r, row in enumerate(sheet.rows[:15]):
            name_col = _header_index(row, _NAME_HEADERS)
            code_col = _header_index(row, _CODE_HEADERS)
            if name_col is not None and code_col is not None:
                header = (r, name_col, code_col, _header_index(row, _GROUP_HEADERS))
                break
        if header is None:
            continue
        r0, name_col, code_col, group_col = header
        last: dict[str, Any] | None = None
        for r in range(r0 + 1, len(sheet.rows)):
            row = sheet.rows[r]

            def cell(c):
                if c is None or c >= len(row) or row[c] is None:
                    return ""
                value = row[c]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                return str(value).strip()
            name, code = cell(name_col), cell(code_col)
            groups = split_names(cell(group_col)) if group_col is not None else []
            if not name and not code:
                if last is not None and groups:
                    last["groups"] += groups
                continue
            if last is not None and (name, code) == (last["village"], last["code"]):
                last["groups"] += groups
                continue
            last = {"sheet": sheet.name, "row": r + 1, "village": name, "code": code,
                    "groups": groups}
            out.append(last)
    if not out:
        raise UserError(translate(
            "Places", "No sheet of {name} has a header with the village name (村名) and its "
                      "code (统计代码 or 区划代码). Put them in the first row and import "
                      "again.").format(name=Path(path).name))
    return out


def import_places(db: Database, operator_id: str, path: str | Path, *, dry_run: bool = False
                  ) -> PlaceImport:
    """Add the villages and groups of a list that are not in the register yet.

    A village already there (same code) keeps its name; its missing groups are
    added. Rows with problems are listed and the rest still go in only if
    there are none: the list goes in whole or not at all.
    """
    require(db, operator_id, places.PERMISSION)
    rows = read_place_list(path)
    result = PlaceImport()
    plan: list[tuple[dict | None, dict, list[str]]] = []  # existing village, row, new groups
    codes_seen: dict[str, int] = {}
    for item in rows:
        existing = db.execute("SELECT id, name, code FROM place WHERE level = 'village' "
                              "AND code = ?", [_code_text(item["code"])]).fetchone()
        try:
            if existing is None:
                errors: list[FieldError] = []
                places.clean_name(item["village"], errors)
                if errors:
                    raise ValidationFailed(errors)
                code = check_village_code(db, item["code"])
                if code in codes_seen:
                    raise UserError(translate("Places", "The code {code} is also in row {row}.")
                                    .format(code=code, row=codes_seen[code]))
                codes_seen[code] = item["row"]
                places.village_name_free(db, place_rules.address(item["village"]) or "")
                village = None
            else:
                village = {"id": existing[0], "name": existing[1], "code": existing[2]}
            new_groups, keys = [], set()
            for g in item["groups"]:
                errors = []
                g = places.clean_name(g, errors, "groups")
                if errors:
                    raise ValidationFailed(errors)
                if group_key(g) in keys or (village and match_group(db, village["id"], g)):
                    continue
                keys.add(group_key(g))
                new_groups.append(g)
        except UserError as exc:
            result.problems.append({"sheet": item["sheet"], "row": item["row"],
                                    "village": item["village"], "message": str(exc)})
            continue
        if village is not None and not new_groups:
            result.unchanged += 1
        plan.append((village, item, new_groups))
    for village, item, new_groups in plan:
        if village is None:
            result.villages_new.append({"name": item["village"],
                                        "code": _code_text(item["code"]),
                                        "groups": new_groups})
        else:
            result.groups_new += [(village["name"], g) for g in new_groups]
    if dry_run or result.problems:
        return result
    with changes(db, operator_id) as cs:
        home = places.township(db)
        for village, item, new_groups in plan:
            if village is None:
                village = cs.insert("place", {
                    "id": new_id(), "level": "village", "code": _code_text(item["code"]),
                    "name": place_rules.address(item["village"]), "parent_id": home["id"]})
            for g in new_groups:
                places.insert_group(cs, village, place_rules.address(g))
    return result


def _code_text(raw: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(raw or "")).split())
