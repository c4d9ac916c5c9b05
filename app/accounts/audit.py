"""The audit chains: the journal, the query/use log and the account log
cannot be quietly rewritten.

Each row's hash covers its content and the previous row's hash
(db/schema_accounts.py writes them by trigger on every insert). ``verify``
recomputes every chain and names the first row that no longer matches;
``chain_heads`` is what travels to the county with each sync batch, so a
rewrite on the PC is detectable from outside even if the whole chain was
recomputed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.i18n import translate
from app.jobs import NO_JOB, Job
from db.schema_accounts import CHAINED, content_sql


def log_label(log: str) -> str:
    return {
        "journal": translate("Audit", "change journal"),
        "query_log": translate("Audit", "query and use log"),
        "account_log": translate("Audit", "account log"),
    }.get(log, log)


@dataclass
class Break:
    log: str
    seq: int
    reason: str

    def message(self) -> str:
        return translate("Audit", "The {log} is broken at row {seq}: {reason}").format(
            log=log_label(self.log), seq=self.seq, reason=self.reason)

    def as_dict(self) -> dict[str, Any]:
        return {"log": self.log, "seq": self.seq, "reason": self.reason,
                "message": self.message()}


def _verify_log(db: Database, log: str, job: Job) -> tuple[int, Break | None]:
    orphan = db.execute(
        f"SELECT min(c.seq) FROM audit_chain c WHERE c.log = ? AND NOT EXISTS "
        f"(SELECT 1 FROM {log} t WHERE t.seq = c.seq)", [log]).fetchone()[0]
    prev = ""
    checked = 0
    total = db.execute(f"SELECT count(*) FROM {log}").fetchone()[0]
    cursor = db.execute(
        f"SELECT t.seq, {content_sql(log, 't')}, c.hash FROM {log} t "
        f"LEFT JOIN audit_chain c ON c.log = ? AND c.seq = t.seq ORDER BY t.seq", [log])
    found: Break | None = None
    for seq, content, stored in cursor:
        if orphan is not None and orphan < seq:
            found = Break(log, orphan, translate("Audit", "the row was deleted."))
            break
        expected = hashlib.sha256(f"{prev}|{content}".encode("utf-8")).hexdigest()
        if stored is None:
            found = Break(log, seq, translate("Audit", "the row was added without its hash "
                                                       "(the log's triggers were bypassed)."))
            break
        if stored != expected:
            found = Break(log, seq, translate("Audit", "the row's content or order was changed "
                                                       "after it was written."))
            break
        prev = stored
        checked += 1
        if checked % 20000 == 0:
            job.step(checked, total, log_label(log))
    if found is None and orphan is not None:
        found = Break(log, orphan, translate("Audit", "the row was deleted."))
    return checked, found


def verify(db: Database, job: Job = NO_JOB) -> dict[str, Any]:
    """Every chain checked: {"ok", "checked": {log: rows}, "breaks": [Break...]}.

    A schema whose log tables lost their append-only triggers is reported too.
    """
    checked: dict[str, int] = {}
    breaks: list[Break] = []
    for log in CHAINED:
        count, found = _verify_log(db, log, job)
        checked[log] = count
        if found:
            breaks.append(found)
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    missing = [t for log in CHAINED for t in (f"{log}_chain", f"{log}_no_update",
                                              f"{log}_no_delete") if t not in triggers]
    return {"ok": not breaks and not missing, "checked": checked, "breaks": breaks,
            "missing_triggers": missing}


def chain_heads(db: Database) -> dict[str, dict[str, Any]]:
    """The last row number and hash of every chain (travels with sync batches)."""
    heads = {}
    for log in CHAINED:
        row = db.execute("SELECT seq, hash FROM audit_chain WHERE log = ? ORDER BY seq DESC "
                         "LIMIT 1", [log]).fetchone()
        heads[log] = {"seq": row[0] if row else 0, "hash": row[1] if row else ""}
    return heads


def _local_hour(stamp: str) -> str:
    """HH:MM local time of a UTC stamp (the log keeps UTC; office hours are local)."""
    moment = dt.datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S").replace(
        tzinfo=dt.timezone.utc).astimezone()
    return moment.strftime("%H:%M")


def review(db: Database, operator_id: str, since: str, until: str) -> dict[str, Any]:
    """The query and use log of a period (dates, inclusive) for the review (审查):
    uses per user, full-number disclosures, use outside office hours, and
    users whose daily count is unusually high (thresholds in the access policy)."""
    from app.accounts import policy as access_policy
    from app.accounts.permissions import require

    require(db, operator_id, "audit.review")
    rules = access_policy.load(db)["review"]
    start, end = rules["office_hours_start"], rules["office_hours_end"]
    rows = list(db.query(
        "SELECT q.seq, q.at, q.operator_id, COALESCE(u.display_name, q.operator_id) AS user, "
        "q.action, q.subject_id, q.purpose, q.detail FROM query_log q "
        "LEFT JOIN app_user u ON u.id = q.operator_id WHERE q.at >= ? AND q.at < ? "
        "ORDER BY q.seq", [str(since)[:10], str(until)[:10] + "T99"]))
    per_user: dict[str, dict[str, Any]] = {}
    full, after_hours = [], []
    daily: dict[tuple[str, str], int] = {}
    for row in rows:
        detail = {}
        if row["detail"] and row["detail"].startswith("{"):
            try:
                detail = json.loads(row["detail"])
            except ValueError:
                detail = {}
        count = int(detail.get("count") or 1)
        user = per_user.setdefault(row["user"], {"user": row["user"], "uses": 0, "subjects": 0})
        user["uses"] += 1
        user["subjects"] += count
        if detail.get("full_numbers") or detail.get("full_display"):
            full.append(row)
        hour = _local_hour(row["at"])
        if not (start <= hour < end):
            after_hours.append(row)
        key = (row["user"], row["at"][:10])
        daily[key] = daily.get(key, 0) + count
    limit = int(rules["unusual_daily_uses"])
    unusual = [{"user": u, "day": d, "count": n} for (u, d), n in sorted(daily.items())
               if n > limit]
    return {"since": str(since)[:10], "until": str(until)[:10], "entries": len(rows),
            "per_user": sorted(per_user.values(), key=lambda u: -u["subjects"]),
            "full_disclosures": full, "after_hours": after_hours, "unusual": unusual,
            "office_hours": f"{start}-{end}", "unusual_daily_uses": limit}


def sign_review(db: Database, operator_id: str, since: str, until: str, note: str,
                summary: dict[str, Any]) -> None:
    """The reviewer's signature: who reviewed which period, with what finding (chained)."""
    from app.accounts import auth
    from app.accounts.permissions import require

    require(db, operator_id, "audit.review")
    auth.log_account(db, operator_id, "audit_review", None, {
        "since": str(since)[:10], "until": str(until)[:10], "note": note,
        "entries": summary["entries"], "full_disclosures": len(summary["full_disclosures"]),
        "after_hours": len(summary["after_hours"]), "unusual": summary["unusual"],
        "chain_heads": chain_heads(db)})
