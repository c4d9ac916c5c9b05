"""Every role against every protected action, through the app/ functions
(what the desktop app calls) and the command line: the same rules."""

from __future__ import annotations

import json

import pytest

from app.accounts import auth, permissions
from app.accounts.permissions import PermissionDenied
from tests.conftest import actor_id
from tests.records.records_helpers import penalty

ROLES = ("admin", "official", "field", "viewer")


def _household(db, *, assigned: bool) -> dict:
    field = actor_id(db, "field")
    op = "IN" if assigned else "NOT IN"
    row = db.execute(
        f"SELECT h.id, h.head_name, h.village_id FROM household h WHERE h.village_id {op} "
        "(SELECT village_id FROM user_village WHERE user_id = ?) LIMIT 1", [field]).fetchone()
    return {"id": row[0], "name": row[1], "village_id": row[2]}


def _edit(db, uid, assigned):
    from app.register import get_household, household_form, update_household

    household = get_household(db, _household(db, assigned=assigned)["id"])
    form = household_form(household)
    form["address"] = (form.get("address") or "") + "（核）"
    update_household(db, uid, household["id"], form)


def _record(db, uid):
    from app.records.records import create_record

    h = _household(db, assigned=True)
    create_record(db, uid, {
        "subject_id": h["id"], "category": "honour", "polarity": "positive",
        "title": "孝老爱亲", "content": "乡镇表彰", "source_department": "镇政府",
        "decision_date": "2026-11-01"})


def _report(db, uid, tmp_path):
    from app.records.report import issue_report

    h = _household(db, assigned=True)
    issue_report(db, uid, h["id"], purpose="贷款审批", output=tmp_path / "r.pdf",
                 requester="某银行")


def _export(db, uid, tmp_path):
    from app.excel.exports import export

    export(db, uid, "households", tmp_path / "h.xlsx")


def _approve(db, uid):
    from app.rating import workflow

    workflow.approve(db, uid, [])


def _void(db, uid):
    from app.letters.collection import void_letter

    void_letter(db, uid, "no-such-letter", "作废")


def _lists(db, uid):
    from app.records.lists import remove_entry

    remove_entry(db, uid, "no-such-entry", reason="到期")


def _sync(db, uid, tmp_path):
    from app.sync.usb import import_downlink

    import_downlink(db, uid, tmp_path / "nothing-here")


def _users(db, uid):
    auth.create_user(db, uid, "newbie", "新人", "viewer", "newbie-pass")


def _policy(db, uid):
    from app import credit_policy

    credit_policy.save(db, None, uid)


ACTIONS = {
    "edit own village": (lambda db, uid, tmp: _edit(db, uid, True),
                         {"admin", "official", "field"}),
    "edit other village": (lambda db, uid, tmp: _edit(db, uid, False), {"admin", "official"}),
    "record credit info": (lambda db, uid, tmp: _record(db, uid), {"admin", "official"}),
    "issue report": (lambda db, uid, tmp: _report(db, uid, tmp),
                     {"admin", "official", "viewer"}),
    "export": (lambda db, uid, tmp: _export(db, uid, tmp), {"admin", "official"}),
    "approve rating": (lambda db, uid, tmp: _approve(db, uid), {"admin", "official"}),
    "void letter": (lambda db, uid, tmp: _void(db, uid), {"admin", "official", "field"}),
    "manage lists": (lambda db, uid, tmp: _lists(db, uid), {"admin", "official"}),
    "sync": (lambda db, uid, tmp: _sync(db, uid, tmp), {"admin", "official"}),
    "manage users": (lambda db, uid, tmp: _users(db, uid), {"admin"}),
    "change policy": (lambda db, uid, tmp: _policy(db, uid), {"admin"}),
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_role_against_action_through_the_app_functions(demo_db, tmp_path, role, action):
    run, allowed = ACTIONS[action]
    uid = actor_id(demo_db, role)
    try:
        run(demo_db, uid, tmp_path)
        refused = None
    except PermissionDenied as exc:
        refused = exc
    except Exception:  # noqa: BLE001 - allowed through the check; the thing itself may fail
        refused = None
    if role in allowed:
        assert refused is None, f"{role} was refused {action}: {refused}"
    else:
        assert refused is not None, f"{role} was allowed {action}"
        # The message names what is missing, in Chinese.
        assert refused.permission in str(refused) or "分配" in str(refused) \
            or "驻村" in str(refused), str(refused)


def test_a_disabled_user_can_do_nothing(demo_db):
    uid = actor_id(demo_db, "official")
    auth.set_active(demo_db, actor_id(demo_db, "admin"), "official", False)
    with pytest.raises(PermissionDenied, match="停用"):
        permissions.require(demo_db, uid, "register.view")


CLI_CASES = [
    # (role, command, allowed)
    ("viewer", ["import", "{xlsx}"], False),
    ("viewer", ["export", "households", "-o", "{out}"], False),
    ("viewer", ["users", "list"], False),
    ("viewer", ["audit", "verify"], False),
    ("viewer", ["query-log"], False),
    ("field", ["export", "households", "-o", "{out}"], False),
    ("official", ["export", "households", "-o", "{out}"], True),
    ("official", ["users", "list"], False),
    ("admin", ["audit", "verify"], True),
]


@pytest.mark.parametrize("role,command,allowed", CLI_CASES,
                         ids=[f"{r}-{c[0]}" for r, c, _ in CLI_CASES])
def test_role_against_action_on_the_command_line(cli, demo_data, tmp_path, role, command,
                                                 allowed):
    from app.excel.templates import write_template

    xlsx = tmp_path / "t.xlsx"
    write_template(None, "households", xlsx)
    args = [a.format(xlsx=xlsx, out=tmp_path / "o.xlsx") for a in command]
    r = cli(*args, data=demo_data, env={"CREDIT_DESK_USER": role})
    if allowed:
        assert r.returncode == 0, r.stderr
    else:
        assert r.returncode == 2 and "缺少权限" in r.stderr, r.stderr


def test_viewer_search_is_masked_and_logged_and_full_numbers_refused(cli, demo_data):
    from app.store import open_data_dir

    viewer = {"CREDIT_DESK_USER": "viewer"}
    r = cli("search", "王", "--json", data=demo_data, env=viewer, check=True)
    found = json.loads(r.stdout)
    assert found and all("*" in f["id_number"] for f in found if f["kind"] == "household")
    r = cli("search", "王", "--json", "--full-numbers", "--purpose", "司法协查",
            data=demo_data, env=viewer)
    assert r.returncode == 2 and "register.full_numbers" in r.stderr
    r = cli("search", "王", "--json", "--full-numbers", "--purpose", "司法协查",
            data=demo_data, env={"CREDIT_DESK_USER": "official"}, check=True)
    assert all("*" not in f["id_number"] for f in json.loads(r.stdout))
    r = cli("search", "王", "--json", "--full-numbers", "--purpose", "贷款审批",
            data=demo_data, env={"CREDIT_DESK_USER": "official"})
    assert r.returncode == 2 and "不允许" in r.stderr
    db = open_data_dir(demo_data)
    rows = list(db.query(
        "SELECT u.username, q.action, q.purpose, q.detail FROM query_log q "
        "JOIN app_user u ON u.id = q.operator_id WHERE q.action = 'search' ORDER BY q.seq"))
    db.close()
    assert [(r["username"], json.loads(r["detail"])["full_numbers"]) for r in rows] == [
        ("viewer", False), ("official", True)]
    assert json.loads(rows[0]["detail"])["count"] == len(found)


def test_export_is_masked_by_default(demo_db, tmp_path):
    import openpyxl

    from app.excel.exports import export

    official = actor_id(demo_db, "official")
    result = export(demo_db, official, "households", tmp_path / "h.xlsx")
    assert result["full_numbers"] is False
    book = openpyxl.load_workbook(tmp_path / "h.xlsx", read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert all("*" in r[4] for r in rows[1:])
    logged = demo_db.execute("SELECT detail FROM query_log WHERE action = 'export' "
                             "ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert json.loads(logged)["count"] == len(rows) - 1


def test_the_journal_names_who_made_a_change(cli, demo_data):
    from app.store import open_data_dir

    db = open_data_dir(demo_data)
    h = _household(db, assigned=True)
    db.close()
    db = open_data_dir(demo_data)
    _edit(db, actor_id(db, "official"), True)
    who = db.execute("SELECT u.username FROM journal j JOIN app_user u ON u.id = j.operator_id "
                     "WHERE j.entity = 'household' AND j.entity_id = ? ORDER BY j.seq DESC "
                     "LIMIT 1", [h["id"]]).fetchone()[0]
    db.close()
    assert who == "official"


def test_separation_of_duties(demo_db):
    from app.records import objections, repair
    from app.records.records import create_record

    official, admin = actor_id(demo_db, "official"), actor_id(demo_db, "admin")
    h = _household(demo_db, assigned=True)
    subject = {"id": h["id"], "name": h["name"], "number": demo_db.execute(
        "SELECT head_id_number FROM household WHERE id = ?", [h["id"]]).fetchone()[0]}
    record = create_record(demo_db, official, penalty(subject))
    filed = objections.file(demo_db, official, record["id"], filed_by=h["name"], grounds="不服")
    with pytest.raises(PermissionDenied, match="另一人"):
        objections.decide(demo_db, official, filed["id"], outcome="upheld", reason="事实清楚")
    objections.decide(demo_db, admin, filed["id"], outcome="upheld", reason="事实清楚")
    application = repair.apply(demo_db, official, record["id"], applicant=h["name"],
                               evidence="已缴清", commitment="守法")
    with pytest.raises(PermissionDenied, match="另一人"):
        repair.decide(demo_db, official, application["id"], approve=False, reason="不同意")
    # Configurable: with the rule off, the same person may decide.
    from app.accounts import policy

    text = policy.shipped_text().replace("enabled = true", "enabled = false")
    policy.save(demo_db, admin, text)
    assert repair.decide(demo_db, official, application["id"], approve=False,
                         reason="材料不全")["status"] == "rejected"


def test_self_purpose_report_for_someone_else_is_masked_and_requester_recorded(demo_db,
                                                                               tmp_path):
    from pypdf import PdfReader

    from app.errors import UserError
    from app.records.report import issue_report

    official = actor_id(demo_db, "official")
    h = _household(demo_db, assigned=True)
    number = demo_db.execute("SELECT head_id_number FROM household WHERE id = ?",
                             [h["id"]]).fetchone()[0]

    def text(path):
        return "".join(p.extract_text() for p in PdfReader(str(path)).pages)

    row = issue_report(demo_db, official, h["id"], purpose="本人查询", output=tmp_path / "a.pdf",
                       requester="李经理", requester_org="某农商银行")
    assert number not in text(tmp_path / "a.pdf") and not row["full_display"]
    assert row["requester"] == "李经理（某农商银行）"
    row = issue_report(demo_db, official, h["id"], purpose="本人查询", output=tmp_path / "b.pdf",
                       requester=h["name"])
    assert number in text(tmp_path / "b.pdf") and row["full_display"]
    with pytest.raises(UserError, match="贷款审批"):
        issue_report(demo_db, official, h["id"], purpose="随便看看", output=tmp_path / "c.pdf")
    by = demo_db.execute("SELECT u.username FROM credit_report r JOIN app_user u "
                         "ON u.id = r.issued_by ORDER BY r.rowid DESC LIMIT 1").fetchone()[0]
    assert by == "official"


def test_field_staff_handle_letters_of_their_villages_only(demo_db):
    from app.letters.collection import void_letter

    field = actor_id(demo_db, "field")
    villages = [r[0] for r in demo_db.execute(
        "SELECT village_id FROM user_village WHERE user_id = ?", [field])]
    marks = ",".join("?" for _ in villages)
    letter_sql = ("SELECT l.id FROM commitment_letter l JOIN household h ON h.id = l.subject_id "
                  f"WHERE h.village_id {{}} IN ({marks}) AND l.status != 'void' "
                  "AND l.fulfilment IS NULL LIMIT 1")  # one that can be voided
    own = demo_db.execute(letter_sql.format(""), villages).fetchone()
    other = demo_db.execute(letter_sql.format("NOT"), villages).fetchone()
    assert other, "the demo has letters outside the field worker's villages"
    with pytest.raises(PermissionDenied, match="驻村干部只能处理自己负责的村"):
        void_letter(demo_db, field, other[0], "填错")
    if own:
        assert void_letter(demo_db, field, own[0], "填错")["status"] == "void"
