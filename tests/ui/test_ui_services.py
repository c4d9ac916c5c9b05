"""The app/ functions behind the screens, called without Qt."""

from __future__ import annotations

import pytest

from app import subject_lists as sl
from app.errors import ValidationFailed
from app.privacy import can_edit, can_reveal, mask_id_number, mask_phone
from app.register import places
from app.township_setup import clean_township_code, create_township_register
from app.users import default_operator_id, display_name, get_user


def test_masking_keeps_only_the_ends():
    assert mask_id_number("51062319800101123X") == "510***********123X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number(None) == "" and mask_phone("") == ""


def test_only_admins_and_officials_reveal_and_edit():
    assert can_reveal("admin") and can_reveal("official")
    assert not can_reveal("field_staff") and not can_reveal("viewer")
    assert can_edit("official") and not can_edit("viewer")


def test_default_operator_is_named_in_chinese(db):
    user = get_user(db, default_operator_id(db))
    assert user["display_name"] == "默认操作员"
    assert display_name(user) == "默认操作员"


def test_township_code_forms():
    assert clean_township_code(" 510623105 ") == "510623105"
    assert clean_township_code("５１０６２３１０５０００") == "510623105"  # full-width, 12 digits
    with pytest.raises(ValidationFailed):
        clean_township_code("510623105001")  # a village code, not a township's


def test_a_second_township_register_in_the_same_folder_is_refused(data):
    create_township_register(data, code="510623105", name="石泉镇", admin="admin",
                             password="demo2026")
    with pytest.raises(ValidationFailed, match="石泉镇"):
        create_township_register(data, code="510623106", name="别的镇", admin="admin",
                                 password="demo2026")


def test_ids_by_village_group_search_and_limit(demo_db):
    everyone = sl.household_ids(demo_db)
    assert len(everyone) == 400
    assert len(sl.household_ids(demo_db, limit=50)) == 50
    assert sl.household_ids(demo_db, limit=50).tolist() == everyone[:50].tolist()
    village = places(demo_db, "village")[0]
    in_village = sl.household_ids(demo_db, sl.Filter(village["id"], "village"))
    rows = sl.household_rows(demo_db, in_village.tolist())
    assert rows and {r["village_name"] for r in rows.values()} == {village["name"]}
    by_village = sl.household_ids(demo_db, sort=3)
    assert sorted(by_village.tolist()) == sorted(everyone.tolist())
    first_villages = [sl.household_rows(demo_db, [sid])[sid]["village_name"]
                      for sid in by_village[:len(in_village)].tolist()]
    assert set(first_villages) == {village["name"]}  # villages in code order
    name = rows[in_village[0]]["head_name"]
    found = sl.household_ids(demo_db, sl.Filter(village["id"], "village", query=name))
    assert in_village[0] in found.tolist()
