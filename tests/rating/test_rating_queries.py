"""What other areas call on rating: subject_ratings and the review queue's flag_for_review."""

import pytest

from app.journal import changes
from app.rating import campaign as campaigns
from app.rating.queries import subject_ratings
from app.rating.review_queue import flag_for_review

from rating_fixtures import GOOD


def test_subject_ratings_newest_first_with_grade(db, operator, town, small_campaign):
    subject = db.execute("SELECT subject_id FROM rating LIMIT 1").fetchone()[0]
    rating = campaigns.rating_for(db, small_campaign["id"], subject)
    campaigns.save_answers(db, operator, rating["id"], GOOD)
    older = campaigns.create_campaign(db, operator, name="2025年度信用户评定", year=2025)
    rows = subject_ratings(db, subject)
    assert [r["campaign_year"] for r in rows] == [2026, 2025]
    assert rows[0]["grade"] == "AAA" and rows[0]["scheme_version"] == "2026.1"
    assert rows[0]["status"] == "collected" and rows[0]["decided_at"] is None
    assert set(rows[0]) >= {"campaign_year", "scheme_version", "score", "grade", "status",
                            "decided_at"}
    assert older["campaign_year"] == 2025


def test_flag_is_written_in_the_callers_transaction(db, operator, small_campaign):
    subject = db.execute("SELECT subject_id FROM rating LIMIT 1").fetchone()[0]
    # Automatic flags concern credit households only: make this one hold a decided grade.
    db.execute("UPDATE rating SET status = 'approved', grade = 'AA' WHERE subject_id = ?",
               [subject])
    with pytest.raises(RuntimeError):
        with changes(db, operator) as cs:
            flag_for_review(db, cs, subject, "新增失信被执行人名单", "list_entry")
            raise RuntimeError("caller fails")
    assert db.execute("SELECT count(*) FROM rating_flag").fetchone()[0] == 0
    with changes(db, operator) as cs:
        flag_for_review(db, cs, subject, "新增失信被执行人名单", "list_entry")
        flag_for_review(db, cs, subject, "新增失信被执行人名单", "list_entry")
    rows = list(db.query("SELECT * FROM rating_flag"))
    assert len(rows) == 1 and rows[0]["source"] == "list_entry"
    assert db.execute("SELECT count(*) FROM journal WHERE entity = 'rating_flag'").fetchone()[0] == 1


def test_campaign_inputs_read_records_by_subject_on_a_register_never_analysed(db, town):
    """Without statistics SQLite would read a subject's records through the status
    index, i.e. every public record once per household: a campaign on a large
    register that was never analysed would run for minutes."""
    from app.rating.inputs import SOURCES, select_sql

    db.execute("DROP TABLE IF EXISTS sqlite_stat1")
    db.conn.commit()
    for kind in ("household", "organization"):
        keys = [k for k, s in SOURCES.items() if s.kind in ("any", kind)]
        plan = " ".join(str(r[3]) for r in db.execute("EXPLAIN QUERY PLAN " + select_sql(keys, kind),
                                                       {"today": "2026-12-06"}))
        assert "credit_record_status" not in plan, plan
        assert "credit_record_subject" in plan or "credit_record_category" in plan, plan
