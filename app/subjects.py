"""Finding a credit subject by what an official types, and its basic facts."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.errors import NotFound
from app.i18n import translate
from app.identity import IdentityError, clean_number, parse_id_number, parse_uscc


def subject_info(db: Database, subject_id: str) -> dict[str, Any]:
    """Name, kind, identifying number, phone, village and the basic facts."""
    row = next(db.query(
        "SELECT h.id, 'household' AS kind, h.head_name AS name, h.head_id_number AS number, "
        "'id_number' AS number_kind, h.phone, h.address, h.members, h.labor, h.main_industry, "
        "h.land_area_centimu, h.loan_balance_fen, h.overdue_fen, h.head_sex, "
        "p.name AS village, g.name AS village_group, NULL AS org_kind, NULL AS legal_rep_name, "
        "NULL AS legal_rep_id_number "
        "FROM household h JOIN place p ON p.id = h.village_id "
        "LEFT JOIN place g ON g.id = h.group_id WHERE h.id = ?", [subject_id]), None)
    if row is None:
        row = next(db.query(
            "SELECT o.id, 'organization' AS kind, o.name, o.uscc AS number, "
            "'uscc' AS number_kind, o.phone, o.address, o.members_count AS members, "
            "NULL AS labor, o.business_scope AS main_industry, NULL AS land_area_centimu, "
            "NULL AS loan_balance_fen, NULL AS overdue_fen, NULL AS head_sex, "
            "p.name AS village, NULL AS village_group, o.kind AS org_kind, o.legal_rep_name, "
            "o.legal_rep_id_number "
            "FROM organization o JOIN place p ON p.id = o.village_id WHERE o.id = ?",
            [subject_id]), None)
    if row is None:
        raise NotFound(translate("Records", "No household or organization with id {id}.")
                       .format(id=subject_id))
    return row


def subject_by_number(db: Database, number: str) -> str | None:
    """The subject whose head ID number or USCC is ``number`` (cleaned)."""
    number = clean_number(number)
    row = db.execute("SELECT id FROM household WHERE head_id_number = ?", [number]).fetchone()
    if row:
        return row[0]
    row = db.execute("SELECT id FROM organization WHERE uscc = ?", [number]).fetchone()
    return row[0] if row else None


def resolve(db: Database, text: str) -> str:
    """A subject id from an ID number, a USCC, a credit record id, a report
    number or a subject id. Raises NotFound with what to type instead."""
    raw = (text or "").strip()
    number = clean_number(raw)
    if len(number) in (15, 18):
        candidates = [number]
        try:
            candidates.append(parse_id_number(number).number)
        except IdentityError:
            pass
        try:
            candidates.append(parse_uscc(number).number)
        except IdentityError:
            pass
        for candidate in candidates:
            found = subject_by_number(db, candidate)
            if found:
                return found
    row = db.execute("SELECT id FROM subject WHERE id = ?", [raw]).fetchone()
    if row:
        return row[0]
    row = db.execute("SELECT subject_id FROM credit_record WHERE id = ?", [raw]).fetchone()
    if row:
        return row[0]
    row = db.execute("SELECT subject_id FROM credit_report WHERE number = ?", [raw]).fetchone()
    if row:
        return row[0]
    raise NotFound(translate(
        "Records", "No registered household or organization matches {text}. Type the head of "
                   "household's ID number, the organization's unified social credit code, or a "
                   "credit record id.").format(text=raw))


def parse_subject_number(text: str) -> str:
    """A valid 18-character ID number (15-digit ones upgraded) or USCC.

    A USCC may be all digits too, so both readings are tried; the error
    given is the one for the kind the text looks like.
    """
    number = clean_number(text or "")
    try:
        return parse_id_number(number).number
    except IdentityError as id_error:
        try:
            info = parse_uscc(number)
        except IdentityError as uscc_error:
            looks_like_id = number[:-1].isdigit() and len(number) in (15, 18)
            raise (id_error if looks_like_id else uscc_error) from None
        if not info.checksum_ok:
            if number[:-1].isdigit():
                raise id_error from None
            from app.identity import uscc_checksum_warning

            raise IdentityError(uscc_checksum_warning(info)) from None
        return info.number
