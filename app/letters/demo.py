"""Demo letters: every state across the demo township.

A sample of households (half, about 3,000 at most, spread over every village by
taking every n-th household) and some organizations get a letter: drafted,
printed and still out, signed (with collector, time and place), kept,
broken (with its negative credit record) and void. The sample is picked
with one indexed query and written with ``insert_many``, so a register of a
million households gets its letters in about a second.
"""

from __future__ import annotations

import datetime as dt
import json

from app.jobs import Job
from app.journal import ChangeSet, changes
from app.letters import templates as tpl
from app.letters.fulfilment import broken_promise_record

MAX_HOUSEHOLD_LETTERS = 3000
MAX_ORGANIZATION_LETTERS = 120
COLLECTORS = ["李驻村", "王信贷员", "张文书", "刘组长", "陈会计"]
BROKEN_NOTES = ["贷款逾期90天未还", "拖欠电费一年以上", "虚报家庭收入被核实"]


def demo_extension(db, operator_id, rng, job: Job | None = None) -> None:
    job = job or Job()
    tpl.ensure_templates(db, operator_id)
    households = db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    organizations = db.execute("SELECT COUNT(*) FROM organization").fetchone()[0]
    if not households:
        return
    today = dt.date.today()
    with changes(db, operator_id) as cs:
        # Every n-th household (by sid): a spread over all villages.
        # At most half the households, so the demo also has villagers without a letter.
        step = max(2, -(-households // MAX_HOUSEHOLD_LETTERS))
        # Looked up by sid: a condition on every row would read the whole table.
        last = db.execute("SELECT COALESCE(MAX(sid), 0) FROM household").fetchone()[0]
        ids = [r[0] for r in db.execute(
            "WITH RECURSIVE n(sid) AS (SELECT ? UNION ALL SELECT sid + ? FROM n "
            "WHERE sid + ? <= ?) SELECT h.id FROM n JOIN household h ON h.sid = n.sid "
            "ORDER BY n.sid LIMIT ?", [step, step, step, last, MAX_HOUSEHOLD_LETTERS])]
        counters: dict[str, int] = {}  # last number per village
        _letters(cs, rng, tpl.current_template(db, tpl.DEFAULT_TEMPLATE), ids, today, counters)
        if organizations:
            org_step = max(1, organizations // MAX_ORGANIZATION_LETTERS)
            org_ids = [r[0] for r in db.execute(
                "SELECT id FROM organization WHERE sid % ? = 0 LIMIT ?",
                [org_step, MAX_ORGANIZATION_LETTERS])]
            _letters(cs, rng, tpl.current_template(db, tpl.DEFAULT_ORGANIZATION_TEMPLATE),
                     org_ids, today, counters)
        job.step(1, 1, "letters")


def _letters(cs: ChangeSet, rng, template, subject_ids: list[str], today: dt.date,
             counters: dict[str, int]) -> None:
    if not subject_ids:
        return
    db = cs.db
    values = tpl.subjects_values(db, subject_ids, today=today - dt.timedelta(days=120))
    ordered = sorted(subject_ids, key=lambda s: (values[s]["village_code"], s))
    year = today.year
    rows, broken = [], []
    for subject_id in ordered:
        v = values[subject_id]
        code = v["village_code"]
        counters[code] = counters.get(code, 0) + 1
        number = f"{code}-{year}-{counters[code]:05d}"
        snapshot = dict(v, letter_number=number)
        created = today - dt.timedelta(days=120)
        printed = (created + dt.timedelta(days=rng.randint(0, 10))).isoformat() + "T02:00:00Z"
        row = {
            "id": str(_uuid(rng)), "number": number, "subject_id": subject_id,
            "village_id": v["village_id"], "template_id": template["id"],
            "template_name": template["name"], "status": "printed",
            "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
            "text_sha256": tpl.text_hash(tpl.filled(template, snapshot)),
            "printed_at": printed, "print_count": 1,
            "signed_at": None, "collected_by": None, "signed_place": None,
            "fulfilment": None, "fulfilment_at": None, "fulfilment_note": None,
            "credit_record_id": None, "void_reason": None, "voided_at": None,
            "status_before_void": None, "version": 1, "created_at": cs.at, "updated_at": cs.at,
        }
        # The first letter of each village is still out, so every village
        # has something on its outstanding list.
        r = 0.2 if counters[code] == 1 else rng.random()
        if r < 0.08:
            row.update(status="drafted", printed_at=None, print_count=0)
        elif r < 0.38:
            pass  # printed, still out in the village
        elif r < 0.44:
            row.update(status="void", void_reason=rng.choice(
                ["户主姓名有误，重新打印", "农户已迁出本村", "重复打印"]),
                voided_at=cs.at, status_before_void="printed")
        else:
            signed = created + dt.timedelta(days=rng.randint(12, 60))
            row.update(status="signed", signed_at=signed.isoformat() + "T06:30:00Z",
                       collected_by=rng.choice(COLLECTORS),
                       signed_place=f"{v['village']}村民委员会")
            f = rng.random()
            if f < 0.45:
                row.update(fulfilment="kept",
                           fulfilment_at=(signed + dt.timedelta(days=40)).isoformat())
            elif f < 0.52:
                broken.append(row)
        rows.append(row)
    cs.insert_many("commitment_letter", rows)
    for row in broken:
        day = dt.date.fromisoformat(row["signed_at"][:10]) + dt.timedelta(days=50)
        note = rng.choice(BROKEN_NOTES)
        letter = dict(row, values=json.loads(row["snapshot"]), template_title=template["title"])
        record_id = broken_promise_record(cs, letter, note, day)
        cs.update("commitment_letter", row["id"], {
            "fulfilment": "broken", "fulfilment_at": day.isoformat(), "fulfilment_note": note,
            "credit_record_id": record_id})


def _uuid(rng):
    import uuid

    return uuid.UUID(int=rng.getrandbits(128), version=4)
