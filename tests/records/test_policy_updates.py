"""County policy updates: applied by version order from their effective dates, shown by
``credit-desk policy show|history``."""

import datetime as dt
import json

from app import credit_policy
from app.journal import changes
from app.sync import downlink

TODAY = dt.date.today()


def _send(db, operator, version, content):
    with changes(db, operator) as cs:
        cs.insert("county_policy", {"name": "credit", "policy_version": version,
                                    "content": json.dumps(content, ensure_ascii=False),
                                    "issued_at": (TODAY - dt.timedelta(days=5)).isoformat()})


def test_a_county_update_applies_by_version_order_from_its_effective_date(data, db, operator,
                                                                          cli):
    assert credit_policy.load(db)["objection"]["deadline_days"] == 20
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    later = (TODAY + dt.timedelta(days=30)).isoformat()
    _send(db, operator, "2026.10", {"effective_from": yesterday, "objection": {"deadline_days": 15}})
    _send(db, operator, "2026.9", {"effective_from": yesterday, "objection": {"deadline_days": 18}})
    _send(db, operator, "2026.11", {"effective_from": later, "objection": {"deadline_days": 10}})
    assert downlink.current_policy(db, "credit")["version"] == "2026.11"
    policy = credit_policy.load(db)
    assert policy["objection"]["deadline_days"] == 15  # 2026.10 beats 2026.9 that came later
    assert policy["county_version"] == "2026.10"
    assert policy["objection"]["day_kind"] == "calendar"  # what the update left alone stays
    assert credit_policy.load(db, on=TODAY + dt.timedelta(days=31))["objection"][
        "deadline_days"] == 10
    db.close()
    shown = json.loads(cli("policy", "show", "--json", data=data, check=True).stdout)
    assert shown["objection"]["deadline_days"] == 15 and shown["county_version"] == "2026.10"
    history = cli("policy", "history", data=data, check=True).stdout.splitlines()
    assert [line.split("\t")[0] for line in history][:3] == ["2026.11", "2026.10", "2026.9"]
    assert history[3].startswith("随软件提供")  # the base the county's versions lie over
    assert "现行" in history[1] and later in history[0]


def test_open_deadlines_keep_the_policy_they_were_set_under(demo_data, demo_db, cli):
    from app.records import objections, policy as policy_view
    from app.users import default_operator_id

    op = default_operator_id(demo_db)
    first, second = [r[0] for r in demo_db.execute(
        "SELECT id FROM credit_record WHERE status = 'public' AND polarity = 'negative' "
        "AND id NOT IN (SELECT record_id FROM objection) LIMIT 2")]
    before = objections.file(demo_db, op, first, filed_by="本人", grounds="处罚决定已撤销")
    assert before["deadline"] == (TODAY + dt.timedelta(days=20)).isoformat()
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    _send(demo_db, op, "2026.10", {"effective_from": yesterday, "objection": {"deadline_days": 15}})
    _send(demo_db, op, "2026.9", {"effective_from": yesterday, "objection": {"deadline_days": 18}})
    after = objections.file(demo_db, op, second, filed_by="本人", grounds="记录主体有误")
    assert after["deadline"] == (TODAY + dt.timedelta(days=15)).isoformat()
    assert objections.get(demo_db, before["id"])["deadline"] == \
        (TODAY + dt.timedelta(days=20)).isoformat()  # opened before: keeps its 20 days
    assert (before["policy_version"], after["policy_version"]) == ("shipped 2026.1",
                                                                  "county 2026.10")
    shown = policy_view.view(demo_db)
    assert shown["in_force"]["label"] == "county 2026.10"
    period = next(v for v in shown["values"] if v["key"] == "objection.deadline_days")
    assert (period["value"], period["version"], period["effective_from"]) == (15, "2026.10",
                                                                              yesterday)
    kind = next(v for v in shown["values"] if v["key"] == "objection.day_kind")
    assert kind["source"] == "shipped"  # what the county left alone
    runs = {r["id"]: r["version_label"] for r in shown["deadlines"]}
    assert runs[before["id"]] != runs[after["id"]] and "2026.10" in runs[after["id"]]
    assert [h["state"] for h in shown["history"]][:2] == ["in_force", "replaced"]
    demo_db.close()
    listed = json.loads(cli("policy", "deadlines", "--json", data=demo_data, check=True).stdout)
    pinned = {r["id"]: r["policy_version"] for r in listed}
    assert (pinned[before["id"]], pinned[after["id"]]) == ("shipped 2026.1", "county 2026.10")
    text = cli("policy", "show", data=demo_data, check=True).stdout
    assert "2026.10" in text and "15" in text


def test_a_pending_repair_keeps_its_earliest_date_after_an_update(demo_db):
    from app.records import repair
    from app.users import default_operator_id
    from tests.conftest import ensure_admin

    op = default_operator_id(demo_db)
    record = demo_db.execute(
        "SELECT id, decision_date FROM credit_record WHERE status = 'public' AND "
        "polarity = 'negative' AND severity = 'general' AND id NOT IN (SELECT record_id FROM "
        "repair_application) LIMIT 1").fetchone()
    applied = repair.apply(demo_db, op, record[0], applicant="本人", evidence="缴款凭证 001",
                           commitment="信用修复承诺书")
    decided = dt.date.fromisoformat(record[1])
    assert applied["earliest_on"] == credit_policy.add_months(decided, 3).isoformat()
    # The county lengthens the wait; the application keeps the date it was given.
    _send(demo_db, op, "2026.10", {"effective_from": (TODAY - dt.timedelta(days=1)).isoformat(),
                                   "publicity": {"general": {"repair_after_months": 120}}})
    day = max(TODAY, credit_policy.add_months(decided, 3))
    done = repair.decide(demo_db, ensure_admin(demo_db), applied["id"], approve=True,
                         reason="已履行", today=day)
    assert done["status"] == "approved"


def test_the_history_lists_the_administrators_own_edits_with_who_and_when(data, db, admin_id,
                                                                          cli):
    shipped = credit_policy.shipped_text()
    credit_policy.save(db, shipped.replace("deadline_days = 20", "deadline_days = 25"), admin_id)
    credit_policy.save(db, None, admin_id)  # back to the shipped text
    name = db.execute("SELECT display_name FROM app_user WHERE id = ?", [admin_id]).fetchone()[0]
    db.close()
    rows = json.loads(cli("policy", "history", "--json", data=data, check=True).stdout)
    edits = [r for r in rows if r["source"] == "local_edit"]
    assert [r["state"] for r in edits] == ["in_force", "replaced"]   # newest first
    assert all(r["by"] == name and r["received_at"] for r in edits)
    assert "恢复" in edits[0]["note"] and "修改" in edits[1]["note"]
    assert rows[-1]["source"] == "shipped" and rows[-1]["state"] == "replaced"
    text = cli("policy", "history", data=data, check=True).stdout
    assert "本地修改第" in text and name in text
