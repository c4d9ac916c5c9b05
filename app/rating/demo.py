"""Demo data of this area: a 2026 campaign across the demo township, in
realistic mixed states.

Villages are at different steps: the first ones approved (some plaques
awarded), then township-reviewed, one whose public notice has just ended
(an objection still to answer before the township review), in public
notice (an answered objection), first reviewed, and the last still
collecting with some households unanswered. The township's cooperatives,
family farms and agricultural enterprises are rated in the same campaign
with the organization scheme and go through the same steps.
Answers follow realistic shares (most households good, a few vetoes). All
of it is written in SQL with a per-household hash of the seed (the same
seed gives the same campaign). In a township of more than 25,000 households
the campaign has reached an evenly spread 25,000 of them, and of more than
5,000 organizations an evenly spread 5,000, which keeps the demo's cost
bounded at a million households.
"""

from __future__ import annotations

import datetime as dt
import random

from app.journal import changes
from app.rating import campaign as campaigns, verdicts
from app.rating.scheme import ensure_shipped, latest
from app.register import home_township
from db.bulk import bulk_load

# (share of villages, status of answered households)
STAGES = [(0.25, "plaqued"), (0.15, "approved"), (0.1, "township_reviewed"),
          (0.05, "notice_ended"), (0.15, "in_notice"), (0.1, "first_reviewed"),
          (0.2, "collected")]
ORDER = ["collected", "first_reviewed", "in_notice", "township_reviewed", "approved", "plaqued"]
STEP_OF = {"first_reviewed": "first_review", "in_notice": "notice",
           "township_reviewed": "township_review", "approved": "approve", "plaqued": "plaque"}

# indicator -> [(option, cumulative percent)]
SHARES = {
    "health": [("good", 55), ("fair", 85), ("poor", 100)],
    "skill": [("strong", 20), ("medium", 65), ("weak", 100)],
    "utility_arrears": [("on_time", 75), ("late", 93), ("arrears", 100)],
    "law_abiding": [("good", 80), ("fair", 96), ("poor", 100)],
    "family_virtue": [("good", 65), ("fair", 93), ("poor", 100)],
    "committee_opinion": [("good", 20), ("fair", 65), ("poor", 100)],
}
VETO_PER_MILLE = {"criminal": 5, "gambling_drugs": 10}
ORG_SHARES = {
    "annual_report": [("on_time", 70), ("late", 90), ("missing", 100)],
    "bookkeeping": [("good", 45), ("fair", 85), ("poor", 100)],
    "social_insurance": [("on_time", 60), ("late", 88), ("arrears", 100)],
    "repayment": [("on_time", 75), ("late", 92), ("overdue", 100)],
    "contracts": [("kept", 60), ("mostly", 90), ("broken", 100)],
    "land_rent": [("on_time", 70), ("late", 92), ("arrears", 100)],
    "product_safety": [("good", 75), ("fair", 95), ("poor", 100)],
    "member_benefit": [("good", 40), ("fair", 80), ("poor", 100)],
    "township_opinion": [("good", 35), ("fair", 75), ("poor", 100)],
}
# A county-sized demo's campaign is a sample (the rating benchmark scores a
# whole township's campaign of its own): each rated household costs the build
# some 170 µs at a million households - its score, its steps, their journal,
# the indexes - so 50,000 took 4.7 s of a build that has to stay within a
# minute (docs/benchmarks.md).
SAMPLE = 25_000
ORG_SAMPLE = 5_000  # organizations likewise (a county has one for every 20 households)


def _rand(rng, modulo: int = 100) -> str:
    a, b = rng.randrange(1_000, 999_983), rng.randrange(0, 1_000_003)
    return f"(((h.sid * {a} + {b}) % 1000003) % {modulo})"


def _org_answers_sql(rng) -> str:
    pairs = []
    for key, shares in ORG_SHARES.items():
        r = _rand(rng)
        whens = " ".join(f"WHEN {r} < {limit} THEN '{option}'" for option, limit in shares[:-1])
        pairs.append(f"'{key}', CASE {whens} ELSE '{shares[-1][0]}' END")
    # A few took subsidies they were not entitled to (class D in the results).
    return (f"CASE WHEN h.sid % 25 = 3 THEN json_object({', '.join(pairs)}, "
            f"'veto:subsidy_fraud', json('true')) ELSE json_object({', '.join(pairs)}) END")


def _answers_sql(rng, partial: str) -> str:
    pairs = []
    # Villages differ: some evaluation groups are stricter than others.
    bias = "(SELECT bias FROM temp.rating_demo_stage s WHERE s.village_id = h.village_id)"
    for key, shares in SHARES.items():
        r = f"({_rand(rng)} + {bias})"
        whens = " ".join(f"WHEN {r} < {limit} THEN '{option}'" for option, limit in shares[:-1])
        pairs.append(f"'{key}', CASE {whens} ELSE '{shares[-1][0]}' END")
    for key in VETO_PER_MILLE:
        pairs.append(f"'veto:{key}', json('true')")
    answers = f"json_object({', '.join(pairs)})"
    for key, per_mille in VETO_PER_MILLE.items():
        answers = (f"json_remove({answers}, CASE WHEN {_rand(rng, 1000)} < {per_mille} "
                   f"THEN '$.none' ELSE '$.\"veto:{key}\"' END)")
    # Households of villages still collecting: the evaluation group has not
    # met for some yet (social evaluation unanswered).
    return (f"CASE WHEN {partial} AND {_rand(rng)} < 45 THEN json_remove({answers}, "
            f"'$.family_virtue', '$.committee_opinion') ELSE {answers} END")


def demo_extension(db, operator_id, rng, job) -> None:
    township = home_township(db)
    if township is None:
        return
    ensure_shipped(db, operator_id)
    villages = [r[0] for r in db.execute(
        "SELECT id FROM place WHERE level = 'village' AND parent_id = ? ORDER BY code",
        [township["id"]])]
    if not villages:
        return
    stage: dict[str, str] = {}
    index = 0
    for share, status in STAGES:
        count = max(1, round(share * len(villages)))
        for village in villages[index:index + count]:
            stage[village] = status
        index += count
    for village in villages[index:]:
        stage[village] = "collected"
    today = dt.date.today()
    households = db.execute("SELECT count(*) FROM household").fetchone()[0]
    # A large township's campaign has reached only part of each village: about
    # SAMPLE households in all, so the demo stays quick at a million households.
    every = max(1, -(-households // SAMPLE))
    organizations = db.execute("SELECT count(*) FROM organization").fetchone()[0]
    every_org = max(1, -(-organizations // ORG_SAMPLE))
    db.execute("DROP TABLE IF EXISTS temp.rating_demo_stage")
    db.execute("CREATE TEMP TABLE rating_demo_stage (village_id TEXT PRIMARY KEY, status TEXT, "
               "notice_id TEXT, bias INTEGER)")
    # Like the register demo: a new file built in one go (deleted if the
    # build fails), so per-commit fsync buys nothing here.
    synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
    db.execute("PRAGMA synchronous=OFF")
    try:
        _build(db, operator_id, rng, job, township, stage, today, every, every_org)
    finally:
        db.execute(f"PRAGMA synchronous={int(synchronous)}")
        db.execute("DROP TABLE IF EXISTS temp.rating_demo_stage")


def _every_nth(db, every: int) -> str:
    """The households whose sid is a multiple of ``every``, as a condition on
    ``h``: looked up by sid, since a condition on every row would read the
    whole table (through the village index, a look-up per household: a second
    at a million households)."""
    if every == 1:
        return "1"
    last = db.execute("SELECT COALESCE(MAX(sid), 0) FROM household").fetchone()[0]
    return (f"h.sid IN (WITH RECURSIVE n(sid) AS (SELECT {every} UNION ALL SELECT sid + {every} "
            f"FROM n WHERE sid + {every} <= {last}) SELECT sid FROM n)")


def _build(db, operator_id, rng, job, township, stage, today, every, every_org) -> None:
    # The journal keeps its indexes: the campaign adds a few rows per rated
    # household to a journal that at a million households holds millions, and
    # rebuilding its indexes would cost more than keeping them. Every
    # reference is taken from a row that exists (the campaign, notices,
    # households, organizations, ratings, the operator), so the foreign-key
    # check at the end would find nothing (0.6 s at a million households).
    with campaigns.big_cache(db), \
            bulk_load(db, ["rating", "rating_step"], check_references=False), \
            changes(db, operator_id) as cs:
        campaign = cs.insert("rating_campaign", {
            "name": f"{today.year}年度信用户评定", "campaign_year": today.year,
            "scheme_id": latest(db)["id"], "township_id": township["id"], "status": "open",
            "closed_at": None, "org_scheme_id": latest(db, "organization")["id"]})
        for village, status in stage.items():
            notice_id = None
            ended = status == "notice_ended"
            status = "in_notice" if ended else status
            if ORDER.index(status) >= ORDER.index("in_notice"):
                if ended:  # ended yesterday: the township review is due
                    start, end = today - dt.timedelta(days=7), today - dt.timedelta(days=1)
                elif status == "in_notice":
                    start, end = today - dt.timedelta(days=3), today + dt.timedelta(days=3)
                else:
                    start, end = today - dt.timedelta(days=40), today - dt.timedelta(days=34)
                notice_id = cs.insert("rating_notice", {
                    "campaign_id": campaign["id"], "village_id": village,
                    "start_date": start.isoformat(), "end_date": end.isoformat(),
                    "objection_contact": f"{township['name']}信用办（镇政府二楼），电话 0838-7212345",
                    "operator_id": operator_id})["id"]
            db.execute("INSERT INTO temp.rating_demo_stage VALUES (?, ?, ?, ?)",
                       [village, status, notice_id, rng.randrange(0, 55)])
        collecting = ("(SELECT status FROM temp.rating_demo_stage s WHERE s.village_id = h.village_id)"
                      " = 'collected'")
        stage_of = "(SELECT {col} FROM temp.rating_demo_stage s WHERE s.village_id = n.village_id)"
        decided = (today - dt.timedelta(days=20)).isoformat() + "T02:00:00.000000Z"
        columns = {
            # Non-credit households get no plaque: they stay approved.
            "status": f"CASE WHEN n.complete = 0 THEN 'collected' WHEN n.grade IS NULL AND "
                      f"{stage_of.format(col='status')} = 'plaqued' THEN 'approved' "
                      f"ELSE coalesce({stage_of.format(col='status')}, 'collected') END",
            "notice_id": f"CASE WHEN n.complete = 1 THEN {stage_of.format(col='notice_id')} END",
            "decided_at": f"CASE WHEN n.complete = 1 AND {stage_of.format(col='status')} IN "
                          f"('approved', 'plaqued') THEN '{decided}' END",
        }
        campaigns.populate(cs, campaign, answers_sql=_answers_sql(rng, collecting),
                           columns=columns, households_sql=_every_nth(db, every), job=job)
        # Organizations (all of them up to ORG_SAMPLE): all answered, the village's
        # stage. Their own random stream: the areas built after this one see the
        # same numbers.
        campaigns.populate(cs, campaign, answers_sql=_org_answers_sql(random.Random(7919)),
                           columns=columns, kind="organization",
                           households_sql=f"h.sid % {every_org} = 0")
        # The steps each household went through, signed by the demo operator.
        steps = 0
        for number, (status, step) in enumerate(STEP_OF.items()):
            later = ORDER[ORDER.index(status):]
            if step == "plaque":
                extra = " AND r.grade IS NOT NULL"
            else:
                extra = ""
            at = (today - dt.timedelta(days=60 - 10 * number)).isoformat() + "T01:00:00.000000Z"
            steps += db.execute(
                "INSERT INTO rating_step (id, rating_id, step, from_status, to_status, at, "
                "operator_id, note, version, created_at, updated_at) "
                "SELECT lower(hex(randomblob(16))), r.id, ?, ?, ?, ?, ?, NULL, 1, ?, ? "
                f"FROM rating r WHERE r.campaign_id = ? AND r.status IN "
                f"({','.join('?' for _ in later)}){extra}",
                [step, ORDER[ORDER.index(status) - 1], status, at, operator_id, cs.at, cs.at,
                 campaign["id"], *later]).rowcount
        # The count is known: counting again is a scan of the new steps with
        # a look-up of each one's rating.
        cs.journal_inserted("rating_step", "created_at = ? AND rating_id IN (SELECT id FROM rating "
                                           "WHERE campaign_id = ?)", [cs.at, campaign["id"]],
                            bulk=steps)
        # Two objections: one answered in a village in notice, one still open in
        # the village whose notice has ended (answering it lets that household
        # go on to the township review).
        pick = ("SELECT r.id FROM rating r JOIN rating_notice n ON n.id = r.notice_id WHERE "
                "r.campaign_id = ? AND r.status = 'in_notice' AND r.subject_kind = 'household' "
                "AND n.end_date {op} ? ORDER BY r.subject_id LIMIT 1")
        in_notice = [row[0] for op in (">=", "<") for row in db.execute(
            pick.format(op=op), [campaign["id"], today.isoformat()])]
        for number, rating_id in enumerate(in_notice):
            cs.insert("rating_objection", {
                "rating_id": rating_id, "raised_on": (today - dt.timedelta(days=1 + 3 * number)
                                                      ).isoformat(),
                "raised_by": ["村民（匿名）", "同组村民"][number],
                "content": ["反映该户长期拖欠集体水费", "反映该户家庭收入填报偏高"][number],
                "outcome": "dismissed" if number == 0 else None,
                "answer": "经村评议小组核实，已于去年缴清" if number == 0 else None,
                "resolved_at": cs.at if number == 0 else None,
                "answered_by": operator_id if number == 0 else None})
        verdicts.recompute_campaign(db, campaign["id"])
