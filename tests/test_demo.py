"""The demo township is written in bulk (app/demo.py and each area's demo.py),
not through the one-row workflows; these tests check it holds exactly what
the workflows would have written: the search keys the register keeps for
every row, one journal entry per row with the row as created, an intact
audit chain, and ratings scored as the rating workspace scores them.
"""

from __future__ import annotations

import json
from decimal import Decimal

from stdnum.cn import uscc

from app import demo, keystore, search
from app.accounts import audit
from app.journal import LOCAL_COLUMNS
from app.rating import assess
from app.rating.scheme import scheme_by_id
from app.store import open_data_dir
from app.paths import DataDir

NUMBER_PREFIXES = ("d:", "D:", "t:", "T:", "m:", "M:", "u:", "r:", "R:")


def _number_keys(db) -> set[tuple[str, int]]:
    return {(k, s) for k, s in db.execute("SELECT key, sid FROM search_key")
            if k[:2] in NUMBER_PREFIXES}


def _expected_number_keys(db) -> set[tuple[str, int]]:
    expected = set()
    members: dict[str, list[str]] = {}
    for household_id, number in db.execute("SELECT household_id, id_number FROM household_member"):
        members.setdefault(household_id, []).append(number)
    for row in db.query("SELECT * FROM household"):
        keys = search.household_keys(row) | search.member_keys(members.get(row["id"], []))
        expected |= {(k, row["sid"]) for k in keys}
    for row in db.query("SELECT * FROM organization"):
        expected |= {(k, row["sid"]) for k in search.organization_keys(row)}
    return expected


def _expected_name_keys(db) -> set[tuple[str, str]]:
    names = {n for (n,) in db.execute(
        "SELECT head_name FROM household UNION SELECT name FROM household_member "
        "UNION SELECT name FROM organization UNION SELECT legal_rep_name FROM organization")}
    return {(k, search.normalise_name(n)) for n in names for k in search.name_keys(n)}


def test_demo_search_keys_are_the_ones_the_register_keeps_for_each_row(demo_db):
    assert _number_keys(demo_db) == _expected_number_keys(demo_db)
    names = set(demo_db.execute("SELECT key, name FROM name_key").fetchall())
    assert names == _expected_name_keys(demo_db)
    # A member is found by name and says whose household it is.
    name, head = demo_db.execute(
        "SELECT m.name, h.head_name FROM household_member m JOIN household h "
        "ON h.id = m.household_id ORDER BY m.id LIMIT 1").fetchone()
    found = search.search(demo_db, name, limit=500)
    assert any(r.name == head and r.person == name for r in found)


def test_every_demo_row_has_its_create_in_the_journal_and_the_chain_holds(demo_db):
    for table in ("household", "household_member", "organization", "rating", "rating_step",
                  "credit_record", "commitment_letter"):
        rows = {r["id"]: r for r in demo_db.query(f"SELECT * FROM [{table}]")}
        created = {}
        for entity_id, after in demo_db.execute(
                "SELECT entity_id, after FROM journal WHERE entity = ? AND action = 'create'",
                [table]):
            assert entity_id not in created, f"{table} {entity_id} created twice"
            created[entity_id] = json.loads(after)
        assert set(created) == set(rows), table
        if table in ("household", "household_member", "organization"):
            # Untouched since the demo made them: the journal's row is the row.
            for row_id, row in rows.items():
                for local in LOCAL_COLUMNS:  # row number, sort key: never journaled
                    row.pop(local, None)
                assert created[row_id] == row, f"{table} {row_id}"
    result = audit.verify(demo_db)
    assert result["ok"], result


def test_demo_organizations_codes_are_valid_uscc_but_the_accepted_exceptions(demo_db):
    # The demo computes the check digit itself (app/demo.py _uscc); an
    # official who imports or edits these organizations has them checked by
    # stdnum, so the two must agree.
    rows = demo_db.execute("SELECT uscc, uscc_override_reason FROM organization").fetchall()
    assert rows
    for code, reason in rows:
        assert uscc.is_valid(code) == (reason is None), (code, reason)


def test_demo_ratings_are_scored_as_the_rating_workspace_scores_them(demo_db):
    # Organizations are rated in the same campaign with the campaign's organization scheme.
    ratings = list(demo_db.query(
        "SELECT r.*, CASE r.subject_kind WHEN 'organization' THEN c.org_scheme_id "
        "ELSE c.scheme_id END AS scheme_id FROM rating r "
        "JOIN rating_campaign c ON c.id = r.campaign_id"))
    assert len(ratings) > 100
    grades = set()
    for rating in ratings:
        scheme = scheme_by_id(demo_db, rating["scheme_id"])
        result = assess.score(scheme, json.loads(rating["answers"]), json.loads(rating["inputs"]))
        stored = assess.stored_fields(result, json.loads(rating["inputs"]))
        assert Decimal(str(rating["score"])) == result.score, rating["id"]
        for field in ("complete", "grade", "veto"):
            assert rating[field] == stored[field], (rating["id"], field)
        assert json.loads(rating["breakdown"]) == json.loads(stored["breakdown"]), rating["id"]
        if rating["status"] != "collected":
            assert rating["complete"] == 1  # only complete answers move on from collection
        grades.add(rating["grade"])
    assert None in grades and len(grades) >= 3  # credit grades and households without one


def test_demo_made_by_worker_processes_equals_the_one_made_in_process(tmp_path, monkeypatch):
    """A county-sized demo is generated by two worker processes; the same seed
    gives the same township either way (compared on a small one)."""
    columns = {
        "household": "sid, id, head_name, head_id_number, phone, members, main_industry",
        "household_member": "id, household_id, name, id_number",
        "organization": "sid, id, name, uscc, legal_rep_name, legal_rep_id_number",
        "search_key": "key, sid", "name_key": "key, name",
    }
    built = []
    for parallel_from in (10**9, 0):
        monkeypatch.setattr(demo, "_PARALLEL_FROM", parallel_from)
        data = DataDir(tmp_path / f"from-{parallel_from}")
        db = open_data_dir(data)
        try:
            demo.build_demo(db, households=300, seed=5, chunk=100, areas=False)
            built.append({t: set(db.execute(f"SELECT {c} FROM [{t}]").fetchall())
                          for t, c in columns.items()})
            assert audit.verify(db)["ok"]
        finally:
            db.close()
    assert len(built[0]["household"]) == 300
    for table in columns:
        assert built[0][table] == built[1][table], table


def test_a_county_sized_demo_has_statistics_for_the_tables_built_apart(tmp_path, monkeypatch):
    """The members and search keys are built by the key process, with their
    statistics; the register gets both, so a member is looked up through its
    name index, not by reading every member."""
    monkeypatch.setattr(demo, "_PARALLEL_FROM", 0)
    # Encrypted, as every register is: the key process's file is attached in
    # the register's page format.
    data = DataDir(tmp_path / "county")
    keystore.create_register(data, {"admin": "demo2026"})
    db = open_data_dir(data)
    try:
        demo.build_demo(db, households=300, seed=5, chunk=100)
        stats = {(tbl, idx): stat for tbl, idx, stat in db.execute(
            "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl IN "
            "('search_key', 'name_key', 'household_member')")}
        for table in ("search_key", "name_key", "household_member"):
            rows = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
            assert any(tbl == table for tbl, _ in stats), table
            # A row count, estimated from the tree past ANALYZE's row limit.
            for (tbl, _), stat in stats.items():
                if tbl == table:
                    assert abs(int(stat.split()[0]) - rows) <= rows * 0.1, (table, stat, rows)
        assert {idx for tbl, idx in stats if tbl == "household_member"} == {
            r[1] for r in db.execute("PRAGMA index_list(household_member)")}
        plan = " ".join(r[3] for r in db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM household_member WHERE name = ?", ["王建国"]))
        assert "household_member_name" in plan
        assert audit.verify(db)["ok"]
    finally:
        db.close()
