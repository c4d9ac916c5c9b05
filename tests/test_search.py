"""Search as officials use it: parts of names, pinyin, numbers."""

import pytest

from app import register
from app.search import search
from stdnum.cn import ric, uscc as uscc_lib


def id_number(birth: str, seq: int) -> str:
    body = f"510623{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def people(db, operator):
    county = register.create_place(db, operator, level="county", code="510623", name="中江县")
    town = register.create_place(db, operator, level="township", code="510623105", name="石泉镇",
                                 parent_id=county["id"])
    v1 = register.create_place(db, operator, level="village", code="510623105201", name="青龙村",
                               parent_id=town["id"])["id"]
    v2 = register.create_place(db, operator, level="village", code="510623105202", name="𪨶山村",
                               parent_id=town["id"])["id"]
    names = {
        "王建国": (v1, "13800001234"), "李建国华": (v2, "13900005678"), "建国": (v1, None),
        "单雄信": (v1, None), "曾国藩": (v2, None), "解晓东": (v1, None), "仇英": (v2, None),
        "王秀英": (v1, "13700001111"), "刘䶮": (v2, None),
    }
    made = {}
    for seq, (name, (village, phone)) in enumerate(names.items(), start=1):
        made[name] = register.create_household(db, operator, {
            "village_id": village, "head_name": name, "phone": phone,
            "head_id_number": id_number("19700101", seq * 2 + 1), "members": 1})
    body = "93510623MA6C12345"
    register.create_organization(db, operator, {
        "kind": "cooperative", "name": "中江县建国水稻专业合作社", "legal_rep_name": "王建国",
        "uscc": body + uscc_lib.calc_check_digit(body + "0"), "village_id": v1})
    return made


def names(results):
    return [r.name for r in results]


def heads(results):
    """Heads of household and organizations themselves (not found by a member or legal rep)."""
    return [r.name for r in results if not r.person]


def test_two_characters_find_names_that_contain_them_exact_first(db, people):
    found = names(search(db, "建国"))
    assert found[0] == "建国"                      # exact match first
    assert {"王建国", "李建国华", "中江县建国水稻专业合作社"} <= set(found)
    assert "王秀英" not in found


def test_one_character_finds_names_containing_it(db, people):
    found = set(names(search(db, "英")))
    assert found == {"王秀英", "仇英"}


def test_three_characters(db, people):
    assert names(search(db, "李建国")) == ["李建国华"]


def test_polyphonic_surnames_use_the_surname_reading(db, people):
    assert "单雄信" in names(search(db, "shanxiongxin"))
    assert "单雄信" in names(search(db, "sxx"))
    assert "单雄信" not in names(search(db, "danxiongxin"))
    assert "曾国藩" in names(search(db, "zengguofan"))
    assert "解晓东" in names(search(db, "xiexiaodong"))
    assert "仇英" in names(search(db, "qiuying"))


def test_pinyin_initials_and_prefix_of_full_pinyin(db, people):
    assert heads(search(db, "wjg")) == ["王建国"]
    assert set(heads(search(db, "wang"))) == {"王建国", "王秀英"}
    # The cooperative whose legal representative is 王建国 comes after the heads.
    assert names(search(db, "wjg")) == ["王建国", "中江县建国水稻专业合作社"]
    assert "王建国" in names(search(db, "WangJianGuo"))


def test_id_number_whole_or_last_digits(db, people):
    number = people["曾国藩"]["head_id_number"]
    assert names(search(db, number)) == ["曾国藩"]
    assert names(search(db, number.lower())) == ["曾国藩"]
    assert "曾国藩" in names(search(db, number[-6:]))
    result = search(db, number[-4:])
    assert "曾国藩" in names(result) and result[0].match in ("id_number", "phone")


def test_phone_whole_or_last_four(db, people):
    assert names(search(db, "13800001234")) == ["王建国"]
    found = search(db, "5678")
    assert names(found) == ["李建国华"] and found[0].match == "phone"


def test_uscc_and_organization_name(db, people):
    code = db.execute("SELECT uscc FROM organization").fetchone()[0]
    assert names(search(db, code)) == ["中江县建国水稻专业合作社"]
    assert names(search(db, "水稻专业")) == ["中江县建国水稻专业合作社"]


def test_each_result_shows_its_village(db, people):
    result = search(db, "李建国华")[0]
    assert result.village_name == "𪨶山村" and result.village_code == "510623105202"


def test_rare_character_is_found_exactly(db, people):
    assert names(search(db, "䶮")) == ["刘䶮"]


def test_a_renamed_household_is_found_by_its_new_name_only(db, operator, people):
    household = people["王秀英"]
    data = dict(register.household_form(register.get_household(db, household["id"])),
                head_name="王桂英")
    register.update_household(db, operator, household["id"], data)
    assert names(search(db, "秀英")) == []
    assert names(search(db, "桂英")) == ["王桂英"]
    assert names(search(db, "13700001111")) == ["王桂英"]


def test_limit_and_empty_queries(db, people):
    assert len(search(db, "国", limit=2)) == 2
    assert search(db, "   ") == []
    assert search(db, "12") == []


# ---------------------------------------------------------------- members, readings, codes

@pytest.fixture
def families(db, operator, people):
    village = register.places(db, "village")[0]["id"]
    household = register.create_household(db, operator, {
        "village_id": village, "head_name": "赵大山", "phone": "13612345678",
        "head_id_number": id_number("19600101", 101), "members": 3,
        "member_list": [
            {"name": "王长林", "relation": "child", "id_number": id_number("19900202", 103)},
            {"name": "孙建軍", "relation": "spouse"},
        ]})
    body = "93510623MA6C12346"
    register.create_organization(db, operator, {
        "kind": "cooperative", "name": "石泉镇青山蜂业专业合作社", "legal_rep_name": "周丽萍",
        "legal_rep_id_number": id_number("19750505", 105),
        "uscc": body + uscc_lib.calc_check_digit(body + "0"), "village_id": village})
    return household


def test_a_member_is_found_by_name_and_says_whose_household(db, families):
    [result] = [r for r in search(db, "王长林") if r.person]
    assert (result.name, result.person, result.match) == ("赵大山", "王长林", "member_name")
    assert result.id == families["id"]


def test_every_reading_of_a_polyphonic_given_name_counts(db, families):
    for query in ("wangchanglin", "wangzhanglin", "wzl", "wcl"):
        assert "王长林" in {r.person for r in search(db, query)}, query


def test_pinyin_inside_a_name(db, families):
    assert "赵大山" in {r.name for r in search(db, "dashan")}
    assert "石泉镇青山蜂业专业合作社" in {r.name for r in search(db, "fengye")}


def test_a_legal_representative_by_name_and_id_number(db, families):
    by_name = [r for r in search(db, "周丽萍") if r.person]
    assert [(r.name, r.match) for r in by_name] == [("石泉镇青山蜂业专业合作社", "legal_rep_name")]
    number = id_number("19750505", 105)
    [by_number] = search(db, number[-6:])
    assert (by_number.person, by_number.match) == ("周丽萍", "legal_rep_id_number")


def test_member_id_and_leading_digits_of_numbers(db, families):
    member = id_number("19900202", 103)
    [found] = search(db, member[-4:])
    assert (found.name, found.person) == ("赵大山", "王长林")
    assert "赵大山" in {r.name for r in search(db, member[:14])}
    assert "赵大山" in {r.name for r in search(db, "1361234")}       # a phone's first digits


def test_traditional_characters_find_simplified_names(db, families):
    assert "孙建軍" not in {r.person for r in search(db, "孙建军")}  # stored as typed
    db.execute("UPDATE household_member SET name = '孙建军' WHERE name = '孙建軍'")
    from app.search import index_names
    index_names(db, ["孙建军"])
    assert "孙建军" in {r.person for r in search(db, "孫建軍")}


def test_an_old_register_gets_the_new_keys_once(db, families):
    from app.search import upgrade_index

    db.execute("DELETE FROM search_key WHERE key LIKE 'm:%' OR key LIKE 'M:%'")
    db.execute("DELETE FROM setting WHERE key = 'search.index_version'")
    assert not [r for r in search(db, id_number("19900202", 103)[-4:]) if r.person]
    upgrade_index(db)
    assert [r.person for r in search(db, id_number("19900202", 103)[-4:])] == ["王长林"]


def test_the_code_on_a_printed_letter_finds_whose_it_is(demo_db):
    letter_id, number, subject_id = demo_db.execute(
        "SELECT id, number, subject_id FROM commitment_letter LIMIT 1").fetchone()
    for query in (number, f" {number} ", letter_id.upper()):   # typed, or its QR code scanned
        [first, *_] = search(demo_db, query)
        assert (first.id, first.match, first.person) == (subject_id, "letter", number)
    assert search(demo_db, number[:-1] + "x") == []
