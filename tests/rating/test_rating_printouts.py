"""Printouts parsed back: the notice list PDF (Chinese, masked IDs) and the summary."""

import shutil
import subprocess

import openpyxl
import pytest
from pypdf import PdfReader

from app.rating import campaign as campaigns, printouts, verdicts

needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm missing")


def notice_village(db):
    campaign = campaigns.current_campaign(db)
    row = db.execute("SELECT v.id, v.name FROM rating_notice n JOIN place v ON v.id = n.village_id "
                     "WHERE n.campaign_id = ? ORDER BY n.start_date DESC LIMIT 1",
                     [campaign["id"]]).fetchone()
    return campaign, row[0], row[1]


@needs_pdftoppm
def test_notice_list_pdf_is_chinese_with_masked_ids(demo_db, tmp_path):
    campaign, village_id, village_name = notice_village(demo_db)
    operator = demo_db.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    path = printouts.notice_pdf(demo_db, operator, campaign["id"], village_id, tmp_path / "n.pdf")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert f"{village_name}{campaign['campaign_year']}年度信用户评定结果公示" in text.replace("\n", "")
    assert "公示期为" in text and "如有异议" in text
    people = list(demo_db.query(
        "SELECT h.head_name, h.head_id_number, r.grade FROM rating r JOIN household h "
        "ON h.id = r.subject_id WHERE r.notice_id = (SELECT id FROM rating_notice WHERE "
        "village_id = ? ORDER BY start_date DESC LIMIT 1)", [village_id]))
    assert people
    for person in people:
        assert person["head_id_number"] not in text
        assert person["head_id_number"][-4:] in text
    assert any(p["head_name"] in text for p in people)
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(png)],
                   check=True)
    rendered = list(tmp_path.glob("page*.png"))
    assert rendered and rendered[0].stat().st_size > 5000
    log = demo_db.execute("SELECT action, purpose FROM query_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert log == ("print", "信用户评定公示")


def test_notice_list_refused_before_any_notice(demo_db, tmp_path):
    campaign = campaigns.current_campaign(demo_db)
    village = demo_db.execute(
        "SELECT id FROM place WHERE level = 'village' AND id NOT IN "
        "(SELECT village_id FROM rating_notice) LIMIT 1").fetchone()[0]
    with pytest.raises(Exception, match="还没有发布公示"):
        printouts.notice_pdf(demo_db, "x", campaign["id"], village, tmp_path / "n.pdf")
    assert not (tmp_path / "n.pdf").exists()


def test_summary_pdf_and_excel_carry_every_village(demo_db, tmp_path):
    campaign = campaigns.current_campaign(demo_db)
    operator = demo_db.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    summary = verdicts.summary(demo_db, campaign["id"])
    pdf = printouts.summary_pdf(demo_db, operator, campaign["id"], tmp_path / "s.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "全镇合计" in text and "信用村" in text
    # The organizations rated in the campaign, by grade and supervision class.
    orgs = summary["organizations"]
    assert orgs["rated_in_campaign"] and "经营主体" in text
    flat = text.replace("\n", " ")
    assert f"{orgs['organizations']} {orgs['rated']}" in flat, flat[-400:]
    xlsx = printouts.summary_xlsx(demo_db, operator, campaign["id"], tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    orgs_sheet = list(book.worksheets[1].iter_rows(values_only=True))
    book.close()
    assert len(orgs_sheet) == 1 + orgs["organizations"]
    assert orgs_sheet[0][0] == "经营主体" and orgs_sheet[0][-1] == "监管类别"
    assert {r[1] for r in orgs_sheet[1:]} == {o["uscc"] for o in orgs["list"]}
    assert rows[0][:4] == ("村", "区划代码", "农户数", "已评")
    body = {r[1]: r for r in rows[1:] if r[0] != "全镇合计"}
    for village in summary["villages"]:
        row = body[village["village_code"]]
        assert row[2] == village["households"] and row[3] == village["rated"]
        assert row[-1] == ("是" if village["is_credit_village"] else "否")
    assert rows[-1][0] == "全镇合计" and rows[-1][2] == summary["township"]["households"]


def _busiest_notice(db):
    return db.execute("SELECT n.id FROM rating_notice n JOIN rating r ON r.notice_id = n.id "
                      "GROUP BY n.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]


def test_notice_list_count_equals_its_rows_and_non_credit_households_stand_apart(
        demo_db, tmp_path):
    import re

    from app.pinyin import name_syllables

    notice_id = _busiest_notice(demo_db)
    operator = demo_db.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    path = printouts.notice_pdf_for(demo_db, operator, notice_id, tmp_path / "n.pdf")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    flat = text.replace("\n", "")
    stated = int(re.search(r"拟评定以下 ?(\d+) ?户", flat).group(1))
    rows = list(demo_db.query("SELECT h.head_name, h.head_id_number, r.grade, g.code "
                              "FROM rating r JOIN household h ON h.id = r.subject_id "
                              "LEFT JOIN place g ON g.id = h.group_id WHERE r.notice_id = ?",
                              [notice_id]))
    credit = [r for r in rows if r["grade"]]
    others = [r for r in rows if not r["grade"]]
    assert stated == len(credit) > 0 and others
    proposed_part, _, others_part = flat.partition("未评为信用户的农户")
    # Every masked number once, in its own part; the credit part numbered 1..n.
    for r in credit:
        assert r["head_id_number"][-4:] in proposed_part
    for r in others:
        assert r["head_id_number"][-4:] in others_part
    assert f"（{len(others)} 户）" in others_part[:20] or f"({len(others)}" in others_part[:20]
    # Table cells come out one a line: number, name, group, masked ID number, grade/reason.
    lines = [line.strip() for line in text.splitlines()]
    table = [(int(lines[i]), lines[i + 1]) for i in range(len(lines) - 3)
             if lines[i].isdigit() and re.fullmatch(r"\d{3}\*+\d{3}[\dX]", lines[i + 3])]
    numbers = [number for number, _ in table]
    assert numbers == list(range(1, len(credit) + 1)) + list(range(1, len(others) + 1))
    # Ordered by village group, then by the pinyin of the name.
    order = [name for _, name in table[:len(credit)]]
    expected = sorted(credit, key=lambda r: (r["code"] or "", name_syllables(r["head_name"])))
    assert order == [r["head_name"] for r in expected]
    assert "第 1 页 共" in text
