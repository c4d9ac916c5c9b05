"""Credit record rules: catalogue category, polarity, severity, status, dates, texts.

Codes come from the credit policy (``app.credit_policy``): a category is
given by its id, its label in the policy (行政处罚) or a common synonym (荣誉);
a record without a polarity takes its category's. What needs the register
(the subject, publicity periods from the policy's bands, 双公示 details) is
the caller's part.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from app import credit_policy as pol
from app.i18n import translate
from app.rules import Checked
from app.rules import fields as F
from app.rules.fields import RuleError

CATEGORY_WORDS = {
    "基础登记": "basic_registration", "基础信息": "basic_registration",
    "法院判决": "court_judgment", "欠费": "utility_arrears", "荣誉": "honour",
}
POLARITY_WORDS = {"守信": "positive", "良好": "positive", "正面": "positive", "红": "positive",
                  "失信": "negative", "不良": "negative", "负面": "negative",
                  "基础信息": "neutral", "中性": "neutral", "一般信息": "neutral"}
SEVERITY_WORDS = {"轻微": "minor", "一般": "general", "较重": "general", "严重": "serious"}
STATUS_WORDS = {"公示中": "public", "已修复": "repaired", "已撤销": "revoked",
                "异议中": "disputed", "已到期": "expired"}
# Categories whose records carry a decision document (双公示).
DOCUMENT_CATEGORIES = ("administrative_penalty", "administrative_licence")


def _word(value: Any) -> str:
    return F.code(value) if not isinstance(value, str) else \
        F.text(value).replace(" ", "")


def category(value: Any, policy: Mapping) -> str:
    raw = _word(value)
    labels = pol.category_labels(policy)
    if raw in labels:
        return raw
    by_label = {label: code for code, label in labels.items()}
    found = by_label.get(raw) or CATEGORY_WORDS.get(raw)
    if found is None:
        # 表彰荣誉 and 表彰荣誉信息 alike
        found = next((code for label, code in by_label.items()
                      if raw and (label.startswith(raw) or raw.startswith(label))), None)
    if found is None or found not in labels:
        raise RuleError(translate("Rules", "Write one of: {values}.").format(
            values="、".join(labels.values())))
    return found


def polarity(value: Any, category_code: str | None, policy: Mapping) -> str | None:
    raw = _word(value)
    if not raw:
        return next((c["polarity"] for c in policy["category"] if c["id"] == category_code),
                    None)
    if raw in pol.POLARITIES:
        return raw
    if raw in POLARITY_WORDS:
        return POLARITY_WORDS[raw]
    raise RuleError(translate("Rules", "Write one of: {values}.").format(values="守信、失信、基础信息"))


def severity(value: Any) -> str | None:
    raw = _word(value)
    if not raw:
        return None
    if raw in pol.SEVERITIES:
        return raw
    if raw in SEVERITY_WORDS:
        return SEVERITY_WORDS[raw]
    raise RuleError(translate("Rules", "Write one of: {values}.").format(values="轻微、一般、严重"))


def status(value: Any) -> str:
    raw = _word(value)
    if not raw:
        return "public"
    if raw in pol.STATUSES:
        return raw
    if raw in STATUS_WORDS:
        return STATUS_WORDS[raw]
    raise RuleError(translate("Rules", "Write one of: {values}.").format(
        values="、".join(STATUS_WORDS)))


def check(values: Mapping[str, Any], policy: Mapping, *, today: dt.date | None = None
          ) -> Checked:
    """Every value rule of a credit record as typed or imported."""
    today = today or dt.date.today()
    out = Checked()
    row = out.row
    row["category"] = out.take("category", category, values.get("category"), policy)
    row["polarity"] = out.take("polarity", polarity, values.get("polarity"), row["category"],
                               policy)
    row["severity"] = out.take("severity", severity, values.get("severity"))
    if row["polarity"] != "negative":
        row["severity"] = None
    title = out.take("title", F.text, values.get("title")) or ""
    row["title"] = title or (pol.category_label(policy, row["category"]) if row["category"]
                             else "")
    row["content"] = out.take("content", F.optional_text, values.get("content"), multiline=True)
    row["source_department"] = out.take("source_department", F.optional_text,
                                        values.get("source_department"))
    row["document_number"] = out.take("document_number", F.optional_text,
                                      values.get("document_number"))
    if row["category"] in DOCUMENT_CATEGORIES and not row["document_number"] \
            and not any(f == "document_number" for f, _ in out.problems):
        out.refuse("document_number", translate(
            "Rules", "Required for this category (双公示): the decision document number."))
    decision = out.take("decision_date", F.date, values.get("decision_date"))
    if decision is None and not any(f == "decision_date" for f, _ in out.problems):
        out.refuse("decision_date", translate("Rules", "The decision date is missing."))
    elif decision is not None and decision > today:
        out.refuse("decision_date", translate(
            "Rules", "The decision date {date} is in the future.").format(date=decision))
    row["decision_date"] = decision.isoformat() if decision else None
    end = out.take("publicity_end", F.date, values.get("publicity_end"))
    row["publicity_end"] = end.isoformat() if end else None
    row["status"] = out.take("status", status, values.get("status")) or "public"
    return out


def stored_as_typed(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in (
        "category", "polarity", "severity", "title", "content", "source_department",
        "document_number", "decision_date", "publicity_end", "status")}

