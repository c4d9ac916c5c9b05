"""Places the township manages: setup, villages and groups, on the command line and in app/."""

from __future__ import annotations

import json

import openpyxl
import pytest

from app import places, register
from app.accounts.permissions import PermissionDenied
from app.errors import UserError, ValidationFailed
from app.paths import DataDir
from tests.conftest import actor_id, ensure_admin

TOWNSHIP = "510623105"


@pytest.fixture
def township(tmp_path, cli) -> DataDir:
    data = DataDir(tmp_path / "township")
    result = cli("setup", "--township-code", TOWNSHIP, "--township-name", "石泉镇",
                 "--county-name", "中江县", "--json", data=data, check=True)
    assert json.loads(result.stdout)["admin"] == "admin"
    return data


def _list(cli, data, *extra) -> dict:
    return json.loads(cli("places", "list", "--json", *extra, data=data, check=True).stdout)


def _village(listing: dict, name: str) -> dict:
    return next(v for v in listing["villages"] if v["name"] == name)


def test_setup_then_add_villages_with_groups(township, cli):
    out = cli("places", "add", "--village", "新华村", "--code", "510623105215",
              "--groups", "一组,二组,三组", data=township, check=True)
    assert "新华村" in out.stdout
    listing = _list(cli, township)
    assert listing["township"]["name"] == "石泉镇"
    village = _village(listing, "新华村")
    assert village["code"] == "510623105215"
    assert [g["name"] for g in village["groups"]] == ["一组", "二组", "三组"]
    # More groups for an existing village, found loosely by its short name.
    cli("places", "add", "--village", "新华", "--groups", "4组", data=township, check=True)
    assert [g["name"] for g in _village(_list(cli, township), "新华村")["groups"]][-1] == "4组"


def test_setup_refuses_a_second_township_and_a_bad_code(township, tmp_path, cli):
    again = cli("setup", "--township-code", TOWNSHIP, "--township-name", "别的镇", data=township)
    assert again.returncode == 2 and "石泉镇" in again.stderr
    bad = cli("setup", "--township-code", "51062", "--township-name", "某镇",
              data=DataDir(tmp_path / "other"))
    assert bad.returncode == 2 and "9" in bad.stderr


@pytest.mark.parametrize("code, words", [
    ("51062310521", "12"),            # too short
    ("510623104215", "510623105"),    # another township's code
    ("5106231052AB", "12"),           # not digits
])
def test_add_refuses_bad_codes(township, cli, code, words):
    result = cli("places", "add", "--village", "白云村", "--code", code, data=township)
    assert result.returncode == 2
    assert words in result.stderr
    assert _list(cli, township)["villages"] == []


def test_add_refuses_a_duplicate_code_and_a_duplicate_name(township, cli):
    cli("places", "add", "--village", "新华村", "--code", "510623105215", data=township, check=True)
    dup = cli("places", "add", "--village", "白云村", "--code", "510623105215", data=township)
    assert dup.returncode == 2 and "新华村" in dup.stderr
    same = cli("places", "add", "--village", "新华", "--code", "510623105216",
               "--groups", "一组", data=township)
    assert same.returncode == 2 and "新华村" in same.stderr
    twice = cli("places", "add", "--village", "白云村", "--code", "510623105217",
                "--groups", "2组,二组", data=township)
    assert twice.returncode == 2 and "2组" in twice.stderr


def test_rename_merge_move_retire_on_the_command_line(township, cli):
    cli("places", "add", "--village", "新华村", "--code", "510623105215",
        "--groups", "一组,二组", data=township, check=True)
    cli("places", "add", "--village", "青龙村", "--code", "510623105216",
        "--groups", "1组,5组", data=township, check=True)
    cli("places", "rename", "青龙", "青龙社区", data=township, check=True)
    itself = cli("places", "merge", "新华村", "--into", "新华", data=township)
    assert itself.returncode == 2 and "它自己" in itself.stderr
    cli("places", "move-group", "青龙社区/5组", "--to", "新华村", data=township, check=True)
    cli("places", "merge", "青龙社区", "--into", "新华村", "--json", data=township, check=True)
    listing = _list(cli, township)
    assert [v["name"] for v in listing["villages"]] == ["新华村"]
    # 1组 went into 一组 (the same group); 5组 had moved before.
    assert [g["name"] for g in _village(listing, "新华村")["groups"]] == ["一组", "二组", "5组"]
    history = _list(cli, township, "--retired")
    retired = _village(history, "青龙社区")
    assert retired["retired_at"]
    retire = cli("places", "retire", "新华村/二组", "--json", data=township, check=True)
    assert json.loads(retire.stdout)["retired_at"]
    gone = cli("places", "retire", "白云村", data=township)
    assert gone.returncode == 2 and "白云村" in gone.stderr


def test_retire_refuses_a_village_with_households_and_merge_moves_them(demo_db):
    admin_id = actor_id(demo_db, "admin")
    villages = register.places(demo_db, "village")
    first, second = villages[0], villages[1]
    count = demo_db.execute("SELECT COUNT(*) FROM household WHERE village_id = ?",
                            [first["id"]]).fetchone()[0]
    assert count > 0
    with pytest.raises(UserError) as refused:
        places.retire(demo_db, admin_id, first["id"])
    assert str(count) in str(refused.value)
    journal = demo_db.execute("SELECT MAX(seq) FROM journal").fetchone()[0]
    result = places.merge(demo_db, admin_id, first["id"], second["id"])
    assert result["households_moved"] == count
    assert demo_db.execute("SELECT COUNT(*) FROM household WHERE village_id = ?",
                           [first["id"]]).fetchone()[0] == 0
    assert demo_db.execute("SELECT COUNT(*) FROM organization WHERE village_id = ?",
                           [first["id"]]).fetchone()[0] == 0
    # Every household now sits in a group of its new village.
    stray = demo_db.execute(
        "SELECT COUNT(*) FROM household h JOIN place g ON g.id = h.group_id "
        "WHERE g.parent_id != h.village_id").fetchone()[0]
    assert stray == 0
    moves = demo_db.execute("SELECT COUNT(*) FROM journal WHERE seq > ? AND entity = 'household'",
                            [journal]).fetchone()[0]
    assert moves == count
    assert first["id"] not in {v["id"] for v in register.places(demo_db, "village")}
    assert places.place(demo_db, first["id"])["retired_at"]


def test_split_makes_a_village_of_some_groups(demo_db):
    admin_id = actor_id(demo_db, "admin")
    village = register.places(demo_db, "village")[0]
    groups = register.places(demo_db, "village_group", village["id"])
    moving = groups[:2]
    in_them = demo_db.execute(
        "SELECT COUNT(*) FROM household WHERE group_id IN (?, ?)",
        [g["id"] for g in moving]).fetchone()[0]
    township = places.township(demo_db)
    new = places.split(demo_db, admin_id, village["id"], name="新建村",
                       code=township["code"] + "299", groups=[g["name"] for g in moving])
    assert new["households_moved"] == in_them
    assert {g["id"] for g in register.places(demo_db, "village_group", new["id"])} == \
        {g["id"] for g in moving}
    assert demo_db.execute("SELECT COUNT(*) FROM household WHERE village_id = ?",
                           [new["id"]]).fetchone()[0] == in_them


def test_a_viewer_may_not_change_places(demo_db):
    viewer = actor_id(demo_db, "viewer")
    with pytest.raises(PermissionDenied):
        places.add_village(demo_db, viewer, name="新村", code=places.township(demo_db)["code"]
                           + "298")


def _place_list(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "区划"
    sheet.append(["石泉镇村级区划表"])
    sheet.append(["序号", "村名", "统计用区划代码", "村民小组"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_the_village_and_group_list(township, cli, tmp_path):
    path = _place_list(tmp_path / "区划.xlsx", [
        [1, "新华村", "510623105215", "一组、二组、三组"],
        [2, "青龙村", 510623105216, "1组"],
        [None, None, None, "2组"],           # merged village cells read blank
        [3, "白云社区", "510623105217", ""],
    ])
    dry = cli("places", "import", str(path), "--dry-run", "--json", data=township, check=True)
    assert json.loads(dry.stdout)["villages_created"] == 3
    assert _list(cli, township)["villages"] == []
    cli("places", "import", str(path), data=township, check=True)
    listing = _list(cli, township)
    assert [g["name"] for g in _village(listing, "青龙村")["groups"]] == ["1组", "2组"]
    assert _village(listing, "白云社区")["groups"] == []
    # Importing again adds nothing.
    again = json.loads(cli("places", "import", str(path), "--json", data=township,
                           check=True).stdout)
    assert again["villages_created"] == 0 and again["groups_created"] == 0


def test_import_refuses_a_list_with_a_bad_row_whole(township, cli, tmp_path):
    path = _place_list(tmp_path / "区划.xlsx", [
        [1, "新华村", "510623105215", "一组"],
        [2, "青龙村", "51062310521", "一组"],
    ])
    result = cli("places", "import", str(path), data=township)
    assert result.returncode == 2
    assert "4" in result.stdout and "12" in result.stdout   # row 4, 12 digits
    assert _list(cli, township)["villages"] == []


def test_retired_places_leave_forms_and_import_lookups(db):
    from app.township_setup import create_township_register  # noqa: F401 (path the UI takes)

    admin = ensure_admin(db)
    operator = db.execute("SELECT id FROM app_user WHERE username = 'operator'").fetchone()[0]
    county = register.create_place(db, operator, level="county", code="510623", name="中江县")
    register.create_place(db, operator, level="township", code=TOWNSHIP, name="石泉镇",
                          parent_id=county["id"])
    v = places.add_village(db, admin, name="新华村", code=TOWNSHIP + "215", groups="一组")
    places.retire(db, admin, v["groups"][0]["id"])
    places.retire(db, admin, v["id"])
    assert register.places(db, "village") == []
    assert len(register.places(db, "village", retired=True)) == 1
    with pytest.raises(ValidationFailed):
        places.add_village(db, admin, name="新华村2", code=TOWNSHIP + "215")
