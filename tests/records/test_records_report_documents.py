"""Credit reports as documents: signed QR codes, verification that states the
facts, file names, numbers, official page, and content that adds up."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader, PdfWriter

from app import documents as doc
from app.letters import printing
from app.records import verification
from app.records.report import issue_report, reserve_number, verify_report

MM = 72 / 25.4


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def scan_cover(pdf, tmp_path) -> str:
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf),
                    str(tmp_path / "cover")], check=True, timeout=60)
    image = Image.open(next(tmp_path.glob("cover*.png"))).convert("L")
    codes = [c.text for c in zxingcpp.read_barcodes(image)
             if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(codes) == 1
    return codes[0]


def test_scanned_qr_verifies_and_the_answer_states_the_printed_facts(demo_db, op, household,
                                                                     tmp_path):
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    text = scan_cover(row["path"], tmp_path)
    answer = verify_report(demo_db, text)
    assert answer["genuine"] and answer["current"], answer["message"]
    facts = verification.parse(text).fields
    assert facts["no"] == row["number"] and facts["code"] == row["verify_code"]
    assert facts["subject"] == verification.mask_name(household["name"])
    for shown in (facts["subject"], facts["id"], facts["grade"], facts["lists"], "守信记录",
                  "失信记录", row["issued_on"]):
        assert shown in answer["message"], shown
    assert household["number"] not in answer["message"]  # masked
    printed = pdf_text(row["path"])
    assert facts["grade"] in printed or "未评定" in printed


def test_altered_facts_in_the_qr_text_do_not_verify(demo_db, op, household, tmp_path):
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    text = row["qr_text"]
    forged = text.replace(f"grade={verification.parse(text).fields['grade']}", "grade=AAA")
    assert forged != text
    answer = verify_report(demo_db, forged)
    assert not answer["genuine"] and "不是真实" in answer["message"]
    trusted = verification.trusted_keys(demo_db)
    assert verification.verify_offline(text, trusted)["genuine"]
    assert not verification.verify_offline(forged, trusted)["genuine"]
    # Signed by another key: refused even though the signature itself is sound.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = verification.qr_text(verification.parse(text).fields, Ed25519PrivateKey.generate())
    assert not verification.verify_offline(other, trusted)["genuine"]


def test_an_altered_pdf_does_not_pass(demo_db, op, household, tmp_path):
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    writer = PdfWriter(clone_from=row["path"])
    writer.add_metadata({"/Subject": "贷款审批 AAA"})
    altered = tmp_path / "altered.pdf"
    with open(altered, "wb") as handle:
        writer.write(handle)
    answer = verify_report(demo_db, row["qr_text"], pdf_path=altered)
    assert not answer["genuine"] and not answer["current"]
    assert verify_report(demo_db, row["qr_text"], pdf_path=row["path"])["current"]


def test_cli_scans_the_rendered_page_and_checks_offline_with_the_township_key(
        cli, demo_data, demo_db, op, household, tmp_path):
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile",
                    row["path"], str(tmp_path / "photo")], check=True, timeout=60)
    public = verification.own_public_key(demo_db)["public"]
    demo_db.close()
    online = cli("verify-report", "--scan", str(tmp_path / "photo.png"), data=demo_data)
    assert online.returncode == 0 and "真实有效" in online.stdout, online.stdout + online.stderr
    # A bank: no register at all, only the township's public key.
    bank = tmp_path / "bank"
    offline = cli("verify-report", "--scan", str(tmp_path / "photo.png"), "--key", public,
                  data=type(demo_data)(bank))
    assert offline.returncode == 0 and "签名有效" in offline.stdout, offline.stdout
    forged = row["qr_text"].replace("records=", "records=9")
    refused = cli("verify-report", forged, "--key", public, data=type(demo_data)(bank))
    assert refused.returncode == 1 and "不是真实报告" in refused.stdout


def test_two_reports_on_the_same_day_keep_two_files(demo_db, op, household, tmp_path):
    first = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    second = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    assert first["number"] != second["number"]
    assert first["path"] != second["path"]
    assert [p.name for p in sorted(tmp_path.glob("*.pdf"))] == \
        [f"{first['number']}.pdf", f"{second['number']}.pdf"]
    assert first["number"] in pdf_text(first["path"])
    assert second["number"] in pdf_text(second["path"])


def test_a_reserved_number_is_never_given_again(demo_db, op, household, tmp_path):
    from app import credit_policy as pol

    policy = pol.load(demo_db)
    lost = reserve_number(demo_db, policy, pol.today())  # a report that then failed
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    assert row["number"] > lost


def test_printing_letters_does_not_make_a_report_stale(demo_db, op, tmp_path):
    subject = demo_db.execute(
        "SELECT subject_id FROM commitment_letter WHERE status = 'drafted' LIMIT 1").fetchone()[0]
    row = issue_report(demo_db, op, subject, purpose="贷款审批", output=tmp_path)
    printing.print_letters(demo_db, op, tmp_path / "letters.pdf", subject_ids=[subject])
    answer = verify_report(demo_db, row["verify_code"])
    assert answer["current"], answer["message"]


def test_drafts_and_void_letters_are_not_listed_as_commitments(demo_db, op, tmp_path):
    rows = list(demo_db.query(
        "SELECT subject_id, number, status FROM commitment_letter WHERE status != 'signed' "
        "AND subject_id IN (SELECT subject_id FROM commitment_letter WHERE status = 'signed')"))
    if not rows:
        rows = list(demo_db.query("SELECT subject_id, number, status FROM commitment_letter "
                                  "WHERE status IN ('drafted', 'void') LIMIT 1"))
    row = rows[0]
    report = issue_report(demo_db, op, row["subject_id"], purpose="贷款审批", output=tmp_path)
    text = pdf_text(report["path"]).replace("\n", "")
    assert row["number"] not in text
    for signed in demo_db.execute("SELECT number FROM commitment_letter WHERE subject_id = ? "
                                  "AND status = 'signed'", [row["subject_id"]]):
        assert signed[0] in text


def _rating_section(text: str) -> str:
    start = text.index("（二）当前信用等级")
    return text[start:text.index("（三）", start)]


@pytest.mark.parametrize("kind", ["graded", "vetoed", "below", "unrated"])
def test_rating_section_agrees_with_the_register(demo_db, op, tmp_path, kind):
    where = {
        "graded": "r.status IN ('approved', 'plaqued') AND r.grade IS NOT NULL",
        "vetoed": "r.status = 'approved' AND r.grade IS NULL AND r.veto IS NOT NULL",
        "below": "r.status = 'approved' AND r.grade IS NULL AND r.veto IS NULL",
    }
    if kind == "unrated":
        # Unrated: no rating decided yet (still in the workflow, or none at all).
        subject = demo_db.execute(
            "SELECT subject_id FROM rating GROUP BY subject_id HAVING "
            "SUM(status IN ('approved', 'plaqued', 'removed')) = 0 LIMIT 1").fetchone()[0]
        rating = None
    else:
        rating = next(demo_db.query(f"SELECT r.* FROM rating r WHERE {where[kind]} AND NOT "
                                    "EXISTS (SELECT 1 FROM rating q WHERE q.subject_id = "
                                    "r.subject_id AND q.id != r.id) LIMIT 1"))
        subject = rating["subject_id"]
    report = issue_report(demo_db, op, subject, purpose="贷款审批", output=tmp_path)
    text = pdf_text(report["path"]).replace("\n", "")
    section = _rating_section(text)
    facts = verification.parse(report["qr_text"]).fields
    if kind == "graded":
        assert rating["grade"] in section and facts["grade"] == rating["grade"]
    elif kind == "vetoed":
        assert "一票否决" in section and rating["veto"] in section
        assert facts["grade"] == verification.NOT_CREDIT_HOUSEHOLD
    elif kind == "below":
        assert "得分未达最低等级" in section
        assert facts["grade"] == verification.NOT_CREDIT_HOUSEHOLD
    else:
        assert "未评定" in section and facts["grade"] == verification.NOT_RATED
    if rating is not None:
        # The history row says the same as the current rating: grade or reason, never blank.
        history = text[text.index("（二）历年信用评定"):]
        assert (rating["grade"] or "不评为信用户") in history


def test_report_pages_are_official_and_numbered(demo_db, op, household, tmp_path):
    doc.set_office_name(demo_db, "中江县石泉镇信用信息服务站")
    row = issue_report(demo_db, op, household["number"], purpose="贷款审批", output=tmp_path)
    reader = PdfReader(row["path"])
    total = len(reader.pages)
    sizes = set()
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"第 {number} 页 共 {total} 页" in text
        runs = []
        page.extract_text(visitor_text=lambda t, cm, tm, f, s: runs.append(
            (t, tm[4] * cm[0] + cm[4], s * tm[0] * cm[0])) if t.strip() else None)
        for t, x, size in runs:
            sizes.add(round(size))
            assert x >= 28 * MM - 1, (t, x)
    assert doc.TITLE_SIZE in sizes
    cover = reader.pages[0].extract_text()
    assert "中江县石泉镇信用信息服务站" in cover and doc.chinese_date(row["issued_on"]) in cover


def test_the_issuing_office_is_set_from_the_command_line_by_an_official_only(demo_data):
    from tests.conftest import run_cli

    set_ = run_cli("issuing-office", "青山镇人民政府", data=demo_data, check=True)
    assert set_.stdout.strip() == "青山镇人民政府"
    assert run_cli("issuing-office", data=demo_data, check=True).stdout.strip() == "青山镇人民政府"
    refused = run_cli("issuing-office", "别的单位", data=demo_data,
                      env={"CREDIT_DESK_USER": "viewer"})
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "只有管理员或信用办干部可以修改出具单位名称" in refused.stderr
    assert run_cli("issuing-office", data=demo_data, check=True).stdout.strip() == "青山镇人民政府"
