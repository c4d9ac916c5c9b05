"""Query and use log (查询使用登记): who looked at, printed or exported whose
credit information, when, and for what purpose.

Append-only: the table's triggers refuse UPDATE and DELETE, and the app has
no function that changes or removes an entry. The log is local evidence of
use and not part of the county outbox, so it is not journaled.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.i18n import translate
from app.journal import utc_now

# Actions the areas log; free text is allowed too (e.g. "export").
VIEW = "view"
REPORT = "report"
EXPORT = "export"
VERIFY = "verify"
PRINT = "print"


def action_label(action: str) -> str:
    return {
        VIEW: translate("Records", "Viewed credit detail"),
        REPORT: translate("Records", "Credit report"),
        EXPORT: translate("Records", "Export"),
        VERIFY: translate("Records", "Report verification"),
        PRINT: translate("Records", "Print"),
    }.get(action, action)


def log_use(db: Database, operator_id: str, *, action: str, subject_id: str | None = None,
            purpose: str | None = None, detail: Any = None) -> None:
    """Append one entry. Inside the caller's transaction if one is open
    (the entry then commits or rolls back with the use it records),
    otherwise in its own."""
    if detail is not None and not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    params = [utc_now(), operator_id, action, subject_id, purpose, detail]
    sql = ("INSERT INTO query_log (at, operator_id, action, subject_id, purpose, detail) "
           "VALUES (?,?,?,?,?,?)")
    if db.conn.in_transaction:
        db.execute(sql, params)
    else:
        with db.atomic():
            db.execute(sql, params)


def search_log(db: Database, *, subject_id: str | None = None, operator_id: str | None = None,
               action: str | None = None, since: str | None = None, until: str | None = None,
               text: str | None = None, limit: int = 500, before_seq: int | None = None
               ) -> list[dict[str, Any]]:
    """Entries newest first, with the operator's and the subject's names.

    ``since``/``until`` are dates (YYYY-MM-DD, inclusive); ``text`` matches
    purpose, detail, the subject's name or the operator's name.
    """
    where, params = [], []
    if subject_id:
        where.append("q.subject_id = ?")
        params.append(subject_id)
    if operator_id:
        where.append("q.operator_id = ?")
        params.append(operator_id)
    if action:
        where.append("q.action = ?")
        params.append(action)
    if since:
        where.append("q.at >= ?")
        params.append(str(since)[:10])
    if until:
        where.append("q.at < ?")
        params.append(str(until)[:10] + "T99")
    if before_seq:
        where.append("q.seq < ?")
        params.append(before_seq)
    name_sql = ("COALESCE((SELECT head_name FROM household h WHERE h.id = q.subject_id), "
                "(SELECT name FROM organization o WHERE o.id = q.subject_id))")
    if text:
        where.append(f"(q.purpose LIKE ? OR q.detail LIKE ? OR {name_sql} LIKE ? "
                     "OR u.display_name LIKE ? OR u.username LIKE ?)")
        like = f"%{text}%"
        params += [like] * 5
    sql = (f"SELECT q.seq, q.at, q.operator_id, COALESCE(u.display_name, q.operator_id) "
           f"AS operator_name, q.action, q.subject_id, {name_sql} AS subject_name, q.purpose, "
           f"q.detail FROM query_log q LEFT JOIN app_user u ON u.id = q.operator_id "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY q.seq DESC LIMIT ?")
    rows = list(db.query(sql, [*params, limit]))
    for row in rows:
        row["action_label"] = action_label(row["action"])
    return rows


def count(db: Database, **filters) -> int:
    return len(search_log(db, limit=10_000_000, **filters))
