"""The rating workflow of a household, step by step, each step signed.

collect (信息采集) -> first review by the village evaluation group (村评议小组
初评) -> public notice in the village (公示, start and end dates; objections
during it) -> township review (乡镇复核) -> approval (审定) -> plaque (授牌);
then dynamic management: annual review (年审), downgrade (降级) and removal
(摘牌) with a reason. Every step writes a ``rating_step`` row (who, when,
from, to, note) in the same journaled transaction as the rating; a step out
of order is refused naming the household and the step it is at.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from sqlite_utils import Database

from app.accounts.permissions import require, require_other_person, sod_applies
from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import ChangeSet, changes, new_id
from app.rating import assess, verdicts
from app.rating.campaign import (answers_of, campaign_scheme, get_campaign, get_rating,
                                 live_inputs, rating_scheme, require_open)
from app.rating.statuses import DECIDED, ORDER, STEPS, status_label, step_label


class WorkflowError(UserError):
    pass


def _name(db: Database, subject_id: str) -> str:
    row = db.execute("SELECT head_name FROM household WHERE id = ? UNION ALL "
                     "SELECT name FROM organization WHERE id = ?", [subject_id, subject_id]).fetchone()
    return row[0] if row else subject_id


def _record_step(cs: ChangeSet, rating: Mapping[str, Any], step: str, to_status: str,
                 note: str | None = None, batch_id: str | None = None) -> None:
    cs.insert("rating_step", {"rating_id": rating["id"], "step": step,
                              "from_status": rating["status"], "to_status": to_status,
                              "at": cs.at, "operator_id": cs.operator_id, "note": note,
                              "batch_id": batch_id})


def _out_of_order(db: Database, rating: Mapping[str, Any], step: str) -> WorkflowError:
    need = STEPS[step][0] if step in STEPS else "approved"
    return WorkflowError(translate(
        "Rating", "{name}: the rating is at '{status}', so '{step}' cannot be done now; it needs "
                  "the step '{need}' first.").format(
        name=_name(db, rating["subject_id"]), status=status_label(rating["status"]),
        step=step_label(step), need=status_label(need)))


def _ratings(db: Database, rating_ids: Iterable[str]) -> list[dict[str, Any]]:
    rows = [get_rating(db, rid) for rid in rating_ids]
    if not rows:
        raise WorkflowError(translate("Rating", "No household is selected for this step."))
    campaign_ids = {r["campaign_id"] for r in rows}
    for campaign_id in campaign_ids:
        require_open(get_campaign(db, campaign_id))
    return rows


def _check_from(db: Database, rows: list[dict[str, Any]], step: str) -> None:
    start = STEPS[step][0]
    for row in rows:
        if row["status"] != start:
            raise _out_of_order(db, row, step)


def _recompute(db: Database, rows: list[Mapping[str, Any]], after_close: bool = False) -> None:
    for campaign_id, village_id in {(r["campaign_id"], r["village_id"]) for r in rows}:
        verdicts.recompute_village(db, campaign_id, village_id, after_close=after_close)


def _advance(db: Database, operator_id: str, rows: list[dict[str, Any]], step: str,
             extra: Mapping[str, Any] | None = None, note: str | None = None,
             batch_id: str | None = None) -> int:
    to_status = STEPS[step][1]
    with changes(db, operator_id) as cs:
        for row in rows:
            cs.update("rating", row["id"], {"status": to_status, **(extra or {})})
            _record_step(cs, row, step, to_status, note, batch_id)
        _recompute(db, rows)
    return len(rows)


def eligible(db: Database, campaign_id: str, village_id: str, step: str) -> list[str]:
    """Ratings of the village that this step may take now (the UI's village buttons)."""
    start = STEPS[step][0]
    sql = "SELECT id FROM rating WHERE campaign_id = ? AND village_id = ? AND status = ?"
    params: list[Any] = [campaign_id, village_id, start]
    if step == "first_review":
        sql += " AND complete = 1"
    if step == "plaque":
        sql += " AND grade IS NOT NULL"
    if step == "township_review":
        sql += (" AND NOT EXISTS (SELECT 1 FROM rating_objection o WHERE o.rating_id = rating.id "
                "AND o.resolved_at IS NULL) AND notice_id IN (SELECT id FROM rating_notice "
                "WHERE end_date < ?)")
        params.append(dt.date.today().isoformat())
    return [r[0] for r in db.execute(sql, params)]


def moving(db: Database, rating_ids: list[str]) -> str:
    """"12 households" or "12 households and 2 organizations": what a step moves."""
    organizations = sum(db.execute(
        f"SELECT count(*) FROM rating WHERE subject_kind = 'organization' AND id IN "
        f"({','.join('?' for _ in chunk)})", chunk).fetchone()[0]
        for chunk in (rating_ids[i:i + 500] for i in range(0, len(rating_ids), 500)))
    households = len(rating_ids) - organizations
    if organizations:
        return translate("Rating", "{n} households and {m} organizations").format(
            n=households, m=organizations)
    return translate("Rating", "{n} households").format(n=households)


def first_review(db: Database, operator_id: str, rating_ids: Iterable[str],
                 note: str | None = None, batch_id: str | None = None) -> int:
    require(db, operator_id, "rating.first_review")
    rows = _ratings(db, rating_ids)
    _check_from(db, rows, "first_review")
    for row in rows:
        if not row["complete"]:
            raise WorkflowError(translate(
                "Rating", "{name}: not every indicator is answered yet; answer them all before "
                          "the first review.").format(name=_name(db, row["subject_id"])))
    return _advance(db, operator_id, rows, "first_review", note=note, batch_id=batch_id)


def _date(value: str | dt.date, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise WorkflowError(translate("Rating", "{what}: '{value}' is not a date (YYYY-MM-DD).")
                            .format(what=what, value=value)) from None


def publish_notice(db: Database, operator_id: str, campaign_id: str, village_id: str, *,
                   start_date: str | dt.date, end_date: str | dt.date,
                   objection_contact: str) -> dict[str, Any]:
    """Post the village's first-reviewed list for public notice."""
    require(db, operator_id, "rating.review")
    campaign = get_campaign(db, campaign_id)
    require_open(campaign)
    scheme = campaign_scheme(db, campaign)
    start = _date(start_date, translate("Rating", "Notice start"))
    end = _date(end_date, translate("Rating", "Notice end"))
    if (end - start).days + 1 < scheme.notice_days:
        raise WorkflowError(translate(
            "Rating", "The notice must run at least {days} days (scheme {version}); "
                      "{start} to {end} is {n}.").format(
            days=scheme.notice_days, version=scheme.version, start=start, end=end,
            n=(end - start).days + 1))
    contact = (objection_contact or "").strip()
    if not contact:
        raise WorkflowError(translate("Rating", "Say where and to whom objections can be made "
                                                "(e.g. the township credit office and its phone)."))
    ids = [r[0] for r in db.execute(
        "SELECT id FROM rating WHERE campaign_id = ? AND village_id = ? AND status = 'first_reviewed'",
        [campaign_id, village_id])]
    if not ids:
        raise WorkflowError(translate("Rating", "No household of this village has passed the first "
                                                "review, so there is nothing to post."))
    rows = [get_rating(db, i) for i in ids]
    with changes(db, operator_id) as cs:
        notice = cs.insert("rating_notice", {
            "campaign_id": campaign_id, "village_id": village_id, "start_date": start.isoformat(),
            "end_date": end.isoformat(), "objection_contact": contact, "operator_id": operator_id})
        for row in rows:
            cs.update("rating", row["id"], {"status": "in_notice", "notice_id": notice["id"]})
            _record_step(cs, row, "notice", "in_notice",
                         f"{start.isoformat()} – {end.isoformat()}")
        _recompute(db, rows)
    return notice


def get_notice(db: Database, notice_id: str) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM rating_notice WHERE id = ?", [notice_id]), None)
    if row is None:
        raise NotFound(translate("Rating", "The notice no longer exists."))
    return row


def latest_notice(db: Database, campaign_id: str, village_id: str) -> dict[str, Any] | None:
    return next(db.query("SELECT * FROM rating_notice WHERE campaign_id = ? AND village_id = ? "
                         "ORDER BY start_date DESC, created_at DESC LIMIT 1",
                         [campaign_id, village_id]), None)


def raise_objection(db: Database, operator_id: str, rating_id: str, *, raised_on: str | dt.date,
                    raised_by: str, content: str) -> dict[str, Any]:
    require(db, operator_id, "records.objection")
    rating = get_rating(db, rating_id)
    require_open(get_campaign(db, rating["campaign_id"]))
    if rating["status"] != "in_notice":
        raise WorkflowError(translate(
            "Rating", "{name}: objections are taken during the public notice; the rating is at "
                      "'{status}'.").format(name=_name(db, rating["subject_id"]),
                                            status=status_label(rating["status"])))
    notice = get_notice(db, rating["notice_id"])
    on = _date(raised_on, translate("Rating", "Objection date"))
    if not notice["start_date"] <= on.isoformat() <= notice["end_date"]:
        raise WorkflowError(translate(
            "Rating", "The notice ran from {start} to {end}; an objection on {on} is outside it.")
            .format(start=notice["start_date"], end=notice["end_date"], on=on))
    if not (raised_by or "").strip() or not (content or "").strip():
        raise WorkflowError(translate("Rating", "Say who objects and what the objection is."))
    with changes(db, operator_id) as cs:
        objection = cs.insert("rating_objection", {
            "rating_id": rating_id, "raised_on": on.isoformat(), "raised_by": raised_by.strip(),
            "content": content.strip(), "outcome": None, "answer": None, "resolved_at": None})
        _record_step(cs, rating, "objection", rating["status"], content.strip())
    return objection


OUTCOMES = ("upheld", "corrected", "dismissed")


def outcome_label(outcome: str | None) -> str:
    return {
        "upheld": translate("Rating", "upheld (back to collection)"),
        "corrected": translate("Rating", "corrected and rescored"),
        "dismissed": translate("Rating", "dismissed"),
        None: translate("Rating", "open"),
    }.get(outcome, outcome or "")


def resolve_objection(db: Database, operator_id: str, objection_id: str, *, outcome: str,
                      answer: str, answers: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Answer an objection, signed with who and when.

    upheld: the household goes back to collection to be scored again (and
    noticed again); corrected: the group's answers are replaced by
    ``answers``, rescored with today's automatic inputs, and the household
    stays on its way to township review; dismissed: nothing changes.
    """
    require(db, operator_id, "rating.review")
    objection = next(db.query("SELECT * FROM rating_objection WHERE id = ?", [objection_id]), None)
    if objection is None:
        raise NotFound(translate("Rating", "No objection has the id {id}.").format(id=objection_id))
    if objection["resolved_at"]:
        raise WorkflowError(translate("Rating", "This objection was already answered on {at}.")
                            .format(at=objection["resolved_at"][:10]))
    if outcome not in OUTCOMES:
        raise WorkflowError(translate("Rating", "Choose whether the objection is upheld, "
                                                "corrected or dismissed."))
    reason = (answer or "").strip()
    if not reason:
        raise WorkflowError(translate("Rating", "Write the answer given to the objector (the "
                                                "reason for the outcome)."))
    rating = get_rating(db, objection["rating_id"])
    campaign = get_campaign(db, rating["campaign_id"])
    require_open(campaign)
    fields: dict[str, Any] = {}
    note = reason
    if outcome == "corrected":
        if not answers:
            raise WorkflowError(translate(
                "Rating", "A correction needs the corrected answers (which indicators change "
                          "and to what)."))
        scheme = rating_scheme(db, rating, campaign)
        merged = {**answers_of(rating), **answers}
        clean = assess.clean_answers(scheme, merged)
        values = live_inputs(db, rating["subject_id"], scheme)
        result = assess.score(scheme, clean, values)
        fields = {"answers": assess.to_json(clean), **assess.stored_fields(result, values)}
        note = (f"{rating['score']:g} → {float(result.score):g}"
                f"（{rating['grade'] or '-'} → {result.grade or '-'}）：{reason}")
    with changes(db, operator_id) as cs:
        cs.update("rating_objection", objection_id, {
            "outcome": outcome, "answer": reason, "resolved_at": cs.at,
            "answered_by": operator_id})
        if outcome == "upheld":
            cs.update("rating", rating["id"], {"status": "collected", "notice_id": None})
            _record_step(cs, rating, "objection_upheld", "collected", reason)
        elif outcome == "corrected":
            cs.update("rating", rating["id"], fields)
            _record_step(cs, rating, "objection_corrected", rating["status"], note)
        else:
            _record_step(cs, rating, "objection_dismissed", rating["status"], reason)
        _recompute(db, [rating])
    return get_rating(db, rating["id"])


def objections(db: Database, campaign_id: str | None = None, *, open_only: bool = False,
               village_id: str | None = None) -> list[dict[str, Any]]:
    """Objections with the household, village, rating status and who answered."""
    sql = ("SELECT o.*, coalesce(h.head_name, g.name) AS head_name, "
           "coalesce(h.head_id_number, g.uscc) AS head_id_number, r.subject_kind, "
           "p.name AS village_name, r.status AS "
           "rating_status, r.campaign_id, r.village_id, r.score, r.grade, "
           "u.display_name AS answered_by_name FROM rating_objection o "
           "JOIN rating r ON r.id = o.rating_id LEFT JOIN household h ON h.id = r.subject_id "
           "LEFT JOIN organization g ON g.id = r.subject_id "
           "LEFT JOIN place p ON p.id = r.village_id LEFT JOIN app_user u ON u.id = o.answered_by "
           "WHERE 1")
    params: list[Any] = []
    if campaign_id:
        sql += " AND r.campaign_id = ?"
        params.append(campaign_id)
    if open_only:
        sql += " AND o.resolved_at IS NULL"
    if village_id:
        sql += " AND r.village_id = ?"
        params.append(village_id)
    return list(db.query(sql + " ORDER BY o.resolved_at IS NOT NULL, o.raised_on, o.created_at",
                         params))


def open_objections(db: Database, campaign_id: str, village_id: str | None = None) -> list[dict]:
    return objections(db, campaign_id, open_only=True, village_id=village_id)


def township_review(db: Database, operator_id: str, rating_ids: Iterable[str], *,
                    on: dt.date | None = None, note: str | None = None,
                    batch_id: str | None = None) -> int:
    require(db, operator_id, "rating.review")
    rows = _ratings(db, rating_ids)
    _check_from(db, rows, "township_review")
    today = (on or dt.date.today()).isoformat()
    for row in rows:
        notice = get_notice(db, row["notice_id"])
        if today <= notice["end_date"]:
            raise WorkflowError(translate(
                "Rating", "{name}: the public notice runs until {end}; the township review comes "
                          "after it.").format(name=_name(db, row["subject_id"]),
                                              end=notice["end_date"]))
        if db.execute("SELECT 1 FROM rating_objection WHERE rating_id = ? AND resolved_at IS NULL",
                      [row["id"]]).fetchone():
            raise WorkflowError(translate(
                "Rating", "{name}: an objection is still open; answer it first.").format(
                name=_name(db, row["subject_id"])))
    return _advance(db, operator_id, rows, "township_review", note=note, batch_id=batch_id)


def approve(db: Database, operator_id: str, rating_ids: Iterable[str],
            note: str | None = None, batch_id: str | None = None) -> int:
    require(db, operator_id, "rating.approve")
    rows = _ratings(db, rating_ids)
    _check_from(db, rows, "approve")
    _separate_from_first_review(db, operator_id, rows)
    with changes(db, operator_id) as cs:
        for row in rows:
            cs.update("rating", row["id"], {"status": "approved", "decided_at": cs.at})
            _record_step(cs, row, "approve", "approved", note, batch_id)
        _recompute(db, rows)
    return len(rows)


def _separate_from_first_review(db: Database, operator_id: str,
                                rows: list[dict[str, Any]]) -> None:
    """Who recorded a rating's first review may not approve it (separation of duties)."""
    if not sod_applies(db, "rating_first_review"):
        return
    for row in rows:
        step = db.execute("SELECT operator_id FROM rating_step WHERE rating_id = ? AND "
                          "step = 'first_review' ORDER BY at DESC LIMIT 1", [row["id"]]).fetchone()
        require_other_person(db, operator_id, "rating_first_review", step[0] if step else None)


def award_plaque(db: Database, operator_id: str, rating_ids: Iterable[str],
                 note: str | None = None, batch_id: str | None = None) -> int:
    require(db, operator_id, "rating.approve")
    rows = _ratings(db, rating_ids)
    _check_from(db, rows, "plaque")
    for row in rows:
        if not row["grade"]:
            raise WorkflowError(translate(
                "Rating", "{name} is not a credit household, so no plaque is awarded.").format(
                name=_name(db, row["subject_id"])))
    return _advance(db, operator_id, rows, "plaque", note=note, batch_id=batch_id)


def _require_decided(db: Database, rating: Mapping[str, Any], step: str) -> None:
    if rating["status"] not in DECIDED:
        raise _out_of_order(db, rating, step)


def _grade_rank(scheme, grade: str | None) -> int:
    names = [g.grade for g in scheme.grades]
    return len(names) - names.index(grade) if grade in names else 0


def lower_grades(db: Database, rating_id: str) -> list[str]:
    """The grades a downgrade of this rating may go to (best first)."""
    rating = get_rating(db, rating_id)
    scheme = rating_scheme(db, rating)
    return [g.grade for g in scheme.grades
            if _grade_rank(scheme, g.grade) < _grade_rank(scheme, rating["grade"])]


def _reason(reason: str | None, what: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise WorkflowError(translate("Rating", "Give the reason for the {what}.").format(what=what))
    return text


# Dynamic management (动态管理) goes on all year, also after the campaign is
# closed: a closed campaign's answers stay final, its credit households do not.

def downgrade(db: Database, operator_id: str, rating_id: str, *, grade: str, reason: str) -> dict:
    require(db, operator_id, "rating.approve")
    rating = get_rating(db, rating_id)
    campaign = get_campaign(db, rating["campaign_id"])
    _require_decided(db, rating, "downgrade")
    scheme = rating_scheme(db, rating, campaign)
    if grade not in [g.grade for g in scheme.grades] or \
            _grade_rank(scheme, grade) >= _grade_rank(scheme, rating["grade"]):
        raise WorkflowError(translate(
            "Rating", "A downgrade goes to a lower grade than {grade}: {choices}; to take the "
                      "credit household title away, remove it instead.").format(
            grade=rating["grade"] or "-", choices="、".join(lower_grades(db, rating_id)) or "-"))
    reason = _reason(reason, translate("Rating", "downgrade"))
    with changes(db, operator_id) as cs:
        cs.update("rating", rating_id, {"grade": grade})
        _record_step(cs, rating, "downgrade", rating["status"],
                     f"{rating['grade']} → {grade}：{reason}")
        _recompute(db, [rating], after_close=True)
    return get_rating(db, rating_id)


def remove(db: Database, operator_id: str, rating_id: str, *, reason: str) -> dict:
    require(db, operator_id, "rating.approve")
    rating = get_rating(db, rating_id)
    _require_decided(db, rating, "remove")
    reason = _reason(reason, translate("Rating", "removal"))
    with changes(db, operator_id) as cs:
        cs.update("rating", rating_id, {"status": "removed"})
        _record_step(cs, rating, "remove", "removed", reason)
        _recompute(db, [rating], after_close=True)
    return get_rating(db, rating_id)


def reinstate(db: Database, operator_id: str, rating_id: str, *, reason: str) -> dict:
    """Give a removed household its title back (the facts behind the removal
    were repaired or wrong); it returns to the status it was removed from."""
    require(db, operator_id, "rating.approve")
    rating = get_rating(db, rating_id)
    if rating["status"] != "removed":
        raise WorkflowError(translate(
            "Rating", "{name} was not removed (the rating is at '{status}'), so there is "
                      "nothing to reinstate.").format(name=_name(db, rating["subject_id"]),
                                                      status=status_label(rating["status"])))
    if not rating["grade"]:
        raise WorkflowError(translate(
            "Rating", "{name} has no grade to return to; rate the household again in the next "
                      "campaign.").format(name=_name(db, rating["subject_id"])))
    reason = _reason(reason, translate("Rating", "reinstatement"))
    last = db.execute("SELECT from_status FROM rating_step WHERE rating_id = ? AND step = "
                      "'remove' ORDER BY at DESC, rowid DESC LIMIT 1", [rating_id]).fetchone()
    back = last[0] if last and last[0] in DECIDED else "approved"
    with changes(db, operator_id) as cs:
        cs.update("rating", rating_id, {"status": back})
        _record_step(cs, rating, "reinstate", back, reason)
        _recompute(db, [rating], after_close=True)
    return get_rating(db, rating_id)


def _review_one(cs: ChangeSet, scheme, rating: Mapping[str, Any], note: str | None) -> str:
    """Rescore with today's facts inside ``cs``: 'removed', 'downgraded' or 'kept'."""
    db = cs.db
    values = live_inputs(db, rating["subject_id"], scheme)
    result = assess.score(scheme, answers_of(rating), values)
    fields = assess.stored_fields(result, values)
    summary = f"{rating['score']:g} → {float(result.score):g}"
    if result.veto or result.grade is None:
        fields.pop("grade")
        cs.update("rating", rating["id"], {**fields, "status": "removed"})
        _record_step(cs, rating, "remove", "removed",
                     f"{translate('Rating', 'annual review')}：{result.veto or summary}")
        return "removed"
    outcome = "kept"
    if _grade_rank(scheme, result.grade) < _grade_rank(scheme, rating["grade"]):
        _record_step(cs, rating, "downgrade", rating["status"],
                     f"{rating['grade']} → {result.grade}")
        outcome = "downgraded"
    else:
        fields["grade"] = rating["grade"]  # a review never upgrades between campaigns
    cs.update("rating", rating["id"], fields)
    _record_step(cs, rating, "annual_review", rating["status"],
                 (note + "；" if note else "") + summary)
    return outcome


def annual_review(db: Database, operator_id: str, rating_id: str, *,
                  note: str | None = None) -> dict:
    """Re-check a decided rating with today's register and credit facts:
    a veto now applying removes it, a lower grade downgrades it."""
    require(db, operator_id, "rating.approve")
    rating = get_rating(db, rating_id)
    campaign = get_campaign(db, rating["campaign_id"])
    _require_decided(db, rating, "annual_review")
    scheme = rating_scheme(db, rating, campaign)
    with changes(db, operator_id) as cs:
        _review_one(cs, scheme, rating, note)
        _recompute(db, [rating], after_close=True)
    return get_rating(db, rating_id)


def annual_review_all(db: Database, operator_id: str, campaign_id: str, *,
                      village_id: str | None = None, note: str | None = None) -> dict[str, int]:
    """年审 of every credit household of the campaign (or one village) in one
    transaction: {'kept': n, 'downgraded': n, 'removed': n}."""
    require(db, operator_id, "rating.approve")
    campaign = get_campaign(db, campaign_id)
    sql = ("SELECT * FROM rating WHERE campaign_id = ? AND status IN ('approved', 'plaqued') "
           "AND grade IS NOT NULL")
    params = [campaign_id]
    if village_id:
        sql += " AND village_id = ?"
        params.append(village_id)
    rows = list(db.query(sql, params))
    if not rows:
        raise WorkflowError(translate("Rating", "No credit household to review here."))
    counts = {"kept": 0, "downgraded": 0, "removed": 0}
    with changes(db, operator_id) as cs:
        for row in rows:
            counts[_review_one(cs, rating_scheme(db, row, campaign), row, note)] += 1
        _recompute(db, rows, after_close=True)
    return counts


def history(db: Database, rating_id: str) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT s.*, u.display_name AS operator_name FROM rating_step s "
        "JOIN app_user u ON u.id = s.operator_id WHERE s.rating_id = ? ORDER BY s.at, s.rowid",
        [rating_id]))


def advance_village(db: Database, operator_id: str, campaign_id: str, village_id: str,
                    step: str) -> int:
    """Take every household of the village that is ready for ``step`` through it."""
    require(db, operator_id, "rating.review")
    ids = eligible(db, campaign_id, village_id, step)
    if not ids:
        raise WorkflowError(translate(
            "Rating", "No household of this village is ready for '{step}' now.").format(
            step=step_label(step)))
    fn = {"first_review": first_review, "township_review": township_review, "approve": approve,
          "plaque": award_plaque}[step]
    return fn(db, operator_id, ids, batch_id=new_id())


def last_batch(db: Database, campaign_id: str, village_id: str) -> dict[str, Any] | None:
    """The village's latest village-wide step: {batch_id, step, at, count, undoable}.
    It can be undone while no later step was taken in the village."""
    row = db.execute(
        "SELECT s.batch_id, s.step, s.at, count(*) FROM rating_step s JOIN rating r ON "
        "r.id = s.rating_id WHERE r.campaign_id = ? AND r.village_id = ? AND s.batch_id IS NOT "
        "NULL GROUP BY s.batch_id ORDER BY s.at DESC LIMIT 1", [campaign_id, village_id]).fetchone()
    if row is None:
        return None
    batch_id, step, at, count = row
    later = db.execute(
        "SELECT 1 FROM rating_step s JOIN rating r ON r.id = s.rating_id WHERE r.campaign_id = ? "
        "AND r.village_id = ? AND s.at >= ? AND coalesce(s.batch_id, '') != ? LIMIT 1",
        [campaign_id, village_id, at, batch_id]).fetchone()
    return {"batch_id": batch_id, "step": step, "at": at, "count": count,
            "undoable": later is None}


def last_batch_ratings(db: Database, campaign_id: str, village_id: str) -> list[str]:
    """The ratings the village's last village-wide step moved (what an undo moves back)."""
    batch = last_batch(db, campaign_id, village_id)
    if batch is None:
        return []
    return [r[0] for r in db.execute("SELECT rating_id FROM rating_step WHERE batch_id = ?",
                                     [batch["batch_id"]])]


def undo_last_batch(db: Database, operator_id: str, campaign_id: str, village_id: str,
                    *, reason: str = "") -> int:
    """Undo the village's last village-wide step: every household it moved goes
    back, and an 'undo' step records who did it (the original steps are kept)."""
    require(db, operator_id, "rating.review")
    require_open(get_campaign(db, campaign_id))
    batch = last_batch(db, campaign_id, village_id)
    if batch is None or not batch["undoable"]:
        raise WorkflowError(translate(
            "Rating", "There is no village-wide step to undo here: only the last one can be "
                      "undone, and only until the next step is taken."))
    if batch["step"] == "approve":
        require(db, operator_id, "rating.approve")
    steps = list(db.query("SELECT * FROM rating_step WHERE batch_id = ?", [batch["batch_id"]]))
    rows = [get_rating(db, s["rating_id"]) for s in steps]
    with changes(db, operator_id) as cs:
        for step, rating in zip(steps, rows):
            fields: dict[str, Any] = {"status": step["from_status"]}
            if step["step"] == "approve":
                fields["decided_at"] = None
            cs.update("rating", rating["id"], fields)
            _record_step(cs, rating, "undo", step["from_status"],
                         f"{step_label(step['step'])}" + (f"：{reason.strip()}" if reason.strip()
                                                          else ""))
        _recompute(db, rows)
    return len(rows)


def village_progress(db: Database, campaign_id: str, village_id: str) -> dict[str, int]:
    """{status: count} of the village's ratings, plus 'incomplete' and 'open_objections'."""
    out = {status: 0 for status in [*ORDER, "removed"]}
    for status, count in db.execute("SELECT status, count(*) FROM rating WHERE campaign_id = ? "
                                    "AND village_id = ? GROUP BY status", [campaign_id, village_id]):
        out[status] = count
    out["incomplete"] = db.execute("SELECT count(*) FROM rating WHERE campaign_id = ? AND "
                                   "village_id = ? AND complete = 0",
                                   [campaign_id, village_id]).fetchone()[0]
    out["open_objections"] = len(open_objections(db, campaign_id, village_id))
    return out
