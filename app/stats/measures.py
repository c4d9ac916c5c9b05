"""The county's measures (县平台考核), computed by the township first.

Definitions (docs/stats.md says the same in words):

- A *decision* is a 双公示 record (categories in the policy's
  ``[county_measures] categories``: administrative licences and penalties)
  that this township entered (its first journal entry is local; records the
  county sent down are the county's own) and whose decision date falls in the
  period. Revoked records still count: they were decisions.
- *Uploaded*: the county acknowledged the batch that carried the record's
  creation (``record_upload.uploaded_at``, kept by triggers, db/schema_stats.py).
- 上报率 upload_rate = uploaded ÷ decisions.
- 合规率 compliance_rate = uploaded records passing the county's field rules
  (every required 双公示 field present, a document number, a counterpart
  code that is a valid ID number or USCC, a valid authority USCC, a decision
  date not after the upload) ÷ uploaded records.
- 及时率 timeliness_rate = uploaded records whose upload date is at most
  ``timeliness_days`` days after the decision date (calendar or working days,
  ``day_kind``) ÷ uploaded records. Day 7 is on time, day 8 is late.
- 重错码率 wrong_code_per_10000 = subjects (households and organizations) with
  a duplicate or wrong identifier × 10,000 ÷ subjects. Wrong: a head of
  household's ID number failing its check character or with an area code
  not in GB/T 2260, an organization's USCC accepted only with an override
  reason. Duplicate: a head of household's ID number that is also a member
  of another household (one person, two subjects).

A rate with nothing to measure (no decisions, nothing uploaded, no subjects)
is ``None``: shown as "—", never as 100 %.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database
from stdnum import numdb

from app import credit_policy as pol
from app.identity import IdentityError, parse_uscc
from app.records.records import DETAIL_FIELDS
from app.stats.period import Period
from app.subjects import parse_subject_number

# GB 11643 check character of an 18-digit ID number, computed in SQL so a
# million heads of household are checked in one pass of the table.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_SUM = " + ".join(f"CAST(substr(head_id_number, {i + 1}, 1) AS INTEGER) * {w}"
                        for i, w in enumerate(_WEIGHTS))
_BAD_CHECK = (f"(length(head_id_number) != 18 OR "
              f"upper(substr(head_id_number, 18, 1)) != substr('10X98765432', (({_CHECK_SUM}) % 11) + 1, 1))")


def measures_policy(db: Database) -> dict[str, Any]:
    """The ``[county_measures]`` section; a register's saved policy from
    before the section existed falls back to the shipped one."""
    section = pol.load(db).get("county_measures")
    if not section:
        section = pol._parse(pol.shipped_text())["county_measures"]
    return section


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _local_day(stamp: str) -> dt.date:
    """The local calendar day of a UTC timestamp (the day the official saw)."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone().date()


def field_problems(record: dict[str, Any]) -> list[str]:
    """Why a record fails the county's field rules (empty: it passes).
    Problems are field keys, labelled in the UI and the docs."""
    problems = []
    details = json.loads(record.get("details") or "{}")
    for key, _label, required, _kind in DETAIL_FIELDS.get(record["category"], []):
        if required and details.get(key) in (None, ""):
            problems.append(key)
    if not (record.get("document_number") or "").strip():
        problems.append("document_number")
    code = details.get("counterpart_code")
    if code and "counterpart_code" not in problems:
        try:
            parse_subject_number(str(code))
        except IdentityError:
            problems.append("counterpart_code")
    uscc = details.get("authority_uscc")
    if uscc and "authority_uscc" not in problems:
        try:
            if not parse_uscc(str(uscc)).checksum_ok:
                problems.append("authority_uscc")
        except IdentityError:
            problems.append("authority_uscc")
    return problems


def upload_measures(db: Database, period: Period, *, today: dt.date | None = None
                    ) -> dict[str, Any]:
    """上报率, 合规率, 及时率 over the period's decisions, with the lists behind them."""
    policy = measures_policy(db)
    categories = list(policy["categories"])
    days, kind = int(policy["timeliness_days"]), policy.get("day_kind", "calendar")
    marks = ",".join("?" for _ in categories)
    rows = list(db.query(
        "SELECT r.id, r.subject_id, r.category, r.title, r.document_number, r.decision_date, "
        "r.details, r.status, u.entered_at, u.uploaded_at, u.batch_sequence "
        "FROM credit_record r JOIN record_upload u ON u.record_id = r.id "
        f"WHERE u.origin = 'local' AND r.category IN ({marks}) "
        "AND r.decision_date >= ? AND r.decision_date <= ? ORDER BY r.decision_date, r.id",
        [*categories, period.start.isoformat(), period.end.isoformat()]))
    not_uploaded, non_compliant, late = [], [], []
    uploaded = compliant = on_time = 0
    day = today or pol.today()
    for row in rows:
        decided = dt.date.fromisoformat(row["decision_date"][:10])
        due = pol.add_days(decided, days, kind)
        item = {"record_id": row["id"], "subject_id": row["subject_id"],
                "category": row["category"], "title": row["title"],
                "document_number": row["document_number"], "decision_date": row["decision_date"],
                "entered_on": _local_day(row["entered_at"]).isoformat(),
                "due_on": due.isoformat(), "uploaded_on": None}
        if row["uploaded_at"] is None:
            item["overdue"] = day > due
            not_uploaded.append(item)
            continue
        uploaded += 1
        uploaded_on = _local_day(row["uploaded_at"])
        item["uploaded_on"] = uploaded_on.isoformat()
        problems = field_problems(row)
        if uploaded_on < decided:
            problems.append("decision_date")
        if problems:
            non_compliant.append({**item, "problems": problems})
        else:
            compliant += 1
        if uploaded_on <= due:
            on_time += 1
        else:
            late.append({**item, "days_late": (uploaded_on - due).days})
    return {
        "decisions": len(rows), "uploaded": uploaded, "compliant": compliant, "on_time": on_time,
        "upload_rate": _rate(uploaded, len(rows)),
        "compliance_rate": _rate(compliant, uploaded),
        "timeliness_rate": _rate(on_time, uploaded),
        "timeliness_days": days, "day_kind": kind,
        "lists": {"not_uploaded": not_uploaded, "non_compliant": non_compliant, "late": late},
    }


def _area_known(prefix: str) -> bool:
    """Whether the six digits are a county-level code of GB/T 2260 in any
    year (stdnum's list, as the register's check uses). A number keeps the
    code it was issued under, so a code abolished or created later is not
    wrong; only one that never existed is."""
    if len(prefix) != 6 or not prefix.isdigit():
        return False
    parts = numdb.get("cn/loc").info(prefix)
    return len(parts) == 2 and bool(parts[1][1].get("county"))


def wrong_codes(db: Database, *, limit: int = 1000) -> dict[str, Any]:
    """重错码率 and the subjects behind it (at most ``limit`` listed; the count is exact)."""
    households = db.execute("SELECT count(*) FROM household").fetchone()[0]
    organizations = db.execute("SELECT count(*) FROM organization").fetchone()[0]
    flagged: dict[str, dict[str, Any]] = {}

    def flag(subject_id: str, name: str, number: str, village_id: str, reason: str) -> None:
        entry = flagged.setdefault(subject_id, {"subject_id": subject_id, "name": name,
                                                "number": number, "village_id": village_id,
                                                "reasons": []})
        if reason not in entry["reasons"]:
            entry["reasons"].append(reason)

    for row in db.execute(f"SELECT id, head_name, head_id_number, village_id FROM household "
                          f"WHERE {_BAD_CHECK}"):
        flag(*row, "check_character")
    # A few distinct area codes stand for a million numbers: each is looked up once.
    prefixes = [r[0] for r in db.execute(
        "SELECT DISTINCT substr(head_id_number, 1, 6) FROM household")]
    unknown = [p for p in prefixes if not _area_known(p)]
    for start in range(0, len(unknown), 500):
        part = unknown[start:start + 500]
        for row in db.execute(
                "SELECT id, head_name, head_id_number, village_id FROM household "
                f"WHERE substr(head_id_number, 1, 6) IN ({','.join('?' for _ in part)})", part):
            flag(*row, "unknown_area")
    for row in db.execute(
            "SELECT h.id, h.head_name, h.head_id_number, h.village_id FROM household_member m "
            "JOIN household h ON h.head_id_number = m.id_number AND h.id != m.household_id "
            "WHERE m.id_number IS NOT NULL AND m.id_number != ''"):
        flag(*row, "duplicate")
    for row in db.execute("SELECT id, name, uscc, village_id FROM organization "
                          "WHERE uscc_override_reason IS NOT NULL AND uscc_override_reason != ''"):
        flag(*row, "uscc_override")
    subjects = households + organizations
    policy = measures_policy(db)
    rows = sorted(flagged.values(), key=lambda r: (r["village_id"], r["name"]))
    by_reason: dict[str, int] = {}
    for row in rows:
        for reason in row["reasons"]:
            by_reason[reason] = by_reason.get(reason, 0) + 1
    per = round(len(rows) * 10000 / subjects, 2) if subjects else None
    return {"subjects": subjects, "flagged": len(rows), "by_reason": by_reason,
            "wrong_code_per_10000": per,
            "target_per_10000": float(policy["max_wrong_code_per_10000"]),
            "meets_target": per is None or per < float(policy["max_wrong_code_per_10000"]),
            "list": rows[:limit]}
