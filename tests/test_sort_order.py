"""Lists sort by pinyin (陈 chen before 丁 ding), not by code point (丁 U+4E01 first),
whoever wrote the row: a form, an import, a rename, an older version of the program."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from stdnum.cn import ric

from app import places, register, subject_lists
from app.paths import DataDir
from app.pinyin import person_sort_key, place_sort_key
from app.store import open_data_dir

TOWNSHIP = "510623105"


def id_number(seq: int, birth: str = "19700101") -> str:
    body = f"510623{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def names_in_list_order(db, **flt) -> list[str]:
    sids = subject_lists.household_ids(db, subject_lists.Filter(**flt))
    rows = subject_lists.household_rows(db, sids)
    return [rows[sid]["head_name"] for sid in sids]


def test_keys_read_surnames_as_surnames_and_groups_by_number():
    assert sorted(["丁一", "陈二", "程三", "阿四", "单五", "曾六", "张七"], key=person_sort_key) == \
        ["阿四", "陈二", "程三", "丁一", "单五", "曾六", "张七"]  # 单 shan, 曾 zeng as surnames
    assert sorted(["陈建军", "陈", "陈建", "沉"], key=person_sort_key) == ["沉", "陈", "陈建", "陈建军"]
    assert sorted(["十组", "二组", "第三村民小组", "1组", "十二组", "四组"], key=place_sort_key) == \
        ["1组", "二组", "第三村民小组", "四组", "十组", "十二组"]


@pytest.fixture
def township(db, operator):
    county = register.create_place(db, operator, level="county", code="510623", name="中江县")
    town = register.create_place(db, operator, level="township", code=TOWNSHIP, name="石泉镇",
                                 parent_id=county["id"])
    villages = {}
    for code, name in (("201", "新华村"), ("202", "大石村"), ("203", "白鹤村")):
        villages[name] = register.create_place(db, operator, level="village",
                                               code=TOWNSHIP + code, name=name,
                                               parent_id=town["id"])["id"]
    return villages


def test_forms_and_renames_keep_the_order(db, operator, township):
    made = {}
    for seq, name in enumerate(["丁一", "陈明", "张伟", "阿强", "曾华"], start=1):
        made[name] = register.create_household(db, operator, {
            "village_id": township["新华村"], "head_name": name,
            "head_id_number": id_number(seq * 2 + 1), "members": 1})
    assert names_in_list_order(db) == ["阿强", "陈明", "丁一", "曾华", "张伟"]
    # by code point it would have been 丁 (U+4E01) first
    assert sorted(names_in_list_order(db))[0] == "丁一"
    # within a village too (the village filter of the register page)
    assert names_in_list_order(db, place_id=township["新华村"], place_level="village")[:3] == \
        ["阿强", "陈明", "丁一"]
    # a form that renames moves the household
    register.update_household(db, operator, made["张伟"]["id"], {
        "village_id": township["新华村"], "head_name": "白伟",
        "head_id_number": id_number(3 * 2 + 1), "members": 1})
    assert names_in_list_order(db)[:2] == ["阿强", "白伟"]
    # villages: by name, not by statistical code; a rename moves it
    assert [v["name"] for v in places.tree(db)] == ["白鹤村", "大石村", "新华村"]
    places.rename(db, operator, township["新华村"], "安乐村")
    assert [v["name"] for v in places.tree(db)] == ["安乐村", "白鹤村", "大石村"]
    assert [p["name"] for p in subject_lists.place_tree(db) if p["level"] == "village"] == \
        ["安乐村", "白鹤村", "大石村"]


def test_an_older_register_gets_its_keys_when_opened(tmp_path):
    data = DataDir(tmp_path / "old")
    data.root.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "register-2026-12-all-sets.sqlite3",
                data.register)
    db = open_data_dir(data)
    try:
        for table in ("household", "organization", "place"):
            assert db.execute(f"SELECT count(*) FROM {table} WHERE name_sort IS NULL"
                              ).fetchone()[0] == 0, table
        names = names_in_list_order(db)
        assert len(names) > 10
        assert names == sorted(names, key=person_sort_key)
        assert names != sorted(names)  # code point order differs for these names
    finally:
        db.close()


def _roster(path: Path, people: list[tuple[str, str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "十组"
    sheet.append(["青山镇新华村农户信用信息采集表"])
    sheet.append(["序号", "户主姓名", "身份证号码", "家庭人数"])
    for i, (name, number) in enumerate(people, start=1):
        sheet.append([i, name, number, 3])
    book.save(path)
    return path


def test_imported_rows_list_by_pinyin_on_the_command_line(tmp_path, cli):
    data = DataDir(tmp_path / "township")
    cli("setup", "--township-code", TOWNSHIP, "--township-name", "青山镇", data=data, check=True)
    cli("places", "add", "--village", "新华村", "--code", TOWNSHIP + "215",
        "--groups", "十组,二组,一组", data=data, check=True)
    people = [("丁一", id_number(11)), ("陈明", id_number(13)), ("曾国华", id_number(15)),
              ("张秀英", id_number(17)), ("阿强", id_number(19))]
    cli("import", str(_roster(tmp_path / "采集表.xlsx", people)), data=data, check=True)
    listed = json.loads(cli("list", "--json", data=data, check=True).stdout)
    assert [r["head_name"] for r in listed] == ["阿强", "陈明", "丁一", "曾国华", "张秀英"]
    assert all(r["group_name"] == "十组" for r in listed)
    assert "*" in listed[0]["head_id_number"]  # numbers leave the program masked
    only = json.loads(cli("list", "--village", "新华村", "--limit", "2", "--json",
                          data=data, check=True).stdout)
    assert [r["head_name"] for r in only] == ["阿强", "陈明"]
    groups = json.loads(cli("places", "list", "--json", data=data, check=True).stdout)
    [village] = groups["villages"]
    assert [g["name"] for g in village["groups"]] == ["一组", "二组", "十组"]
