"""Printing letters to one A4 PDF: one letter, a village, a group, a selection.

Subjects that already have a letter of the template get that letter again
(same number, same text); the others get a new letter. Every character is
checked against the fonts before anything is drafted or written. A letter
that cannot print (a character no font has, a control character) is left
out and listed with the reason (``PrintResult.skipped``); the rest print. Only
when nothing is left does the print stop, naming the character. The letters
are drafted, the PDF written and the letters marked printed in one
transaction, so a cancelled or failed print leaves nothing behind.

PDFs are written with reportlab's ``invariant`` mode (fixed creation date
and document id), so printing a letter again from its template version and
snapshot gives the same file, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from sqlite_utils import Database

from app import pdf_fonts
from app.accounts.permissions import (require, require_letter_village,
                                      require_subject_village, require_village)
from app.documents import office_name
from app.errors import UserError
from app.files import TEMP_PREFIX, file_unit
from app.i18n import translate
from app.jobs import Job
from app.journal import changes
from app.letters import layout
from app.letters import templates as tpl
from app.letters.letter import draft_letters, get_letter, letter_text


@dataclass
class PrintResult:
    path: Path
    letters: list[dict[str, Any]] = field(default_factory=list)  # id, number, name
    pages: int = 0
    new: int = 0
    # Left out, with why: [{"subject_id", "number", "name", "reason"}].
    skipped: list[dict[str, Any]] = field(default_factory=list)


def subjects_in(db: Database, *, village_id: str | None = None, group_id: str | None = None,
                kind: str = "any") -> list[str]:
    """Subject ids of a village or group, households by group and name, then organizations."""
    ids: list[str] = []
    if kind in ("household", "any"):
        where, params = ("h.group_id = ?", [group_id]) if group_id else ("h.village_id = ?",
                                                                         [village_id])
        ids += [r[0] for r in db.execute(
            f"SELECT h.id FROM household h LEFT JOIN place g ON g.id = h.group_id "
            f"WHERE {where} ORDER BY g.name_sort, h.name_sort, h.id", params)]
    if kind in ("organization", "any") and not group_id:
        ids += [r[0] for r in db.execute(
            "SELECT id FROM organization WHERE village_id = ? ORDER BY name_sort, id", [village_id])]
    return ids


def _existing(db: Database, template_name: str, subject_ids: list[str]) -> dict[str, str]:
    """Newest letter of the template (not void) per subject."""
    out: dict[str, str] = {}
    for start in range(0, len(subject_ids), 500):
        chunk = subject_ids[start:start + 500]
        for subject_id, letter_id in db.execute(
                f"SELECT subject_id, id FROM commitment_letter WHERE template_name = ? "
                f"AND status != 'void' AND subject_id IN ({','.join('?' * len(chunk))}) "
                f"ORDER BY created_at", [template_name, *chunk]):
            out[subject_id] = letter_id
    return out


def print_letters(db: Database, operator_id: str, path: str | os.PathLike, *,
                  subject_ids: list[str] | None = None, village_id: str | None = None,
                  group_id: str | None = None, letter_ids: list[str] | None = None,
                  template_name: str = tpl.DEFAULT_TEMPLATE, only_unsigned: bool = False,
                  job: Job | None = None, today: dt.date | None = None,
                  repair_id: str | None = None) -> PrintResult:
    """Print letters into one PDF at ``path``; see the module docstring."""
    require(db, operator_id, "letters.manage")
    if village_id:
        require_village(db, operator_id, village_id)
    for subject_id in subject_ids or []:
        require_subject_village(db, operator_id, subject_id)
    for letter_id in letter_ids or []:
        require_letter_village(db, operator_id, letter_id)
    job = job or Job()
    path = Path(path)
    tpl.ensure_templates(db, operator_id)
    template = tpl.current_template(db, template_name)
    if letter_ids is None:
        if subject_ids is None:
            subject_ids = subjects_in(db, village_id=village_id, group_id=group_id,
                                      kind=template["subject_kind"])
        existing = _existing(db, template_name, subject_ids)
        wanted = list(dict.fromkeys(subject_ids))
    else:
        existing, wanted = {}, []
    if not wanted and not letter_ids:
        raise UserError(translate("Letters", "There is nobody to print a letter for here."))
    to_draft = [s for s in wanted if s not in existing]
    if to_draft:
        from app.letters.letter import require_repair

        require_repair(db, template, to_draft, repair_id)
    values = tpl.subjects_values(db, to_draft, today=today, issuer=office_name(db)) \
        if to_draft else {}
    if to_draft:
        from app.letters.letter import check_kind

        check_kind(template, [values[s] for s in to_draft if s in values])
    # Fonts first: a letter with a character that cannot print is neither
    # drafted nor printed; it is listed with the reason and the rest print.
    skipped: list[dict[str, Any]] = []
    last_error: UserError | None = None
    for subject_id in list(to_draft):
        v = values[subject_id]
        text = tpl.filled(template, v)
        try:
            pdf_fonts.check_printable(
                layout.all_text({**text, "number": "", "values": v}),
                translate("Letters", "the letter for {name}").format(name=v["committer_name"]))
        except pdf_fonts.UnprintableCharacters as error:
            last_error = error
            skipped.append({"subject_id": subject_id, "number": "",
                            "name": v["committer_name"], "reason": str(error)})
            to_draft.remove(subject_id)
            wanted.remove(subject_id)
    if not wanted and not letter_ids and last_error is not None:
        raise last_error
    # Letter numbers commit together with the fsynced PDF (app/files.py).
    with file_unit(db, path, "letters") as unit, changes(db, operator_id) as cs:
        drafted = {r["subject_id"]: r["id"] for r in
                   (draft_letters(cs, template, to_draft, today=today, values=values)
                    if to_draft else [])}
        ids = list(letter_ids) if letter_ids is not None else \
            [existing.get(s) or drafted[s] for s in wanted]
        letters = [get_letter(db, i) for i in ids]
        if only_unsigned:
            letters = [x for x in letters if x["status"] in ("drafted", "printed")]
        letters = [x for x in letters if x["status"] != "void"]  # void letters stay unprinted
        if not letters:
            raise UserError(translate("Letters", "Every letter here is already signed; "
                                                 "nothing to print."))
        texts, printable = [], []
        for letter in letters:
            text = letter_text(db, letter)
            try:
                pdf_fonts.check_printable(layout.all_text(text), translate(
                    "Letters", "letter {number} ({name})").format(
                    number=letter["number"], name=text["values"].get("committer_name", "")))
            except pdf_fonts.UnprintableCharacters as error:
                last_error = error
                skipped.append({"subject_id": letter["subject_id"], "number": letter["number"],
                                "name": text["values"].get("committer_name", ""),
                                "reason": str(error)})
                continue
            texts.append(text)
            printable.append(letter)
        if not texts:
            raise last_error or UserError(translate("Letters", "Nothing to print."))
        letters = printable
        pages = write_pdf(texts, unit.temp, job)
        unit.seal()
        for letter in letters:
            changes_ = {"print_count": letter["print_count"] + 1}
            if letter["status"] == "drafted":
                changes_["status"] = "printed"
            if not letter["printed_at"]:
                changes_["printed_at"] = cs.at
            cs.update("commitment_letter", letter["id"], changes_)
    return PrintResult(path, [{"id": x["id"], "number": x["number"],
                               "name": x["values"].get("committer_name")} for x in letters],
                       pages, len(drafted), skipped)


def write_pdf(texts: list[dict[str, Any]], path: Path, job: Job | None = None) -> int:
    """Draw letters into one PDF, written whole or not at all. Returns pages."""
    job = job or Job()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=TEMP_PREFIX + "letters-", suffix=".pdf",
                                    dir=path.parent)
    os.close(handle)
    try:
        # The embedded font from the first page on: reportlab would otherwise
        # reference Helvetica (not embedded) on every page.
        canvas = Canvas(temp, pagesize=layout.A4, invariant=1, pageCompression=1,
                        initialFontName=pdf_fonts.register(), initialFontSize=12)
        canvas.setTitle(texts[0]["title"] if len(texts) == 1
                        else translate("Letters", "Commitment letters"))
        canvas.setCreator("Township Credit Desk")
        pages = 0
        total = len(texts)
        for index, text in enumerate(texts):
            if index % 20 == 0:
                job.step(index, total, translate("Letters", "Printing letters"))
            pages += layout.draw_letter(canvas, text)
        job.step(total, total, translate("Letters", "Writing the PDF"))
        canvas.save()
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return pages


def reproduce(db: Database, letter_id: str, path: str | os.PathLike) -> Path:
    """The letter as it was printed (template version + snapshot); changes nothing."""
    letter = get_letter(db, letter_id)
    text = letter_text(db, letter)
    if tpl.text_hash({k: text[k] for k in ("title", "body", "consent")}) != letter["text_sha256"]:
        raise UserError(translate("Letters", "Letter {number} cannot be reproduced: its stored "
                                             "text does not match.").format(
            number=letter["number"]))
    write_pdf([text], Path(path))
    return Path(path)
