"""Letters in the form of an official paper (GB/T 9704-2012), read back from the PDF."""

from __future__ import annotations

from pypdf import PdfReader

from app import documents as doc
from app.letters import printing
from app.pdf_linebreak import CLOSING, OPENING
from tests.letters.conftest import households_of, village

MM = 72 / 25.4
LINE_START_FORBIDDEN = set("，。、；：？！）」』》…")


def _runs(page):
    """(text, x, y, font size) of every text run the page draws (forms included)."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            out.append((text, x, y, size * tm[0] * cm[0]))

    page.extract_text(visitor_text=visit)
    return out


def _village_letters(demo_db, demo_operator, tmp_path):
    v = village(demo_db, 0)
    # One household with an address far longer than a line: it must wrap in its cell.
    first = next(h for h in households_of(demo_db, v["id"]) if not demo_db.execute(
        "SELECT 1 FROM commitment_letter WHERE subject_id = ?", [h["id"]]).fetchone())
    demo_db.execute("UPDATE household SET address = ? WHERE id = ?",
                    ["石泉镇青龙村一组（原五里村三社，老粮站往东二百米，过石拱桥后沿机耕道"
                     "上坡第三户，门前有两棵核桃树和一口老水井）", first["id"]])
    demo_db.conn.commit()
    result = printing.print_letters(demo_db, demo_operator, tmp_path / "v.pdf",
                                    village_id=v["id"])
    return result, PdfReader(result.path)


def test_village_letters_follow_the_official_page(demo_db, demo_operator, tmp_path):
    result, reader = _village_letters(demo_db, demo_operator, tmp_path)
    width, height = doc.PAGE_W, doc.PAGE_H
    sizes = set()
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - width) < 1  # A4
        assert abs(float(page.mediabox.height) - height) < 1
        for text, x, y, size in _runs(page):
            sizes.add(round(size))
            if size >= doc.BODY_SIZE:  # title and body: inside the text area
                assert x >= 28 * MM - 0.5, (text, x)
                assert y >= 35 * MM - 0.5 and y <= height - 37 * MM + 0.5, (text, y)
    assert {doc.TITLE_SIZE, doc.BODY_SIZE} <= sizes


def test_text_stays_inside_the_right_margin_even_for_a_long_address(demo_db, demo_operator,
                                                                    tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app import pdf_fonts

    result, reader = _village_letters(demo_db, demo_operator, tmp_path)
    right = doc.PAGE_W - 26 * MM
    text = "".join(p.extract_text() for p in reader.pages)
    assert "门前有两棵核桃树和一口老水井" in text.replace("\n", "")
    for page in reader.pages[:6]:
        for run, x, y, size in _runs(page):
            if size >= 14 and y > 35 * MM:
                pdf_fonts.register()
                # A closing mark may hang half into the margin; nothing runs off the page.
                assert x + stringWidth(run.strip(), pdf_fonts.BASE, size) <= right + size, run


def test_every_line_of_a_village_obeys_the_line_break_rules(demo_db, demo_operator, tmp_path):
    result, reader = _village_letters(demo_db, demo_operator, tmp_path)
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()
             if line.strip()]
    assert len(lines) > 20 * len(result.letters)
    starts = [line for line in lines if line[0] in LINE_START_FORBIDDEN]
    ends = [line for line in lines if line[-1] in OPENING]
    assert starts == [] and ends == []
    assert LINE_START_FORBIDDEN <= CLOSING


def test_pages_are_numbered_x_of_y_per_letter_and_no_internal_ids(demo_db, demo_operator,
                                                                  tmp_path):
    result, reader = _village_letters(demo_db, demo_operator, tmp_path)
    texts = [page.extract_text() for page in reader.pages]
    assert all("第 1 页 共 2 页" in t for t in texts[0::2])
    assert all("第 2 页 共 2 页" in t for t in texts[1::2])
    joined = "".join(texts)
    assert "farmer-credit" not in joined and "template" not in joined.lower()
    for entry in result.letters:
        assert entry["id"] not in joined.lower()  # the id is only in the QR code


def test_the_office_name_is_configured_once_and_printed(demo_db, demo_operator, tmp_path):
    doc.set_office_name(demo_db, "中江县石泉镇人民政府信用办")
    v = village(demo_db, 3)
    result = printing.print_letters(demo_db, demo_operator, tmp_path / "o.pdf",
                                    village_id=v["id"])
    joined = "".join(p.extract_text() for p in PdfReader(result.path).pages).replace("\n", "")
    new = [x for x in result.letters]
    assert result.new and "中江县石泉镇人民政府信用办" in joined, new[:1]


def test_a_village_with_one_bad_name_prints_the_others(demo_db, demo_operator, tmp_path):
    v = village(demo_db, 1)
    people = households_of(demo_db, v["id"])
    bad = people[3]
    demo_db.execute("UPDATE household SET head_name = ? WHERE id = ?",
                    ["刘\U000F0001", bad["id"]])
    demo_db.conn.commit()
    result = printing.print_letters(demo_db, demo_operator, tmp_path / "v.pdf",
                                    village_id=v["id"])
    assert [s["subject_id"] for s in result.skipped] == [bad["id"]]
    assert "U+F0001" in result.skipped[0]["reason"]
    printed = {x["name"] for x in result.letters}
    assert len(printed) == len(people) - 1 and "刘\U000F0001" not in printed
    text = "".join(p.extract_text() for p in PdfReader(result.path).pages)
    assert all(p["head_name"] in text for p in people if p["id"] != bad["id"])
