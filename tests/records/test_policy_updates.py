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
    assert [line.split("\t")[0] for line in history] == ["2026.11", "2026.10", "2026.9"]
    assert "现行" in history[1] and later in history[0]
