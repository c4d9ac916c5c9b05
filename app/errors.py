"""Errors a user can act on, with messages already in the user's language."""

from __future__ import annotations

from pathlib import Path

from db.errors import DatabaseProblem
from app.i18n import translate


class UserError(Exception):
    """Something the user can fix; ``str()`` is a complete, translated message."""


class FieldError(UserError):
    """A bad value in one field of one record."""

    def __init__(self, field: str, message: str, *, row: int | None = None):
        self.field = field
        self.message = message
        self.row = row
        where = translate("Errors", "row {row}, ").format(row=row) if row else ""
        super().__init__(f"{where}{field_label(field)}: {message}")


class ValidationFailed(UserError):
    """One or more FieldErrors found while checking a record."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))

    def for_field(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


class DuplicateError(FieldError):
    """The subject is already registered; the message names the existing record."""

    def __init__(self, field: str, message: str, existing_id: str):
        super().__init__(field, message)
        self.existing_id = existing_id


class NotFound(UserError):
    pass


class ConflictError(UserError):
    """Someone else saved the record since it was opened."""


def field_label(field: str) -> str:
    labels = {
        "head_name": translate("Fields", "Head of household"),
        "head_sex": translate("Fields", "Sex"),
        "head_id_number": translate("Fields", "ID number"),
        "head_birth_date": translate("Fields", "Birth date"),
        "id_number": translate("Fields", "ID number"),
        "birth_date": translate("Fields", "Birth date"),
        "sex": translate("Fields", "Sex"),
        "name": translate("Fields", "Name"),
        "relation": translate("Fields", "Relation to head"),
        "phone": translate("Fields", "Phone"),
        "address": translate("Fields", "Address"),
        "village_id": translate("Fields", "Village"),
        "groups": translate("Fields", "Village groups"),
        "group_id": translate("Fields", "Village group"),
        "members": translate("Fields", "Family members"),
        "labor": translate("Fields", "Labour force"),
        "land_area": translate("Fields", "Contracted land (mu)"),
        "main_industry": translate("Fields", "Main industry"),
        "annual_income": translate("Fields", "Annual income (yuan)"),
        "assets": translate("Fields", "Assets (yuan)"),
        "loan_balance": translate("Fields", "Loan balance (yuan)"),
        "overdue": translate("Fields", "Overdue amount (yuan)"),
        "kind": translate("Fields", "Type"),
        "uscc": translate("Fields", "Unified social credit code"),
        "uscc_override_reason": translate("Fields", "Reason for accepting the code"),
        "legal_rep_name": translate("Fields", "Legal representative"),
        "legal_rep_id_number": translate("Fields", "Legal representative ID number"),
        "members_count": translate("Fields", "Members"),
        "registered_capital": translate("Fields", "Registered capital (yuan)"),
        "business_scope": translate("Fields", "Business scope"),
        "code": translate("Fields", "Division code"),
        "note": translate("Fields", "Note"),
    }
    return labels.get(field, field)


def damaged_register(good: dict | None, *, restore_command: bool = True) -> str:
    """What to say of a register found damaged at start, with its newest good
    backup (``app.store.newest_good_backup``). ``restore_command``: name the
    command that restores it; the desktop offers a button instead."""
    text = translate(
        "Errors",
        "The register file is damaged, so nothing was written to it and it is kept as it "
        "is for experts.")
    if not good:
        return text + " " + translate(
            "Errors", "There is no good backup in the backups folder; ask the township IT "
                      "contact for help.")
    when = dict(file=Path(good["path"]).name, made_at=good["made_at"].replace("T", " "))
    if restore_command:
        return text + " " + translate(
            "Errors",
            "The newest good backup is {file} ({made_at}); restoring it loses the work "
            "done since then. To restore it: credit-desk restore \"{path}\".").format(
            path=good["path"], **when)
    return text + " " + translate(
        "Errors", "The newest good backup is {file} ({made_at}); restoring it loses the work "
                  "done since then.").format(**when)


def describe(exc: BaseException, writing: bool = True) -> str | None:
    """A message saying what to do about ``exc``, or None if it is a bug.

    ``writing`` is False for a read, which must not tell the user a change was lost.
    """
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, DatabaseProblem):
        return describe_db_problem(exc, writing)
    return None


def describe_db_problem(problem: DatabaseProblem, writing: bool = True) -> str:
    kind = problem.kind
    if kind == DatabaseProblem.DISK_FULL:
        if not writing:
            return translate(
                "Errors",
                "The disk is full. Free some space (empty the recycle bin, move old files "
                "to a USB stick) and try again.",
            )
        return translate(
            "Errors",
            "The disk is full, so the change was not saved. Free some space "
            "(empty the recycle bin, move old files to a USB stick) and try again.",
        )
    if kind == DatabaseProblem.IO_ERROR:
        if not writing:
            return translate(
                "Errors",
                "The register could not be read: the disk or USB stick holding it did not "
                "answer. If the USB stick was pulled out, put it back and restart the "
                "program; if it happens again the disk may be failing — copy the latest "
                "backup to another disk.",
            )
        return translate(
            "Errors",
            "The change was not saved: the disk or USB stick holding the register did not "
            "answer. If the USB stick was pulled out, put it back and restart the program; "
            "if it happens again the disk may be failing — copy the latest backup to "
            "another disk.",
        )
    if kind == DatabaseProblem.LOCKED:
        return translate(
            "Errors",
            "The register is in use by another program or another copy of this "
            "program. Close the other one and try again.",
        )
    if kind == DatabaseProblem.CORRUPT and "register" in problem.info:
        return damaged_register(problem.info.get("backup"))
    if kind == DatabaseProblem.CORRUPT:
        return translate(
            "Errors",
            "The register file is damaged. Do not keep working in it: restore the "
            "latest backup from the backups folder in the data directory, or ask "
            "the township IT contact for help.",
        )
    if kind == DatabaseProblem.READ_ONLY:
        return translate(
            "Errors",
            "The register file cannot be written (read-only or no permission). "
            "Copy it to a folder you can write to, or ask an administrator.",
        )
    if kind == DatabaseProblem.CANT_OPEN:
        return translate(
            "Errors",
            "The register file cannot be opened. Check that the folder exists and "
            "that you may write to it.",
        )
    if kind == DatabaseProblem.NEWER_SCHEMA:
        return translate(
            "Errors",
            "This register was written by a newer version of Township Credit Desk "
            "({found}). This version cannot use it safely; please install the newer "
            "version.",
        ).format(found=problem.info.get("found", "?"))
    if kind == DatabaseProblem.NOT_A_REGISTER:
        return translate(
            "Errors",
            "This file is a database, but not a Township Credit Desk register.",
        )
    return problem.detail
