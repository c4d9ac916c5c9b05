"""The register: places, households with members, organizations.

Every write goes through ``app.journal.changes`` so it is journaled in the
same transaction, and through the ``clean_*`` functions so nothing invalid is
stored. Inputs use the units people type (yuan, mu, text); rows store whole
fen and hundredths of a mu.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any, Mapping

from sqlite_utils import Database

from app import search
from app.accounts.permissions import require, require_subject_village, require_village
from app.errors import DuplicateError, FieldError, NotFound, ValidationFailed
from app.i18n import translate
from app import rules
from app.rules import fields as place_rules
from app.rules import household as household_rules
from app.rules import member as member_rules
from app.rules import organization as organization_rules
from app.rules.fields import ORGANIZATION_KINDS, RELATIONS  # noqa: F401 (used by forms)
from app.journal import ChangeSet, changes, new_id
from app.review_flags import flag_for_review, is_credit_household
from app.units import format_mu, format_yuan

PLACE_LEVELS = ("county", "township", "village", "village_group")
_CODE_LENGTH = {"county": 6, "township": 9, "village": 12}


def kind_label(kind: str) -> str:
    return {
        "cooperative": translate("Register", "Farmers' cooperative"),
        "family_farm": translate("Register", "Family farm"),
        "agri_enterprise": translate("Register", "Agricultural enterprise"),
        "individual_business": translate("Register", "Individual business"),
        "household": translate("Register", "Household"),
        "organization": translate("Register", "Organization"),
    }.get(kind, kind)


def relation_label(relation: str) -> str:
    return {
        "spouse": translate("Register", "Spouse"),
        "child": translate("Register", "Child"),
        "parent": translate("Register", "Parent"),
        "sibling": translate("Register", "Sibling"),
        "grandchild": translate("Register", "Grandchild"),
        "grandparent": translate("Register", "Grandparent"),
        "other": translate("Register", "Other"),
    }.get(relation, relation)


# ---------------------------------------------------------------- places

def create_place(db: Database, operator_id: str, *, level: str, code: str, name: str,
                 parent_id: str | None = None) -> dict[str, Any]:
    errors = []
    code = unicodedata.normalize("NFKC", str(code)).strip()
    try:  # place names print on letters and notices: the rules of an address
        name = place_rules.address(name) or ""
    except rules.RuleError as exc:
        errors.append(FieldError("name", str(exc)))
        name = _clean_text(name)
    if level not in PLACE_LEVELS:
        raise ValueError(level)
    parent = None
    if parent_id:
        parent = _one(db, "SELECT * FROM place WHERE id = ?", [parent_id])
    if level in _CODE_LENGTH:
        want = _CODE_LENGTH[level]
        if not (code.isdigit() and len(code) == want):
            errors.append(FieldError("code", translate(
                "Register", "A {level} division code has {n} digits.").format(
                    level=level_label(level), n=want)))
        elif parent and not code.startswith(parent["code"]):
            errors.append(FieldError("code", translate(
                "Register", "The code must start with the code of {parent} ({code}).").format(
                    parent=parent["name"], code=parent["code"])))
    elif not code:
        errors.append(FieldError("code", translate("Register", "Enter a code.")))
    if not name:
        errors.append(FieldError("name", translate("Register", "Enter a name.")))
    if not errors and db.execute("SELECT 1 FROM place WHERE code = ?", [code]).fetchone():
        errors.append(FieldError("code", translate("Register", "The code {code} is already used.")
                                 .format(code=code)))
    if errors:
        raise ValidationFailed(errors)
    with changes(db, operator_id) as cs:
        return cs.insert("place", {"id": new_id(), "level": level, "code": code, "name": name,
                                   "parent_id": parent_id})


def level_label(level: str) -> str:
    return {
        "county": translate("Register", "county"),
        "township": translate("Register", "township"),
        "village": translate("Register", "village"),
        "village_group": translate("Register", "village group"),
    }[level]


def places(db: Database, level: str | None = None, parent_id: str | None = None, *,
           retired: bool = False) -> list[dict]:
    """Places by name (pinyin; groups by number); retired ones (kept for history) only when
    asked."""
    where, params = ([], []) if retired else (["retired_at IS NULL"], [])
    if level:
        where.append("level = ?")
        params.append(level)
    if parent_id:
        where.append("parent_id = ?")
        params.append(parent_id)
    sql = "SELECT * FROM place" + (" WHERE " + " AND ".join(where) if where else "")
    return list(db.query(sql + " ORDER BY name_sort, code", params))


def get_place(db: Database, place_id: str) -> dict:
    return _one(db, "SELECT * FROM place WHERE id = ?", [place_id])


def place_by_code(db: Database, code: str) -> dict:
    return _one(db, "SELECT * FROM place WHERE code = ?", [code])


def home_township(db: Database) -> dict | None:
    rows = places(db, "township")
    return rows[0] if rows else None


# ------------------------------------------------------------ validation

def _clean_text(value: Any) -> str:
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def _field_errors(checked: rules.Checked, errors: list[FieldError]) -> None:
    errors.extend(FieldError(field, message) for field, message in checked.problems)


def who_has_id_number(db: Database, number: str, *, exclude_household: str | None = None
                      ) -> tuple[str, str] | None:
    """(subject id, description) of whoever holds ``number`` already, if anyone."""
    row = db.execute(
        "SELECT h.id, h.head_name, v.name FROM household h JOIN place v ON v.id = h.village_id "
        "WHERE h.head_id_number = ? AND h.id IS NOT ?", [number, exclude_household]).fetchone()
    if row:
        return row[0], translate("Register", "{name}, head of a household in {village}").format(
            name=row[1], village=row[2])
    row = db.execute(
        "SELECT h.id, m.name, h.head_name, v.name FROM household_member m "
        "JOIN household h ON h.id = m.household_id JOIN place v ON v.id = h.village_id "
        "WHERE m.id_number = ? AND h.id IS NOT ?", [number, exclude_household]).fetchone()
    if row:
        return row[0], translate(
            "Register", "{name}, member of the household of {head} in {village}").format(
                name=row[1], head=row[2], village=row[3])
    return None


# ------------------------------------------------------------ households

@dataclass
class CleanHousehold:
    row: dict[str, Any]
    members: list[dict[str, Any]]
    warnings: list[str]


def clean_household(db: Database, data: Mapping[str, Any], *, household_id: str | None = None,
                    today: dt.date | None = None) -> CleanHousehold:
    """Check a household as typed; raise ValidationFailed listing every bad field."""
    errors: list[FieldError] = []
    warnings: list[str] = []
    row: dict[str, Any] = {}

    village_id = data.get("village_id")
    village = db.execute("SELECT id, level FROM place WHERE id = ?", [village_id]).fetchone() \
        if village_id else None
    if not village or village[1] != "village":
        errors.append(FieldError("village_id", translate("Register", "Choose the village.")))
    row["village_id"] = village_id
    group_id = data.get("group_id") or None
    if group_id:
        group = db.execute("SELECT parent_id FROM place WHERE id = ? AND level = 'village_group'",
                           [group_id]).fetchone()
        if not group or group[0] != village_id:
            errors.append(FieldError("group_id", translate(
                "Register", "The group must belong to the chosen village.")))
    row["group_id"] = group_id

    checked = household_rules.check(data, today=today)
    _field_errors(checked, errors)
    warnings.extend(checked.warnings)
    row.update(checked.row)
    if row.get("head_id_number") and not any(f == "head_id_number" for f, _ in checked.problems):
        holder = who_has_id_number(db, row["head_id_number"], exclude_household=household_id)
        if holder:
            errors.append(DuplicateError("head_id_number", translate(
                "Register", "Already registered: {who}.").format(who=holder[1]), holder[0]))

    members = []
    seen_ids = {row.get("head_id_number")}
    for index, member in enumerate(data.get("member_list") or [], start=1):
        members.append(_clean_member(db, member, index, errors, seen_ids, household_id, today))
    if errors:
        raise ValidationFailed(errors)
    return CleanHousehold(row, members, warnings)


def _clean_member(db, member: Mapping[str, Any], index: int, errors: list[FieldError],
                  seen_ids: set, household_id: str | None, today) -> dict[str, Any]:
    own: list[FieldError] = []
    checked = member_rules.check(member, today=today)
    _field_errors(checked, own)
    out: dict[str, Any] = {"id": member.get("id") or None, **checked.row}
    number = out.get("id_number")
    if number and not any(f == "id_number" for f, _ in checked.problems):
        if number in seen_ids:
            own.append(FieldError("id_number", translate(
                "Register", "This ID number appears twice in the household.")))
        else:
            holder = who_has_id_number(db, number, exclude_household=household_id)
            if holder:
                own.append(DuplicateError("id_number", translate(
                    "Register", "Already registered: {who}.").format(who=holder[1]), holder[0]))
        seen_ids.add(number)
    for error in own:
        error.field = f"member_list[{index}].{error.field}"
        error.message = translate("Register", "member {i}: {message}").format(
            i=index, message=error.message)
        error.args = (error.message,)
    errors.extend(own)
    return out


def create_household(db: Database, operator_id: str, data: Mapping[str, Any], *,
                     today: dt.date | None = None) -> dict[str, Any]:
    require(db, operator_id, "register.edit")
    require_village(db, operator_id, data.get("village_id"))
    clean = clean_household(db, data, today=today)
    with changes(db, operator_id) as cs:
        return _insert_household(cs, clean)


def _insert_household(cs: ChangeSet, clean: CleanHousehold) -> dict[str, Any]:
    row = dict(clean.row, id=new_id())
    cursor = cs.db.execute("INSERT INTO subject (id, kind) VALUES (?, 'household')", [row["id"]])
    row["sid"] = cursor.lastrowid
    created = cs.insert("household", row)
    for member in clean.members:
        cs.insert("household_member", dict(member, id=new_id(), household_id=row["id"]))
    search.replace_keys(cs.db, row["sid"], set(), search.household_keys(row)
                        | search.member_keys(m.get("id_number") for m in clean.members))
    search.index_names(cs.db, [row["head_name"], *(m["name"] for m in clean.members)])
    return created


def update_household(db: Database, operator_id: str, household_id: str, data: Mapping[str, Any],
                     *, base_version: int | None = None, today: dt.date | None = None
                     ) -> dict[str, Any]:
    require(db, operator_id, "register.edit")
    require_subject_village(db, operator_id, household_id)
    clean = clean_household(db, data, household_id=household_id, today=today)
    with changes(db, operator_id) as cs:
        before, after = cs.update("household", household_id, clean.row, base_version=base_version)
        if (after["overdue_fen"] or 0) > (before["overdue_fen"] or 0) and \
                is_credit_household(db, household_id):
            flag_for_review(db, cs, household_id, translate(
                "Register", "New overdue loan: {yuan} yuan overdue").format(
                yuan=f"{after['overdue_fen'] / 100:,.2f}"), "loan")
        existing = {m["id"]: m for m in db.query(
            "SELECT * FROM household_member WHERE household_id = ?", [household_id])}
        search.replace_keys(
            db, before["sid"],
            search.household_keys(before) | search.member_keys(
                m["id_number"] for m in existing.values()),
            search.household_keys(after) | search.member_keys(
                m.get("id_number") for m in clean.members))
        search.index_names(db, [after["head_name"], *(m["name"] for m in clean.members)])
        by_number = {m["id_number"]: m["id"] for m in existing.values() if m["id_number"]}
        # A member typed again without its id is the same person if the ID
        # number matches; removals go first so a re-added number stays unique.
        for member in clean.members:
            if not member.get("id") and member.get("id_number") in by_number:
                member["id"] = by_number[member["id_number"]]
        kept = {m["id"] for m in clean.members if m.get("id") in existing}
        for member_id in set(existing) - kept:
            cs.delete("household_member", member_id)
        for member in clean.members:
            member = dict(member, household_id=household_id)
            if member.get("id") in existing:
                cs.update("household_member", member["id"],
                          {k: v for k, v in member.items() if k != "id"})
            else:
                member["id"] = new_id()
                cs.insert("household_member", member)
        return after


def delete_household(db: Database, operator_id: str, household_id: str) -> dict[str, Any]:
    require(db, operator_id, "register.edit")
    require_subject_village(db, operator_id, household_id)
    with changes(db, operator_id) as cs:
        numbers = [n for (n,) in db.execute(
            "SELECT id_number FROM household_member WHERE household_id = ?", [household_id])]
        before_members = search.member_keys(numbers)
        for (member_id,) in db.execute(
                "SELECT id FROM household_member WHERE household_id = ?", [household_id]).fetchall():
            cs.delete("household_member", member_id)
        before = cs.delete("household", household_id)
        search.replace_keys(db, before["sid"], search.household_keys(before) | before_members,
                            set())
        db.execute("DELETE FROM subject WHERE sid = ?", [before["sid"]])
        return before


def get_household(db: Database, household_id: str) -> dict[str, Any]:
    row = _one(db, """
        SELECT h.*, v.name AS village_name, v.code AS village_code, g.name AS group_name
        FROM household h JOIN place v ON v.id = h.village_id
        LEFT JOIN place g ON g.id = h.group_id WHERE h.id = ?""", [household_id])
    row["member_list"] = list(db.query(
        "SELECT * FROM household_member WHERE household_id = ? ORDER BY created_at, name",
        [household_id]))
    return row


def household_form(row: dict[str, Any]) -> dict[str, Any]:
    """A stored household (``get_household``) as the fields a form edits."""
    form = {k: row.get(k) for k in (
        "village_id", "group_id", "head_name", "head_sex", "head_id_number", "head_birth_date",
        "phone", "address", "members", "labor", "main_industry", "note")}
    form["land_area"] = format_mu(row.get("land_area_centimu") or 0)
    for field in ("annual_income", "assets", "loan_balance", "overdue"):
        form[field] = format_yuan(row.get(f"{field}_fen") or 0).replace(",", "")
    form["member_list"] = [dict(m) for m in row.get("member_list", [])]
    return form


def organization_form(row: dict[str, Any]) -> dict[str, Any]:
    form = {k: row.get(k) for k in (
        "kind", "name", "uscc", "uscc_override_reason", "legal_rep_name", "legal_rep_id_number",
        "phone", "address", "village_id", "members_count", "business_scope", "note")}
    form["registered_capital"] = format_yuan(row.get("registered_capital_fen") or 0).replace(",", "")
    return form


# --------------------------------------------------------- organizations

def clean_organization(db: Database, data: Mapping[str, Any], *, organization_id: str | None = None,
                       today: dt.date | None = None) -> tuple[dict[str, Any], list[str]]:
    errors: list[FieldError] = []
    warnings: list[str] = []
    row: dict[str, Any] = {}
    checked = organization_rules.check(data, today=today)
    _field_errors(checked, errors)
    warnings.extend(checked.warnings)
    row.update(checked.row)
    village_id = data.get("village_id")
    village = db.execute("SELECT level FROM place WHERE id = ?", [village_id]).fetchone() \
        if village_id else None
    if not village or village[0] != "village":
        errors.append(FieldError("village_id", translate("Register", "Choose the village.")))
    row["village_id"] = village_id
    if row["uscc"] and not any(f == "uscc" for f, _ in checked.problems):
        holder = db.execute("SELECT id, name FROM organization WHERE uscc = ? AND id IS NOT ?",
                            [row["uscc"], organization_id]).fetchone()
        if holder:
            errors.append(DuplicateError("uscc", translate(
                "Register", "Already registered: {who}.").format(who=holder[1]), holder[0]))
    if errors:
        raise ValidationFailed(errors)
    return row, warnings


def create_organization(db: Database, operator_id: str, data: Mapping[str, Any], *,
                        today: dt.date | None = None) -> dict[str, Any]:
    require(db, operator_id, "register.edit")
    require_village(db, operator_id, data.get("village_id"))
    row, _ = clean_organization(db, data, today=today)
    with changes(db, operator_id) as cs:
        row["id"] = new_id()
        row["sid"] = db.execute("INSERT INTO subject (id, kind) VALUES (?, 'organization')",
                                [row["id"]]).lastrowid
        created = cs.insert("organization", row)
        search.replace_keys(db, row["sid"], set(), search.organization_keys(row))
        search.index_names(db, [row["name"], row.get("legal_rep_name") or ""])
        return created


def update_organization(db: Database, operator_id: str, organization_id: str,
                        data: Mapping[str, Any], *, base_version: int | None = None,
                        today: dt.date | None = None) -> dict[str, Any]:
    require(db, operator_id, "register.edit")
    require_subject_village(db, operator_id, organization_id)
    row, _ = clean_organization(db, data, organization_id=organization_id, today=today)
    with changes(db, operator_id) as cs:
        before, after = cs.update("organization", organization_id, row, base_version=base_version)
        search.replace_keys(db, before["sid"], search.organization_keys(before),
                            search.organization_keys(after))
        search.index_names(db, [after["name"], after.get("legal_rep_name") or ""])
        return after


def delete_organization(db: Database, operator_id: str, organization_id: str) -> dict[str, Any]:
    require(db, operator_id, "register.edit")
    require_subject_village(db, operator_id, organization_id)
    with changes(db, operator_id) as cs:
        before = cs.delete("organization", organization_id)
        search.replace_keys(db, before["sid"], search.organization_keys(before), set())
        db.execute("DELETE FROM subject WHERE sid = ?", [before["sid"]])
        return before


def get_organization(db: Database, organization_id: str) -> dict[str, Any]:
    return _one(db, """
        SELECT o.*, v.name AS village_name, v.code AS village_code
        FROM organization o JOIN place v ON v.id = o.village_id WHERE o.id = ?""",
                [organization_id])


def get_subject(db: Database, subject_id: str) -> dict[str, Any]:
    row = _one(db, "SELECT * FROM subject WHERE id = ?", [subject_id])
    if row["kind"] == "household":
        return dict(get_household(db, subject_id), subject_kind="household")
    return dict(get_organization(db, subject_id), subject_kind="organization")


def _one(db: Database, sql: str, params) -> dict[str, Any]:
    cursor = db.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        raise NotFound(translate("Register", "No such record; it may have been deleted."))
    return dict(zip([d[0] for d in cursor.description], values))
