"""What can be exported: each kind is a title, Chinese columns and a query.

Headers match the import synonyms (mapping.py), so an exported list imports
back unchanged. Codes are written as the words their area uses for them
(rating and letter statuses, query-log actions). Every export is entered in
the query and use log (查询使用登记).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlite_utils import Database

from app import query_log
from app.accounts import disclosure
from app.accounts.permissions import require
from app.privacy import mask_id_number, mask_phone
from app.errors import UserError
from app.files import file_unit
from app.i18n import translate
from app.jobs import Job
from app.letters.letter import status_label as letter_status_label
from app.rating.statuses import status_label as rating_status_label
from app.xlsx_writer import write_table

SEX = {"M": "男", "F": "女"}
ORG_KIND = {"cooperative": "农民专业合作社", "family_farm": "家庭农场",
            "agri_enterprise": "农业企业", "individual_business": "个体工商户"}
RELATION = {"spouse": "配偶", "child": "子女", "parent": "父母", "sibling": "兄弟姐妹",
            "grandchild": "孙子女", "grandparent": "祖父母", "other": "其他"}
POLARITY = {"positive": "守信", "negative": "失信", "neutral": "基础信息"}
SEVERITY = {"minor": "轻微", "general": "一般", "serious": "严重"}
STATUS = {"public": "公示中", "repaired": "已修复", "revoked": "已撤销", "disputed": "异议中",
          "expired": "已到期"}


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: Callable[[], str]
    columns: list[tuple[str, str]]
    sql: str
    convert: Callable[[tuple], tuple] | None = None


def _household_row(r: tuple) -> tuple:
    return r[:3] + (SEX.get(r[3], r[3]),) + r[4:]


def _org_row(r: tuple) -> tuple:
    return (r[0], ORG_KIND.get(r[1], r[1])) + r[2:]


def _member_row(r: tuple) -> tuple:
    return r[:3] + (RELATION.get(r[3], r[3]), SEX.get(r[4], r[4])) + r[5:]


def _record_row(r: tuple) -> tuple:
    return r[:3] + (POLARITY.get(r[3], r[3]), SEVERITY.get(r[4], r[4])) + r[5:11] + \
        (STATUS.get(r[11], r[11]),)


KINDS: dict[str, ExportKind] = {}


def _kind(kind: ExportKind) -> None:
    KINDS[kind.name] = kind


_kind(ExportKind(
    "households", lambda: translate("Excel", "Households"),
    [("村", "text"), ("组", "text"), ("户主姓名", "text"), ("性别", "text"),
     ("身份证号码", "id_number"), ("出生日期", "date"), ("联系电话", "text"), ("家庭住址", "text"),
     ("家庭人口", "int"), ("劳动力", "int"), ("承包地面积（亩）", "area_mu"), ("主营产业", "text"),
     ("家庭年收入（元）", "money_fen"), ("家庭资产（元）", "money_fen"),
     ("贷款余额（元）", "money_fen"), ("逾期金额（元）", "money_fen"), ("备注", "text")],
    """SELECT v.name, g.name, h.head_name, h.head_sex, h.head_id_number, h.head_birth_date,
              h.phone, h.address, h.members, h.labor, h.land_area_centimu, h.main_industry,
              h.annual_income_fen, h.assets_fen, h.loan_balance_fen, h.overdue_fen, h.note
       FROM household h JOIN place v ON v.id = h.village_id LEFT JOIN place g ON g.id = h.group_id
       ORDER BY v.name_sort, g.name_sort, h.name_sort, h.sid""",
    _household_row))

_kind(ExportKind(
    "members", lambda: translate("Excel", "Household members"),
    [("户主身份证号码", "id_number"), ("户主姓名", "text"), ("成员姓名", "text"),
     ("与户主关系", "text"), ("性别", "text"), ("身份证号码", "id_number"), ("出生日期", "date")],
    """SELECT h.head_id_number, h.head_name, m.name, m.relation, m.sex, m.id_number, m.birth_date
       FROM household_member m JOIN household h ON h.id = m.household_id
       ORDER BY h.name_sort, h.sid, m.created_at, m.name""",
    _member_row))

_kind(ExportKind(
    "organizations", lambda: translate("Excel", "Organizations"),
    [("村", "text"), ("类型", "text"), ("名称", "text"), ("统一社会信用代码", "id_number"),
     ("法定代表人", "text"), ("法定代表人身份证号码", "id_number"), ("联系电话", "text"),
     ("地址", "text"), ("成员数", "int"), ("注册资本（元）", "money_fen"), ("经营范围", "text"),
     ("代码确认理由", "text"), ("备注", "text")],
    """SELECT v.name, o.kind, o.name, o.uscc, o.legal_rep_name, o.legal_rep_id_number, o.phone,
              o.address, o.members_count, o.registered_capital_fen, o.business_scope,
              o.uscc_override_reason, o.note
       FROM organization o JOIN place v ON v.id = o.village_id
       ORDER BY v.name_sort, o.name_sort, o.sid""",
    _org_row))

_kind(ExportKind(
    "records", lambda: translate("Excel", "Credit records"),
    [("主体名称", "text"), ("证件号码", "id_number"), ("类别", "text"), ("性质", "text"),
     ("严重程度", "text"), ("标题", "text"), ("内容", "text"), ("来源单位", "text"),
     ("决定文书号", "text"), ("决定日期", "date"), ("公示截止日期", "date"), ("状态", "text")],
    """SELECT COALESCE(h.head_name, o.name), COALESCE(h.head_id_number, o.uscc), r.category,
              r.polarity, r.severity, r.title, r.content, r.source_department,
              r.document_number, r.decision_date, r.publicity_end, r.status
       FROM credit_record r LEFT JOIN household h ON h.id = r.subject_id
       LEFT JOIN organization o ON o.id = r.subject_id
       ORDER BY r.decision_date, r.id""",
    _record_row))


def _label(label: Callable[[str], str], value: Any) -> Any:
    """``value`` in words; an empty cell stays empty."""
    return label(value) if value else value


def _rating_row(r: tuple) -> tuple:
    return r[:8] + (_label(rating_status_label, r[8]),) + r[9:]


def _letter_row(r: tuple) -> tuple:
    return r[:5] + (_label(letter_status_label, r[5]),) + r[6:9] + \
        (_label(letter_status_label, r[9]),) + r[10:]


def _log_row(r: tuple) -> tuple:
    return (r[0], r[1], _label(query_log.action_label, r[2])) + r[3:]


_kind(ExportKind(
    "ratings", lambda: translate("Excel", "Rating results"),
    [("评定批次", "text"), ("年度", "int"), ("村", "text"), ("户主姓名", "text"),
     ("证件号码", "id_number"), ("得分", "number"), ("等级", "text"), ("一票否决", "text"),
     ("状态", "text"), ("审定时间", "datetime")],
    """SELECT c.name, c.campaign_year, v.name, COALESCE(h.head_name, o.name),
              COALESCE(h.head_id_number, o.uscc), r.score, r.grade, r.veto, r.status, r.decided_at
       FROM rating r JOIN rating_campaign c ON c.id = r.campaign_id
       JOIN place v ON v.id = r.village_id
       LEFT JOIN household h ON h.id = r.subject_id LEFT JOIN organization o ON o.id = r.subject_id
       ORDER BY c.campaign_year DESC, c.name, v.code, 4""",
    _rating_row))

_kind(ExportKind(
    "letters", lambda: translate("Excel", "Commitment letter status"),
    [("编号", "text"), ("承诺书", "text"), ("主体名称", "text"), ("证件号码", "id_number"),
     ("村", "text"), ("状态", "text"), ("打印时间", "datetime"), ("签署时间", "datetime"),
     ("收集人", "text"), ("履约情况", "text"), ("履约时间", "datetime")],
    """SELECT l.number, l.template_name, COALESCE(h.head_name, o.name),
              COALESCE(h.head_id_number, o.uscc), v.name, l.status, l.printed_at, l.signed_at,
              l.collected_by, l.fulfilment, l.fulfilment_at
       FROM commitment_letter l LEFT JOIN place v ON v.id = l.village_id
       LEFT JOIN household h ON h.id = l.subject_id LEFT JOIN organization o ON o.id = l.subject_id
       ORDER BY l.number""",
    _letter_row))

_kind(ExportKind(
    "query_log", lambda: translate("Excel", "Query and use log"),
    [("时间", "datetime"), ("操作人", "text"), ("操作", "text"), ("主体名称", "text"),
     ("证件号码", "id_number"), ("用途", "text"), ("详情", "text")],
    """SELECT q.at, u.display_name, q.action, COALESCE(h.head_name, o.name),
              COALESCE(h.head_id_number, o.uscc), q.purpose, q.detail
       FROM query_log q LEFT JOIN app_user u ON u.id = q.operator_id
       LEFT JOIN household h ON h.id = q.subject_id LEFT JOIN organization o ON o.id = q.subject_id
       ORDER BY q.seq""",
    _log_row))


def _log_use(db: Database, operator_id: str, kind: str, path: Path, count: int, full: bool,
             purpose: str | None) -> None:
    what = translate("Excel", "Excel export: {what}").format(what=KINDS[kind].label())
    disclosure.log_bulk(db, operator_id, action=query_log.EXPORT, what=what, count=count,
                        full=full, purpose=purpose,
                        detail={"file": path.name, "rows": count, "kind": kind})


def _masker(spec: ExportKind) -> Callable[[tuple], tuple]:
    """Masks the personal numbers of a row: ID numbers and phones, not USCCs."""
    id_cols = [i for i, (name, kind) in enumerate(spec.columns)
               if kind == "id_number" and "统一社会信用代码" not in name]
    phone_cols = [i for i, (name, _) in enumerate(spec.columns) if "电话" in name]

    def mask(row: tuple) -> tuple:
        out = list(row)
        for i in id_cols:
            value = out[i]
            # A USCC in a mixed column (证件号码) names an organization: kept.
            if value and not (len(str(value)) == 18 and not str(value)[:17].isdigit()):
                out[i] = mask_id_number(str(value))
        for i in phone_cols:
            if out[i]:
                out[i] = mask_phone(str(out[i]))
        return tuple(out)
    return mask


def export(db: Database, operator_id: str, kind: str, path: str | Path,
           job: Job | None = None, *, full: bool = False,
           purpose: str | None = None) -> dict[str, Any]:
    """Export one kind of list to ``path``; returns {kind, path, rows, full_numbers}.

    ID numbers and phones are masked unless ``full`` is asked for with a
    purpose that allows it (app/accounts/disclosure.py); the export is
    logged with its row count either way.
    """
    require(db, operator_id, "register.export")
    if full:
        purpose = disclosure.allow_full(db, operator_id, purpose)
    spec = KINDS.get(kind)
    if spec is None:
        names = ", ".join(KINDS)
        raise UserError(translate("Excel", "Unknown export '{kind}'. Choose one of: {names}.")
                        .format(kind=kind, names=names))
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".xlsx")
    # The file and its line in the use log are one unit (app/files.py).
    with file_unit(db, path, "export") as unit:
        total = db.execute(f"SELECT COUNT(*) FROM ({spec.sql})").fetchone()[0]
        cursor = db.conn.execute(spec.sql)
        rows: Iterable[tuple] = (spec.convert(r) for r in cursor) if spec.convert else cursor
        if not full:
            mask = _masker(spec)
            rows = (mask(r) for r in rows)
        count = write_table(unit.temp, spec.label(), spec.columns, rows, job, total=total)
        with db.atomic():
            _log_use(db, operator_id, kind, path, count, full, purpose)
            unit.seal()
    return {"kind": kind, "path": str(path), "rows": count, "full_numbers": full}
