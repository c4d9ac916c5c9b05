"""A county correction that renames a head of household moves the household in the lists."""

from __future__ import annotations

from app import subject_lists
from app.sync import client


def test_a_county_rename_re_sorts_the_household(enrolled, demo_data, county):
    db = enrolled
    client.push(db, demo_data)
    sid, hid, old_name = db.execute(
        "SELECT sid, id, head_name FROM household ORDER BY name_sort DESC LIMIT 1").fetchone()
    assert subject_lists.household_ids(db, limit=1)[0] != sid
    county.store.correct("household", hid, {"head_name": "阿" + old_name[1:]})
    admin = db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    assert client.pull(db, demo_data, admin)["corrections"] == 1
    assert db.execute("SELECT head_name FROM household WHERE id = ?", [hid]).fetchone()[0] == \
        "阿" + old_name[1:]
    # 阿 (a) sorts first; the key never travels or enters the journal
    assert subject_lists.household_ids(db, limit=1)[0] == sid
    assert "name_sort" not in db.execute(
        "SELECT after FROM journal WHERE entity = 'household' AND entity_id = ? "
        "ORDER BY seq DESC LIMIT 1", [hid]).fetchone()[0]
