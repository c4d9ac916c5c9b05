"""Places (区划) the township manages: villages and their groups.

A township adds, renames, merges, splits and retires its villages (行政村/社区)
and village groups (村民小组), and moves a group to another village. Every
change is journaled in one unit of work, households and organizations move
with their group or village (nothing is left pointing at a retired place),
and a retired place is kept for history: old letters, reports and journal
entries still name it; lists and forms offer only places in use.

A village has the 12-digit statistical code of the national division list,
which starts with the township's 9 digits and is unique. A group needs no
code: it gets an internal one (the village's code and a number) because the
place table keys every place by code.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlite_utils import Database

from app import rules
from app.accounts.permissions import require
from app.errors import FieldError, UserError, ValidationFailed
from app.i18n import translate
from app.journal import ChangeSet, changes, new_id
from app.rules import fields as place_rules

PERMISSION = "places.manage"
VILLAGE_CODE_LENGTH = 12

_CN_DIGITS = "零一二三四五六七八九"


# ------------------------------------------------------------------ reading

def township(db: Database) -> dict[str, Any]:
    row = _row(db, "SELECT * FROM place WHERE level = 'township' ORDER BY code LIMIT 1", [])
    if row is None:
        raise UserError(translate("Places", "This register has no township yet: create it "
                                            "first (township code and name)."))
    return row


def place(db: Database, place_id: str) -> dict[str, Any]:
    row = _row(db, "SELECT * FROM place WHERE id = ?", [place_id])
    if row is None:
        raise UserError(translate("Places", "No such place; it may have been removed."))
    return row


def tree(db: Database, *, retired: bool = False) -> list[dict[str, Any]]:
    """Villages with their groups and how many households and organizations each holds."""
    counts = dict(db.execute("SELECT village_id, COUNT(*) FROM household GROUP BY village_id"))
    group_counts = dict(db.execute(
        "SELECT group_id, COUNT(*) FROM household WHERE group_id IS NOT NULL GROUP BY group_id"))
    org_counts = dict(db.execute(
        "SELECT village_id, COUNT(*) FROM organization GROUP BY village_id"))
    where = "" if retired else " AND retired_at IS NULL"
    villages = list(db.query(
        f"SELECT id, code, name, retired_at FROM place WHERE level = 'village'{where} "
        "ORDER BY name_sort, code"))
    groups: dict[str, list[dict]] = {}
    for g in db.query(f"SELECT id, code, name, parent_id, retired_at FROM place "
                      f"WHERE level = 'village_group'{where} ORDER BY name_sort, code"):
        g["households"] = group_counts.get(g["id"], 0)
        groups.setdefault(g["parent_id"], []).append(g)
    for v in villages:
        v["households"] = counts.get(v["id"], 0)
        v["organizations"] = org_counts.get(v["id"], 0)
        v["groups"] = groups.get(v["id"], [])
    return villages


def find(db: Database, text: str, *, level: str = "village", village_id: str | None = None
         ) -> dict[str, Any]:
    """A place by code or by name, loosely (青龙 finds 青龙村; 2组 finds 二组)."""
    text = str(text or "").strip()
    found = match_village(db, text) if level == "village" else \
        match_group(db, village_id, text)
    if found is None:
        if level == "village":
            raise UserError(translate("Places", "There is no village '{name}' in the register."
                                      ).format(name=text))
        raise UserError(translate("Places", "The village has no group '{name}'.").format(
            name=text))
    return place(db, found)


def resolve(db: Database, text: str, *, level: str | None = None) -> dict[str, Any]:
    """What an official types on the command line for a place: a village by code or
    name (新华村, 新华, 510623105215), a group as VILLAGE/GROUP (新华村/2组) or by its
    code. ``level`` refuses the other kind, saying which was found."""
    text = str(text or "").strip()
    coded = db.execute("SELECT id FROM place WHERE code = ?", [text]).fetchone() if text else None
    if coded:
        found = place(db, coded[0])
    elif "/" in text:
        village_text, group_text = text.split("/", 1)
        village = find(db, village_text)
        found = find(db, group_text, level="village_group", village_id=village["id"])
    else:
        found = find(db, text)
    if level and found["level"] != level:
        raise UserError(translate("Places", "{name} is a {found}, not a {wanted}: give a "
                                            "{example}.").format(
            name=found["name"], found=level_label(found["level"]), wanted=level_label(level),
            example=translate("Places", "village group as VILLAGE/GROUP (e.g. 新华村/一组)")
            if level == "village_group" else translate("Places", "village name or code")))
    return found


def village_key(name: Any) -> str:
    """'青龙村' / '青龙' / '青龙村委会' / '青龙社区' -> '青龙'."""
    text = "".join(unicodedata.normalize("NFKC", str(name or "")).split())
    for suffix in ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "行政村", "村"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def chinese_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


def _arabic(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS + "十" for c in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS.index(c)) for c in text)) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(ones) if ones else 0)


def group_key(name: Any) -> str:
    """'3组', '三组', '第三村民小组', '3社', '03', '三' -> '三'."""
    text = "".join(unicodedata.normalize("NFKC", str(name or "")).split())
    if isinstance(name, float) and name.is_integer():
        text = str(int(name))
    text = re.sub(r"^第", "", text)
    text = re.sub(r"(村民小组|居民小组|小组|组|社|队)$", "", text)
    number = _arabic(text)
    return chinese_number(number) if number is not None else text


def match_village(db: Database, text: Any, *, retired: bool = False) -> str | None:
    """The id of the village ``text`` names (code, name, or name without 村/社区)."""
    raw = "".join(unicodedata.normalize("NFKC", str(text or "")).split())
    if not raw:
        return None
    where = "" if retired else " AND retired_at IS NULL"
    rows = list(db.execute(f"SELECT id, code, name FROM place WHERE level = 'village'{where}"))
    for pid, code, name in rows:
        if raw in (code, name):
            return pid
    key = village_key(raw)
    hits = [pid for pid, _, name in rows if village_key(name) == key]
    return hits[0] if len(hits) == 1 else None


def match_group(db: Database, village_id: str | None, text: Any) -> str | None:
    if not village_id:
        return None
    key = group_key(text)
    if not key:
        return None
    for pid, name in db.execute("SELECT id, name FROM place WHERE level = 'village_group' "
                                "AND parent_id = ? AND retired_at IS NULL", [village_id]):
        if group_key(name) == key:
            return pid
    return None


# ------------------------------------------------------------------ checks

def clean_name(raw: Any, errors: list[FieldError], field_name: str = "name") -> str:
    try:  # place names print on letters and notices: the rules of an address
        name = place_rules.address(raw) or ""
    except rules.RuleError as exc:
        errors.append(FieldError(field_name, str(exc)))
        return ""
    if not name:
        errors.append(FieldError(field_name, translate("Places", "Enter a name.")))
    elif len(name) > 40:
        errors.append(FieldError(field_name, translate(
            "Places", "A place name has at most 40 characters.")))
    return name


def check_village_code(db: Database, raw: Any, *, exclude: str | None = None) -> str:
    """A village's 12-digit statistical code: digits, the township's 9 first, unused."""
    code = "".join(unicodedata.normalize("NFKC", str(raw or "")).split())
    if isinstance(raw, float) and raw.is_integer():
        code = str(int(raw))
    home = township(db)
    if not (code.isdigit() and len(code) == VILLAGE_CODE_LENGTH):
        raise ValidationFailed([FieldError("code", translate(
            "Places", "A village code has 12 digits: the township's {code} and 3 more, e.g. "
                      "{code}201 (from the statistical division list).").format(
            code=home["code"]))])
    if not code.startswith(home["code"]):
        raise ValidationFailed([FieldError("code", translate(
            "Places", "The code {code} does not start with the township's code {township}.")
            .format(code=code, township=home["code"]))])
    row = db.execute("SELECT name, retired_at FROM place WHERE code = ? AND id IS NOT ?",
                     [code, exclude]).fetchone()
    if row:
        raise ValidationFailed([FieldError("code", translate(
            "Places", "The code {code} is already used by {name}.").format(
            code=code, name=row[0] + (translate("Places", " (retired)") if row[1] else "")))])
    return code


def village_name_free(db: Database, name: str, exclude: str | None = None) -> None:
    for pid, other in db.execute("SELECT id, name FROM place WHERE level = 'village' "
                                 "AND retired_at IS NULL AND id IS NOT ?", [exclude]):
        if village_key(other) == village_key(name):
            raise ValidationFailed([FieldError("name", translate(
                "Places", "There is already a village called {name}.").format(name=other))])


def _group_name_free(db: Database, village_id: str, name: str, exclude: str | None = None
                     ) -> None:
    for other in db.execute("SELECT name FROM place WHERE level = 'village_group' "
                            "AND parent_id = ? AND retired_at IS NULL AND id IS NOT ?",
                            [village_id, exclude]):
        if group_key(other[0]) == group_key(name):
            raise ValidationFailed([FieldError("groups", translate(
                "Places", "The village already has the group {name}.").format(name=other[0]))])


def _active(db: Database, place_id: str, level: str) -> dict[str, Any]:
    row = place(db, place_id)
    if row["level"] != level:
        raise UserError(translate("Places", "{name} is not a {level}.").format(
            name=row["name"], level=level_label(level)))
    if row["retired_at"]:
        raise UserError(translate("Places", "{name} is retired; it can no longer be changed.")
                        .format(name=row["name"]))
    return row


def level_label(level: str) -> str:
    return {"village": translate("Places", "village"),
            "village_group": translate("Places", "village group"),
            "township": translate("Places", "township"),
            "county": translate("Places", "county")}.get(level, level)


def split_names(text: Any) -> list[str]:
    """'一组,二组、三组 四组' -> the names; blank parts dropped."""
    if isinstance(text, (list, tuple)):
        parts = [str(p) for p in text]
    else:
        parts = re.split(r"[,，、;；\s/|]+", str(text or ""))
    return [p.strip() for p in parts if p and p.strip()]


# ------------------------------------------------------------------ changes

def add_village(db: Database, operator_id: str, *, name: str, code: str,
                groups: list[str] | str = ()) -> dict[str, Any]:
    """A new village under the township, with its groups."""
    require(db, operator_id, PERMISSION)
    errors: list[FieldError] = []
    name = clean_name(name, errors)
    try:
        code = check_village_code(db, code)
    except ValidationFailed as exc:
        errors += exc.errors
    group_names = split_names(groups)
    seen: dict[str, str] = {}
    clean_groups = []
    for g in group_names:
        g = clean_name(g, errors, "groups")
        if g and group_key(g) in seen:
            errors.append(FieldError("groups", translate(
                "Places", "{a} and {b} are the same group.").format(a=seen[group_key(g)], b=g)))
        elif g:
            seen[group_key(g)] = g
            clean_groups.append(g)
    if name:
        try:
            village_name_free(db, name)
        except ValidationFailed as exc:
            errors += exc.errors
    if errors:
        raise ValidationFailed(errors)
    home = township(db)
    with changes(db, operator_id) as cs:
        village = cs.insert("place", {"id": new_id(), "level": "village", "code": code,
                                      "name": name, "parent_id": home["id"]})
        village["groups"] = [insert_group(cs, village, g) for g in clean_groups]
    return village


def _next_group_code(db: Database, village: dict) -> str:
    used = {r[0] for r in db.execute("SELECT code FROM place WHERE code LIKE ?",
                                     [village["code"] + "-%"])}
    n = 1
    while f"{village['code']}-{n:02d}" in used:
        n += 1
    return f"{village['code']}-{n:02d}"


def insert_group(cs: ChangeSet, village: dict, name: str) -> dict[str, Any]:
    return cs.insert("place", {"id": new_id(), "level": "village_group",
                               "code": _next_group_code(cs.db, village), "name": name,
                               "parent_id": village["id"]})


def add_groups(db: Database, operator_id: str, village_id: str, names: list[str] | str
               ) -> list[dict[str, Any]]:
    require(db, operator_id, PERMISSION)
    village = _active(db, village_id, "village")
    errors: list[FieldError] = []
    clean = []
    for raw in split_names(names):
        name = clean_name(raw, errors, "groups")
        if not name:
            continue
        try:
            _group_name_free(db, village_id, name)
            if any(group_key(c) == group_key(name) for c in clean):
                raise ValidationFailed([FieldError("groups", translate(
                    "Places", "{name} is listed twice.").format(name=name))])
        except ValidationFailed as exc:
            errors += exc.errors
            continue
        clean.append(name)
    if not clean and not errors:
        errors.append(FieldError("groups", translate("Places", "Enter the group names.")))
    if errors:
        raise ValidationFailed(errors)
    with changes(db, operator_id) as cs:
        return [insert_group(cs, village, name) for name in clean]


def rename(db: Database, operator_id: str, place_id: str, name: str, *,
           code: str | None = None) -> dict[str, Any]:
    """A new name (and, for a village, optionally a corrected code)."""
    require(db, operator_id, PERMISSION)
    row = place(db, place_id)
    if row["level"] not in ("village", "village_group"):
        raise UserError(translate("Places", "Only villages and groups are renamed here."))
    _active(db, place_id, row["level"])
    errors: list[FieldError] = []
    name = clean_name(name, errors)
    update: dict[str, Any] = {"name": name}
    if not errors:
        try:
            if row["level"] == "village":
                village_name_free(db, name, exclude=place_id)
            else:
                _group_name_free(db, row["parent_id"], name, exclude=place_id)
        except ValidationFailed as exc:
            errors += exc.errors
    if code not in (None, "") and row["level"] == "village":
        try:
            update["code"] = check_village_code(db, code, exclude=place_id)
        except ValidationFailed as exc:
            errors += exc.errors
    if errors:
        raise ValidationFailed(errors)
    with changes(db, operator_id) as cs:
        _, after = cs.update("place", place_id, update)
        if "code" in update and update["code"] != row["code"]:
            for g in list(db.query("SELECT id, code FROM place WHERE parent_id = ? "
                                   "AND level = 'village_group'", [place_id])):
                cs.update("place", g["id"], {"code": update["code"] + g["code"][len(row["code"]):]})
    return after


def _move_subjects(cs: ChangeSet, *, village_from: str | None = None,
                   group_from: str | None = None, village_to: str,
                   group_to: str | None | bool = False) -> int:
    """Move households (and, for a village, organizations) in the journal.

    ``group_to=False`` keeps each household's group (a whole village moving).
    """
    db = cs.db
    if group_from:
        households = [r[0] for r in db.execute(
            "SELECT id FROM household WHERE group_id = ?", [group_from])]
    else:
        households = [r[0] for r in db.execute(
            "SELECT id FROM household WHERE village_id = ?", [village_from])]
    for hid in households:
        update: dict[str, Any] = {"village_id": village_to}
        if group_to is not False:
            update["group_id"] = group_to
        cs.update("household", hid, update)
    if village_from and not group_from:
        for (oid,) in list(db.execute("SELECT id FROM organization WHERE village_id = ?",
                                      [village_from])):
            cs.update("organization", oid, {"village_id": village_to})
    return len(households)


def _retire(cs: ChangeSet, place_id: str) -> None:
    cs.update("place", place_id, {"retired_at": cs.at})


def move_group(db: Database, operator_id: str, group_id: str, village_id: str
               ) -> dict[str, Any]:
    """The group and its households now belong to another village."""
    require(db, operator_id, PERMISSION)
    group = _active(db, group_id, "village_group")
    target = _active(db, village_id, "village")
    if group["parent_id"] == village_id:
        raise UserError(translate("Places", "{group} already belongs to {village}.").format(
            group=group["name"], village=target["name"]))
    _group_name_free(db, village_id, group["name"])
    with changes(db, operator_id) as cs:
        _, after = cs.update("place", group_id, {"parent_id": village_id,
                                                 "code": _next_group_code(db, target)})
        moved = _move_subjects(cs, group_from=group_id, village_to=village_id, group_to=group_id)
    return dict(after, households_moved=moved)


def merge(db: Database, operator_id: str, source_id: str, target_id: str) -> dict[str, Any]:
    """Everything of ``source`` moves into ``target``; ``source`` is retired.

    Villages: households and organizations move; each group moves along, or
    into the target's group of the same name (二组 and 2组 are one). Groups:
    the households move to the target group (and its village).
    """
    require(db, operator_id, PERMISSION)
    if source_id == target_id:
        raise UserError(translate("Places", "A place cannot be merged into itself; choose "
                                            "another place to merge into."))
    source = place(db, source_id)
    level = source["level"]
    if level not in ("village", "village_group"):
        raise UserError(translate("Places", "Only villages and groups are merged."))
    source = _active(db, source_id, level)
    target = place(db, target_id)
    if target["level"] != level:
        raise UserError(translate("Places", "A {a} can only be merged into another {a}, not "
                                            "into {name}.").format(a=level_label(level),
                                                                   name=target["name"]))
    target = _active(db, target_id, level)
    moved = 0
    with changes(db, operator_id) as cs:
        if level == "village_group":
            moved = _move_subjects(cs, group_from=source_id, village_to=target["parent_id"],
                                   group_to=target_id)
        else:
            for g in list(db.query("SELECT * FROM place WHERE parent_id = ? AND level = "
                                   "'village_group' AND retired_at IS NULL", [source_id])):
                same = match_group(db, target_id, g["name"])
                if same:
                    moved += _move_subjects(cs, group_from=g["id"], village_to=target_id,
                                            group_to=same)
                    _retire(cs, g["id"])
                else:
                    cs.update("place", g["id"], {"parent_id": target_id,
                                                 "code": _next_group_code(db, target)})
            moved += _move_subjects(cs, village_from=source_id, village_to=target_id)
        _retire(cs, source_id)
    return {"source": source["name"], "target": target["name"], "households_moved": moved}


def split(db: Database, operator_id: str, village_id: str, *, name: str, code: str,
          groups: list[str]) -> dict[str, Any]:
    """A new village made of some groups of ``village_id`` (with their households)."""
    require(db, operator_id, PERMISSION)
    village = _active(db, village_id, "village")
    wanted = []
    for text in split_names(groups):
        gid = match_group(db, village_id, text)
        if gid is None:
            raise ValidationFailed([FieldError("groups", translate(
                "Places", "{village} has no group '{name}'.").format(
                village=village["name"], name=text))])
        wanted.append(gid)
    if not wanted:
        raise ValidationFailed([FieldError("groups", translate(
            "Places", "Choose the groups that form the new village."))])
    with changes(db, operator_id) as cs:  # one unit: the new village and the moves
        new = add_village(db, operator_id, name=name, code=code)
        moved = 0
        for gid in wanted:
            cs.update("place", gid, {"parent_id": new["id"], "code": _next_group_code(db, new)})
            moved += _move_subjects(cs, group_from=gid, village_to=new["id"], group_to=gid)
    return dict(new, households_moved=moved)


def retire(db: Database, operator_id: str, place_id: str) -> dict[str, Any]:
    """Stop offering a place; refused while households or organizations are in it."""
    require(db, operator_id, PERMISSION)
    row = place(db, place_id)
    if row["level"] not in ("village", "village_group"):
        raise UserError(translate("Places", "Only villages and groups are retired."))
    row = _active(db, place_id, row["level"])
    column = "village_id" if row["level"] == "village" else "group_id"
    households = db.execute(f"SELECT COUNT(*) FROM household WHERE {column} = ?",
                            [place_id]).fetchone()[0]
    organizations = db.execute("SELECT COUNT(*) FROM organization WHERE village_id = ?",
                               [place_id]).fetchone()[0] if row["level"] == "village" else 0
    if households or organizations:
        raise UserError(translate(
            "Places", "{name} still has {households} households and {organizations} "
                      "organizations. Merge it into another place (their records move along), "
                      "or move them first.").format(name=row["name"], households=households,
                                                    organizations=organizations))
    with changes(db, operator_id) as cs:
        if row["level"] == "village":
            for (gid,) in list(db.execute("SELECT id FROM place WHERE parent_id = ? "
                                          "AND retired_at IS NULL", [place_id])):
                _retire(cs, gid)
        _retire(cs, place_id)
    return place(db, place_id)


def _row(db: Database, sql: str, params) -> dict[str, Any] | None:
    cursor = db.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([d[0] for d in cursor.description], values))
