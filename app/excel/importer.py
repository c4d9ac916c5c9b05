"""Importing rosters: inspect, dry run, then all or nothing.

1. ``inspect(db, path)`` reads the workbook (after the safety checks), finds
   each sheet's header and proposes a column mapping (the one remembered for
   this header, if any). The user confirms or corrects it (``SheetPlan.set_field``).
2. ``preview(db, plan)`` checks every row and sorts them into create,
   duplicate in the file, duplicate of the register (changed or unchanged)
   and reject - nothing is written.
3. ``run(db, operator_id, plan, choices)`` does it again inside one
   transaction and writes: new subjects in bulk (executemany, journaled by
   ``ChangeSet.journal_inserted``), duplicates as chosen per row - skip,
   update fields, or keep existing (fill only empty fields). Cancel or any
   failure rolls everything back. Importing the same file twice changes
   nothing the second time: every row is then an unchanged duplicate.

Rejected rows, and columns that hold data but are not imported, go to a
validation report workbook (report.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import operator
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlite_utils import Database

from app import search
from app.accounts.permissions import require
from app.errors import UserError
from app.excel import mapping, roster_places
from app.excel.mapping import SheetPlan, normalise_header
from app.excel.reader import Sheet, Workbook, read_workbook
from app.excel.validate import ImportRow, Lookups, Validator, is_skippable
from app.i18n import translate
from app.jobs import NO_JOB, Job
from app.journal import changes, new_id, new_ids
from app.legal_rep_links import link_to_legal_rep
from app.pinyin import person_sort_key, text_sort_key
from app.places import match_village
from app.rating.review_queue import flag_for_review

CHOICES = ("skip", "update", "keep")
ORDER = {"households": 0, "organizations": 1, "members": 2, "records": 3}

_HOUSEHOLD_FIELDS = ("village_id", "group_id", "head_name", "head_sex", "head_id_number",
                     "head_birth_date", "phone", "address", "members", "labor",
                     "land_area_centimu", "main_industry", "annual_income_fen", "assets_fen",
                     "loan_balance_fen", "overdue_fen", "note")
_ORG_FIELDS = ("kind", "name", "uscc", "uscc_override_reason", "legal_rep_name",
               "legal_rep_id_number", "phone", "address", "village_id", "members_count",
               "registered_capital_fen", "business_scope", "note")
_RECORD_FIELDS = ("subject_id", "category", "polarity", "severity", "title", "content",
                  "source_department", "document_number", "decision_date", "publicity_end",
                  "status")
# Which clean columns come from which mapped field (for "given" and differences).
_SOURCE = {"village_id": "village", "group_id": "group", "head_sex": "head_id_number",
           "head_birth_date": "head_id_number", "land_area_centimu": "land_area",
           "annual_income_fen": "annual_income", "assets_fen": "assets",
           "loan_balance_fen": "loan_balance", "overdue_fen": "overdue",
           "registered_capital_fen": "registered_capital"}


@dataclass
class ImportPlan:
    path: Path
    workbook: Workbook
    sheets: list[SheetPlan]
    default_village_id: str | None = None

    def active(self) -> list[SheetPlan]:
        return [p for p in self.sheets if p.kind and p.visible and not p.missing_required()]

    def choose_village(self, db: Database, village_id: str) -> None:
        """The official's choice for sheets whose rows name their village nowhere."""
        self.default_village_id = village_id
        for p in self.sheets:
            roster_places.choose_village(db, p, village_id)

    def unmapped_columns(self) -> list[dict]:
        return [u for p in self.active() for u in p.unmapped]

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.path), "format": self.workbook.format,
                "sheets": [p.as_dict() | {"visible": p.visible, "note": p.note,
                                          "missing": [f.header for f in p.missing_required()]}
                           for p in self.sheets],
                "unmapped_columns": self.unmapped_columns()}


def inspect(db: Database, path: str | Path, *, job: Job | None = None) -> ImportPlan:
    """Read ``path`` safely and propose how to import each sheet.

    Each sheet to import is read through once here (its columns with data
    are counted; a sheet too large for calamine is parsed and kept for the
    dry run and the import), with progress and cancel through ``job``."""
    job = job or NO_JOB
    book = read_workbook(path, stream=True)
    plans = []
    finder = roster_places.PlaceFinder(db)
    for sheet in book.sheets:
        plan = mapping.detect(sheet)
        plan = mapping.apply_remembered(db, plan)
        if plan.kind and sheet.visible:
            sheet.filled_counts(plan.first_data_row, lambda done, total: job.step(
                done, total, translate("Excel", "Reading rows")))
        refresh(finder, sheet, plan, path)
        if not sheet.visible:
            plan.note = translate("Excel", "Hidden sheet: not imported.")
        elif plan.kind and plan.missing_required():
            plan.note = translate("Excel", "Columns not found: {names}. Map them to import "
                                           "this sheet.").format(
                names="、".join(f.header for f in plan.missing_required()))
        plans.append(plan)
    if not any(p.kind and p.visible for p in plans):
        raise UserError(translate(
            "Excel", "No sheet of {name} has a header row this program recognises (e.g. 户主姓名 "
                     "and 身份证号码). Use the import template, or rename the columns.").format(
            name=Path(path).name))
    return ImportPlan(Path(path), book, plans)


def refresh(finder: "roster_places.PlaceFinder", sheet, plan: SheetPlan, path) -> None:
    """Places and unmapped columns of a sheet; again after the user changed its mapping."""
    plan.village_id = plan.group_id = None
    plan.village_name = plan.group_name = plan.place_note = ""
    plan.village_source = plan.group_source = ""
    roster_places.detect(finder, sheet, plan, path)
    plan.unmapped = mapping.find_unmapped(sheet, plan) if plan.visible else []


# Rows checked, and in a real import written, together: a household's member
# rows never straddle two chunks. 10,000 rows of checked values are ~15 MiB.
CHUNK_ROWS = 10_000
# A dry run keeps the first this many checked rows whole, so a small file can
# be looked at row by row (``Outcome.rows``); beyond it only counts are kept.
KEEP_ROWS = 10_000
# Unchanged duplicates listed in the dry run (all are counted).
KEEP_UNCHANGED = 2_000


@dataclass
class Outcome:
    """What the import does, or would do, with the rows of a file.

    Every row is counted (``tally``); kept whole is only what someone must
    see or choose about - rejected rows with their cells (for the validation
    report), duplicates - and the first ``keep`` rows checked, never every
    row: a county roster would not fit in memory.
    """
    rows: list[ImportRow] = field(default_factory=list)        # the first ``keep`` rows
    rejects: list[ImportRow] = field(default_factory=list)
    duplicates: list[ImportRow] = field(default_factory=list)  # in the file, or changed in the register
    unchanged: list[ImportRow] = field(default_factory=list)   # the first KEEP_UNCHANGED
    cells: dict[tuple[str, int], list[Any]] = field(default_factory=dict)  # a reject's cells
    tally: Counter = field(default_factory=Counter)            # rows by action
    members_new: int = 0        # member rows that come with a new household
    keep: int = KEEP_ROWS
    skipped_rows: int = 0

    def by_action(self, action: str) -> list[ImportRow]:
        if action == "reject":
            return list(self.rejects)
        if action == "unchanged":
            return list(self.unchanged)
        if action in ("duplicate_file", "duplicate_register"):
            return [r for r in self.duplicates if r.action == action]
        return [r for r in self.rows if r.action == action]

    def counts(self) -> dict[str, int]:
        c = self.tally
        return {"create": c["create"], "duplicates_in_file": c["duplicate_file"],
                "duplicates_in_register": c["duplicate_register"], "unchanged": c["unchanged"],
                "rejected": c["reject"], "members": c["member"]}


@contextlib.contextmanager
def _no_gc():
    """Checking 100,000 rows makes millions of small objects; Python's cyclic
    collector would walk the heap again and again. The only cycles (a head
    and its member rows) are broken once their chunk is written."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _data_rows(sheet: Sheet, plan: SheetPlan) -> Iterator[tuple[int, list[Any]]]:
    """(spreadsheet row number, cells) of the data rows, streamed from the file;
    blank rows, totals, notes and repeated headers left out (``Validator.rows``
    for a sheet whose rows are not all in memory)."""
    header_keys = {normalise_header(c.label) for c in plan.columns if c.label}
    header_keys |= {normalise_header(p) for c in plan.columns for p in c.label.split("/")}
    header_raw = frozenset(str(v).strip() for r in plan.header_rows if r < len(sheet.rows)
                           for v in sheet.rows[r] if v != "")
    start = plan.first_data_row
    for number, values in enumerate(sheet.iter_rows(start), start + 1):
        if not is_skippable(values, header_keys, header_raw):
            yield number, values


def _fresh_ids() -> Iterator[str]:
    while True:
        yield from new_ids(CHUNK_ROWS)


class _Checker:
    """Checks a plan's rows and hands them out chunk by chunk (``chunks``).

    What outlives a chunk is only what later rows are decided by: per kind,
    each subject key -> (sheet, row, subject id) of its first row; every ID
    number seen -> its row; and what ``Outcome`` keeps. A workbook with a
    separate member sheet is checked as one chunk: a bad row there rejects
    its household, which another sheet holds.
    """

    def __init__(self, db: Database, plan: ImportPlan, *, today: dt.date | None, job: Job,
                 outcome: Outcome):
        self.db = db
        self.look = Lookups(db)
        self.check = Validator(db, self.look, today=today,
                               default_village_id=plan.default_village_id)
        self.outcome = outcome
        self.job = job
        sheets = {s.name: s for s in plan.workbook.sheets}
        self.sheets = [(sheets[p.sheet], p)
                       for p in sorted(plan.active(), key=lambda p: ORDER[p.kind])]
        self.one_piece = any(p.kind == "members" for _, p in self.sheets)
        self.total = sum(max(s.total - p.first_data_row, 0) for s, p in self.sheets) or 1
        self.firsts: dict[str, dict[str, Any]] = {kind: {} for kind in ORDER}
        self.person_ids: dict[str, int] = {}      # ID number -> row; negative: a member row
        self.new_households: dict[str, ImportRow] = {}   # one piece only (member sheets)
        self.subjects: dict[str, str] | None = None
        self.ids = _fresh_ids()
        self.done = 0

    def households_expected(self) -> int:
        return sum(max(s.total - p.first_data_row, 0) for s, p in self.sheets
                   if p.kind == "households")

    def chunks(self) -> Iterator[list[ImportRow]]:
        pending: list[tuple[ImportRow, list[Any]]] = []
        for sheet, p in self.sheets:
            last_head: ImportRow | None = None
            for number, values in _data_rows(sheet, p):
                self.done += 1
                if self.done % 2000 == 0:
                    self.job.step(min(self.done, self.total), self.total,
                                  translate("Excel", "Checking rows"))
                row = self._row(p, number, values, last_head)
                if row.kind == "member":
                    pending.append((row, values))
                    continue
                if len(pending) >= CHUNK_ROWS and not self.one_piece:
                    yield from self._hand_out(pending)
                    pending = []
                if row.kind == "records":
                    row = self.check.record(p, number, values, self._subjects())
                elif row.kind == "households":
                    last_head = row
                pending.append((row, values))
                self._decide(row)
                if row.action == "create":
                    row.values["id"] = next(self.ids)
                    if self.one_piece and row.kind == "households":
                        self.new_households[row.key] = row
            if pending and not self.one_piece:   # records see every subject written
                yield from self._hand_out(pending)
                pending = []
        if pending:
            yield from self._hand_out(pending)

    def _hand_out(self, pending: list[tuple[ImportRow, list[Any]]]) -> Iterator[list[ImportRow]]:
        rows = self._finish(pending)
        yield rows
        for row in rows:   # the only cycles (head <-> member rows): broken, not collected
            row.parent = None

    def _row(self, p: SheetPlan, number: int, values: list[Any],
             last_head: ImportRow | None) -> ImportRow:
        """The checked row; a member row attached to its head. A record row is
        checked by the caller, once the chunk before it is finished."""
        check = self.check
        if p.kind == "households":
            row = check.household(p, number, values)
            if row.values.get("relation", "head") != "head":
                check.household_member_row(row, p)
                self._attach(row, last_head)
            return row
        if p.kind == "organizations":
            return check.organization(p, number, values)
        if p.kind == "members":
            row = check.member(p, number, values)
            head = self.new_households.get(row.key or "")
            if head is None and row.key in self.look.heads:
                row.existing_id = self.look.heads[row.key]
            elif head is None and not row.problems:
                row.reject(p.field_columns().get("head_id_number"), translate(
                    "Excel", "No household with the head's ID number {number} is in the "
                             "register or in this file.").format(number=row.key))
            self._attach(row, head, existing_household=row.existing_id)
            return row
        return ImportRow(p.sheet, number, "records")

    def _subjects(self) -> dict[str, str]:
        """ID number or USCC -> subject id, the register's and this file's."""
        if self.subjects is None:
            self.subjects = {**self.look.heads, **self.look.usccs}
            for kind in ("households", "organizations"):
                for key, first in self.firsts[kind].items():
                    subject = _first_subject(first)
                    if subject:
                        self.subjects[key] = subject
        return self.subjects

    def _attach(self, row: ImportRow, head: ImportRow | None,
                existing_household: str | None = None) -> None:
        row.kind = "member"
        row.action = "member"
        row.parent = head
        number = row.values.get("id_number")
        if head is None and existing_household is None:
            if not row.problems:
                row.reject(None, translate("Excel", "This member row comes before any head of "
                                                    "household row."))
            return
        if number:
            other = self.person_ids.get(number)
            if other is not None:
                row.reject(None, translate("Excel", "The ID number {number} already appears in "
                                                    "row {row}.").format(number=number,
                                                                         row=abs(other)))
                return
            holder = self.look.heads.get(number) or self.look.member_ids.get(number)
            target = existing_household or (head.existing_id if head else None)
            if holder and holder != target:
                row.reject(None, translate("Excel", "The ID number {number} is already "
                                                    "registered in another household.").format(
                    number=number))
                return
            self.person_ids[number] = -row.row
        if head is not None:
            head.members.append(row)

    def _decide(self, row: ImportRow) -> None:
        if row.problems:
            row.action = "reject"
            return
        firsts = self.firsts[row.kind]
        first = firsts.get(row.key) if row.key else None
        if first is not None:
            row.action = "duplicate_file"
            row.first = first if isinstance(first, ImportRow) else ImportRow(
                first[0], first[1], row.kind, existing_id=first[2])
            return
        if row.key:
            firsts[row.key] = row
        look = self.look
        if row.kind == "households":
            other = self.person_ids.get(row.key)
            if other is not None and other < 0:
                row.reject(None, translate("Excel", "The ID number {number} is also listed as a "
                                                    "member in row {row}.").format(
                    number=row.key, row=-other))
                row.action = "reject"
                return
            self.person_ids[row.key] = row.row
            if row.key in look.member_ids and row.key not in look.heads:
                row.reject(None, translate("Excel", "The ID number {number} is registered as a "
                                                    "member of another household.").format(
                    number=row.key))
                row.action = "reject"
                return
            existing = look.heads.get(row.key)
        elif row.kind == "organizations":
            existing = look.usccs.get(row.key)
        else:
            existing = row.key if row.key and tuple(row.key.split("|")) in look.record_keys \
                else None
            if existing:
                row.action = "unchanged"
                return
        if existing:
            row.action = "duplicate_register"
            row.existing_id = existing
        else:
            row.action = "create"

    def _finish(self, pending: list[tuple[ImportRow, list[Any]]]) -> list[ImportRow]:
        """Decide what only a whole chunk tells, and keep what must outlive it.
        (Each pass is a comprehension over the chunk: this runs for every row.)"""
        rows = [row for row, _ in pending]
        # A household is rejected whole when any of its member rows is.
        bad = [row for row in rows if row.problems]
        for row in bad:
            if row.kind == "member" and row.parent is not None \
                    and row.parent.action == "create":
                row.parent.reject(None, translate(
                    "Excel", "Member row {row} has errors; the household is imported with all "
                             "its members or not at all.").format(row=row.row))
                row.parent.action = "reject"
                bad = None
        if bad is None:
            bad = [row for row in rows if row.problems]
        for row in bad:
            row.action = "reject"
        _differences(self.db, [r for r in rows if r.action == "duplicate_register"])
        out = self.outcome
        out.tally.update(map(_action, rows))
        if bad:
            out.rejects.extend(bad)
            out.cells.update(((row.sheet, row.row), values) for row, values in pending
                             if row.action == "reject")
        out.duplicates.extend(r for r in rows if r.action in ("duplicate_file",
                                                               "duplicate_register"))
        if len(out.unchanged) < KEEP_UNCHANGED:
            out.unchanged.extend(r for r in rows if r.action == "unchanged")
            del out.unchanged[KEEP_UNCHANGED:]
        out.members_new += sum(1 for r in rows if r.action == "member"
                               and r.parent is not None and r.parent.action == "create")
        if len(out.rows) < out.keep:
            out.rows.extend(rows[:out.keep - len(out.rows)])
        if not self.one_piece:
            for row in rows:
                firsts = self.firsts.get(row.kind)
                if firsts is not None and row.key and firsts.get(row.key) is row:
                    firsts[row.key] = (row.sheet, row.row, row.values.get("id")
                                       if row.action == "create" else row.existing_id)
        return rows


_action = operator.attrgetter("action")


def _first_subject(first: Any) -> str | None:
    """The subject a first row became: a new id, the register's, or None (rejected)."""
    if isinstance(first, ImportRow):
        return first.values.get("id") if first.action == "create" else first.existing_id
    return first[2]


def _changes_for(row: ImportRow, existing: dict[str, Any], choice: str) -> dict[str, Any]:
    fields = _HOUSEHOLD_FIELDS if row.kind == "households" else _ORG_FIELDS
    out = {}
    for key in fields:
        if key not in row.values or key in ("head_id_number", "uscc"):
            continue
        source = _SOURCE.get(key, key)
        if source not in row.given:
            continue
        new = row.values[key]
        old = existing.get(key)
        if new in (None, "") or new == old:
            continue
        if choice == "keep" and old not in (None, "", 0):
            continue
        out[key] = new
    return out


def _new_members(row: ImportRow, existing_numbers: set[str], existing_names: set[str]) -> list:
    out = []
    for member in row.members:
        if member.problems:
            continue
        number = member.values.get("id_number")
        if (number and number in existing_numbers) or \
                (not number and member.values["name"] in existing_names):
            continue
        out.append(member)
    return out


def _differences(db: Database, dups: list[ImportRow]) -> None:
    """For register duplicates: which fields differ; none at all = unchanged."""
    for kind, table in (("households", "household"), ("organizations", "organization")):
        rows = [r for r in dups if r.kind == kind]
        for start in range(0, len(rows), 2000):
            chunk = rows[start:start + 2000]
            marks = ",".join("?" for _ in chunk)
            cursor = db.execute(f"SELECT * FROM [{table}] WHERE id IN ({marks})",
                                [r.existing_id for r in chunk])
            names = [d[0] for d in cursor.description]
            existing = {row[names.index("id")]: dict(zip(names, row)) for row in cursor}
            members: dict[str, list[tuple]] = {}
            if kind == "households":
                for hid, number, name in db.execute(
                        f"SELECT household_id, id_number, name FROM household_member "
                        f"WHERE household_id IN ({marks})", [r.existing_id for r in chunk]):
                    members.setdefault(hid, []).append((number, name))
            for r in chunk:
                current = existing[r.existing_id]
                r.differences = list(_changes_for(r, current, "update"))
                have = members.get(r.existing_id, [])
                if _new_members(r, {n for n, _ in have if n}, {m for _, m in have}):
                    r.differences.append("members")
                if not r.differences:
                    r.action = "unchanged"


def preview(db: Database, plan: ImportPlan, *, today: dt.date | None = None,
            job: Job | None = None) -> Outcome:
    """The dry run: what the import would do, writing nothing."""
    outcome = Outcome(keep=KEEP_ROWS)
    checker = _Checker(db, plan, today=today, job=job or NO_JOB, outcome=outcome)
    with _no_gc():
        for _ in checker.chunks():
            pass
    return outcome


# ------------------------------------------------------------------ writing

def run(db: Database, operator_id: str, plan: ImportPlan, *,
        choices: dict[str, str] | None = None, default_choice: str = "skip",
        today: dt.date | None = None, job: Job | None = None,
        report_dir: Path | None = None) -> dict[str, Any]:
    """Import in one transaction. ``choices`` maps a duplicate's ``ref``
    ('sheet!row') to skip, update or keep; others get ``default_choice``.

    Rows are checked and written a chunk at a time (``CHUNK_ROWS``), all in
    the one transaction: cancel or any failure rolls every chunk back."""
    require(db, operator_id, "register.import")
    job = job or NO_JOB
    choices = choices or {}
    if default_choice not in CHOICES:
        raise ValueError(default_choice)
    outcome = Outcome(keep=0)
    with changes(db, operator_id) as cs:
        checker = _Checker(db, plan, today=today, job=job, outcome=outcome)
        with _page_cache(db), _no_gc():
            writer = _Writer(cs, choices, default_choice, checker.households_expected())
            for chunk in checker.chunks():
                writer.write(chunk)
                job.step(min(checker.done, checker.total), checker.total,
                         translate("Excel", "Checking rows"))
            counts = writer.finish(job)
    for p in plan.active():
        mapping.remember(db, p)
    summary = summarise(outcome, counts)
    if outcome.rejects or plan.unmapped_columns():
        from app.excel.report import write_report

        summary["report"] = str(write_report(plan, outcome, report_dir))
    return summary


def summarise(outcome: Outcome, counts: dict[str, int] | None = None) -> dict[str, Any]:
    c = outcome.counts()
    rejected_rows = len(outcome.rejects)
    if counts is None:  # dry run: what would happen with every duplicate skipped
        counts = {"created": c["create"], "updated": 0,
                  "skipped_duplicates": c["duplicates_in_file"] + c["duplicates_in_register"]
                  + c["unchanged"], "members_created": outcome.members_new}
    return {**counts, "rejected": rejected_rows,
            "duplicates_in_file": c["duplicates_in_file"],
            "duplicates_in_register": c["duplicates_in_register"] + c["unchanged"],
            "unchanged": c["unchanged"]}


class _Writer:
    """Writes checked chunks in the caller's transaction.

    New subjects go in chunk by chunk. Updates of subjects already written -
    register duplicates the user chose to update or keep, a duplicate whose
    first row went in with an earlier chunk, members for households in the
    register - wait for ``finish``, when the indexes set aside are back.
    """

    def __init__(self, cs, choices: dict[str, str], default: str, households: int):
        self.cs = cs
        self.choices = choices
        self.default = default
        self.created = self.updated = self.skipped = self.members_created = 0
        self.later: list[tuple[ImportRow, str]] = []
        self.extra: dict[str, list[ImportRow]] = {}
        self.names: set[str] = set()    # indexed for search by this import already
        self.aside = _IndexesAside(cs.db, ("subject", "household", "journal"), households)

    def write(self, rows: list[ImportRow]) -> None:
        for row in rows:
            action = row.action
            if action == "duplicate_file":
                self._merge(row)
            elif action == "unchanged":
                self.skipped += 1
            elif action == "duplicate_register":
                choice = self.choices.get(row.ref, self.default)
                if choice == "skip":
                    self.skipped += 1
                else:
                    self.later.append((row, choice))
            elif action == "member" and row.parent is None and row.existing_id:
                self.extra.setdefault(row.existing_id, []).append(row)
        creates = [r for r in rows if r.action == "create"]
        cs = self.cs
        households = [r for r in creates if r.kind == "households"]
        if any(r.members for r in households):
            self.aside.need_parent_keys()
        self.members_created += _insert_households(cs, households, self.names)
        organizations = [r for r in creates if r.kind == "organizations"]
        _insert_organizations(cs, organizations, self.names)
        records = [r for r in creates if r.kind == "records"]
        if records:
            self.aside.need_parent_keys()
        _insert_records(cs, records)
        self.created += len(households) + len(organizations) + len(records)

    def _merge(self, row: ImportRow) -> None:
        """A duplicate in the file goes into its first row: before that row is
        written when both are in one chunk, else as an update of what it became."""
        self.skipped += 1
        choice = self.choices.get(row.ref, self.default)
        if choice == "skip":
            return
        first = row.first
        if first.values:
            for key in row.values:
                source = _SOURCE.get(key, key)
                if source in row.given and (choice == "update" or source not in first.given):
                    first.values[key] = row.values[key]
                    first.given = first.given | {source}   # may be a set shared by many rows
            first.members.extend(m for m in row.members if not m.problems)
        elif first.existing_id and row.kind != "records":   # a record duplicate is the same record
            row.existing_id = first.existing_id
            self.later.append((row, "merge-" + choice))

    def finish(self, job: Job) -> dict[str, int]:
        self.aside.restore()
        cs, db = self.cs, self.cs.db
        job.step(0, 1, translate("Excel", "Updating existing records"))
        for row, choice in self.later:
            merged = choice.startswith("merge-")
            changed = _update_existing(cs, row, choice.removeprefix("merge-"))
            if changed and not merged:
                self.updated += 1
            elif not merged:
                self.skipped += 1
        # Members of a member sheet for households already in the register.
        for household_id, rows in self.extra.items():
            have = {n for (n,) in db.execute(
                "SELECT id_number FROM household_member WHERE household_id = ?", [household_id])}
            names = {n for (n,) in db.execute(
                "SELECT name FROM household_member WHERE household_id = ?", [household_id])}
            for m in rows:
                number = m.values.get("id_number")
                if (number and number in have) or (not number and m.values["name"] in names):
                    continue
                cs.insert("household_member", dict(m.values, id=new_id(),
                                                   household_id=household_id))
                _index_member(db, household_id, m.values)
                self.members_created += 1
        job.step(1, 1, translate("Excel", "Done"))
        return {"created": self.created, "updated": self.updated,
                "skipped_duplicates": self.skipped, "members_created": self.members_created}


@contextlib.contextmanager
def _page_cache(db: Database, kib: int = 65536):
    """A larger SQLite page cache while writing (64 MiB instead of the default
    2 MiB): the indexes a roster grows stay in memory instead of being read
    again for each row; halves the cost of inserting into them."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    if before < 0 and -before >= kib:
        yield
        return
    db.execute(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


def _update_existing(cs, row: ImportRow, choice: str) -> bool:
    table = "household" if row.kind == "households" else "organization"
    current = cs.get(table, row.existing_id)
    fields = _changes_for(row, current, choice)
    changed = False
    if fields:
        before, after = cs.update(table, row.existing_id, fields)
        keys = search.household_keys if table == "household" else search.organization_keys
        search.replace_keys(cs.db, before["sid"], keys(before), keys(after))
        search.index_names(cs.db, [after["head_name" if table == "household" else "name"]])
        changed = True
    if table == "household":
        have = list(cs.db.execute("SELECT id_number, name FROM household_member "
                                  "WHERE household_id = ?", [row.existing_id]))
        for m in _new_members(row, {n for n, _ in have if n}, {n for _, n in have}):
            cs.insert("household_member", dict(m.values, id=new_id(),
                                               household_id=row.existing_id))
            _index_member(cs.db, row.existing_id, m.values)
            changed = True
    return changed


def _index_member(db: Database, household_id: str, values: dict) -> None:
    sid = db.execute("SELECT sid FROM household WHERE id = ?", [household_id]).fetchone()[0]
    search.replace_keys(db, sid, set(), search.member_keys([values.get("id_number")]))
    search.index_names(db, [values.get("name") or ""])


def _next_sid(db: Database) -> int:
    return db.execute("SELECT COALESCE(MAX(sid), 0) + 1 FROM subject").fetchone()[0]


def _index_new_names(db: Database, names: list[str], seen: set[str]) -> None:
    """``search.index_names`` for the names this import has not indexed yet
    (a roster repeats common names chunk after chunk)."""
    new = set(names) - seen
    seen |= new
    search.index_names(db, new, sort=True)


def _insert_households(cs, rows: list[ImportRow], names: set[str]) -> int:
    if not rows:
        return 0
    db, at = cs.db, cs.at
    first_sid = _next_sid(db)
    member_mark = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM household_member").fetchone()[0]
    subjects, households, members, member_keys = [], [], [], []
    for sid, r in enumerate(rows, start=first_sid):
        v = r.values
        member_rows = [m for m in r.members if not m.problems] if r.members else ()
        count = v.get("members") or max(1, 1 + len(member_rows))
        subjects.append((sid, v["id"]))
        households.append((sid, v["id"], v["village_id"], v["group_id"], v["head_name"],
                           v["head_sex"], v["head_id_number"], v["head_birth_date"], v["phone"],
                           v["address"], count, v["labor"], v["land_area_centimu"],
                           v["main_industry"], v["annual_income_fen"], v["assets_fen"],
                           v["loan_balance_fen"], v["overdue_fen"], v["note"],
                           person_sort_key(v["head_name"]), at, at))
        for m in member_rows:
            mv = m.values
            members.append((new_id(), v["id"], mv["name"], mv["relation"], mv["sex"],
                            mv["id_number"], mv["birth_date"], at, at))
        if member_rows:
            member_keys.extend((k, sid) for k in search.member_keys(
                m.values["id_number"] for m in member_rows))
    db.conn.executemany("INSERT INTO subject (sid, id, kind) VALUES (?, ?, 'household')",
                        subjects)
    db.conn.executemany(
        "INSERT INTO household (sid, id, village_id, group_id, head_name, head_sex, "
        "head_id_number, head_birth_date, phone, address, members, labor, land_area_centimu, "
        "main_industry, annual_income_fen, assets_fen, loan_balance_fen, overdue_fen, "
        "note, name_sort, version, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)", households)
    cs.journal_inserted("household", "sid >= ?", [first_sid], bulk=len(rows))
    if members:
        db.conn.executemany(
            "INSERT INTO household_member (id, household_id, name, relation, sex, id_number, "
            "birth_date, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)", members)
        cs.journal_inserted("household_member", "rowid > ?", [member_mark], bulk=len(members))
    _household_search_keys(db, first_sid)
    db.conn.executemany("INSERT OR IGNORE INTO search_key (key, sid) VALUES (?, ?)",
                        sorted(member_keys))
    _index_new_names(db, [r.values["head_name"] for r in rows] + [m[2] for m in members], names)
    return len(members)


class _IndexesAside:
    """Drop the indexes of tables an import at least as large as them is
    loaded into, and build them again after it, in the caller's transaction.

    Each new row costs a random descent per index (five on household: the
    UUID, the ID number, names); building an index afterwards sorts once,
    ~5x faster for a first roster (bench/bench_excel.py). A unique index
    built again still refuses duplicates, failing the whole import. On a
    register much larger than the roster, rebuilding would cost more than it
    saves, so the indexes stay. Set aside for the whole import, not per
    chunk, so each index is built once.
    """

    def __init__(self, db: Database, tables: tuple[str, ...], adding: int):
        self.db = db
        self.saved: list[str] = []
        self.parents: list[str] = []    # unique indexes child rows point at (household.id)
        parents = None
        for table in tables:
            have = db.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM [{table}]").fetchone()[0]
            if adding < max(have, 1000):
                continue
            if parents is None:
                parents = _parent_keys(db)
            for name, sql in db.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND sql IS NOT NULL AND tbl_name = ?", [table]).fetchall():
                columns = [c[2] for c in db.execute(f"PRAGMA index_info([{name}])")]
                parent = len(columns) == 1 and (table, columns[0]) in parents
                db.execute(f"DROP INDEX [{name}]")
                (self.parents if parent else self.saved).append(sql)

    def need_parent_keys(self) -> None:
        """Before the first child row (a member, a record): SQLite checks a
        foreign key through its parent's unique index, so that comes back first."""
        for sql in self.parents:
            self.db.execute(sql)
        self.parents = []

    def restore(self) -> None:
        self.need_parent_keys()
        for sql in self.saved:
            self.db.execute(sql)
        self.saved = []


def _parent_keys(db: Database) -> set[tuple[str, str]]:
    """(table, column) of every foreign key's parent: SQLite needs their unique
    index to write a child row (household_member -> household.id)."""
    out = set()
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in db.execute(f"PRAGMA foreign_key_list([{table}])"):
            out.add((fk[2], fk[4]))
    return out


def _household_search_keys(db: Database, first_sid: int) -> None:
    """``search.household_keys`` of every new household, made and sorted inside
    SQLite (a 100,000-row roster has 400,000 keys: sorting them as Python
    tuples took longer than inserting them)."""
    db.conn.create_function("reversed_text", 1, lambda s: s[::-1] if s else s,
                            deterministic=True)
    db.execute(
        "INSERT OR IGNORE INTO search_key (key, sid) SELECT key, sid FROM ("
        "SELECT 'd:' || reversed_text(head_id_number) AS key, sid FROM household WHERE sid >= ?1 "
        "UNION ALL SELECT 't:' || reversed_text(phone), sid FROM household "
        "WHERE sid >= ?1 AND phone IS NOT NULL AND phone != '' "
        "UNION ALL SELECT 'T:' || phone, sid FROM household "
        "WHERE sid >= ?1 AND phone IS NOT NULL AND phone != '') ORDER BY key",
        [first_sid])


def _insert_organizations(cs, rows: list[ImportRow], names: set[str]) -> None:
    if not rows:
        return
    db, at = cs.db, cs.at
    first_sid = _next_sid(db)
    subjects, orgs, keys = [], [], []
    for offset, r in enumerate(rows):
        v = r.values
        sid = first_sid + offset
        subjects.append((sid, v["id"]))
        orgs.append((sid, v["id"], *[v[k] for k in _ORG_FIELDS], text_sort_key(v["name"]),
                     at, at))
        keys.extend((k, sid) for k in search.organization_keys(v))
    db.conn.executemany("INSERT INTO subject (sid, id, kind) VALUES (?, ?, 'organization')",
                        subjects)
    db.conn.executemany(
        f"INSERT INTO organization (sid, id, {', '.join(_ORG_FIELDS)}, name_sort, version, "
        f"created_at, updated_at) VALUES (?, ?, {', '.join('?' for _ in _ORG_FIELDS)}, ?, 1, "
        f"?, ?)", orgs)
    cs.journal_inserted("organization", "sid >= ?", [first_sid])
    db.conn.executemany("INSERT OR IGNORE INTO search_key (key, sid) VALUES (?, ?)", sorted(keys))
    _index_new_names(db, [r.values["name"] for r in rows]
                     + [r.values.get("legal_rep_name") or "" for r in rows], names)


def _insert_records(cs, rows: list[ImportRow]) -> None:
    if not rows:
        return
    db, at = cs.db, cs.at
    mark = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM credit_record").fetchone()[0]
    db.conn.executemany(
        f"INSERT INTO credit_record (id, {', '.join(_RECORD_FIELDS)}, version, created_at, "
        f"updated_at) VALUES (?, {', '.join('?' for _ in _RECORD_FIELDS)}, 1, ?, ?)",
        [(r.values["id"], *[r.values[k] for k in _RECORD_FIELDS], at, at) for r in rows])
    cs.journal_inserted("credit_record", "rowid > ?", [mark])
    _flag_negative(cs, [r for r in rows if r.values["polarity"] == "negative"])


def _flag_negative(cs, rows: list[ImportRow]) -> None:
    """A new negative record queues the household for rating review, and an
    organization's reaches its legal representative, as one typed in the form."""
    for subject_id in dict.fromkeys(r.values["subject_id"] for r in rows):
        flag_for_review(cs.db, cs, subject_id, translate(
            "Excel", "New negative credit record imported from a spreadsheet"), "excel_import")
    for r in rows:
        if r.values["status"] == "public":
            link_to_legal_rep(cs, source_kind="credit_record", source_id=r.values["id"],
                              subject_id=r.values["subject_id"], title=r.values["title"],
                              decided_on=r.values["decision_date"])


def find_village(db: Database, name: str) -> str:
    village = match_village(db, name)
    if village is None:
        raise UserError(translate("Excel", "There is no village '{value}' in the register. "
                                           "Check the name, or add the village under Places "
                                           "first.").format(value=name))
    return village
