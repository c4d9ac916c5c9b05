"""Collecting signed letters in the field (回收): signed, attachments, void.

Field staff come back with signed papers: a letter is marked signed with who
collected it, when and where; the scanned or photographed paper (an image or
a PDF), or a signature captured on screen, is kept beside the register in the
data folder (``letters/attachments/<letter id>/<sha256>.<ext>``) with its
SHA-256, so anyone can check later that the file is the one attached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.accounts.permissions import require, require_letter_village
from app.errors import UserError
from app.files import encrypt_for, file_unit, read_decrypted
from app.paths import DataDir
from app.i18n import translate
from app.journal import changes, new_id
from app.letters.letter import get_letter, status_label

MAX_ATTACHMENT = 50 * 1024 * 1024

# Magic numbers of the files a scanner or phone produces.
_KINDS = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"II*\x00", "image/tiff", "tif"),
    (b"MM\x00*", "image/tiff", "tif"),
]


def data_folder(db: Database) -> Path:
    """The folder of the register file (the data folder)."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent
    raise UserError(translate("Letters", "Attachments need a register saved in a folder."))


def attachments_root(db: Database) -> Path:
    return data_folder(db) / "letters" / "attachments"


def _parse_when(value: Any) -> str:
    if value in (None, ""):
        return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip().replace(" ", "T")
        try:
            when = dt.datetime.fromisoformat(text.rstrip("Z"))
        except ValueError:
            raise UserError(translate("Letters", "The signing time {value} is not a date; write "
                                                 "it as 2026-03-15 or 2026-03-15 14:30.")
                            .format(value=value)) from None
    # A time typed without a zone is the laptop's local time.
    when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if when > dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(days=1):
        raise UserError(translate("Letters", "The signing time {value} is in the future.")
                        .format(value=value))
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def mark_signed(db: Database, operator_id: str, letter_id: str, *, collector: str,
                place: str = "", signed_at: Any = None) -> dict[str, Any]:
    """Record that the committer signed the printed letter."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    collector = (collector or "").strip()
    if not collector:
        raise UserError(translate("Letters", "Enter who collected the signed letter."))
    when = _parse_when(signed_at)
    with changes(db, operator_id) as cs:
        letter = get_letter(db, letter_id)
        if letter["status"] != "printed":
            raise UserError(_cannot(letter, translate("Letters", "be marked signed")))
        cs.update("commitment_letter", letter_id, {
            "status": "signed", "signed_at": when, "collected_by": collector,
            "signed_place": (place or "").strip() or None})
    return get_letter(db, letter_id)


def _cannot(letter: dict[str, Any], what: str) -> str:
    hint = {
        "drafted": translate("Letters", "Print it first."),
        "signed": translate("Letters", "It is already signed."),
        "void": translate("Letters", "It is void."),
    }.get(letter["status"], "")
    return translate("Letters", "Letter {number} is {status} and cannot {what}. {hint}").format(
        number=letter["number"], status=status_label(letter["status"]), what=what,
        hint=hint).strip()


def _sniff(head: bytes) -> tuple[str, str] | None:
    for magic, media_type, ext in _KINDS:
        if head.startswith(magic):
            return media_type, ext
    return None


def _store(db: Database, operator_id: str, letter_id: str, content: bytes, kind: str,
           original_name: str | None) -> dict[str, Any]:
    letter = get_letter(db, letter_id)
    if letter["status"] in ("drafted", "void"):
        raise UserError(_cannot(letter, translate("Letters", "take an attachment")))
    sniffed = _sniff(content[:16])
    if sniffed is None:
        raise UserError(translate(
            "Letters", "{name} is not a PDF, PNG, JPEG or TIFF file. Scan or photograph the "
                       "signed paper again, or save it in one of these formats.").format(
            name=original_name or translate("Letters", "The file")))
    if len(content) > MAX_ATTACHMENT:
        raise UserError(translate("Letters", "{name} is larger than 50 MB; scan at a lower "
                                             "resolution.").format(name=original_name or ""))
    media_type, ext = sniffed
    digest = hashlib.sha256(content).hexdigest()
    folder = attachments_root(db) / letter_id
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{digest}.{ext}"
    relative = target.relative_to(data_folder(db)).as_posix()
    row = {"id": new_id(), "letter_id": letter_id, "kind": kind, "path": relative,
           "original_name": original_name, "media_type": media_type, "size": len(content),
           "sha256": digest}
    if target.exists():  # the same scan again: one file, another record
        with changes(db, operator_id) as cs:
            return cs.insert("letter_attachment", row)
    # The scan and its record are one unit (app/files.py).
    # Encrypted at rest when the register is (app/files.py).
    with file_unit(db, target, "attachment") as unit, changes(db, operator_id) as cs:
        unit.temp.write_bytes(encrypt_for(DataDir(data_folder(db)), content, target.name))
        unit.seal()
        return cs.insert("letter_attachment", row)


def attach_scan(db: Database, operator_id: str, letter_id: str,
                file_path: str | os.PathLike) -> dict[str, Any]:
    """Keep a scan or photo (PDF, PNG, JPEG, TIFF) of the signed paper with the letter."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    path = Path(file_path)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(translate("Letters", "Cannot read {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    return _store(db, operator_id, letter_id, content, "scan", path.name)


def save_signature(db: Database, operator_id: str, letter_id: str,
                   png: bytes) -> dict[str, Any]:
    """Keep a signature drawn on screen (PNG) with the letter."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    if not png.startswith(b"\x89PNG"):
        raise UserError(translate("Letters", "The signature is not a PNG image."))
    return _store(db, operator_id, letter_id, png, "signature", "signature.png")


def attachments(db: Database, letter_id: str) -> list[dict[str, Any]]:
    root = data_folder(db)
    rows = list(db.query("SELECT * FROM letter_attachment WHERE letter_id = ? "
                         "ORDER BY created_at", [letter_id]))
    for row in rows:
        row["file"] = str(root / row["path"])
    return rows


def attachment_bytes(db: Database, attachment: dict[str, Any]) -> bytes:
    """The scan or signature, decrypted into memory (never to a file in the clear)."""
    return read_decrypted(DataDir(data_folder(db)), data_folder(db) / attachment["path"])


def verify_attachment(db: Database, attachment: dict[str, Any]) -> bool:
    """True if the file on disk still has the SHA-256 recorded when it was attached."""
    try:
        content = attachment_bytes(db, attachment)
    except (OSError, UserError):
        return False
    return hashlib.sha256(content).hexdigest() == attachment["sha256"]


def void_letter(db: Database, operator_id: str, letter_id: str, reason: str) -> dict[str, Any]:
    """Void a letter with a reason; it stays on file, marked void."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    reason = (reason or "").strip()
    if not reason:
        raise UserError(translate("Letters", "Enter why the letter is void."))
    with changes(db, operator_id) as cs:
        letter = get_letter(db, letter_id)
        if letter["status"] == "void":
            raise UserError(_cannot(letter, translate("Letters", "be voided")))
        if letter["fulfilment"]:
            raise UserError(translate(
                "Letters", "Letter {number} already has its fulfilment recorded and cannot be "
                           "voided; correct the credit record instead.").format(
                number=letter["number"]))
        cs.update("commitment_letter", letter_id, {
            "status": "void", "void_reason": reason, "voided_at": cs.at,
            "status_before_void": letter["status"]})
    return get_letter(db, letter_id)


_LIST_SQL = """
    SELECT l.id, l.number, l.status, l.fulfilment, l.printed_at, l.signed_at,
           l.collected_by, l.signed_place, l.template_name, l.subject_id,
           COALESCE(h.head_name, o.name) AS name, g.name AS village_group,
           (SELECT COUNT(*) FROM letter_attachment a WHERE a.letter_id = l.id) AS attachments
    FROM commitment_letter l
    JOIN subject s ON s.id = l.subject_id
    LEFT JOIN household h ON h.sid = s.sid
    LEFT JOIN organization o ON o.sid = s.sid
    LEFT JOIN place g ON g.id = h.group_id
"""


def village_letters(db: Database, village_id: str, *, outstanding: bool = False,
                    limit: int | None = None) -> list[dict[str, Any]]:
    """Letters of a village, by group and name (pinyin); ``outstanding``: printed, not yet signed."""
    where = "l.village_id = ?" + (" AND l.status = 'printed'" if outstanding else "")
    sql = _LIST_SQL + f" WHERE {where} ORDER BY g.name_sort, COALESCE(h.name_sort, o.name_sort), l.number"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql, [village_id]))


def village_summary(db: Database) -> list[dict[str, Any]]:
    """Per village: letters printed and still out, signed, void, kept, broken."""
    return list(db.query("""
        SELECT v.id AS village_id, v.code, v.name,
               COUNT(l.id) AS letters,
               SUM(l.status = 'printed') AS outstanding,
               SUM(l.status = 'signed') AS signed,
               SUM(l.status = 'void') AS void,
               SUM(l.fulfilment = 'kept') AS kept,
               SUM(l.fulfilment = 'broken') AS broken
        FROM place v LEFT JOIN commitment_letter l ON l.village_id = v.id
        WHERE v.level = 'village'
        GROUP BY v.id ORDER BY v.name_sort, v.code"""))
