"""The policy screen: what is in force, where each value came from, and which open
deadline runs under which version."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app import credit_policy
from app.journal import changes
from app.records import objections

TODAY = dt.date.today()


@pytest.fixture
def page(ctx, qtbot):
    from ui.records.page import RecordsPage

    widget = RecordsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    yield widget
    widget.close_page()
    widget.close()


def test_the_screen_shows_the_county_version_and_the_version_of_each_open_deadline(
        page, ctx, qtbot, wait_idle, tmp_path):
    db = ctx.ui_db
    op = ctx.operator_id
    wait_idle()
    first, second = [r[0] for r in db.execute(
        "SELECT id FROM credit_record WHERE status = 'public' AND polarity = 'negative' "
        "AND id NOT IN (SELECT record_id FROM objection) LIMIT 2")]
    before = objections.file(db, op, first, filed_by="本人", grounds="处罚决定已撤销")
    credit_policy.save(db, credit_policy.shipped_text().replace("warn_days = 5", "warn_days = 4"),
                       op)  # an administrator's own edit, listed with who made it
    with changes(db, op) as cs:
        cs.insert("county_policy", {"name": "credit", "policy_version": "2026.10", "content": json.dumps(
            {"effective_from": TODAY.isoformat(), "objection": {"deadline_days": 15}}),
            "issued_at": TODAY.isoformat()})
    after = objections.file(db, op, second, filed_by="本人", grounds="主体有误")
    page.tabs.setCurrentWidget(page.policy_tab)
    page.refresh()
    tab = page.policy_tab
    assert "2026.10" in tab.in_force.text()
    period = next(r for r in tab.values_model.rows if r["key"] == "objection.deadline_days")
    assert period["value"] == 15 and "2026.10" in period["from"] and TODAY.isoformat() in period["from"]
    runs = {r["id"]: r["version_label"] for r in tab.deadlines_model.rows}
    assert "2026.1" in runs[before["id"]] and "2026.10" not in runs[before["id"]]
    assert "2026.10" in runs[after["id"]]
    # The county version over the administrator's edit over the shipped text.
    assert [r["source"] for r in tab.history_model.rows] == ["county", "local_edit", "shipped"]
    assert "异议答复期限（日）：15" in tab.history_model.data(tab.history_model.index(0, 3))
    edit = tab.history_model.rows[1]
    assert edit["by"] and edit["by"] in tab.history_model.data(tab.history_model.index(1, 3))
    assert "2026.10" in tab.by_version.text()
    path = tmp_path / "policy.png"
    assert tab.grab().save(str(path))
