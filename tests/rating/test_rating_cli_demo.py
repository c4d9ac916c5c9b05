"""The demo campaign and the command line, as a user runs them."""

import json

from app.rating import campaign as campaigns


def test_summary_json_agrees_with_stored_grades(demo_data, demo_db, cli):
    result = cli("rating", "summary", "--json", data=demo_data, check=True)
    summary = json.loads(result.stdout)
    assert summary["villages"]
    stored = {}
    for row in demo_db.query(
            "SELECT p.code, r.grade, count(*) AS n FROM rating r JOIN place p ON p.id = r.village_id "
            "WHERE r.grade IS NOT NULL AND r.status != 'removed' AND r.subject_kind = 'household' "
            "GROUP BY p.code, r.grade"):
        stored.setdefault(row["code"], {})[row["grade"]] = row["n"]
    households = dict(demo_db.execute(
        "SELECT p.code, count(*) FROM household h JOIN place p ON p.id = h.village_id GROUP BY p.code"
    ).fetchall())
    for village in summary["villages"]:
        code = village["village_code"]
        grades = {g: n for g, n in village["grades"].items() if n}
        assert grades == stored.get(code, {})
        credit = sum(grades.values())
        assert village["households"] == households[code]
        assert village["credit_share"] == round(credit / households[code], 4)
        assert village["is_credit_village"] == (credit / households[code] >= 0.7 and
                                                village["on_time_rate"] >= 0.9 and
                                                village["npl_ratio"] <= 0.03)
        assert {"rated", "is_credit_village"} <= set(village)
    assert "is_credit_township" in summary["township"]


def test_demo_campaign_is_in_realistic_mixed_states(demo_db):
    campaign = campaigns.current_campaign(demo_db)
    statuses = dict(demo_db.execute("SELECT status, count(*) FROM rating WHERE campaign_id = ? "
                                    "GROUP BY status", [campaign["id"]]).fetchall())
    assert {"collected", "first_reviewed", "in_notice", "township_reviewed", "approved",
            "plaqued"} <= set(statuses)
    assert demo_db.execute("SELECT count(*) FROM rating WHERE veto IS NOT NULL").fetchone()[0] > 0
    assert demo_db.execute("SELECT count(*) FROM rating WHERE complete = 0").fetchone()[0] > 0
    assert demo_db.execute("SELECT count(*) FROM rating_objection WHERE resolved_at IS NULL"
                           ).fetchone()[0] == 1
    # every plaqued household shows its whole path
    rating = demo_db.execute("SELECT id FROM rating WHERE status = 'plaqued' LIMIT 1").fetchone()[0]
    steps = [r[0] for r in demo_db.execute("SELECT step FROM rating_step WHERE rating_id = ? "
                                           "ORDER BY at", [rating])]
    assert steps == ["first_review", "notice", "township_review", "approve", "plaque"]
    assert demo_db.execute("SELECT count(*) FROM rating WHERE status = 'plaqued' AND grade IS NULL"
                           ).fetchone()[0] == 0


def test_bad_scheme_file_is_refused_with_its_line(tmp_path, data, cli):
    bad = tmp_path / "bad.toml"
    bad.write_text('[scheme]\ncode = "household"\nversion = "x"\nname = "坏"\n\n'
                   '[[dimensions]]\nkey = "basic"\nname = "基本"\n\n[[indicators]]\nkey = "a"\n'
                   'dimension = "nowhere"\nname = "甲"\noptions = []\n', encoding="utf-8")
    result = cli("rating", "scheme-check", str(bad), data=data)
    assert result.returncode == 2
    assert "第 11 行" in result.stderr and "nowhere" in result.stderr


def test_campaign_create_and_rescore_from_the_command_line(demo_data, cli):
    created = cli("rating", "campaign", "create", "--year", "2027", data=demo_data, check=True)
    assert "2027年度信用户评定" in created.stdout
    listed = cli("rating", "campaign", "list", data=demo_data, check=True)
    assert listed.stdout.count("\n") == 2
    scored = cli("rating", "score", data=demo_data, check=True)
    assert "条评定结果有变化" in scored.stdout


def test_objections_are_listed_and_answered_from_the_command_line(demo_data, cli):
    listed = json.loads(cli("rating", "objections", "--open", "--json", data=demo_data,
                            check=True).stdout)
    assert len(listed) == 1 and listed[0]["outcome"] is None and listed[0]["village"]
    every = json.loads(cli("rating", "objections", "--json", data=demo_data, check=True).stdout)
    assert len(every) == 2
    objection = listed[0]["id"]
    refused = cli("rating", "answer-objection", objection, "--outcome", "corrected",
                  "--reason", "核实属实", data=demo_data)
    assert refused.returncode == 2 and "更正后的答案" in refused.stderr
    refused = cli("rating", "answer-objection", objection, "--outcome", "corrected",
                  "--reason", "核实属实", "--set", "no_such_question=1", data=demo_data)
    assert refused.returncode == 2 and "no_such_question" in refused.stderr
    done = cli("rating", "answer-objection", objection, "--outcome", "dismissed",
               "--reason", "经村评议小组核实，收入填报属实", data=demo_data, check=True)
    assert "异议不成立" in done.stdout and "公示" in done.stdout
    assert json.loads(cli("rating", "objections", "--open", "--json", data=demo_data,
                          check=True).stdout) == []
    answered = next(o for o in json.loads(cli("rating", "objections", "--json", data=demo_data,
                                              check=True).stdout) if o["id"] == objection)
    assert answered["answered_by"] and answered["answered_at"]
    assert answered["answer"] == "经村评议小组核实，收入填报属实"
    again = cli("rating", "answer-objection", objection, "--outcome", "dismissed",
                "--reason", "x", data=demo_data)
    assert again.returncode == 2 and "已于" in again.stderr


def _credit_household(demo_db):
    return demo_db.execute(
        "SELECT h.head_id_number, h.head_name, p.code FROM rating r JOIN household h ON "
        "h.id = r.subject_id JOIN place p ON p.id = r.village_id WHERE r.status = 'plaqued' "
        "AND r.grade = 'AAA' ORDER BY h.sid LIMIT 1").fetchone()


def test_removal_reinstatement_and_downgrade_from_the_command_line(demo_data, demo_db, cli):
    number, name, village = _credit_household(demo_db)
    demo_db.close()
    refused = cli("rating", "remove", number, "--reason", " ", data=demo_data)
    assert refused.returncode == 2 and "理由" in refused.stderr
    removed = cli("rating", "remove", number, "--reason", "列入失信被执行人名单", data=demo_data,
                  check=True)
    assert name in removed.stdout and "摘牌" in removed.stdout
    summary = json.loads(cli("rating", "summary", "--json", data=demo_data, check=True).stdout)
    before = next(v for v in summary["villages"] if v["village_code"] == village)
    back = cli("rating", "reinstate", number, "--reason", "已移出名单", data=demo_data, check=True)
    assert "授牌" in back.stdout and "AAA" in back.stdout
    summary = json.loads(cli("rating", "summary", "--json", data=demo_data, check=True).stdout)
    after = next(v for v in summary["villages"] if v["village_code"] == village)
    assert after["credit_households"] == before["credit_households"] + 1
    wrong = cli("rating", "downgrade", number, "--grade", "AAA", "--reason", "逾期",
                data=demo_data)
    assert wrong.returncode == 2 and "AA" in wrong.stderr
    down = cli("rating", "downgrade", number, "--grade", "A", "--reason", "贷款逾期",
               data=demo_data, check=True)
    assert "等级 A" in down.stdout
    unknown = cli("rating", "remove", "110101199001011234", "--reason", "x", data=demo_data)
    assert unknown.returncode == 2 and "110101199001011234" in unknown.stderr
    reviewed = cli("rating", "review", number, data=demo_data, check=True)
    assert name in reviewed.stdout


def test_a_village_step_says_how_many_first_and_can_be_undone(demo_data, demo_db, cli):
    code, ready = demo_db.execute(
        "SELECT p.code, count(*) FILTER (WHERE r.subject_kind = 'household') FROM rating r "
        "JOIN place p ON p.id = r.village_id WHERE r.status = 'collected' AND r.complete = 1 "
        "GROUP BY p.code ORDER BY 2 DESC LIMIT 1").fetchone()
    demo_db.close()
    asked = cli("rating", "step", "first_review", "--village", code, data=demo_data, check=True)
    assert f"{ready} 户" in asked.stdout and "--yes" in asked.stdout
    done = cli("rating", "step", "first_review", "--village", code, "--yes", data=demo_data,
               check=True)
    assert f"{ready} 户" in done.stdout
    undone = cli("rating", "undo", "--village", code, data=demo_data, check=True)
    assert f"{ready} 户" in undone.stdout
    again = cli("rating", "undo", "--village", code, data=demo_data)
    assert again.returncode == 2 and "撤销" in again.stderr


def test_review_flags_are_listed_and_decided_from_the_command_line(demo_data, demo_db, cli):
    from app import register
    from app.accounts.demo import demo_user_id

    number, name, _ = _credit_household(demo_db)
    subject = demo_db.execute("SELECT id FROM household WHERE head_id_number = ?",
                              [number]).fetchone()[0]
    form = register.household_form(register.get_household(demo_db, subject))
    register.update_household(demo_db, demo_user_id(demo_db, "official"), subject,
                              {**form, "loan_balance": "60000", "overdue": "12000"})
    demo_db.close()
    flags = json.loads(cli("rating", "flags", "--json", data=demo_data, check=True).stdout)
    mine = [f for f in flags if f["subject"] == name and f["source"] == "loan"]
    assert len(mine) == 1 and mine[0]["grade"] == "AAA" and "12,000.00" in mine[0]["reason"]
    viewer = {"CREDIT_DESK_USER": "viewer", "CREDIT_DESK_PASSWORD": "demo2026"}
    refused = cli("rating", "resolve-flag", mine[0]["id"], "--action", "keep", data=demo_data,
                  env=viewer)
    assert refused.returncode == 2 and "rating.approve" in refused.stderr
    unknown = cli("rating", "resolve-flag", "zzzz", "--action", "keep", data=demo_data)
    assert unknown.returncode == 2 and "zzzz" in unknown.stderr
    done = cli("rating", "resolve-flag", mine[0]["id"][:8], "--action", "downgrade",
               "--grade", "A", "--reason", "贷款逾期 12,000 元", data=demo_data, check=True)
    assert name in done.stdout
    left = json.loads(cli("rating", "flags", "--json", data=demo_data, check=True).stdout)
    assert mine[0]["id"] not in {f["id"] for f in left}
    reviewed = cli("rating", "review", number, data=demo_data, check=True)
    assert "等级 A" in reviewed.stdout or " A" in reviewed.stdout
