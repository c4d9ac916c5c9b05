"""The register's lists: ids in display order, then rows a page at a time.

A list screen asks once for the ids (``household_ids``) — a covering index
scan for the usual orders, so a million households take a fraction of a
second and a few MB — and then fetches the rows it shows, a block of ids at
a time (``household_rows``). Nothing ever holds the whole table.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Sequence

from sqlite_utils import Database

from app import query_log
from app.accounts import disclosure
from app.accounts.permissions import require, villages_of
from app.errors import UserError
from app.i18n import translate
from app.places import match_village
from app.privacy import mask_id_number, mask_phone
from app.search import search


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    order_by: str | None  # SQL ORDER BY (None: not sortable)
    kind: str = "text"  # text | int | money_fen | area | id_number | phone | sex | kind
    indexed: bool = False  # the order comes from an index: the first rows come at once


def household_columns() -> list[Column]:
    return [
        Column("head_name", translate("Lists", "Head of household"), "h.name_sort", indexed=True),
        Column("head_sex", translate("Lists", "Sex"), "h.head_sex", "sex"),
        Column("head_id_number", translate("Lists", "ID number"), "h.head_id_number", "id_number",
               indexed=True),
        Column("village_name", translate("Lists", "Village"), "h.village_id", indexed=True),
        Column("group_name", translate("Lists", "Group"), "h.group_id", indexed=True),
        Column("phone", translate("Lists", "Phone"), "h.phone", "phone"),
        Column("members", translate("Lists", "Members"), "h.members", "int"),
        Column("land_area_centimu", translate("Lists", "Land (mu)"), "h.land_area_centimu", "area"),
        Column("main_industry", translate("Lists", "Main industry"), "h.main_industry"),
        Column("annual_income_fen", translate("Lists", "Income (yuan)"), "h.annual_income_fen",
               "money_fen"),
        Column("loan_balance_fen", translate("Lists", "Loan balance (yuan)"),
               "h.loan_balance_fen", "money_fen"),
    ]


def organization_columns() -> list[Column]:
    return [
        Column("name", translate("Lists", "Name"), "o.name_sort", indexed=True),
        Column("kind", translate("Lists", "Type"), "o.kind", "kind"),
        Column("uscc", translate("Lists", "Unified social credit code"), "o.uscc",
               indexed=True),
        Column("legal_rep_name", translate("Lists", "Legal representative"), "o.legal_rep_name"),
        Column("village_name", translate("Lists", "Village"), "o.village_id", indexed=True),
        Column("phone", translate("Lists", "Phone"), "o.phone", "phone"),
        Column("members_count", translate("Lists", "Members"), "o.members_count", "int"),
        Column("registered_capital_fen", translate("Lists", "Registered capital (yuan)"),
               "o.registered_capital_fen", "money_fen"),
    ]


@dataclass(frozen=True)
class Filter:
    """Where in the place tree, and what was typed in the search box."""
    place_id: str | None = None
    place_level: str | None = None  # county | township | village | village_group
    query: str = ""


SEARCH_LIMIT = 200  # what the search box shows; a name is found by typing more of it


def _place_clause(alias: str, flt: Filter, has_group: bool) -> tuple[str, list]:
    if not flt.place_id or flt.place_level in (None, "county", "township"):
        # A register holds one township; its whole list is every row.
        return "", []
    if flt.place_level == "village":
        return f"{alias}.village_id = ?", [flt.place_id]
    if flt.place_level == "village_group":
        if not has_group:
            return "0", []
        return f"{alias}.group_id = ?", [flt.place_id]
    return "", []


def _ids(db: Database, table: str, alias: str, columns: list[Column], flt: Filter,
         sort: int, descending: bool, kind: str, tie: str, limit: int | None) -> array:
    where, params = _place_clause(alias, flt, has_group=(table == "household"))
    clauses = [where] if where else []
    if flt.query.strip():
        sids = [r.sid for r in search(db, flt.query, limit=SEARCH_LIMIT, kind=kind)]
        if not sids:
            return array("q")
        if not clauses and sort < 0:
            return array("q", sids)  # search order: best matches first
        clauses.append(f"{alias}.sid IN ({','.join('?' * len(sids))})")
        params = params + sids
        if sort < 0:
            rank = {sid: i for i, sid in enumerate(sids)}
            sql = f"SELECT {alias}.sid FROM {table} {alias} WHERE {' AND '.join(clauses)}"
            found = [r[0] for r in db.execute(sql, params)]
            return array("q", sorted(found, key=rank.__getitem__))
    if (not clauses and 0 <= sort < len(columns) and columns[sort].key == "village_name"):
        return _by_village(db, table, alias, tie, descending, limit)
    order = ""
    if 0 <= sort < len(columns) and columns[sort].order_by:
        direction = " DESC" if descending else ""
        order = f" ORDER BY {columns[sort].order_by}{direction}"
        if columns[sort].order_by != tie:
            order += f", {tie}{direction}"
    sql = (f"SELECT {alias}.sid FROM {table} {alias}"
           + (f" WHERE {' AND '.join(clauses)}" if clauses else "") + order)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return array("q", (r[0] for r in db.execute(sql, params)))


def _by_village(db: Database, table: str, alias: str, tie: str, descending: bool,
                limit: int | None) -> array:
    """Villages by name, each by name: one index range scan per village."""
    direction = " DESC" if descending else ""
    out = array("q")
    villages = [r[0] for r in db.execute(
        f"SELECT id FROM place WHERE level = 'village' ORDER BY name_sort{direction}, code")]
    for village_id in villages:
        if limit is not None and len(out) >= limit:
            return out[:limit]
        more = "" if limit is None else f" LIMIT {int(limit) - len(out)}"
        out.extend(r[0] for r in db.execute(
            f"SELECT {alias}.sid FROM {table} {alias} WHERE {alias}.village_id = ? "
            f"ORDER BY {tie}{direction}{more}", [village_id]))
    return out if limit is None else out[:limit]


def household_ids(db: Database, flt: Filter = Filter(), *, sort: int = 0,
                  descending: bool = False, limit: int | None = None) -> array:
    """Household sids in display order (``sort`` is a column index, -1 = search rank).

    ``limit`` gives the first rows only: a screenful at once, the rest later.
    """
    return _ids(db, "household", "h", household_columns(), flt, sort, descending,
                "household", "h.name_sort", limit)


def organization_ids(db: Database, flt: Filter = Filter(), *, sort: int = 0,
                     descending: bool = False, limit: int | None = None) -> array:
    return _ids(db, "organization", "o", organization_columns(), flt, sort, descending,
                "organization", "o.name_sort", limit)


def _rows(db: Database, sql: str, sids: Sequence[int]) -> dict[int, dict]:
    if not sids:
        return {}
    cursor = db.execute(sql.format(marks=",".join("?" * len(sids))), list(sids))
    names = [d[0] for d in cursor.description]
    return {values[0]: dict(zip(names, values)) for values in cursor}


def household_rows(db: Database, sids: Sequence[int]) -> dict[int, dict]:
    """{sid: row} for the list, with village and group names."""
    return _rows(db, """
        SELECT h.sid, h.id, h.village_id, h.head_name, h.head_sex, h.head_id_number, h.phone, h.members,
               h.land_area_centimu, h.main_industry, h.annual_income_fen, h.loan_balance_fen,
               v.name AS village_name, g.name AS group_name
        FROM household h JOIN place v ON v.id = h.village_id
        LEFT JOIN place g ON g.id = h.group_id
        WHERE h.sid IN ({marks})""", sids)


def organization_rows(db: Database, sids: Sequence[int]) -> dict[int, dict]:
    return _rows(db, """
        SELECT o.sid, o.id, o.village_id, o.name, o.kind, o.uscc, o.legal_rep_name, o.phone, o.members_count,
               o.registered_capital_fen, v.name AS village_name
        FROM organization o JOIN place v ON v.id = o.village_id
        WHERE o.sid IN ({marks})""", sids)


def place_tree(db: Database) -> list[dict]:
    """Every place with its parent: parents before children, each level by name (pinyin;
    groups by number: 一组, 二组 … 十组)."""
    return list(db.query(
        "SELECT id, level, code, name, parent_id FROM place ORDER BY CASE level "
        "WHEN 'county' THEN 0 WHEN 'township' THEN 1 WHEN 'village' THEN 2 ELSE 3 END, "
        "name_sort, code"))


def counts(db: Database) -> dict[str, int]:
    return {
        "households": db.execute("SELECT COUNT(*) FROM household").fetchone()[0],
        "organizations": db.execute("SELECT COUNT(*) FROM organization").fetchone()[0],
    }


def listed(db: Database, operator_id: str, kind: str = "household", *, village: str | None = None,
           limit: int | None = None, full: bool = False, purpose: str | None = None
           ) -> list[dict]:
    """The register's list as it leaves the program (``credit-desk list --json``): in the
    order the register page shows (by pinyin), numbers masked unless allowed, field staff's
    villages only, logged in the query and use log."""
    require(db, operator_id, "register.view")
    if full:
        purpose = disclosure.allow_full(db, operator_id, purpose)
    elif purpose:
        purpose = disclosure.check_purpose(db, purpose)
    flt = Filter()
    if village:
        village_id = match_village(db, village)
        if village_id is None:
            raise UserError(translate("Lists", "There is no village '{name}' in the register.")
                            .format(name=village))
        flt = Filter(place_id=village_id, place_level="village")
    allowed = villages_of(db, operator_id)
    ids_of, rows_of = ((household_ids, household_rows) if kind == "household"
                       else (organization_ids, organization_rows))
    ids = ids_of(db, flt, limit=limit if allowed is None else None)
    out = []
    for start in range(0, len(ids), 500):
        block = ids[start:start + 500]
        rows = rows_of(db, block)
        for sid in block:
            row = rows[sid]
            if allowed is not None and row["village_id"] not in allowed:
                continue
            out.append(row)
        if limit is not None and len(out) >= limit:
            out = out[:limit]
            break
    number = "head_id_number" if kind == "household" else None
    for row in out:
        del row["sid"]
        if not full:
            if number:
                row[number] = mask_id_number(row[number])
            row["phone"] = mask_phone(row["phone"])
    disclosure.log_bulk(db, operator_id, action=query_log.EXPORT,
                        what=translate("Lists", "Register list ({count})").format(
                            count=len(out)),
                        count=len(out), full=full, purpose=purpose,
                        detail={"kind": kind, "village": village})
    return out
