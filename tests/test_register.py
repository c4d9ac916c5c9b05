"""The register: households, members, organizations, places, the journal."""

import json

import pytest

from app import register
from app.errors import ConflictError, DuplicateError, ValidationFailed
from app.journal import changes, entries_for
from app.search import search

HEAD = "11010519491231002X"   # female, born 1949-12-31
SPOUSE = "110105194810010018"  # male
RARE = "王𠀾"                   # CJK Extension B in the given name


@pytest.fixture
def village(db, operator):
    county = register.create_place(db, operator, level="county", code="510623", name="中江县")
    town = register.create_place(db, operator, level="township", code="510623105",
                                 name="石泉镇", parent_id=county["id"])
    village = register.create_place(db, operator, level="village", code="510623105201",
                                    name="青龙村", parent_id=town["id"])
    group = register.create_place(db, operator, level="village_group", code="510623105201-01",
                                  name="一组", parent_id=village["id"])
    return village["id"], group["id"]


def household_form(village, **overrides):
    village_id, group_id = village
    form = {
        "village_id": village_id, "group_id": group_id, "head_name": "李秀英",
        "head_id_number": HEAD, "phone": "13800138000", "members": "3", "labor": "2",
        "land_area": "3.25亩", "annual_income": "3.5万元", "loan_balance": "50000",
        "overdue": "0", "main_industry": "水稻种植",
        "member_list": [{"name": "张建国", "relation": "spouse", "id_number": SPOUSE}],
    }
    form.update(overrides)
    return form


def journal_count(db):
    return db.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def test_create_household_stores_exact_units_and_derived_identity(db, operator, village):
    created = register.create_household(db, operator, household_form(village))
    row = register.get_household(db, created["id"])
    assert row["land_area_centimu"] == 325
    assert row["annual_income_fen"] == 3_500_000
    assert row["loan_balance_fen"] == 5_000_000
    assert row["head_sex"] == "F" and row["head_birth_date"] == "1949-12-31"
    assert [m["name"] for m in row["member_list"]] == ["张建国"]
    assert row["member_list"][0]["sex"] == "M"


def test_every_bad_field_is_reported_at_once(db, operator, village):
    form = household_form(village, head_name="", head_id_number="110105194912310021",
                          phone="123", land_area="3.255", labor="9", overdue="60000")
    with pytest.raises(ValidationFailed) as err:
        register.create_household(db, operator, form)
    fields = {e.field for e in err.value.errors}
    assert {"head_name", "head_id_number", "phone", "land_area", "labor", "overdue"} <= fields
    assert "校验位" in err.value.for_field("head_id_number")
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0


def test_typed_sex_that_contradicts_the_id_number_is_refused(db, operator, village):
    with pytest.raises(ValidationFailed) as err:
        register.create_household(db, operator, household_form(village, head_sex="M"))
    assert "女" in err.value.for_field("head_sex")


def test_duplicate_head_is_refused_naming_the_existing_record(db, operator, village):
    register.create_household(db, operator, household_form(village))
    with pytest.raises(ValidationFailed) as err:
        register.create_household(db, operator, household_form(
            village, head_name="李秀", member_list=[]))
    duplicate = [e for e in err.value.errors if isinstance(e, DuplicateError)][0]
    assert "李秀英" in duplicate.message and "青龙村" in duplicate.message


def test_a_member_already_registered_elsewhere_is_a_duplicate(db, operator, village):
    register.create_household(db, operator, household_form(village))
    body = "51062319800101003"
    from stdnum.cn import ric
    other = body + ric.calc_check_digit(body + "0")
    with pytest.raises(ValidationFailed) as err:
        register.create_household(db, operator, household_form(
            village, head_name="王五", head_id_number=other,
            member_list=[{"name": "张建国", "relation": "spouse", "id_number": SPOUSE}]))
    message = err.value.errors[0].message
    assert "张建国" in message and "李秀英" in message


def test_fifteen_digit_number_is_stored_as_eighteen(db, operator, village):
    created = register.create_household(db, operator, household_form(
        village, head_id_number="110105491231002", member_list=[]))
    assert created["head_id_number"] == HEAD


def test_rare_characters_are_stored_and_found_exactly(db, operator, village):
    created = register.create_household(db, operator, household_form(
        village, head_name=RARE, member_list=[]))
    assert register.get_household(db, created["id"])["head_name"] == RARE
    assert [r.name for r in search(db, "𠀾")] == [RARE]
    assert [r.name for r in search(db, RARE)] == [RARE]


def test_journal_records_who_what_before_and_after(db, operator, village):
    created = register.create_household(db, operator, household_form(village))
    register.update_household(db, operator, created["id"],
                              household_form(village, phone="13900139000"), base_version=1)
    history = entries_for(db, "household", created["id"])
    assert [h["action"] for h in history] == ["create", "update"]
    update = history[1]
    assert update["operator_id"] == operator
    assert update["before"]["phone"] == "13800138000"
    assert update["after"]["phone"] == "13900139000"
    assert update["base_version"] == 1 and update["version"] == 2
    assert "sid" not in update["after"]  # local keys never travel

    register.delete_household(db, operator, created["id"])
    history = entries_for(db, "household", created["id"])
    assert history[-1]["action"] == "delete" and history[-1]["after"] is None
    members = db.execute("SELECT action FROM journal WHERE entity = 'household_member'").fetchall()
    assert [m[0] for m in members] == ["create", "delete"]
    assert search(db, "李秀英") == []


def test_a_rolled_back_change_leaves_no_journal_row(db, operator, village):
    before = journal_count(db)
    with pytest.raises(RuntimeError):
        with changes(db, operator) as cs:
            cs.insert("place", {"level": "village", "code": "510623105299", "name": "试验村",
                                "parent_id": None})
            raise RuntimeError("power cut simulated mid-way")
    assert journal_count(db) == before
    assert not db.execute("SELECT 1 FROM place WHERE code = '510623105299'").fetchone()


def test_saving_over_someone_elses_edit_is_refused(db, operator, village):
    created = register.create_household(db, operator, household_form(village))
    register.update_household(db, operator, created["id"],
                              household_form(village, phone="13900139000"), base_version=1)
    with pytest.raises(ConflictError):
        register.update_household(db, operator, created["id"],
                                  household_form(village, phone="13700137000"), base_version=1)
    assert register.get_household(db, created["id"])["phone"] == "13900139000"


def test_member_changes_are_saved_with_the_household(db, operator, village):
    created = register.create_household(db, operator, household_form(village))
    row = register.get_household(db, created["id"])
    members = [dict(row["member_list"][0], name="张建华"),
               {"name": "张小明", "relation": "child"}]
    register.update_household(db, operator, created["id"],
                              household_form(village, member_list=members))
    names = sorted(m["name"] for m in register.get_household(db, created["id"])["member_list"])
    assert names == ["张小明", "张建华"]


def test_organization_with_pilot_code_needs_a_reason(db, operator, village):
    form = {"kind": "cooperative", "name": "中江县青龙水稻专业合作社",
            "uscc": "91110000600037341A", "legal_rep_name": "王建国",
            "village_id": village[0]}
    with pytest.raises(ValidationFailed) as err:
        register.create_organization(db, operator, form)
    assert "L" in err.value.for_field("uscc")
    created = register.create_organization(
        db, operator, dict(form, uscc_override_reason="营业执照原件如此"))
    assert created["uscc_override_reason"] == "营业执照原件如此"
    with pytest.raises(ValidationFailed) as err:
        register.create_organization(db, operator, dict(form, uscc_override_reason="x"))
    assert "已登记" in err.value.for_field("uscc")
    after = json.loads(db.execute(
        "SELECT after FROM journal WHERE entity = 'organization'").fetchone()[0])
    assert after["uscc"] == "91110000600037341A"


def test_place_codes_follow_the_division_hierarchy(db, operator, village):
    town = register.place_by_code(db, "510623105")
    with pytest.raises(ValidationFailed) as err:
        register.create_place(db, operator, level="village", code="510623106201",
                              name="外镇村", parent_id=town["id"])
    assert "510623105" in str(err.value)
    with pytest.raises(ValidationFailed):
        register.create_place(db, operator, level="village", code="5106231052", name="短码村",
                              parent_id=town["id"])


def test_form_values_round_trip_without_changing_anything(db, operator, village):
    created = register.create_household(db, operator, household_form(village))
    form = register.household_form(register.get_household(db, created["id"]))
    assert form["land_area"] == "3.25" and form["annual_income"] == "35000"
    before = journal_count(db)
    after = register.update_household(db, operator, created["id"], form, base_version=1)
    assert after["version"] == 1 and journal_count(db) == before
