"""Row-by-row checks of an import, with every lookup loaded once.

For speed on 100,000-row rosters nothing here queries the database per row:
villages, groups, registered ID numbers, USCCs and record keys are loaded
into dictionaries first (``Lookups``), and ID numbers take a fast path
(``normalise.id_number``). Each row becomes an ``ImportRow`` with its clean
values and, per rejected cell, the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator

from sqlite_utils import Database

from app import credit_policy
from app.excel import normalise as N
from app.excel.mapping import SheetPlan, normalise_header
from app.excel.reader import Sheet
from app.i18n import translate
from app.places import village_key
from app.rules import Checked
from app.rules import credit_record as record_rules
from app.rules import fields as F
from app.rules import household as household_rules
from app.rules import member as member_rules
from app.rules import organization as organization_rules

_BLANK_CELLS = frozenset(("", None))
_TOTALS = re.compile(r"^(合\s*计|总\s*计|小\s*计|累\s*计|共\s*计|合计数|总数)")
_NOTES = re.compile(r"^(注|备注|说明|填表人|填报人|制表|审核|负责人|联系人|填表说明|填报说明|"
                    r"填报单位|单位盖章|签字|日期)[:：\s]?")

@dataclass
class Problem:
    column: int | None      # 0-based column of the sheet; None: the row as a whole
    message: str


@dataclass(slots=True)   # 100,000 of them: no dict per row
class ImportRow:
    sheet: str
    row: int                # spreadsheet row number (1-based), as staff see it
    kind: str
    values: dict[str, Any] = field(default_factory=dict)
    given: set[str] | frozenset[str] = field(default_factory=set)  # fields with a value in the file
    members: list["ImportRow"] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    key: str | None = None  # what makes two rows the same subject or record
    name: str = ""
    action: str = ""        # create, duplicate_file, duplicate_register, unchanged, reject, member
    existing_id: str | None = None
    first: "ImportRow | None" = None
    differences: list[str] = field(default_factory=list)
    parent: "ImportRow | None" = None

    def reject(self, column: int | None, message: str) -> None:
        self.problems.append(Problem(column, message))

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{self.row}"


class Lookups:
    """Everything row checks need from the register, loaded once."""

    def __init__(self, db: Database):
        self.villages: dict[str, str] = {}
        self._village_cache: dict[str, str | None] = {}
        self.village_names: dict[str, str] = {}
        self.groups: dict[tuple[str, str], str] = {}
        self._group_cache: dict[tuple[str, Any], str | None] = {}
        for pid, level, code, name, parent in db.execute(
                "SELECT id, level, code, name, parent_id FROM place "
                "WHERE level IN ('village', 'village_group') AND retired_at IS NULL"):
            if level == "village":
                self.village_names[pid] = name
                for key in (code, N.compact(name)):
                    self.villages.setdefault(key, pid)
                # 青龙 for 青龙村; a short name two villages share finds neither.
                loose = "k:" + village_key(name)
                self.villages[loose] = None if loose in self.villages else pid
            else:
                self.groups[(parent, group_key(name))] = pid
        self.heads: dict[str, str] = dict(db.execute(
            "SELECT head_id_number, id FROM household"))
        self.member_ids: dict[str, str] = dict(db.execute(
            "SELECT id_number, household_id FROM household_member WHERE id_number IS NOT NULL"))
        self.usccs: dict[str, str] = dict(db.execute("SELECT uscc, id FROM organization"))
        self.policy = credit_policy.load(db)
        self.record_keys: set[tuple] = set()
        if db["credit_record"].exists():
            self.record_keys = {tuple(r) for r in db.execute(
                "SELECT subject_id, category, COALESCE(document_number, title), decision_date "
                "FROM credit_record")}

    def group(self, village_id: str, value: Any) -> str | None:
        """The group of ``village_id`` a non-blank cell names, None if it has none."""
        key = (village_id, value if type(value) is str else (type(value), value))
        try:
            return self._group_cache[key]
        except KeyError:
            found = self.groups.get((village_id, group_key(value)))
            if len(self._group_cache) < household_rules.MEMO_LIMIT:
                self._group_cache[key] = found
            return found
        except TypeError:   # an unhashable value: not from a spreadsheet cell
            return self.groups.get((village_id, group_key(value)))

    def village(self, value: Any) -> str | None:
        if N.blank(value):
            return None
        if type(value) is str:
            if value in self._village_cache:
                return self._village_cache[value]
            found = self._village_cache[value] = self._village(value)
            return found
        return self._village(value)

    def _village(self, value: Any) -> str | None:
        raw = N.compact(value)
        if raw in self.villages:
            return self.villages[raw]
        raw_code = N.code(value)
        if raw_code in self.villages:
            return self.villages[raw_code]
        for suffix in ("村", "社区", "村委会", "村民委员会"):
            if raw.endswith(suffix) and raw[: -len(suffix)] + "村" in self.villages:
                return self.villages[raw[: -len(suffix)] + "村"]
            if raw + suffix in self.villages:
                return self.villages[raw + suffix]
        return self.villages.get("k:" + village_key(raw))


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")


@functools.lru_cache(maxsize=4096)
def _group_key(raw: str) -> str:
    raw = unicodedata.normalize("NFKC", raw)
    raw = re.sub(r"^第", "", raw)
    raw = re.sub(r"(村民小组|小组|组|社|队)$", "", raw)
    if raw.isdigit():
        raw = _chinese_number(int(raw))
    return raw


def group_key(name: Any) -> str:
    """'3组', '三组', '第三村民小组', '3社', '3' -> '三'."""
    return _group_key(N.compact(N.text(name)))


def _filled(value: Any) -> bool:
    return value != "" and value is not None and (type(value) is not str or bool(value.strip()))


def is_skippable(values: list[Any], header_keys: set[str], header_raw: frozenset = frozenset()
                 ) -> bool:
    """Blank rows, totals, notes and repeated header rows are not data."""
    # The first three filled cells decide a data row (most rows of a roster);
    # every filled cell is listed only when the row might repeat the header.
    cells = []
    for value in values:
        if value != "" and value is not None and (type(value) is not str or value.strip()):
            cells.append(value)
            if len(cells) == 3:
                break
    if not cells:
        return True
    kind = type(cells[0])
    if len(cells) == 1 or (kind is not float and kind is not int):
        # A number (a row's 序号) is no total, note or sentence.
        first = N.text(cells[0])
        if _TOTALS.match(first):
            return True
        if len(cells) <= 2 and _NOTES.match(first):
            return True
        if len(cells) == 1 and len(first) > 20:   # a sentence under the table
            return True
    if header_raw:
        a = cells[0]
        b = cells[1] if len(cells) > 1 else None
        if not ((type(a) is str and a.strip() in header_raw)
                or (type(b) is str and b.strip() in header_raw)):
            return False
    cells = [v for v in values if _filled(v)]
    labels = {normalise_header(v) for v in cells if isinstance(v, str)}
    return len(labels & header_keys) >= max(2, len(cells) // 2)


class _HouseholdSheet:
    """What checking a household sheet's rows needs, worked out once per sheet."""

    def __init__(self, plan: SheetPlan, cols: dict[str, int], batch: household_rules.Batch):
        self.plan = plan
        self.cols = cols
        self.batch = batch
        self.has_relation = "relation" in cols
        self.keys = tuple(cols)
        indexes = tuple(cols.values())
        # One C-level pick of the mapped cells from a full-width row.
        self.pick = operator.itemgetter(*indexes) if len(indexes) > 1 else None
        self.last = max(indexes, default=0)
        self.patterns: dict[tuple[bool, ...], frozenset[str]] = {}

    def cells(self, values: list[Any]) -> tuple[dict[str, Any], frozenset[str] | None]:
        """The mapped cells by field, and the fields with a value (None: work it out)."""
        if self.pick is None or self.last >= len(values):
            width = len(values)
            return {key: values[i] for key, i in self.cols.items() if i < width}, None
        picked = self.pick(values)
        try:
            blanks = tuple(map(_BLANK_CELLS.__contains__, picked))
        except TypeError:   # an unhashable value: not from a spreadsheet cell
            return dict(zip(self.keys, picked)), None
        given = self.patterns.get(blanks)
        if given is None:
            given = self.patterns[blanks] = frozenset(
                key for key, blank in zip(self.keys, blanks) if not blank)
        return dict(zip(self.keys, picked)), given


class Validator:
    def __init__(self, db: Database, lookups: Lookups, *, today: dt.date | None = None,
                 default_village_id: str | None = None):
        self.db = db
        self.look = lookups
        self.today = today or dt.date.today()
        self.default_village_id = default_village_id
        self._cache: dict[int, tuple] = {}
        self._patterns: dict[tuple, frozenset[str]] = {}
        self._sheets: dict[int, _HouseholdSheet] = {}
        self._places: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        self._member_batches: dict[int, tuple] = {}
        self._member_relations: dict[Any, str | None] = {}
        self._relations: dict[Any, str | None] = {}

    # ---------------------------------------------------------------- rows
    def rows(self, sheet: Sheet, plan: SheetPlan) -> Iterator[tuple[int, list[Any]]]:
        header_keys = {normalise_header(c.label) for c in plan.columns if c.label}
        header_keys |= {normalise_header(p) for c in plan.columns for p in c.label.split("/")}
        header_raw = frozenset(str(sheet.rows[r][c]).strip() for r in plan.header_rows
                               for c in range(len(sheet.rows[r])) if sheet.rows[r][c] != "")
        for index in range(plan.first_data_row, len(sheet.rows)):
            values = sheet.rows[index]
            if is_skippable(values, header_keys, header_raw):
                continue
            yield index + 1, values

    def _columns(self, plan: SheetPlan) -> tuple[dict[str, int], dict[str, str | None]]:
        key = id(plan)
        cached = self._cache.get(key)
        if cached is None or cached[0] is not plan:
            cached = (plan, plan.field_columns(), {c.field: c.unit for c in plan.columns if c.field})
            self._cache[key] = cached
        return cached[1], cached[2]

    def _given(self, cells: dict[str, Any]) -> frozenset[str]:
        """The fields with a value, one shared set per pattern: rows of a roster
        have few patterns, and a set of its own cost each row ~700 bytes."""
        try:
            blanks = tuple(map(_BLANK_CELLS.__contains__, cells.values()))
        except TypeError:   # an unhashable value: not from a spreadsheet cell
            blanks = tuple(value == "" or value is None for value in cells.values())
        pattern = (tuple(cells), blanks)
        found = self._patterns.get(pattern)
        if found is None:
            found = self._patterns[pattern] = frozenset(
                key for key, blank in zip(cells, blanks) if not blank)
        return found

    def _relation(self, value: Any) -> str | None:
        """``F.relation`` of a cell, once per distinct value; None if refused."""
        key = value if type(value) is str else (type(value), value)
        try:
            return self._relations[key]
        except KeyError:
            pass
        try:
            found = F.relation(value)
        except N.CellError:
            found = None
        if len(self._relations) < household_rules.MEMO_LIMIT:
            self._relations[key] = found
        return found

    @staticmethod
    def _converted(out: ImportRow, cells: dict[str, Any], col, id_keys) -> dict[str, Any]:
        """Cells as the rules take them; ID numbers a spreadsheet made numbers are refused."""
        typed = cells   # copied only when a cell changes (rarely: most IDs are text)
        for key in id_keys:
            if key in cells:
                value = cells[key]
                try:
                    converted = N.id_cell(value)
                except N.CellError as exc:
                    out.reject(col(key), str(exc))
                    converted = None
                if converted is not value:
                    typed = dict(typed) if typed is cells else typed
                    typed[key] = converted
        return typed

    @staticmethod
    def _rejected(out: ImportRow, column: int | None) -> bool:
        return any(p.column == column for p in out.problems)

    def _take(self, out: ImportRow, checked: Checked, col) -> None:
        """The rules' verdict into the row: values, and problems by column."""
        for key, message in checked.problems:
            column = col(key)
            if column is not None and self._rejected(out, column) and key.endswith("id_number"):
                continue  # already refused when the cell was converted
            out.reject(column, message)
        out.values.update(checked.row)

    # ----------------------------------------------------------- households
    def _sheet(self, plan: SheetPlan) -> "_HouseholdSheet":
        found = self._sheets.get(id(plan))
        if found is None or found.plan is not plan:
            cols, units = self._columns(plan)
            found = self._sheets[id(plan)] = _HouseholdSheet(
                plan, cols, household_rules.Batch(today=self.today, units=units,
                                                  members_default=None, fields=cols))
        return found

    def household(self, plan: SheetPlan, number: int, values: list[Any]) -> ImportRow:
        sheet = self._sheet(plan)
        cells, given = sheet.cells(values)
        if given is None:
            given = self._given(cells)
        # Most rows pass every rule: the batch gives their values at once, and
        # a row it has any doubt about goes through the rules that say why.
        relation = self._relation(cells.get("relation")) if sheet.has_relation else "head"
        raw_id = cells.get("head_id_number")
        found = None
        if relation is not None and type(raw_id) is str and "e" not in raw_id \
                and "E" not in raw_id:   # a text ID cell, nothing for _converted to refuse
            found = sheet.batch.row(cells) if relation == "head" else \
                sheet.batch.person(cells, False)
        if found is None:
            out = self._household_checked(plan, number, cells, given)
        else:
            out = ImportRow(plan.sheet, number, "households", found, given)
            found["relation"] = relation
            out.name = found["head_name"]
            if found["head_id_number"]:
                out.key = found["head_id_number"]
        if out.values["relation"] == "head":
            self._place(plan, out, cells, sheet.cols)
        return out

    def _household_checked(self, plan: SheetPlan, number: int, cells: dict[str, Any],
                           given: frozenset[str]) -> ImportRow:
        """A household sheet's row through the rules, with every problem they find."""
        cols, units = self._columns(plan)
        out = ImportRow(plan.sheet, number, "households", given=given)
        col = cols.get
        try:
            relation = F.relation(cells.get("relation")) if "relation" in cols else "head"
        except N.CellError as exc:
            out.reject(col("relation"), str(exc))
            relation = "head"
        typed = self._converted(out, cells, col, ("head_id_number",))
        if relation != "head":
            checked = Checked()
            household_rules.check_person(checked, typed, today=self.today, prefix="head_")
        else:
            checked = household_rules.check(typed, today=self.today, units=units,
                                            members_default=None)
        self._take(out, checked, col)
        v = out.values
        v["relation"] = relation
        out.name = v["head_name"]
        if v["head_id_number"] and not self._rejected(out, col("head_id_number")):
            out.key = v["head_id_number"]
        return out

    def _place(self, plan: SheetPlan, out: ImportRow, cells: dict[str, Any],
               cols: dict[str, int]) -> None:
        """The household's village and group, from its cells or the sheet's place."""
        v = out.values
        col = cols.get
        village_raw = cells.get("village")
        group_raw = cells.get("group")
        # A roster names a few villages and groups: both columns' cells, once
        # found without a problem, give their ids at once.
        key = None
        if type(village_raw) is str and type(group_raw) is str and "village" in cols \
                and "group" in cols:
            key = (village_raw, group_raw)
            found = self._places.get(key)
            if found is not None:
                v["village_id"], v["group_id"] = found
                return
        problems = len(out.problems)
        village_id = self.look.village(village_raw) if "village" in cols else plan.village_id
        if village_id is None:
            if "village" in cols and not N.blank(village_raw):
                out.reject(col("village"), translate(
                    "Excel", "There is no village '{value}' in the register. Check the name, or "
                             "add the village under Places first.").format(
                    value=N.text(village_raw)))
            elif self.default_village_id:
                village_id = self.default_village_id
            else:
                out.reject(col("village"), plan.place_note or translate(
                    "Excel", "The village is missing. Fill the village column, or choose the "
                             "village all rows belong to."))
        v["village_id"] = village_id
        v["group_id"] = None
        if "group" not in cols and plan.group_id and village_id == plan.village_id:
            v["group_id"] = plan.group_id
        if village_id and not N.blank(group_raw):
            group_id = self.look.group(village_id, group_raw)
            if group_id is None:
                out.reject(col("group"), translate(
                    "Excel", "{village} has no group '{value}'. Add the group to the village, "
                             "or correct the cell.").format(
                    village=self.look.village_names.get(village_id, ""), value=N.text(group_raw)))
            v["group_id"] = group_id
        if key is not None and len(out.problems) == problems \
                and len(self._places) < household_rules.MEMO_LIMIT:
            self._places[key] = (v["village_id"], v["group_id"])

    def _member_batch(self, plan: SheetPlan) -> tuple[dict[str, int], household_rules.Batch]:
        found = self._member_batches.get(id(plan))
        if found is None or found[0] is not plan:
            cols = plan.field_columns()
            found = self._member_batches[id(plan)] = (plan, cols, household_rules.Batch(
                today=self.today, prefix="", require_id=False, fields=cols))
        return found[1], found[2]

    def _member_relation(self, value: Any) -> str | None:
        """What member rules store as a cell's relation, once per distinct value;
        None if ``F.relation`` refuses it."""
        key = value if type(value) is str else (type(value), value)
        try:
            return self._member_relations[key]
        except KeyError:
            pass
        try:
            found = F.relation(value, blank="other")
            found = "other" if found == "head" else found
        except N.CellError:
            found = None
        if len(self._member_relations) < household_rules.MEMO_LIMIT:
            self._member_relations[key] = found
        return found

    def member(self, plan: SheetPlan, number: int, values: list[Any]) -> ImportRow:
        """A row of a member sheet (户主身份证号码, 成员姓名, 与户主关系 ...)."""
        cols, batch = self._member_batch(plan)
        width = len(values)
        cells = {key: values[i] for key, i in cols.items() if i < width}
        # As for households: the batch for a row that passes, the rules for any other.
        head = F.plain_id_number(cells.get("head_id_number"), self.today)
        raw_id = cells.get("id_number")
        if head is not None and (raw_id is None or type(raw_id) is str and "e" not in raw_id
                                 and "E" not in raw_id):
            relation = self._member_relation(cells.get("relation"))
            found = batch.person(cells) if relation is not None else None
            if found is not None:
                found["relation"] = relation
                out = ImportRow(plan.sheet, number, "members", found)
                out.key = head[0]
                out.name = found["name"] or ""
                return out
        out = ImportRow(plan.sheet, number, "members")
        col = cols.get
        raw_head = cells.get("head_id_number")
        if N.blank(raw_head):
            out.reject(col("head_id_number"), translate(
                "Excel", "The head of household's ID number is missing."))
        else:
            try:
                out.key = N.id_number(raw_head, today=self.today).number
            except N.CellError as exc:
                out.reject(col("head_id_number"), str(exc))
        typed = self._converted(out, cells, col, ("id_number",))
        checked = member_rules.check(typed, today=self.today)
        self._take(out, checked, col)
        out.name = out.values.get("name") or ""
        return out

    def household_member_row(self, row: ImportRow, plan: SheetPlan) -> None:
        """A person row of a household sheet (与户主关系 not 户主) as a member."""
        v = row.values
        row.kind = "member"
        row.values = {"name": v.get("head_name"), "relation": v.get("relation") or "other",
                      "sex": v.get("head_sex"), "id_number": v.get("head_id_number"),
                      "birth_date": v.get("head_birth_date")}
        row.name = row.values["name"]

    # -------------------------------------------------------- organizations
    def organization(self, plan: SheetPlan, number: int, values: list[Any]) -> ImportRow:
        cols, units = self._columns(plan)
        out = ImportRow(plan.sheet, number, "organizations")
        width = len(values)
        cells = {key: values[i] for key, i in cols.items() if i < width}
        out.given = {key for key, value in cells.items() if value != "" and value is not None}
        get = cells.get
        col = cols.get
        typed = self._converted(out, cells, col, ("legal_rep_id_number",))
        checked = organization_rules.check(typed, today=self.today, units=units)
        self._take(out, checked, col)
        v = out.values
        out.name = v["name"]
        if v["uscc"] and not self._rejected(out, col("uscc")):
            out.key = v["uscc"]
        village_raw = get("village")
        village_id = self.look.village(village_raw) if "village" in cols else plan.village_id
        if village_id is None:
            if not N.blank(village_raw):
                out.reject(col("village"), translate(
                    "Excel", "There is no village '{value}' in the register. Check the name, or "
                             "add the village under Places first.").format(
                    value=N.text(village_raw)))
            elif self.default_village_id:
                village_id = self.default_village_id
            else:
                out.reject(col("village"), translate(
                    "Excel", "The village is missing. Fill the village column, or choose the "
                             "village all rows belong to."))
        v["village_id"] = village_id
        return out

    # -------------------------------------------------------------- records
    def record(self, plan: SheetPlan, number: int, values: list[Any],
               subjects: dict[str, str]) -> ImportRow:
        """``subjects``: ID number or USCC -> subject id (register and this import)."""
        cols = plan.field_columns()
        out = ImportRow(plan.sheet, number, "records")

        def get(key: str) -> Any:
            index = cols.get(key)
            if index is None or index >= len(values):
                return None
            if not N.blank(values[index]):
                out.given.add(key)
            return values[index]

        col = cols.get
        v = out.values
        raw = get("subject_number")
        out.name = N.compact(get("subject_name") or "")
        subject_id = None
        if N.blank(raw):
            out.reject(col("subject_number"), translate(
                "Excel", "The ID number or unified social credit code is missing."))
        else:
            number_text = N.code(raw) if isinstance(raw, str) else ""
            if len(number_text) == 18 and not number_text[:17].isdigit():
                subject_id = subjects.get(number_text)
            else:
                try:
                    number_text = N.id_number(raw, today=self.today).number
                    subject_id = subjects.get(number_text)
                except N.CellError as exc:
                    out.reject(col("subject_number"), str(exc))
                    number_text = ""
            if number_text and subject_id is None:
                out.reject(col("subject_number"), translate(
                    "Excel", "No household or organization with the number {number} is in the "
                             "register. Register it first (or import it in the same file), then "
                             "import its records.").format(number=number_text))
        v["subject_id"] = subject_id
        typed = {key: get(key) for key in (
            "category", "polarity", "severity", "title", "content", "source_department",
            "document_number", "decision_date", "publicity_end", "status")}
        self._take(out, record_rules.check(typed, self.look.policy, today=self.today), col)
        category = v["category"]
        if v.get("polarity") == "negative" and not v.get("severity") \
                and not any(p.column == col("severity") for p in out.problems):
            out.reject(col("severity"), translate(
                "Excel", "A negative record needs a severity: write 轻微, 一般 or 严重."))
        if v.get("polarity") == "negative" and v.get("severity") and v.get("decision_date") \
                and not v.get("publicity_end"):
            # As a record typed in the form: public for its severity's default period.
            band = self.look.policy["publicity"][v["severity"]]
            v["publicity_end"] = credit_policy.add_months(
                dt.date.fromisoformat(v["decision_date"]), int(band["default_months"])
            ).isoformat()
        if subject_id and category and v.get("decision_date"):
            out.key = "|".join((subject_id, category, v["document_number"] or v["title"],
                                v["decision_date"]))
        return out
