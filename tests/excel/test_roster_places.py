"""Rosters as township staff send them: the village in the title, sheet or file name, the
group in the sheet name; columns nobody mapped are listed, never dropped unannounced."""

from __future__ import annotations

import json

import openpyxl
import pytest
from pypdf import PdfReader
from stdnum.cn import ric

from app import keystore
from app.paths import DataDir
from app.store import open_data_dir

TOWNSHIP = "510623105"
PEOPLE = [  # name, ID number (valid check digits), phone
    ("王长林", "510623196503120018", "13800001234"),
    ("李建军", "510623197008150038", "13900005678"),
    ("张秀英", "51062319721103004X", ""),
    ("陈明", "510623198001010010", "13700009999"),
]


@pytest.fixture
def township(tmp_path, cli) -> DataDir:
    data = DataDir(tmp_path / "township")
    cli("setup", "--township-code", TOWNSHIP, "--township-name", "青山镇", data=data, check=True)
    cli("places", "add", "--village", "新华村", "--code", TOWNSHIP + "215",
        "--groups", "一组,二组,三组", data=data, check=True)
    cli("places", "add", "--village", "青龙村", "--code", TOWNSHIP + "216",
        "--groups", "一组,二组", data=data, check=True)
    keystore.unlock(data, "admin", "demo2026")  # encrypted: opened here as after a sign-in
    return data


def _sheet(book, name, title, people, extra=True):
    sheet = book.create_sheet(name)
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    sheet.append(["填报单位：青山镇人民政府"])
    header = ["序号", "户主姓名", "身份证号码", "联系电话", "家庭人数", "耕地（亩）"]
    sheet.append(header + (["养殖规模"] if extra else []))
    for i, (name_, number, phone) in enumerate(people, start=1):
        sheet.append([i, name_, number, phone, 3, 2.5] + (["生猪20头"] if extra and i == 1 else []))
    return sheet


def test_village_from_title_and_groups_from_sheet_names(township, cli, tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "一组", "青山镇新华村农户信用信息采集表", PEOPLE[:2])
    _sheet(book, "第二村民小组", "青山镇新华村农户信用信息采集表", PEOPLE[2:], extra=False)
    path = tmp_path / "采集表.xlsx"
    book.save(path)

    dry = cli("import", str(path), "--dry-run", "--json", data=township, check=True)
    summary = json.loads(dry.stdout)
    assert summary["created"] == 4 and summary["rejected"] == 0
    places = {s["sheet"]: s["place"] for s in summary["sheets"]}
    assert places["一组"] == {"village": "新华村", "village_source": "title", "group": "一组",
                             "group_source": "sheet", "note": ""}
    assert places["第二村民小组"]["group"] == "二组"
    assert summary["unmapped_columns"] == [
        {"sheet": "一组", "column": "G", "header": "养殖规模", "rows_with_data": 1}]
    text = cli("import", str(path), "--dry-run", data=township, check=True).stdout
    assert "养殖规模" in text and "标题" in text

    cli("import", str(path), data=township, check=True)
    db = open_data_dir(township)
    try:
        rows = dict(db.execute(
            "SELECT h.head_name, v.name || '/' || g.name FROM household h "
            "JOIN place v ON v.id = h.village_id JOIN place g ON g.id = h.group_id"))
    finally:
        db.close()
    assert rows == {"王长林": "新华村/一组", "李建军": "新华村/一组",
                    "张秀英": "新华村/二组", "陈明": "新华村/二组"}

    # The first letters, for the village and for one group, named as officials name them.
    out = tmp_path / "新华村.pdf"
    cli("letters", "print", "--village", "新华", "-o", str(out), data=township, check=True)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert all(name in text for name in rows)
    group = tmp_path / "二组.pdf"
    cli("letters", "print", "--group", "新华村/2组", "-o", str(group), data=township, check=True)
    text = "".join(page.extract_text() for page in PdfReader(group).pages)
    assert "张秀英" in text and "陈明" in text and "王长林" not in text
    refused = cli("letters", "print", "--group", "新华村", "-o", str(group), data=township)
    assert refused.returncode != 0 and "新华村/一组" in refused.stderr


def test_data_typed_beside_the_table_without_a_header_is_listed(township, cli, tmp_path):
    # Every headed column is mapped, so only the sheet's extent tells that a
    # cell was typed two columns to the right of the table.
    people = []
    for i in range(60):
        body = f"5106231980{i // 28 + 1:02d}{i % 28 + 1:02d}{i:03d}"
        people.append((f"王{'建国军华明强伟志勇平'[i % 10]}{'林森秀英兰芳'[i // 10]}",
                       body + ric.calc_check_digit(body + "0"), ""))
    book = openpyxl.Workbook()
    book.remove(book.active)
    sheet = _sheet(book, "一组", "青山镇新华村农户信用信息采集表", people, extra=False)
    # Row 63, far below the rows kept for finding the header.
    sheet.cell(row=63, column=8, value="另有承包鱼塘")
    path = tmp_path / "采集表.xlsx"
    book.save(path)
    summary = json.loads(cli("import", str(path), "--dry-run", "--json", data=township,
                             check=True).stdout)
    assert summary["created"] == 60
    assert summary["unmapped_columns"] == [
        {"sheet": "一组", "column": "H", "header": "", "rows_with_data": 1}]

    sheet.cell(row=63, column=8).value = None   # nothing beside the table: nothing listed
    book.save(path)
    summary = json.loads(cli("import", str(path), "--dry-run", "--json", data=township,
                             check=True).stdout)
    assert summary["unmapped_columns"] == []


def test_village_from_file_name_and_group_from_title(township, cli, tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "Sheet1", "农户信用信息采集表（2组）", PEOPLE[:1], extra=False)
    path = tmp_path / "青龙村信用采集.xlsx"
    book.save(path)
    summary = json.loads(cli("import", str(path), "--dry-run", "--json", data=township,
                             check=True).stdout)
    place = summary["sheets"][0]["place"]
    assert (place["village"], place["village_source"]) == ("青龙村", "file")
    assert (place["group"], place["group_source"]) == ("二组", "title")


def test_no_village_anywhere_asks_for_the_officials_choice(township, cli, tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "Sheet1", "农户信用信息采集表", PEOPLE[:1], extra=False)
    path = tmp_path / "采集表.xlsx"
    book.save(path)
    refused = json.loads(cli("import", str(path), "--dry-run", "--json", data=township,
                             check=True).stdout)
    assert refused["rejected"] == 1
    chosen = json.loads(cli("import", str(path), "--dry-run", "--json", "--village", "青龙",
                            data=township, check=True).stdout)
    assert chosen["rejected"] == 0
    assert chosen["sheets"][0]["place"]["village_source"] == "chosen"


def test_a_village_named_but_not_registered_is_said(township, cli, tmp_path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "Sheet1", "青山镇白云村农户信用信息采集表", PEOPLE[:1], extra=False)
    path = tmp_path / "采集表.xlsx"
    book.save(path)
    summary = json.loads(cli("import", str(path), "--dry-run", "--json", data=township,
                             check=True).stdout)
    assert "白云村" in summary["sheets"][0]["place"]["note"]
    assert summary["rejected"] == 1


def test_loose_village_and_group_names_in_columns(township, cli, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["村", "组", "户主姓名", "身份证号码"])
    sheet.append(["青龙", "2组", *PEOPLE[0][:2]])
    sheet.append(["新华村委会", "第三村民小组", *PEOPLE[1][:2]])
    sheet.append(["新华", "3", *PEOPLE[2][:2]])
    path = tmp_path / "花名册.xlsx"
    book.save(path)
    cli("import", str(path), data=township, check=True)
    db = open_data_dir(township)
    try:
        rows = dict(db.execute(
            "SELECT h.head_name, v.name || '/' || g.name FROM household h "
            "JOIN place v ON v.id = h.village_id JOIN place g ON g.id = h.group_id"))
    finally:
        db.close()
    assert rows == {"王长林": "青龙村/二组", "李建军": "新华村/三组", "张秀英": "新华村/三组"}
