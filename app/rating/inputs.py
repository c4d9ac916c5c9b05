"""Automatic inputs: what the register and the credit records already answer.

Each source is one SQL expression over a subject row ``h`` — a household, or
for the organization scheme an organization (``kind`` says which a source
reads; ``any`` reads only ``h.id``) — and today's date as parameter ``:today``, giving an integer in base units (fen,
hundredths of a mu, counts, 0/1); ``scale`` turns it into the unit a scheme
speaks (yuan, mu). The same expressions serve one household (the workspace)
and a million (bulk scoring), so both always agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.i18n import translate


@dataclass(frozen=True)
class Source:
    key: str
    sql: str
    scale: int = 1
    kind: str = "household"  # household, organization or any

    @property
    def label(self) -> str:
        return source_label(self.key)


# ``+r.status`` keeps SQLite on the subject index: on a register never
# analysed it would otherwise read every public record through the status
# index once per household (minutes for a campaign of 100,000 households).
_NEGATIVE = ("SELECT count(*) FROM credit_record r WHERE r.subject_id = h.id "
             "AND r.polarity = 'negative' AND +r.status = 'public'")
_LISTED = ("(EXISTS (SELECT 1 FROM list_entry l WHERE l.subject_id = h.id AND l.list_kind IN ({kinds}) "
           "AND l.removed_on IS NULL AND (l.valid_until IS NULL OR l.valid_until >= :today)) "
           "OR EXISTS (SELECT 1 FROM list_entry l WHERE l.id_number = h.{number} "
           "AND l.list_kind IN ({kinds}) AND l.removed_on IS NULL "
           "AND (l.valid_until IS NULL OR l.valid_until >= :today)))")
_BLACK = "'black_list', 'dishonest_judgment_debtor'"


def _negative_of(category: str) -> str:
    return f"({_NEGATIVE} AND r.category = '{category}')"


# The organizations a campaign rates: new agricultural operators (个体工商户 are not).
RATED_ORGANIZATION_KINDS = ("cooperative", "family_farm", "agri_enterprise")

SOURCES: dict[str, Source] = {s.key: s for s in [
    Source("household.labor", "h.labor"),
    Source("household.members", "h.members"),
    Source("household.land_mu", "h.land_area_centimu", 100),
    Source("household.annual_income_yuan", "h.annual_income_fen", 100),
    Source("household.assets_yuan", "h.assets_fen", 100),
    Source("household.loan_balance_yuan", "h.loan_balance_fen", 100),
    Source("household.overdue_yuan", "h.overdue_fen", 100),
    Source("credit.negative_records", f"({_NEGATIVE})", kind="any"),
    Source("credit.serious_negative_records", f"({_NEGATIVE} AND r.severity = 'serious')",
           kind="any"),
    Source("credit.serious_loan_default",
           f"(({_NEGATIVE} AND r.severity = 'serious' AND r.category = 'loan_repayment') > 0)",
           kind="any"),
    Source("credit.positive_records",
           "(SELECT count(*) FROM credit_record r WHERE r.subject_id = h.id "
           "AND r.polarity = 'positive' AND +r.status = 'public')", kind="any"),
    Source("credit.loan_defaults", _negative_of("loan_repayment"), kind="any"),
    Source("credit.tax_arrears", _negative_of("tax_arrears"), kind="any"),
    Source("credit.penalties", _negative_of("administrative_penalty"), kind="any"),
    Source("lists.black", _LISTED.format(kinds=_BLACK, number="head_id_number")),
    Source("lists.red", _LISTED.format(kinds="'red_list'", number="head_id_number")),
    Source("organization.members", "h.members_count", kind="organization"),
    Source("organization.registered_capital_yuan", "h.registered_capital_fen", 100,
           kind="organization"),
    # The organization by its USCC, or its legal representative by ID number
    # (联合惩戒 reaches the person in charge).
    Source("organization.lists_black",
           f"({_LISTED.format(kinds=_BLACK, number='uscc')} OR EXISTS (SELECT 1 FROM list_entry l "
           f"WHERE l.id_number = h.legal_rep_id_number AND l.list_kind IN ({_BLACK}) "
           "AND l.removed_on IS NULL AND (l.valid_until IS NULL OR l.valid_until >= :today)))",
           kind="organization"),
    Source("organization.lists_red", _LISTED.format(kinds="'red_list'", number="uscc"),
           kind="organization"),
]}

KIND_TABLE = {"household": "household", "organization": "organization"}


def fits(source: str, kind: str) -> bool:
    """Whether a scheme rating ``kind`` subjects may use this source."""
    return SOURCES[source].kind in ("any", kind)


def source_label(key: str) -> str:
    return {
        "household.labor": translate("Rating", "Labour force (register)"),
        "household.members": translate("Rating", "Family members (register)"),
        "household.land_mu": translate("Rating", "Contracted land, mu (register)"),
        "household.annual_income_yuan": translate("Rating", "Annual income, yuan (register)"),
        "household.assets_yuan": translate("Rating", "Assets, yuan (register)"),
        "household.loan_balance_yuan": translate("Rating", "Loan balance, yuan (register)"),
        "household.overdue_yuan": translate("Rating", "Overdue loans, yuan (register)"),
        "credit.negative_records": translate("Rating", "Negative credit records in publicity"),
        "credit.serious_negative_records": translate("Rating", "Serious negative credit records"),
        "credit.serious_loan_default": translate("Rating", "Serious loan default on record"),
        "credit.positive_records": translate("Rating", "Positive credit records"),
        "lists.black": translate("Rating", "On a black list or the court's defaulter list"),
        "lists.red": translate("Rating", "On a red list"),
        "credit.loan_defaults": translate("Rating", "Loan repayment records against it"),
        "credit.tax_arrears": translate("Rating", "Tax arrears records"),
        "credit.penalties": translate("Rating", "Administrative penalties in publicity"),
        "organization.members": translate("Rating", "Members (register)"),
        "organization.registered_capital_yuan": translate(
            "Rating", "Registered capital, yuan (register)"),
        "organization.lists_black": translate(
            "Rating", "Organization or its legal representative on a black list"),
        "organization.lists_red": translate("Rating", "On a red list"),
    }.get(key, key)


def today() -> str:
    return dt.date.today().isoformat()


def select_sql(keys: list[str], kind: str = "household") -> str:
    """``SELECT h.id, h.village_id, <one column per source key> FROM household h``
    (or ``organization h``)."""
    columns = ", ".join(f"{SOURCES[k].sql} AS [{k}]" for k in keys)
    return (f"SELECT h.id AS subject_id, h.village_id AS village_id, {columns} "
            f"FROM {KIND_TABLE[kind]} h")


def household_inputs(db: Database, subject_ids: list[str], keys: list[str],
                     on: str | None = None, kind: str = "household") -> dict[str, dict[str, Any]]:
    """{subject_id: {source key: integer value}} for these households (or organizations)."""
    out: dict[str, dict[str, Any]] = {}
    sql = select_sql(keys, kind) + " WHERE h.id = :sid"
    for subject_id in subject_ids:
        cursor = db.execute(sql, {"sid": subject_id, "today": on or today()})
        row = cursor.fetchone()
        if row is None:
            continue
        names = [d[0] for d in cursor.description]
        values = dict(zip(names, row))
        out[subject_id] = {k: int(values[k] or 0) for k in keys}
    return out
