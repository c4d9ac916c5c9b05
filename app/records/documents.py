"""The document behind a code typed or scanned into the search box.

A printed commitment letter carries its number (510623105201-2026-00001) and
a QR code with its id; a credit report its number (XYBG-20261206-0001). The
official who types or scans one wants that paper on screen, not only the
household it belongs to: a letter is reproduced from its template version
and data (``app.letters.printing.reproduce``), a report is the PDF written
when it was issued, found by its fingerprint wherever it was saved. Either
view is entered in the query and use log.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import query_log
from app.accounts.permissions import require, require_letter_village
from app.errors import UserError
from app.i18n import translate
from app.letters import printing
from app.search import find_document


def _report_file(db: Database, report: dict[str, Any], reports_folder: Path) -> Path | None:
    """Where the report's PDF is, if it is still there unchanged."""
    candidates = [Path(folder) / name for folder, name in db.execute(
        "SELECT folder, name FROM file_unit WHERE kind = 'credit_report' AND state = 'done' "
        "AND sha256 = ? ORDER BY done_at DESC", [report["pdf_sha256"]])]
    candidates.append(reports_folder / f"{report['number']}.pdf")
    for path in candidates:
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() == report["pdf_sha256"]:
                return path
        except OSError:
            continue
    return None


def open_document(db: Database, operator_id: str, code: str, *, reports_folder: str | os.PathLike,
                  scratch: str | os.PathLike) -> dict[str, Any] | None:
    """The letter or report ``code`` names, as a PDF to show: {kind, id, number,
    subject_id, path}; None when the code is no document's.

    A letter is reproduced into ``scratch``; a report is looked up where it was
    saved (``reports_folder`` is the app's default). Permissions as for
    printing letters and issuing reports.
    """
    found = find_document(db, code)
    if found is None:
        return None
    if found["kind"] == "letter":
        require(db, operator_id, "register.view")
        require_letter_village(db, operator_id, found["id"])
        target = Path(scratch)
        target.mkdir(parents=True, exist_ok=True)
        path = printing.reproduce(db, found["id"], target / f"{found['number']}.pdf")
    else:
        require(db, operator_id, "reports.issue")
        report = db.execute("SELECT number, pdf_sha256 FROM credit_report WHERE id = ?",
                            [found["id"]]).fetchone()
        path = _report_file(db, {"number": report[0], "pdf_sha256": report[1]},
                            Path(reports_folder))
        if path is None:
            raise UserError(translate(
                "Report", "Credit report {number} is on file, but its PDF is no longer where it "
                          "was saved (or was changed since). Issue a new report if the "
                          "requester needs one.").format(number=found["number"]))
    query_log.log_use(db, operator_id, action=query_log.VIEW, subject_id=found["subject_id"],
                      purpose=translate("Report", "Opened from its printed number"),
                      detail={"document": found["kind"], "number": found["number"]})
    return {**found, "path": str(path)}
