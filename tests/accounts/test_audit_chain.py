"""The hash-chained logs: intact after normal work, broken by a rewrite
made behind the triggers' back, and the first broken row named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import keystore
from app.accounts import audit
from app.paths import DataDir
from app.register import create_place
from db.connection import raw_connect
from db.errors import DB_ERRORS


def _rewrite_behind_the_triggers(path, sql: str, params=()) -> None:
    """What someone with the key and an SQLite shell could do: drop the guard, UPDATE."""
    conn = raw_connect(path, key=keystore.known_key(DataDir(Path(path).parent)))
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_chain_is_intact_after_work_and_heads_move(db, admin_id):
    before = audit.chain_heads(db)
    create_place(db, admin_id, level="county", code="510623", name="中江县")
    result = audit.verify(db)
    assert result["ok"] and result["checked"]["journal"] >= 1
    after = audit.chain_heads(db)
    assert after["journal"]["seq"] > before["journal"]["seq"]
    assert after["journal"]["hash"] != before["journal"]["hash"]


def test_the_triggers_refuse_a_plain_update(db, admin_id):
    create_place(db, admin_id, level="county", code="510623", name="中江县")
    with pytest.raises(DB_ERRORS, match="append-only"):
        db.execute("UPDATE journal SET operator_id = 'someone-else'")


def test_update_with_triggers_dropped_breaks_the_chain_at_that_row(demo_data, cli):
    from app.store import open_data_dir

    db = open_data_dir(demo_data)
    target = db.execute("SELECT seq FROM journal ORDER BY seq LIMIT 1 OFFSET 5").fetchone()[0]
    db.close()
    assert cli("audit", "verify", data=demo_data).returncode == 0
    _rewrite_behind_the_triggers(demo_data.register,
                                 "UPDATE journal SET after = json_set(after, '$.name', '假名') "
                                 "WHERE seq = ?", [target])
    r = cli("audit", "verify", "--json", data=demo_data)
    assert r.returncode == 1
    result = json.loads(r.stdout)
    assert not result["ok"]
    assert result["breaks"][0]["log"] == "journal" and result["breaks"][0]["seq"] == target
    assert "journal_no_update" in result["missing_triggers"]
    r = cli("audit", "verify", data=demo_data)
    assert f"第 {target} 条" in r.stdout and "审计链已断裂" in r.stdout


def test_a_deleted_row_and_an_unchained_insert_are_found(db, admin_id):
    create_place(db, admin_id, level="county", code="510623", name="中江县")
    create_place(db, admin_id, level="township", code="510623105", name="永太镇")
    db.execute("DROP TRIGGER journal_no_delete")
    first = db.execute("SELECT min(seq) FROM journal").fetchone()[0]
    db.execute("DELETE FROM journal WHERE seq = ?", [first])
    assert audit.verify(db)["breaks"][0].seq == first
    db.execute("DROP TRIGGER journal_chain")
    db.execute("INSERT INTO journal (txn_id, at, operator_id, action, entity, entity_id) "
               "VALUES ('t', 'x', ?, 'create', 'place', 'p')", [admin_id])
    result = audit.verify(db)
    assert result["breaks"][0].seq == first  # the first break of a log is what is named
    assert "journal_chain" in result["missing_triggers"]   # and the bypassed trigger


def test_review_highlights_full_disclosures_and_volume_and_is_signed(cli, demo_data):
    import datetime as dt

    official = {"CREDIT_DESK_USER": "official"}
    cli("search", "王", "--full-numbers", "--purpose", "司法协查", data=demo_data, env=official,
        check=True)
    today = dt.date.today().isoformat()
    r = cli("audit", "review", "--since", today, "--until", today, "--json", data=demo_data,
            env={"CREDIT_DESK_USER": "viewer"})
    assert r.returncode == 2 and "audit.review" in r.stderr
    r = cli("audit", "review", "--since", today, "--until", today, "--sign", "无异常",
            "--json", data=demo_data, check=True)
    result = json.loads(r.stdout)
    assert [row["purpose"] for row in result["full_disclosures"]] == ["司法协查"]
    assert any(u["user"] == "信用办干部（演示）" for u in result["per_user"])
    r = cli("audit", "verify", "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["checked"]["account_log"] >= 5  # demo users + the review


def test_a_bulk_insert_chains_every_row_and_puts_the_triggers_back(db, admin_id):
    # Hundreds of rows at once (a village's letters, a demo's records) are
    # chained in one pass with the chain trigger set aside: audit verify must
    # find every one of them hashed, and a row added after it is chained by
    # the trigger again.
    from app.journal import changes

    county = create_place(db, admin_id, level="county", code="510623", name="中江县")
    with changes(db, admin_id) as cs:
        rows = [{"id": f"00000000-0000-4000-8000-{n:012d}", "level": "township",
                 "code": f"510623{n:03d}", "name": f"第{n}镇", "parent_id": county["id"],
                 "version": 1, "created_at": cs.at, "updated_at": cs.at} for n in range(600)]
        assert cs.insert_many("place", rows) == 600
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"journal_chain", "journal_no_update"} <= names
    create_place(db, admin_id, level="township", code="510623999", name="最后镇",
                 parent_id=county["id"])
    result = audit.verify(db)
    assert result["ok"], result
    chained = db.execute("SELECT count(*) FROM journal j JOIN audit_chain c "
                         "ON c.log = 'journal' AND c.seq = j.seq WHERE j.entity = 'place'"
                         ).fetchone()[0]
    assert chained == 602
