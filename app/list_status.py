"""Whether a subject is on a red or black list now, and which measures apply.

Every screen that shows a household or an organization asks this: type an
ID number or USCC anywhere and see at once whether the subject is listed and
which joint reward and punishment measures (联合奖惩) apply. The lists
themselves are kept by the records area (``app.records.lists``); the
measures come from the credit policy (resources/policies/credit.toml).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.errors import NotFound
from app.i18n import translate
from app.identity import IdentityError, clean_number, parse_id_number, parse_uscc
from app.subjects import subject_by_number, subject_info

NEGATIVE_LISTS = ("black_list", "dishonest_judgment_debtor")


def active_sql(alias: str = "e") -> str:
    """SQL true for an entry of ``alias`` in force on :today."""
    return (f"{alias}.removed_on IS NULL AND {alias}.listed_on <= :today "
            f"AND ({alias}.valid_until IS NULL OR {alias}.valid_until >= :today)")


def normalise_number(text: str) -> str:
    """An ID number (15-digit upgraded to 18) or a USCC, cleaned."""
    number = clean_number(text or "")
    if len(number) == 15:
        try:
            return parse_id_number(number).number
        except IdentityError:
            return number
    return number


def list_status(db: Database, id_number: str | None = None, uscc: str | None = None,
                subject_id: str | None = None, *, today: dt.date | None = None) -> dict[str, Any]:
    """Whether a subject is listed now, on which lists, why, and which measures apply.

    Keys: listed (bool), red (bool), black (bool: black list or court
    defaulter), lists (kinds), labels, entries (basis, deciding body,
    document number, dates), measures (reward and punishment measures of
    all lists it is on), subject_id (if the number is registered), number.
    """
    day = (today or pol.today()).isoformat()
    numbers: set[str] = set()
    for value in (id_number, uscc):
        if value:
            numbers.add(normalise_number(value))
    if subject_id is None and numbers:
        for number in numbers:
            subject_id = subject_by_number(db, number)
            if subject_id:
                break
    if subject_id:
        try:
            info = subject_info(db, subject_id)
            numbers.add(info["number"])
        except NotFound:
            pass
    clauses, params = [], {"today": day}
    if subject_id:
        clauses.append("e.subject_id = :sid")
        params["sid"] = subject_id
    for i, number in enumerate(sorted(numbers)):
        clauses.append(f"e.id_number = :n{i}")
        params[f"n{i}"] = number
    entries: list[dict[str, Any]] = []
    if clauses:
        entries = list(db.query(
            f"SELECT e.* FROM list_entry e WHERE ({' OR '.join(clauses)}) AND {active_sql()} "
            "ORDER BY e.listed_on DESC", params))
    policy = pol.load(db)
    kinds = list(dict.fromkeys(e["list_kind"] for e in entries))
    measures: list[str] = []
    for kind in kinds:
        for measure in pol.measures(policy, kind):
            if measure not in measures:
                measures.append(measure)
    for entry in entries:
        entry["label"] = pol.list_label(policy, entry["list_kind"])
        entry["measures"] = pol.measures(policy, entry["list_kind"])
    linked = linked_records(db, sorted(numbers), day) if numbers else []
    linked_measures: list[str] = []
    for link in linked:
        for measure in link.get("measures", ()):
            if measure not in linked_measures and measure not in measures:
                linked_measures.append(measure)
    return {
        "linked": linked,
        "linked_measures": linked_measures,
        "listed": bool(entries),
        "red": "red_list" in kinds,
        "black": any(k in NEGATIVE_LISTS for k in kinds),
        "lists": kinds,
        "labels": [pol.list_label(policy, k) for k in kinds],
        "entries": entries,
        "measures": measures,
        "subject_id": subject_id,
        "number": next(iter(sorted(numbers)), None),
    }


def linked_records(db: Database, numbers: list[str], day: str) -> list[dict[str, Any]]:
    """What reached these people as legal representatives of an organization
    (``app.legal_rep_links``), still in force on ``day``: the organization's
    list entries in force and its negative records still public."""
    marks = ",".join("?" * len(numbers))
    policy = pol.load(db)
    rows = list(db.query(
        f"SELECT k.*, e.basis AS basis FROM legal_rep_link k JOIN list_entry e "
        f"ON e.id = k.source_id WHERE k.source_kind = 'list_entry' "
        f"AND k.person_id_number IN ({marks}) AND e.removed_on IS NULL AND e.listed_on <= ? "
        f"AND (e.valid_until IS NULL OR e.valid_until >= ?) ORDER BY k.decided_on DESC",
        [*numbers, day, day]))
    for row in rows:
        section = policy["lists"].get(row["list_kind"], {})
        row["label"] = pol.list_label(policy, row["list_kind"])
        row["measures"] = list(section.get("legal_rep_measures", section.get("measures", [])))
    records = list(db.query(
        f"SELECT k.*, NULL AS basis FROM legal_rep_link k JOIN credit_record r "
        f"ON r.id = k.source_id WHERE k.source_kind = 'credit_record' "
        f"AND k.person_id_number IN ({marks}) AND +r.status = 'public' "
        f"ORDER BY k.decided_on DESC", numbers))
    for row in records:
        row["label"] = translate("Records", "negative credit record")
        row["measures"] = []
    return rows + records


def describe_status(status: dict[str, Any]) -> str:
    """One line for a form: "Listed: 黑名单 — measures: …" or "Not listed"; then
    what reached the person as an organization's legal representative."""
    if not status["listed"]:
        text = translate("Records", "Not on any red or black list.")
    else:
        text = translate("Records", "Listed: {lists}. Measures: {measures}").format(
            lists="、".join(status["labels"]), measures="；".join(status["measures"]))
    for link in status.get("linked", ()):
        text += " " + translate(
            "Records", "As legal representative of {organization}: {what} ({title}).").format(
            organization=link["organization_name"], what=link["label"], title=link["title"])
    if status.get("linked_measures"):
        text += " " + translate("Records", "Measures reaching the legal representative: "
                                           "{measures}").format(
            measures="；".join(status["linked_measures"]))
    return text


def identity_kind(text: str, db: Database | None = None) -> tuple[str, str] | None:
    """("id_number" | "uscc", the number) once ``text`` is a whole identity, else None.

    An ID number counts when its 18 characters (or 15, upgraded) pass the
    check character and date; a USCC when its check character is right, or
    (given ``db``) when a code failing it is registered by an official's
    override or listed as the county sent it.
    """
    number = clean_number(text or "")
    if len(number) not in (15, 18):
        return None
    try:
        return "id_number", parse_id_number(number).number
    except IdentityError:
        pass
    if len(number) == 18:
        try:
            info = parse_uscc(number)
        except IdentityError:
            return None
        if info.checksum_ok or (db is not None and (
                subject_by_number(db, info.number) or db.execute(
                    "SELECT 1 FROM list_entry WHERE id_number = ?", [info.number]).fetchone())):
            return "uscc", info.number
    return None


def identity_status(db: Database, text: str, *, today: dt.date | None = None
                    ) -> dict[str, Any] | None:
    """What every place an identity is typed shows beside it: list status and measures.

    None while ``text`` is not yet a whole, valid ID number or USCC (nothing
    to show). Otherwise ``list_status`` plus: kind ("id_number" | "uscc"),
    level ("black", "red", "attention" — only a record reaching the person as
    a legal representative — or "none": the banner's colour), message (the full
    line: lists and every measure). A handful of index look-ups: cheap enough
    to run as the official types.
    """
    found = identity_kind(text, db)
    if found is None:
        return None
    kind, number = found
    status = list_status(db, id_number=number if kind == "id_number" else None,
                         uscc=number if kind == "uscc" else None, today=today)
    status["number"] = number
    status["kind"] = kind
    reached = any(link["list_kind"] in NEGATIVE_LISTS for link in status["linked"])
    status["level"] = ("black" if status["black"] or reached else
                       "red" if status["red"] else "attention" if status["linked"] else "none")
    status["message"] = describe_status(status)
    return status
