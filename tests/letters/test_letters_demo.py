"""The demo township has letters in every state."""

from __future__ import annotations


def test_demo_has_letters_in_every_state(demo_db):
    states = {(r["status"], r["fulfilment"]) for r in demo_db.query(
        "SELECT DISTINCT status, fulfilment FROM commitment_letter")}
    assert {("drafted", None), ("printed", None), ("signed", None), ("signed", "kept"),
            ("signed", "broken"), ("void", None)} <= states
    villages = demo_db.execute("SELECT COUNT(DISTINCT village_id) FROM commitment_letter "
                               "WHERE status = 'printed'").fetchone()[0]
    assert villages == demo_db.execute("SELECT COUNT(*) FROM place WHERE level = 'village'"
                                       ).fetchone()[0]
    unlinked = demo_db.execute(
        "SELECT COUNT(*) FROM commitment_letter l LEFT JOIN credit_record r "
        "ON r.id = l.credit_record_id AND r.letter_id = l.id AND r.polarity = 'negative' "
        "WHERE l.fulfilment = 'broken' AND r.id IS NULL").fetchone()[0]
    assert unlinked == 0
    organizations = demo_db.execute(
        "SELECT COUNT(*) FROM commitment_letter l JOIN organization o ON o.id = l.subject_id"
    ).fetchone()[0]
    assert organizations > 0
