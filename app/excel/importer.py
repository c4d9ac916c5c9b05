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
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlite_utils import Database

from app import pdf_fonts, search
from app.accounts.permissions import require
from app.errors import UserError
from app.excel import import_store, mapping, roster_places
from app.excel.import_store import ORG_FIELDS, RECORD_FIELDS, SOURCE, changes_for, new_members
from app.excel.mapping import SheetPlan, normalise_header
from app.excel.reader import Sheet, Workbook, read_workbook
from app.excel.validate import ImportRow, Lookups, Validator, is_skippable
from app.i18n import translate
from app.jobs import NO_JOB, Job
from app.journal import new_id, new_ids, utc_now
from app.pinyin import person_sort_key, text_sort_key
from app.places import match_village

CHOICES = ("skip", "update", "keep")
ORDER = {"households": 0, "organizations": 1, "members": 2, "records": 3}



@dataclass
class ImportPlan:
    path: Path
    workbook: Workbook
    sheets: list[SheetPlan]
    default_village_id: str | None = None
    # Started ahead for a large file (app/excel/import_store.py); used by the
    # first ``run``, else it ends with the plan.
    writer: "import_store.Writer | None" = None

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
    writer = import_store.warm_writer(db, Path(path))   # starts while the file is read
    # Loaded while calamine parses, which leaves Python free (no GIL held).
    fonts = threading.Thread(target=_warm_up, name="import warm-up", daemon=True)
    fonts.start()
    try:
        plan = _read_plan(db, path, job or NO_JOB)
    except BaseException:
        if writer is not None:
            writer.close()
        raise
    finally:
        fonts.join()
    plan.writer = writer
    return plan


def _warm_up() -> None:
    """What an import needs, loaded ahead: the printing font's character set
    (every name is checked against it: 0.05-0.1 s at the first name) and
    xlsxwriter for the report an import with rejected rows ends with (0.02 s
    after the commit, when the import is otherwise done)."""
    pdf_fonts.warm()
    from app.excel import report  # noqa: F401


def _read_plan(db: Database, path: str | Path, job: Job) -> ImportPlan:
    book = read_workbook(path, stream=True)
    plans = []
    finder = roster_places.PlaceFinder(db)
    for sheet in book.sheets:
        plan = mapping.detect(sheet)
        plan = mapping.apply_remembered(db, plan)
        if plan.kind and sheet.visible and sheet.reader == "openpyxl":
            # Parsed once through here (counting its columns' cells, its
            # rows kept for the next passes), with progress: the slow part
            # of opening a sheet too large for calamine.
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
# rows never straddle two chunks. 5,000 rows of checked values are ~8 MiB; a
# chunk this size keeps more of the work in the processor's cache than 10,000
# (100,000 rows ~0.25 s faster, bench/bench_excel.py).
CHUNK_ROWS = 5_000
# The first chunk is small: the writing process (app/excel/import_store.py)
# starts on it sooner, instead of waiting for a whole chunk's checks.
FIRST_CHUNK_ROWS = 2_000
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
    and its member rows) are broken once their chunk is written.

    On the way out the collector runs once, here: else its first pass after
    being enabled again walks every object made meanwhile that is still
    alive, wherever the next allocation happens to be (0.08 s at 100,000
    rows, found between an import's last chunk and its commit)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect()


def _expected(plan: ImportPlan) -> tuple[int, int]:
    """(household rows, all rows) a plan's sheets hold, blank ones included."""
    sheets = {s.name: s for s in plan.workbook.sheets}
    counts = [(p.kind, max(sheets[p.sheet].total - p.first_data_row, 0)) for p in plan.active()]
    return (sum(n for kind, n in counts if kind == "households"),
            sum(n for _, n in counts) or 1)


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


def _fresh_ids(count: int) -> Iterator[str]:
    """New ids for up to ``count`` rows, ascending (random version 4 UUIDs,
    sorted): the indexes on ids take them as appends instead of rebuilding
    (app/excel/import_store.py ``_IndexesAside``). Some 9 MB at 100,000 rows."""
    yield from sorted(new_ids(count))
    while True:   # not reached: ``count`` is every data row of the plan
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
        self.total = _expected(plan)[1]
        self.firsts: dict[str, dict[str, Any]] = {kind: {} for kind in ORDER}
        self.person_ids: dict[str, int] = {}      # ID number -> row; negative: a member row
        self.new_households: dict[str, ImportRow] = {}   # one piece only (member sheets)
        self.subjects: dict[str, str] | None = None
        self.ids = _fresh_ids(self.total)
        self.done = 0

    def chunks(self) -> Iterator[list[ImportRow]]:
        pending: list[tuple[ImportRow, list[Any]]] = []
        limit = FIRST_CHUNK_ROWS
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
                if len(pending) >= limit and not self.one_piece:
                    limit = CHUNK_ROWS
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
                r.differences = list(changes_for(r, current, "update"))
                have = members.get(r.existing_id, [])
                if new_members(r, {n for n, _ in have if n}, {m for _, m in have}):
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
    the one transaction: cancel or any failure rolls every chunk back. A
    large roster is written by a process of its own while this one checks
    (app/excel/import_store.py)."""
    require(db, operator_id, "register.import")
    job = job or NO_JOB
    choices = choices or {}
    if default_choice not in CHOICES:
        raise ValueError(default_choice)
    outcome = Outcome(keep=0)
    households, rows = _expected(plan)
    at = utc_now()
    started, plan.writer = plan.writer, None
    store = import_store.open_store(db, operator_id, at, households, rows, started)
    try:
        with _no_gc():
            checker = _Checker(db, plan, today=today, job=job, outcome=outcome)
            writer = _Writer(store, at, choices, default_choice)
            chunk: list[ImportRow] = []
            for chunk in checker.chunks():
                writer.write(chunk)
                job.step(min(checker.done, checker.total), checker.total,
                         translate("Excel", "Checking rows"))
            # What the checks kept (every row's key) is freed, and the
            # collector's pass made, while a writing process catches up.
            del checker, chunk
        memories = [m for p in plan.active() if (m := mapping.memory(p))]
        counts = writer.finish(job, memories)
    except BaseException as error:
        store.abort(error)
        raise
    store.commit()
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
    """Lays checked chunks out as the tables hold them and hands them to the
    store (app/excel/import_store.py), which writes them in its transaction.

    New subjects go in chunk by chunk, numbered here, with their search keys
    and the name keys not yet made by this import. Updates of subjects
    already written - register duplicates the user chose to update or keep,
    a duplicate whose first row went in with an earlier chunk, members for
    households in the register - wait for ``finish``, when the indexes set
    aside are back.
    """

    def __init__(self, store, at: str, choices: dict[str, str], default: str):
        self.store = store
        self.at = at
        self.next_sid: int | None = None   # asked of the store when first needed
        self.choices = choices
        self.default = default
        self.created = self.updated = self.skipped = self.members_created = 0
        self.later: list[tuple[ImportRow, str]] = []
        self.extra: dict[str, list[ImportRow]] = {}
        self.names: set[str] = set()    # given keys by this import already

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
        households = [r for r in creates if r.kind == "households"]
        if households:
            self._households(households)
        organizations = [r for r in creates if r.kind == "organizations"]
        if organizations:
            self._organizations(organizations)
        records = [r for r in creates if r.kind == "records"]
        if records:
            self.store.records(
                [(r.values["id"], *[r.values[k] for k in RECORD_FIELDS], self.at, self.at)
                 for r in records],
                [r.values for r in records if r.values["polarity"] == "negative"])
        self.created += len(households) + len(organizations) + len(records)

    def _sids(self, count: int) -> int:
        if self.next_sid is None:
            self.next_sid = self.store.next_sid
        first = self.next_sid
        self.next_sid += count
        return first

    def _households(self, rows: list[ImportRow]) -> None:
        at = self.at
        households, members, member_keys = [], [], []
        for sid, r in enumerate(rows, start=self._sids(len(rows))):
            v = r.values
            member_rows = [m for m in r.members if not m.problems] if r.members else ()
            count = v.get("members") or max(1, 1 + len(member_rows))
            households.append((sid, v["id"], v["village_id"], v["group_id"], v["head_name"],
                               v["head_sex"], v["head_id_number"], v["head_birth_date"],
                               v["phone"], v["address"], count, v["labor"],
                               v["land_area_centimu"], v["main_industry"],
                               v["annual_income_fen"], v["assets_fen"], v["loan_balance_fen"],
                               v["overdue_fen"], v["note"], person_sort_key(v["head_name"]),
                               at, at))
            for m in member_rows:
                mv = m.values
                members.append((new_id(), v["id"], mv["name"], mv["relation"], mv["sex"],
                                mv["id_number"], mv["birth_date"], at, at))
            if member_rows:
                member_keys.extend((k, sid) for k in search.member_keys(
                    m.values["id_number"] for m in member_rows))
        member_keys.sort()
        self.members_created += len(members)
        self.store.households(households, members, member_keys, self._new_names(
            [r.values["head_name"] for r in rows] + [m[2] for m in members]))

    def _organizations(self, rows: list[ImportRow]) -> None:
        at = self.at
        organizations, keys = [], []
        for sid, r in enumerate(rows, start=self._sids(len(rows))):
            v = r.values
            organizations.append((sid, v["id"], *[v[k] for k in ORG_FIELDS],
                                  text_sort_key(v["name"]), at, at))
            keys.extend((k, sid) for k in search.organization_keys(v))
        keys.sort()
        self.store.organizations(organizations, keys, self._new_names(
            [r.values["name"] for r in rows] + [r.values.get("legal_rep_name") or ""
                                                for r in rows]))

    def _new_names(self, names: list[str]) -> list[tuple[str, str]]:
        """Name-key rows of the names this import has not given keys yet (a
        roster repeats common names chunk after chunk). Made here: writing a
        chunk takes longer than checking one, so this side has time to spare."""
        new = set(names) - self.names
        self.names |= new
        return search.name_rows(new)

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
                source = SOURCE.get(key, key)
                if source in row.given and (choice == "update" or source not in first.given):
                    first.values[key] = row.values[key]
                    first.given = first.given | {source}   # may be a set shared by many rows
            first.members.extend(m for m in row.members if not m.problems)
        elif first.existing_id and row.kind != "records":   # a record duplicate is the same record
            row.existing_id = first.existing_id
            self.later.append((row, "merge-" + choice))

    def finish(self, job: Job, memories: list[tuple[str, dict]]) -> dict[str, int]:
        """The updates at the end, and the sheets' mappings remembered (``memories``)."""
        job.step(0, 1, translate("Excel", "Updating existing records"))
        done = self.store.finish(self.later, self.extra, memories)
        self.updated += done["updated"]
        self.skipped += done["skipped"]
        self.members_created += done["members_created"]
        job.step(1, 1, translate("Excel", "Done"))
        return {"created": self.created, "updated": self.updated,
                "skipped_duplicates": self.skipped, "members_created": self.members_created}


def find_village(db: Database, name: str) -> str:
    village = match_village(db, name)
    if village is None:
        raise UserError(translate("Excel", "There is no village '{value}' in the register. "
                                           "Check the name, or add the village under Places "
                                           "first.").format(value=name))
    return village
