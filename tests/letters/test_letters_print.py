"""Printing letters into one PDF: text, fonts, pixels and the QR code."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.letters import printing
from app.letters.letter import get_letter
from app.letters.queries import subject_letters
from app.pdf_fonts import UnprintableCharacters
from tests.letters.conftest import households_of, letterless, render_page, village


def test_cli_prints_one_chinese_page_per_household_of_a_village(demo_data, demo_db, cli,
                                                                tmp_path):
    v = village(demo_db, 0)
    people = households_of(demo_db, v["id"])
    demo_db.close()
    out = tmp_path / "v.pdf"
    result = cli("letters", "print", "--village", v["code"], "-o", str(out), data=demo_data)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    texts = [p.extract_text() for p in reader.pages]
    # Each letter starts a page "第 1 页 共 n 页" (a letter at 3号 takes two pages).
    assert sum("第 1 页 共" in t for t in texts) == len(people) > 5
    first = "".join(texts[:2])
    assert "农户信用承诺书" in first
    assert "个人信息" in first  # the consent paragraph, with its purpose
    assert "按时足额偿还" in first
    for person in people:
        assert sum(person["head_name"] in t for t in texts) >= 1, person["head_name"]
        assert any(person["head_id_number"] in t for t in texts)


def test_pdf_text_holds_name_number_and_body(printed, demo_db):
    result, people = printed
    reader = PdfReader(result.path)
    assert len(reader.pages) == 8  # two pages a letter
    for page, person, entry in zip(reader.pages[::2], people, result.letters):
        text = page.extract_text()
        assert person["head_name"] in text
        assert entry["number"] in text
        assert "本人" + person["head_name"] in text  # the filled-in body
        letter = get_letter(demo_db, entry["id"])
        assert letter["status"] == "printed" and letter["print_count"] == 1


def test_fonts_are_embedded(printed):
    result, _ = printed
    reader = PdfReader(result.path)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts


def test_rendered_page_is_not_blank_and_qr_decodes_to_the_letter_id(printed, tmp_path):
    import zxingcpp

    result, _ = printed
    image = render_page(result.path, 3, 150, tmp_path / "page3").convert("L")
    histogram = image.histogram()  # 256 grey levels
    dark = sum(histogram[:128])
    assert dark / (image.width * image.height) > 0.01
    codes = zxingcpp.read_barcodes(image)
    # The id in upper case (QR alphanumeric mode; UUIDs are case-insensitive).
    assert [c.text.lower() for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode] == \
        [result.letters[1]["id"]]


def test_rare_characters_in_names_print_and_extract(demo_db, demo_operator, tmp_path):
    subject = letterless(demo_db)[0]
    demo_db.execute("UPDATE household SET head_name = '王𠀾' WHERE id = ?", [subject])
    demo_db.conn.commit()
    result = printing.print_letters(demo_db, demo_operator, tmp_path / "rare.pdf",
                                    subject_ids=[subject])
    text = PdfReader(result.path).pages[0].extract_text()
    assert "王𠀾" in text


def test_a_character_no_font_has_stops_the_print_and_is_named(demo_db, demo_operator, tmp_path):
    subject = letterless(demo_db)[0]
    demo_db.execute("UPDATE household SET head_name = '李\U000F0001' WHERE id = ?", [subject])
    demo_db.conn.commit()
    out = tmp_path / "bad.pdf"
    with pytest.raises(UnprintableCharacters) as error:
        printing.print_letters(demo_db, demo_operator, out, subject_ids=[subject])
    assert "U+F0001" in str(error.value) and "李" in str(error.value)
    assert not out.exists()
    assert subject_letters(demo_db, subject) == []  # nothing drafted either


def test_printing_again_reuses_the_letter_and_its_number(printed, demo_db, demo_operator, tmp_path):
    result, people = printed
    again = printing.print_letters(demo_db, demo_operator, tmp_path / "again.pdf",
                                   subject_ids=[people[0]["id"]])
    assert again.new == 0
    assert again.letters[0]["number"] == result.letters[0]["number"]
    letters = subject_letters(demo_db, people[0]["id"])
    assert len(letters) == 1 and get_letter(demo_db, letters[0]["id"])["print_count"] == 2


def test_organization_letter_has_a_stamp_area(demo_db, demo_operator, tmp_path):
    org = demo_db.execute("SELECT id, name FROM organization LIMIT 1").fetchone()
    result = printing.print_letters(demo_db, demo_operator, tmp_path / "org.pdf",
                                    subject_ids=[org[0]], template_name="voluntary-public")
    text = "".join(page.extract_text() for page in PdfReader(result.path).pages)
    assert org[1] in text and "盖章" in text and "法定代表人" in text
    assert "本单位" in text and "本人" not in text  # speaks as an organization


def test_household_template_refuses_an_organization(demo_db, demo_operator, tmp_path):
    from app.errors import UserError

    org = demo_db.execute("SELECT id FROM organization LIMIT 1").fetchone()[0]
    with pytest.raises(UserError, match="farmer-credit"):
        printing.print_letters(demo_db, demo_operator, tmp_path / "x.pdf", subject_ids=[org])
