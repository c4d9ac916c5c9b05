"""Demo data of this area: credit records across the catalogue, list
entries, repairs and objections, a few query-log entries.

Subjects are sampled (about 4% of households, capped), so a township of a
million households gets its records in seconds. Bulk rows go through
``ChangeSet.insert_many`` (journaled); the repair and objection workflows
run through their service functions so their history is real.
"""

from __future__ import annotations

import datetime as dt
import json

from app import credit_policy as pol, query_log
from app.accounts.demo import demo_user_id
from app.journal import ChangeSet, new_id
from app.legal_rep_links import link_to_legal_rep
from app.records import objections, repair

MAX_SUBJECTS = 20_000

AUTHORITY_USCC = "11510100MB0000000U"  # a government body's code (type 11)

PENALTIES = [
    ("违规焚烧秸秆", "在承包地内露天焚烧秸秆", "《大气污染防治法》第一百一十九条", "罚款", 20000,
     "县生态环境局", "minor"),
    ("非法占用耕地建房", "未经批准占用耕地建设住房约0.3亩", "《土地管理法》第七十八条",
     "责令退还、罚款", 300000, "县自然资源局", "serious"),
    ("违规使用禁用农药", "在蔬菜种植中使用国家禁用农药", "《农药管理条例》第六十条", "罚款",
     500000, "县农业农村局", "general"),
    ("无证经营农资", "未取得农药经营许可证经营农药", "《农药管理条例》第五十五条", "没收违法所得、罚款",
     800000, "县农业农村局", "general"),
]
LICENCES = [
    ("动物防疫条件合格证", "动物防疫", "生猪养殖场动物防疫条件审查合格", "县农业农村局"),
    ("农药经营许可证", "农药经营", "限制使用农药以外的农药经营", "县农业农村局"),
    ("取水许可证", "取水", "农业灌溉取水", "县水利局"),
    ("食品小作坊登记证", "食品生产", "红薯粉条加工", "县市场监督管理局"),
]
SIMPLE = [
    # category, title, source, polarity, severity
    ("utility_arrears", "拖欠电费超过6个月", "国网县供电公司", "negative", "minor"),
    ("utility_arrears", "拖欠自来水费", "县自来水公司", "negative", "minor"),
    ("tax_arrears", "欠缴城乡居民养老保险费", "县税务局", "negative", "general"),
    ("loan_repayment", "农户小额信用贷款逾期90天以上", "县农商银行", "negative", "serious"),
    ("loan_repayment", "农户小额信用贷款按期结清", "县农商银行", "positive", None),
    ("loan_repayment", "创业担保贷款按期还款", "县农商银行", "positive", None),
    ("court_judgment", "民间借贷纠纷败诉，未按期履行", "县人民法院", "negative", "general"),
    ("honour", "县级文明家庭", "县文明办", "positive", None),
    ("honour", "乡镇“好婆媳”", "乡镇妇联", "positive", None),
    ("volunteering", "参加抗洪抢险志愿服务", "乡镇团委", "positive", None),
    ("volunteering", "村道路清扫志愿服务20小时", "村委会", "positive", None),
    ("agricultural_subsidy", "领取耕地地力保护补贴", "乡镇农业服务中心", "neutral", None),
    ("land_rights", "承包地确权登记颁证", "县农业农村局", "neutral", None),
    ("commitment", "按信用承诺如期完成人居环境整治", "村委会", "positive", None),
    ("basic_registration", "新型农业经营主体名录登记", "县农业农村局", "neutral", None),
]


def _record(rng, policy, subject, today: dt.date, at: str) -> dict:
    kind = rng.random()
    decided = today - dt.timedelta(days=rng.randint(5, 1000))
    details: dict = {}
    document = None
    if kind < 0.18:
        title, facts, basis, penalty_kind, fen, authority, severity = rng.choice(PENALTIES)
        category, polarity, source = "administrative_penalty", "negative", authority
        document = f"{authority[1:3]}罚〔{decided.year}〕{rng.randint(1, 300)}号"
        details = {"counterpart_name": subject["name"], "counterpart_code": subject["number"],
                   "violation_facts": facts, "legal_basis": basis, "penalty_kind": penalty_kind,
                   "penalty_amount_fen": fen, "authority": "某县" + authority[1:],
                   "authority_uscc": AUTHORITY_USCC, "data_source": "县公共信用信息平台"}
    elif kind < 0.28:
        name, licence_kind, content, authority = rng.choice(LICENCES)
        category, polarity, severity, title, source = ("administrative_licence", "neutral", None,
                                                       name, authority)
        document = f"{authority[1:3]}许〔{decided.year}〕{rng.randint(1, 500)}号"
        details = {"counterpart_name": subject["name"], "counterpart_code": subject["number"],
                   "licence_name": name, "licence_number": f"{decided.year}{rng.randint(1000, 9999)}",
                   "licence_kind": licence_kind, "licence_content": content,
                   "valid_from": decided.isoformat(),
                   "valid_until": pol.add_months(decided, 60).isoformat(),
                   "authority": "某县" + authority[1:], "authority_uscc": AUTHORITY_USCC,
                   "data_source": "县公共信用信息平台"}
    else:
        category, title, source, polarity, severity = rng.choice(SIMPLE)
    end = None
    if polarity == "negative":
        # Most negative facts on file are recent enough to be in publicity.
        decided = today - dt.timedelta(days=rng.randint(5, 420))
        if document:
            document = document[:4] + str(decided.year) + document[8:]
        end = pol.add_months(decided, policy["publicity"][severity]["default_months"])
        if category == "administrative_penalty":
            details["publicity_end"] = end.isoformat()
    status = "expired" if end and end < today else "public"
    return {"id": new_id(), "subject_id": subject["id"], "category": category,
            "polarity": polarity, "severity": severity, "title": title, "content": None,
            "source_department": source, "document_number": document,
            "decision_date": decided.isoformat(), "publicity_end": end.isoformat() if end else None,
            "status": status, "details": json.dumps(details, ensure_ascii=False, sort_keys=True),
            "letter_id": None, "version": 1, "created_at": at, "updated_at": at}


def _sample_subjects(db, rng, count: int) -> list[dict]:
    low, high = db.execute("SELECT MIN(sid), MAX(sid) FROM household").fetchone()
    if low is None:
        return []
    sids = sorted(rng.sample(range(low, high + 1), min(count, high - low + 1)))
    out: list[dict] = []
    for start in range(0, len(sids), 900):
        chunk = sids[start:start + 900]
        out += db.query(
            "SELECT id, head_name AS name, head_id_number AS number FROM household "
            f"WHERE sid IN ({', '.join('?' * len(chunk))})", chunk)
    orgs = list(db.query("SELECT id, name, uscc AS number, 'organization' AS kind "
                         "FROM organization ORDER BY sid LIMIT ?", [max(count // 20, 3)]))
    return out + orgs


def demo_extension(db, operator_id, rng, job) -> None:
    policy = pol.load(db)
    today = pol.today()
    households = db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    count = min(max(households // 25, 40), MAX_SUBJECTS)
    subjects = _sample_subjects(db, rng, count)
    if not subjects:
        return
    job.step(0, 1, "credit records")
    with db.atomic():
        cs = ChangeSet(db, operator_id)
        rows = []
        for subject in subjects:
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                rows.append(_record(rng, policy, subject, today, cs.at))
        cs.insert_many("credit_record", rows)
        entries = []
        listed = rng.sample(subjects[: len(subjects) - max(count // 20, 3)],
                            max(len(subjects) // 8, 3))
        for index, subject in enumerate(listed):
            kind = ("red_list", "black_list", "dishonest_judgment_debtor")[index % 3]
            day = today - dt.timedelta(days=rng.randint(10, 700))
            basis = {
                "red_list": "连续三年评为AAA级信用户，无不良记录，经乡镇推荐、县级认定",
                "black_list": "拒不履行行政处罚决定，经催告仍不履行，情节严重",
                "dishonest_judgment_debtor": f"（{day.year}）川0824执{rng.randint(100, 999)}号："
                                             "有履行能力而拒不履行生效法律文书确定的义务",
            }[kind]
            body = {"red_list": "县发展改革委", "black_list": "县发展改革委",
                    "dishonest_judgment_debtor": "县人民法院"}[kind]
            entries.append({
                "id": new_id(), "list_kind": kind, "subject_id": subject["id"],
                "name": subject["name"], "id_number": subject["number"], "basis": basis,
                "deciding_body": body, "document_number": None, "listed_on": day.isoformat(),
                "valid_until": (day + dt.timedelta(days=3 * 365)).isoformat(),
                "removed_on": None, "source": "local",
                "version": 1, "created_at": cs.at, "updated_at": cs.at})
        cs.insert_many("list_entry", entries)
        # An organization's negative record reaches its legal representative.
        kinds = {s["id"]: s.get("kind") for s in subjects}
        for row in rows:
            if row["polarity"] == "negative" and row["status"] == "public" \
                    and kinds.get(row["subject_id"]) == "organization":
                link_to_legal_rep(cs, source_kind="credit_record", source_id=row["id"],
                                  subject_id=row["subject_id"], title=row["title"],
                                  decided_on=row["decision_date"])
        # A measure of a black list recorded as applied (联合奖惩 触发反馈).
        black = next((e for e in entries if e["list_kind"] == "black_list"), None)
        if black is not None:
            measure = pol.measures(policy, "black_list")[0]
            cs.insert("measure_feedback", {
                "subject_id": black["subject_id"], "id_number": black["id_number"],
                "name": black["name"], "list_entry_id": black["id"], "list_kind": "black_list",
                "measure": measure, "matter": f"{today.year}年耕地地力保护补贴发放",
                "department": "乡财政所", "applied_on": today.isoformat(),
                "note": "暂停发放，已书面告知", "recorded_by": operator_id})
    job.step(1, 2, "repairs and objections")
    negatives = [r for r in rows if r["polarity"] == "negative" and r["status"] == "public"]
    rng.shuffle(negatives)
    # The first one that may be repaired (asking each would cost a second at
    # a million households).
    first = next((r for r in negatives
                  if repair.earliest_repair(db, r) <= today - dt.timedelta(days=12)), None)
    eligible = [first] if first else []
    names = {s["id"]: s["name"] for s in subjects}
    # An official records applications and objections, the administrator
    # decides them: who records may not approve (separation of duties).
    clerk = demo_user_id(db, "official") or operator_id
    if eligible:
        record = eligible[0]
        done = repair.apply(db, clerk, record["id"], applicant=names[record["subject_id"]],
                            evidence="已全额缴纳罚款及欠费，缴款票据号 5108241200" +
                                     str(rng.randint(1000, 9999)),
                            commitment="本人承诺今后严格遵守法律法规，按时履行义务。",
                            applied_on=today - dt.timedelta(days=12))
        repair.decide(db, operator_id, done["id"], approve=True,
                      reason="已履行全部义务，公示期已满最短期限，同意修复。")
    rest = [r for r in negatives if not eligible or r["id"] != eligible[0]["id"]]
    # Objections and repairs come after the record was decided (their dates are checked).
    rest = _decided_by(rest, [today - dt.timedelta(days=d) for d in (3, 16, 40)])
    if len(rest) >= 3:
        repair.apply(db, clerk, rest[0]["id"], applicant=names[rest[0]["subject_id"]],
                     evidence="欠费已结清（附缴费凭证照片）",
                     commitment="承诺按时缴纳水电费用。", applied_on=today - dt.timedelta(days=3))
        objections.file(db, clerk, rest[1]["id"], filed_by=names[rest[1]["subject_id"]],
                        grounds="处罚对象为同名同姓的他人，本人当日不在本村，有务工单位证明。",
                        filed_on=today - dt.timedelta(days=16))
        answered = objections.file(db, clerk, rest[2]["id"],
                                   filed_by=names[rest[2]["subject_id"]],
                                   grounds="欠费金额与实际不符。",
                                   filed_on=today - dt.timedelta(days=40))
        objections.decide(db, operator_id, answered["id"], outcome="upheld",
                          reason="经向供电公司核实，欠费金额准确，维持原记录。")
    for subject in subjects[:5]:
        query_log.log_use(db, operator_id, action=query_log.VIEW, subject_id=subject["id"],
                          purpose="信用户评定", detail={"screen": "demo"})
    job.step(2, 2, "records done")


def _decided_by(records: list[dict], days: list[dt.date]) -> list[dict]:
    """One record decided on or before each day (in that order), each used once."""
    chosen: list[dict] = []
    for day in days:
        pick = next((r for r in records if r not in chosen
                     and r["decision_date"] <= day.isoformat()
                     and (r["publicity_end"] or "9999") >= day.isoformat()), None)
        if pick is None:
            return []
        chosen.append(pick)
    return chosen
