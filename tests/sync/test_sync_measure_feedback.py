"""Joint reward and punishment feedback (联合奖惩 触发反馈) travels to the county with the
next batch, over HTTP to a real county server on 127.0.0.1, on both county back ends; the
legal representative link of a listed organization travels with it."""

from __future__ import annotations

from app.records import lists
from app.records.measures import record_measure
from app.sync import client, outbox
from app.users import default_operator_id

from tests.sync.conftest import BOTH_BACK_ENDS

pytestmark = BOTH_BACK_ENDS


def test_a_recorded_measure_reaches_the_county_in_the_next_batch(enrolled, demo_data, county):
    db = enrolled
    op = default_operator_id(db)
    client.push(db, demo_data)
    sent_before = county.store.summary()["townships"][0]["measure_feedback"]
    org = dict(next(db.query("SELECT id, name, uscc, legal_rep_id_number FROM organization "
                             "WHERE legal_rep_id_number IS NOT NULL LIMIT 1")))
    entry = lists.add_entry(db, op, {"list_kind": "black_list", "id_number": org["uscc"],
                                     "basis": "拖欠农民工工资", "deciding_body": "县人社局"})
    row = record_measure(db, op, number=org["uscc"], measure="不得享受涉农补贴等财政性资金支持",
                         matter="2026年农机购置补贴审核", department="乡农业服务中心",
                         note="已告知申请人")
    assert outbox.status(db)["pending_changes"] >= 3  # entry, its legal rep link, feedback
    result = client.push(db, demo_data)
    assert result["failed"] is None and result["pending_after"] == 0
    held = county.store.current("measure_feedback", row["id"])
    assert held["measure"] == "不得享受涉农补贴等财政性资金支持"
    assert held["matter"] == "2026年农机购置补贴审核" and held["id_number"] == org["uscc"]
    assert held["list_entry_id"] == entry["id"] and held["recorded_by"] == op
    assert row["id"] in [r["id"] for r in county.store.records_of("measure_feedback")]
    township = county.store.summary()["townships"][0]
    assert township["measure_feedback"] == sent_before + 1
    links = county.store.records_of("legal_rep_link")
    assert [k["person_id_number"] for k in links if k["source_id"] == entry["id"]] == \
        [org["legal_rep_id_number"]]
